package layout

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/viet"
)

// FuzzFit breaks arbitrary text by total fit, justified and ragged, and
// checks what the breaker promises: every word printed once, in order; no
// line wider than its measure, even with its spaces shrunk (a word wider
// than a line aside); a break rated never only where no other setting
// exists; the same lines every time.
func FuzzFit(f *testing.F) {
	f.Add("Đôn đốc các Ban, ngành thực hiện Nghị quyết 11/NQ-TW ngày 27/4/2007 của Bộ Chính trị.", uint8(40), uint8(4), false)
	f.Add("Lễ phát động vào lúc 8 giờ 00 phút ngày 15 tháng 11 năm 2025, khoảng 200 đại biểu.", uint8(30), uint8(0), true)
	f.Add("- Phòng Lao động - Thương binh và Xã hội (b/c);", uint8(25), uint8(2), true)
	f.Add(strings.Repeat("a ", 300), uint8(7), uint8(1), false)
	f.Add("x https://example.org/"+strings.Repeat("y", 60)+" z", uint8(20), uint8(3), false)
	f.Fuzz(func(t *testing.T, text string, width, indent uint8, ragged bool) {
		p := Para{Spans: []Span{{Text: text}}, Width: 4 + float64(width%120), First: float64(indent % 12), Align: Justify}
		if ragged {
			p.Align, p.First, p.Rest = Left, 0, float64(indent%12)
		}
		lines := breakLines(p, mono{})
		if again := breakLines(p, mono{}); len(again) != len(lines) {
			t.Fatalf("two breaks of one paragraph differ: %d and %d lines", len(lines), len(again))
		}
		var got []string
		for i, l := range lines {
			if l.last != (i == len(lines)-1) {
				t.Fatalf("line %d: last %v", i, l.last)
			}
			shrink := 0.0 // a justified line, its last included, may shrink its spaces
			if p.Align == Justify {
				for k, w := range l.words {
					if k < len(l.words)-1 {
						shrink += spaceShrink * w.space
					}
					for _, f := range w.frags {
						if f.space { // the spaces around a glued dash shrink too
							shrink += spaceShrink * f.w
						}
					}
				}
			}
			if nat := l.natural(); nat-shrink > p.Width-l.indent+1e-6 && len(l.words) > 1 {
				t.Fatalf("line %d is %.2f mm (%.2f shrunk) in a %.2f mm measure: %q", i, nat, nat-shrink, p.Width-l.indent, lineText(l))
			}
			for _, w := range l.words {
				got = append(got, strings.Fields(wordText(w))...)
			}
		}
		if want := strings.Fields(text); strings.Join(got, "") != strings.Join(want, "") {
			t.Fatalf("words lost or moved:\n got %q\nwant %q", got, want)
		}
		// A never-break only where the paragraph cannot do without one.
		var ws []word
		for _, l := range lines {
			ws = append(ws, l.words...)
		}
		texts := make([]string, len(ws))
		for i, w := range ws {
			texts[i] = wordText(w)
		}
		rating := viet.LineBreaks(texts, nil)
		k := 0
		for _, l := range lines[:len(lines)-1] {
			k += len(l.words)
			if rating[k] == viet.BreakNever && !tooWide(p, words(p.Spans, p.Size, mono{})) {
				if _, ok := fit(p, append([]word(nil), ws...), limits{noNever: true}); ok {
					t.Fatalf("a line ends inside a bound pair (%q / %q) although another setting exists", texts[k-1], texts[k])
				}
			}
		}
	})
}

// tooWide reports whether a word is wider than a line: the paragraph is
// then broken first fit.
func tooWide(p Para, ws []word) bool {
	for _, w := range ws {
		if w.w > p.Width-max(p.First, p.Rest)+fitTolerant {
			return true
		}
	}
	return false
}

func lineText(l brokenLine) string {
	var s []string
	for _, w := range l.words {
		s = append(s, wordText(w))
	}
	return strings.Join(s, " ")
}

// Passing over the lines that are too loose (tooLoose) changes no break:
// paragraphs of random words, at many measures and indents, under every
// limit run is given, are set alike with the search looking at every line.
func TestSkipLooseSameLines(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 4))
	syl := []string{"a", "đó", "các", "trong", "nghiệp", "2025", "-", "(b/c);", "ngày", "15", "tháng", "xã", "hội.", "Ủy", "ban", "nhân", "dân", "thực", "hiện,", "số", "12/QĐ-UBND"}
	lims := []limits{
		{maxStretch: hopeless, soft: true, noNever: true},
		{maxStretch: hopeless},
		{maxStretch: 0.6, noNever: true, noShort: true, noCut: true},
		{maxStretch: 1.2, soft: true},
	}
	defer func() { skipLoose = true }()
	for k := range 400 {
		var b strings.Builder
		for range 5 + r.IntN(120) {
			b.WriteString(syl[r.IntN(len(syl))])
			if r.IntN(9) == 0 {
				b.WriteString("\u00a0") // a glued syllable: its space stretches, not breaks
			} else {
				b.WriteString(" ")
			}
		}
		p := Para{Spans: []Span{{Text: b.String()}}, Width: 20 + float64(r.IntN(100)), First: float64(r.IntN(12)), Rest: float64(r.IntN(3)), Align: Justify}
		ws := words(p.Spans, p.Size, mono{})
		if tooWide(p, ws) {
			continue
		}
		for _, lim := range lims {
			skipLoose = true
			got, okGot := fit(p, ws, lim)
			skipLoose = false
			want, okWant := fit(p, ws, lim)
			if okGot != okWant || len(got) != len(want) {
				t.Fatalf("paragraph %d, %+v: %v, %d lines with the skip; %v, %d without", k, lim, okGot, len(got), okWant, len(want))
			}
			for i := range got {
				if len(got[i].words) != len(want[i].words) {
					t.Fatalf("paragraph %d, %+v, line %d: %q with the skip, %q without", k, lim, i, lineText(got[i]), lineText(want[i]))
				}
			}
		}
	}
}

// A paragraph that fits on its first line is set on it without the
// search (fitsOnOneLine), as the search sets it: short random paragraphs,
// justified and ragged, at measures around their width.
func TestOneLineAsSearched(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 7))
	syl := []string{"a", "đó", "các", "nghiệp", "2025", "-", "(b/c);", "ngày", "xã", "hội.", "Ủy", "ban"}
	for k := range 2000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(syl[r.IntN(len(syl))] + " ")
		}
		p := Para{Spans: []Span{{Text: b.String()}}, Width: 5 + float64(r.IntN(50)), First: float64(r.IntN(4)), Align: Justify}
		if r.IntN(2) == 0 {
			p.Align, p.Rest = Left, float64(r.IntN(4))
		}
		ws := openDashes(words(p.Spans, p.Size, mono{}))
		if tooWide(p, ws) {
			continue
		}
		got, ok := fitsOnOneLine(p, ws)
		if !ok {
			continue
		}
		want, fits := fit(p, ws, limits{maxStretch: hopeless, soft: true, noNever: true})
		if !fits {
			want, _ = fit(p, ws, limits{})
		}
		if len(want) != 1 || len(want[0].words) != len(got[0].words) || want[0].indent != got[0].indent || !want[0].last {
			t.Fatalf("paragraph %d %q in %.0f mm: searched %d lines, not one", k, b.String(), p.Width, len(want))
		}
	}
}
