package xlsx

import (
	"encoding/binary"
	"math"
	"strings"
	"sync"

	"github.com/vanban/vanban/fonts"
)

// Spreadsheets do not grow rows to fit wrapped text in merged cells, and
// excelize writes no row heights, so the layout estimates them from the
// advance widths of Liberation Serif, which match Times New Roman's.

// face holds the advance widths of one font, in font units.
type face struct {
	unitsPerEm float64
	advance    map[rune]float64
	fallback   float64
}

var (
	facesOnce sync.Once
	faceOf    map[fonts.Style]*face
)

// faceFor returns the metrics of the face a style uses.
func faceFor(st Style) *face {
	facesOnce.Do(func() {
		faceOf = map[fonts.Style]*face{}
		for _, s := range fonts.Styles {
			faceOf[s] = parseFace(fonts.Serif(s))
		}
	})
	switch {
	case st.Bold && st.Italic:
		return faceOf[fonts.BoldItalic]
	case st.Bold:
		return faceOf[fonts.Bold]
	case st.Italic:
		return faceOf[fonts.Italic]
	}
	return faceOf[fonts.Regular]
}

// parseFace reads unitsPerEm (head), the advance widths (hhea, hmtx) and
// the character map (cmap format 4) of a TrueType file.
func parseFace(ttf []byte) *face {
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		tables[string(rec[:4])] = ttf[off : off+length]
	}
	f := &face{unitsPerEm: float64(binary.BigEndian.Uint16(tables["head"][18:])), advance: map[rune]float64{}}
	nh := int(binary.BigEndian.Uint16(tables["hhea"][34:]))
	hmtx := tables["hmtx"]
	adv := func(glyph int) float64 {
		glyph = min(glyph, nh-1)
		return float64(binary.BigEndian.Uint16(hmtx[4*glyph:]))
	}
	eachCmap4(tables["cmap"], func(r rune, glyph int) { f.advance[r] = adv(glyph) })
	f.fallback = f.advance['n']
	return f
}

// eachCmap4 calls fn for every character of the Windows Unicode BMP
// (format 4) subtable of a cmap table.
func eachCmap4(cmap []byte, fn func(rune, int)) {
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		rec := cmap[4+8*i:]
		platform, enc := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		sub := cmap[binary.BigEndian.Uint32(rec[4:]):]
		if platform != 3 || enc != 1 || binary.BigEndian.Uint16(sub) != 4 {
			continue
		}
		segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
		ends, starts := sub[14:], sub[16+2*segs:]
		deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
		for s := 0; s < segs; s++ {
			end, start := int(binary.BigEndian.Uint16(ends[2*s:])), int(binary.BigEndian.Uint16(starts[2*s:]))
			delta, ro := int(int16(binary.BigEndian.Uint16(deltas[2*s:]))), int(binary.BigEndian.Uint16(ranges[2*s:]))
			for c := start; c <= end && c != 0xFFFF; c++ {
				g := (c + delta) & 0xFFFF
				if ro != 0 {
					at := 16 + 6*segs + 2*s + ro + 2*(c-start)
					if g = int(binary.BigEndian.Uint16(sub[at:])); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
				fn(rune(c), g)
			}
		}
		return
	}
}

// width returns the width of s in points at the given size.
func (f *face) width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		a, ok := f.advance[r]
		if !ok {
			a = f.fallback
		}
		w += a
	}
	return w / f.unitsPerEm * size
}

// textWidth measures s in the style's font.
func textWidth(s string, st Style) float64 {
	return faceFor(st).width(s, sizeOf(st))
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
