package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/layout"
)

func samplePages() []layout.Page {
	return []layout.Page{
		{Number: 1, Texts: []layout.Text{
			{X: 30, Y: 30, S: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Font: layout.Font{Style: layout.Bold, Size: 12}},
			{X: 30, Y: 40, S: "Bỉm Sơn, ngày 23 tháng 5 năm 2017", Font: layout.Font{Style: layout.Italic, Size: 13}},
			{X: 30, Y: 50, S: "Nội dung", Font: layout.Font{Style: layout.Regular, Size: 14}},
		}, Rules: []layout.Rule{{X1: 30, Y1: 32, X2: 80, Y2: 32, Width: 0.2}}},
		{Number: 2, Texts: []layout.Text{{X: 30, Y: 30, S: "2", Font: layout.Font{Style: layout.Regular, Size: 14}}}},
	}
}

var meta = Meta{Title: "Chương trình công tác", Author: "ỦY BAN NHÂN DÂN", Date: time.Date(2017, 5, 23, 0, 0, 0, 0, time.UTC)}

func render(t testing.TB, pages []layout.Page, f *font.Family) []byte {
	var b bytes.Buffer
	if err := Write(&b, pages, f, meta); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	f, _ := font.Embedded()
	a, b := render(t, samplePages(), f), render(t, samplePages(), f)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same pages differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20170523000000)")) {
		t.Error("the creation date should be the document's date")
	}
	if !bytes.Contains(a, []byte("/Lang (vi-VN)")) {
		t.Error("the language should be vi-VN")
	}
	// /Lang is a PDF 1.4 entry, and ND 30 asks for PDF 1.4 or later.
	if !bytes.HasPrefix(a, []byte("%PDF-1.4\n")) {
		t.Errorf("header %q, want %%PDF-1.4", a[:8])
	}
}

// Embedded subsets are named TAG+name (ISO 32000-1 §9.6.4) so that readers
// never take them for the whole font; the tag follows the characters used.
func TestSubsetTags(t *testing.T) {
	f, _ := font.Embedded()
	pdf := render(t, samplePages(), f)
	tagged := regexp.MustCompile(`/(?:BaseFont|FontName) /([A-Z]{6})\+LiberationSerif`)
	names := tagged.FindAllSubmatch(pdf, -1)
	if n := bytes.Count(pdf, []byte("/BaseFont /")) + bytes.Count(pdf, []byte("/FontName /")); len(names) != n || n == 0 {
		t.Fatalf("%d of %d font names carry a subset tag", len(names), n)
	}
	tags := func(pdf []byte) map[string]bool {
		set := map[string]bool{}
		for _, m := range tagged.FindAllSubmatch(pdf, -1) {
			set[string(m[1])] = true
		}
		return set
	}
	before := tags(pdf)
	other := samplePages()
	other[0].Texts[0].S += " Ỹ" // one more character in the bold subset only
	after := tags(render(t, other, f))
	same := 0
	for tag := range after {
		if before[tag] {
			same++
		}
	}
	if len(before) != 3 || len(after) != 3 || same != 2 {
		t.Errorf("tags %v then %v: want three subsets, of which only the bold one renamed", before, after)
	}
}

// Only the styles on the pages are embedded: each costs tens of
// kilobytes.
func TestEmbedsOnlyUsedStyles(t *testing.T) {
	f, _ := font.Embedded()
	pdf := render(t, samplePages(), f)
	if n := bytes.Count(pdf, []byte("/FontFile2")); n != 3 {
		t.Errorf("embedded %d fonts, want 3 (bold, italic, regular)", n)
	}
	if bytes.Contains(pdf, []byte("LiberationSerif-BoldItalic")) {
		t.Error("bold italic is embedded but not used")
	}
}

// Documents written at once from several goroutines (a batch, a server)
// share the kept writers and subset forms and get the same bytes as one
// written alone (go test -race checks the sharing).
func TestConcurrentWrites(t *testing.T) {
	f, _ := font.Embedded()
	want := [][]byte{render(t, samplePages(), f), render(t, sizedPages(), f)}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 8 {
				k := (g + i) % 2
				pages := samplePages()
				if k == 1 {
					pages = sizedPages()
				}
				var b bytes.Buffer
				if err := Write(&b, pages, f, meta); err != nil || !bytes.Equal(b.Bytes(), want[k]) {
					errs <- fmt.Sprintf("goroutine %d, document %d: %v, %d bytes", g, i, err, b.Len())
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// A font's glyph table gives what a search of its subset gives, for every
// character, also when the table served another subset before (and was
// given back by forget, as putDoc does).
func TestGlyphTable(t *testing.T) {
	var table glyphTable
	for _, runes := range [][]rune{
		{' ', 'A', 'a', 'Đ', 'ư', 'ơ', 0x1EA0, 0x1EF9, tableRunes - 1, tableRunes, 0x2013, 0x201C, 0xFFFD, 0x1F600},
		{'0', 'b', 0x1EF8},
		{},
	} {
		slices.Sort(runes) // as runesUsed gives them
		form := &fontForm{glyphs: make([]uint16, len(runes))}
		for i := range runes {
			form.glyphs[i] = uint16(3 + 2*i)
		}
		e := newEmbedded(nil, runes, form, 0, &table)
		for r := rune(-1); r <= 0x10FFFF; r++ {
			if g, want := e.glyph(r), e.search(r); g != want {
				t.Fatalf("subset %q: glyph(%U) = %d, search finds %d", runes, r, g, want)
			}
		}
		for i, r := range runes {
			if g := e.glyph(r); g != form.glyphs[i] {
				t.Fatalf("glyph(%U) = %d, want %d", r, g, form.glyphs[i])
			}
		}
		e.forget()
		if table != (glyphTable{}) {
			t.Fatalf("subset %q: forget left entries in the table", runes)
		}
	}
}

// longPages returns n pages, each drawing its own text in every style, long
// enough for their content streams to pass the writer's 64 kB flushes.
func longPages(n int) []layout.Page {
	pages := make([]layout.Page, n)
	for i := range pages {
		p := &pages[i]
		p.Number = i + 1
		for l := range 40 {
			s := fmt.Sprintf("Trang %d, dòng %d: Ủy ban nhân dân xã (Thứ %d) \\ Điều %d", i+1, l, l%7, i*l)
			p.Texts = append(p.Texts, layout.Text{X: 30, Y: 30 + float64(l)*6, S: s,
				Font: layout.Font{Style: layout.Styles[(i+l)%len(layout.Styles)], Size: 13 + float64(i%3)}})
		}
		p.Rules = []layout.Rule{{X1: 30, Y1: 25, X2: 80 + float64(i), Y2: 25, Width: 0.2}}
	}
	return pages
}

// withHelpers runs f with n goroutines free to help with long documents.
func withHelpers(n int, f func()) {
	defer cores.Set(n)()
	f()
}

// A long document's pages painted on two cores give the same bytes as on
// one, whatever its length's parity, and a document always finds the
// helper free again once the one before it is written.
func TestHelpedPagesSameBytes(t *testing.T) {
	f, _ := font.Embedded()
	for _, n := range []int{helpedPages - 1, helpedPages, 31, 120} {
		var alone, helped []byte
		withHelpers(0, func() { alone = render(t, longPages(n), f) })
		withHelpers(1, func() {
			helped = render(t, longPages(n), f)
			if again := render(t, longPages(n), f); !bytes.Equal(again, helped) {
				t.Errorf("%d pages: a second helped render differs", n)
			}
			if cores.Free() != 1 {
				t.Errorf("%d pages: the helper was not given back", n)
			}
		})
		if !bytes.Equal(alone, helped) {
			t.Errorf("%d pages: %d bytes alone, %d helped; they differ", n, len(alone), len(helped))
		}
	}
}

// failingWriter fails once it has taken limit bytes.
type failingWriter struct{ limit, n int }

func (w *failingWriter) Write(b []byte) (int, error) {
	if w.n+len(b) > w.limit {
		return 0, fmt.Errorf("disk full")
	}
	w.n += len(b)
	return len(b), nil
}

// A write that fails halfway through a helped document returns its error,
// stops the helper and gives it back for the next document.
func TestHelpedPagesWriteError(t *testing.T) {
	f, _ := font.Embedded()
	withHelpers(1, func() {
		err := Write(&failingWriter{limit: 100 << 10}, longPages(120), f, meta)
		if err == nil || err.Error() != "disk full" {
			t.Fatalf("Write = %v, want the writer's error", err)
		}
		if cores.Free() != 1 {
			t.Fatal("the helper was not given back")
		}
		var alone []byte
		withHelpers(0, func() { alone = render(t, longPages(30), f) })
		if helped := render(t, longPages(30), f); !bytes.Equal(helped, alone) {
			t.Error("the document after a failed one differs")
		}
	})
}

// A panic on the helper reaches the caller of Write, on its own
// goroutine, as if that goroutine had painted the page; the helper is
// given back and the next document is whole.
func TestHelpedPagesPanic(t *testing.T) {
	f, _ := font.Embedded()
	withHelpers(1, func() {
		paintHook = func(i int) {
			if i == 5 {
				panic("page 6 cannot be painted")
			}
		}
		defer func() { paintHook = nil }()
		func() {
			defer func() {
				if r := recover(); r != "page 6 cannot be painted" {
					t.Errorf("recovered %v, want the helper's panic", r)
				}
			}()
			Write(io.Discard, longPages(20), f, meta)
			t.Error("Write returned")
		}()
		if cores.Free() != 1 {
			t.Error("the helper was not given back")
		}
		paintHook = nil
		var alone []byte
		withHelpers(0, func() { alone = render(t, longPages(20), f) })
		if again := render(t, longPages(20), f); !bytes.Equal(again, alone) {
			t.Error("the document after the panic differs")
		}
	})
}

// The painter's table of escaped bytes names exactly the bytes
// appendEscaped writes as two.
func TestEscapedTable(t *testing.T) {
	for c := range 256 {
		if got := len(appendEscaped(nil, byte(c))) == 2; got != escaped[c] {
			t.Errorf("byte %#x: escaped %v, appendEscaped writes %d bytes", c, escaped[c], len(appendEscaped(nil, byte(c))))
		}
	}
}

// CharsOf and the painter decode a text's characters as ranging over it
// does, also where it is not valid UTF-8: every character, every glyph.
func TestTextDecoding(t *testing.T) {
	texts := []string{"", "Bỉm Sơn", "ăđơư ạếữ Ỹ", "a\xffb", "\xe1\xba", "\xc3", "\xe0\xa0\x80\xed\x9f\xbf\xed\xa0\x80",
		"\xc0\xaf\xc1\xbf\xc2\x80\xdf\xbf", "\xef\xbf\xbd\xf0\x9f\x98\x80z", "\xe1\x80\xc0", "\xec\xbf\xbf\xee\x80\x80"}
	for i := range 200 { // random bytes, biased to lead and continuation bytes
		b := make([]byte, i%13)
		for k := range b {
			b[k] = []byte{'a', 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xF0, 0xFF}[(i*7+k*k*3)%11] + byte(k%2)
		}
		texts = append(texts, string(b))
	}
	var table glyphTable
	runes := []rune{}
	for r := rune(0); r < 0x10000; r += 7 {
		runes = append(runes, r)
	}
	form := &fontForm{glyphs: make([]uint16, len(runes))}
	for i, r := range runes {
		form.glyphs[i] = uint16(r) ^ 0x5A5A
	}
	e := newEmbedded(nil, runes, form, 0, &table)
	for _, s := range texts {
		c := CharsOf([]layout.Page{{Texts: []layout.Text{{S: s}}}})
		var want []rune
		beyond := false
		for _, r := range s {
			if r >= 1<<16 {
				beyond = true
			} else if !slices.Contains(want, r) {
				want = append(want, r)
			}
		}
		slices.Sort(want)
		if !slices.Equal(c.Runes[0], want) || c.Beyond != beyond {
			t.Fatalf("CharsOf(%q) = %U, %v; want %U, %v", s, c.Runes[0], c.Beyond, want, beyond)
		}
		p := painter{fonts: &[4]*embedded{e}, width: -1, style: -1}
		p.text(&layout.Text{S: s})
		var wantB []byte
		for _, r := range s {
			g := e.glyph(r)
			wantB = appendEscaped(appendEscaped(wantB, byte(g>>8)), byte(g))
		}
		if !bytes.Contains(p.b, append(append([]byte(" Td ("), wantB...), ") Tj"...)) {
			t.Fatalf("text %q painted as %q, want the glyphs %q", s, p.b, wantB)
		}
	}
}
