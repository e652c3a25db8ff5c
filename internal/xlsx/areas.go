package xlsx

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/viet"
)

// What a column of a measure's block holds.
type colKind int

const (
	colValue     colKind = iota // a reported count
	colSum                      // total = men + women
	colRatio                    // the measure's ratio on every row
	colFlag                     // units meeting the rule: 1/0 on a body's row, a count on totals
	colUnitShare                // share of units with the flag, on total rows
	colUnits                    // units counted (1 per body; a carried-up unit's tally)
)

type blockCol struct {
	kind  colKind
	label string
	key   string // the figure key of value, sum and flag columns
}

// block is one measure's columns on an area sheet.
type block struct {
	m      *report.Measure
	col    int // first column
	cols   []blockCol
	months int // of the period, for monthly norms
}

// maxDataCols keeps an area sheet readable when printed one page wide; a
// sheet may take up to spareDataCols more rather than leave a last sheet
// with a few columns of its own (a title block, a table of one measure
// and a signature on a page).
const (
	maxDataCols   = 14
	spareDataCols = 3
)

func blockCols(r *report.Report, m *report.Measure, months int) []blockCol {
	if m.HasFlag() {
		return tallyCols(m, months)
	}
	var cols []blockCol
	switch m.Shape {
	case report.ShapeSex:
		cols = []blockCol{{colSum, "Tổng số", "total"}, {colValue, "Nam", "male"}, {colValue, "Nữ", "female"}}
	case report.ShapePair:
		cols = []blockCol{{colValue, r.PartLabel(m, m.First), m.First.Key}, {colValue, r.PartLabel(m, m.Second), m.Second.Key}}
	case report.ShapeCount:
		cols = []blockCol{{colValue, "Số lượng", "value"}}
	}
	if rr := m.RowRatio(); rr != nil {
		cols = append(cols, blockCol{colRatio, rr.Label, ""})
	}
	return cols
}

// tallyCols are the columns of a measure that feeds a share of units
// (a body with a woman leader, a commune with a radio column): each row
// says how many units it counts and how many of them meet the rule, as
// numbers, 1 and 1 or 0 for one body, the sums on a total row and on the
// row of a sub-unit carried up from its own file (many bodies); the share
// is Σ meeting / Σ counted ("5 = 4/3"). A body's row and a total row thus
// show the same thing in the same way.
func tallyCols(m *report.Measure, months int) []blockCol {
	switch m.Shape {
	case report.ShapePosts:
		return []blockCol{{colValue, "Số người", "posts"}, {colValue, "Trong đó nữ", "female"},
			{colUnits, "Số đơn vị", "units"}, {colFlag, "Đơn vị có nữ", "yes"}, {colUnitShare, "Tỷ lệ (%)", ""}}
	case report.ShapeFlag:
		return []blockCol{{colUnits, "Số đơn vị", "units"}, {colFlag, "Số đơn vị có", "yes"}, {colUnitShare, "Tỷ lệ (%)", ""}}
	}
	return []blockCol{{colValue, "Số lượng", "value"}, {colUnits, "Số đơn vị", "units"},
		{colFlag, fmt.Sprintf("Đơn vị đạt (từ %s trở lên)", viet.Decimal(m.Threshold(months), 0)), "yes"}, {colUnitShare, "Tỷ lệ (%)", ""}}
}

// areaSheets lays out the per-area tables, as many sheets as the
// measures need, and records where each measure's totals are.
func areaSheets(r *report.Report, refs map[string]measureRefs) []*sheet {
	var pages [][]*report.Measure
	var used []int // columns of each page
	for _, m := range r.AreaMeasures() {
		n := len(blockCols(r, m, r.Months))
		if len(pages) == 0 || used[len(used)-1]+n > maxDataCols {
			pages, used = append(pages, nil), append(used, 0)
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], m)
		used[len(used)-1] += n
	}
	if k := len(pages); k > 1 && used[k-1] <= spareDataCols && used[k-2]+used[k-1] <= maxDataCols+spareDataCols {
		pages[k-2], pages = append(pages[k-2], pages[k-1]...), pages[:k-1]
	}
	var sheets []*sheet
	for i, ms := range pages {
		suffix := ""
		if len(pages) > 1 {
			suffix = string(rune('a' + i))
		}
		sheets = append(sheets, areaSheet(r, refs, ms, "02"+suffix, i > 0))
	}
	return sheets
}

// areaLayout is the rows of an area sheet.
type areaLayout struct {
	town, sub, first, last, total int // rows; town and sub are 0 without the unit's own bodies
}

func areaSheet(r *report.Report, refs map[string]measureRefs, ms []*report.Measure, form string, more bool) *sheet {
	var blocks []*block
	widths := []float64{5, 18}
	for _, m := range ms {
		b := &block{m: m, col: len(widths) + 1, cols: blockCols(r, m, r.Months), months: r.Months}
		for range b.cols {
			widths = append(widths, 8.5)
		}
		if len(b.cols) == 1 {
			widths[len(widths)-1] = 12.75 // room for the measure's name
		}
		blocks = append(blocks, b)
	}
	s := newSheet(form+"_"+sheetWord(r.P.Unit.Sublevel, 31-len(form)-1), widths)
	title := "SỐ LIỆU THỐNG KÊ VỀ GIỚI THEO " + viet.Upper(r.P.Unit.Sublevel)
	if more {
		title += " (tiếp theo)"
	}
	row := titleBlock(s, r, formLabel(r, form), title)
	s.titleFrom = row
	row = areaHeader(s, r, blocks, row)
	s.titleTo, s.freezeFrom, s.freezeRows, s.freezeCols = row-1, s.titleFrom, row-1, 2
	l := areaRows(s, r, row)
	for _, b := range blocks {
		b.fill(s, r, l)
		refs[b.m.ID] = b.refs(s.name, l)
	}
	if l.town != 0 {
		s.keepNext[l.sub] = true // the sub-units' subtotal with the first sub-unit
	}
	end := signatureBlock(s, r, l.total+2)
	finish(s, l.total-1, end-1)
	return s
}

// sheetWord names a level in ASCII for a sheet name, at most n bytes:
// "xã, phường" → "XaPhuong", "thôn, tổ dân phố" → "ThonToDanPho".
func sheetWord(level string, n int) string {
	var b strings.Builder
	for _, w := range strings.Split(viet.Slug(level), "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	out := b.String()
	if out == "" {
		out = "DonVi"
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func areaHeader(s *sheet, r *report.Report, blocks []*block, h int) int {
	s.merge(h, 1, h+1, 1, "STT", stHead)
	s.merge(h, 2, h+1, 2, "Đơn vị", stHead)
	s.text(h+2, 1, "A", stCode)
	s.text(h+2, 2, "B", stCode)
	top := 20.0
	for _, b := range blocks {
		end := b.col + len(b.cols) - 1
		label := r.Label(b.m)
		s.merge(h, b.col, h, end, label, stHead)
		top = max(top, fitHeight(label, stHead, spanPoints(s.widths, b.col, end)))
		for i, c := range b.cols {
			s.text(h+1, b.col+i, c.label, stHead)
			s.text(h+2, b.col+i, b.code(i), stCode)
		}
	}
	s.height(h, top)
	s.height(h+1, headerHeight(s, h+1))
	s.height(h+2, 15)
	return h + 3
}

// code is the column's number in the numbering row, with how a computed
// column is derived: "(4) = (3)/(1)".
func (b *block) code(i int) string {
	n := func(key string) int {
		for j, c := range b.cols {
			if c.key == key && c.kind != colRatio {
				return b.col + j - 2
			}
		}
		return 0
	}
	self := b.col + i - 2
	switch b.cols[i].kind {
	case colSum:
		return fmt.Sprintf("%d = %d + %d", self, n("male"), n("female"))
	case colUnitShare:
		return fmt.Sprintf("%d = %d/%d", self, n("yes"), n("units"))
	case colRatio:
		rr := b.m.RowRatio()
		return fmt.Sprintf("%d = %d/%d", self, n(rr.Numerator), n(rr.Denominator))
	}
	return fmt.Sprint(self)
}

// areaRows writes the row labels: the unit's own bodies (I), the
// sub-units' subtotal (II) and each sub-unit, then the grand total.
func areaRows(s *sheet, r *report.Report, row int) areaLayout {
	var l areaLayout
	bold := Style{Size: 12, Bold: true, Align: "left", VAlign: "center", Wrap: true, Border: true}
	if r.Town != nil {
		l.town, l.sub = row, row+1
		s.text(row, 1, "I", stGroupNo)
		s.text(row, 2, r.Town.Name, bold)
		s.text(row+1, 1, "II", stGroupNo)
		s.text(row+1, 2, "Cấp "+r.P.Unit.Sublevel, bold)
		s.height(row, 15.75)
		s.height(row+1, max(15.75, fitHeight("Cấp "+r.P.Unit.Sublevel, bold, colPoints(s.widths[1]))))
		row += 2
	}
	l.first = row
	for i, e := range r.Subunits {
		s.text(row, 1, int64(i+1), stCenter)
		s.text(row, 2, e.Name, stText)
		if src := r.Sources[e.ID]; src != nil {
			s.remark(row, 2, carriedRemark(&r.Subunits[i], src))
		}
		s.height(row, max(15.75, fitHeight(e.Name, stText, colPoints(s.widths[1]))))
		row++
	}
	l.last, l.total = row-1, row
	s.text(row, 1, nil, stGroupNo)
	s.text(row, 2, "Toàn "+r.P.Unit.Level, bold)
	s.height(row, 15.75)
	return l
}

// adds is what a total row adds up in a column: the sub-units for the
// subtotal (and for the total when there is no town row), the town row
// and the subtotal for the total.
func (l areaLayout) adds(row, col int) string {
	if row == l.total && l.town != 0 {
		return ref(l.town, col) + "," + ref(l.sub, col)
	}
	return span(l.first, col, l.last, col)
}

// unitCells are the cells of every unit in a column (for COUNT): the unit's
// own bodies and the sub-units, without subtotal rows.
func (l areaLayout) unitCells(col int) string {
	cells := span(l.first, col, l.last, col)
	if l.town != 0 {
		cells = ref(l.town, col) + "," + cells
	}
	return cells
}

// entitiesOf lists the entities a row adds up: one for a unit's row, the
// sub-units for the subtotal, all for the total.
func (l areaLayout) entitiesOf(r *report.Report, row int) []*report.Entity {
	areas := r.Areas()
	switch {
	case row == l.total:
		return areas
	case row == l.sub:
		return areas[1:]
	case row == l.town:
		return areas[:1]
	}
	i := row - l.first
	if r.Town != nil {
		i++
	}
	return areas[i : i+1]
}

// rows lists the rows of an area table in order.
func (l areaLayout) rows() []int {
	var rows []int
	if l.town != 0 {
		rows = append(rows, l.town, l.sub)
	}
	for row := l.first; row <= l.total; row++ {
		rows = append(rows, row)
	}
	return rows
}

// fill writes the block's cells on every row.
func (b *block) fill(s *sheet, r *report.Report, l areaLayout) {
	for _, row := range l.rows() {
		f, reported := b.sums(r, l.entitiesOf(r, row))
		total := row == l.total || row == l.sub
		for i, c := range b.cols {
			col := b.col + i
			switch {
			case !b.applies(r, l, row):
				// Not applicable: "x", as statistical forms mark such
				// cells; SUM and COUNT ignore the text.
				s.text(row, col, "x", stCenter)
			case c.kind == colRatio:
				b.ratioCell(s, row, col, f, total)
			case c.kind == colUnitShare:
				b.shareCell(s, row, col, f, total)
			case total:
				// A total over units none of which reported stays empty:
				// missing is not zero.
				rng := l.adds(row, col)
				var v any = ""
				if reported {
					v = f[c.key]
				}
				s.formula(row, col, fmt.Sprintf(`IF(COUNT(%s)=0,"",SUM(%s))`, rng, rng), v, numStyle("#,##0", true))
			case b.carriedRow(r, l, row):
				// A sub-unit's totals from its own file: change them there.
				b.carriedCell(s, row, col, c, f, reported)
			default:
				b.unitCell(s, row, col, c, f, reported)
				if c.kind == colValue || b.typedFlag(c) {
					s.input(row, col, c.kind == colFlag)
				}
			}
		}
	}
}

// applies reports whether the block's measure applies to a row: not to
// the unit's own row when only the sub-units count or the unit has no such
// body, not to the sub-units' rows when they have none (a village has no
// HĐND).
func (b *block) applies(r *report.Report, l areaLayout, row int) bool {
	switch {
	case row == l.total:
		return b.m.PresentAt(r.Tier) && !b.m.SubunitsOnly() || b.m.PresentAt(r.SubTier)
	case row == l.town:
		return b.m.PresentAt(r.Tier) && !b.m.SubunitsOnly()
	}
	return b.m.PresentAt(r.SubTier)
}

// sums adds up each key of the measure over entities; reported says
// whether any of them reported.
func (b *block) sums(r *report.Report, es []*report.Entity) (report.Figures, bool) {
	sum, reported := report.Figures{}, false
	for _, e := range es {
		if f := r.Get(e.ID, b.m.ID); f != nil {
			reported = true
			for k, v := range f {
				sum[k] += v
			}
		}
	}
	return sum, reported
}

func (b *block) colOf(key string) int {
	for i, c := range b.cols {
		if c.key == key && c.kind != colRatio {
			return b.col + i
		}
	}
	return 0
}

// ratioCell is the measure's ratio of two cells of the same row.
func (b *block) ratioCell(s *sheet, row, col int, f report.Figures, total bool) {
	rr := b.m.RowRatio()
	n, d := ref(row, b.colOf(rr.Numerator)), ref(row, b.colOf(rr.Denominator))
	v, ok := report.Compute(float64(f[rr.Numerator]), float64(f[rr.Denominator]), rr.Mult(), rr.Dec())
	s.formula(row, col, fmt.Sprintf(`IF(SUM(%s)=0,"",ROUND(SUM(%s)/SUM(%s)*%s,%d))`, d, n, d, num(rr.Mult()), rr.Dec()),
		cached(ok, v), numStyle(decimalsFormat(rr.Dec()), total))
}

// shareCell is the share of units meeting the rule, on the total rows
// only: the row's own totals of units meeting it over units counted.
func (b *block) shareCell(s *sheet, row, col int, f report.Figures, total bool) {
	if !total {
		s.text(row, col, nil, numStyle("#,##0", false))
		return
	}
	v, ok := report.Compute(float64(f["yes"]), float64(f["units"]), 100, 2)
	y, u := ref(row, b.colOf("yes")), ref(row, b.colOf("units"))
	s.formula(row, col, fmt.Sprintf(`IF(SUM(%s)=0,"",ROUND(SUM(%s)/SUM(%s)*100,2))`, u, y, u), cached(ok, v), numStyle("0.00", true))
}

// carriedRow reports whether a row is a sub-unit whose figures come from
// its own file.
func (b *block) carriedRow(r *report.Report, l areaLayout, row int) bool {
	if row == l.total || row == l.sub || row == l.town {
		return false
	}
	es := l.entitiesOf(r, row)
	return len(es) == 1 && r.Sources[es[0].ID] != nil
}

// carriedCell is a cell of a carried-up sub-unit's row: its totals as
// numbers (a flag column counts the units meeting the rule), the row's
// computed columns as on any row.
func (b *block) carriedCell(s *sheet, row, col int, c blockCol, f report.Figures, reported bool) {
	switch {
	case c.kind == colSum:
		b.unitCell(s, row, col, c, f, reported)
	case !reported:
		s.text(row, col, nil, numStyle("#,##0", false))
	default:
		s.text(row, col, f[c.key], numStyle("#,##0", false))
	}
}

// typedFlag reports a column of units meeting the rule that is typed in,
// 1 or 0, rather than computed: the flag of a yes/no measure.
func (b *block) typedFlag(c blockCol) bool {
	return c.kind == colFlag && b.m.Shape == report.ShapeFlag
}

// unitCell is a cell of one unit's row: its count, or a formula computed
// from its counts; empty when the unit has not reported.
func (b *block) unitCell(s *sheet, row, col int, c blockCol, f report.Figures, reported bool) {
	computed := c.kind == colSum || c.kind == colUnits || c.kind == colFlag && !b.typedFlag(c)
	number := numStyle("#,##0", false)
	switch {
	case computed && !reported:
		s.formula(row, col, b.rowFormula(row, c), "", number)
	case c.kind == colUnits:
		s.formula(row, col, b.rowFormula(row, c), int64(1), number) // one body
	case computed:
		s.formula(row, col, b.rowFormula(row, c), f[c.key], number)
	case !reported:
		s.text(row, col, nil, number)
	default:
		s.text(row, col, f[c.key], number)
	}
}

// rowFormula is the formula of a computed column on a unit's row. An
// empty data cell is tested with COUNT, on which every spreadsheet engine
// agrees (excelize's evaluator does not treat a blank cell as "").
func (b *block) rowFormula(row int, c blockCol) string {
	switch c.kind {
	case colSum:
		m, f := ref(row, b.colOf("male")), ref(row, b.colOf("female"))
		return fmt.Sprintf(`IF(COUNT(%s,%s)=0,"",SUM(%s,%s))`, m, f, m, f)
	case colUnits:
		// One body, counted once it has reported what the rule reads.
		return fmt.Sprintf(`IF(COUNT(%s)=0,"",1)`, ref(row, b.colOf(b.reportedKey())))
	}
	if b.m.Shape == report.ShapePosts {
		p, f := ref(row, b.colOf("posts")), ref(row, b.colOf("female"))
		return fmt.Sprintf(`IF(COUNT(%s)=0,"",IF(%s>0,1,0))`, p, f)
	}
	v := ref(row, b.colOf("value"))
	return fmt.Sprintf(`IF(COUNT(%s)=0,"",IF(%s>=%s,1,0))`, v, v, num(b.m.Threshold(b.months)))
}

// reportedKey is the figure whose presence says a body reported the
// measure: its posts, its count, or its yes/no.
func (b *block) reportedKey() string {
	switch b.m.Shape {
	case report.ShapePosts:
		return "posts"
	case report.ShapeFlag:
		return "yes"
	}
	return "value"
}

func (b *block) refs(sheetName string, l areaLayout) measureRefs {
	mr := measureRefs{total: map[string]string{}, sub: map[string]string{},
		units: map[string][]string{}, subUnit: map[string][]string{}, own: map[string]string{}}
	sub := l.total
	if l.sub != 0 {
		sub = l.sub
	}
	for i, c := range b.cols {
		if c.key == "" {
			continue
		}
		col := b.col + i
		mr.total[c.key] = quoted(sheetName, ref(l.total, col))
		mr.sub[c.key] = quoted(sheetName, ref(sub, col))
		mr.units[c.key] = quotedAll(sheetName, l.unitCells(col))
		mr.subUnit[c.key] = quotedAll(sheetName, span(l.first, col, l.last, col))
		if l.town != 0 {
			mr.own[c.key] = quoted(sheetName, ref(l.town, col))
		}
	}
	return mr
}

// quotedAll prefixes each of a comma-separated list of references with
// the sheet's name.
func quotedAll(sheetName, refs string) []string {
	var out []string
	for _, part := range strings.Split(refs, ",") {
		out = append(out, quoted(sheetName, part))
	}
	return out
}
