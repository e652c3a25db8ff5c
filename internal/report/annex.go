package report

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// AnnexLine is the link line printed under the title of every sheet, in
// brackets, or "" when the file gives none.
func (r *Report) AnnexLine() string {
	a := r.P.Document.AnnexOf
	if a.Fields == nil {
		t := strings.TrimSpace(a.Text)
		if t == "" || strings.HasPrefix(t, "(") {
			return t
		}
		return "(" + t + ")"
	}
	f := a.Fields
	kind := strings.TrimSpace(f.Type)
	if kind == "" {
		kind = "Báo cáo"
	}
	line := "(Kèm theo " + kind
	if n := strings.TrimSpace(f.Number); strings.HasPrefix(n, "/") {
		// The blank of a number not yet given, as the "Số:" line keeps it.
		line += " số" + strings.Repeat("\u00a0", 6) + n
	} else if n != "" {
		line += " số " + n
	}
	date := f.Date
	if date.IsZero() {
		date = r.P.Document.Date
	}
	of, _ := r.annexIssuer()
	return line + " " + date.Long() + " của " + of + ")"
}

// annexIssuer is who issued the document the workbook is attached to, as
// a sentence writes it; sure is false when the capitals of a field of work
// were given by rule and the clerk should check them.
func (r *Report) annexIssuer() (name string, sure bool) {
	if f := r.P.Document.AnnexOf.Fields; f != nil && strings.TrimSpace(f.Of) != "" {
		return strings.TrimSpace(f.Of), true
	}
	name, guessed := viet.IssuerInText(r.P.Unit.Issuer)
	return name, !guessed
}

// shortDate and shortBody find what an appendix's link line writes in
// full (nd30.md §2.15: "ngày … tháng … năm … của <cơ quan>"): a date
// in figures, "UBND" for Ủy ban nhân dân.
var (
	shortDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b\d{1,2}/\d{1,2}/\d{4}\b`) })
	shortBody = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(^|\s)UBND\s`) })
)

// checkAnnexOf warns about a link line typed in the short forms an
// appendix does not use, and about the capitals of an issuer's name that
// vanban had to guess. The text itself is printed as typed.
func (r *Report) checkAnnexOf(d *decode.Decoder) {
	a := r.P.Document.AnnexOf
	const path = "document.annex_of"
	if d.Reported(path) {
		return
	}
	if a.Fields != nil {
		if name, sure := r.annexIssuer(); !sure {
			d.Warning(path, diag.Msg{Code: "report.annex-of-issuer",
				Vi:    fmt.Sprintf("dòng \"Kèm theo\" viết tên cơ quan là %q: vanban viết chữ hoa theo quy tắc chung vì không biết tên lĩnh vực này, nên không chắc chữ hoa đã đúng (tên riêng trong đó có thể cần viết hoa)", name),
				En:    fmt.Sprintf("the \"Kèm theo\" line writes the name as %q: vanban gave it a sentence's capitals by the general rule, not knowing this field of work, so it cannot be sure of them (a proper name inside may need its own)", name),
				FixVi: fmt.Sprintf("nếu tên đã đúng, ghi annex_of.of: %s để xác nhận; nếu chưa, ghi annex_of.of: tên đúng", name),
				FixEn: fmt.Sprintf("annex_of.of: %s to confirm it, or the right name", name)})
		}
		return
	}
	var vi, en []string
	if m := shortDate().FindString(a.Text); m != "" {
		vi, en = append(vi, "ngày bằng số ("+m+")"), append(en, "the date in figures ("+m+")")
	}
	if shortBody().MatchString(a.Text) {
		vi, en = append(vi, "tên cơ quan viết tắt (UBND)"), append(en, "the body's name abbreviated (UBND)")
	}
	if len(vi) == 0 {
		return
	}
	d.Warning(path, diag.Msg{Code: "report.annex-of-short",
		Vi: fmt.Sprintf("dòng \"Kèm theo\" viết %s; dòng kèm theo của phụ lục (Nghị định 30) viết đủ \"ngày … tháng … năm … của\" và tên cơ quan, như %s",
			strings.Join(vi, " và "), r.annexExample()),
		En: fmt.Sprintf("the \"Kèm theo\" line writes %s; an appendix's link line (Nghị định 30) writes \"ngày … tháng … năm … của\" and the body's name in full, as in %s",
			strings.Join(en, " and "), r.annexExample()),
		FixVi: "ghi annex_of: {number: 215/BC-UBND} để vanban viết đủ dòng này theo ngày báo cáo và tên cơ quan, hoặc tự viết đủ",
		FixEn: "annex_of: {number: 215/BC-UBND}, and vanban writes the line in full from the report's date and the issuer, or write it in full"})
}

// annexExample is the line vanban would write for this report.
func (r *Report) annexExample() string {
	of, _ := r.annexIssuer()
	return "\"" + r.P.Document.Date.Long() + " của " + of + "\""
}
