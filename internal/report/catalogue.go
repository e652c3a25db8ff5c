// Package report holds the gender-equality statistics report: the
// indicator catalogue of a national strategy, one reporting period's raw
// counts per sub-unit (ward, commune) and department, their validation,
// and the aggregation of the counts into indicator values and assessments.
// It knows nothing of spreadsheets; internal/xlsx lays the result out.
package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
)

// CatalogueSchema is the schema line every catalogue starts with.
const CatalogueSchema = "bdg-indicators/v1"

// Catalogue is the indicator set of one strategy or plan: its objectives
// (groups), the raw measures collected from sub-units and departments, and
// the indicators computed from them.
type Catalogue struct {
	Schema     string       `yaml:"schema,required"`
	ID         string       `yaml:"id,required"`
	Title      string       `yaml:"title,required" vi:"tên chiến lược"`
	Stage      string       `yaml:"stage,required" vi:"giai đoạn"`
	Basis      decode.Lines `yaml:"basis" vi:"căn cứ"`
	Groups     []Group      `yaml:"groups,required" vi:"mục tiêu"`
	Measures   []Measure    `yaml:"measures,required" vi:"số liệu thu thập"`
	Indicators []Indicator  `yaml:"indicators,required" vi:"chỉ tiêu"`

	// File is the catalogue's name in diagnostics.
	File     string `yaml:"-"`
	measures map[string]*Measure
	groups   map[string]*Group
	byID     map[string]*Indicator
	fpOnce   sync.Once
	fp       string
}

// Group is one objective of the strategy; indicators are printed under it.
type Group struct {
	ID    string `yaml:"id,required"`
	Title string `yaml:"title,required"`
}

// Shapes of raw measures.
const (
	ShapeSex   = "sex"   // total, male, female (any two determine the third)
	ShapePair  = "pair"  // two named counts, e.g. detected and served
	ShapeCount = "count" // one count per unit
	ShapePosts = "posts" // key posts with the sex of their holder
	ShapeFlag  = "flag"  // yes or no per unit
)

// Where a measure is collected.
const (
	FromAreas       = "areas"       // the reporting unit's own bodies and its sub-units
	FromDepartments = "departments" // the reporting unit's departments
)

// Measure is one raw quantity collected from every sub-unit (or from a
// department).
type Measure struct {
	ID     string `yaml:"id,required"`
	Label  string `yaml:"label,required" vi:"tên số liệu"`
	Unit   string `yaml:"unit" vi:"đơn vị tính"`
	Shape  string `yaml:"shape,required" vi:"dạng số liệu"`
	From   string `yaml:"from,required" vi:"nguồn"`
	First  *Part  `yaml:"first"`
	Second *Part  `yaml:"second"`
	// Subset says the second count of a pair is part of the first
	// (served ≤ detected), which validation then checks.
	Subset bool `yaml:"subset"`
	// PerMonthAtLeast turns a count into a norm a unit meets when its
	// count reaches this many per month of the period.
	PerMonthAtLeast float64 `yaml:"per_month_at_least"`
	// Ratio is the ratio printed next to the counts on each row.
	Ratio *Ratio `yaml:"ratio"`

	// subunitsOnly is set when every indicator computed from the measure
	// counts the sub-units only: the unit's own figures are then not used.
	subunitsOnly bool
}

// SubunitsOnly reports whether only the sub-units' figures of the measure
// are used (every indicator computed from it has scope subunits).
func (m *Measure) SubunitsOnly() bool { return m.subunitsOnly }

// Part names one count of a pair.
type Part struct {
	Key   string `yaml:"key,required"`
	Label string `yaml:"label,required"`
}

// Ratio is a per-row ratio of two keys of a measure.
type Ratio struct {
	Label       string  `yaml:"label,required"`
	Numerator   string  `yaml:"numerator,required"`
	Denominator string  `yaml:"denominator,required"`
	Scale       float64 `yaml:"scale"`
	Decimals    *int    `yaml:"decimals"`
}

// Indicator kinds.
const (
	KindShare       = "share"        // share of people: Σ part / Σ whole × scale
	KindRatio       = "ratio"        // ratio such as boys per 100 girls
	KindCount       = "count"        // a plain total
	KindUnitShare   = "unit_share"   // share of units meeting a condition
	KindBand        = "band"         // a share that must stay inside a range
	KindNotAssessed = "not_assessed" // meaningful only nationally or by survey
)

// Scopes of indicators computed from area measures.
const (
	ScopeAll      = "all"      // the unit's own bodies and its sub-units
	ScopeSubunits = "subunits" // the sub-units only
)

// Natures of indicators.
const (
	Stock = "stock" // measured at a date or for a term
	Flow  = "flow"  // summed over the period
)

// Indicator is one target of the strategy.
type Indicator struct {
	ID          string       `yaml:"id,required"`
	Group       string       `yaml:"group,required" vi:"mục tiêu"`
	Name        string       `yaml:"name,required" vi:"tên chỉ tiêu"`
	Unit        string       `yaml:"unit,required" vi:"đơn vị tính"`
	Kind        string       `yaml:"kind,required" vi:"loại chỉ tiêu"`
	Measure     decode.Lines `yaml:"measure" vi:"số liệu"`
	Numerator   string       `yaml:"numerator" vi:"tử số"`
	Denominator string       `yaml:"denominator" vi:"mẫu số"`
	Scale       float64      `yaml:"scale"`
	Decimals    *int         `yaml:"decimals" vi:"số chữ số thập phân"`
	Comparator  Comparator   `yaml:"comparator" vi:"so sánh"`
	// Scope says whose figures count: every area (the unit's own bodies and
	// its sub-units, the default) or the sub-units only, for a share of
	// wards and communes or a count of residents, which live in sub-units.
	Scope string `yaml:"scope" vi:"phạm vi tính"`
	// MinBase flags a value computed from fewer than this many cases (the
	// births of a sex ratio at birth) as not statistically meaningful; Base
	// is the key that counts the cases (default: the denominator).
	MinBase    float64                `yaml:"min_base" vi:"cỡ mẫu tối thiểu"`
	Base       string                 `yaml:"base" vi:"số liệu tính cỡ mẫu"`
	Nature     string                 `yaml:"nature" vi:"tính chất"`
	National   map[string]TargetValue `yaml:"national" vi:"mục tiêu quốc gia"`
	Uncertain  map[string]string      `yaml:"uncertain" vi:"giá trị chưa kiểm chứng"`
	Confidence string                 `yaml:"confidence" vi:"độ tin cậy"`
	Source     string                 `yaml:"source" vi:"nguồn số liệu"`
	Note       string                 `yaml:"note" vi:"ghi chú"`

	// Set by validation.
	Row int `yaml:"-"` // 1-based position among indicators
	ms  []*Measure
}

// Dec is the number of decimal places, after defaults.
func (ind *Indicator) Dec() int {
	if ind.Decimals != nil {
		return *ind.Decimals
	}
	if ind.Kind == KindCount {
		return 0
	}
	return 2
}

// Mult is the scale the ratio is multiplied by (100 for percentages).
func (ind *Indicator) Mult() float64 {
	if ind.Scale != 0 {
		return ind.Scale
	}
	if ind.Kind == KindCount {
		return 1
	}
	return 100
}

// BaseKey is the key that counts the cases a value is computed from.
func (ind *Indicator) BaseKey() string {
	if ind.Base != "" {
		return ind.Base
	}
	return ind.Denominator
}

// SubunitsOnly reports whether the indicator counts the sub-units only,
// leaving out the unit's own bodies.
func (ind *Indicator) SubunitsOnly() bool { return ind.Scope == ScopeSubunits }

// Measures returns the measures the indicator is computed from.
func (ind *Indicator) Measures() []*Measure { return ind.ms }

// Assessable reports whether the indicator is judged at all.
func (ind *Indicator) Assessable() bool { return ind.Kind != KindNotAssessed }

// Measure returns the measure with the given id, or nil.
func (c *Catalogue) Measure(id string) *Measure { return c.measures[id] }

// Indicator returns the indicator with the given id, or nil.
func (c *Catalogue) Indicator(id string) *Indicator { return c.byID[id] }

// IndicatorIDs lists the indicator ids in catalogue order.
func (c *Catalogue) IndicatorIDs() []string {
	ids := make([]string, len(c.Indicators))
	for i := range c.Indicators {
		ids[i] = c.Indicators[i].ID
	}
	return ids
}

// Keys lists the keys a measure's figures have, in print order.
func (m *Measure) Keys() []string {
	switch m.Shape {
	case ShapeSex:
		return []string{"total", "male", "female"}
	case ShapePair:
		if m.First == nil || m.Second == nil {
			return nil
		}
		return []string{m.First.Key, m.Second.Key}
	case ShapeCount:
		if m.PerMonthAtLeast > 0 {
			return []string{"value", "yes", "units"}
		}
		return []string{"value"}
	case ShapePosts:
		return []string{"posts", "female", "yes", "units"}
	case ShapeFlag:
		return []string{"yes", "units"}
	}
	return nil
}

// KeyLabel names what a key of the measure counts, for a sentence:
// "trẻ sinh ra sống" for the total of births, "trẻ đẻ sống (tại cơ sở y
// tế)" for the first count of a pair.
func (m *Measure) KeyLabel(key string) string {
	switch {
	case m.Shape == ShapePair && m.First != nil && key == m.First.Key:
		return lower(m.First.Label)
	case m.Shape == ShapePair && m.Second != nil && key == m.Second.Key:
		return lower(m.Second.Label)
	case m.Shape == ShapeSex && key == "male":
		return lower(m.Label) + " là nam"
	case m.Shape == ShapeSex && key == "female":
		return lower(m.Label) + " là nữ"
	}
	return lower(m.Label)
}

// HasFlag reports whether each unit's figures end in a yes/no flag, so
// that the measure can feed a share-of-units indicator.
func (m *Measure) HasFlag() bool {
	return m.Shape == ShapePosts || m.Shape == ShapeFlag || (m.Shape == ShapeCount && m.PerMonthAtLeast > 0)
}

// RowRatio returns the ratio printed on each row, with defaults: share of
// women for sex figures, second over first for a subset pair.
func (m *Measure) RowRatio() *Ratio {
	if m.Ratio != nil {
		return m.Ratio
	}
	switch {
	case m.Shape == ShapeSex:
		return &Ratio{Label: "Tỷ lệ nữ (%)", Numerator: "female", Denominator: "total"}
	case m.Shape == ShapePair && m.Subset && m.First != nil && m.Second != nil:
		return &Ratio{Label: "Tỷ lệ (%)", Numerator: m.Second.Key, Denominator: m.First.Key}
	}
	return nil
}

// Mult is the ratio's scale after defaults.
func (r *Ratio) Mult() float64 {
	if r.Scale != 0 {
		return r.Scale
	}
	return 100
}

// Dec is the ratio's decimal places after defaults.
func (r *Ratio) Dec() int {
	if r.Decimals != nil {
		return *r.Decimals
	}
	return 2
}

// TargetValue is a target: one number, or a band [lo, hi].
type TargetValue struct {
	Lo, Hi float64
	Band   bool
	Set    bool
}

// DecodeNode implements decode.Unmarshaler: a number, or a list of two.
func (t *TargetValue) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
	case n.Kind == yaml.ScalarNode:
		var v float64
		d.Value(n, path, &v)
		*t = TargetValue{Lo: v, Hi: v, Set: true}
	case n.Kind == yaml.SequenceNode && len(n.Content) == 2:
		var v [2]float64
		for i, c := range n.Content {
			d.Value(c, decode.Index(path, i), &v[i])
		}
		*t = TargetValue{Lo: v[0], Hi: v[1], Band: true, Set: true}
		if v[0] > v[1] {
			d.Error(path, fmt.Sprintf("the band starts above its end (%g > %g)", v[0], v[1]), "[lower, upper], e.g. [40, 60]")
		}
	default:
		d.Error(path, "a target must be one number or a band of two", "a number such as 25, or a band such as [40, 60]")
	}
}

// Comparator says how a value is judged against its target.
type Comparator string

// Comparators.
const (
	GE     Comparator = ">="
	GT     Comparator = ">"
	LE     Comparator = "<="
	LT     Comparator = "<"
	InBand Comparator = "band"
)

// UnmarshalText accepts the comparators and their Unicode signs.
func (c *Comparator) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	switch s {
	case ">=", "≥":
		*c = GE
	case ">":
		*c = GT
	case "<=", "≤":
		*c = LE
	case "<":
		*c = LT
	case "band":
		*c = InBand
	default:
		return expectErr{fmt.Sprintf("unknown comparator %q", s), `one of ">=", ">", "<=", "<", "band"`}
	}
	return nil
}

// Meets reports whether v meets target t.
func (c Comparator) Meets(v float64, t TargetValue) bool {
	switch c {
	case GE:
		return v >= t.Lo
	case GT:
		return v > t.Lo
	case LE:
		return v <= t.Lo
	case LT:
		return v < t.Lo
	case InBand:
		return v >= t.Lo && v <= t.Hi
	}
	return false
}

// Higher reports whether a higher value is better, so that "% of plan"
// makes sense (it does not for ceilings and bands).
func (c Comparator) Higher() bool { return c == GE || c == GT }

// Sign is the comparator as printed before a target: ≥, >, ≤, <.
func (c Comparator) Sign() string {
	switch c {
	case GE:
		return "≥"
	case GT:
		return ">"
	case LE:
		return "≤"
	case LT:
		return "<"
	}
	return ""
}

type expectErr struct{ msg, expected string }

func (e expectErr) Error() string    { return e.msg }
func (e expectErr) Expected() string { return e.expected }

// NationalFor returns the national target for the first milestone year at
// or after year (the strategy's nearest milestone), with its year.
func (ind *Indicator) NationalFor(year int) (TargetValue, int) {
	years := make([]int, 0, len(ind.National))
	for y := range ind.National {
		if n, err := strconv.Atoi(y); err == nil {
			years = append(years, n)
		}
	}
	sort.Ints(years)
	for _, y := range years {
		if y >= year {
			return ind.National[strconv.Itoa(y)], y
		}
	}
	if len(years) > 0 {
		y := years[len(years)-1]
		return ind.National[strconv.Itoa(y)], y
	}
	return TargetValue{}, 0
}
