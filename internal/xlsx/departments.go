package xlsx

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/viet"
)

// Columns of the departments sheet.
const (
	dNo = iota + 1
	dName
	dUnit
	dTotal
	dMale
	dFemale
	dRatio
	dDept
	dNote
)

// departmentSheet lays out the figures departments report, one row per
// count: a pair's second count is a "Trong đó" row carrying the ratio. It
// returns nil when the catalogue has no department measures.
func departmentSheet(r *report.Report, refs map[string]measureRefs) *sheet {
	ms := r.DepartmentMeasures()
	if len(ms) == 0 {
		return nil
	}
	name := "03_Nganh"
	if r.Tier == report.Commune || r.Tier == report.Village {
		name = "03_CoQuan"
	}
	s := newSheet(name, []float64{5, 49.5, 8.5, 9.5, 8.5, 8.5, 9.5, 27, 14.5})
	row := titleBlock(s, r, formLabel(r, "03"), "SỐ LIỆU DO CÁC "+viet.Upper(report.DeptWord(r.Tier))+" CUNG CẤP")
	s.titleFrom = row
	row = departmentHeader(s, row)
	s.titleTo, s.freezeFrom, s.freezeRows = row-1, s.titleFrom, row-1
	last := row
	for i, m := range ms {
		last = row
		refs[m.ID], row = departmentRows(s, r, m, i+1, row)
	}
	end := signatureBlock(s, r, row+1)
	finish(s, last, end-1)
	return s
}

func departmentHeader(s *sheet, h int) int {
	labels := []string{"STT", "Nội dung", "Đơn vị tính", "Tổng số", "Nam", "Nữ", "Tỷ lệ, tỷ số", "Đơn vị cung cấp", "Ghi chú"}
	codes := []string{"A", "B", "C", "1", "2", "3", "4", "D", "E"}
	for i, l := range labels {
		s.text(h, i+1, l, stHead)
		s.text(h+1, i+1, codes[i], stCode)
	}
	s.height(h, headerHeight(s, h))
	s.height(h+1, 15)
	return h + 2
}

// departmentRows writes one measure and returns where its counts are.
func departmentRows(s *sheet, r *report.Report, m *report.Measure, n, row int) (measureRefs, int) {
	mr := measureRefs{total: map[string]string{}, sub: map[string]string{}, units: map[string][]string{}, subUnit: map[string][]string{}}
	dept := r.DeptOf[m.ID]
	f := report.Figures(nil)
	if dept != nil {
		f = r.Get(dept.ID, m.ID)
	}
	at := func(key string, row, col int) {
		q := quoted(s.name, ref(row, col))
		mr.total[key], mr.units[key] = q, []string{q}
		mr.sub[key], mr.subUnit[key] = q, []string{q}
	}
	first := row
	s.text(row, dNo, int64(n), stCenter)
	switch m.Shape {
	case report.ShapeSex:
		s.text(row, dName, r.Label(m), stText)
		sexRow(s, row, f)
		at("total", row, dTotal)
		at("male", row, dMale)
		at("female", row, dFemale)
		if rr := m.RowRatio(); rr != nil {
			cellOf := map[string]string{"total": ref(row, dTotal), "male": ref(row, dMale), "female": ref(row, dFemale)}
			ratioCell(s, row, rr, f, cellOf[rr.Numerator], cellOf[rr.Denominator])
		}
	case report.ShapePair:
		s.text(row, dName, r.PartLabel(m, m.First), stText)
		s.text(row, dUnit, m.PartUnit(m.First.Key), stCenter)
		countCell(s, row, dTotal, f, m.First.Key)
		at(m.First.Key, row, dTotal)
		s.keepNext[row] = true
		row++
		s.text(row, dName, r.PartLabel(m, m.Second), secondStyle(m))
		s.text(row, dUnit, m.PartUnit(m.Second.Key), stCenter)
		countCell(s, row, dTotal, f, m.Second.Key)
		at(m.Second.Key, row, dTotal)
		if rr := m.RowRatio(); rr != nil {
			cellOf := map[string]string{m.First.Key: ref(first, dTotal), m.Second.Key: ref(row, dTotal)}
			ratioCell(s, row, rr, f, cellOf[rr.Numerator], cellOf[rr.Denominator])
		}
	default:
		s.text(row, dName, r.Label(m), stText)
		countCell(s, row, dTotal, f, "value")
		at("value", row, dTotal)
	}
	for rr := first; rr <= row; rr++ {
		fillBlank(s, rr, m)
	}
	deptCells(s, m, dept, f, first, row)
	return mr, row + 1
}

// secondStyle sets a pair's second count in italics when it is a part of
// the first ("Trong đó: …", subset), upright when it is a count of its own
// (maternal deaths are not a part of births).
func secondStyle(m *report.Measure) Style {
	if m.Subset {
		return stPartOf
	}
	return stText
}

// stPartOf is a "Trong đó:" row.
var stPartOf = Style{Size: 12, Italic: true, Align: "left", VAlign: "center", Wrap: true, Border: true}

// fillBlank completes a row with its unit and empty number cells, and
// sizes it to its text.
func fillBlank(s *sheet, row int, m *report.Measure) {
	if !s.at(row, dUnit).set {
		s.text(row, dUnit, m.Unit, stCenter)
	}
	for c := dTotal; c <= dRatio; c++ {
		if !s.at(row, c).set {
			s.text(row, c, nil, numStyle("#,##0", false))
		}
	}
	h := 15.75
	for _, c := range []int{dName, dUnit} {
		if v, ok := s.at(row, c).v.(string); ok {
			h = max(h, fitHeight(v, s.at(row, c).style, colPoints(s.widths[c-1])))
		}
	}
	s.height(row, h)
}

// deptCells writes the number, the department and the note once for the
// rows of a measure, merged over them.
func deptCells(s *sheet, m *report.Measure, dept *report.Entity, f report.Figures, first, last int) {
	name, note := "", ""
	if dept != nil {
		name = dept.Name
	}
	if f == nil {
		note = report.WordNoData
	} else if rr := m.RowRatio(); rr != nil && !strings.HasPrefix(rr.Label, "Tỷ lệ") {
		note = "Cột 4: " + rr.Label
	}
	n := s.at(first, dNo).v
	s.merge(first, dNo, last, dNo, n, stCenter)
	s.merge(first, dDept, last, dDept, name, stText)
	s.merge(first, dNote, last, dNote, note, stNote)
	have := 0.0
	for r := first; r <= last; r++ {
		have += s.rowHeight(r)
	}
	need := max(fitHeight(name, stText, colPoints(s.widths[dDept-1])), fitHeight(note, stNote, colPoints(s.widths[dNote-1])))
	if need > have {
		s.height(last, s.rowHeight(last)+need-have)
	}
}

func countCell(s *sheet, row, col int, f report.Figures, key string) {
	s.input(row, col, false)
	if f == nil {
		s.text(row, col, nil, numStyle("#,##0", false))
		return
	}
	s.text(row, col, f[key], numStyle("#,##0", false))
}

func sexRow(s *sheet, row int, f report.Figures) {
	countCell(s, row, dMale, f, "male")
	countCell(s, row, dFemale, f, "female")
	m, w := ref(row, dMale), ref(row, dFemale)
	var v any = ""
	if f != nil {
		v = f["total"]
	}
	s.formula(row, dTotal, fmt.Sprintf(`IF(COUNT(%s,%s)=0,"",SUM(%s,%s))`, m, w, m, w), v, numStyle("#,##0", false))
}

func ratioCell(s *sheet, row int, rr *report.Ratio, f report.Figures, n, d string) {
	v, ok := 0.0, false
	if f != nil {
		v, ok = report.Compute(float64(f[rr.Numerator]), float64(f[rr.Denominator]), rr.Mult(), rr.Dec())
	}
	s.formula(row, dRatio, fmt.Sprintf(`IF(SUM(%s)=0,"",ROUND(SUM(%s)/SUM(%s)*%s,%d))`, d, n, d, num(rr.Mult()), rr.Dec()),
		cached(ok, v), numStyle(decimalsFormat(rr.Dec()), false))
}
