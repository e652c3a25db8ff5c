package app

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/internal/layout/linecheck"
	"github.com/vanban/vanban/internal/pdf"
)

// typesetDocs returns every document the tests render, by name: the
// examples and the starters of every type.
func typesetDocs(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	files, _ := filepath.Glob("../../examples/*.yaml")
	files2, _ := filepath.Glob("../layout/testdata/typography/*.yaml")
	for _, f := range append(files, files2...) {
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
func composeDoc(t *testing.T, name string, src []byte) ([]layout.Page, *pdf.Fonts) {
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
	fonts, err := pdf.Load("")
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := layout.ComposeWarnings(doc, fonts, layout.OptionsFor(doc.Style))
	return pages, fonts
}

func TestTypographyReport(t *testing.T) {
	docs := typesetDocs(t)
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	total, over := 0, 0
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
				over++
			}
			if l.Space > worst.Space {
				worst, worstName = l, name
			}
		}
		for _, f := range linecheck.Faults(lines, 1.8) {
			t.Logf("%s p%d %s %.2f× %q / %q", name, f.Line.Page, f.Kind, f.Line.Space, f.Line.Text, f.Next)
		}
	}
	t.Logf("%d justified lines, %d above 1.8×; worst %.2f× in %s p%d: %q", total, over, worst.Space, worstName, worst.Page, worst.Text)
	_ = strings.TrimSpace
}

func TestFootGaps(t *testing.T) {
	docs := typesetDocs(t)
	for name, src := range docs {
		pages, fonts := composeDoc(t, name, src)
		for i, p := range pages {
			if i+1 < len(pages) && pages[i+1].Appendix != p.Appendix || i == len(pages)-1 {
				continue
			}
			last := 0.0
			for _, tx := range p.Texts {
				if tx.Tag != "page-number" {
					last = max(last, tx.Y+fonts.Descent()*tx.Font.Size*25.4/72)
				}
			}
			for _, r := range p.Rules {
				last = max(last, r.Y1)
			}
			gap := p.H - 20 - last
			if gap > 3*1.15*14*25.4/72 {
				t.Logf("%s p%d: %.1f mm empty", name, p.Number, gap)
			}
		}
	}
}
