package layout

import "github.com/vanban/vanban/internal/document"

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// single is Word's "single" line height for Times New Roman and its metric
// twin Liberation Serif: (ascender + descender + line gap) / em = 1.15.
const single = 1.15

// Options are the page settings. Zero fields take the defaults of
// nd30.md §2.18: A4, margins 20/20/30/15 mm, header sizes 12/13/13, body
// 14 pt, single line spacing, first-line indent 10 mm.
type Options struct {
	PageW, PageH             float64 // mm
	Top, Bottom, Left, Right float64 // margins, mm
	BodySize                 float64 // pt: 13 or 14
	HeaderSize               float64 // pt of the national name: 12 (motto and date 13) or 13 (14)
	LineSpacing              float64 // in lines: 1 (single) … 1.5
	Indent                   float64 // first-line indent, mm
	// HangingItems sets "- " items with a hanging indent, their wrapped
	// lines under the text after the dash (style.items: hanging); by
	// default an item is a paragraph like any other.
	HangingItems bool
}

// OptionsFor fills the options from a document's style settings.
func OptionsFor(s document.StyleOptions) Options {
	return Options{
		Top: s.Margins.Top, Bottom: s.Margins.Bottom, Left: s.Margins.Left, Right: s.Margins.Right,
		BodySize: s.BodySize, HeaderSize: s.HeaderSize, LineSpacing: s.LineSpacing, Indent: s.Indent,
		HangingItems: s.HangingItems(),
	}.withDefaults()
}

func (o Options) withDefaults() Options {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.PageW, 210)
	def(&o.PageH, 297)
	def(&o.Top, 20)
	def(&o.Bottom, 20)
	def(&o.Left, 30)
	def(&o.Right, 15)
	def(&o.BodySize, 14)
	def(&o.HeaderSize, 12)
	def(&o.LineSpacing, 1)
	def(&o.Indent, 10)
	return o
}

// Landscape returns the options of a landscape page: the sheet turned,
// the margins kept by role (top, bottom, left, right), since the decree
// gives none for landscape pages (nd30.md §1, notes).
func (o Options) Landscape() Options {
	o = o.withDefaults()
	o.PageW, o.PageH = max(o.PageW, o.PageH), min(o.PageW, o.PageH)
	return o
}

// forAppendix returns the page settings of appendix a: o, turned when
// the appendix is landscape.
func (o Options) forAppendix(a *document.Appendix) Options {
	if a.Landscape {
		return o.Landscape()
	}
	return o
}

// TextWidth is the width of the text block.
func (o Options) TextWidth() float64 { return o.PageW - o.Left - o.Right }

// Columns returns the left and right header columns as x and width. The
// split is 65/100 of the 165 mm default text block (about 40/60, as the
// decree's own templates): the right column must hold the national name on
// one line, which a 50/50 split cannot.
func (o Options) Columns() (lx, lw, rx, rw float64) {
	lw = o.TextWidth() * 65 / 165
	return o.Left, lw, o.Left + lw, o.TextWidth() - lw
}

// lineHeight is the distance between baselines of single-spaced lines.
func lineHeight(size float64) float64 { return single * size * ptMM }

// bodyLine is the distance between baselines of body lines.
func (o Options) bodyLine(size float64) float64 { return o.LineSpacing * lineHeight(size) }
