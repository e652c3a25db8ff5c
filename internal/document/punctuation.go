package document

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
)

// list is one list of lines whose end punctuation the decree's models
// fix, with the rule vanban printed, in both languages.
type list struct {
	vi, en         string // the list's name
	ruleVi, ruleEn string // the punctuation the models print
	found          []Text // the lines typed otherwise
}

// punctuation reports, once for the document, the end punctuation vanban
// printed otherwise than it was typed, as the decree's models print it:
// ";" after each legal basis, addressee and recipient, "." after the last,
// a single addressee on the "Kính gửi:" line without one. Nothing is to
// be fixed, but no change of what was typed goes unsaid (a note, not a
// warning). The note names each list with a correction and the rule of
// that list only, so that a note about căn cứ says nothing of Kính gửi.
// Adding the punctuation that was left out is no correction.
func (v *validator) punctuation() {
	var lists []*list
	check := func(l TextList, want func(i, n int) string, into *list) {
		l = l.NonBlank()
		for i, t := range l {
			if typed := typedEnd(t.Value); typed != "" && typed != want(i, len(l)) {
				into.found = append(into.found, t)
			}
		}
		if len(into.found) > 0 {
			lists = append(lists, into)
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
	basesRule := &list{vi: "căn cứ", en: "legal bases (căn cứ)",
		ruleVi: "“;” sau mỗi căn cứ, “.” sau căn cứ cuối cùng", ruleEn: `";" after each basis, "." after the last`}
	if v.doc.lastBasisEnd() == ";" {
		basesRule.ruleVi = "“;” sau mọi căn cứ, cả căn cứ cuối cùng vì câu ban hành (enacting:) theo sau"
		basesRule.ruleEn = `";" after every basis, the last too, as the enacting sentence follows`
	}
	check(v.doc.Bases, last(v.doc.lastBasisEnd()), basesRule)
	if len(v.doc.To.NonBlank()) == 1 {
		check(v.doc.To, func(int, int) string { return "" }, &list{vi: "kính gửi", en: "addressee (Kính gửi)",
			ruleVi: "một nơi duy nhất trên dòng “Kính gửi:” không có dấu câu ở cuối",
			ruleEn: `a single addressee on the "Kính gửi:" line has no end punctuation`})
	} else {
		check(v.doc.To, last("."), &list{vi: "kính gửi", en: "addressees (Kính gửi)",
			ruleVi: "“;” sau mỗi nơi được gửi, “.” sau nơi cuối cùng", ruleEn: `";" after each addressee, "." after the last`})
	}
	if lines := v.doc.recipientLines(); len(lines) > 0 {
		end, endVi, endEn := ".", "“.” sau nơi nhận cuối cùng", `"." after the last`
		if trim(v.doc.Archive.Value) != "" {
			end, endVi, endEn = ";", "“;” cả sau nơi nhận cuối cùng vì dòng “- Lưu:” theo sau", `";" after the last too, as the "- Lưu:" line follows`
		}
		var flat TextList // the recipients one a line, as recipientLines reads them
		for _, r := range v.doc.Recipients.NonBlank() {
			if len(r.Members.Values()) == 0 {
				flat = append(flat, r)
			}
		}
		title := func(t Text) bool {
			s := oneLine(t.Value)
			return strings.HasSuffix(s, ":") && !strings.HasPrefix(s, "+")
		}
		rule := &list{vi: "nơi nhận", en: "recipients (Nơi nhận)",
			ruleVi: "“;” sau mỗi nơi nhận, " + endVi, ruleEn: `";" after each recipient, ` + endEn}
		if slices.ContainsFunc(flat, title) {
			rule.ruleVi += ", “:” sau tên một nhóm"
			rule.ruleEn += `, ":" after a group's title`
		}
		check(flat, func(i, n int) string {
			if title(flat[i]) {
				return ":"
			}
			return last(end)(i, n)
		}, rule)
	}
	if len(lists) == 0 {
		return
	}
	var vi, en string
	if l := lists[0]; len(lists) == 1 {
		vi = fmt.Sprintf("ở %d chỗ đã gõ khác trong phần %s: %s", len(l.found), l.vi, l.ruleVi)
		en = fmt.Sprintf("in %s typed otherwise in the %s: %s", places(len(l.found)), l.en, l.ruleEn)
	} else {
		n := 0
		var parts, partsEn []string
		for _, l := range lists {
			n += len(l.found)
			parts = append(parts, fmt.Sprintf("phần %s (%d chỗ): %s", l.vi, len(l.found), l.ruleVi))
			partsEn = append(partsEn, fmt.Sprintf("%s (%d): %s", l.en, len(l.found), l.ruleEn))
		}
		vi = fmt.Sprintf("ở %d chỗ đã gõ khác; %s", n, strings.Join(parts, "; "))
		en = fmt.Sprintf("in %s typed otherwise; %s", places(n), strings.Join(partsEn, "; "))
	}
	first := lists[0].found[0]
	at := Locate(v.doc.Source, first, len(strings.TrimRight(first.Value, " \t\n"))-1)
	v.d.NoteAt(at, first.Path, diag.Msg{
		Code:  "punctuation.corrected",
		Vi:    "vanban đã in dấu câu cuối dòng theo mẫu của Nghị định 30 " + vi,
		En:    "vanban printed the end punctuation of Nghị định 30's models " + en,
		FixVi: "không cần sửa; gõ dấu câu như vanban in thì ghi chú này không còn",
		FixEn: "nothing; type the punctuation vanban prints and this note goes away",
	})
}

// places is "1 place" or "n places".
func places(n int) string {
	if n == 1 {
		return "1 place"
	}
	return fmt.Sprintf("%d places", n)
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
