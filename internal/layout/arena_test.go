package layout_test

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/layout"
)

// The texts of a document's lines are laid out in arenas reused by the
// next documents: the pages of a document stay as they were, whatever is
// composed after them, on one core or two.
func TestPagesKeptAfterOtherDocuments(t *testing.T) {
	m := fonts(t)
	seed, err := os.ReadFile("../../examples/chuong-trinh-bim-son-2017.yaml")
	if err != nil {
		t.Fatal(err)
	}
	other := bytes.ReplaceAll(longPlan(30), []byte("bình đẳng giới"), []byte("phòng, chống thiên tai"))
	for _, tokens := range []int{0, 1} {
		t.Run(fmt.Sprint(tokens+1, "-cores"), func(t *testing.T) {
			restore := cores.Set(tokens)
			defer func() {
				layout.WaitHelpers()
				restore()
			}()
			doc := decodeDoc(t, longPlan(30))
			o := layout.OptionsFor(doc.Style)
			pages := layout.Compose(doc, m, o)
			kept := clonePages(pages)
			for _, src := range [][]byte{seed, other, longPlan(60)} {
				d := decodeDoc(t, src)
				layout.Compose(d, m, layout.OptionsFor(d.Style))
			}
			layout.WaitHelpers()
			if !reflect.DeepEqual(pages, kept) {
				t.Fatal("the pages of a document changed when others were composed after it")
			}
			if again := layout.Compose(doc, m, o); !reflect.DeepEqual(again, kept) {
				t.Fatal("the same document composed again gives other pages")
			}
		})
	}
}

// clonePages copies pages with their texts, rules and boxes.
func clonePages(pages []layout.Page) []layout.Page {
	out := make([]layout.Page, len(pages))
	for i, p := range pages {
		p.Texts = append([]layout.Text(nil), p.Texts...)
		p.Rules = append([]layout.Rule(nil), p.Rules...)
		p.Boxes = append([]layout.Box(nil), p.Boxes...)
		out[i] = p
	}
	return out
}
