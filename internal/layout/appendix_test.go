package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// appendixDoc is a document of body paragraphs and two appendices, of
// the given numbers of paragraphs.
func appendixDoc(body, first, second int) []byte {
	para := "Nội dung công việc được giao cho các cơ quan, đơn vị thực hiện trong năm theo đúng tiến độ đề ra. "
	var b strings.Builder
	b.WriteString(tableBase)
	fmt.Fprintf(&b, "preamble: [%q]\n", strings.Repeat(para, 3))
	b.WriteString("closing:\n")
	for range body {
		fmt.Fprintf(&b, "  - %q\n", strings.Repeat(para, 3))
	}
	b.WriteString("  - Chi tiết tại Phụ lục I và Phụ lục II kèm theo.\nappendices:\n")
	for i, n := range []int{first, second} {
		fmt.Fprintf(&b, "  - title: Phụ lục số %d về phân công nhiệm vụ thực hiện kế hoạch\n    text: |\n", i+1)
		for range n {
			fmt.Fprintf(&b, "      %s\n\n", strings.Repeat(para, 3))
		}
	}
	return []byte(b.String())
}

// Each appendix starts on a page of its own, without the national header,
// under "Phụ lục I" (14 pt bold, centred), its title in capitals and the
// italic link line, with a short rule under it; page numbers restart in
// each appendix: none on its first page, "2" on its second.
func TestAppendixPages(t *testing.T) {
	m := fonts(t)
	pages := compose(t, appendixDoc(12, 14, 1))
	type part struct{ appendix, folio int }
	var parts []part
	for _, p := range pages {
		parts = append(parts, part{p.Appendix, p.Folio})
	}
	// The document takes 2 pages or more, appendix I two, appendix II one.
	n := len(pages)
	if n < 5 || parts[n-1] != (part{2, 1}) || parts[n-2] != (part{1, 2}) || parts[n-3] != (part{1, 1}) || parts[n-4].appendix != 0 {
		t.Fatalf("pages as (appendix, folio): %v", parts)
	}
	for _, p := range pages {
		nums := p.Tagged("page-number")
		switch {
		case p.Folio == 1 && len(nums) > 0:
			t.Errorf("page %d (appendix %d, its page 1) shows the number %q", p.Number, p.Appendix, nums[0].S)
		case p.Folio > 1 && (len(nums) != 1 || nums[0].S != fmt.Sprint(p.Folio)):
			t.Errorf("page %d (appendix %d, its page %d) shows %v", p.Number, p.Appendix, p.Folio, nums)
		}
		if p.Appendix > 0 && (len(p.Tagged("national-name")) > 0 || len(p.Tagged("signer-name")) > 0 || len(p.Tagged("issuer")) > 0) {
			t.Errorf("page %d of appendix %d has the header or the signature", p.Number, p.Appendix)
		}
	}
	// The signature is on the document's last page, before the appendices.
	if len(pages[n-4].Tagged("signer-name")) != 1 {
		t.Errorf("the signer's name is not on page %d, the document's last", n-3)
	}
	for k, at := range map[string]int{"Phụ lục I": n - 3, "Phụ lục II": n - 1} {
		p := &pages[at]
		label := one(t, p, "appendix-label")
		if label.S != k || label.Font != (layout.Font{Style: layout.Bold, Size: 14}) || !near(centre(m, label), 112.5, 0.01) {
			t.Errorf("label %+v, want %q 14 pt bold centred on 112.5", label, k)
		}
		if top := label.Y - m.Ascent()*14*pt; top < 20 || top > 21.5 {
			t.Errorf("%s: the label's top at %.2f, want the top margin", k, top)
		}
		title := p.Tagged("appendix-title")
		var ts []string
		for _, tl := range title {
			ts = append(ts, tl.S)
			if tl.Font != (layout.Font{Style: layout.Bold, Size: 14}) || !near(centre(m, tl), 112.5, 0.01) || tl.Y <= label.Y {
				t.Errorf("title line %+v", tl)
			}
		}
		if got := strings.Join(ts, " "); !strings.HasPrefix(got, "PHỤ LỤC SỐ") || !strings.HasSuffix(got, "THỰC HIỆN KẾ HOẠCH") {
			t.Errorf("title %q, want the title in capitals", got)
		}
		var link []string
		last := 0.0
		for _, l := range p.Tagged("appendix-link") {
			link = append(link, l.S)
			last = max(last, l.Y)
			if l.Font != (layout.Font{Style: layout.Italic, Size: 14}) || l.Y <= title[len(title)-1].Y {
				t.Errorf("link line %+v", l)
			}
		}
		want := "(Kèm theo Kế hoạch số 85/KH-UBND ngày 23 tháng 5 năm 2017 của Ủy ban nhân dân thị xã Bỉm Sơn)"
		if got := strings.ReplaceAll(strings.Join(link, " "), "\u00a0", " "); got != want {
			t.Errorf("link line %q, want %q", got, want)
		}
		whole := false // the date on one line
		for _, l := range link {
			whole = whole || strings.Contains(l, "ngày\u00a023\u00a0tháng\u00a05\u00a0năm\u00a02017")
		}
		if !whole {
			t.Errorf("the date is broken across the link lines %q", link)
		}
		r, ok := p.Rule("appendix-rule")
		if !ok || !near((r.X1+r.X2)/2, 112.5, 0.01) || r.Y1 < last+m.Descent()*14*pt+1.5 || r.Y1 > last+m.Descent()*14*pt+3 || r.X2-r.X1 < 20 {
			t.Errorf("rule %+v under the link line at %.2f: want centred, 6 pt under its descenders", r, last)
		}
		body := p.Tagged("body")
		if len(body) == 0 || body[0].Y-m.Ascent()*14*pt < r.Y1+2 {
			t.Errorf("%s: the content does not start under the rule", k)
		}
	}
}

// A body section may hold a table too; a document whose body is long
// enough keeps its numbering, and a table in an appendix continues under
// its repeated header with the appendix's page number.
func TestAppendixTableContinues(t *testing.T) {
	var b strings.Builder
	b.WriteString(tableBase + "closing: [Chi tiết tại Phụ lục kèm theo.]\nappendices:\n  - title: Phân công nhiệm vụ\n    table:\n      number: true\n      columns: [{title: TT, width: 8}, {title: Nội dung, width: 60}, {title: Chủ trì, width: 32}]\n      rows:\n")
	for i := range 40 {
		fmt.Fprintf(&b, "        - [Nhiệm vụ số %d của kế hoạch công tác năm của ủy ban nhân dân thị xã, Phòng %d]\n", i+1, i+1)
	}
	pages := compose(t, []byte(b.String()))
	var app []layout.Page
	for _, p := range pages {
		if p.Appendix == 1 {
			app = append(app, p)
		}
	}
	if len(app) < 2 {
		t.Fatalf("the appendix takes %d pages, want the table to continue", len(app))
	}
	checkTablePages(t, app, fonts(t), 40, nil)
	if nums := app[1].Tagged("page-number"); len(nums) != 1 || nums[0].S != "2" {
		t.Errorf("the table's second page shows %v, want 2", nums)
	}
	if hs, _ := grid(&app[1]); !near(hs[0], 20, 0.001) {
		t.Errorf("the repeated header starts at %.2f, want the top margin", hs[0])
	}
}

// Under a short title the rule keeps a rule's length (at least 33 mm),
// not 40 % of "KINH PHÍ", which would read as a dash.
func TestAppendixRuleUnderShortTitle(t *testing.T) {
	pages := compose(t, []byte(tableBase+"closing: [Chi tiết tại Phụ lục kèm theo.]\nappendices: [{title: Kinh phí, text: a}]\n"))
	r, ok := pages[len(pages)-1].Rule("appendix-rule")
	if !ok || r.X2-r.X1 < 33-0.001 || !near((r.X1+r.X2)/2, 112.5, 0.01) {
		t.Errorf("rule %+v: want at least 33 mm, centred", r)
	}
}
