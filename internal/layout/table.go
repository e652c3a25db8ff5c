package layout

import (
	"fmt"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/viet"
)

// Table geometry: a thin black grid, as Word's default table border
// (0.5 pt); cells padded 1.5 mm left and right (Word's 0.19 cm) and 1 mm
// above and below, so that text never touches the grid.
const (
	gridWidth = 0.5 * ptMM
	cellPadX  = 1.5
	cellPadY  = 1.0
)

// cellText is the lines of one cell, each a list of texts on baseline 0.
type cellText [][]Text

// table lays out a table across the text block: the header row (bold,
// centred both ways), then one item per row. A row is never split when it
// fits on a page; one taller than a page is cut between its lines. The
// header is glued to the first row, so a table never starts with its
// header alone at the foot of a page, and it is repeated at the top of
// every page the table continues on. A word wider than its column is cut
// across lines; the clerk is warned (see wideWarnings).
func (c *composer) table(g *document.Grid, path string) []item {
	size := g.Size
	x0, w := c.o.Left, c.o.TextWidth()
	xs := make([]float64, len(g.Widths)+1) // column edges
	xs[0] = x0
	for i, share := range g.Widths {
		xs[i+1] = xs[i] + share*w
	}
	xs[len(xs)-1] = x0 + w
	usable := c.o.PageH - c.o.Top - c.o.Bottom

	head := make([]cellText, len(g.Head))
	for i, cell := range g.Head {
		var wide wideCell
		head[i], wide = c.cellLines(cell, Bold, Center, size, xs[i], xs[i+1]-xs[i], "table-head")
		if wide.s != "" {
			wide.path = g.HeadPath(path, i)
			c.wideWarning(wide, size)
		}
	}
	headItems := c.row(head, xs, size, true, usable)
	var repeat *item
	if len(headItems) == 1 && headItems[0].h <= usable/3 {
		// A header taller than a third of the page would leave little
		// room for rows: it is printed once.
		h := headItems[0]
		h.rules = append(h.rules, hline(xs, h.h))
		repeat = &h
	}
	items := headItems
	rowRoom := usable
	if repeat != nil {
		rowRoom -= repeat.h
	}
	wide := make([]wideCell, len(g.Widths)) // the first in each column
	for r, cells := range g.Rows {
		row := make([]cellText, len(cells))
		for i, cell := range cells {
			align, tag := cellAlign[g.Align[i]], "table-cell"
			if i == 0 && g.Numbered {
				align, tag = Center, "table-number"
			}
			var wc wideCell
			row[i], wc = c.cellLines(cell, Regular, align, size, xs[i], xs[i+1]-xs[i], tag)
			switch {
			case wc.s == "":
			case wide[i].s == "":
				wc.path = g.CellPath(path, r, i)
				wide[i] = wc
			default:
				wide[i].more++
			}
		}
		ri := c.row(row, xs, size, false, rowRoom)
		for k := range ri {
			ri[k].row.head = repeat
		}
		items = append(items, ri...)
	}
	if g.Total != nil {
		items = append(items, c.totalRow(g, xs, size, rowRoom, repeat)...)
	}
	// The last row closes the grid.
	last := &items[len(items)-1]
	last.rules = append(last.rules, hline(xs, last.h))
	if last.row != nil {
		last.row.tail = nil
	}
	for _, wc := range wide {
		if wc.s != "" {
			c.wideWarning(wc, size)
		}
	}
	for i := range headItems {
		items[i].keep = true // the header goes with the first row
	}
	items[0].before = paraSpace
	return items
}

// totalRow lays out the total row in bold: its first cell ("Tổng cộng")
// centred, the sums aligned as their columns; in a numbered table the
// first cell spans the number column and the next, with no rule between.
func (c *composer) totalRow(g *document.Grid, xs []float64, size, room float64, repeat *item) []item {
	edges, first := xs, 0 // first: the column of the total's first cell
	if g.Numbered {
		edges = append([]float64{xs[0]}, xs[2:]...)
		first = 1
	}
	cells := make([]cellText, len(g.Total))
	for i, cell := range g.Total {
		align := cellAlign[g.Align[first+i]]
		if i == 0 {
			align = Center
		}
		cells[i], _ = c.cellLines(cell, Bold, align, size, edges[i], edges[i+1]-edges[i], "table-total")
	}
	items := c.row(cells, edges, size, false, room)
	for k := range items {
		items[k].row.head = repeat
	}
	return items
}

// cellAlign maps a column's alignment to its lines'.
var cellAlign = [...]Align{document.AlignLeft: Left, document.AlignCenter: Center, document.AlignRight: Right}

// cellLines breaks a cell's paragraphs within the column, inside the
// padding, and returns the first word wider than the column, but never of
// a number: those are vanban's.
func (c *composer) cellLines(cell document.Cell, base Style, align Align, size, x, w float64, tag string) (cellText, wideCell) {
	var out cellText
	var wide wideCell
	for _, spans := range cell {
		p := Para{Spans: spansOf(spans, base), Size: size, Width: w - 2*cellPadX, Align: align, Tag: tag}
		ws := words(p.Spans, size, c.m)
		if wide.s == "" && tag != "table-number" {
			wide = wideIn(ws, p.Width)
		}
		if tag != "table-head" {
			for _, l := range breakWords(p, ws, c.m, neverBreaks(ws, c.names)) {
				out = append(out, p.place(l, x+cellPadX))
			}
			continue
		}
		// A header cell is a short centred title: broken between phrases
		// into balanced lines, as the document's title, not greedily
		// ("Nội dung công việc … trên địa bàn thị / xã").
		for _, l := range centreWords(p, ws, c.m, overflow{}) {
			out = append(out, p.place(l, x+cellPadX))
		}
	}
	return out, wide
}

// A wideCell is a cell with a word wider than its column's room: its
// path, the word, its width and the room (mm), and how many more cells of
// the column have one.
type wideCell struct {
	path    string
	s       string
	w, room float64
	more    int
}

// wideIn returns the first of the words wider than room, the parts of a
// range glued around its dash counting as words: those are cut across
// lines (splitFirst), a range between them is not.
func wideIn(ws []word, room float64) wideCell {
	for _, w := range ws {
		if w.w <= room+fitTolerant {
			continue
		}
		start, width := 0, 0.0
		for k := 0; k <= len(w.frags); k++ {
			if k < len(w.frags) && !w.frags[k].space {
				width += w.frags[k].w
				continue
			}
			if width > room+fitTolerant {
				return wideCell{s: wordText(word{frags: w.frags[start:k]}), w: width, room: room}
			}
			start, width = k+1, 0
		}
	}
	return wideCell{}
}

// wideWarning warns that a cell's word is cut across lines, which may
// split a figure or a name where a reader does not expect it. Size 12 is
// suggested only where the word would fit at 12 pt.
func (c *composer) wideWarning(wc wideCell, size float64) {
	m := diag.Msg{
		Code:  "table.word-cut",
		Vi:    fmt.Sprintf("từ %q rộng %.1f mm, cột chỉ còn %.1f mm: từ này bị ngắt sang dòng sau", wc.s, wc.w, wc.room),
		En:    fmt.Sprintf("the word %q is %.1f mm wide, the column leaves %.1f mm: it is cut across lines", wc.s, wc.w, wc.room),
		FixVi: "tăng độ rộng của cột (width) hoặc bớt cột",
		FixEn: "a wider column (width) or fewer columns",
	}
	switch {
	case wc.more == 1:
		m.Vi += ", một ô khác của cột này cũng vậy"
		m.En += ", as is a word in 1 more cell of this column"
	case wc.more > 1:
		m.Vi += fmt.Sprintf(", %d ô khác của cột này cũng vậy", wc.more)
		m.En += fmt.Sprintf(", as are words in %d more cells of this column", wc.more)
	}
	if size > 12 && wc.w*12/size <= wc.room+fitTolerant {
		m.FixVi = "tăng độ rộng của cột (width), bớt cột, hoặc ghi size: 12 cho bảng"
		m.FixEn = "a wider column (width), fewer columns, or size: 12"
	}
	c.warnings = append(c.warnings, Problem{Path: wc.path, Msg: m})
}

// row lays out one row of cells: one item with the row's top rule and its
// vertical rules; its bottom rule is drawn by the next row, or, when the
// page ends under it, as its tail. The header's cells are centred
// vertically. A row taller than room is cut into one item per line, so
// that the page breaks where it is full.
func (c *composer) row(cells []cellText, xs []float64, size float64, centre bool, room float64) []item {
	n := 1
	for _, ct := range cells {
		n = max(n, len(ct))
	}
	lead := lineHeight(size)
	base := baseline(c.m, size, lead)
	h := 2*cellPadY + float64(n)*lead
	if h <= room {
		it := item{h: h}
		for _, ct := range cells {
			off := cellPadY + base
			if centre {
				off += float64(n-len(ct)) * lead / 2
			}
			for k, l := range ct {
				for _, t := range l {
					t.Y += off + float64(k)*lead
					it.texts = append(it.texts, t)
				}
			}
		}
		it.rules = append(it.rules, hline(xs, 0))
		it.rules = append(it.rules, vlines(xs, 0, h)...)
		tail := hline(xs, h)
		it.row = &tableRow{tail: &tail}
		return []item{it}
	}
	// One item per line: the first with the top padding, the last with
	// the bottom padding.
	items := make([]item, n)
	for k := range n {
		it := &items[k]
		top := 0.0
		it.h = lead
		if k == 0 {
			top, it.h = cellPadY, lead+cellPadY
			it.rules = append(it.rules, hline(xs, 0))
		}
		if k == n-1 {
			it.h += cellPadY
		}
		for _, ct := range cells {
			if k < len(ct) {
				for _, t := range ct[k] {
					t.Y += top + base
					it.texts = append(it.texts, t)
				}
			}
		}
		it.rules = append(it.rules, vlines(xs, 0, it.h)...)
		tail := hline(xs, it.h)
		it.row = &tableRow{tail: &tail}
		// It must be cut anyway, so it starts where it is: only its first
		// and its last two lines are glued, never alone on a page.
		it.keep = k == 0 || k >= n-2 && k < n-1
	}
	return items
}

// hline is a horizontal grid line across the table at y. It runs half its
// thickness past the outer edges, so that the corners are closed.
func hline(xs []float64, y float64) Rule {
	return Rule{X1: xs[0] - gridWidth/2, Y1: y, X2: xs[len(xs)-1] + gridWidth/2, Y2: y, Width: gridWidth, Tag: "table-grid"}
}

// vlines are the vertical grid lines at the column edges, from y0 to y1.
func vlines(xs []float64, y0, y1 float64) []Rule {
	out := make([]Rule, len(xs))
	for i, x := range xs {
		out[i] = Rule{X1: x, Y1: y0, X2: x, Y2: y1, Width: gridWidth, Tag: "table-grid"}
	}
	return out
}

// neverBreaks tells the breaks of a cell's words that would separate a
// word from the number it introduces or a number from its unit ("Thứ /
// 5)", "ngày / 27/4/2007", "15 / người"), as the ratings of total fit
// say; cells are broken first fit, which otherwise ignores them. The
// ratings are read only when a break is asked about: most cells fit on
// one line.
func neverBreaks(ws []word, names *viet.Names) func(int) bool {
	if len(ws) < 2 {
		return nil
	}
	var rating []viet.Break
	return func(i int) bool {
		if rating == nil {
			texts := make([]string, len(ws))
			for j, w := range ws {
				texts[j] = wordText(w)
			}
			rating = viet.LineBreaks(texts, names)
		}
		return rating[i] == viet.BreakNever
	}
}
