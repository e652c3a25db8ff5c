package report

import (
	"fmt"
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
		d.Error("unit.issuer", "the issuer has no line", "the issuing body, one line per item, such as [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN]")
	}
	if y := p.Period.Year; (y < 1990 || y > 2200) && d.Has("period.year") && !d.Reported("period.year") {
		d.Error("period.year", fmt.Sprintf("%d is not a year of a report", y), "a year such as 2017")
	}
	check := func(path, text string, limit int, where string) {
		checkLength(d, diag.Pos{}, path, text, limit, where)
	}
	for i, l := range p.Unit.Issuer {
		check(decode.Index("unit.issuer", i), l, MaxLine, "one line of the issuer block")
	}
	for i, l := range p.Signature.Head {
		check(decode.Index("signature.head", i), l, MaxLine, "one line of the signature block")
	}
	check("signature.name", p.Signature.Name, MaxLine, "one line of the signature block")
	check("signature.preparer", p.Signature.Preparer, MaxLine, "one line of the signature block")
	check("unit.place", p.Unit.Place, MaxShort, "the place-date line")
	check("unit.level", p.Unit.Level, MaxShort, "row labels such as \"Toàn "+p.Unit.Level+"\"")
	check("unit.sublevel", p.Unit.Sublevel, MaxShort, "row labels and sheet titles")
	check("document.form", p.Document.Form, MaxShort, "the form number")
	check("document.title", p.Document.Title, MaxTitle, "the title")
	check("document.annex_of", p.Document.AnnexOf, MaxTitle, "the annex line")
	for i, e := range p.Subunits {
		check(decode.Join(decode.Index("subunits", i), "name"), e.Name, MaxName, "the name column")
	}
	for i, e := range p.Departments {
		check(decode.Join(decode.Index("departments", i), "name"), e.Name, MaxName, "the name column")
	}
	keys := keyPositions(root, "indicator_notes")
	for _, id := range sortedKeys(p.IndNotes) {
		checkLength(d, keys[id], decode.Join("indicator_notes", id), p.IndNotes[id], MaxIndNote, "the \"Ghi chú\" column")
	}
	for i, n := range p.Notes {
		check(decode.Index("notes", i), n, MaxNote, "one note of the notes sheet")
	}
}

func checkLength(d *decode.Decoder, pos diag.Pos, path, text string, limit int, where string) {
	if n := utf8.RuneCountInString(text); n > limit {
		problem(d, diag.Error, pos, path, fmt.Sprintf("the text has %d characters, more than %s can hold", n, where),
			fmt.Sprintf("at most %d characters; shorten it or split it", limit), "văn bản quá dài")
	}
}
