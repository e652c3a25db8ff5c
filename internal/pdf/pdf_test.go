package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/fpdf"
	"github.com/vanban/vanban/internal/layout"
)

// The layout measures with Face; fpdf draws with its own parse of the same
// file. Every character must get the same width from both, or justified
// lines would not end at the margin.
func TestFaceWidthsMatchFpdf(t *testing.T) {
	f, err := font.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range layout.Styles {
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("x", fpdfStyle(st), f.Face(st).Data())
		p.SetFont("x", fpdfStyle(st), 10)
		face := f.Face(st)
		checked := 0
		for r := rune(1); r < 0xFFFF; r++ {
			if r >= 0xD800 && r < 0xE000 {
				continue
			}
			s := string(r)
			if got, want := face.Units(s), p.GetStringSymbolWidth(s); got != want {
				t.Fatalf("%s U+%04X: Face %d, fpdf %d", st, r, got, want)
			}
			if face.Has(r) {
				checked++
			}
		}
		if checked < 2000 {
			t.Errorf("%s: only %d characters in the font", st, checked)
		}
	}
}

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
	tagged := regexp.MustCompile(`/(?:BaseFont|FontName) /([A-Z]{6})\+utf8liberationserif`)
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

// Only the styles on the pages are embedded: each costs milliseconds of
// fpdf's parsing and tens of kilobytes.
func TestEmbedsOnlyUsedStyles(t *testing.T) {
	f, _ := font.Embedded()
	pdf := render(t, samplePages(), f)
	if n := bytes.Count(pdf, []byte("/FontFile2")); n != 3 {
		t.Errorf("embedded %d fonts, want 3 (bold, italic, regular)", n)
	}
	if bytes.Contains(pdf, []byte("LiberationSerifBI")) || bytes.Contains(pdf, []byte("liberationserifBI")) {
		t.Error("bold italic is embedded but not used")
	}
}

// The user's Times New Roman is named in the PDF.
func TestUserFontsNamed(t *testing.T) {
	dir := t.TempDir()
	for i, n := range [4]string{"TIMES.TTF", "timesbd.ttf", "TimesI.ttf", "timesbi.ttf"} {
		emb, _ := font.Embedded()
		if err := os.WriteFile(filepath.Join(dir, n), emb.Face(layout.Style(i)).Data(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := font.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if pdf := render(t, samplePages(), f); !bytes.Contains(pdf, []byte("+utf8timesnewroman")) {
		t.Error("the PDF should name the user's family")
	}
}
