// Package linecheck reads the body lines of laid-out pages as a
// proofreader does, and reports what a careful reader sees in a justified
// text: lines whose spaces are stretched wide, a number on another line
// than the word it belongs to ("ngày / 27/4/2007", "8 giờ 00 / phút"), a
// paragraph whose last line is a single syllable. The tests of the layout
// and of the examples use it to hold the line breaker to its promises,
// and it measures what the breaker achieves.
package linecheck

import (
	"math"
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/internal/viet"
)

// justified are the tags of the body's justified paragraphs.
var justified = map[string]bool{"body": true, "basis": true, "item": true, "heading": true}

// Line is one printed line of a justified paragraph.
type Line struct {
	Page int     // the page's number in the file
	Y    float64 // baseline, mm
	Text string  // the words of the line, one space between them
	// Space is the average space between the words of the line as a
	// multiple of the font's normal space: 1 for a line set with normal
	// spaces, 1.8 for one whose spaces are 80 % wider.
	Space float64
	First bool // the line starts its paragraph
	Last  bool // the line ends its paragraph
}

// Lines returns the lines of the justified paragraphs of the pages, in
// reading order.
func Lines(pages []layout.Page, m layout.Measurer) []Line {
	var out []Line
	for _, p := range pages {
		var texts []layout.Text
		left := math.Inf(1)
		for _, t := range p.Texts {
			if justified[t.Tag] {
				texts = append(texts, t)
				left = min(left, t.X)
			}
		}
		slices.SortStableFunc(texts, func(a, b layout.Text) int {
			if d := a.Y - b.Y; math.Abs(d) > 0.01 {
				return cmp(d)
			}
			return cmp(a.X - b.X)
		})
		for i := 0; i < len(texts); {
			j := i + 1
			for j < len(texts) && math.Abs(texts[j].Y-texts[i].Y) <= 0.01 {
				j++
			}
			out = append(out, line(p.Number, texts[i:j], left, m))
			i = j
		}
	}
	for i := range out {
		out[i].Last = i == len(out)-1 || out[i+1].First
	}
	return out
}

func cmp(d float64) int {
	if d < 0 {
		return -1
	}
	return 1
}

// line measures the texts of one line; left is the left edge of the
// body on its page.
func line(page int, ts []layout.Text, left float64, m layout.Measurer) Line {
	l := Line{Page: page, Y: ts[0].Y}
	// A paragraph starts indented, an item with its dash; wrapped lines
	// start at the margin, or after the dash of a hanging item.
	dash := ts[0].S == "-" || strings.HasPrefix(ts[0].S, "- ")
	l.First = dash || ts[0].Tag != "item" && ts[0].X > left+0.5
	if ts[0].S == "-" {
		ts = ts[1:] // the dash of a hanging item stands apart
	}
	var b strings.Builder
	normal := m.Width(" ", layout.Font{Style: layout.Regular, Size: ts[0].Font.Size})
	gaps, spaces := 0.0, 0
	for i, t := range ts {
		// A run of words in one style holds normal spaces; between runs
		// the gap is what the reader sees, and two runs of one word
		// (bold "Điều 1." then regular text) touch.
		b.WriteString(t.S)
		inner := strings.Count(t.S, " ")
		gaps += float64(inner) * normal
		spaces += inner
		if i+1 < len(ts) {
			if g := ts[i+1].X - (t.X + m.Width(t.S, t.Font)); g > 0.2*normal {
				gaps += g
				spaces++
				b.WriteByte(' ')
			}
		}
	}
	words := strings.Fields(b.String())
	l.Text = strings.Join(words, " ")
	if spaces > 0 {
		l.Space = gaps / float64(spaces) / normal
	} else {
		l.Space = 1
	}
	return l
}

// A Fault is a line a careful reader would mark.
type Fault struct {
	Line Line
	Kind string // "loose", "number", "short-last"
	// Next is the line after a break that separates a number from its
	// word.
	Next string
}

// Faults returns the faults of the lines: a line whose spaces are wider
// than maxSpace times the normal space (the last line of a paragraph is
// set with normal spaces and never counts), a break between a word and
// its number or a number and its unit (viet.BreakNever), a last line of
// one syllable.
func Faults(lines []Line, maxSpace float64) []Fault {
	var out []Fault
	for i, l := range lines {
		if !l.Last && l.Space > maxSpace {
			out = append(out, Fault{Line: l, Kind: "loose"})
		}
		if l.Last && !l.First && len(strings.Fields(l.Text)) == 1 {
			out = append(out, Fault{Line: l, Kind: "short-last"})
		}
		if !l.Last && i+1 < len(lines) && Separated(l.Text, lines[i+1].Text) {
			out = append(out, Fault{Line: l, Kind: "number", Next: lines[i+1].Text})
		}
	}
	return out
}

// Separated reports whether a line ending with a and the line after it
// starting with b split a number from its word or its unit.
func Separated(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	ws := append(wa[max(0, len(wa)-2):], wb[:min(2, len(wb))]...)
	return viet.LineBreaks(ws, nil)[min(2, len(wa))] == viet.BreakNever
}
