package xlsx

import (
	"math"
	"strings"

	"github.com/vanban/vanban/internal/font"
)

// Spreadsheets do not grow rows to fit wrapped text in merged cells, and
// excelize writes no row heights, so the layout estimates them from the
// advance widths of Liberation Serif, which match Times New Roman's, read
// through internal/font (parsed once per process, shared with the PDF
// path).

// faceFor returns the face a style uses; nil only if the embedded fonts
// were broken, which the tests of internal/font rule out.
func faceFor(st Style) *font.Face {
	fam, err := font.Embedded()
	if err != nil {
		return nil
	}
	return fam.Face(font.Regular.With(st.Bold, st.Italic))
}

// width returns the width of s in points at the given size: the fonts'
// own advances, unrounded; a character the font lacks counts as an "n".
func width(f *font.Face, s string, size float64) float64 {
	if f == nil {
		return 0.5 * size * float64(len([]rune(s)))
	}
	fallback, _ := f.Advance('n')
	w := 0
	for _, r := range s {
		a, ok := f.Advance(r)
		if !ok {
			a = fallback
		}
		w += a
	}
	return float64(w) / float64(f.UnitsPerEm()) * size
}

// textWidth measures s in the style's font.
func textWidth(s string, st Style) float64 {
	return width(faceFor(st), s, sizeOf(st))
}

func sizeOf(st Style) float64 {
	if st.Size == 0 {
		return 12
	}
	return st.Size
}

// A column's width is counted in digits of the workbook's Normal font,
// which vanban sets to Times New Roman 12 (normalFont): its digits are
// 6 pt wide, 8 px at 96 dpi, a whole number of pixels, so Excel (which
// rounds the digit to whole pixels) and LibreOffice (which does not) give
// a column of width w the same 6w points. With the 11 pt default they did
// not: 7 px = 5.25 pt a digit in Excel, 5.5 pt in LibreOffice, 4.8 % apart,
// so that every wrap and print scale vanban estimated was off in one of
// them (a note given a line too many, a page break too early).
const charPt = 6

// colPoints converts a column width in characters to points.
func colPoints(w float64) float64 { return w * charPt }

// colChars is the width in characters, to a quarter, of a column at least
// pt points wide.
func colChars(pt float64) float64 { return math.Ceil(pt/charPt*4) / 4 }

// Text wraps inside a cell's padding: LibreOffice leaves 2.6 pt of the
// column (both sides), measured by printing a hundred notes of the
// examples into a column of known width. Its glyph advances also differ
// from the fonts' own by up to 0.3 % (rounded to its reference device),
// and Excel's, hinted, differ more. Rows have fixed heights, so a line
// vanban fails to count is cut off on paper, while a line counted too many
// is a blank band: lines leaves a little more room than LibreOffice needs.
const (
	cellPadPt   = 3     // padding of a cell, both sides
	metricSlack = 0.003 // of the width, for the applications' own metrics
)

// lines counts the lines s takes when wrapped into a width in points
// (cell padding taken off), breaking at spaces as spreadsheets do (a
// no-break space does not break; LibreOffice also breaks after a hyphen,
// which lines does not count on, since Excel may not).
func lines(s string, st Style, widthPt float64) int {
	avail := widthPt - cellPadPt - metricSlack*widthPt
	total := 0
	for _, para := range strings.Split(s, "\n") {
		n, cur := 1, 0.0
		for _, word := range strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' }) {
			w := textWidth(word, st)
			switch {
			case cur == 0:
				cur = w
			case cur+textWidth(" ", st)+w <= avail:
				cur += textWidth(" ", st) + w
			default:
				n++
				cur = w
			}
			for cur > avail { // a word longer than the line breaks anywhere
				n++
				cur -= avail
			}
		}
		total += n
	}
	return total
}

// lineHeight is the height of one line of wrapped text in points (a 12 pt
// line takes 14 pt, as spreadsheet programs space it).
func lineHeight(st Style) float64 { return sizeOf(st) * 1.17 }

// fitHeight is the row height that shows s wrapped in a width in points,
// rounded up to a quarter point.
func fitHeight(s string, st Style, widthPt float64) float64 {
	h := float64(lines(s, st, widthPt))*lineHeight(st) + 2
	return math.Ceil(h*4) / 4
}
