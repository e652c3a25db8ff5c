package layout

import (
	"unicode"
	"unicode/utf8"
)

// Span is a run of text in one style.
type Span struct {
	Text  string
	Style Style
}

// Align is the horizontal alignment of the lines of a paragraph.
type Align uint8

// Alignments. Justified paragraphs leave their last line flush left.
const (
	Justify Align = iota
	Left
	Center
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
}

type word struct {
	frags []frag
	w     float64
	space float64 // width of the space after the word, in the space's style
	spSt  Style
}

// words splits the spans into words. Runs of white space collapse to one
// space; a no-break space (U+00A0) stays inside its word.
func words(spans []Span, size float64, m Measurer) []word {
	var out []word
	var cur word
	var buf []byte
	st := Regular
	flushFrag := func() {
		if len(buf) > 0 {
			s := string(buf)
			w := m.Width(s, Font{st, size})
			cur.frags = append(cur.frags, frag{s: s, st: st, w: w})
			cur.w += w
			buf = buf[:0]
		}
	}
	for _, sp := range spans {
		if sp.Style != st {
			flushFrag()
			st = sp.Style
		}
		for _, r := range sp.Text {
			if r != '\u00A0' && unicode.IsSpace(r) {
				flushFrag()
				if len(cur.frags) > 0 {
					cur.space, cur.spSt = m.Width(" ", Font{st, size}), st
					out = append(out, cur)
					cur = word{}
				}
				continue
			}
			buf = utf8.AppendRune(buf, r)
		}
	}
	flushFrag()
	if len(cur.frags) > 0 {
		out = append(out, cur)
	}
	return glueDashes(out)
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
			prev.frags = append(prev.frags, frag{" ", prev.spSt, prev.space, true})
			prev.frags = append(prev.frags, w.frags...)
			prev.frags = append(prev.frags, frag{" ", w.spSt, w.space, true})
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
// fits (at least one character), between characters: only very long
// tokens (addresses, codes) need it. The rest keeps the word's space.
func splitFirst(w word, avail float64, size float64, m Measurer) (head, rest word) {
	for k, f := range w.frags {
		for i, r := range f.s {
			n := i + utf8.RuneLen(r)
			if head.w+m.Width(f.s[:n], Font{f.st, size}) <= avail || head.w == 0 && i == 0 {
				continue
			}
			if i > 0 {
				head.frags = append(head.frags, measured(f.s[:i], f.st, size, m))
				head.w += head.frags[len(head.frags)-1].w
			}
			rest.frags = append([]frag{measured(f.s[i:], f.st, size, m)}, w.frags[k+1:]...)
			for _, rf := range rest.frags {
				rest.w += rf.w
			}
			rest.space, rest.spSt = w.space, w.spSt
			return head, rest
		}
		head.frags = append(head.frags, f)
		head.w += f.w
	}
	head.space, head.spSt = w.space, w.spSt
	return head, rest
}

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

// breakLines fills lines greedily, first fit, as word processors do, so a
// reader comparing with a Word original sees the same kind of lines.
func breakLines(p Para, m Measurer) []brokenLine {
	ws := words(p.Spans, p.Size, m)
	var lines []brokenLine
	cur := brokenLine{indent: p.First}
	width := 0.0
	const eps = 1e-6
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		avail := p.Width - cur.indent
		if len(cur.words) == 0 {
			if w.w > avail+eps {
				// The part that fits fills this line alone; the rest
				// starts the next one.
				head, rest := splitFirst(w, avail, p.Size, m)
				if len(rest.frags) > 0 {
					lines = append(lines, brokenLine{words: []word{head}, indent: cur.indent})
					cur = brokenLine{indent: p.Rest}
					ws[i] = rest
					i--
					continue
				}
			}
			cur.words, width = append(cur.words, w), w.w
			continue
		}
		prev := cur.words[len(cur.words)-1]
		if width+prev.space+w.w <= avail+eps {
			cur.words = append(cur.words, w)
			width += prev.space + w.w
			continue
		}
		lines = append(lines, cur)
		cur = brokenLine{indent: p.Rest}
		i--
	}
	if len(cur.words) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
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
	for _, w := range l.words {
		for _, f := range w.frags {
			if f.space {
				gaps++
			}
		}
	}
	switch {
	case p.Align == Justify && !l.last && gaps > 0:
		extra = (avail - nat) / float64(gaps)
	case p.Align == Center:
		x += (avail - nat) / 2
	}
	var out []Text
	// Join words into one text per style run; in justified lines every
	// word is placed on its own, at its stretched position.
	joinable := extra == 0
	for i, w := range l.words {
		for j, f := range w.frags {
			if f.space && !joinable { // a stretched space: nothing to draw
				x += f.w + extra
				continue
			}
			if n := len(out); joinable && n > 0 && out[n-1].Font.Style == f.st && (j > 0 || l.words[i-1].spSt == f.st) {
				if j == 0 {
					out[n-1].S += " "
				}
				out[n-1].S += f.s
			} else {
				out = append(out, Text{X: x, S: f.s, Font: Font{f.st, p.Size}, Tag: p.Tag, Color: p.Color})
			}
			x += f.w
		}
		x += w.space + extra
	}
	return out
}

// Lines breaks the paragraph and returns its lines as texts on baseline 0,
// each starting from x (the left edge of the measure).
func (p Para) Lines(m Measurer, x float64) [][]Text {
	bl := breakLines(p, m)
	out := make([][]Text, len(bl))
	for i, l := range bl {
		out[i] = p.place(l, x)
	}
	return out
}
