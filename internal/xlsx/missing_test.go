package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestOwnFiguresMissingInTheWorkbook is the clerk's trial in the
// workbook: with the commune's HĐND leaders, or its own victims of
// violence, deleted from town:, the indicator that counts them reads
// "Chưa có số liệu" with an empty value (it read 0,00 % "Chưa đạt"), both
// as vanban caches it and as LibreOffice recalculates it; its note and
// Biểu 04 say that "Cấp xã" has no such figures.
func TestOwnFiguresMissingInTheWorkbook(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "bao-cao-bdg-xa-an-thinh-2025.yaml")
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	full := load(t, example)
	if f := open(t, render(t, full)); judged(f, full.Name(full.Cat.Indicator("MT1.CT1"))) != [2]string{"50", "Đạt"} {
		t.Fatalf("the full example: MT1.CT1 = %v, want 50 Đạt", judged(f, full.Name(full.Cat.Indicator("MT1.CT1"))))
	}
	dir := t.TempDir()
	cases := []struct {
		cut, id, label string
	}{
		{"    hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]\n", "MT1.CT1", "Lãnh đạo chủ chốt HĐND (Chủ tịch, Phó Chủ tịch)"},
		{"    nan_nhan_bl: {detected: 0, served: 0}", "MT3.CT2a", "Người bị bạo lực gia đình, bạo lực trên cơ sở giới"},
	}
	var bare []string
	check := map[string]func(*excelize.File){}
	for _, c := range cases {
		cut := strings.Replace(string(src), c.cut, "", 1)
		if cut == string(src) {
			t.Fatalf("%q not in the example", c.cut)
		}
		file := filepath.Join(dir, c.id+".yaml")
		r := loadSrc(t, file, []byte(cut))
		name := r.Name(r.Cat.Indicator(c.id))
		wantNote := "Chưa có số liệu của cấp xã: " + c.label
		verify := func(what string, f *excelize.File) {
			if got := judged(f, name); got != [2]string{"", "Chưa có số liệu"} {
				t.Errorf("%s without %s, %s: value and verdict %q, want empty and Chưa có số liệu", c.id, c.label, what, got)
			}
		}
		f := open(t, render(t, r))
		verify("cached", f)
		note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", name, sNote))
		if !strings.Contains(note, wantNote) {
			t.Errorf("%s note %q lacks %q", c.id, note, wantNote)
		}
		notes, _ := f.GetRows("04_GhiChu")
		var all []string
		for _, row := range notes {
			all = append(all, strings.Join(row, " "))
		}
		if want := "Chưa có số liệu: Cấp xã (" + c.label + "); các chỉ tiêu cần số liệu này không tính được"; !strings.Contains(strings.Join(all, "\n"), want) {
			t.Errorf("Biểu 04 lacks %q:\n%s", want, strings.Join(all, "\n"))
		}
		var b bytes.Buffer
		if err := WriteUncached(r, &b); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, c.id+".xlsx")
		os.WriteFile(p, b.Bytes(), 0o644)
		bare = append(bare, p)
		check[filepath.Base(p)] = func(f *excelize.File) { verify("recalculated by LibreOffice", f) }
	}
	if testing.Short() {
		return
	}
	for name, data := range recalc(t, bare) {
		check[name](open(t, data))
	}
}

// judged reads an indicator's value (raw) and verdict on Biểu 01.
func judged(f *excelize.File, name string) [2]string {
	v, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", name, sValue), excelize.Options{RawCellValue: true})
	w, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", name, sJudge))
	return [2]string{v, w}
}

// TestCommunesDepartmentsNotCarried: a province built from its communes'
// files does not add the communes' own departments' figures (Công an xã)
// to its own departments' (Công an tỉnh): Biểu 04 says so and names
// them, instead of dropping them silently (the clerk's trial).
func TestCommunesDepartmentsNotCarried(t *testing.T) {
	r := load(t, filepath.Join("..", "..", "examples", "bao-cao-bdg-tinh-an-hoa-2025.yaml"))
	notes, _ := open(t, render(t, r)).GetRows("04_GhiChu")
	var all []string
	for _, row := range notes {
		all = append(all, strings.Join(row, " "))
	}
	want := "Số liệu của các cơ quan, đơn vị thuộc xã, phường (Công an phường Bắc Sơn, Công an xã Tân Lập, Công an xã Hòa Bình, Công an xã Đông Hưng) không cộng vào biểu này: các số liệu đó do sở, ban, ngành của tỉnh báo cáo cho toàn tỉnh (Biểu 03), cộng thêm sẽ tính trùng."
	if !strings.Contains(strings.Join(all, "\n"), want) {
		t.Errorf("Biểu 04 lacks\n%s\nin\n%s", want, strings.Join(all, "\n"))
	}
}

// TestPlanEndNote: in the plan's last year, "Đạt" against the year's
// target (50 %) says that the plan's target (60 %) is not reached.
func TestPlanEndNote(t *testing.T) {
	r := load(t, filepath.Join("..", "..", "examples", "bao-cao-bdg-xa-an-thinh-2025.yaml"))
	f := open(t, render(t, r))
	name := r.Name(r.Cat.Indicator("MT1.CT1"))
	note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", name, sNote))
	if got := judged(f, name); got[1] != "Đạt" || !strings.Contains(note, "Đạt chỉ tiêu năm nhưng chưa đạt chỉ tiêu giai đoạn 2021-2025 (≥ 60)") {
		t.Errorf("MT1.CT1 %v, note %q", got, note)
	}
	other := r.Name(r.Cat.Indicator("MT6.CT1"))
	if note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", other, sNote)); strings.Contains(note, "chỉ tiêu giai đoạn") {
		t.Errorf("MT6.CT1 note %q", note)
	}
}
