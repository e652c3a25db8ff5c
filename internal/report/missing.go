package report

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// Missing is not zero, for the unit's own bodies as for its sub-units and
// departments. A figure the unit itself should give (its HĐND's and
// UBND's leaders, the cases its own bodies handled) that the file lacks
// leaves every indicator counting it without a value ("Chưa có số liệu"):
// computed on the sub-units alone it would be another indicator. A
// department measure no department reports does the same. Both are said
// in a warning at the place where they belong and named in the notes.

// Expects reports whether entity e is expected to report measure m, so
// that a figure it lacks is listed as missing: a sub-unit every area
// measure its tier has, the unit's own bodies every area measure an
// indicator counts them for, a department the measures it took on.
func (r *Report) Expects(e *Entity, m *Measure) bool {
	switch {
	case m.From == FromDepartments:
		return r.DeptOf[m.ID] == e
	case !r.usedSet()[m]:
		return false
	case e == r.Town:
		return r.ownSet()[m]
	}
	for i := range r.Subunits {
		if &r.Subunits[i] == e || r.Subunits[i].ID == e.ID {
			return m.PresentAt(r.SubTier)
		}
	}
	return false
}

// OwnMeasures lists, in catalogue order, the area measures the unit's own
// bodies report: those an indicator assessed at the unit's level counts
// for them (not a share of sub-units, not a body the level has none of).
func (r *Report) OwnMeasures() []*Measure { return r.inCatalogueOrder(r.ownSet()) }

func (r *Report) ownSet() map[*Measure]bool {
	if r.own != nil {
		return r.own
	}
	r.own = map[*Measure]bool{}
	for i := range r.Cat.Indicators {
		ind := &r.Cat.Indicators[i]
		if !ind.AssessedAt(r.Tier) || ind.SubunitsOnly() {
			continue
		}
		for _, m := range ind.ms {
			if m.From == FromAreas && m.PresentAt(r.Tier) {
				r.own[m] = true
			}
		}
	}
	return r.own
}

// townName is the name of the unit's own row: "Cấp xã".
func (r *Report) townName() string {
	if r.P.Unit.Level == "" {
		return "Cấp đơn vị báo cáo"
	}
	return "Cấp " + r.P.Unit.Level
}

// placeTown gives the unit's own bodies their row whenever an indicator
// counts them, also when the file has no town block (their figures are
// then missing, not zero), and drops the row when nothing counts it and
// the town block gave only figures that count for the sub-units.
func (r *Report) placeTown() {
	own := len(r.OwnMeasures()) > 0
	switch {
	case r.Town == nil && own:
		r.Town = &Entity{ID: TownID, Name: r.townName()}
		r.areas = append([]*Entity{r.Town}, r.areas...)
	case r.Town != nil && !own:
		r.dropEmptyTown()
	}
}

// warnNoneReported warns once, at the data block, about each measure of
// the sub-units that no unit reports (none of them, nor the unit's own
// bodies): every indicator it feeds reads "Chưa có số liệu", and the
// per-unit warnings, which speak of a unit left out of totals others
// make, do not say so. Units that all wrote "measure: ~" have said it.
func (r *Report) warnNoneReported(d *decode.Decoder) {
	r.noneReported = map[*Measure]bool{}
	for _, m := range r.usedMeasures() {
		if m.From != FromAreas || !m.PresentAt(r.SubTier) || len(r.Subunits) == 0 || r.anyReported(m) || r.allSaidMissing(m) {
			continue
		}
		r.noneReported[m] = true
		var names []string
		for _, id := range r.indicatorsAt(m) {
			names = append(names, fmt.Sprintf("%s (%s)", id, r.Name(r.Cat.Indicator(id))))
		}
		ids, idsEn := indicatorList(names, "; ") // the names hold commas
		sub := r.P.Unit.Sublevel
		if sub == "" {
			sub = "đơn vị trực thuộc"
		}
		who, whoEn := "của từng "+sub, "each sub-unit's"
		if r.Town != nil && r.ownSet()[m] {
			who = fmt.Sprintf("của chính cấp %s (dưới town:) và của từng %s", r.P.Unit.Level, sub)
			whoEn = fmt.Sprintf("the %s's own (under town:) and each sub-unit's", r.P.Unit.Level)
		}
		d.Warning("data", diag.Msg{Code: "report.measure-unreported",
			Vi: fmt.Sprintf("chưa có đơn vị nào báo cáo số liệu %q: %s ghi \"%s\" (thiếu số liệu không phải là 0)", r.Label(m), ids, WordNoData),
			En: fmt.Sprintf("no unit reports %q: %s reads \"%s\" (missing is not zero)", r.Label(m), idsEn, WordNoData),
			FixVi: fmt.Sprintf("ghi số liệu %s %s (vanban form tạo biểu mẫu để gửi các đơn vị, vanban import nhập lại), hoặc %s: ~ dưới từng đơn vị để xác nhận chưa có số liệu",
				m.ID, who, m.ID),
			FixEn: fmt.Sprintf("%s %s figures (vanban form makes the forms to send, vanban import reads them back), or %s: ~ under each unit to say they were not reported",
				whoEn, m.ID, m.ID)})
	}
}

// allSaidMissing reports whether every sub-unit that gives its own
// figures wrote "measure: ~".
func (r *Report) allSaidMissing(m *Measure) bool {
	for _, s := range r.Subunits {
		if s.From != "" {
			continue
		}
		if _, said := r.P.Data.Entities[s.ID].Measures[m.ID]; !said {
			return false
		}
	}
	return true
}

// warnOwnMissing warns about each figure the unit's own bodies should give
// and the file does not: it is left out of both sides of the ratio,
// exactly as a sub-unit's. "measure: ~" under town says it was not
// reported, silently (the notes still name it).
func (r *Report) warnOwnMissing(d *decode.Decoder) {
	if r.Town == nil {
		return
	}
	raw, ok := r.P.Data.Entities[TownID]
	lvl := r.P.Unit.Level
	if !ok {
		r.warnNoTown(d)
		return
	}
	path, pos := decode.Join("data", TownID), r.P.Data.KeyPos[TownID]
	for _, m := range r.OwnMeasures() {
		if _, said := raw.Measures[m.ID]; said || r.noneReported[m] {
			continue // said, or said of every unit at once
		}
		ids, idsEn := indicatorWords(r.indicatorsAt(m))
		problem(d, diag.Warning, pos, path, diag.Msg{Code: "report.missing-own-figures",
			Vi: fmt.Sprintf("chưa có số liệu %q của chính cấp %s: %s không tính được, ghi \"%s\" (thiếu số liệu không phải là 0)",
				r.Label(m), lvl, ids, WordNoData),
			En: fmt.Sprintf("no figures for %q of the %s's own bodies: no value for %s (\"%s\"; missing is not zero)",
				r.Label(m), lvl, idsEn, WordNoData),
			FixVi: fmt.Sprintf("ghi số liệu của chính cấp %s dưới town: (%s: …), hoặc %s: ~ để xác nhận chưa có số liệu", lvl, m.ID, m.ID),
			FixEn: fmt.Sprintf("the %s's own figures under town: (%s: …), or %s: ~ to say they were not reported", lvl, m.ID, m.ID)})
	}
}

// warnNoTown warns once about a file without a town block where
// indicators count the unit's own bodies.
func (r *Report) warnNoTown(d *decode.Decoder) {
	var ids []string
	for i := range r.Cat.Indicators {
		ind := &r.Cat.Indicators[i]
		for _, m := range ind.ms {
			if ind.AssessedAt(r.Tier) && !ind.SubunitsOnly() && r.ownSet()[m] {
				ids = append(ids, ind.ID)
				break
			}
		}
	}
	vi, en := indicatorWords(ids)
	lvl := r.P.Unit.Level
	d.Warning("data", diag.Msg{Code: "report.missing-own-figures",
		Vi:    fmt.Sprintf("chưa có số liệu của chính cấp %s (không có mục town): %s không tính được, ghi \"%s\" (thiếu số liệu không phải là 0)", lvl, vi, WordNoData),
		En:    fmt.Sprintf("no figures of the %s's own bodies (no town block): no value for %s (\"%s\"; missing is not zero)", lvl, en, WordNoData),
		FixVi: fmt.Sprintf("ghi số liệu của chính cấp %s dưới town:, ví dụ town: {%s: …}; số liệu chưa có thì ghi ~", lvl, r.OwnMeasures()[0].ID),
		FixEn: fmt.Sprintf("the %s's own figures under town:, such as town: {%s: …}; ~ for figures not reported", lvl, r.OwnMeasures()[0].ID)})
}

// warnUnreported warns about a department measure that no department
// reports: every indicator computed from it reads "Chưa có số liệu".
func (r *Report) warnUnreported(d *decode.Decoder) {
	path := "departments"
	if !d.Has(path) {
		path = "data"
	}
	if len(r.Departments) == 0 {
		r.warnNoDepartments(d)
		return
	}
	for _, m := range r.usedMeasures() {
		if m.From != FromDepartments || r.DeptOf[m.ID] != nil {
			continue
		}
		ids, idsEn := indicatorWords(r.indicatorsAt(m))
		who, whoEn := "", ""
		if len(m.ReportedBy) > 0 {
			who = " (" + strings.Join(m.ReportedBy, ", ") + ")"
			whoEn = who
		}
		d.Warning(path, diag.Msg{Code: "report.department-measure-unreported",
			Vi:    fmt.Sprintf("chưa có %s nào báo cáo %q: %s ghi \"%s\"", r.deptWord(), r.Label(m), ids, WordNoData),
			En:    fmt.Sprintf("no department reports %q: no value for %s (\"%s\")", r.Label(m), idsEn, WordNoData),
			FixVi: fmt.Sprintf("ghi số liệu dưới mã của %s báo cáo số liệu này%s, hoặc MÃ-CƠ-QUAN: {%s: ~} để xác nhận chưa có số liệu", r.deptWord(), who, m.ID),
			FixEn: fmt.Sprintf("the figures under the id of the department that reports them%s, or DEPT-ID: {%s: ~} to say they were not reported", whoEn, m.ID)})
	}
}

// warnNoDepartments warns once about a file that lists no department
// while indicators rest on departments' figures.
func (r *Report) warnNoDepartments(d *decode.Decoder) {
	var ids []string
	for _, m := range r.usedMeasures() {
		if m.From == FromDepartments {
			ids = append(ids, r.indicatorsAt(m)...)
		}
	}
	if len(ids) == 0 {
		return
	}
	vi, en := indicatorWords(ids)
	d.Warning("data", diag.Msg{Code: "report.department-measure-unreported",
		Vi:    fmt.Sprintf("báo cáo không có %s nào (không có mục departments): %s ghi \"%s\"", r.deptWord(), vi, WordNoData),
		En:    fmt.Sprintf("the report lists no department (no departments block): no value for %s (\"%s\")", en, WordNoData),
		FixVi: fmt.Sprintf("liệt kê các %s dưới departments: và ghi số liệu của từng cơ quan dưới mã của cơ quan đó", r.deptWord()),
		FixEn: "the departments under departments:, each one's figures under its id"})
}

// indicatorsAt lists the indicators assessed at the unit's level that a
// measure feeds.
func (r *Report) indicatorsAt(m *Measure) []string {
	var ids []string
	for i := range r.Cat.Indicators {
		ind := &r.Cat.Indicators[i]
		if !ind.AssessedAt(r.Tier) {
			continue
		}
		for _, im := range ind.ms {
			if im == m {
				ids = append(ids, ind.ID)
				break
			}
		}
	}
	return ids
}

// indicatorWords names indicators in a sentence: "chỉ tiêu MT1.CT1",
// "indicators MT3.CT2a, MT3.CT2b".
func indicatorWords(ids []string) (vi, en string) { return indicatorList(ids, ", ") }

// indicatorList is indicatorWords with the items separated by sep.
func indicatorList(ids []string, sep string) (vi, en string) {
	list := strings.Join(ids, sep)
	if len(ids) == 1 {
		return "chỉ tiêu " + list, "indicator " + list
	}
	return "các chỉ tiêu " + list, "indicators " + list
}
