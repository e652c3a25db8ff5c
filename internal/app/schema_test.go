package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/schema"
	"github.com/vanban/vanban/templates"
)

// The schemas are checked with an independent validator
// (santhosh-tekuri/jsonschema v6: pure Go, the whole of draft 2020-12,
// passes the official JSON Schema test suite), so that what an editor
// marks and what vanban refuses cannot part silently.

// compiled returns the compiled schema of an input format.
func compiled(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	out, err := Schema(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	url := "file:///" + SchemaFile(name)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: not a valid draft 2020-12 schema: %v", name, err)
	}
	return s
}

// instance reads YAML as an editor's YAML 1.2 sees it. A file that is not
// plain YAML but that vanban mends (a continued line ending with ":", which
// the starters use on purpose) is read as vanban reads it, and logged: an
// editor marks that line as a syntax error, whatever the schema says.
func instance(t *testing.T, src []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err == nil {
		return schema.Value(&n)
	} else {
		t.Logf("not plain YAML (an editor marks it): %v", err)
	}
	dec := decode.New("input.yaml")
	root := dec.Parse(src)
	if root == nil {
		t.Fatalf("neither YAML nor what vanban reads: %v", dec.Diags)
	}
	return schema.Value(root)
}

// inputs lists every example and starter with its format.
func inputs(t *testing.T) map[string][]byte {
	files := map[string][]byte{}
	examples, _ := filepath.Glob("../../examples/*.yaml")
	for _, f := range examples {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files[f] = src
	}
	for name, src := range Starters() {
		files["starter "+name] = src
	}
	return files
}

func formatOf(src []byte) string {
	if bytes.Contains(src, []byte("\nschema: bdg-period/")) || bytes.HasPrefix(src, []byte("schema: bdg-period/")) {
		return "report"
	}
	return "document"
}

func TestSchemaAcceptsExamplesAndStarters(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{}
	for _, n := range SchemaNames {
		schemas[n] = compiled(t, n)
	}
	files := inputs(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		src := files[name]
		f := formatOf(src)
		if err := schemas[f].Validate(instance(t, src)); err != nil {
			t.Errorf("%s: the %s schema refuses it:\n%v", name, f, err)
		}
		if strings.HasPrefix(name, "starter ") {
			// vanban reads more than plain YAML (a wrapped line holding
			// ": ", say), but an editor with the schema underlines it in
			// red: what vanban hands out must not look broken there.
			var n yaml.Node
			if err := yaml.Unmarshal(src, &n); err != nil {
				t.Errorf("%s is not plain YAML, an editor marks it: %v", name, err)
			}
			want := "# yaml-language-server: $schema=" + SchemaFile(f) + "\n"
			if !bytes.HasPrefix(src, []byte(want)) {
				t.Errorf("%s does not begin with %q", name, want)
			}
		}
	}
	cats, _ := templates.FS().(interface {
		ReadDir(string) ([]os.DirEntry, error)
	}).ReadDir("catalogues")
	n := 0
	for _, e := range cats {
		if !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		src, _ := templates.Read("catalogues/"+e.Name(), "")
		if err := schemas["catalogue"].Validate(instance(t, src)); err != nil {
			t.Errorf("catalogue %s: the catalogue schema refuses it:\n%v", e.Name(), err)
		}
		n++
	}
	if n == 0 {
		t.Error("no catalogue checked")
	}
}

// wrongFiles are mistakes a clerk makes; the schema and vanban must both
// refuse each.
var wrongFiles = []struct{ name, format, src string }{
	{"unknown key", "document", "titel: Kế hoạch năm 2024\n"},
	{"a field where a text goes", "document", "title:\n  text: Kế hoạch năm 2024\n"},
	{"sections as a text", "document", "sections: Công tác tuyên truyền\n"},
	{"no signer", "document", "-signer\n"},
	{"signer and signers", "document", "signers: [{position: THƯ KÝ, name: Lê Thị Cúc}, {position: CHỦ TỌA, name: Nguyễn Văn An}]\n"},
	{"three signers", "document", "signer:\nsigners: [{position: A, name: Lê Cúc}, {position: B, name: Lê Cúc}, {position: C, name: Lê Cúc}]\n"},
	{"unknown urgency", "document", "urgency: gấp\n"},
	{"unknown type", "document", "type: ke-hoachh\n"},
	{"body size 15", "document", "style: {body_size: 15}\n"},
	{"left margin 40", "document", "style: {margins: {left: 40}}\n"},
	{"line spacing 2", "document", "style: {line_spacing: 2}\n"},
	{"unknown numbering", "document", "style: {numbering: roman}\n"},
	{"date day first", "document", "date: 23/5/2017\n"},
	{"number zero", "document", "number: 0\n"},
	{"draft maybe", "document", "draft: có lẽ\n"},
	{"table size 11", "document", "sections: [{heading: Kinh phí, table: {size: 11, columns: [{title: Nội dung}], rows: [[Tập huấn]]}}]\n"},
	{"table without rows", "document", "sections: [{heading: Kinh phí, table: {columns: [{title: Nội dung}]}}]\n"},
	{"period kind quarter", "report", "period: {kind: quarter, year: 2017}\n"},
	{"year 1800", "report", "period: {kind: year, year: 1800}\n"},
	{"unknown measure", "report", "data: {town: {cap_uyy: {total: 10, female: 5}}}\n"},
	{"negative count", "report", "data: {town: {cap_uy: {total: -3, female: 1}}}\n"},
	{"unknown count", "report", "data: {town: {cap_uy: {tong: 10, female: 5}}}\n"},
	{"target of an unknown indicator", "report", "targets: {khong_co: {year: 30}}\n"},
	{"wrong schema", "report", "schema: bdg-period/v9\n"},
	{"a post without a sex", "report", "data: {town: {ubnd_lanh_dao: [Chủ tịch]}}\n"},
	{"a flag as a number", "report", "data: {town: {dai_truyen_thanh: 2}}\n"},
	{"unknown shape", "catalogue", "measures: [{id: x, label: X, shape: triple, from: areas}]\n"},
	{"unknown indicator kind", "catalogue", "indicators: [{id: x, group: g, name: X, unit: '%', kind: percent}]\n"},
}

// wrongBase is a valid file of each format that a wrong file's lines
// change: a key given again replaces the base's, "-key" removes it.
var wrongBase = map[string]string{
	"document": "../../examples/chuong-trinh-bim-son-2017.yaml",
	"report":   "../../examples/bao-cao-bdg-bim-son-2017-6-thang.yaml",
}

func TestSchemaAndVanbanRefuseTheSameMistakes(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{}
	for _, n := range SchemaNames {
		schemas[n] = compiled(t, n)
	}
	for _, w := range wrongFiles {
		src := wrongSource(t, w.format, w.src)
		if err := schemas[w.format].Validate(instance(t, src)); err != nil {
			t.Logf("%s: %.150s", w.name, strings.ReplaceAll(err.Error(), "\n", " ⏎ "))
		} else {
			t.Errorf("%s: the schema accepts it", w.name)
		}
		var refused bool
		if w.format == "catalogue" {
			_, diags := report.LoadCatalogue("wrong.yaml", src)
			refused = diags.HasErrors()
		} else {
			dir := t.TempDir()
			f := filepath.Join(dir, "wrong.yaml")
			os.WriteFile(f, src, 0o644)
			_, outs, diags := Build(f, src, Options{})
			refused = diags.HasErrors() || len(outs) == 0
		}
		if !refused {
			t.Errorf("%s: vanban accepts it", w.name)
		}
	}
}

// wrongSource applies a wrong file's top-level keys to the base file of
// its format.
func wrongSource(t *testing.T, format, change string) []byte {
	var base yaml.Node
	if format == "catalogue" {
		src, _ := templates.Read("catalogues/bdg-2021-2030.yaml", "")
		yaml.Unmarshal(src, &base)
	} else {
		src, err := os.ReadFile(wrongBase[format])
		if err != nil {
			t.Fatal(err)
		}
		yaml.Unmarshal(src, &base)
	}
	root := base.Content[0]
	if strings.HasPrefix(change, "-") {
		key := strings.TrimSpace(change[1:])
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				root.Content = append(root.Content[:i], root.Content[i+2:]...)
				break
			}
		}
	} else {
		var ch yaml.Node
		if err := yaml.Unmarshal([]byte(change), &ch); err != nil {
			t.Fatal(err)
		}
		c := ch.Content[0]
		for j := 0; j+1 < len(c.Content); j += 2 {
			replaced := false
			for i := 0; i+1 < len(root.Content); i += 2 {
				if root.Content[i].Value == c.Content[j].Value {
					root.Content[i+1] = c.Content[j+1]
					replaced = true
				}
			}
			if !replaced {
				root.Content = append(root.Content, c.Content[j], c.Content[j+1])
			}
		}
	}
	out, err := yaml.Marshal(&base)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSchemaDescribesEveryKey: each key has a Vietnamese description and
// an example, so that an editor explains it on hover and completes it.
func TestSchemaDescribesEveryKey(t *testing.T) {
	for _, name := range SchemaNames {
		out, err := Schema(name)
		if err != nil {
			t.Fatal(err)
		}
		var s map[string]any
		json.Unmarshal(out, &s)
		count := 0
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch x := v.(type) {
			case map[string]any:
				if props, ok := x["properties"].(map[string]any); ok && path != "" || ok && x["$schema"] != nil {
					for k, p := range props {
						pm, _ := p.(map[string]any)
						if strings.Contains(path, "allOf") {
							continue // the catalogues' measures, described by their labels
						}
						count++
						if d, _ := pm["description"].(string); d == "" {
							t.Errorf("%s: %s%s has no description", name, path, k)
						}
						if ex, _ := pm["examples"].([]any); len(ex) == 0 {
							t.Errorf("%s: %s%s has no example", name, path, k)
						}
					}
				}
				for k, c := range x {
					walk(path+k+".", c)
				}
			case []any:
				for i, c := range x {
					walk(fmt.Sprintf("%s%d.", path, i), c)
				}
			}
		}
		walk("", s)
		if count < 10 {
			t.Errorf("%s: only %d keys described", name, count)
		}
	}
}

// TestSchemaFollowsTheModel: a key is in the schema because it is in the
// Go type the decoder fills, nowhere else.
func TestSchemaFollowsTheModel(t *testing.T) {
	type extra struct {
		Name string `yaml:"ten_moi,required" vi:"tên mới" ex:"x"`
	}
	s := schema.Generate(extra{}, schema.Options{})
	props := s["properties"].(map[string]any)
	if _, ok := props["ten_moi"]; !ok || fmt.Sprint(s["required"]) != "[ten_moi]" {
		t.Errorf("a new key is not in the schema: %v", s)
	}
}

// rightFiles are spellings vanban accepts that a strict schema would
// refuse; the schema must accept them too (it may accept more, never
// less). vanbanToo is false where vanban's acceptance is being built
// elsewhere (a sentence with ": " that YAML reads as a key and a value).
var rightFiles = []struct {
	name, format, src string
	vanbanToo         bool
}{
	{"type with diacritics", "document", "type: Chương trình\n", true},
	{"type in capitals", "document", "type: CHƯƠNG TRÌNH\n", true},
	{"urgency in words", "document", "urgency: Khẩn\n", true},
	{"secrecy without diacritics", "document", "secrecy: toi mat\n", true},
	{"number with its zero", "document", "number: \"05\"\n", true},
	{"place as a number", "document", "place: 2017\n", true},
	{"draft in Vietnamese", "document", "draft: có\n", true},
	{"style left empty", "document", "style:\n", true},
	{"numbering in Vietnamese", "document", "style: {numbering: Thập phân}\n", true},
	{"a dated month", "document", "date: 2017-5-3\n", true},
	{"period in Vietnamese", "report", "period: {kind: 6 tháng, year: 2017}\n", true},
	{"an item with a colon", "document", "preamble:\n  - Hội LHPN xã: chủ trì tuyên truyền\n", true},
	{"lines with colons", "document", "sections:\n  - heading: Thời gian, địa điểm\n    text:\n      Thời gian: 8 giờ ngày 5 tháng 6\n      Địa điểm: Hội trường UBND xã\n", true},
}

func TestSchemaAcceptsWhatVanbanAccepts(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{}
	for _, n := range SchemaNames {
		schemas[n] = compiled(t, n)
	}
	for _, r := range rightFiles {
		src := wrongSource(t, r.format, r.src)
		if err := schemas[r.format].Validate(instance(t, src)); err != nil {
			t.Errorf("%s: the schema refuses it: %v", r.name, err)
		}
		if !r.vanbanToo {
			continue
		}
		f := filepath.Join(t.TempDir(), "right.yaml")
		os.WriteFile(f, src, 0o644)
		if _, outs, diags := Build(f, src, Options{}); diags.HasErrors() || len(outs) == 0 {
			t.Errorf("%s: vanban refuses it: %v", r.name, diags)
		}
	}
}

// Two signers written in signers: instead of signer: are accepted by the
// schema and by vanban alike.
func TestSchemaAcceptsTwoSigners(t *testing.T) {
	for _, list := range []string{
		"signers: [{position: THƯ KÝ, name: Lê Thị Cúc}, {position: CHỦ TỌA, name: Nguyễn Văn An}]\n",
		"signers: [{position: CHỦ TỌA, name: Nguyễn Văn An}]\n",
	} {
		src := append(wrongSource(t, "document", "-signer"), list...)
		if err := compiled(t, "document").Validate(instance(t, src)); err != nil {
			t.Errorf("%s: the schema refuses it: %v", list, err)
		}
		f := filepath.Join(t.TempDir(), "right.yaml")
		os.WriteFile(f, src, 0o644)
		if _, outs, diags := Build(f, src, Options{}); diags.HasErrors() || len(outs) == 0 {
			t.Errorf("%s: vanban refuses it: %v", list, diags)
		}
	}
}
