package report

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func parseYAML(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("%v in\n%s", err, src)
	}
	return doc.Content[0]
}

// commentsOf lists the comments of a text, in order.
func commentsOf(src string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		if c := commentStart(l); c >= 0 {
			out = append(out, strings.TrimSpace(l[c:]))
		}
	}
	return out
}

// checkInsert inserts entries into src and checks that the result parses,
// holds every entry's values, keeps every comment of src and changes no
// line outside the data it writes.
func checkInsert(t *testing.T, src string, entries []Entry, order []string) string {
	t.Helper()
	out, err := InsertFigures([]byte(src), parseYAML(t, src), entries, order)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	root := parseYAML(t, got)
	data, _ := lookupPair(root, "data")
	for _, en := range entries {
		ent, ok := lookupPair(data.v, en.ID)
		if !ok {
			t.Fatalf("%s missing in\n%s", en.ID, got)
		}
		for _, mid := range en.Measures {
			m, ok := lookupPair(ent.v, mid)
			if !ok {
				t.Fatalf("%s.%s missing in\n%s", en.ID, mid, got)
			}
			want := parseYAML(t, "x: "+en.Values[mid])
			if a, b := flowNode(m.v), flowNode(want.Content[1]); a != b {
				t.Errorf("%s.%s = %s, want %s", en.ID, mid, a, b)
			}
		}
		if !strings.Contains(got, SourcePrefix+en.Source) {
			t.Errorf("no source comment for %s", en.ID)
		}
	}
	have := map[string]int{}
	for _, c := range commentsOf(got) {
		have[c]++
	}
	for _, c := range commentsOf(src) {
		if have[c] == 0 && !strings.HasPrefix(c, SourcePrefix) {
			t.Errorf("comment %q lost in\n%s", c, got)
		}
		have[c]--
	}
	if strings.Count(got, SourcePrefix) != len(entries)+strings.Count(src, SourcePrefix)-countReplaced(src, entries) {
		t.Errorf("source comments:\n%s", got)
	}
	return got
}

func countReplaced(src string, entries []Entry) int {
	n := 0
	for _, en := range entries {
		if strings.Contains(src, SourcePrefix) && strings.Contains(src, "\n  "+en.ID+":") {
			lines := strings.Split(src, "\n")
			for i, l := range lines {
				if strings.TrimSpace(l) == en.ID+":" && i > 0 && strings.Contains(lines[i-1], SourcePrefix) {
					n++
				}
			}
		}
	}
	return n
}

func entry(id, source string, kv ...string) Entry {
	en := Entry{ID: id, Source: source, Values: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		en.Measures = append(en.Measures, kv[i])
		en.Values[kv[i]] = kv[i+1]
	}
	return en
}

// TestInsertIntoExample writes figures into the annual example: into an
// existing ward (replacing some values, adding others) and for a new
// department, keeping every comment and every other line.
func TestInsertIntoExample(t *testing.T) {
	src, err := os.ReadFile("../../examples/bao-cao-bdg-bim-son-2017-nam.yaml")
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"town", "ba-dinh", "ngoc-trao", "bac-son", "lam-son", "dong-son", "phu-son", "quang-trung", "ha-lan",
		"noi-vu", "tc-kh", "ldtbxh", "nhcsxh", "gd-dt", "y-te", "cong-an", "tu-phap", "moi"}
	got := checkInsert(t, string(src), []Entry{
		entry("town", "bieu/town.xlsx", "cap_uy", "{total: 34, male: 26, female: 8}", "ubnd_lanh_dao", "[Chủ tịch: nam, Phó Chủ tịch: nữ]", "tin_bai_bdg", "~"),
		entry("ha-lan", "bieu/ha-lan.xlsx", "cap_uy", "{total: 1, female: 1}", "dai_truyen_thanh", "có"),
		entry("moi", "bieu/moi.xlsx", "doanh_nghiep", "{total: 3, female: 1}"),
	}, order)
	// Lines outside data are untouched: the text before "data:" is the same.
	head := string(src[:strings.Index(string(src), "\ndata:")])
	if !strings.HasPrefix(got, head) {
		t.Error("text before data changed")
	}
	for _, want := range []string{
		"    cap_uy: {total: 34, male: 26, female: 8}  # Ban Chấp hành Đảng bộ thị xã khóa XXI\n",
		"  " + SourcePrefix + "bieu/town.xlsx\n  town:                                  # cấp thị xã\n",
		"    ubnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in\n%s", want, got)
		}
	}
	// The new department comes after the last one, in the declared order.
	if i, j := strings.Index(got, "  tu-phap:"), strings.Index(got, "  moi:"); i < 0 || j < i {
		t.Errorf("new block misplaced:\n%s", got)
	}
}

// TestInsertShapes covers the shapes a data section can take.
func TestInsertShapes(t *testing.T) {
	head := "schema: bdg-period/v1 # đầu tệp\nsubunits: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]\n"
	order := []string{"town", "a", "b", "c"}
	for _, c := range []struct {
		name, src string
		entries   []Entry
		want      string
	}{
		{"no data", head + "notes: [x]\n", []Entry{entry("b", "b.xlsx", "m", "1")},
			head + "notes: [x]\n\ndata:\n  " + SourcePrefix + "b.xlsx\n  b:\n    m: 1\n"},
		{"empty data", head + "data: # số liệu\nnotes: [x]\n", []Entry{entry("b", "b.xlsx", "m", "1")},
			head + "data:  # số liệu\n  " + SourcePrefix + "b.xlsx\n  b:\n    m: 1\nnotes: [x]\n"},
		{"flow data", head + "data: {a: {m: 5, n: [x: nam]}}\n", []Entry{entry("a", "a.xlsx", "m", "7"), entry("c", "c.xlsx", "m", "~")},
			head + "data:\n  " + SourcePrefix + "a.xlsx\n  a:\n    m: 7\n    n: [x: nam]\n  " + SourcePrefix + "c.xlsx\n  c:\n    m: ~\n"},
		{"flow entity", head + "data:\n  a: {m: 5}   # a\n  b: ~\n", []Entry{entry("a", "a.xlsx", "n", "{x: 1}"), entry("b", "b.xlsx", "m", "2")},
			head + "data:\n  " + SourcePrefix + "a.xlsx\n  a:  # a\n    m: 5\n    n: {x: 1}\n  " + SourcePrefix + "b.xlsx\n  b:\n    m: 2\n"},
		{"empty entity", head + "data:\n    a:\n    c:\n        m: 1\n", []Entry{entry("a", "a.xlsx", "m", "3")},
			head + "data:\n    " + SourcePrefix + "a.xlsx\n    a:\n        m: 3\n    c:\n        m: 1\n"},
		{"block list replaced", head + "data:\n  a:\n    p:          # chức danh\n      - Chủ tịch: nam   # ông A\n      # bà B nghỉ\n      - Phó: nữ\n    q: 1\n",
			[]Entry{entry("a", "a.xlsx", "p", "[Chủ tịch: nữ]")},
			head + "data:\n  " + SourcePrefix + "a.xlsx\n  a:\n    # ông A\n    # bà B nghỉ\n    p: [Chủ tịch: nữ]  # chức danh\n    q: 1\n"},
		{"new between, spaced", head + "data:\n  a:\n    m: 1\n\n  c:\n    m: 3\n", []Entry{entry("b", "b.xlsx", "m", "2")},
			head + "data:\n  a:\n    m: 1\n\n  " + SourcePrefix + "b.xlsx\n  b:\n    m: 2\n\n  c:\n    m: 3\n"},
		{"new first", head + "data:\n  # c trước\n  c:\n    m: 3\n", []Entry{entry("a", "a.xlsx", "m", "1")},
			head + "data:\n  " + SourcePrefix + "a.xlsx\n  a:\n    m: 1\n  # c trước\n  c:\n    m: 3\n"},
		{"after the last block's closing comment", head + "data:\n  a:\n    m: 1\n  # b: từ biểu mẫu\nnotes: [x]\n", []Entry{entry("b", "b.xlsx", "m", "2")},
			head + "data:\n  a:\n    m: 1\n  # b: từ biểu mẫu\n  " + SourcePrefix + "b.xlsx\n  b:\n    m: 2\nnotes: [x]\n"},
		{"re-import", head + "data:\n  " + SourcePrefix + "cu.xlsx\n  a:\n    m: 1 # cũ\n    n: 2\n", []Entry{entry("a", "moi.xlsx", "m", "5", "o", "6")},
			head + "data:\n  " + SourcePrefix + "moi.xlsx\n  a:\n    m: 5  # cũ\n    n: 2\n    o: 6\n"},
		{"quoted key and value", head + "data:\n  \"a\":\n    'm': \"x # y\" # z\n", []Entry{entry("a", "a.xlsx", "m", "4")},
			head + "data:\n  " + SourcePrefix + "a.xlsx\n  \"a\":\n    'm': 4  # z\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := checkInsert(t, c.src, c.entries, order)
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestInsertKeepsLineEnds: a file written on Windows keeps its CRLF line
// ends and its byte-order mark.
func TestInsertKeepsLineEnds(t *testing.T) {
	src := "\xEF\xBB\xBFschema: bdg-period/v1\r\ndata:\r\n  a:\r\n    m: 1\r\n"
	out, err := InsertFigures([]byte(src), parseYAML(t, strings.TrimPrefix(src, "\xEF\xBB\xBF")), []Entry{entry("a", "a.xlsx", "m", "2")}, []string{"a"})
	if err != nil {
		t.Fatal(err)
	}
	want := "\xEF\xBB\xBFschema: bdg-period/v1\r\ndata:\r\n  " + SourcePrefix + "a.xlsx\r\n  a:\r\n    m: 2\r\n"
	if string(out) != want {
		t.Errorf("got %q\nwant %q", out, want)
	}
}

// FuzzInsertFigures: whatever a period file's text looks like, writing
// figures into it gives a file that parses, holds the figures and keeps
// every comment (or the edit is refused).
func FuzzInsertFigures(f *testing.F) {
	for _, s := range []string{
		"data:\n  a:\n    m: 1\n",
		"data: {a: {m: 5, n: [x: nam]}}\n",
		"data:\n  a: {m: 5}   # a\n  b: ~\n",
		"x: 1\ndata:\n    a:\n    c:\n        m: 1\n",
		"data:\n  a:\n    p:          # chức danh\n      - Chủ tịch: nam   # ông A\n      # bà B nghỉ\n      - Phó: nữ\n    q: 1\n",
		"data:\n  # c trước\n  c:\n    m: 3\nnotes: [x] # n\n",
		"data:\n  \"a\":\n    'm': \"x # y\" # z\n",
		"data:\r\n  a:\r\n    m: 1\r\n",
		"notes: [a]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
			return
		}
		if doc.Content[0].Style&yaml.FlowStyle != 0 || len(doc.Content[0].Content) > 0 && doc.Content[0].Content[0].Column != 1 {
			if _, err := InsertFigures([]byte(src), doc.Content[0], nil, nil); err != ErrFlowFile {
				t.Fatalf("a file on one line: %v", err)
			}
			return
		}
		root := doc.Content[0]
		if data, ok := lookupPair(root, "data"); ok {
			if data.k.Column != 1 || data.v.Kind == yaml.AliasNode || data.v.Kind == yaml.SequenceNode ||
				data.v.Kind == yaml.ScalarNode && data.v.Tag != "!!null" || hasAnchors(data.v) {
				return // not a period file's data section
			}
			for i := 1; i < len(data.v.Content); i += 2 {
				if v := data.v.Content[i]; v.Kind != yaml.MappingNode && v.Tag != "!!null" {
					return
				}
			}
		}
		entries := []Entry{entry("a", "a.xlsx", "m", "{total: 3, female: 1}", "n", "[Chủ tịch: nữ]"), entry("b", "b.xlsx", "m", "~")}
		out, err := InsertFigures([]byte(src), root, entries, []string{"town", "a", "b"})
		if err == ErrLineBreaks && oddBreaks([]byte(src)) {
			return
		}
		if err == ErrFlowFile && strings.Contains(src, "?") {
			return // an explicit "? key" in the data section
		}
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		var got yaml.Node
		if err := yaml.Unmarshal(out, &got); err != nil {
			t.Fatalf("the result does not parse: %v\n--- in\n%s\n--- out\n%s", err, src, out)
		}
		data, ok := lookupPair(got.Content[0], "data")
		if !ok {
			t.Fatalf("no data in\n%s", out)
		}
		for _, en := range entries {
			ent, ok := lookupPair(data.v, en.ID)
			if !ok {
				t.Fatalf("%s missing in\n%s", en.ID, out)
			}
			for _, mid := range en.Measures {
				m, ok := lookupPair(ent.v, mid)
				want := parseYAML(t, "x: "+en.Values[mid]).Content[1]
				if !ok || flowNode(m.v) != flowNode(want) {
					t.Fatalf("%s.%s wrong in\n--- in\n%s\n--- out\n%s", en.ID, mid, src, out)
				}
			}
		}
		have := strings.Join(commentsOf(string(out)), "\n")
		for _, c := range commentsOf(src) {
			if !strings.Contains(have, c) {
				t.Fatalf("comment %q lost\n--- in\n%s\n--- out\n%s", c, src, out)
			}
		}
	})
}

func hasAnchors(n *yaml.Node) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAnchors(c) {
			return true
		}
	}
	return false
}
