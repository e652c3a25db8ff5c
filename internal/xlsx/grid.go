package xlsx

import (
	"fmt"
	"strconv"
	"strings"
)

// Style is how a cell looks, independent of excelize; the painter turns
// each distinct Style into one workbook style.
type Style struct {
	Size   float64
	Bold   bool
	Italic bool
	Align  string // left, center, right
	VAlign string // top, center
	Wrap   bool
	Border bool
	Format string // number format code; "" is General
}

// cell is one cell: a value (string, int64, float64 or nil), or a formula
// (without "=") with the value it evaluates to, which is written as the
// cached value so that viewers that do not recalculate show it.
type cell struct {
	v     any
	f     string
	style Style
	set   bool
}

// sheet is one worksheet laid out in memory. Rows and columns count from 1.
type sheet struct {
	name    string
	widths  []float64
	rows    [][]cell // rows[r-1][c-1]
	heights map[int]float64
	merges  [][2]string
	// freezeRows and freezeCols are the rows above and columns left of the
	// frozen panes, of which the panes show the rows from freezeFrom on
	// (the column headers, not the title block); titleFrom..titleTo are
	// the header rows repeated on every printed page.
	freezeFrom, freezeRows, freezeCols int
	titleFrom, titleTo                 int
	// inputs are the cells a clerk types figures into, which data
	// validation guards: whole numbers of 0 or more, or 1/0 for flags.
	inputs, flags []string
	breaks        []int        // rows a page starts at
	onePage       bool         // shrink to print on one page
	scale         int          // print scale in per cent, 0 to fit the width
	keepNext      map[int]bool // rows printed on the same page as the next
	left, right   int          // last column of the left block, first of the right
	titleRow      int          // the row of the sheet's title
	// remarks are vanban's words to the clerk, kept out of the printed
	// annex: cell comments, which spreadsheets do not print.
	remarks []remark
}

// remark is a comment on a cell.
type remark struct {
	row, col int
	text     string
}

func newSheet(name string, widths []float64) *sheet {
	return &sheet{name: name, widths: widths, heights: map[int]float64{}, keepNext: map[int]bool{}}
}

func (s *sheet) cols() int { return len(s.widths) }

// put sets one cell, growing the grid as needed.
func (s *sheet) put(row, col int, c cell) {
	for len(s.rows) < row {
		s.rows = append(s.rows, nil)
	}
	r := s.rows[row-1]
	for len(r) < col {
		r = append(r, cell{})
	}
	c.set = true
	r[col-1] = c
	s.rows[row-1] = r
}

// text sets a text or number cell.
func (s *sheet) text(row, col int, v any, st Style) { s.put(row, col, cell{v: v, style: st}) }

// formula sets a formula cell with its value.
func (s *sheet) formula(row, col int, f string, v any, st Style) {
	s.put(row, col, cell{v: v, f: f, style: st})
}

// merge merges a range, writing v in its first cell and st in all of its
// cells so that borders show on every side.
func (s *sheet) merge(r1, c1, r2, c2 int, v any, st Style) {
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			s.put(r, c, cell{style: st})
		}
	}
	s.put(r1, c1, cell{v: v, style: st})
	if r1 != r2 || c1 != c2 {
		s.merges = append(s.merges, [2]string{ref(r1, c1), ref(r2, c2)})
	}
}

// remark attaches vanban's words for the clerk to a cell, as a comment
// that is not printed: what a People's Committee states goes on the
// page, how the workbook was made and what the catalogue is unsure of
// does not.
func (s *sheet) remark(row, col int, text string) {
	s.remarks = append(s.remarks, remark{row, col, text})
}

// maxRowHeight is the tallest row a spreadsheet allows, in points.
const maxRowHeight = 409

// height sets a row's height in points, keeping the largest asked for, up
// to the tallest row a spreadsheet allows (validation keeps texts short
// enough to fit it).
func (s *sheet) height(row int, pt float64) {
	if pt > s.heights[row] {
		s.heights[row] = min(pt, maxRowHeight)
	}
}

// input marks a cell as typed in: a count, or a yes/no flag.
func (s *sheet) input(row, col int, flag bool) {
	if flag {
		s.flags = append(s.flags, ref(row, col))
	} else {
		s.inputs = append(s.inputs, ref(row, col))
	}
}

// at returns the cell at row, col (the zero cell when unset).
func (s *sheet) at(row, col int) cell {
	if row < 1 || row > len(s.rows) || col < 1 || col > len(s.rows[row-1]) {
		return cell{}
	}
	return s.rows[row-1][col-1]
}

// colName converts a 1-based column number to letters: 1 → A, 27 → AA.
func colName(c int) string {
	name := ""
	for c > 0 {
		c--
		name = string(rune('A'+c%26)) + name
		c /= 26
	}
	return name
}

// ref is a cell reference such as B12.
func ref(row, col int) string { return colName(col) + strconv.Itoa(row) }

// span is a range reference such as B12:B20 (a single cell when the range
// has one cell).
func span(r1, c1, r2, c2 int) string {
	if r1 == r2 && c1 == c2 {
		return ref(r1, c1)
	}
	return ref(r1, c1) + ":" + ref(r2, c2)
}

// quoted prefixes a reference with a quoted sheet name.
func quoted(sheetName, r string) string {
	return "'" + strings.ReplaceAll(sheetName, "'", "''") + "'!" + r
}

// num writes a float for a formula: the shortest form that reads back
// the same value.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// fmtStr quotes a string for a formula.
func fmtStr(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// decimalsFormat is the number format showing d decimals: 0, 0.0, 0.00.
func decimalsFormat(d int) string {
	if d <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", d)
}

// signFormat shows a target with its comparator: "≥ "0.0.
func signFormat(sign string, d int) string {
	if sign == "" {
		return decimalsFormat(d)
	}
	return fmt.Sprintf(`"%s "%s`, sign, decimalsFormat(d))
}
