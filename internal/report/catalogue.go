// Package report holds the gender-equality statistics report: the
// indicator catalogue of a national strategy, one reporting period's raw
// counts per sub-unit (ward, commune) and department, their validation,
// and the aggregation of the counts into indicator values and assessments.
// It knows nothing of spreadsheets; internal/xlsx lays the result out.
package report

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// CatalogueSchema is the schema line every catalogue starts with.
const CatalogueSchema = "bdg-indicators/v1"

// Catalogue is the indicator set of one strategy or plan: its objectives
// (groups), the raw measures collected from sub-units and departments, and
// the indicators computed from them.
type Catalogue struct {
	Schema     string       `yaml:"schema,required" vi:"dạng tệp" doc:"Luôn là bdg-indicators/v1" ex:"bdg-indicators/v1" schema:"catalogue-schema"`
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
	fpOnce   sync.Once
	fp       string
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
	// Absent lists the tiers whose units do not have what the measure
	// counts (a village has no HĐND or UBND): their figures are neither
	// asked for nor listed as missing, and their cells read "x".
	Absent Tiers `yaml:"absent_at" vi:"không có ở cấp" doc:"Các cấp không có thứ mà số liệu đếm (thôn không có HĐND): không hỏi số liệu, ô ghi x" ex:"[thôn]"`
	// ReportedBy names, for a department measure, the departments that
	// keep it, as words of their names ("Công an", "Y tế"): a department
	// whose name holds one of them is asked for the measure on its form,
	// the others are not. A measure no declared department's name matches
	// is asked of every department.
	ReportedBy []string `yaml:"reported_by" vi:"cơ quan báo cáo" doc:"Số liệu của cơ quan, đơn vị: tên (hoặc một phần tên) các cơ quan giữ số liệu này, ví dụ [Công an]; biểu mẫu chỉ hỏi số liệu này ở cơ quan có tên chứa một trong các từ đó" ex:"[Công an]"`

	// subunitsOnly is set when every indicator computed from the measure
	// counts the sub-units only: the unit's own figures are then not used.
	subunitsOnly bool
}

// SubunitsOnly reports whether only the sub-units' figures of the measure
// are used (every indicator computed from it has scope subunits).
func (m *Measure) SubunitsOnly() bool { return m.subunitsOnly }

// Part names one count of a pair, with its own unit when the two counts
// count different things (live births and abortions).
type Part struct {
	Key   string `yaml:"key,required" vi:"tên khóa" doc:"Tên dùng trong số liệu, không dấu" ex:"detected"`
	Label string `yaml:"label,required" vi:"tên in" doc:"Tên in trong biểu" ex:"Số vụ phát hiện"`
	Unit  string `yaml:"unit" vi:"đơn vị tính" doc:"Đơn vị tính của số này" ex:"vụ"`
}

// PartUnit is the unit of a count of the measure: the part's own unit,
// else the measure's.
func (m *Measure) PartUnit(key string) string {
	for _, p := range []*Part{m.First, m.Second} {
		if p != nil && p.Key == key && p.Unit != "" {
			return p.Unit
		}
	}
	return m.Unit
}

// PresentAt reports whether units of tier t have what the measure counts.
func (m *Measure) PresentAt(t Tier) bool { return t == NoTier || !m.Absent.Has(t) }

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
	MinBase float64 `yaml:"min_base" vi:"cỡ mẫu tối thiểu" doc:"Dưới cỡ mẫu này, kết quả chỉ có tính tham khảo" ex:"1000" min:"0"`
	Base    string  `yaml:"base" vi:"số liệu tính cỡ mẫu" doc:"Khóa của số liệu tính cỡ mẫu (mặc định là mẫu số)" ex:"total"`
	Nature  string  `yaml:"nature" vi:"tính chất" doc:"stock (tính tại một thời điểm) hoặc flow (cộng dồn trong kỳ)" ex:"stock" enum:"stock|flow"`
	// HalfYear says how a half-year report judges the indicator: a rate or
	// a value at a date is judged (HalfJudge); a quantity that accumulates
	// over the year towards a yearly target shows progress (HalfProgress).
	HalfYear HalfYearRule `yaml:"half_year" vi:"đánh giá trong báo cáo 6 tháng" doc:"judge (đánh giá như cả năm: tỷ lệ, số tại một thời điểm) hoặc progress (đang thực hiện: số cộng dồn đến hết năm)" ex:"judge"`
	// Levels lists the tiers at which the indicator is assessed (all when
	// empty); at the others it reads "Không đánh giá".
	Levels   Tiers                  `yaml:"levels" vi:"cấp đánh giá" doc:"Các cấp đánh giá chỉ tiêu; ở cấp khác ghi Không đánh giá (mặc định: mọi cấp)" ex:"[tỉnh, xã]"`
	National map[string]TargetValue `yaml:"national" vi:"mục tiêu quốc gia" doc:"Mục tiêu quốc gia theo năm mốc" ex:"{\"2025\": 30, \"2030\": 35}"`
	// NationalFrom is the first year the national targets apply to ("từ
	// năm 2025 trở đi"): earlier years have no national target.
	NationalFrom int               `yaml:"national_from" vi:"áp dụng từ năm" doc:"Năm đầu tiên áp dụng mục tiêu quốc gia" ex:"2025" min:"1990" max:"2200"`
	Uncertain    map[string]string `yaml:"uncertain" vi:"giá trị chưa kiểm chứng" doc:"Giá trị mục tiêu chưa kiểm chứng được, theo năm" ex:"{\"2025\": chưa rõ nguồn}"`
	Confidence   string            `yaml:"confidence" vi:"độ tin cậy" doc:"Độ tin cậy của nguồn: V (đã kiểm chứng), S, M, ?" ex:"V" enum:"V|S|M|?"`
	// Basis says where the target's wording and values were read: the
	// article of the strategy, the report that quotes it.
	Basis  string `yaml:"basis" vi:"căn cứ" doc:"Nơi đọc được lời và giá trị của mục tiêu: điều, khoản của chiến lược" ex:"Nghị quyết 28/NQ-CP, Mục tiêu 1, chỉ tiêu 1"`
	Source string `yaml:"source" vi:"nguồn số liệu" doc:"Nguồn của chỉ tiêu" ex:"Nghị quyết 28/NQ-CP, Mục tiêu 1"`
	// Sources words the source for some levels or periods: who gives a
	// figure differs between a province and a commune, and bodies were
	// merged in 2025. The first that fits the report wins over Source.
	Sources []SourceWords `yaml:"sources" vi:"nguồn số liệu theo cấp, kỳ" doc:"Nguồn số liệu riêng cho một số cấp hoặc kỳ báo cáo; mục đầu tiên phù hợp được dùng thay cho source" ex:"[{levels: [tỉnh], from: 2025-03-01, text: Sở Y tế}]"`
	Note    string        `yaml:"note" vi:"ghi chú" doc:"Ghi chú" ex:"Chỉ đánh giá ở cấp quốc gia"`

	// Set by validation.
	Row int `yaml:"-"` // 1-based position among indicators
	ms  []*Measure
}

// SourceWords is an indicator's source for the reports of some levels,
// or of periods ending in a span of dates.
type SourceWords struct {
	Levels Tiers     `yaml:"levels" vi:"cấp" doc:"Các cấp dùng lời này (mặc định: mọi cấp)" ex:"[tỉnh]"`
	From   viet.Date `yaml:"from" vi:"từ ngày" doc:"Dùng cho kỳ báo cáo kết thúc từ ngày này" ex:"2025-03-01"`
	Until  viet.Date `yaml:"until" vi:"đến ngày" doc:"Dùng cho kỳ báo cáo kết thúc trước ngày này" ex:"2025-07-01"`
	Text   string    `yaml:"text,required" vi:"nguồn số liệu" doc:"Nguồn số liệu" ex:"Sở Y tế; Công an {cấp}"`
}

// SourceFor is the source of the indicator for a report of tier t on
// period p, before its placeholders are filled: the first of Sources
// that fits, else Source.
func (ind *Indicator) SourceFor(t Tier, p Span) string {
	end := viet.Date{Year: p.Year, Month: 12, Day: 31}
	if p.Kind == HalfYear {
		end.Month, end.Day = 6, 30
	}
	for _, s := range ind.Sources {
		if (len(s.Levels) == 0 || s.Levels.Has(t)) && (s.From.IsZero() || !end.Before(s.From)) && (s.Until.IsZero() || end.Before(s.Until)) {
			return s.Text
		}
	}
	return ind.Source
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

// Assessable reports whether the indicator is computed at all, at some
// level.
func (ind *Indicator) Assessable() bool { return ind.Kind != KindNotAssessed }

// AssessedAt reports whether the indicator is computed for a unit of tier
// t.
func (ind *Indicator) AssessedAt(t Tier) bool {
	return ind.Assessable() && (len(ind.Levels) == 0 || t == NoTier || ind.Levels.Has(t))
}

// Progress reports whether a half-year report shows the indicator as in
// progress rather than judging it: the catalogue's half_year, by default
// a count of a flow (it accumulates towards the yearly target).
func (ind *Indicator) Progress() bool {
	if ind.HalfYear != "" {
		return ind.HalfYear == HalfProgress
	}
	return ind.Kind == KindCount && ind.Nature == Flow
}

// HalfYearRule is how a half-year report judges an indicator.
type HalfYearRule string

// Half-year rules.
const (
	HalfJudge    HalfYearRule = "judge"
	HalfProgress HalfYearRule = "progress"
)

// halfYearRules are the spellings of the half-year rules, in lower case.
var halfYearRules = map[string]HalfYearRule{
	"judge": HalfJudge, "đánh giá": HalfJudge, "danh gia": HalfJudge,
	"progress": HalfProgress, "đang thực hiện": HalfProgress, "dang thuc hien": HalfProgress,
}

// DecodeNode implements decode.Unmarshaler: judge (đánh giá) or progress
// (đang thực hiện).
func (h *HalfYearRule) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	v := ""
	if n.Kind == yaml.ScalarNode {
		v = strings.ToLower(strings.TrimSpace(n.Value))
	}
	if r, ok := halfYearRules[v]; ok {
		*h = r
		return
	}
	d.Problem(path, diag.Msg{Code: "catalogue.half-year",
		Vi: "không rõ cách đánh giá 6 tháng " + q(n.Value), En: "unknown half-year rule " + q(n.Value),
		FixVi: "judge (đánh giá như cả năm: tỷ lệ, số tại một thời điểm) hoặc progress (đang thực hiện: số cộng dồn đến hết năm)",
		FixEn: "judge (rates, values at a date) or progress (quantities accumulating towards a yearly target)"})
}

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

// TargetValue is a target: one number, or a band [lo, hi], with the
// comparator it states when it states one ("trên 35", "≥ 40").
type TargetValue struct {
	Lo, Hi float64
	Band   bool
	Set    bool
	// Cmp is the target's own comparator; empty when the target is a bare
	// number, which is judged with the indicator's comparator.
	Cmp Comparator
}

// With returns the comparator a value is judged with against t: the
// target's own, else the indicator's default c.
func (t TargetValue) With(c Comparator) Comparator {
	switch {
	case t.Band:
		return InBand
	case t.Cmp != "":
		return t.Cmp
	}
	return c
}

// DecodeNode implements decode.Unmarshaler: a number, a band of two
// numbers, or a number with its comparator in signs or in the words of
// Vietnamese plans ("trên 35", "từ 25 trở lên", "không vượt quá 111",
// "khoảng 60").
func (t *TargetValue) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
	case n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float"):
		var v float64
		d.Value(n, path, &v)
		*t = TargetValue{Lo: v, Hi: v, Set: true}
	case n.Kind == yaml.ScalarNode:
		v, err := ParseTarget(n.Value)
		if err != nil {
			d.Problem(path, targetMsg(n.Value))
			return
		}
		*t = v
	case n.Kind == yaml.SequenceNode && len(n.Content) == 2:
		var v [2]float64
		for i, c := range n.Content {
			d.Value(c, decode.Index(path, i), &v[i])
		}
		*t = TargetValue{Lo: v[0], Hi: v[1], Band: true, Set: true, Cmp: InBand}
		if v[0] > v[1] {
			d.Problem(path, diag.Msg{Code: "target.band-reversed",
				Vi:    fmt.Sprintf("cận dưới của khoảng lớn hơn cận trên (%g > %g)", v[0], v[1]),
				En:    fmt.Sprintf("the band starts above its end (%g > %g)", v[0], v[1]),
				FixVi: "ghi [cận dưới, cận trên], ví dụ [40, 60]", FixEn: "[lower, upper], e.g. [40, 60]"})
		}
	default:
		d.Problem(path, targetMsg(""))
	}
}

func targetMsg(s string) diag.Msg {
	m := diag.Msg{Code: "target.form",
		Vi:    "chỉ tiêu phải là một số, một khoảng hai số, hoặc một số kèm cách so sánh",
		En:    "a target must be one number, a band of two, or a number with its comparator",
		FixVi: "ví dụ 25, [40, 60], \"≥ 25\", \"trên 35\", \"từ 25 trở lên\", \"không vượt quá 111\", \"dưới 30\", \"khoảng 60\"",
		FixEn: `e.g. 25, [40, 60], "≥ 25", "> 35", "trên 35", "từ 25 trở lên", "không vượt quá 111", "dưới 30", "khoảng 60"`}
	if s != "" {
		m.Vi = "không hiểu chỉ tiêu " + q(s) + ": " + m.Vi
		m.En = "cannot read the target " + q(s) + ": " + m.En
	}
	return m
}

// About is the half-width of the band "khoảng V" stands for, as a share
// of V: "khoảng 60%" is met from 57 to 63. Plans round such targets to
// steps of about a tenth of the value (55, 60, 65 around 60), so a value
// is "about V" while it is nearer to V than to the round figures next to
// it, within half a step: ±5 % of V. A wider band would accept values the
// plan would have written as another figure. A local plan that means
// another band writes it as [lower, upper].
const About = 0.05

// targetWords are the Vietnamese and sign prefixes of a target, with the
// comparator they state. Longer prefixes come first.
var targetWords = []struct {
	prefix string
	cmp    Comparator
}{
	{"không vượt quá", LE}, {"không quá", LE}, {"không cao hơn", LE}, {"tối đa", LE}, {"giảm xuống dưới", LT}, {"giảm xuống còn", LE}, {"giảm xuống", LE},
	{"không dưới", GE}, {"không thấp hơn", GE}, {"ít nhất", GE}, {"tối thiểu", GE}, {"tăng lên", GE}, {"đạt trên", GT}, {"đạt", GE},
	{"trên", GT}, {"hơn", GT}, {"dưới", LT},
	{"≥", GE}, {">=", GE}, {"≤", LE}, {"<=", LE}, {">", GT}, {"<", LT},
}

// ParseTarget reads a target written as text: "≥ 25", "> 35", "trên 35",
// "từ 25 trở lên", "không vượt quá 111", "dưới 30", "ít nhất 27",
// "khoảng 60" (a band of ±5 %, see About), "40 - 60" or "từ 40 đến 60" (a
// band), or a plain number; a trailing "%" and a decimal comma are
// accepted.
func ParseTarget(s string) (TargetValue, error) {
	t := strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	bad := fmt.Errorf("cannot read %q", s)
	switch {
	case strings.HasPrefix(t, "khoảng "):
		v, ok := targetNumber(strings.TrimPrefix(t, "khoảng "))
		if !ok {
			return TargetValue{}, bad
		}
		lo, hi := viet.Round(v*(1-About), 2), viet.Round(v*(1+About), 2)
		if v <= 100 && hi > 100 {
			// "khoảng 99 %" is a share: no value goes beyond 100 %, and a
			// band printed as "94,05 – 103,95" would read as nonsense. The
			// targets near 100 in the catalogues are all shares.
			hi = 100
		}
		return TargetValue{Lo: lo, Hi: hi, Band: true, Set: true, Cmp: InBand}, nil
	case strings.HasPrefix(t, "từ ") && strings.HasSuffix(t, " trở lên"):
		v, ok := targetNumber(strings.TrimSuffix(strings.TrimPrefix(t, "từ "), " trở lên"))
		if !ok {
			return TargetValue{}, bad
		}
		return TargetValue{Lo: v, Hi: v, Set: true, Cmp: GE}, nil
	case strings.HasPrefix(t, "từ ") && strings.Contains(t, " đến "):
		a, b, _ := strings.Cut(strings.TrimPrefix(t, "từ "), " đến ")
		return band(a, b, bad)
	}
	for _, w := range targetWords {
		if rest, ok := strings.CutPrefix(t, w.prefix); ok {
			v, ok := targetNumber(rest)
			if !ok {
				return TargetValue{}, bad
			}
			return TargetValue{Lo: v, Hi: v, Set: true, Cmp: w.cmp}, nil
		}
	}
	if v, ok := targetNumber(t); ok {
		return TargetValue{Lo: v, Hi: v, Set: true}, nil
	}
	for _, sep := range []string{" - ", " – ", "-", "–"} {
		if a, b, ok := strings.Cut(t, sep); ok {
			return band(a, b, bad)
		}
	}
	return TargetValue{}, bad
}

func band(a, b string, bad error) (TargetValue, error) {
	lo, ok1 := targetNumber(a)
	hi, ok2 := targetNumber(b)
	if !ok1 || !ok2 || lo > hi {
		return TargetValue{}, bad
	}
	return TargetValue{Lo: lo, Hi: hi, Band: true, Set: true, Cmp: InBand}, nil
}

// targetNumber reads a number of a target: 25, 1,7 or 1.7, with an
// optional "%".
func targetNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(s, "eExXpP_") {
		return 0, false
	}
	return v, true
}

// Text is the target as printed: "≥ 25", "40 - 60".
func (t TargetValue) Text(c Comparator) string {
	if t.Band {
		return viet.Decimal(t.Lo, decimalsOf(t.Lo)) + " - " + viet.Decimal(t.Hi, decimalsOf(t.Hi))
	}
	sign := t.With(c).Sign()
	if sign != "" {
		sign += " "
	}
	return sign + viet.Decimal(t.Lo, decimalsOf(t.Lo))
}

// decimalsOf is the number of decimals (up to 2) a target needs.
func decimalsOf(v float64) int {
	for d := 0; d < 2; d++ {
		if viet.Round(v, d) == v {
			return d
		}
	}
	return 2
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

// comparators are the spellings of the comparators: their signs, Unicode
// signs and the words of Vietnamese plans, in lower case.
var comparators = map[string]Comparator{
	">=": GE, "≥": GE, "từ … trở lên": GE, "từ ... trở lên": GE, "ít nhất": GE, "không dưới": GE,
	">": GT, "trên": GT,
	"<=": LE, "≤": LE, "không vượt quá": LE, "không quá": LE,
	"<": LT, "dưới": LT,
	"band": InBand, "khoảng": InBand,
}

// DecodeNode implements decode.Unmarshaler: the comparators, their
// Unicode signs and the words of Vietnamese plans.
func (c *Comparator) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	s := ""
	if n.Kind == yaml.ScalarNode {
		s = strings.ToLower(strings.TrimSpace(norm.NFC.String(n.Value)))
	}
	if v, ok := comparators[s]; ok {
		*c = v
		return
	}
	d.Problem(path, diag.Msg{Code: "catalogue.comparator",
		Vi: "không rõ cách so sánh " + q(n.Value), En: "unknown comparator " + q(n.Value),
		FixVi: `một trong ">=" (từ … trở lên), ">" (trên), "<=" (không vượt quá), "<" (dưới), "band" (trong khoảng)`,
		FixEn: `one of ">=", ">", "<=", "<", "band"`})
}

// Meets reports whether v meets target t.
func (c Comparator) Meets(v float64, t TargetValue) bool {
	switch t.With(c) {
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

// Words says the comparator in the words of a plan: "từ … trở lên".
func (c Comparator) Words() string {
	switch c {
	case GE:
		return "từ … trở lên"
	case GT:
		return "trên"
	case LE:
		return "không vượt quá"
	case LT:
		return "dưới"
	case InBand:
		return "trong khoảng"
	}
	return ""
}

// NationalFor returns the national target for the first milestone year at
// or after year (the strategy's nearest milestone), with its year; none
// before the year the targets apply from.
func (ind *Indicator) NationalFor(year int) (TargetValue, int) {
	if year < ind.NationalFrom {
		return TargetValue{}, 0
	}
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

// webSite finds a web site's name in a basis: "thuvienphapluat.vn".
var webSite = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(vn|com|org|net|gov|int)\b`)
})

// LegalBasis is the indicator's basis as an official reader wants it: the
// provision of the strategy, without the web sites where its wording was
// read (the catalogue keeps them, for whoever checks the catalogue).
func (ind *Indicator) LegalBasis() string {
	var b strings.Builder
	rest := ind.Basis
	for {
		open := strings.Index(rest, " (")
		if open < 0 {
			break
		}
		end := strings.Index(rest[open:], ")")
		if end < 0 {
			break
		}
		b.WriteString(rest[:open])
		var kept []string
		for _, part := range strings.Split(rest[open+2:open+end], ";") {
			if part = strings.TrimSpace(part); part != "" && !webSite().MatchString(part) {
				kept = append(kept, part)
			}
		}
		if len(kept) > 0 {
			b.WriteString(" (" + strings.Join(kept, "; ") + ")")
		}
		rest = rest[open+end+1:]
	}
	b.WriteString(rest)
	return b.String()
}
