// Package app is vanban's API layer between the command line and the
// pipelines: it reads an input file, recognises which kind of input it is
// (an administrative document, a statistics report), runs that kind's
// pipeline and writes the output atomically. The command in cmd/vanban
// only parses flags and calls this package.
package app

import (
	"errors"
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
	Ext  string // extension of the file render writes, with the dot
	// Match reports whether a parsed file is of this kind.
	Match func(root *yaml.Node) bool
	// Build decodes and validates the input, reporting problems through
	// dec. It returns nil when the input cannot be rendered; otherwise
	// the outputs it can be written as, the file render writes first.
	Build func(dec *decode.Decoder, root *yaml.Node, opt Options) Outputs
	// Starters returns commented starting files by name, for "vanban new".
	Starters func() map[string][]byte
}

// Writer writes a finished output.
type Writer func(w io.Writer) error

// Output is one form a valid input can be written in: a document is a
// PDF file and SVG pages for the preview; a report is a workbook and an
// HTML summary.
type Output struct {
	Format string // "pdf", "svg", "xlsx", "html"
	// Ext is the extension of the file (with the dot).
	Ext string
	// MediaType is what a server sends it as. The "svg" and "html"
	// previews are HTML fragments, to be placed inside a page.
	MediaType string
	Write     Writer
}

// Outputs are the forms of one input; the first is the file render writes.
type Outputs []Output

// Get returns the output of the given format.
func (o Outputs) Get(format string) (Output, bool) {
	for _, x := range o {
		if x.Format == format {
			return x, true
		}
	}
	return Output{}, false
}

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

// Prepare decodes and validates one input file. It returns the extension
// and writer of the file render writes, or a nil writer when the input has
// errors. It never panics: a failure inside vanban becomes a diagnostic, so
// one broken file cannot stop a batch.
func Prepare(file string, src []byte, opt Options) (ext string, w Writer, diags diag.List) {
	kind, outs, diags := Build(file, src, opt)
	if len(outs) == 0 {
		return kind.Ext, nil, diags
	}
	return outs[0].Ext, outs[0].Write, diags
}

// Build decodes and validates one input file and returns its kind (the
// zero Kind when it is of none) and every output it can be written as,
// or none when the input has errors. Like Prepare, it never panics, and
// no output's writer does either.
func Build(file string, src []byte, opt Options) (kind Kind, outs Outputs, diags diag.List) {
	dec := decode.New(file)
	defer func() {
		if r := recover(); r != nil {
			outs, diags = nil, append(dec.Diags, internalError(file, r))
		}
	}()
	root := dec.Parse(src)
	if root == nil {
		return Kind{}, nil, dec.Diags
	}
	k, ok := detect(dec, root)
	if !ok {
		return Kind{}, nil, dec.Diags
	}
	outs = k.Build(dec, root, opt)
	dec.Diags.Sort()
	if dec.Diags.HasErrors() || len(outs) == 0 {
		if !dec.Diags.HasErrors() {
			dec.Diags.Add(internalError(file, "the "+k.Name+" pipeline returned no output and no error"))
		}
		return k, nil, dec.Diags
	}
	for i := range outs {
		outs[i].Write = safe(outs[i].Write)
	}
	return k, outs, dec.Diags
}

// detect finds the kind of a parsed file, reporting a file of no known kind.
func detect(dec *decode.Decoder, root *yaml.Node) (Kind, bool) {
	for _, k := range kinds {
		if k.Match(root) {
			return k, true
		}
	}
	at := diag.Pos{Line: root.Line, Col: root.Column}
	const expected = "a document with \"type: …\" or a statistics report with \"schema: bdg-period/v1\""
	switch root.Kind {
	case yaml.MappingNode:
		dec.ErrorAt(at, "", "vanban does not know what this file is", expected)
		for i := 0; i+1 < len(root.Content); i += 2 {
			kn := root.Content[i]
			if s := decode.Suggest(kn.Value, []string{"type", "schema"}); s != "" && s != kn.Value {
				dec.ErrorAt(diag.Pos{Line: kn.Line, Col: kn.Column}, kn.Value, fmt.Sprintf("unknown key %q; did you mean %q?", kn.Value, s), "")
			}
			if vn := root.Content[i+1]; kn.Value == "schema" && vn.Kind == yaml.ScalarNode {
				dec.ErrorAt(diag.Pos{Line: vn.Line, Col: vn.Column}, "schema", fmt.Sprintf("unknown schema %q", vn.Value), "bdg-period/v1 for a statistics report")
			}
		}
	case yaml.SequenceNode:
		dec.ErrorAt(at, "", "the file is a list, not a group of fields", expected)
	default:
		dec.ErrorAt(at, "", "the file holds plain text, not a group of fields", expected)
	}
	return Kind{}, false
}

// safe wraps a Writer so that a panic while writing becomes an error.
func safe(w Writer) Writer {
	if w == nil {
		return nil
	}
	return func(out io.Writer) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = internalError("", r)
			}
		}()
		return w(out)
	}
}

// internalError reports a bug in vanban, not in the input.
func internalError(file string, r any) diag.Diagnostic {
	return diag.Diagnostic{File: file, Msg: diag.Msg{Code: "internal",
		Vi: fmt.Sprintf("lỗi bên trong vanban: %v", r), En: fmt.Sprintf("internal error in vanban: %v", r),
		FixVi: "đây không phải lỗi của tệp; hãy gửi tệp này cho người phát triển vanban",
		FixEn: "no error; please report this file to the vanban maintainers"}}
}

// ReadInput reads an input file, but never more than the decoder accepts:
// a huge file (or a device such as /dev/zero) is refused after reading
// just past the limit instead of filling the memory.
func ReadInput(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(decode.DefaultLimits.MaxBytes)+1))
}

// Check validates one file without writing anything. Problems found only
// while rendering (such as characters the font cannot draw) are found too,
// because rendering goes to a discarded buffer.
func Check(file string, opt Options) Result {
	res := Result{Input: file}
	src, err := ReadInput(file)
	if err != nil {
		res.Diags.Add(readError(file, err))
		return res
	}
	_, w, diags := Prepare(file, src, opt)
	res.Diags = diags
	if w != nil {
		if err := w(io.Discard); err != nil {
			res.Diags.Append(renderDiags(file, err))
			res.Diags.Sort()
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
	src, err := ReadInput(file)
	if err != nil {
		res.Diags.Add(readError(file, err))
		return res
	}
	ext, w, diags := Prepare(file, src, opt)
	res.Diags = diags
	if w == nil {
		return res
	}
	out := OutputPath(file, outDir, ext)
	if same, _ := sameFile(file, out); same {
		res.Diags.Add(diag.Diagnostic{File: file, Msg: diag.Msg{Code: "output.overwrites-input",
			Vi: "tệp kết quả " + out + " sẽ ghi đè lên chính tệp đầu vào này", En: "the output " + out + " would overwrite this input file",
			FixVi: "đổi tên tệp đầu vào cho có đuôi .yaml hoặc .yml", FixEn: "an input file name ending in .yaml or .yml"}})
		return res
	}
	if err := writeAtomic(out, w); err != nil {
		res.Diags.Append(writeDiags(file, out, err))
		res.Diags.Sort()
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

func readError(file string, err error) diag.Diagnostic {
	return diag.Diagnostic{File: file, Msg: diag.Msg{Code: "input.unreadable",
		Vi: "không đọc được tệp: " + plainIOError(err), En: "cannot read the file: " + plainIOError(err)}}
}

// writeDiags explains a failed write: either the pipeline's writer failed
// (its diagnostics are kept) or the file system refused.
func writeDiags(file, out string, err error) diag.List {
	var fe *fsError
	if errors.As(err, &fe) {
		return diag.List{{File: file, Msg: diag.Msg{Code: "output.unwritable",
			Vi: fmt.Sprintf("không ghi được %s: %s", out, plainIOError(fe.err)),
			En: fmt.Sprintf("cannot write %s: %s", out, plainIOError(fe.err))}}}
	}
	return renderDiags(file, err)
}

// renderDiags turns an error from a pipeline's writer into diagnostics,
// keeping positioned diagnostics as they are.
func renderDiags(file string, err error) diag.List {
	var l diag.ListError
	var d diag.Diagnostic
	switch {
	case errors.As(err, &l):
		return diag.List(l)
	case errors.As(err, &d):
		if d.File == "" {
			d.File = file
		}
		return diag.List{d}
	}
	return diag.List{{File: file, Msg: diag.Msg{Code: "render.failed",
		Vi: "không tạo được tệp kết quả: " + err.Error(), En: "cannot render: " + err.Error()}}}
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

// File is the outputs of a kind that writes one file of extension ext and
// has no preview; nil when w is nil.
func File(ext string, w Writer) Outputs {
	if w == nil {
		return nil
	}
	return Outputs{{Format: strings.TrimPrefix(ext, "."), Ext: ext, MediaType: "application/octet-stream", Write: w}}
}

// Preview returns the output meant for a browser: the HTML fragment of a
// document's SVG pages or of a report's summary.
func (o Outputs) Preview() (Output, bool) {
	for _, x := range o[min(1, len(o)):] {
		if strings.HasPrefix(x.MediaType, "text/html") {
			return x, true
		}
	}
	return Output{}, false
}

// WriteErrorDiags explains an error returned by an output's writer, as
// render reports it.
func WriteErrorDiags(file string, err error) diag.List { return renderDiags(file, err) }
