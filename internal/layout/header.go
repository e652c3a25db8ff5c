package layout

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/document"
)

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
	return c.ruleUnder(p, m, rc, w, mottoRuleGap, "motto-rule")
}

// ruleUnder draws a centred rule of width w gap pt below the descenders
// of the line t, and returns its y.
func (c *composer) ruleUnder(p *Page, t Text, cx, w, gap float64, tag string) float64 {
	y := t.Y + c.m.Descent()*t.Font.Size*ptMM + gap*ptMM
	p.Rules = append(p.Rules, Rule{X1: cx - w/2, Y1: y, X2: cx + w/2, Y2: y, Width: ruleWidth, Tag: tag})
	return y
}

// Gaps between the descenders of a line and the rule under it, in points.
// The motto's rule belongs to the motto (nd30.md §2.2: 1.5–2.5 pt); the
// issuer's and the title's stand about 1 mm under their line box
// (§2.18), so that they read as rules, not as underlines.
const (
	mottoRuleGap = 2
	blockRuleGap = 3
)

// issuer places the parent body (regular) and the issuing body (bold),
// both in capitals and centred in the left column, with a rule under the
// name (issuerRule). A list sets the lines; a text is wrapped, on two
// lines when one would crowd the column. It returns the bottom of the
// block and the rule's y.
func (c *composer) issuer(p *Page, lc, lw float64) (bottom, rule float64) {
	hs := c.o.HeaderSize
	parent, name := c.doc.Issuer.Parent.NonBlank(), c.doc.Issuer.Name.NonBlank()
	over := c.leftOverflow()
	pItems, _ := c.centredText(parent, upperLines(parent, Regular), hs, lc, lw, over, over, "parent")
	if len(pItems) > 0 {
		over.first = over.rest // only the top line stands beside the national name
	}
	wrap := over
	wrap.crowd = crowdedIssuer
	nItems, widths := c.centredText(name, upperLines(name, Bold), hs, lc, lw, wrap, over, "issuer")
	bottom = stack(p, append(pItems, nItems...), c.o.Top)
	names := p.Tagged("issuer")
	if len(names) == 0 {
		return bottom, bottom
	}
	rule = c.ruleUnder(p, names[len(names)-1], lc, issuerRule(widths), blockRuleGap, "issuer-rule")
	return max(bottom, rule), rule
}

// crowdedIssuer is the share of the left column above which an issuer's
// name, given as one text, looks crowded on one line ("ỦY BAN NHÂN DÂN XÃ
// HÀ LAN", 64 mm in 65 mm): it goes on two lines, at the boundary of its
// level (ỦY BAN NHÂN DÂN / XÃ HÀ LAN), as offices set it, when that break
// is a good one.
const crowdedIssuer = 0.9

// issuerRule is the width of the rule under the issuer's name: 40 % of its
// widest line (nd30.md §2.3: 1/3 to 1/2 of the line above it; §2.18: 40 %
// of the widest issuing line), or a third of it when 40 % would be wider
// than the short last line the rule stands under ("SỞ LAO ĐỘNG - THƯƠNG
// BINH / VÀ XÃ HỘI").
func issuerRule(widths []float64) float64 {
	widest := slices.Max(widths)
	if 0.4*widest > widths[len(widths)-1] {
		return widest / 3
	}
	return 0.4 * widest
}

// maxOverflow is how far a line of the left column may run past the
// column on each side: the decree's own header tables have left columns
// of 60–70 mm and run 2–6 mm past the text block (nd30.md §2.1), so a
// name such as SỞ LAO ĐỘNG - THƯƠNG BINH (69.6 mm at 13 pt) keeps its
// line. columnGap is the room kept between the two columns' texts.
const (
	maxOverflow = 3 // mm on each side
	columnGap   = 1 // mm
)

// leftOverflow is the overflow allowed to the lines of the left column, in
// total over both sides: the top line stands beside the national name,
// the others beside the shorter motto or nothing.
func (c *composer) leftOverflow() overflow {
	_, _, _, rw := c.columns()
	beside := (rw-c.m.Width(NationalName, Font{Bold, c.o.HeaderSize}))/2 - columnGap
	return overflow{first: 2 * max(0, min(maxOverflow, beside)), rest: 2 * maxOverflow}
}

// upperLines are the entries of a list in capitals, as spans of one style.
func upperLines(l document.TextList, st Style) [][]Span {
	var out [][]Span
	for _, s := range document.Upper(l) {
		out = append(out, plain(s, st))
	}
	return out
}

// underNumber places what the left column holds under the number: a công
// văn's "V/v …" (12 pt, 6 pt below), then the draft, secrecy and urgency
// stamps.
// It returns the bottom of the header.
func (c *composer) underNumber(p *Page, lc, lw, y float64) float64 {
	bottom := y
	if c.doc.Kind.IsLetter() {
		// Under the number, beside a date that may wrap: a wrapped
		// abstract keeps to the column; a line set in a list may run
		// past it like the issuer's.
		set := overflow{first: 2 * maxOverflow, rest: 2 * maxOverflow}
		items, _ := c.centredText(c.doc.Title.NonBlank(), spanLines(c.doc.TitleLines(), Regular), letterSize, lc, lw, overflow{}, set, "abstract")
		if len(items) > 0 {
			items[0].before = 6 * ptMM
			bottom = stack(p, items, y)
		}
	}
	if c.doc.Draft {
		bottom = c.stamp(p, "DỰ THẢO", 0, Black, lc, bottom+3, "draft")
	}
	if s := c.doc.SecrecyText(); s != "" {
		// Box 10a, above the urgency (10b): a double border secrecyGap apart.
		bottom = c.stamp(p, s, secrecyWidth[s], Red, lc, bottom+3, "secrecy")
		b := p.Boxes[len(p.Boxes)-1]
		const gap = secrecyGap
		p.Boxes = append(p.Boxes, Box{X: b.X + gap, Y: b.Y + gap, W: b.W - 2*gap, H: b.H - 2*gap, Width: b.Width, Color: b.Color, Tag: "secrecy"})
	}
	if u := c.doc.UrgencyText(); u != "" {
		bottom = c.stamp(p, u, urgencyWidth[u], Red, lc, bottom+3, "urgency")
	}
	return max(y, bottom)
}

// stampLine is the thickness of a stamp's border, in mm (0.85 pt): a
// rubber stamp's thin line, and room inside for the marks.
const stampLine = 0.3

// dotBelow reports whether s has a letter with a dot below (Ậ, Ệ, Ự …).
func dotBelow(s string) bool {
	return strings.ContainsRune(norm.NFD.String(s), '\u0323')
}

// secrecyGap is the distance between the secrecy stamp's two borders, in
// mm (nd30.md §2.14: "double border 1 mm apart", from the secondary
// sources S15, not from the decree, which leaves the secrecy stamps to
// the law on state secrets). With 0.3 mm lines the stacked marks of "TỐI
// MẬT" stay about 0.35 mm clear of the inner border (measured at 600 dpi).
const secrecyGap = 1.0

// secrecyWidth gives the secrecy stamps' widths (nd30.md §2.14: TUYỆT MẬT
// 40, TỐI MẬT 30 mm; MẬT 20 mm by the same steps), each 8 mm high.
var secrecyWidth = map[string]float64{"TUYỆT MẬT": 40, "TỐI MẬT": 30, "MẬT": 20}

// urgencyWidth gives the stamp sizes of the decree (30, 40 and 20 × 8 mm).
var urgencyWidth = map[string]float64{"HỎA TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20}

// stamp draws text (13 pt bold capitals) centred in a single-line box 8 mm
// high, w wide (or fitted to the text), and returns the box's bottom.
func (c *composer) stamp(p *Page, s string, w float64, col Color, cx, y float64, tag string) float64 {
	f := Font{Bold, stampSize}
	tw := c.m.Width(s, f)
	w = max(w, tw+6)
	const h = 8
	// Capitals with Vietnamese marks fill the ascent; a dot below (Ậ, Ự)
	// reaches about the descent. Centre that ink on the box.
	a, d := c.m.Ascent()*stampSize*ptMM, 0.0
	if dotBelow(s) {
		d = c.m.Descent() * stampSize * ptMM
	}
	base := y + h/2 + (a-d)/2
	p.Boxes = append(p.Boxes, Box{X: cx - w/2, Y: y, W: w, H: h, Width: stampLine, Color: col, Tag: tag})
	p.Texts = append(p.Texts, Text{X: cx - tw/2, Y: base, S: s, Font: f, Color: col, Tag: tag})
	return y + h
}
