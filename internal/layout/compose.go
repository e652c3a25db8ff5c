package layout

import (
	"slices"
	"strconv"

	"github.com/vanban/vanban/internal/document"
)

// Fixed texts of the header (nd30.md §2.2): the motto's hyphens are
// hyphen-minus with a space on each side, as in the decree's own files.
const (
	NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto        = "Độc lập - Tự do - Hạnh phúc"
)

// Rule thickness: 0.6 pt, about Times New Roman's underline thickness.
const ruleWidth = 0.6 * ptMM

// Sizes of the parts the decree fixes (nd30.md §2.17).
const (
	numberSize     = 13 // "Số:" is 13 pt, not a range
	letterSize     = 12 // "V/v …" of a công văn
	recipientsHead = 12 // "Nơi nhận:"
	recipientsSize = 11
	stampSize      = 13
	signatureGap   = 25 // mm between the position and the name, for signature and seal
)

type composer struct {
	doc *document.Document
	m   Measurer
	o   Options
}

// Compose lays out the document on pages.
func Compose(doc *document.Document, m Measurer, o Options) []Page {
	o = o.withDefaults()
	c := &composer{doc: doc, m: m, o: o}
	head, y := c.header()
	var items []item
	items = append(items, c.title()...)
	items = append(items, c.to()...)
	items = append(items, c.body()...)
	if len(items) > 0 {
		items[len(items)-1].keep = true // the signature never stands alone
	}
	items = append(items, c.signature())
	layout := paginate(items, y, o.Top, o.PageH-o.Bottom)
	pages := make([]Page, len(layout))
	for n, pl := range layout {
		p := &pages[n]
		p.Number = n + 1
		if n == 0 {
			*p = head
		}
		texts := 1 // the page number
		for _, x := range pl {
			texts += len(items[x.i].texts)
		}
		p.Texts = slices.Grow(p.Texts, texts)
		if n > 0 {
			c.pageNumber(p)
		}
		for _, x := range pl {
			items[x.i].place(p, x.y)
		}
	}
	return pages
}

// pageNumber puts the page number in the top margin, centred on the text
// block (nd30.md §1.1: not on page 1).
func (c *composer) pageNumber(p *Page) {
	s := strconv.Itoa(p.Number)
	f := Font{Regular, c.o.BodySize}
	x := c.o.Left + (c.o.TextWidth()-c.m.Width(s, f))/2
	p.Texts = append(p.Texts, Text{X: x, Y: c.o.Top * 0.6, S: s, Font: f, Tag: "page-number"})
}

// line returns one centred line as an item of the given height.
func (c *composer) centred(s string, f Font, cx, lead float64, tag string) item {
	w := c.m.Width(s, f)
	return item{h: lead, texts: []Text{{X: cx - w/2, Y: baseline(c.m, f.Size, lead), S: s, Font: f, Tag: tag}}}
}

// centredPara breaks spans into balanced centred lines no wider than w.
func (c *composer) centredPara(spans []Span, size, cx, w float64, tag string) ([]item, float64) {
	p := Para{Spans: spans, Size: size, Width: w, Align: Center, Tag: tag}.Balanced(c.m)
	lead := lineHeight(size)
	var items []item
	widest := 0.0
	for _, l := range breakLines(p, c.m) {
		widest = max(widest, l.natural())
	}
	for _, texts := range p.Lines(c.m, cx-p.Width/2) {
		for j := range texts {
			texts[j].Y = baseline(c.m, size, lead)
		}
		items = append(items, item{h: lead, texts: texts})
	}
	return items, widest
}

// stack places items one under the other from y, returning the texts and
// rules on a page and the y below the last.
func stack(p *Page, items []item, y float64) float64 {
	for i := range items {
		y += items[i].before
		items[i].place(p, y)
		y += items[i].h
	}
	return y
}

func spansOf(ds []document.Span, base Style) []Span {
	out := make([]Span, len(ds))
	for i, s := range ds {
		// *…* toggles: inside italic text (a legal basis) it sets upright.
		out[i] = Span{Text: s.Text, Style: Regular.With(base.Bold() || s.Bold, base.Italic() != s.Italic)}
	}
	return out
}

func plain(s string, st Style) []Span { return []Span{{Text: s, Style: st}} }
