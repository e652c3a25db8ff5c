package report

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// TownID is the data key of the reporting unit's own bodies.
const TownID = "town"

// Report is a validated period with its catalogue and computed results.
type Report struct {
	P           *Period
	Cat         *Catalogue
	Town        *Entity // the unit's own bodies; nil when the file gives none
	Subunits    []Entity
	Departments []Entity
	Months      int
	// Figures holds each entity's figures by entity id, then measure id;
	// a missing entry means the entity did not report the measure.
	Figures map[string]map[string]Figures
	// DeptOf names the department that reports each department measure.
	DeptOf  map[string]*Entity
	Results []Result
	Count   Tally
	// Sources says, by sub-unit id, where the figures of a sub-unit that
	// names its own period file (from:) come from.
	Sources map[string]*Source
	areas   []*Entity
}

// HalfYear reports whether the report covers the first half of the year.
func (r *Report) HalfYear() bool { return r.P.Period.Kind == HalfYear }

// Areas returns the entities of the per-area tables: the unit's own
// bodies (when given) and then the sub-units. The slice is shared.
func (r *Report) Areas() []*Entity { return r.areas }

// Get returns an entity's figures for a measure, or nil when missing.
func (r *Report) Get(entityID, measureID string) Figures {
	return r.Figures[entityID][measureID]
}

// Load decodes and validates a period file whose root has been parsed by
// d, loading its catalogue (the report's own file name locates a
// catalogue given by path; templateDir overrides embedded ones). All
// problems go to d.Diags; the report is nil when it cannot be computed.
func Load(d *decode.Decoder, root *yaml.Node, templateDir string) *Report {
	return load(d, root, loadState{templateDir: templateDir})
}

// LoadFrame loads a period file as Load does, but accepts one without any
// figure: the frame that data-entry forms are made from and figures are
// imported into.
func LoadFrame(d *decode.Decoder, root *yaml.Node, templateDir string) *Report {
	return load(d, root, loadState{templateDir: templateDir, frame: true})
}

func load(d *decode.Decoder, root *yaml.Node, st loadState) *Report {
	templateDir := st.templateDir
	p := &Period{}
	d.Decode(root, p)
	if p.Schema != "" && p.Schema != PeriodSchema {
		d.Error("schema", fmt.Sprintf("this file is %q, which this vanban does not read", p.Schema), PeriodSchema)
	}
	if p.Catalogue == "" {
		return nil
	}
	// Go on after errors in the header so that one run reports the
	// problems of the figures too.
	cat := findCatalogue(d, p.Catalogue, templateDir)
	if cat == nil {
		return nil
	}
	r := &Report{P: p, Cat: cat, Subunits: p.Subunits, Departments: p.Departments, Months: 12}
	if r.HalfYear() {
		r.Months = 6
	}
	kinds := r.checkEntities(d)
	r.readData(d, kinds)
	r.loadCarried(d, st)
	r.checkIndicatorKeys(d, root)
	r.checkTexts(d, root)
	if !st.frame {
		r.checkSomeFigures(d)
	}
	r.warnMissing(d)
	if d.Diags.HasErrors() {
		return nil
	}
	r.aggregate()
	return r
}

func findCatalogue(d *decode.Decoder, name, templateDir string) *Catalogue {
	file, src, err := ResolveCatalogue(name, d.File, templateDir)
	if err != nil {
		msg := fmt.Sprintf("cannot read the catalogue %q (%s)", name, plainErr(err))
		if s := decode.Suggest(name, Embedded); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		d.Error("catalogue", msg,
			"the name of an embedded catalogue ("+strings.Join(Embedded, ", ")+") or a path to a catalogue file relative to this file")
		return nil
	}
	cat, diags := LoadCatalogue(file, src)
	diags.Sort()
	d.Diags.Append(diags)
	return cat
}

func plainErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

type entityKind int

const (
	areaEntity entityKind = iota + 1
	deptEntity
)

// checkEntities checks the declared ids and returns each id's kind.
func (r *Report) checkEntities(d *decode.Decoder) map[string]entityKind {
	kinds := map[string]entityKind{}
	declare := func(list []Entity, field string, k entityKind) {
		for i, e := range list {
			path := decode.Join(decode.Index(field, i), "id")
			switch {
			case e.ID == TownID:
				d.Error(path, fmt.Sprintf("the id %q is kept for the %s's own bodies", TownID, r.P.Unit.Level), "another id")
			case kinds[e.ID] != 0:
				d.Error(path, fmt.Sprintf("the id %q is declared twice", e.ID), "unique ids for sub-units and departments")
			default:
				kinds[e.ID] = k
			}
		}
	}
	// A missing, misspelt or unreadable list is reported by the decoder.
	if len(r.Subunits) == 0 && d.Has("subunits") && !d.Reported("subunits") {
		d.Error("subunits", "no sub-unit is declared", "at least one line such as - {id: ba-dinh, name: Phường Ba Đình}")
	}
	declare(r.Subunits, "subunits", areaEntity)
	declare(r.Departments, "departments", deptEntity)
	for i, e := range r.Departments {
		if e.From != "" {
			d.Problem(decode.Join(decode.Index("departments", i), "from"), diag.Msg{Code: "report.from-department",
				Vi:    e.Name + ": chỉ đơn vị trực thuộc (subunits) mới lấy số liệu từ tệp riêng; phòng, ban, ngành gửi biểu mẫu (vanban form, vanban import)",
				En:    e.Name + ": only a sub-unit takes its figures from its own file; departments send forms (vanban form, vanban import)",
				FixVi: "bỏ from: ở phòng, ban, ngành", FixEn: "no from: on a department"})
		}
	}
	if _, ok := r.P.Data.Entities[TownID]; ok {
		r.Town = &Entity{ID: TownID, Name: "Cấp " + r.P.Unit.Level}
		kinds[TownID] = areaEntity
		r.areas = append(r.areas, r.Town)
	}
	for i := range r.Subunits {
		r.areas = append(r.areas, &r.Subunits[i])
	}
	return kinds
}

// readData decodes every entity's figures against the catalogue, in the
// order the entities are declared (so that "already reported by" names
// the first), then reports ids nobody declared.
func (r *Report) readData(d *decode.Decoder, kinds map[string]entityKind) {
	r.Figures = map[string]map[string]Figures{}
	r.DeptOf = map[string]*Entity{}
	for _, e := range append(append([]*Entity(nil), r.Areas()...), departmentPtrs(r.Departments)...) {
		if _, done := r.Figures[e.ID]; done {
			continue // an id declared twice (an error already): its figures are read once
		}
		raw, ok := r.P.Data.Entities[e.ID]
		switch {
		case ok && e.From != "":
			d.ProblemAt(r.P.Data.KeyPos[e.ID], decode.Join("data", e.ID), diag.Msg{Code: "report.from-and-data",
				Vi:    fmt.Sprintf("%s lấy số liệu từ tệp %s (from:), nên không ghi số liệu của đơn vị này ở đây", e.Name, e.From),
				En:    fmt.Sprintf("%s takes its figures from the file %s (from:), so its figures cannot also be given here", e.Name, e.From),
				FixVi: "bỏ khối số liệu này, hoặc bỏ from: ở danh sách đơn vị trực thuộc", FixEn: "either this block or the from: line, not both"})
		case ok:
			r.Figures[e.ID] = r.readEntity(d, e, kinds[e.ID], raw)
		}
	}
	r.dropEmptyTown()
	// Without the list of sub-units, or with an entry that has no id (an
	// error already reported), ids cannot be checked.
	if len(r.Subunits) == 0 || kinds[""] != 0 {
		return
	}
	for _, id := range r.P.Data.IDs {
		if kinds[id] != 0 {
			continue
		}
		msg := fmt.Sprintf("%q is not a declared sub-unit or department", id)
		if s := r.misspelt(id); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		problem(d, diag.Error, r.P.Data.KeyPos[id], decode.Join("data", id), msg,
			"an id listed under subunits or departments, or town for the "+r.P.Unit.Level+"'s own bodies",
			"đơn vị chưa được khai báo trong subunits hoặc departments")
	}
}

// dropEmptyTown removes the unit's own row when every figure under town
// belongs to the sub-units only (and was left out with a warning): the
// row would stay empty.
func (r *Report) dropEmptyTown() {
	raw := r.P.Data.Entities[TownID]
	if r.Town == nil || len(raw.Order) == 0 {
		return
	}
	for _, mid := range raw.Order {
		if m := r.Cat.Measure(mid); m == nil || !m.SubunitsOnly() {
			return
		}
	}
	r.Town = nil
	r.areas = r.areas[1:]
}

// misspelt returns the declared id that an undeclared data id was
// probably meant to be, or "".
func (r *Report) misspelt(id string) string {
	var declared []string
	for _, e := range append(append([]*Entity(nil), r.Areas()...), departmentPtrs(r.Departments)...) {
		declared = append(declared, e.ID)
	}
	return decode.Suggest(id, declared)
}

func departmentPtrs(list []Entity) []*Entity {
	out := make([]*Entity, len(list))
	for i := range list {
		out[i] = &list[i]
	}
	return out
}

// problem reports a diagnostic with its own Vietnamese hint, at pos or,
// when pos is unknown, at the position of path.
func problem(d *decode.Decoder, sev diag.Severity, pos diag.Pos, path, msg, expected, hint string) {
	if pos.Line == 0 {
		pos = d.At(path)
	}
	d.Diags.Add(diag.Diagnostic{File: d.File, Pos: pos, Field: path, Msg: diag.Msg{En: msg, FixEn: expected}, Hint: hint, Severity: sev})
}

func (r *Report) readEntity(d *decode.Decoder, e *Entity, kind entityKind, raw EntityRaw) map[string]Figures {
	out := map[string]Figures{}
	for _, mid := range raw.Order {
		rv := raw.Measures[mid]
		m := r.Cat.Measure(mid)
		if m == nil {
			msg := fmt.Sprintf("%s: unknown measure %q", e.Name, mid)
			if s := decode.Suggest(mid, r.Cat.measureIDs()); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			problem(d, diag.Error, raw.KeyPos[mid], rv.Path, msg, "a measure of the catalogue "+r.Cat.ID,
				"số liệu này không có trong bộ chỉ tiêu")
			continue
		}
		if !r.placeMeasure(d, e, kind, m, rv.Path) {
			continue
		}
		fr := figureReader{d: d, m: m, who: e.Name + ", " + m.Label, months: r.Months}
		f := fr.read(rv.Node, rv.Path)
		if f != nil && e == r.Town && m.SubunitsOnly() {
			r.warnTownFigure(d, m, raw.KeyPos[mid], rv.Path)
			continue
		}
		if f != nil {
			out[mid] = f
		}
	}
	return out
}

// warnTownFigure says that the unit's own figure for a measure that only
// sub-unit indicators use is left out. It is a warning, not an error: the
// figure may well be true (the town's own radio broadcasts too), it just
// does not belong to a share of wards and communes, and leaving it out
// gives the right result.
func (r *Report) warnTownFigure(d *decode.Decoder, m *Measure, pos diag.Pos, path string) {
	u := r.P.Unit
	problem(d, diag.Warning, pos, path,
		fmt.Sprintf("%s: %q is counted for the %s only (%s), so the %s's own figure is left out of the totals and not printed",
			r.Town.Name, m.Label, u.Sublevel, strings.Join(r.Cat.indicatorsOf(m), ", "), u.Level),
		"no line for this measure under town", "chỉ tiêu này chỉ tính cho "+u.Sublevel+", không tính cấp "+u.Level)
}

// placeMeasure checks that a measure is reported where the catalogue
// collects it, and by one department only.
func (r *Report) placeMeasure(d *decode.Decoder, e *Entity, kind entityKind, m *Measure, path string) bool {
	switch {
	case m.From == FromAreas && kind != areaEntity:
		problem(d, diag.Error, diag.Pos{}, path, fmt.Sprintf("%s: %q is collected from the %s and the %s's own bodies, not from a department", e.Name, m.Label, r.P.Unit.Sublevel, r.P.Unit.Level),
			"the figures under the id of a sub-unit or under town", "số liệu này do "+r.P.Unit.Sublevel+" báo cáo")
		return false
	case m.From == FromDepartments && kind != deptEntity:
		problem(d, diag.Error, diag.Pos{}, path, fmt.Sprintf("%s: %q is reported by a department, not by a sub-unit", e.Name, m.Label),
			"the figures under the id of a department", "số liệu này do phòng, ban, ngành báo cáo")
		return false
	case m.From == FromDepartments && r.DeptOf[m.ID] != nil:
		problem(d, diag.Error, diag.Pos{}, path, fmt.Sprintf("%s: %q is already reported by %s", e.Name, m.Label, r.DeptOf[m.ID].Name),
			"each department measure reported by one department", "số liệu đã do đơn vị khác báo cáo")
		return false
	case m.From == FromDepartments:
		r.DeptOf[m.ID] = e
	}
	return true
}

// checkIndicatorKeys checks the targets, last year's values and notes,
// which are all keyed by indicator id.
func (r *Report) checkIndicatorKeys(d *decode.Decoder, root *yaml.Node) {
	keys := keyPositions(root, "targets")
	for _, id := range sortedKeys(r.P.Targets) {
		path := decode.Join("targets", id)
		if ind := r.indicatorAt(d, keys[id], path, id, "a target"); ind != nil {
			r.checkTarget(d, path, ind, r.P.Targets[id])
		}
	}
	keys = keyPositions(root, "last_year")
	for _, id := range sortedKeys(r.P.LastYear) {
		path := decode.Join("last_year", id)
		if ind := r.indicatorAt(d, keys[id], path, id, "a value for last year"); ind != nil && !ind.Assessable() {
			problem(d, diag.Warning, keys[id], path, fmt.Sprintf("%s is not assessed locally, so last year's value is not used", id), "no value", "chỉ tiêu không đánh giá ở địa phương")
		}
	}
	keys = keyPositions(root, "indicator_notes")
	for _, id := range sortedKeys(r.P.IndNotes) {
		r.indicatorAt(d, keys[id], decode.Join("indicator_notes", id), id, "a note")
	}
}

func (r *Report) checkTarget(d *decode.Decoder, path string, ind *Indicator, t Target) {
	switch {
	case !ind.Assessable():
		problem(d, diag.Warning, diag.Pos{}, path, fmt.Sprintf("%s is not assessed locally, so its target is not used", ind.ID), "no target", "chỉ tiêu không đánh giá ở địa phương")
	case !t.Plan.Set && !t.Year.Set && !d.Reported(decode.Join(path, "plan")) && !d.Reported(decode.Join(path, "year")):
		problem(d, diag.Error, diag.Pos{}, path, "the target gives neither plan nor year",
			"plan: VALUE (for the plan's stage), year: VALUE (for this year), or both", "ghi chỉ tiêu giai đoạn (plan), năm (year) hoặc cả hai")
	default:
		for _, part := range []struct {
			key string
			v   TargetValue
		}{{"plan", t.Plan}, {"year", t.Year}} {
			if part.v.Set && part.v.Band != (ind.Comparator == InBand) {
				problem(d, diag.Error, diag.Pos{}, decode.Join(path, part.key), fmt.Sprintf("%s is judged %s", ind.ID, judgedBy(ind)), targetExpect(ind), bandHint(ind))
			}
		}
	}
}

func bandHint(ind *Indicator) string {
	if ind.Comparator == InBand {
		return "chỉ tiêu dạng khoảng: ghi [cận dưới, cận trên]"
	}
	return "ghi một số"
}

// keyPositions returns the positions of the keys of a top-level mapping.
func keyPositions(root *yaml.Node, field string) map[string]diag.Pos {
	pos := map[string]diag.Pos{}
	n := decode.Lookup(root, field)
	if n == nil || n.Kind != yaml.MappingNode {
		return pos
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if _, seen := pos[k.Value]; !seen {
			pos[k.Value] = diag.Pos{Line: k.Line, Col: k.Column}
		}
	}
	return pos
}

func judgedBy(ind *Indicator) string {
	if ind.Comparator == InBand {
		return "by a band"
	}
	return "against one number (" + string(ind.Comparator) + ")"
}

func (r *Report) indicatorAt(d *decode.Decoder, pos diag.Pos, path, id, what string) *Indicator {
	if ind := r.Cat.Indicator(id); ind != nil {
		return ind
	}
	msg := fmt.Sprintf("%s for %q, which is not an indicator of %s", what, id, r.Cat.ID)
	if s := decode.Suggest(id, r.Cat.IndicatorIDs()); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	problem(d, diag.Error, pos, path, msg, "an indicator id of the catalogue", "mã chỉ tiêu không có trong bộ chỉ tiêu")
	return nil
}

// checkSomeFigures refuses a report in which no entity gives any figure:
// its workbook would be an empty form with every indicator "not
// reported", easy to attach by mistake.
func (r *Report) checkSomeFigures(d *decode.Decoder) {
	if d.Reported("data") {
		return
	}
	for _, s := range r.Subunits {
		if s.From != "" {
			return // carried up: figures, or the file's own errors
		}
	}
	for _, e := range r.P.Data.Entities {
		for _, v := range e.Measures {
			if !isNullNode(v.Node) {
				return
			}
		}
	}
	d.Error("data", "the report holds no figures: no sub-unit or department gives any",
		"the figures of at least one sub-unit, such as ba-dinh: {cap_uy: {total: 15, female: 4}}")
}

// warnMissing warns about a sub-unit that says nothing about a measure
// other areas report: it is left out of the totals, which is right for a
// sub-unit that did not report but wrong for a forgotten line. An
// explicit "measure: ~" says the figures were not reported, silently.
func (r *Report) warnMissing(d *decode.Decoder) {
	typos := map[string]bool{}
	for _, id := range r.P.Data.IDs {
		if r.Figures[id] == nil { // undeclared
			if s := r.misspelt(id); s != "" {
				typos[s] = true
			}
		}
	}
	for _, m := range r.usedMeasures() {
		if m.From != FromAreas || !r.anyReported(m) {
			continue
		}
		for i, s := range r.Subunits {
			if s.ID == "" || typos[s.ID] || s.From != "" {
				continue // not a sub-unit, its figures are under a misspelt id (both errors), or carried up
			}
			raw, ok := r.P.Data.Entities[s.ID]
			if _, said := raw.Measures[m.ID]; said {
				continue
			}
			path, pos := decode.Index("subunits", i), diag.Pos{}
			if ok {
				path, pos = decode.Join("data", s.ID), r.P.Data.KeyPos[s.ID]
			}
			problem(d, diag.Warning, pos, path, fmt.Sprintf("%s gives no figures for %q: it is left out of the totals and listed as not reported", s.Name, m.Label),
				fmt.Sprintf("the figures, or %s: ~ to say they were not reported", m.ID), "đơn vị chưa có số liệu này")
		}
	}
}

func (r *Report) anyReported(m *Measure) bool {
	for _, e := range r.Areas() {
		if r.Get(e.ID, m.ID) != nil {
			return true
		}
	}
	return false
}

// usedMeasures lists the measures that indicators use, in catalogue order.
func (r *Report) usedMeasures() []*Measure {
	used := map[string]bool{}
	for i := range r.Cat.Indicators {
		for _, m := range r.Cat.Indicators[i].ms {
			used[m.ID] = true
		}
	}
	var out []*Measure
	for i := range r.Cat.Measures {
		if m := &r.Cat.Measures[i]; used[m.ID] {
			out = append(out, m)
		}
	}
	return out
}

// AreaMeasures lists the measures of the per-area tables.
func (r *Report) AreaMeasures() []*Measure { return r.measuresFrom(FromAreas) }

// DepartmentMeasures lists the measures of the departments table.
func (r *Report) DepartmentMeasures() []*Measure { return r.measuresFrom(FromDepartments) }

func (r *Report) measuresFrom(from string) []*Measure {
	var out []*Measure
	for _, m := range r.usedMeasures() {
		if m.From == from {
			out = append(out, m)
		}
	}
	return out
}
