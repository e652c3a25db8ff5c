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

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
)

// CatalogueSchema is the schema line every catalogue starts with.
const CatalogueSchema = "bdg-indicators/v1"

// Catalogue is the indicator set of one strategy or plan: its objectives
// (groups), the raw measures collected from sub-units and departments, and
// the indicators computed from them.
type Catalogue struct {
	Schema     string       `yaml:"schema,required" vi:"dạng tệp" schema:"catalogue-schema" doc:"Luôn là bdg-indicators/v1" ex:"bdg-indicators/v1"`
	ID         string       `yaml:"id,required" vi:"mã bộ chỉ tiêu" doc:"Mã của bộ chỉ tiêu" ex:"bdg-2021-2030"`
	Title      string       `yaml:"title,required" vi:"tên chiến lược" doc:"Tên chiến lược hoặc kế hoạch" ex:"Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030"`
	Stage      string       `yaml:"stage,required" vi:"giai đoạn" doc:"Giai đoạn" ex:"2021-2030"`
	Basis      decode.Lines `yaml:"basis" vi:"căn cứ" doc:"Văn bản làm căn cứ" ex:"[Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ]"`
	Groups     []Group      `yaml:"groups,required" vi:"mục tiêu" doc:"Các mục tiêu; chỉ tiêu được in dưới mục tiêu của nó" ex:"[{id: muc-tieu-1, title: Mục tiêu 1 …}]"`
	Measures   []Measure    `yaml:"measures,required" vi:"số liệu thu thập" doc:"Các số liệu thô thu thập từ các đơn vị" ex:"[{id: dan_so, label: Dân số, shape: sex, from: areas}]"`
	Indicators []Indicator  `yaml:"indicators,required" vi:"chỉ tiêu" doc:"Các chỉ tiêu tính từ số liệu" ex:"[{id: lanh_dao_nu, group: muc-tieu-1, name: Tỷ lệ nữ lãnh đạo, unit: \"%\", kind: share, measure: lanh_dao, numerator: female, denominator: total}]"`

	// File is the catalogue's name in diagnostics.
	File     string `yaml:"-"`
	measures map[string]*Measure
	groups   map[string]*Group
	byID     map[string]*Indicator
}

// Group is one objective of the strategy; indicators are printed under it.
type Group struct {
	ID    string `yaml:"id,required" vi:"mã mục tiêu" doc:"Mã của mục tiêu" ex:"muc-tieu-1"`
	Title string `yaml:"title,required" vi:"tên mục tiêu" doc:"Tên mục tiêu in trong biểu" ex:"Mục tiêu 1: Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo"`
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
	ID     string `yaml:"id,required" vi:"mã số liệu" doc:"Mã dùng trong phần data: của báo cáo" ex:"dan_so"`
	Label  string `yaml:"label,required" vi:"tên số liệu" doc:"Tên số liệu in trong biểu" ex:"Dân số"`
	Unit   string `yaml:"unit" vi:"đơn vị tính" doc:"Đơn vị tính" ex:"người"`
	Shape  string `yaml:"shape,required" vi:"dạng số liệu" doc:"sex (tổng, nam, nữ), pair (hai số có tên), count (một số), posts (chức danh và giới tính người giữ), flag (có hoặc không)" ex:"sex" enum:"sex|pair|count|posts|flag"`
	From   string `yaml:"from,required" vi:"nguồn" doc:"areas (các đơn vị trực thuộc) hoặc departments (các phòng, ban)" ex:"areas" enum:"areas|departments"`
	First  *Part  `yaml:"first" vi:"số thứ nhất" doc:"Số thứ nhất của một cặp (shape: pair)" ex:"{key: detected, label: Số vụ phát hiện}"`
	Second *Part  `yaml:"second" vi:"số thứ hai" doc:"Số thứ hai của một cặp (shape: pair)" ex:"{key: served, label: Số vụ được hỗ trợ}"`
	// Subset says the second count of a pair is part of the first
	// (served ≤ detected), which validation then checks.
	Subset bool `yaml:"subset" vi:"số thứ hai là một phần của số thứ nhất" doc:"Khi đúng, vanban kiểm tra số thứ hai không lớn hơn số thứ nhất" ex:"true"`
	// PerMonthAtLeast turns a count into a norm a unit meets when its
	// count reaches this many per month of the period.
	PerMonthAtLeast float64 `yaml:"per_month_at_least" vi:"mức tối thiểu mỗi tháng" doc:"Đơn vị đạt khi số đếm đủ mức này nhân số tháng của kỳ" ex:"1" min:"0"`
	// Ratio is the ratio printed next to the counts on each row.
	Ratio *Ratio `yaml:"ratio" vi:"tỷ lệ in theo dòng" doc:"Tỷ lệ giữa hai số in cạnh số liệu của mỗi đơn vị" ex:"{label: Tỷ lệ, numerator: served, denominator: detected, scale: 100}"`

	// subunitsOnly is set when every indicator computed from the measure
	// counts the sub-units only: the unit's own figures are then not used.
	subunitsOnly bool
}

// SubunitsOnly reports whether only the sub-units' figures of the measure
// are used (every indicator computed from it has scope subunits).
func (m *Measure) SubunitsOnly() bool { return m.subunitsOnly }

// Part names one count of a pair.
type Part struct {
	Key   string `yaml:"key,required" vi:"tên khóa" doc:"Tên dùng trong số liệu, không dấu" ex:"detected"`
	Label string `yaml:"label,required" vi:"tên in" doc:"Tên in trong biểu" ex:"Số vụ phát hiện"`
}

// Ratio is a per-row ratio of two keys of a measure.
type Ratio struct {
	Label       string  `yaml:"label,required" vi:"tên tỷ lệ" doc:"Tên in trong biểu" ex:"Tỷ lệ được hỗ trợ"`
	Numerator   string  `yaml:"numerator,required" vi:"tử số" doc:"Tên khóa của tử số" ex:"served"`
	Denominator string  `yaml:"denominator,required" vi:"mẫu số" doc:"Tên khóa của mẫu số" ex:"detected"`
	Scale       float64 `yaml:"scale" vi:"hệ số nhân" doc:"100 cho phần trăm" ex:"100"`
	Decimals    *int    `yaml:"decimals" vi:"số chữ số thập phân" doc:"Số chữ số sau dấu phẩy" ex:"2" min:"0" max:"6"`
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
	ID          string       `yaml:"id,required" vi:"mã chỉ tiêu" doc:"Mã dùng trong targets:, last_year: và indicator_notes: của báo cáo" ex:"lanh_dao_nu"`
	Group       string       `yaml:"group,required" vi:"mục tiêu" doc:"Mã mục tiêu mà chỉ tiêu thuộc về" ex:"muc-tieu-1"`
	Name        string       `yaml:"name,required" vi:"tên chỉ tiêu" doc:"Tên chỉ tiêu in trong biểu" ex:"Tỷ lệ nữ tham gia cấp ủy Đảng"`
	Unit        string       `yaml:"unit,required" vi:"đơn vị tính" doc:"Đơn vị tính" ex:"'%'"`
	Kind        string       `yaml:"kind,required" vi:"loại chỉ tiêu" doc:"share (tỷ lệ), ratio (tỷ số), count (tổng số), unit_share (tỷ lệ đơn vị đạt), band (tỷ lệ trong khoảng), not_assessed (không đánh giá ở địa phương)" ex:"share" enum:"share|ratio|count|unit_share|band|not_assessed"`
	Measure     decode.Lines `yaml:"measure" vi:"số liệu" doc:"Mã số liệu dùng để tính" ex:"cap_uy"`
	Numerator   string       `yaml:"numerator" vi:"tử số" doc:"Khóa của số liệu dùng làm tử số" ex:"female"`
	Denominator string       `yaml:"denominator" vi:"mẫu số" doc:"Khóa của số liệu dùng làm mẫu số" ex:"total"`
	Scale       float64      `yaml:"scale" vi:"hệ số nhân" doc:"100 cho phần trăm" ex:"100"`
	Decimals    *int         `yaml:"decimals" vi:"số chữ số thập phân" doc:"Số chữ số sau dấu phẩy" ex:"2" min:"0" max:"6"`
	Comparator  Comparator   `yaml:"comparator" vi:"so sánh" doc:"Cách so với chỉ tiêu: >=, >, <=, <, band" ex:"\">=\""`
	// Scope says whose figures count: every area (the unit's own bodies and
	// its sub-units, the default) or the sub-units only, for a share of
	// wards and communes or a count of residents, which live in sub-units.
	Scope string `yaml:"scope" vi:"phạm vi tính" doc:"all (cả đơn vị và các đơn vị trực thuộc) hoặc subunits (chỉ các đơn vị trực thuộc)" ex:"all" enum:"all|subunits"`
	// MinBase flags a value computed from fewer than this many cases (the
	// births of a sex ratio at birth) as not statistically meaningful; Base
	// is the key that counts the cases (default: the denominator).
	MinBase    float64                `yaml:"min_base" vi:"cỡ mẫu tối thiểu" doc:"Dưới cỡ mẫu này, kết quả chỉ có tính tham khảo" ex:"1000" min:"0"`
	Base       string                 `yaml:"base" vi:"số liệu tính cỡ mẫu" doc:"Khóa của số liệu tính cỡ mẫu (mặc định là mẫu số)" ex:"total"`
	Nature     string                 `yaml:"nature" vi:"tính chất" doc:"stock (tính tại một thời điểm) hoặc flow (cộng dồn trong kỳ)" ex:"stock" enum:"stock|flow"`
	National   map[string]TargetValue `yaml:"national" vi:"mục tiêu quốc gia" doc:"Mục tiêu quốc gia theo năm mốc" ex:"{\"2025\": 30, \"2030\": 35}"`
	Uncertain  map[string]string      `yaml:"uncertain" vi:"giá trị chưa kiểm chứng" doc:"Giá trị mục tiêu chưa kiểm chứng được, theo năm" ex:"{\"2025\": chưa rõ nguồn}"`
	Confidence string                 `yaml:"confidence" vi:"độ tin cậy" doc:"Độ tin cậy của nguồn: V (đã kiểm chứng), S, M, ?" ex:"V" enum:"V|S|M|?"`
	Source     string                 `yaml:"source" vi:"nguồn số liệu" doc:"Nguồn của chỉ tiêu" ex:"Nghị quyết 28/NQ-CP, Mục tiêu 1"`
	Note       string                 `yaml:"note" vi:"ghi chú" doc:"Ghi chú" ex:"Chỉ đánh giá ở cấp quốc gia"`

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
