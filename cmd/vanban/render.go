package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
)

func init() {
	register(command{name: "render", rank: 10,
		args: words{"[tùy chọn] TỆP...", "[flags] PATH..."},
		what: words{"tạo PDF hoặc Excel từ mỗi tệp .yaml (hoặc mọi tệp .yaml trong thư mục)",
			"render each YAML file (or every YAML file under a folder) to PDF or Excel"},
		run: func(e *env, args []string) int { return render(e, args, false) }})
	register(command{name: "check", rank: 20,
		args: words{"[tùy chọn] TỆP...", "[flags] PATH..."},
		what: words{"chỉ kiểm tra, không ghi tệp nào", "validate without writing anything"},
		run:  func(e *env, args []string) int { return render(e, args, true) }})
}

// renderFlags are the settings of render and check.
type renderFlags struct {
	*flagSet
	checkOnly            bool
	outDir, format       string
	fontDir, templateDir string
	quiet, strict        bool
}

func newRenderFlags(e *env, checkOnly bool) *renderFlags {
	name := "render"
	if checkOnly {
		name = "check"
	}
	f := &renderFlags{flagSet: newFlags(e, name), checkOnly: checkOnly}
	if checkOnly {
		f.about = words{
			"Kiểm tra từng tệp .yaml (hoặc mọi tệp .yaml, .yml, kể cả .yaml.txt của Notepad, trong thư mục)\nmà không ghi tệp nào: báo mọi lỗi, kèm dòng, cột và cách sửa.",
			"Validate each YAML file (or every .yaml, .yml, and Notepad's .yaml.txt, file under a folder)\nwithout writing anything: every problem, with its line, column and how to fix it."}
	} else {
		f.about = words{
			"Tạo tệp PDF (văn bản hành chính) hoặc Excel (biểu số liệu) từ mỗi tệp .yaml, đặt cạnh tệp đó\nhoặc vào thư mục -o. Thư mục nghĩa là mọi tệp .yaml, .yml (kể cả .yaml.txt của Notepad) trong đó;\nbộ chỉ tiêu nằm cùng thư mục được kiểm tra rồi bỏ qua. Tệp sai không làm dừng các tệp khác.",
			"Render each YAML file to a PDF document or an Excel workbook, next to it or into -o DIR.\nA folder stands for every .yaml, .yml (and Notepad's .yaml.txt) file under it; an indicator\ncatalogue lying there is checked and skipped. A bad file does not stop the others."}
		f.str(&f.outDir, "o", "", words{"THƯ_MỤC", "DIR"}, words{
			"ghi các tệp kết quả vào THƯ_MỤC (tạo mới nếu chưa có); mặc định: cạnh mỗi tệp .yaml",
			"write the outputs into DIR, created if needed (default: next to each input)"})
	}
	f.boolean(&f.quiet, "q", words{"chỉ báo lỗi, không liệt kê các tệp đã xong", "list only problems, not the files that are fine"})
	f.boolean(&f.strict, "strict", words{
		"coi cảnh báo là lỗi: tệp có cảnh báo không được tạo, mã thoát 1 (dùng cho CI)",
		"treat warnings as errors: a file with warnings is not written, exit status 1 (for CI)"})
	f.str(&f.format, "format", "text", words{"text|json", "text|json"}, words{
		"cách báo kết quả: text (cho người đọc, mặc định) hoặc json (cho máy, CI)",
		"how to report: text (for people, the default) or json (for CI)"})
	f.str(&f.fontDir, "fonts", "", words{"THƯ_MỤC|system", "DIR|system"}, words{
		"dùng phông Times New Roman trong THƯ_MỤC (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf), hoặc của máy với system, thay cho Liberation Serif có sẵn; biến môi trường " + app.FontsEnv + "=system đặt làm mặc định",
		"use Times New Roman from DIR (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf), or the machine's own with system, instead of the embedded Liberation Serif; " + app.FontsEnv + "=system makes it the default"})
	f.str(&f.templateDir, "templates", "", words{"THƯ_MỤC", "DIR"}, words{
		"dùng các tệp trong THƯ_MỤC (doctypes.yaml, catalogues/*.yaml) thay cho tệp cùng tên có sẵn",
		"override embedded templates (doctypes.yaml, catalogues/*.yaml) with files from DIR"})
	if checkOnly {
		f.more = words{`Ví dụ:
  vanban check ke-hoach.yaml                  kiểm tra một tệp
  vanban check --strict --format json .       kiểm tra cả thư mục; cảnh báo cũng là lỗi; kết quả JSON (CI)

Mã thoát: 0 không có lỗi; 1 có tệp sai; 2 gõ sai lệnh; 130 bị dừng (Ctrl-C).
`, `Examples:
  vanban check ke-hoach.yaml                  validate one file
  vanban check --strict --format json .       a whole folder; warnings fail too; a JSON report (CI)

Exit status: 0 no problem; 1 some input is invalid; 2 usage error; 130 interrupted (Ctrl-C).
`}
	} else {
		f.more = words{`Ví dụ:
  vanban render ke-hoach.yaml                 tạo ke-hoach.pdf cạnh ke-hoach.yaml
  vanban render -o ket-qua van-ban            mọi tệp .yaml trong thư mục van-ban, ghi vào ket-qua
  vanban ke-hoach.yaml thong-bao.yaml         như vanban render (kéo thả tệp vào vanban.exe)

Tệp kết quả được ghi trọn vẹn rồi mới thay tệp cũ: lỗi giữa chừng không bao giờ làm hỏng tệp cũ.
Mã thoát: 0 tốt cả; 1 có tệp sai (các tệp khác vẫn được tạo); 2 gõ sai lệnh; 130 bị dừng (Ctrl-C).
`, `Examples:
  vanban render ke-hoach.yaml                 write ke-hoach.pdf next to ke-hoach.yaml
  vanban render -o out docs                   every .yaml file under docs, written into out
  vanban ke-hoach.yaml thong-bao.yaml         as vanban render (files dropped on vanban.exe)

An output is written whole before it replaces the old one: a failure never spoils the old file.
Exit status: 0 success; 1 some input is invalid (the others are still written); 2 usage error;
130 interrupted (Ctrl-C).
`}
	}
	return f
}

// report is what render and check say about a run, as text or as JSON.
type report struct {
	e           *env
	flags       *renderFlags
	general     diag.List
	results     []app.Result
	interrupted bool
	font        *app.FontChoice // the font of the documents written, if any
}

func render(e *env, args []string, checkOnly bool) int {
	f := newRenderFlags(e, checkOnly)
	// Known before parsing, so that every failure, a wrong flag included,
	// reaches a CI job that asked for JSON in JSON.
	if v, _ := flagValue(args, "format"); v == "json" {
		f.format = "json"
	}
	rep := &report{e: e, flags: f}
	paths, err := parseAnywhere(f.fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		f.usage(e.stdout)
		return exitOK
	case err != nil && f.format == "json":
		return rep.usageError("usage.flag", words{f.explain(err, diag.Vi), f.explain(err, diag.En)}, "")
	case err != nil:
		f.fail(err)
		return exitUsage
	case f.format != "text" && f.format != "json":
		e.say(e.stderr, words{"vanban %s: --format phải là text hoặc json, không phải %q\n",
			"vanban %s: --format must be text or json, not %q\n"}, f.name, f.format)
		return exitUsage
	case len(paths) == 0:
		if f.format == "json" {
			return rep.usageError("usage.no-input", words{"chưa cho tệp hoặc thư mục nào", "no input given"}, "")
		}
		e.say(e.stderr, words{"vanban %s: chưa cho tệp hoặc thư mục nào\n\n", "vanban %s: no input given\n\n"}, f.name)
		f.usage(e.stderr)
		return exitUsage
	}
	if f.outDir != "" {
		if err := os.MkdirAll(f.outDir, 0o755); err != nil {
			vi, en := app.IOReason(err)
			return rep.usageError("output.folder", words{
				fmt.Sprintf("không dùng được thư mục -o %s: %s", f.outDir, vi),
				fmt.Sprintf("cannot use -o %s: %s", f.outDir, en)}, f.outDir)
		}
	}
	opt := app.Options{FontDir: f.fontDir, TemplateDir: f.templateDir, Strict: f.strict}
	files, general := app.Inputs(paths)
	rep.general = general
	if checkOnly {
		rep.results = app.CheckAllContext(e.ctx, files, opt)
	} else {
		rep.results = app.RenderAllContext(e.ctx, files, f.outDir, opt)
	}
	rep.interrupted = e.ctx.Err() != nil
	if fc, err := app.DocumentFonts(opt); err == nil && !checkOnly && wroteDocument(rep.results) {
		rep.font = &fc
	}
	if f.format == "json" {
		rep.writeJSON(e.stdout)
	} else {
		rep.writeText()
	}
	switch {
	case rep.interrupted:
		return exitInterrupted
	case general.HasErrors() || f.strict && general.HasWarnings() || failures(rep.results) > 0:
		return exitInvalid
	}
	return exitOK
}

// usageError reports a failure that stops the command before any file is
// read: in JSON when JSON was asked for, else as one line on stderr. The
// command itself was wrong (or -o unusable): exit status 2.
func (r *report) usageError(code string, msg words, file string) int {
	d := diag.Diagnostic{File: file, Msg: diag.Msg{Code: code, Vi: msg.vi, En: msg.en}}
	if r.flags.format == "json" {
		r.general = diag.List{d}
		r.writeJSON(r.e.stdout)
	} else {
		fmt.Fprintf(r.e.stderr, "vanban %s: %s\n", r.flags.name, msg.in(r.e.lang))
	}
	return exitUsage
}

func failures(results []app.Result) int {
	n := 0
	for _, r := range results {
		if r.Failed() {
			n++
		}
	}
	return n
}

// writeText reports for people: problems on stderr, one per line (a
// problem of a catalogue that several files read is said once), then a
// one-line summary when something failed; what was written (or, for
// check, what is fine) on stdout. Started from Explorer, it ends with the
// list of the written files, for the clerk to find them.
func (r *report) writeText() {
	e, l := r.e, r.e.lang
	seen := map[string]bool{}
	problems := func(list diag.List) {
		for _, d := range list {
			line := d.Format(l)
			if !seen[line] {
				seen[line] = true
				fmt.Fprintln(e.stderr, line)
			}
		}
	}
	problems(r.general)
	written, skipped, stopped := 0, 0, 0
	for _, res := range r.results {
		problems(res.Diags)
		switch {
		case res.Interrupted:
			stopped++
		case res.Output != "":
			written++
		case res.Skipped:
			skipped++
		}
		switch {
		case r.flags.quiet || res.Failed() || res.Interrupted:
		case res.Skipped:
			fmt.Fprintf(e.stdout, "%s: %s\n", res.Input, res.Note.Text(l))
		case r.flags.checkOnly:
			e.say(e.stdout, words{"%s: không có lỗi%s\n", "%s: ok%s\n"}, res.Input, warningCount(res.Diags, l))
		case res.Output != "":
			fmt.Fprintf(e.stdout, "%s → %s\n", res.Input, res.Output)
		}
	}
	n, failed := len(r.results), failures(r.results)-stopped
	strict := ""
	if r.flags.strict {
		strict = words{" (--strict: cảnh báo cũng tính là lỗi)", " (--strict: warnings count as errors)"}.in(l)
	}
	switch {
	case r.interrupted && r.flags.checkOnly:
		e.say(e.stderr, words{"vanban: đã dừng (Ctrl-C): đã kiểm tra %d trong %d tệp, %d tệp chưa kiểm tra\n",
			"vanban: interrupted (Ctrl-C): %d of %d files checked, %d not checked\n"}, n-stopped, n, stopped)
	case r.interrupted:
		e.say(e.stderr, words{"vanban: đã dừng (Ctrl-C): đã ghi xong %d trong %d tệp, %d tệp chưa làm; không có tệp nào ghi dở\n",
			"vanban: interrupted (Ctrl-C): %d of %d files written, %d not started; no file is half-written\n"}, written, n, stopped)
	case failed > 0 && r.flags.checkOnly:
		e.say(e.stderr, words{"vanban: %d trong %d tệp có lỗi%s\n", "vanban: %d of %d files with errors%s\n"}, failed, n, strict)
	case failed > 0:
		e.say(e.stderr, words{"vanban: %d trong %d tệp không tạo được%s\n", "vanban: %d of %d files not rendered%s\n"}, failed, n, strict)
	}
	if r.font != nil && !r.flags.quiet {
		fmt.Fprintln(e.stdout, fontLine(*r.font, l))
	}
	if e.pause && !r.flags.checkOnly {
		r.recap(written, failed)
	}
}

// wroteDocument reports whether a PDF document was written.
func wroteDocument(results []app.Result) bool {
	for _, r := range results {
		if strings.EqualFold(filepath.Ext(r.Output), ".pdf") {
			return true
		}
	}
	return false
}

// fontLine says which font the documents were set in.
func fontLine(fc app.FontChoice, l diag.Lang) string {
	switch {
	case fc.NotFound:
		return fmt.Sprintf(words{"Phông chữ: %s (kèm theo vanban): máy này không có Times New Roman",
			"Font: %s (embedded): Times New Roman is not installed on this machine"}.in(l), fc.Name)
	case fc.Dir == "":
		return fmt.Sprintf(words{"Phông chữ: %s (kèm theo vanban, cùng số đo với Times New Roman)",
			"Font: %s (embedded, metric-compatible with Times New Roman)"}.in(l), fc.Name)
	}
	return fmt.Sprintf(words{"Phông chữ: %s lấy từ %s", "Font: %s from %s"}.in(l), fc.Name, fc.Dir)
}

// warningCount says how many warnings and notes a file that is fine has:
// " (2 cảnh báo, 1 ghi chú)". A note (punctuation printed as the decree
// wants) is not counted as a warning: it asks for nothing.
func warningCount(list diag.List, l diag.Lang) string {
	var warnings, notes int
	for _, d := range list {
		switch d.Severity {
		case diag.Warning:
			warnings++
		case diag.Note:
			notes++
		}
	}
	var parts []string
	if warnings > 0 {
		parts = append(parts, fmt.Sprintf(words{"%d cảnh báo", plural(warnings, "%d warning")}.in(l), warnings))
	}
	if notes > 0 {
		parts = append(parts, fmt.Sprintf(words{"%d ghi chú", plural(notes, "%d note")}.in(l), notes))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// plural adds the English plural's s to word when n is not one.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// recap lists, for a clerk whose console window is about to close, where
// each output went, with full paths.
func (r *report) recap(written, failed int) {
	e := r.e
	if written > 0 {
		e.say(e.stdout, words{"\nĐã tạo %d tệp:\n", "\n%d files written:\n"}, written)
		for _, res := range r.results {
			if res.Output != "" {
				abs, err := filepath.Abs(res.Output)
				if err != nil {
					abs = res.Output
				}
				fmt.Fprintf(e.stdout, "  %s\n", abs)
			}
		}
	}
	if failed > 0 {
		e.say(e.stdout, words{"\n%d tệp chưa tạo được: sửa theo các dòng báo lỗi ở trên (số dòng, số cột, cách sửa) rồi kéo thả lại.\n",
			"\n%d files not written: fix them as the messages above say (line, column, what to do), then drop them again.\n"}, failed)
	}
}

// jsonFile is one input in the machine-readable report.
type jsonFile struct {
	Input       string      `json:"input"`
	Output      string      `json:"output,omitempty"`
	Kind        string      `json:"kind,omitempty"`
	OK          bool        `json:"ok"`
	Skipped     bool        `json:"skipped,omitempty"`
	Note        string      `json:"note,omitempty"`
	Interrupted bool        `json:"interrupted,omitempty"`
	Diagnostics []diag.JSON `json:"diagnostics"`
}

// jsonFont is the font the documents were set in.
type jsonFont struct {
	Name     string `json:"name"`
	Dir      string `json:"dir,omitempty"`
	NotFound bool   `json:"system_font_not_found,omitempty"`
}

// jsonSummary counts the files of a run.
type jsonSummary struct {
	Files       int `json:"files"`
	Written     int `json:"written"`
	Failed      int `json:"failed"`
	Skipped     int `json:"skipped"`
	Interrupted int `json:"interrupted"`
	Warnings    int `json:"warnings"`
}

// writeJSON writes the whole run as one JSON object: every file, every
// problem (with its stable code), and the problems that concern no file
// (a path that does not exist, an unusable -o, a wrong flag).
func (r *report) writeJSON(w io.Writer) {
	l := r.e.lang
	out := struct {
		OK          bool        `json:"ok"`
		Lang        string      `json:"lang"`
		Strict      bool        `json:"strict"`
		Interrupted bool        `json:"interrupted"`
		Summary     jsonSummary `json:"summary"`
		Font        *jsonFont   `json:"font,omitempty"`
		Files       []jsonFile  `json:"files"`
		Diagnostics []diag.JSON `json:"diagnostics"`
	}{Lang: l.String(), Strict: r.flags.strict, Interrupted: r.interrupted, Files: []jsonFile{},
		Diagnostics: r.general.JSON(l)}
	if r.font != nil {
		out.Font = &jsonFont{Name: r.font.Name, Dir: r.font.Dir, NotFound: r.font.NotFound}
	}
	out.OK = !r.general.HasErrors() && !(r.flags.strict && r.general.HasWarnings()) && !r.interrupted
	for _, res := range r.results {
		f := jsonFile{Input: res.Input, Output: res.Output, Kind: res.Kind, OK: !res.Failed(), Skipped: res.Skipped,
			Interrupted: res.Interrupted, Diagnostics: res.Diags.JSON(l)}
		if res.Skipped {
			f.Note = res.Note.Text(l)
		}
		out.OK = out.OK && f.OK
		out.Files = append(out.Files, f)
		s := &out.Summary
		s.Files++
		s.Warnings += len(res.Diags) - res.Diags.Errors()
		switch {
		case res.Interrupted:
			s.Interrupted++
		case res.Failed():
			s.Failed++
		case res.Skipped:
			s.Skipped++
		case res.Output != "":
			s.Written++
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(out)
}
