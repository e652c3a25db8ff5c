// Command vanban turns YAML into Vietnamese administrative documents (PDF,
// laid out as Nghị định 30/2020/NĐ-CP prescribes) and gender-equality
// statistics reports (Excel).
//
//	vanban render [-o DIR] [-q] [--strict] [--format text|json] PATH...
//	vanban check [-q] [--strict] [--format text|json] PATH...
//	vanban new [TYPE [FILE]]
//	vanban version
//	vanban help [COMMAND]
//	vanban FILE.yaml...          (as render: files dropped on vanban.exe)
//
// It speaks Vietnamese, or English with --lang en (any command) or an
// English locale (LC_ALL, LC_MESSAGES or LANG starting with "en").
//
// Exit status: 0 success, 1 some input is invalid (the others are still
// rendered), 2 usage error, 130 interrupted.
//
// Each command lives in its own file and registers itself in the command
// table from an init function, so adding a command touches no other file
// (but README.md's command section, which a test holds to the table):
//
//	func init() {
//		register(command{name: "serve", rank: 40,
//			args: words{"[tùy chọn] THƯ_MỤC", "[flags] DIR"},
//			what: words{"xem trước văn bản trong trình duyệt", "preview documents in a browser"},
//			run:  serveCmd})
//	}
//
// and its run function makes its flags with newFlags (every flag described
// in both languages; --lang comes with it) and reads them with parse.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

const (
	exitOK          = 0
	exitInvalid     = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as shells report it
)

func main() {
	lateFirstGC()
	ctx, stop := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-signals
		stop() // finish the files being written, start no other, report
		<-signals
		app.Abort() // a second Ctrl-C: leave at once, and no temporary file behind
		os.Exit(exitInterrupted)
	}()
	e := &env{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		getenv: os.Getenv, pause: startedAlone()}
	os.Exit(run(e, os.Args[1:]))
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

// env is what a command runs with.
type env struct {
	ctx            context.Context // done when the user pressed Ctrl-C
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           diag.Lang // of every message, chosen by chooseLang
	// pause is set when vanban has a console window of its own (started
	// from Explorer: double-clicked, or files dropped on vanban.exe). The
	// window closes when vanban exits, so vanban says where its outputs
	// went and waits for Enter.
	pause bool
}

// words is a text in both languages.
type words struct{ vi, en string }

func (w words) in(l diag.Lang) string {
	if l == diag.En {
		return w.en
	}
	return w.vi
}

// say writes a text in the env's language.
func (e *env) say(w io.Writer, t words, args ...any) {
	fmt.Fprintf(w, t.in(e.lang), args...)
}

// command is one command of vanban.
type command struct {
	name string
	args words // what follows the name in a usage line
	what words // one line for the command list
	rank int   // place in the command list
	run  func(e *env, args []string) int
}

// commands is the command table, by name; aliases maps other spellings.
var (
	commands = map[string]*command{}
	aliases  = map[string]string{"-h": "help", "-help": "help", "--help": "help", "/?": "help",
		"-version": "version", "--version": "version"}
)

// register adds a command to the table; each command's file calls it from
// an init function.
func register(c command) { commands[c.name] = &c }

// listed returns the commands in the order of the help.
func listed() []*command {
	var cs []*command
	for _, c := range commands {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		return cs[i].rank < cs[j].rank || cs[i].rank == cs[j].rank && cs[i].name < cs[j].name
	})
	return cs
}

func run(e *env, args []string) int {
	code := dispatch(e, args)
	if e.pause {
		e.waitForEnter()
	}
	return code
}

func dispatch(e *env, args []string) int {
	lang, ok, bad := chooseLang(args, e.getenv)
	e.lang = lang
	if !ok {
		msg := words{fmt.Sprintf("--lang phải là vi (tiếng Việt) hoặc en (tiếng Anh), không phải %q", bad),
			fmt.Sprintf("--lang must be vi or en, not %q", bad)}
		if v, _ := flagValue(args, "format"); v == "json" {
			// A CI job that asked for JSON gets even this in JSON.
			r := &report{e: e, flags: &renderFlags{flagSet: &flagSet{name: "vanban"}, format: "json"}}
			return r.usageError("usage.lang", msg, "")
		}
		fmt.Fprintf(e.stderr, "vanban: %s\n", msg.in(e.lang))
		return exitUsage
	}
	args = dropLeadingLang(args)
	if len(args) == 0 {
		if e.pause {
			// Double-clicked: explain how vanban is used from Explorer.
			mainHelp(e, e.stdout)
			e.say(e.stdout, words{"\nvanban chạy bằng dòng lệnh. Cách nhanh nhất trên Windows: kéo thả một hoặc nhiều tệp .yaml\n(hoặc một thư mục) vào biểu tượng vanban.exe; tệp PDF hoặc Excel được tạo ngay cạnh tệp .yaml.\n",
				"\nvanban is a command-line program. The quickest way on Windows: drop one or more .yaml files\n(or a folder) on vanban.exe; the PDF or Excel file is written next to each .yaml file.\n"})
			return exitOK
		}
		mainHelp(e, e.stderr)
		return exitUsage
	}
	name := args[0]
	if a, ok := aliases[name]; ok {
		name = a
	}
	if c := commands[name]; c != nil {
		return c.run(e, args[1:])
	}
	if looksLikeInput(name) || strings.HasPrefix(name, "-") && slices.ContainsFunc(args, app.IsYAML) {
		// "vanban kh.yaml …": what Explorer runs when files are dropped
		// on vanban.exe, and what a user who knows one command types
		// ("vanban -o ket-qua kh.yaml" too).
		return commands["render"].run(e, args)
	}
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	e.say(e.stderr, words{"vanban: không có lệnh %q", "vanban: unknown command %q"}, name)
	if s := decode.Suggest(name, names); s != "" {
		e.say(e.stderr, words{"; có phải là %q?", "; did you mean %q?"}, s)
	}
	fmt.Fprint(e.stderr, "\n\n")
	mainHelp(e, e.stderr)
	return exitUsage
}

// looksLikeInput reports whether a first argument that is no command names
// an input: a file or folder that exists, or a name with a YAML ending.
func looksLikeInput(arg string) bool {
	if app.IsYAML(arg) {
		return true
	}
	_, err := os.Stat(arg)
	return err == nil
}

// waitForEnter keeps the console window open until the user presses Enter
// (or Ctrl-C, or the input ends).
func (e *env) waitForEnter() {
	e.say(e.stdout, words{"\nNhấn Enter để đóng cửa sổ này.\n", "\nPress Enter to close this window.\n"})
	read := make(chan struct{})
	go func() {
		bufio.NewReader(e.stdin).ReadString('\n')
		close(read)
	}()
	select {
	case <-read:
	case <-e.ctx.Done():
	}
}

// chooseLang picks the language of the messages: a --lang anywhere among
// the arguments (before "--"), else the locale of the environment. ok is
// false for a --lang vanban does not speak, whose value is bad.
func chooseLang(args []string, getenv func(string) string) (l diag.Lang, ok bool, bad string) {
	v, given := flagValue(args, "lang")
	if !given {
		return diag.LangFromEnv(getenv), true, ""
	}
	l, ok = diag.ParseLang(v)
	return l, ok, v
}

// flagValue finds the value of a flag among the arguments before any
// "--", in any of the forms the flag package accepts (-name v, --name v,
// -name=v, --name=v); the last one wins, as with the flag package.
func flagValue(args []string, name string) (value string, given bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		for _, p := range []string{"-" + name, "--" + name} {
			switch {
			case a == p && i+1 < len(args):
				value, given = args[i+1], true
				i++
			case strings.HasPrefix(a, p+"="):
				value, given = strings.TrimPrefix(a, p+"="), true
			}
		}
	}
	return value, given
}

// dropLeadingLang removes a --lang given before the command
// ("vanban --lang en help"); chooseLang has read it.
func dropLeadingLang(args []string) []string {
	for len(args) > 0 {
		switch a := args[0]; {
		case (a == "-lang" || a == "--lang") && len(args) > 1:
			args = args[2:]
		case strings.HasPrefix(a, "-lang=") || strings.HasPrefix(a, "--lang="):
			args = args[1:]
		default:
			return args
		}
	}
	return args
}

func init() {
	register(command{name: "help", rank: 90,
		args: words{"[LỆNH]", "[COMMAND]"},
		what: words{"hướng dẫn chung, hoặc của một lệnh", "this help, or a command's"},
		run:  helpCmd})
	register(command{name: "version", rank: 80,
		what: words{"in số phiên bản", "print the version"},
		run:  versionCmd})
}

// mainHelp writes the overview of vanban.
func mainHelp(e *env, w io.Writer) {
	e.say(w, words{
		"vanban tạo văn bản hành chính (PDF, đúng thể thức Nghị định 30/2020/NĐ-CP) và biểu số liệu\nbình đẳng giới (Excel) từ tệp văn bản .yaml.\n\nCách dùng:\n",
		"vanban turns YAML files into Vietnamese administrative documents (PDF, laid out as\nNghị định 30/2020/NĐ-CP prescribes) and gender-equality statistics reports (Excel).\n\nUsage:\n"})
	for _, c := range listed() {
		use := "vanban " + c.name
		if a := c.args.in(e.lang); a != "" {
			use += " " + a
		}
		entry(w, use, c.what.in(e.lang))
	}
	entry(w, words{"vanban TỆP.yaml...", "vanban FILE.yaml..."}.in(e.lang),
		words{"như vanban render: đây là điều xảy ra khi kéo thả tệp vào vanban.exe", "as vanban render: what happens when files are dropped on vanban.exe"}.in(e.lang))
	e.say(w, words{`
Ví dụ:
  vanban new                          liệt kê các loại văn bản có tệp mẫu
  vanban new ke-hoach ke-hoach.yaml   tạo tệp mẫu kế hoạch (có chú thích từng dòng) để sửa
  vanban check ke-hoach.yaml          kiểm tra, báo lỗi kèm số dòng và cách sửa
  vanban render ke-hoach.yaml         tạo ke-hoach.pdf cạnh ke-hoach.yaml
  vanban render -o ket-qua van-ban    tạo tệp cho mọi tệp .yaml trong thư mục van-ban, ghi vào ket-qua

Xem các tùy chọn của một lệnh: vanban help render (hoặc vanban render --help).
Mã thoát: 0 tốt cả; 1 có tệp sai (các tệp khác vẫn được tạo); 2 gõ sai lệnh; 130 bị dừng (Ctrl-C).
In English: vanban --lang en help (or LANG=en_US.UTF-8).
`, `
Examples:
  vanban new                          list the document types that have a starting file
  vanban new ke-hoach ke-hoach.yaml   write a commented starting file for a plan
  vanban check ke-hoach.yaml          validate, with line numbers and how to fix each problem
  vanban render ke-hoach.yaml         write ke-hoach.pdf next to ke-hoach.yaml
  vanban render -o out docs           render every .yaml file under docs into out

A command's flags: vanban help render (or vanban render --help).
Exit status: 0 success; 1 some input is invalid (the others are still written); 2 usage error;
130 interrupted (Ctrl-C).
Tiếng Việt: vanban --lang vi help (mặc định).
`})
}

func helpCmd(e *env, args []string) int {
	fs := newFlags(e, "help")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		mainHelp(e, e.stdout)
		return exitOK
	}
	if c := commands[pos[0]]; c != nil && c.name != "help" {
		return c.run(e, []string{"--help"})
	}
	e.say(e.stderr, words{"vanban help: không có lệnh %q\n\n", "vanban help: unknown command %q\n\n"}, pos[0])
	mainHelp(e, e.stderr)
	return exitUsage
}

func versionCmd(e *env, args []string) int {
	fs := newFlags(e, "version")
	fs.about = words{"In số phiên bản của vanban.", "Print vanban's version."}
	if _, code, ok := fs.parse(args); !ok {
		return code
	}
	printVersion(e.stdout)
	return exitOK
}

// flagSet is a flag.FlagSet that explains itself in the env's language:
// its usage lists each flag with a description in both languages, and its
// errors are the flag package's, translated.
type flagSet struct {
	e     *env
	name  string
	about words // what the command does, after its usage line
	more  words // examples and notes, after the flags
	fs    *flag.FlagSet
	specs []flagSpec
}

// flagSpec describes one flag for the help.
type flagSpec struct {
	name string
	arg  words // the value's placeholder, "" for a boolean
	desc words
}

// parse parses flags that may come before, between or after the
// positional arguments ("vanban render examples -o out" works as well);
// everything after "--" is positional. On --help it prints the help; on an
// error it explains it. ok is false in both cases, code is the exit status.
func (f *flagSet) parse(args []string) (pos []string, code int, ok bool) {
	pos, err := parseAnywhere(f.fs, args)
	switch {
	case err == nil:
		return pos, exitOK, true
	case errors.Is(err, flag.ErrHelp):
		f.usage(f.e.stdout)
		return nil, exitOK, false
	}
	f.fail(err)
	return nil, exitUsage, false
}

// fail explains a flag error, then the command's usage, on stderr.
func (f *flagSet) fail(err error) {
	fmt.Fprintf(f.e.stderr, "vanban %s: %s\n\n", f.name, f.explain(err, f.e.lang))
	f.usage(f.e.stderr)
}

// usage writes the command's help.
func (f *flagSet) usage(w io.Writer) {
	c := commands[f.name]
	use := "vanban " + f.name
	if c != nil && c.args.in(f.e.lang) != "" {
		use += " " + c.args.in(f.e.lang)
	}
	f.e.say(w, words{"Cách dùng: %s\n", "Usage: %s\n"}, use)
	if a := f.about.in(f.e.lang); a != "" {
		fmt.Fprintf(w, "\n%s\n", a)
	}
	if len(f.specs) > 0 {
		f.e.say(w, words{"\nTùy chọn:\n", "\nFlags:\n"})
		for _, s := range f.specs {
			dash := "-"
			if len(s.name) > 1 {
				dash = "--"
			}
			head := dash + s.name
			if a := s.arg.in(f.e.lang); a != "" {
				head += " " + a
			}
			entry(w, head, s.desc.in(f.e.lang))
		}
	}
	if m := f.more.in(f.e.lang); m != "" {
		fmt.Fprintf(w, "\n%s", m)
	}
}

// entry writes one item of a help: its head, then its description on
// the lines below, indented and wrapped for an 80-column console window.
func entry(w io.Writer, head, desc string) {
	fmt.Fprintf(w, "  %s\n", head)
	line := ""
	for _, word := range strings.Fields(desc) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > 72 {
			fmt.Fprintf(w, "      %s\n", line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		fmt.Fprintf(w, "      %s\n", line)
	}
}

// explain says what was wrong with the flags, in language l.
func (f *flagSet) explain(err error, l diag.Lang) string {
	msg := err.Error()
	cut := func(prefix string) (string, bool) { return strings.CutPrefix(msg, prefix) }
	if name, ok := cut("flag provided but not defined: "); ok {
		s := words{"không có tùy chọn %s", "unknown flag %s"}.in(l)
		s = fmt.Sprintf(s, name)
		var names []string
		for _, sp := range f.specs {
			names = append(names, sp.name)
		}
		if near := decode.Suggest(strings.TrimLeft(name, "-"), names); near != "" {
			dash := "-"
			if len(near) > 1 {
				dash = "--"
			}
			s += fmt.Sprintf(words{"; có phải là %s?", "; did you mean %s?"}.in(l), dash+near)
		}
		return s
	}
	if name, ok := cut("flag needs an argument: "); ok {
		return fmt.Sprintf(words{"tùy chọn %s cần một giá trị đi sau", "flag %s needs a value"}.in(l), name)
	}
	if arg, ok := cut("bad flag syntax: "); ok {
		return fmt.Sprintf(words{"tùy chọn viết sai: %s", "bad flag syntax: %s"}.in(l), arg)
	}
	return words{"tùy chọn sai: ", "bad flag: "}.in(l) + msg
}

// newFlags makes the flag set of a command, with --lang, which every
// command takes (chooseLang has already read it).
func newFlags(e *env, name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // flagSet.parse explains errors in the user's language
	fs.Usage = func() {}
	f := &flagSet{e: e, name: name, fs: fs}
	var lang string
	f.str(&lang, "lang", "", words{"vi|en", "vi|en"}, words{
		`ngôn ngữ của thông báo: vi (mặc định) hoặc en; LC_ALL, LC_MESSAGES hoặc LANG bắt đầu bằng "en" cũng chọn tiếng Anh`,
		`language of the messages: vi (default) or en; LC_ALL, LC_MESSAGES or LANG starting with "en" also choose English`})
	return f
}

// str defines a flag with a value.
func (f *flagSet) str(p *string, name, def string, arg, desc words) {
	f.fs.StringVar(p, name, def, desc.en)
	f.specs = append(f.specs, flagSpec{name, arg, desc})
	f.sortSpecs()
}

// boolean defines a flag without a value.
func (f *flagSet) boolean(p *bool, name string, desc words) {
	f.fs.BoolVar(p, name, false, desc.en)
	f.specs = append(f.specs, flagSpec{name: name, desc: desc})
	f.sortSpecs()
}

// has reports whether the command has the flag.
func (f *flagSet) has(name string) bool { return f.fs.Lookup(name) != nil }

// sortSpecs keeps --lang last, the others in the order defined.
func (f *flagSet) sortSpecs() {
	i := slices.IndexFunc(f.specs, func(s flagSpec) bool { return s.name == "lang" })
	if i >= 0 && i != len(f.specs)-1 {
		lang := f.specs[i]
		f.specs = append(slices.Delete(f.specs, i, i+1), lang)
	}
}

// parseAnywhere parses flags that may come before, between or after the
// positional arguments; everything after "--" is positional.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
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
