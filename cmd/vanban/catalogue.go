package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
)

// catalogueCmd lists the catalogues built into vanban, or one catalogue's
// measures (what a period file's data: holds, with their shapes and keys)
// and indicators (the ids that targets:, last_year: and indicator_notes:
// use), in Vietnamese, so that a clerk never has to open the templates
// folder:
//
//	vanban catalogue                   the embedded catalogues
//	vanban catalogue bdg-2021-2030     one of them
//	vanban catalogue ./chi-tieu.yaml   a catalogue file
func catalogueCmd(args []string, stdout, stderr io.Writer, lang diag.Lang) int {
	fs := flag.NewFlagSet("catalogue", flag.ContinueOnError)
	fs.SetOutput(stderr)
	templateDir := fs.String("templates", "", "đọc bộ chỉ tiêu từ `THƯ_MỤC`/catalogues thay cho bộ có sẵn (override embedded catalogues)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Cách dùng: vanban catalogue [--templates THƯ_MỤC] [MÃ | TỆP.yaml]\n\n"+
			"Liệt kê các bộ chỉ tiêu có sẵn; với MÃ (ví dụ bdg-2021-2030) hoặc một tệp bộ chỉ tiêu,\n"+
			"liệt kê các số liệu cần thu thập (dạng, cách ghi) và các chỉ tiêu (mã, cách so sánh, mục tiêu).\n\n"+
			"Usage: vanban catalogue [--templates DIR] [ID | FILE.yaml]\n\nCờ (flags):\n")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	switch len(pos) {
	case 0:
		listCatalogues(stdout, *templateDir)
		return exitOK
	case 1:
	default:
		fmt.Fprintln(stderr, pickLang(lang, "vanban catalogue: chỉ ghi một mã bộ chỉ tiêu", "vanban catalogue: give one catalogue"))
		return exitUsage
	}
	name := pos[0]
	var file string
	var src []byte
	if report.IsPath(name) {
		// A file the user names on the command line is theirs to name.
		file = name
		src, err = os.ReadFile(name)
	} else {
		file, src, err = report.ResolveCatalogue(name, "catalogue.yaml", *templateDir)
	}
	if err != nil {
		hint := ""
		if s := decode.Suggest(name, report.Embedded); s != "" && !report.IsPath(name) {
			hint = pickLang(lang, fmt.Sprintf("; có phải ý bạn là %q?", s), fmt.Sprintf("; did you mean %q?", s))
		}
		fmt.Fprintf(stderr, pickLang(lang, "vanban catalogue: không có bộ chỉ tiêu %q%s (có sẵn: %s)\n", "vanban catalogue: no catalogue %q%s (embedded: %s)\n"),
			name, hint, strings.Join(report.Embedded, ", "))
		return exitUsage
	}
	c, diags := report.LoadCatalogue(file, src)
	diags.Sort()
	diag.WriteText(stderr, diags, lang)
	if c == nil {
		return exitInvalid
	}
	writeCatalogue(stdout, c)
	return exitOK
}

func pickLang(l diag.Lang, vi, en string) string {
	if l == diag.En {
		return en
	}
	return vi
}

// listCatalogues lists the embedded catalogues with their titles.
func listCatalogues(w io.Writer, templateDir string) {
	fmt.Fprintln(w, "Các bộ chỉ tiêu có sẵn (ghi mã vào dòng catalogue: của tệp báo cáo):")
	for _, name := range report.Embedded {
		file, src, err := report.ResolveCatalogue(name, "catalogue.yaml", templateDir)
		if err != nil {
			continue
		}
		if c, _ := report.LoadCatalogue(file, src); c != nil {
			assessed := 0
			for i := range c.Indicators {
				if c.Indicators[i].Assessable() {
					assessed++
				}
			}
			fmt.Fprintf(w, "  %-15s %s (%d chỉ tiêu, %d tính được ở địa phương)\n", name, c.Title, len(c.Indicators), assessed)
		}
	}
	fmt.Fprintln(w, "\nXem một bộ: vanban catalogue MÃ   (ví dụ: vanban catalogue bdg-2021-2030)")
}

// shapeWords says what a measure's shape is and how its figures are
// written.
func shapeWords(m *report.Measure) (string, string) {
	switch m.Shape {
	case report.ShapeSex:
		return "theo giới tính (sex)", "{total: 15, female: 4} — hai trong ba số total (tổng số), male (nam), female (nữ)"
	case report.ShapePair:
		a, b := 12, 9
		if !m.Subset {
			a, b = 1200, 1
		}
		return "cặp hai số (pair)", fmt.Sprintf("{%s: %d, %s: %d} — %s: %s; %s: %s", m.First.Key, a, m.Second.Key, b,
			m.First.Key, m.First.Label, m.Second.Key, m.Second.Label)
	case report.ShapeCount:
		if m.PerMonthAtLeast > 0 {
			return "một số (count)", fmt.Sprintf("14 — đơn vị đạt khi có từ %g × số tháng của kỳ trở lên", m.PerMonthAtLeast)
		}
		return "một số (count)", "14"
	case report.ShapePosts:
		return "danh sách chức danh (posts)", "[Chủ tịch: nam, Phó Chủ tịch: nữ] — mỗi chức danh kèm giới tính người giữ chức"
	case report.ShapeFlag:
		return "có/không (flag)", "có hoặc không"
	}
	return m.Shape, ""
}

var kindWords = map[string]string{
	report.KindShare: "tỷ lệ", report.KindRatio: "tỷ số", report.KindCount: "số đếm",
	report.KindUnitShare: "tỷ lệ đơn vị đạt", report.KindBand: "tỷ lệ trong khoảng", report.KindNotAssessed: "không đánh giá ở địa phương",
}

// writeCatalogue lists a catalogue's measures and indicators.
func writeCatalogue(w io.Writer, c *report.Catalogue) {
	fmt.Fprintf(w, "Bộ chỉ tiêu %s: %s\n", c.ID, c.Title)
	for _, b := range c.Basis {
		fmt.Fprintf(w, "  Căn cứ: %s\n", b)
	}
	fmt.Fprintf(w, "  Trong các tên dưới đây, %s được thay bằng cấp của đơn vị báo cáo.\n", strings.Join(report.Placeholders, ", "))

	fmt.Fprintln(w, "\nSỐ LIỆU THU THẬP (ghi dưới data: theo mã đơn vị, mỗi số liệu một dòng)")
	for i := range c.Measures {
		m := &c.Measures[i]
		shape, example := shapeWords(m)
		fmt.Fprintf(w, "\n  %s — %s\n", m.ID, m.Label)
		from := "các đơn vị trực thuộc và chính đơn vị báo cáo (town)"
		if m.From == report.FromDepartments {
			from = "một cơ quan, phòng, ban, ngành (departments)"
		}
		fmt.Fprintf(w, "      dạng: %s; ai ghi: %s", shape, from)
		if m.Unit != "" {
			fmt.Fprintf(w, "; đơn vị tính: %s", m.Unit)
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "      ghi: %s: %s\n", m.ID, example)
		if len(m.Absent) > 0 {
			fmt.Fprintf(w, "      không có ở cấp: %s (không ghi số liệu này cho các đơn vị cấp đó)\n", m.Absent.Names())
		}
	}

	fmt.Fprintln(w, "\nCHỈ TIÊU (mã dùng trong targets:, last_year:, indicator_notes:)")
	for gi := range c.Groups {
		g := &c.Groups[gi]
		fmt.Fprintf(w, "\n  %s\n", g.Title)
		for i := range c.Indicators {
			ind := &c.Indicators[i]
			if ind.Group != g.ID {
				continue
			}
			writeIndicator(w, ind)
		}
	}
}

func writeIndicator(w io.Writer, ind *report.Indicator) {
	fmt.Fprintf(w, "    %-9s %s\n", ind.ID, ind.Name)
	line := "đơn vị tính: " + ind.Unit + "; " + kindWords[ind.Kind]
	if ind.Assessable() {
		line += " từ " + strings.Join(ind.Measure, ", ")
		if ind.Numerator != "" && ind.Denominator != "" {
			line += fmt.Sprintf(" (%s/%s)", ind.Numerator, ind.Denominator)
		}
	}
	fmt.Fprintf(w, "              %s\n", line)
	var goals []string
	for _, y := range sortedYears(ind.National) {
		goals = append(goals, y+": "+ind.National[y].Text(ind.Comparator))
	}
	if len(goals) > 0 || ind.Comparator != "" {
		t := "so sánh: " + ind.Comparator.Words()
		if len(goals) > 0 {
			t += "; mục tiêu quốc gia " + strings.Join(goals, ", ")
		}
		if ind.NationalFrom > 0 {
			t += fmt.Sprintf(" (áp dụng từ năm %d)", ind.NationalFrom)
		}
		fmt.Fprintf(w, "              %s\n", t)
	}
	switch {
	case !ind.Assessable():
		fmt.Fprintf(w, "              %s\n", strings.TrimSuffix(ind.Note, "."))
	default:
		levels := "mọi cấp"
		if len(ind.Levels) > 0 {
			levels = "cấp " + ind.Levels.Names()
		}
		half := "đánh giá như báo cáo năm"
		if ind.Progress() {
			half = "đang thực hiện (đánh giá khi tổng kết năm)"
		}
		fmt.Fprintf(w, "              đánh giá ở %s; báo cáo 6 tháng: %s\n", levels, half)
	}
	if ind.Basis != "" {
		fmt.Fprintf(w, "              căn cứ: %s\n", ind.Basis)
	}
	for _, y := range sortedYears(ind.Uncertain) {
		fmt.Fprintf(w, "              chưa kiểm chứng (%s): %s\n", y, ind.Uncertain[y])
	}
}

func sortedYears[V any](m map[string]V) []string {
	ys := make([]string, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Strings(ys)
	return ys
}
