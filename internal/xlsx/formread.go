package xlsx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
)

// ReadForm reads a filled data-entry form for the period r. file names it
// in messages. A workbook that is not a form, or a form made for another
// unit, period, catalogue or entity, is refused with the reason; the
// cells are read as they are, for report.Form.Read to validate.
func ReadForm(r *report.Report, file string, data []byte) (*report.Filled, *diag.Msg) {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, &diag.Msg{Code: "form.unreadable",
			Vi:    "không đọc được tệp Excel này: " + err.Error(),
			En:    "cannot read this Excel file: " + err.Error(),
			FixVi: "một tệp .xlsx lưu từ Excel hoặc LibreOffice", FixEn: "an .xlsx file saved by Excel or LibreOffice"}
	}
	defer x.Close()
	meta := map[string]string{}
	if props, err := x.GetCustomProps(); err == nil {
		for _, p := range props {
			if k, ok := strings.CutPrefix(p.Name, metaPrefix); ok {
				meta[k] = fmt.Sprint(p.Value)
			}
		}
	}
	if len(meta) == 0 && looksLikeForm(x) {
		return nil, &diag.Msg{Code: "form.identity-lost",
			Vi: "tệp có dạng biểu mẫu của vanban nhưng đã mất thông tin nhận dạng biểu mẫu (đơn vị, kỳ báo cáo): " +
				"thường do tệp được lưu lại bằng một chương trình khác Excel và LibreOffice (Google Sheets, WPS cũ, ứng dụng điện thoại, thư viện openpyxl…)",
			En: "the workbook looks like a vanban form but has lost the form's identity (unit, period): " +
				"usually because it was saved again by a program other than Excel or LibreOffice (Google Sheets, old WPS, phone apps, openpyxl…)",
			FixVi: "mở tệp này bằng Excel hoặc LibreOffice, chép các số liệu sang biểu mẫu gốc đã gửi đơn vị (hoặc biểu mẫu tạo lại bằng vanban form) rồi lưu và nhập tệp đó",
			FixEn: "open it in Excel or LibreOffice, copy the figures into the form as it was sent (or one made again by vanban form), save that and import it"}
	}
	f, msg := r.FormFor(meta)
	if msg != nil {
		return nil, msg
	}
	if i, _ := x.GetSheetIndex(dataSheet); i < 0 {
		return nil, &diag.Msg{Code: "form.no-sheet",
			Vi:    fmt.Sprintf("biểu mẫu không còn trang %q", dataSheet),
			En:    fmt.Sprintf("the form has no sheet %q any more", dataSheet),
			FixVi: "ghi số liệu vào biểu mẫu gốc, giữ nguyên tên các trang", FixEn: "the original form, its sheets as they were"}
	}
	b := layoutForm(f)
	fl := &report.Filled{Form: f, File: file, Sheet: dataSheet,
		Cells: map[string]map[string]report.FormCell{}, Posts: map[string][]report.PostCells{}}
	read := func(ref string) report.FormCell { return readCell(x, ref) }
	for mid, keys := range b.cells {
		fl.Cells[mid] = map[string]report.FormCell{}
		for k, ref := range keys {
			fl.Cells[mid][k] = read(ref)
		}
	}
	for mid, rows := range b.posts {
		for _, row := range rows {
			fl.Posts[mid] = append(fl.Posts[mid], report.PostCells{Post: read(row[0]), Sex: read(row[1])})
		}
	}
	return fl, nil
}

// looksLikeForm reports whether a workbook has a form's two sheets.
func looksLikeForm(x *excelize.File) bool {
	g, _ := x.GetSheetIndex(guideSheet)
	d, _ := x.GetSheetIndex(dataSheet)
	return g >= 0 && d >= 0
}

// readCell reads one cell as it is stored: a number, or text.
func readCell(x *excelize.File, ref string) report.FormCell {
	c := report.FormCell{Ref: ref}
	raw, err := x.GetCellValue(dataSheet, ref, excelize.Options{RawCellValue: true})
	if err != nil || raw == "" {
		return c
	}
	typ, _ := x.GetCellType(dataSheet, ref)
	switch typ {
	case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeFormula:
		if v, err := strconv.ParseFloat(raw, 64); err == nil {
			c.Number, c.Value = true, v
			return c
		}
	case excelize.CellTypeBool:
		raw = map[string]string{"1": "TRUE", "0": "FALSE"}[raw]
	}
	c.Text = raw
	return c
}
