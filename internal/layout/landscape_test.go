package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// landscapeDoc is a document of two appendices: I landscape, with a text
// and a 7-column table of rows rows; II portrait, a text.
func landscapeDoc(rows int) []byte {
	var b strings.Builder
	b.WriteString(tableBase + "closing: [Chi tiết tại Phụ lục I và Phụ lục II kèm theo.]\nappendices:\n")
	b.WriteString("  - title: Dự toán kinh phí thực hiện kế hoạch công tác bình đẳng giới năm 2017 của các cơ quan, đơn vị\n")
	b.WriteString("    landscape: true\n")
	fmt.Fprintf(&b, "    text: %q\n", strings.Repeat("Kinh phí thực hiện được bố trí trong dự toán ngân sách hằng năm của các cơ quan, đơn vị theo phân cấp hiện hành. ", 3))
	b.WriteString("    table:\n      number: true\n      columns:\n")
	b.WriteString("        - {title: TT, width: 6}\n        - {title: Nội dung, width: 34}\n")
	for _, c := range []string{"Tổng số", "Ngân sách tỉnh", "Ngân sách huyện", "Ngân sách xã", "Nguồn khác"} {
		fmt.Fprintf(&b, "        - {title: %s, width: 12, align: right}\n", c)
	}
	b.WriteString("      rows:\n")
	for i := range rows {
		fmt.Fprintf(&b, "        - [Hoạt động số %d về truyền thông và tập huấn bình đẳng giới, \"1.%03d\", \"500\", \"300\", \"200\", \"%d\"]\n", i+1, i, i)
	}
	b.WriteString("  - {title: Danh sách đơn vị, text: \"Các phòng, ban chuyên môn thuộc Ủy ban nhân dân thị xã.\"}\n")
	return []byte(b.String())
}

// A landscape appendix is laid out on A4 turned (297 × 210 mm) with the
// document's margins by role, so its text block is 252 × 170 mm: the
// label, title, link line and rule are centred on x = 156, the text is
// justified to x = 282, the grid spans 30 … 282 in the columns' shares,
// the page number (from its page 2) is centred in the top margin; the
// pages before and after it stay portrait.
func TestLandscapeAppendix(t *testing.T) {
	m := fonts(t)
	pages := compose(t, landscapeDoc(6))
	var app []layout.Page
	for _, p := range pages {
		switch {
		case p.Appendix == 1:
			app = append(app, p)
			if p.W != 297 || p.H != 210 || !p.Landscape() {
				t.Errorf("page %d of the landscape appendix is %v × %v mm", p.Number, p.W, p.H)
			}
		case p.W != 210 || p.H != 297 || p.Landscape():
			t.Errorf("page %d (appendix %d) is %v × %v mm, want portrait A4", p.Number, p.Appendix, p.W, p.H)
		}
	}
	if len(app) != 1 {
		t.Fatalf("the landscape appendix takes %d pages, want 1", len(app))
	}
	p := &app[0]
	const cx, left, right = 30 + 252/2.0, 30.0, 297 - 15.0
	label := one(t, p, "appendix-label")
	if label.S != "Phụ lục I" || !near(centre(m, label), cx, 0.01) {
		t.Errorf("label %q centred on %.2f, want %.2f", label.S, centre(m, label), cx)
	}
	// The title wraps within 85 % of the wider block (214 mm): its first
	// line is wider than a portrait page allows it (140 mm).
	title := p.Tagged("appendix-title")
	for _, tl := range title {
		if !near(centre(m, tl), cx, 0.01) {
			t.Errorf("title line %q centred on %.2f, want %.2f", tl.S, centre(m, tl), cx)
		}
	}
	if len(title) == 0 {
		t.Fatal("no title")
	}
	if w := m.Width(title[0].S, title[0].Font); w <= 0.85*165 || w > 0.85*252 {
		t.Errorf("the title's first line %q is %.1f mm wide, want between 140 and 214 mm", title[0].S, w)
	}
	link := p.Tagged("appendix-link")
	if len(link) != 1 || !near(centre(m, link[0]), cx, 0.01) {
		t.Errorf("link lines %+v, want one line centred on %.2f", link, cx)
	}
	if r, ok := p.Rule("appendix-rule"); !ok || !near((r.X1+r.X2)/2, cx, 0.01) {
		t.Errorf("rule %+v, want it centred on %.2f", r, cx)
	}
	lines := p.Lines(m)
	full := false // a justified line of the text reaches the right margin
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l.Text), "Kinh phí") || strings.Contains(l.Text, "ngân sách") {
			for _, tx := range p.Tagged("body") {
				if near(tx.Y, l.Y, 0.01) && near(tx.X+m.Width(tx.S, tx.Font), right, 0.05) {
					full = true
				}
			}
		}
	}
	if !full {
		t.Errorf("no line of the appendix's text ends at x = %.0f", right)
	}
	_, vs := grid(p)
	want := []float64{left}
	for _, share := range []float64{6, 34, 12, 12, 12, 12, 12} {
		want = append(want, want[len(want)-1]+share/100*252)
	}
	if len(vs) != len(want) {
		t.Fatalf("grid columns at %v, want %v", vs, want)
	}
	for i := range vs {
		if !near(vs[i], want[i], 0.01) {
			t.Errorf("grid columns at %v, want %v", vs, want)
			break
		}
	}
	// The portrait appendix after it is laid out as before.
	last := &pages[len(pages)-1]
	if l := one(t, last, "appendix-label"); l.S != "Phụ lục II" || !near(centre(m, l), 112.5, 0.01) {
		t.Errorf("appendix II label %q centred on %.2f, want 112.5", l.S, centre(m, l))
	}
}

// A long table in a landscape appendix is paginated on the 210 mm page:
// everything stays above the bottom margin (190 mm), each page is filled
// to within a row of it, rows are whole and the header repeats; the page
// number from page 2 is centred on the landscape block, in the top margin.
func TestLandscapeTablePagination(t *testing.T) {
	m := fonts(t)
	pages := compose(t, landscapeDoc(60))
	var app []layout.Page
	for _, p := range pages {
		if p.Appendix == 1 {
			app = append(app, p)
		}
	}
	if len(app) < 3 {
		t.Fatalf("the landscape appendix takes %d pages, want the table to continue", len(app))
	}
	checkTablePages(t, app, m, 60, nil)
	for i, p := range app {
		if p.W != 297 || p.H != 210 {
			t.Errorf("page %d is %v × %v", p.Number, p.W, p.H)
		}
		for _, tx := range p.Texts {
			if tx.Y+m.Descent()*tx.Font.Size*pt > 210-20+0.001 {
				t.Errorf("page %d: %q below the bottom margin (y %.2f)", p.Number, tx.S, tx.Y)
			}
		}
		hs, _ := grid(&p)
		if i < len(app)-1 && hs[len(hs)-1] < 190-15 {
			t.Errorf("page %d: the table ends at %.2f, a row or more above the bottom margin 190", p.Number, hs[len(hs)-1])
		}
		if i == 0 {
			continue
		}
		num := one(t, &p, "page-number")
		if num.S != fmt.Sprint(i+1) || !near(centre(m, num), 156, 0.01) || !near(num.Y, 12, 0.01) {
			t.Errorf("page %d: number %q centred on %.2f at y %.2f, want %d on 156 at 12", p.Number, num.S, centre(m, num), num.Y, i+1)
		}
	}
}
