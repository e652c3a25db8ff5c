package xlsx

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/viet"
)

// measureRefs locates a measure's figures in the workbook, by key: the
// cell of its total and the cells of every unit (for COUNT), and the same
// for the sub-units alone (the subtotal row and the sub-units' rows).
type measureRefs struct {
	total, sub     map[string]string
	units, subUnit map[string][]string
	own            map[string]string // the unit's own row, when it has one
}

// scoped returns the total and unit cells an indicator counts.
func (mr measureRefs) scoped(ind *report.Indicator) (map[string]string, map[string][]string) {
	if ind.SubunitsOnly() {
		return mr.sub, mr.subUnit
	}
	return mr.total, mr.units
}

// Columns of the summary sheet.
const (
	sNo = iota + 1
	sName
	sUnit
	sPlan
	sYear
	sLast
	sValue
	sPct
	sChange
	sJudge
	sNote
)

const defaultTitle = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU BÌNH ĐẲNG GIỚI"

func docTitle(r *report.Report) string {
	if t := strings.TrimSpace(r.P.Document.Title); t != "" {
		return t
	}
	return defaultTitle
}

// formLabel is the form number printed at the top left of every sheet:
// "Biểu số 02a", or with the form code the file gives ("01/BĐG-TX" or
// "BĐG-TX"), "Biểu số 02a/BĐG-TX".
func formLabel(r *report.Report, n string) string {
	code := formCode(r.P.Document.Form)
	if code == "" {
		return "Biểu số " + n
	}
	return "Biểu số " + n + "/" + code
}

// formCode is the code part of a form number: "BĐG-TX" of "01/BĐG-TX".
func formCode(form string) string {
	form = strings.TrimSpace(form)
	if num, code, ok := strings.Cut(form, "/"); ok && strings.Trim(num, "0123456789abcdefghijklmnopqrstuvwxyz") == "" && num != "" {
		return strings.TrimSpace(code)
	}
	return form
}

func summarySheet(r *report.Report, refs map[string]measureRefs) *sheet {
	s := newSheet("01_TongHop", []float64{5, 39, 9.5, 9.5, 9.5, 9.5, 9.5, 8.5, 8.5, 10.25, 23.5})
	row := titleBlock(s, r, formLabel(r, "01"), docTitle(r))
	s.titleFrom = row
	row = summaryHeader(s, r, row)
	s.titleTo, s.freezeFrom, s.freezeRows = row-1, s.titleFrom, row-1
	first := row
	for gi := range r.Cat.Groups {
		row = groupRows(s, r, refs, &r.Cat.Groups[gi], gi+1, row)
	}
	last := row - 1
	row = tallyRow(s, r, first, last, row)
	row = unjudgedRow(s, r, row)
	if r.P.Document.Illustrative {
		row = illustrativeRow(s, row)
	}
	end := signatureBlock(s, r, row+1)
	// The last indicator goes with the tally and the signature, so that
	// the signature never stands on a page without table rows.
	finish(s, last, end-1)
	return s
}

func summaryHeader(s *sheet, r *report.Report, h int) int {
	plan := r.P.Period.Plan
	if plan == "" {
		plan = r.Cat.Stage
	}
	year := r.P.Period.Year
	for _, c := range []struct {
		col   int
		label string
	}{{sNo, "STT"}, {sName, "Chỉ tiêu"}, {sUnit, "Đơn vị tính"}, {sJudge, "Đánh giá"}, {sNote, "Ghi chú"}} {
		s.merge(h, c.col, h+1, c.col, c.label, stHead)
	}
	s.merge(h, sPlan, h, sYear, "Kế hoạch", stHead)
	s.merge(h, sLast, h, sValue, "Thực hiện", stHead)
	s.merge(h, sPct, h, sChange, "So sánh", stHead)
	s.text(h+1, sPlan, "Giai đoạn "+plan, stHead)
	s.text(h+1, sYear, "Năm "+itoa(year), stHead)
	s.text(h+1, sLast, periodLabel(r.P.Period.Kind, year-1)+" (cùng kỳ)", stHead)
	s.text(h+1, sValue, periodLabel(r.P.Period.Kind, year), stHead)
	s.text(h+1, sPct, "% so với kế hoạch", stHead)
	s.text(h+1, sChange, "Tăng (+), giảm (-) so với cùng kỳ", stHead)
	for col, code := range []string{"A", "B", "C", "1", "2", "3", "4", pctCode(r), "6 = 4 - 3", "7", "8"} {
		s.text(h+2, col+1, code, stCode)
	}
	s.height(h, 20)
	s.height(h+1, headerHeight(s, h+1))
	s.height(h+2, 15)
	return h + 3
}

// headerHeight fits the tallest wrapped label of a header row.
func headerHeight(s *sheet, row int) float64 {
	h := 18.0
	for c := 1; c <= s.cols(); c++ {
		if v, ok := s.at(row, c).v.(string); ok {
			h = max(h, fitHeight(v, stHead, colPoints(s.widths[c-1])))
		}
	}
	return h
}

// groupRows writes one objective's row and its indicators' rows.
func groupRows(s *sheet, r *report.Report, refs map[string]measureRefs, g *report.Group, n, row int) int {
	title := r.Text(g.Title)
	s.text(row, sNo, viet.Roman(n), stGroupNo)
	s.merge(row, sName, row, sNote, title, stGroup)
	s.height(row, fitHeight(title, stGroup, spanPoints(s.widths, sName, sNote)))
	s.keepNext[row] = true
	row++
	for i := range r.Results {
		if res := &r.Results[i]; res.Ind.Group == g.ID {
			indicatorRow(s, r, refs, res, row)
			row++
		}
	}
	return row
}

func indicatorRow(s *sheet, r *report.Report, refs map[string]measureRefs, res *report.Result, row int) {
	ind := res.Ind
	name := r.Name(ind)
	s.text(row, sNo, int64(ind.Row), stCenter)
	s.text(row, sName, name, stText)
	s.text(row, sUnit, ind.Unit, stCenter)
	note := indicatorNote(r, res)
	s.text(row, sNote, note, stNote)
	s.height(row, max(16.5, fitHeight(name, stText, colPoints(s.widths[sName-1])),
		fitHeight(note, stNote, colPoints(s.widths[sNote-1])), fitHeight(ind.Unit, stCenter, colPoints(s.widths[sUnit-1]))))
	if !ind.AssessedAt(r.Tier) {
		for c := sPlan; c <= sChange; c++ {
			s.text(row, c, nil, stCenter)
		}
		s.text(row, sJudge, report.WordNotAssessed, stCenter)
		return
	}
	targetCell(s, row, sPlan, ind, res.Plan)
	if u := ind.Uncertain[itoa(res.PlanNational)]; res.PlanNational > 0 && u != "" {
		s.remark(row, sPlan, uncertainRemark(res.PlanNational, u))
	}
	targetCell(s, row, sYear, ind, res.Year)
	valueFmt := numStyle(valueFormat(ind), false)
	if res.LastYear != nil {
		s.text(row, sLast, *res.LastYear, valueFmt)
	} else {
		s.text(row, sLast, nil, valueFmt)
	}
	g := ref(row, sValue)
	own := ownCells(r, ind, refs)
	s.formula(row, sValue, needOwn(own, valueFormula(ind, refs), `""`), cached(res.HasValue, res.Value), valueFmt)
	pctCell(s, row, res, g)
	changeCell(s, row, res, g)
	s.formula(row, sJudge, judgeFormula(r, res, g, row, sourceCells(ind, refs), own), res.Word(), stCenter)
}

func valueFormat(ind *report.Indicator) string {
	if ind.Kind == report.KindCount {
		return "#,##0"
	}
	return decimalsFormat(ind.Dec())
}

// cached is a formula's value: the number, or "" for an empty result.
func cached(ok bool, v float64) any {
	if !ok {
		return ""
	}
	return v
}

// targetCell writes a target: a number shown with its comparator, its
// own or the indicator's ("≥ 25", "> 35"), or a band as text ("40 - 60").
func targetCell(s *sheet, row, col int, ind *report.Indicator, t report.TargetValue) {
	switch {
	case !t.Set:
		s.text(row, col, nil, stCenter)
	case t.Band:
		s.text(row, col, t.Text(ind.Comparator), stCenter)
	default:
		s.text(row, col, t.Lo, numStyle(signFormat(t.With(ind.Comparator).Sign(), decimalsOf(t.Lo)), false))
	}
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

// valueFormula computes an indicator from the totals of its measure:
// Σ numerators / Σ denominators of the units that reported (empty cells
// count for nothing), or Σ flags / number of units for a share of units.
func valueFormula(ind *report.Indicator, refs map[string]measureRefs) string {
	mult, dec := num(ind.Mult()), ind.Dec()
	switch ind.Kind {
	case report.KindUnitShare:
		fl := sourceCells(ind, refs)
		if units := keyCells(ind, refs, "units"); units != "" {
			// Some units are tallies carried up from their own files.
			return fmt.Sprintf(`IF(SUM(%s)=0,"",ROUND(SUM(%s)/SUM(%s)*%s,%d))`, units, fl, units, mult, dec)
		}
		return fmt.Sprintf(`IF(COUNT(%s)=0,"",ROUND(SUM(%s)/COUNT(%s)*%s,%d))`, fl, fl, fl, mult, dec)
	case report.KindCount:
		total, _ := refs[ind.Measures()[0].ID].scoped(ind)
		return fmt.Sprintf(`IF(COUNT(%s)=0,"",%s)`, sourceCells(ind, refs), total[ind.Numerator])
	}
	total, _ := refs[ind.Measures()[0].ID].scoped(ind)
	n, d := total[ind.Numerator], total[ind.Denominator]
	return fmt.Sprintf(`IF(SUM(%s)=0,"",ROUND(SUM(%s)/SUM(%s)*%s,%d))`, d, n, d, mult, dec)
}

// sourceCells lists the cells of every unit an indicator counts, in the
// key whose presence says that a unit reported: the flags of a share of
// units, the counted key of a count, the denominator of the others.
func sourceCells(ind *report.Indicator, refs map[string]measureRefs) string {
	return keyCells(ind, refs, sourceKey(ind))
}

// sourceKey is the key whose presence says that a unit reported what an
// indicator counts.
func sourceKey(ind *report.Indicator) string {
	switch ind.Kind {
	case report.KindUnitShare:
		return "yes"
	case report.KindCount:
		return ind.Numerator
	}
	return ind.Denominator
}

// ownCells lists the cells of the unit's own row that an indicator needs:
// without them it has no value (missing is not zero, and the sub-units
// alone would make it another indicator).
func ownCells(r *report.Report, ind *report.Indicator, refs map[string]measureRefs) []string {
	if r.Town == nil || ind.SubunitsOnly() {
		return nil
	}
	var out []string
	for _, m := range ind.Measures() {
		if c := refs[m.ID].own[sourceKey(ind)]; c != "" && r.Expects(r.Town, m) {
			out = append(out, c)
		}
	}
	return out
}

// needOwn wraps a formula so that it gives instead while one of the own
// row's cells is empty.
func needOwn(own []string, formula, instead string) string {
	if len(own) == 0 {
		return formula
	}
	return fmt.Sprintf(`IF(COUNT(%s)<%d,%s,%s)`, strings.Join(own, ","), len(own), instead, formula)
}

// keyCells lists the cells of every unit an indicator counts in one key.
func keyCells(ind *report.Indicator, refs map[string]measureRefs, key string) string {
	var cells []string
	for _, m := range ind.Measures() {
		_, units := refs[m.ID].scoped(ind)
		cells = append(cells, units[key]...)
	}
	return strings.Join(cells, ",")
}

// judgedCol is the column of the target the value is judged against.
func judgedCol(res *report.Result) int {
	if res.Year.Set {
		return sYear
	}
	return sPlan
}

// hasPct reports whether an indicator shows "% so với kế hoạch": a value
// judged against a higher-is-better target above zero.
func hasPct(res *report.Result) bool {
	t, ok := res.Judged()
	return ok && !t.Band && res.Ind.Assessable() && res.Cmp.Higher() && t.Lo > 0
}

// pctCode is the numbering-row code of "% so với kế hoạch": "5 = 4/2"
// when every percentage is of this year's target, "5 = 4/1" when every one
// is of the plan's; when they are mixed, the note of each indicator judged
// against the plan says so.
func pctCode(r *report.Report) string {
	year, plan := 0, 0
	for i := range r.Results {
		if res := &r.Results[i]; hasPct(res) && judgedCol(res) == sYear {
			year++
		} else if hasPct(res) {
			plan++
		}
	}
	switch {
	case plan == 0:
		return "5 = 4/2"
	case year == 0:
		return "5 = 4/1"
	}
	return "5"
}

func pctCell(s *sheet, row int, res *report.Result, g string) {
	if !hasPct(res) {
		s.text(row, sPct, nil, numStyle("0.0", false))
		return
	}
	var v any = ""
	if res.PctPlan != nil {
		v = *res.PctPlan
	}
	s.formula(row, sPct, fmt.Sprintf(`IF(%s="","",ROUND(%s/%s*100,1))`, g, g, ref(row, judgedCol(res))), v, numStyle("0.0", false))
}

func changeCell(s *sheet, row int, res *report.Result, g string) {
	d := res.Ind.Dec()
	st := numStyle(changeFormat(d), false)
	if res.LastYear == nil {
		s.text(row, sChange, nil, st)
		return
	}
	var v any = ""
	if res.Change != nil {
		v = *res.Change
	}
	s.formula(row, sChange, fmt.Sprintf(`IF(%s="","",ROUND(%s-%s,%d))`, g, g, ref(row, sLast), d), v, st)
}

// changeFormat shows a change with its sign: +1.50, -0.25, 0.00.
func changeFormat(d int) string {
	f := decimalsFormat(d)
	return "+" + f + ";-" + f + ";" + f
}

// judgeFormula writes the assessment with the indicator's comparator. A
// flow indicator in a half-year report is not judged against the year's
// target: it shows progress. Without a value, the units' cells say why:
// none of them holds a number (nobody reported), or some do and the
// denominator is 0 (nothing happened); the formula tells them apart itself,
// so that it stays right after a clerk fills in or clears cells of Biểu 02.
func judgeFormula(r *report.Report, res *report.Result, g string, row int, src string, own []string) string {
	empty := needOwn(own, fmt.Sprintf(`IF(COUNT(%s)=0,%s,%s)`, src, fmtStr(report.WordNoData), fmtStr(report.WordNoCase)), fmtStr(report.WordNoData))
	ind := res.Ind
	t, ok := res.Judged()
	var test string
	switch {
	case r.HalfYear() && ind.Progress():
		return fmt.Sprintf(`IF(%s="",%s,%s)`, g, empty, fmtStr(report.WordInProgress))
	case !ok:
		return fmt.Sprintf(`IF(%s="",%s,%s)`, g, empty, fmtStr(report.WordNoTarget))
	case res.Cmp == report.InBand:
		test = fmt.Sprintf("AND(%s>=%s,%s<=%s)", g, num(t.Lo), g, num(t.Hi))
	default:
		test = g + string(res.Cmp) + ref(row, judgedCol(res))
	}
	return fmt.Sprintf(`IF(%s="",%s,IF(%s,%s,%s))`, g, empty, test, fmtStr(report.WordMet), fmtStr(report.WordNotMet))
}

// indicatorNote is the note column: where the plan target comes from,
// sub-units without figures, and the notes of the catalogue and report.
func indicatorNote(r *report.Report, res *report.Result) string {
	var parts []string
	ind := res.Ind
	switch {
	case !ind.Assessable() && ind.Note != "":
		parts = append(parts, r.IndText(ind, ind.Note))
	case !ind.AssessedAt(r.Tier):
		parts = append(parts, upperFirst(r.NotAssessedWhy(ind)))
	}
	if absentBelow(r, ind) {
		parts = append(parts, fmt.Sprintf("Chỉ tính cấp %s (cấp %s không có số liệu này)", r.P.Unit.Level, r.P.Unit.Sublevel))
	}
	if res.PlanNational > 0 {
		parts = append(parts, fmt.Sprintf("KH giai đoạn: mục tiêu quốc gia đến năm %d", res.PlanNational))
	}
	if hasPct(res) && judgedCol(res) == sPlan && pctCode(r) == "5" {
		parts = append(parts, "Cột 5 so với kế hoạch giai đoạn (cột 1)")
	}
	if res.SmallBase {
		parts = append(parts, smallBase(r, res)+": không đủ ý nghĩa thống kê, kết quả chỉ có tính tham khảo")
	}
	if n := planEndNote(r, res); n != "" {
		parts = append(parts, n)
	}
	if len(res.Missing) > 0 || len(res.MissingOwn) > 0 {
		parts = append(parts, missingNote(r, res))
	}
	if len(res.Unclaimed) > 0 {
		parts = append(parts, fmt.Sprintf("Chưa có %s nào báo cáo số liệu", report.DeptWord(r.Tier)))
	}
	if n := r.P.IndNotes[ind.ID]; n != "" {
		parts = append(parts, n)
	}
	return strings.Join(parts, ". ")
}

// uncertainRemark is the comment on a plan target taken from a national
// target the catalogue could not confirm: the clerk should know, the
// annex does not say it (a People's Committee does not report against a
// target it doubts). The catalogue's tag ([M], [?]) is its own shorthand.
func uncertainRemark(year int, why string) string {
	why = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(why, "[M]"), "[?]"))
	return fmt.Sprintf("Mục tiêu quốc gia năm %d dùng làm kế hoạch giai đoạn ở ô này chưa được kiểm chứng với văn bản gốc: %s. "+
		"Nếu kế hoạch của địa phương có chỉ tiêu riêng, ghi chỉ tiêu đó ở phần targets của tệp số liệu. Ghi chú này không in ra.", year, strings.TrimSuffix(why, "."))
}

// absentBelow reports an assessed indicator that counts the unit's own
// bodies because the sub-units have none (a commune's HĐND and UBND, not
// its villages').
func absentBelow(r *report.Report, ind *report.Indicator) bool {
	if !ind.AssessedAt(r.Tier) || ind.SubunitsOnly() {
		return false
	}
	for _, m := range ind.Measures() {
		if m.From == report.FromAreas && !m.PresentAt(r.SubTier) {
			return true
		}
	}
	return false
}

// planEndNote says, in the last year of the plan, that a value judged
// "Đạt" against the year's target falls short of the plan's (50 % against
// a year target of 50 and a 2021-2025 target of 60): a signer asks.
func planEndNote(r *report.Report, res *report.Result) string {
	plan := strings.TrimSpace(r.P.Period.Plan)
	_, end, ok := strings.Cut(plan, "-")
	if !ok || end != itoa(r.P.Period.Year) || r.HalfYear() || res.Status != report.Met || !res.Year.Set || !res.Plan.Set || res.Plan.Band {
		return ""
	}
	cmp := res.Plan.With(res.Ind.Comparator)
	if cmp.Meets(res.Value, res.Plan) {
		return ""
	}
	return fmt.Sprintf("Đạt chỉ tiêu năm nhưng chưa đạt chỉ tiêu giai đoạn %s (%s)", plan, res.Plan.Text(cmp))
}

// smallBase says how few cases a value rests on: "Tính từ 939 trẻ sinh ra
// sống, dưới 1.000".
func smallBase(r *report.Report, res *report.Result) string {
	ind := res.Ind
	return fmt.Sprintf("Tính từ %s %s, dưới %s", viet.Int(int64(res.Base)),
		r.KeyLabel(ind.Measures()[0], ind.BaseKey()), viet.Int(int64(ind.MinBase)))
}

// missingNote says which figures an indicator lacks: the unit's own
// (then it has no value), the sub-units' (then a value rests on the
// others, and says on how many).
func missingNote(r *report.Report, res *report.Result) string {
	var parts []string
	if len(res.MissingOwn) > 0 {
		labels := make([]string, len(res.MissingOwn))
		for i, m := range res.MissingOwn {
			labels[i] = r.Label(m)
		}
		parts = append(parts, fmt.Sprintf("Chưa có số liệu của %s: %s", lowerFirst(r.Town.Name), strings.Join(labels, "; ")))
	}
	if len(res.Missing) > 0 {
		parts = append(parts, subunitsMissing(r, res))
	}
	if len(parts) == 2 {
		parts[1] = lowerFirst(parts[1])
	}
	return strings.Join(parts, "; ")
}

// subunitsMissing names the sub-units without figures; a value computed
// without them says how many sub-units it rests on.
func subunitsMissing(r *report.Report, res *report.Result) string {
	names := entityNames(res.Missing)
	if len(res.Missing) > maxNamesInNote {
		names = fmt.Sprintf("%d %s, xem Biểu 04", len(res.Missing), r.P.Unit.Sublevel)
	}
	if !res.HasValue {
		return "Chưa có số liệu: " + names
	}
	n := len(r.Subunits)
	on := fmt.Sprintf("số liệu của %d/%d %s (chưa có số liệu: %s)", n-len(res.Missing), n, r.P.Unit.Sublevel, names)
	if res.Status == report.Met || res.Status == report.NotMet {
		return "Đánh giá trên " + on
	}
	return "Tính trên " + on
}

// maxNamesInNote is how many sub-units a note names; more are counted, and
// the notes sheet names them.
const maxNamesInNote = 3

func entityNames(es []*report.Entity) string {
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Name
	}
	return strings.Join(names, ", ")
}

// tallyRow counts the indicators met: "x/y" of those judged, and in a
// half-year report the ones still in progress.
func tallyRow(s *sheet, r *report.Report, first, last, row int) int {
	rng := span(first, sJudge, last, sJudge)
	count := func(word string) string { return fmt.Sprintf(`COUNTIF(%s,%s)`, rng, fmtStr(word)) }
	f := fmt.Sprintf(`"Số chỉ tiêu đạt: "&%s&"/"&(%s+%s)&" chỉ tiêu được đánh giá"`,
		count(report.WordMet), count(report.WordMet), count(report.WordNotMet))
	v := fmt.Sprintf("Số chỉ tiêu đạt: %d/%d chỉ tiêu được đánh giá", r.Count.Met, r.Count.Judged)
	if r.HalfYear() && anyProgress(r) {
		f += fmt.Sprintf(`&"; "&%s&" chỉ tiêu đang thực hiện (đánh giá khi tổng kết năm)"`, count(report.WordInProgress))
		v += fmt.Sprintf("; %d chỉ tiêu đang thực hiện (đánh giá khi tổng kết năm)", r.Count.InProgress)
	}
	s.text(row, sNo, nil, stGroupNo)
	s.merge(row, sName, row, sNote, nil, stGroup)
	s.formula(row, sName, f, v, stGroup)
	s.height(row, 20)
	return row + 1
}

// unjudgedRow names the indicators that are not judged Đạt or Chưa đạt,
// grouped by why: not assessed at this level (the note says by whom),
// nobody reported, no case, no target, in progress until the year's end.
func unjudgedRow(s *sheet, r *report.Report, row int) int {
	var order []string
	by := map[string][]string{}
	for i := range r.Results {
		res := &r.Results[i]
		if res.Judgeable() {
			continue
		}
		why := unjudgedWhy(r, res)
		if by[why] == nil {
			order = append(order, why)
		}
		by[why] = append(by[why], itoa(res.Ind.Row))
	}
	if len(order) == 0 {
		return row
	}
	n := 0
	parts := make([]string, len(order))
	for i, why := range order {
		parts[i] = why + ": " + strings.Join(by[why], ", ")
		n += len(by[why])
	}
	t := fmt.Sprintf("Chỉ tiêu chưa đánh giá đạt hay chưa đạt (%d chỉ tiêu, theo số thứ tự; lý do ở cột Ghi chú): %s.", n, strings.Join(parts, "; "))
	s.text(row, sNo, nil, stGroupNo)
	s.merge(row, sName, row, sNote, t, stNote)
	s.height(row, max(18, fitHeight(t, stNote, spanPoints(s.widths, sName, sNote))))
	return row + 1
}

// unjudgedWhy groups an unjudged indicator.
func unjudgedWhy(r *report.Report, res *report.Result) string {
	switch res.Status {
	case report.NotAssessed:
		return "không đánh giá ở cấp " + r.P.Unit.Level
	case report.NoData:
		if res.Reported > 0 {
			return "không phát sinh trường hợp nào"
		}
		return "chưa có số liệu"
	case report.NoTarget:
		return "chưa có chỉ tiêu kế hoạch"
	case report.InProgress:
		return "đang thực hiện, đánh giá khi tổng kết năm"
	}
	return ""
}

// upperFirst capitalises the first letter, to start a sentence.
func upperFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

// anyProgress reports whether a half-year report shows some indicator as
// in progress (see report.Indicator.Progress).
func anyProgress(r *report.Report) bool {
	for i := range r.Results {
		if ind := r.Results[i].Ind; ind.AssessedAt(r.Tier) && ind.Progress() {
			return true
		}
	}
	return false
}

func illustrativeRow(s *sheet, row int) int {
	const t = "Ghi chú: số liệu trong biểu là số liệu minh họa, không phải số liệu thống kê thực tế."
	s.merge(row, 1, row, s.cols(), t, stItalic)
	s.height(row, 18)
	return row + 1
}
