package report

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// testCatalogue has one indicator of each kind and comparator.
const testCatalogue = `schema: bdg-indicators/v1
id: test
title: Bộ chỉ tiêu thử
stage: 2016-2020
groups:
  - {id: G, title: Nhóm}
measures:
  - {id: hdnd, label: Đại biểu HĐND, unit: người, shape: sex, from: areas}
  - {id: viec_lam, label: Việc làm mới, unit: người, shape: sex, from: areas}
  - id: blgd
    label: Nạn nhân BLGĐ
    shape: pair
    from: areas
    unit: người
    first: {key: detected, label: Được phát hiện}
    second: {key: served, label: Được hỗ trợ}
    subset: true
  - {id: ubnd, label: Lãnh đạo UBND, shape: posts, from: areas}
  - {id: tin_bai, label: Tin bài, unit: tin bài, shape: count, from: areas, per_month_at_least: 2}
  - {id: doanh_nghiep, label: Doanh nghiệp, unit: doanh nghiệp, shape: sex, from: departments}
  - {id: can_bo, label: Có cán bộ phụ trách, shape: flag, from: areas}
  - {id: sinh, label: Trẻ sinh ra sống, unit: trẻ, shape: sex, from: areas}
indicators:
  - {id: ge, group: G, name: Nữ HĐND từ 35%, unit: "%", kind: share, measure: hdnd, numerator: female, denominator: total, comparator: ">=", nature: stock, national: {2020: 35}}
  - {id: gt, group: G, name: Nữ HĐND trên 35%, unit: "%", kind: share, measure: hdnd, numerator: female, denominator: total, comparator: ">", nature: stock, national: {2020: 35}}
  - {id: band, group: G, name: Việc làm nữ 40-60%, unit: "%", kind: band, measure: viec_lam, numerator: female, denominator: total, comparator: band, nature: flow, national: {2020: [40, 60]}}
  - {id: served, group: G, name: Nạn nhân được hỗ trợ, unit: "%", kind: share, measure: blgd, numerator: served, denominator: detected, comparator: ">=", nature: flow, national: {2020: 50}}
  - {id: ubnd, group: G, name: UBND có lãnh đạo nữ, unit: "%", kind: unit_share, measure: ubnd, comparator: ">", nature: stock, national: {2020: 95}}
  - {id: tin, group: G, name: Xã đạt 2 tin/tháng, unit: "%", kind: unit_share, measure: tin_bai, scope: subunits, comparator: ">=", nature: flow, national: {2020: 100}}
  - {id: dn, group: G, name: Nữ chủ doanh nghiệp, unit: "%", kind: share, measure: doanh_nghiep, numerator: female, denominator: total, comparator: ">=", nature: stock}
  - {id: cnt, group: G, name: Việc làm mới, unit: người, kind: count, measure: viec_lam, numerator: total, comparator: ">=", nature: flow, national: {2020: 100}}
  - {id: cb, group: G, name: Xã có cán bộ phụ trách, unit: "%", kind: unit_share, measure: can_bo, scope: subunits, comparator: ">=", nature: stock}
  - {id: ubnd_xa, group: G, name: UBND xã có lãnh đạo nữ, unit: "%", kind: unit_share, measure: ubnd, scope: subunits, comparator: ">=", nature: stock}
  - {id: na, group: G, name: Tử vong mẹ, unit: /100.000, kind: not_assessed, note: Không tính ở cấp huyện.}
  - {id: srb, group: G, name: Tỷ số giới tính khi sinh, unit: bé trai/100 bé gái, kind: ratio, measure: sinh, numerator: male, denominator: female, scale: 100, decimals: 1, scope: subunits, min_base: 1000, base: total, comparator: "<=", nature: flow, national: {2020: 115}}
`

// periodHead is a period file up to its data; %KIND% is replaced.
const periodHead = `schema: bdg-period/v1
catalogue: ./cat.yaml
unit: {issuer: [ỦY BAN NHÂN DÂN, THỊ XÃ X], name: UBND thị xã X, place: X, level: thị xã, sublevel: "xã, phường"}
period: {kind: %KIND%, year: 2017}
document: {date: 2017-06-20}
subunits:
  - {id: a, name: Phường A}
  - {id: b, name: Phường B}
  - {id: c, name: Xã C}
departments:
  - {id: tk, name: Phòng Thống kê}
`

// ownZero is the thị xã's own bodies with nothing to count (0 of 0), for
// tests of the sub-units' arithmetic: without it the indicators that count
// the unit's own bodies would have no value at all (missing is not zero).
const ownZero = "  town: {hdnd: {total: 0, female: 0}, viec_lam: {male: 0, female: 0}, blgd: {detected: 0, served: 0}}\n"

// loadPeriod writes the test catalogue and a period file into a temporary
// directory and loads the period. It returns the report (nil on errors),
// the diagnostics and the period's source.
func loadPeriod(t *testing.T, kind, rest string) (*Report, diag.List, string) {
	t.Helper()
	return loadPeriodWith(t, strings.Replace(periodHead, "%KIND%", kind, 1)+rest)
}

// loadPeriodWith loads a whole period file next to the test catalogue.
func loadPeriodWith(t *testing.T, src string) (*Report, diag.List, string) {
	t.Helper()
	src = strings.Replace(src, "%KIND%", "year", 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cat.yaml"), []byte(testCatalogue), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d := decode.New(file)
	root := d.Parse([]byte(src))
	if root == nil {
		t.Fatalf("parse: %v", d.Diags)
	}
	r := Load(d, root, "")
	d.Diags.Sort()
	return r, d.Diags, src
}

// mustLoad loads a period that must have no errors.
func mustLoad(t *testing.T, kind, rest string) *Report {
	t.Helper()
	r, diags, _ := loadPeriod(t, kind, rest)
	if diags.HasErrors() || r == nil {
		t.Fatalf("unexpected errors:\n%s", diags.Err())
	}
	return r
}

func result(t *testing.T, r *Report, id string) *Result {
	t.Helper()
	for i := range r.Results {
		if r.Results[i].Ind.ID == id {
			return &r.Results[i]
		}
	}
	t.Fatalf("no result for %s", id)
	return nil
}

// TestSumsNumeratorsAndDenominators: 4 women of 10 and 1 of 20 make 5 of
// 30 = 16.67 %, not the 22.5 % an average of 40 % and 5 % would give.
func TestSumsNumeratorsAndDenominators(t *testing.T) {
	r := mustLoad(t, "year", "data:\n"+ownZero+`  a: {hdnd: {total: 10, female: 4}}
  b: {hdnd: {total: 20, female: 1}}
  c: {hdnd: ~}
`)
	res := result(t, r, "ge")
	if res.Num != 5 || res.Den != 30 {
		t.Errorf("sums = %v/%v, want 5/30", res.Num, res.Den)
	}
	if !res.HasValue || res.Value != 16.67 {
		t.Errorf("value = %v (has %v), want 16.67", res.Value, res.HasValue)
	}
}

// TestMissingSubunitExcludedFromBothSides: a sub-unit that did not report
// adds to neither side and is listed; one that reported 0 counts.
func TestMissingSubunitExcludedFromBothSides(t *testing.T) {
	r := mustLoad(t, "year", `data:
  a: {blgd: {detected: 4, served: 3}}
  b: {blgd: {detected: 0, served: 0}}
  c: {blgd: ~}
`)
	res := result(t, r, "served")
	if res.Num != 3 || res.Den != 4 || res.Value != 75 {
		t.Errorf("got %v/%v = %v, want 3/4 = 75", res.Num, res.Den, res.Value)
	}
	if res.Reported != 2 {
		t.Errorf("reported = %d, want 2 (a reported 0 is a report)", res.Reported)
	}
	if len(res.Missing) != 1 || res.Missing[0].Name != "Xã C" {
		t.Errorf("missing = %v, want [Xã C]", res.Missing)
	}
}

func TestNothingReportedHasNoValue(t *testing.T) {
	r := mustLoad(t, "year", `data:
  town: {blgd: {detected: 0, served: 0}, hdnd: ~}
  a: {blgd: {detected: 0, served: 0}, hdnd: ~}
  b: {hdnd: ~}
  c: {hdnd: ~}
`)
	if res := result(t, r, "served"); res.HasValue || res.Word() != WordNoCase {
		t.Errorf("no case detected: has=%v word=%q, want no value and %q", res.HasValue, res.Word(), WordNoCase)
	}
	if res := result(t, r, "ge"); res.HasValue || res.Word() != WordNoData {
		t.Errorf("nobody reported: has=%v word=%q, want no value and %q", res.HasValue, res.Word(), WordNoData)
	}
}

// TestStrictComparatorAtBoundary: exactly 35 % meets "from 35 %" (>=) but
// not "more than 35 %" (>).
func TestStrictComparatorAtBoundary(t *testing.T) {
	r := mustLoad(t, "year", "data:\n"+ownZero+`  a: {hdnd: {total: 20, female: 7}}
`)
	if v := result(t, r, "ge").Value; v != 35 {
		t.Fatalf("value = %v, want 35", v)
	}
	if w := result(t, r, "ge").Word(); w != WordMet {
		t.Errorf(">= 35 with 35: %q, want %q", w, WordMet)
	}
	if w := result(t, r, "gt").Word(); w != WordNotMet {
		t.Errorf("> 35 with 35: %q, want %q", w, WordNotMet)
	}
}

// TestRoundingBeforeJudging: 3499/10000 is 34.99 %; 6999/20000 is 34.995 %,
// printed 35.00 and judged on the printed value, so the print and the
// assessment agree.
func TestRoundingBeforeJudging(t *testing.T) {
	for _, c := range []struct {
		female, total int
		value         float64
		word          string
	}{
		{3499, 10000, 34.99, WordNotMet},
		{6999, 20000, 35.00, WordMet},
		{7001, 20000, 35.01, WordMet},
	} {
		r := mustLoad(t, "year", "data:\n"+ownZero+"  a: {hdnd: {total: "+itoa(c.total)+", female: "+itoa(c.female)+"}}\n")
		res := result(t, r, "ge")
		if res.Value != c.value || res.Word() != c.word {
			t.Errorf("%d/%d: %v %q, want %v %q", c.female, c.total, res.Value, res.Word(), c.value, c.word)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBandTarget: women's share of new jobs must lie in [40, 60].
func TestBandTarget(t *testing.T) {
	for _, c := range []struct {
		male, female int
		word         string
	}{
		{6001, 3999, WordNotMet}, // 39.99
		{60, 40, WordMet},        // 40
		{40, 60, WordMet},        // 60
		{3999, 6001, WordNotMet}, // 60.01
		{50, 50, WordMet},
	} {
		r := mustLoad(t, "year", "data:\n"+ownZero+"  a: {viec_lam: {male: "+itoa(c.male)+", female: "+itoa(c.female)+"}}\n")
		if res := result(t, r, "band"); res.Word() != c.word {
			t.Errorf("%d men, %d women (%.2f %%): %q, want %q", c.male, c.female, res.Value, res.Word(), c.word)
		}
	}
}

// TestHalfYearByWhatIsMeasured: a half-year report judges rates and
// values at a date (a share of victims served, a share of new jobs, the
// share of communes meeting a monthly norm, the HĐND's composition) as
// the annual report does, since half a year of cases gives the same kind
// of rate; it shows a quantity that accumulates towards a yearly target
// (a count of new jobs, or an indicator the catalogue marks half_year:
// progress) as in progress however low it is.
func TestHalfYearByWhatIsMeasured(t *testing.T) {
	data := "data:\n" + ownZero + `  a: {hdnd: {total: 20, female: 1}, viec_lam: {male: 60, female: 10}, blgd: {detected: 10, served: 1}, tin_bai: 1}
`
	half := mustLoad(t, "half-year", data)
	if w := result(t, half, "cnt").Word(); w != WordInProgress {
		t.Errorf("half-year count of a flow: %q, want %q", w, WordInProgress)
	}
	for _, id := range []string{"band", "served", "tin", "ge"} {
		if w := result(t, half, id).Word(); w != WordNotMet {
			t.Errorf("half-year %s: %q, want %q", id, w, WordNotMet)
		}
	}
	if half.Count != (Tally{Met: 0, Judged: 5, InProgress: 1}) {
		t.Errorf("half-year tally = %+v", half.Count)
	}
	year := mustLoad(t, "year", data)
	for _, id := range []string{"band", "served", "tin", "cnt"} {
		if w := result(t, year, id).Word(); w != WordNotMet {
			t.Errorf("annual %s: %q, want %q", id, w, WordNotMet)
		}
	}
	if year.Count != (Tally{Met: 0, Judged: 6}) {
		t.Errorf("annual tally = %+v, want 0 of 6 judged", year.Count)
	}
	// The catalogue decides: a rate of a yearly campaign is in progress.
	progress := strings.Replace(testCatalogue, "measure: blgd, numerator: served, denominator: detected, comparator: \">=\", nature: flow,",
		"measure: blgd, numerator: served, denominator: detected, comparator: \">=\", nature: flow, half_year: progress,", 1)
	r := loadWithCatalogue(t, progress, strings.Replace(periodHead, "%KIND%", "half-year", 1)+data)
	if w := result(t, r, "served").Word(); w != WordInProgress {
		t.Errorf("half_year: progress: %q, want %q", w, WordInProgress)
	}
}

// loadWithCatalogue loads a period next to the given catalogue; it fails
// the test on errors.
func loadWithCatalogue(t *testing.T, cat, src string) *Report {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cat.yaml"), []byte(cat), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d := decode.New(file)
	r := Load(d, d.Parse([]byte(src)), "")
	if r == nil || d.Diags.HasErrors() {
		t.Fatalf("load:\n%s", d.Diags.Err())
	}
	return r
}

// TestShareOfUnits: a unit counts when a woman holds a key post; the
// norm "2 items a month" needs 12 items in a half year and 24 in a year.
func TestShareOfUnits(t *testing.T) {
	data := `data:
  town:
    ubnd: [Chủ tịch: nam, Phó Chủ tịch: nữ]
  a:
    ubnd: [Chủ tịch: nam, Phó Chủ tịch: nam]
    tin_bai: 12
  b:
    ubnd: [Chủ tịch: nữ]
    tin_bai: 23
  c:
    ubnd: ~
    tin_bai: 24
`
	half := mustLoad(t, "half-year", data)
	if res := result(t, half, "ubnd"); res.Num != 2 || res.Den != 3 || res.Value != 66.67 {
		t.Errorf("UBND with a woman: %v/%v = %v, want 2/3 = 66.67", res.Num, res.Den, res.Value)
	}
	if res := result(t, half, "tin"); res.Value != 100 {
		t.Errorf("half year, 12/23/24 items: %v %%, want 100", res.Value)
	}
	if res := result(t, mustLoad(t, "year", data), "tin"); res.Num != 1 || res.Den != 3 {
		t.Errorf("year, 12/23/24 items: %v/%v meet, want 1/3", res.Num, res.Den)
	}
}

// TestTargets: the year's target is judged first, then the plan's, then
// the national one; % of plan and the change from last year are rounded.
func TestTargets(t *testing.T) {
	r := mustLoad(t, "year", `targets:
  ge: {plan: 35, year: 20}
  gt: {plan: 30}
last_year: {ge: 21.5}
data:
`+ownZero+`  a: {hdnd: {total: 30, female: 7}}
`)
	ge := result(t, r, "ge")
	if tgt, _ := ge.Judged(); tgt.Lo != 20 || ge.Word() != WordMet {
		t.Errorf("ge judged against %v: %q", tgt.Lo, ge.Word())
	}
	if ge.PctPlan == nil || *ge.PctPlan != 116.7 {
		t.Errorf("%% of plan = %v, want 116.7 (23.33/20)", ge.PctPlan)
	}
	if ge.Change == nil || *ge.Change != 1.83 {
		t.Errorf("change = %v, want 1.83", ge.Change)
	}
	if tgt, _ := result(t, r, "gt").Judged(); tgt.Lo != 30 {
		t.Errorf("gt judged against %v, want the plan's 30", tgt.Lo)
	}
	band := result(t, r, "band")
	if band.PlanNational != 2020 || !band.Plan.Band || band.Plan.Lo != 40 || band.Plan.Hi != 60 {
		t.Errorf("band plan = %+v from %d, want the national [40, 60] of 2020", band.Plan, band.PlanNational)
	}
	if dn := result(t, r, "dn"); dn.Status != NoData {
		t.Errorf("department indicator nobody reported: %v", dn.Status)
	}
	if na := result(t, r, "na"); na.Word() != WordNotAssessed {
		t.Errorf("not assessed: %q", na.Word())
	}
}

func TestSexFiguresCompleted(t *testing.T) {
	r := mustLoad(t, "year", `data:
  a: {hdnd: {total: 25, female: 8}}
  b: {hdnd: {male: 17, female: 6}}
  c: {hdnd: {total: 24, male: 18, female: 6}}
  tk: {doanh_nghiep: {total: 40, male: 31}}
`)
	for id, want := range map[string]Figures{
		"a":  {"total": 25, "male": 17, "female": 8},
		"b":  {"total": 23, "male": 17, "female": 6},
		"c":  {"total": 24, "male": 18, "female": 6},
		"tk": {"total": 40, "male": 31, "female": 9},
	} {
		m := "hdnd"
		if id == "tk" {
			m = "doanh_nghiep"
		}
		got := r.Get(id, m)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s %s = %d, want %d", id, k, got[k], v)
			}
		}
	}
}

func TestEmbeddedCataloguesLoad(t *testing.T) {
	for _, name := range Embedded {
		file, src, err := ResolveCatalogue(name, "x.yaml", "")
		if err != nil {
			t.Fatal(err)
		}
		c, diags := LoadCatalogue(file, src)
		if c == nil || len(diags) > 0 {
			t.Errorf("%s: %v", name, diags)
			continue
		}
		for i := range c.Indicators {
			ind := &c.Indicators[i]
			if ind.Assessable() && len(ind.National) == 0 && ind.Kind != KindUnitShare {
				t.Errorf("%s %s: an assessed indicator without national target", name, ind.ID)
			}
		}
	}
}

// TestSubunitScope: an indicator of scope subunits (a share of wards and
// communes) leaves out the unit's own row. A town figure for a measure
// only such indicators use is left out with a positioned warning; one
// that an indicator of scope all also uses is kept for that indicator.
func TestSubunitScope(t *testing.T) {
	r, diags, src := loadPeriod(t, "year", `data:
  town: {ubnd: [Chủ tịch: nữ], tin_bai: 30, can_bo: true, hdnd: ~, viec_lam: ~, blgd: ~}
  tk: {doanh_nghiep: ~}
  a: {ubnd: [Chủ tịch: nam], tin_bai: 24, can_bo: true}
  b: {ubnd: [Chủ tịch: nữ], tin_bai: 10, can_bo: false}
  c: {ubnd: ~, tin_bai: ~, can_bo: true}
`)
	if r == nil || diags.HasErrors() {
		t.Fatalf("errors:\n%s", diags.Err())
	}
	for id, want := range map[string][3]float64{
		"tin":     {1, 2, 50},    // a and b; not 2/3 with the town's 30 items
		"cb":      {2, 3, 66.67}, // a, b, c; not 3/4 with the town
		"ubnd_xa": {1, 2, 50},    // the sub-units' UBND only
		"ubnd":    {2, 3, 66.67}, // scope all: the town's UBND counts
	} {
		res := result(t, r, id)
		if res.Num != want[0] || res.Den != want[1] || res.Value != want[2] {
			t.Errorf("%s = %v/%v = %v, want %v/%v = %v", id, res.Num, res.Den, res.Value, want[0], want[1], want[2])
		}
	}
	if r.Get(TownID, "tin_bai") != nil || r.Get(TownID, "can_bo") != nil || r.Get(TownID, "ubnd") == nil {
		t.Error("the town's figures of sub-unit measures must be left out, its UBND kept")
	}
	if len(diags) != 2 {
		t.Errorf("want 2 warnings, got\n%s", strings.Join(texts(diags), "\n"))
	}
	wantSub(t, diags, "p.yaml:"+at(t, src, "tin_bai", 1)+`: data.town.tin_bai: warning: Cấp thị xã: "Tin bài" is counted for the xã, phường only (tin), so the thị xã's own figure is left out of the totals and not printed (expected no line for this measure under town) [chỉ tiêu này chỉ tính cho xã, phường, không tính cấp thị xã]`)
	wantSub(t, diags, "p.yaml:"+at(t, src, "can_bo", 1)+`: data.town.can_bo: warning: Cấp thị xã: "Có cán bộ phụ trách" is counted for the xã, phường only (cb)`)
}

// TestTownRowDroppedWhenEmpty: a town block that only gives figures of
// sub-unit measures, in a catalogue where no indicator counts the unit's
// own bodies, leaves no empty "Cấp thị xã" row behind.
func TestTownRowDroppedWhenEmpty(t *testing.T) {
	cat := `schema: bdg-indicators/v1
id: test
title: Bộ chỉ tiêu thử
stage: 2016-2020
groups:
  - {id: G, title: Nhóm}
measures:
  - {id: tin_bai, label: Tin bài, unit: tin bài, shape: count, from: areas, per_month_at_least: 2}
indicators:
  - {id: tin, group: G, name: Xã đạt 2 tin/tháng, unit: "%", kind: unit_share, measure: tin_bai, scope: subunits, comparator: ">=", nature: flow, national: {2020: 100}}
`
	r := loadWithCatalogue(t, cat, strings.Replace(periodHead, "%KIND%", "year", 1)+"data:\n  town: {tin_bai: 30}\n  a: {tin_bai: 24}\n")
	if r.Town != nil || len(r.Areas()) != 3 {
		t.Errorf("town row kept: %v, %d areas", r.Town, len(r.Areas()))
	}
}

// TestTownRowKeptForItsMissingFigures: when indicators count the unit's
// own bodies, their row stays although the town block gives only
// sub-unit measures (or is absent): their figures are missing, not zero.
func TestTownRowKeptForItsMissingFigures(t *testing.T) {
	for _, data := range []string{"data:\n  town: {tin_bai: 30}\n  a: {hdnd: {total: 10, female: 4}}\n", "data:\n  a: {hdnd: {total: 10, female: 4}}\n"} {
		r, diags, _ := loadPeriod(t, "year", data)
		if r == nil || r.Town == nil || len(r.Areas()) != 4 {
			t.Fatalf("%q: the thị xã's row must stay: %v", data, diags)
		}
		if res := result(t, r, "ge"); res.HasValue || res.Word() != WordNoData || len(res.MissingOwn) != 1 {
			t.Errorf("%q: ge = %v (%v) %q, want no value, %q", data, res.Value, res.HasValue, res.Word(), WordNoData)
		}
		if strings.Contains(data, "town") {
			wantSub(t, diags, `p.yaml:13:3: data.town: warning: no figures for "Đại biểu HĐND" of the thị xã's own bodies: no value for indicators ge, gt ("Chưa có số liệu"; missing is not zero)`)
		} else {
			wantSub(t, diags, `p.yaml:13:3: data: warning: no figures of the thị xã's own bodies (no town block): no value for indicators ge, gt, band, served, ubnd, cnt ("Chưa có số liệu"; missing is not zero)`)
		}
	}
}

// TestSmallBase: a sex ratio at birth from fewer than 1,000 births is
// flagged (and still computed and judged); from 1,000 births it is not.
func TestSmallBase(t *testing.T) {
	for _, c := range []struct {
		data  string
		base  float64
		small bool
	}{
		{"  a: {sinh: {male: 260, female: 239}}\n  b: {sinh: {male: 250, female: 250}}\n", 999, true},
		{"  a: {sinh: {male: 260, female: 240}}\n  b: {sinh: {male: 250, female: 250}}\n", 1000, false},
	} {
		res := result(t, mustLoad(t, "year", "data:\n"+c.data), "srb")
		if res.Base != c.base || res.SmallBase != c.small {
			t.Errorf("base %v small %v, want %v %v", res.Base, res.SmallBase, c.base, c.small)
		}
		if !res.HasValue || res.Word() != WordMet {
			t.Errorf("base %v: %v %q, want a value judged %q", res.Base, res.Value, res.Word(), WordMet)
		}
	}
}
