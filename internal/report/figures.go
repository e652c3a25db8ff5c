package report

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Figures are one entity's counts for one measure, by key (see
// Measure.Keys). Flags are 0 or 1, and "units" is 1: the entity is one
// unit of a share of units.
type Figures map[string]int64

// figureReader decodes one entity's figures for one measure and reports
// problems naming the entity and the measure.
type figureReader struct {
	d      *decode.Decoder
	m      *Measure
	who    string // "Phường Ba Đình, Cấp ủy Đảng"
	months int
	// cell, when the figures come from a form, names a count by the
	// form's cell and row label ("ô D21 (Dân số)"), so that a fix is said
	// in the words of the person at the form, not of the period file.
	cell func(key string) string
}

// read returns the figures, or nil when they are missing (an explicit ~,
// an empty mapping) or invalid.
func (r figureReader) read(n *yaml.Node, path string) Figures {
	if isNullNode(n) {
		return nil
	}
	switch r.m.Shape {
	case ShapeSex:
		return r.sex(n, path)
	case ShapePair:
		return r.pair(n, path)
	case ShapeCount:
		return r.count(n, path)
	case ShapePosts:
		return r.posts(n, path)
	case ShapeFlag:
		return r.flag(n, path)
	}
	return nil
}

func isNullNode(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// bad reports a problem with the figures, naming the unit and the
// measure.
func (r figureReader) bad(path string, m diag.Msg) {
	m.Vi, m.En = r.who+": "+m.Vi, r.who+": "+m.En
	problem(r.d, diag.Error, diag.Pos{}, path, m)
}

// wantNumber is what a count must be.
var wantNumber = [2]string{"một số nguyên từ 0 trở lên", "a whole number of 0 or more"}

// number reads a whole, non-negative count.
func (r figureReader) number(n *yaml.Node, path string) (int64, bool) {
	r.d.Record(path, n)
	if n.Kind != yaml.ScalarNode {
		r.bad(path, diag.Msg{Code: "figure.not-number", Vi: "phải là một số, không phải " + describeVi(n), En: "found " + decode.Describe(n),
			FixVi: wantNumber[0], FixEn: wantNumber[1]})
		return 0, false
	}
	switch n.Tag {
	case "!!int":
		v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil || v > MaxCount {
			r.bad(path, diag.Msg{Code: "figure.too-large", Vi: "số " + n.Value + " quá lớn đối với một số đếm", En: "the number " + n.Value + " is too large for a count",
				FixVi: wantNumber[0] + ", tối đa " + viet.Int(MaxCount), FixEn: wantNumber[1] + ", at most " + viet.Int(MaxCount)})
			return 0, false
		}
		if v < 0 {
			r.bad(path, diag.Msg{Code: "figure.negative", Vi: fmt.Sprintf("số liệu âm (%d)", v), En: fmt.Sprintf("a negative count (%d)", v),
				FixVi: wantNumber[0], FixEn: wantNumber[1]})
			return 0, false
		}
		return v, true
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && looksLikeThousands(n.Value) {
			whole := int64(math.Round(f * 1000))
			r.bad(path, diag.Msg{Code: "figure.thousands-dot", Vi: fmt.Sprintf("%q: số đếm không dùng dấu chấm để phân cách hàng nghìn", n.Value), En: fmt.Sprintf("a thousands dot in a count (%q)", n.Value),
				FixVi: fmt.Sprintf("viết số nguyên liền, không có dấu chấm: %d", whole), FixEn: fmt.Sprintf("a whole number written without a thousands dot: %d", whole)})
			return 0, false
		}
		r.bad(path, diag.Msg{Code: "figure.fraction", Vi: "số lẻ (" + n.Value + "): số người, số vụ phải là số nguyên", En: "a fractional count (" + n.Value + ")",
			FixVi: wantNumber[0], FixEn: wantNumber[1]})
		return 0, false
	}
	if thousandsComma().MatchString(n.Value) {
		whole := strings.ReplaceAll(n.Value, ",", "")
		r.bad(path, diag.Msg{Code: "figure.thousands-comma", Vi: fmt.Sprintf("gặp chữ %q: không dùng dấu phẩy để phân cách hàng nghìn", n.Value), En: fmt.Sprintf("found the text %q", n.Value),
			FixVi: "viết số nguyên liền, không có dấu phẩy: " + whole, FixEn: "a whole number written without a thousands comma: " + whole})
		return 0, false
	}
	r.bad(path, diag.Msg{Code: "figure.not-number", Vi: fmt.Sprintf("gặp chữ %q, không phải một số", n.Value), En: fmt.Sprintf("found the text %q", n.Value),
		FixVi: wantNumber[0], FixEn: wantNumber[1]})
	return 0, false
}

// MaxCount is the largest count a period file may hold: far above any
// real count, and small enough that the sums of hundreds of units stay
// exact in a float64 and in a spreadsheet (which keeps 15 digits).
const MaxCount = 999_999_999_999

// thousandsComma matches a count such as 1,234 written with a thousands
// comma, which YAML reads as text.
var thousandsComma = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,3}(,\d{3})+$`) })

// looksLikeThousands reports a number such as 1.234 that a Vietnamese
// writer means as one thousand two hundred thirty-four.
func looksLikeThousands(s string) bool {
	i := strings.IndexByte(s, '.')
	return i > 0 && len(s)-i-1 == 3 && !strings.ContainsAny(s, "eE")
}

// fields reads a mapping of counts restricted to keys, reporting unknown
// keys. Null values are left out.
func (r figureReader) fields(n *yaml.Node, path string, keys []string, example string) (map[string]int64, bool) {
	if n.Kind != yaml.MappingNode {
		r.bad(path, diag.Msg{Code: "figure.not-mapping", Vi: "phải ghi các số theo tên, không phải " + describeVi(n), En: "found " + decode.Describe(n),
			FixVi: "các số theo tên, ví dụ " + example, FixEn: "the counts by name, such as " + example})
		return nil, false
	}
	got, ok := map[string]int64{}, true
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		k := kn.Value
		kpath := decode.Join(path, k)
		r.d.Record(kpath, kn)
		if !slices.Contains(keys, k) {
			m := diag.Msg{Code: "figure.unknown-key", Vi: fmt.Sprintf("không có số %q", k), En: fmt.Sprintf("unknown count %q", k),
				FixVi: "một trong: " + strings.Join(keys, ", "), FixEn: "one of: " + strings.Join(keys, ", ")}
			if s := decode.Suggest(k, keys); s != "" {
				m.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
				m.En += fmt.Sprintf("; did you mean %q?", s)
			}
			r.bad(kpath, m)
			ok = false
			continue
		}
		if seen[k] {
			r.bad(kpath, diag.Msg{Code: "figure.twice", Vi: fmt.Sprintf("số %q ghi hai lần", k), En: fmt.Sprintf("%q is given twice", k),
				FixVi: "mỗi số ghi một lần", FixEn: "each count once"})
			ok = false
			continue
		}
		seen[k] = true
		if isNullNode(vn) {
			continue
		}
		v, good := r.number(vn, kpath)
		if good {
			got[k] = v
		}
		ok = ok && good
	}
	return got, ok
}

// cellEn is cell in English: "cell D21 (Dân số)".
func (r figureReader) cellEn(key string) string {
	return strings.Replace(r.cell(key), "ô ", "cell ", 1)
}

func (r figureReader) sex(n *yaml.Node, path string) Figures {
	const example = "{total: 15, female: 4}"
	got, ok := r.fields(n, path, []string{"total", "male", "female"}, example)
	if !ok {
		return nil
	}
	t, hasT := got["total"]
	m, hasM := got["male"]
	f, hasF := got["female"]
	switch {
	case len(got) == 0:
		return nil
	case len(got) == 1 && r.cell != nil:
		r.bad(path, diag.Msg{Code: "figure.sex-half", Vi: "chỉ có " + r.cell(onlyKey(got)) + ", thiếu số còn lại", En: "only " + r.cellEn(onlyKey(got)) + " is filled in, so the figures are half given",
			FixVi: fmt.Sprintf("ghi ít nhất hai trong ba %s, %s, %s; hoặc để trống cả ba nếu chưa có số liệu", r.cell("total"), r.cell("male"), r.cell("female")),
			FixEn: fmt.Sprintf("two of %s, %s, %s, or all three left blank when there are no figures", r.cellEn("total"), r.cellEn("male"), r.cellEn("female"))})
		return nil
	case len(got) == 1:
		r.bad(path, diag.Msg{Code: "figure.sex-half", Vi: "chỉ có số " + sexWord(onlyKey(got)) + ", thiếu số còn lại", En: "only " + onlyKey(got) + " is given, so the figures are half filled",
			FixVi: "ghi ít nhất hai trong ba số total (tổng số), male (nam), female (nữ), hoặc ~ nếu đơn vị chưa báo cáo",
			FixEn: "two of total, male, female (or ~ when the figures were not reported)"})
		return nil
	case hasT && hasF && f > t:
		r.bad(decode.Join(path, "female"), diag.Msg{Code: "figure.women-more", Vi: fmt.Sprintf("số nữ (%d) lớn hơn tổng số (%d)", f, t), En: fmt.Sprintf("women (%d) are more than the total (%d)", f, t),
			FixVi: "số nữ không lớn hơn tổng số", FixEn: "women ≤ total"})
		return nil
	case hasT && hasM && m > t:
		r.bad(decode.Join(path, "male"), diag.Msg{Code: "figure.men-more", Vi: fmt.Sprintf("số nam (%d) lớn hơn tổng số (%d)", m, t), En: fmt.Sprintf("men (%d) are more than the total (%d)", m, t),
			FixVi: "số nam không lớn hơn tổng số", FixEn: "men ≤ total"})
		return nil
	case hasT && hasM && hasF && m+f != t:
		r.bad(decode.Join(path, "total"), diag.Msg{Code: "figure.sum", Vi: fmt.Sprintf("nam (%d) cộng nữ (%d) bằng %d, khác tổng số %d", m, f, m+f, t),
			En:    fmt.Sprintf("men (%d) + women (%d) = %d, not the total %d", m, f, m+f, t),
			FixVi: "nam cộng nữ bằng tổng số", FixEn: "men + women = total"})
		return nil
	}
	switch {
	case !hasT:
		t = m + f
	case !hasM:
		m = t - f
	case !hasF:
		f = t - m
	}
	return Figures{"total": t, "male": m, "female": f}
}

// lower lowercases the first letter of a label for use inside a sentence.
func lower(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func onlyKey(m map[string]int64) string {
	for k := range m {
		return k
	}
	return ""
}

func (r figureReader) pair(n *yaml.Node, path string) Figures {
	a, b := r.m.First.Key, r.m.Second.Key
	example := fmt.Sprintf("{%s: 12, %s: 9}", a, b)
	got, ok := r.fields(n, path, []string{a, b}, example)
	if !ok || len(got) == 0 {
		return nil
	}
	va, hasA := got[a]
	vb, hasB := got[b]
	if !hasA || !hasB {
		have, lack := a, b
		if hasB {
			have, lack = b, a
		}
		if r.cell != nil {
			r.bad(path, diag.Msg{Code: "figure.pair-half", Vi: fmt.Sprintf("đã ghi %s nhưng chưa ghi %s", r.cell(have), r.cell(lack)),
				En:    fmt.Sprintf("%s is filled in but %s is not, so the pair is half given", r.cellEn(have), r.cellEn(lack)),
				FixVi: fmt.Sprintf("ghi cả %s và %s, hoặc để trống cả hai nếu chưa có số liệu", r.cell(a), r.cell(b)),
				FixEn: fmt.Sprintf("both %s and %s, or both left blank when there are no figures", r.cellEn(a), r.cellEn(b))})
			return nil
		}
		r.bad(path, diag.Msg{Code: "figure.pair-half", Vi: fmt.Sprintf("có số %s nhưng thiếu số %s", have, lack), En: fmt.Sprintf("%s is given but %s is missing, so the pair is half filled", have, lack),
			FixVi: fmt.Sprintf("ghi cả %s và %s, hoặc ~ nếu đơn vị chưa báo cáo", a, b), FixEn: fmt.Sprintf("both %s and %s (or ~ when the figures were not reported)", a, b)})
		return nil
	}
	if r.m.Subset && vb > va && r.cell != nil {
		r.bad(decode.Join(path, b), diag.Msg{Code: "figure.part-more",
			Vi:    fmt.Sprintf("%s ghi %d, lớn hơn %s ghi %d", r.cell(b), vb, r.cell(a), va),
			En:    fmt.Sprintf("%s holds %d, more than %s (%d)", r.cellEn(b), vb, r.cellEn(a), va),
			FixVi: fmt.Sprintf("số ở %s không lớn hơn số ở %s", r.cell(b), r.cell(a)),
			FixEn: fmt.Sprintf("%s ≤ %s", r.cellEn(b), r.cellEn(a))})
		return nil
	}
	if r.m.Subset && vb > va {
		r.bad(decode.Join(path, b), diag.Msg{Code: "figure.part-more",
			Vi:    fmt.Sprintf("số %q (%s: %d) lớn hơn số %q (%s: %d)", lower(r.m.Second.Label), b, vb, lower(r.m.First.Label), a, va),
			En:    fmt.Sprintf("%s (%d) is more than %s (%d)", b, vb, a, va),
			FixVi: fmt.Sprintf("%s không lớn hơn %s", b, a), FixEn: fmt.Sprintf("%s ≤ %s", b, a)})
		return nil
	}
	return Figures{a: va, b: vb}
}

func (r figureReader) count(n *yaml.Node, path string) Figures {
	v, ok := r.number(n, path)
	if !ok {
		return nil
	}
	f := Figures{"value": v}
	if r.m.PerMonthAtLeast > 0 {
		f["units"] = 1
		if float64(v) >= r.m.PerMonthAtLeast*float64(r.months) {
			f["yes"] = 1
		} else {
			f["yes"] = 0
		}
	}
	return f
}

// Threshold is the count a unit needs in a period of the given months
// to meet a monthly norm.
func (m *Measure) Threshold(months int) float64 { return m.PerMonthAtLeast * float64(months) }

func (r figureReader) posts(n *yaml.Node, path string) Figures {
	want := [2]string{`mỗi chức danh một dòng kèm giới tính người giữ chức, ví dụ "- Chủ tịch: nam"`, `a list of posts with the holder's sex, e.g. "- Chủ tịch: nam"`}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		r.bad(path, diag.Msg{Code: "figure.posts", Vi: "các chức danh chưa ghi thành danh sách \"chức danh: giới tính\"", En: "the posts are not a list of post: sex lines",
			FixVi: want[0], FixEn: want[1]})
		return nil
	}
	f := Figures{"units": 1}
	ok := true
	for i, item := range n.Content {
		ipath := decode.Index(path, i)
		r.d.Record(ipath, item)
		if item.Kind != yaml.MappingNode || len(item.Content) != 2 {
			r.bad(ipath, diag.Msg{Code: "figure.post", Vi: fmt.Sprintf("chức danh thứ %d không phải một dòng \"chức danh: giới tính\"", i+1), En: fmt.Sprintf("post %d is not one \"post: sex\" line", i+1),
				FixVi: want[0], FixEn: want[1]})
			ok = false
			continue
		}
		sex, good := parseSex(item.Content[1].Value)
		if !good || item.Content[1].Kind != yaml.ScalarNode {
			r.d.Record(ipath, item.Content[1])
			r.bad(ipath, diag.Msg{Code: "figure.sex", Vi: fmt.Sprintf("người giữ chức %q có giới tính %q", item.Content[0].Value, item.Content[1].Value),
				En:    fmt.Sprintf("the holder of %q has the sex %q", item.Content[0].Value, item.Content[1].Value),
				FixVi: "nam hoặc nữ", FixEn: "nam or nữ"})
			ok = false
			continue
		}
		f["posts"]++
		if sex == "female" {
			f["female"]++
		}
	}
	if !ok {
		return nil
	}
	f["yes"] = min(f["female"], 1)
	return f
}

func parseSex(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nam", "male", "m":
		return "male", true
	case "nữ", "nu", "female", "f":
		return "female", true
	}
	return "", false
}

func (r figureReader) flag(n *yaml.Node, path string) Figures {
	r.d.Record(path, n)
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "yes", "có", "co":
			return Figures{"yes": 1, "units": 1}
		case "false", "no", "không", "khong":
			return Figures{"yes": 0, "units": 1}
		}
	}
	r.bad(path, diag.Msg{Code: "figure.flag", Vi: fmt.Sprintf("gặp %q, không phải có hoặc không", n.Value), En: fmt.Sprintf("found %q", n.Value),
		FixVi: "có hoặc không (true hoặc false)", FixEn: "true or false (có or không)"})
	return nil
}

// sexWord names a key of sex figures in Vietnamese.
func sexWord(k string) string {
	switch k {
	case "total":
		return "tổng số (total)"
	case "male":
		return "nam (male)"
	case "female":
		return "nữ (female)"
	}
	return k
}

// describeVi names the kind of a YAML value for a clerk.
func describeVi(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "một nhóm các dòng \"tên: giá trị\""
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.AliasNode:
		return "một tham chiếu (*)"
	}
	if n.Value == "" {
		return "một giá trị trống"
	}
	return fmt.Sprintf("chữ %q", n.Value)
}
