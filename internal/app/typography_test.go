package app

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/internal/layout/linecheck"
)

// typesetDocs returns every document the tests render, by name: the
// examples, the typography tests' documents, the clerks' documents and
// the starters of every type.
func typesetDocs(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	files, _ := filepath.Glob("../../examples/*.yaml")
	files2, _ := filepath.Glob("../layout/testdata/typography/*.yaml")
	files3, _ := filepath.Glob("testdata/clerk/*.yaml")
	for _, f := range append(append(files, files2...), files3...) {
		if src := readFile(t, f); isDocumentSource(f, src) {
			docs[filepath.Base(f)] = src
		}
	}
	for name, src := range documentStarters() {
		docs["new "+name] = src
	}
	return docs
}

// composeDoc lays a document out as vanban render does.
func composeDoc(t *testing.T, name string, src []byte) ([]layout.Page, layout.Metrics) {
	t.Helper()
	types, _ := docTypes("")
	dec := decode.New(name)
	root := dec.Parse(src)
	if root == nil {
		t.Fatalf("%s: %v", name, dec.Diags.Err())
	}
	doc := document.Decode(dec, root, types)
	if dec.Diags.HasErrors() {
		t.Fatalf("%s: %v", name, dec.Diags.Err())
	}
	fam, err := font.Load("")
	if err != nil {
		t.Fatal(err)
	}
	fonts := layout.Metrics{Family: fam}
	pages, _ := layout.ComposeWarnings(doc, fonts, layout.OptionsFor(doc.Style))
	return pages, fonts
}

// Read from the positioned lines of every document the tests render, as
// a proofreader reads the page: no line ends with a word whose number
// starts the next line, nor with a number whose unit does ("ngày /
// 27/4/2007", "8 giờ 00 / phút"). (Loose lines and one-syllable last
// lines are held, paragraph by paragraph, by the layout's own tests,
// which know when no other setting exists.) It logs the loosest line.
func TestNoNumberApartFromItsWord(t *testing.T) {
	docs := typesetDocs(t)
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	total, loose := 0, 0
	var worst linecheck.Line
	worstName := ""
	for _, name := range names {
		pages, fonts := composeDoc(t, name, docs[name])
		lines := linecheck.Lines(pages, fonts)
		for _, l := range lines {
			if l.Last {
				continue
			}
			total++
			if l.Space > 1.8 {
				loose++
			}
			if l.Space > worst.Space {
				worst, worstName = l, name
			}
		}
		for _, f := range linecheck.Faults(lines, 1.8) {
			if f.Kind == "number" {
				t.Errorf("%s page %d: %q / %q", name, f.Line.Page, f.Line.Text, f.Next)
			}
		}
	}
	if total < 250 {
		t.Errorf("only %d justified lines read", total)
	}
	t.Logf("%d documents, %d justified lines, %d with spaces above 1.8 times their width; the loosest %.2f× in %s page %d: %q",
		len(docs), total, loose, worst.Space, worstName, worst.Page, worst.Text)
}
