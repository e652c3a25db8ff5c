// Command vanban turns YAML into Vietnamese administrative documents (PDF,
// laid out as Nghị định 30/2020/NĐ-CP prescribes) and gender-equality
// statistics reports (Excel).
//
//	vanban render [-o DIR] [--format text|json] PATH...
//	vanban check [--format text|json] PATH...
//	vanban new [TYPE]
//	vanban serve [DIR|FILE.yaml]
//	vanban schema [document|report|catalogue]
//	vanban version
//
// Exit status: 0 success, 1 some input is invalid (the others are still
// rendered), 2 usage error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// version is the release; builds may override it with -ldflags "-X main.version=…".
var version = "0.1.0"

const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

func main() {
	lateFirstGC()
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-interrupted
		app.Abort() // leave no temporary file behind
		os.Exit(130)
	}()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// lateFirstGC lets the heap grow to 16 MB (Go's smallest heap at GOGC=400)
// before the first collection, then collects as usual (GOGC=100). Rendering
// one document allocates about 9 MB and keeps little of it: at the default
// setting the collector ran four times and took a quarter of the process's
// instructions for memory it would never need back. A GOGC set by the user
// is left alone.
func lateFirstGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(400)
	first := new([16]byte) // unreachable at once: collected by the first GC
	runtime.SetFinalizer(first, func(*[16]byte) { debug.SetGCPercent(100) })
}

const usage = `vanban turns YAML into official documents.

Usage:
  vanban render [flags] PATH...   render each YAML file (or every YAML file under a directory)
  vanban check [flags] PATH...    validate without writing anything
  vanban new [TYPE]               print a commented starting YAML (no TYPE: list the types)
  vanban serve [DIR|FILE.yaml]    show the documents in the browser, updated as you save
  vanban schema [FORMAT]          print the JSON Schema of document, report or catalogue files
  vanban version                  print the version

Run "vanban COMMAND --help" for the flags of a command.
Exit status: 0 success, 1 some input is invalid, 2 usage error.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "render":
		return render(args[1:], stdout, stderr, false)
	case "check":
		return render(args[1:], stdout, stderr, true)
	case "new":
		return newCmd(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "schema":
		return schemaCmd(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "vanban", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	hint := ""
	if s := decode.Suggest(args[0], []string{"render", "check", "new", "serve", "schema", "version", "help"}); s != "" {
		hint = fmt.Sprintf("; did you mean %q?", s)
	}
	fmt.Fprintf(stderr, "vanban: unknown command %q%s\n\n%s", args[0], hint, usage)
	return exitUsage
}

// parse parses flags that may come before, between or after the
// positional arguments ("vanban render examples -o out" works as well);
// everything after "--" is positional.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// renderFlags are the settings of render and check.
type renderFlags struct {
	name                 string // "render" or "check"
	outDir, format       string
	fontDir, templateDir string
	langName             string
	lang                 diag.Lang
	quiet                bool
	fs                   *flag.FlagSet
}

func newRenderFlags(checkOnly bool, stderr io.Writer) *renderFlags {
	f := &renderFlags{name: "render"}
	if checkOnly {
		f.name = "check"
	}
	fs := flag.NewFlagSet(f.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if !checkOnly {
		fs.StringVar(&f.outDir, "o", "", "write outputs into `DIR`, created if needed (default: next to each input)")
	}
	fs.StringVar(&f.format, "format", "text", "how to report problems: text (for people) or json (for CI)")
	fs.StringVar(&f.fontDir, "fonts", "", "use Times New Roman from `DIR` (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) instead of the embedded Liberation Serif")
	fs.StringVar(&f.templateDir, "templates", "", "override embedded templates with files from `DIR`")
	fs.BoolVar(&f.quiet, "q", false, "list only problems, not the files that are fine")
	fs.StringVar(&f.langName, "lang", "", "language of the messages: vi (default) or en; LC_ALL, LC_MESSAGES or LANG starting with \"en\" also choose English")
	fs.Usage = func() {
		if checkOnly {
			fmt.Fprint(stderr, "Usage: vanban check [flags] PATH...\n\nValidate YAML files (or every YAML file under a directory) without writing anything.\n\nFlags:\n")
		} else {
			fmt.Fprint(stderr, "Usage: vanban render [flags] PATH...\n\nRender each YAML file (or every YAML file under a directory) to a PDF document or an\nExcel workbook next to it, or into -o DIR.\n\nFlags:\n")
		}
		fs.PrintDefaults()
	}
	f.fs = fs
	return f
}

// check validates the flags; it returns false after explaining a usage
// error.
func (f *renderFlags) check(paths []string, stderr io.Writer) bool {
	switch {
	case f.format != "text" && f.format != "json":
		fmt.Fprintf(stderr, "vanban %s: --format must be text or json, not %q\n", f.name, f.format)
	case !f.setLang():
		fmt.Fprintf(stderr, "vanban %s: --lang must be vi or en, not %q\n", f.name, f.langName)
	case len(paths) == 0:
		fmt.Fprintf(stderr, "vanban %s: no input given\n\n", f.name)
		f.fs.Usage()
	case f.outDir != "":
		if err := os.MkdirAll(f.outDir, 0o755); err != nil {
			fmt.Fprintf(stderr, "vanban %s: cannot use -o %s: %v\n", f.name, f.outDir, err)
			return false
		}
		return true
	default:
		return true
	}
	return false
}

// setLang chooses the language of the messages: --lang, else the
// environment's locale; it returns false for an unknown --lang.
func (f *renderFlags) setLang() bool {
	if f.langName == "" {
		f.lang = diag.LangFromEnv(os.Getenv)
		return true
	}
	l, ok := diag.ParseLang(f.langName)
	f.lang = l
	return ok
}

func render(args []string, stdout, stderr io.Writer, checkOnly bool) int {
	f := newRenderFlags(checkOnly, stderr)
	paths, err := parse(f.fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || !f.check(paths, stderr) {
		return exitUsage
	}
	opt := app.Options{FontDir: f.fontDir, TemplateDir: f.templateDir}
	files, diags := app.Inputs(paths)
	var results []app.Result
	if checkOnly {
		results = app.CheckAll(files, opt)
	} else {
		results = app.RenderAll(files, f.outDir, opt)
	}
	if f.format == "json" {
		writeJSON(stdout, diags, results, f.lang)
	} else {
		writeText(stdout, stderr, diags, results, checkOnly, f.quiet, f.lang)
	}
	if diags.HasErrors() || failures(results) > 0 {
		return exitInvalid
	}
	return exitOK
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

// writeText reports for people: problems on stderr, one per line, then a
// one-line summary when something failed; what was written (or, for
// check, what is fine) on stdout.
func writeText(stdout, stderr io.Writer, general diag.List, results []app.Result, checkOnly, quiet bool, lang diag.Lang) {
	diag.WriteText(stderr, general, lang)
	for _, r := range results {
		diag.WriteText(stderr, r.Diags, lang)
		switch {
		case quiet || r.Failed():
		case checkOnly:
			fmt.Fprintf(stdout, "%s: ok\n", r.Input)
		case r.Output != "":
			fmt.Fprintf(stdout, "%s → %s\n", r.Input, r.Output)
		}
	}
	if n := failures(results); n > 0 {
		what := "not rendered"
		if checkOnly {
			what = "with errors"
		}
		fmt.Fprintf(stderr, "vanban: %d of %d files %s\n", n, len(results), what)
	}
}

// jsonFile is one input in the machine-readable report.
type jsonFile struct {
	Input       string      `json:"input"`
	Output      string      `json:"output,omitempty"`
	OK          bool        `json:"ok"`
	Diagnostics []diag.JSON `json:"diagnostics"`
}

func writeJSON(w io.Writer, general diag.List, results []app.Result, lang diag.Lang) {
	report := struct {
		OK          bool        `json:"ok"`
		Lang        string      `json:"lang"`
		Files       []jsonFile  `json:"files"`
		Diagnostics []diag.JSON `json:"diagnostics"`
	}{OK: !general.HasErrors(), Lang: lang.String(), Files: []jsonFile{}, Diagnostics: general.JSON(lang)}
	for _, r := range results {
		report.OK = report.OK && !r.Failed()
		report.Files = append(report.Files, jsonFile{Input: r.Input, Output: r.Output, OK: !r.Failed(),
			Diagnostics: r.Diags.JSON(lang)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(report)
}

func newCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: vanban new [TYPE]\n\nPrint a commented starting YAML file for TYPE (for example chuong-trinh, ke-hoach,\nbao-cao-bdg); without TYPE, list the types.\n")
	}
	pos, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	starters := app.Starters()
	names := make([]string, 0, len(starters))
	for n := range starters {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(pos) == 0 {
		fmt.Fprintln(stdout, "Types (vanban new TYPE > file.yaml):")
		for _, n := range names {
			if d := describe(starters[n]); d != "" {
				fmt.Fprintf(stdout, "  %-16s %s\n", n, d)
			} else {
				fmt.Fprintln(stdout, "  "+n)
			}
		}
		return exitOK
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, "vanban new: give one type")
		return exitUsage
	}
	src, ok := starters[pos[0]]
	if !ok {
		// "Quyết định" or "ke hoach" name the type as clearly as its id.
		src, ok = starters[viet.Slug(pos[0])]
	}
	if !ok {
		fmt.Fprintf(stderr, "vanban new: unknown type %q%s\n", pos[0], suggestType(pos[0], names))
		return exitUsage
	}
	stdout.Write(src)
	return exitOK
}

// describe returns what a starting file's first comment line says it is,
// up to a dash: "# Quyết định (QĐ) — a starting file" → "Quyết định (QĐ)".
func describe(src []byte) string {
	line, rest, _ := strings.Cut(string(src), "\n")
	if strings.HasPrefix(line, "# yaml-language-server:") {
		line, _, _ = strings.Cut(rest, "\n") // the editor's line comes first
	}
	if !strings.HasPrefix(line, "# ") {
		return ""
	}
	d, _, _ := strings.Cut(strings.TrimPrefix(line, "# "), " — ")
	return strings.TrimSpace(d)
}

// suggestType proposes the known type nearest to an unknown one, also when
// it was typed with diacritics or spaces ("kế hoạch" → "ke-hoach"); it
// lists the known types when none is near.
func suggestType(typ string, names []string) string {
	if s := decode.Suggest(viet.Slug(typ), names); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	if s := decode.Suggest(typ, names); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	if len(names) == 0 {
		return ""
	}
	return " (known: " + strings.Join(names, ", ") + ")"
}
