package xlsx

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/report"
)

// A data-entry form is a small workbook sent to one sub-unit or department:
// a sheet of instructions, then the sheet of figures, on A4 portrait so
// that a unit without a computer can fill it in on paper. Only the input
// cells (yellow) are unlocked; data validation refuses what a period file
// would refuse (negative or fractional counts, more women than the total,
// men + women ≠ total, a sex other than nam/nữ); a comment on each
// measure explains it. The form's identity (unit, period, catalogue,
// layout, entity) is stored in the workbook's custom properties, so that
// vanban import reads it back only into the period it was made for.

// Sheet names of a form.
const (
	guideSheet = "Hướng dẫn"
	dataSheet  = "Số liệu"
)

// Words a form's cells offer in their lists.
var (
	flagWords = []string{"Có", "Không"}
	sexWords  = []string{"nam", "nữ"}
)

// fstyle is how a form's cell looks.
type fstyle struct {
	Style
	input bool   // unlocked, yellow
	color string // font colour, "" for black
}

type fcell struct {
	v  any
	f  string
	st fstyle
}

// fsheet is one sheet of a form.
type fsheet struct {
	name       string
	widths     []float64
	cells      map[[2]int]fcell
	heights    map[int]float64
	merges     [][2]string
	valids     []*excelize.DataValidation
	comments   []excelize.Comment
	printCols  int // columns printed (the check column is not)
	titleRow   int // the table header, repeated on every printed page
	freeze     int // rows above the frozen pane
	last       int // last row used
	activeCell string
	keep       [][2]int // row ranges printed on one page, in order
	breaks     []int    // rows a printed page starts at
	onePage    bool     // shrink onto one page
}

func newFsheet(name string, widths ...float64) *fsheet {
	return &fsheet{name: name, widths: widths, cells: map[[2]int]fcell{}, heights: map[int]float64{}, printCols: len(widths)}
}

func (s *fsheet) set(row, col int, v any, st fstyle) {
	s.cells[[2]int{row, col}] = fcell{v: v, st: st}
	s.last = max(s.last, row)
}

func (s *fsheet) formula(row, col int, f string, st fstyle) {
	s.cells[[2]int{row, col}] = fcell{f: f, st: st}
	s.last = max(s.last, row)
}

// merge merges c1..c2 on a row, with the text in the first cell, and sets
// the row tall enough for the text wrapped across the merged width.
func (s *fsheet) merge(row, c1, c2 int, v string, st fstyle) {
	for c := c1; c <= c2; c++ {
		s.set(row, c, nil, st)
	}
	s.set(row, c1, v, st)
	if c2 > c1 {
		s.merges = append(s.merges, [2]string{ref(row, c1), ref(row, c2)})
	}
	s.fit(row, v, st.Style, spanPoints(s.widths, c1, c2))
}

// fit makes a row tall enough for a wrapped text in a width in points.
func (s *fsheet) fit(row int, v string, st Style, width float64) {
	h := math.Max(defaultRowPt+1, fitHeight(v, st, width))
	if !st.Wrap {
		h = math.Max(defaultRowPt+1, lineHeight(st)+4)
	}
	s.heights[row] = math.Max(s.heights[row], h)
}

// Styles of a form.
var (
	fTitle  = fstyle{Style: Style{Size: 14, Bold: true, Align: "center", VAlign: "center", Wrap: true}}
	fPeriod = fstyle{Style: Style{Size: 13, Bold: true, Align: "center", VAlign: "center", Wrap: true}}
	fItalic = fstyle{Style: Style{Size: 12, Italic: true, Align: "center", VAlign: "center", Wrap: true}}
	fLeft   = fstyle{Style: Style{Size: 12, Align: "left", VAlign: "center", Wrap: true}}
	fBoldL  = fstyle{Style: Style{Size: 12, Bold: true, Align: "left", VAlign: "center", Wrap: true}}
	fHead   = fstyle{Style: Style{Size: 11, Bold: true, Align: "center", VAlign: "center", Wrap: true, Border: true}}
	fNo     = fstyle{Style: Style{Size: 12, Bold: true, Align: "center", VAlign: "center", Border: true}}
	fLabel  = fstyle{Style: Style{Size: 12, Bold: true, Align: "left", VAlign: "center", Wrap: true, Border: true}}
	fPart   = fstyle{Style: Style{Size: 12, Align: "left", VAlign: "center", Wrap: true, Border: true}}
	fUnit   = fstyle{Style: Style{Size: 12, Align: "center", VAlign: "center", Wrap: true, Border: true}}
	fNote   = fstyle{Style: Style{Size: 11, Italic: true, Align: "center", VAlign: "center", Wrap: true, Border: true}}
	fText   = fstyle{Style: Style{Size: 12, Align: "left", VAlign: "top", Wrap: true, Border: true}}
	fNum    = fstyle{Style: Style{Size: 12, Align: "right", VAlign: "center", Border: true, Format: "0"}, input: true}
	fChoice = fstyle{Style: Style{Size: 12, Align: "center", VAlign: "center", Border: true}, input: true}
	fPost   = fstyle{Style: Style{Size: 12, Align: "left", VAlign: "center", Wrap: true, Border: true}, input: true}
	fCheck  = fstyle{Style: Style{Size: 11, Italic: true, Align: "left", VAlign: "center", Wrap: true}, color: "C00000"}
	fSign   = fstyle{Style: Style{Size: 13, Bold: true, Align: "center", VAlign: "center", Wrap: true}}
	fSignI  = fstyle{Style: Style{Size: 12, Italic: true, Align: "center", VAlign: "center", Wrap: true}}
)

// Columns of the figures sheet: STT, Nội dung, Đơn vị tính, Số liệu and,
// not printed, Kiểm tra.
const (
	cNo = iota + 1
	cLabel
	cUnit
	cValue
	cCheck
)

// formBook is a form laid out, with the cells the unit fills in.
type formBook struct {
	f            *report.Form
	guide, data  *fsheet
	cells        map[string]map[string]string // measure → key → cell
	posts        map[string][][2]string       // measure → rows of (post, sex) cells
	title, valid string
}

// layoutForm lays out the form of f. The reader lays it out again to find
// the cells: the layout depends only on what the form's identity pins.
func layoutForm(f *report.Form) *formBook {
	b := &formBook{f: f, cells: map[string]map[string]string{}, posts: map[string][][2]string{}}
	b.guide = b.guideSheet()
	b.data = b.dataSheet()
	return b
}

func (b *formBook) period() string {
	p := b.f.R.P.Period
	return periodLabel(p.Kind, p.Year)
}

// guideSheet writes the instructions and, for a form filled on paper,
// the explanation of every measure.
func (b *formBook) guideSheet() *fsheet {
	f, p := b.f, b.f.R.P
	s := newFsheet(guideSheet, 6, 21.5, 49.5)
	row := 1
	s.merge(row, 1, 3, "HƯỚNG DẪN GHI BIỂU THU THẬP SỐ LIỆU BÌNH ĐẲNG GIỚI", fTitle)
	row++
	s.merge(row, 1, 3, b.period(), fPeriod)
	row += 2
	facts := [][2]string{
		{"Đơn vị báo cáo:", f.Entity.Name},
		{"Đơn vị nhận báo cáo:", p.Unit.Name},
		{"Kỳ báo cáo:", b.period()},
	}
	if !p.Period.Cutoff.IsZero() {
		facts = append(facts, [2]string{"Số liệu tính đến:", p.Period.Cutoff.Long()})
	}
	facts = append(facts, [2]string{"Bộ chỉ tiêu:", f.R.Cat.Title})
	for _, fact := range facts {
		s.merge(row, 1, 2, fact[0], fLeft)
		s.merge(row, 3, 3, fact[1], fBoldL)
		row++
	}
	row++
	s.merge(row, 1, 3, "CÁCH GHI", fBoldL)
	row++
	for i, text := range b.instructions() {
		s.set(row, 1, fmt.Sprintf("%d.", i+1), fstyle{Style: Style{Size: 12, Align: "right", VAlign: "top"}})
		s.merge(row, 2, 3, text, fstyle{Style: Style{Size: 12, Align: "left", VAlign: "top", Wrap: true}})
		row++
	}
	row++
	s.merge(row, 1, 3, "GIẢI THÍCH TỪNG SỐ LIỆU", fBoldL)
	row++
	s.set(row, 1, "STT", fHead)
	s.set(row, 2, "Số liệu", fHead)
	s.set(row, 3, "Cách ghi và dùng để tính", fHead)
	s.heights[row] = 18
	s.titleRow = row
	s.keep = append(s.keep, [2]int{1, row})
	row++
	for i, m := range f.Measures {
		s.set(row, 1, int64(i+1), fstyle{Style: Style{Size: 12, Align: "center", VAlign: "top", Border: true}})
		s.set(row, 2, f.Label(m), fText)
		s.set(row, 3, f.Explain(m), fText)
		s.heights[row] = math.Max(fitHeight(f.Label(m), fText.Style, colPoints(s.widths[1])), fitHeight(f.Explain(m), fText.Style, colPoints(s.widths[2])))
		s.keep = append(s.keep, [2]int{row, row})
		s.last = row
		row++
	}
	s.paginate()
	return s
}

func (b *formBook) instructions() []string {
	f, p := b.f, b.f.R.P
	out := []string{
		"Biểu gồm hai trang: \"Hướng dẫn\" (trang này) và \"Số liệu\". Chỉ ghi vào các ô màu vàng ở trang \"Số liệu\"; các ô khác đã được khóa để tránh sửa nhầm.",
		"Ghi số người, số vụ, số lượng (số nguyên), không ghi tỷ lệ phần trăm: " + p.Unit.Name + " tính tỷ lệ từ số liệu của các đơn vị.",
		"Số liệu chưa có hoặc chưa thu thập được thì để trống ô. Chỉ ghi 0 khi số liệu thực sự bằng 0 (ví dụ: không phát hiện trường hợp nào).",
		"Không dùng dấu chấm hay dấu phẩy để ngăn cách hàng nghìn: ghi 1250, không ghi 1.250 hay 1,250.",
	}
	has := map[string]bool{}
	for _, m := range f.Measures {
		has[m.Shape] = true
	}
	if has[report.ShapeSex] {
		out = append(out, "Số liệu theo giới tính: ghi tổng số, số nam và số nữ; nếu chỉ biết hai trong ba số thì ghi hai số đó. Số nữ không lớn hơn tổng số; nam cộng nữ bằng tổng số.")
	}
	if has[report.ShapePosts] {
		out = append(out, "Danh sách chức danh: mỗi dòng một người đang giữ chức danh; ghi tên chức danh (Chủ tịch, Phó Chủ tịch…) và chọn giới tính nam hoặc nữ.")
	}
	if has[report.ShapeFlag] {
		out = append(out, "Câu hỏi có hoặc không: chọn Có hoặc Không trong ô.")
	}
	return append(out,
		"Cột \"Kiểm tra\" bên phải trang \"Số liệu\" (không in ra) báo những số chưa khớp nhau; sửa cho đến khi cột này trống.",
		"Giữ nguyên các trang, dòng và cột của biểu; có thể đổi tên tệp. Đặt chuột vào tên từng số liệu để xem giải thích (cũng có ở bảng dưới đây).",
		"Gửi lại tệp này cho "+p.Unit.Name+". Nếu không gửi được tệp, in trang \"Số liệu\", ghi số liệu, ký và ghi rõ họ tên rồi gửi bản giấy.",
	)
}

// dataSheet writes the figures sheet: the title block, one group of rows
// per measure, and the signatures.
func (b *formBook) dataSheet() *fsheet {
	f, p := b.f, b.f.R.P
	s := newFsheet(dataSheet, 6, 33.75, 10.25, 20.75, 26.75)
	s.printCols = cValue
	row := 1
	s.merge(row, cNo, cValue, "BIỂU THU THẬP SỐ LIỆU BÌNH ĐẲNG GIỚI", fTitle)
	row++
	s.merge(row, cNo, cValue, b.period(), fPeriod)
	row++
	if !p.Period.Cutoff.IsZero() {
		s.merge(row, cNo, cValue, "(Số liệu tính đến "+p.Period.Cutoff.Long()+")", fItalic)
		row++
	}
	row++
	s.merge(row, cNo, cValue, "Đơn vị báo cáo: "+f.Entity.Name, fBoldL)
	row++
	s.merge(row, cNo, cValue, "Đơn vị nhận báo cáo: "+p.Unit.Name, fLeft)
	row++
	s.merge(row, cNo, cValue, "Ghi số liệu vào các ô màu vàng; chưa có số liệu thì để trống, chỉ ghi 0 khi số liệu bằng 0. Cách ghi: xem trang \"Hướng dẫn\".", fstyle{Style: Style{Size: 12, Italic: true, Align: "left", VAlign: "center", Wrap: true}})
	row += 2
	for c, h := range []string{"STT", "Nội dung", "Đơn vị tính", "Số liệu", "Kiểm tra (không in)"} {
		st := fHead
		if c+1 == cCheck {
			st = fstyle{Style: Style{Size: 11, Bold: true, Align: "left", VAlign: "center", Wrap: true}}
		}
		s.set(row, c+1, h, st)
	}
	s.heights[row] = 30
	s.titleRow, s.freeze = row, row
	row++
	s.keep = append(s.keep, [2]int{1, row - 1})
	for i, m := range f.Measures {
		next := b.measureRows(s, m, i+1, row)
		s.keep = append(s.keep, [2]int{row, next - 1})
		row = next
	}
	s.keep = append(s.keep, [2]int{row, b.signature(s, row+1)})
	s.activeCell = b.firstInput()
	s.paginate()
	return s
}

// paginate breaks the sheet into A4 portrait pages between the groups of
// rows that belong together (a measure's rows, the signatures), or
// shrinks it onto one page when it nearly fits.
func (s *fsheet) paginate() {
	for r := 1; r <= s.last; r++ {
		if s.heights[r] == 0 {
			s.heights[r] = defaultRowPt + 1
		}
	}
	width := 0.0
	for _, w := range s.widths[:s.printCols] {
		width += colPoints(w)
	}
	scale := math.Min(1, math.Floor(portraitWidthPt/width*100)/100)
	capacity := portraitHeightPt / scale * pageFill
	total := 0.0
	for r := 1; r <= s.last; r++ {
		total += s.heights[r]
	}
	if total*onePageShrink <= capacity {
		s.onePage = true
		return
	}
	used := 0.0
	for _, k := range s.keep {
		h := 0.0
		for r := k[0]; r <= k[1]; r++ {
			h += s.heights[r]
		}
		if used+h > capacity && used > 0 {
			s.breaks = append(s.breaks, k[0])
			used = s.heights[s.titleRow]
		}
		used += h
	}
}

// Printable area of A4 portrait inside the margins, in points.
const (
	portraitWidthPt  = (210 - marginLeftMM - marginRightMM) * mmPt
	portraitHeightPt = (297 - marginTopMM - marginBottomMM) * mmPt
)

// measureRows writes one measure's rows from row and returns the next row.
func (b *formBook) measureRows(s *fsheet, m *report.Measure, n, row int) int {
	b.cells[m.ID] = map[string]string{}
	head := row
	s.set(row, cNo, int64(n), fNo)
	label := b.f.Label(m)
	s.set(row, cLabel, label, fLabel)
	s.fit(row, label, fLabel.Style, colPoints(s.widths[cLabel-1]))
	s.comments = append(s.comments, excelize.Comment{Cell: ref(row, cLabel), Author: "vanban", Text: label + "\n" + b.f.Explain(m)})
	unit := m.Unit
	switch m.Shape {
	case report.ShapeCount:
		s.set(row, cUnit, unit, fUnit)
		b.input(s, m, "value", row, fNum)
		s.valids = append(s.valids, wholeValidation(ref(row, cValue)))
		return row + 1
	case report.ShapeFlag:
		s.set(row, cUnit, "", fUnit)
		b.input(s, m, "yes", row, fChoice)
		s.valids = append(s.valids, listValidation(ref(row, cValue), flagWords, "Chọn Có hoặc Không."))
		return row + 1
	case report.ShapePosts:
		s.set(row, cUnit, "", fUnit)
		s.set(row, cValue, "Giới tính", fNote)
		row++
		for i := 0; i < report.PostRows; i++ {
			s.set(row, cNo, nil, fNo)
			s.set(row, cLabel, nil, fPost)
			s.set(row, cUnit, "", fUnit)
			s.set(row, cValue, nil, fChoice)
			b.posts[m.ID] = append(b.posts[m.ID], [2]string{ref(row, cLabel), ref(row, cValue)})
			s.valids = append(s.valids, listValidation(ref(row, cValue), sexWords, "Chọn nam hoặc nữ."))
			s.heights[row] = defaultRowPt + 3
			row++
		}
		s.formula(head, cCheck, postsCheck(b.posts[m.ID]), fCheck)
		return row
	}
	// sex and pair: the measure's row, then one row per count.
	s.set(row, cUnit, "", fUnit)
	s.set(row, cValue, nil, fUnit)
	row++
	var parts [][2]string // key, label
	if m.Shape == report.ShapeSex {
		parts = [][2]string{{"total", "Tổng số"}, {"male", "Trong đó: nam"}, {"female", "nữ"}}
	} else {
		parts = [][2]string{{m.First.Key, b.f.PartLabel(m.First)}, {m.Second.Key, b.f.PartLabel(m.Second)}}
	}
	for _, p := range parts {
		s.set(row, cNo, nil, fNo)
		label := "- " + p[1]
		if p[1] == "nữ" {
			label = "                 nữ"
		}
		s.set(row, cLabel, label, fPart)
		s.fit(row, label, fPart.Style, colPoints(s.widths[cLabel-1]))
		s.set(row, cUnit, unit, fUnit)
		b.input(s, m, p[0], row, fNum)
		row++
	}
	c := b.cells[m.ID]
	if m.Shape == report.ShapeSex {
		t, ma, fe := abs(c["total"]), abs(c["male"]), abs(c["female"])
		base := func(x string) string { return fmt.Sprintf("ISNUMBER(%s),%s>=0,%s=INT(%s)", x, x, x, x) }
		sum := fmt.Sprintf("OR(COUNT(%s,%s,%s)<3,%s+%s=%s)", t, ma, fe, ma, fe, t)
		msg := "Ghi số nguyên từ 0 trở lên. Số nam, số nữ không lớn hơn tổng số; nam cộng nữ bằng tổng số."
		s.valids = append(s.valids,
			customValidation(c["total"], fmt.Sprintf("AND(%s,OR(COUNT(%s)=0,%s<=%s),OR(COUNT(%s)=0,%s<=%s),%s)", base(t), ma, ma, t, fe, fe, t, sum), msg),
			customValidation(c["male"], fmt.Sprintf("AND(%s,OR(COUNT(%s)=0,%s<=%s),%s)", base(ma), t, ma, t, sum), msg),
			customValidation(c["female"], fmt.Sprintf("AND(%s,OR(COUNT(%s)=0,%s<=%s),%s)", base(fe), t, fe, t, sum), msg))
		s.formula(head, cCheck, fmt.Sprintf(`IF(COUNT(%s,%s,%s)=1,"Cần ít nhất hai trong ba số",IF(AND(COUNT(%s,%s)=2,%s>%s),"Số nữ lớn hơn tổng số",IF(AND(COUNT(%s,%s)=2,%s>%s),"Số nam lớn hơn tổng số",IF(AND(COUNT(%s,%s,%s)=3,%s+%s<>%s),"Nam cộng nữ khác tổng số",""))))`,
			t, ma, fe, t, fe, fe, t, t, ma, ma, t, t, ma, fe, ma, fe, t), fCheck)
		return row
	}
	a, z := abs(c[m.First.Key]), abs(c[m.Second.Key])
	if m.Subset {
		msg := fmt.Sprintf("Ghi số nguyên từ 0 trở lên. Số \"%s\" không lớn hơn số \"%s\".", lowerFirst(b.f.PartLabel(m.Second)), lowerFirst(b.f.PartLabel(m.First)))
		s.valids = append(s.valids,
			customValidation(c[m.First.Key], fmt.Sprintf("AND(ISNUMBER(%s),%s>=0,%s=INT(%s),OR(COUNT(%s)=0,%s<=%s))", a, a, a, a, z, z, a), msg),
			customValidation(c[m.Second.Key], fmt.Sprintf("AND(ISNUMBER(%s),%s>=0,%s=INT(%s),OR(COUNT(%s)=0,%s<=%s))", z, z, z, z, a, z, a), msg))
		s.formula(head, cCheck, fmt.Sprintf(`IF(COUNT(%s,%s)=1,"Cần ghi cả hai số",IF(AND(COUNT(%s,%s)=2,%s>%s),%s,""))`,
			a, z, a, z, z, a, fmtStr(fmt.Sprintf("Số \"%s\" lớn hơn số \"%s\"", lowerFirst(b.f.PartLabel(m.Second)), lowerFirst(b.f.PartLabel(m.First))))), fCheck)
	} else {
		s.valids = append(s.valids, wholeValidation(c[m.First.Key]), wholeValidation(c[m.Second.Key]))
		s.formula(head, cCheck, fmt.Sprintf(`IF(COUNT(%s,%s)=1,"Cần ghi cả hai số","")`, a, z), fCheck)
	}
	return row
}

// postsCheck flags a row with a post but no sex, or a sex but no post.
func postsCheck(rows [][2]string) string {
	var terms []string
	for _, r := range rows {
		terms = append(terms, fmt.Sprintf(`(LEN(TRIM(%s))>0)<>(LEN(TRIM(%s))>0)`, abs(r[0]), abs(r[1])))
	}
	return fmt.Sprintf(`IF(OR(%s),"Mỗi dòng cần cả chức danh và giới tính","")`, strings.Join(terms, ","))
}

func (b *formBook) input(s *fsheet, m *report.Measure, key string, row int, st fstyle) {
	s.set(row, cValue, nil, st)
	b.cells[m.ID][key] = ref(row, cValue)
}

// firstInput is the first cell the unit fills in, selected on opening.
func (b *formBook) firstInput() string {
	var all []string
	for _, keys := range b.cells {
		for _, c := range keys {
			all = append(all, c)
		}
	}
	for _, rows := range b.posts {
		for _, r := range rows {
			all = append(all, r[0])
		}
	}
	sort.Slice(all, func(i, j int) bool { return cellRow(all[i]) < cellRow(all[j]) })
	if len(all) == 0 {
		return "A1"
	}
	return all[0]
}

func cellRow(ref string) int {
	_, row, _ := excelize.CellNameToCoordinates(ref)
	return row
}

// abs makes a reference absolute: D12 → $D$12.
func abs(r string) string {
	i := strings.IndexAny(r, "0123456789")
	return "$" + r[:i] + "$" + r[i:]
}

// signature writes the preparer's and the head's places to sign and
// returns its last row.
func (b *formBook) signature(s *fsheet, row int) int {
	s.merge(row, cUnit, cValue, "……, ngày … tháng … năm ……", fSignI)
	row++
	s.merge(row, cNo, cLabel, "NGƯỜI LẬP BIỂU", fSign)
	s.merge(row, cUnit, cValue, "THỦ TRƯỞNG ĐƠN VỊ", fSign)
	row++
	s.merge(row, cNo, cLabel, "(Ký, ghi rõ họ tên)", fSignI)
	s.merge(row, cUnit, cValue, "(Ký, ghi rõ họ tên, đóng dấu nếu có)", fSignI)
	s.heights[row+1] = 60
	s.last = row + 1
	return s.last
}

const validTitle = "Số liệu chưa hợp lệ"

func wholeValidation(cell string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	dv.SetRange(0, "999999999999", // a string: the number overflows int on 32-bit systems
		excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, validTitle, "Ghi một số nguyên từ 0 trở lên, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn. Chưa có số liệu thì để trống.")
	return dv
}

func customValidation(cell, formula, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	dv.Type = "custom"
	// excelize writes the formula into the XML as it is.
	dv.Formula1 = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(formula)
	dv.SetError(excelize.DataValidationErrorStyleStop, validTitle, msg)
	return dv
}

func listValidation(cell string, words []string, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	dv.SetDropList(words)
	dv.SetError(excelize.DataValidationErrorStyleStop, validTitle, msg)
	return dv
}

// WriteForm writes the data-entry form of one entity. The same form always
// gives the same bytes.
func WriteForm(f *report.Form, w io.Writer) error {
	b := layoutForm(f)
	x := excelize.NewFile()
	defer x.Close()
	x.SetZipWriter(newSortedZip)
	if err := x.SetDefaultFont(fontName); err != nil {
		return err
	}
	fp := &formPainter{x: x, styles: map[fstyle]int{}}
	for i, s := range []*fsheet{b.guide, b.data} {
		if err := fp.sheet(i, s); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	if err := fp.props(f); err != nil {
		return err
	}
	if err := x.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return err
	}
	return x.Write(w)
}

type formPainter struct {
	x      *excelize.File
	styles map[fstyle]int
}

func (p *formPainter) sheet(i int, s *fsheet) error {
	x := p.x
	if i == 0 {
		if err := x.SetSheetName("Sheet1", s.name); err != nil {
			return err
		}
	} else if _, err := x.NewSheet(s.name); err != nil {
		return err
	}
	for c, w := range s.widths {
		if err := x.SetColWidth(s.name, colName(c+1), colName(c+1), w); err != nil {
			return err
		}
	}
	keys := make([][2]int, 0, len(s.cells))
	for k := range s.cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		c := s.cells[k]
		cell := ref(k[0], k[1])
		id, err := p.style(c.st)
		if err != nil {
			return err
		}
		switch {
		case c.f != "":
			err = x.SetCellFormula(s.name, cell, c.f)
		case c.v != nil:
			err = x.SetCellValue(s.name, cell, c.v)
		}
		if err != nil {
			return err
		}
		if err := x.SetCellStyle(s.name, cell, cell, id); err != nil {
			return err
		}
	}
	rows := make([]int, 0, len(s.heights))
	for r := range s.heights {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	for _, r := range rows {
		if err := x.SetRowHeight(s.name, r, s.heights[r]); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		if err := x.MergeCell(s.name, m[0], m[1]); err != nil {
			return err
		}
	}
	for _, dv := range s.valids {
		if err := x.AddDataValidation(s.name, dv); err != nil {
			return err
		}
	}
	for _, c := range s.comments {
		c.Width, c.Height = 360, 180
		if err := x.AddComment(s.name, c); err != nil {
			return err
		}
	}
	return p.page(s)
}

// page prints the sheet on A4 portrait, one page wide, with the table
// header repeated and the page number at the foot; freezes the panes
// under the header and protects the sheet.
func (p *formPainter) page(s *fsheet) error {
	x := p.x
	yes, size, orient, one, tall := true, 9, "portrait", 1, 0
	if s.onePage {
		tall = 1
	}
	for _, r := range s.breaks {
		if err := x.InsertPageBreak(s.name, ref(r, 1)); err != nil {
			return err
		}
	}
	if err := x.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if err := x.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	inch := func(mm float64) float64 { return math.Round(mm/25.4*10000) / 10000 }
	top, bottom, left, right, hf := inch(marginTopMM), inch(marginBottomMM), inch(marginLeftMM), inch(marginRightMM), inch(headerFooterMM)
	if err := x.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Top: &top, Bottom: &bottom, Left: &left, Right: &right,
		Header: &hf, Footer: &hf, Horizontally: &yes}); err != nil {
		return err
	}
	if err := x.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: `&C&"` + fontName + `,Regular"&10Trang &P/&N`}); err != nil {
		return err
	}
	if err := x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: s.name,
		RefersTo: quoted(s.name, fmt.Sprintf("$A$1:$%s$%d", colName(s.printCols), s.last))}); err != nil {
		return err
	}
	if s.titleRow > 0 {
		if err := x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.name,
			RefersTo: fmt.Sprintf("%s$%d:$%d", quoted(s.name, ""), s.titleRow, s.titleRow)}); err != nil {
			return err
		}
	}
	if s.freeze > 0 {
		if err := x.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: s.freeze, TopLeftCell: ref(s.freeze+1, 1), ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: s.activeCell, ActiveCell: s.activeCell, Pane: "bottomLeft"}}}); err != nil {
			return err
		}
	}
	return x.ProtectSheet(s.name, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true})
}

// style returns the workbook style of a form cell, creating it once.
func (p *formPainter) style(st fstyle) (int, error) {
	if id, ok := p.styles[st]; ok {
		return id, nil
	}
	xs := &excelize.Style{
		Font:       &excelize.Font{Family: fontName, Size: sizeOf(st.Style), Bold: st.Bold, Italic: st.Italic, Color: st.color},
		Alignment:  &excelize.Alignment{Horizontal: st.Align, Vertical: st.VAlign, WrapText: st.Wrap},
		Protection: &excelize.Protection{Locked: !st.input},
	}
	if st.Border {
		for _, side := range []string{"left", "top", "right", "bottom"} {
			xs.Border = append(xs.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	if st.input {
		xs.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	}
	if st.Format == "0" {
		xs.NumFmt = 1
	}
	id, err := p.x.NewStyle(xs)
	if err != nil {
		return 0, err
	}
	p.styles[st] = id
	return id, nil
}

// props stores the form's identity in the workbook's custom properties
// and dates the file with the period's document date.
func (p *formPainter) props(f *report.Form) error {
	meta := f.Meta()
	for _, k := range report.MetaKeys {
		if err := p.x.SetCustomProps(excelize.CustomProperty{Name: metaPrefix + k, Value: meta[k]}); err != nil {
			return err
		}
	}
	created := f.R.P.Document.Date.String() + "T00:00:00Z"
	if err := p.x.SetDocProps(&excelize.DocProperties{
		Title: "Biểu thu thập số liệu bình đẳng giới - " + f.Entity.Name, Subject: periodLabel(f.R.P.Period.Kind, f.R.P.Period.Year) + " - " + f.R.P.Unit.Name,
		Creator: f.R.P.Unit.Name, LastModifiedBy: f.R.P.Unit.Name, Created: created, Modified: created, Language: "vi-VN",
		Keywords: "bình đẳng giới; " + f.R.Cat.ID,
	}); err != nil {
		return err
	}
	return p.x.SetAppProps(&excelize.AppProperties{Application: "vanban"})
}

// metaPrefix starts the names of the custom properties holding a form's
// identity.
const metaPrefix = "vanban."
