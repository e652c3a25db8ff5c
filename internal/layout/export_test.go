package layout

import (
	"fmt"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/viet"
)

// FitCase is a paragraph broken by total fit, seen by a test.
type FitCase struct {
	p     Para
	lines []brokenLine
}

// ObserveFits calls f with every paragraph broken by total fit until the
// returned function is called, one call at a time (a document's blocks
// may be laid out on two goroutines).
func ObserveFits(f func(FitCase)) (stop func()) {
	var mu sync.Mutex
	fitObserver = func(p Para, lines []brokenLine) {
		mu.Lock()
		defer mu.Unlock()
		f(FitCase{p, lines})
	}
	return func() {
		running.Wait() // a helper may still break a paragraph
		fitObserver = nil
	}
}

// WaitHelpers waits until every helper that laid out blocks has ended (the
// layout does not wait for them; the document's goroutine gives the token
// back as soon as it has every block).
func WaitHelpers() { running.Wait() }

// Lines returns the text of each line.
func (c FitCase) Lines() []string {
	out := make([]string, len(c.lines))
	for i, l := range c.lines {
		var ws []string
		for _, w := range l.words {
			ws = append(ws, wordText(w))
		}
		out[i] = strings.Join(ws, " ")
	}
	return out
}

// Stretch returns how far the spaces of line i are stretched, as a
// fraction of their width (0.8: spaces 1.8 times their width), as the
// breaker reckons it; 0 for the last line.
func (c FitCase) Stretch(i int) float64 {
	l := c.lines[i]
	if l.last || c.p.Align != Justify {
		return 0
	}
	sp := 0.0
	for k, w := range l.words {
		for _, f := range w.frags {
			if f.space {
				sp += f.w
			}
		}
		if k < len(l.words)-1 {
			sp += w.space
		}
	}
	if sp == 0 {
		return 0
	}
	return (c.p.Width - l.indent - l.natural()) / sp
}

// Avoidable returns the faults of the setting that another setting of
// the paragraph avoids, each where CanSet (which does not ask the
// breaker) finds such a setting:
//   - a line whose spaces stretch beyond maxStretch, where a setting has
//     no such line, no break between a word and its number and no
//     paragraph end cutting a word or name;
//   - a line whose spaces stretch beyond cutStretch (beyond headStretch
//     in a heading), where a setting has no line beyond maxStretch and
//     no such break: that far, a cut word is the lesser fault;
//   - a break between a word and its number (viet.BreakNever);
//   - a last line of one syllable, where a setting has none, no line
//     beyond maxStretch and no such break;
//   - a last line of at most two syllables that completes a word or name
//     cut at the line break ("thành / phố"), where a setting has none, no
//     line beyond cutStretch (headStretch) and no such break;
//   - a loose line above a last line that the two could share with their
//     spaces shrunk (PullUp).
func (c FitCase) Avoidable(maxStretch, cutStretch, headStretch float64) []string {
	if c.p.Tag == "heading" {
		cutStretch = headStretch
	}
	ws := c.words()
	texts := make([]string, len(ws))
	for i, w := range ws {
		texts[i] = wordText(w)
	}
	rating := viet.LineBreaks(texts, c.p.names)
	var out []string
	k := 0
	for i, l := range c.lines {
		start := k
		k += len(l.words)
		x := c.Stretch(i)
		if x > maxStretch+fitTolerant && c.CanSet(SetRule{MaxStretch: maxStretch, NoNever: true, NoCutLast: true}) {
			out = append(out, fmt.Sprintf("line %d stretched %.2f", i+1, x))
		}
		if x > cutStretch+fitTolerant && c.CanSet(SetRule{MaxStretch: maxStretch, NoNever: true}) {
			out = append(out, fmt.Sprintf("line %d stretched %.2f, beyond what a cut word is worth", i+1, x))
		}
		if !l.last && rating[k] == viet.BreakNever && c.CanSet(SetRule{NoNever: true}) {
			out = append(out, fmt.Sprintf("line %d ends inside a bound pair", i+1))
		}
		if l.last && i > 0 && oneSyllable(l.words) && c.CanSet(SetRule{MaxStretch: maxStretch, NoNever: true, NoShortLast: true}) {
			out = append(out, "a one-syllable last line")
		}
		if l.last && i > 0 && cutEnd(texts, start, c.p.names) && c.CanSet(SetRule{MaxStretch: cutStretch, NoNever: true, NoCutLast: true}) {
			out = append(out, "the last line completes a word or name cut at the break")
		}
	}
	if above, merged, ok := c.PullUp(); ok && above > pullUpAbove {
		out = append(out, fmt.Sprintf("the last line fits on the line above (stretched %.2f) with spaces %.2f of their width", above, 1+merged))
	}
	return out
}

// cutEnd reports whether a last line starting at word s, of at most two
// syllables, completes a word or name cut at the break before it.
func cutEnd(texts []string, s int, names *viet.Names) bool {
	n := 0
	for _, t := range texts[s:] {
		n += len(strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '\u00a0' }))
	}
	return n <= 2 && viet.InsideWord(texts, s, names)
}

// pullUpAbove is the stretch of a line's spaces beyond which a line
// above a last line costs more than the two set as one tight line (spaces
// shrunk by up to a fifth cost at most what a stretch of a half does,
// and the line saved costs nothing): a setting that keeps such a line is
// not the least costly. A tenth over the half covers the cost of a tight
// line under a loose one.
const pullUpAbove = spaceStretch + 0.1

func (c FitCase) words() []word {
	var ws []word
	for _, l := range c.lines {
		ws = append(ws, l.words...)
	}
	return ws
}

// SetRule is what a setting of a paragraph keeps to, for CanSet.
type SetRule struct {
	// MaxStretch is the widest stretch of the spaces of a line other
	// than the last, as a fraction of their width (0: any).
	MaxStretch float64
	// NoNever refuses a line ending at a break rated viet.BreakNever.
	NoNever bool
	// NoShortLast refuses a last line of one syllable, unless it is the
	// paragraph's only line.
	NoShortLast bool
	// NoCutLast refuses a last line of at most two syllables that
	// completes a word or name cut at the break before it.
	NoCutLast bool
}

// CanSet reports whether the paragraph's words can be broken into lines
// that keep to the rule, each line (the last one included) within its
// measure with its spaces shrunk to no less than 0.8 of their width. It
// finds out by its own arithmetic, searching which words can end a line
// of some setting, and knows nothing of the breaker's costs: it holds the
// breaker to what the rules allow.
func (c FitCase) CanSet(r SetRule) bool {
	ws := c.words()
	n := len(ws)
	texts := make([]string, n)
	for i, w := range ws {
		texts[i] = wordText(w)
	}
	rating := viet.LineBreaks(texts, c.p.names)
	reach := make([]bool, n+1)
	reach[0] = true
	for s := 0; s < n; s++ {
		if !reach[s] {
			continue
		}
		avail := c.p.Width - c.p.Rest
		if s == 0 {
			avail = c.p.Width - c.p.First
		}
		nat, spaces := 0.0, 0.0
		for e := s + 1; e <= n; e++ {
			w := ws[e-1]
			if e > s+1 {
				nat += ws[e-2].space
				spaces += ws[e-2].space
			}
			nat += w.w
			for _, f := range w.frags {
				if f.space {
					spaces += f.w
				}
			}
			if nat-0.2*spaces > avail+1e-6 && e > s+1 {
				break
			}
			last := e == n
			switch {
			case !last && r.NoNever && rating[e] == viet.BreakNever:
				continue
			case !last && r.MaxStretch > 0 && (spaces == 0 || (avail-nat)/spaces > r.MaxStretch+1e-6):
				continue
			case last && r.NoShortLast && s > 0 && oneSyllable(ws[s:e]):
				continue
			case last && r.NoCutLast && s > 0 && cutEnd(texts, s, c.p.names):
				continue
			}
			reach[e] = true
		}
	}
	return reach[n]
}

// oneSyllable reports whether words are one syllable: one word holding
// no space, no-break or other.
func oneSyllable(ws []word) bool {
	return len(ws) == 1 && !strings.ContainsAny(wordText(ws[0]), " \u00a0")
}

// PullUp reports, for a paragraph of two lines or more, the stretch of
// the spaces of the line above the last, and how far the spaces of that
// line would change (negative: shrink) to hold the last line's words too,
// when they can (shrunk to no less than 0.8 of their width).
func (c FitCase) PullUp() (above, merged float64, ok bool) {
	n := len(c.lines)
	if n < 2 || c.p.Align != Justify {
		return 0, 0, false
	}
	prev, last := c.lines[n-2], c.lines[n-1]
	ws := append(append([]word(nil), prev.words...), last.words...)
	nat, spaces := 0.0, 0.0
	for i, w := range ws {
		nat += w.w
		if i < len(ws)-1 {
			nat += w.space
			spaces += w.space
		}
		for _, f := range w.frags {
			if f.space {
				spaces += f.w
			}
		}
	}
	merged = (c.p.Width - prev.indent - nat) / spaces
	return c.Stretch(n - 2), merged, merged >= -0.2-1e-6
}

// Justified reports whether the paragraph is justified.
func (c FitCase) Justified() bool { return c.p.Align == Justify }

// Alternative returns the setting within limits, for debugging.
func (c FitCase) Alternative(maxStretch float64) []string {
	var ws []word
	for _, l := range c.lines {
		ws = append(ws, l.words...)
	}
	lines, ok := fit(c.p, append([]word(nil), ws...), limits{maxStretch: maxStretch, noNever: true, noShort: true, noCut: true})
	if !ok {
		return nil
	}
	return FitCase{c.p, lines}.Lines()
}

// ObserveFeet calls f, until the returned function is called, with every
// page break that leaves more than three body lines empty at the foot of
// its page although what follows could start there: the items up to the
// first place where a page may break (a weak keep giving way) fit in the
// room left.
func ObserveFeet(f func(page int, empty, need float64)) (stop func()) {
	paginateObserver = func(items []item, pages [][]placed, firstBottom, bottom, maxGap float64) {
		for n := 0; n+1 < len(pages); n++ {
			limit := bottom
			if n == 0 {
				limit = firstBottom
			}
			p := pages[n]
			empty := limit - footOf(p[len(p)-1], items)
			if empty <= maxGap+fitTolerant {
				continue
			}
			next := pages[n+1]
			j := next[0].i
			if next[0].head && len(next) > 1 {
				j = next[1].i
			}
			need := items[j].before
			for k := j; k < len(items); k++ {
				need += items[k].h
				if k > j {
					need += items[k].before
				}
				if !items[k].keep || items[k].weak {
					break
				}
			}
			if need <= empty+fitTolerant {
				f(n+1, empty, need)
			}
		}
	}
	return func() { paginateObserver = nil }
}

// UseFirstFit makes justified and ragged paragraphs break first fit, as
// before total fit, until the returned function is called: the
// benchmarks compare the two.
func UseFirstFit(on bool) (restore func()) {
	saved := firstFit
	firstFit = on
	return func() { firstFit = saved }
}

// HelpBlocks lays out every flow of two blocks or more on two cores (on:
// one spare core's token made free) or every flow on one (off: none),
// until restore is called. helped, when not nil, is told how many of
// each shared flow's blocks the helper laid out.
func HelpBlocks(on bool, helped func(n int)) (restore func()) {
	saved := helpedText
	tokens := 0
	if on {
		helpedText, tokens = 0, 1
	}
	give := cores.Set(tokens)
	if helped != nil {
		helpObserver = func(laid []*laidBlock) {
			n := 0
			for _, l := range laid {
				if l.helped {
					n++
				}
			}
			helped(n)
		}
	}
	return func() {
		running.Wait()
		helpedText, helpObserver = saved, nil
		give()
	}
}
