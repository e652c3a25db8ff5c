package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/xlsx"
)

// district2 is a district of two communes and a department, its own
// bodies' figures typed, the others' to come from forms.
const district2 = `schema: bdg-period/v1
catalogue: bdg-2021-2030
unit: {issuer: [ỦY BAN NHÂN DÂN, HUYỆN AN BÌNH], name: UBND huyện An Bình, place: An Bình, level: huyện, sublevel: "xã, thị trấn"}
period: {kind: year, year: 2024}
document: {date: 2024-12-20}
subunits:
  - {id: an-phu, name: Xã An Phú}
  - {id: thi-tran, name: Thị trấn An Bình}
departments:
  - {id: tckh, name: Phòng Tài chính - Kế hoạch}
data:
  town:   # HĐND, UBND huyện
    hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]
`

// setup writes the district and its forms into a new folder and returns
// the period file and the forms' folder.
func setup(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	period := filepath.Join(dir, "huyen.yaml")
	if err := os.WriteFile(period, []byte(district2), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, diags := app.WriteForms(period, "", false, app.Options{}); diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	return period, app.FormsDir(period)
}

// type_ fills cells of a form file by measure and key.
func type_(t *testing.T, period, file string, values map[[2]string]any) {
	t.Helper()
	r := frameOf(t, period)
	id := strings.TrimSuffix(filepath.Base(file), ".xlsx")
	for _, f := range r.Forms() {
		if f.Entity.ID != id {
			continue
		}
		cells, _ := xlsx.FormCells(f)
		x, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range values {
			must(t, x.SetCellValue(xlsx.DataSheet, cells[k[0]][k[1]], v))
		}
		must(t, x.Save())
		x.Close()
		return
	}
	t.Fatalf("no form for %s", id)
}

func messages(diags diag.List) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Format(diag.En) + "\n")
	}
	return b.String()
}

// TestImportRefusals: with a bad cell nothing is written; other periods'
// and units' forms and second forms of a unit are refused; other
// workbooks in the folder and blank forms are skipped with a warning.
func TestImportRefusals(t *testing.T) {
	period, forms := setup(t)
	before := mustReadFile(t, period)
	anPhu := filepath.Join(forms, "an-phu.xlsx")
	type_(t, period, anPhu, map[[2]string]any{{"sinh", "total"}: 40, {"sinh", "female"}: 41})
	_, diags := app.Import(period, []string{forms}, app.Options{})
	got := messages(diags)
	if !strings.Contains(got, "an-phu.xlsx:Số liệu!") || !strings.Contains(got, "women (41) are more than the total (40)") {
		t.Errorf("bad cell not reported:\n%s", got)
	}
	if !bytes.Equal(mustReadFile(t, period), before) {
		t.Error("the period file changed although a form has an error")
	}

	// Fixed, plus a copy of the same form and a workbook that is no form.
	type_(t, period, anPhu, map[[2]string]any{{"sinh", "female"}: 19})
	copyFile(t, anPhu, filepath.Join(forms, "an-phu (2).xlsx"))
	var report bytes.Buffer
	xf := excelize.NewFile()
	must(t, xf.Write(&report))
	os.WriteFile(filepath.Join(forms, "bao-cao.xlsx"), report.Bytes(), 0o644)
	_, diags = app.Import(period, []string{forms}, app.Options{})
	got = messages(diags)
	for _, want := range []string{
		"an-phu.xlsx: a second form of Xã An Phú (the first: " + filepath.Join(forms, "an-phu (2).xlsx") + ")",
		"bao-cao.xlsx: warning: skipped: this workbook is not a data-entry form made by vanban form",
		"thi-tran.xlsx: warning: skipped: the form of Thị trấn An Bình holds no figure",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in\n%s", want, got)
		}
	}
	os.Remove(filepath.Join(forms, "an-phu (2).xlsx"))

	// A form of another period is refused by name.
	other := filepath.Join(t.TempDir(), "huyen-2025.yaml")
	os.WriteFile(other, []byte(strings.Replace(district2, "year: 2024", "year: 2025", 1)), 0o644)
	_, diags = app.Import(other, []string{anPhu}, app.Options{})
	if got := messages(diags); !strings.Contains(got, "an-phu.xlsx: this form was made for the year 2024, not for the year 2025 as the period file is") {
		t.Errorf("another period's form:\n%s", got)
	}
	// …and one of another unit.
	os.WriteFile(other, []byte(strings.Replace(district2, "name: UBND huyện An Bình", "name: UBND huyện An Lạc", 1)), 0o644)
	_, diags = app.Import(other, []string{anPhu}, app.Options{})
	if got := messages(diags); !strings.Contains(got, "this form was made from UBND huyện An Bình, not from UBND huyện An Lạc") {
		t.Errorf("another unit's form:\n%s", got)
	}

	// The good forms import, keep the file's comment and name their source.
	res, diags := app.Import(period, []string{forms}, app.Options{})
	if diags.HasErrors() || len(res.Units) != 1 {
		t.Fatalf("%d units\n%s", len(res.Units), messages(diags))
	}
	after := string(mustReadFile(t, period))
	for _, want := range []string{"  town:   # HĐND, UBND huyện\n", "  # Số liệu nhập từ biểu mẫu: huyen-bieu-mau/an-phu.xlsx\n  an-phu:\n", "    sinh: {total: 40, female: 19}\n"} {
		if !strings.Contains(after, want) {
			t.Errorf("want %q in\n%s", want, after)
		}
	}
}

// TestFormsNotOverwritten: forms already written (perhaps filled in) are
// not replaced without --overwrite.
func TestFormsNotOverwritten(t *testing.T) {
	period, forms := setup(t)
	anPhu := filepath.Join(forms, "an-phu.xlsx")
	type_(t, period, anPhu, map[[2]string]any{{"sinh", "total"}: 40, {"sinh", "female"}: 19})
	filled := mustReadFile(t, anPhu)
	written, diags := app.WriteForms(period, "", false, app.Options{})
	if len(written) != 0 || !strings.Contains(messages(diags), "no form written: ") {
		t.Errorf("forms rewritten: %v\n%s", written, messages(diags))
	}
	if !bytes.Equal(mustReadFile(t, anPhu), filled) {
		t.Error("a filled form was replaced")
	}
	if written, diags := app.WriteForms(period, "", true, app.Options{}); len(written) != 3 || diags.HasErrors() {
		t.Errorf("--overwrite: %v\n%s", written, messages(diags))
	}
}

// TestImportIntoUTF16: a period file Notepad saved as "Unicode" (UTF-16)
// gets its figures and is written back as UTF-8, said in a warning.
func TestImportIntoUTF16(t *testing.T) {
	period, forms := setup(t)
	u := utf16.Encode([]rune(district2))
	b := []byte{0xFF, 0xFE}
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	os.WriteFile(period, b, 0o644)
	type_(t, period, filepath.Join(forms, "an-phu.xlsx"), map[[2]string]any{{"sinh", "male"}: 21, {"sinh", "female"}: 19})
	res, diags := app.Import(period, []string{forms}, app.Options{})
	if diags.HasErrors() || len(res.Units) != 1 {
		t.Fatal(messages(diags))
	}
	if !strings.Contains(messages(diags), "writes it back as UTF-8") {
		t.Errorf("no warning:\n%s", messages(diags))
	}
	got := string(mustReadFile(t, period))
	if !strings.HasPrefix(got, "schema: bdg-period/v1\n") || !strings.Contains(got, "    sinh: {male: 21, female: 19}\n") {
		t.Errorf("got\n%s", got)
	}
}

// TestImportBlankNeverErases: a form sent again with a measure left blank
// would erase the figures the file holds; that is a change like any other,
// refused and then, with Overwrite, said; the figure it adds is no change.
func TestImportBlankNeverErases(t *testing.T) {
	period, forms := setup(t)
	anPhu := filepath.Join(forms, "an-phu.xlsx")
	type_(t, period, anPhu, map[[2]string]any{{"sinh", "total"}: 40, {"sinh", "female"}: 19})
	if _, diags := app.Import(period, []string{anPhu}, app.Options{}); diags.HasErrors() {
		t.Fatal(messages(diags))
	}
	imported := mustReadFile(t, period)
	type_(t, period, anPhu, map[[2]string]any{{"sinh", "total"}: "", {"sinh", "female"}: "", {"nan_nhan_bl", "detected"}: 1, {"nan_nhan_bl", "served"}: 1})
	_, diags := app.Import(period, []string{anPhu}, app.Options{})
	got := messages(diags)
	if !diags.HasErrors() || !strings.Contains(got, "holds total 40, men 21, women 19 (line 20) but the form "+anPhu+":Số liệu!") || !strings.Contains(got, "gives blank (not reported)") {
		t.Errorf("blank form over figures:\n%s", got)
	}
	if !bytes.Equal(mustReadFile(t, period), imported) {
		t.Error("the period file changed")
	}
	_, diags = app.Import(period, []string{anPhu}, app.Options{Overwrite: true})
	if got := messages(diags); diags.HasErrors() || !strings.Contains(got, "total 40, men 21, women 19 → blank (not reported)") {
		t.Errorf("overwrite:\n%s", got)
	}
	if after := string(mustReadFile(t, period)); !strings.Contains(after, "    sinh: ~\n") {
		t.Errorf("got\n%s", after)
	}
}

// TestImportHintsInTheFormsWords is clerk trial 4's finding 5: a
// problem in a form's cells is said, and its fix given, in the words
// printed on the form (its row labels) and its cells, not the period
// file's keys (population, reached, ~).
func TestImportHintsInTheFormsWords(t *testing.T) {
	period, forms := setup(t)
	anPhu := filepath.Join(forms, "an-phu.xlsx")
	type_(t, period, anPhu, map[[2]string]any{
		{"tiep_can_kien_thuc", "population"}: 1200,
		{"nan_nhan_bl", "detected"}:          4, {"nan_nhan_bl", "served"}: 5,
		{"sinh", "female"}: 19,
	})
	cells := map[string]string{}
	r := frameOf(t, period)
	for _, f := range r.Forms() {
		if f.Entity.ID == "an-phu" {
			c, _ := xlsx.FormCells(f)
			for _, k := range [][2]string{{"tiep_can_kien_thuc", "population"}, {"tiep_can_kien_thuc", "reached"}, {"nan_nhan_bl", "detected"}, {"nan_nhan_bl", "served"}, {"sinh", "total"}, {"sinh", "male"}, {"sinh", "female"}} {
				cells[k[0]+"."+k[1]] = c[k[0]][k[1]]
			}
		}
	}
	_, diags := app.Import(period, []string{anPhu}, app.Options{})
	var vi strings.Builder
	for _, d := range diags {
		vi.WriteString(d.Format(diag.Vi) + "\n")
	}
	got := vi.String()
	for _, want := range []string{
		"đã ghi ô " + cells["tiep_can_kien_thuc.population"] + " (Dân số) nhưng chưa ghi ô " + cells["tiep_can_kien_thuc.reached"] + " (Được tiếp cận trong năm) (cách sửa: ghi cả ô " + cells["tiep_can_kien_thuc.population"] + " (Dân số) và ô " + cells["tiep_can_kien_thuc.reached"] + " (Được tiếp cận trong năm), hoặc để trống cả hai nếu chưa có số liệu)",
		"ô " + cells["nan_nhan_bl.served"] + " (",
		"chỉ có ô " + cells["sinh.female"] + " (nữ), thiếu số còn lại (cách sửa: ghi ít nhất hai trong ba ô " + cells["sinh.total"] + " (Tổng số), ô " + cells["sinh.male"] + " (nam), ô " + cells["sinh.female"] + " (nữ); hoặc để trống cả ba nếu chưa có số liệu)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in\n%s", want, got)
		}
	}
	for _, d := range diags { // the words, not the field path before them
		for _, yaml := range []string{"population", "reached", "served", "detected", " ~", "female"} {
			if strings.Contains(d.Vi+d.FixVi, yaml) {
				t.Errorf("a period-file key %q in the message of a form: %s", yaml, d.Vi+" / "+d.FixVi)
			}
		}
	}
}
