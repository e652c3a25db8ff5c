package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// The command is tested in-process with a stand-in kind recognised by a
// "fake" key, so these tests do not depend on the real pipelines (which
// recognise "type" and "schema").

type fakeDoc struct {
	Fake  string `yaml:"fake,required"`
	Title string `yaml:"title,required" vi:"trích yếu"`
	Pages int    `yaml:"pages"`
	Warn  bool   `yaml:"warn"`
	Note  bool   `yaml:"note"`
	// Wait holds the write until stopTest has been called (stopped), so
	// that a batch cannot finish before its Ctrl-C.
	Wait bool `yaml:"wait"`
}

// stopTest, when set, is called by the fake kind while it writes a
// document titled "stop": a Ctrl-C in the middle of a batch. stopped is
// closed then; documents marked wait are written only after it.
var (
	stopTest func()
	stopped  chan struct{}
)

func init() {
	app.Register(app.Kind{
		Name:  "0-fake",
		Ext:   ".fake",
		Match: func(root *yaml.Node) bool { return decode.Lookup(root, "fake") != nil },
		Build: func(dec *decode.Decoder, root *yaml.Node, _ app.Options) app.Outputs {
			var d fakeDoc
			dec.Decode(root, &d)
			if d.Warn {
				dec.Warning("warn", diag.Msg{Code: "test.warn", Vi: "cảnh báo thử", En: "a test warning"})
			}
			if d.Note {
				dec.Report(diag.Note, diag.Pos{}, "note", diag.Msg{Code: "test.note", Vi: "ghi chú thử", En: "a test note"})
			}
			return app.File(".fake", func(w io.Writer) error {
				if d.Title == "stop" && stopTest != nil {
					stopTest()
					close(stopped)
				}
				if d.Wait && stopped != nil {
					<-stopped
				}
				_, err := fmt.Fprintf(w, "%s, %d pages\n", d.Title, d.Pages)
				return err
			})
		},
		Starters: func() map[string][]byte {
			return map[string][]byte{"fake-ke-hoach": []byte("fake: ke-hoach\ntitle: …\n"), "fake-to-trinh": []byte("fake: to-trinh\n")}
		},
	})
}

const (
	good = "fake: x\ntitle: Kế hoạch\npages: 2\n"
	bad  = "fake: x\ntitel: Kế hoạch\npages: hai\n"
)

// vanban runs the command in dir, in an environment without a locale
// (so in Vietnamese), and returns its exit status and output.
func vanban(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	return vanbanIn(t, &env{ctx: context.Background(), stdin: strings.NewReader(""), getenv: noEnv}, dir, args...)
}

func noEnv(string) string { return "" }

// vanbanIn runs the command in dir with the streams of e replaced.
func vanbanIn(t *testing.T, e *env, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	e.stdout, e.stderr = &stdout, &stderr
	code := run(e, args)
	return code, stdout.String(), stderr.String()
}

func files(t *testing.T, contents map[string]string) string {
	dir := t.TempDir()
	for name, src := range contents {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(src), 0o644)
	}
	return dir
}

func exists(dir, name string) bool {
	_, err := os.Stat(filepath.Join(dir, name))
	return err == nil
}

func TestRenderOneFile(t *testing.T) {
	dir := files(t, map[string]string{"kh.yaml": good})
	code, out, errs := vanban(t, dir, "render", "kh.yaml")
	if code != 0 || out != "kh.yaml → kh.fake\n" || errs != "" {
		t.Errorf("exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "kh.fake")); string(b) != "Kế hoạch, 2 pages\n" {
		t.Errorf("output %q", b)
	}
}

func TestBatchWithOneBadFile(t *testing.T) {
	dir := files(t, map[string]string{"in/a.yaml": good, "in/b.yaml": bad, "in/c.yaml": good})
	code, out, errs := vanban(t, dir, "render", "in", "-o", "out", "--lang", "en")
	wantErr := "in/b.yaml:2:1: titel: unknown key \"titel\"; did you mean \"title\"? [trích yếu]\n" +
		"in/b.yaml:3:8: pages: found the text \"hai\" (expected a whole number)\n" +
		"vanban: 1 of 3 files not rendered\n"
	if code != 1 || errs != wantErr || out != "in/a.yaml → out/a.fake\nin/c.yaml → out/c.fake\n" {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	if !exists(dir, "out/a.fake") || !exists(dir, "out/c.fake") || exists(dir, "out/b.fake") {
		t.Error("wrong outputs")
	}
}

func TestJSONReport(t *testing.T) {
	dir := files(t, map[string]string{"a.yaml": good, "b.yaml": bad})
	code, out, errs := vanban(t, dir, "render", "--format", "json", "a.yaml", "b.yaml", "missing.yaml")
	if code != 1 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var report struct {
		OK    bool
		Files []struct {
			Input, Output string
			OK            bool
			Diagnostics   []struct {
				File, Field, Message, Severity string
				Line, Col                      int
			}
		}
		Diagnostics []struct{ File, Message string }
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if report.OK || len(report.Files) != 2 || !report.Files[0].OK || report.Files[0].Output != "a.fake" {
		t.Errorf("%+v", report)
	}
	d := report.Files[1].Diagnostics
	if report.Files[1].OK || len(d) != 2 || d[0].Line != 2 || d[0].Col != 1 || d[0].Field != "titel" || d[0].Severity != "error" {
		t.Errorf("%+v", report.Files[1])
	}
	if len(report.Diagnostics) != 1 || report.Diagnostics[0].File != "missing.yaml" {
		t.Errorf("general diagnostics %+v", report.Diagnostics)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	dir := files(t, map[string]string{"a.yaml": good, "b.yaml": bad})
	code, out, errs := vanban(t, dir, "check", ".")
	if code != 1 || out != "a.yaml: không có lỗi\n" || !strings.HasSuffix(errs, "vanban: 1 trong 2 tệp có lỗi\n") {
		t.Errorf("exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
	if exists(dir, "a.fake") {
		t.Error("check wrote an output")
	}
	if code, _, _ := vanban(t, dir, "check", "a.yaml"); code != 0 {
		t.Errorf("valid file: exit %d", code)
	}
}

func TestInputProblemsExitOne(t *testing.T) {
	dir := files(t, map[string]string{"empty/notes.txt": "", "doc.pdf": "%PDF-1.4\n"})
	for _, args := range [][]string{
		{"render", "missing.yaml"},
		{"render", "empty"},
		{"check", "doc.pdf"},
		{"render", "--format", "json", "empty"},
	} {
		if code, _, _ := vanban(t, dir, args...); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	dir := files(t, map[string]string{"a.yaml": good, "file": ""})
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "Cách dùng:"},
		{[]string{"paint"}, `không có lệnh "paint"`},
		{[]string{"--lang", "en", "paint"}, `unknown command "paint"`},
		{[]string{"render"}, "chưa cho tệp hoặc thư mục nào"},
		{[]string{"render", "--lang", "en"}, "no input given"},
		{[]string{"render", "--colour", "a.yaml"}, "vanban render: không có tùy chọn -colour\n"},
		{[]string{"render", "--strickt", "a.yaml"}, "vanban render: không có tùy chọn -strickt; có phải là --strict?\n"},
		{[]string{"render", "--strickt", "a.yaml", "--lang=en"}, "vanban render: unknown flag -strickt; did you mean --strict?\n"},
		{[]string{"render", "a.yaml", "-o"}, "vanban render: tùy chọn -o cần một giá trị đi sau"},
		{[]string{"render", "--format", "xml", "a.yaml"}, "--format phải là text hoặc json"},
		{[]string{"render", "--lang", "fr", "a.yaml"}, "--lang phải là vi (tiếng Việt) hoặc en (tiếng Anh), không phải \"fr\""},
		{[]string{"render", "-o", "file", "a.yaml"}, "vanban render: không dùng được thư mục -o file: một phần của đường dẫn là tệp, không phải thư mục\n"},
		{[]string{"render", "-o", "file", "a.yaml", "--lang", "en"}, "vanban render: cannot use -o file: not a directory\n"},
		{[]string{"check", "-o", "out", "a.yaml"}, "không có tùy chọn -o"},
		{[]string{"new", "a", "b", "c"}, "cho một loại và nhiều nhất một tên tệp"},
		{[]string{"new", "fake-ke-hoachh"}, `không có loại "fake-ke-hoachh"; có phải là "fake-ke-hoach"?`},
		{[]string{"new", "--lang", "en", "fake-ke-hoachh"}, `unknown type "fake-ke-hoachh"; did you mean "fake-ke-hoach"?`},
		{[]string{"new", "Fake Kế Hoạchh"}, `có phải là "fake-ke-hoach"?`},
		{[]string{"rendr", "a.yaml"}, `không có lệnh "rendr"; có phải là "render"?`},
		{[]string{"new", "xyzzy-khong-co"}, "(các loại: "},
		{[]string{"help", "paint"}, `vanban help: không có lệnh "paint"`},
		{[]string{"version", "--verbose"}, "không có tùy chọn -verbose"},
	} {
		code, out, errs := vanban(t, dir, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errs, c.want)
		}
	}
	if exists(dir, "a.fake") {
		t.Error("a usage error rendered")
	}
}

func TestFlagsAnywhere(t *testing.T) {
	dir := files(t, map[string]string{"a.yaml": good, "-b.yaml": good})
	if code, out, errs := vanban(t, dir, "render", "a.yaml", "-o", "new/out", "-q"); code != 0 || out != "" || errs != "" {
		t.Errorf("exit %d %q %q", code, out, errs)
	}
	if !exists(dir, "new/out/a.fake") {
		t.Error("-o after the input was ignored, or its folder not created")
	}
	if code, out, _ := vanban(t, dir, "render", "-q", "--", "-b.yaml"); code != 0 || out != "" || !exists(dir, "-b.fake") {
		t.Errorf("after --, a name that looks like a flag is an input: exit %d %q", code, out)
	}
}

func TestHelpAndVersion(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"help"}, {"--help"}, {"render", "--help"}, {"check", "-h"}, {"new", "--help"}, {"version"}} {
		if code, out, errs := vanban(t, dir, args...); code != 0 || out+errs == "" {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

func TestNew(t *testing.T) {
	code, out, _ := vanban(t, t.TempDir(), "new", "fake-ke-hoach")
	if code != 0 || out != "fake: ke-hoach\ntitle: …\n" {
		t.Errorf("exit %d %q", code, out)
	}
	// The type's Vietnamese name works as well as its id.
	code, out, _ = vanban(t, t.TempDir(), "new", "Fake Kế hoạch")
	if code != 0 || out != "fake: ke-hoach\ntitle: …\n" {
		t.Errorf("Vietnamese name: exit %d %q", code, out)
	}
	code, out, _ = vanban(t, t.TempDir(), "new")
	if code != 0 || !strings.Contains(out, "  fake-ke-hoach\n  fake-to-trinh\n") {
		t.Errorf("exit %d %q", code, out)
	}
	// The list names each real type in Vietnamese next to its id.
	for _, want := range []string{"  quyet-dinh       Quyết định (QĐ)\n", "  cong-van         Công văn\n", "  bao-cao-bdg      Biểu số liệu báo cáo bình đẳng giới (6 tháng hoặc năm)\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the list lacks %q:\n%s", want, out)
		}
	}
}

// vanban render says which font the documents were set in, in the
// language of the messages and in the JSON report.
func TestRenderSaysWhichFont(t *testing.T) {
	seed, err := os.ReadFile("../../examples/chuong-trinh-bim-son-2017.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := files(t, map[string]string{"ct.yaml": string(seed)})
	t.Setenv(app.FontsEnv, "")
	code, out, errs := vanban(t, dir, "render", "--lang", "vi", "ct.yaml")
	if code != 0 || errs != "" || out != "ct.yaml → ct.pdf\nPhông chữ: Liberation Serif (kèm theo vanban, cùng số đo với Times New Roman)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	_, out, _ = vanban(t, dir, "render", "--lang", "en", "--fonts", "embedded", "ct.yaml")
	if !strings.HasSuffix(out, "Font: Liberation Serif (embedded, metric-compatible with Times New Roman)\n") {
		t.Errorf("stdout %q", out)
	}
	_, out, _ = vanban(t, dir, "render", "--format", "json", "ct.yaml")
	var report struct{ Font struct{ Name string } }
	if err := json.Unmarshal([]byte(out), &report); err != nil || report.Font.Name != "Liberation Serif" {
		t.Errorf("JSON %s: %v", out, err)
	}
	// A workbook has no embedded font: nothing to say.
	dir = files(t, map[string]string{"kh.yaml": good})
	if _, out, _ = vanban(t, dir, "render", "kh.yaml"); strings.Contains(out, "Phông") {
		t.Errorf("stdout %q", out)
	}
}
