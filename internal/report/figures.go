package report

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
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

// errorf reports a problem with the figures, with a Vietnamese hint.
func (r figureReader) errorf(path, expected, hint, format string, args ...any) {
	problem(r.d, diag.Error, diag.Pos{}, path, r.who+": "+fmt.Sprintf(format, args...), expected, hint)
}

// number reads a whole, non-negative count.
func (r figureReader) number(n *yaml.Node, path string) (int64, bool) {
	r.d.Record(path, n)
	const want = "a whole number of 0 or more"
	if n.Kind != yaml.ScalarNode {
		r.errorf(path, want, "phải là một số", "found %s", decode.Describe(n))
		return 0, false
	}
	switch n.Tag {
	case "!!int":
		v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			r.errorf(path, want, "số quá lớn", "the number %s is too large", n.Value)
			return 0, false
		}
		if v < 0 {
			r.errorf(path, want, "số liệu không được âm", "a negative count (%d)", v)
			return 0, false
		}
		return v, true
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && looksLikeThousands(n.Value) {
			r.errorf(path, fmt.Sprintf("a whole number written without a thousands dot: %d", int64(math.Round(f*1000))),
				"không dùng dấu chấm phân cách hàng nghìn", "a fractional count (%s)", n.Value)
			return 0, false
		}
		r.errorf(path, want, "số người, số vụ phải là số nguyên", "a fractional count (%s)", n.Value)
		return 0, false
	}
	if thousandsComma.MatchString(n.Value) {
		r.errorf(path, "a whole number written without a thousands comma: "+strings.ReplaceAll(n.Value, ",", ""),
			"không dùng dấu phẩy phân cách hàng nghìn", "found the text %q", n.Value)
		return 0, false
	}
	r.errorf(path, want, "phải là một số", "found the text %q", n.Value)
	return 0, false
}

// thousandsComma matches a count such as 1,234 written with a thousands
// comma, which YAML reads as text.
var thousandsComma = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)

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
		r.errorf(path, "the counts by name, such as "+example, "ghi số liệu dạng {tên: số, …}", "found %s", decode.Describe(n))
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
			msg := fmt.Sprintf("unknown count %q", k)
			if s := decode.Suggest(k, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			r.errorf(kpath, "one of: "+strings.Join(keys, ", "), "tên số liệu không đúng", "%s", msg)
			ok = false
			continue
		}
		if seen[k] {
			r.errorf(kpath, "each count once", "số liệu ghi hai lần", "%q is given twice", k)
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
	case len(got) == 1:
		r.errorf(path, "two of total, male, female (or ~ when the figures were not reported)",
			"cần ít nhất hai trong ba số: tổng số, nam, nữ", "only %s is given, so the figures are half filled", onlyKey(got))
		return nil
	case hasT && hasF && f > t:
		r.errorf(decode.Join(path, "female"), "women ≤ total", "số nữ lớn hơn tổng số", "women (%d) are more than the total (%d)", f, t)
		return nil
	case hasT && hasM && m > t:
		r.errorf(decode.Join(path, "male"), "men ≤ total", "số nam lớn hơn tổng số", "men (%d) are more than the total (%d)", m, t)
		return nil
	case hasT && hasM && hasF && m+f != t:
		r.errorf(decode.Join(path, "total"), "men + women = total", "nam cộng nữ khác tổng số", "men (%d) + women (%d) = %d, not the total %d", m, f, m+f, t)
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
		r.errorf(path, fmt.Sprintf("both %s and %s (or ~ when the figures were not reported)", a, b),
			"thiếu một trong hai số liệu", "%s is given but %s is missing, so the pair is half filled", have, lack)
		return nil
	}
	if r.m.Subset && vb > va {
		r.errorf(decode.Join(path, b), fmt.Sprintf("%s ≤ %s", b, a), fmt.Sprintf("số \"%s\" lớn hơn số \"%s\"", lower(r.m.Second.Label), lower(r.m.First.Label)), "%s (%d) is more than %s (%d)", b, vb, a, va)
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
	const want = `a list of posts with the holder's sex, e.g. "- Chủ tịch: nam"`
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		r.errorf(path, want, "ghi mỗi chức danh một dòng: \"- Chủ tịch: nam\"", "the posts are not a list of post: sex lines")
		return nil
	}
	f := Figures{"units": 1}
	ok := true
	for i, item := range n.Content {
		ipath := decode.Index(path, i)
		r.d.Record(ipath, item)
		if item.Kind != yaml.MappingNode || len(item.Content) != 2 {
			r.errorf(ipath, want, "ghi mỗi chức danh một dòng: \"- Chủ tịch: nam\"", "post %d is not one \"post: sex\" line", i+1)
			ok = false
			continue
		}
		sex, good := parseSex(item.Content[1].Value)
		if !good || item.Content[1].Kind != yaml.ScalarNode {
			r.d.Record(ipath, item.Content[1])
			r.errorf(ipath, "nam or nữ", "giới tính ghi nam hoặc nữ", "the holder of %q has the sex %q", item.Content[0].Value, item.Content[1].Value)
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
	r.errorf(path, "true or false (có or không)", "ghi có hoặc không", "found %q", n.Value)
	return nil
}
