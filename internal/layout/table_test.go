package layout_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

const tableBase = `type: ke-hoach
issuer: {name: [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN], abbr: UBND}
number: 85
place: Bỉm Sơn
date: 2017-05-23
title: Công tác năm 2017
signer: {position: CHỦ TỊCH, name: Mai Đình Lâm}
recipients: [TTTU]
archive: VT
`

// grid returns the table's grid lines on a page: horizontal y's and
// vertical x's, sorted and without repeats.
func grid(p *layout.Page) (hs, vs []float64) {
	for _, r := range p.Rules {
		if r.Tag != "table-grid" {
			continue
		}
		if r.Y1 == r.Y2 {
			hs = append(hs, r.Y1)
		} else {
			vs = append(vs, r.X1)
		}
	}
	slices.Sort(hs)
	slices.Sort(vs)
	return slices.Compact(hs), slices.Compact(vs)
}

// The grid spans the text block with columns in the given shares; the
// header is bold 13 pt, centred in its cell both ways; cell text starts
// 1.5 mm inside its column; the number column is centred; lines are 0.5 pt.
func TestTableGeometry(t *testing.T) {
	m := fonts(t)
	pages := compose(t, []byte(tableBase+`sections:
  - heading: Phân công nhiệm vụ
    text: "Chi tiết như sau:"
    table:
      columns:
        - {title: TT, width: 8}
        - {title: Nội dung công việc cần thực hiện trong năm 2017 tại các đơn vị, width: 60}
        - {title: Chủ trì, width: 32}
      number: true
      rows:
        - [Tổ chức **Hội nghị** tổng kết, Phòng LĐ-TB&XH]
        - [Tuyên truyền, Phòng VH-TT]
`))
	p := &pages[0]
	hs, vs := grid(p)
	wantV := []float64{30, 30 + 0.08*165, 30 + 0.68*165, 195}
	if len(vs) != 4 {
		t.Fatalf("vertical lines at %v, want %v", vs, wantV)
	}
	for i := range vs {
		if !near(vs[i], wantV[i], 0.001) {
			t.Errorf("vertical line %d at %.3f, want %.3f", i, vs[i], wantV[i])
		}
	}
	if len(hs) != 4 {
		t.Fatalf("horizontal lines at %v: want 4 (top, under the header, between the rows, bottom)", hs)
	}
	for _, r := range p.Rules {
		if r.Tag == "table-grid" && !near(r.Width, 0.5*pt, 1e-9) {
			t.Errorf("grid line %+v is not 0.5 pt", r)
		}
	}
	lead := 1.15 * 13 * pt
	// The header: two lines in the middle cell, one in the others, each
	// centred vertically in the 2-line row.
	if !near(hs[1]-hs[0], 2+2*lead, 0.001) {
		t.Errorf("header row is %.2f mm high, want two lines and 2 × 1 mm padding (%.2f)", hs[1]-hs[0], 2+2*lead)
	}
	head := p.Tagged("table-head")
	if len(head) != 4 {
		t.Fatalf("header texts %+v", head)
	}
	mid := (hs[0] + hs[1]) / 2
	for _, h := range head {
		if h.Font != (layout.Font{Style: layout.Bold, Size: 13}) {
			t.Errorf("header %q in %+v, want 13 pt bold", h.S, h.Font)
		}
		col := 0
		for col+1 < len(vs) && h.X > vs[col+1] {
			col++
		}
		if c := (vs[col] + vs[col+1]) / 2; !near(centre(m, h), c, 0.01) {
			t.Errorf("header %q centred at %.2f, want the column's centre %.2f", h.S, centre(m, h), c)
		}
	}
	// One-line header cells: the glyph box centred on the row's middle.
	for _, h := range []layout.Text{head[0], head[len(head)-1]} {
		boxMid := h.Y - (m.Ascent()-m.Descent())*13*pt/2
		if !near(boxMid, mid, 0.01) {
			t.Errorf("header %q: middle of its line at %.2f, the row's middle at %.2f", h.S, boxMid, mid)
		}
	}
	nums := p.Tagged("table-number")
	if len(nums) != 2 || nums[0].S != "1" || nums[1].S != "2" || !near(centre(m, nums[0]), (vs[0]+vs[1])/2, 0.01) {
		t.Errorf("numbers %+v: want 1 and 2 centred in the first column", nums)
	}
	cells := p.Tagged("table-cell")
	if len(cells) < 4 || !near(cells[0].X, vs[1]+1.5, 0.001) || cells[0].S != "Tổ chức" || cells[0].Font.Style != layout.Regular {
		t.Fatalf("first cell texts %+v: want \"Tổ chức\" regular at %.2f", cells, vs[1]+1.5)
	}
	bold := false
	for _, c := range cells {
		bold = bold || c.S == "Hội nghị" && c.Font.Style == layout.Bold
		if c.Y < hs[1] || c.Y > hs[3] {
			t.Errorf("cell %q at y %.2f, outside the rows", c.S, c.Y)
		}
	}
	if !bold {
		t.Error("**Hội nghị** is not bold in its cell")
	}
	// Body cell text starts at the top: baseline one padding and the
	// line's ascent under the row's top line.
	base := hs[1] + 1 + (lead-(m.Ascent()+m.Descent())*13*pt)/2 + m.Ascent()*13*pt
	if !near(cells[0].Y, base, 0.001) || !near(nums[0].Y, base, 0.001) {
		t.Errorf("first row's baseline %.3f / %.3f, want %.3f", cells[0].Y, nums[0].Y, base)
	}
}

// A word wider than its cell is cut; a dash range breaks after its dash.
func TestTableCellWrap(t *testing.T) {
	m := fonts(t)
	pages := compose(t, []byte(tableBase+`closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: Nội dung, width: 85}, {title: Thời gian, width: 15}]
      rows: [[Việc, Năm học 2024 - 2025]]
`))
	_, vs := grid(&pages[0])
	var got []string
	for _, c := range pages[0].Tagged("table-cell") {
		if c.X > vs[1] {
			got = append(got, c.S)
			if c.X+m.Width(c.S, c.Font) > vs[2]-1.5+0.001 {
				t.Errorf("%q runs past its cell", c.S)
			}
		}
	}
	if strings.Join(got, "|") != "Năm học|2024 -|2025" {
		t.Errorf("cell lines %q, want Năm học|2024 -|2025", got)
	}
}

// A column's align sets its cells' lines flush left (the default),
// centred or flush right inside the padding; the header stays centred.
func TestTableColumnAlign(t *testing.T) {
	m := fonts(t)
	pages := compose(t, []byte(tableBase+`closing: [x]
sections:
  - heading: A
    table:
      columns:
        - {title: Nội dung, width: 40}
        - {title: Thời gian, width: 30, align: giữa}
        - {title: Kết quả, width: 30, align: right}
      rows: [[Việc, Quý II, "55,2%"], [Việc khác, Cả năm, "1.234"]]
`))
	_, vs := grid(&pages[0])
	for _, c := range pages[0].Tagged("table-cell") {
		w := m.Width(c.S, c.Font)
		switch {
		case c.X < vs[1]:
			if !near(c.X, vs[0]+1.5, 0.001) {
				t.Errorf("%q starts at %.2f, want flush left at %.2f", c.S, c.X, vs[0]+1.5)
			}
		case c.X < vs[2]:
			if !near(c.X+w/2, (vs[1]+vs[2])/2, 0.001) {
				t.Errorf("%q centred at %.2f, want %.2f", c.S, c.X+w/2, (vs[1]+vs[2])/2)
			}
		default:
			if !near(c.X+w, vs[3]-1.5, 0.001) {
				t.Errorf("%q ends at %.2f, want flush right at %.2f", c.S, c.X+w, vs[3]-1.5)
			}
		}
	}
	if n := len(pages[0].Tagged("table-cell")); n != 6 {
		t.Errorf("%d cell texts, want 6", n)
	}
}

// A range that does not fit in a narrow cell breaks after its dash, never
// leaving the first word of the range alone ("Quý" / "II - Quý III").
func TestTableRangeBreaksAfterDash(t *testing.T) {
	pages := compose(t, []byte(tableBase+`closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: Nội dung, width: 88}, {title: Thời gian, width: 12, align: center}]
      rows: [[Việc, Quý II - Quý III]]
`))
	_, vs := grid(&pages[0])
	if got := strings.Join(columnLines(fonts(t), &pages[0], vs, 1, "table-cell"), "|"); got != "Quý II -|Quý III" {
		t.Errorf("cell lines %q, want Quý II -|Quý III", got)
	}
}

// A cell, broken first fit, never separates a word from its number when
// the two fit on a line together: "Chiều Thứ Năm (Thứ / 5)" printed "5)"
// alone on a line (clerk trial 6). Where they do not fit together, first
// fit's break stays (the Thanh Hóa plan's "Trước ngày / 10/6/2024", held by
// its visual reference).
func TestTableCellKeepsNumberWithItsWord(t *testing.T) {
	for _, width := range []int{12, 14, 15, 17, 20} {
		pages := compose(t, []byte(tableBase+`closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: Nội dung, width: `+strconv.Itoa(100-width)+`}, {title: Thời gian, width: `+strconv.Itoa(width)+`}]
      rows: [[Việc, Chiều Thứ Năm (Thứ 5)]]
`))
		_, vs := grid(&pages[0])
		lines := columnLines(fonts(t), &pages[0], vs, 1, "table-cell")
		if strings.Join(lines, " ") != "Chiều Thứ Năm (Thứ 5)" {
			t.Fatalf("width %d: lines %q lose words", width, lines)
		}
		for _, l := range lines {
			if strings.HasSuffix(l, "(Thứ") || l == "5)" {
				t.Errorf("width %d: lines %q separate Thứ from its 5", width, lines)
			}
		}
	}
}

// row is a row of a table found on a page: its number and the y's of
// its texts.
type row struct {
	n      int
	ys     []float64
	page   int
	header bool
}

// tableDoc is a document with a numbered table of the given rows, each
// row i with lines[i] words in its second cell.
func tableDoc(lines []int, headWords int, extraBody int) []byte {
	var b strings.Builder
	b.WriteString(tableBase)
	b.WriteString("sections:\n  - heading: Nội dung\n    text: |\n")
	for range extraBody {
		b.WriteString("      Câu văn mở đầu kế hoạch công tác năm của ủy ban nhân dân thị xã.\n")
	}
	b.WriteString("    table:\n      number: true\n      columns:\n        - {title: TT, width: 8}\n")
	fmt.Fprintf(&b, "        - {title: %s, width: 60}\n        - {title: Chủ trì, width: 32}\n      rows:\n", strings.Repeat("Tiêu đề ", headWords))
	for i, n := range lines {
		fmt.Fprintf(&b, "        - [\"%s\", Phòng %d]\n", strings.TrimSpace(strings.Repeat(fmt.Sprintf("việc%d ", i+1), n)), i+1)
	}
	b.WriteString("closing: [Kết thúc.]\n")
	return []byte(b.String())
}

// Over many generated tables: every row is whole on one page when it fits
// on a page; rows come in order; every page that continues the table
// starts with the repeated header; the header never ends a page alone; the
// grid is closed at the foot of each page; cells stay inside their row.
func TestTablePagination(t *testing.T) {
	m := fonts(t)
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		lines := make([]int, 5+r.IntN(40))
		tall := map[int]bool{}
		for i := range lines {
			lines[i] = 1 + r.IntN(60)
			if r.IntN(10) == 0 {
				lines[i] = 300 + r.IntN(300) // a row taller than a page
				tall[i+1] = true
			}
		}
		src := tableDoc(lines, 1+r.IntN(6), r.IntN(25))
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			pages := compose(t, src)
			checkTablePages(t, pages, m, len(lines), tall)
		})
	}
}

func checkTablePages(t *testing.T, pages []layout.Page, m layout.Measurer, rows int, tall map[int]bool) {
	t.Helper()
	next, started := 1, false
	pageOf := map[int]int{} // row → page of its number
	for _, p := range pages {
		hs, _ := grid(&p)
		head := p.Tagged("table-head")
		nums := p.Tagged("table-number")
		cells := p.Tagged("table-cell")
		if len(head) == 0 && len(nums) == 0 && len(cells) == 0 {
			if started && next <= rows {
				t.Fatalf("page %d has no table, row %d has not been printed", p.Number, next)
			}
			continue
		}
		if len(head) == 0 {
			t.Fatalf("page %d continues the table without its header", p.Number)
		}
		if len(nums) == 0 && len(cells) == 0 {
			t.Fatalf("page %d ends with the table's header alone", p.Number)
		}
		top := math.Inf(1)
		for _, h := range head {
			top = min(top, h.Y)
		}
		for _, c := range append(nums, cells...) {
			if c.Y < top {
				t.Fatalf("page %d: %q above the header", p.Number, c.S)
			}
		}
		if started && !near(hs[0], 20, 0.001) {
			t.Errorf("page %d: the continued table starts at %.2f, not at the top margin", p.Number, hs[0])
		}
		// Rows in order: numbers on this page follow the last one seen;
		// a number only once overall (whole rows), unless the row is
		// taller than a page.
		for _, num := range nums {
			k, _ := strconv.Atoi(num.S)
			if k != next {
				t.Fatalf("page %d: row %d after row %d", p.Number, k, next-1)
			}
			pageOf[k] = p.Number
			next++
		}
		// Every line of a row that fits on a page is on the page of its
		// number: the row is whole.
		for _, c := range cells {
			if !strings.HasPrefix(c.S, "việc") {
				continue
			}
			k, _ := strconv.Atoi(strings.TrimPrefix(strings.Fields(c.S)[0], "việc"))
			if at, ok := pageOf[k]; !tall[k] && (!ok || at != p.Number) {
				t.Fatalf("page %d: a line of row %d, whose number is on page %d: the row is split", p.Number, k, at)
			}
		}
		// The lowest grid line closes the grid under every cell.
		bottom := hs[len(hs)-1]
		for _, c := range append(head, cells...) {
			if c.Y+m.Descent()*c.Font.Size*pt > bottom+0.001 {
				t.Fatalf("page %d: %q below the grid's last line %.2f", p.Number, c.S, bottom)
			}
		}
		started = true
	}
	if next != rows+1 {
		t.Fatalf("printed %d rows of %d", next-1, rows)
	}
}

// A row taller than a page is cut between its lines, the header repeated
// above the continuation, and no line lost.
func TestTableTallRow(t *testing.T) {
	pages := compose(t, tableDoc([]int{2, 900, 2}, 1, 0))
	words := 0
	var on []int
	for _, p := range pages {
		n := 0
		for _, c := range p.Tagged("table-cell") {
			n += strings.Count(c.S, "việc2")
		}
		if n > 0 {
			on = append(on, p.Number)
		}
		words += n
	}
	if words != 900 {
		t.Errorf("%d words of the tall row printed, want 900", words)
	}
	if len(on) < 3 {
		t.Errorf("the tall row is on pages %v, want it cut over three pages at least", on)
	}
	// It must be cut anyway, so it starts under row 1, not on a new page
	// that would leave most of this one blank.
	if first := pages[0]; len(on) == 0 || on[0] != first.Number {
		t.Errorf("the tall row starts on page %v, want page %d under the first row", on, first.Number)
	}
	checkTablePages(t, pages, fonts(t), 3, map[int]bool{2: true})
}

// The header with the first row always moves together: a heading and a
// table that do not fit under the text go to the next page, leaving the
// heading, the header and the first row together.
func TestTableNeverStartsWithHeaderAlone(t *testing.T) {
	for extra := range 40 {
		pages := compose(t, tableDoc([]int{3, 3, 3}, 2, extra))
		for _, p := range pages {
			if len(p.Tagged("table-head")) > 0 && len(p.Tagged("table-number")) == 0 {
				t.Fatalf("%d lines before: page %d ends with the header alone", extra, p.Number)
			}
			if extra == 0 && len(p.Tagged("table-head")) > 0 && p.Number == 1 != (len(p.Tagged("heading")) > 0) {
				t.Fatalf("page %d: the heading and the table's header are apart", p.Number)
			}
		}
	}
}

// narrowTable is a document with a table of seven equal columns (20.6 mm
// of room each at 13 pt), a figure in each of its first row's cells and a
// heading "Tăng/giảm (%)" wider than its column.
const narrowTable = tableBase + `closing: [x]
sections:
  - heading: Kết quả
    table:
      columns:
        - {title: Nội dung}
        - {title: Năm 2023, align: right}
        - {title: Năm 2024, align: right}
        - {title: Tăng/giảm (%), align: right}
        - {title: Kế hoạch, align: right}
        - {title: Thực hiện, align: right}
        - {title: Nguồn}
      rows:
        - [Chi thường xuyên, "1.250.000.000", "350.000.000", "5,0", "1.312.500.000", "12.000", "https://bimson.thanhhoa.gov.vn/tin-tuc"]
        - [Khác, "10.500.000.000", "1.000", "-2,5", "900.000", "800.000", Ngân sách]
`

// columnLines returns the printed lines of the texts with a tag in
// column col (between the grid's vertical lines vs[col] and vs[col+1]).
func columnLines(m layout.Measurer, p *layout.Page, vs []float64, col int, tag string) []string {
	q := layout.Page{}
	for _, t := range p.Tagged(tag) {
		if t.X > vs[col] && t.X < vs[col+1] {
			q.Texts = append(q.Texts, t)
		}
	}
	var out []string
	for _, l := range q.Lines(m) {
		out = append(out, l.Text)
	}
	return out
}

// In a narrow column a figure is cut between its digit groups, a heading
// after its slash, an address after a slash or a hyphen; never between
// two digits or inside a syllable.
func TestNarrowCellsCutAtSeparators(t *testing.T) {
	m := fonts(t)
	pages := compose(t, []byte(narrowTable))
	p := &pages[0]
	_, vs := grid(p)
	if len(vs) != 8 {
		t.Fatalf("vertical lines %v, want 8", vs)
	}
	for _, c := range []struct {
		col  int
		tag  string
		want string
	}{
		{3, "table-head", "Tăng/|giảm (%)"},
		{1, "table-cell", "1.250.000.|000|10.500.|000.000"},
		{2, "table-cell", "350.000.|000|1.000"},
		{4, "table-cell", "1.312.500.|000|900.000"},
		{6, "table-cell", "https://|bimson.|thanhhoa.|gov.vn/tin-|tuc|Ngân sách"},
	} {
		if got := strings.Join(columnLines(m, p, vs, c.col, c.tag), "|"); got != c.want {
			t.Errorf("column %d: lines %q, want %q", c.col+1, got, c.want)
		}
	}
}

// warnings returns the paths and messages of the layout's warnings.
func warnings(t *testing.T, src string) []layout.Problem {
	t.Helper()
	doc := decodeDoc(t, []byte(src))
	_, probs := layout.ComposeWarnings(doc, fonts(t), layout.OptionsFor(doc.Style))
	return probs
}

// A word wider than its column is reported at its cell, once a column
// (the first cell, with how many more), and at a heading's title; size
// 12 is suggested only for a word that fits at 12 pt. A range glued around
// its dash is not a word and is not reported when it breaks after its
// dash; vanban's own numbers are never reported, even in a column too
// narrow for "100"; words that fit are not reported.
func TestWideWordWarnings(t *testing.T) {
	var b strings.Builder
	b.WriteString(narrowTable)
	b.WriteString(`appendices:
  - title: Chi tiết
    table:
      number: true
      columns: [{title: TT, width: 6}, {title: Nội dung, width: 79}, {title: Thời gian, width: 15}]
      rows:
`)
	for i := range 120 {
		fmt.Fprintf(&b, "        - [Việc %d, 2024 - 2025]\n", i)
	}
	b.WriteString("        - [Việc cuối, \"01/01/2024-31/12/2025 - nay\"]\n")
	got := warnings(t, strings.Replace(b.String(), "closing: [x]", "closing: [Phụ lục]", 1))
	want := []struct{ path, word, more, expected string }{
		{"sections[1].table.columns[4].title", `"Tăng/giảm" is 21.2 mm wide, the column leaves 20.6 mm`, "", "size: 12"},
		{"sections[1].table.rows[1][2]", `"1.250.000.000" is 26.4 mm wide`, "as is a word in 1 more cell of this column", "fewer columns"},
		{"sections[1].table.rows[1][3]", `"350.000.000" is 22.9 mm wide`, "", "fewer columns"},
		{"sections[1].table.rows[1][5]", `"1.312.500.000"`, "", "fewer columns"},
		{"sections[1].table.rows[1][7]", `"https://bimson.thanhhoa.gov.vn/tin-tuc"`, "", "fewer columns"},
		{"appendices[1].table.rows[121][2]", `"01/01/2024-31/12/2025" is`, "", "fewer columns"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d warnings, want %d:\n%+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Path != w.path || !strings.HasPrefix(g.En, "the word "+w.word) || !strings.Contains(g.En, ": it is cut across lines") ||
			!strings.Contains(g.FixEn, w.expected) || (w.more == "") != !strings.Contains(g.En, "more cell") || !strings.Contains(g.En, w.more) {
			t.Errorf("warning %d: %+v\nwant at %s: the word %s…%s (expected …%s…)", i+1, g, w.path, w.word, w.more, w.expected)
		}
		if w.expected == "fewer columns" && strings.Contains(g.FixEn, "size: 12") {
			t.Errorf("warning %d suggests size 12, at which the word does not fit either: %+v", i+1, g)
		}
	}
}

// The total row comes last, in bold and without a number: its first cell
// ("Tổng cộng") centred across the number column and the next, with no
// rule between them in that row; the sums aligned as their columns; the
// grid closed under it.
func TestTableTotalRow(t *testing.T) {
	m := fonts(t)
	pages := compose(t, []byte(tableBase+`closing: [x]
sections:
  - heading: A
    table:
      number: true
      columns: [{title: TT, width: 8}, {title: Nội dung, width: 62}, {title: Kinh phí, width: 30, align: right}]
      rows: [[Việc một, "150.000"], [Việc hai, "90.000"]]
      total: [Tổng cộng, "240.000"]
`))
	p := &pages[0]
	hs, vs := grid(p)
	tot := p.Tagged("table-total")
	if len(tot) != 2 || tot[0].S != "Tổng cộng" || tot[1].S != "240.000" || tot[0].Font.Style != layout.Bold {
		t.Fatalf("total texts %+v", tot)
	}
	if c := (vs[0] + vs[2]) / 2; !near(centre(m, tot[0]), c, 0.01) {
		t.Errorf("Tổng cộng centred at %.2f, want across the first two columns at %.2f", centre(m, tot[0]), c)
	}
	if end := tot[1].X + m.Width(tot[1].S, tot[1].Font); !near(end, vs[3]-1.5, 0.01) {
		t.Errorf("the sum ends at %.2f, want flush right at %.2f", end, vs[3]-1.5)
	}
	if nums := p.Tagged("table-number"); len(nums) != 2 {
		t.Errorf("numbers %+v: the total row is not numbered", nums)
	}
	rowTop, rowBottom := hs[len(hs)-2], hs[len(hs)-1]
	if tot[0].Y < rowTop || tot[0].Y > rowBottom {
		t.Errorf("the total (y %.2f) is not in the last row (%.2f–%.2f)", tot[0].Y, rowTop, rowBottom)
	}
	for _, r := range p.Rules {
		if r.Tag == "table-grid" && r.X1 == r.X2 && near(r.X1, vs[1], 0.001) && r.Y2 > rowTop+0.01 {
			t.Errorf("a rule between the number column and the next crosses the total row: %+v", r)
		}
	}
}
