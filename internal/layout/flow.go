package layout

// An item is one unbreakable slice of the flow: a line of a paragraph, or
// a whole block such as the signature. Its content is positioned relative
// to its own top.
type item struct {
	h      float64 // height
	before float64 // space above, dropped at the top of a page
	keep   bool    // no page break between this item and the next
	texts  []Text
	rules  []Rule
	boxes  []Box
}

// place copies the item's content onto the page with its top at y.
func (it *item) place(p *Page, y float64) {
	for _, t := range it.texts {
		t.Y += y
		p.Texts = append(p.Texts, t)
	}
	for _, r := range it.rules {
		r.Y1 += y
		r.Y2 += y
		p.Rules = append(p.Rules, r)
	}
	for _, b := range it.boxes {
		b.Y += y
		p.Boxes = append(p.Boxes, b)
	}
}

// paginate distributes the items over pages whose content runs from top
// to bottom; the first page's flow starts at first (under the header). A page break may
// only follow an item without keep; when the item that overflows is glued
// to the ones before it, they move to the next page together. Only when a
// whole page is glued does the break fall where the page is full.
func paginate(items []item, first, top, bottom float64) [][]placed {
	var pages [][]placed
	var cur []placed
	y, start := first, 0 // start: index of the first item of the page
	for i := 0; i < len(items); i++ {
		it := &items[i]
		before := it.before
		if len(cur) == 0 && len(pages) > 0 {
			before = 0 // at the top of a page; page 1 starts under the header
		}
		// Page 1 may be full with its header alone.
		if (len(cur) > 0 || len(pages) == 0 && y > top) && y+before+it.h > bottom {
			j := i
			for j > start && items[j-1].keep {
				j--
			}
			if j == start {
				j = i // the whole page is glued: break where it is full
			}
			cur = cur[:j-start]
			pages = append(pages, cur)
			cur, y, start = nil, top, j
			i = j - 1
			continue
		}
		cur = append(cur, placed{i, y + before})
		y += before + it.h
	}
	return append(pages, cur)
}

// placed is an item and the y of its top on its page.
type placed struct {
	i int
	y float64
}

// paraItems breaks a paragraph into line items with widow and orphan
// control: the first line never stays alone at the bottom of a page, the
// last never alone at the top.
func paraItems(p Para, m Measurer, x, lead, before float64, keepAll bool) []item {
	lines := p.Lines(m, x)
	base := baseline(m, p.Size, lead)
	items := make([]item, len(lines))
	for i, l := range lines {
		for j := range l {
			l[j].Y = base
		}
		items[i] = item{h: lead, texts: l, keep: keepAll}
	}
	n := len(items)
	items[0].before = before
	if n >= 2 {
		items[0].keep = true
		items[n-2].keep = true
	}
	return items
}

// baseline is the baseline's distance from the top of a line box of
// height lead: the glyph box (ascent + descent) is centred in the line.
func baseline(m Measurer, size, lead float64) float64 {
	a, d := m.Ascent()*size*ptMM, m.Descent()*size*ptMM
	return (lead-(a+d))/2 + a
}
