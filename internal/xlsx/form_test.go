package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
)

// formPeriod is a district of 2024: two communes, two departments.
const formPeriod = "testdata/form-huyen-2024.yaml"

// loadFrame loads a period file without requiring figures.
func loadFrame(t testing.TB, file string, src []byte) *report.Report {
	t.Helper()
	d := decode.New(file)
	root := d.Parse(src)
	if root == nil {
		t.Fatalf("parse: %v", d.Diags)
	}
	r := report.LoadFrame(d, root, "")
	if d.Diags.HasErrors() || r == nil {
		t.Fatalf("load %s:\n%s", file, diagText(d))
	}
	return r
}

func writeForm(t testing.TB, f *report.Form) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteForm(f, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func starterForms(t testing.TB) (*report.Report, []*report.Form) {
	src, err := os.ReadFile(formPeriod)
	if err != nil {
		t.Fatal(err)
	}
	r := loadFrame(t, formPeriod, src)
	return r, r.Forms()
}

// TestFormsDeterministic: the same form gives the same bytes; every
// sub-unit and department gets one; with VANBAN_FORMS_OUT set, the forms
// are kept there to be looked at.
func TestFormsDeterministic(t *testing.T) {
	r, forms := starterForms(t)
	if len(forms) != len(r.Subunits)+len(r.Departments) {
		t.Fatalf("%d forms for %d sub-units and %d departments", len(forms), len(r.Subunits), len(r.Departments))
	}
	for _, f := range forms {
		a, b := writeForm(t, f), writeForm(t, f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two writes differ", f.Entity.ID)
		}
		if dir := os.Getenv("VANBAN_FORMS_OUT"); dir != "" {
			os.WriteFile(filepath.Join(dir, f.Entity.ID+".xlsx"), a, 0o644)
		}
	}
}

// fillForm sets cells of a form's figures sheet.
func fillForm(t testing.TB, form []byte, cells map[string]any) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	for c, v := range cells {
		if err := x.SetCellValue(dataSheet, c, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFormReadBack fills a commune's form and reads it back: figures as
// the period file would hold them, and every mistake named by its cell.
func TestFormReadBack(t *testing.T) {
	r, forms := starterForms(t)
	f := forms[0]
	b := layoutForm(f)
	c := b.cells
	posts := b.posts["ubnd_lanh_dao"]
	filled := fillForm(t, writeForm(t, f), map[string]any{
		c["nan_nhan_bl"]["detected"]:          4,
		c["nan_nhan_bl"]["served"]:            3,
		c["sinh"]["total"]:                    "120",
		c["sinh"]["female"]:                   57,
		c["tiep_can_kien_thuc"]["population"]: 8200,
		posts[0][0]:                           "Chủ tịch",
		posts[0][1]:                           "nam",
		posts[1][0]:                           "Phó Chủ tịch: kinh tế",
		posts[1][1]:                           "nữ",
	})
	fl, msg := ReadForm(r, "an-phu.xlsx", filled)
	if msg != nil {
		t.Fatal(msg.En)
	}
	im, diags := f.Read(fl)
	var got []string
	for _, d := range diags {
		got = append(got, d.Format(diag.En))
	}
	want := "an-phu.xlsx:Số liệu!" + c["tiep_can_kien_thuc"]["population"] + ": data.an-phu.tiep_can_kien_thuc: Xã An Phú, Người dân được tiếp cận kiến thức cơ bản về bình đẳng giới: population is given but reached is missing, so the pair is half filled"
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("diagnostics\n  %s\nwant one starting\n  %s", strings.Join(got, "\n  "), want)
	}
	for mid, v := range map[string]string{
		"nan_nhan_bl":   "{detected: 4, served: 3}",
		"sinh":          "{total: 120, female: 57}",
		"ubnd_lanh_dao": `[Chủ tịch: nam, "Phó Chủ tịch: kinh tế": nữ]`,
		"hdnd_lanh_dao": "~",
	} {
		if im.Values[mid] != v {
			t.Errorf("%s = %q, want %q", mid, im.Values[mid], v)
		}
	}
	if fig := im.Figures["sinh"]; fig["male"] != 63 {
		t.Errorf("sinh %v, want 63 boys", fig)
	}
	// Another period's form is refused.
	other := strings.Replace(string(mustRead(t, formPeriod)), "year: 2024", "year: 2025", 1)
	r2 := loadFrame(t, formPeriod, []byte(other))
	if _, msg := ReadForm(r2, "an-phu.xlsx", filled); msg == nil || !strings.Contains(msg.En, "this form was made for the year 2024, not for the year 2025") {
		t.Errorf("other period: %v", msg)
	}
}

// TestFormSavedByLibreOffice: a clerk who fills the form in LibreOffice
// and saves it keeps a form vanban reads back (its identity survives in
// the document properties, its cells where they were).
func TestFormSavedByLibreOffice(t *testing.T) {
	bin := soffice(t)
	// A department the catalogue's reported_by names nowhere is asked
	// every department measure: a sex measure and pairs.
	src := strings.Replace(string(mustRead(t, formPeriod)), "  - {id: tckh, name: Phòng Tài chính - Kế hoạch}\n  - {id: cong-an, name: Công an huyện}\n", "  - {id: tk, name: Chi cục Thống kê}\n", 1)
	r := loadFrame(t, formPeriod, []byte(src))
	forms := r.Forms()
	f := forms[2]
	if f.Entity.ID != "tk" || len(f.Measures) < 2 {
		t.Fatalf("form %s asks %d measures", f.Entity.ID, len(f.Measures))
	}
	b := layoutForm(f)
	cells := b.cells
	first, pair := f.Measures[0], f.Measures[1]
	filled := fillForm(t, writeForm(t, f), map[string]any{
		cells[first.ID]["total"]: 215, cells[first.ID]["female"]: 61,
		cells[pair.ID][pair.First.Key]: 1, cells[pair.ID][pair.Second.Key]: 3, // more supported than needing
	})
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	os.MkdirAll(filepath.Join(profile, "user"), 0o755)
	os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644)
	in := filepath.Join(dir, "in.xlsx")
	if err := os.WriteFile(in, filled, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+profile, "--headless",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	saved, err := os.ReadFile(filepath.Join(out, "in.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	// The check column, computed by LibreOffice, says what is wrong.
	x := open(t, saved)
	head := cellRow(cells[pair.ID][pair.First.Key]) - 1
	if got, _ := x.GetCellValue(dataSheet, ref(head, cCheck)); !strings.HasPrefix(got, "Số \"trong đó: được hưởng") || !strings.Contains(got, "lớn hơn số") {
		t.Errorf("check column of %s: %q", pair.ID, got)
	}
	if got, _ := x.GetCellValue(dataSheet, ref(head-4, cCheck)); got != "" {
		t.Errorf("check column of %s: %q, want empty", first.ID, got)
	}
	fl, msg := ReadForm(r, "in.xlsx", saved)
	if msg != nil {
		t.Fatalf("the form saved by LibreOffice is refused: %s", msg.En)
	}
	im, diags := f.Read(fl)
	if im.Values[first.ID] != "{total: 215, female: 61}" || len(diags) != 1 || !strings.Contains(diags[0].Format(diag.En), "in.xlsx:Số liệu!"+cells[pair.ID][pair.Second.Key]) {
		t.Errorf("read %q, %v", im.Values[first.ID], diags.Err())
	}
}

// TestFormLockedAndValidated: every input cell (and only they) is
// unlocked, both sheets are protected, each input has a validation
// (whole number, a custom rule or a list), each measure a comment, and
// the page is A4 portrait one page wide.
func TestFormLockedAndValidated(t *testing.T) {
	_, forms := starterForms(t)
	for _, f := range forms {
		b := layoutForm(f)
		x := open(t, writeForm(t, f))
		inputs := map[string]bool{}
		for _, keys := range b.cells {
			for _, c := range keys {
				inputs[c] = true
			}
		}
		for _, rows := range b.posts {
			for _, r := range rows {
				inputs[r[0]], inputs[r[1]] = true, true
			}
		}
		if len(inputs) < 2 { // a department may keep one pair only
			t.Fatalf("%s: %d input cells", f.Entity.ID, len(inputs))
		}
		for _, sh := range []string{guideSheet, dataSheet} {
			if p, err := x.GetSheetProtection(sh); err != nil || !p.SelectUnlockedCells {
				t.Errorf("%s %s: not protected (%v)", f.Entity.ID, sh, err)
			}
			pl, _ := x.GetPageLayout(sh)
			if *pl.Size != 9 || *pl.Orientation != "portrait" || *pl.FitToWidth != 1 {
				t.Errorf("%s %s: paper %d %s", f.Entity.ID, sh, *pl.Size, *pl.Orientation)
			}
		}
		rows, _ := x.GetRows(dataSheet)
		for r := 1; r <= len(rows)+1; r++ {
			for c := 1; c <= cCheck; c++ {
				cell := ref(r, c)
				id, _ := x.GetCellStyle(dataSheet, cell)
				st, _ := x.GetStyle(id)
				unlocked := st != nil && st.Protection != nil && !st.Protection.Locked
				if unlocked != inputs[cell] {
					t.Errorf("%s %s: unlocked %v, input %v", f.Entity.ID, cell, unlocked, inputs[cell])
				}
			}
		}
		valid := map[string]string{}
		dvs, _ := x.GetDataValidations(dataSheet)
		for _, dv := range dvs {
			valid[dv.Sqref] = dv.Type
		}
		for c := range inputs {
			if valid[c] == "" && !strings.HasPrefix(c, colName(cLabel)) {
				t.Errorf("%s %s: no validation", f.Entity.ID, c)
			}
		}
		comments, _ := x.GetComments(dataSheet)
		if len(comments) != len(f.Measures) {
			t.Errorf("%s: %d comments for %d measures", f.Entity.ID, len(comments), len(f.Measures))
		}
	}
}
