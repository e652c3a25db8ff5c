package xlsx

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/report"
)

// maxListed is the most sub-units a note names one by one.
const maxListed = 30

// carriedNotes say, in the words of the report, which sub-units' figures
// were added up from their own reports, and which of their own sub-units
// those reports lack. The files they came from are the clerk's business:
// carriedRemarks puts them in comments on Biểu 02.
func carriedNotes(r *report.Report) []string {
	if !r.Carried() {
		return nil
	}
	var names, out []string
	for _, e := range r.Subunits {
		src := r.Sources[e.ID]
		if src == nil {
			continue
		}
		names = append(names, e.Name)
		var parts []string
		for _, m := range r.AreaMeasures() {
			if lack := src.Incomplete[m.ID]; len(lack) > 0 {
				parts = append(parts, fmt.Sprintf("%s: chưa có số liệu của %s", r.Label(m), strings.Join(lack, ", ")))
			}
		}
		if len(parts) > 0 {
			out = append(out, fmt.Sprintf("Số liệu của %s chưa đủ: %s.", e.Name, strings.Join(parts, "; ")))
		}
	}
	list := ": " + strings.Join(names, ", ")
	if len(names) > maxListed {
		list = ""
	}
	head := fmt.Sprintf("Số liệu của %d %s được tổng hợp từ báo cáo của từng đơn vị (gồm số liệu của đơn vị và các đơn vị trực thuộc; chỉ tiêu tỷ lệ đơn vị cộng số đơn vị và số đơn vị đạt điều kiện)%s.",
		len(names), r.P.Unit.Sublevel, list)
	out = append([]string{head}, out...)
	if n := departmentsLeft(r); n != "" {
		out = append(out, n)
	}
	return out
}

// departmentsLeft says that the carried sub-units' own departments'
// figures (Công an xã…) are not added to this report's: its own
// departments report for the whole unit (Biểu 03), and adding both would
// count the same cases twice.
func departmentsLeft(r *report.Report) string {
	var names []string
	for _, e := range r.Subunits {
		if src := r.Sources[e.ID]; src != nil {
			names = append(names, src.Departments...)
		}
	}
	if len(names) == 0 {
		return ""
	}
	list := " (" + strings.Join(names, ", ") + ")"
	if len(names) > maxListed {
		list = fmt.Sprintf(" (%d cơ quan, đơn vị)", len(names))
	}
	return fmt.Sprintf("Số liệu của các cơ quan, đơn vị thuộc %s%s không cộng vào biểu này: các số liệu đó do %s của %s báo cáo cho toàn %s (Biểu 03), cộng thêm sẽ tính trùng.",
		r.P.Unit.Sublevel, list, report.DeptWord(r.Tier), r.P.Unit.Level, r.P.Unit.Level)
}

// carriedRemark is the comment on a carried sub-unit's name in Biểu 02:
// the file its figures were added up from, and where to change them.
func carriedRemark(e *report.Entity, src *report.Source) string {
	return fmt.Sprintf("Số liệu của %s lấy từ tệp %s (tổng của đơn vị và các đơn vị trực thuộc), nên các ô của dòng này được khóa: muốn sửa thì sửa tệp đó rồi lập lại biểu. Ghi chú này không in ra.", e.Name, src.File)
}
