package layout

import "github.com/vanban/vanban/internal/document"

// header lays out the first page's header (nd30.md §2.2–2.5, 2.7, 2.14):
// the issuing body and the number on the left, the national name, motto
// and place-date on the right, "Số:" and the date on one baseline; under
// the number a công văn's "V/v" abstract and the draft and urgency stamps.
// It returns the page and the y where the rest of the page may start.
func (c *composer) header() (Page, float64) {
	p := Page{Number: 1}
	lx, lw, rx, rw := c.columns()
	lc, rc := lx+lw/2, rx+rw/2
	rightRule := c.national(&p, rc)
	leftBottom, leftRule := c.issuer(&p, lc, lw)
	// The number and the date share a baseline just under the lower rule.
	top := max(leftRule, rightRule) + 2
	base, numEnd, numBottom := c.number(&p, lc, lw, top)
	y := max(leftBottom, numBottom, c.date(&p, rx, rw, base, numEnd, top))
	return p, c.underNumber(&p, lc, lw, y)
}

// number places the "Số:" line centred in the left column from top, and
// returns its baseline, the right end of its first line and its bottom.
// The line keeps its spaces (room for a handwritten number); only a symbol
// too long for the column makes it wrap.
func (c *composer) number(p *Page, lc, lw, top float64) (base, end, bottom float64) {
	s := c.doc.NumberLine()
	f := Font{Regular, numberSize}
	lead := lineHeight(numberSize)
	if w := c.m.Width(s, f); w <= lw {
		base = top + baseline(c.m, numberSize, lead)
		p.Texts = append(p.Texts, Text{X: lc - w/2, Y: base, S: s, Font: f, Tag: "number"})
		return base, lc + w/2, top + lead
	}
	items, _ := c.centredPara(plain(s, Regular), numberSize, lc, lw, "number")
	n := len(p.Texts)
	bottom = stack(p, items, top)
	first := p.Texts[n : n+len(items[0].texts)]
	return first[0].Y, lastEnd(c.m, first), bottom
}

// columns are the header's columns: those of the options, with the right
// one widened, when the margins leave it too narrow, to hold the national
// name on one line (nd30.md §2.1).
func (c *composer) columns() (lx, lw, rx, rw float64) {
	lx, lw, rx, rw = c.o.Columns()
	if need := c.m.Width(NationalName, Font{Bold, c.o.HeaderSize}); rw < need {
		lw, rx, rw = lw-(need-rw), rx-(need-rw), need
	}
	return lx, lw, rx, rw
}

// date places the place-and-date line on the number's baseline, centred
// under the motto. A line wider than the right column may overflow it to
// the left, short of the number and never into the margin (nd30.md §2.1:
// "Thành phố Hồ Chí Minh, ngày …" at 14 pt); a longer one wraps. It
// returns the bottom of the date.
func (c *composer) date(p *Page, rx, rw, base, numEnd, top float64) float64 {
	s := c.doc.PlaceDate()
	f := Font{Italic, c.o.HeaderSize + 1}
	lead := lineHeight(f.Size)
	rc, right := rx+rw/2, c.o.Left+c.o.TextWidth()
	w := c.m.Width(s, f)
	if x := min(rc-w/2, right-w); x >= numEnd+2 {
		p.Texts = append(p.Texts, Text{X: x, Y: base, S: s, Font: f, Tag: "date"})
		return top + lead
	}
	items, _ := c.centredPara(plain(s, Italic), f.Size, rc, rw, "date")
	return stack(p, items, base-baseline(c.m, f.Size, lead))
}

// lastEnd returns the right end of the rightmost text.
func lastEnd(m Measurer, ts []Text) float64 {
	end := 0.0
	for _, t := range ts {
		end = max(end, t.X+m.Width(t.S, t.Font))
	}
	return end
}

// national places the national name and the motto with its rule exactly
// as wide as the motto, and returns the rule's y.
func (c *composer) national(p *Page, rc float64) float64 {
	hs := c.o.HeaderSize
	stack(p, []item{
		c.centred(NationalName, Font{Bold, hs}, rc, lineHeight(hs), "national-name"),
		c.centred(Motto, Font{Bold, hs + 1}, rc, lineHeight(hs+1), "motto"),
	}, c.o.Top)
	m := p.Tagged("motto")[0]
	w := c.m.Width(Motto, m.Font)
	return c.ruleUnder(p, m, rc, w, "motto-rule")
}

// ruleUnder draws a centred rule of width w 2 pt below the descenders of
// the line t, and returns its y.
func (c *composer) ruleUnder(p *Page, t Text, cx, w float64, tag string) float64 {
	y := t.Y + c.m.Descent()*t.Font.Size*ptMM + 2*ptMM
	p.Rules = append(p.Rules, Rule{X1: cx - w/2, Y1: y, X2: cx + w/2, Y2: y, Width: ruleWidth, Tag: tag})
	return y
}

// issuer places the parent body (regular) and the issuing body (bold),
// both in capitals and centred in the left column, with a rule 40 % as
// wide as the widest issuing line (the decree: 1/3 to 1/2). It returns the
// bottom of the block and the rule's y.
func (c *composer) issuer(p *Page, lc, lw float64) (bottom, rule float64) {
	hs := c.o.HeaderSize
	var items []item
	for _, s := range document.Upper(c.doc.Issuer.Parent) {
		it, _ := c.centredPara(plain(s, Regular), hs, lc, lw, "parent")
		items = append(items, it...)
	}
	widest := 0.0
	for _, s := range document.Upper(c.doc.Issuer.Name) {
		it, w := c.centredPara(plain(s, Bold), hs, lc, lw, "issuer")
		items = append(items, it...)
		widest = max(widest, w)
	}
	bottom = stack(p, items, c.o.Top)
	names := p.Tagged("issuer")
	if len(names) == 0 {
		return bottom, bottom
	}
	rule = c.ruleUnder(p, names[len(names)-1], lc, 0.4*widest, "issuer-rule")
	return max(bottom, rule), rule
}

// underNumber places what the left column holds under the number: a công
// văn's "V/v …" (12 pt, 6 pt below), then the draft and urgency stamps.
// It returns the bottom of the header.
func (c *composer) underNumber(p *Page, lc, lw, y float64) float64 {
	bottom := y
	if c.doc.Kind.IsLetter() {
		items, _ := c.centredPara(spansOf(c.doc.TitleSpans(), Regular), letterSize, lc, lw, "abstract")
		items[0].before = 6 * ptMM
		bottom = stack(p, items, y)
	}
	if c.doc.Draft {
		bottom = c.stamp(p, "DỰ THẢO", 0, Black, lc, bottom+3, "draft")
	}
	if u := c.doc.UrgencyText(); u != "" {
		bottom = c.stamp(p, u, urgencyWidth[u], Red, lc, bottom+3, "urgency")
	}
	return max(y, bottom)
}

// urgencyWidth gives the stamp sizes of the decree (30, 40 and 20 × 8 mm).
var urgencyWidth = map[string]float64{"HỎA TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20}

// stamp draws text (13 pt bold capitals) centred in a single-line box 8 mm
// high, w wide (or fitted to the text), and returns the box's bottom.
func (c *composer) stamp(p *Page, s string, w float64, col Color, cx, y float64, tag string) float64 {
	f := Font{Bold, stampSize}
	tw := c.m.Width(s, f)
	w = max(w, tw+6)
	const h = 8
	a, d := c.m.Ascent()*stampSize*ptMM, c.m.Descent()*stampSize*ptMM
	// Capitals with Vietnamese marks fill the ascent; centre that on the box.
	base := y + h/2 + (a-d)/2 - 0.4
	p.Boxes = append(p.Boxes, Box{X: cx - w/2, Y: y, W: w, H: h, Width: 0.5, Color: col, Tag: tag})
	p.Texts = append(p.Texts, Text{X: cx - tw/2, Y: base, S: s, Font: f, Color: col, Tag: tag})
	return y + h
}
