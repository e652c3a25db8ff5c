// Package app is vanban's API layer between the command line and the
// pipelines: it reads an input file, recognises which kind of input it is
// (an administrative document, a statistics report), runs that kind's
// pipeline and writes the output atomically. The command in cmd/vanban
// only parses flags and calls this package.
package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// Options are the settings shared by every kind of input.
type Options struct {
	// FontDir, when set, holds the user's own Times New Roman files
	// (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) to use instead of
	// the embedded Liberation Serif.
	FontDir string
	// TemplateDir, when set, overrides embedded templates (document
	// types, indicator catalogues) with files of the same name.
	TemplateDir string
}

// Kind is one kind of input vanban understands. Each pipeline registers
// its Kind from an init function in this package.
type Kind struct {
	Name string // "document", "report"
	Ext  string // extension of the output, with the dot
	// Match reports whether a parsed file is of this kind.
	Match func(root *yaml.Node) bool
	// Build decodes and validates the input, reporting problems through
	// dec. It returns nil when the input cannot be rendered; otherwise a
	// function that writes the output.
	Build func(dec *decode.Decoder, root *yaml.Node, opt Options) Writer
	// Starters returns commented starting files by name, for "vanban new".
	Starters func() map[string][]byte
}

// Writer writes a finished output.
type Writer func(w io.Writer) error

var kinds []Kind

// Register adds a kind of input. Kinds are tried in the order of their
// names so that recognition does not depend on init order.
func Register(k Kind) {
	kinds = append(kinds, k)
	sort.Slice(kinds, func(i, j int) bool { return kinds[i].Name < kinds[j].Name })
}

// Result is what became of one input file.
type Result struct {
	Input  string
	Output string // the written file, or "" when nothing was written
	Diags  diag.List
}

// Failed reports whether the input had errors or could not be written.
func (r Result) Failed() bool { return r.Diags.HasErrors() }

// Prepare reads, decodes and validates one input file. It returns the
// output extension and writer, or a nil writer when the input has errors.
func Prepare(file string, src []byte, opt Options) (ext string, w Writer, diags diag.List) {
	dec := decode.New(file)
	root := dec.Parse(src)
	if root == nil {
		return "", nil, dec.Diags
	}
	k, ok := detect(root)
	if !ok {
		dec.Error("", "vanban does not know what this file is", "a document (with \"type:\") or a statistics report (with \"schema: bdg-period/v1\")")
		return "", nil, dec.Diags
	}
	w = k.Build(dec, root, opt)
	dec.Diags.Sort()
	if dec.Diags.HasErrors() {
		w = nil
	}
	return k.Ext, w, dec.Diags
}

func detect(root *yaml.Node) (Kind, bool) {
	for _, k := range kinds {
		if k.Match(root) {
			return k, true
		}
	}
	return Kind{}, false
}

// Check validates one file without writing anything. Problems found only
// while rendering (such as characters the font cannot draw) are found too,
// because rendering goes to a discarded buffer.
func Check(file string, opt Options) Result {
	res := Result{Input: file}
	src, err := os.ReadFile(file)
	if err != nil {
		res.Diags.Add(diag.Diagnostic{File: file, Message: "cannot read the file: " + plainIOError(err)})
		return res
	}
	_, w, diags := Prepare(file, src, opt)
	res.Diags = diags
	if w != nil {
		if err := w(io.Discard); err != nil {
			res.Diags.Append(renderDiags(file, err))
		}
	}
	return res
}

// RenderFile renders one input file into outDir (the input's own
// directory when outDir is ""), naming the output after the input with the
// kind's extension. The output is written to a temporary file in the same
// directory and renamed into place, so a failed render never leaves a
// partial file and never replaces a good one.
func RenderFile(file, outDir string, opt Options) Result {
	res := Result{Input: file}
	src, err := os.ReadFile(file)
	if err != nil {
		res.Diags.Add(diag.Diagnostic{File: file, Message: "cannot read the file: " + plainIOError(err)})
		return res
	}
	ext, w, diags := Prepare(file, src, opt)
	res.Diags = diags
	if w == nil {
		return res
	}
	out := OutputPath(file, outDir, ext)
	if same, _ := sameFile(file, out); same {
		res.Diags.Add(diag.Diagnostic{File: file, Message: "the output " + out + " would overwrite the input itself", Expected: "an input file ending in .yaml or .yml"})
		return res
	}
	var buf bytes.Buffer
	if err := w(&buf); err != nil {
		res.Diags.Append(renderDiags(file, err))
		return res
	}
	if err := WriteAtomic(out, buf.Bytes()); err != nil {
		res.Diags.Add(diag.Diagnostic{File: file, Message: fmt.Sprintf("cannot write %s: %s", out, plainIOError(err))})
		return res
	}
	res.Output = out
	return res
}

// OutputPath names the output of file: its base name with ext instead of
// its own extension, in outDir or else next to the input.
func OutputPath(file, outDir, ext string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)) + ext
	if outDir == "" {
		outDir = filepath.Dir(file)
	}
	return filepath.Join(outDir, base)
}

// renderDiags turns an error from a pipeline's writer into diagnostics,
// keeping positioned diagnostics as they are.
func renderDiags(file string, err error) diag.List {
	switch e := err.(type) {
	case diag.ListError:
		return diag.List(e)
	case diag.Diagnostic:
		return diag.List{e}
	}
	return diag.List{{File: file, Message: "cannot render: " + err.Error()}}
}

// Starters lists every starting file "vanban new" knows, by name.
func Starters() map[string][]byte {
	all := map[string][]byte{}
	for _, k := range kinds {
		if k.Starters == nil {
			continue
		}
		for name, src := range k.Starters() {
			all[name] = src
		}
	}
	return all
}
