package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// Longest texts, in characters. One-line texts of the title and signature
// blocks must fit half a landscape page; wrapped texts must fit the
// tallest row a spreadsheet allows (409 pt) in their column. The limits
// are generous for real reports and keep the workbook free of cut text.
const (
	MaxLine    = 60   // issuer and signature lines, names of the signers
	MaxShort   = 40   // place, level names, form number
	MaxTitle   = 300  // title and annex line, across the whole sheet
	MaxName    = 100  // a sub-unit's or department's name, in a narrow column
	MaxIndNote = 300  // a note in the summary's "Ghi chú" column
	MaxNote    = 2000 // a general note on the notes sheet
)

// checkTexts refuses an empty issuer, an impossible year and texts too
// long for their place in the workbook.
func (r *Report) checkTexts(d *decode.Decoder, root *yaml.Node) {
	p := r.P
	if len(p.Unit.Issuer) == 0 && d.Has("unit.issuer") && !d.Reported("unit.issuer") {
		d.Problem("unit.issuer", diag.Msg{Code: "report.issuer-empty", Vi: "tên cơ quan ban hành chưa có dòng nào", En: "the issuer has no line",
			FixVi: "tên cơ quan, mỗi dòng một mục, ví dụ [ỦY BAN NHÂN DÂN, XÃ AN BÌNH]", FixEn: "the issuing body, one line per item, such as [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN]"})
	}
	if y := p.Period.Year; (y < 1990 || y > 2200) && d.Has("period.year") && !d.Reported("period.year") {
		d.Problem("period.year", diag.Msg{Code: "report.year", Vi: fmt.Sprintf("%d không phải năm của một báo cáo", y), En: fmt.Sprintf("%d is not a year of a report", y),
			FixVi: "một năm như 2025", FixEn: "a year such as 2017"})
	}
	r.checkCutoffNote(d)
	check := func(path, text string, limit int, where [2]string) {
		checkLength(d, diag.Pos{}, path, text, limit, where)
	}
	line := [2]string{"một dòng của khối tên cơ quan", "one line of the issuer block"}
	sign := [2]string{"một dòng của khối chữ ký", "one line of the signature block"}
	nameCol := [2]string{"cột tên đơn vị", "the name column"}
	for i, l := range p.Unit.Issuer {
		check(decode.Index("unit.issuer", i), l, MaxLine, line)
	}
	for i, l := range p.Signature.Head {
		check(decode.Index("signature.head", i), l, MaxLine, sign)
	}
	check("signature.name", p.Signature.Name, MaxLine, sign)
	check("signature.preparer", p.Signature.Preparer, MaxLine, sign)
	check("unit.place", p.Unit.Place, MaxShort, [2]string{"dòng địa danh, ngày tháng", "the place-date line"})
	check("unit.level", p.Unit.Level, MaxShort, [2]string{"tên dòng như \"Toàn " + p.Unit.Level + "\"", "row labels such as \"Toàn " + p.Unit.Level + "\""})
	check("unit.sublevel", p.Unit.Sublevel, MaxShort, [2]string{"tên dòng và tên biểu", "row labels and sheet titles"})
	check("document.form", p.Document.Form, MaxShort, [2]string{"số hiệu biểu", "the form number"})
	check("document.title", p.Document.Title, MaxTitle, [2]string{"tên biểu", "the title"})
	annex := p.Document.AnnexOf.Text // as typed, or as vanban writes it from its parts
	if p.Document.AnnexOf.Fields != nil {
		annex = r.AnnexLine()
	}
	check("document.annex_of", annex, MaxTitle, [2]string{"dòng kèm theo văn bản", "the annex line"})
	r.checkAnnexOf(d)
	for i, e := range p.Subunits {
		check(decode.Join(decode.Index("subunits", i), "name"), e.Name, MaxName, nameCol)
	}
	for i, e := range p.Departments {
		check(decode.Join(decode.Index("departments", i), "name"), e.Name, MaxName, nameCol)
	}
	keys := keyPositions(root, "indicator_notes")
	for _, id := range sortedKeys(p.IndNotes) {
		checkLength(d, keys[id], decode.Join("indicator_notes", id), p.IndNotes[id], MaxIndNote, [2]string{"cột \"Ghi chú\"", "the \"Ghi chú\" column"})
	}
	for i, n := range p.Notes {
		check(decode.Index("notes", i), n, MaxNote, [2]string{"một ghi chú của biểu ghi chú", "one note of the notes sheet"})
	}
}

func checkLength(d *decode.Decoder, pos diag.Pos, path, text string, limit int, where [2]string) {
	if n := utf8.RuneCountInString(text); n > limit {
		problem(d, diag.Error, pos, path, diag.Msg{Code: "report.text-too-long",
			Vi:    fmt.Sprintf("văn bản dài %d ký tự, %s không chứa hết", n, where[0]),
			En:    fmt.Sprintf("the text has %d characters, more than %s can hold", n, where[1]),
			FixVi: fmt.Sprintf("tối đa %d ký tự; rút gọn hoặc tách ra", limit), FixEn: fmt.Sprintf("at most %d characters; shorten it or split it", limit)})
	}
}

// checkCutoffNote warns about a note that restates the cutoff date, which
// Biểu 04 already prints from period.cutoff: a signer would strike one of
// the two lines (the clerk's trial: the starter pre-filled it).
func (r *Report) checkCutoffNote(d *decode.Decoder) {
	if r.P.Period.Cutoff.IsZero() {
		return
	}
	for i, n := range r.P.Notes {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(n)), "số liệu tính đến") {
			d.Warning(decode.Index("notes", i), diag.Msg{Code: "report.note-repeats-cutoff",
				Vi:    fmt.Sprintf("ghi chú này nhắc lại ngày tính số liệu, mà Biểu 04 đã in theo cutoff (\"Số liệu tính đến %s.\"): hai dòng sẽ trùng nhau", r.P.Period.Cutoff.Long()),
				En:    fmt.Sprintf("this note restates the cutoff date, which Biểu 04 already prints from period.cutoff (\"Số liệu tính đến %s.\"): the two lines would repeat each other", r.P.Period.Cutoff.Long()),
				FixVi: "xóa dòng ghi chú này (hoặc xóa cutoff nếu muốn giữ cách viết của mình)",
				FixEn: "no such note (or no cutoff, to keep your wording)"})
		}
	}
}
