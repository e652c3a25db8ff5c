package xlsx

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSameInputSameBytes renders each example several times: every
// workbook must be byte-identical (map order, streamed sheets and the
// clock must not leak into the file).
func TestSameInputSameBytes(t *testing.T) {
	for _, file := range examples {
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
		"A8":  "(Kèm theo Báo cáo số 112/BC-UBND ngày 20/6/2017 của UBND thị xã Bỉm Sơn)",
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
	const hdnd = "Tỷ lệ nữ đại biểu Hội đồng nhân dân nhiệm kỳ 2016-2021 (cấp thị xã và cấp xã)"
	half, year := judge(examples[0]), judge(examples[1])
	if half[jobs] != "Đang thực hiện" || year[jobs] != "Đạt" {
		t.Errorf("new jobs: half-year %q, year %q; want Đang thực hiện, Đạt", half[jobs], year[jobs])
	}
	if half[hdnd] != "Chưa đạt" || year[hdnd] != "Chưa đạt" {
		t.Errorf("HĐND 28.13 %% against > 30: %q, %q", half[hdnd], year[hdnd])
	}
	if half["tally"] != "Số chỉ tiêu đạt: 4/10 chỉ tiêu được đánh giá; 10 chỉ tiêu đang thực hiện (đánh giá khi tổng kết năm)" {
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
			if len(row) > 1 && row[1] == ind.Name {
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
