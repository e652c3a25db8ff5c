package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Dropping files on vanban.exe runs "vanban.exe C:\…\kh.yaml …": the files
// are rendered as with "vanban render".
func TestDroppedFilesAreRendered(t *testing.T) {
	dir := files(t, map[string]string{"kh.yaml": good, "tb.yaml.txt": good, "thu muc/bc.yml": good})
	abs := func(name string) string { return filepath.Join(dir, name) }
	code, out, errs := vanban(t, t.TempDir(), abs("kh.yaml"), abs("tb.yaml.txt"))
	want := abs("kh.yaml") + " → " + abs("kh.fake") + "\n" + abs("tb.yaml.txt") + " → " + abs("tb.fake") + "\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("exit %d\nstdout %q\nwant   %q\nstderr %q", code, out, want, errs)
	}
	// Flags before the files.
	if code, out, _ := vanban(t, dir, "-o", "ra", "kh.yaml"); code != 0 || out != "kh.yaml → "+filepath.Join("ra", "kh.fake")+"\n" {
		t.Errorf("flags first: exit %d %q", code, out)
	}
	// A dropped folder.
	if code, out, _ := vanban(t, dir, "thu muc"); code != 0 || !strings.Contains(out, "bc.fake") {
		t.Errorf("folder: exit %d %q", code, out)
	}
	// A dropped file that is not there any more: a render error, not
	// "unknown command".
	code, _, errs = vanban(t, dir, "da-xoa.yaml")
	if code != 1 || !strings.Contains(errs, "da-xoa.yaml: không đọc được: không có tệp hoặc thư mục này") {
		t.Errorf("missing file: exit %d %q", code, errs)
	}
	// A word that is neither a command nor a file is still a mistyped command.
	if code, _, errs := vanban(t, dir, "chek", "kh.yaml"); code != 2 || !strings.Contains(errs, `không có lệnh "chek"; có phải là "check"?`) {
		t.Errorf("typo: exit %d %q", code, errs)
	}
}

// Started from Explorer, vanban's window closes when it exits: it says
// where each output went, with full paths, and waits for Enter.
func TestStartedFromExplorerWaitsForEnter(t *testing.T) {
	dir := files(t, map[string]string{"kh.yaml": good, "sai.yaml": bad})
	e := &env{ctx: context.Background(), stdin: strings.NewReader("\n"), getenv: noEnv, pause: true}
	code, out, errs := vanbanIn(t, e, dir, filepath.Join(dir, "kh.yaml"), filepath.Join(dir, "sai.yaml"))
	if code != 1 || !strings.Contains(errs, "sai.yaml:2:1") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"\nĐã tạo 1 tệp:\n  " + filepath.Join(dir, "kh.fake") + "\n",
		"\n1 tệp chưa tạo được: sửa theo các dòng báo lỗi ở trên",
		"\nNhấn Enter để đóng cửa sổ này.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	// Double-clicked, without files: how to use vanban from Explorer.
	e = &env{ctx: context.Background(), stdin: strings.NewReader("\n"), getenv: noEnv, pause: true}
	code, out, _ = vanbanIn(t, e, dir)
	if code != 0 || !strings.Contains(out, "kéo thả một hoặc nhiều tệp .yaml") || !strings.HasSuffix(out, "Nhấn Enter để đóng cửa sổ này.\n") {
		t.Errorf("double-click: exit %d\n%s", code, out)
	}
	// Waiting ends with Ctrl-C too, even when nobody types anything.
	ctx, stop := context.WithCancel(context.Background())
	stdin, _ := io.Pipe()
	e = &env{ctx: ctx, stdin: stdin, getenv: noEnv, pause: true}
	stop()
	if code, _, _ := vanbanIn(t, e, dir, "version"); code != 0 {
		t.Errorf("exit %d", code)
	}
	// From a terminal (and on every system but Windows), no wait, no recap.
	code, out, _ = vanban(t, dir, "kh.yaml")
	if code != 0 || strings.Contains(out, "Nhấn Enter") || strings.Contains(out, "Đã tạo") {
		t.Errorf("terminal: %q", out)
	}
	if startedAlone() && os.Getenv("CI") == "" {
		t.Log("this test process has a console of its own")
	}
}

// A batch with a file whose output name differs only in case from
// another's refuses both: on Windows one would overwrite the other.
func TestCaseInsensitiveClash(t *testing.T) {
	dir := files(t, map[string]string{"a/KH.yaml": good, "b/kh.yaml": good, "b/tb.yaml": good})
	code, out, errs := vanban(t, dir, "render", "a", "b", "-o", "out")
	if code != 1 || out != filepath.Join("b", "tb.yaml")+" → "+filepath.Join("out", "tb.fake")+"\n" {
		t.Errorf("exit %d\nstdout %q", code, out)
	}
	if !strings.Contains(errs, "sẽ cùng ghi ra một tệp tên KH.* (tên tệp không phân biệt chữ hoa, chữ thường)") ||
		!strings.HasSuffix(errs, "vanban: 2 trong 3 tệp không tạo được\n") {
		t.Errorf("stderr %s", errs)
	}
}

// --strict: warnings fail the run, and the file with warnings is not
// written.
func TestStrictFailsOnWarnings(t *testing.T) {
	dir := files(t, map[string]string{"w.yaml": good + "warn: true\n", "ok.yaml": good})
	code, out, errs := vanban(t, dir, "render", ".")
	if code != 0 || !strings.Contains(errs, "w.yaml:4:7: warn: cảnh báo: cảnh báo thử") || !exists(dir, "w.fake") {
		t.Errorf("without --strict: exit %d %q %q", code, out, errs)
	}
	os.Remove(filepath.Join(dir, "w.fake"))
	code, out, errs = vanban(t, dir, "render", "--strict", ".")
	if code != 1 || exists(dir, "w.fake") || out != "ok.yaml → ok.fake\n" ||
		!strings.HasSuffix(errs, "vanban: 1 trong 2 tệp không tạo được (--strict: cảnh báo cũng tính là lỗi)\n") {
		t.Errorf("--strict: exit %d %q %q", code, out, errs)
	}
	if code, _, _ := vanban(t, dir, "check", "--strict", "w.yaml"); code != 1 {
		t.Errorf("check --strict: exit %d", code)
	}
	if code, out, _ := vanban(t, dir, "check", "w.yaml"); code != 0 || out != "w.yaml: không có lỗi (1 cảnh báo)\n" {
		t.Errorf("check: exit %d %q", code, out)
	}
}

// A file that is fine says how many warnings and notes it has, each by
// its own name: a note (punctuation printed as the decree wants) asks for
// nothing and is not a warning.
func TestCheckCountsWarningsAndNotes(t *testing.T) {
	dir := files(t, map[string]string{"wn.yaml": good + "warn: true\nnote: true\n", "n.yaml": good + "note: true\n"})
	for _, c := range []struct{ lang, file, want string }{
		{"vi", "wn.yaml", "wn.yaml: không có lỗi (1 cảnh báo, 1 ghi chú)\n"},
		{"vi", "n.yaml", "n.yaml: không có lỗi (1 ghi chú)\n"},
		{"en", "wn.yaml", "wn.yaml: ok (1 warning, 1 note)\n"},
	} {
		code, out, errs := vanban(t, dir, "check", "--lang", c.lang, c.file)
		if code != 0 || out != c.want {
			t.Errorf("check --lang %s %s: exit %d %q, want %q (%s)", c.lang, c.file, code, out, c.want, errs)
		}
	}
	// A note asks for nothing, so --strict (for CI) does not fail on it;
	// the warning beside it still does.
	if code, out, errs := vanban(t, dir, "render", "--strict", "n.yaml"); code != 0 || !exists(dir, "n.fake") {
		t.Errorf("render --strict of a file with a note only: exit %d %q %q", code, out, errs)
	}
	if code, _, _ := vanban(t, dir, "check", "--strict", "wn.yaml"); code != 1 {
		t.Errorf("check --strict of a file with a warning and a note: exit %d", code)
	}
}

// jsonReport is the JSON output, as a CI job reads it.
type jsonReport struct {
	OK, Strict, Interrupted bool
	Lang                    string
	Summary                 map[string]int
	Files                   []struct {
		Input, Output, Kind, Note string
		OK, Skipped, Interrupted  bool
		Diagnostics               []jsonDiag
	}
	Diagnostics []jsonDiag
}

type jsonDiag struct {
	File, Field, Code, Message, Expected, Severity string
	Line, Col                                      int
}

func decodeJSON(t *testing.T, out string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r
}

// With --format json every failure is in the JSON on stdout, with its
// stable code, also those that stop the command before any file is read.
func TestJSONHoldsEveryFailure(t *testing.T) {
	dir := files(t, map[string]string{"a.yaml": good, "file": ""})
	for _, c := range []struct {
		args       []string
		code       int
		diagCode   string
		message    string
		file       string
		diagsFiles int
	}{
		{[]string{"render", "--format", "json", "-o", "file", "a.yaml"}, 2, "output.folder", "không dùng được thư mục -o file: một phần của đường dẫn là tệp, không phải thư mục", "file", 0},
		{[]string{"render", "--format=json", "--lang", "en", "-o", "file", "a.yaml"}, 2, "output.folder", "cannot use -o file: not a directory", "file", 0},
		{[]string{"render", "--format", "json", "--colour", "a.yaml"}, 2, "usage.flag", "không có tùy chọn -colour", "", 0},
		{[]string{"check", "--format", "json"}, 2, "usage.no-input", "chưa cho tệp hoặc thư mục nào", "", 0},
		{[]string{"check", "--format", "json", "--lang", "fr", "a.yaml"}, 2, "usage.lang", "--lang phải là vi (tiếng Việt) hoặc en (tiếng Anh), không phải \"fr\"", "", 0},
		{[]string{"render", "--format", "json", "a.yaml", "missing.yaml"}, 1, "input.unreadable", "không đọc được: không có tệp hoặc thư mục này", "missing.yaml", 1},
	} {
		code, out, errs := vanban(t, dir, c.args...)
		if code != c.code || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errs)
			continue
		}
		r := decodeJSON(t, out)
		if r.OK || len(r.Diagnostics) != 1 || len(r.Files) != c.diagsFiles {
			t.Errorf("%v: %+v", c.args, r)
			continue
		}
		if d := r.Diagnostics[0]; d.Code != c.diagCode || d.Message != c.message || d.File != c.file || d.Severity != "error" {
			t.Errorf("%v: %+v", c.args, d)
		}
	}
}

// A copied catalogue lying beside the documents is checked and skipped
// with a note; the run succeeds.
func TestCatalogueIsSkipped(t *testing.T) {
	cat, err := os.ReadFile("../../templates/catalogues/bdg-2021-2030.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := files(t, map[string]string{"kh.yaml": good, "bdg-2021-2030.yaml": string(cat)})
	code, out, errs := vanban(t, dir, "render", ".")
	want := "bdg-2021-2030.yaml: bộ chỉ tiêu: đã kiểm tra, không tạo tệp (biểu số liệu dùng nó qua dòng catalogue:)\nkh.yaml → kh.fake\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("exit %d\nstdout %q\nwant   %q\nstderr %q", code, out, want, errs)
	}
	code, out, _ = vanban(t, dir, "render", "--format", "json", ".")
	r := decodeJSON(t, out)
	if f := r.Files[0]; code != 0 || !r.OK || !f.OK || !f.Skipped || f.Kind != "catalogue" || f.Output != "" || f.Note == "" {
		t.Errorf("JSON: exit %d %+v", code, r)
	}
	if r.Summary["skipped"] != 1 || r.Summary["written"] != 1 || r.Summary["files"] != 2 {
		t.Errorf("summary %v", r.Summary)
	}
	// A broken catalogue is a failure, said once.
	os.WriteFile(filepath.Join(dir, "bdg-2021-2030.yaml"), []byte(strings.Replace(string(cat), "stage: 2021-2030\n", "", 1)), 0o644)
	code, _, errs = vanban(t, dir, "check", ".")
	if code != 1 || !strings.Contains(errs, "bdg-2021-2030.yaml") || !strings.HasSuffix(errs, "vanban: 1 trong 2 tệp có lỗi\n") {
		t.Errorf("broken catalogue: exit %d %q", code, errs)
	}
}

// Ctrl-C in the middle of a batch: the files being written are finished,
// no other is started, and vanban says how many were written.
func TestInterruptedBatchSaysWhatWasWritten(t *testing.T) {
	contents := map[string]string{}
	for i := range 40 {
		contents[fmt.Sprintf("%02d.yaml", i)] = good + "wait: true\n" // written after the Ctrl-C
	}
	contents["00.yaml"], contents["01.yaml"] = good, good
	contents["02.yaml"] = "fake: x\ntitle: stop\n"
	dir := files(t, contents)
	for _, format := range []string{"text", "json"} {
		ctx, stop := context.WithCancel(context.Background())
		stopTest, stopped = stop, make(chan struct{})
		t.Cleanup(func() { stopTest, stopped = nil, nil })
		e := &env{ctx: ctx, stdin: strings.NewReader(""), getenv: noEnv}
		code, out, errs := vanbanIn(t, e, dir, "render", "-o", "out-"+format, "--format", format, "-q", ".")
		written, _ := filepath.Glob(filepath.Join(dir, "out-"+format, "*.fake"))
		if code != 130 || len(written) < 3 || len(written) == 40 {
			t.Fatalf("%s: exit %d, %d written\n%s%s", format, code, len(written), out, errs)
		}
		if format == "json" {
			r := decodeJSON(t, out)
			if !r.Interrupted || r.OK || r.Summary["written"] != len(written) || r.Summary["interrupted"] != 40-len(written) {
				t.Errorf("JSON: %+v", r)
			}
			continue
		}
		want := fmt.Sprintf("vanban: đã dừng (Ctrl-C): đã ghi xong %d trong 40 tệp, %d tệp chưa làm; không có tệp nào ghi dở\n", len(written), 40-len(written))
		if errs != want {
			t.Errorf("stderr %q\nwant   %q", errs, want)
		}
	}
}

// vanban speaks Vietnamese unless asked for English, in every command.
func TestHelpInVietnamese(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		lang func(string) string
		want []string
	}{
		{[]string{"help"}, noEnv, []string{"Cách dùng:", "vanban render [tùy chọn] TỆP...", "kéo thả tệp vào vanban.exe", "Mã thoát:"}},
		{[]string{"--help"}, noEnv, []string{"Cách dùng:"}},
		{[]string{"help"}, englishLocale, []string{"Usage:", "vanban render [flags] PATH...", "dropped on vanban.exe"}},
		{[]string{"--lang", "en", "help"}, noEnv, []string{"Usage:"}},
		{[]string{"help", "--lang=en"}, noEnv, []string{"Usage:"}},
		{[]string{"--lang", "vi", "help"}, englishLocale, []string{"Cách dùng:"}},
		{[]string{"help", "render"}, noEnv, []string{"Cách dùng: vanban render [tùy chọn] TỆP...", "Tùy chọn:", "  --strict\n      coi cảnh báo là lỗi", "  -o THƯ_MỤC\n"}},
		{[]string{"render", "--help", "--lang", "en"}, noEnv, []string{"Usage: vanban render [flags] PATH...", "Flags:", "  --strict\n      treat warnings as errors"}},
		{[]string{"check", "-h"}, noEnv, []string{"Cách dùng: vanban check", "chỉ báo lỗi"}},
		{[]string{"new", "--help"}, noEnv, []string{"Cách dùng: vanban new [LOẠI [TỆP]]", "không ghi đè tệp đã có"}},
		{[]string{"version", "--help"}, noEnv, []string{"In số phiên bản của vanban."}},
		{[]string{"version"}, noEnv, []string{"vanban " + version}},
		{[]string{"new"}, noEnv, []string{"Các loại (vanban new LOẠI TỆP.yaml):"}},
	} {
		e := &env{ctx: context.Background(), stdin: strings.NewReader(""), getenv: c.lang}
		code, out, errs := vanbanIn(t, e, dir, c.args...)
		if code != 0 || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: stdout lacks %q:\n%s", c.args, w, out)
			}
		}
	}
	// Every flag of every command is described in both languages.
	e := &env{ctx: context.Background(), getenv: noEnv}
	for _, f := range []*flagSet{newRenderFlags(e, false).flagSet, newRenderFlags(e, true).flagSet, newFlags(e, "new")} {
		for _, s := range f.specs {
			if s.desc.vi == "" || s.desc.en == "" || s.desc.vi == s.desc.en || s.arg.vi == "THƯ_MỤC" && s.arg.en != "DIR" {
				t.Errorf("%s --%s: %+v", f.name, s.name, s)
			}
		}
	}
	for _, c := range listed() {
		if c.what.vi == "" || c.what.en == "" || c.what.vi == c.what.en {
			t.Errorf("%s: %+v", c.name, c.what)
		}
	}
}

func englishLocale(k string) string {
	if k == "LANG" {
		return "en_US.UTF-8"
	}
	return ""
}

// vanban new TYPE FILE writes the starting file, never over another.
func TestNewWritesAFile(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := vanban(t, dir, "new", "fake-ke-hoach", "kế hoạch 2026")
	if code != 0 || out != "Đã tạo kế hoạch 2026.yaml. Sửa tệp này (Notepad, Notepad++…), rồi chạy: vanban render \"kế hoạch 2026.yaml\"\n" {
		t.Errorf("exit %d %q", code, out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "kế hoạch 2026.yaml")); string(b) != "fake: ke-hoach\ntitle: …\n" {
		t.Errorf("file %q", b)
	}
	os.WriteFile(filepath.Join(dir, "kh.yaml"), []byte("my work"), 0o644)
	code, _, errs := vanban(t, dir, "new", "fake-ke-hoach", "kh.yaml")
	if b, _ := os.ReadFile(filepath.Join(dir, "kh.yaml")); code != 1 || string(b) != "my work" || !strings.Contains(errs, "đã có tệp kh.yaml") {
		t.Errorf("overwrote: exit %d %q %q", code, b, errs)
	}
}

// The command section of README.md names only commands and flags that
// exist, and every command and flag is named there.
func TestREADMECommands(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "## Commands\n\n```sh\n")
	block, _, _ := strings.Cut(section, "```")
	e := &env{ctx: context.Background(), getenv: noEnv}
	flagsOf := map[string]*flagSet{
		"render": newRenderFlags(e, false).flagSet, "check": newRenderFlags(e, true).flagSet,
		"serve": newServeFlags(e).flagSet,
		"form":  newFormFlags(e, "form").flagSet, "import": newFormFlags(e, "import").flagSet,
	}
	named := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		line, _, _ = strings.Cut(line, "#")
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != "vanban" {
			t.Errorf("README: %q", line)
			continue
		}
		name := fields[1]
		if name == "FILE.yaml..." {
			continue
		}
		if commands[name] == nil {
			t.Errorf("README names the command %q, which does not exist", name)
			continue
		}
		named[name] = true
		for _, f := range fields[2:] {
			f = strings.Trim(f, "[]")
			if !strings.HasPrefix(f, "-") {
				continue
			}
			flag := strings.TrimLeft(f, "-")
			fs := flagsOf[name]
			if fs == nil || !fs.has(flag) {
				t.Errorf("README: vanban %s has no flag %s", name, f)
			}
			named[name+" "+flag] = true
		}
	}
	for _, c := range listed() {
		if !named[c.name] {
			t.Errorf("README does not name vanban %s", c.name)
		}
	}
	for name, fs := range flagsOf {
		for _, s := range fs.specs {
			if s.name != "lang" && !named[name+" "+s.name] {
				t.Errorf("README does not name vanban %s's flag %s", name, s.name)
			}
		}
	}
}
