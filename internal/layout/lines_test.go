package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mono measures every character as 1 mm (bold ones 1.5 mm), so breaks are
// easy to predict.
type mono struct{}

func (mono) Width(s string, f Font) float64 {
	w := float64(utf8.RuneCountInString(s))
	if f.Style.Bold() {
		w *= 1.5
	}
	return w
}
func (mono) Ascent() float64  { return 0.9 }
func (mono) Descent() float64 { return 0.2 }

func lineTexts(p Para) []string {
	var out []string
	for _, l := range breakLines(p, mono{}) {
		var ws []string
		for _, w := range l.words {
			var b strings.Builder
			for _, f := range w.frags {
				b.WriteString(f.s)
			}
			ws = append(ws, b.String())
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

func TestGreedyBreaks(t *testing.T) {
	p := Para{Spans: []Span{{Text: "aaa bbb  ccc\nddd eee"}}, Width: 8, First: 1}
	got := strings.Join(lineTexts(p), "|")
	if got != "aaa bbb|ccc ddd|eee" {
		t.Errorf("got %q", got)
	}
}

func TestLongWordSplits(t *testing.T) {
	p := Para{Spans: []Span{{Text: "x https://example.org/abcdefghij y"}}, Width: 10}
	for _, l := range breakLines(p, mono{}) {
		if n := l.natural(); n > 10 {
			t.Errorf("line of %.0f mm in a 10 mm measure", n)
		}
	}
	if got := strings.Join(lineTexts(p), ""); strings.ReplaceAll(got, " ", "") != "xhttps://example.org/abcdefghijy" {
		t.Errorf("characters lost: %q", got)
	}
}

// A word longer than the line fills each line it needs, whatever the
// indent of the first line, and its last piece is followed by the next
// word as usual. Pieces are never placed side by side with a space (or a
// justification gap) between them.
func TestLongWordFillsLines(t *testing.T) {
	p := Para{Spans: []Span{{Text: strings.Repeat("x", 21) + " cd"}}, Width: 10, First: 6}
	if got := strings.Join(lineTexts(p), "|"); got != "xxxx|xxxxxxxxxx|xxxxxxx cd" {
		t.Errorf("got %q", got)
	}
	for _, texts := range p.Lines(mono{}, 0) {
		for _, tx := range texts {
			if strings.Contains(tx.S, "x x") {
				t.Errorf("a space inside the broken word: %q", tx.S)
			}
		}
	}
}

// A spaced dash never starts a line, which would read as an item. A
// centred name never ends one with it either; a paragraph may, when the
// words glued around the dash would otherwise leave a line loose.
func TestDashBindsToNeighbours(t *testing.T) {
	p := Para{Spans: []Span{{Text: "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"}}, Width: 14}
	for _, l := range lineTexts(p) {
		if strings.HasPrefix(l, "-") {
			t.Errorf("line %q starts with the dash", l)
		}
	}
	p.Align = Center
	for _, l := range centreBreaks(p, mono{}, overflow{}) {
		if s := wordText(l.words[len(l.words)-1]); strings.HasSuffix(s, "-") {
			t.Errorf("centred line ends with the dash: %q", s)
		}
	}
	p = Para{Spans: []Span{{Text: "aaaa bbbb cccc dddd eeee - ffff gggg"}}, Width: 26}
	if got := strings.Join(lineTexts(p), "|"); got != "aaaa bbbb cccc dddd eeee -|ffff gggg" {
		t.Errorf("got %q, want the line to end after the dash rather than leave four words spread", got)
	}
}

func TestJustifiedPlacement(t *testing.T) {
	p := Para{Spans: []Span{{Text: "aa bb "}, {Text: "cc", Style: Bold}, {Text: " dd ee ff gg"}}, Width: 12, Align: Justify}
	lines := p.Lines(mono{}, 30)
	if len(lines) < 2 {
		t.Fatal(lines)
	}
	first := lines[0]
	last := first[len(first)-1]
	if end := last.X + (mono{}).Width(last.S, last.Font); end < 42-1e-9 || end > 42+1e-9 {
		t.Errorf("justified line ends at %.3f, want 42", end)
	}
	var bold bool
	for _, tx := range first {
		bold = bold || (tx.S == "cc" && tx.Font.Style == Bold)
	}
	if !bold {
		t.Errorf("the bold run is lost: %+v", first)
	}
	tail := lines[len(lines)-1]
	if tail[0].X != 30 || len(tail) != 1 || !strings.Contains(tail[0].S, " ") {
		t.Errorf("the last line should be one flush-left text, got %+v", tail)
	}
}

func TestStyleWith(t *testing.T) {
	if Italic.With(true, false) != BoldItalic || Regular.With(false, true) != Italic || Bold.With(false, false) != Bold {
		t.Error("Style.With")
	}
}

// In a justified line the spaces around a spaced dash stretch like the
// others: "hóa – hiện" must not stay tight while its neighbours spread.
func TestDashSpacesStretch(t *testing.T) {
	p := Para{Spans: []Span{{Text: "aa - bb cc dd ee ff"}}, Width: 14, Align: Justify}
	line := p.Lines(mono{}, 0)[0]
	var gaps []float64
	end := 0.0
	for i, tx := range line {
		if i > 0 {
			gaps = append(gaps, tx.X-end)
		}
		end = tx.X + (mono{}).Width(tx.S, tx.Font)
	}
	if len(gaps) != 4 || end != 14 {
		t.Fatalf("texts %+v", line)
	}
	for _, g := range gaps {
		if g != gaps[0] || g <= 1 {
			t.Errorf("gaps %v: want all equal and stretched", gaps)
		}
	}
}

// When the header leaves no room on page 1 for the first item, that item
// starts page 2 instead of running off the bottom of page 1.
func TestPaginateAfterFullHeader(t *testing.T) {
	items := []item{{h: 10}, {h: 10}}
	pages := paginate(items, 275, 277, 20, 277, 1000)
	if len(pages) != 2 || len(pages[0]) != 0 || len(pages[1]) != 2 || pages[1][0].y != 20 {
		t.Errorf("got %+v", pages)
	}
	if pages := paginate(items, 20, 277, 20, 277, 1000); len(pages) != 1 {
		t.Errorf("two items on an empty page: %+v", pages)
	}
}

// A word wider than its line is cut after its last separator that fits:
// between the digit groups of a figure, after a slash, a hyphen, an
// underscore or the "?", "&", "=" of an address; between characters only
// when no separator fits. A comma that is not between digits, a dot not
// between letters or digits, a leading sign and the first slash of "//"
// are no cut points.
func TestLongWordCutsAtSeparators(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  string
	}{
		{"1.250.000.000", 9, "1.250.|000.000"},
		{"1.250.000.000", 5, "1.|250.|000.|000"},
		{"350.000.000", 7, "350.|000.000"},
		{"350.000.000", 9, "350.000.|000"},
		{"1.234,56", 7, "1.234,|56"},
		{"-12345678", 6, "-12345|678"},
		{"abc.defghij", 6, "abc.|defghi|j"},
		{"abcde.(fgh)", 7, "abcde.(|fgh)"},
		{"a,bcdefgh", 4, "a,bc|defg|h"},
		{"gov.vn/tin-tuc", 12, "gov.vn/tin-|tuc"},
		{"gov.vn/tin-tuc", 10, "gov.vn/|tin-tuc"},
		{"https://vanban.gov.vn", 10, "https://|vanban.|gov.vn"},
		{"ab//cdefgh", 3, "ab/|/cd|efg|h"},
		{"a?b=1&c_d=22", 7, "a?b=1&|c_d=22"},
		{"Tăng/giảm (%)", 8, "Tăng/|giảm (%)"},
		{"x 1.250.000 y", 6, "x|1.250.|000 y"},
	} {
		p := Para{Spans: []Span{{Text: c.text}}, Width: c.width, Align: Left}
		if got := strings.Join(lineTexts(p), "|"); got != c.want {
			t.Errorf("%q in %g mm: got %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// A cut between two styles of a word ("**1.250.**000.000") leaves no empty
// piece, and the pieces keep their styles and widths.
func TestLongWordCutAcrossStyles(t *testing.T) {
	p := Para{Spans: []Span{{Text: "1.250.", Style: Bold}, {Text: "000.000"}}, Width: 10, Align: Left}
	bl := breakLines(p, mono{})
	if len(bl) != 2 || len(bl[0].words) != 1 || len(bl[1].words) != 1 {
		t.Fatalf("lines %q", lineTexts(p))
	}
	head, rest := bl[0].words[0], bl[1].words[0]
	if len(head.frags) != 1 || head.frags[0].s != "1.250." || head.frags[0].st != Bold || head.w != 9 {
		t.Errorf("first line %+v, want bold 1.250. 9 mm wide", head)
	}
	if len(rest.frags) != 1 || rest.frags[0].s != "000.000" || rest.w != 7 {
		t.Errorf("second line %+v, want 000.000 7 mm wide", rest)
	}
}

// In justified text an address longer than any line starts on the line
// of the words before it, cut at a separator, rather than leaving them
// spread across their line; a word with no separator that fits there, and
// any word in unjustified text (a cell), starts its own line.
func TestLongWordStartsOnJustifiedLine(t *testing.T) {
	const url = "Chi tại https://a.vn/tin-tuc/ket-qua-ngan-sach"
	for _, c := range []struct {
		text  string
		align Align
		want  string
	}{
		{url, Justify, "Chi tại https://a.vn/|tin-tuc/ket-qua-ngan-|sach"},
		{url, Left, "Chi tại|https://a.vn/tin-tuc/|ket-qua-ngan-sach"},
		{"Chi tại " + strings.Repeat("x", 30), Justify, "Chi tại|" + strings.Repeat("x", 24) + "|xxxxxx"},
		{"Chi tại 123456789012345.000.000.000", Justify, "Chi tại 123456789012345.|000.000.000"},
		{"Chi tại 1234567890123456.000.000.000", Justify, "Chi tại|1234567890123456.000.|000.000"},
	} {
		p := Para{Spans: []Span{{Text: c.text}}, Width: 24, Align: c.align}
		if got := strings.Join(lineTexts(p), "|"); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
