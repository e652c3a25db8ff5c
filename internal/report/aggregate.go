package report

import (
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/viet"
)

// Status is the assessment of one indicator.
type Status int

// Statuses.
const (
	NotAssessed Status = iota // not assessed locally
	NoData                    // nobody reported, or nothing happened
	NoTarget                  // nothing to judge against
	InProgress                // a flow indicator in a half-year report
	Met
	NotMet
)

// Words printed in the assessment column.
const (
	WordMet         = "Đạt"
	WordNotMet      = "Chưa đạt"
	WordInProgress  = "Đang thực hiện"
	WordNoData      = "Chưa có số liệu"
	WordNoCase      = "Không phát sinh"
	WordNotAssessed = "Không đánh giá"
	WordNoTarget    = "Chưa có chỉ tiêu"
)

// Result is one indicator's value and assessment.
type Result struct {
	Ind      *Indicator
	Num, Den float64 // the summed numerator and denominator (Den unused for counts)
	// Base is the number of cases the value is computed from (see
	// Indicator.MinBase); SmallBase says it is below the indicator's minimum.
	Base      float64
	SmallBase bool
	Reported  int // entities that reported
	HasValue  bool
	Value     float64 // rounded to the indicator's decimals
	// Plan is the target for the plan's stage: the local plan's, or else
	// the national one (PlanNational is then its milestone year).
	Plan         TargetValue
	PlanNational int
	Year         TargetValue // this year's target in the local plan
	LastYear     *float64
	PctPlan      *float64 // value / target × 100, for higher-is-better targets
	Change       *float64 // value − last year's
	Status       Status
	Missing      []*Entity // sub-units (or departments) without figures
	// MissingOwn lists the measures the unit's own bodies should give and
	// have not: the indicator then has no value ("Chưa có số liệu").
	// Unclaimed lists the department measures no department reports.
	MissingOwn, Unclaimed []*Measure
	// Cmp is the comparator the value is judged with: the judged target's
	// own, else the indicator's.
	Cmp Comparator
}

// Judgeable reports whether the value is tested against its target
// (Đạt / Chưa đạt) when it has one.
func (res *Result) Judgeable() bool {
	return res.Status == Met || res.Status == NotMet
}

// Judged returns the target the value is judged against: this year's,
// or the plan's when the year has none.
func (res *Result) Judged() (TargetValue, bool) {
	if res.Year.Set {
		return res.Year, true
	}
	return res.Plan, res.Plan.Set
}

// Word is the assessment as printed.
func (res *Result) Word() string {
	switch res.Status {
	case Met:
		return WordMet
	case NotMet:
		return WordNotMet
	case InProgress:
		return WordInProgress
	case NoTarget:
		return WordNoTarget
	case NoData:
		return res.EmptyWord()
	}
	return WordNotAssessed
}

// EmptyWord is what the assessment says when there is no value: nobody
// reported, or the figures were reported but the denominator is zero.
func (res *Result) EmptyWord() string {
	if res.Reported > 0 && len(res.MissingOwn) == 0 {
		return WordNoCase
	}
	return WordNoData
}

// Tally counts the assessments of a report.
type Tally struct {
	Met, Judged, InProgress int
}

// Compute computes num/den × scale rounded as a spreadsheet's ROUND does;
// ok is false when den is zero.
func Compute(num, den, scale float64, decimals int) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return viet.Round(num/den*scale, decimals), true
}

func (r *Report) aggregate() {
	r.Results = make([]Result, len(r.Cat.Indicators))
	r.Count = Tally{}
	for i := range r.Cat.Indicators {
		res := r.compute(&r.Cat.Indicators[i])
		switch res.Status {
		case Met:
			r.Count.Met++
			r.Count.Judged++
		case NotMet:
			r.Count.Judged++
		case InProgress:
			r.Count.InProgress++
		}
		r.Results[i] = res
	}
}

func (r *Report) compute(ind *Indicator) Result {
	res := Result{Ind: ind, Cmp: ind.Comparator}
	if !ind.AssessedAt(r.Tier) {
		return res
	}
	r.sum(ind, &res)
	switch {
	case ind.Kind == KindCount:
		res.Value, res.HasValue = res.Num, res.Reported > 0
	default:
		res.Value, res.HasValue = Compute(res.Num, res.Den, ind.Mult(), ind.Dec())
	}
	if len(res.MissingOwn) > 0 {
		// The unit's own bodies are not one sub-unit among many: without
		// their figures the value would be another indicator's (MT1.CT1 of
		// a commune on its UBND alone), so it is not computed at all.
		res.HasValue = false
	}
	res.SmallBase = res.HasValue && res.Base < ind.MinBase
	r.targets(ind, &res)
	res.Status = r.status(ind, &res)
	r.compare(ind, &res)
	return res
}

// sum adds up the indicator's numerator and denominator over every
// entity that reported all its measures; the others are listed missing.
func (r *Report) sum(ind *Indicator, res *Result) {
	missing := map[*Entity]bool{}
	for _, m := range ind.ms {
		entities := r.Areas()
		if m.From == FromDepartments {
			entities = nil
			if e := r.DeptOf[m.ID]; e != nil {
				entities = []*Entity{e}
			} else {
				res.Unclaimed = append(res.Unclaimed, m)
			}
		}
		for _, e := range entities {
			if e == r.Town && ind.SubunitsOnly() || !r.counts(e, m) {
				continue
			}
			f := r.Get(e.ID, m.ID)
			switch {
			case f == nil && e == r.Town:
				res.MissingOwn = append(res.MissingOwn, m)
				continue
			case f == nil:
				missing[e] = true
				continue
			}
			res.Reported++
			if ind.Kind == KindUnitShare {
				res.Num += float64(f["yes"])
				res.Den += float64(f["units"])
				continue
			}
			res.Num += float64(f[ind.Numerator])
			if ind.Denominator != "" {
				res.Den += float64(f[ind.Denominator])
			}
			res.Base += float64(f[ind.BaseKey()])
		}
	}
	for _, e := range r.Areas() {
		if missing[e] {
			res.Missing = append(res.Missing, e)
		}
	}
	for i := range r.Departments {
		if e := &r.Departments[i]; missing[e] {
			res.Missing = append(res.Missing, e)
		}
	}
}

func (r *Report) targets(ind *Indicator, res *Result) {
	t := r.P.Targets[ind.ID]
	res.Plan, res.Year = t.Plan, t.Year
	if !res.Plan.Set {
		if nat, y := ind.NationalFor(r.P.Period.Year); nat.Set {
			res.Plan, res.PlanNational = nat, y
		}
	}
	if v, ok := r.P.LastYear[ind.ID]; ok {
		res.LastYear = &v
	}
	if t, ok := res.Judged(); ok {
		res.Cmp = t.With(ind.Comparator)
	}
}

func (r *Report) status(ind *Indicator, res *Result) Status {
	target, ok := res.Judged()
	switch {
	case !res.HasValue:
		return NoData
	case r.HalfYear() && ind.Progress():
		return InProgress
	case !ok:
		return NoTarget
	case ind.Comparator.Meets(res.Value, target):
		return Met
	}
	return NotMet
}

// NotAssessedWhy says why an indicator is not assessed at the unit's
// level: its catalogue note, or the levels that assess it, among the levels
// of the period's government (no huyện after 30 June 2025).
func (r *Report) NotAssessedWhy(ind *Indicator) string {
	if ind.Assessable() && !ind.AssessedAt(r.Tier) {
		levels := ind.Levels.In(r.P.Period)
		if len(levels) == 0 {
			return "chỉ tiêu đánh giá ở cấp " + ind.Levels.Names() + ", cấp không còn từ ngày 01/7/2025"
		}
		return "chỉ tiêu đánh giá ở cấp " + levels.Names()
	}
	if n := strings.TrimSuffix(r.IndText(ind, ind.Note), "."); n != "" {
		return n
	}
	return "chỉ tiêu đánh giá ở cấp quốc gia"
}

// compare fills % of plan and the change from last year.
func (r *Report) compare(ind *Indicator, res *Result) {
	if !res.HasValue {
		return
	}
	if t, ok := res.Judged(); ok && !t.Band && res.Cmp.Higher() && t.Lo > 0 {
		v := viet.Round(res.Value/t.Lo*100, 1)
		res.PctPlan = &v
	}
	if res.LastYear != nil {
		v := viet.Round(res.Value-*res.LastYear, ind.Dec())
		res.Change = &v
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
