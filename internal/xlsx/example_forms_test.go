package xlsx_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/xlsx"
)

var update = flag.Bool("update", false, "rewrite the filled forms of the examples and import them again")

// The ward of the province example whose file is made from its
// residential groups' forms.
const (
	wardFile  = "../../examples/tinh-an-hoa-2025/bao-cao-bdg-phuong-bac-son-2025.yaml"
	wardForms = "../../examples/tinh-an-hoa-2025/bao-cao-bdg-phuong-bac-son-2025-bieu-mau"
)

// wardAnswers are what each unit typed into its form, by measure and key
// (in the ways clerks do: two of total, male, female; a count typed as
// text; a figure left empty).
var wardAnswers = map[string]map[string]map[string]any{
	"tdp-1": {
		"nan_nhan_bl":        {"detected": 2, "served": 2},
		"nguoi_gay_bl":       {"detected": 2, "counselled": 1},
		"sinh":               {"total": 46, "male": 25, "female": 21},
		"tiep_can_kien_thuc": {"population": 2310, "reached": 1655},
	},
	"tdp-2": {
		"nan_nhan_bl":        {"detected": 1, "served": 1},
		"nguoi_gay_bl":       {"detected": 1, "counselled": 1},
		"sinh":               {"total": 38, "female": 17},
		"tiep_can_kien_thuc": {"population": 1985, "reached": "1302"},
	},
	"tdp-3": {
		"nan_nhan_bl":        {"detected": 0, "served": 0},
		"nguoi_gay_bl":       {"detected": 0, "counselled": 0},
		"sinh":               {"male": 19, "female": 18},
		"tiep_can_kien_thuc": {"population": 1740, "reached": 1188},
	},
	"tdp-4": {
		"nan_nhan_bl":        {"detected": 3, "served": 2},
		"nguoi_gay_bl":       {"detected": 3, "counselled": 2},
		"sinh":               {"total": 41, "male": 22, "female": 19},
		"tiep_can_kien_thuc": {"population": 2045, "reached": 1390},
	},
	"tdp-5": { // the group has not yet added up who was reached
		"nan_nhan_bl":  {"detected": 1, "served": 1},
		"nguoi_gay_bl": {"detected": 1, "counselled": 0},
		"sinh":         {"total": 33, "female": 15},
	},
	"cong-an": {
		"mua_ban_nguoi": {"needing": 1, "supported": 1},
	},
}

// TestExampleWardForms: the committed forms of the ward example, read
// back into a copy of its period file, change nothing: the period file
// holds exactly what the forms hold. With -update the forms are made
// anew, filled with wardAnswers and imported into the example.
func TestExampleWardForms(t *testing.T) {
	if *update {
		regenerateWardForms(t)
	}
	dir := t.TempDir()
	period := filepath.Join(dir, filepath.Base(wardFile))
	copyFile(t, wardFile, period)
	forms := filepath.Join(dir, filepath.Base(wardForms))
	os.Mkdir(forms, 0o755)
	entries, err := os.ReadDir(wardForms)
	if err != nil || len(entries) != len(wardAnswers) {
		t.Fatalf("%s: %d forms (%v), want %d; run go test ./internal/xlsx -run TestExampleWardForms -update", wardForms, len(entries), err, len(wardAnswers))
	}
	for _, e := range entries {
		copyFile(t, filepath.Join(wardForms, e.Name()), filepath.Join(forms, e.Name()))
	}
	res, diags := app.Import(period, []string{forms}, app.Options{})
	if diags.HasErrors() {
		t.Fatalf("%v\n(the catalogue changed? run go test ./internal/xlsx -run TestExampleWardForms -update)", diags.Err())
	}
	if len(res.Units) != len(wardAnswers) {
		t.Errorf("%d units imported, want %d", len(res.Units), len(wardAnswers))
	}
	got, want := mustReadFile(t, period), mustReadFile(t, wardFile)
	if !bytes.Equal(got, want) {
		t.Errorf("importing the committed forms changes %s:\n%s", wardFile, got)
	}
}

func regenerateWardForms(t *testing.T) {
	tmp := t.TempDir()
	written, diags := app.WriteForms(wardFile, tmp, false, app.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	r := frameOf(t, wardFile)
	os.RemoveAll(wardForms)
	if err := os.MkdirAll(wardForms, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Forms() {
		cells, _ := xlsx.FormCells(f)
		x, err := excelize.OpenFile(filepath.Join(tmp, f.Entity.ID+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		for mid, keys := range wardAnswers[f.Entity.ID] {
			for k, v := range keys {
				must(t, x.SetCellValue(xlsx.DataSheet, cells[mid][k], v))
			}
		}
		out := filepath.Join(wardForms, f.Entity.ID+".xlsx")
		must(t, x.SaveAs(out))
		x.Close()
		must(t, os.Chmod(out, 0o644))
	}
	if _, diags := app.Import(wardFile, []string{wardForms}, app.Options{}); diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	t.Logf("%d forms written to %s and imported into %s", len(written), wardForms, wardFile)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	if err := os.WriteFile(to, mustReadFile(t, from), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustReadFile(t *testing.T, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
