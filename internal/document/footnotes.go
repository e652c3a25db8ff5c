package document

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// Footnotes: a text calls a note with a marker, [^1] or [^nguon], and the
// note is written under footnotes:, by the marker's name:
//
//	preamble:
//	  - Bộ Tư pháp đã thẩm định 33 đề nghị xây dựng văn bản[^1].
//	footnotes:
//	  1: Gồm 12 luật, 21 nghị định.
//
// (a list, footnotes: [a, b], names its notes 1, 2 …). vanban prints a
// number as a superscript where the marker is, and sets the note at the
// foot of the page of the line that calls it (layout/notes.go).
//
// Numbering. Each call is a note of its own, numbered in reading order,
// as Word numbers the notes a clerk inserts: a note called twice is
// printed twice, each time with its own number at the foot of its
// calling page, so that a reader finds every note on the page that calls
// it (one number called on two pages would leave the second page's call
// without its note). A document issued with a decision (an attachment)
// is a document of its own, with its own header, title and page numbers
// (nd30.md §1.1, §2.15): its notes are numbered from 1, as its pages
// are. Appendices belong to their document and go on with its numbering.

// Footnote is one note: its name and its text.
type Footnote struct {
	Key  string
	Text Text
}

// Footnotes are the notes of a document, in the order written.
type Footnotes []Footnote

// DecodeNode implements decode.Unmarshaler: a mapping of names to texts,
// or a list of texts named 1, 2 ….
func (f *Footnotes) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := decode.Join(path, k.Value)
			var t Text
			d.Value(n.Content[i+1], p, &t)
			*f = append(*f, Footnote{Key: k.Value, Text: t})
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			var t Text
			d.Value(c, decode.Index(path, i), &t)
			*f = append(*f, Footnote{Key: strconv.Itoa(i + 1), Text: t})
		}
	default:
		if n.Tag != "!!null" {
			d.Problem(path, msg("footnotes.form", "chú thích phải là danh sách tên và nội dung", "footnotes are a list of names and texts",
				"footnotes:, rồi mỗi dòng một chú thích: 1: Nội dung chú thích", "footnotes:, then one note a line: 1: the note's text"))
		}
	}
}

// noteMarker is a footnote's call in a text: [^1], [^nguon-so-lieu].
var noteMarker = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^([^\]\s]+)\]`) })

// noteRoles are the texts that may call a note: those printed in the
// body, where the layout can set the note at the foot of the page.
func noteRole(r Role) bool { return inBody(r) }

// A noteCounter numbers the calls of one numbering: a document's body
// and its appendices, or an attachment's and its appendices.
type noteCounter struct {
	doc  *Document
	keys []string // keys[n-1]: the note printed for call n
}

// newNoteCounter starts a numbering; nil (nothing to number) when the
// document has no notes.
func (doc *Document) newNoteCounter() *noteCounter {
	if len(doc.Footnotes) == 0 {
		return nil
	}
	return &noteCounter{doc: doc}
}

// call numbers a call of the note named key, if there is such a note.
func (nc *noteCounter) call(key string) (int, bool) {
	if nc == nil || nc.doc.footnote(key) == nil {
		return 0, false
	}
	nc.keys = append(nc.keys, key)
	return len(nc.keys), true
}

func (doc *Document) footnote(key string) *Footnote {
	for i := range doc.Footnotes {
		if doc.Footnotes[i].Key == key {
			return &doc.Footnotes[i]
		}
	}
	return nil
}

// Notes returns the notes printed in one numbering, in the order of their
// numbers (Notes(0)[n-1] is the text of note n, with its markup): 0 for
// the document and its appendices, i for attachment i-1 and its
// appendices.
func (doc *Document) Notes(numbering int) [][]Span {
	nc := doc.newNoteCounter()
	if nc == nil {
		return nil
	}
	if numbering == 0 {
		doc.body(nc)
		for i := range doc.Appendices {
			doc.Appendices[i].body(doc.Style.Decimal(), nc)
		}
	} else {
		i := numbering - 1
		doc.attachmentBody(i, nc)
		for j := range doc.Attachments[i].Appendices {
			doc.Attachments[i].Appendices[j].body(doc.Style.Decimal(), nc)
		}
	}
	out := make([][]Span, len(nc.keys))
	for n, k := range nc.keys {
		out[n], _ = ParseInline(oneLine(doc.footnote(k).Text.Value))
	}
	return out
}

// withNotes replaces the markers in spans by the numbers nc gives their
// calls, in spans of their own (Note set), which the layout sets as
// superscripts. A marker of no note stays as typed (validation reports
// it).
func withNotes(spans []Span, nc *noteCounter) []Span {
	if nc == nil {
		return spans
	}
	var out []Span
	for _, sp := range spans {
		rest := sp.Text
		for {
			m := noteMarker().FindStringSubmatchIndex(rest)
			if m == nil {
				break
			}
			n, ok := nc.call(rest[m[2]:m[3]])
			if !ok {
				sp2 := sp
				sp2.Text = rest[:m[1]]
				out = append(out, sp2)
				rest = rest[m[1]:]
				continue
			}
			if m[0] > 0 {
				sp2 := sp
				sp2.Text = rest[:m[0]]
				out = append(out, sp2)
			}
			out = append(out, Span{Text: strconv.Itoa(n), Note: n})
			rest = rest[m[1]:]
		}
		if rest != "" {
			sp.Text = rest
			out = append(out, sp)
		}
	}
	return out
}

// footnotes checks the calls and the notes: a marker with no note, a
// marker where no note can be set (the header, the title, the signature),
// a note never called.
func (v *validator) footnotes() {
	doc := v.doc
	called := map[string]bool{}
	for f := range doc.Fields() {
		if !strings.Contains(f.Value, "[^") {
			continue // most texts: no call, no need to run the expression
		}
		for _, m := range noteMarker().FindAllStringSubmatchIndex(f.Value, -1) {
			key := f.Value[m[2]:m[3]]
			at := Locate(doc.Source, *f.Text, m[0])
			switch {
			case !noteRole(f.Role):
				v.d.ProblemAt(at, f.Path, diag.Msg{Code: "footnote.not-here",
					Vi:    "chỉ gọi chú thích trong nội dung văn bản (căn cứ, đoạn văn, tiêu đề mục, ý, điều, khoản, điểm, ô của bảng)",
					En:    "a footnote can only be called in the body (a basis, a paragraph, a heading, an item, an article, a clause, a point, a table cell)",
					FixVi: "chuyển [^" + key + "] vào nội dung, hoặc bỏ đi", FixEn: "[^" + key + "] moved into the body, or removed"})
			case doc.footnote(key) == nil:
				v.d.ProblemAt(at, f.Path, diag.Msg{Code: "footnote.unknown",
					Vi: fmt.Sprintf("không có chú thích tên %q", key), En: fmt.Sprintf("there is no footnote named %q", key),
					FixVi: fmt.Sprintf("thêm dưới footnotes: dòng %s: nội dung chú thích", key),
					FixEn: fmt.Sprintf("a line %s: the note's text under footnotes:", key)})
			default:
				called[key] = true
			}
		}
	}
	for _, fn := range doc.Footnotes {
		switch {
		case trim(fn.Text.Value) == "" && !v.d.Reported(fn.Text.Path):
			v.d.Problem(fn.Text.Path, msg("footnote.empty", "chú thích để trống", "the footnote is empty",
				"ghi nội dung chú thích, hoặc xóa dòng này", "the note's text, or this line removed"))
		case !called[fn.Key]:
			v.d.Warning(fn.Text.Path, msg("footnote.unused",
				fmt.Sprintf("chú thích %q không được gọi ở đâu nên sẽ không được in", fn.Key),
				fmt.Sprintf("the footnote %q is never called, so it is not printed", fn.Key),
				fmt.Sprintf("gõ [^%s] sau chữ cần chú thích", fn.Key), fmt.Sprintf("[^%s] after the words it notes", fn.Key)))
		}
	}
}
