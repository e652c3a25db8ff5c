package report

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// leaf is one body that reports figures: the province's own bodies, a
// commune's own bodies or a village. A nil entry means "not reported".
type leaf struct {
	name    string
	figures map[string]Figures // by measure, as the tests expect them read
	yaml    map[string]string  // by measure, as written
}

// genLeaf invents the figures of one body; each measure is missing with
// probability 1/5.
func genLeaf(rng *rand.Rand, name string, measures []string) leaf {
	l := leaf{name: name, figures: map[string]Figures{}, yaml: map[string]string{}}
	for _, m := range measures {
		if rng.Intn(5) == 0 {
			l.yaml[m] = "~"
			continue
		}
		switch m {
		case "hdnd", "viec_lam", "sinh":
			t := int64(rng.Intn(900) + 1)
			f := int64(rng.Intn(int(t) + 1))
			l.figures[m] = Figures{"total": t, "male": t - f, "female": f}
			l.yaml[m] = fmt.Sprintf("{total: %d, female: %d}", t, f)
		case "blgd":
			a := int64(rng.Intn(6))
			b := int64(rng.Intn(int(a) + 1))
			l.figures[m] = Figures{"detected": a, "served": b}
			l.yaml[m] = fmt.Sprintf("{detected: %d, served: %d}", a, b)
		case "ubnd":
			n := rng.Intn(3) + 1
			var posts []string
			women := int64(0)
			for i := 0; i < n; i++ {
				sex := "nam"
				if rng.Intn(4) == 0 {
					sex, women = "nữ", women+1
				}
				posts = append(posts, fmt.Sprintf("Chức danh %d: %s", i+1, sex))
			}
			l.figures[m] = Figures{"posts": int64(n), "female": women, "yes": min(women, 1), "units": 1}
			l.yaml[m] = "[" + strings.Join(posts, ", ") + "]"
		case "tin_bai":
			v := int64(rng.Intn(40))
			yes := int64(0)
			if v >= 24 { // 2 a month over 12 months
				yes = 1
			}
			l.figures[m] = Figures{"value": v, "yes": yes, "units": 1}
			l.yaml[m] = fmt.Sprint(v)
		case "can_bo":
			yes := int64(rng.Intn(2))
			l.figures[m] = Figures{"yes": yes, "units": 1}
			l.yaml[m] = map[int64]string{0: "không", 1: "có"}[yes]
		}
	}
	return l
}

var areaMeasureIDs = []string{"hdnd", "viec_lam", "blgd", "ubnd", "tin_bai", "can_bo", "sinh"}

// subunitsOnlyMeasures are the test catalogue's measures that only
// sub-unit indicators use: a body's own figure for them is left out.
var subunitsOnlyMeasures = map[string]bool{"tin_bai": true, "can_bo": true, "sinh": true}

func leafData(id string, l leaf, skip map[string]bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %s:\n", id)
	for _, m := range areaMeasureIDs {
		if skip[m] {
			continue
		}
		fmt.Fprintf(&b, "    %s: %s\n", m, l.yaml[m])
	}
	return b.String()
}

// province writes a province file whose communes each name their own
// file in the folder xa/, every commune with its own bodies and villages,
// and returns the province's own bodies and every commune's bodies and
// villages (the independent record of what was written).
func writeProvince(t *testing.T, dir string, rng *rand.Rand, communes int) (string, leaf, [][]leaf) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "cat.yaml"), []byte(testCatalogue), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "xa"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "xa", "cat.yaml"), []byte(testCatalogue), 0o644); err != nil {
		t.Fatal(err)
	}
	var prov strings.Builder
	prov.WriteString(`schema: bdg-period/v1
catalogue: ./cat.yaml
unit: {issuer: [ỦY BAN NHÂN DÂN, TỈNH T], name: UBND tỉnh T, place: T, level: tỉnh, sublevel: "xã, phường"}
period: {kind: year, year: 2025}
document: {date: 2025-12-20}
subunits:
`)
	all := make([][]leaf, communes)
	for c := 0; c < communes; c++ {
		fmt.Fprintf(&prov, "  - {id: x%d, name: Xã %d, from: xa/x%d.yaml}\n", c, c, c)
		var cf strings.Builder
		fmt.Fprintf(&cf, `schema: bdg-period/v1
catalogue: ./cat.yaml
unit: {issuer: [ỦY BAN NHÂN DÂN, XÃ %d], name: UBND xã %d, place: X, level: xã, sublevel: thôn}
period: {kind: year, year: 2025}
document: {date: 2025-12-10}
subunits:
`, c, c)
		villages := 2 + rng.Intn(4)
		for v := 0; v < villages; v++ {
			fmt.Fprintf(&cf, "  - {id: t%d, name: Thôn %d.%d}\n", v, c, v)
		}
		cf.WriteString("data:\n")
		own := genLeaf(rng, fmt.Sprintf("Xã %d (cấp xã)", c), areaMeasureIDs)
		cf.WriteString(leafData("town", own, subunitsOnlyMeasures))
		all[c] = []leaf{own}
		for v := 0; v < villages; v++ {
			l := genLeaf(rng, fmt.Sprintf("Thôn %d.%d", c, v), areaMeasureIDs)
			if c == 1 { // a commune none of whose bodies reported hdnd
				l.yaml["hdnd"], l.figures["hdnd"] = "~", nil
			}
			cf.WriteString(leafData(fmt.Sprintf("t%d", v), l, nil))
			all[c] = append(all[c], l)
		}
		if c == 1 {
			own.yaml["hdnd"], own.figures["hdnd"] = "~", nil
			all[c][0] = own
			s := strings.Replace(cf.String(), "  town:\n    hdnd: {", "  town:\n    hdnd: ~ #{", 1)
			cf.Reset()
			cf.WriteString(s)
		}
		if err := os.WriteFile(filepath.Join(dir, "xa", fmt.Sprintf("x%d.yaml", c)), []byte(cf.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prov.WriteString("departments:\n  - {id: tk, name: Cục Thống kê}\ndata:\n")
	own := genLeaf(rng, "Cấp tỉnh", areaMeasureIDs)
	prov.WriteString(leafData("town", own, subunitsOnlyMeasures))
	prov.WriteString("  tk: {doanh_nghiep: {total: 100, female: 27}}\n")
	file := filepath.Join(dir, "tinh.yaml")
	if err := os.WriteFile(file, []byte(prov.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, own, all
}

func loadFile(t *testing.T, file string) (*Report, diag.List) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.New(file)
	root := d.Parse(src)
	if root == nil {
		t.Fatalf("parse: %v", d.Diags)
	}
	r := Load(d, root, "")
	d.Diags.Sort()
	return r, d.Diags
}

// TestCarriedTotalsMatchIndependentSums builds a province from 12
// communes' files (each with its own bodies and 2-5 villages, a fifth of
// the figures missing) and checks every assessed value against sums made
// here from the generated figures: Σ numerators / Σ denominators over the
// bodies that reported, a missing body out of both sides, and for shares
// of units Σ units meeting the rule / Σ units reported.
func TestCarriedTotalsMatchIndependentSums(t *testing.T) {
	for seed := int64(1); seed <= 5; seed++ {
		dir := t.TempDir()
		file, prov, communes := writeProvince(t, dir, rand.New(rand.NewSource(seed)), 12)
		r, diags := loadFile(t, file)
		if r == nil || diags.HasErrors() {
			t.Fatalf("seed %d: %v", seed, diags.Err())
		}
		if len(r.Sources) != 12 {
			t.Fatalf("seed %d: %d sources, want 12", seed, len(r.Sources))
		}
		for i := range r.Results {
			res := &r.Results[i]
			ind := res.Ind
			if !ind.Assessable() || ind.Measures()[0].From != FromAreas {
				continue
			}
			num, den, reported := independent(ind, prov, communes)
			if res.Num != num || (ind.Kind != KindCount && res.Den != den) {
				t.Errorf("seed %d %s: sums %v/%v, want %v/%v", seed, ind.ID, res.Num, res.Den, num, den)
			}
			want, ok := 0.0, reported
			switch {
			case ind.Kind == KindCount:
				want = num
			default:
				ok = den != 0
				if ok {
					want = viet.Round(num/den*ind.Mult(), ind.Dec())
				}
			}
			if !ind.SubunitsOnly() && prov.figures[ind.Measures()[0].ID] == nil {
				ok = false // the province's own figures missing: no value at all
			}
			if res.HasValue != ok || (ok && math.Abs(res.Value-want) > 1e-9) {
				t.Errorf("seed %d %s: value %v (%v), want %v (%v)", seed, ind.ID, res.Value, res.HasValue, want, ok)
			}
		}
		// A commune none of whose bodies reported HĐND figures (Xã 1, and
		// others by chance) is missing, not zero.
		var want []string
		for i, c := range communes {
			none := true
			for _, b := range c {
				none = none && b.figures["hdnd"] == nil
			}
			if none {
				want = append(want, fmt.Sprintf("Xã %d", i))
			}
		}
		res := result(t, r, "ge")
		if got := names(res.Missing); strings.Join(got, ",") != strings.Join(want, ",") || want[0] != "Xã 1" {
			t.Errorf("seed %d: missing %v, want %v", seed, got, want)
		}
	}
}

func names(es []*Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name)
	}
	return out
}

// independent sums an indicator over the bodies that count for it: the
// province's own bodies unless the indicator counts sub-units only, each
// commune's own bodies unless the measure is counted for sub-units only
// (left out with a warning at the commune), and every village.
func independent(ind *Indicator, prov leaf, communes [][]leaf) (num, den float64, reported bool) {
	var bodies []leaf
	subOnly := false
	for _, m := range ind.Measures() {
		subOnly = subOnly || subunitsOnlyMeasures[m.ID]
	}
	if !ind.SubunitsOnly() {
		bodies = append(bodies, prov)
	}
	for _, c := range communes {
		if !subOnly {
			bodies = append(bodies, c[0])
		}
		bodies = append(bodies, c[1:]...)
	}
	for _, b := range bodies {
		for _, m := range ind.Measures() {
			f := b.figures[m.ID]
			if f == nil {
				continue
			}
			reported = true
			if ind.Kind == KindUnitShare {
				num += float64(f["yes"])
				den += float64(f["units"])
				continue
			}
			num += float64(f[ind.Numerator])
			if ind.Denominator != "" {
				den += float64(f[ind.Denominator])
			}
		}
	}
	return num, den, reported
}

// TestCarriedIncomplete: a commune whose villages did not all report a
// measure is carried up with the villages it lacks named.
func TestCarriedIncomplete(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cat.yaml", testCatalogue)
	write(t, dir, "c/cat.yaml", testCatalogue)
	write(t, dir, "p.yaml", strings.Replace(periodHead, "  - {id: c, name: Xã C}\n", "  - {id: c, name: Xã C, from: c/c.yaml}\n", 1)+
		"data:\n  a: {hdnd: {total: 10, female: 4}}\n  b: {hdnd: {total: 10, female: 5}}\n")
	write(t, dir, "c/c.yaml", `schema: bdg-period/v1
catalogue: ./cat.yaml
unit: {issuer: [ỦY BAN NHÂN DÂN, XÃ C], name: UBND xã C, place: C, level: xã, sublevel: thôn}
period: {kind: year, year: 2017}
document: {date: 2017-06-10}
subunits:
  - {id: t1, name: Thôn 1}
  - {id: t2, name: Thôn 2}
  - {id: t3, name: Thôn 3}
data:
  town: {hdnd: {total: 20, female: 6}}
  t1: {hdnd: {total: 3, female: 1}, sinh: {male: 10, female: 9}}
  t2: {hdnd: ~, sinh: {male: 7, female: 8}}
  t3: {hdnd: {total: 2, female: 2}, sinh: ~}
`)
	r, diags := loadFile(t, filepath.Join(dir, "p.yaml"))
	if r == nil {
		t.Fatal(diags.Err())
	}
	if got := r.Get("c", "hdnd"); got["total"] != 25 || got["female"] != 9 {
		t.Errorf("carried hdnd %v, want 25/9 (the commune's own 20/6 and two villages)", got)
	}
	if got := r.Get("c", "sinh"); got["male"] != 17 || got["female"] != 17 {
		t.Errorf("carried sinh %v, want 17/17", got)
	}
	src := r.Sources["c"]
	if src == nil || src.File != "c/c.yaml" || src.Unit != "UBND xã C" {
		t.Fatalf("source %+v", src)
	}
	if got := strings.Join(src.Incomplete["hdnd"], ","); got != "Thôn 2" {
		t.Errorf("hdnd incomplete %q, want Thôn 2", got)
	}
	if got := strings.Join(src.Incomplete["sinh"], ","); got != "Thôn 3" {
		t.Errorf("sinh incomplete %q, want Thôn 3", got)
	}
	if res := result(t, r, "ge"); res.Num != 4+5+9 || res.Den != 10+10+25 {
		t.Errorf("ge %v/%v", res.Num, res.Den)
	}
}

func write(t *testing.T, dir, name, src string) {
	t.Helper()
	src = strings.Replace(src, "%KIND%", "year", 1)
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// childPeriod is a commune file for the test catalogue one folder down.
const childPeriod = `schema: bdg-period/v1
catalogue: ./cat.yaml
unit: {issuer: [ỦY BAN NHÂN DÂN, XÃ C], name: UBND xã C, place: C, level: xã, sublevel: thôn}
period: {kind: year, year: 2017}
document: {date: 2017-06-10}
subunits:
  - {id: t1, name: Thôn 1%FROM%}
data:
  town: {hdnd: {total: 20, female: 6}}
`

// TestCarryRefusals: a file outside the folder (by "..", an absolute path
// or a symbolic link), a cycle, the same file twice, another period or
// catalogue, figures given besides from, and a broken sub-unit file, each
// reported where the mistake is.
func TestCarryRefusals(t *testing.T) {
	parent := func(from string) string {
		return strings.Replace(periodHead, "  - {id: c, name: Xã C}\n", "  - {id: c, name: Xã C, from: "+from+"}\n", 1) +
			"data:\n  a: {hdnd: {total: 10, female: 4}}\n"
	}
	child := strings.Replace(childPeriod, "%FROM%", "", 1)
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"dotdot", map[string]string{"p.yaml": parent("../c.yaml")},
			[]string{`p.yaml:9:31: subunits[3].from: not reading "../c.yaml": a sub-unit's file must be inside the report file's folder`}},
		{"absolute", map[string]string{"p.yaml": parent("/etc/c.yaml")},
			[]string{`subunits[3].from: not reading "/etc/c.yaml": a sub-unit's file must be inside`}},
		{"missing", map[string]string{"p.yaml": parent("c/nothing.yaml")},
			[]string{`subunits[3].from: Xã C: cannot read the sub-unit's file`, "no such file"}},
		{"cycle", map[string]string{"p.yaml": parent("c/c.yaml"), "c/c.yaml": strings.Replace(childPeriod, "%FROM%", ", from: d.yaml", 1),
			"c/d.yaml": strings.Replace(childPeriod, "%FROM%", ", from: c.yaml", 1)},
			[]string{`d.yaml:7:34: subunits[1].from: Thôn 1: the file c.yaml leads back to a file that is adding it up, a cycle`}},
		{"period", map[string]string{"p.yaml": parent("c/c.yaml"), "c/c.yaml": strings.Replace(child, "year: 2017", "year: 2016", 1)},
			[]string{`p.yaml:9:31: subunits[3].from: Xã C: the file c/c.yaml reports the year 2016, not the year 2017 as this report does`}},
		{"level", map[string]string{"p.yaml": parent("c/c.yaml"), "c/c.yaml": strings.Replace(child, "level: xã, sublevel: thôn", "level: huyện, sublevel: xã", 1)},
			[]string{`subunits[3].from: Xã C: the file c/c.yaml is the report of a huyện-level unit (UBND xã C), but this report's sub-units are at the xã level`}},
		{"catalogue", map[string]string{"p.yaml": parent("c/c.yaml"), "c/c.yaml": strings.Replace(child, "./cat.yaml", "bdg-2011-2020", 1)},
			[]string{`subunits[3].from: Xã C: the file c/c.yaml uses the catalogue "bdg-2011-2020"`}},
		{"both", map[string]string{"p.yaml": parent("c/c.yaml") + "  c: {hdnd: {total: 1, female: 1}}\n", "c/c.yaml": child},
			[]string{`p.yaml:14:3: data.c: Xã C takes its figures from the file c/c.yaml (from:), so its figures cannot also be given here`}},
		{"child error", map[string]string{"p.yaml": parent("c/c.yaml"), "c/c.yaml": strings.Replace(child, "female: 6", "female: 26", 1)},
			[]string{`c.yaml:9:36: data.town.hdnd.female: Cấp xã, Đại biểu HĐND: women (26) are more than the total (20)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "cat.yaml", testCatalogue)
			write(t, dir, "c/cat.yaml", testCatalogue)
			for name, src := range c.files {
				write(t, dir, name, src)
			}
			r, diags := loadFile(t, filepath.Join(dir, "p.yaml"))
			if r != nil {
				t.Error("report accepted")
			}
			for _, w := range c.want {
				wantSub(t, diags, w)
			}
		})
	}
}

// TestCarrySymlinkOutside: a link inside the folder to a file outside it
// is refused, and the message says it is the link.
func TestCarrySymlinkOutside(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, "c.yaml", strings.Replace(childPeriod, "%FROM%", "", 1))
	write(t, outside, "cat.yaml", testCatalogue)
	dir := t.TempDir()
	write(t, dir, "cat.yaml", testCatalogue)
	if err := os.Symlink(outside, filepath.Join(dir, "c")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	write(t, dir, "p.yaml", strings.Replace(periodHead, "  - {id: c, name: Xã C}\n", "  - {id: c, name: Xã C, from: c/c.yaml}\n", 1)+
		"data:\n  a: {hdnd: {total: 10, female: 4}}\n")
	r, diags := loadFile(t, filepath.Join(dir, "p.yaml"))
	if r != nil {
		t.Error("report accepted")
	}
	wantSub(t, diags, `subunits[3].from: not reading "c/c.yaml": the path goes through a symbolic link that leads outside the report file's folder`)
}

// TestSameFileTwice: two sub-units naming one file would count it twice.
func TestSameFileTwice(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cat.yaml", testCatalogue)
	write(t, dir, "c/cat.yaml", testCatalogue)
	write(t, dir, "c/c.yaml", strings.Replace(childPeriod, "%FROM%", "", 1))
	src := strings.Replace(periodHead, "  - {id: b, name: Phường B}\n  - {id: c, name: Xã C}\n",
		"  - {id: b, name: Phường B, from: c/c.yaml}\n  - {id: c, name: Xã C, from: c/./c.yaml}\n", 1) + "data:\n  a: {hdnd: {total: 10, female: 4}}\n"
	write(t, dir, "p.yaml", src)
	r, diags := loadFile(t, filepath.Join(dir, "p.yaml"))
	if r != nil {
		t.Error("report accepted")
	}
	wantSub(t, diags, `subunits[3].from: Xã C: the file c/./c.yaml (or a file it takes figures from) is already used for Phường B`)
}
