// Package summary writes a statistics report's results as an HTML table:
// the preview of a report in the browser, beside the workbook that
// internal/xlsx writes. It shows what the workbook's summary sheet shows
// (each objective, its indicators, their targets, values and assessments)
// with the same Vietnamese number formats, from the same computed
// report.Result values, so the two cannot disagree.
package summary

import (
	"html/template"
	"io"
	"strconv"
	"sync"

	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/viet"
)

// Write writes the summary as an HTML fragment (a heading and a table).
func Write(w io.Writer, r *report.Report) error {
	return page().Execute(w, build(r))
}

type view struct {
	Unit, Title, Period, Plan string
	Illustrative              bool
	Groups                    []group
	Met, Judged, InProgress   int
}

type group struct {
	Roman, Title string
	Rows         []row
}

type row struct {
	No, Name, Unit           string
	PlanTarget, YearTarget   string
	LastYear, Value, Pct     string
	Change, Word, Status, ID string
}

func build(r *report.Report) view {
	v := view{Unit: r.P.Unit.Name, Title: r.P.Document.Title, Illustrative: r.P.Document.Illustrative,
		Met: r.Count.Met, Judged: r.Count.Judged, InProgress: r.Count.InProgress}
	if v.Title == "" {
		v.Title = "Biểu tổng hợp kết quả thực hiện các chỉ tiêu bình đẳng giới"
	}
	v.Period = "Năm " + strconv.Itoa(r.P.Period.Year)
	if r.HalfYear() {
		v.Period = "6 tháng đầu năm " + strconv.Itoa(r.P.Period.Year)
	}
	v.Plan = r.P.Period.Plan
	if v.Plan == "" {
		v.Plan = r.Cat.Stage
	}
	for gi, g := range r.Cat.Groups {
		gr := group{Roman: viet.Roman(gi + 1), Title: r.Text(g.Title)}
		for i := range r.Results {
			if res := &r.Results[i]; res.Ind.Group == g.ID {
				gr.Rows = append(gr.Rows, indicatorRow(r, res))
			}
		}
		v.Groups = append(v.Groups, gr)
	}
	return v
}

func indicatorRow(r *report.Report, res *report.Result) row {
	ind := res.Ind
	rw := row{No: strconv.Itoa(ind.Row), Name: r.Name(ind), Unit: ind.Unit, Word: res.Word(), ID: ind.ID, Status: status(res.Status)}
	if !ind.AssessedAt(r.Tier) {
		rw.Word = report.WordNotAssessed
		return rw
	}
	dec := ind.Dec()
	rw.PlanTarget = target(ind, res.Plan)
	rw.YearTarget = target(ind, res.Year)
	if res.LastYear != nil {
		rw.LastYear = viet.Decimal(*res.LastYear, dec)
	}
	if res.HasValue {
		rw.Value = viet.Decimal(res.Value, dec)
	}
	if res.PctPlan != nil {
		rw.Pct = viet.Decimal(*res.PctPlan, 1)
	}
	if res.Change != nil {
		rw.Change = viet.Decimal(*res.Change, dec)
		if *res.Change > 0 {
			rw.Change = "+" + rw.Change
		}
	}
	return rw
}

// target writes a target as the workbook prints it: "≥ 30", "40 - 60".
func target(ind *report.Indicator, t report.TargetValue) string {
	if !t.Set {
		return ""
	}
	return t.Text(ind.Comparator)
}

// status names the assessment for the page's style sheet.
func status(s report.Status) string {
	switch s {
	case report.Met:
		return "met"
	case report.NotMet:
		return "not-met"
	case report.InProgress:
		return "in-progress"
	}
	return "none"
}

// page is parsed on first use, not when the package is initialised: every
// vanban process links this package, and only the preview writes HTML.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("summary").Parse(pageText))
})

const pageText = `<section class="summary">
<h2>{{.Title}}</h2>
<p class="summary-sub">{{.Unit}} · {{.Period}} · Kế hoạch giai đoạn {{.Plan}}{{if .Illustrative}} · <strong>số liệu minh họa</strong>{{end}}</p>
<table>
<thead>
<tr><th rowspan="2">STT</th><th rowspan="2">Chỉ tiêu</th><th rowspan="2">Đơn vị tính</th><th colspan="2">Kế hoạch</th><th colspan="2">Thực hiện</th><th colspan="2">So sánh</th><th rowspan="2">Đánh giá</th></tr>
<tr><th>Giai đoạn {{.Plan}}</th><th>Năm</th><th>Cùng kỳ năm trước</th><th>{{.Period}}</th><th>% so với kế hoạch</th><th>Tăng (+), giảm (-)</th></tr>
</thead>
<tbody>
{{- range .Groups}}
<tr class="group"><td>{{.Roman}}</td><td colspan="9">{{.Title}}</td></tr>
{{- range .Rows}}
<tr data-indicator="{{.ID}}"><td class="c">{{.No}}</td><td>{{.Name}}</td><td class="c">{{.Unit}}</td><td class="n">{{.PlanTarget}}</td><td class="n">{{.YearTarget}}</td><td class="n">{{.LastYear}}</td><td class="n">{{.Value}}</td><td class="n">{{.Pct}}</td><td class="n">{{.Change}}</td><td class="c {{.Status}}">{{.Word}}</td></tr>
{{- end}}
{{- end}}
</tbody>
</table>
<p class="tally">Đạt {{.Met}}/{{.Judged}} chỉ tiêu được đánh giá{{if .InProgress}}; {{.InProgress}} chỉ tiêu đang thực hiện{{end}}.</p>
</section>
`
