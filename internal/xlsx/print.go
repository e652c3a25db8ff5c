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
	// headerFooterMM is how far the header and the footer are from the
	// paper's edge. The report's page number is in the header, in the top
	// margin (Nghị định 30: top centre, from page 2; see pageNumberHeader);
	// only the data-entry forms number their pages in the footer.
	headerFooterMM = 8
)

// mmPt converts millimetres to points.
const mmPt = 72 / 25.4

// Printable area of A4 landscape inside the margins, in points.
const (
	pageWidthPt  = (297 - marginLeftMM - marginRightMM) * mmPt
	pageHeightPt = (210 - marginTopMM - marginBottomMM) * mmPt
	// pageFill leaves room for the applications' rounding of row heights
	// (LibreOffice's pages, measured, hold the rows within 0.3 %), so that
	// their automatic breaks never come before ours.
	pageFill = 0.99
	// defaultRowPt is the height of a row without an explicit height.
	defaultRowPt = 15
)

// onePageShrink is how much a sheet may be shrunk to print on one page
// rather than spill a few rows onto a second one.
const onePageShrink = 0.8

// lastPageShrink is how much a sheet of several pages may be shrunk so
// that its last page is not one or two short rows (lastPageRows, filling
// at most a quarter of the page).
const (
	lastPageShrink = 0.93
	lastPageRows   = 2
)

// finish sizes the number columns of a finished sheet and paginates it
// (see paginate).
func finish(s *sheet, keepFrom, keepTo int) {
	fitNumbers(s)
	paginate(s, keepFrom, keepTo)
}

// fitScale is the print scale, in per cent, at which a sheet fits one page
// wide: the applications' own, the largest whole per cent.
func fitScale(s *sheet) int {
	return min(100, int(math.Floor(pageWidthPt/sumPoints(s.widths)*100)))
}

// paginate sets the page breaks of a sheet printed one page wide. Rows
// glued together stay on one page: a row marked keepNext with the row
// after it (an objective's heading with its first indicator, a pair's
// two rows), and rows keepFrom..keepTo (the last table rows, the tally
// and the signature block), so that neither a heading nor the signature
// ever stands alone at the foot or the head of a page. A chain of glued
// rows too tall for a page is cut where it must be. A sheet that nearly
// fits one page is shrunk onto it instead; a sheet whose last page would
// hold one or two rows is printed a little smaller when that saves the
// page, and otherwise takes rows from the page before, so that no page
// ends the sheet with a lone row.
func paginate(s *sheet, keepFrom, keepTo int) {
	fit := fitScale(s)
	total := 0.0
	for r := 1; r <= len(s.rows); r++ {
		total += s.rowHeight(r)
	}
	if total*onePageShrink <= capacity(fit) {
		s.onePage = true
		return
	}
	glued := func(r int) bool { return s.keepNext[r] || r >= keepFrom && r < keepTo }
	s.breaks = s.paged(fit, glued)
	if !s.shortLast(fit) {
		return
	}
	for pct := fit - 1; float64(pct) >= float64(fit)*lastPageShrink; pct-- {
		if b := s.paged(pct, glued); len(b) < len(s.breaks) {
			s.breaks, s.scale = b, pct
			return
		}
	}
	s.widow(fit, glued)
}

// capacity is the height of a page in the sheet's points at a scale.
func capacity(pct int) float64 { return pageHeightPt / (float64(pct) / 100) * pageFill }

// paged lays the rows out on pages at a scale and returns the rows that
// start a page.
func (s *sheet) paged(pct int, glued func(int) bool) []int {
	capacity := capacity(pct)
	titles := 0.0
	for r := s.titleFrom; r <= s.titleTo && s.titleTo > 0; r++ {
		titles += s.rowHeight(r)
	}
	var breaks []int
	used := 0.0
	// place puts rows starting at r, h points tall, on the current page
	// or, when they do not fit, on a new one (never before the header
	// rows, never leaving a page with no row of its own).
	place := func(r int, h float64) {
		if used+h > capacity && r > s.titleTo && used > titles {
			breaks = append(breaks, r)
			used = titles
		}
		used += h
	}
	n := len(s.rows)
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
				place(k, s.rowHeight(k))
			}
		} else {
			place(r, h)
		}
		r = end + 1
	}
	return breaks
}

// shortLast reports a last page of one or two rows filling at most a
// quarter of it.
func (s *sheet) shortLast(pct int) bool {
	if len(s.breaks) == 0 {
		return false
	}
	from := s.breaks[len(s.breaks)-1]
	return len(s.rows)-from+1 <= lastPageRows && s.span(from, len(s.rows)) <= capacity(pct)/4
}

// span is the height of rows from..to.
func (s *sheet) span(from, to int) float64 {
	h := 0.0
	for r := from; r <= to; r++ {
		h += s.rowHeight(r)
	}
	return h
}

// widow moves the last break up, between rows that are not glued, until
// the last page holds more than lastPageRows rows, as long as they fit it
// and the page before keeps more than lastPageRows rows of its own.
func (s *sheet) widow(pct int, glued func(int) bool) {
	k := len(s.breaks) - 1
	prev := s.titleTo + 1
	if k > 0 {
		prev = s.breaks[k-1]
	}
	titles := 0.0
	if s.titleTo > 0 {
		titles = s.span(s.titleFrom, s.titleTo)
	}
	for b := s.breaks[k] - 1; b-prev > lastPageRows; b-- {
		if titles+s.span(b, len(s.rows)) > capacity(pct) {
			return
		}
		if !glued(b-1) && len(s.rows)-b+1 > lastPageRows {
			s.breaks[k] = b
			return
		}
	}
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
				s.widths[c] = colChars(need)
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
