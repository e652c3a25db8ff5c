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

// colPoints converts a column width in characters to points: Excel counts
// widths in digits of the default font (Times New Roman 11, 7 px a digit)
// plus 5 px of padding, at 96 px to the inch.
func colPoints(w float64) float64 { return (w*7 + 5) * 0.75 }

// lines counts the lines s takes when wrapped into a width in points
// (cell padding taken off), breaking at spaces as spreadsheets do.
func lines(s string, st Style, widthPt float64) int {
	avail := widthPt - 6
	total := 0
	for _, para := range strings.Split(s, "\n") {
		n, cur := 1, 0.0
		for _, word := range strings.Fields(para) {
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
