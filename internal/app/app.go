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
	// FontDir chooses the font of documents: a folder holding the
	// user's own Times New Roman files (times.ttf, timesbd.ttf,
	// timesi.ttf, timesbi.ttf), SystemFonts (Times New Roman where the
	// operating system keeps it) or EmbeddedFonts (Liberation Serif);
	// empty, the environment's VANBAN_FONTS decides, else the embedded
	// family.
	FontDir string
	// TemplateDir, when set, overrides embedded templates (document
	// types, indicator catalogues) with files of the same name.
	TemplateDir string
	// Strict makes warnings count as errors: an input with warnings is
	// not written and its Result has Failed. For CI, where a warning left
	// alone today is a wrong document tomorrow.
	Strict bool
	// Overwrite lets "vanban import" replace figures the period file
	// already holds with other figures from the forms (each one said in a
	// note); without it such an import is refused.
	Overwrite bool
}

// Kind is one kind of input vanban understands. Each pipeline registers
// its Kind from an init function in this package.
type Kind struct {
	Name string // "document", "report"
	Ext  string // extension of the output, with the dot
	// Match reports whether a parsed file is of this kind.
	Match func(root *yaml.Node) bool
	// Build decodes and validates the input, reporting problems through
	// dec. It returns nil when the input cannot be rendered; otherwise
	// the outputs it can be written as, the file render writes first.
	Build func(dec *decode.Decoder, root *yaml.Node, opt Options) Outputs
	// Check is set instead of Build for a kind that is read only through
	// other inputs (an indicator catalogue, named by a report): it
	// validates such a file, which a batch then skips with Note instead of
	// rendering it.
	Check func(file string, src []byte, opt Options) diag.List
	Note  diag.Msg
	// Uses, when set, names the other files an input of this kind reads
	// (a report's own catalogue), so that a batch holding one of them knows
	// what it is even when it is too broken to be recognised by itself.
	Uses func(file string, root *yaml.Node, opt Options) []string
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
	// Kind is the name of the kind of input recognised, "" when none was.
	Kind string
	// Skipped is set for a file vanban checks but never renders by itself
	// (an indicator catalogue); Note says what it is.
	Skipped bool
	Note    diag.Msg
	// Interrupted is set for a file a stopped batch never started.
	Interrupted bool
	// Strict is Options.Strict: warnings count as failures.
	Strict bool
	uses   []string // other files the input reads (Kind.Uses)
	// handover is the output waiting for a batch's committer.
	handover *handover
}

// Failed reports whether the input had errors (or warnings, when strict),
// could not be written or was never started.
func (r Result) Failed() bool {
	return r.Interrupted || r.Diags.HasErrors() || r.Strict && r.Diags.HasWarnings()
}

// Prepare decodes and validates one input file. It returns the output
// extension and writer, or a nil writer when the input has errors or is
// of a kind that is never rendered by itself. It never panics: a failure
// inside vanban becomes a diagnostic, so one broken file cannot stop a
// batch.
func Prepare(file string, src []byte, opt Options) (ext string, w Writer, diags diag.List) {
	p := prepare(file, src, opt)
	if p.kind != nil {
		ext = p.kind.Ext
	}
	if len(p.outs) > 0 {
		ext, w = p.outs[0].Ext, p.outs[0].Write
	}
	return ext, w, p.diags
}

// Build decodes and validates one input file and returns its kind (the
// zero Kind when it is of none) and every output it can be written as,
// or none when the input has errors or is never rendered by itself. Like
// Prepare, it never panics, and no output's writer does either.
func Build(file string, src []byte, opt Options) (Kind, Outputs, diag.List) {
	p := prepare(file, src, opt)
	if p.kind == nil {
		return Kind{}, nil, p.diags
	}
	return *p.kind, p.outs, p.diags
}

// prepared is what Prepare found out about one input.
type prepared struct {
	kind  *Kind   // nil when the file is not recognised
	outs  Outputs // nil when there is nothing to write
	diags diag.List
	uses  []string
}

// file is the writer of the file render writes, or nil.
func (p prepared) file() Writer {
	if len(p.outs) == 0 {
		return nil
	}
	return p.outs[0].Write
}

func prepare(file string, src []byte, opt Options) (p prepared) {
	dec := decode.New(file)
	defer func() {
		if r := recover(); r != nil {
			p = prepared{kind: p.kind, diags: append(dec.Diags, internalError(file, r))}
		}
	}()
	root := dec.Parse(src)
	if root == nil {
		return prepared{diags: dec.Diags}
	}
	k, ok := detect(dec, root)
	if !ok {
		return prepared{diags: dec.Diags}
	}
	p.kind = &k
	if k.Uses != nil {
		p.uses = k.Uses(file, root, opt)
	}
	if k.Check != nil {
		p.diags = k.Check(file, src, opt)
		p.diags.Sort()
		return p
	}
	outs := k.Build(dec, root, opt)
	dec.Diags = diag.Collapse(dec.Diags)
	dec.Diags.Sort()
	p.diags = dec.Diags
	if dec.Diags.HasErrors() || len(outs) == 0 {
		if !dec.Diags.HasErrors() {
			p.diags.Add(internalError(file, "the "+k.Name+" pipeline returned no output and no error"))
		}
		return p
	}
	for i := range outs {
		outs[i].Write = safe(outs[i].Write)
	}
	p.outs = outs
	return p
}

// detect finds the kind of a parsed file, reporting a file of no known kind.
func detect(dec *decode.Decoder, root *yaml.Node) (Kind, bool) {
	for _, k := range kinds {
		if k.Match(root) {
			return k, true
		}
	}
	at := diag.Pos{Line: root.Line, Col: root.Column}
	const (
		fixVi = `văn bản bắt đầu bằng dòng "type: …" (ví dụ type: ke-hoach); biểu số liệu bình đẳng giới bằng dòng "schema: bdg-period/v1"`
		fixEn = `a document with "type: …" or a statistics report with "schema: bdg-period/v1"`
	)
	switch root.Kind {
	case yaml.MappingNode:
		dec.ProblemAt(at, "", diag.Msg{Code: "input.unknown-kind",
			Vi: "vanban không nhận ra đây là loại tệp gì", En: "vanban does not know what this file is",
			FixVi: fixVi, FixEn: fixEn})
		for i := 0; i+1 < len(root.Content); i += 2 {
			kn, vn := root.Content[i], root.Content[i+1]
			if s := decode.Suggest(kn.Value, []string{"type", "schema"}); s != "" && s != kn.Value {
				dec.ProblemAt(diag.Pos{Line: kn.Line, Col: kn.Column}, kn.Value, diag.Msg{Code: "input.unknown-kind.key",
					Vi: fmt.Sprintf("không có khóa %q; có phải là %q?", kn.Value, s),
					En: fmt.Sprintf("unknown key %q; did you mean %q?", kn.Value, s)})
			}
			if kn.Value == "schema" && vn.Kind == yaml.ScalarNode {
				vi, en := fmt.Sprintf("vanban không đọc loại tệp %q", vn.Value), fmt.Sprintf("unknown schema %q", vn.Value)
				if s := decode.Suggest(vn.Value, knownSchemas); s != "" {
					vi += fmt.Sprintf("; có phải là %q?", s)
					en += fmt.Sprintf("; did you mean %q?", s)
				}
				dec.ProblemAt(diag.Pos{Line: vn.Line, Col: vn.Column}, "schema", diag.Msg{Code: "input.unknown-schema",
					Vi: vi, En: en,
					FixVi: "bdg-period/v1 cho biểu số liệu báo cáo, bdg-indicators/v1 cho bộ chỉ tiêu",
					FixEn: "bdg-period/v1 for a statistics report, bdg-indicators/v1 for an indicator catalogue"})
			}
		}
	case yaml.SequenceNode:
		dec.ProblemAt(at, "", diag.Msg{Code: "input.list",
			Vi: `cả tệp là một danh sách (các dòng bắt đầu bằng "- "), không phải các dòng "tên: giá trị"`,
			En: "the file is a list, not a group of fields", FixVi: fixVi, FixEn: fixEn})
	default:
		dec.ProblemAt(at, "", diag.Msg{Code: "input.plain-text",
			Vi: `tệp chỉ có chữ, không có các dòng "tên: giá trị"`,
			En: "the file holds plain text, not a group of fields", FixVi: fixVi, FixEn: fixEn})
	}
	return Kind{}, false
}

// knownSchemas are the schema lines of the files vanban reads, for
// suggestions.
var knownSchemas = []string{"bdg-period/v1", "bdg-indicators/v1"}

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
	res := Result{Input: file, Strict: opt.Strict}
	src, err := ReadInput(file)
	if err != nil {
		res.Diags.Add(readError(file, err))
		return res
	}
	p := res.prepare(src, opt)
	if p.file() != nil {
		if err := p.file()(io.Discard); err != nil {
			res.Diags.Append(renderDiags(file, err))
			res.Diags.Sort()
		}
	}
	return res
}

// prepare prepares the result's input and records what became known of it.
func (res *Result) prepare(src []byte, opt Options) prepared {
	p := prepare(res.Input, src, opt)
	res.Diags, res.uses = p.diags, p.uses
	if p.kind != nil {
		res.Kind = p.kind.Name
		if p.kind.Check != nil {
			res.Skipped, res.Note = true, p.kind.Note
		}
	}
	return p
}

// RenderFile renders one input file into outDir (the input's own
// directory when outDir is ""), naming the output after the input with the
// kind's extension. The output is written to a temporary file in the same
// directory and renamed into place, so a failed render never leaves a
// partial file and never replaces a good one: a committer of one file
// (RenderAll shares one between all its files).
func RenderFile(file, outDir string, opt Options) Result {
	c := startCommitter()
	res := renderFile(file, outDir, opt, c)
	c.close()
	res.applyCommit()
	return res
}

// renderFile is RenderFile that hands the written output over to the
// committer c: the Result is final once c is closed and applyCommit
// called.
func renderFile(file, outDir string, opt Options, c *committer) Result {
	res := Result{Input: file, Strict: opt.Strict}
	src, err := ReadInput(file)
	if err != nil {
		res.Diags.Add(readError(file, err))
		return res
	}
	p := res.prepare(src, opt)
	if p.file() == nil || res.Failed() {
		return res
	}
	out := OutputPath(file, outDir, p.kind.Ext)
	if same, _ := sameFile(file, out); same {
		res.Diags.Add(diag.Diagnostic{File: file, Msg: diag.Msg{Code: "output.overwrites-input",
			Vi: "tệp kết quả " + out + " sẽ ghi đè lên chính tệp đầu vào này", En: "the output " + out + " would overwrite this input file",
			FixVi: "đổi tên tệp đầu vào cho có đuôi .yaml hoặc .yml", FixEn: "an input file name ending in .yaml or .yml"}})
		return res
	}
	tmp, err := writeTemp(out, p.file())
	if err != nil {
		res.Diags.Append(writeDiags(file, out, err))
		res.Diags.Sort()
		return res
	}
	res.Output, res.handover = out, c.add(tmp, out)
	return res
}

// applyCommit completes a result handed over to a committer, once closed: a
// file the committer could not sync or rename is reported and not
// written.
func (r *Result) applyCommit() {
	h := r.handover
	r.handover = nil
	if h == nil || h.err == nil {
		return
	}
	r.Output = ""
	r.Diags.Append(writeDiags(r.Input, h.path, h.err))
	r.Diags.Sort()
}

// OutputPath names the output of file: its base name with ext instead of
// its own extension, in outDir or else next to the input. The whole YAML
// ending goes, also Notepad's: "kh.yaml.txt" gives "kh.pdf".
func OutputPath(file, outDir, ext string) string {
	base := filepath.Base(file)
	if e := yamlEnding(base); e != "" {
		base = strings.TrimSuffix(base, e)
	} else {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if outDir == "" {
		outDir = filepath.Dir(file)
	}
	return filepath.Join(outDir, base+ext)
}

func readError(file string, err error) diag.Diagnostic {
	vi, en := IOReason(err)
	return diag.Diagnostic{File: file, Msg: diag.Msg{Code: "input.unreadable",
		Vi: "không đọc được tệp: " + vi, En: "cannot read the file: " + en}}
}

// writeDiags explains a failed write: either the pipeline's writer failed
// (its diagnostics are kept) or the file system refused.
func writeDiags(file, out string, err error) diag.List {
	var fe *fsError
	if !errors.As(err, &fe) {
		return renderDiags(file, err)
	}
	if fe.locked {
		app := "PDF"
		if strings.EqualFold(filepath.Ext(out), ".xlsx") {
			app = "Excel"
		}
		return diag.List{{File: file, Msg: diag.Msg{Code: "output.locked",
			Vi:    fmt.Sprintf("không thay được %s: tệp đang mở trong một chương trình khác (trình đọc PDF, Excel…) hoặc chỉ cho đọc; tệp cũ vẫn giữ nguyên", out),
			En:    fmt.Sprintf("cannot replace %s: another program has it open (a PDF viewer, Excel…) or it is read-only; the previous file is unchanged", out),
			FixVi: fmt.Sprintf("đóng tệp %s đang mở rồi chạy lại", app),
			FixEn: fmt.Sprintf("close the open %s file and run again", app)}}}
	}
	vi, en := IOReason(fe.err)
	return diag.List{{File: file, Msg: diag.Msg{Code: "output.unwritable",
		Vi: fmt.Sprintf("không ghi được %s: %s", out, vi),
		En: fmt.Sprintf("cannot write %s: %s", out, en)}}}
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
