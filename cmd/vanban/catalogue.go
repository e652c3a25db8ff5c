package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	bdg "github.com/vanban/vanban/internal/report"
)

func init() {
	register(command{name: "catalogue", rank: 40,
		args: words{"[MÃ | TỆP.yaml]", "[ID | FILE.yaml]"},
		what: words{"liệt kê các số liệu và chỉ tiêu của một bộ chỉ tiêu báo cáo bình đẳng giới (không có MÃ: các bộ có sẵn)",
			"list a report catalogue's measures and indicators (no ID: the embedded catalogues)"},
		run: catalogueCmd})
}

// catalogueCmd lists the catalogues built into vanban, or one catalogue's
// measures (what a period file's data: holds, with their shapes and keys)
// and indicators (the ids that targets:, last_year: and indicator_notes:
// use), in Vietnamese, so that a clerk never has to open the templates
// folder:
//
//	vanban catalogue                   the embedded catalogues
//	vanban catalogue bdg-2021-2030     one of them
//	vanban catalogue ./chi-tieu.yaml   a catalogue file
func catalogueCmd(e *env, args []string) int {
	f := newFlags(e, "catalogue")
	var templateDir string
	f.str(&templateDir, "templates", "", words{"THƯ_MỤC", "DIR"}, words{
		"đọc bộ chỉ tiêu từ THƯ_MỤC/catalogues thay cho bộ có sẵn cùng tên",
		"read catalogues from DIR/catalogues instead of the embedded ones of the same name"})
	f.about = words{
		"Liệt kê các bộ chỉ tiêu có sẵn. Với MÃ (ví dụ bdg-2021-2030) hoặc một tệp bộ chỉ tiêu: liệt kê các số liệu\ncần thu thập (dạng, ai báo cáo, cách ghi) và các chỉ tiêu (mã, cách so sánh, mục tiêu quốc gia, cấp đánh giá).",
		"List the embedded catalogues. With an ID (for example bdg-2021-2030) or a catalogue file: list the measures\nto collect (shape, who reports them, how to write them) and the indicators (id, comparator, national targets,\nlevels). The listing is in Vietnamese."}
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	stdout, stderr, lang := e.stdout, e.stderr, e.lang
	switch len(pos) {
	case 0:
		listCatalogues(stdout, templateDir)
		return exitOK
	case 1:
	default:
		e.say(stderr, words{"vanban catalogue: chỉ ghi một mã bộ chỉ tiêu\n", "vanban catalogue: give one catalogue\n"})
		return exitUsage
	}
	name := pos[0]
	var file string
	var src []byte
	var err error
	if bdg.IsPath(name) {
		// A file the user names on the command line is theirs to name.
		file = name
		src, err = os.ReadFile(name)
	} else {
		file, src, err = bdg.ResolveCatalogue(name, "catalogue.yaml", templateDir)
	}
	if err != nil {
		hint := ""
		if s := decode.Suggest(name, bdg.Embedded); s != "" && !bdg.IsPath(name) {
			hint = pickLang(lang, fmt.Sprintf("; có phải ý bạn là %q?", s), fmt.Sprintf("; did you mean %q?", s))
		}
		fmt.Fprintf(stderr, pickLang(lang, "vanban catalogue: không có bộ chỉ tiêu %q%s (có sẵn: %s)\n", "vanban catalogue: no catalogue %q%s (embedded: %s)\n"),
			name, hint, strings.Join(bdg.Embedded, ", "))
		return exitUsage
	}
	c, diags := bdg.LoadCatalogue(file, src)
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
	for _, name := range bdg.Embedded {
		file, src, err := bdg.ResolveCatalogue(name, "catalogue.yaml", templateDir)
		if err != nil {
			continue
		}
		if c, _ := bdg.LoadCatalogue(file, src); c != nil {
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
func shapeWords(m *bdg.Measure) (string, string) {
	switch m.Shape {
	case bdg.ShapeSex:
		return "theo giới tính (sex)", "{total: 15, female: 4} — hai trong ba số total (tổng số), male (nam), female (nữ)"
	case bdg.ShapePair:
		a, b := 12, 9
		if !m.Subset {
			a, b = 1200, 1
		}
		return "cặp hai số (pair)", fmt.Sprintf("{%s: %d, %s: %d} — %s: %s; %s: %s", m.First.Key, a, m.Second.Key, b,
			m.First.Key, m.First.Label, m.Second.Key, m.Second.Label)
	case bdg.ShapeCount:
		if m.PerMonthAtLeast > 0 {
			return "một số (count)", fmt.Sprintf("14 — đơn vị đạt khi có từ %g × số tháng của kỳ trở lên", m.PerMonthAtLeast)
		}
		return "một số (count)", "14"
	case bdg.ShapePosts:
		return "danh sách chức danh (posts)", "[Chủ tịch: nam, Phó Chủ tịch: nữ] — mỗi chức danh kèm giới tính người giữ chức"
	case bdg.ShapeFlag:
		return "có/không (flag)", "có hoặc không"
	}
	return m.Shape, ""
}

var kindWords = map[string]string{
	bdg.KindShare: "tỷ lệ", bdg.KindRatio: "tỷ số", bdg.KindCount: "số đếm",
	bdg.KindUnitShare: "tỷ lệ đơn vị đạt", bdg.KindBand: "tỷ lệ trong khoảng", bdg.KindNotAssessed: "không đánh giá ở địa phương",
}

// writeCatalogue lists a catalogue's measures and indicators.
func writeCatalogue(w io.Writer, c *bdg.Catalogue) {
	fmt.Fprintf(w, "Bộ chỉ tiêu %s: %s\n", c.ID, c.Title)
	for _, b := range c.Basis {
		fmt.Fprintf(w, "  Căn cứ: %s\n", b)
	}
	fmt.Fprintf(w, "  Trong các tên dưới đây, %s được thay bằng cấp của đơn vị báo cáo.\n", strings.Join(bdg.Placeholders, ", "))

	fmt.Fprintln(w, "\nSỐ LIỆU THU THẬP (ghi dưới data: theo mã đơn vị, mỗi số liệu một dòng)")
	for i := range c.Measures {
		m := &c.Measures[i]
		shape, example := shapeWords(m)
		fmt.Fprintf(w, "\n  %s — %s\n", m.ID, m.Label)
		from := "các đơn vị trực thuộc và chính đơn vị báo cáo (town)"
		if m.From == bdg.FromDepartments {
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

func writeIndicator(w io.Writer, ind *bdg.Indicator) {
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
	if b := ind.LegalBasis(); b != "" {
		fmt.Fprintf(w, "              căn cứ: %s\n", b)
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
