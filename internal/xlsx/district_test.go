package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// district is an unseen district of 20 communes, generated from a seed,
// with its figures kept apart from the period file so that the test can
// compute every indicator by itself, without the report package.
type district struct {
	communes int
	// sex[measure][unit] = {total, female}; unit -1 is the district's own
	// bodies. A missing entry means "not reported".
	sex map[string]map[int][2]int
	// pair[measure][unit] = {first, second}
	pair map[string]map[int][2]int
	// flag[measure][unit] = yes; posts[unit] = women among the key posts
	flag  map[string]map[int]bool
	posts map[int][2]int // {posts, women}
	count map[int]int    // items per commune
	firms [2]int         // the department's enterprises: {total, women owners}
}

const town = -1

// newDistrict draws the figures; about one figure in eight is missing.
// Party committees are tuned to exactly 25 % women and HĐND deputies to
// exactly 35 %, on which "từ 25% trở lên" is met and "trên 35%" is not.
func newDistrict(seed uint64) *district {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	d := &district{communes: 20, sex: map[string]map[int][2]int{}, pair: map[string]map[int][2]int{},
		flag: map[string]map[int]bool{}, posts: map[int][2]int{}, count: map[int]int{}}
	missing := func() bool { return rng.IntN(8) == 0 }
	units := func(withTown bool) []int {
		var us []int
		if withTown {
			us = append(us, town)
		}
		for c := 0; c < d.communes; c++ {
			us = append(us, c)
		}
		return us
	}
	for _, m := range []struct {
		id       string
		withTown bool
		lo, hi   int
	}{{"cap_uy", true, 11, 35}, {"hdnd", true, 20, 40}, {"viec_lam_moi", false, 40, 400}, {"sinh", false, 30, 140}} {
		d.sex[m.id] = map[int][2]int{}
		for _, u := range units(m.withTown) {
			// The district's own Party committee and HĐND always report:
			// without them the 25 % and 35 % boundaries would have no value.
			if missing() && u != town {
				continue
			}
			total := m.lo + rng.IntN(m.hi-m.lo+1)
			d.sex[m.id][u] = [2]int{total, rng.IntN(total/2 + 1)}
		}
	}
	d.exactly("cap_uy", 25)
	d.exactly("hdnd", 35)
	for _, m := range []struct {
		id       string
		withTown bool
		hi       int
	}{{"nan_nhan_blgd", false, 6}, {"nguoi_gay_blgd", false, 6}, {"can_bo_bdg", true, 15}} {
		d.pair[m.id] = map[int][2]int{}
		for _, u := range units(m.withTown) {
			if missing() {
				continue
			}
			a := rng.IntN(m.hi + 1)
			d.pair[m.id][u] = [2]int{a, rng.IntN(a + 1)}
		}
	}
	for _, m := range []struct {
		id       string
		withTown bool
	}{{"dai_truyen_thanh", true}, {"can_bo_phu_trach", false}} {
		d.flag[m.id] = map[int]bool{}
		for _, u := range units(m.withTown) {
			if !missing() {
				d.flag[m.id][u] = rng.IntN(4) > 0
			}
		}
	}
	for _, u := range units(true) {
		if !missing() {
			n := 2 + rng.IntN(3)
			d.posts[u] = [2]int{n, min(rng.IntN(4), 1) * (1 + rng.IntN(n))}
		}
	}
	for c := 0; c < d.communes; c++ {
		if !missing() {
			d.count[c] = 10 + rng.IntN(30)
		}
	}
	d.firms = [2]int{1000 + rng.IntN(9_000_000), 0}
	d.firms[1] = d.firms[0] * (20 + rng.IntN(30)) / 100
	return d
}

// exactly sets the women of the reporting units so that they are exactly
// pct % of all reported members, each unit keeping about pct % (the
// Party committees and HĐND of a real district are like that).
func (d *district) exactly(id string, pct int) {
	units := make([]int, 0, len(d.sex[id]))
	for u := town; u < d.communes; u++ {
		if _, ok := d.sex[id][u]; ok {
			units = append(units, u)
		}
	}
	total := 0
	for _, u := range units {
		total += d.sex[id][u][0]
	}
	// A total of a multiple of 20 makes both 25 % and 35 % whole.
	first := d.sex[id][units[0]]
	first[0] += (20 - total%20) % 20
	d.sex[id][units[0]] = first
	total += (20 - total%20) % 20
	women := 0
	for _, u := range units {
		f := d.sex[id][u]
		f[1] = f[0] * pct / 100
		d.sex[id][u] = f
		women += f[1]
	}
	for i := 0; women < total*pct/100; i++ {
		f := d.sex[id][units[i]]
		f[1]++
		d.sex[id][units[i]] = f
		women++
	}
}

// yaml writes the district's period file.
func (d *district) yaml() string {
	var b strings.Builder
	b.WriteString(`schema: bdg-period/v1
catalogue: bdg-2011-2020
unit: {issuer: [ỦY BAN NHÂN DÂN, HUYỆN THỬ NGHIỆM], name: UBND huyện Thử Nghiệm, place: Thử Nghiệm, level: huyện, sublevel: "xã, thị trấn"}
period: {kind: year, year: 2019, plan: 2016-2020}
document: {date: 2019-12-20}
signature: {preparer: Nguyễn Thị A, head: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH], name: Trần Văn B}
subunits:
`)
	for c := 0; c < d.communes; c++ {
		fmt.Fprintf(&b, "  - {id: x%d, name: Xã Thử %d}\n", c, c+1)
	}
	b.WriteString("departments:\n  - {id: tckh, name: Phòng Tài chính - Kế hoạch}\ndata:\n")
	for u := town; u < d.communes; u++ {
		if u == town {
			b.WriteString("  town:\n")
		} else {
			fmt.Fprintf(&b, "  x%d:\n", u)
		}
		for _, id := range []string{"cap_uy", "hdnd", "viec_lam_moi", "sinh"} {
			if f, ok := d.sex[id][u]; ok {
				fmt.Fprintf(&b, "    %s: {total: %d, female: %d}\n", id, f[0], f[1])
			} else if u != town || id == "cap_uy" || id == "hdnd" {
				fmt.Fprintf(&b, "    %s: ~\n", id)
			}
		}
		keys := map[string][2]string{"nan_nhan_blgd": {"detected", "served"}, "nguoi_gay_blgd": {"detected", "counselled"}, "can_bo_bdg": {"members", "trained"}}
		for _, id := range []string{"nan_nhan_blgd", "nguoi_gay_blgd", "can_bo_bdg"} {
			if f, ok := d.pair[id][u]; ok {
				fmt.Fprintf(&b, "    %s: {%s: %d, %s: %d}\n", id, keys[id][0], f[0], keys[id][1], f[1])
			} else if u != town || id == "can_bo_bdg" {
				fmt.Fprintf(&b, "    %s: ~\n", id)
			}
		}
		for _, id := range []string{"dai_truyen_thanh", "can_bo_phu_trach"} {
			if v, ok := d.flag[id][u]; ok {
				fmt.Fprintf(&b, "    %s: %v\n", id, map[bool]string{true: "có", false: "không"}[v])
			} else if u != town || id == "dai_truyen_thanh" {
				fmt.Fprintf(&b, "    %s: ~\n", id)
			}
		}
		if p, ok := d.posts[u]; ok {
			b.WriteString("    ubnd_lanh_dao: [")
			for i := 0; i < p[0]; i++ {
				post, sex := "Phó Chủ tịch", "nam"
				if i == 0 {
					post = "Chủ tịch"
				}
				if i < p[1] {
					sex = "nữ"
				}
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%s: %s", post, sex)
			}
			b.WriteString("]\n")
		} else {
			b.WriteString("    ubnd_lanh_dao: ~\n")
		}
		if u != town {
			if n, ok := d.count[u]; ok {
				fmt.Fprintf(&b, "    tin_bai_bdg: %d\n", n)
			} else {
				b.WriteString("    tin_bai_bdg: ~\n")
			}
		}
	}
	fmt.Fprintf(&b, "  tckh:\n    doanh_nghiep: {total: %d, female: %d}\n", d.firms[0], d.firms[1])
	return b.String()
}

// expected is an indicator's value (rounded as printed) and verdict.
type expected struct {
	value float64
	has   bool
	word  string
}

// judge computes a share num/den (× scale, rounded to dec decimals) and
// its verdict against target t with comparator cmp; reported says whether
// any unit reported.
func judge(num, den, scale float64, dec int, reported bool, cmp string, t float64) expected {
	if !reported {
		return expected{word: "Chưa có số liệu"}
	}
	if den == 0 {
		return expected{word: "Không phát sinh"}
	}
	p := math.Pow(10, float64(dec))
	v := math.Floor(num/den*scale*p+0.5+1e-9) / p
	ok := map[string]bool{">=": v >= t, ">": v > t, "<=": v <= t}[cmp]
	if cmp == "band" {
		ok = v >= 40 && v <= 60
	}
	return expected{value: v, has: true, word: map[bool]string{true: "Đạt", false: "Chưa đạt"}[ok]}
}

// independent computes every assessed indicator from the raw figures:
// Σ numerators / Σ denominators of the units that reported, a missing unit
// out of both sides, judged against the 2020 national targets.
func (d *district) independent() map[string]expected {
	sexShare := func(id string, withTown bool, num func([2]int) int, den func([2]int) int, scale float64, dec int, cmp string, t float64) expected {
		if _, own := d.sex[id][town]; withTown && !own {
			return expected{word: "Chưa có số liệu"} // the district's own figures are missing, not zero
		}
		n, dd, rep := 0, 0, false
		for u, f := range d.sex[id] {
			if u == town && !withTown {
				continue
			}
			n, dd, rep = n+num(f), dd+den(f), true
		}
		return judge(float64(n), float64(dd), scale, dec, rep, cmp, t)
	}
	pairShare := func(id string, cmp string, t float64) expected {
		n, dd, rep := 0, 0, false
		for _, f := range d.pair[id] {
			n, dd, rep = n+f[1], dd+f[0], true
		}
		return judge(float64(n), float64(dd), 100, 2, rep, cmp, t)
	}
	flagShare := func(id string, withTown bool, cmp string, t float64) expected {
		if _, own := d.flag[id][town]; withTown && !own {
			return expected{word: "Chưa có số liệu"}
		}
		yes, units := 0, 0
		for u, v := range d.flag[id] {
			if u == town && !withTown {
				continue
			}
			units++
			if v {
				yes++
			}
		}
		return judge(float64(yes), float64(units), 100, 2, units > 0, cmp, t)
	}
	female := func(f [2]int) int { return f[1] }
	total := func(f [2]int) int { return f[0] }
	male := func(f [2]int) int { return f[0] - f[1] }
	out := map[string]expected{
		"MT1.CT1a": sexShare("cap_uy", true, female, total, 100, 2, ">=", 25),
		"MT1.CT1b": sexShare("hdnd", true, female, total, 100, 2, ">", 35),
		"MT2.CT1":  sexShare("viec_lam_moi", false, female, total, 100, 2, "band", 0),
		"MT4.CT1":  sexShare("sinh", false, male, female, 100, 1, "<=", 115),
		"MT6.CT2a": pairShare("nan_nhan_blgd", ">=", 50),
		"MT6.CT2b": pairShare("nguoi_gay_blgd", ">=", 75),
		"MT7.CT2":  pairShare("can_bo_bdg", ">=", 100),
		"MT5.CT2":  flagShare("dai_truyen_thanh", true, ">=", 100),
		"MT2.CT2":  judge(float64(d.firms[1]), float64(d.firms[0]), 100, 2, true, ">=", 35),
	}
	yes, units := 0, 0
	for _, p := range d.posts {
		units++
		if p[1] > 0 {
			yes++
		}
	}
	out["MT1.CT2"] = judge(float64(yes), float64(units), 100, 2, units > 0, ">", 95)
	if _, own := d.posts[town]; !own {
		out["MT1.CT2"] = expected{word: "Chưa có số liệu"}
	}
	yes, units = 0, 0
	for _, n := range d.count {
		units++
		if n >= 24 { // 2 items a month in a year
			yes++
		}
	}
	out["MT5.CT3"] = judge(float64(yes), float64(units), 100, 2, units > 0, ">=", 100)
	c := flagShare("can_bo_phu_trach", false, ">=", 0)
	c.word = "Chưa có chỉ tiêu" // MT7.CT3 has no national target
	out["MT7.CT3"] = c
	return out
}

// TestUnseenDistrict renders districts of 20 communes drawn from five
// seeds and compares every assessed indicator of the summary, value and
// verdict, with the independent computation: as vanban caches them, and,
// when LibreOffice is installed, as LibreOffice recalculates the workbook
// written without cached values. The HĐND and Party committee shares sit
// exactly on their thresholds (≥ 25 met at 25,00; > 35 not met at 35,00).
// The workbook of a huyện never says "thị xã".
func TestUnseenDistrict(t *testing.T) {
	dir := t.TempDir()
	var bare []string
	check := map[string]func(*excelize.File){}
	for seed := uint64(1); seed <= 5; seed++ {
		d := newDistrict(seed)
		file := filepath.Join(dir, fmt.Sprintf("huyen-%d.yaml", seed))
		if err := os.WriteFile(file, []byte(d.yaml()), 0o644); err != nil {
			t.Fatal(err)
		}
		r := load(t, file)
		f := open(t, render(t, r))
		want := d.independent()
		if w := want["MT1.CT1a"]; w.value != 25 || w.word != "Đạt" {
			t.Fatalf("seed %d: the generator missed 25 %%: %+v", seed, w)
		}
		if w := want["MT1.CT1b"]; w.value != 35 || w.word != "Chưa đạt" {
			t.Fatalf("seed %d: the generator missed 35 %%: %+v", seed, w)
		}
		compare := func(what string, f *excelize.File) {
			for id, w := range want {
				ind := r.Cat.Indicator(id)
				value, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", r.Name(ind), sValue), excelize.Options{RawCellValue: true})
				word, _ := f.GetCellValue("01_TongHop", cellOf(f, "01_TongHop", r.Name(ind), sJudge))
				wantValue := ""
				if w.has {
					wantValue = strconv.FormatFloat(w.value, 'f', -1, 64)
				}
				if !sameValue(value, wantValue) || word != w.word {
					t.Errorf("seed %d %s, %s: %q %q; independently %q %q", seed, id, what, value, word, wantValue, w.word)
				}
			}
		}
		compare("cached", f)
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for i, row := range rows {
				for _, v := range row {
					if l := strings.ToLower(v); strings.Contains(l, "thị xã") || strings.Contains(l, "thị ủy") {
						t.Errorf("seed %d: %s row %d says %q", seed, sh, i+1, v)
					}
				}
			}
		}
		var b bytes.Buffer
		if err := WriteUncached(r, &b); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("huyen-%d.xlsx", seed))
		os.WriteFile(p, b.Bytes(), 0o644)
		bare = append(bare, p)
		check[filepath.Base(p)] = func(f *excelize.File) { compare("recalculated by LibreOffice", f) }
	}
	if testing.Short() {
		return
	}
	for name, data := range recalc(t, bare) {
		check[name](open(t, data))
	}
}

// recalc has LibreOffice recalculate workbooks (written without cached
// values) and returns the results by file name; it skips the test when
// LibreOffice is missing, unless it is required.
func recalc(t *testing.T, files []string) map[string][]byte {
	t.Helper()
	bin := soffice(t)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	os.MkdirAll(filepath.Join(profile, "user"), 0o755)
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "xlsx", "--outdir", out}, files...)
	if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	res := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(out, filepath.Base(f)))
		if err != nil {
			t.Fatal(err)
		}
		res[filepath.Base(f)] = data
	}
	return res
}
