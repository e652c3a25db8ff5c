// Package layout places an administrative document on A4 pages as
// Nghị định 30/2020/NĐ-CP prescribes: the two-column header, the title
// block, the justified body with its numbered headings, the signature and
// "Nơi nhận" blocks, page numbers from page 2 on. It breaks lines itself,
// measuring text through a Measurer, and paginates with the decree's rules
// (a heading never ends a page; the signature block is never split and
// never stands alone on a page).
//
// The result is a list of pages of positioned boxes, in millimetres from
// the top-left corner of the page, which a painter draws and tests inspect
// without producing a PDF.
package layout

import (
	"math"
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/font"
)

// Style is a font style of the serif family (see internal/font).
type Style = font.Style

// The four styles.
const (
	Regular    = font.Regular
	Bold       = font.Bold
	Italic     = font.Italic
	BoldItalic = font.BoldItalic
)

// Styles lists all styles in a fixed order.
var Styles = font.Styles

// Font is a style at a size in points.
type Font struct {
	Style Style
	Size  float64
}

// Measurer measures text in the fonts the painter will draw with.
type Measurer interface {
	// Width returns the advance width of s in font f, in millimetres.
	Width(s string, f Font) float64
	// Ascent and Descent return the font's extent above and below the
	// baseline as fractions of the size (Descent is positive).
	Ascent() float64
	Descent() float64
}

// Metrics is the Measurer of a font family: the layout measures with the
// metrics the painters draw with. It is also what a painter needs of the
// family (Has, Subset, Face).
type Metrics struct{ *font.Family }

// Width implements Measurer.
func (m Metrics) Width(s string, f Font) float64 { return m.Family.Width(s, f.Style, f.Size) }

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Colours used on documents: text is black; urgency stamps are red.
var (
	Black = Color{}
	Red   = Color{R: 0xD0, G: 0x10, B: 0x10}
)

// Text is a piece of text in one font, drawn from X on the baseline Y.
type Text struct {
	X, Y  float64
	S     string
	Font  Font
	Color Color
	Tag   string // what the text is: "motto", "number", "body", …
}

// Rule is a straight line of the given thickness (in millimetres).
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
	Tag            string
}

// Box is a rectangle outline, such as the border of a stamp.
type Box struct {
	X, Y, W, H float64
	Width      float64 // line thickness, mm
	Color      Color
	Tag        string
}

// Page is one page of positioned content.
type Page struct {
	Number int // 1-based, in the whole file
	// Folio is the page's number in its part: the document, or one
	// appendix, each numbered from 1 (printed from 2 on).
	Folio int
	// Appendix is 0 on the document's pages, i on those of the i-th
	// appendix (of the document, or of the attachment the page is of).
	Appendix int
	// Attachment is 0 on the pages of the document and its appendices, i
	// on those of the i-th document issued with it (and its appendices).
	Attachment int
	// W and H are the page's size in millimetres, as it is printed:
	// 210 × 297 on a portrait A4 page, 297 × 210 on a landscape one.
	W, H  float64
	Texts []Text
	Rules []Rule
	Boxes []Box
}

// Landscape reports whether the page is wider than tall.
func (p *Page) Landscape() bool { return p.W > p.H }

// Tagged returns the texts of the page with the given tag, in drawing order.
func (p *Page) Tagged(tag string) []Text {
	var out []Text
	for _, t := range p.Texts {
		if t.Tag == tag {
			out = append(out, t)
		}
	}
	return out
}

// Rule returns the first rule with the given tag.
func (p *Page) Rule(tag string) (Rule, bool) {
	for _, r := range p.Rules {
		if r.Tag == tag {
			return r, true
		}
	}
	return Rule{}, false
}

// Line is the text of one printed line, as a reader sees it.
type Line struct {
	Y    float64 // baseline
	X    float64 // left end
	Text string
}

// Lines joins the texts of the page into printed lines: texts on one
// baseline (and within the same column gap) form one line, ordered left to
// right, with a space where the gap between two pieces is visible.
func (p *Page) Lines(m Measurer) []Line {
	texts := slices.Clone(p.Texts)
	slices.SortStableFunc(texts, func(a, b Text) int {
		if d := a.Y - b.Y; math.Abs(d) > 0.01 {
			return int(math.Copysign(1, d))
		}
		return int(math.Copysign(1, a.X-b.X))
	})
	var lines []Line
	var end float64
	for i, t := range texts {
		w := m.Width(t.S, t.Font)
		if i > 0 && math.Abs(t.Y-lines[len(lines)-1].Y) < 0.01 && t.X-end < 20 {
			l := &lines[len(lines)-1]
			if t.X-end > 0.1*t.Font.Size*ptMM && !strings.HasSuffix(l.Text, " ") {
				l.Text += " "
			}
			l.Text += t.S
		} else {
			lines = append(lines, Line{Y: t.Y, X: t.X, Text: t.S})
		}
		end = t.X + w
	}
	return lines
}
