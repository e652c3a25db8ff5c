package layout

// An item is one unbreakable slice of the flow: a line of a paragraph, or
// a whole block such as the signature. Its content is positioned relative
// to its own top.
type item struct {
	h      float64 // height
	before float64 // space above, dropped at the top of a page
	keep   bool    // no page break between this item and the next
	// weak marks a keep that gives way when honouring it would leave
	// more than maxGap empty at the foot of a page: the first line of a
	// paragraph of three lines or more (an orphan), the last line of a
	// paragraph announcing what follows ("… như sau:").
	weak bool
	// row is set on the rows of a table: what a page break around
	// them needs.
	row   *tableRow
	texts []Text
	rules []Rule
	boxes []Box
}

// place copies the item's content onto the page with its top at y.
func (it *item) place(p *Page, y float64) {
	// Copied in one piece, then moved down: a page holds hundreds of
	// texts.
	n := len(p.Texts)
	p.Texts = append(p.Texts, it.texts...)
	for i := n; i < len(p.Texts); i++ {
		p.Texts[i].Y += y
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
// to the ones before it, they move to the next page together. When that
// would leave more than maxGap empty at the foot of the page, the weak
// keeps give way (see item.weak): a heading and the first line of its
// paragraph stay rather than leave the foot of the page empty (a chain of
// headings moves as a whole only when its first body line cannot follow
// it). Only when a
// whole page is glued does the break fall where the page is full.
func paginate(items []item, first, firstBottom, top, bottom, maxGap float64) [][]placed {
	var pages [][]placed
	var cur []placed
	y, start := first, 0 // start: index of the first item of the page
	// pageTop is where the flow of a continuation page starts: under the
	// repeated header of a table that the page continues.
	pageTop := func(j int) float64 {
		if h := head(items, j); h != nil {
			return top + h.h
		}
		return top
	}
	finish := func(p []placed, last bool) []placed {
		if len(p) == 0 {
			return p
		}
		if !last {
			p[len(p)-1].tail = true
		}
		if f := p[0]; len(pages) > 0 && head(items, f.i) != nil {
			p = append([]placed{{i: f.i, y: top, head: true}}, p...)
		}
		return p
	}
	for i := 0; i < len(items); i++ {
		it := &items[i]
		before := it.before
		if len(cur) == 0 && len(pages) > 0 {
			before = 0 // at the top of a page; page 1 starts under the header
		}
		// Page 1 may be full with its header alone.
		limit := bottom
		if len(pages) == 0 {
			limit = firstBottom // above the address block of page 1
		}
		if (len(cur) > 0 || len(pages) == 0 && y > top) && y+before+it.h > limit {
			j := breakBefore(items, start, i, false)
			if j > start && limit-footOf(cur[j-1-start], items) > maxGap {
				// Honouring every keep leaves the foot empty: let the
				// weak ones give way.
				j = max(j, breakBefore(items, start, i, true))
			}
			if j == start {
				j = i // the whole page is glued: break where it is full
			}
			cur = cur[:j-start]
			pages = append(pages, finish(cur, false))
			cur, y, start = nil, pageTop(j), j
			i = j - 1
			continue
		}
		cur = append(cur, placed{i: i, y: y + before})
		y += before + it.h
	}
	pages = append(pages, finish(cur, true))
	if paginateObserver != nil {
		paginateObserver(items, pages, firstBottom, bottom, maxGap)
	}
	return pages
}

// paginateObserver, when set (by tests), sees every flow paginate lays
// out.
var paginateObserver func(items []item, pages [][]placed, firstBottom, bottom, maxGap float64)

// breakBefore returns the last item from start to i (inclusive) before
// which a page may break: one that does not follow a kept item, weak keeps
// excepted when weakGives; start when there is none.
func breakBefore(items []item, start, i int, weakGives bool) int {
	j := i
	for j > start && items[j-1].keep && !(weakGives && items[j-1].weak) {
		j--
	}
	return j
}

// footOf returns the bottom of a placed item.
func footOf(x placed, items []item) float64 { return x.y + items[x.i].h }

// tableRow is what a page break needs to know of a table's row: the
// header to repeat above it when it starts a page, and the rule that
// closes the grid when the page ends under it.
type tableRow struct {
	head *item // nil when the header is not repeated
	tail *Rule // nil when the row draws its own bottom rule
}

// head returns the table header to repeat above item j, or nil.
func head(items []item, j int) *item {
	if j < len(items) && items[j].row != nil {
		return items[j].row.head
	}
	return nil
}

// placed is an item and the y of its top on its page.
type placed struct {
	i    int
	y    float64
	head bool // the item's repeated table header, not the item
	tail bool // the page ends under the item
}

// put places an entry of a page's layout onto the page.
func (x placed) put(items []item, p *Page) {
	it := &items[x.i]
	if x.head {
		it.row.head.place(p, x.y)
		return
	}
	it.place(p, x.y)
	if x.tail && it.row != nil && it.row.tail != nil {
		r := *it.row.tail
		r.Y1 += x.y
		r.Y2 += x.y
		p.Rules = append(p.Rules, r)
	}
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
			l[j].Y += base // a superscript stands above the baseline
		}
		items[i] = item{h: lead, texts: l, keep: keepAll}
	}
	n := len(items)
	items[0].before = before
	if n >= 2 {
		items[0].keep = true
		items[0].weak = !keepAll && n >= 3 // an orphan gives way; in two lines it is also a widow
		items[n-2].keep = true
		items[n-2].weak = false
	}
	return items
}

// baseline is the baseline's distance from the top of a line box of
// height lead: the glyph box (ascent + descent) is centred in the line.
func baseline(m Measurer, size, lead float64) float64 {
	a, d := m.Ascent()*size*ptMM, m.Descent()*size*ptMM
	return (lead-(a+d))/2 + a
}
