package layout_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// typesetDocs are the documents whose paragraphs the typography tests
// read: the examples, the starting files of vanban new, the documents of
// testdata/typography and the clerks' documents of the app's tests.
func typesetDocs(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	a, _ := filepath.Glob("../../examples/*.yaml")
	b, _ := filepath.Glob("testdata/typography/*.yaml")
	c, _ := filepath.Glob("../../templates/starters/*.yaml")
	d, _ := filepath.Glob("../app/testdata/clerk/*.yaml")
	for _, f := range append(append(append(a, b...), c...), d...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "\ntype:") || strings.HasPrefix(string(src), "type:") {
			out[filepath.Base(f)] = src
		}
	}
	if len(out) < 4 {
		t.Fatalf("%d documents", len(out))
	}
	return out
}

// Every justified paragraph of every document is set so that no line's
// spaces stretch beyond 1.8 times their width, no line separates a word
// from its number or a number from its unit, and no paragraph ends with
// a line of one syllable, wherever a setting of the paragraph exists
// without the fault.
func TestTotalFitAvoidsFaults(t *testing.T) {
	const maxStretch = 0.8
	worst, worstText := 0.0, ""
	n := 0
	for name, src := range typesetDocs(t) {
		var cases []layout.FitCase
		stop := layout.ObserveFits(func(c layout.FitCase) { cases = append(cases, c) })
		compose(t, src)
		stop()
		for _, c := range cases {
			if !c.Justified() {
				continue
			}
			n++
			for _, f := range c.Avoidable(maxStretch) {
				t.Errorf("%s: %s:\n%s\nrather:\n%s", name, f, strings.Join(c.Lines(), "\n"), strings.Join(c.Alternative(maxStretch), "\n"))
			}
			for i, l := range c.Lines() {
				if x := c.Stretch(i); x > worst {
					worst, worstText = x, name+": "+l
				}
			}
		}
	}
	t.Logf("%d paragraphs; the loosest line has spaces %.2f times their width: %s", n, 1+worst, worstText)
}

// No page break leaves more than three body lines empty at the foot of a
// page when what follows could start there: a heading moves to the next
// page with its chain only when its first body line cannot follow it.
func TestFullFeet(t *testing.T) {
	for name, src := range typesetDocs(t) {
		stop := layout.ObserveFeet(func(page int, empty, need float64) {
			t.Errorf("%s: page %d of its part ends %.1f mm short of its foot, where the next %.1f mm could start", name, page, empty, need)
		})
		compose(t, src)
		stop()
	}
}
