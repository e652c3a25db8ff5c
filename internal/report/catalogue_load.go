package report

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/templates"
)

// Embedded lists the catalogues built into vanban.
var Embedded = []string{"bdg-2011-2020", "bdg-2021-2030"}

// IsPath reports whether a catalogue's name is a path to a file (it has a
// slash or a .yaml ending) rather than the name of an embedded catalogue.
func IsPath(name string) bool {
	return strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// ResolveCatalogue finds the catalogue a report names: a path relative to
// the report's folder, which must lie in that folder or below it (see
// ResolveUnder), or the name of an embedded catalogue, which a file of the
// same name in templateDir's catalogues folder overrides. It returns the
// file name to report problems against and the file's contents.
func ResolveCatalogue(name, reportFile, templateDir string) (string, []byte, error) {
	if IsPath(name) {
		p, err := ResolveUnder(filepath.Dir(reportFile), name)
		if err != nil {
			return p, nil, err
		}
		src, err := readLimited(p)
		return p, src, err
	}
	rel := "catalogues/" + name + ".yaml"
	if templateDir != "" {
		p := filepath.Join(templateDir, filepath.FromSlash(rel))
		if src, err := readLimited(p); err == nil {
			return p, src, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return p, nil, err
		}
	}
	src, err := templates.Read(rel, "")
	return "templates/" + rel, src, err
}

// MaxCatalogueSize is the largest catalogue file read, far above any real
// one (the embedded ones are about 20 kB).
const MaxCatalogueSize = 4 << 20

func readLimited(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxCatalogueSize+1))
	if err == nil && len(src) > MaxCatalogueSize {
		err = fmt.Errorf("larger than %d MB", MaxCatalogueSize>>20)
	}
	return src, err
}

// OutsideError says that a file an input names lies outside the input's
// folder.
type OutsideError struct{ Name string }

func (e *OutsideError) Error() string { return e.Name + ": outside the input's folder" }

// ResolveUnder returns the path of a file an input names, relative to the
// input's folder dir. The file must lie in dir or below it: an absolute
// path, a path through "..", or a symbolic link that leads out of dir is
// refused with an *OutsideError, so that a period file (or a served one)
// never makes vanban read, and quote in its messages, a file elsewhere on
// the machine. A missing file is not an error here: reading it says so.
func ResolveUnder(dir, name string) (string, error) {
	rel := filepath.FromSlash(strings.ReplaceAll(name, `\`, "/"))
	if filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" || strings.HasPrefix(name, "/") {
		return name, &OutsideError{name}
	}
	clean := filepath.Clean(rel)
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return name, &OutsideError{name}
	}
	p := filepath.Join(dir, clean)
	base, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return p, nil // the folder itself is unreadable: reading the file says so
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return p, nil // missing: reading it says so
	}
	if within, err := filepath.Rel(base, real); err != nil || within == ".." || strings.HasPrefix(within, ".."+string(filepath.Separator)) || filepath.IsAbs(within) {
		return name, &OutsideError{name}
	}
	return p, nil
}

// loaded caches catalogues by file name and contents: the same catalogue
// serves every report of a batch (or of a server's life), and a loaded
// catalogue is never changed. The cache keeps the most recently used
// catalogues only, so that a server whose catalogue is edited a thousand
// times does not keep a thousand versions.
var loaded = newLRU[loadedCatalogue](CacheSize)

// CacheSize is how many catalogues the cache keeps.
const CacheSize = 16

type loadedCatalogue struct {
	c     *Catalogue
	diags diag.List
}

// LoadCatalogue decodes and validates a catalogue. Its problems are
// reported against file; the catalogue is nil when it has errors.
func LoadCatalogue(file string, src []byte) (*Catalogue, diag.List) {
	sum := sha256.Sum256(src)
	key := file + "\x00" + string(sum[:])
	if l, ok := loaded.get(key); ok {
		return l.c, append(diag.List(nil), l.diags...)
	}
	c, diags := loadCatalogue(file, src)
	loaded.put(key, loadedCatalogue{c, diags})
	return c, append(diag.List(nil), diags...)
}

func loadCatalogue(file string, src []byte) (*Catalogue, diag.List) {
	d := decode.New(file)
	root := d.Parse(src)
	if root == nil {
		return nil, d.Diags
	}
	c := &Catalogue{File: file}
	d.Decode(root, c)
	if d.Diags.HasErrors() {
		return nil, d.Diags
	}
	checkCatalogue(d, c)
	if d.Diags.HasErrors() {
		return nil, d.Diags
	}
	return c, d.Diags
}

// usesTiers reports whether the catalogue needs to know the tiers of a
// report's units: some measure is absent at some tier, or some indicator
// is assessed at some tiers only.
func (c *Catalogue) usesTiers() bool {
	for i := range c.Measures {
		if len(c.Measures[i].Absent) > 0 {
			return true
		}
	}
	for i := range c.Indicators {
		if len(c.Indicators[i].Levels) > 0 {
			return true
		}
	}
	return false
}

func checkCatalogue(d *decode.Decoder, c *Catalogue) {
	if c.Schema != CatalogueSchema {
		d.Problem("schema", diag.Msg{Code: "catalogue.schema",
			Vi: fmt.Sprintf("bộ chỉ tiêu này là %q, phiên bản vanban này không đọc được", c.Schema), En: fmt.Sprintf("this catalogue is %q, which this vanban does not read", c.Schema),
			FixVi: CatalogueSchema, FixEn: CatalogueSchema})
	}
	c.groups = map[string]*Group{}
	for i := range c.Groups {
		g := &c.Groups[i]
		if c.groups[g.ID] != nil {
			d.Problem(decode.Join(decode.Index("groups", i), "id"), twice("mục tiêu", "group", g.ID))
		}
		c.groups[g.ID] = g
	}
	c.measures = map[string]*Measure{}
	for i := range c.Measures {
		m := &c.Measures[i]
		path := decode.Index("measures", i)
		if c.measures[m.ID] != nil {
			d.Problem(decode.Join(path, "id"), twice("số liệu", "measure", m.ID))
		}
		c.measures[m.ID] = m
		checkMeasure(d, path, m)
	}
	c.byID = map[string]*Indicator{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		ind.Row = i + 1
		path := decode.Index("indicators", i)
		if c.byID[ind.ID] != nil {
			d.Problem(decode.Join(path, "id"), twice("chỉ tiêu", "indicator", ind.ID))
		}
		c.byID[ind.ID] = ind
		c.checkIndicator(d, path, ind)
	}
	c.markSubunitMeasures()
	checkTemplates(d, c)
}

func twice(vi, en, id string) diag.Msg {
	return diag.Msg{Code: "catalogue.id-twice",
		Vi: fmt.Sprintf("mã %s %q dùng hai lần", vi, id), En: fmt.Sprintf("the %s id %q is used twice", en, id),
		FixVi: "mỗi mã một lần", FixEn: "unique ids"}
}

// markSubunitMeasures marks the measures that only sub-unit indicators use.
func (c *Catalogue) markSubunitMeasures() {
	all := map[*Measure]bool{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		for _, m := range ind.ms {
			if ind.SubunitsOnly() {
				m.subunitsOnly = !all[m]
			} else {
				all[m], m.subunitsOnly = true, false
			}
		}
	}
}

func oneOf(d *decode.Decoder, path, v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	m := diag.Msg{Code: "catalogue.value",
		Vi: fmt.Sprintf("không rõ giá trị %q", v), En: fmt.Sprintf("unknown value %q", v),
		FixVi: "một trong: " + strings.Join(allowed, ", "), FixEn: "one of: " + strings.Join(allowed, ", ")}
	if s := decode.Suggest(v, allowed); s != "" {
		m.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
		m.En += fmt.Sprintf("; did you mean %q?", s)
	}
	d.Problem(path, m)
	return false
}

func checkMeasure(d *decode.Decoder, path string, m *Measure) {
	if !oneOf(d, decode.Join(path, "shape"), m.Shape, ShapeSex, ShapePair, ShapeCount, ShapePosts, ShapeFlag) ||
		!oneOf(d, decode.Join(path, "from"), m.From, FromAreas, FromDepartments) {
		return
	}
	bad := func(p string, code, vi, en, fixVi, fixEn string) {
		d.Problem(p, diag.Msg{Code: "catalogue." + code, Vi: vi, En: en, FixVi: fixVi, FixEn: fixEn})
	}
	if m.Shape == ShapePair {
		if m.First == nil || m.Second == nil {
			bad(path, "pair-parts", "số liệu dạng cặp cần đủ hai số", "a pair needs its two counts",
				"first: {key, label} và second: {key, label}", "first: {key, label} and second: {key, label}")
			return
		}
		if m.First.Key == m.Second.Key {
			bad(decode.Join(path, "second.key"), "pair-keys", "hai số của cặp cùng tên "+q(m.First.Key), "both counts of the pair have the key "+q(m.First.Key),
				"hai tên khác nhau", "two different keys")
		}
		checkPairUnits(d, path, m)
	} else if m.First != nil || m.Second != nil {
		bad(path, "not-pair", "first và second chỉ dùng cho số liệu dạng cặp", "first and second belong to a pair only", "shape: pair", "shape: pair")
	}
	if (m.Shape == ShapePosts || m.Shape == ShapeFlag) && m.From != FromAreas {
		bad(decode.Join(path, "from"), "posts-from-areas", "chức danh và có/không được thu thập theo từng cơ quan, từ các đơn vị (areas)",
			"posts and flags are collected per body, from the areas", "from: areas", "from: areas")
	}
	if len(m.Absent) > 0 && m.From != FromAreas {
		bad(decode.Join(path, "absent_at"), "absent-from-areas", "absent_at chỉ dùng cho số liệu thu thập từ các đơn vị (from: areas)",
			"absent_at applies to measures collected from the areas", "from: areas, hoặc bỏ absent_at", "from: areas, or no absent_at")
	}
	if len(m.ReportedBy) > 0 && m.From != FromDepartments {
		bad(decode.Join(path, "reported_by"), "reported-by-departments", "reported_by chỉ dùng cho số liệu do cơ quan, đơn vị báo cáo (from: departments)",
			"reported_by applies to measures collected from the departments", "from: departments, hoặc bỏ reported_by", "from: departments, or no reported_by")
	}
	for i, w := range m.ReportedBy {
		if len(nameWords(w)) == 0 {
			bad(decode.Index(decode.Join(path, "reported_by"), i), "reported-by-empty", "tên cơ quan báo cáo để trống", "an empty department name",
				"một phần tên cơ quan, ví dụ Công an", "part of a department's name, such as Công an")
		}
	}
	if m.PerMonthAtLeast != 0 && (m.Shape != ShapeCount || m.PerMonthAtLeast < 0) {
		bad(decode.Join(path, "per_month_at_least"), "monthly-norm", "định mức theo tháng chỉ dùng cho số liệu dạng đếm (count) và phải lớn hơn 0",
			"a monthly norm applies to a count only, and must be positive", "shape: count", "shape: count")
	}
	if m.Subset && m.Shape != ShapePair {
		bad(decode.Join(path, "subset"), "subset", "subset chỉ dùng cho số liệu dạng cặp", "subset applies to a pair only", "shape: pair", "shape: pair")
	}
	if m.Unit == "" && m.Shape != ShapeFlag && m.Shape != ShapePosts && (m.Shape != ShapePair || m.First.Unit == "" || m.Second.Unit == "") {
		bad(decode.Join(path, "unit"), "unit-missing", "số liệu chưa có đơn vị tính", "the measure has no unit",
			"unit: người (hoặc trẻ, ca, vụ, đơn vị…)", "unit: người (or trẻ, ca, vụ, đơn vị…)")
	}
	if m.Ratio != nil {
		checkKey(d, decode.Join(path, "ratio.numerator"), m, m.Ratio.Numerator)
		checkKey(d, decode.Join(path, "ratio.denominator"), m, m.Ratio.Denominator)
		checkDecimals(d, decode.Join(path, "ratio.decimals"), m.Ratio.Decimals)
	}
}

// checkPairUnits: the two counts of a pair that is not a part and its
// whole (live births and abortions) count different things, which one
// unit cannot name; each then states its own.
func checkPairUnits(d *decode.Decoder, path string, m *Measure) {
	if m.Subset {
		return
	}
	for _, p := range []struct {
		key  string
		part *Part
	}{{"first", m.First}, {"second", m.Second}} {
		if p.part.Unit == "" {
			d.Problem(decode.Join(path, p.key), diag.Msg{Code: "catalogue.pair-unit",
				Vi:    fmt.Sprintf("hai số của cặp %q đếm hai thứ khác nhau (không phải \"trong đó\"), nên mỗi số cần đơn vị tính riêng; %q chưa có", m.ID, p.part.Label),
				En:    fmt.Sprintf("the two counts of %q count different things (the second is not part of the first), so each needs its own unit; %q has none", m.ID, p.part.Label),
				FixVi: p.key + ": {key: …, label: …, unit: trẻ}", FixEn: p.key + ": {key: …, label: …, unit: trẻ}"})
		}
	}
}

// checkKey reports a key the measure's figures do not have.
func checkKey(d *decode.Decoder, path string, m *Measure, key string) bool {
	keys := m.Keys()
	for _, k := range keys {
		if k == key {
			return true
		}
	}
	msg := diag.Msg{Code: "catalogue.key",
		Vi: fmt.Sprintf("số liệu %q không có số %q", m.ID, key), En: fmt.Sprintf("the measure %q has no count %q", m.ID, key),
		FixVi: "một trong: " + strings.Join(keys, ", "), FixEn: "one of: " + strings.Join(keys, ", ")}
	if s := decode.Suggest(key, keys); s != "" {
		msg.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
		msg.En += fmt.Sprintf("; did you mean %q?", s)
	}
	d.Problem(path, msg)
	return false
}

func checkDecimals(d *decode.Decoder, path string, dec *int) {
	if dec != nil && (*dec < 0 || *dec > 4) {
		d.Problem(path, diag.Msg{Code: "catalogue.decimals",
			Vi: fmt.Sprintf("%d chữ số thập phân", *dec), En: fmt.Sprintf("%d decimal places", *dec), FixVi: "từ 0 đến 4", FixEn: "0 to 4"})
	}
}

func (c *Catalogue) checkIndicator(d *decode.Decoder, path string, ind *Indicator) {
	bad := func(p, code, vi, en, fixVi, fixEn string) {
		d.Problem(p, diag.Msg{Code: "catalogue." + code, Vi: vi, En: en, FixVi: fixVi, FixEn: fixEn})
	}
	if c.groups[ind.Group] == nil {
		bad(decode.Join(path, "group"), "group", fmt.Sprintf("không có mục tiêu nào mã %q", ind.Group), fmt.Sprintf("no group has the id %q", ind.Group),
			"mã của một mục tiêu trong groups", "the id of one of the groups")
	}
	if !oneOf(d, decode.Join(path, "kind"), ind.Kind, KindShare, KindRatio, KindCount, KindUnitShare, KindBand, KindNotAssessed) {
		return
	}
	checkDecimals(d, decode.Join(path, "decimals"), ind.Decimals)
	if ind.Scale < 0 {
		bad(decode.Join(path, "scale"), "scale", "hệ số nhân âm", "a negative scale", "một số dương như 100", "a positive number such as 100")
	}
	if ind.Confidence != "" {
		oneOf(d, decode.Join(path, "confidence"), ind.Confidence, "V", "S", "M", "?")
	}
	for _, y := range sortedKeys(ind.Uncertain) {
		if why := ind.Uncertain[y]; !strings.HasPrefix(why, "[M]") && !strings.HasPrefix(why, "[?]") {
			bad(decode.Join(path, "uncertain."+y), "uncertain", "giá trị chưa kiểm chứng phải nói lý do, bắt đầu bằng nhãn của nó",
				"an uncertain value must say why, starting with its tag", `"[M] …" (chưa kiểm chứng) hoặc "[?] …" (các nguồn khác nhau)`, `"[M] …" (unverified) or "[?] …" (disputed)`)
		}
	}
	if ind.NationalFrom != 0 && (ind.NationalFrom < 1900 || ind.NationalFrom > 2200) {
		bad(decode.Join(path, "national_from"), "year", fmt.Sprintf("%d không phải là một năm", ind.NationalFrom), fmt.Sprintf("%d is not a year", ind.NationalFrom),
			"một năm như 2025", "a year such as 2025")
	}
	checkNational(d, path, ind)
	if ind.Kind == KindNotAssessed {
		if len(ind.Levels) > 0 {
			bad(decode.Join(path, "levels"), "levels-not-assessed", "chỉ tiêu không đánh giá ở địa phương thì không có cấp đánh giá",
				"an indicator not assessed locally has no levels", "bỏ levels, hoặc ghi kind và số liệu của chỉ tiêu", "no levels, or the indicator's kind and measure")
		}
		return
	}
	c.checkMeasures(d, path, ind)
	checkScope(d, path, ind)
	checkBase(d, path, ind)
	if ind.Nature != "" {
		oneOf(d, decode.Join(path, "nature"), ind.Nature, Stock, Flow)
	} else {
		bad(decode.Join(path, "nature"), "nature", "chỉ tiêu được đánh giá cần ghi tính chất", "an assessed indicator needs its nature",
			"stock (số tại một thời điểm, một nhiệm kỳ) hoặc flow (cộng dồn trong kỳ)", "stock (measured at a date) or flow (summed over the period)")
	}
	checkComparator(d, path, ind)
}

func (c *Catalogue) checkMeasures(d *decode.Decoder, path string, ind *Indicator) {
	bad := func(p, code, vi, en, fixVi, fixEn string) {
		d.Problem(p, diag.Msg{Code: "catalogue." + code, Vi: vi, En: en, FixVi: fixVi, FixEn: fixEn})
	}
	mpath := decode.Join(path, "measure")
	if len(ind.Measure) == 0 {
		bad(mpath, "indicator-measure", "chỉ tiêu được đánh giá cần ghi số liệu để tính", "an assessed indicator needs the measure it is computed from",
			"mã của một số liệu", "the id of a measure")
		return
	}
	if len(ind.Measure) > 1 && ind.Kind != KindUnitShare {
		bad(mpath, "indicator-measures", "chỉ chỉ tiêu tỷ lệ đơn vị (unit_share) mới gộp được nhiều số liệu", "only a share of units may combine several measures",
			"một mã số liệu", "one measure id")
		return
	}
	for i, id := range ind.Measure {
		m := c.measures[id]
		if m == nil {
			msg := diag.Msg{Code: "catalogue.unknown-measure",
				Vi: fmt.Sprintf("không có số liệu nào mã %q", id), En: fmt.Sprintf("no measure has the id %q", id),
				FixVi: "mã của một số liệu trong measures", FixEn: "the id of one of the measures"}
			if s := decode.Suggest(id, c.measureIDs()); s != "" {
				msg.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
				msg.En += fmt.Sprintf("; did you mean %q?", s)
			}
			d.Problem(decode.Index(mpath, i), msg)
			return
		}
		ind.ms = append(ind.ms, m)
	}
	m := ind.ms[0]
	switch ind.Kind {
	case KindUnitShare:
		for i, m := range ind.ms {
			if !m.HasFlag() {
				bad(decode.Index(mpath, i), "unit-share-flag", fmt.Sprintf("số liệu %q không cho biết có/không theo từng đơn vị", m.ID),
					fmt.Sprintf("the measure %q gives no yes/no per unit", m.ID),
					"số liệu dạng posts hoặc flag, hoặc dạng count có per_month_at_least", "a measure of shape posts or flag, or a count with per_month_at_least")
			}
		}
		if ind.Numerator != "" || ind.Denominator != "" {
			bad(path, "unit-share-keys", "tỷ lệ đơn vị đếm số đơn vị đạt điều kiện, không ghi tử số, mẫu số",
				"a share of units counts the units that meet the condition; it takes no numerator or denominator", "bỏ numerator và denominator", "no numerator and denominator")
		}
	case KindCount:
		if ind.Numerator == "" {
			bad(decode.Join(path, "numerator"), "count-key", "chỉ tiêu đếm cần ghi số được cộng", "a count needs the key it totals",
				"một trong: "+strings.Join(m.Keys(), ", "), "one of: "+strings.Join(m.Keys(), ", "))
		} else {
			checkKey(d, decode.Join(path, "numerator"), m, ind.Numerator)
		}
		if ind.Denominator != "" {
			bad(decode.Join(path, "denominator"), "count-denominator", "chỉ tiêu đếm không có mẫu số", "a count has no denominator", "bỏ denominator", "no denominator")
		}
	default:
		if ind.Numerator == "" || ind.Denominator == "" {
			bad(path, "share-keys", "tỷ lệ, tỷ số cần ghi tử số và mẫu số", "a share or ratio needs its numerator and denominator",
				"numerator: TÊN và denominator: TÊN, là các số của "+m.ID, "numerator: KEY and denominator: KEY, keys of "+m.ID)
			return
		}
		checkKey(d, decode.Join(path, "numerator"), m, ind.Numerator)
		checkKey(d, decode.Join(path, "denominator"), m, ind.Denominator)
	}
}

// checkBase checks the smallest base of a share or ratio.
func checkBase(d *decode.Decoder, path string, ind *Indicator) {
	switch {
	case ind.MinBase == 0 && ind.Base == "":
	case ind.Kind == KindCount || ind.Kind == KindUnitShare:
		d.Problem(decode.Join(path, "min_base"), diag.Msg{Code: "catalogue.min-base",
			Vi: "cỡ mẫu tối thiểu chỉ dùng cho tỷ lệ, tỷ số tính từ số đếm", En: "a smallest base applies to a share or ratio of counts",
			FixVi: "bỏ min_base ở chỉ tiêu đếm hoặc tỷ lệ đơn vị", FixEn: "no min_base for a count or a share of units"})
	case ind.MinBase <= 0:
		d.Problem(decode.Join(path, "min_base"), diag.Msg{Code: "catalogue.min-base",
			Vi: "cỡ mẫu tối thiểu phải lớn hơn 0", En: "the smallest base must be positive",
			FixVi: "một số trường hợp, ví dụ 1000", FixEn: "a number of cases such as 1000"})
	case ind.Base != "" && len(ind.ms) > 0:
		checkKey(d, decode.Join(path, "base"), ind.ms[0], ind.Base)
	}
}

// checkScope checks that a scope is known and applies to area measures.
func checkScope(d *decode.Decoder, path string, ind *Indicator) {
	spath := decode.Join(path, "scope")
	if ind.Scope == "" || !oneOf(d, spath, ind.Scope, ScopeAll, ScopeSubunits) {
		return
	}
	for _, m := range ind.ms {
		if m.From != FromAreas {
			d.Problem(spath, diag.Msg{Code: "catalogue.scope",
				Vi:    fmt.Sprintf("số liệu %q do phòng, ban, ngành báo cáo, nên chỉ tiêu không có đơn vị trực thuộc để chọn", m.ID),
				En:    fmt.Sprintf("the measure %q is reported by a department, so the indicator has no sub-units to choose", m.ID),
				FixVi: "bỏ scope, hoặc dùng số liệu có from: areas", FixEn: "no scope, or a measure with from: areas"})
			return
		}
	}
}

// indicatorsOf lists the ids of the indicators computed from m.
func (c *Catalogue) indicatorsOf(m *Measure) []string {
	var ids []string
	for i := range c.Indicators {
		for _, im := range c.Indicators[i].ms {
			if im == m {
				ids = append(ids, c.Indicators[i].ID)
				break
			}
		}
	}
	return ids
}

func (c *Catalogue) measureIDs() []string {
	ids := make([]string, len(c.Measures))
	for i := range c.Measures {
		ids[i] = c.Measures[i].ID
	}
	return ids
}

func checkComparator(d *decode.Decoder, path string, ind *Indicator) {
	cpath := decode.Join(path, "comparator")
	bad := func(code, vi, en, fixVi, fixEn string) {
		d.Problem(cpath, diag.Msg{Code: "catalogue." + code, Vi: vi, En: en, FixVi: fixVi, FixEn: fixEn})
	}
	switch {
	case ind.Comparator == "" && !d.Reported(cpath):
		bad("comparator", "chỉ tiêu được đánh giá cần ghi cách so sánh", "an assessed indicator needs a comparator",
			`">=" (từ … trở lên), ">" (trên), "<=" (không vượt quá), "<" (dưới) hoặc "band" (trong khoảng)`, `">=", ">", "<=", "<" or "band"`)
	case ind.Kind == KindBand && ind.Comparator != InBand:
		bad("band-comparator", "chỉ tiêu dạng khoảng được đánh giá theo khoảng", "a band indicator is judged by its band", "comparator: band", "comparator: band")
	case ind.Kind != KindBand && ind.Comparator == InBand:
		bad("band-comparator", "chỉ chỉ tiêu dạng khoảng (kind: band) mới đánh giá theo khoảng", "only a band indicator is judged by a band",
			`kind: band, hoặc một cách so sánh như ">="`, `kind: band, or a comparator such as ">="`)
	}
}

// checkNational checks the milestone years and that each national target
// fits the indicator.
func checkNational(d *decode.Decoder, path string, ind *Indicator) {
	for _, y := range sortedKeys(ind.National) {
		tpath := decode.Join(path, "national."+y)
		if n, err := strconv.Atoi(y); err != nil || n < 1900 || n > 2200 {
			d.Problem(tpath, diag.Msg{Code: "catalogue.year",
				Vi: fmt.Sprintf("%q không phải là một năm", y), En: fmt.Sprintf("%q is not a year", y),
				FixVi: "năm mốc như 2025", FixEn: "a milestone year such as 2020"})
		}
		if ind.Kind == KindNotAssessed || ind.Comparator == "" {
			continue
		}
		if m, bad := targetFits(ind, ind.National[y]); bad {
			d.Problem(tpath, m)
		}
	}
}
