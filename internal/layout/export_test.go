package layout

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/viet"
)

// FitCase is a paragraph broken by total fit, seen by a test.
type FitCase struct {
	p     Para
	lines []brokenLine
}

// ObserveFits calls f with every paragraph broken by total fit until the
// returned function is called.
func ObserveFits(f func(FitCase)) (stop func()) {
	fitObserver = func(p Para, lines []brokenLine) { f(FitCase{p, lines}) }
	return func() { fitObserver = nil }
}

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
// the paragraph avoids: a line whose spaces stretch beyond maxStretch, a
// break between a word and its number (viet.BreakNever), a last line of
// one syllable, each where a setting exists without it, with no line
// beyond maxStretch and no such break.
func (c FitCase) Avoidable(maxStretch float64) []string {
	var ws []word
	for _, l := range c.lines {
		ws = append(ws, l.words...)
	}
	can := func(lim limits) bool {
		_, ok := fit(c.p, append([]word(nil), ws...), lim)
		return ok
	}
	texts := make([]string, len(ws))
	for i, w := range ws {
		texts[i] = wordText(w)
	}
	rating := viet.LineBreaks(texts, c.p.names)
	var out []string
	k := 0
	for i, l := range c.lines {
		k += len(l.words)
		if x := c.Stretch(i); x > maxStretch+fitTolerant && can(limits{maxStretch: maxStretch, noNever: true}) {
			out = append(out, fmt.Sprintf("line %d stretched %.2f", i+1, x))
		}
		if !l.last && rating[k] == viet.BreakNever && can(limits{noNever: true}) {
			out = append(out, fmt.Sprintf("line %d ends inside a bound pair", i+1))
		}
		if l.last && i > 0 && isShort(l.words) && can(limits{maxStretch: maxStretch, noNever: true, noShort: true}) {
			out = append(out, "a one-syllable last line")
		}
	}
	return out
}

// Justified reports whether the paragraph is justified.
func (c FitCase) Justified() bool { return c.p.Align == Justify }

// Alternative returns the setting within limits, for debugging.
func (c FitCase) Alternative(maxStretch float64) []string {
	var ws []word
	for _, l := range c.lines {
		ws = append(ws, l.words...)
	}
	lines, ok := fit(c.p, append([]word(nil), ws...), limits{maxStretch: maxStretch, noNever: true, noShort: true})
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
