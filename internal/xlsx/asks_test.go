package xlsx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/app"
)

// communeDepts is the clerk's trial: a commune with its police and its
// health station as departments.
const communeDepts = `schema: bdg-period/v1
catalogue: bdg-2021-2030
unit: {issuer: [ỦY BAN NHÂN DÂN, XÃ ĐỊNH HÒA], name: UBND xã Định Hòa, place: Định Hòa, level: xã, sublevel: "thôn, tổ dân phố"}
period: {kind: year, year: 2025}
document: {date: 2025-12-15}
subunits:
  - {id: dong-hoa, name: Thôn Đông Hòa}
departments:
  - {id: cong-an, name: Công an xã Định Hòa}
  - {id: tram-y-te, name: Trạm Y tế xã Định Hòa}
data:
  town:
    hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]
`

// TestDepartmentsAskedWhatTheyKeep: the police are asked about the
// victims of trafficking, the health station is not (the catalogue's
// reported_by), so it gets no form, and vanban says why; a form of it
// made before is skipped with a warning instead of failing the import
// (it blocked the clerk's import, pointing at a wrong line).
func TestDepartmentsAskedWhatTheyKeep(t *testing.T) {
	dir := t.TempDir()
	period := filepath.Join(dir, "xa.yaml")
	if err := os.WriteFile(period, []byte(communeDepts), 0o644); err != nil {
		t.Fatal(err)
	}
	written, diags := app.WriteForms(period, "", false, app.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	var names []string
	for _, w := range written {
		names = append(names, filepath.Base(w))
	}
	if strings.Join(names, ",") != "dong-hoa.xlsx,cong-an.xlsx" {
		t.Errorf("forms %v, want the village's and the police's only", names)
	}
	if got := messages(diags); !strings.Contains(got, "note: no form for Trạm Y tế xã Định Hòa: the catalogue gives it no measure to report") {
		t.Errorf("no word on the health station:\n%s", got)
	}
	r := frameOf(t, period)
	for _, f := range r.Forms() {
		if f.Entity.ID == "cong-an" && (len(f.Measures) != 1 || f.Measures[0].ID != "mua_ban_nguoi") {
			t.Errorf("the police are asked %v", f.Measures)
		}
	}
	// A form of the health station made when it was asked everything (here:
	// made from a file that names it as the police), filled with 0/0 as
	// the clerk's health station did, beside the police's form.
	old := filepath.Join(t.TempDir(), "xa.yaml")
	os.WriteFile(old, []byte(strings.Replace(communeDepts, "name: Trạm Y tế xã Định Hòa", "name: Công an 2", 1)), 0o644)
	if _, diags := app.WriteForms(old, "", false, app.Options{}); diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	stale := filepath.Join(app.FormsDir(period), "tram-y-te.xlsx")
	copyFile(t, filepath.Join(app.FormsDir(old), "tram-y-te.xlsx"), stale)
	type_(t, old, stale, map[[2]string]any{{"mua_ban_nguoi", "needing"}: 0, {"mua_ban_nguoi", "supported"}: 0})
	type_(t, period, filepath.Join(app.FormsDir(period), "cong-an.xlsx"), map[[2]string]any{{"mua_ban_nguoi", "needing"}: 1, {"mua_ban_nguoi", "supported"}: 1})
	res, diags := app.Import(period, []string{app.FormsDir(period)}, app.Options{})
	got := messages(diags)
	if diags.HasErrors() || len(res.Units) != 1 || res.Units[0] != "Công an xã Định Hòa" {
		t.Errorf("import: %v\n%s", res.Units, got)
	}
	if !strings.Contains(got, "tram-y-te.xlsx: warning: skipped: the catalogue gives Trạm Y tế xã Định Hòa no measure, so this form is not read") {
		t.Errorf("the stale form is not skipped with a warning:\n%s", got)
	}
	if after := string(mustReadFile(t, period)); !strings.Contains(after, "  cong-an:\n    mua_ban_nguoi: {needing: 1, supported: 1}\n") {
		t.Errorf("the police's figures are not written:\n%s", after)
	}
}

// TestFormIdentityLost: a filled-in form saved again by a program that
// drops the workbook's custom properties (openpyxl, as in the clerk's
// trial) is refused with the real cause and the way out, not blamed on
// the village head as "not a form made by vanban form".
func TestFormIdentityLost(t *testing.T) {
	period, forms := setup(t)
	anPhu := filepath.Join(forms, "an-phu.xlsx")
	type_(t, period, anPhu, map[[2]string]any{{"sinh", "total"}: 40, {"sinh", "female"}: 19})
	lost := filepath.Join(t.TempDir(), "an-phu.xlsx")
	if err := os.WriteFile(lost, withoutCustomProps(t, mustReadFile(t, anPhu)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := app.Import(period, []string{lost}, app.Options{})
	got := messages(diags)
	if !diags.HasErrors() || !strings.Contains(got, "an-phu.xlsx: the workbook looks like a vanban form but has lost the form's identity (unit, period)") {
		t.Errorf("want the identity-lost error, got\n%s", got)
	}
	for _, d := range diags {
		if d.Code == "form.identity-lost" && (!strings.Contains(d.Vi, "mất thông tin nhận dạng") || !strings.Contains(d.FixVi, "Excel hoặc LibreOffice")) {
			t.Errorf("Vietnamese: %+v", d.Msg)
		}
	}
}

// withoutCustomProps rewrites a workbook without docProps/custom.xml and
// the references to it, as openpyxl 3.0 saves one.
func withoutCustomProps(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	ref := regexp.MustCompile(`<(Override|Relationship)[^>]*custom[^>]*/>`)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == "docProps/custom.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "[Content_Types].xml" || f.Name == "_rels/.rels" {
			b = ref.ReplaceAll(b, nil)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}

// TestSecondDepartmentPointsAtItsForm: two departments both asked for a
// measure (their names match the same keeper) and both sending it: the
// refusal points at the second one's form cell, not at a line of the
// period file as it would be after the import (the clerk's trial found
// line 115 to be her notes).
func TestSecondDepartmentPointsAtItsForm(t *testing.T) {
	dir := t.TempDir()
	period := filepath.Join(dir, "xa.yaml")
	src := strings.Replace(communeDepts, "name: Trạm Y tế xã Định Hòa", "name: Công an 2", 1) + "notes:\n  - Một ghi chú.\n"
	if err := os.WriteFile(period, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, diags := app.WriteForms(period, "", false, app.Options{}); diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	for _, id := range []string{"cong-an", "tram-y-te"} {
		type_(t, period, filepath.Join(app.FormsDir(period), id+".xlsx"), map[[2]string]any{{"mua_ban_nguoi", "needing"}: 0, {"mua_ban_nguoi", "supported"}: 0})
	}
	before := mustReadFile(t, period)
	_, diags := app.Import(period, []string{app.FormsDir(period)}, app.Options{})
	got := messages(diags)
	want := filepath.Join(app.FormsDir(period), "tram-y-te.xlsx") + `:Số liệu!D10: data.tram-y-te.mua_ban_nguoi: Công an 2: "Nạn nhân bị mua bán trở về có nhu cầu hỗ trợ" is already reported by Công an xã Định Hòa`
	if !diags.HasErrors() || !strings.Contains(got, want) || strings.Contains(got, "xa.yaml:") {
		t.Errorf("want\n%s\nand no line of xa.yaml in\n%s", want, got)
	}
	if !bytes.Equal(mustReadFile(t, period), before) {
		t.Error("the period file changed although the import failed")
	}
}
