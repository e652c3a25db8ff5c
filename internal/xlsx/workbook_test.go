package xlsx

import (
	"bytes"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSameInputSameBytes renders each example several times: every
// workbook must be byte-identical (map order, streamed sheets and the
// clock must not leak into the file).
func TestSameInputSameBytes(t *testing.T) {
	for _, file := range allExamples(t) {
		r := load(t, file)
		first := render(t, r)
		for i := 0; i < 5; i++ {
			if again := render(t, load(t, file)); !bytes.Equal(first, again) {
				t.Fatalf("%s: render %d differs from the first", file, i+2)
			}
		}
	}
}

// TestPrintSetup checks what a printed copy depends on: A4 landscape one
// page wide, header rows repeated (a sheet-scoped Print_Titles), frozen
// panes, recalculation on load and dates from the input.
func TestPrintSetup(t *testing.T) {
	f := open(t, render(t, load(t, examples[0])))
	sheets := f.GetSheetList()
	want := []string{"01_TongHop", "02a_XaPhuong", "02b_XaPhuong", "02c_XaPhuong", "03_Nganh", "04_GhiChu"}
	if strings.Join(sheets, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %v, want %v", sheets, want)
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sh := range sheets {
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
			t.Errorf("%s: paper %d %s, fit %d pages wide; want A4 (9) landscape, 1", sh, *pl.Size, *pl.Orientation, *pl.FitToWidth)
		}
		// Nghị định 30's margins: 20 mm top and bottom, 30 mm on the binding
		// side, 15 mm on the right.
		m, _ := f.GetPageMargins(sh)
		for _, side := range []struct {
			name string
			in   *float64
			mm   float64
		}{{"top", m.Top, 20}, {"bottom", m.Bottom, 20}, {"left", m.Left, 30}, {"right", m.Right, 15}} {
			if side.in == nil || math.Abs(*side.in*25.4-side.mm) > 0.01 {
				t.Errorf("%s: %s margin %v in, want %v mm", sh, side.name, side.in, side.mm)
			}
		}
		props, _ := f.GetSheetProps(sh)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit-to-page is off, so the one-page-wide setting is ignored", sh)
		}
		if sh == "04_GhiChu" {
			continue
		}
		if titles[sh] == "" {
			t.Errorf("%s: no sheet-scoped Print_Titles", sh)
		}
		panes, _ := f.GetPanes(sh)
		if !panes.Freeze {
			t.Errorf("%s: panes are not frozen", sh)
		}
	}
	if titles["01_TongHop"] != "'01_TongHop'!$10:$12" {
		t.Errorf("summary print titles %q, want the three header rows '01_TongHop'!$10:$12", titles["01_TongHop"])
	}
	calc, _ := f.GetCalcProps()
	if calc.FullCalcOnLoad == nil || !*calc.FullCalcOnLoad {
		t.Error("full calculation on load is not set")
	}
	props, _ := f.GetDocProps()
	if props.Created != "2017-06-20T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document dates %q/%q, want the report's date", props.Created, props.Modified)
	}
}

// TestTitleBlockAndFont checks the administrative header and that every
// style names Times New Roman.
func TestTitleBlockAndFont(t *testing.T) {
	f := open(t, render(t, load(t, examples[0])))
	for cell, want := range map[string]string{
		"A1":  "ỦY BAN NHÂN DÂN",
		"A2":  "THỊ XÃ BỈM SƠN",
		"G1":  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"G2":  "Độc lập - Tự do - Hạnh phúc",
		"A4":  "Biểu số 01",
		"G4":  "Bỉm Sơn, ngày 20 tháng 6 năm 2017",
		"A6":  "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU BÌNH ĐẲNG GIỚI",
		"A7":  "6 tháng đầu năm 2017",
		"A8":  "(Kèm theo Báo cáo số 112/BC-UBND ngày 20 tháng 6 năm 2017 của Ủy ban nhân dân thị xã Bỉm Sơn)",
		"E11": "Năm 2017",
		"F11": "6 tháng đầu năm 2016 (cùng kỳ)",
	} {
		got, _ := f.GetCellValue("01_TongHop", cell)
		if got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if typ, _ := f.GetCellType("01_TongHop", "G4"); typ == excelize.CellTypeDate || typ == excelize.CellTypeNumber {
		t.Error("the place-date line must be text, not a date serial")
	}
	for i := 0; i < 400; i++ {
		st, err := f.GetStyle(i)
		if err != nil {
			break
		}
		if st.Font != nil && st.Font.Family != fontName {
			t.Errorf("style %d uses the font %q", i, st.Font.Family)
		}
	}
	mergedTitle := false
	merges, _ := f.GetMergeCells("01_TongHop")
	for _, m := range merges {
		if m.GetStartAxis() == "A6" && m.GetEndAxis() == "K6" {
			mergedTitle = true
		}
	}
	if !mergedTitle {
		t.Error("the title is not merged across the table (A6:K6)")
	}
}

// TestAssessmentsInWorkbook reads the assessment column: flow indicators
// are "Đang thực hiện" in the half-year report and judged in the annual
// one, and the count row reads x/y.
func TestAssessmentsInWorkbook(t *testing.T) {
	judge := func(file string) map[string]string {
		f := open(t, render(t, load(t, file)))
		rows, _ := f.GetRows("01_TongHop")
		out := map[string]string{}
		for _, row := range rows {
			if len(row) > sJudge-1 && len(row) > 1 {
				out[row[sName-1]] = row[sJudge-1]
			}
			if len(row) > 1 && strings.HasPrefix(row[1], "Số chỉ tiêu đạt") {
				out["tally"] = row[1]
			}
		}
		return out
	}
	const jobs = "Tỷ lệ nữ trong tổng số người được tạo việc làm mới (mỗi giới ít nhất 40%)"
	const hdnd = "Tỷ lệ nữ đại biểu Hội đồng nhân dân nhiệm kỳ 2016-2021 (cấp thị xã và xã, phường)"
	half, year := judge(examples[0]), judge(examples[1])
	// A share of new jobs is a rate: judged in the half-year report too.
	if half[jobs] != "Đạt" || year[jobs] != "Đạt" {
		t.Errorf("new jobs: half-year %q, year %q; want Đạt, Đạt", half[jobs], year[jobs])
	}
	if half[hdnd] != "Chưa đạt" || year[hdnd] != "Chưa đạt" {
		t.Errorf("HĐND 28.13 %% against > 30: %q, %q", half[hdnd], year[hdnd])
	}
	if half["tally"] != "Số chỉ tiêu đạt: 10/20 chỉ tiêu được đánh giá" {
		t.Errorf("half-year tally %q", half["tally"])
	}
	if year["tally"] != "Số chỉ tiêu đạt: 12/20 chỉ tiêu được đánh giá" {
		t.Errorf("annual tally %q", year["tally"])
	}
}

// TestMissingSubunitInWorkbook: Hà Lan's births are empty cells (not 0),
// the town total excludes them, and the note names Hà Lan.
func TestMissingSubunitInWorkbook(t *testing.T) {
	f := open(t, render(t, load(t, examples[1])))
	rows, _ := f.GetRows("02b_XaPhuong", excelize.Options{RawCellValue: true})
	var haLan, total []string
	for _, row := range rows {
		if len(row) > 1 && row[1] == "Xã Hà Lan" {
			haLan = row
		}
		if len(row) > 1 && row[1] == "Toàn thị xã" {
			total = row
		}
	}
	// Columns: new jobs C–F, births G–J (total, boys, girls, ratio).
	if haLan == nil || haLan[6] != "" || haLan[7] != "" || haLan[8] != "" {
		t.Fatalf("Hà Lan births should be empty, row %q", haLan)
	}
	if total[6] != "939" || total[7] != "497" || total[8] != "442" || total[9] != "112.4" {
		t.Errorf("town births %v, want 939 = 497 + 442, ratio 112.4", total[6:10])
	}
	notes, _ := f.GetRows("04_GhiChu")
	found := false
	for _, row := range notes {
		found = found || (len(row) > 1 && row[1] == "Chưa có số liệu: Xã Hà Lan (Trẻ sinh ra sống).")
	}
	if !found {
		t.Error("the notes do not list Hà Lan's missing births")
	}
}

// TestSubunitScopeInWorkbook is the reviewer's case: the town's own radio
// items and officer added under town: must not change the shares of wards
// and communes (50.00 and 87.50, not 55.56 and 88.89), neither in vanban's
// values nor in the formulas, even after a clerk types figures into the
// town row of sheet 02 (whose cells read "x").
func TestSubunitScopeInWorkbook(t *testing.T) {
	src, err := os.ReadFile(examples[1])
	if err != nil {
		t.Fatal(err)
	}
	town := "  town:                                  # cấp thị xã\n"
	if !bytes.Contains(src, []byte(town)) {
		t.Fatal("no town block in the example")
	}
	src = bytes.Replace(src, []byte(town), []byte(town+"    tin_bai_bdg: 30\n    can_bo_phu_trach: true\n"), 1)
	r := loadSrc(t, examples[1], src)
	f := open(t, render(t, r))
	want := map[string]string{"MT5.CT3": "50", "MT7.CT3": "87.5"}
	cells := map[string]string{}
	for id := range want {
		ind := r.Cat.Indicator(id)
		rows, _ := f.GetRows("01_TongHop")
		for i, row := range rows {
			if len(row) > 1 && row[1] == r.Name(ind) {
				cells[id] = ref(i+1, sValue)
			}
		}
		if cells[id] == "" {
			t.Fatalf("no row for %s", id)
		}
	}
	check := func(when string) {
		for id, cell := range cells {
			got, err := f.CalcCellValue("01_TongHop", cell, excelize.Options{RawCellValue: true})
			if err != nil || got != want[id] {
				t.Errorf("%s: %s calculated %q (%v), want %s", when, id, got, err, want[id])
			}
			cached, _ := f.GetCellValue("01_TongHop", cell, excelize.Options{RawCellValue: true})
			if cached != want[id] {
				t.Errorf("%s: %s cached %q, want %s", when, id, cached, want[id])
			}
		}
	}
	check("as written")
	edited := 0
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for i, row := range rows {
			if len(row) < 2 || row[1] != "Cấp thị xã" {
				continue
			}
			for c, v := range row {
				if v == "x" {
					f.SetCellValue(sh, ref(i+1, c+1), 1)
					edited++
				}
			}
		}
	}
	if edited < 3 {
		t.Fatalf("%d town cells marked x, want the radio items (count and flag) and the officer flag", edited)
	}
	check("after typing 1 into the town's x cells")
}

// TestAssessmentAfterEditing: the assessment tells "nobody reported" from
// "denominator 0" by itself, so it stays right when a clerk fills in or
// clears the cells of Biểu 02 of a measure nobody had reported: a pair
// (victims detected and served) and sex figures, whose total is itself a
// formula (births: boys, girls).
func TestAssessmentAfterEditing(t *testing.T) {
	src, err := os.ReadFile(examples[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ind, measure, block string
		first               int // offset of the first edited column in the block
		steps               []editStep
	}{
		{"MT6.CT2a", `nan_nhan_blgd: \{detected: \d+, served: \d+\}`, "Nạn nhân bạo lực gia đình", 0, []editStep{
			{nil, nil, "Chưa có số liệu"}, // as written: nobody reported
			{0, 0, "Không phát sinh"},     // Ba Đình reports no case
			{4, 3, "Đạt"},                 // 75 % against 45 %
			{4, 1, "Chưa đạt"},
			{nil, nil, "Chưa có số liệu"}, // cleared again
		}},
		{"MT4.CT1", `sinh: (\{male: \d+, female: \d+\}|~)`, "Trẻ sinh ra sống", 1, []editStep{
			{nil, nil, "Chưa có số liệu"},
			{0, 0, "Không phát sinh"},
			{55, 50, "Đạt"}, // 110 boys per 100 girls against ≤ 113
			{60, 50, "Chưa đạt"},
		}},
	} {
		edited := regexp.MustCompile(c.measure).ReplaceAll(src, []byte(strings.SplitN(c.measure, ":", 2)[0]+": ~"))
		r := loadSrc(t, examples[1], edited)
		f := open(t, render(t, r))
		judge := cellOf(f, "01_TongHop", r.Name(r.Cat.Indicator(c.ind)), sJudge)
		sheet, row, col := blockCell(f, c.block, "Phường Ba Đình")
		if judge == "" || sheet == "" {
			t.Fatalf("%s: assessment cell %q, figures on sheet %q", c.ind, judge, sheet)
		}
		for _, step := range c.steps {
			f.SetCellValue(sheet, ref(row, col+c.first), step.a)
			f.SetCellValue(sheet, ref(row, col+c.first+1), step.b)
			got, err := f.CalcCellValue("01_TongHop", judge)
			if err != nil || got != step.want {
				t.Errorf("%s, Ba Đình %v and %v: %q (%v), want %q", c.ind, step.a, step.b, got, err, step.want)
			}
		}
	}
}

type editStep struct {
	a, b any
	want string
}

// cellOf returns the cell in column col of the row whose column B is name.
func cellOf(f *excelize.File, sheet, name string, col int) string {
	rows, _ := f.GetRows(sheet)
	for i, row := range rows {
		if len(row) > 1 && row[1] == name {
			return ref(i+1, col)
		}
	}
	return ""
}

// blockCell finds the first column of a measure's block on the area sheets
// and the row of a unit.
func blockCell(f *excelize.File, label, unit string) (string, int, int) {
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		col := 0
		for i, row := range rows {
			for c, v := range row {
				if v == label {
					col = c + 1
				}
			}
			if col > 0 && len(row) > 1 && row[1] == unit {
				return sh, i + 1, col
			}
		}
	}
	return "", 0, 0
}

// TestPercentOfPlanCode: the numbering row says what "% so với kế hoạch"
// divides by: this year's target (column 2), the plan's (column 1), or,
// when both occur, the note of each indicator judged against the plan.
func TestPercentOfPlanCode(t *testing.T) {
	src, err := os.ReadFile(examples[1])
	if err != nil {
		t.Fatal(err)
	}
	yearTarget := regexp.MustCompile(`, year: [^}]+\}`)
	noYear := yearTarget.ReplaceAll(src, []byte("}"))
	oneNoYear := bytes.Replace(src, []byte("MT1.CT1a: {plan: 25, year: 20}"), []byte("MT1.CT1a: {plan: 25}"), 1)
	for _, c := range []struct {
		name string
		src  []byte
		code string
		note string // the note of MT1.CT1a contains it
	}{
		{"year targets", src, "5 = 4/2", ""},
		{"plan targets only", noYear, "5 = 4/1", ""},
		{"mixed", oneNoYear, "5", "Cột 5 so với kế hoạch giai đoạn (cột 1)"},
	} {
		r := loadSrc(t, examples[1], c.src)
		f := open(t, render(t, r))
		if got, _ := f.GetCellValue("01_TongHop", ref(12, sPct)); got != c.code {
			t.Errorf("%s: code %q, want %q", c.name, got, c.code)
		}
		rows, _ := f.GetRows("01_TongHop")
		for _, row := range rows {
			if len(row) >= sNote && row[1] == r.Name(r.Cat.Indicator("MT1.CT1a")) {
				if has := strings.Contains(row[sNote-1], "Cột 5"); has != (c.note != "") || !strings.Contains(row[sNote-1], c.note) {
					t.Errorf("%s: note %q, want %q", c.name, row[sNote-1], c.note)
				}
			}
		}
	}
}

// TestSignatureWithoutSigner: without signature: every sheet is signed by
// "THỦ TRƯỞNG ĐƠN VỊ" with the form's "(Ký, đóng dấu, họ tên)" under it; a
// named signer (TM./KT. lines) gets no such line.
func TestSignatureWithoutSigner(t *testing.T) {
	src, err := os.ReadFile(examples[0])
	if err != nil {
		t.Fatal(err)
	}
	sig := regexp.MustCompile(`(?m)^signature:\n(  .*\n)+`)
	if !sig.Match(src) {
		t.Fatal("no signature block in the example")
	}
	for _, c := range []struct {
		src  []byte
		head string
		note bool
	}{{sig.ReplaceAll(src, nil), "THỦ TRƯỞNG ĐƠN VỊ", true}, {src, "TM. ỦY BAN NHÂN DÂN", false}} {
		f := open(t, render(t, loadSrc(t, examples[0], c.src)))
		for _, sh := range f.GetSheetList() {
			if sh == "04_GhiChu" {
				continue
			}
			rows, _ := f.GetRows(sh)
			found := false
			for i, row := range rows {
				if len(row) == 0 || row[0] != "NGƯỜI LẬP BIỂU" {
					continue
				}
				found = true
				below := rows[i+1]
				if !slices.Contains(row, c.head) {
					t.Errorf("%s: signer row %q, want %q", sh, row, c.head)
				}
				if has := slices.Contains(below, "(Ký, đóng dấu, họ tên)"); has != c.note {
					t.Errorf("%s, %s: row under the signer %q", sh, c.head, below)
				}
			}
			if !found {
				t.Errorf("%s: no signature block", sh)
			}
		}
	}
}

// TestSmallBaseAndMissingNotes: the sex ratio at birth from 939 births is
// flagged in its note, which also says the value rests on 7 of the 8
// sub-units; the notes sheet explains the flag.
func TestSmallBaseAndMissingNotes(t *testing.T) {
	r := load(t, examples[1])
	f := open(t, render(t, r))
	note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", r.Name(r.Cat.Indicator("MT4.CT1")), sNote))
	for _, want := range []string{
		"Tính từ 939 trẻ sinh ra sống, dưới 1.000: không đủ ý nghĩa thống kê, kết quả chỉ có tính tham khảo",
		"Đánh giá trên số liệu của 7/8 xã, phường (chưa có số liệu: Xã Hà Lan)",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("MT4.CT1 note %q lacks %q", note, want)
		}
	}
	judge, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", r.Name(r.Cat.Indicator("MT4.CT1")), sJudge))
	if judge != "Đạt" {
		t.Errorf("MT4.CT1 is still judged: %q, want Đạt", judge)
	}
	rows, _ := f.GetRows("04_GhiChu")
	found := false
	for _, row := range rows {
		found = found || (len(row) > 1 && strings.HasPrefix(row[1], "Chỉ tiêu 11 (MT4.CT1): tính từ 939 trẻ sinh ra sống, dưới 1.000."))
	}
	if !found {
		t.Error("the notes sheet does not explain the small base of MT4.CT1")
	}
}
