package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/diag"
)

// A data-entry form (vanban form) asks one sub-unit or department for its
// figures of one period; vanban import reads the filled forms back into
// the period file. This file holds what a form asks and what identifies
// it; internal/xlsx lays it out and reads it.

// FormSchema marks a workbook written by vanban form.
const FormSchema = "bdg-form/v1"

// PostRows is the number of rows a form gives each list of posts: a
// Chủ tịch and up to four Phó Chủ tịch.
const PostRows = 5

// Form is what a form asks one entity for.
type Form struct {
	R        *Report
	Entity   *Entity
	Dept     bool       // a department's form
	Measures []*Measure // in catalogue order
}

// Forms lists the forms of a period: one for each sub-unit that does not
// name its own file, then one for each department. An entity with
// nothing to ask gets none.
func (r *Report) Forms() []*Form {
	var out []*Form
	var asked []*Measure // what a sub-unit has (a village has no HĐND)
	for _, m := range r.AreaMeasures() {
		if m.PresentAt(r.SubTier) {
			asked = append(asked, m)
		}
	}
	for i := range r.Subunits {
		e := &r.Subunits[i]
		if e.From == "" {
			out = append(out, &Form{R: r, Entity: e, Measures: asked})
		}
	}
	for i := range r.Departments {
		e := &r.Departments[i]
		out = append(out, &Form{R: r, Entity: e, Dept: true, Measures: r.DepartmentAsks(e)})
	}
	kept := out[:0]
	for _, f := range out {
		if len(f.Measures) > 0 {
			kept = append(kept, f)
		}
	}
	return kept
}

// Unasked lists the departments that get no form: the catalogue gives
// none of the measures used here to them (Trạm Y tế xã at commune level).
func (r *Report) Unasked() []*Entity {
	var out []*Entity
	if len(r.DepartmentMeasures()) == 0 {
		return nil
	}
	for i := range r.Departments {
		if e := &r.Departments[i]; len(r.DepartmentAsks(e)) == 0 {
			out = append(out, e)
		}
	}
	return out
}

// DepartmentAsks lists the department measures department e is asked
// for: those whose catalogue entry names it (reported_by: a word of its
// name, "Công an" for "Công an xã Định Hòa"), and those that name no
// department of this report, which every department is asked for.
func (r *Report) DepartmentAsks(e *Entity) []*Measure {
	var out []*Measure
	for _, m := range r.DepartmentMeasures() {
		if r.keeps(e, m) || !r.anyKeeps(m) {
			out = append(out, m)
		}
	}
	return out
}

// Keepers lists the declared departments whose names the catalogue gives
// as keeping measure m.
func (r *Report) Keepers(m *Measure) []*Entity {
	var out []*Entity
	for i := range r.Departments {
		if e := &r.Departments[i]; r.keeps(e, m) {
			out = append(out, e)
		}
	}
	return out
}

func (r *Report) anyKeeps(m *Measure) bool { return len(r.Keepers(m)) > 0 }

// keeps reports whether the catalogue names department e as keeping m.
func (r *Report) keeps(e *Entity, m *Measure) bool {
	name := nameWords(e.Name)
	for _, w := range m.ReportedBy {
		if containsWords(name, nameWords(w)) {
			return true
		}
	}
	return false
}

// nameWords splits a name into its words, in small letters, without the
// punctuation around them: "Trạm Y tế xã" → trạm, y, tế, xã.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(norm.NFC.String(s))) {
		if w = strings.Trim(w, ",.;:()-–\"'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// containsWords reports whether the words of want follow each other in
// words.
func containsWords(words, want []string) bool {
	if len(want) == 0 {
		return false
	}
	for i := 0; i+len(want) <= len(words); i++ {
		if slices.Equal(words[i:i+len(want)], want) {
			return true
		}
	}
	return false
}

// Meta is the identity a form carries, by name. A form is read back only
// into a period whose identity matches: the same reporting unit, period,
// catalogue (by fingerprint) and entity, asking the same measures.
func (f *Form) Meta() map[string]string {
	p := f.R.P
	return map[string]string{
		"schema":    FormSchema,
		"unit":      p.Unit.Name,
		"period":    string(p.Period.Kind),
		"year":      strconv.Itoa(p.Period.Year),
		"catalogue": f.R.Cat.ID,
		"layout":    f.Layout(),
		"entity":    f.Entity.ID,
		"name":      f.Entity.Name,
	}
}

// MetaKeys lists the names of Meta in a fixed order.
var MetaKeys = []string{"schema", "unit", "period", "year", "catalogue", "layout", "entity", "name"}

// Layout identifies the cells of a form: the catalogue's fingerprint and
// the measures asked. Two forms with the same layout have the same cells.
func (f *Form) Layout() string {
	h := sha256.New()
	fmt.Fprintln(h, f.R.Cat.Fingerprint(), f.Dept, PostRows)
	for _, m := range f.Measures {
		fmt.Fprintln(h, m.ID)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// FormFor finds the form a workbook's identity describes, or says why the
// workbook cannot be read into this period.
func (r *Report) FormFor(meta map[string]string) (*Form, *diag.Msg) {
	if meta["schema"] != FormSchema {
		return nil, &diag.Msg{Code: "form.not-a-form",
			Vi:    "tệp này không phải biểu mẫu nhập số liệu do vanban form tạo ra (hoặc đã bị chép sang một tệp khác)",
			En:    "this workbook is not a data-entry form made by vanban form (or it was copied into another workbook)",
			FixVi: "nhập số liệu vào đúng tệp biểu mẫu đã nhận, không chép sang tệp mới", FixEn: "the form file as it was sent, filled in place"}
	}
	p := r.P
	var theirs, ours, theirsEn, oursEn string
	switch {
	case meta["unit"] != p.Unit.Name:
		theirs, ours = "của "+meta["unit"], "của "+p.Unit.Name
		theirsEn, oursEn = "from "+meta["unit"], "from "+p.Unit.Name
	case meta["period"] != string(p.Period.Kind) || meta["year"] != strconv.Itoa(p.Period.Year):
		year, _ := strconv.Atoi(meta["year"])
		other := Span{Kind: PeriodKind(meta["period"]), Year: year}
		theirs, ours = "cho kỳ "+lower(periodName(other)), "cho kỳ "+lower(periodName(p.Period))
		theirsEn, oursEn = "for "+other.Kind.english(year), "for "+p.Period.Kind.english(p.Period.Year)
	case meta["catalogue"] != r.Cat.ID:
		theirs, ours = "theo bộ chỉ tiêu "+meta["catalogue"], "theo bộ chỉ tiêu "+r.Cat.ID
		theirsEn, oursEn = "for the catalogue "+meta["catalogue"], "for the catalogue "+r.Cat.ID
	}
	if theirs != "" {
		return nil, &diag.Msg{Code: "form.other-period",
			Vi:    fmt.Sprintf("biểu mẫu này được tạo %s, không phải %s như tệp số liệu", theirs, ours),
			En:    fmt.Sprintf("this form was made %s, not %s as the period file is", theirsEn, oursEn),
			FixVi: "gửi cho đơn vị biểu mẫu tạo từ đúng tệp số liệu này (vanban form)", FixEn: "a form made from this period file (vanban form)"}
	}
	var f *Form
	for _, c := range r.Forms() {
		if c.Entity.ID == meta["entity"] {
			f = c
		}
	}
	if f == nil {
		msg := diag.Msg{Code: "form.unknown-entity",
			Vi:    fmt.Sprintf("biểu mẫu của %s (mã %q), nhưng tệp số liệu không có đơn vị trực thuộc hay phòng, ban nào mã này", meta["name"], meta["entity"]),
			En:    fmt.Sprintf("the form of %s (id %q), but the period file has no sub-unit or department with this id", meta["name"], meta["entity"]),
			FixVi: "khai báo lại đơn vị này trong subunits hoặc departments, với đúng mã", FixEn: "the unit declared under subunits or departments with this id"}
		for i := range r.Departments {
			if e := &r.Departments[i]; e.ID == meta["entity"] && len(r.DepartmentAsks(e)) == 0 {
				msg.Code = "form.nothing-asked"
				msg.Vi = fmt.Sprintf("bộ chỉ tiêu không giao số liệu nào cho %s, nên không nhập biểu mẫu này (biểu mẫu tạo trước khi bộ chỉ tiêu ghi rõ cơ quan nào báo cáo số liệu nào)", e.Name)
				msg.En = fmt.Sprintf("the catalogue gives %s no measure, so this form is not read (a form made before the catalogue said which department reports what)", e.Name)
				msg.FixVi, msg.FixEn = "không cần làm gì; số liệu này do cơ quan khác báo cáo", "nothing to do: another department reports these figures"
			}
		}
		for i := range r.Subunits {
			if e := r.Subunits[i]; e.ID == meta["entity"] && e.From != "" {
				msg.Vi = fmt.Sprintf("%s lấy số liệu từ tệp %s (from:), nên không nhập biểu mẫu của đơn vị này", e.Name, e.From)
				msg.En = fmt.Sprintf("%s takes its figures from the file %s (from:), so its form is not read", e.Name, e.From)
				msg.FixVi, msg.FixEn = "bỏ from: nếu muốn nhập số liệu từ biểu mẫu", "no from: line, to read its form instead"
			}
		}
		return nil, &msg
	}
	if meta["layout"] != f.Layout() {
		return nil, &diag.Msg{Code: "form.other-layout",
			Vi:    fmt.Sprintf("biểu mẫu của %s được tạo theo một phiên bản khác của bộ chỉ tiêu %s (các số liệu hỏi đã thay đổi)", f.Entity.Name, r.Cat.ID),
			En:    fmt.Sprintf("the form of %s was made for another version of the catalogue %s (the figures it asks have changed)", f.Entity.Name, r.Cat.ID),
			FixVi: "tạo lại biểu mẫu bằng vanban form và gửi lại cho đơn vị", FixEn: "a new form made by vanban form"}
	}
	return f, nil
}

// Label is a measure's label on the form: the unit filling it in reports
// for itself ({các cấp} is its level).
func (f *Form) Label(m *Measure) string {
	if f.Dept {
		return f.R.Label(m)
	}
	return f.R.fill(m.Label, f.R.P.Unit.Sublevel)
}

// PartLabel is the label of one count of a pair on the form.
func (f *Form) PartLabel(p *Part) string {
	return f.R.fill(p.Label, f.R.P.Unit.Sublevel)
}

// Explain says what a measure counts and how to fill it in, for the cell
// comment of its row and the instructions sheet.
func (f *Form) Explain(m *Measure) string {
	var b strings.Builder
	if m.Unit != "" {
		fmt.Fprintf(&b, "Đơn vị tính: %s. ", m.Unit)
	}
	switch m.Shape {
	case ShapeSex:
		b.WriteString("Ghi tổng số, số nam và số nữ (ghi hai trong ba số cũng được: số còn lại được tính ra). Nam + nữ phải bằng tổng số.")
	case ShapePair:
		first, second := lower(f.PartLabel(m.First)), lower(f.PartLabel(m.Second))
		fmt.Fprintf(&b, "Ghi hai số: %s; %s.", first, second)
		if m.Subset {
			fmt.Fprintf(&b, " Số \"%s\" không lớn hơn số \"%s\".", second, first)
		}
	case ShapeCount:
		b.WriteString("Ghi một số.")
		if m.PerMonthAtLeast > 0 {
			fmt.Fprintf(&b, " Đơn vị đạt khi có từ %s trở lên trong kỳ (%s mỗi tháng).",
				strconv.FormatFloat(m.Threshold(f.R.Months), 'f', -1, 64), strconv.FormatFloat(m.PerMonthAtLeast, 'f', -1, 64))
		}
	case ShapeFlag:
		b.WriteString("Chọn Có hoặc Không.")
	case ShapePosts:
		b.WriteString("Mỗi dòng một người: ghi chức danh (ví dụ Chủ tịch, Phó Chủ tịch) và chọn giới tính nam hoặc nữ của người đang giữ chức danh đó.")
	}
	if ids := f.R.Cat.indicatorsOf(m); len(ids) > 0 {
		var names []string
		for _, id := range ids {
			names = append(names, id+" "+f.R.Name(f.R.Cat.Indicator(id)))
		}
		b.WriteString("\nDùng để tính: " + strings.Join(names, "; ") + ".")
	}
	b.WriteString("\nChưa có số liệu thì để trống; chỉ ghi 0 khi số liệu thực sự bằng 0.")
	return b.String()
}
