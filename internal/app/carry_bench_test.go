package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// provinceOfFiles writes a province of 2025 on the 2021-2030 catalogue
// whose communes each name their own period file (xa/xNNN.yaml): every
// commune gives every measure collected at its level (its HĐND and
// UBND, and for each of its villages the pairs and births), one village
// in 25 leaves a measure unreported. It returns the province's file.
func provinceOfFiles(tb testing.TB, dir string, communes, villages int) string {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "xa"), 0o755); err != nil {
		tb.Fatal(err)
	}
	var p strings.Builder
	p.WriteString(`schema: bdg-period/v1
catalogue: bdg-2021-2030
unit: {issuer: [ỦY BAN NHÂN DÂN, TỈNH THỬ NGHIỆM], name: UBND tỉnh Thử Nghiệm, place: Thử Nghiệm, level: tỉnh, sublevel: "xã, phường"}
period: {kind: year, year: 2025, plan: 2021-2025}
document: {date: 2025-12-20}
signature: {preparer: Nguyễn Thị A, head: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Trần Văn B}
subunits:
`)
	for c := 1; c <= communes; c++ {
		fmt.Fprintf(&p, "  - {id: x%03d, name: Xã Thử Nghiệm %d, from: xa/x%03d.yaml}\n", c, c, c)
		var x strings.Builder
		fmt.Fprintf(&x, `schema: bdg-period/v1
catalogue: bdg-2021-2030
unit: {issuer: [ỦY BAN NHÂN DÂN, XÃ THỬ NGHIỆM %d], name: UBND xã Thử Nghiệm %d, place: Thử Nghiệm, level: xã, sublevel: thôn}
period: {kind: year, year: 2025, plan: 2021-2025}
document: {date: 2025-12-10}
subunits:
`, c, c)
		for v := 1; v <= villages; v++ {
			fmt.Fprintf(&x, "  - {id: t%d, name: Thôn %d}\n", v, v)
		}
		x.WriteString("data:\n  town:\n")
		sex := []string{"nam", "nữ"}
		fmt.Fprintf(&x, "    hdnd_lanh_dao: [Chủ tịch: %s, Phó Chủ tịch: nam]\n", sex[c%2])
		fmt.Fprintf(&x, "    ubnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: %s, Phó Chủ tịch: nam]\n", sex[c%3/2])
		for v := 1; v <= villages; v++ {
			k := c*7 + v*13
			fmt.Fprintf(&x, "  t%d:\n", v)
			fmt.Fprintf(&x, "    nan_nhan_bl: {detected: %d, served: %d}\n", k%5, k%5-k%2*min(k%5, 1))
			fmt.Fprintf(&x, "    nguoi_gay_bl: {detected: %d, counselled: %d}\n", k%4, k%4/2)
			if (c+v)%25 == 0 {
				x.WriteString("    sinh: ~\n")
			} else {
				fmt.Fprintf(&x, "    sinh: {male: %d, female: %d}\n", 15+k%20, 14+k%17)
			}
			fmt.Fprintf(&x, "    tiep_can_kien_thuc: {population: %d, reached: %d}\n", 1200+k%900, 700+k%400)
		}
		if err := os.WriteFile(filepath.Join(dir, "xa", fmt.Sprintf("x%03d.yaml", c)), []byte(x.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	p.WriteString(`departments:
  - {id: so-tai-chinh, name: Sở Tài chính}
  - {id: so-y-te, name: Sở Y tế}
  - {id: cong-an, name: Công an tỉnh}
data:
  town:
    hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]
    ubnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nam]
  so-tai-chinh: {doanh_nghiep_htx: {total: 41270, female: 10930}}
  so-y-te: {co_so_tro_giup: {facilities: 6, active: 5}, tu_vong_me: {births: 48420, deaths: 16}}
  cong-an: {mua_ban_nguoi: {needing: 15, supported: 14}}
`)
	file := filepath.Join(dir, "tinh-2025.yaml")
	if err := os.WriteFile(file, []byte(p.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return file
}

// BenchmarkProvinceFromFiles builds a province's workbook from its 600
// communes' files (each with its HĐND, UBND and three villages): reading
// and validating the 601 files, carrying the communes' totals up,
// computing and writing the workbook. With VANBAN_BENCH_OUT set, the
// files are written there too, to time the command itself.
func BenchmarkProvinceFromFiles(b *testing.B) {
	dir := b.TempDir()
	if out := os.Getenv("VANBAN_BENCH_OUT"); out != "" {
		dir = out
	}
	file := provinceOfFiles(b, dir, 600, 3)
	src := readFile(b, file)
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		_, w, diags := Prepare(file, src, Options{})
		if w == nil {
			b.Fatal(diags.Err())
		}
		if err := w(io.Discard); err != nil {
			b.Fatal(err)
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
	}
	b.ReportMetric(float64(peak)/(1<<20), "MB-heap-in-use")
}

// TestProvinceFromFiles checks the benchmark's province: 600 communes
// carried up, no error.
func TestProvinceFromFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("600 files")
	}
	file := provinceOfFiles(t, t.TempDir(), 600, 3)
	_, w, diags := Prepare(file, readFile(t, file), Options{})
	if w == nil || diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if err := w(io.Discard); err != nil {
		t.Fatal(err)
	}
}
