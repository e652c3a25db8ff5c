package xlsx

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/report"
)

// book is a workbook laid out in memory.
type book struct {
	sheets   []*sheet
	title    string
	subject  string
	creator  string
	created  string // W3CDTF, from the document date
	keywords string
}

// paintOptions change how a book is written.
type paintOptions struct {
	// noCache leaves formula cells without their cached values, so that a
	// spreadsheet program must compute every one (used to check the
	// formulas against LibreOffice).
	noCache bool
}

// fontName is the font named in the workbook. Nghị định 30 requires Times
// New Roman; machines without it substitute a metric-compatible font
// (Liberation Serif), so the layout is the same.
const fontName = "Times New Roman"

// paint writes the book as an .xlsx file. Every sheet is streamed so that
// formula cells carry their values; the zip entries are sorted so that the
// same book always gives the same bytes.
func paint(b *book, w io.Writer, opt paintOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(newSortedZip)
	if err := f.SetDefaultFont(fontName); err != nil {
		return err
	}
	p := &painter{f: f, styles: map[Style]int{}, opt: opt}
	for i, s := range b.sheets {
		if err := p.addSheet(i, s); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	if err := p.workbookProps(b); err != nil {
		return err
	}
	return f.Write(w)
}

type painter struct {
	f      *excelize.File
	styles map[Style]int
	opt    paintOptions
}

func (p *painter) addSheet(i int, s *sheet) error {
	if i == 0 {
		if err := p.f.SetSheetName("Sheet1", s.name); err != nil {
			return err
		}
	} else if _, err := p.f.NewSheet(s.name); err != nil {
		return err
	}
	if err := p.pageSetup(s); err != nil {
		return err
	}
	sw, err := p.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	if err := p.guard(s); err != nil {
		return err
	}
	if err := p.comments(s); err != nil {
		return err
	}
	if err := p.stream(sw, s); err != nil {
		return err
	}
	if s.titleTo > 0 {
		return p.f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("%s$%d:$%d", quoted(s.name, ""), s.titleFrom, s.titleTo),
			Scope:    s.name,
		})
	}
	return nil
}

// pageSetup prints the sheet on A4 landscape, one page wide (and one page
// tall when it nearly fits; at a scale of its own when that saves a last
// page of one or two rows), centred, numbered as Nghị định 30 numbers an
// appendix: the page number centred in the top margin, in Arabic numerals,
// not shown on the first page, each biểu numbered from its own page 1. The
// sheet properties must be set before streaming starts, since the stream
// writes them first.
func (p *painter) pageSetup(s *sheet) error {
	yes, size, orient, one, tall, first := true, 9, "landscape", 1, 0, uint(1)
	if s.onePage {
		tall = 1
	}
	layout := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall, FirstPageNumber: &first}
	if s.scale > 0 {
		// A scale of its own, a little below the one that fits the width.
		yes, layout.FitToWidth, layout.FitToHeight = false, nil, nil
		scale := uint(s.scale)
		layout.AdjustTo = &scale
	}
	if err := p.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if err := p.f.SetPageLayout(s.name, layout); err != nil {
		return err
	}
	inch := func(mm float64) float64 { return math.Round(mm/25.4*10000) / 10000 }
	top, bottom, left, right, hf := inch(marginTopMM), inch(marginBottomMM), inch(marginLeftMM), inch(marginRightMM), inch(headerFooterMM)
	if err := p.f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Top: &top, Bottom: &bottom, Left: &left, Right: &right,
		Header: &hf, Footer: &hf, Horizontally: &yes}); err != nil {
		return err
	}
	return p.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{DifferentFirst: true,
		OddHeader: pageNumberHeader, FirstHeader: ""})
}

// pageNumberHeader is the page number, 13 pt regular, centred in the top
// margin (Nghị định 30: 13–14 pt, from page 2 on).
const pageNumberHeader = `&C&"` + fontName + `,Regular"&13&P`

// notesStay tells a clerk about to type a figure into the workbook what
// follows and what does not (the input message, shown when the cell is
// selected, is never printed).
const notesStay = "Kết quả và đánh giá tự tính lại, các ghi chú thì không: nên sửa tệp số liệu rồi lập lại biểu."

// guard protects the sheet and validates the cells figures are typed in.
// Every cell is locked: the notes and the lists of units without figures
// are printed as of the render, so a figure typed into Biểu 02 would leave
// them saying what is no longer true; the way to change a figure is the
// period file. The protection has no password (Review › Unprotect Sheet
// lifts it) and still lets the user select cells, resize and format rows
// and columns. Should the user lift it, data validation refuses what would
// silently drop a unit from the totals: a text such as "Có" in a count or
// a yes/no cell (SUM and COUNT skip text), a negative or fractional count.
func (p *painter) guard(s *sheet) error {
	add := func(cells []string, lo, hi float64, title, msg string) error {
		if len(cells) == 0 {
			return nil
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(strings.Join(cells, " "))
		if err := dv.SetRange(lo, hi, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
		dv.SetInput(title, msg)
		return p.f.AddDataValidation(s.name, dv)
	}
	if err := add(s.inputs, 0, report.MaxCount, "Số liệu", "Nhập một số nguyên từ 0 trở lên (không nhập chữ, số âm hay số lẻ); để trống nếu đơn vị chưa báo cáo. "+notesStay); err != nil {
		return err
	}
	if err := add(s.flags, 0, 1, "Có / không", "Nhập 1 nếu có, 0 nếu không; để trống nếu đơn vị chưa báo cáo. "+notesStay); err != nil {
		return err
	}
	return p.f.ProtectSheet(s.name, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatCells: true, FormatColumns: true, FormatRows: true,
	})
}

// comments writes the sheet's remarks as cell comments signed "vanban",
// which neither Excel nor LibreOffice prints unless asked to. Like the
// protection, they must be added before the stream is flushed, which
// writes the sheet's reference to them.
func (p *painter) comments(s *sheet) error {
	for _, rm := range s.remarks {
		if err := p.f.AddComment(s.name, excelize.Comment{Cell: ref(rm.row, rm.col), Author: remarkAuthor,
			Paragraph: []excelize.RichTextRun{{Text: remarkAuthor + ":\n", Font: &excelize.Font{Bold: true}}, {Text: rm.text}},
			Width:     400, Height: 200}); err != nil {
			return err
		}
	}
	return nil
}

// remarkAuthor signs the comments vanban writes.
const remarkAuthor = "vanban"

func (p *painter) stream(sw *excelize.StreamWriter, s *sheet) error {
	for c, w := range s.widths {
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	if s.freezeRows > 0 || s.freezeCols > 0 {
		if err := p.freeze(sw, s); err != nil {
			return err
		}
	}
	for r, row := range s.rows {
		values, err := p.rowValues(row)
		if err != nil {
			return err
		}
		opts := excelize.RowOpts{Height: s.heights[r+1]}
		if err := sw.SetRow(ref(r+1, 1), values, opts); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	for _, b := range s.breaks {
		if err := sw.InsertPageBreak(ref(b, 1)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// freeze freezes the column headers (and the unit names of Biểu 02) in
// place: the window opens scrolled to the headers, so that the frozen part
// holds them alone and not the title block above them (348 px of a
// laptop's screen before).
func (p *painter) freeze(sw *excelize.StreamWriter, s *sheet) error {
	top := max(s.freezeFrom, 1)
	pane := "bottomLeft"
	if s.freezeCols > 0 {
		pane = "bottomRight"
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: s.freezeCols, YSplit: s.freezeRows - top + 1,
		TopLeftCell: ref(s.freezeRows+1, s.freezeCols+1), ActivePane: pane}); err != nil {
		return err
	}
	view := ref(top, 1)
	return p.f.SetSheetView(s.name, 0, &excelize.ViewOptions{TopLeftCell: &view})
}

func (p *painter) rowValues(row []cell) ([]any, error) {
	values := make([]any, len(row))
	for i, c := range row {
		if !c.set {
			continue
		}
		id, err := p.style(c.style)
		if err != nil {
			return nil, err
		}
		v := c.v
		if c.f != "" && p.opt.noCache {
			v = nil
		}
		values[i] = excelize.Cell{StyleID: id, Formula: c.f, Value: v}
	}
	return values, nil
}

// style returns the workbook style for st, creating it once.
func (p *painter) style(st Style) (int, error) {
	if id, ok := p.styles[st]; ok {
		return id, nil
	}
	size := st.Size
	if size == 0 {
		size = 12
	}
	xs := &excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: size, Bold: st.Bold, Italic: st.Italic},
		Alignment: &excelize.Alignment{Horizontal: st.Align, Vertical: st.VAlign, WrapText: st.Wrap},
	}
	if st.Border {
		for _, side := range []string{"left", "top", "right", "bottom"} {
			xs.Border = append(xs.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	switch st.Format {
	case "":
	case "0":
		xs.NumFmt = 1
	case "0.00":
		xs.NumFmt = 2
	case "#,##0":
		xs.NumFmt = 3
	default:
		code := st.Format
		xs.CustomNumFmt = &code
	}
	id, err := p.f.NewStyle(xs)
	if err != nil {
		return 0, err
	}
	p.styles[st] = id
	return id, nil
}

// workbookProps sets recalculation on load and document properties whose
// dates come from the input, never from the clock.
func (p *painter) workbookProps(b *book) error {
	yes := true
	if err := p.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}); err != nil {
		return err
	}
	if err := p.f.SetDocProps(&excelize.DocProperties{
		Title: b.title, Subject: b.subject, Creator: b.creator, LastModifiedBy: b.creator,
		Keywords: b.keywords, Created: b.created, Modified: b.created, Language: "vi-VN",
	}); err != nil {
		return err
	}
	// No SetActiveSheet: the first sheet is active already, and the call
	// would make excelize parse and re-serialise every streamed sheet.
	return p.f.SetAppProps(&excelize.AppProperties{Application: "vanban"})
}
