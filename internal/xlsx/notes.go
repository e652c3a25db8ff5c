package xlsx

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/viet"
)

// notesSheet explains the figures: how they were computed and judged,
// which units have not reported, what the indicators rest on, and the
// report's own notes. It is a page of a signed annex, so it holds what the
// People's Committee states; how the workbook was made, and what the
// catalogue is unsure of, are comments that are not printed.
func notesSheet(r *report.Report) *sheet {
	s := newSheet("04_GhiChu", []float64{6, 62, 65.5})
	row := titleBlock(s, r, formLabel(r, "04"), "GHI CHÚ, GIẢI THÍCH SỐ LIỆU")
	s.remark(s.titleRow, 1, protectionRemark)
	for i, n := range notes(r) {
		s.text(row, 1, fmt.Sprintf("%d.", i+1), Style{Size: 12, Align: "right", VAlign: "top"})
		s.merge(row, 2, row, 3, n, stPlain)
		s.height(row, fitHeight(n, stPlain, spanPoints(s.widths, 2, 3)))
		row++
	}
	finish(s, row-1, row-1)
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
		"Đánh giá: so sánh kết quả với chỉ tiêu kế hoạch năm; chỉ tiêu không có kế hoạch năm được so với kế hoạch giai đoạn (hoặc mục tiêu quốc gia nếu kế hoạch địa phương không quy định). Kết quả được làm tròn đến số chữ số thập phân của chỉ tiêu trước khi so sánh. \"Trên\" là lớn hơn hẳn, \"từ … trở lên\" là lớn hơn hoặc bằng.",
	)
	if ids := subunitIndicators(r); ids != "" {
		out = append(out, fmt.Sprintf("Chỉ tính cho các %s, không tính cấp %s: %s. Ô của cấp %s ở các số liệu chỉ dùng cho các chỉ tiêu này ghi \"x\" (không áp dụng).", r.P.Unit.Sublevel, lvl, ids, lvl))
	}
	if r.HalfYear() {
		out = append(out, halfYearNote(r))
	}
	out = append(out, missingNotes(r)...)
	out = append(out, carriedNotes(r)...)
	out = append(out, indicatorNotes(r)...)
	out = append(out, r.P.Notes...)
	return out
}

// protectionRemark tells the clerk, on the title of Biểu 04, why the
// sheets are locked and how figures are changed; it is a comment, not a
// note of the annex.
const protectionRemark = "Các biểu được khóa (bảo vệ trang tính, không đặt mật khẩu). Các ghi chú, danh sách đơn vị chưa có số liệu và dòng chỉ tiêu chưa đánh giá được lập cùng lúc với biểu, theo tệp số liệu: muốn bổ sung, sửa số liệu thì sửa tệp số liệu rồi lập lại biểu (vanban render). Nếu bỏ khóa (Xem lại › Bỏ bảo vệ trang tính) để sửa trực tiếp, các công thức tự tính lại kết quả và đánh giá nhưng các ghi chú không tự cập nhật. Ô nhập số liệu chỉ nhận số nguyên từ 0 trở lên (ô có/không nhận 1 hoặc 0). Dấu thập phân và dấu phân cách hàng nghìn hiện theo cài đặt vùng (Region) của máy: máy đặt Tiếng Việt hiện 63,55 và 5.465; máy đặt English (United States) hiện 63.55 và 5,465, cùng một con số; trước khi in, nên đặt vùng Tiếng Việt. Ghi chú này không in ra."

// missingNotes lists, per unit, the figures it has not reported: the
// unit's own bodies, each sub-unit, each department, and the department
// measures no department reports.
func missingNotes(r *report.Report) []string {
	var out []string
	for _, e := range append(append([]*report.Entity(nil), r.Areas()...), departmentsOf(r)...) {
		var labels []string
		for _, m := range append(r.AreaMeasures(), r.DepartmentMeasures()...) {
			if r.Get(e.ID, m.ID) != nil || !r.Expects(e, m) {
				continue
			}
			labels = append(labels, r.Label(m))
		}
		switch {
		case len(labels) > 0 && e == r.Town:
			out = append(out, fmt.Sprintf("Chưa có số liệu: %s (%s); các chỉ tiêu cần số liệu này không tính được, ghi \"%s\".", e.Name, strings.Join(labels, "; "), report.WordNoData))
		case len(labels) > 0:
			out = append(out, fmt.Sprintf("Chưa có số liệu: %s (%s).", e.Name, strings.Join(labels, "; ")))
		}
	}
	for _, m := range r.DepartmentMeasures() {
		if r.DeptOf[m.ID] == nil {
			out = append(out, fmt.Sprintf("Chưa có số liệu: %s (chưa có %s nào báo cáo).", r.Label(m), report.DeptWord(r.Tier)))
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

// indicatorNotes lists indicators not assessed locally, the catalogue's
// notes, values resting on few cases, and sources.
func indicatorNotes(r *report.Report) []string {
	var out, sources, unassessed []string
	for i := range r.Results {
		res := &r.Results[i]
		ind := res.Ind
		label := fmt.Sprintf("Chỉ tiêu %d (%s)", ind.Row, ind.ID)
		switch {
		case !ind.AssessedAt(r.Tier):
			unassessed = append(unassessed, fmt.Sprintf("%d (%s)", ind.Row, ind.ID))
		case ind.Note != "":
			out = append(out, fmt.Sprintf("%s: %s.", label, strings.TrimSuffix(r.IndText(ind, ind.Note), ".")))
		}
		if res.SmallBase {
			out = append(out, fmt.Sprintf("%s: %s. Với số trường hợp nhỏ như vậy, tỷ số dao động ngẫu nhiên lớn giữa các kỳ và giữa các đơn vị nên không đủ ý nghĩa thống kê (cần từ %s trường hợp trở lên); kết quả vẫn được tính và so sánh với kế hoạch nhưng chỉ có tính tham khảo.",
				label, lowerFirst(smallBase(r, res)), viet.Int(int64(ind.MinBase))))
		}
		if ind.Source != "" && ind.AssessedAt(r.Tier) {
			sources = append(sources, fmt.Sprintf("- Chỉ tiêu %d (%s): %s.", ind.Row, ind.ID, strings.TrimSuffix(r.IndText(ind, ind.Source), ".")))
		}
	}
	if len(unassessed) > 0 {
		// One line, not one per indicator: a commune's annex would give
		// most of a page to the national and provincial indicators.
		out = append([]string{fmt.Sprintf("Không đánh giá ở cấp %s (chỉ tiêu đánh giá ở cấp khác hoặc bằng điều tra của cơ quan thống kê; lý do của từng chỉ tiêu ghi ở cột Ghi chú của Biểu 01): chỉ tiêu %s.",
			r.P.Unit.Level, strings.Join(unassessed, ", "))}, out...)
	}
	if len(sources) > 0 {
		out = append(out, "Nguồn số liệu theo chỉ tiêu:\n"+strings.Join(sources, "\n"))
	}
	return out
}

// halfYearNote says how a half-year report judges each indicator: rates
// and values at a date as the annual report does; quantities that
// accumulate towards a yearly target are in progress.
func halfYearNote(r *report.Report) string {
	var progress []string
	for i := range r.Results {
		if ind := r.Results[i].Ind; ind.AssessedAt(r.Tier) && ind.Progress() {
			progress = append(progress, fmt.Sprintf("%d (%s)", ind.Row, ind.ID))
		}
	}
	t := "Báo cáo 6 tháng: các chỉ tiêu là tỷ lệ, tỷ số hoặc số tại một thời điểm được đánh giá như báo cáo năm, vì số liệu nửa năm cho cùng một loại tỷ lệ."
	if len(progress) > 0 {
		t += " Các chỉ tiêu cộng dồn đến hết năm mới so được với chỉ tiêu năm (chỉ tiêu " + strings.Join(progress, ", ") +
			") ghi \"Đang thực hiện\"; cột \"% so với kế hoạch\" cho biết tiến độ, và các chỉ tiêu này được đánh giá khi tổng kết năm."
	}
	return t
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
