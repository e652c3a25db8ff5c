package app

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
)

// An indicator catalogue is read through the reports that name it; it has
// no output of its own. The docs tell users to copy one beside their
// report, so a folder that holds one must render as the user expects: the
// catalogue is checked, and skipped with a note.
func init() {
	Register(Kind{
		Name:  "catalogue",
		Match: isCatalogue,
		Check: func(file string, src []byte, _ Options) diag.List {
			_, diags := report.LoadCatalogue(file, src)
			return diags
		},
		Note: diag.Msg{Code: "input.catalogue",
			Vi: "bộ chỉ tiêu: đã kiểm tra, không tạo tệp (biểu số liệu dùng nó qua dòng catalogue:)",
			En: "indicator catalogue: checked, nothing to render (a report uses it through its catalogue: line)"},
	})
}

// catalogueSchema is the schema of a catalogue of any version.
var catalogueSchema = strings.SplitAfter(report.CatalogueSchema, "/")[0]

func isCatalogue(root *yaml.Node) bool {
	n := decode.Lookup(root, "schema")
	return n != nil && n.Kind == yaml.ScalarNode && strings.HasPrefix(n.Value, catalogueSchema)
}

// reportUses names the catalogue file a report reads, when it names one
// by path (the embedded catalogues are not files of the batch).
func reportUses(file string, root *yaml.Node, opt Options) []string {
	n := decode.Lookup(root, "catalogue")
	if n == nil || n.Kind != yaml.ScalarNode || n.Value == "" {
		return nil
	}
	name := n.Value
	if !strings.ContainsAny(name, `/\`) && !IsYAML(name) {
		return nil
	}
	p := filepath.FromSlash(name)
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(file), p)
	}
	return []string{p}
}

// recogniseCatalogues checks as catalogues the files of a batch that were
// not recognised but that a report of the batch names as its catalogue:
// a catalogue whose schema line is missing or misspelt then gets the
// catalogue's own messages, and is skipped like any catalogue.
func recogniseCatalogues(results []Result, opt Options) {
	used := map[string]bool{}
	for _, r := range results {
		for _, u := range r.uses {
			used[pathKey(u)] = true
		}
	}
	if len(used) == 0 {
		return
	}
	var k *Kind
	for i := range kinds {
		if kinds[i].Name == "catalogue" {
			k = &kinds[i]
		}
	}
	if k == nil {
		return
	}
	for i, r := range results {
		if r.Kind != "" || r.Interrupted || !used[pathKey(r.Input)] {
			continue
		}
		src, err := ReadInput(r.Input)
		if err != nil {
			continue // already reported
		}
		res := Result{Input: r.Input, Kind: k.Name, Skipped: true, Note: k.Note, Strict: opt.Strict,
			Diags: k.Check(r.Input, src, opt)}
		res.Diags.Sort()
		results[i] = res
	}
}

// pathKey is a path as a case-insensitive file system compares it.
func pathKey(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return foldName(p)
}
