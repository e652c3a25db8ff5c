package xlsx

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/report"
)

// TestSourcesNoteByLevelAndPeriod is clerk trial 4's finding on Biểu 04:
// a province's "Nguồn số liệu" named commune posts (Công chức văn hóa - xã
// hội, cán bộ dân số xã, phường) and a body merged away on 1 March 2025
// (cơ quan lao động - xã hội). The note now follows the unit's level and
// the period; earlier periods keep their words.
func TestSourcesNoteByLevelAndPeriod(t *testing.T) {
	ex := func(name string) string { return filepath.Join("..", "..", "examples", name) }
	commune, err := os.ReadFile(ex("bao-cao-bdg-xa-an-thinh-2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	period := func(kind string, year int) []byte {
		s := strings.Replace(string(commune), "kind: year ", "kind: "+kind+" ", 1)
		s = strings.Replace(s, "year: 2025\n", "year: "+strconv.Itoa(year)+"\n", 1)
		return []byte(strings.Replace(s, "cutoff: 2025-12-10", "cutoff: ~", 1))
	}
	dir := t.TempDir()
	for _, c := range []struct {
		what      string
		file      string
		src       []byte
		want, not []string
	}{
		{"province, 2025", ex("bao-cao-bdg-tinh-an-hoa-2025.yaml"), nil,
			[]string{
				"(MT3.CT2a): Báo cáo của các xã, phường; cơ quan văn hóa (công tác gia đình); Sở Y tế (bảo trợ xã hội); Công an tỉnh.",
				"(MT3.CT3): Công an tỉnh; Sở Y tế (bảo trợ xã hội).",
				"(MT4.CT1): Báo cáo của các xã, phường; Sở Y tế (công tác dân số).",
			},
			[]string{"Công chức văn hóa - xã hội", "Trạm Y tế", "cán bộ dân số xã", "lao động - xã hội"}},
		{"commune, 2025", "xa-2025.yaml", period("year", 2025),
			[]string{"(MT3.CT2a): Phòng Văn hóa - Xã hội; Công an xã.", "(MT3.CT3): Công an xã; Phòng Văn hóa - Xã hội.", "(MT4.CT1): Trạm Y tế; cán bộ dân số thôn, tổ dân phố."},
			[]string{"Công chức văn hóa - xã hội", "lao động - xã hội"}},
		{"commune, first half of 2025 (before the two-tier reform)", "xa-2025-6.yaml", period("half-year", 2025),
			[]string{"(MT3.CT2a): Công chức văn hóa - xã hội; Công an xã.", "(MT3.CT3): Công an xã; công chức văn hóa - xã hội."},
			[]string{"Phòng Văn hóa - Xã hội", "lao động - xã hội"}},
		{"commune, 2024 (before the ministries merged)", "xa-2024.yaml", period("year", 2024),
			[]string{"(MT3.CT2a): Công chức văn hóa - xã hội; Công an xã.", "(MT3.CT3): Công an xã; cơ quan lao động - xã hội."},
			[]string{"Phòng Văn hóa - Xã hội", "Sở Y tế"}},
	} {
		var r *report.Report
		if c.src != nil {
			r = loadSrc(t, filepath.Join(dir, c.file), c.src)
		} else {
			r = load(t, c.file)
		}
		f := open(t, render(t, r))
		rows, err := f.GetRows("04_GhiChu")
		if err != nil {
			t.Fatal(err)
		}
		var note string
		for _, row := range rows {
			for _, cell := range row {
				if strings.HasPrefix(cell, "Nguồn số liệu theo chỉ tiêu:") {
					note = cell
				}
			}
		}
		for _, w := range c.want {
			if !strings.Contains(note, w) {
				t.Errorf("%s: want %q in\n%s", c.what, w, note)
			}
		}
		for _, w := range c.not {
			if strings.Contains(note, w) {
				t.Errorf("%s: %q should not be in\n%s", c.what, w, note)
			}
		}
	}
}

// TestPartlyMissingCommuneNote is clerk trial 4's finding 7: a commune
// whose HĐND figures are missing but whose UBND is counted is not "a
// commune without figures" in the province's Biểu 01 note: the note says
// what it lacks, and counts it among those the value rests on.
func TestPartlyMissingCommuneNote(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "examples")
	main, err := os.ReadFile(filepath.Join(src, "bao-cao-bdg-tinh-an-hoa-2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "tinh-an-hoa-2025"), 0o755)
	entries, _ := os.ReadDir(filepath.Join(src, "tinh-an-hoa-2025"))
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(src, "tinh-an-hoa-2025", e.Name()))
		if e.Name() == "bao-cao-bdg-xa-dong-hung-2025.yaml" {
			b = []byte(strings.Replace(string(b), "    hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nam]\n", "", 1))
		}
		os.WriteFile(filepath.Join(dir, "tinh-an-hoa-2025", e.Name()), b, 0o644)
	}
	r := loadSrc(t, filepath.Join(dir, "tinh.yaml"), main)
	f := open(t, render(t, r))
	name := r.Name(r.Cat.Indicator("MT1.CT1"))
	note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", name, sNote))
	want := fmt.Sprintf("trên số liệu của %d/%d xã, phường (Xã Đông Hưng chưa có số liệu Lãnh đạo chủ chốt HĐND (Chủ tịch, Phó Chủ tịch))", len(r.Subunits), len(r.Subunits))
	if !strings.Contains(note, want) || strings.Contains(note, "chưa có số liệu: Xã Đông Hưng") {
		t.Errorf("MT1.CT1 note %q, want %q", note, want)
	}
}

// TestOwnRowUnitShare is clerk trial 4's finding 6: Biểu 02a's row of the
// commune's own bodies showed "1 đơn vị, 1 có nữ" and an empty rate,
// which read as a missing figure while the total row showed 100.00.
func TestOwnRowUnitShare(t *testing.T) {
	r := load(t, filepath.Join("..", "..", "examples", "bao-cao-bdg-xa-an-thinh-2025.yaml"))
	f := open(t, render(t, r))
	sheet := f.GetSheetList()[1]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if len(row) < 2 || row[1] != r.Town.Name {
			continue
		}
		// The HĐND block: units, units with a woman, their share.
		for i := 2; i+2 < len(row); i++ {
			if row[i] == "1" && row[i+1] == "1" && row[i+2] == "100.00" {
				return
			}
		}
		t.Fatalf("%s row of %s: %q, want 1, 1, 100.00 for the HĐND", r.Town.Name, sheet, row)
	}
	t.Fatalf("no %s row in %s", r.Town.Name, sheet)
}

// TestNotesEndWithFullStop is clerk trial 4's finding 9: Biểu 01's
// "Chỉ tiêu đánh giá ở cấp tỉnh" lacked the full stop the other notes end
// with; no note ends with two.
func TestNotesEndWithFullStop(t *testing.T) {
	r := load(t, filepath.Join("..", "..", "examples", "bao-cao-bdg-xa-an-thinh-2025.yaml"))
	f := open(t, render(t, r))
	name := r.Name(r.Cat.Indicator("MT2.CT3"))
	if note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", name, sNote)); note != "Chỉ tiêu đánh giá ở cấp tỉnh." {
		t.Errorf("MT2.CT3 note %q, want %q", note, "Chỉ tiêu đánh giá ở cấp tỉnh.")
	}
	for i := range r.Cat.Indicators {
		ind := &r.Cat.Indicators[i]
		note, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", r.Name(ind), sNote))
		if note != "" && (!strings.HasSuffix(note, ".") || strings.HasSuffix(note, "..")) {
			t.Errorf("%s note %q", ind.ID, note)
		}
	}
}
