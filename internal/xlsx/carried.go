package xlsx

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/report"
)

// maxListed is the most files a note names one by one.
const maxListed = 30

// carriedNotes say where the figures of the sub-units that name their own
// file come from, and which of their own sub-units those files lack.
func carriedNotes(r *report.Report) []string {
	if !r.Carried() {
		return nil
	}
	var files, out []string
	for _, e := range r.Subunits {
		src := r.Sources[e.ID]
		if src == nil {
			continue
		}
		files = append(files, fmt.Sprintf("%s (%s)", e.Name, src.File))
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
	list := strings.Join(files, "; ")
	if len(files) > maxListed {
		list = fmt.Sprintf("%d đơn vị, mỗi đơn vị một tệp (tên tệp ghi ở dòng from: của từng đơn vị trong tệp số liệu)", len(files))
	}
	head := fmt.Sprintf("Số liệu của các %s sau được tổng hợp từ tệp số liệu của chính đơn vị (tổng của đơn vị và các đơn vị trực thuộc; chỉ tiêu tỷ lệ đơn vị cộng số đơn vị và số đơn vị đạt điều kiện): %s.",
		r.P.Unit.Sublevel, list)
	return append([]string{head}, out...)
}
