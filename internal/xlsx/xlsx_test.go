package xlsx

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
)

// examples are the Bỉm Sơn period files most tests read.
var examples = []string{
	"../../examples/bao-cao-bdg-bim-son-2017-6-thang.yaml",
	"../../examples/bao-cao-bdg-bim-son-2017-nam.yaml",
}

// allExamples lists every period file of the examples folder.
func allExamples(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/bao-cao-bdg-*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("examples: %v %v", files, err)
	}
	// The sub-units' own period files of an example built from them.
	more, _ := filepath.Glob("../../examples/*/bao-cao-bdg-*.yaml")
	return append(files, more...)
}

// load reads a period file and fails the test on any error.
func load(t testing.TB, file string) *report.Report {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return loadSrc(t, file, src)
}

func loadSrc(t testing.TB, file string, src []byte) *report.Report {
	t.Helper()
	d := decode.New(file)
	root := d.Parse(src)
	if root == nil {
		t.Fatalf("parse: %v", d.Diags)
	}
	r := report.Load(d, root, "")
	if d.Diags.HasErrors() || r == nil {
		t.Fatalf("load %s:\n%s", file, diagText(d))
	}
	return r
}

func diagText(d *decode.Decoder) string {
	var b bytes.Buffer
	for _, x := range d.Diags {
		b.WriteString(x.Format(diag.En) + "\n")
	}
	return b.String()
}

func render(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(r, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// formulaCell is one formula cell of a workbook.
type formulaCell struct{ sheet, cell, formula string }

func formulaCells(t testing.TB, f *excelize.File) []formulaCell {
	t.Helper()
	var out []formulaCell
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		maxCols := 0
		for _, r := range rows {
			maxCols = max(maxCols, len(r))
		}
		for r := 1; r <= len(rows)+1; r++ {
			for c := 1; c <= maxCols+1; c++ {
				name, _ := excelize.CoordinatesToCellName(c, r)
				fm, err := f.GetCellFormula(sh, name)
				if err != nil {
					t.Fatal(err)
				}
				if fm != "" {
					out = append(out, formulaCell{sh, name, fm})
				}
			}
		}
	}
	return out
}

// sameValue compares two raw cell values, numbers numerically.
func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(x))
}

// TestFormulasEqualGoValues evaluates every formula of both examples with
// excelize's calculation engine and compares it with the value vanban
// computed and cached in the cell.
func TestFormulasEqualGoValues(t *testing.T) {
	for _, file := range allExamples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			f := open(t, render(t, load(t, file)))
			cells := formulaCells(t, f)
			if len(cells) < 50 { // the smallest example, a commune of three villages, has 81
				t.Fatalf("only %d formula cells", len(cells))
			}
			for _, c := range cells {
				got, err := f.CalcCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Errorf("%s!%s =%s: %v", c.sheet, c.cell, c.formula, err)
					continue
				}
				cached, _ := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
				if !sameValue(got, cached) {
					t.Errorf("%s!%s =%s: calculated %q, cached %q", c.sheet, c.cell, c.formula, got, cached)
				}
			}
			t.Logf("%d formula cells checked", len(cells))
		})
	}
}
