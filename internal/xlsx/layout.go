package xlsx

import (
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/viet"
)

// Styles of the layout. Tables use 12 pt with thin borders; the title
// block follows Nghị định 30 (12 pt issuer and national name, 13 pt motto
// and place-date line, 14 pt title).
var (
	stIssuer = Style{Size: 12, Bold: true, Align: "center", VAlign: "center"}
	stMotto  = Style{Size: 13, Bold: true, Align: "center", VAlign: "center"}
	stRule   = Style{Size: 12, Align: "center", VAlign: "bottom"}
	stForm   = Style{Size: 12, Align: "center", VAlign: "center"}
	stDate   = Style{Size: 13, Italic: true, Align: "center", VAlign: "center"}
	stTitle  = Style{Size: 14, Bold: true, Align: "center", VAlign: "center", Wrap: true}
	stPeriod = Style{Size: 13, Bold: true, Align: "center", VAlign: "center"}
	stAnnex  = Style{Size: 12, Italic: true, Align: "center", VAlign: "center", Wrap: true}

	stHead    = Style{Size: 11, Bold: true, Align: "center", VAlign: "center", Wrap: true, Border: true}
	stCode    = Style{Size: 10, Italic: true, Align: "center", VAlign: "center", Border: true}
	stText    = Style{Size: 12, Align: "left", VAlign: "center", Wrap: true, Border: true}
	stCenter  = Style{Size: 12, Align: "center", VAlign: "center", Wrap: true, Border: true}
	stGroup   = Style{Size: 12, Bold: true, Align: "left", VAlign: "center", Wrap: true, Border: true}
	stGroupNo = Style{Size: 12, Bold: true, Align: "center", VAlign: "center", Border: true}
	stNote    = Style{Size: 11, Align: "left", VAlign: "center", Wrap: true, Border: true}
	stPlain   = Style{Size: 12, Align: "left", VAlign: "top", Wrap: true}
	stItalic  = Style{Size: 12, Italic: true, Align: "left", VAlign: "top", Wrap: true}

	stSignHead = Style{Size: 13, Bold: true, Align: "center", VAlign: "center"}
	stSignNote = Style{Size: 12, Italic: true, Align: "center", VAlign: "center"}
)

// numStyle is a bordered, right-aligned number in the given format.
func numStyle(format string, bold bool) Style {
	return Style{Size: 12, Bold: bold, Align: "right", VAlign: "center", Border: true, Format: format}
}

// headOfUnit signs a form whose file names no signer.
const headOfUnit = "THỦ TRƯỞNG ĐƠN VỊ"

// motto is the national motto; nation the country's name.
const (
	nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	motto  = "Độc lập - Tự do - Hạnh phúc"
)

// Build lays out the report's workbook.
func build(r *report.Report) *book {
	b := &book{
		title:    docTitle(r),
		subject:  periodLabel(r.P.Period.Kind, r.P.Period.Year) + " - " + r.P.Unit.Name,
		creator:  r.P.Unit.Name,
		created:  r.P.Document.Date.String() + "T00:00:00Z",
		keywords: "bình đẳng giới; " + r.Cat.ID,
	}
	refs := map[string]measureRefs{}
	areas := areaSheets(r, refs)
	depts := departmentSheet(r, refs)
	b.sheets = append(b.sheets, summarySheet(r, refs))
	b.sheets = append(b.sheets, areas...)
	if depts != nil {
		b.sheets = append(b.sheets, depts)
	}
	b.sheets = append(b.sheets, notesSheet(r))
	return b
}

// periodLabel names a period as reports do: "6 tháng đầu năm 2017", "Năm 2017".
func periodLabel(k report.PeriodKind, year int) string {
	if k == report.HalfYear {
		return "6 tháng đầu năm " + itoa(year)
	}
	return "Năm " + itoa(year)
}

func itoa(n int) string { return strconv.Itoa(n) }

// titleBlock writes the administrative header into rows 1–8 and returns
// the first free row: issuer (left) and national name and motto (right),
// the rules under them, the form label and place-date line, then the
// title, the period and the annex line across the whole width.
func titleBlock(s *sheet, r *report.Report, form, title string) int {
	s.splitTitle(titleNeeds(r))
	n, left, right := s.cols(), s.left, s.right
	issuer := r.P.Unit.Issuer
	row := 1
	for i := 0; i < max(len(issuer), 2); i++ {
		if i < len(issuer) {
			s.merge(row, 1, row, left, issuer[i], stIssuer)
		}
		switch i {
		case 0:
			s.merge(row, right, row, n, nation, stIssuer)
		case 1:
			s.merge(row, right, row, n, motto, stMotto)
		}
		s.height(row, 16.5)
		row++
	}
	// Rules: runs of underscores, centred under the last issuer line (40 %
	// of its width) and under the motto (its full width).
	if len(issuer) > 0 { // validation requires one
		s.merge(row, 1, row, left, rule(0.4*textWidth(issuer[len(issuer)-1], stIssuer)), stRule)
	}
	s.merge(row, right, row, n, rule(textWidth(motto, stMotto)), stRule)
	s.height(row, 7)
	row++
	s.merge(row, 1, row, left, form, stForm)
	s.merge(row, right, row, n, viet.PlaceDate(r.P.Unit.Place, r.P.Document.Date), stDate)
	s.height(row, 18)
	s.height(row+1, 8)
	row += 2
	s.titleRow = row
	s.merge(row, 1, row, n, title, stTitle)
	s.height(row, fitHeight(title, stTitle, sumPoints(s.widths)))
	row++
	s.merge(row, 1, row, n, periodLabel(r.P.Period.Kind, r.P.Period.Year), stPeriod)
	s.height(row, 17.5)
	row++
	if a := r.AnnexLine(); a != "" {
		s.merge(row, 1, row, n, a, stAnnex)
		s.height(row, fitHeight(a, stAnnex, sumPoints(s.widths)))
		row++
	}
	s.height(row, 8)
	return row + 1
}

// rule is a run of underscores that draws a line of about the given
// width in points. (Underlined spaces would draw a finer line, but
// LibreOffice drops whitespace-only text on some sheets. A bottom border
// on a merge can only span whole columns, which the table sets: under
// the issuer of Biểu 01 it would be column B, 235 pt for a 39 pt rule.)
func rule(widthPt float64) string {
	return strings.Repeat("_", int(widthPt/textWidth("_", stRule)+0.5))
}

// splitTitle chooses the columns of the left (issuer, preparer) and right
// (national name, signer) blocks: the left from column A, at least a third
// of the width, the right to the last column, at least 42 % of it, each
// wide enough for its longest text. A sheet too narrow for both gets a
// wider name column (B) when the left text needs more than all columns
// but the last, and a wider last column otherwise; a column is never made
// wider than a spreadsheet allows, so the search always ends.
func (s *sheet) splitTitle(leftNeed, rightNeed float64) {
	n := len(s.widths)
	for {
		total := sumPoints(s.widths)
		l, r := max(leftNeed, total/3), max(rightNeed, 0.42*total)
		if l+r > total {
			l, r = leftNeed, rightNeed
		}
		s.left, s.right = 0, 0
		for i := 1; i < n && s.left == 0; i++ {
			if spanPoints(s.widths, 1, i) >= l {
				s.left = i
			}
		}
		for i := n; i > s.left && s.right == 0; i-- {
			if spanPoints(s.widths, i, n) >= r {
				s.right = i
			}
		}
		grow := n
		if s.left == 0 {
			grow = 2
		}
		switch {
		case s.left > 0 && s.right > 0:
			return
		case s.widths[grow-1]+2 > maxColWidth:
			// Texts longer than validation allows: share the width.
			s.left = max(s.left, 1)
			s.left = min(s.left, n-1)
			s.right = s.left + 1
			return
		}
		s.widths[grow-1] += 2
	}
}

// maxColWidth is the widest column a spreadsheet allows, in characters.
const maxColWidth = 255

// titleNeeds is the width in points the left and right blocks need for
// their texts, with some air.
func titleNeeds(r *report.Report) (float64, float64) {
	left, right := textWidth("NGƯỜI LẬP BIỂU", stSignHead), textWidth(nation, stIssuer)
	for _, l := range r.P.Unit.Issuer {
		left = max(left, textWidth(l, stIssuer))
	}
	right = max(right, textWidth(motto, stMotto), textWidth(viet.PlaceDate(r.P.Unit.Place, r.P.Document.Date), stDate))
	for _, h := range r.P.Signature.Head {
		right = max(right, textWidth(h, stSignHead))
	}
	return left + 16, right + 16
}

func sumPoints(widths []float64) float64 {
	pt := 0.0
	for _, w := range widths {
		pt += colPoints(w)
	}
	return pt
}

// spanPoints is the width in points of columns c1..c2.
func spanPoints(widths []float64, c1, c2 int) float64 {
	return sumPoints(widths[c1-1 : c2])
}

// signatureBlock writes the preparer (left) and the signer (right) from
// row, one empty row after the table, and returns the next free row.
func signatureBlock(s *sheet, r *report.Report, row int) int {
	s.height(row-1, 8)
	sig := r.P.Signature
	n, left, right := s.cols(), s.left, s.right
	s.merge(row, 1, row, left, "NGƯỜI LẬP BIỂU", stSignHead)
	s.merge(row+1, 1, row+1, left, "(Ký, ghi rõ họ tên)", stSignNote)
	lines := len(sig.Head)
	for i, h := range sig.Head {
		s.merge(row+i, right, row+i, n, h, stSignHead)
	}
	if lines == 0 {
		// The statistical form's signer, who also seals the form.
		s.merge(row, right, row, n, headOfUnit, stSignHead)
		s.merge(row+1, right, row+1, n, "(Ký, đóng dấu, họ tên)", stSignNote)
		lines = 2
	}
	for i := 0; i < max(lines, 2); i++ {
		s.height(row+i, 17)
	}
	row += max(lines, 2)
	// Room for the signature and the seal: with the name's line, about
	// 25 mm on paper at the usual fit-to-width scale.
	s.height(row, 56)
	row++
	s.merge(row, 1, row, left, sig.Preparer, stSignHead)
	s.merge(row, right, row, n, sig.Name, stSignHead)
	s.height(row, 17)
	return row + 1
}
