package layout

import (
	"slices"
	"strconv"

	"github.com/vanban/vanban/internal/document"
)

// Footnotes (document.Footnotes): the call is the note's number set as a
// superscript, two thirds of the text's size, raised a third of it, as
// word processors set it; the note is set at the foot of the page of the
// line that calls it, under a short rule, in the size the notes of
// Vietnamese government reports take: two points under the body (12 pt
// under a 14 pt body). A line never goes to a page without its notes;
// only a note taller than the room a page has left under its calling
// line, at the top of a page, is continued at the foot of the next page,
// under a rule across the text block, as typesetters continue notes.
//
// Both are plain layout elements: the superscript a Text (tag
// "footnote-ref", in a note "footnote-number") with its own size and
// baseline, the rules Rules ("footnote-rule", "footnote-continued").

const (
	supScale  = 0.65 // a superscript's size, of the text's
	supRise   = 0.35 // how far it is raised, of the text's size
	noteRuleW = 50   // mm: the short rule above the notes (Word's 2-inch separator)
	noteSkip  = 4    // mm between the body's last line and the rule
	noteGap   = 2    // mm between the rule and the first note
)

// supSize is the size of a superscript in text of the given size.
func supSize(size float64) float64 { return supScale * size }

// noteSize is the size of the notes' text.
func (o Options) noteSize() float64 { return o.BodySize - 2 }

// superscript places a superscript fragment at x, its baseline raised
// above the line's (Y is relative to it, as the line's other texts).
func (p Para) superscript(f frag, x float64) Text {
	tag := "footnote-ref"
	if p.Tag == "footnote" {
		tag = "footnote-number"
	}
	return Text{X: x, Y: -supRise * p.Size * ptMM, S: f.s, Font: Font{f.st, supSize(p.Size)}, Tag: tag, Color: p.Color}
}

// refs returns the numbers of the notes an item calls.
func refs(it *item) []int {
	var out []int
	for _, t := range it.texts {
		if t.Tag == "footnote-ref" {
			if n, err := strconv.Atoi(t.S); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

// noteLines lays out note n as lines of the text block's width, each an
// item: the number as a superscript, then the text, justified.
func (c *composer) noteLines(n int) []item {
	size := c.o.noteSize()
	var text []document.Span
	if n >= 1 && n <= len(c.notes) {
		text = c.notes[n-1]
	}
	spans := append([]Span{{Text: strconv.Itoa(n), Style: Regular, Sup: true}, {Text: " ", Style: Regular}},
		spansOf(text, Regular)...)
	p := Para{Spans: spans, Size: size, Width: c.o.TextWidth(), Align: Justify, Tag: "footnote"}
	return paraItems(p, c.m, c.o.Left, lineHeight(size), 0, false)
}

// notePager distributes a flow's items over pages as paginate does, with
// the notes its lines call at the foot of each page. The notes' lines and
// rules are appended to items, so that the pages are placed entries of
// one slice.
type notePager struct {
	c      *composer
	items  []item
	notes  map[int][]item // note lines, by number
	placed map[int]bool   // notes set on a page already
	carry  []item         // lines of a note continued from the page before
}

// paginateNotes is paginate for a flow whose lines call footnotes. It
// returns the items with the notes' lines and rules appended, and the
// pages.
func (c *composer) paginateNotes(items []item, first, firstBottom, top, bottom float64) ([]item, [][]placed) {
	np := &notePager{c: c, items: items, notes: map[int][]item{}, placed: map[int]bool{}}
	for i := range items {
		for _, n := range refs(&items[i]) {
			if _, ok := np.notes[n]; !ok {
				np.notes[n] = c.noteLines(n)
			}
		}
	}
	flow := len(items)
	var pages [][]placed
	var cur []placed
	y, start := first, 0
	pageTop := func(j int) float64 {
		if h := head(np.items, j); h != nil {
			return top + h.h
		}
		return top
	}
	finish := func(p []placed, end float64, limit float64, last bool) []placed {
		if len(p) == 0 && len(np.carry) == 0 {
			return p
		}
		if !last && len(p) > 0 {
			p[len(p)-1].tail = true
		}
		if len(p) > 0 {
			if f := p[0]; len(pages) > 0 && head(np.items, f.i) != nil {
				p = append([]placed{{i: f.i, y: top, head: true}}, p...)
			}
		}
		return append(p, np.foot(p, end, limit)...)
	}
	for i := 0; i < flow; i++ {
		it := &np.items[i]
		before := it.before
		if len(cur) == 0 && len(pages) > 0 {
			before = 0
		}
		limit := bottom
		if len(pages) == 0 {
			limit = firstBottom
		}
		need := np.footHeight(append(np.called(cur), np.fresh(refs(it), np.called(cur))...))
		atTop := len(cur) == 0 && (len(pages) > 0 || y <= top)
		if !atTop && y+before+it.h > limit-need {
			j := breakBefore(np.items, start, i, false)
			if j > start && limit-need-footOf(cur[j-1-start], np.items) > c.maxGap() {
				j = max(j, breakBefore(np.items, start, i, true)) // as paginate
			}
			if j == start {
				j = i
			}
			cur = cur[:j-start]
			end := y
			if len(cur) > 0 {
				last := cur[len(cur)-1]
				end = last.y + np.items[last.i].h
			}
			pages = append(pages, finish(cur, end, limit, false))
			cur, y, start = nil, pageTop(j), j
			i = j - 1
			continue
		}
		cur = append(cur, placed{i: i, y: y + before})
		y += before + it.h
	}
	limit := bottom
	if len(pages) == 0 {
		limit = firstBottom
	}
	pages = append(pages, finish(cur, y, limit, true))
	for len(np.carry) > 0 { // a note longer than the last page's room
		pages = append(pages, finish(nil, top, bottom, true))
	}
	return np.items, pages
}

// called returns the notes the placed items call that no page has yet,
// in order, once each.
func (np *notePager) called(p []placed) []int {
	var out []int
	for _, x := range p {
		if !x.head {
			out = append(out, np.fresh(refs(&np.items[x.i]), out)...)
		}
	}
	return out
}

// fresh returns the notes of ns not yet set on a page nor in seen.
func (np *notePager) fresh(ns, seen []int) []int {
	var out []int
	for _, n := range ns {
		dup := np.placed[n]
		for _, s := range append(seen, out...) {
			dup = dup || s == n
		}
		if !dup {
			out = append(out, n)
		}
	}
	return out
}

// footHeight is the height the notes ns and the lines carried over take
// at the foot of a page, with the rule above them.
func (np *notePager) footHeight(ns []int) float64 {
	h := 0.0
	for _, it := range np.carry {
		h += it.h
	}
	for _, n := range ns {
		for _, it := range np.notes[n] {
			h += it.h
		}
	}
	if h == 0 {
		return 0
	}
	return noteSkip + noteGap + h
}

// foot sets at the foot of a page, its flow ending at end and its text
// block at limit, the lines carried over from the page before and the
// notes its items call, under a rule, the block's last line on the
// limit. Lines that do not fit under end (a note taller than the page's
// room) are carried to the next page.
func (np *notePager) foot(p []placed, end, limit float64) []placed {
	var lines []item
	lines = append(lines, np.carry...)
	continued := len(np.carry) > 0
	np.carry = nil
	// The notes in the order of their numbers, whatever the order of
	// their calls on the page.
	for _, n := range slices.Sorted(slices.Values(np.called(p))) {
		np.placed[n] = true
		lines = append(lines, np.notes[n]...)
	}
	if len(lines) == 0 {
		return nil
	}
	room := limit - end - noteSkip - noteGap
	h, k := 0.0, 0
	for k < len(lines) && h+lines[k].h <= room+1e-6 {
		h += lines[k].h
		k++
	}
	if k == 0 && len(p) == 0 {
		k, h = 1, lines[0].h // a page of notes only takes one line at least
	}
	np.carry = lines[k:]
	lines = lines[:k]
	if len(lines) == 0 {
		return nil
	}
	ruleY := limit - h - noteGap
	w, tag := float64(noteRuleW), "footnote-rule"
	if continued {
		w, tag = np.c.o.TextWidth(), "footnote-continued"
	}
	rule := item{rules: []Rule{{X1: np.c.o.Left, Y1: 0, X2: np.c.o.Left + w, Y2: 0, Width: 0.5 * ptMM, Tag: tag}}}
	var out []placed
	np.items = append(np.items, rule)
	out = append(out, placed{i: len(np.items) - 1, y: ruleY})
	y := limit - h
	for _, l := range lines {
		np.items = append(np.items, l)
		out = append(out, placed{i: len(np.items) - 1, y: y})
		y += l.h
	}
	return out
}

// flow paginates the items of one flow: with their notes when a line
// calls one, else as paginate does.
func (c *composer) flow(items []item, first, firstBottom, top, bottom float64) ([]item, [][]placed) {
	for i := range items {
		if len(refs(&items[i])) > 0 {
			return c.paginateNotes(items, first, firstBottom, top, bottom)
		}
	}
	return items, paginate(items, first, firstBottom, top, bottom, c.maxGap())
}
