package layout_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// headerDoc is a document with the given issuer and title lines (YAML
// values) and extra top-level keys.
func headerDoc(issuer, title, extra string) []byte {
	return []byte(fmt.Sprintf(`type: ke-hoach
issuer:
%s
  abbr: UBND
place: Bỉm Sơn
date: 2017-05-23
title: %s
preamble: [Nội dung.]
signer: {position: CHỦ TỊCH, name: Mai Đình Lâm}
archive: VT
%s`, issuer, title, extra))
}

// lineTexts returns the printed lines of the texts with a tag, top to
// bottom.
func lineTexts(m layout.Measurer, p *layout.Page, tag string) []string {
	var out []string
	q := layout.Page{}
	q.Texts = p.Tagged(tag)
	for _, l := range q.Lines(m) {
		out = append(out, l.Text)
	}
	return out
}

// A name or a title written as one text is wrapped where the phrase
// allows: after a comma, before VÀ, CỦA, TỈNH, THỊ XÃ, NĂM…, never inside
// a word of two syllables (THƯƠNG BINH, XÃ HỘI) or after CỦA, with a long
// first line. These are the lines the review found split badly.
func TestHeaderLinesBreakBetweenPhrases(t *testing.T) {
	m := fonts(t)
	for _, c := range []struct {
		name, extra string
		want        []string
	}{
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "", []string{"SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"}},
		{"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "", []string{"SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"}},
		{"TRUNG TÂM CÔNG TÁC XÃ HỘI TỈNH THANH HÓA", "", []string{"TRUNG TÂM CÔNG TÁC XÃ HỘI", "TỈNH THANH HÓA"}},
		{"BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ THỊ XÃ BỈM SƠN", "", []string{"BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ", "THỊ XÃ BỈM SƠN"}},
		{"ủy ban nhân dân thị xã Bỉm Sơn", "", []string{"ỦY BAN NHÂN DÂN", "THỊ XÃ BỈM SƠN"}},
		// 64.4 mm in the 65 mm column: crowded on one line, set on two at
		// the boundary of its level, unless a list sets it on one.
		{"ỦY BAN NHÂN DÂN XÃ HÀ LAN", "", []string{"ỦY BAN NHÂN DÂN", "XÃ HÀ LAN"}},
		{"[ỦY BAN NHÂN DÂN XÃ HÀ LAN]", "", []string{"ỦY BAN NHÂN DÂN XÃ HÀ LAN"}},
		{"SỞ TƯ PHÁP", "", []string{"SỞ TƯ PHÁP"}},
		// At 13 pt the first line is 69.5 mm: it runs 2.3 mm past each
		// side of the 65 mm column rather than split THƯƠNG BINH.
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "style: {header_size: 13}\n", []string{"SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"}},
		// A no-break space glues THỂ THAO to VÀ: the break moves to the comma.
		{"SỞ VĂN HÓA, THỂ THAO\u00a0VÀ DU LỊCH", "", []string{"SỞ VĂN HÓA,", "THỂ THAO\u00a0VÀ DU LỊCH"}},
	} {
		p := &compose(t, headerDoc("  parent: UBND TỈNH THANH HÓA\n  name: "+c.name, "Công tác năm 2017", c.extra))[0]
		if got := lineTexts(m, p, "issuer"); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %s\n got %q\nwant %q", c.name, c.extra, got, c.want)
		}
		for _, tx := range p.Tagged("issuer") {
			w := m.Width(tx.S, tx.Font)
			if !near(centre(m, tx), 62.5, 0.01) || tx.X < 30-3 || tx.X+w > 95+3 {
				t.Errorf("%q spans %.2f–%.2f: want centred on 62.5, at most 3 mm past the 30–95 mm column", tx.S, tx.X, tx.X+w)
			}
		}
	}
	for _, c := range []struct {
		title string
		want  []string
	}{
		{"Công tác năm của Ban Vì sự tiến bộ của Phụ nữ thị xã Bỉm Sơn năm 2017",
			[]string{"Công tác năm của Ban Vì sự tiến bộ của Phụ nữ", "thị xã Bỉm Sơn năm 2017"}},
		{"Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Thanh Hóa năm 2024",
			[]string{"Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ", "trên địa bàn tỉnh Thanh Hóa năm 2024"}},
		{"Kiện toàn Ban Vì sự tiến bộ của phụ nữ thị xã Bỉm Sơn giai đoạn 2021-2026",
			[]string{"Kiện toàn Ban Vì sự tiến bộ của phụ nữ", "thị xã Bỉm Sơn giai đoạn 2021-2026"}},
		// Báo cáo 300/BC-CP: "… quốc gia / về bình đẳng giới năm 2024"
		// would be 2.3 : 1; "các" starts the noun phrase as "về" does.
		{"Bổ sung, cập nhật thông tin về thực hiện các mục tiêu quốc gia về bình đẳng giới năm 2024",
			[]string{"Bổ sung, cập nhật thông tin về thực hiện", "các mục tiêu quốc gia về bình đẳng giới năm 2024"}},
		// A comma is the stronger pause: not "… Hội đồng nhân dân / các
		// cấp, nhiệm kỳ 2021-2026".
		{"Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử đại biểu Hội đồng nhân dân các cấp, nhiệm kỳ 2021-2026",
			[]string{"Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV", "và bầu cử đại biểu Hội đồng nhân dân các cấp,", "nhiệm kỳ 2021-2026"}},
	} {
		p := &compose(t, headerDoc("  name: UBND", c.title, ""))[0]
		if got := lineTexts(m, p, "title"); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("title\n got %q\nwant %q", got, c.want)
		}
	}
}

// A list sets the lines of a name or a title: each entry is printed on
// one line as written, never re-wrapped, even a little wider than its
// column.
func TestListLinesAreHonoured(t *testing.T) {
	m := fonts(t)
	src := headerDoc("  parent: UBND TỈNH THANH HÓA\n  name: [SỞ LAO ĐỘNG - THƯƠNG BINH, VÀ XÃ HỘI]",
		"[Công tác năm, của Ban Vì sự tiến bộ **của Phụ nữ**]", "style: {header_size: 13}\n")
	doc := decodeDoc(t, src)
	o := layout.OptionsFor(doc.Style)
	if probs := layout.HeaderProblems(doc, m, o); len(probs) != 0 {
		t.Fatalf("problems: %+v", probs)
	}
	p := &layout.Compose(doc, m, o)[0]
	if got := lineTexts(m, p, "issuer"); strings.Join(got, "|") != "SỞ LAO ĐỘNG - THƯƠNG BINH|VÀ XÃ HỘI" {
		t.Errorf("issuer lines %q", got)
	}
	first := p.Tagged("issuer")[0]
	if w := m.Width(first.S, first.Font); w < 65 || !near(centre(m, first), 62.5, 0.01) {
		t.Errorf("%q is %.1f mm wide, centred on %.2f: want wider than the column, centred on it", first.S, w, centre(m, first))
	}
	if got := lineTexts(m, p, "title"); strings.Join(got, "|") != "Công tác năm|của Ban Vì sự tiến bộ của Phụ nữ" {
		t.Errorf("title lines %q", got)
	}
}

// A line set in a list that the page cannot hold is reported at its
// entry, with its width: not re-wrapped, not printed over the national
// name.
func TestListLinesTooWide(t *testing.T) {
	m := fonts(t)
	for _, c := range []struct {
		issuer, title, extra string
		path, msg            string
	}{
		// Without a parent body the first line stands beside the national name.
		{"  name: [SỞ LAO ĐỘNG - THƯƠNG BINH, VÀ XÃ HỘI]", "Công tác", "style: {header_size: 13}\n",
			"issuer.name[1]", "is 69.5 mm wide; the column is 65.0 mm, and a line may run past it by at most 1.2 mm on each side here, beside the national name"},
		{"  parent: [ỦY BAN NHÂN DÂN TỈNH THANH HÓA]\n  name: UBND", "Công tác", "",
			"issuer.parent[1]", "is 76.9 mm wide; the column is 65.0 mm, and a line may run past it by at most 3.0 mm on each side here"},
		{"  name: UBND", "[Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Thanh Hóa năm 2024, x]", "",
			"title[1]", "is 213.6 mm wide; the text block is 165.0 mm"},
	} {
		doc := decodeDoc(t, headerDoc(c.issuer, c.title, c.extra))
		probs := layout.HeaderProblems(doc, m, layout.OptionsFor(doc.Style))
		if len(probs) != 1 || probs[0].Path != c.path || !strings.Contains(probs[0].En, c.msg) {
			t.Errorf("%s: got %+v\nwant %s: …%s", c.path, probs, c.path, c.msg)
		}
	}
}

// The rule under the issuer is 1/3–1/2 of the widest line of the name
// (nd30.md §2.3), 40 % of it, or a third when 40 % would outgrow a short
// last line such as VÀ XÃ HỘI (a 9 mm stub under a 64 mm name was too
// short); it and the title's rule stand 3 pt under the descenders, where
// they read as rules rather than underlines.
func TestBlockRules(t *testing.T) {
	m := fonts(t)
	for _, c := range []struct {
		name, last string
		share      float64
	}{
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "VÀ XÃ HỘI", 1.0 / 3},
		{"SỞ TƯ PHÁP", "SỞ TƯ PHÁP", 0.4},
		{"ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN", "THỊ XÃ BỈM SƠN", 0.4},
	} {
		p := &compose(t, headerDoc("  parent: UBND TỈNH THANH HÓA\n  name: "+c.name, "Công tác năm 2017", ""))[0]
		names := p.Tagged("issuer")
		widest := 0.0
		for _, n := range names {
			widest = max(widest, m.Width(n.S, n.Font))
		}
		r, ok := p.Rule("issuer-rule")
		if w := r.X2 - r.X1; !ok || names[len(names)-1].S != c.last || !near(w, c.share*widest, 0.01) || !near((r.X1+r.X2)/2, 62.5, 0.01) {
			t.Errorf("%s: issuer rule %.2f mm under %q, the widest line %.2f mm: want %.0f %% of it, centred on 62.5", c.name, r.X2-r.X1, names[len(names)-1].S, widest, 100*c.share)
		}
	}
	p := &compose(t, headerDoc("  parent: UBND TỈNH THANH HÓA\n  name: SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Công tác năm 2017", ""))[0]
	names := p.Tagged("issuer")
	last := names[len(names)-1]
	r, _ := p.Rule("issuer-rule")
	if gap := (r.Y1 - last.Y - m.Descent()*12*pt) / pt; !near(gap, 3, 0.01) {
		t.Errorf("issuer rule %.2f pt under the descenders, want 3", gap)
	}
	titles := p.Tagged("title")
	tr, _ := p.Rule("title-rule")
	if gap := (tr.Y1 - titles[len(titles)-1].Y - m.Descent()*14*pt) / pt; !near(gap, 3, 0.01) {
		t.Errorf("title rule %.2f pt under the descenders, want 3", gap)
	}
}

// A Kính gửi entry wraps at the boundary of the names it lists, not
// inside one where the line could end earlier: "cơ quan thuộc Chính phủ"
// and "trực thuộc trung ương" are what a central office writes to (Ủy
// ban Dân tộc's công văn 456/UBDT-DTTS).
func TestKinhGuiBreaksBetweenNames(t *testing.T) {
	m := fonts(t)
	src := headerDoc("  name: ỦY BAN NHÂN DÂN XÃ HÀ LAN", "Công tác năm 2025",
		"to:\n  - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ\n  - Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương\n")
	src = bytes.Replace(src, []byte("type: ke-hoach"), []byte("type: cong-van"), 1)
	got := lineTexts(m, &compose(t, src)[0], "to")
	want := []string{"Kính gửi:", "- Các bộ, cơ quan ngang bộ,", "cơ quan thuộc Chính phủ;", "- Ủy ban nhân dân các tỉnh, thành phố", "trực thuộc trung ương."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Kính gửi\n got %q\nwant %q", got, want)
	}
}
