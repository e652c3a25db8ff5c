package layout_test

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/templates"
)

const pt = 25.4 / 72

func fonts(t testing.TB) layout.Metrics {
	f, err := font.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return layout.Metrics{Family: f}
}

func decodeDoc(t testing.TB, src []byte) *document.Document {
	t.Helper()
	tsrc, _ := templates.Read("doctypes.yaml", "")
	types, err := document.ParseTypes(tsrc)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.New("x.yaml")
	root := d.Parse(src)
	if root == nil {
		t.Fatal(d.Diags.Err())
	}
	doc := document.Decode(d, root, types)
	if d.Diags.HasErrors() {
		t.Fatal(d.Diags.Err())
	}
	return doc
}

func compose(t testing.TB, src []byte) []layout.Page {
	doc := decodeDoc(t, src)
	return layout.Compose(doc, fonts(t), layout.OptionsFor(doc.Style))
}

func seed(t testing.TB) []byte {
	src, err := os.ReadFile("../../examples/chuong-trinh-bim-son-2017.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func one(t *testing.T, p *layout.Page, tag string) layout.Text {
	t.Helper()
	ts := p.Tagged(tag)
	if len(ts) == 0 {
		t.Fatalf("no %q on page %d", tag, p.Number)
	}
	return ts[0]
}

// centre returns the horizontal centre of a text.
func centre(m layout.Measurer, t layout.Text) float64 { return t.X + m.Width(t.S, t.Font)/2 }

// The header follows nd30.md §2.18: columns of 65 and 100 mm from x = 30,
// national name 12 pt bold centred on 145, motto 13 pt bold with a rule
// exactly as wide, issuer 12 pt bold centred on 62.5 with a rule 40 % of
// its widest line, "Số:" and the italic date on one baseline.
func TestHeaderGeometry(t *testing.T) {
	m := fonts(t)
	pages := compose(t, seed(t))
	p := &pages[0]

	nat := one(t, p, "national-name")
	if nat.S != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || nat.Font != (layout.Font{Style: layout.Bold, Size: 12}) || !near(centre(m, nat), 145, 0.01) {
		t.Errorf("national name %+v centred at %.2f", nat, centre(m, nat))
	}
	if w := m.Width(nat.S, nat.Font); w > 100 || !near(w, 88.3, 0.5) {
		t.Errorf("national name is %.1f mm wide; it must fit the 100 mm column on one line", w)
	}
	motto := one(t, p, "motto")
	if motto.S != "Độc lập - Tự do - Hạnh phúc" || motto.Font != (layout.Font{Style: layout.Bold, Size: 13}) || !near(centre(m, motto), 145, 0.01) {
		t.Errorf("motto %+v", motto)
	}
	rule, ok := p.Rule("motto-rule")
	mw := m.Width(motto.S, motto.Font)
	if !ok || !near(rule.X2-rule.X1, mw, 0.001) || !near((rule.X1+rule.X2)/2, 145, 0.01) || rule.Y1 != rule.Y2 {
		t.Errorf("motto rule %+v should be %.2f mm wide (the motto's width), centred on 145", rule, mw)
	}
	if !near(rule.Width, 0.6*pt, 0.001) || rule.Y1 < motto.Y+m.Descent()*13*pt || rule.Y1 > motto.Y+m.Descent()*13*pt+3*pt {
		t.Errorf("motto rule at y %.2f, width %.3f: want 0.6 pt, 1.5–2.5 pt under the descenders", rule.Y1, rule.Width)
	}
	if !near(nat.Y-m.Ascent()*12*pt, 20, 0.5) {
		t.Errorf("national name's top at %.2f, want the top margin (20 mm)", nat.Y-m.Ascent()*12*pt)
	}

	issuer := p.Tagged("issuer")
	if len(issuer) != 2 || issuer[0].S != "ỦY BAN NHÂN DÂN" || issuer[1].S != "THỊ XÃ BỈM SƠN" {
		t.Fatalf("issuer lines %+v", issuer)
	}
	widest := 0.0
	for _, l := range issuer {
		if l.Font != (layout.Font{Style: layout.Bold, Size: 12}) || !near(centre(m, l), 62.5, 0.01) {
			t.Errorf("issuer line %+v centred at %.2f, want 12 pt bold on 62.5", l, centre(m, l))
		}
		widest = max(widest, m.Width(l.S, l.Font))
	}
	ir, ok := p.Rule("issuer-rule")
	if w := ir.X2 - ir.X1; !ok || w < widest/3 || w > widest/2 || !near((ir.X1+ir.X2)/2, 62.5, 0.01) || ir.Y1 <= issuer[1].Y {
		t.Errorf("issuer rule %+v: want 1/3–1/2 of %.1f mm, centred on 62.5, under the name", ir, widest)
	}

	num, date := one(t, p, "number"), one(t, p, "date")
	if num.Y != date.Y {
		t.Errorf("\"Số:\" on baseline %.3f, date on %.3f: they must share one", num.Y, date.Y)
	}
	if num.S != "Số:      /CTr-UBND" || num.Font != (layout.Font{Style: layout.Regular, Size: 13}) || !near(centre(m, num), 62.5, 0.01) {
		t.Errorf("number %+v", num)
	}
	if date.S != "Bỉm Sơn, ngày 23 tháng 5 năm 2017" || date.Font != (layout.Font{Style: layout.Italic, Size: 13}) || !near(centre(m, date), 145, 0.01) {
		t.Errorf("date %+v", date)
	}
	if num.Y < rule.Y1 || num.Y < ir.Y1 || num.Y > 45 {
		t.Errorf("number baseline %.2f should sit under both rules (≈ 37 mm)", num.Y)
	}
}

// The type name and the abstract are bold and centred on the text block
// (112.5 mm), with a short rule under the abstract.
func TestTitleBlock(t *testing.T) {
	m := fonts(t)
	p := &compose(t, seed(t))[0]
	name := one(t, p, "type-name")
	if name.S != "CHƯƠNG TRÌNH" || name.Font != (layout.Font{Style: layout.Bold, Size: 14}) || !near(centre(m, name), 112.5, 0.01) {
		t.Errorf("type name %+v", name)
	}
	if name.Y < one(t, p, "number").Y+5 {
		t.Error("the type name should stand under the header")
	}
	lines := p.Lines(m)
	var title []layout.Line
	widest := 0.0
	for _, l := range lines {
		if l.Y > name.Y && l.Y < name.Y+15 {
			title = append(title, l)
		}
	}
	for _, tx := range p.Tagged("title") {
		widest = max(widest, tx.X+m.Width(tx.S, tx.Font)-30)
		if tx.Font.Style != layout.Bold || tx.Font.Size != 14 {
			t.Errorf("abstract %+v should be 14 pt bold", tx)
		}
	}
	if got := title[0].Text + " " + title[1].Text; got != "Công tác năm của Ban Vì sự tiến bộ của Phụ nữ thị xã Bỉm Sơn năm 2017" {
		t.Errorf("abstract %q", got)
	}
	r, ok := p.Rule("title-rule")
	if !ok || !near((r.X1+r.X2)/2, 112.5, 0.01) || r.X2-r.X1 > 60 || r.X2-r.X1 < 20 {
		t.Errorf("title rule %+v", r)
	}
}

// Page numbers: none on page 1, then 14 pt, centred in the top margin.
func TestPageNumbers(t *testing.T) {
	m := fonts(t)
	pages := compose(t, seed(t))
	if len(pages) < 2 {
		t.Fatalf("the seed should take several pages, got %d", len(pages))
	}
	if n := pages[0].Tagged("page-number"); len(n) != 0 {
		t.Errorf("page 1 shows a number: %+v", n)
	}
	for i := 1; i < len(pages); i++ {
		n := one(t, &pages[i], "page-number")
		if n.S != fmt.Sprint(i+1) || n.Font != (layout.Font{Style: layout.Regular, Size: 14}) || !near(centre(m, n), 112.5, 0.01) || n.Y >= 20 || n.Y < 8 {
			t.Errorf("page %d number %+v (centre %.2f)", i+1, n, centre(m, n))
		}
	}
}

// Justified paragraphs: every line but a paragraph's last ends at the right
// margin; no line runs past it; the first line is indented 10 mm.
func TestJustifiedBody(t *testing.T) {
	m := fonts(t)
	pages := compose(t, seed(t))
	full := 0
	for _, p := range pages {
		ends := map[float64]float64{}
		for _, tx := range p.Texts {
			if tx.Tag != "body" && tx.Tag != "item" && tx.Tag != "heading" {
				continue
			}
			end := tx.X + m.Width(tx.S, tx.Font)
			if end > 195+1e-6 || tx.X < 30-1e-6 {
				t.Errorf("page %d: %q runs from %.2f to %.2f, outside the text block", p.Number, tx.S, tx.X, end)
			}
			ends[tx.Y] = max(ends[tx.Y], end)
		}
		for _, e := range ends {
			if near(e, 195, 0.001) {
				full++
			}
		}
	}
	if full < 40 {
		t.Errorf("only %d lines reach the right margin; justified text should", full)
	}
	first := pages[0].Tagged("body")[0]
	if !near(first.X, 40, 0.001) || !strings.HasPrefix(first.S, "Thực") {
		t.Errorf("first paragraph starts at %.2f with %q, want x = 40 (indent 10 mm)", first.X, first.S)
	}
}

// With style.items: hanging, items hang: the dash at the paragraph
// indent, every line of the text aligned after "- ".
func TestHangingItems(t *testing.T) {
	m := fonts(t)
	p := &compose(t, append(seed(t), "style: {items: hanging}\n"...))[0]
	textX := 40 + m.Width("- ", layout.Font{Size: 14})
	dashes, lines := 0, 0
	for _, tx := range p.Tagged("item") {
		switch {
		case tx.S == "-":
			dashes++
			if !near(tx.X, 40, 0.001) {
				t.Errorf("dash at %.2f, want 40", tx.X)
			}
		case near(tx.X, textX, 0.001):
			lines++
		case tx.X < textX:
			t.Errorf("item text %q at %.2f, left of the hanging indent %.2f", tx.S, tx.X, textX)
		}
	}
	if dashes < 4 || lines <= dashes {
		t.Errorf("%d dashes and %d lines at the hanging indent", dashes, lines)
	}
}

// By default an item is a paragraph: the dash at the first-line indent,
// followed by its text after a space, wrapped lines back at the margin.
func TestItemsAreParagraphs(t *testing.T) {
	m := fonts(t)
	p := &compose(t, seed(t))[0]
	var lines []layout.Line
	for _, l := range (&layout.Page{Texts: p.Tagged("item")}).Lines(m) {
		lines = append(lines, l)
	}
	dashes, wrapped := 0, 0
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l.Text, "- "):
			dashes++
			if !near(l.X, 40, 0.001) {
				t.Errorf("item %q starts at %.2f, want the indent at 40", l.Text, l.X)
			}
		case near(l.X, 30, 0.001):
			wrapped++
		default:
			t.Errorf("wrapped item line %q at %.2f, want the margin at 30", l.Text, l.X)
		}
	}
	if dashes < 4 || wrapped <= dashes {
		t.Errorf("%d items and %d wrapped lines", dashes, wrapped)
	}
}

// The signature block: authority and position in bold capitals centred in
// the right column, about 25 mm for signature and seal, the name in bold;
// "Nơi nhận:" 12 pt bold italic level with the first authority line,
// recipients in 11 pt.
func TestSignatureBlock(t *testing.T) {
	m := fonts(t)
	pages := compose(t, seed(t))
	p := &pages[len(pages)-1]
	signer := p.Tagged("signer")
	if len(signer) != 3 || signer[0].S != "TM. ỦY BAN NHÂN DÂN" || signer[2].S != "PHÓ CHỦ TỊCH" {
		t.Fatalf("signer lines %+v", signer)
	}
	for _, s := range signer {
		if s.Font != (layout.Font{Style: layout.Bold, Size: 14}) || !near(centre(m, s), 145, 0.01) {
			t.Errorf("signer line %+v", s)
		}
	}
	name := one(t, p, "signer-name")
	if name.S != "Mai Đình Lâm" || !near(centre(m, name), 145, 0.01) || name.Y-signer[2].Y < 25 || name.Y-signer[2].Y > 35 {
		t.Errorf("name %+v, %.1f mm under the position", name, name.Y-signer[2].Y)
	}
	head := one(t, p, "recipients-head")
	if head.S != "Nơi nhận:" || head.Y != signer[0].Y || head.X != 30 || head.Font != (layout.Font{Style: layout.BoldItalic, Size: 12}) {
		t.Errorf("\"Nơi nhận:\" %+v should be level with %+v", head, signer[0])
	}
	var got []string
	for _, l := range p.Lines(m) {
		if l.X == 30 && l.Y > head.Y && l.Y < name.Y {
			got = append(got, l.Text)
		}
	}
	want := "- TTTU, HĐND, UBND (BC);|- P.Bảo vệ, chăm sóc trẻ em (BC);|- Thành viên BVSTBCPN Thị xã;|- Trưởng ban VSTBCPN xã, phường;|- Lưu: VT, PLĐ."
	if strings.Join(got, "|") != want {
		t.Errorf("recipients\n got %q\nwant %q", strings.Join(got, "|"), want)
	}
	for _, r := range p.Tagged("recipients") {
		if r.Font.Size != 11 {
			t.Errorf("recipient %+v should be 11 pt", r)
		}
	}
}

func TestStyleOverrides(t *testing.T) {
	src := string(seed(t)) + "style: {body_size: 13, header_size: 13, margins: {left: 35, right: 20, top: 25}}\n"
	m := fonts(t)
	pages := compose(t, []byte(src))
	p := &pages[0]
	nat := one(t, p, "national-name")
	if nat.Font.Size != 13 || one(t, p, "motto").Font.Size != 14 || one(t, p, "date").Font.Size != 14 {
		t.Error("header size 13 sets 13/14/14")
	}
	if nat.Y-m.Ascent()*13*pt < 24.9 {
		t.Errorf("top margin 25: national name's top at %.2f", nat.Y-m.Ascent()*13*pt)
	}
	body := p.Tagged("body")[0]
	if body.Font.Size != 13 || !near(body.X, 45, 0.001) {
		t.Errorf("body %+v: want 13 pt from x = 35 + 10", body)
	}
	if n := one(t, &pages[1], "page-number"); !near(centre(m, n), 35+155.0/2, 0.01) {
		t.Errorf("page number centred at %.2f", centre(m, n))
	}
}

// A công văn has no type name; "V/v …" (12 pt) goes under the number in
// the left column, "Kính gửi:" before the body; the urgency stamp is a red
// box in the left column.
func TestLetterAndStamps(t *testing.T) {
	src, err := os.ReadFile("../../examples/cong-van-so-ket-binh-dang-gioi-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := fonts(t)
	p := &compose(t, src)[0]
	if len(p.Tagged("type-name")) != 0 {
		t.Error("a công văn has no type name")
	}
	num := one(t, p, "number")
	vv := p.Tagged("abstract")
	if len(vv) == 0 || !strings.HasPrefix(vv[0].S, "V/v ") || vv[0].Font.Size != 12 || vv[0].Y <= num.Y || !near(centre(m, vv[0]), 62.5, 0.01) {
		t.Errorf("V/v lines %+v", vv)
	}
	var stamp *layout.Box
	for i := range p.Boxes {
		if p.Boxes[i].Tag == "urgency" {
			stamp = &p.Boxes[i]
		}
	}
	u := one(t, p, "urgency")
	if stamp == nil || stamp.Color != layout.Red || u.S != "KHẨN" || u.Color != layout.Red || stamp.W != 20 || stamp.H != 8 ||
		!near(stamp.X+stamp.W/2, 62.5, 0.01) || stamp.Y < vv[len(vv)-1].Y {
		t.Errorf("urgency stamp %+v %+v", stamp, u)
	}
	to := p.Tagged("to")
	if len(to) < 3 || to[0].S != "Kính gửi:" || !strings.HasPrefix(to[1].S, "- ") || !strings.HasSuffix(to[len(to)-1].S, ".") {
		t.Errorf("Kính gửi %+v", to)
	}
}

// The secrecy stamp (box 10a) goes above the urgency stamp (10b) in the
// left column: red, 13 pt bold, in a double border 1 mm apart, 30 × 8 mm
// for TỐI MẬT.
func TestSecrecyStamp(t *testing.T) {
	m := fonts(t)
	p := &compose(t, []byte(string(seed(t))+"secrecy: tối mật\nurgency: hỏa tốc\n"))[0]
	var boxes []layout.Box
	var urgent *layout.Box
	for i, b := range p.Boxes {
		switch b.Tag {
		case "secrecy":
			boxes = append(boxes, b)
		case "urgency":
			urgent = &p.Boxes[i]
		}
	}
	s := one(t, p, "secrecy")
	if len(boxes) != 2 || s.S != "TỐI MẬT" || s.Color != layout.Red || s.Font != (layout.Font{Style: layout.Bold, Size: 13}) {
		t.Fatalf("secrecy stamp %+v, text %+v", boxes, s)
	}
	outer, inner := boxes[0], boxes[1]
	if outer.W != 30 || outer.H != 8 || !near(outer.X+outer.W/2, 62.5, 0.01) || outer.Color != layout.Red ||
		!near(inner.X-outer.X, 1, 1e-9) || !near(inner.Y-outer.Y, 1, 1e-9) || !near(inner.W, 28, 1e-9) || !near(inner.H, 6, 1e-9) {
		t.Errorf("borders %+v and %+v: want 30 × 8 mm and one 1 mm inside it", outer, inner)
	}
	// The ink of "TỐI MẬT" (stacked marks up to the ascent, the dot of Ậ
	// down to the descent) stays clear of the inner border, centred.
	top, bottom := s.Y-m.Ascent()*13*pt, s.Y+m.Descent()*13*pt
	clearTop, clearBottom := inner.Y+inner.Width/2, inner.Y+inner.H-inner.Width/2
	if !near(centre(m, s), 62.5, 0.01) || top < clearTop+0.2 || bottom > clearBottom-0.2 || !near(top-clearTop, clearBottom-bottom, 0.01) {
		t.Errorf("text ink %.2f–%.2f, inside the inner border %.2f–%.2f: want centred with room", top, bottom, clearTop, clearBottom)
	}
	if urgent == nil || urgent.Y < outer.Y+outer.H {
		t.Errorf("urgency %+v should be under the secrecy stamp %+v", urgent, outer)
	}
}

func TestDraftStamp(t *testing.T) {
	p := &compose(t, []byte(string(seed(t))+"draft: true\n"))[0]
	d := one(t, p, "draft")
	if d.S != "DỰ THẢO" || len(p.Boxes) != 1 || p.Boxes[0].Y < one(t, p, "number").Y {
		t.Errorf("draft stamp %+v %+v", d, p.Boxes)
	}
}

// flowDoc builds a document whose page breaks fall in a different place
// for each n: a first paragraph of n words, then headed sections.
func flowDoc(n int) []byte {
	var b strings.Builder
	b.WriteString(`type: ke-hoach
issuer: {name: SỞ NỘI VỤ, abbr: SNV}
place: Thanh Hóa
date: 2024-03-05
title: Kiểm tra công tác văn thư
signer: {authority: KT. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Văn Bình}
recipients: [UBND tỉnh (b/c), Các phòng thuộc Sở]
archive: VT, VP
preamble:
  - "`)
	b.WriteString(strings.Repeat("chữ ", n))
	b.WriteString("hết.\"\nsections:\n")
	for i := range 6 {
		fmt.Fprintf(&b, "  - heading: Nội dung kiểm tra số %d của đoàn\n    text: |\n      %s\n", i+1,
			strings.Repeat("Kiểm tra việc ban hành, quản lý văn bản đi, văn bản đến và lập hồ sơ. ", 2+i%3))
		if i%2 == 1 {
			b.WriteString("    items: [Lập danh mục hồ sơ năm., Nộp lưu hồ sơ vào lưu trữ cơ quan.]\n")
		}
	}
	b.WriteString("closing: [\"Đề nghị các đơn vị chuẩn bị hồ sơ, tài liệu để làm việc với Đoàn kiểm tra.\"]\n")
	return []byte(b.String())
}

var flowTags = map[string]bool{"body": true, "item": true, "heading": true, "basis": true}

// Over many documents whose breaks fall everywhere: no page ends with a
// heading, the signature block is never split and never alone on its
// page, nothing runs into the bottom margin.
func TestPagination(t *testing.T) {
	headingMoved, sigWithLines := 0, 0
	for n := 0; n < 900; n += 3 {
		pages := compose(t, flowDoc(n))
		sigPage := -1
		for i := range pages {
			p := &pages[i]
			var first, last *layout.Text
			for j := range p.Texts {
				tx := &p.Texts[j]
				if tx.Y > 277 {
					t.Errorf("n=%d page %d: %q at y %.2f is in the bottom margin", n, p.Number, tx.S, tx.Y)
				}
				if flowTags[tx.Tag] {
					if last == nil || tx.Y > last.Y {
						last = tx
					}
					if first == nil || tx.Y < first.Y {
						first = tx
					}
				}
				if strings.HasPrefix(tx.Tag, "signer") || strings.HasPrefix(tx.Tag, "recipients") {
					if sigPage >= 0 && sigPage != i {
						t.Errorf("n=%d: the signature block is split over pages %d and %d", n, sigPage+1, i+1)
					}
					sigPage = i
				}
			}
			if i < len(pages)-1 && last != nil && last.Tag == "heading" {
				t.Errorf("n=%d: page %d ends with the heading %q", n, p.Number, last.S)
			}
			if i > 0 && first != nil && first.Tag == "heading" {
				headingMoved++
			}
		}
		sig := one(t, &pages[sigPage], "signer")
		lines := 0
		for _, tx := range pages[sigPage].Texts {
			if flowTags[tx.Tag] && tx.Y < sig.Y {
				lines++
			}
		}
		if lines == 0 {
			t.Errorf("n=%d: the signature stands alone on page %d", n, sigPage+1)
		}
		if sigPage > 0 && lines <= 3 {
			sigWithLines++
		}
	}
	// The cases the rules exist for must actually occur among the variants.
	if headingMoved == 0 || sigWithLines == 0 {
		t.Errorf("the variants never moved a heading (%d) or carried lines with the signature (%d)", headingMoved, sigWithLines)
	}
}

// inBlock fails when a text of the page runs outside the text block
// horizontally.
func inBlock(t *testing.T, m layout.Measurer, p *layout.Page, left, right float64) {
	t.Helper()
	for _, tx := range p.Texts {
		if w := m.Width(tx.S, tx.Font); tx.X < left-0.01 || tx.X+w > right+0.01 {
			t.Errorf("page %d: %s %q spans x %.2f–%.2f, outside the text block %.0f–%.0f", p.Number, tx.Tag, tx.S, tx.X, tx.X+w, left, right)
		}
	}
}

// With the widest margins and the larger header the decree allows, the
// right column is narrower than the national name: the column widens so
// that the name stays on one line inside the text block.
func TestNarrowTextBlockHeader(t *testing.T) {
	m := fonts(t)
	src := string(seed(t)) + "style: {header_size: 13, margins: {left: 35, right: 20}}\n"
	p := &compose(t, []byte(src))[0]
	inBlock(t, m, p, 35, 190)
	nat, motto, date := one(t, p, "national-name"), one(t, p, "motto"), one(t, p, "date")
	if !near(centre(m, nat), centre(m, motto), 0.01) || !near(centre(m, nat), centre(m, date), 0.01) {
		t.Errorf("national name, motto and date are not centred on one axis: %.2f %.2f %.2f", centre(m, nat), centre(m, motto), centre(m, date))
	}
}

// A place-and-date line wider than the right column (Thành phố Hồ Chí
// Minh at 14 pt, nd30.md §2.1) stays on the number's baseline, shifted
// left to stay out of the margin; a much longer one wraps in the column.
func TestLongPlaceName(t *testing.T) {
	m := fonts(t)
	src := strings.Replace(string(seed(t)), "place: Bỉm Sơn", "place: Thành phố Hồ Chí Minh", 1) + "style: {header_size: 13}\n"
	p := &compose(t, []byte(src))[0]
	inBlock(t, m, p, 30, 195)
	if d := p.Tagged("date"); len(d) != 1 || d[0].Y != one(t, p, "number").Y || d[0].S != "Thành phố Hồ Chí Minh, ngày 23 tháng 5 năm 2017" {
		t.Errorf("date %+v: want one line on the number's baseline", d)
	}
	src = strings.Replace(string(seed(t)), "place: Bỉm Sơn", "place: Ủy ban nhân dân thị xã Bỉm Sơn tỉnh Thanh Hóa", 1)
	p = &compose(t, []byte(src))[0]
	inBlock(t, m, p, 30, 195)
	d := p.Tagged("date")
	if len(d) < 2 || d[0].Y != one(t, p, "number").Y || d[0].X < 95 {
		t.Errorf("date %+v: want lines in the right column, the first on the number's baseline", d)
	}
	if body := p.Tagged("type-name"); len(body) == 0 || body[0].Y <= d[len(d)-1].Y {
		t.Error("the title must start under the wrapped date")
	}
}

// A symbol too long for the left column wraps there instead of running
// into the margin.
func TestLongSymbol(t *testing.T) {
	m := fonts(t)
	src := string(seed(t)) + "symbol: CTr-UBND-" + strings.Repeat("BĐGVSTBCPN", 3) + "W\n" // 40 characters, the most validation allows
	p := &compose(t, []byte(src))[0]
	inBlock(t, m, p, 30, 195)
	if n := p.Tagged("number"); len(n) < 2 || n[0].Y != one(t, p, "date").Y {
		t.Errorf("number lines %+v", n)
	}
}

// A "Nơi nhận" longer than a page breaks between its lines, after the
// signer's name, instead of running off the bottom of the page.
func TestRecipientsLongerThanAPage(t *testing.T) {
	m := fonts(t)
	var b strings.Builder
	b.WriteString("recipients:\n")
	for i := 1; i <= 80; i++ {
		fmt.Fprintf(&b, "  - UBND xã số %d\n", i)
	}
	src := strings.Replace(string(seed(t)), "recipients:", "old_recipients:", 1)
	src = src[:strings.Index(src, "old_recipients:")] + b.String() + src[strings.Index(src, "archive:"):]
	pages := compose(t, []byte(src))
	last := &pages[len(pages)-1]
	prev := &pages[len(pages)-2]
	for _, p := range []*layout.Page{prev, last} {
		for _, tx := range p.Texts {
			if tx.Y+m.Descent()*tx.Font.Size*pt > 277.01 {
				t.Errorf("page %d: %q at y %.2f runs into the bottom margin", p.Number, tx.S, tx.Y)
			}
		}
	}
	if len(prev.Tagged("signer-name")) != 1 || len(prev.Tagged("recipients-head")) != 1 {
		t.Fatal("the signature and the start of Nơi nhận must be on the same page")
	}
	rest := last.Tagged("recipients")
	if len(rest) < 2 || rest[len(rest)-1].S != "- Lưu: VT, PLĐ." || len(last.Tagged("signer")) != 0 {
		t.Errorf("the last page should hold the rest of Nơi nhận only: %+v", last.Texts)
	}
	if !strings.HasPrefix(rest[0].S, "- UBND xã số") || rest[0].Y > 40 {
		t.Errorf("Nơi nhận continues at the top of the page: %+v", rest[0])
	}
}
