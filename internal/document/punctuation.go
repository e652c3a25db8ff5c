package document

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
)

// corrected is a text whose end punctuation vanban prints otherwise than
// it was typed, and where the typed mark is.
type corrected struct {
	t     Text
	where string // the list's Vietnamese name
}

// punctuation reports, once for the document, the end punctuation vanban
// printed otherwise than it was typed, as the decree's models print it:
// ";" after each legal basis, addressee and recipient, "." after the last,
// a single addressee on the "Kính gửi:" line without one. Nothing is to
// be fixed, but no change of what was typed goes unsaid (a note, not a
// warning). Adding the punctuation that was left out is no correction.
func (v *validator) punctuation() {
	var found []corrected
	list := func(l TextList, where string, want func(i, n int) string) {
		l = l.NonBlank()
		for i, t := range l {
			if typed := typedEnd(t.Value); typed != "" && typed != want(i, len(l)) {
				found = append(found, corrected{t, where})
			}
		}
	}
	last := func(end string) func(i, n int) string {
		return func(i, n int) string {
			if i == n-1 {
				return end
			}
			return ";"
		}
	}
	list(v.doc.Bases, "căn cứ", last(v.doc.lastBasisEnd()))
	if len(v.doc.To.NonBlank()) == 1 {
		list(v.doc.To, "kính gửi", func(int, int) string { return "" })
	} else {
		list(v.doc.To, "kính gửi", last("."))
	}
	lines := v.doc.recipientLines()
	if len(lines) > 0 {
		end := "."
		if trim(v.doc.Archive.Value) != "" {
			end = ";"
		}
		var flat TextList // the recipients one a line, as recipientLines reads them
		for _, r := range v.doc.Recipients.NonBlank() {
			if len(r.Members.Values()) == 0 {
				flat = append(flat, r)
			}
		}
		list(flat, "nơi nhận", func(i, n int) string {
			if s := oneLine(flat[i].Value); strings.HasSuffix(s, ":") && !strings.HasPrefix(s, "+") {
				return ":" // a group's title
			}
			return last(end)(i, n)
		})
	}
	if len(found) == 0 {
		return
	}
	var where []string
	for _, c := range found {
		if !strings.Contains(strings.Join(where, ","), c.where) {
			where = append(where, c.where)
		}
	}
	first := found[0].t
	at := Locate(v.doc.Source, first, len(strings.TrimRight(first.Value, " \t\n"))-1)
	v.d.NoteAt(at, first.Path, diag.Msg{
		Code: "punctuation.corrected",
		Vi: fmt.Sprintf("vanban đã in dấu câu cuối dòng theo mẫu của Nghị định 30 ở %d chỗ đã gõ khác (%s): "+
			"“;” sau mỗi dòng, “.” sau dòng cuối, một nơi nhận duy nhất sau “Kính gửi:” không có dấu chấm", len(found), strings.Join(where, ", ")),
		En: fmt.Sprintf("vanban printed the end punctuation of Nghị định 30's models in %d places typed otherwise (%s): "+
			"\";\" after each line, \".\" after the last, a single addressee after \"Kính gửi:\" without a full stop", len(found), strings.Join(where, ", ")),
		FixVi: "không cần sửa; gõ dấu câu như vanban in thì ghi chú này không còn",
		FixEn: "nothing; type the punctuation vanban prints and this note goes away",
	})
}

// typedEnd is the end punctuation typed after a line (".", ",", ";" or
// ":"), "" when there is none or the line ends with an ellipsis.
func typedEnd(s string) string {
	s = strings.TrimRight(s, " \t\n")
	if ellipsis(s) {
		return ""
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:", r) {
		return string(r)
	}
	return ""
}
