package report

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
	"golang.org/x/text/unicode/norm"
)

// PeriodSchema is the schema line every period file starts with; the app
// recognises a report by its prefix.
const PeriodSchema = "bdg-period/v1"

// SchemaPrefix identifies a period file of any version.
const SchemaPrefix = "bdg-period/"

// Period is one reporting period's file as written by the user.
type Period struct {
	Schema      string             `yaml:"schema,required"`
	Catalogue   string             `yaml:"catalogue,required" vi:"bộ chỉ tiêu"`
	Unit        Unit               `yaml:"unit,required" vi:"đơn vị báo cáo"`
	Period      Span               `yaml:"period,required" vi:"kỳ báo cáo"`
	Document    Document           `yaml:"document,required" vi:"văn bản"`
	Signature   Signature          `yaml:"signature" vi:"chữ ký"`
	Subunits    []Entity           `yaml:"subunits,required" vi:"xã, phường"`
	Departments []Entity           `yaml:"departments" vi:"phòng, ban, ngành"`
	Targets     map[string]Target  `yaml:"targets" vi:"chỉ tiêu kế hoạch"`
	LastYear    map[string]float64 `yaml:"last_year" vi:"thực hiện cùng kỳ năm trước"`
	Data        Data               `yaml:"data,required" vi:"số liệu"`
	Notes       decode.Lines       `yaml:"notes" vi:"ghi chú"`
	IndNotes    map[string]string  `yaml:"indicator_notes" vi:"ghi chú theo chỉ tiêu"`
}

// Unit is the reporting unit (a town, district, province or commune).
type Unit struct {
	Issuer   decode.Lines `yaml:"issuer,required" vi:"tên cơ quan ban hành"`
	Name     string       `yaml:"name,required" vi:"tên đơn vị"`
	Place    string       `yaml:"place,required" vi:"địa danh"`
	Level    string       `yaml:"level,required" vi:"cấp của đơn vị"`
	Sublevel string       `yaml:"sublevel,required" vi:"cấp của các đơn vị trực thuộc"`
	// Tier is the unit's tier when the name of its level does not tell
	// (a "thành phố" may be a province or, until 2025, a district).
	Tier TierName `yaml:"tier" vi:"cấp hành chính"`
}

// Span is the reporting period.
type Span struct {
	Kind   PeriodKind `yaml:"kind,required" vi:"loại kỳ"`
	Year   int        `yaml:"year,required" vi:"năm"`
	Plan   string     `yaml:"plan" vi:"giai đoạn kế hoạch"`
	Cutoff viet.Date  `yaml:"cutoff" vi:"số liệu tính đến ngày"`
}

// PeriodKind is a half year or a whole year.
type PeriodKind string

// Period kinds.
const (
	HalfYear PeriodKind = "half-year"
	Year     PeriodKind = "year"
)

// DecodeNode implements decode.Unmarshaler: the English and Vietnamese
// names.
func (k *PeriodKind) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	s := ""
	if n.Kind == yaml.ScalarNode {
		s = strings.ToLower(strings.TrimSpace(norm.NFC.String(n.Value)))
	}
	switch s {
	case "half-year", "6-thang", "6 tháng", "sáu tháng", "6 thang", "6 tháng đầu năm":
		*k = HalfYear
	case "year", "nam", "năm", "cả năm", "ca nam":
		*k = Year
	default:
		d.Problem(path, diag.Msg{Code: "report.period-kind",
			Vi: "không rõ loại kỳ báo cáo " + q(n.Value), En: "unknown period " + q(n.Value),
			FixVi: "half-year (6 tháng đầu năm) hoặc year (cả năm)", FixEn: "half-year (6 tháng đầu năm) or year (cả năm)"})
	}
}

// Document is what the workbook is attached to.
type Document struct {
	Date         viet.Date `yaml:"date,required" vi:"ngày báo cáo"`
	Form         string    `yaml:"form" vi:"số hiệu biểu"`
	Title        string    `yaml:"title" vi:"tên biểu"`
	AnnexOf      string    `yaml:"annex_of" vi:"kèm theo văn bản"`
	Illustrative bool      `yaml:"illustrative" vi:"số liệu minh họa"`
}

// Signature is the signature block under each table.
type Signature struct {
	Preparer string       `yaml:"preparer" vi:"người lập biểu"`
	Head     decode.Lines `yaml:"head" vi:"thẩm quyền, chức vụ người ký"`
	Name     string       `yaml:"name" vi:"họ tên người ký"`
}

// Entity is a sub-unit or a department.
type Entity struct {
	ID   string `yaml:"id,required"`
	Name string `yaml:"name,required" vi:"tên"`
	// From names the sub-unit's own period file, relative to this file's
	// folder, whose totals are carried up instead of figures under data.
	From string `yaml:"from" vi:"tệp số liệu của đơn vị"`
}

// Target is the local plan's target for one indicator.
type Target struct {
	Plan TargetValue `yaml:"plan" vi:"chỉ tiêu giai đoạn"`
	Year TargetValue `yaml:"year" vi:"chỉ tiêu năm"`
}

// Data is every entity's figures, keyed by entity id, in source order.
type Data struct {
	IDs      []string
	Entities map[string]EntityRaw
	KeyPos   map[string]diag.Pos
}

// EntityRaw is one entity's figures, kept as YAML until the catalogue says
// what shape each measure has.
type EntityRaw struct {
	Path     string
	Measures map[string]RawValue
	Order    []string
	KeyPos   map[string]diag.Pos
}

// RawValue is one measure's undecoded figures.
type RawValue struct {
	Node *yaml.Node
	Path string
}

// DecodeNode implements decode.Unmarshaler.
func (r *RawValue) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	r.Node, r.Path = n, path
}

// DecodeNode implements decode.Unmarshaler.
func (dd *Data) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	if isNullNode(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.Problem(path, diag.Msg{Code: "report.data-form", Vi: "số liệu phải ghi theo từng đơn vị, không phải " + describeVi(n), En: "found " + decode.Describe(n),
			FixVi: "mỗi đơn vị một dòng như \"ba-dinh:\", các số liệu thụt vào ở các dòng dưới",
			FixEn: "the figures by sub-unit: lines such as \"ba-dinh:\" with the figures indented below"})
		return
	}
	d.Value(n, path, &dd.Entities)
	dd.IDs, dd.KeyPos = keysOf(n, dd.Entities)
}

// DecodeNode implements decode.Unmarshaler.
func (e *EntityRaw) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	e.Path = path
	if isNullNode(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.Problem(path, diag.Msg{Code: "report.entity-form", Vi: "số liệu của đơn vị phải ghi theo từng số liệu, không phải " + describeVi(n), En: "found " + decode.Describe(n),
			FixVi: "mỗi số liệu một dòng, ví dụ cap_uy: {total: 15, female: 4}",
			FixEn: "the figures by measure, one per line, such as cap_uy: {total: 15, female: 4}"})
		return
	}
	d.Value(n, path, &e.Measures)
	e.Order, e.KeyPos = keysOf(n, e.Measures)
}

// keysOf lists the keys of mapping n that decoded into m, in source order,
// with their positions.
func keysOf[V any](n *yaml.Node, m map[string]V) ([]string, map[string]diag.Pos) {
	var order []string
	pos := map[string]diag.Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if _, ok := m[k.Value]; ok {
			if _, seen := pos[k.Value]; !seen {
				order = append(order, k.Value)
				pos[k.Value] = diag.Pos{Line: k.Line, Col: k.Column}
			}
		}
	}
	return order, pos
}
