package document

import (
	"strings"
	"testing"
)

// decision is a Quyết định in the legal-style structure of nd30.md §2.10
// table A, written as a clerk would: articles with and without titles,
// clauses as texts or with titles, points.
const decision = `type: quyet-dinh
issued_by: CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN
bases: [Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006, Xét đề nghị của Trưởng phòng Nội vụ]
recipients: [Như Điều 3, UBND tỉnh (b/c)]
articles:
  - title: Kiện toàn Ban Vì sự tiến bộ của phụ nữ
    text: "Ban gồm các ông, bà có tên sau:"
    clauses:
      - Ông Mai Đình Lâm, Phó Chủ tịch - Trưởng ban.
      - title: Nhiệm vụ
        text: "Ban có nhiệm vụ:"
        points: [một, hai, ba, bốn, năm, sáu]
  - title: Chế độ làm việc
    text: Ban làm việc theo chế độ kiêm nhiệm.
  - title: Hiệu lực
    text: Quyết định này có hiệu lực kể từ ngày ký.
`

// blockTexts renders blocks as "kind:text" with bold runs in **.
func blockTexts(bs []Block) []string {
	var out []string
	for _, b := range bs {
		var s strings.Builder
		for _, sp := range b.Spans {
			if sp.Bold {
				s.WriteString("**" + sp.Text + "**")
			} else {
				s.WriteString(sp.Text)
			}
		}
		out = append(out, []string{"P", "B", "H", "I", "E"}[b.Kind]+":"+s.String())
	}
	return out
}

func TestArticles(t *testing.T) {
	doc := mustParse(t, decision)
	got := blockTexts(doc.Body())
	want := []string{
		"B:Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;",
		"B:Xét đề nghị của Trưởng phòng Nội vụ.",
		"E:**QUYẾT ĐỊNH:**",
		"H:**Điều 1. Kiện toàn Ban Vì sự tiến bộ của phụ nữ**",
		"P:Ban gồm các ông, bà có tên sau:",
		"P:1. Ông Mai Đình Lâm, Phó Chủ tịch - Trưởng ban.",
		"H:**2. Nhiệm vụ**",
		"P:Ban có nhiệm vụ:",
		"P:a) một", "P:b) hai", "P:c) ba", "P:d) bốn", "P:đ) năm", "P:e) sáu",
		"H:**Điều 2. Chế độ làm việc**",
		"P:Ban làm việc theo chế độ kiêm nhiệm.",
		"H:**Điều 3. Hiệu lực**",
		"P:Quyết định này có hiệu lực kể từ ngày ký./.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	if doc.Enacting() != "QUYẾT ĐỊNH:" || strings.Join(Upper(doc.IssuedBy), "|") != "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN" {
		t.Errorf("enacting %q, issued by %q", doc.Enacting(), Upper(doc.IssuedBy))
	}
}

// In a Quyết định without article titles only "Điều 1." is bold (the
// decree's template); a number typed by hand is not printed twice; a
// Nghị quyết enacts with "QUYẾT NGHỊ:".
func TestArticlesWithoutTitles(t *testing.T) {
	doc, diags := parse(t, `type: nghi-quyet
issued_by: HỘI ĐỒNG NHÂN DÂN THỊ XÃ BỈM SƠN
articles:
  - Thông qua Chương trình công tác năm 2017.
  - "Điều 2. Nghị quyết này có hiệu lực kể từ ngày ký."
  - text: Thường trực Hội đồng nhân dân thị xã tổ chức thực hiện.
    clauses: ["1. Giám sát việc thực hiện;", "2) Báo cáo kết quả."]
`)
	if doc == nil {
		t.Fatal(diagText(diags))
	}
	got := blockTexts(doc.Body())
	want := []string{
		"E:**QUYẾT NGHỊ:**",
		"P:**Điều 1. **Thông qua Chương trình công tác năm 2017.",
		"P:**Điều 2. **Nghị quyết này có hiệu lực kể từ ngày ký.",
		"P:**Điều 3. **Thường trực Hội đồng nhân dân thị xã tổ chức thực hiện.",
		"P:1. Giám sát việc thực hiện;",
		"P:2. Báo cáo kết quả./.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	text := diagText(diags)
	for _, w := range []string{
		`x.yaml:12:6: articles[2]: warning: "Điều 2." typed at the start was left out: vanban numbers this article "Điều 2." itself (expected the text alone: Nghị quyết này có hiệu lực kể từ ngày ký.)`,
		`x.yaml:14:16: articles[3].clauses[1]: warning: "1." typed at the start was left out: vanban numbers this clause "1." itself`,
		`x.yaml:14:47: articles[3].clauses[2]: warning: "2)" typed at the start was left out: vanban numbers this clause "2." itself`,
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %s\nin %s", w, text)
		}
	}
}

// Every mistake in articles is reported at its line and column.
func TestArticleErrors(t *testing.T) {
	for _, c := range []struct{ extra, want string }{
		{decision + "sections: [{heading: A, text: b}]\n", `articles: the document has both sections and articles`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\nsections: [{heading: A, text: b}]\n", `x.yaml:10:11: sections: warning: a Quyết định is written in articles (Điều 1., Điều 2. …), not in numbered sections`},
		{"type: quyet-dinh\narticles: [Có hiệu lực.]\n", `x.yaml:4:8: issued_by: warning: a Quyết định names the authority that issues it under its title`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles:\n  - title: A\n    text: b\n  - \"\"\n", `x.yaml:13:5: articles[2]: Điều 2 is empty`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles:\n  - title: Hiệu lực\n", `x.yaml:11:12: articles[1].title: Điều 1 has a title but nothing under it`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles:\n  - title: A\n    text: b\n  - c\n", `x.yaml:13:5: articles[2]: warning: Điều 2 has no title, but other articles have one`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles:\n  - title: A\n    clause: [b]\n", `x.yaml:12:5: articles[1].clause: unknown key "clause"; did you mean "clauses"?`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles:\n  - title: A\n    clauses: [{points: [x]}]\n", `x.yaml:12:15: articles[1].clauses[1]: clause 1 of Điều 1 has points but no text`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles: [a, b]\nrecipients: [Như Điều 3]\n", `x.yaml:10:14: recipients[1]: warning: the document has no Điều 3: it has 2 articles (expected Như Điều 2, the article that names who carries out the document)`},
		{"type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles:\n  - title: A\n    text: Về **việc\n", `x.yaml:12:14: articles[1].text: "**" is opened here but never closed`},
	} {
		_, diags := parse(t, c.extra)
		if text := diagText(diags); !strings.Contains(text, c.want) {
			t.Errorf("input %q\n got: %s\nwant: %s", c.extra, text, c.want)
		}
	}
}

// A section with only a heading is a clause without a title: a numbered
// paragraph in regular weight; with content it is a bold heading.
func TestPointsAreRegular(t *testing.T) {
	doc := mustParse(t, "sections:\n  - heading: Có nội dung\n    text: x\n  - heading: Chỉ có một câu.\n")
	got := blockTexts(doc.Body())
	want := "H:**1. Có nội dung**|P:x|P:2. Chỉ có một câu./."
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}
