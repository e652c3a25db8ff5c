package document

import (
	"strings"
	"testing"
)

// Notes are numbered through the document in the order of their first
// calls; a call is a span of its own; a call of no note, a call outside
// the body and a note never called are reported at their place.
func TestFootnotes(t *testing.T) {
	doc, diags := parse(t, "preamble: [\"Mở đầu[^b] và[^a], lại[^b].\"]\nsections: [{heading: A, table: {columns: [{title: X}], rows: [[\"ô[^c]\"]]}}]\n"+
		"footnotes:\n  a: Chú thích A.\n  b: Chú thích B.\n  c: Chú thích C.\n  d: Không dùng.\n")
	if doc == nil {
		t.Fatal(diags)
	}
	nums := doc.NoteNumbers()
	if nums["b"] != 1 || nums["a"] != 2 || nums["c"] != 3 || len(nums) != 3 {
		t.Errorf("numbers %v", nums)
	}
	var calls []string
	for _, sp := range doc.Body()[0].Spans {
		if sp.Note > 0 {
			calls = append(calls, sp.Text)
		}
	}
	check(t, "calls", strings.Join(calls, ","), "1,2,1")
	check(t, "body", Plain(doc.Body()[0].Spans), "Mở đầu1 và2, lại1.")
	check(t, "note 2", Plain(doc.Note(2)), "Chú thích A.")
	check(t, "codes", codes(diags), "15:6 footnotes.d footnote.unused")
	_, diags = parse(t, "title: \"Công tác[^x]\"\nclosing: [\"Kết[^y].\"]\nfootnotes: [Một]\n")
	check(t, "errors", codes(diags), "8:17 title footnote.not-here\n9:15 closing[1] footnote.unknown\n10:13 footnotes[1] footnote.unused")
}
