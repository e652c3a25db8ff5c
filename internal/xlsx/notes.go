package xlsx

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/viet"
)

// notesSheet explains the figures: how they were computed and judged,
// which units have not reported, uncertain national targets, and notes.
func notesSheet(r *report.Report) *sheet {
	s := newSheet("04_GhiChu", []float64{6, 70, 74})
	row := titleBlock(s, r, "Biểu số 04", "GHI CHÚ, GIẢI THÍCH SỐ LIỆU")
	for i, n := range notes(r) {
		s.text(row, 1, fmt.Sprintf("%d.", i+1), Style{Size: 12, Align: "right", VAlign: "top"})
		s.merge(row, 2, row, 3, n, stPlain)
		s.height(row, fitHeight(n, stPlain, spanPoints(s.widths, 2, 3)))
		row++
	}
	paginate(s, row-1, row-1)
	return s
}

func notes(r *report.Report) []string {
	var out []string
	if r.P.Document.Illustrative {
		out = append(out, "Số liệu trong các biểu là số liệu minh họa (giả định) để hướng dẫn cách lập biểu, không phải số liệu thống kê thực tế.")
	}
	basis := ""
	if len(r.Cat.Basis) > 0 {
		basis = " (" + strings.Join(r.Cat.Basis, "; ") + ")"
	}
	out = append(out, "Bộ chỉ tiêu: "+r.Cat.Title+basis+".")
	if !r.P.Period.Cutoff.IsZero() {
		out = append(out, "Số liệu tính đến "+r.P.Period.Cutoff.Long()+".")
	}
	lvl := r.P.Unit.Level
	out = append(out,
		fmt.Sprintf("Cách tính: tỷ lệ của toàn %s bằng tổng tử số chia cho tổng mẫu số của các đơn vị có số liệu (nhân 100), không lấy trung bình cộng các tỷ lệ của từng đơn vị. Đơn vị chưa có số liệu bị loại khỏi cả tử số và mẫu số; ô để trống là chưa có số liệu, số 0 là có báo cáo và bằng 0. Kết quả và đánh giá tính trên các đơn vị đã báo cáo; cột Ghi chú của Biểu 01 ghi số đơn vị đã báo cáo và tên đơn vị chưa báo cáo.", lvl),
		fmt.Sprintf("Chỉ tiêu tỷ lệ đơn vị (ví dụ UBND có lãnh đạo chủ chốt là nữ) bằng số đơn vị đạt điều kiện chia cho số đơn vị có số liệu (nhân 100); tính cả cấp %s và các %s, trừ các chỉ tiêu chỉ tính cho %s.", lvl, r.P.Unit.Sublevel, r.P.Unit.Sublevel),
		"Đánh giá: so sánh kết quả với chỉ tiêu kế hoạch năm; chỉ tiêu không có kế hoạch năm được so với kế hoạch giai đoạn (hoặc mục tiêu quốc gia nếu kế hoạch địa phương không quy định). Kết quả được làm tròn đến số chữ số thập phân của chỉ tiêu trước khi so sánh, nên số in ra và kết quả đánh giá luôn khớp nhau. \"Trên\" là lớn hơn hẳn, \"từ … trở lên\" là lớn hơn hoặc bằng.",
	)
	if ids := subunitIndicators(r); ids != "" {
		out = append(out, fmt.Sprintf("Chỉ tính cho các %s, không tính cấp %s: %s. Ô của cấp %s ở các số liệu chỉ dùng cho các chỉ tiêu này ghi \"x\" (không áp dụng).", r.P.Unit.Sublevel, lvl, ids, lvl))
	}
	if r.HalfYear() {
		out = append(out, "Báo cáo 6 tháng: các chỉ tiêu cộng dồn trong năm (việc làm mới, trẻ sinh ra, vụ việc, người được hỗ trợ…) ghi \"Đang thực hiện\" và chưa so với chỉ tiêu năm; cột \"% so với kế hoạch\" cho biết tiến độ. Các chỉ tiêu này được đánh giá khi tổng kết năm.")
	}
	out = append(out, missingNotes(r)...)
	out = append(out, indicatorNotes(r)...)
	out = append(out, r.P.Notes...)
	return out
}

// missingNotes lists, per unit, the figures it has not reported.
func missingNotes(r *report.Report) []string {
	var out []string
	for _, e := range append(append([]*report.Entity(nil), r.Areas()...), departmentsOf(r)...) {
		var labels []string
		for _, m := range append(r.AreaMeasures(), r.DepartmentMeasures()...) {
			if e == r.Town || r.Get(e.ID, m.ID) != nil || !expects(r, e, m) {
				continue
			}
			labels = append(labels, m.Label)
		}
		if len(labels) > 0 {
			out = append(out, fmt.Sprintf("Chưa có số liệu: %s (%s).", e.Name, strings.Join(labels, "; ")))
		}
	}
	for _, m := range r.DepartmentMeasures() {
		if r.DeptOf[m.ID] == nil {
			out = append(out, fmt.Sprintf("Chưa có số liệu: %s (chưa có phòng, ban, ngành nào báo cáo).", m.Label))
		}
	}
	return out
}

func departmentsOf(r *report.Report) []*report.Entity {
	var out []*report.Entity
	for i := range r.Departments {
		out = append(out, &r.Departments[i])
	}
	return out
}

// expects reports whether entity e should report measure m: sub-units
// report area measures, and a department the measures it took on.
func expects(r *report.Report, e *report.Entity, m *report.Measure) bool {
	if m.From == report.FromDepartments {
		return r.DeptOf[m.ID] == e
	}
	for _, s := range r.Subunits {
		if s.ID == e.ID {
			return true
		}
	}
	return false
}

// indicatorNotes lists indicators not assessed locally, national targets
// that are not confirmed, sources and the report's own notes.
func indicatorNotes(r *report.Report) []string {
	var out, sources []string
	for i := range r.Results {
		res := &r.Results[i]
		ind := res.Ind
		label := fmt.Sprintf("Chỉ tiêu %d (%s)", ind.Row, ind.ID)
		if !ind.Assessable() {
			out = append(out, fmt.Sprintf("%s không đánh giá ở cấp %s: %s", label, r.P.Unit.Level, strings.TrimSuffix(ind.Note, ".")+"."))
		}
		if u := ind.Uncertain[itoa(res.PlanNational)]; res.PlanNational > 0 && u != "" {
			out = append(out, fmt.Sprintf("%s: mục tiêu quốc gia năm %d dùng làm kế hoạch giai đoạn chưa được kiểm chứng (%s).", label, res.PlanNational, u))
		}
		if res.SmallBase {
			out = append(out, fmt.Sprintf("%s: %s. Với số trường hợp nhỏ như vậy, tỷ số dao động ngẫu nhiên lớn giữa các kỳ và giữa các đơn vị nên không đủ ý nghĩa thống kê (cần từ %s trường hợp trở lên); kết quả vẫn được tính và so sánh với kế hoạch nhưng chỉ có tính tham khảo.",
				label, lowerFirst(smallBase(r, res)), viet.Int(int64(ind.MinBase))))
		}
		if ind.Source != "" {
			sources = append(sources, fmt.Sprintf("- Chỉ tiêu %d (%s): %s.", ind.Row, ind.ID, strings.TrimSuffix(ind.Source, ".")))
		}
	}
	if len(sources) > 0 {
		out = append(out, "Nguồn số liệu theo chỉ tiêu:\n"+strings.Join(sources, "\n"))
	}
	return out
}

// subunitIndicators lists the assessed indicators that count the
// sub-units only: "chỉ tiêu 12 (MT4.CT1), 17 (MT5.CT3)".
func subunitIndicators(r *report.Report) string {
	var ids []string
	for i := range r.Cat.Indicators {
		if ind := &r.Cat.Indicators[i]; ind.Assessable() && ind.SubunitsOnly() {
			ids = append(ids, fmt.Sprintf("%d (%s)", ind.Row, ind.ID))
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return "chỉ tiêu " + strings.Join(ids, ", ")
}

// lowerFirst lowercases the first letter, to continue a sentence.
func lowerFirst(s string) string {
	for i, c := range s {
		return strings.ToLower(string(c)) + s[i+len(string(c)):]
	}
	return s
}
