package xlsx

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/report"
)

// BenchmarkExample renders the annual example in-process: YAML decoding,
// catalogue, validation, aggregation and the workbook.
func BenchmarkExample(b *testing.B) {
	file := examples[1]
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		renderSrc(b, file, src)
	}
}

// BenchmarkProvince renders a province-sized report generated on the
// spot: 600 sub-units and 25 indicators, each computed from its own
// measure collected from every sub-unit.
func BenchmarkProvince(b *testing.B) {
	file := provinceFiles(b, 600, 25)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		renderSrc(b, file, src)
	}
}

func renderSrc(b *testing.B, file string, src []byte) {
	d := decode.New(file)
	root := d.Parse(src)
	r := report.Load(d, root, "")
	if r == nil {
		b.Fatal(d.Diags)
	}
	if err := Write(r, io.Discard); err != nil {
		b.Fatal(err)
	}
}

// provinceFiles writes a catalogue of n sex-disaggregated measures, one
// share indicator each, and a period file with units sub-units that
// report all of them (every 50th sub-unit misses one measure).
func provinceFiles(tb testing.TB, units, n int) string {
	dir := tb.TempDir()
	var c strings.Builder
	c.WriteString("schema: bdg-indicators/v1\nid: tinh\ntitle: Bộ chỉ tiêu thử cấp tỉnh\nstage: 2021-2030\ngroups:\n")
	for g := 1; g <= 5; g++ {
		fmt.Fprintf(&c, "  - {id: G%d, title: Mục tiêu %d}\n", g, g)
	}
	c.WriteString("measures:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&c, "  - {id: m%d, label: Số liệu thứ %d theo giới tính, unit: người, shape: sex, from: areas}\n", i, i)
	}
	c.WriteString("indicators:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&c, "  - {id: CT%d, group: G%d, name: Tỷ lệ nữ trong số liệu thứ %d, unit: \"%%\", kind: share, measure: m%d, numerator: female, denominator: total, comparator: \">=\", nature: stock, national: {2025: 30}}\n",
			i, 1+(i-1)%5, i, i)
	}
	var p strings.Builder
	p.WriteString(`schema: bdg-period/v1
catalogue: ./tinh.yaml
unit: {issuer: [ỦY BAN NHÂN DÂN, TỈNH THỬ NGHIỆM], name: UBND tỉnh Thử Nghiệm, place: Thử Nghiệm, level: tỉnh, sublevel: "xã, phường"}
period: {kind: year, year: 2024}
document: {date: 2024-12-20}
signature: {preparer: Nguyễn Thị A, head: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Trần Văn B}
subunits:
`)
	for u := 1; u <= units; u++ {
		fmt.Fprintf(&p, "  - {id: x%d, name: Xã Thử Nghiệm %d}\n", u, u)
	}
	p.WriteString("data:\n")
	for u := 1; u <= units; u++ {
		fmt.Fprintf(&p, "  x%d:\n", u)
		for i := 1; i <= n; i++ {
			if u%50 == 0 && i == 1 {
				fmt.Fprintf(&p, "    m%d: ~\n", i)
				continue
			}
			total := 20 + (u*7+i*13)%200
			fmt.Fprintf(&p, "    m%d: {total: %d, female: %d}\n", i, total, total*(20+(u+i)%40)/100)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "tinh.yaml"), []byte(c.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	file := filepath.Join(dir, "tinh-2024.yaml")
	if err := os.WriteFile(file, []byte(p.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return file
}

// TestProvinceFormulas spot-checks the province-sized workbook: every
// formula of the summary sheet evaluates to its cached value.
func TestProvinceFormulas(t *testing.T) {
	if testing.Short() {
		t.Skip("large workbook")
	}
	file := provinceFiles(t, 600, 25)
	r := load(t, file)
	f := open(t, render(t, r))
	for _, c := range formulaCells(t, f) {
		if c.sheet != "01_TongHop" {
			continue
		}
		got, err := f.CalcCellValue(c.sheet, c.cell)
		cached, _ := f.GetCellValue(c.sheet, c.cell)
		if err != nil || !sameValue(got, cached) {
			t.Errorf("%s!%s: calculated %q (%v), cached %q", c.sheet, c.cell, got, err, cached)
		}
	}
}
