package layout

// Address block (box 13 of the decree's layout, nd30.md §2.14): address,
// telephone, e-mail and website at the foot of page 1, 11 pt regular,
// under a solid rule across the text width.
const (
	addressSize = 11
	addressGap  = 3 // mm between the body and the rule
	addressRule = 1 // mm between the rule and the top of the first line
)

// address puts the address block at the foot of the first page and
// returns where page 1's flow must end: above it, or at the bottom margin
// when there is none.
func (c *composer) address(p *Page) float64 {
	bottom := c.o.PageH - c.o.Bottom
	if len(c.doc.Address) == 0 {
		return bottom
	}
	lead := lineHeight(addressSize)
	var items []item
	for _, l := range c.doc.Address.Values() {
		para := Para{Spans: plain(l, Regular), Size: addressSize, Width: c.o.TextWidth(), Align: Left, Tag: "address"}
		items = append(items, paraItems(para, c.m, c.o.Left, lead, 0, false)...)
	}
	h := 0.0
	for _, it := range items {
		h += it.h
	}
	top := bottom - h
	stack(p, items, top)
	y := top - addressRule
	p.Rules = append(p.Rules, Rule{X1: c.o.Left, Y1: y, X2: c.o.Left + c.o.TextWidth(), Y2: y, Width: ruleWidth, Tag: "address-rule"})
	return y - addressGap
}
