package layout

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/viet"
)

// Total-fit line breaking, after Knuth and Plass ("Breaking paragraphs
// into lines", 1981), as TeX and Typst break paragraphs: of all the ways
// to break a paragraph, the one whose lines cost least in total. A word
// processor fills one line at a time (first fit) and must leave whatever
// is left to the next line, which is how it comes to spread a line's
// spaces to three times their width, or to end a line with "ngày" and
// start the next with the date. Looking at the whole paragraph, a line
// can take a word less or a word more so that its neighbours need not.
//
// A line's cost ("demerits") grows with the cube of how far its spaces
// are stretched or shrunk (its badness), plus the cost of the place where
// it ends, rated by viet.LineBreaks, plus a cost when it is much looser or
// tighter than the line above it. The figures below are in demerits.

// Spaces: a justified line may stretch its spaces by half their width
// before its badness reaches 100 (spaces 1.5 times their width; badness
// rises steeply after that), and shrink them by at most a fifth (never
// more: a shrunk line still reads as words apart).
const (
	spaceStretch = 0.5
	spaceShrink  = 0.2
	// raggedRoom is how much of a ragged line (an entry of Nơi nhận or
	// Kính gửi) may stay empty before its badness reaches 100: the whole
	// line. A line then ends short of the edge rather than inside a name
	// ("Ủy ban / nhân dân", "Phó Thủ / tướng", "cơ quan / thuộc Chính
	// phủ") or before a lone "(b/c);": these are lists of names, and a
	// short line reads as the end of a phrase. (Half the line, as first
	// tried, made 16 mm of room cost more than cutting a name.)
	raggedRoom = 1.0
	maxBadness = 10000
)

const (
	// linePenalty is added to every line's badness before squaring it,
	// so that fewer lines are preferred when all else is equal.
	linePenalty = 10
	// adjacentDemerits is charged when a line is two classes looser or
	// tighter than the one above it (a tight line under a loose one).
	adjacentDemerits = 3000
	// shortLastDemerits is charged for a last line of a single syllable
	// ("xã.", "giới;") or a lone bracket ("(b/c);"): a reader sees a
	// nearly empty line. It is what a line whose spaces stretch to 1.8
	// times their width costs (badness 410), so a paragraph is set
	// otherwise whenever it can be without a line looser than that.
	shortLastDemerits = 200000
)

// A paragraph that ends with the second half of a word or name cut at
// the line break ("thực / hiện.", "thành / phố", "Phòng Văn hóa - / Xã
// hội.", "Ủy ban nhân / dân xã") reads worse than a loose line: the
// reader stops on a syllable that means nothing alone, at the place the
// eye rests. Such an ending (a last line of at most two syllables after
// a break inside a word or name, viet.InsideWord) costs what a line whose spaces
// stretch to 2 times their width costs (badness 800), so the paragraph
// is set otherwise when it can be with no line looser than that; in a
// heading, read first and as a title, a line of 2.2 times. Measured over
// every document of the tests, the endings this avoids needed lines of
// 1.87-1.92 times (body) and 2.07 times (the one heading); beyond these
// limits a cut word is the lesser fault.
var (
	cutLastDemerits        = sq(linePenalty+badness(1.0, spaceStretch)) - shortLastDemerits
	cutLastHeadingDemerits = sq(linePenalty+badness(1.2, spaceStretch)) - shortLastDemerits
)

// cutLast is the cost of ending the paragraph with the second half of a
// cut word or name.
func (f *fitter) cutLast() float64 {
	if f.p.Tag == "heading" {
		return cutLastHeadingDemerits
	}
	return cutLastDemerits
}

// insideWord reports whether the break before word s cuts a word or a
// name (viet.InsideWord).
func (f *fitter) insideWord(s int) bool { return f.words.InsideWord(s) }

// syllables counts the syllables of words: those glued by a no-break
// space or a spaced dash count one each.
func syllables(ws []word) int {
	n := 0
	for _, w := range ws {
		n++
		for _, fr := range w.frags {
			if fr.space {
				n++
			}
			n += strings.Count(fr.s, "\u00a0")
		}
	}
	return n
}

// breakDemerits is the cost of ending a line at a place of each rating.
// A break after a full stop or a semicolon is free; between phrases it
// costs little; an ordinary break between syllables a little more, so
// that, other things equal, lines end between phrases. A break inside a
// short proper name costs about what stretching a line's spaces from 1.2
// to 1.35 times costs; inside a known word or after a linking word about
// twice that. BreakNever is so dear that no spacing, however loose, costs
// more: it is taken only where a paragraph has no other way to fit.
var breakDemerits = [...]float64{
	viet.BreakBest:  0,
	viet.BreakGood:  150,
	viet.BreakFair:  600,
	viet.BreakName:  1500,
	viet.BreakPoor:  3000,
	viet.BreakNever: 1e12,
}

// Fitness classes of a line, tight to very loose, as TeX's.
const (
	tight = iota
	decent
	loose
	veryLoose
	classes
)

// fitClass returns the class of a line whose spaces change by ratio x of
// their width (negative when they shrink) and of badness b.
func fitClass(x, b float64) int {
	switch {
	case x < 0 && b >= 13:
		return tight
	case x <= 0 || b < 13:
		return decent
	case b < 100:
		return loose
	}
	return veryLoose
}

// badness is 100 times the cube of a space's change over its allowance.
func badness(x, allow float64) float64 {
	r := math.Abs(x) / allow
	return min(100*r*r*r, maxBadness)
}

// fitLines breaks the paragraph's words into lines by total fit: the
// lines of a justified paragraph stretch or shrink their spaces, those of
// a ragged one (Left) keep them and leave room at the right. A paragraph
// with a word wider than a line is broken first fit (breakWords), whose
// rules for cutting such words it keeps. It takes ws over.
func fitLines(p Para, ws []word, m Measurer) []brokenLine {
	narrowest := p.Width - max(p.First, p.Rest)
	for _, w := range ws {
		if w.w > narrowest+fitTolerant {
			return breakWords(p, ws, m, nil)
		}
	}
	ws = openDashes(ws)
	if oneLine, ok := fitsOnOneLine(p, ws); ok {
		if fitObserver != nil {
			fitObserver(p, oneLine)
		}
		return oneLine
	}
	// Most paragraphs can be set without a line whose spaces stretch
	// past hopeless (badness at its cap) and without a break rated
	// never: looking only at such settings spares most of the work. The
	// others are set with any line and any break.
	f := newFitter(p, ws)
	lines, ok := f.run(limits{maxStretch: hopeless, soft: true, noNever: true})
	if !ok {
		lines, _ = f.run(limits{})
	}
	f.release()
	if fitObserver != nil {
		fitObserver(p, lines)
	}
	return lines
}

// fitsOnOneLine returns the paragraph as one line when its words fit on
// the first line at their normal spaces: total fit would set it so (that
// line costs what any one line costs at least, and a setting of two lines
// costs two lines), and the ratings of its breaks need not be worked out.
// The width is summed as newFitter sums it.
func fitsOnOneLine(p Para, ws []word) ([]brokenLine, bool) {
	if len(ws) == 0 {
		return nil, false
	}
	pre := 0.0
	for _, w := range ws {
		pre = pre + w.w + w.space
	}
	nat := pre - ws[len(ws)-1].space // run: pre[n] - pre[0] - the last space
	if p.Width-p.First-nat < -fitTolerant {
		return nil, false
	}
	return []brokenLine{{words: ws[:len(ws):len(ws)], indent: p.First, last: true}}, true
}

// limits are hard limits on a setting, which tests use to ask whether a
// paragraph could be set without a fault: the widest stretch of a line's
// spaces (0: none), and whether a break rated BreakNever and a short last
// line are refused.
type limits struct {
	maxStretch       float64
	noNever, noShort bool
	// noCut refuses a paragraph ending with the second half of a cut
	// word or name (see cutLastDemerits).
	noCut bool
	// soft lets a word alone on its line, which cannot stretch, through
	// maxStretch (the first pass of fitLines).
	soft bool
}

// hopeless is the stretch of a line's spaces at which its badness reaches
// maxBadness: lines looser than that all cost alike.
var hopeless = spaceStretch * math.Cbrt(maxBadness/100)

// fitObserver, when set (by tests), sees every paragraph fitLines breaks
// by total fit.
var fitObserver func(p Para, lines []brokenLine)

// fit breaks the words by total fit within the limits, and reports
// whether any setting keeps to them.
func fit(p Para, ws []word, lim limits) ([]brokenLine, bool) {
	f := newFitter(p, ws)
	defer f.release()
	return f.run(lim)
}

// A fitter holds what total fit needs of a paragraph: its words, the
// rating of each break, the widths before each word and the tables of the
// search, in buffers reused from paragraph to paragraph (a document has
// thousands of paragraphs).
type fitter struct {
	p  Para
	ws []word
	*fitBuffers
}

type fitBuffers struct {
	texts []string
	// words is the analysis of the words' texts, for their ratings and
	// insideWord.
	words  viet.Analysis
	rating []viet.Break
	// pre[i]: width of ws[:i] with the space after each word; sp[i]: the
	// spaces that stretch among them (those between words and those
	// inside glued words).
	pre, sp []float64
	// best[e][c] is the least cost of setting ws[:e] with the last line
	// of class c; from[e][c] the start of that line and the class of the
	// line before it.
	best [][classes]float64
	from [][classes]link
	// reach[s] has bit c set when best[s][c] is finite: a line may start
	// after ws[:s] following a line of class c.
	reach []uint8
}

type link struct{ s, c int32 }

var fitPool = sync.Pool{New: func() any { return new(fitBuffers) }}

func newFitter(p Para, ws []word) *fitter {
	n := len(ws)
	b := fitPool.Get().(*fitBuffers)
	b.texts = slices.Grow(b.texts[:0], n)[:n]
	for i, w := range ws {
		b.texts[i] = wordText(w)
	}
	b.words.Read(b.texts, p.names)
	b.rating = b.words.Breaks(b.rating)
	f := &fitter{p: p, ws: ws, fitBuffers: b}
	clear(b.texts) // the buffers keep no text alive
	b.pre = slices.Grow(b.pre[:0], n+1)[:n+1]
	b.sp = slices.Grow(b.sp[:0], n+1)[:n+1]
	b.best = slices.Grow(b.best[:0], n+1)[:n+1]
	b.from = slices.Grow(b.from[:0], n+1)[:n+1]
	b.reach = slices.Grow(b.reach[:0], n+1)[:n+1]
	b.pre[0], b.sp[0] = 0, 0
	for i, w := range ws {
		glued := 0.0
		for _, fr := range w.frags {
			if fr.space {
				glued += fr.w
			}
		}
		b.pre[i+1] = b.pre[i] + w.w + w.space
		b.sp[i+1] = b.sp[i] + glued + w.space
	}
	return f
}

// release returns the buffers for the next paragraph.
func (f *fitter) release() {
	f.words.Clear() // the buffers keep no text alive
	fitPool.Put(f.fitBuffers)
	f.fitBuffers = nil
}

// run breaks the words by total fit within the limits, and reports
// whether any setting keeps to them.
func (f *fitter) run(lim limits) ([]brokenLine, bool) {
	p, ws, rating := f.p, f.ws, f.rating
	n := len(ws)
	if n == 0 {
		return []brokenLine{{indent: p.First, last: true}}, true
	}
	best, from, reach := f.best, f.from, f.reach
	widest := p.Width - min(p.First, p.Rest)
	justified := p.Align == Justify
	for e := range best {
		for c := range classes {
			best[e][c] = math.Inf(1)
		}
	}
	best[0][decent] = 0
	guess := 0 // the shortest line not too loose that ended at the word before
	for e := 1; e <= n; e++ {
		reach[e-1] = reachable(&best[e-1]) // final: no line ends before it any more
		last := e == n
		skipLo, skipHi := -1, -1
		if lim.maxStretch != 0 && justified && !last && skipLoose {
			skipLo, skipHi = f.tooLoose(e, guess, lim)
			guess = skipLo
		}
		for s := e - 1; s >= 0; s-- {
			if s == skipHi {
				s = skipLo
			}
			nat, stretchable := f.span(s, e)
			if nat-spaceShrink*stretchable > widest+fitTolerant && e-s > 1 {
				break // longer lines only grow
			}
			if reach[s] == 0 {
				continue // no setting of ws[:s] to follow
			}
			avail := p.Width - p.Rest
			if s == 0 {
				avail = p.Width - p.First
			}
			if lim.exceeded(nat, stretchable, avail, justified, last) {
				continue
			}
			if last && p.looseLast && nat > avail+fitTolerant && e-s > 1 {
				continue
			}
			d, c, ok := lineDemerits(nat, stretchable, avail, justified, last, e-s == 1)
			if !ok {
				continue
			}
			if last && isShort(ws[s:e]) {
				if lim.noShort && s > 0 {
					continue
				}
				d += shortLastDemerits
			}
			// (A word has a syllable at least: a line of more than two
			// words has more than two.)
			if last && s > 0 && e-s <= 2 && rating[s] >= viet.BreakName && syllables(ws[s:e]) <= 2 && f.insideWord(s) {
				if lim.noCut {
					continue
				}
				d += f.cutLast()
			}
			if !last {
				if lim.noNever && rating[e] == viet.BreakNever {
					continue
				}
				d += breakDemerits[rating[e]]
			}
			for m := reach[s]; m != 0; m &= m - 1 {
				cs := bits.TrailingZeros8(m)
				total := best[s][cs] + d
				if c-cs > 1 || cs-c > 1 {
					total += adjacentDemerits
				}
				if total < best[e][c] {
					best[e][c], from[e][c] = total, link{int32(s), int32(cs)}
				}
			}
		}
	}
	c := 0
	for k := range classes {
		if best[n][k] < best[n][c] {
			c = k
		}
	}
	if math.IsInf(best[n][c], 1) {
		return nil, false
	}
	count := 0
	for e, c := n, c; e > 0; count++ {
		e, c = int(from[e][c].s), int(from[e][c].c)
	}
	lines := make([]brokenLine, count)
	for i, e := count-1, n; i >= 0; i-- {
		s := int(from[e][c].s)
		lines[i] = brokenLine{words: ws[s:e:e], indent: p.Rest}
		e, c = s, int(from[e][c].c)
	}
	lines[0].indent = p.First
	lines[len(lines)-1].last = true
	return lines, true
}

// skipLoose lets run pass over the lines tooLoose finds; tests turn it
// off to check that the lines stay the same.
var skipLoose = true

// span returns the natural width of the line ws[s:e] and the width of its
// spaces that stretch.
func (f *fitter) span(s, e int) (nat, stretchable float64) {
	space := f.ws[e-1].space
	return f.pre[e] - f.pre[s] - space, f.sp[e] - f.sp[s] - space
}

// tooLoose returns the starts s, lo < s <= hi, of lines ending before
// word e that stretch their spaces beyond lim (lim.exceeded), so that run
// need not look at them: most lines ending at a word are too short to be
// set justified. guess is where the previous word's search ended.
//
// A line that starts later is never wider nor has more space to stretch
// (widths are never negative, and rounding keeps the order of the sums),
// so past the longest line that exceeds the limit every shorter one does
// too: lo+1 is checked, not guessed. Lines whose spaces do not stretch at
// all are the exception (a word alone passes a soft limit); they are the
// shortest, and kept out of the range.
func (f *fitter) tooLoose(e, guess int, lim limits) (lo, hi int) {
	avail := f.p.Width - f.p.Rest // s > 0: not the first line
	hi = e - 1
	for lim.soft && hi >= 1 {
		if _, st := f.span(hi, e); st > 0 {
			break
		}
		hi--
	}
	if hi < 1 {
		return -1, -1
	}
	lo = min(max(guess, 1), hi)
	if nat, st := f.span(lo, e); lim.exceeded(nat, st, avail, true, false) {
		return lo - 1, hi
	}
	for lo < hi {
		if nat, st := f.span(lo+1, e); lim.exceeded(nat, st, avail, true, false) {
			break
		}
		lo++
	}
	return lo, hi
}

// reachable returns the classes whose cost is finite, as bits.
func reachable(b *[classes]float64) uint8 {
	var m uint8
	for c, d := range b {
		if !math.IsInf(d, 1) {
			m |= 1 << c
		}
	}
	return m
}

// exceeded reports whether a line stretches its spaces beyond the limit.
func (lim limits) exceeded(nat, stretchable, avail float64, justified, last bool) bool {
	if lim.maxStretch == 0 || !justified || last {
		return false
	}
	if stretchable <= 0 {
		return !lim.soft
	}
	return (avail-nat)/stretchable > lim.maxStretch+fitTolerant
}

// openDashes lets a line end after a spaced dash ("Lao động -" /
// "Thương binh"), never before it: glued to the word after it too, a
// name such as "Lao động - Thương binh" is a block of 30 mm that can
// leave a line loose in front of it. A line starting with a dash would
// read as an item; one ending with it reads as the phrase going on, as in
// print. viet.LineBreaks rates such breaks poor, and a break inside a
// range of numbers ("2016 - / 2020") never.
func openDashes(ws []word) []word {
	glued := false
	for _, w := range ws {
		glued = glued || len(w.frags) > 1 && hasDashSpace(w)
	}
	if !glued {
		return ws
	}
	out := make([]word, 0, len(ws)+4)
	for _, w := range ws {
		start := 0
		for k := 1; k < len(w.frags); k++ {
			if w.frags[k].space && isDashFrag(w.frags[k-1]) && k+1 < len(w.frags) {
				head := word{frags: w.frags[start:k:k], space: w.frags[k].w, spSt: w.frags[k].st}
				for _, f := range head.frags {
					head.w += f.w
				}
				out = append(out, head)
				start = k + 1
			}
		}
		if start == 0 {
			out = append(out, w)
			continue
		}
		tail := word{frags: w.frags[start:], space: w.space, spSt: w.spSt}
		for _, f := range tail.frags {
			tail.w += f.w
		}
		out = append(out, tail)
	}
	return out
}

// hasDashSpace reports whether a word holds a space after a glued dash.
func hasDashSpace(w word) bool {
	for k := 1; k < len(w.frags); k++ {
		if w.frags[k].space && isDashFrag(w.frags[k-1]) {
			return true
		}
	}
	return false
}

// lineDemerits returns the cost and class of a line of natural width nat
// with stretchable spaces of width stretchable, in a measure avail, and
// whether it can be set at all: never wider than the measure (a word
// alone on its line excepted: it was checked to fit).
func lineDemerits(nat, stretchable, avail float64, justified, last, alone bool) (float64, int, bool) {
	slack := avail - nat
	switch {
	case last && justified && slack < -fitTolerant && stretchable > 0:
		// The last line of a justified paragraph keeps its normal spaces
		// when it is short, and shrinks them like any other line when
		// that saves a line: a paragraph ending "… ngày 19 tháng 3 năm
		// 2026." on one tight line rather than a line at twice its
		// spaces over a lone "năm 2026.".
		break
	case last || !justified:
		if slack < -fitTolerant && !alone {
			return 0, 0, false
		}
		b := 0.0
		if !last {
			r := max(slack, 0) / (raggedRoom * avail)
			b = min(100*r*r, maxBadness)
		}
		return sq(linePenalty + b), decent, true
	case stretchable <= 0:
		// One word: it cannot be justified, and stands flush left.
		if slack < -fitTolerant && !alone {
			return 0, 0, false
		}
		return sq(linePenalty + maxBadness), veryLoose, true
	}
	x := slack / stretchable
	if x < -spaceShrink-fitTolerant {
		return 0, 0, false
	}
	allow := spaceStretch
	if x < 0 {
		allow = spaceShrink
	}
	b := badness(x, allow)
	return sq(linePenalty + b), fitClass(x, b), true
}

func sq(x float64) float64 { return x * x }

// isShort reports whether a last line is a single syllable or a lone
// bracket: one word without glued syllables.
func isShort(ws []word) bool {
	if len(ws) != 1 {
		return false
	}
	for _, f := range ws[0].frags {
		if f.space || strings.ContainsRune(f.s, '\u00a0') {
			return false
		}
	}
	return true
}
