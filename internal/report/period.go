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
	Schema      string             `yaml:"schema,required" vi:"dạng tệp" doc:"Luôn là bdg-period/v1: cho vanban biết đây là báo cáo số liệu bình đẳng giới" ex:"bdg-period/v1" schema:"period-schema"`
	Catalogue   string             `yaml:"catalogue,required" vi:"bộ chỉ tiêu" doc:"Bộ chỉ tiêu: bdg-2021-2030, bdg-2011-2020, hoặc đường dẫn tới tệp chỉ tiêu riêng" ex:"bdg-2021-2030" schema:"catalogue-name"`
	Unit        Unit               `yaml:"unit,required" vi:"đơn vị báo cáo" doc:"Đơn vị báo cáo" ex:"{issuer: [ỦY BAN NHÂN DÂN, XÃ AN PHÚ], name: UBND xã An Phú, place: An Phú, level: xã, sublevel: thôn}"`
	Period      Span               `yaml:"period,required" vi:"kỳ báo cáo" doc:"Kỳ báo cáo" ex:"{kind: half-year, year: 2024}"`
	Document    Document           `yaml:"document,required" vi:"văn bản" doc:"Văn bản mà biểu số liệu kèm theo" ex:"{date: 2024-06-20}"`
	Signature   Signature          `yaml:"signature" vi:"chữ ký" doc:"Khối chữ ký dưới mỗi biểu" ex:"{preparer: Trần Thị Hoa, head: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Văn An}"`
	Subunits    []Entity           `yaml:"subunits,required" vi:"đơn vị trực thuộc" doc:"Các đơn vị trực thuộc gửi số liệu (xã, phường, thôn …): mã và tên" ex:"[{id: an-phu, name: Thôn An Phú}]"`
	Departments []Entity           `yaml:"departments" vi:"cơ quan, ban, ngành" doc:"Các cơ quan, ban, ngành gửi số liệu chung của đơn vị (sở, ban, ngành của tỉnh; cơ quan, đơn vị của xã)" ex:"[{id: van-hoa, name: Phòng Văn hóa - Xã hội}]"`
	Targets     map[string]Target  `yaml:"targets" vi:"chỉ tiêu kế hoạch" doc:"Chỉ tiêu kế hoạch của địa phương, theo mã chỉ tiêu" ex:"{lanh_dao_nu: {year: 30}}"`
	LastYear    map[string]float64 `yaml:"last_year" vi:"thực hiện cùng kỳ năm trước" doc:"Kết quả cùng kỳ năm trước, theo mã chỉ tiêu" ex:"{lanh_dao_nu: 25.5}"`
	Data        Data               `yaml:"data,required" vi:"số liệu" doc:"Số liệu thô của từng đơn vị, theo mã đơn vị rồi mã số liệu; ~ là chưa có số liệu" ex:"{an-phu: {dan_so: {total: 1200, female: 610}}}"`
	Notes       decode.Lines       `yaml:"notes" vi:"ghi chú" doc:"Ghi chú in cuối biểu" ex:"[Số liệu lãnh đạo HĐND, UBND tính sau khi kiện toàn bộ máy mới.]"`
	IndNotes    map[string]string  `yaml:"indicator_notes" vi:"ghi chú theo chỉ tiêu" doc:"Ghi chú cho từng chỉ tiêu, theo mã chỉ tiêu" ex:"{lanh_dao_nu: Chưa có số liệu của thôn Đông.}"`
}

// Unit is the reporting unit (a town, district, province or commune).
type Unit struct {
	Issuer   decode.Lines `yaml:"issuer,required" vi:"tên cơ quan ban hành" doc:"Tên cơ quan ở góc trái biểu, mỗi dòng một mục" ex:"[ỦY BAN NHÂN DÂN, XÃ AN PHÚ]"`
	Name     string       `yaml:"name,required" vi:"tên đơn vị" doc:"Tên đơn vị báo cáo" ex:"UBND xã An Phú"`
	Place    string       `yaml:"place,required" vi:"địa danh" doc:"Địa danh in trước ngày tháng" ex:"An Phú"`
	Level    string       `yaml:"level,required" vi:"cấp của đơn vị" doc:"Cấp của đơn vị báo cáo: tỉnh, xã, thị xã …" ex:"xã"`
	Sublevel string       `yaml:"sublevel,required" vi:"cấp của các đơn vị trực thuộc" doc:"Cấp của các đơn vị trực thuộc: xã, phường, thôn …" ex:"thôn, bản"`
	// Tier is the unit's tier when the name of its level does not tell
	// (a "thành phố" may be a province or, until 2025, a district).
	Tier TierName `yaml:"tier" vi:"cấp hành chính" doc:"Cấp của đơn vị khi tên cấp không nói rõ (thành phố): tỉnh, huyện, xã hoặc thôn" ex:"tỉnh"`
}

// Span is the reporting period.
type Span struct {
	Kind   PeriodKind `yaml:"kind,required" vi:"loại kỳ" doc:"half-year (6 tháng đầu năm) hoặc year (cả năm)" ex:"half-year"`
	Year   int        `yaml:"year,required" vi:"năm" doc:"Năm báo cáo" ex:"2024" min:"1990" max:"2200"`
	Plan   string     `yaml:"plan" vi:"giai đoạn kế hoạch" doc:"Giai đoạn của kế hoạch hành động của địa phương" ex:"2021-2025"`
	Cutoff viet.Date  `yaml:"cutoff" vi:"số liệu tính đến ngày" doc:"Ngày chốt số liệu, viết năm-tháng-ngày" ex:"2024-06-15"`
}

// PeriodKind is a half year or a whole year.
type PeriodKind string

// Period kinds.
const (
	HalfYear PeriodKind = "half-year"
	Year     PeriodKind = "year"
)

// periodKinds are the names of the period kinds, English and Vietnamese,
// in lower case.
var periodKinds = map[string]PeriodKind{
	"half-year": HalfYear, "6-thang": HalfYear, "6 tháng": HalfYear, "sáu tháng": HalfYear, "6 thang": HalfYear, "6 tháng đầu năm": HalfYear,
	"year": Year, "nam": Year, "năm": Year, "cả năm": Year, "ca nam": Year,
}

// DecodeNode implements decode.Unmarshaler: the English and Vietnamese
// names.
func (k *PeriodKind) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	s := ""
	if n.Kind == yaml.ScalarNode {
		s = strings.ToLower(strings.TrimSpace(norm.NFC.String(n.Value)))
	}
	if v, ok := periodKinds[s]; ok {
		*k = v
		return
	}
	d.Problem(path, diag.Msg{Code: "report.period-kind",
		Vi: "không rõ loại kỳ báo cáo " + q(n.Value), En: "unknown period " + q(n.Value),
		FixVi: "half-year (6 tháng đầu năm) hoặc year (cả năm)", FixEn: "half-year (6 tháng đầu năm) or year (cả năm)"})
}

// Document is what the workbook is attached to.
type Document struct {
	Date         viet.Date `yaml:"date,required" vi:"ngày báo cáo" doc:"Ngày ký báo cáo, viết năm-tháng-ngày" ex:"2024-06-20"`
	Form         string    `yaml:"form" vi:"số hiệu biểu" doc:"Số hiệu của biểu tổng hợp" ex:"01/BĐG"`
	Title        string    `yaml:"title" vi:"tên biểu" doc:"Tên biểu tổng hợp" ex:"Biểu tổng hợp kết quả thực hiện các chỉ tiêu bình đẳng giới"`
	AnnexOf      AnnexOf   `yaml:"annex_of" vi:"kèm theo văn bản" doc:"Báo cáo mà biểu kèm theo, in dưới tên mỗi biểu: ghi số, ký hiệu (number) để vanban viết \"(Kèm theo Báo cáo số … ngày … tháng … năm … của …)\", hoặc tự viết cả dòng" ex:"{number: 215/BC-UBND}"`
	Illustrative bool      `yaml:"illustrative" vi:"số liệu minh họa" doc:"In dòng \"số liệu minh họa\" khi số liệu chưa phải số liệu thật" ex:"false"`
}

// AnnexOf names the document the workbook is attached to, for the link
// line under every title. Given as fields, vanban writes the line as
// Nghị định 30 writes an appendix's (nd30.md §2.15) and as vanban's own
// documents do: "(Kèm theo Báo cáo số 215/BC-UBND ngày 15 tháng 12 năm
// 2025 của Ủy ban nhân dân xã An Thịnh)". Given as text, the text is
// printed as typed, in brackets.
type AnnexOf struct {
	Text   string       // as typed, when given as text
	Fields *AnnexFields // when given as fields
}

// AnnexFields are the parts of the link line; each may be left out.
type AnnexFields struct {
	// Type is the kind of document, "Báo cáo" when left out.
	Type string `yaml:"type" vi:"loại văn bản" doc:"Loại văn bản mà biểu kèm theo; mặc định Báo cáo" ex:"Báo cáo"`
	// Number is its number and symbol, "215/BC-UBND"; "/BC-UBND" keeps
	// the blank of a number not yet given, as the document's "Số:" line.
	Number string `yaml:"number" vi:"số, ký hiệu" doc:"Số, ký hiệu của văn bản; chưa có số thì ghi /BC-UBND" ex:"215/BC-UBND"`
	// Date is its date, the workbook's (document.date) when left out.
	Date viet.Date `yaml:"date" vi:"ngày ban hành" doc:"Ngày của văn bản, nếu khác ngày báo cáo ở trên" ex:"2025-12-15"`
	// Of is who issued it, as a sentence writes the name: the issuer's
	// lines (unit.issuer) in a sentence's capitals when left out.
	Of string `yaml:"of" vi:"cơ quan ban hành" doc:"Tên cơ quan như viết trong câu, nếu khác tên lấy từ issuer" ex:"Ủy ban nhân dân xã An Thịnh"`
}

// DecodeNode implements decode.Unmarshaler: a text, or the line's parts.
func (a *AnnexOf) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.MappingNode {
		a.Fields = &AnnexFields{}
		d.Value(n, path, a.Fields)
		return
	}
	d.Value(n, path, &a.Text)
}

// Signature is the signature block under each table.
type Signature struct {
	Preparer string       `yaml:"preparer" vi:"người lập biểu" doc:"Họ tên người lập biểu" ex:"Trần Thị Hoa"`
	Head     decode.Lines `yaml:"head" vi:"thẩm quyền, chức vụ người ký" doc:"Thẩm quyền và chức vụ người ký, mỗi dòng một mục" ex:"[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]"`
	Name     string       `yaml:"name" vi:"họ tên người ký" doc:"Họ tên người ký" ex:"Nguyễn Văn An"`
}

// Entity is a sub-unit or a department.
type Entity struct {
	ID   string `yaml:"id,required" vi:"mã" doc:"Mã viết không dấu, không khoảng trắng, dùng trong phần số liệu" ex:"an-phu"`
	Name string `yaml:"name,required" vi:"tên" doc:"Tên đầy đủ in trong biểu" ex:"Thôn An Phú"`
	// From names the sub-unit's own period file, relative to this file's
	// folder, whose totals are carried up instead of figures under data.
	From string `yaml:"from" vi:"tệp số liệu của đơn vị" doc:"Tệp báo cáo riêng của đơn vị trực thuộc (đường dẫn tính từ thư mục của tệp này); vanban cộng số liệu từ tệp đó" ex:"xa-an-phu.yaml"`
}

// Target is the local plan's target for one indicator.
type Target struct {
	Plan TargetValue `yaml:"plan" vi:"chỉ tiêu giai đoạn" doc:"Chỉ tiêu của cả giai đoạn kế hoạch: một số, hoặc khoảng [thấp, cao]" ex:"30"`
	Year TargetValue `yaml:"year" vi:"chỉ tiêu năm" doc:"Chỉ tiêu của năm báo cáo: một số, hoặc khoảng [thấp, cao]" ex:"[40, 60]"`
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
