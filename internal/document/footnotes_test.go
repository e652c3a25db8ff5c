package document

import (
	"strings"
	"testing"
)

// Each call is a note of its own, numbered in reading order (as Word
// numbers the notes a clerk inserts): a note called twice is printed
// twice; a call is a span of its own; a call of no note, a call outside
// the body and a note never called are reported at their place.
func TestFootnotes(t *testing.T) {
	doc, diags := parse(t, "preamble: [\"Mở đầu[^b] và[^a], lại[^b].\"]\nsections: [{heading: A, table: {columns: [{title: X}], rows: [[\"ô[^c]\"]]}}]\n"+
		"footnotes:\n  a: Chú thích A.\n  b: Chú thích B.\n  c: Chú thích C.\n  d: Không dùng.\n")
	if doc == nil {
		t.Fatal(diags)
	}
	var notes []string
	for _, n := range doc.Notes(0) {
		notes = append(notes, Plain(n))
	}
	check(t, "notes", strings.Join(notes, "|"), "Chú thích B.|Chú thích A.|Chú thích B.|Chú thích C.")
	var calls []string
	for _, sp := range doc.Body()[0].Spans {
		if sp.Note > 0 {
			calls = append(calls, sp.Text)
		}
	}
	check(t, "calls", strings.Join(calls, ","), "1,2,3")
	check(t, "body", Plain(doc.Body()[0].Spans), "Mở đầu1 và2, lại3.")
	check(t, "codes", codes(diags), "15:6 footnotes.d footnote.unused")
	_, diags = parse(t, "title: \"Công tác[^x]\"\nclosing: [\"Kết[^y].\"]\nfootnotes: [Một]\n")
	check(t, "errors", codes(diags), "8:17 title footnote.not-here\n9:15 closing[1] footnote.unknown\n10:13 footnotes[1] footnote.unused")
}

// Appendices go on with their document's numbering; a document issued
// with a decision numbers its notes from 1, as its pages, and its own
// appendices go on with it.
func TestFootnoteNumberings(t *testing.T) {
	doc, diags := parse(t, `type: quyet-dinh
issued_by: ỦY BAN NHÂN DÂN XÃ HÀ LAN
articles:
  - Ban hành kèm theo Quyết định này Quy chế làm việc[^a].
  - Quyết định này có hiệu lực kể từ ngày ký[^b].
appendices:
  - title: Danh sách
    text: Theo Quy chế[^a].
attachments:
  - type: quy-che
    title: Làm việc của Ủy ban nhân dân xã
    articles:
      - title: Phạm vi
        text: Quy chế này[^a] thay thế Quy chế cũ[^b].
    appendices:
      - title: Biểu mẫu
        text: Mẫu số 01[^b].
footnotes:
  a: Ghi chú A.
  b: Ghi chú B.
`)
	if doc == nil {
		t.Fatal(diags)
	}
	calls := func(blocks []Block) string {
		var out []string
		for _, b := range blocks {
			for _, sp := range b.Spans {
				if sp.Note > 0 {
					out = append(out, sp.Text)
				}
			}
		}
		return strings.Join(out, ",")
	}
	notes := func(n int) string {
		var out []string
		for _, sp := range doc.Notes(n) {
			out = append(out, Plain(sp))
		}
		return strings.Join(out, "|")
	}
	check(t, "decision", calls(doc.Body()), "1,2")
	check(t, "its appendix", calls(doc.AppendixBody(0)), "3")
	check(t, "decision's notes", notes(0), "Ghi chú A.|Ghi chú B.|Ghi chú A.")
	check(t, "attachment", calls(doc.AttachmentBody(0)), "1,2")
	check(t, "attachment's appendix", calls(doc.AttachmentAppendixBody(0, 0)), "3")
	check(t, "attachment's notes", notes(1), "Ghi chú A.|Ghi chú B.|Ghi chú B.")
}
