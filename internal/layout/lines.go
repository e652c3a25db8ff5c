package layout

import (
	"slices"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/viet"
	"unicode"
	"unicode/utf8"
)

// Span is a run of text in one style.
type Span struct {
	Text  string
	Style Style
	// Sup sets the span as a superscript: a footnote's number, smaller
	// and raised (notes.go).
	Sup bool
}

// Align is the horizontal alignment of the lines of a paragraph.
type Align uint8

// Alignments. Justified paragraphs leave their last line flush left.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// Para is a paragraph to break into lines.
type Para struct {
	Spans []Span
	Size  float64 // points
	Width float64 // measure, mm
	First float64 // indent of the first line, mm
	Rest  float64 // indent of the other lines, mm
	Align Align
	Tag   string
	Color Color
	// names are the proper names the lines should keep whole when they
	// can (see viet.Names); nil for the names every document shares.
	names *viet.Names
	// looseLast keeps the last line at its normal spaces: it may not
	// shrink them to save a line (see composer.loosened).
	looseLast bool
	// texts, when set, gives the room for the lines' texts.
	texts *textArena
}

// A frag is part of a word in one style; a word is what lies between two
// spaces, possibly in several styles ("**Điều 1.**Phạm vi").
type frag struct {
	s  string
	st Style
	w  float64
	// space marks a space inside a word around a spaced dash: it may not
	// break, but stretches in a justified line like any other space.
	space bool
	// sup marks a superscript: a footnote's number.
	sup bool
}

type word struct {
	frags []frag
	w     float64
	space float64 // width of the space after the word, in the space's style
	spSt  Style
}

// words splits the spans into words. Runs of white space collapse to one
// space; a no-break space (U+00A0) stays inside its word.
//
// A paragraph has hundreds of words, so the words share one array of
// fragments, and a fragment's text is a slice of its span's text unless
// it runs on across spans of the same style.
func words(spans []Span, size float64, m Measurer) []word {
	var b wordBufs
	return b.words(spans, size, m)
}

// wordBufs are the arrays of a paragraph's words and of their fragments,
// which Para.Lines reuses for the next paragraph once it has placed the
// lines: nothing refers to them then (a fragment's text does not).
type wordBufs struct {
	ws    []word
	frags []frag
}

var wordPool = sync.Pool{New: func() any { return new(wordBufs) }}

// clear drops what the arrays hold, keeping them: the buffers keep no text
// alive.
func (b *wordBufs) clear() {
	clear(b.ws)
	clear(b.frags)
	b.ws, b.frags = b.ws[:0], b.frags[:0]
}

// words is words in b's arrays, which it leaves holding the words.
func (b *wordBufs) words(spans []Span, size float64, m Measurer) []word {
	n := 1 // about the number of words: spaces and line ends, plus one
	for _, sp := range spans {
		n += strings.Count(sp.Text, " ") + strings.Count(sp.Text, "\n")
	}
	out := slices.Grow(b.ws[:0], n)
	frags := slices.Grow(b.frags[:0], n+len(spans)) // every word's fragments; frags[first:] are the current word's
	first, width := 0, 0.0
	st, sup := Regular, false
	spaces := [4]float64{-1, -1, -1, -1} // width of a space, by style
	// The fragment being read is src[from:] up to where it ends, plus
	// before it what buf holds from earlier spans; from < 0 when it has no
	// part in src.
	var buf []byte
	src, from := "", -1
	flushFrag := func(to int) {
		s := ""
		switch {
		case len(buf) > 0:
			if from >= 0 {
				buf = append(buf, src[from:to]...)
			}
			s = string(buf)
			buf = buf[:0]
		case from >= 0:
			s = src[from:to]
		}
		from = -1
		if s == "" {
			return
		}
		f := Font{st, size}
		if sup {
			f.Size = supSize(size)
		}
		w := m.Width(s, f)
		frags = append(frags, frag{s: s, st: st, w: w, sup: sup})
		width += w
	}
	endWord := func(space float64, spSt Style) {
		if len(frags) > first {
			out = append(out, word{frags: frags[first:len(frags):len(frags)], w: width, space: space, spSt: spSt})
			first, width = len(frags), 0
		}
	}
	for _, sp := range spans {
		if sp.Style != st || sp.Sup != sup {
			flushFrag(len(src))
			st, sup = sp.Style, sp.Sup
		} else if from >= 0 {
			buf = append(buf, src[from:]...) // the fragment runs on into this span
		}
		src, from = sp.Text, -1
		for i := 0; i < len(src); {
			k, n := breakingSpace(src[i:])
			if k < 0 {
				if from < 0 {
					from = i
				}
				break
			}
			if k > 0 && from < 0 {
				from = i
			}
			flushFrag(i + k)
			if spaces[st] < 0 {
				spaces[st] = m.Width(" ", Font{st, size})
			}
			endWord(spaces[st], st)
			i += k + n
		}
	}
	flushFrag(len(src))
	endWord(0, Regular)
	b.ws, b.frags = out, frags
	return glueDashes(out)
}

// breakingSpace returns the index and length of the first white space in
// s that separates words (any but a no-break space), or -1, 0.
func breakingSpace(s string) (int, int) {
	at := 0
	for {
		k, n := viet.IndexSpace(s[at:])
		if k < 0 {
			return -1, 0
		}
		if s[at+k:at+k+n] != "\u00A0" {
			return at + k, n
		}
		at += k + n
	}
}

// glueDashes binds a spaced dash to the words on both sides ("LAO ĐỘNG -
// THƯƠNG BINH"), so that no line ends with a dash or starts with one, which
// would read as a list item.
func glueDashes(ws []word) []word {
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if n := len(out); n > 0 && i+1 < len(ws) && isDash(w) {
			prev := &out[n-1]
			next := ws[i+1]
			prev.frags = append(prev.frags, frag{s: " ", st: prev.spSt, w: prev.space, space: true})
			prev.frags = append(prev.frags, w.frags...)
			prev.frags = append(prev.frags, frag{s: " ", st: w.spSt, w: w.space, space: true})
			prev.frags = append(prev.frags, next.frags...)
			prev.w += prev.space + w.w + w.space + next.w
			prev.space, prev.spSt = next.space, next.spSt
			i++
			continue
		}
		out = append(out, w)
	}
	return out
}

func isDash(w word) bool {
	if len(w.frags) != 1 {
		return false
	}
	s := w.frags[0].s
	return s == "-" || s == "–" || s == "—"
}

// splitFirst breaks off the start of a word wider than avail, as much as
// fits (at least one character): only very long tokens (figures in a
// narrow cell, addresses, codes) need it. A range glued around its dash is
// cut after the dash; any other word after its last separator that fits
// (see breaksAfter), so that a figure reads "1.250." / "000.000" and an
// address "…/tin-" / "tuc", and between characters only when no
// separator fits. The rest keeps the word's space.
func splitFirst(w word, avail float64, size float64, m Measurer) (head, rest word) {
	if h, r, ok := splitAtDash(w, avail); ok {
		return h, r
	}
	k, i := fitPoint(w, avail, size, m)
	if k == len(w.frags) {
		return w, word{}
	}
	k, i, _ = lastSeparator(w, k, i)
	for _, f := range w.frags[:k] {
		head.frags = append(head.frags, f)
		head.w += f.w
	}
	rest.frags = w.frags[k:]
	if i > 0 {
		f := w.frags[k]
		head.frags = append(head.frags, measured(f.s[:i], f.st, size, m))
		head.w += head.frags[len(head.frags)-1].w
		rest.frags = append([]frag{measured(f.s[i:], f.st, size, m)}, w.frags[k+1:]...)
	}
	for _, rf := range rest.frags {
		rest.w += rf.w
	}
	rest.space, rest.spSt = w.space, w.spSt
	return head, rest
}

// splitAtSeparator breaks off the start of a word wider than avail at its
// last separator that fits, as splitFirst, and reports false when no
// separator fits.
func splitAtSeparator(w word, avail float64, size float64, m Measurer) (head, rest word, ok bool) {
	k, i := fitPoint(w, avail, size, m)
	if k == len(w.frags) {
		return word{}, word{}, false
	}
	if _, _, found := lastSeparator(w, k, i); found {
		head, rest = splitFirst(w, avail, size, m)
		return head, rest, true
	}
	return word{}, word{}, false
}

// fitPoint returns where the longest start of w that fits in avail ends:
// fragment k, byte i of it (at least one character fits); k is
// len(w.frags) when the whole word fits.
func fitPoint(w word, avail float64, size float64, m Measurer) (k, i int) {
	width := 0.0
	for k, f := range w.frags {
		for i := range f.s {
			_, rl := utf8.DecodeRuneInString(f.s[i:]) // an invalid byte counts one
			n := i + rl
			if width+m.Width(f.s[:n], Font{f.st, size}) > avail && (width > 0 || i > 0) {
				return k, i
			}
		}
		width += f.w
	}
	return len(w.frags), 0
}

// lastSeparator moves a cut before byte i of fragment k back to just
// after the last separator before it where a word may be cut (see
// breaksAfter), if there is one, and reports whether there is.
func lastSeparator(w word, k, i int) (int, int, bool) {
	for fk, fi := k, i; fk >= 0; fk, fi = fk-1, -1 {
		s := w.frags[fk].s
		if fi < 0 {
			fi = len(s)
		}
		for j := fi; j > 0; {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			j -= n
			if !breaksAfter(w, fk, j, r, n) {
				continue
			}
			if j+n == len(s) { // the cut falls between fragments
				return fk + 1, 0, true
			}
			return fk, j + n, true
		}
	}
	return k, i, false
}

// breaksAfter reports whether a word may be cut after its character r,
// at byte j of fragment k and n bytes long: after a slash (not between
// the two of "//"); after the dot or comma between two digit groups of a
// figure ("1.250." / "000", "1.234," / "56"), or a dot between the names
// of an address ("thanhhoa." / "gov.vn"); after a hyphen, an en dash, an
// underscore or the "?", "&", "=" of an address's query. Never next to a
// space or after a first character, so that a line does not hold a
// separator alone.
func breaksAfter(w word, k, j int, r rune, n int) bool {
	prev, next := runeBefore(w, k, j), runeAt(w, k, j+n)
	if prev < 0 || next < 0 || prev == ' ' || next == ' ' {
		return false
	}
	switch r {
	case '/':
		return next != '/'
	case '.':
		return isAlnum(prev) && isAlnum(next)
	case ',':
		return isDigit(prev) && isDigit(next)
	case '-', '–', '_', '?', '&', '=':
		return next != r
	}
	return false
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// runeBefore returns the character of w before byte j of fragment k, or
// -1 at the start of the word.
func runeBefore(w word, k, j int) rune {
	for ; k >= 0; k, j = k-1, -1 {
		s := w.frags[k].s
		if j < 0 {
			j = len(s)
		}
		if j > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:j])
			return r
		}
	}
	return -1
}

// runeAt returns the character of w at byte j of fragment k, or -1 at the
// end of the word.
func runeAt(w word, k, j int) rune {
	for ; k < len(w.frags); k, j = k+1, 0 {
		if s := w.frags[k].s; j < len(s) {
			r, _ := utf8.DecodeRuneInString(s[j:])
			return r
		}
	}
	return -1
}

// splitAtDash breaks a word glued around spaced dashes ("Quý II - Quý
// III", "2024 - 2025") that is wider than avail after the last dash that
// fits, rather than between characters: in a narrow table cell a range
// reads "2024 -" / "2025", never "202" / "5".
func splitAtDash(w word, avail float64) (head, rest word, ok bool) {
	width, cut := 0.0, -1
	for k, f := range w.frags {
		if f.space && k > 0 && width <= avail && isDashFrag(w.frags[k-1]) {
			cut = k
		}
		width += f.w
	}
	if cut < 0 {
		return word{}, word{}, false
	}
	head = word{frags: w.frags[:cut:cut], space: w.frags[cut].w, spSt: w.frags[cut].st}
	for _, f := range head.frags {
		head.w += f.w
	}
	rest = word{frags: w.frags[cut+1:], w: w.w - head.w - w.frags[cut].w, space: w.space, spSt: w.spSt}
	return head, rest, true
}

func isDashFrag(f frag) bool { return f.s == "-" || f.s == "–" || f.s == "—" }

func measured(s string, st Style, size float64, m Measurer) frag {
	return frag{s: s, st: st, w: m.Width(s, Font{st, size})}
}

// A brokenLine is the words of one line and its indent.
type brokenLine struct {
	words  []word
	indent float64
	last   bool
}

// natural is the width of the line's words with normal spaces.
func (l brokenLine) natural() float64 {
	w := 0.0
	for i, wd := range l.words {
		w += wd.w
		if i < len(l.words)-1 {
			w += wd.space
		}
	}
	return w
}

// breakLines breaks a paragraph into lines: justified and flush-left
// paragraphs by total fit (fitLines), centred and right-aligned ones first
// fit (breakWords).
func breakLines(p Para, m Measurer) []brokenLine {
	return breakWordsOf(p, words(p.Spans, p.Size, m), m)
}

// breakWordsOf is breakLines for the paragraph's words; it takes ws over.
func breakWordsOf(p Para, ws []word, m Measurer) []brokenLine {
	if (p.Align == Justify || p.Align == Left) && !firstFit {
		return fitLines(p, ws, m)
	}
	return breakWords(p, ws, m, nil)
}

// firstFit turns total fit off (for benchmarks that compare the two).
var firstFit = false

// breakWords fills lines greedily, first fit, as word processors do: the
// lines of table cells, and of paragraphs with a word wider than a line,
// whose cutting it handles. keep, when not nil, tells the breaks a line
// must not end at (keep(i): not before ws[i]); such a line ends a word
// earlier. It takes ws over.
func breakWords(p Para, ws []word, m Measurer, keep func(i int) bool) []brokenLine {
	var lines []brokenLine
	indent, start := p.First, 0 // the line being filled holds ws[start:i]
	width := 0.0
	const eps = 1e-6
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		avail := p.Width - indent
		if i == start {
			if w.w > avail+eps {
				// The part that fits fills this line alone; the rest
				// starts the next one.
				head, rest := splitFirst(w, avail, p.Size, m)
				if len(rest.frags) > 0 {
					lines = append(lines, brokenLine{words: []word{head}, indent: indent})
					indent = p.Rest
					ws[i] = rest
					i--
					continue
				}
			}
			width = w.w
			continue
		}
		if width+ws[i-1].space+w.w <= avail+eps {
			width += ws[i-1].space + w.w
			continue
		}
		room := avail - width - ws[i-1].space + eps
		head, rest, ok := word{}, word{}, false
		if p.Align != Justify {
			// In a narrow cell, a range that does not fit ends this line
			// after its dash ("Quý II -" / "Quý III") rather than leaving
			// "Quý" alone above "II - Quý III".
			head, rest, ok = splitAtDash(w, room)
		} else if w.w > p.Width-p.Rest+eps {
			// An address longer than any line is cut anyway: it starts
			// on this line, up to a separator, rather than leaving the
			// words before it spread across the line.
			head, rest, ok = splitAtSeparator(w, room, p.Size, m)
		}
		if ok {
			lines = append(lines, brokenLine{words: append(ws[start:i:i], head), indent: indent})
			ws[i] = rest
			indent, start = p.Rest, i
			i--
			continue
		}
		if keep != nil && i-1 > start &&
			ws[i-1].w+ws[i-1].space+w.w <= p.Width-p.Rest+eps && keep(i) {
			// The break before ws[i] separates a word from its number
			// ("Thứ / 5)", "ngày / 27/4"): the word goes down with it,
			// when the two fit on a line together.
			i--
		}
		lines = append(lines, brokenLine{words: ws[start:i:i], indent: indent})
		indent, start = p.Rest, i
		i--
	}
	if start < len(ws) || len(lines) == 0 {
		lines = append(lines, brokenLine{words: ws[start:], indent: indent})
	}
	lines[len(lines)-1].last = true
	return lines
}

// place turns a broken line into texts on baseline 0, starting at x.
func (p Para) place(l brokenLine, x float64) []Text {
	avail := p.Width - l.indent
	x += l.indent
	extra := 0.0
	nat := l.natural()
	gaps := len(l.words) - 1 // the spaces that stretch, glued ones included
	drawn := 0               // the fragments that are not spaces
	for _, w := range l.words {
		for _, f := range w.frags {
			if f.space {
				gaps++
			} else {
				drawn++
			}
		}
	}
	switch {
	case p.Align == Justify && !l.last && gaps > 0:
		extra = (avail - nat) / float64(gaps)
	case p.Align == Justify && gaps > 0 && nat > avail:
		// A last line set tight (fitLines lets it shrink its spaces).
		extra = (avail - nat) / float64(gaps)
	case p.Align == Center:
		x += (avail - nat) / 2
	case p.Align == Right:
		x += avail - nat
	}
	// Join words into one text per style run; in justified lines every
	// word is placed on its own, at its stretched position. A run being
	// joined is gathered in buf.
	joinable := extra == 0
	if joinable {
		drawn = 1 // most often one text: a last line, a line of one style
	}
	out := p.texts.take(drawn)
	var buf []byte
	joining := false
	endRun := func() {
		if joining {
			out[len(out)-1].S = string(buf)
			joining = false
		}
	}
	for i, w := range l.words {
		for j, f := range w.frags {
			if f.space && !joinable { // a stretched space: nothing to draw
				x += f.w + extra
				continue
			}
			if f.sup {
				endRun()
				out = append(out, p.superscript(f, x))
				x += f.w
				continue
			}
			if n := len(out); joinable && n > 0 && out[n-1].Font.Style == f.st && out[n-1].Tag == p.Tag && (j > 0 || l.words[i-1].spSt == f.st) {
				if !joining {
					buf = append(buf[:0], out[n-1].S...)
					joining = true
				}
				if j == 0 {
					buf = append(buf, ' ')
				}
				buf = append(buf, f.s...)
			} else {
				endRun()
				out = append(out, Text{X: x, S: f.s, Font: Font{f.st, p.Size}, Tag: p.Tag, Color: p.Color})
			}
			x += f.w
		}
		x += w.space + extra
	}
	endRun()
	return out
}

// Lines breaks the paragraph and returns its lines as texts on baseline 0,
// each starting from x (the left edge of the measure).
func (p Para) Lines(m Measurer, x float64) [][]Text {
	b := wordPool.Get().(*wordBufs)
	bl := breakWordsOf(p, b.words(p.Spans, p.Size, m), m)
	out := make([][]Text, len(bl))
	for i, l := range bl {
		out[i] = p.place(l, x)
	}
	if fitObserver == nil { // a test's observer may keep the lines
		b.clear()
		wordPool.Put(b)
	}
	return out
}
