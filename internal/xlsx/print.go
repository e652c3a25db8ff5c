package xlsx

import "math"

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

// paginate sets the page breaks of a sheet printed one page wide, keeping
// rows keepFrom..keepTo (the last table rows and the signature block) on
// one page so that the signature never stands alone. A sheet that nearly
// fits one page is shrunk onto it instead.
func paginate(s *sheet, keepFrom, keepTo int) {
	scale := math.Min(1, math.Floor(pageWidthPt/sumPoints(s.widths)*100)/100)
	capacity := pageHeightPt / scale * pageFill
	total := 0.0
	for r := 1; r <= len(s.rows); r++ {
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
	used := 0.0
	for r := 1; r <= len(s.rows); r++ {
		if r > keepFrom && r <= keepTo {
			continue // counted with keepFrom
		}
		h := s.rowHeight(r)
		if r == keepFrom {
			for k := keepFrom + 1; k <= keepTo; k++ {
				h += s.rowHeight(k)
			}
		}
		need := h
		if s.keepNext[r] {
			need += s.rowHeight(r + 1)
		}
		if used+need > capacity && r > s.titleTo && used > titles {
			s.breaks = append(s.breaks, r)
			used = titles
		}
		used += h
	}
}

func (s *sheet) rowHeight(r int) float64 {
	if h, ok := s.heights[r]; ok {
		return h
	}
	return defaultRowPt
}
