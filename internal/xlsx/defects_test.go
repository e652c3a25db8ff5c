package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/templates"
)

// commune is the example of a commune of 2025 reporting by its villages.
const commune = "../../examples/bao-cao-bdg-xa-an-thinh-2025.yaml"

// starter is the period file "vanban new bao-cao-bdg" prints.
func starter(t *testing.T) []byte {
	t.Helper()
	src, err := templates.Read("starters/bao-cao-bdg.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestHeadingsKeptWithFirstIndicator: no page ends with an objective's
// heading or starts with the tally, the list of unjudged indicators or the
// signature. The starter and the examples are laid out with notes of
// forty lengths on the first indicator, which moves every row below it
// down by steps of about a line, so that each heading falls at the foot of
// some page in some variant.
func TestHeadingsKeptWithFirstIndicator(t *testing.T) {
	sources := map[string][]byte{"starter.yaml": starter(t)}
	for _, f := range allExamples(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources[f] = src
	}
	moved := 0
	for file, src := range sources {
		first := "MT1.CT1"
		if regexp.MustCompile(`(?m)^catalogue: bdg-2011-2020`).Match(src) {
			first = "MT1.CT1a"
		}
		for n := 0; n < 40; n++ {
			note := strings.Repeat("Ghi chú dài để đẩy các dòng xuống. ", n)[:min(7*n, 290)]
			v := addIndicatorNote(t, src, first, note)
			r := loadSrc(t, filepath.Join(filepath.Dir(commune), filepath.Base(file)), v)
			for _, s := range build(r).sheets {
				moved += checkBreaks(t, fmt.Sprintf("%s, note of %d characters", filepath.Base(file), len(note)), s)
			}
		}
	}
	if moved == 0 {
		t.Error("no variant put a heading at the foot of a page: the test does not test")
	}
	t.Logf("%d headings moved to the next page with their first indicator", moved)
}

// addIndicatorNote sets the note of an indicator in a period file.
func addIndicatorNote(t *testing.T, src []byte, id, note string) []byte {
	t.Helper()
	if note == "" {
		return src
	}
	line := fmt.Sprintf("indicator_notes:\n  %s: %q\n", id, note)
	if bytes.Contains(src, []byte("\nindicator_notes:\n")) {
		return bytes.Replace(src, []byte("\nindicator_notes:\n"), []byte("\n"+line), 1)
	}
	return append(append([]byte{}, src...), []byte("\n"+line)...)
}

// checkBreaks checks one sheet's page breaks and returns how many of them
// fall just before a heading.
func checkBreaks(t *testing.T, what string, s *sheet) int {
	t.Helper()
	// tail is the first row that must share a page with the row before
	// it: the tally of the summary, the total of Biểu 02, the empty row
	// above the signature of Biểu 03.
	tail := 0
	for r := 1; r <= len(s.rows) && tail == 0; r++ {
		b, _ := s.at(r, 2).v.(string)
		a, _ := s.at(r, 1).v.(string)
		switch {
		case strings.HasPrefix(b, "Số chỉ tiêu đạt"), strings.HasPrefix(b, "Toàn "):
			tail = r
		case a == "NGƯỜI LẬP BIỂU":
			tail = r - 1
		}
	}
	moved := 0
	for _, b := range s.breaks {
		if s.keepNext[b-1] {
			t.Errorf("%s: %s: page breaks between row %d (%v) and the row it is kept with", what, s.name, b-1, s.at(b-1, 2).v)
		}
		if tail > 0 && b >= tail {
			t.Errorf("%s: %s: page breaks at row %d, inside the last rows, the summary and the signature (from row %d)", what, s.name, b, tail)
		}
		if s.keepNext[b] {
			moved++
		}
	}
	return moved
}

// TestNumbersFit: seven-digit counts (and their nine-digit totals) fit
// their columns, which widen to the widest number instead of printing
// "###".
func TestNumbersFit(t *testing.T) {
	src := bigNumbers(t)
	r := loadSrc(t, commune, src)
	for _, s := range build(r).sheets {
		for row, cells := range s.rows {
			for c, cl := range cells {
				text, ok := displayed(cl.v, cl.style.Format)
				if !ok || !cl.set {
					continue
				}
				if need, have := textWidth(text, cl.style)+6, colPoints(s.widths[c]); need > have {
					t.Errorf("%s!%s: %q needs %.1f pt in a %.1f pt column", s.name, ref(row+1, c+1), text, need, have)
				}
			}
		}
	}
}

// bigNumbers is the commune example with populations in the millions.
func bigNumbers(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(commune)
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`population: (\d+), reached: (\d+)`).ReplaceAll(src, []byte("population: ${1}000, reached: ${2}000"))
}

// TestLibreOfficePrints converts workbooks to PDF with LibreOffice and
// reads the pages back: no "###" anywhere (seven-digit counts included),
// no page number on a sheet's first page, the number centred at the top of
// the others, counted from 1 on each sheet.
func TestLibreOfficePrints(t *testing.T) {
	bin := soffice(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("VANBAN_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftotext (poppler-utils) is required (VANBAN_REQUIRE_TOOLS=1) but not installed")
		}
		t.Skip("pdftotext not installed")
	}
	dir := t.TempDir()
	var files []string
	for name, src := range map[string][]byte{"big.xlsx": bigNumbers(t), "nam.xlsx": mustRead(t, examples[1])} {
		file := commune
		if name == "nam.xlsx" {
			file = examples[1]
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, render(t, loadSrc(t, file, src)), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}, files...)
	if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, f := range files {
		pdf := strings.TrimSuffix(f, ".xlsx") + ".pdf"
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(string(out), "\f")
		if strings.Contains(string(out), "###") {
			t.Errorf("%s: a number prints as ###", filepath.Base(pdf))
		}
		// The page number is the first line of a page after the first of
		// its sheet; the first page of a sheet starts with the issuer.
		numbered := 0
		for i, p := range pages {
			first := strings.TrimSpace(strings.SplitN(strings.TrimLeft(p, "\n"), "\n", 2)[0])
			switch {
			case strings.HasPrefix(first, "ỦY BAN NHÂN DÂN"):
			case regexp.MustCompile(`^\d+$`).MatchString(first):
				numbered++
				if first == "1" {
					t.Errorf("%s page %d: page 1 of a sheet is numbered", filepath.Base(pdf), i+1)
				}
			case first == "":
			default:
				t.Errorf("%s page %d starts with %q, neither a page number nor the title block", filepath.Base(pdf), i+1, first)
			}
		}
		if numbered == 0 {
			t.Errorf("%s: no page carries a number", filepath.Base(pdf))
		}
	}
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestPageNumbersAsForAnAppendix: the page number is centred in the header
// (Nghị định 30: top centre, 13–14 pt), not shown on the first page, and
// each sheet counts from 1.
func TestPageNumbersAsForAnAppendix(t *testing.T) {
	f := open(t, render(t, load(t, commune)))
	for _, sh := range f.GetSheetList() {
		hf, err := f.GetHeaderFooter(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !hf.DifferentFirst || hf.FirstHeader != "" || !strings.HasPrefix(hf.OddHeader, "&C") || !strings.HasSuffix(hf.OddHeader, "&13&P") || hf.OddFooter != "" {
			t.Errorf("%s: header %+v", sh, hf)
		}
		pl, _ := f.GetPageLayout(sh)
		if pl.FirstPageNumber == nil || *pl.FirstPageNumber != 1 {
			t.Errorf("%s: first page number %v, want 1", sh, pl.FirstPageNumber)
		}
	}
}

// TestFormCodeOnEverySheet: the form code of the file is on every sheet.
func TestFormCodeOnEverySheet(t *testing.T) {
	f := open(t, render(t, load(t, commune)))
	want := []string{"Biểu số 01/BĐG-X", "Biểu số 02a/BĐG-X", "Biểu số 02b/BĐG-X", "Biểu số 03/BĐG-X", "Biểu số 04/BĐG-X"}
	for i, sh := range f.GetSheetList() {
		if got, _ := f.GetCellValue(sh, "A4"); i >= len(want) || got != want[i] {
			t.Errorf("%s: A4 %q", sh, got)
		}
	}
	for form, want := range map[string]string{"": "", "01/BĐG-TX": "BĐG-TX", "BĐG-TX": "BĐG-TX", "01a/BC-X": "BC-X", "Mẫu/1": "Mẫu/1"} {
		if got := formCode(form); got != want {
			t.Errorf("formCode(%q) = %q, want %q", form, got, want)
		}
	}
}

// TestFrozenPanesHoldHeadersOnly: the frozen part of each table sheet is
// its column headers (rows 10–12 of the summary), not the title block.
func TestFrozenPanesHoldHeadersOnly(t *testing.T) {
	f := open(t, render(t, load(t, examples[1])))
	for sh, want := range map[string][3]int{"01_TongHop": {10, 3, 0}, "02a_XaPhuong": {10, 3, 2}, "03_Nganh": {10, 2, 0}} {
		panes, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		view, _ := f.GetSheetView(sh, 0)
		if !panes.Freeze || panes.YSplit != want[1] || panes.XSplit != want[2] || view.TopLeftCell == nil || *view.TopLeftCell != ref(want[0], 1) {
			t.Errorf("%s: panes %+v, view from %v; want %d header rows frozen from row %d", sh, panes, view.TopLeftCell, want[1], want[0])
		}
		if top, _ := f.GetCellValue(sh, ref(want[0], 1)); top != "STT" {
			t.Errorf("%s: the frozen rows start at %q, not the column headers", sh, top)
		}
	}
}

// TestWorkbookGuarded: every sheet is protected (without a password) and
// every cell a figure is typed into refuses text: "Có" typed into a yes/no
// cell would otherwise be skipped by SUM and COUNT and drop the unit.
func TestWorkbookGuarded(t *testing.T) {
	data := render(t, load(t, examples[1]))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := zf.Open()
		x, _ := io.ReadAll(rc)
		rc.Close()
		if !regexp.MustCompile(`<sheetProtection sheet="(1|true)"`).Match(x) || bytes.Contains(x, []byte("assword")) {
			t.Errorf("%s: not protected, or protected with a password", zf.Name)
		}
	}
	f := open(t, data)
	flags, counts := 0, 0
	for _, sh := range f.GetSheetList() {
		dvs, err := f.GetDataValidations(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			if dv.Type != "whole" || dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" || !dv.ShowErrorMessage {
				t.Errorf("%s %s: validation %+v", sh, dv.Sqref, dv)
			}
			switch dv.Formula2 {
			case "1":
				flags += len(strings.Fields(dv.Sqref))
			default:
				counts += len(strings.Fields(dv.Sqref))
			}
		}
	}
	// Bỉm Sơn: 8 wards and communes and the town's own radio and officer
	// flags; counts on every sub-unit row of every measure.
	if flags < 17 || counts < 100 {
		t.Errorf("%d flag cells and %d count cells validated", flags, counts)
	}
	// Ba Đình's radio flag is one of them: the block's second column
	// ("Số đơn vị | Số đơn vị có | Tỷ lệ").
	sheet, row, col := blockCell(f, "Đài truyền thanh có chuyên mục về bình đẳng giới", "Phường Ba Đình")
	col++
	dvs, _ := f.GetDataValidations(sheet)
	found := false
	for _, dv := range dvs {
		for _, c := range strings.Fields(dv.Sqref) {
			found = found || c == ref(row, col) && dv.Formula1 == "0" && dv.Formula2 == "1"
		}
	}
	if !found {
		t.Errorf("%s!%s (Ba Đình's radio) has no 0/1 validation", sheet, ref(row, col))
	}
}

// TestEmptyTotalWhenNobodyReported: a total over units none of which
// reported stays empty (missing is not zero), in the value and in the
// formula, and the summary says nobody reported.
func TestEmptyTotalWhenNobodyReported(t *testing.T) {
	src := regexp.MustCompile(`nguoi_gay_bl: \{[^}]*\}`).ReplaceAll(mustRead(t, commune), []byte("nguoi_gay_bl: ~"))
	r := loadSrc(t, commune, src)
	f := open(t, render(t, r))
	sheet, _, col := blockCell(f, r.Label(r.Cat.Measure("nguoi_gay_bl")), "Thôn Đông")
	for _, label := range []string{"Cấp thôn, tổ dân phố", "Toàn xã"} {
		c := cellOf(f, sheet, label, col)
		cached, _ := f.GetCellValue(sheet, c)
		calc, err := f.CalcCellValue(sheet, c)
		formula, _ := f.GetCellFormula(sheet, c)
		if cached != "" || calc != "" || err != nil || !strings.HasPrefix(formula, "IF(COUNT(") {
			t.Errorf("%s %s: cached %q, calculated %q (%v), formula %s; want empty", label, c, cached, calc, err, formula)
		}
	}
	judge, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", r.Name(r.Cat.Indicator("MT3.CT2b")), sJudge))
	if judge != report.WordNoData {
		t.Errorf("MT3.CT2b: %q, want %q", judge, report.WordNoData)
	}
}

// TestVillagesCellsNotApplicable: the villages' HĐND and UBND cells read
// "x" (they have none), so do their subtotal's; the commune's own row and
// the total carry the commune's figures.
func TestVillagesCellsNotApplicable(t *testing.T) {
	r := load(t, commune)
	f := open(t, render(t, r))
	sheet, row, col := blockCell(f, r.Label(r.Cat.Measure("hdnd_lanh_dao")), "Thôn Đông")
	for c := col; c < col+4; c++ {
		for _, rw := range []int{row, row - 1} { // Thôn Đông, the villages' subtotal
			if v, _ := f.GetCellValue(sheet, ref(rw, c)); v != "x" {
				t.Errorf("%s!%s = %q, want x", sheet, ref(rw, c), v)
			}
		}
	}
	if v, _ := f.GetCellValue(sheet, ref(row-2, col)); v != "2" {
		t.Errorf("the commune's own HĐND posts: %q, want 2", v)
	}
	note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", r.Name(r.Cat.Indicator("MT1.CT1")), sNote))
	if !strings.Contains(note, "Chỉ tính cấp xã (cấp thôn, tổ dân phố không có số liệu này)") {
		t.Errorf("MT1.CT1 note %q", note)
	}
	notes, _ := f.GetRows("04_GhiChu")
	for _, row := range notes {
		if len(row) > 1 && strings.HasPrefix(row[1], "Chưa có số liệu") && strings.Contains(row[1], "HĐND") {
			t.Errorf("a village is listed as missing its HĐND: %q", row[1])
		}
	}
}

// TestUnjudgedNamed: the summary says which indicators were not judged
// and why.
func TestUnjudgedNamed(t *testing.T) {
	src := bytes.Replace(mustRead(t, commune), []byte("kind: year"), []byte("kind: half-year"), 1)
	r := loadSrc(t, commune, src)
	f := open(t, render(t, r))
	rows, _ := f.GetRows("01_TongHop")
	text := ""
	for _, row := range rows {
		if len(row) > 1 && strings.HasPrefix(row[1], "Chỉ tiêu chưa đánh giá") {
			text = row[1]
		}
	}
	for _, want := range []string{"không đánh giá ở cấp xã: 2, 3, 4, 5, 9, 11, 12, 13, 14, 15, 16, 17, 19", "đang thực hiện, đánh giá khi tổng kết năm: 18", "(14 chỉ tiêu"} {
		if !strings.Contains(text, want) {
			t.Errorf("unjudged row %q lacks %q", text, want)
		}
	}
}

// TestPartUnits: each count of a pair that counts two things carries its
// own unit: live births in "trẻ", abortions in "ca".
func TestPartUnits(t *testing.T) {
	f := open(t, render(t, load(t, examples[1])))
	rows, _ := f.GetRows("03_Nganh")
	units := map[string]string{}
	for _, row := range rows {
		if len(row) > 2 {
			units[row[1]] = row[2]
		}
	}
	if units["Trẻ đẻ sống (tại cơ sở y tế)"] != "trẻ" || units["Số ca phá thai"] != "ca" {
		t.Errorf("units: births %q, abortions %q", units["Trẻ đẻ sống (tại cơ sở y tế)"], units["Số ca phá thai"])
	}
}

// TestNoWordOfAnotherLevel: nothing a huyện's or a commune's workbook
// prints names a thị xã or its Party committee.
func TestNoWordOfAnotherLevel(t *testing.T) {
	huyen := strings.NewReplacer("THỊ XÃ BỈM SƠN", "HUYỆN HÀ TRUNG", "UBND thị xã Bỉm Sơn", "UBND huyện Hà Trung", "level: thị xã", "level: huyện",
		"Trung tâm Y tế thị xã", "Trung tâm Y tế huyện", "Công an thị xã", "Công an huyện").Replace(string(mustRead(t, examples[1])))
	huyen = regexp.MustCompile(`(?m)#.*$`).ReplaceAllString(huyen, "")
	for name, r := range map[string]*report.Report{"huyện": loadSrc(t, examples[1], []byte(huyen)), "xã": load(t, commune)} {
		f := open(t, render(t, r))
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for i, row := range rows {
				for _, v := range row {
					if l := strings.ToLower(v); strings.Contains(l, "thị xã") || strings.Contains(l, "thị ủy") {
						t.Errorf("%s: %s row %d says %q", name, sh, i+1, v)
					}
				}
			}
		}
	}
}
