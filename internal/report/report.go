package report

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
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
	// Tier and SubTier are the tiers of the unit and of its sub-units
	// (NoTier when their names do not tell and the catalogue does not
	// need them).
	Tier, SubTier Tier
	// Sources says, by sub-unit id, where the figures of a sub-unit that
	// names its own period file (from:) come from.
	Sources map[string]*Source
	used    []usedFile // the files read through from:, at every depth
	areas   []*Entity
	uses    map[*Measure]bool // measures of the indicators assessed at the unit's tier
	own     map[*Measure]bool // measures the unit's own bodies report
	// noneReported marks the sub-units' measures no unit reports (one
	// warning each, see warnNoneReported).
	noneReported map[*Measure]bool
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
		d.Problem("schema", diag.Msg{Code: "report.schema",
			Vi: fmt.Sprintf("tệp này là %q, phiên bản vanban này không đọc được", p.Schema), En: fmt.Sprintf("this file is %q, which this vanban does not read", p.Schema),
			FixVi: PeriodSchema, FixEn: PeriodSchema})
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
	r.resolveTiers(d)
	defer r.levelHints(d)
	kinds := r.checkEntities(d)
	r.readData(d, kinds)
	r.placeTown()
	r.loadCarried(d, st)
	r.checkIndicatorKeys(d, root)
	r.checkTexts(d, root)
	if !st.frame {
		r.checkSomeFigures(d)
	}
	r.warnMissing(d)
	if !st.frame && !d.Diags.HasErrors() {
		// Said of the computed report: with errors there is none yet.
		r.warnNoneReported(d)
		r.warnOwnMissing(d)
		r.warnUnreported(d)
	}
	if d.Diags.HasErrors() {
		return nil
	}
	r.aggregate()
	return r
}

func findCatalogue(d *decode.Decoder, name, templateDir string) *Catalogue {
	file, src, err := ResolveCatalogue(name, d.File, templateDir)
	if err != nil {
		d.Problem("catalogue", catalogueErrMsg(name, err))
		return nil
	}
	cat, diags := LoadCatalogue(file, src)
	diags.Sort()
	d.Diags.Append(diags)
	return cat
}

// catalogueErrMsg says why a catalogue cannot be read, without quoting
// anything read from the file.
func catalogueErrMsg(name string, err error) diag.Msg {
	fixVi := "tên một bộ chỉ tiêu có sẵn (" + strings.Join(Embedded, ", ") + ") hoặc đường dẫn tới tệp bộ chỉ tiêu nằm trong thư mục của tệp này"
	fixEn := "the name of an embedded catalogue (" + strings.Join(Embedded, ", ") + ") or a path to a catalogue file in this file's folder"
	suggestVi, suggestEn := "", ""
	if s := decode.Suggest(name, Embedded); s != "" {
		suggestVi, suggestEn = "; có phải ý bạn là "+q(s)+"?", "; did you mean "+q(s)+"?"
	}
	var out *OutsideError
	if errors.As(err, &out) {
		return diag.Msg{Code: "report.catalogue-outside",
			Vi:    "không đọc bộ chỉ tiêu " + q(name) + ": tệp phải nằm trong thư mục của tệp báo cáo (hoặc thư mục con), để vanban không đọc tệp nào khác trên máy",
			En:    "the catalogue " + q(name) + " is not read: it must lie in the report's folder or below it, so that vanban reads no other file on the machine",
			FixVi: "chép tệp bộ chỉ tiêu vào cùng thư mục với tệp báo cáo và ghi catalogue: ./ten-tep.yaml",
			FixEn: "copy the catalogue next to the report and write catalogue: ./its-name.yaml"}
	}
	return diag.Msg{Code: "report.catalogue-unreadable",
		Vi: "không đọc được bộ chỉ tiêu " + q(name) + " (" + plainErrVi(err) + ")" + suggestVi, En: "cannot read the catalogue " + q(name) + " (" + plainErr(err) + ")" + suggestEn,
		FixVi: fixVi, FixEn: fixEn}
}

func plainErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// plainErrVi says a file error in Vietnamese.
func plainErrVi(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không có tệp này"
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền đọc"
	}
	return plainErr(err)
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
				d.Problem(path, diag.Msg{Code: "report.id-reserved",
					Vi: fmt.Sprintf("mã %q dành cho số liệu của chính cấp %s", TownID, r.P.Unit.Level), En: fmt.Sprintf("the id %q is kept for the %s's own bodies", TownID, r.P.Unit.Level),
					FixVi: "đặt mã khác", FixEn: "another id"})
			case kinds[e.ID] != 0:
				d.Problem(path, diag.Msg{Code: "report.id-twice",
					Vi: fmt.Sprintf("mã %q được khai báo hai lần", e.ID), En: fmt.Sprintf("the id %q is declared twice", e.ID),
					FixVi: "mỗi đơn vị, mỗi " + r.deptWord() + " một mã riêng", FixEn: "unique ids for sub-units and departments"})
			default:
				kinds[e.ID] = k
			}
		}
	}
	// A missing, misspelt or unreadable list is reported by the decoder.
	if len(r.Subunits) == 0 && d.Has("subunits") && !d.Reported("subunits") {
		d.Problem("subunits", diag.Msg{Code: "report.no-subunits",
			Vi: "chưa khai báo đơn vị trực thuộc nào", En: "no sub-unit is declared",
			FixVi: "ít nhất một dòng như - {id: ba-dinh, name: Phường Ba Đình}", FixEn: "at least one line such as - {id: ba-dinh, name: Phường Ba Đình}"})
	}
	declare(r.Subunits, "subunits", areaEntity)
	declare(r.Departments, "departments", deptEntity)
	for i, e := range r.Departments {
		if e.From != "" {
			d.Problem(decode.Join(decode.Index("departments", i), "from"), diag.Msg{Code: "report.from-department",
				Vi:    e.Name + ": chỉ đơn vị trực thuộc (subunits) mới lấy số liệu từ tệp riêng; " + r.deptWord() + " gửi số liệu bằng biểu mẫu (vanban form, vanban import)",
				En:    e.Name + ": only a sub-unit takes its figures from its own file; departments send theirs on forms (vanban form, vanban import)",
				FixVi: "bỏ from: ở " + r.deptWord(), FixEn: "no from: on a department"})
		}
	}
	if _, ok := r.P.Data.Entities[TownID]; ok {
		r.Town = &Entity{ID: TownID, Name: r.townName()}
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
	// Without the list of sub-units, or with an entry that has no id (an
	// error already reported), ids cannot be checked.
	if len(r.Subunits) == 0 || kinds[""] != 0 {
		return
	}
	for _, id := range r.P.Data.IDs {
		if kinds[id] != 0 {
			continue
		}
		m := diag.Msg{Code: "report.undeclared",
			Vi: fmt.Sprintf("%q chưa được khai báo trong subunits hoặc departments", id), En: fmt.Sprintf("%q is not a declared sub-unit or department", id),
			FixVi: "một mã có trong subunits hoặc departments, hoặc town cho số liệu của chính cấp " + r.P.Unit.Level,
			FixEn: "an id listed under subunits or departments, or town for the " + r.P.Unit.Level + "'s own bodies"}
		if s := r.misspelt(id); s != "" {
			m.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
			m.En += fmt.Sprintf("; did you mean %q?", s)
		}
		problem(d, diag.Error, r.P.Data.KeyPos[id], decode.Join("data", id), m)
	}
}

// dropEmptyTown removes the unit's own row when every figure under town
// belongs to the sub-units only (and was left out with a warning) and no
// indicator counts the unit's own bodies: the row would stay empty.
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

// problem reports a diagnostic at pos or, when pos is unknown, at the
// position of path.
func problem(d *decode.Decoder, sev diag.Severity, pos diag.Pos, path string, m diag.Msg) {
	if pos.Line == 0 {
		pos = d.At(path)
	}
	d.Report(sev, pos, path, m)
}

func (r *Report) readEntity(d *decode.Decoder, e *Entity, kind entityKind, raw EntityRaw) map[string]Figures {
	out := map[string]Figures{}
	used := r.usedSet()
	for _, mid := range raw.Order {
		rv := raw.Measures[mid]
		m := r.Cat.Measure(mid)
		if m == nil {
			msg := diag.Msg{Code: "report.unknown-measure",
				Vi: fmt.Sprintf("%s: không có số liệu %q trong bộ chỉ tiêu", e.Name, mid), En: fmt.Sprintf("%s: unknown measure %q", e.Name, mid),
				FixVi: "một số liệu của bộ chỉ tiêu " + r.Cat.ID + " (xem: vanban catalogue " + r.Cat.ID + ")", FixEn: "a measure of the catalogue " + r.Cat.ID}
			if s := decode.Suggest(mid, r.Cat.measureIDs()); s != "" {
				msg.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
				msg.En += fmt.Sprintf("; did you mean %q?", s)
			}
			problem(d, diag.Error, raw.KeyPos[mid], rv.Path, msg)
			continue
		}
		if !r.placeMeasure(d, e, kind, m, rv.Path) {
			continue
		}
		fr := figureReader{d: d, m: m, who: e.Name + ", " + r.Label(m), months: r.Months}
		f := fr.read(rv.Node, rv.Path)
		switch {
		case f == nil:
			continue
		case !used[m]:
			r.warnUnused(d, e, m, raw.KeyPos[mid], rv.Path)
			continue
		case !r.counts(e, m):
			r.absentFigure(d, e, m, raw.KeyPos[mid], rv.Path)
			continue
		case e == r.Town && m.SubunitsOnly():
			r.warnTownFigure(d, m, raw.KeyPos[mid], rv.Path)
			continue
		}
		out[mid] = f
	}
	return out
}

// counts reports whether entity e has what measure m counts: a sub-unit
// of a tier where the measure is absent (a village's HĐND) does not.
func (r *Report) counts(e *Entity, m *Measure) bool {
	if m.From != FromAreas {
		return true
	}
	if e == r.Town {
		return m.PresentAt(r.Tier)
	}
	return m.PresentAt(r.SubTier)
}

// absentFigure refuses a figure for something a unit of its tier does not
// have: it would be counted where the catalogue says there is nothing.
func (r *Report) absentFigure(d *decode.Decoder, e *Entity, m *Measure, pos diag.Pos, path string) {
	lvl := r.P.Unit.Sublevel
	if e == r.Town {
		lvl = r.P.Unit.Level
	}
	problem(d, diag.Error, pos, path, diag.Msg{Code: "report.measure-absent",
		Vi:    fmt.Sprintf("%s: cấp %s không có %q (bộ chỉ tiêu ghi số liệu này không có ở cấp %s), nên không ghi số liệu này", e.Name, lvl, r.Label(m), m.Absent.Names()),
		En:    fmt.Sprintf("%s: a %s has no %q (the catalogue says the measure is absent at the %s level), so it takes no figures", e.Name, lvl, r.Label(m), m.Absent.Names()),
		FixVi: "xóa dòng này", FixEn: "no line for this measure here"})
}

// warnUnused says that a figure is left out because no indicator the unit
// assesses uses it (an indicator assessed by provinces only).
func (r *Report) warnUnused(d *decode.Decoder, e *Entity, m *Measure, pos diag.Pos, path string) {
	problem(d, diag.Warning, pos, path, diag.Msg{Code: "report.measure-unused",
		Vi:    fmt.Sprintf("%s: %q chỉ dùng cho chỉ tiêu không đánh giá ở cấp %s (%s), nên không được tính và không in ra", e.Name, r.Label(m), r.P.Unit.Level, strings.Join(r.Cat.indicatorsOf(m), ", ")),
		En:    fmt.Sprintf("%s: %q only feeds indicators not assessed at the %s level (%s), so it is left out", e.Name, r.Label(m), r.P.Unit.Level, strings.Join(r.Cat.indicatorsOf(m), ", ")),
		FixVi: "xóa dòng này", FixEn: "no line for this measure"})
}

// warnTownFigure says that the unit's own figure for a measure that only
// sub-unit indicators use is left out. It is a warning, not an error: the
// figure may well be true (the town's own radio broadcasts too), it just
// does not belong to a share of wards and communes, and leaving it out
// gives the right result.
func (r *Report) warnTownFigure(d *decode.Decoder, m *Measure, pos diag.Pos, path string) {
	u := r.P.Unit
	problem(d, diag.Warning, pos, path, diag.Msg{Code: "report.town-figure-left-out",
		Vi: fmt.Sprintf("%s: %q chỉ tính cho các %s (%s), nên số liệu của chính cấp %s không được cộng vào tổng và không in ra",
			r.Town.Name, r.Label(m), u.Sublevel, strings.Join(r.Cat.indicatorsOf(m), ", "), u.Level),
		En: fmt.Sprintf("%s: %q is counted for the %s only (%s), so the %s's own figure is left out of the totals and not printed",
			r.Town.Name, r.Label(m), u.Sublevel, strings.Join(r.Cat.indicatorsOf(m), ", "), u.Level),
		FixVi: "xóa dòng số liệu này trong town", FixEn: "no line for this measure under town"})
}

// placeMeasure checks that a measure is reported where the catalogue
// collects it, and by one department only.
func (r *Report) placeMeasure(d *decode.Decoder, e *Entity, kind entityKind, m *Measure, path string) bool {
	u := r.P.Unit
	switch {
	case m.From == FromAreas && kind != areaEntity:
		problem(d, diag.Error, diag.Pos{}, path, diag.Msg{Code: "report.area-measure-from-department",
			Vi:    fmt.Sprintf("%s: %q do các %s và chính cấp %s báo cáo, không do %s báo cáo", e.Name, r.Label(m), u.Sublevel, u.Level, r.deptWord()),
			En:    fmt.Sprintf("%s: %q is collected from the %s and the %s's own bodies, not from a department", e.Name, r.Label(m), u.Sublevel, u.Level),
			FixVi: "ghi số liệu dưới mã của đơn vị trực thuộc hoặc dưới town", FixEn: "the figures under the id of a sub-unit or under town"})
		return false
	case m.From == FromDepartments && kind != deptEntity:
		problem(d, diag.Error, diag.Pos{}, path, diag.Msg{Code: "report.department-measure-from-area",
			Vi:    fmt.Sprintf("%s: %q do %s báo cáo, không do đơn vị trực thuộc báo cáo", e.Name, r.Label(m), r.deptWord()),
			En:    fmt.Sprintf("%s: %q is reported by a department, not by a sub-unit", e.Name, r.Label(m)),
			FixVi: "ghi số liệu dưới mã của " + r.deptWord() + " (departments)", FixEn: "the figures under the id of a department"})
		return false
	case m.From == FromDepartments && r.DeptOf[m.ID] != nil:
		problem(d, diag.Error, diag.Pos{}, path, diag.Msg{Code: "report.department-measure-twice",
			Vi:    fmt.Sprintf("%s: %q đã do %s báo cáo", e.Name, r.Label(m), r.DeptOf[m.ID].Name),
			En:    fmt.Sprintf("%s: %q is already reported by %s", e.Name, r.Label(m), r.DeptOf[m.ID].Name),
			FixVi: "mỗi số liệu của " + r.deptWord() + " chỉ do một đơn vị báo cáo", FixEn: "each department measure reported by one department"})
		return false
	case m.From == FromDepartments:
		r.DeptOf[m.ID] = e
	}
	return true
}

// deptWord names the bodies that report unit-wide figures at the unit's
// tier: sở, ban, ngành of a province; phòng, ban, ngành of a district;
// cơ quan, đơn vị of a commune.
func (r *Report) deptWord() string { return DeptWord(r.Tier) }

// levelHints names the sub-units and departments in this file's messages
// in the unit's own words ("thôn, tổ dân phố", "cơ quan, đơn vị") instead
// of the schema's neutral ones.
func (r *Report) levelHints(d *decode.Decoder) {
	words := map[string]string{"đơn vị trực thuộc": r.P.Unit.Sublevel, "cơ quan, ban, ngành": r.deptWord()}
	for i := range d.Diags {
		x := &d.Diags[i]
		if w := words[x.Hint]; w != "" && x.File == d.File {
			x.Hint = w
		}
	}
}

// DeptWord names the bodies that report unit-wide figures to a unit of
// tier t.
func DeptWord(t Tier) string {
	switch t {
	case Province:
		return "sở, ban, ngành"
	case Commune, Village:
		return "cơ quan, đơn vị"
	}
	return "phòng, ban, ngành"
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
		if ind := r.indicatorAt(d, keys[id], path, id, "a value for last year"); ind != nil && !ind.AssessedAt(r.Tier) {
			problem(d, diag.Warning, keys[id], path, diag.Msg{Code: "report.last-year-unused",
				Vi: fmt.Sprintf("chỉ tiêu %s không đánh giá ở cấp %s, nên kết quả năm trước không được dùng", id, r.P.Unit.Level),
				En: fmt.Sprintf("%s is not assessed at this level, so last year's value is not used", id), FixVi: "xóa dòng này", FixEn: "no value"})
		}
	}
	keys = keyPositions(root, "indicator_notes")
	for _, id := range sortedKeys(r.P.IndNotes) {
		r.indicatorAt(d, keys[id], decode.Join("indicator_notes", id), id, "a note")
	}
}

func (r *Report) checkTarget(d *decode.Decoder, path string, ind *Indicator, t Target) {
	switch {
	case !ind.AssessedAt(r.Tier):
		problem(d, diag.Warning, diag.Pos{}, path, diag.Msg{Code: "report.target-unused",
			Vi: fmt.Sprintf("chỉ tiêu %s không đánh giá ở cấp %s, nên chỉ tiêu kế hoạch này không được dùng", ind.ID, r.P.Unit.Level),
			En: fmt.Sprintf("%s is not assessed at this level, so its target is not used", ind.ID), FixVi: "xóa dòng này", FixEn: "no target"})
	case !t.Plan.Set && !t.Year.Set && !d.Reported(decode.Join(path, "plan")) && !d.Reported(decode.Join(path, "year")):
		problem(d, diag.Error, diag.Pos{}, path, diag.Msg{Code: "report.target-empty",
			Vi: "chưa ghi chỉ tiêu giai đoạn (plan) hay chỉ tiêu năm (year)", En: "the target gives neither plan nor year",
			FixVi: "plan: GIÁ TRỊ (cho cả giai đoạn), year: GIÁ TRỊ (cho năm nay), hoặc cả hai",
			FixEn: "plan: VALUE (for the plan's stage), year: VALUE (for this year), or both"})
	default:
		for _, part := range []struct {
			key string
			v   TargetValue
		}{{"plan", t.Plan}, {"year", t.Year}} {
			if m, bad := targetFits(ind, part.v); bad {
				problem(d, diag.Error, diag.Pos{}, decode.Join(path, part.key), m)
			}
		}
	}
}

// targetFits checks a target against the indicator: a band indicator
// takes a band; a count takes no band; a target's own comparator may be
// stricter or looser than the catalogue's, never of the other direction.
func targetFits(ind *Indicator, t TargetValue) (diag.Msg, bool) {
	if !t.Set {
		return diag.Msg{}, false
	}
	switch {
	case ind.Comparator == InBand && !t.Band:
		return diag.Msg{Code: "target.band-expected",
			Vi: fmt.Sprintf("chỉ tiêu %s được đánh giá theo một khoảng", ind.ID), En: fmt.Sprintf("%s is judged by a band", ind.ID),
			FixVi: "ghi [cận dưới, cận trên], ví dụ [40, 60]", FixEn: "a band such as [40, 60]"}, true
	case ind.Comparator != InBand && t.Band && ind.Kind == KindCount:
		return diag.Msg{Code: "target.number-expected",
			Vi: fmt.Sprintf("chỉ tiêu %s được so với một số (%s)", ind.ID, ind.Comparator.Words()), En: fmt.Sprintf("%s is judged against one number (%s)", ind.ID, ind.Comparator),
			FixVi: "ghi một số, ví dụ 25", FixEn: "one number such as 25"}, true
	case t.Cmp != "" && !t.Band && ind.Comparator != InBand && t.Cmp.Higher() != ind.Comparator.Higher():
		return diag.Msg{Code: "target.direction",
			Vi:    fmt.Sprintf("chỉ tiêu %s càng %s càng tốt (%s), nhưng chỉ tiêu kế hoạch ghi %q", ind.ID, direction(ind.Comparator), ind.Comparator.Words(), t.Text(ind.Comparator)),
			En:    fmt.Sprintf("%s is better when %s (%s), but the target says %q", ind.ID, directionEn(ind.Comparator), ind.Comparator, t.Text(ind.Comparator)),
			FixVi: fmt.Sprintf("ghi chỉ tiêu theo chiều %s, ví dụ %q", ind.Comparator.Words(), ind.Comparator.Sign()+" "+viet.Decimal(t.Lo, decimalsOf(t.Lo))),
			FixEn: fmt.Sprintf("a target in the same direction, e.g. %q", ind.Comparator.Sign()+" "+viet.Decimal(t.Lo, decimalsOf(t.Lo)))}, true
	}
	return diag.Msg{}, false
}

func direction(c Comparator) string {
	if c.Higher() {
		return "cao"
	}
	return "thấp"
}

func directionEn(c Comparator) string {
	if c.Higher() {
		return "higher"
	}
	return "lower"
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

func (r *Report) indicatorAt(d *decode.Decoder, pos diag.Pos, path, id, what string) *Indicator {
	if ind := r.Cat.Indicator(id); ind != nil {
		return ind
	}
	whatVi := map[string]string{"a target": "chỉ tiêu kế hoạch", "a value for last year": "kết quả năm trước", "a note": "ghi chú"}[what]
	m := diag.Msg{Code: "report.unknown-indicator",
		Vi:    fmt.Sprintf("%s cho %q, nhưng bộ chỉ tiêu %s không có chỉ tiêu này", whatVi, id, r.Cat.ID),
		En:    fmt.Sprintf("%s for %q, which is not an indicator of %s", what, id, r.Cat.ID),
		FixVi: "một mã chỉ tiêu của bộ chỉ tiêu (xem: vanban catalogue " + r.Cat.ID + ")", FixEn: "an indicator id of the catalogue"}
	if s := decode.Suggest(id, r.Cat.IndicatorIDs()); s != "" {
		m.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
		m.En += fmt.Sprintf("; did you mean %q?", s)
	}
	problem(d, diag.Error, pos, path, m)
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
	d.Problem("data", diag.Msg{Code: "report.no-figures",
		Vi: "báo cáo chưa có số liệu nào: không đơn vị trực thuộc, không " + r.deptWord() + " nào có số liệu", En: "the report holds no figures: no sub-unit or department gives any",
		FixVi: "số liệu của ít nhất một đơn vị, ví dụ ba-dinh: {cap_uy: {total: 15, female: 4}}",
		FixEn: "the figures of at least one sub-unit, such as ba-dinh: {cap_uy: {total: 15, female: 4}}"})
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
		if m.From != FromAreas || !r.anyReported(m) || !m.PresentAt(r.SubTier) {
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
			problem(d, diag.Warning, pos, path, diag.Msg{Code: "report.missing-figures",
				Vi:    fmt.Sprintf("%s không có số liệu %q: đơn vị được loại khỏi tổng số và ghi là chưa có số liệu", s.Name, r.Label(m)),
				En:    fmt.Sprintf("%s gives no figures for %q: it is left out of the totals and listed as not reported", s.Name, r.Label(m)),
				FixVi: fmt.Sprintf("ghi số liệu, hoặc %s: ~ để xác nhận đơn vị chưa báo cáo", m.ID),
				FixEn: fmt.Sprintf("the figures, or %s: ~ to say they were not reported", m.ID)})
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

// usedMeasures lists the measures that the indicators assessed at the
// unit's tier use, in catalogue order.
func (r *Report) usedMeasures() []*Measure { return r.inCatalogueOrder(r.usedSet()) }

// inCatalogueOrder lists the measures of a set in the catalogue's order.
func (r *Report) inCatalogueOrder(set map[*Measure]bool) []*Measure {
	var out []*Measure
	for i := range r.Cat.Measures {
		if m := &r.Cat.Measures[i]; set[m] {
			out = append(out, m)
		}
	}
	return out
}

// usedSet is the set of measures that the indicators assessed at the
// unit's tier use.
func (r *Report) usedSet() map[*Measure]bool {
	if r.uses != nil {
		return r.uses
	}
	r.uses = map[*Measure]bool{}
	for i := range r.Cat.Indicators {
		if ind := &r.Cat.Indicators[i]; ind.AssessedAt(r.Tier) {
			for _, m := range ind.ms {
				r.uses[m] = true
			}
		}
	}
	return r.uses
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
