package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
)

// at returns "LINE:COL" of the n-th (1-based) occurrence of needle in src.
func at(t *testing.T, src, needle string, n int) string {
	t.Helper()
	off := 0
	for i := 0; i < n; i++ {
		j := strings.Index(src[off:], needle)
		if j < 0 {
			t.Fatalf("%q not found %d times", needle, n)
		}
		off += j + len(needle)
	}
	off -= len(needle)
	line := strings.Count(src[:off], "\n") + 1
	col := utf8.RuneCountInString(src[strings.LastIndex(src[:off], "\n")+1:off]) + 1
	return fmt.Sprintf("%d:%d", line, col)
}

// texts renders diagnostics in their one-line form with the file's base
// name.
func texts(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		d.File = filepath.Base(d.File)
		out = append(out, d.Format(diag.En))
	}
	return out
}

// withoutHint cuts the trailing "[Vietnamese name of the field]" of an
// English diagnostic.
func withoutHint(s string) string {
	if strings.HasSuffix(s, "]") {
		if i := strings.LastIndex(s, " ["); i >= 0 {
			return s[:i]
		}
	}
	return s
}

// checkBilingual fails unless a diagnostic has a code and says what is
// wrong and how to fix it in Vietnamese of its own.
func checkBilingual(t *testing.T, d diag.Diagnostic) {
	t.Helper()
	if d.Code == "" || d.Vi == "" || d.Vi == d.En || d.FixVi == "" || d.FixVi == d.FixEn && d.FixEn != "" && !strings.ContainsAny(d.FixVi, "ăâđêôơư") {
		t.Errorf("not bilingual: %+v", d.Msg)
	}
}

// wantSub fails unless a diagnostic contains want.
func wantSub(t *testing.T, diags diag.List, want string) {
	t.Helper()
	got := texts(diags)
	for _, g := range got {
		if strings.Contains(withoutHint(g), withoutHint(want)) {
			return
		}
	}
	t.Errorf("want\n  %s\nin\n  %s", want, strings.Join(got, "\n  "))
}

// TestValidationMessages checks that each rule reports the file, line and
// column, the field, the sub-unit and the measure, in words.
func TestValidationMessages(t *testing.T) {
	cases := []struct {
		name   string
		data   string
		needle string // where the problem is: the n-th occurrence of needle
		nth    int
		want   string // the diagnostic after "p.yaml:LINE:COL: "
	}{
		{"women more than total", "data:\n  a: {hdnd: {total: 10, female: 12}}\n", "12", 1,
			"data.a.hdnd.female: Phường A, Đại biểu HĐND: women (12) are more than the total (10) (expected women ≤ total) [số nữ lớn hơn tổng số]"},
		{"men + women not total", "data:\n  b: {hdnd: {total: 25, male: 17, female: 7}}\n", "25", 1,
			"data.b.hdnd.total: Phường B, Đại biểu HĐND: men (17) + women (7) = 24, not the total 25 (expected men + women = total) [nam cộng nữ khác tổng số]"},
		{"negative count", "data:\n  a: {viec_lam: {male: -3, female: 4}}\n", "-3", 1,
			"data.a.viec_lam.male: Phường A, Việc làm mới: a negative count (-3) (expected a whole number of 0 or more) [số liệu không được âm]"},
		{"fractional count", "data:\n  a: {viec_lam: {male: 2.5, female: 4}}\n", "2.5", 1,
			"data.a.viec_lam.male: Phường A, Việc làm mới: a fractional count (2.5) (expected a whole number of 0 or more) [số người, số vụ phải là số nguyên]"},
		{"thousands dot", "data:\n  tk: {doanh_nghiep: {total: 1.234, female: 97}}\n", "1.234", 1,
			"data.tk.doanh_nghiep.total: Phòng Thống kê, Doanh nghiệp: a thousands dot in a count (\"1.234\") (expected a whole number written without a thousands dot: 1234) [không dùng dấu chấm phân cách hàng nghìn]"},
		{"text in a pair", "data:\n  a: {viec_lam: {male: nhiều, female: 4}}\n", "nhiều", 1,
			`data.a.viec_lam.male: Phường A, Việc làm mới: found the text "nhiều" (expected a whole number of 0 or more) [phải là một số]`},
		{"served more than detected", "data:\n  c: {blgd: {detected: 3, served: 5}}\n", "5", 1,
			"data.c.blgd.served: Xã C, Nạn nhân BLGĐ: served (5) is more than detected (3) (expected served ≤ detected) [số \"được hỗ trợ\" lớn hơn số \"được phát hiện\"]"},
		{"half-filled pair", "data:\n  c: {blgd: {detected: 3}}\n", "{detected", 1,
			"data.c.blgd: Xã C, Nạn nhân BLGĐ: detected is given but served is missing, so the pair is half filled (expected both detected and served (or ~ when the figures were not reported)) [thiếu một trong hai số liệu]"},
		{"half-filled pair with null", "data:\n  c: {blgd: {detected: ~, served: 2}}\n", "{detected", 1,
			"data.c.blgd: Xã C, Nạn nhân BLGĐ: served is given but detected is missing, so the pair is half filled (expected both detected and served (or ~ when the figures were not reported)) [thiếu một trong hai số liệu]"},
		{"half-filled sex", "data:\n  a: {hdnd: {female: 7}}\n", "{female", 1,
			"data.a.hdnd: Phường A, Đại biểu HĐND: only female is given, so the figures are half filled (expected two of total, male, female (or ~ when the figures were not reported)) [cần ít nhất hai trong ba số: tổng số, nam, nữ]"},
		{"unknown count key", "data:\n  a: {hdnd: {total: 10, femle: 4}}\n", "femle", 1,
			`data.a.hdnd.femle: Phường A, Đại biểu HĐND: unknown count "femle"; did you mean "female"? (expected one of: total, male, female) [tên số liệu không đúng]`},
		{"target for unknown indicator", "targets:\n  gee: {year: 30}\ndata: {}\n", "gee", 1,
			`targets.gee: a target for "gee", which is not an indicator of test; did you mean "ge"? (expected an indicator id of the catalogue) [mã chỉ tiêu không có trong bộ chỉ tiêu]`},
		{"last year for unknown indicator", "last_year: {xyz: 3}\ndata: {}\n", "xyz", 1,
			`last_year.xyz: a value for last year for "xyz", which is not an indicator of test (expected an indicator id of the catalogue) [mã chỉ tiêu không có trong bộ chỉ tiêu]`},
		{"band target for a count", "targets:\n  cnt: {year: [40, 60]}\ndata: {}\n", "[40", 1,
			`targets.cnt.year: cnt is judged against one number (>=) (expected one number such as 25)`},
		{"target of the other direction", "targets:\n  ge: {year: dưới 40}\ndata: {}\n", "dưới", 1,
			`targets.ge.year: ge is better when higher (>=), but the target says "< 40" (expected a target in the same direction, e.g. "≥ 40")`},
		{"target that is not a number", "targets:\n  ge: {year: nhiều}\ndata: {}\n", "nhiều", 1,
			`targets.ge.year: cannot read the target "nhiều": a target must be one number, a band of two, or a number with its comparator (expected e.g. 25, [40, 60], "≥ 25", "> 35", "trên 35", "từ 25 trở lên", "không vượt quá 111", "dưới 30", "khoảng 60")`},
		{"plain target for a band indicator", "targets:\n  band: {plan: 40}\ndata: {}\n", "40", 1,
			`targets.band.plan: band is judged by a band (expected a band such as [40, 60])`},
		{"reversed band", "targets:\n  band: {plan: [60, 40]}\ndata: {}\n", "[60", 1,
			`targets.band.plan: the band starts above its end (60 > 40) (expected [lower, upper], e.g. [40, 60]) [chỉ tiêu giai đoạn]`},
		{"empty target", "targets:\n  ge: {}\ndata: {}\n", "{}", 1,
			`targets.ge: the target gives neither plan nor year (expected plan: VALUE (for the plan's stage), year: VALUE (for this year), or both) [ghi chỉ tiêu giai đoạn (plan), năm (year) hoặc cả hai]`},
		{"undeclared sub-unit", "data:\n  bb: {hdnd: {total: 10, female: 4}}\n", "bb", 1,
			`data.bb: "bb" is not a declared sub-unit or department; did you mean "b"? (expected an id listed under subunits or departments, or town for the thị xã's own bodies) [đơn vị chưa được khai báo trong subunits hoặc departments]`},
		{"unknown measure", "data:\n  a: {hdnnd: {total: 10, female: 4}}\n", "hdnnd", 1,
			`data.a.hdnnd: Phường A: unknown measure "hdnnd"; did you mean "hdnd"? (expected a measure of the catalogue test) [số liệu này không có trong bộ chỉ tiêu]`},
		{"area measure from a department", "data:\n  tk: {hdnd: {total: 10, female: 4}}\n", "{total", 1,
			`data.tk.hdnd: Phòng Thống kê: "Đại biểu HĐND" is collected from the xã, phường and the thị xã's own bodies, not from a department (expected the figures under the id of a sub-unit or under town) [số liệu này do xã, phường báo cáo]`},
		{"department measure from a sub-unit", "data:\n  a: {doanh_nghiep: {total: 10, female: 4}}\n", "{total", 1,
			`data.a.doanh_nghiep: Phường A: "Doanh nghiệp" is reported by a department, not by a sub-unit (expected the figures under the id of a department) [số liệu này do phòng, ban, ngành báo cáo]`},
		{"bad sex of a post holder", "data:\n  a: {ubnd: [Chủ tịch: bà]}\n", "bà", 1,
			`data.a.ubnd[1]: Phường A, Lãnh đạo UBND: the holder of "Chủ tịch" has the sex "bà" (expected nam or nữ) [giới tính ghi nam hoặc nữ]`},
		{"posts not a list", "data:\n  a: {ubnd: Chủ tịch nam}\n", "Chủ tịch", 1,
			`data.a.ubnd: Phường A, Lãnh đạo UBND: the posts are not a list of post: sex lines (expected a list of posts with the holder's sex, e.g. "- Chủ tịch: nam") [ghi mỗi chức danh một dòng: "- Chủ tịch: nam"]`},
		{"thousands comma", "data:\n  tk: {doanh_nghiep: {total: \"1,234\", female: 97}}\n", "\"1,234", 1,
			`data.tk.doanh_nghiep.total: Phòng Thống kê, Doanh nghiệp: found the text "1,234" (expected a whole number written without a thousands comma: 1234) [không dùng dấu phẩy phân cách hàng nghìn]`},
		{"text count", "data:\n  a: {tin_bai: nhiều}\n", "nhiều", 1,
			`data.a.tin_bai: Phường A, Tin bài: found the text "nhiều" (expected a whole number of 0 or more) [phải là một số]`},
		{"flag that is not yes or no", "data:\n  a: {can_bo: 3}\n", "3", 1,
			`data.a.can_bo: Phường A, Có cán bộ phụ trách: found "3" (expected true or false (có or không)) [ghi có hoặc không]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, diags, src := loadPeriod(t, "year", c.data)
			if r != nil {
				t.Errorf("the report was computed despite the error")
			}
			want := "p.yaml:" + at(t, src, c.needle, c.nth) + ": " + withoutHint(c.want)
			for i, g := range texts(diags) {
				if withoutHint(g) == want {
					checkBilingual(t, diags[i])
					return
				}
			}
			t.Errorf("want\n  %s\ngot\n  %s", want, strings.Join(texts(diags), "\n  "))
		})
	}
}

func TestEntityDeclarations(t *testing.T) {
	r, diags, src := loadPeriodWith(t, strings.Replace(periodHead, "  - {id: c, name: Xã C}", "  - {id: a, name: Xã C}\n  - {id: town, name: Xã D}", 1)+"data: {}\n")
	if r != nil {
		t.Error("report computed despite duplicate ids")
	}
	wantSub(t, diags, "p.yaml:"+at(t, src, "a, name: Xã C", 1)+`: subunits[3].id: the id "a" is declared twice (expected unique ids for sub-units and departments)`)
	wantSub(t, diags, "p.yaml:"+at(t, src, "town", 1)+`: subunits[4].id: the id "town" is kept for the thị xã's own bodies (expected another id)`)
}

func TestNoSubunits(t *testing.T) {
	src := strings.Replace(periodHead, "subunits:\n  - {id: a, name: Phường A}\n  - {id: b, name: Phường B}\n  - {id: c, name: Xã C}\n", "subunits: []\n", 1)
	r, diags, src := loadPeriodWith(t, src+"data: {}\n")
	if r != nil {
		t.Error("report computed without sub-units")
	}
	wantSub(t, diags, "p.yaml:"+at(t, src, "[]", 1)+": subunits: no sub-unit is declared")
}

func TestDepartmentMeasureReportedTwice(t *testing.T) {
	r, diags, src := loadPeriodWith(t, strings.Replace(periodHead, "  - {id: tk, name: Phòng Thống kê}", "  - {id: tk, name: Phòng Thống kê}\n  - {id: kh, name: Phòng Kế hoạch}", 1)+
		"data:\n  tk: {doanh_nghiep: {total: 10, female: 4}}\n  kh: {doanh_nghiep: {total: 12, female: 5}}\n")
	if r != nil {
		t.Error("report computed")
	}
	wantSub(t, diags, "p.yaml:"+at(t, src, "{total: 12", 1)+`: data.kh.doanh_nghiep: Phòng Kế hoạch: "Doanh nghiệp" is already reported by Phòng Thống kê (expected each department measure reported by one department)`)
}

func TestSchemaAndCatalogue(t *testing.T) {
	_, diags, src := loadPeriodWith(t, strings.Replace(periodHead, "schema: bdg-period/v1", "schema: bdg-period/v2", 1)+"data: {}\n")
	wantSub(t, diags, "p.yaml:"+at(t, src, "bdg-period/v2", 1)+`: schema: this file is "bdg-period/v2", which this vanban does not read (expected bdg-period/v1)`)
	_, diags, src = loadPeriodWith(t, strings.Replace(periodHead, "./cat.yaml", "bdg-2011-2021", 1)+"data: {}\n")
	wantSub(t, diags, "p.yaml:"+at(t, src, "bdg-2011-2021", 1)+`: catalogue: cannot read the catalogue "bdg-2011-2021" (file does not exist); did you mean "bdg-2011-2020"? (expected the name of an embedded catalogue (bdg-2011-2020, bdg-2021-2030) or a path to a catalogue file in this file's folder)`)
}

// TestMissingFiguresWarn: a sub-unit silent about a measure others report
// is warned about; an explicit ~ is not.
func TestMissingFiguresWarn(t *testing.T) {
	r, diags, src := loadPeriod(t, "year", `data:
  a: {hdnd: {total: 10, female: 4}}
  b: {hdnd: ~}
`)
	if r == nil || diags.HasErrors() {
		t.Fatalf("warnings must not stop the report: %v", diags)
	}
	wantSub(t, diags, "p.yaml:"+at(t, src, "{id: c, name: Xã C}", 1)+`: subunits[3]: warning: Xã C gives no figures for "Đại biểu HĐND": it is left out of the totals and listed as not reported (expected the figures, or hdnd: ~ to say they were not reported) [đơn vị chưa có số liệu này]`)
	for _, d := range diags {
		if strings.Contains(d.En, "Phường B") {
			t.Errorf("explicit ~ warned about: %s", d)
		}
	}
	_, diags, src = loadPeriod(t, "year", "data:\n  a: {hdnd: {total: 10, female: 4}}\n  b: {hdnd: ~}\n  c: {blgd: ~}\n")
	wantSub(t, diags, "p.yaml:"+at(t, src, "c: {blgd", 1)+`: data.c: warning: Xã C gives no figures for "Đại biểu HĐND"`)
	if diags.HasErrors() {
		t.Errorf("warnings only: %v", diags)
	}
}

func TestCatalogueValidation(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"comparator: \">=\", nature: stock, national: {2020: 35}}", "comparator: \"=>\", nature: stock, national: {2020: 35}}",
			`cat.yaml:24:136: indicators[1].comparator: unknown comparator "=>" (expected one of ">=", ">", "<=", "<", "band") [so sánh]`},
		{"kind: band, measure: viec_lam", "kind: share, measure: viec_lam", `indicators[3].comparator: only a band indicator is judged by a band (expected kind: band, or a comparator such as ">=")`},
		{"numerator: served, denominator: detected", "numerator: serverd, denominator: detected", `indicators[4].numerator: the measure "blgd" has no count "serverd"; did you mean "served"? (expected one of: detected, served)`},
		{"kind: unit_share, measure: ubnd,", "kind: unit_share, measure: hdnd,", `indicators[5].measure[1]: the measure "hdnd" gives no yes/no per unit (expected a measure of shape posts or flag, or a count with per_month_at_least)`},
		{"shape: posts, from: areas", "shape: posts, from: departments", `measures[4].from: posts and flags are collected per body, from the areas (expected from: areas)`},
		{"group: G, name: Tử vong mẹ", "group: H, name: Tử vong mẹ", `indicators[11].group: no group has the id "H" (expected the id of one of the groups) [mục tiêu]`},
		{"measure: can_bo, scope: subunits", "measure: can_bo, scope: xa",
			`indicators[9].scope: unknown value "xa" (expected one of: all, subunits)`},
		{"measure: doanh_nghiep, numerator", "measure: doanh_nghiep, scope: subunits, numerator",
			`indicators[7].scope: the measure "doanh_nghiep" is reported by a department, so the indicator has no sub-units to choose (expected no scope, or a measure with from: areas)`},
		{"measure: ubnd, scope: subunits", "measure: ubnd, scope: subunits, min_base: 100",
			`indicators[10].min_base: a smallest base applies to a share or ratio of counts (expected no min_base for a count or a share of units)`},
		{"min_base: 1000, base: total", "min_base: 1000, base: births",
			`indicators[12].base: the measure "sinh" has no count "births" (expected one of: total, male, female)`},
		{"min_base: 1000, base: total", "min_base: -5, base: total",
			`indicators[12].min_base: the smallest base must be positive (expected a number of cases such as 1000)`},
		{"numerator: total, comparator: \">=\", nature: flow, national: {2020: 100}}", "numerator: total, comparator: \">=\", nature: flow, national: {2020: [90, 100]}}", `indicators[8].national.2020: cnt is judged against one number (>=) (expected one number such as 25)`},
		{"nature: stock, national: {2020: 95}}", "nature: stock, national: {2020: dưới 95}}", `indicators[5].national.2020: ubnd is better when higher (>), but the target says "< 95"`},
		{"name: Tử vong mẹ,", "name: \"Tử vong mẹ ở cấp {cap}\",", `indicators[11].name: unknown placeholder {cap}`},
		{"shape: sex, from: departments}", "shape: sex, from: departments, absent_at: [thôn]}", `measures[6].absent_at: absent_at applies to measures collected from the areas`},
		{"shape: sex, from: departments}", "shape: sex, from: departments, absent_at: [ấp]}", `measures[6].absent_at[1]: unknown level "ấp" (expected one of: tỉnh, huyện, xã, thôn)`},
		{"measure: ubnd, scope: subunits", "measure: ubnd, scope: subunits, half_year: sometimes", `indicators[10].half_year: unknown half-year rule "sometimes"`},
	} {
		src := strings.Replace(testCatalogue, c.from, c.to, 1)
		if src == testCatalogue {
			t.Fatalf("%q not in the test catalogue", c.from)
		}
		cat, diags := LoadCatalogue("cat.yaml", []byte(src))
		if cat != nil {
			t.Errorf("%s: catalogue accepted", c.to)
		}
		found := false
		for _, d := range diags {
			found = found || strings.Contains(withoutHint(d.Format(diag.En)), withoutHint(c.want))
		}
		if !found {
			t.Errorf("%s: want %q in\n%v", c.to, c.want, diags.Err())
		}
	}
}

// TestAllProblemsInOneRun: an error in the header does not hide the
// errors in the figures.
func TestAllProblemsInOneRun(t *testing.T) {
	src := strings.Replace(periodHead, "date: 2017-06-20", "date: 2017-02-30", 1) +
		"data:\n  a: {hdnd: {total: 10, female: 12}}\n  zz: {hdnd: ~}\n"
	_, diags, src := loadPeriodWith(t, src)
	wantSub(t, diags, "p.yaml:"+at(t, src, "2017-02-30", 1)+": document.date: ") // the wording is the foundation's
	wantSub(t, diags, "p.yaml:"+at(t, src, "12", 1)+": data.a.hdnd.female: Phường A, Đại biểu HĐND: women (12) are more than the total (10)")
	wantSub(t, diags, "p.yaml:"+at(t, src, "zz", 1)+`: data.zz: "zz" is not a declared sub-unit or department`)
}

// TestEmptyReport: a report in which nobody gives a figure is refused,
// once, at its data.
func TestEmptyReport(t *testing.T) {
	for _, c := range []struct{ data, needle string }{
		{"data: {}\n", "{}"},
		{"data:\n  a:\n  b: ~\n  tk: {doanh_nghiep: ~}\n", "a:\n  b"},
	} {
		data := c.data
		r, diags, src := loadPeriod(t, "year", data)
		if r != nil {
			t.Errorf("%q: report computed without figures", data)
		}
		want := "p.yaml:" + at(t, src, c.needle, 1) +
			": data: the report holds no figures: no sub-unit or department gives any (expected the figures of at least one sub-unit, such as ba-dinh: {cap_uy: {total: 15, female: 4}}) [số liệu]"
		if got := texts(diags); len(got) != 1 || got[0] != want {
			t.Errorf("%q:\n got %q\nwant %q", data, got, want)
		}
	}
	// data: with nothing after it is the decoder's "empty", said once.
	_, diags, _ := loadPeriod(t, "year", "data:\n")
	if got := texts(diags); len(got) != 1 || !strings.Contains(got[0], "data: this required field is empty") {
		t.Errorf("empty data: %q", got)
	}
}

// TestSubunitsMistakeOnce: a misspelt or unreadable list of sub-units is
// reported once, not again as "no sub-unit" and as every id undeclared.
func TestSubunitsMistakeOnce(t *testing.T) {
	list := "subunits:\n  - {id: a, name: Phường A}\n  - {id: b, name: Phường B}\n  - {id: c, name: Xã C}\n"
	data := "data:\n  a: {hdnd: {total: 10, female: 4}}\n  b: {hdnd: {total: 9, female: 3}}\n"
	for _, c := range []struct{ list, want string }{
		{strings.Replace(list, "subunits:", "subunit:", 1), `subunit: unknown key "subunit"; did you mean "subunits"? [xã, phường]`},
		{"subunits: Phường A, Phường B\n", `subunits: found the text "Phường A, Phường B" (expected a list, one item per line starting with "- ") [xã, phường]`},
	} {
		_, diags, _ := loadPeriodWith(t, strings.Replace(periodHead, list, c.list, 1)+data)
		got := texts(diags)
		if len(got) != 1 || !strings.HasSuffix(got[0], c.want) {
			t.Errorf("want one line ending %q, got\n  %s", c.want, strings.Join(got, "\n  "))
		}
	}
	// A sub-unit written as a bare name is one error, with no warning
	// about the figures of a nameless unit.
	_, diags, _ := loadPeriodWith(t, strings.Replace(periodHead, "  - {id: c, name: Xã C}", "  - Xã C", 1)+data+"  c: {hdnd: {total: 9, female: 2}}\n")
	if got := texts(diags); len(got) != 1 || !strings.Contains(got[0], `subunits[3]: found the text "Xã C"`) {
		t.Errorf("bare name: %q", got)
	}
	// Figures under a misspelt id are one error, with no warning that the
	// sub-unit meant gives no figures.
	_, diags, _ = loadPeriodWith(t, periodHead+strings.Replace(data, "  b:", "  bb:", 1)+"  c: {hdnd: {total: 9, female: 2}}\n")
	if got := texts(diags); len(got) != 1 || !strings.Contains(got[0], `data.bb: "bb" is not a declared sub-unit or department; did you mean "b"?`) {
		t.Errorf("misspelt id:\n  %s", strings.Join(got, "\n  "))
	}
}

// TestTextTooLong: a text longer than its place in the workbook holds is
// refused where it is written (a one-line issuer, a note).
func TestTextTooLong(t *testing.T) {
	issuer := strings.Repeat("SỞ ", 21)
	src := strings.Replace(periodHead, "[ỦY BAN NHÂN DÂN, THỊ XÃ X]", "[ỦY BAN NHÂN DÂN, "+issuer+"]", 1) +
		"data:\n  a: {hdnd: {total: 10, female: 4}}\nindicator_notes:\n  ge: " + strings.Repeat("ghi chú ", 40) + "\n"
	_, diags, src := loadPeriodWith(t, src)
	wantSub(t, diags, "p.yaml:"+at(t, src, "SỞ", 1)+": unit.issuer[2]: the text has 62 characters, more than one line of the issuer block can hold (expected at most 60 characters; shorten it or split it) [văn bản quá dài]")
	wantSub(t, diags, "p.yaml:"+at(t, src, "ge:", 1)+": indicator_notes.ge: the text has 319 characters, more than the \"Ghi chú\" column can hold (expected at most 300 characters; shorten it or split it)")
}

// TestProblemsSaidOnce: the figures under an id declared twice are checked
// once, and a target whose only value is malformed is not also "empty".
func TestProblemsSaidOnce(t *testing.T) {
	src := strings.Replace(periodHead, "- {id: b, name: Phường B}", "- {id: a, name: Phường B}", 1) +
		"targets: {ge: {year: []}}\ndata:\n  a: {hdnd: {total: 3, female: 5}}\n"
	_, diags, _ := loadPeriodWith(t, src)
	got := texts(diags)
	count := func(sub string) int {
		n := 0
		for _, g := range got {
			if strings.Contains(g, sub) {
				n++
			}
		}
		return n
	}
	if count("women (5) are more than the total (3)") != 1 || count("targets.ge") != 1 || count("declared twice") != 1 {
		t.Errorf("each problem once, got\n%s", strings.Join(got, "\n"))
	}
}

// TestCountTooLarge: a count beyond MaxCount is refused, so that sums
// never overflow and stay exact in a spreadsheet.
func TestCountTooLarge(t *testing.T) {
	_, diags, src := loadPeriod(t, "year", "data:\n  a: {hdnd: {male: 9223372036854775807, female: 1}}\n  b: {hdnd: {male: 999999999999, female: 1}}\n")
	wantSub(t, diags, "p.yaml:"+at(t, src, "9223372036854775807", 1)+": data.a.hdnd.male: Phường A, Đại biểu HĐND: the number 9223372036854775807 is too large for a count (expected a whole number of 0 or more, at most 999.999.999.999) [số quá lớn]")
	if len(texts(diags)) != 2 { // and a warning for Xã C
		t.Errorf("999999999999 must be accepted:\n%s", strings.Join(texts(diags), "\n"))
	}
}

// TestEmptyIssuerAndImpossibleYear: found by FuzzReport, an empty issuer
// list made the layout panic; it and a year 0 are refused.
func TestEmptyIssuerAndImpossibleYear(t *testing.T) {
	src := strings.Replace(strings.Replace(periodHead, "[ỦY BAN NHÂN DÂN, THỊ XÃ X]", "[]", 1), "year: 2017", "year: 0", 1) +
		"data:\n  a: {hdnd: {total: 10, female: 4}}\n"
	r, diags, src := loadPeriodWith(t, src)
	if r != nil {
		t.Error("report accepted")
	}
	wantSub(t, diags, "p.yaml:"+at(t, src, "[]", 1)+": unit.issuer: the issuer has no line")
	wantSub(t, diags, "p.yaml:"+at(t, src, "0}", 1)+": period.year: 0 is not a year of a report (expected a year such as 2017)")
}
