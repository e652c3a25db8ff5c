package xlsx_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/xlsx"
)

// district is a period file of a district with 20 communes and three
// departments, without the figures of the communes and departments.
func district(communes int) string {
	var b strings.Builder
	b.WriteString(`schema: bdg-period/v1
catalogue: bdg-2021-2030
unit:
  issuer: [ỦY BAN NHÂN DÂN, HUYỆN THỬ NGHIỆM]
  name: UBND huyện Thử Nghiệm
  place: Thử Nghiệm
  level: huyện
  sublevel: xã, thị trấn
period: {kind: year, year: 2024, plan: 2021-2025}
document: {date: 2024-12-18}
signature: {preparer: Lê Thị Hoa, head: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Đỗ Văn Nam}
subunits:
`)
	for i := 1; i <= communes; i++ {
		fmt.Fprintf(&b, "  - {id: xa-%02d, name: Xã Thử Nghiệm %d}\n", i, i)
	}
	b.WriteString(`departments:
  - {id: tckh, name: Phòng Tài chính - Kế hoạch}
  - {id: cong-an, name: Công an huyện}
  - {id: ldtbxh, name: Phòng Lao động - Thương binh và Xã hội}
targets:
  MT1.CT1: {plan: 60, year: 50}
data:
  town:   # HĐND và UBND huyện
    hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]
    ubnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nam, Phó Chủ tịch: nam]
`)
	return b.String()
}

// unitData invents one unit's answers: by measure, the cells to type
// (by key, or rows of posts) and the same figures as period-file text,
// written differently from what import writes (male and female rather
// than total, for instance) so that only the figures can agree.
type answer struct {
	cells map[string]any // key → value typed
	posts [][2]string    // rows typed
	yaml  string         // the same figures, as a clerk would write them
}

func invent(rng *rand.Rand, m *report.Measure) *answer {
	if rng.Intn(6) == 0 {
		return nil // left empty
	}
	a := &answer{cells: map[string]any{}}
	switch m.Shape {
	case report.ShapeSex:
		t := int64(rng.Intn(2000))
		f := int64(rng.Intn(int(t) + 1))
		switch rng.Intn(3) {
		case 0:
			a.cells["total"], a.cells["male"], a.cells["female"] = t, t-f, f
		case 1:
			a.cells["total"], a.cells["female"] = t, f
		default:
			a.cells["male"], a.cells["female"] = t-f, f
		}
		a.yaml = fmt.Sprintf("{male: %d, female: %d}", t-f, f)
	case report.ShapePair:
		x := int64(rng.Intn(300))
		y := x
		if !m.Subset || rng.Intn(2) == 0 {
			y = int64(rng.Intn(int(x) + 1))
		}
		a.cells[m.First.Key], a.cells[m.Second.Key] = x, y
		a.yaml = fmt.Sprintf("{%s: %d, %s: %d}", m.Second.Key, y, m.First.Key, x)
	case report.ShapeCount:
		v := int64(rng.Intn(60))
		a.cells["value"] = fmt.Sprint(v) // typed as text: read as the number
		a.yaml = fmt.Sprint(v)
	case report.ShapeFlag:
		yes := rng.Intn(2) == 0
		a.cells["yes"] = map[bool]string{true: "Có", false: "Không"}[yes]
		a.yaml = map[bool]string{true: "true", false: "false"}[yes]
	case report.ShapePosts:
		n := 1 + rng.Intn(report.PostRows)
		var items []string
		for i := 0; i < n; i++ {
			post := "Phó Chủ tịch"
			if i == 0 {
				post = "Chủ tịch"
			}
			sex := "nam"
			if rng.Intn(3) == 0 {
				sex = "nữ"
			}
			a.posts = append(a.posts, [2]string{post, sex})
			items = append(items, "\n      - "+post+": "+sex)
		}
		a.yaml = strings.Join(items, "")
	}
	return a
}

// TestFormRoundTrip: the forms of a 20-commune district, filled by a
// program (two communes never answer, a sixth of the figures left empty,
// each department filling only what it keeps), imported, give the same
// workbook byte for byte as the period file a clerk would type with the
// same figures.
func TestFormRoundTrip(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		roundTrip(t, seed)
	}
}

func roundTrip(t *testing.T, seed int64) {
	rng := rand.New(rand.NewSource(seed))
	dir := t.TempDir()
	frame := district(20)
	framePath := filepath.Join(dir, "huyen-2024.yaml")
	if err := os.WriteFile(framePath, []byte(frame), 0o644); err != nil {
		t.Fatal(err)
	}
	written, diags := app.WriteForms(framePath, "", false, app.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if len(written) != 23 {
		t.Fatalf("%d forms written, want 23", len(written))
	}
	r := frameOf(t, framePath)
	var typed strings.Builder // the YAML route
	typed.WriteString(frame)
	deptMeasure := map[string]string{}
	for i, m := range r.DepartmentMeasures() {
		deptMeasure[[]string{"tckh", "cong-an", "ldtbxh"}[i%3]] = m.ID
	}
	answered := 0
	for _, f := range r.Forms() {
		if f.Entity.ID == "xa-07" || f.Entity.ID == "xa-15" {
			continue // never sent back
		}
		cells, posts := xlsx.FormCells(f)
		path := filepath.Join(app.FormsDir(framePath), f.Entity.ID+".xlsx")
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&typed, "  %s:\n", f.Entity.ID)
		some := false
		for _, m := range f.Measures {
			if f.Dept && deptMeasure[f.Entity.ID] != m.ID {
				continue
			}
			a := invent(rng, m)
			if a == nil {
				if !f.Dept {
					fmt.Fprintf(&typed, "    %s: ~\n", m.ID)
				}
				continue
			}
			for k, v := range a.cells {
				must(t, x.SetCellValue(xlsx.DataSheet, cells[m.ID][k], v))
			}
			for i, p := range a.posts {
				must(t, x.SetCellValue(xlsx.DataSheet, posts[m.ID][i][0], p[0]))
				must(t, x.SetCellValue(xlsx.DataSheet, posts[m.ID][i][1], p[1]))
			}
			fmt.Fprintf(&typed, "    %s: %s\n", m.ID, a.yaml)
			some = true
		}
		if some {
			answered++
		}
		must(t, x.Save())
		x.Close()
	}
	imported, diags := app.Import(framePath, []string{app.FormsDir(framePath)}, app.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if len(imported.Units) != answered {
		t.Errorf("%d units imported, want %d (a blank form is skipped)", len(imported.Units), answered)
	}
	if out := os.Getenv("VANBAN_FORMS_OUT"); out != "" && seed == 1 {
		got, _ := os.ReadFile(framePath)
		os.WriteFile(filepath.Join(out, "huyen-2024.yaml"), got, 0o644)
	}
	typedPath := filepath.Join(dir, "go-tay.yaml")
	if err := os.WriteFile(typedPath, []byte(typed.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := renderFile(t, framePath), renderFile(t, typedPath)
	if !bytes.Equal(a, b) {
		got, _ := os.ReadFile(framePath)
		t.Fatalf("seed %d: the imported period file gives another workbook than the typed one\nimported:\n%s\ntyped:\n%s", seed, got, typed.String())
	}
	// Importing the same forms again changes nothing.
	before, _ := os.ReadFile(framePath)
	if _, diags := app.Import(framePath, []string{app.FormsDir(framePath)}, app.Options{}); diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if after, _ := os.ReadFile(framePath); !bytes.Equal(before, after) {
		t.Errorf("seed %d: a second import changed the file", seed)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func frameOf(t *testing.T, file string) *report.Report {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.New(file)
	r := report.LoadFrame(d, d.Parse(src), "")
	if r == nil {
		t.Fatal(d.Diags.Err())
	}
	return r
}

func renderFile(t *testing.T, file string) []byte {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, w, diags := app.Prepare(file, src, app.Options{})
	if w == nil {
		var lines []string
		for _, d := range diags {
			lines = append(lines, d.Format(diag.En))
		}
		t.Fatalf("%s:\n%s", file, strings.Join(lines, "\n"))
	}
	var buf bytes.Buffer
	if err := w(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
