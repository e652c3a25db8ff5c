package layout_test

import (
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/layout"
)

// helpedDocs are documents of every kind of flow: every example, starter
// and typography document, long plans, appendices, parts, notes, tables
// (with cells too narrow for their words, which warn) and landscape
// appendices.
func helpedDocs(t *testing.T) map[string]*document.Document {
	docs := map[string]*document.Document{}
	for name, src := range typesetDocs(t) {
		docs[name] = decodeDoc(t, src)
	}
	for name, src := range map[string][]byte{
		"plan of 40 pages": longPlan(40),
		"appendices":       appendixDoc(12, 10, 10),
		"parts":            partsDoc(12),
		"notes":            noteDoc(30, 3),
		"table":            tableDoc([]int{2, 40, 3, 1, 7}, 3, 20),
		"landscape":        landscapeDoc(60),
		"articles":         articleSectionsDoc(8),
		"enacting":         enactingDoc(12),
		"lead-ins":         leadInDoc(20),
	} {
		docs[name] = decodeDoc(t, src)
	}
	docs["narrow tables"] = decodeDoc(t, narrowTables(12))
	narrow := "1.250.000.000 350.000.000 5,0 Tăng/giảm (%) 10.500.000.000 https://bimson.thanhhoa.gov.vn/tin-tuc?id=12&p=3 -2,5"
	for i, flags := range []uint8{0xc0, 0xc8, 0x40, 0x88, 0x20, 0x18} {
		docs[fmt.Sprintf("fuzz %d", i)] = fuzzDocument(narrow+" "+strings.Repeat("Phân công nhiệm vụ thực hiện kế hoạch ", 5), 9+i, i%4, 40, flags, uint8(i%4))
	}
	return docs
}

// narrowTables is a plan of n sections, each a paragraph and a table
// whose figures are wider than their column: each table warns.
func narrowTables(n int) []byte {
	var b strings.Builder
	b.WriteString(tableBase + "sections:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - heading: Nội dung %d\n    text: Phân công nhiệm vụ thực hiện kế hoạch công tác năm của ủy ban nhân dân thị xã.\n", i+1)
		fmt.Fprintf(&b, "    table:\n      columns: [{title: Việc, width: 92}, {title: Tiền, width: 8}]\n      rows: [[Việc %d, \"1.250.000.%03d\"]]\n", i+1, i)
	}
	return []byte(b.String())
}

// A document's blocks laid out on two cores give exactly the pages and
// warnings they give on one, however the blocks fall to the two
// goroutines, and the spare core's token comes back.
func TestHelpedLayoutSame(t *testing.T) {
	m := fonts(t)
	helped, shared, warned := 0, 0, 0
	for name, doc := range helpedDocs(t) {
		o := layout.OptionsFor(doc.Style)
		restore := layout.HelpBlocks(false, nil)
		want, wantWarnings := layout.ComposeWarnings(doc, m, o)
		restore()
		if len(wantWarnings) > 1 {
			warned++
		}
		restore = layout.HelpBlocks(true, func(n int) { shared++; helped += n })
		for run := range 3 {
			got, warnings := layout.ComposeWarnings(doc, m, o)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, run %d: the pages laid out on two cores differ from those on one", name, run)
			}
			if !reflect.DeepEqual(warnings, wantWarnings) {
				t.Errorf("%s, run %d: warnings on two cores\n%v\non one\n%v", name, run, warnings, wantWarnings)
			}
			if layout.WaitHelpers(); cores.Free() != 1 {
				t.Fatalf("%s: the spare core's token was not given back", name)
			}
		}
		restore()
	}
	if shared == 0 || helped == 0 {
		t.Fatalf("%d flows shared, %d blocks laid out by the helper: the helped path was not taken", shared, helped)
	}
	if warned == 0 {
		t.Fatal("no document warns of more than one cell: the warnings' order is not tested")
	}
	t.Logf("%d flows shared, %d blocks laid out by the helper", shared, helped)
}

// panicky measures as the fonts do, but panics on one word: a bug met
// while laying out one block, on whichever goroutine lays it out.
type panicky struct {
	layout.Measurer
	word string
}

func (p panicky) Width(s string, f layout.Font) float64 {
	if s == p.word {
		panic("measuring " + s)
	}
	return p.Measurer.Width(s, f)
}

// A panic while a block is laid out on either goroutine reaches the
// caller of Compose, as it does on one (app turns it into an internal
// error), once the helper is done; the token comes back, and the next
// document is laid out as on one core.
func TestHelpedLayoutPanics(t *testing.T) {
	m := fonts(t)
	defer layout.HelpBlocks(true, nil)()
	src := string(longPlan(10))
	n := strings.Count(src, "Nội dung ")
	for k := 1; k <= n; k += max(1, n/8) {
		word := fmt.Sprintf("%d.%d", (k-1)/3+1, (k-1)%3+1) // the k-th "Nội dung i.j"
		doc := decodeDoc(t, []byte(src))
		o := layout.OptionsFor(doc.Style)
		func() {
			defer func() {
				if r := recover(); r != "measuring "+word {
					t.Errorf("heading %s: recovered %v, want its panic", word, r)
				}
			}()
			layout.Compose(doc, panicky{m, word}, o)
		}()
		if layout.WaitHelpers(); cores.Free() != 1 {
			t.Fatalf("heading %s: the spare core's token was not given back after a panic", word)
		}
	}
	doc := decodeDoc(t, []byte(src))
	o := layout.OptionsFor(doc.Style)
	got := layout.Compose(doc, m, o)
	restore := layout.HelpBlocks(false, nil)
	want := layout.Compose(doc, m, o)
	restore()
	if !reflect.DeepEqual(got, want) {
		t.Error("the document after the panics differs from its layout on one core")
	}
}

// slowOnce measures as the fonts do, but the first time it measures word
// it waits: the goroutine laying out that block falls behind the other.
type slowOnce struct {
	layout.Measurer
	word string
	done *atomic.Bool
}

func (s slowOnce) Width(w string, f layout.Font) float64 {
	if w == s.word && s.done.CompareAndSwap(false, true) {
		time.Sleep(20 * time.Millisecond)
	}
	return s.Measurer.Width(w, f)
}

// A block that one goroutine is slow to finish is laid out by the other
// too (the document's goroutine does not wait for the helper): the pages
// are the same, whichever layout of it is kept.
func TestHelpedLayoutSlowBlock(t *testing.T) {
	m := fonts(t)
	doc := decodeDoc(t, longPlan(10))
	o := layout.OptionsFor(doc.Style)
	restore := layout.HelpBlocks(false, nil)
	want := layout.Compose(doc, m, o)
	restore()
	defer layout.HelpBlocks(true, nil)()
	for k := range 8 {
		word := fmt.Sprintf("%d.%d", k/3+1, k%3+1) // in the heading "Nội dung i.j"
		got := layout.Compose(doc, slowOnce{m, word, new(atomic.Bool)}, o)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("heading %s slow: the pages differ from those laid out on one core", word)
		}
		if layout.WaitHelpers(); cores.Free() != 1 {
			t.Fatalf("heading %s slow: the token was not given back", word)
		}
	}
}
