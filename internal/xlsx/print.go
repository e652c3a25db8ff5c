package xlsx

import (
	"math"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/viet"
)

// Page margins in millimetres. The workbook is the annex of a report laid
// out by Nghị định 30, so it takes the decree's margins (top and bottom
// 20–25, binding side 30–35, right 15–20 mm) at their lower bounds, with
// the binding margin on the left of the landscape page as the decree's
// own landscape pages have it (nd30.md §1). The 45 mm across cost the
// wide sheets about 7 % of scale against 25 mm.
const (
	marginTopMM, marginBottomMM = 20, 20
	marginLeftMM, marginRightMM = 30, 15
	// headerFooterMM places the page number inside the bottom margin.
	headerFooterMM = 8
)

// mmPt converts millimetres to points.
const mmPt = 72 / 25.4

// Printable area of A4 landscape inside the margins, in points.
const (
	pageWidthPt  = (297 - marginLeftMM - marginRightMM) * mmPt
	pageHeightPt = (210 - marginTopMM - marginBottomMM) * mmPt
	// pageFill leaves room for rounding in the spreadsheet program's own
	// row heights, so that its automatic breaks never come before ours.
	pageFill = 0.97
	// defaultRowPt is the height of a row without an explicit height.
	defaultRowPt = 15
)

// onePageShrink is how much a sheet may be shrunk to print on one page
// rather than spill a few rows onto a second one.
const onePageShrink = 0.8

// finish sizes the number columns of a finished sheet and paginates it
// (see paginate).
func finish(s *sheet, keepFrom, keepTo int) {
	fitNumbers(s)
	paginate(s, keepFrom, keepTo)
}

// paginate sets the page breaks of a sheet printed one page wide. Rows
// glued together stay on one page: a row marked keepNext with the row
// after it (an objective's heading with its first indicator, a pair's
// two rows), and rows keepFrom..keepTo (the last table rows, the tally
// and the signature block), so that neither a heading nor the signature
// ever stands alone at the foot or the head of a page. A chain of glued
// rows too tall for a page is cut where it must be. A sheet that nearly
// fits one page is shrunk onto it instead.
func paginate(s *sheet, keepFrom, keepTo int) {
	scale := math.Min(1, math.Floor(pageWidthPt/sumPoints(s.widths)*100)/100)
	capacity := pageHeightPt / scale * pageFill
	n := len(s.rows)
	total := 0.0
	for r := 1; r <= n; r++ {
		total += s.rowHeight(r)
	}
	if total*onePageShrink <= capacity {
		s.onePage = true
		return
	}
	titles := 0.0
	for r := s.titleFrom; r <= s.titleTo && s.titleTo > 0; r++ {
		titles += s.rowHeight(r)
	}
	glued := func(r int) bool { return s.keepNext[r] || r >= keepFrom && r < keepTo }
	used := 0.0
	for r := 1; r <= n; {
		end := r
		for end < n && glued(end) {
			end++
		}
		h := 0.0
		for k := r; k <= end; k++ {
			h += s.rowHeight(k)
		}
		if h > capacity-titles {
			// Too tall for any page: row by row.
			for k := r; k <= end; k++ {
				used = s.place(k, s.rowHeight(k), used, titles, capacity)
			}
		} else {
			used = s.place(r, h, used, titles, capacity)
		}
		r = end + 1
	}
}

// place puts rows starting at r, h points tall, on the current page or,
// when they do not fit, on a new one (never before the header rows, never
// leaving a page with no row of its own); it returns the page's height
// used.
func (s *sheet) place(r int, h, used, titles, capacity float64) float64 {
	if used+h > capacity && r > s.titleTo && used > titles {
		s.breaks = append(s.breaks, r)
		used = titles
	}
	return used + h
}

// fitNumbers widens each column to its widest number as displayed, so
// that no cell prints "###" (a seven-digit count in a 9-character column
// did). Merged cells spanning several columns are left to their merge.
func fitNumbers(s *sheet) {
	spanned := map[[2]int]bool{}
	for _, m := range s.merges {
		c1, r1, _ := cellCoords(m[0])
		c2, _, _ := cellCoords(m[1])
		if c2 > c1 {
			for c := c1; c <= c2; c++ {
				spanned[[2]int{r1, c}] = true
			}
		}
	}
	for r, row := range s.rows {
		for c, cl := range row {
			if !cl.set || spanned[[2]int{r + 1, c + 1}] {
				continue
			}
			text, ok := displayed(cl.v, cl.style.Format)
			if !ok {
				continue
			}
			need := textWidth(text, cl.style) + numberPadPt
			if need > colPoints(s.widths[c]) {
				s.widths[c] = math.Ceil((need/0.75-5)/7*4) / 4
			}
		}
	}
}

// numberPadPt is the room a number needs besides its digits: the cell's
// padding on both sides and the spreadsheet's rounding of column widths.
const numberPadPt = 9

// cellCoords reads a reference such as C12.
func cellCoords(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, err == nil && i > 0
}

// displayed is a number as a spreadsheet shows it in format f (its width
// is what matters: Vietnamese and English separators are as wide).
func displayed(v any, f string) (string, bool) {
	var x float64
	switch n := v.(type) {
	case int64:
		x = float64(n)
	case float64:
		x = n
	case int:
		x = float64(n)
	default:
		return "", false
	}
	switch {
	case f == "" || f == "#,##0" || f == "0":
		return viet.Decimal(x, 0), true
	case strings.Contains(f, `"Có"`):
		return "Không", true
	}
	// "≥ "0.0, +0.00;-0.00;0.00, 0.00: the prefix and the decimals.
	prefix := ""
	if strings.HasPrefix(f, `"`) {
		if j := strings.Index(f[1:], `"`); j >= 0 {
			prefix, f = f[1:j+1], f[j+2:]
		}
	}
	if strings.HasPrefix(f, "+") {
		prefix = "+"
	}
	d := 0
	if i := strings.IndexByte(f, '.'); i >= 0 {
		for _, c := range f[i+1:] {
			if c != '0' {
				break
			}
			d++
		}
	}
	return prefix + viet.Decimal(x, d), true
}

func (s *sheet) rowHeight(r int) float64 {
	if h, ok := s.heights[r]; ok {
		return h
	}
	return defaultRowPt
}
