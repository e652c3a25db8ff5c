package document

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/diag"
)

// Groups of recipients print as they are written: [a, b] on the title's
// line, a list under the title as "+" lines; a title ends with ":" and
// never with ":;".
func TestRecipientGroups(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"recipients:\n  - Như trên\n  - Các bộ: [Nội vụ, Tư pháp, Tài chính]\n  - Lưu trữ lịch sử\narchive: VT, TCCB\n",
			"- Như trên;|- Các bộ: Nội vụ, Tư pháp, Tài chính;|- Lưu trữ lịch sử;|- Lưu: VT, TCCB."},
		{"recipients:\n  - Thủ tướng Chính phủ\n  - Các tỉnh, thành phố:\n      - Hà Nội\n      - Hải Phòng;\narchive: VT\n",
			"- Thủ tướng Chính phủ;|- Các tỉnh, thành phố:|+ Hà Nội;|+ Hải Phòng;|- Lưu: VT."},
		{"recipients:\n  - Như trên\n  - \"Các bộ:\"\n  - + Nội vụ\n  - + Tư pháp\narchive: ''\n",
			"- Như trên;|- Các bộ:|+ Nội vụ;|+ Tư pháp."},
		{"recipients:\n  - \"Các bộ: Nội vụ, Tư pháp\"\n  - Các sở:\n      - Tài chính\narchive: ''\n",
			"- Các bộ: Nội vụ, Tư pháp;|- Các sở:|+ Tài chính."},
	} {
		doc, diags := parse(t, "closing: [x]\n"+c.yaml)
		if doc == nil || diags.HasErrors() {
			t.Fatalf("%s: %v", c.yaml, diags)
		}
		if got := strings.Join(doc.RecipientLines(), "|"); got != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.yaml, got, c.want)
		}
	}
	// Every member is a text of the document, visited by the walk (the
	// font check reads it).
	doc := mustParse(t, "closing: [x]\nrecipients:\n  - Các bộ: [Nội vụ, \"Tư pháp\"]\n")
	var seen []string
	for f := range doc.Fields() {
		if f.Role == RecipientText {
			seen = append(seen, f.Value+"@"+f.Path)
		}
	}
	if got := strings.Join(seen, " "); got != "Các bộ@recipients[1] Nội vụ@recipients[1].members[1] Tư pháp@recipients[1].members[2]" {
		t.Errorf("walk: %s", got)
	}
}

// Punctuation as the decree's models print it: one addressee without a
// full stop, an ellipsis never followed by ".", and one note for the
// corrections, at the first one.
func TestPunctuationAsTheModels(t *testing.T) {
	doc, diags := parse(t, "to: Quốc hội.\nbases: [\"Căn cứ Luật A,\", Căn cứ Luật B;]\nclosing: [Các nội dung khác…]\n"+
		"recipients: [Như trên., Các bộ...]\narchive: ''\n")
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "to", strings.Join(doc.ToLines(), "|"), "Quốc hội")
	check(t, "recipients", strings.Join(doc.RecipientLines(), "|"), "- Như trên;|- Các bộ...")
	var body []string
	for _, b := range doc.Body() {
		body = append(body, Plain(b.Spans))
	}
	check(t, "body", strings.Join(body, "|"), "Căn cứ Luật A;|Căn cứ Luật B.|Các nội dung khác…/.")
	var notes []string
	for _, d := range diags {
		if d.Severity == diag.Note {
			notes = append(notes, d.Format(diag.En))
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "x.yaml:") || !strings.Contains(notes[0], "in 4 places typed otherwise; legal bases (căn cứ) (2): ") ||
		!strings.Contains(notes[0], "; addressee (Kính gửi) (1): ") || !strings.Contains(notes[0], "; recipients (Nơi nhận) (1): ") {
		t.Errorf("notes: %q", notes)
	}
	// A correction of one list is worded for that list only: a note on
	// the căn cứ says nothing of Kính gửi or Nơi nhận.
	for _, c := range []struct{ yaml, want, not string }{
		{"bases: [Căn cứ Luật A;, Căn cứ Luật B;]\n",
			"ở 1 chỗ đã gõ khác trong phần căn cứ: “;” sau mỗi căn cứ, “.” sau căn cứ cuối cùng", "Kính gửi|nơi nhận"},
		{"to: Quốc hội;\nbases: [Căn cứ Luật A;, Căn cứ Luật B.]\n",
			"ở 1 chỗ đã gõ khác trong phần kính gửi: một nơi duy nhất trên dòng “Kính gửi:” không có dấu câu ở cuối", "căn cứ|nơi nhận"},
		{"to: [Bộ A., Bộ B.]\n",
			"ở 1 chỗ đã gõ khác trong phần kính gửi: “;” sau mỗi nơi được gửi, “.” sau nơi cuối cùng", "căn cứ|nơi nhận|duy nhất"},
		{"recipients: [Như trên., Các sở:, + Sở A]\narchive: VT\n",
			"ở 1 chỗ đã gõ khác trong phần nơi nhận: “;” sau mỗi nơi nhận, “;” cả sau nơi nhận cuối cùng vì dòng “- Lưu:” theo sau, “:” sau tên một nhóm", "căn cứ|Kính gửi"},
	} {
		_, diags := parse(t, "closing: [x]\n"+c.yaml)
		var notes []string
		for _, d := range diags {
			if d.Severity == diag.Note {
				notes = append(notes, d.Format(diag.Vi))
			}
		}
		if len(notes) != 1 || !strings.Contains(notes[0], c.want) {
			t.Errorf("%s: notes %q, want one with %q", c.yaml, notes, c.want)
			continue
		}
		for _, not := range strings.Split(c.not, "|") {
			if strings.Contains(strings.SplitN(notes[0], "ghi chú:", 2)[1], not) {
				t.Errorf("%s: the note speaks of %q: %s", c.yaml, not, notes[0])
			}
		}
	}
	// Typed as vanban prints it, nothing is said.
	_, diags = parse(t, "to: Quốc hội\nbases: [Căn cứ Luật A;, Căn cứ Luật B.]\nrecipients: [Như trên;, Các bộ;]\narchive: VT\n")
	for _, d := range diags {
		if d.Severity == diag.Note {
			t.Errorf("note without a correction: %s", d)
		}
	}
}
