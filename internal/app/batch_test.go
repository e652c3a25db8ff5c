package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// Notepad saves "kh.yaml" as "kh.yaml.txt" and Explorer hides the ".txt":
// such files are inputs, in folders too, and their output is kh.pdf.
func TestNotepadTxtInputs(t *testing.T) {
	dir := setup(t, map[string]string{
		"kh.yaml.txt": goodDoc, "tb.YML.TXT": goodDoc, "notes.txt": "x", ".yaml.txt": goodDoc, "sub/bc.yml.txt": goodDoc,
	})
	files, diags := Inputs([]string{dir})
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, filepath.ToSlash(r))
	}
	if len(diags) != 0 || strings.Join(rel, " ") != "kh.yaml.txt sub/bc.yml.txt tb.YML.TXT" {
		t.Fatalf("inputs %v %v", rel, diags)
	}
	for i, r := range RenderAll(files, "", Options{}) {
		want := map[int]string{0: "kh.pdf", 1: "sub/bc.pdf", 2: "tb.pdf"}[i]
		if r.Failed() || r.Output != filepath.Join(dir, filepath.FromSlash(want)) {
			t.Errorf("%s → %q, want %s (%v)", r.Input, r.Output, want, r.Diags)
		}
	}
	for in, out := range map[string]string{
		"a/kh.yaml": "a/kh.pdf", "a/kh.yaml.txt": "a/kh.pdf", "a/KH.Yml.Txt": "a/KH.pdf", "a/kh.txt": "a/kh.pdf",
		"a/kế hoạch.v2.yaml": "a/kế hoạch.v2.pdf", "a/.yaml.txt": "a/.yaml.pdf",
	} {
		if got := OutputPath(filepath.FromSlash(in), "", ".pdf"); got != filepath.FromSlash(out) {
			t.Errorf("OutputPath(%s) = %s, want %s", in, got, out)
		}
	}
}

// On Windows and macOS KH.pdf and kh.pdf are one file: two inputs whose
// outputs differ only in case (or in Unicode normalisation) clash on every
// system, so that a batch that works in CI does not lose a document on
// the clerk's machine.
func TestClashesIgnoreCase(t *testing.T) {
	dir := setup(t, map[string]string{
		"a/KH.yaml": goodDoc, "b/kh.yaml": goodDoc, "c/Kế Hoạch.yaml": goodDoc, "d/ke\u0302\u0301 hoạch.yml.txt": goodDoc, "e/tb.yaml": goodDoc,
	})
	files, _ := Inputs([]string{dir})
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	var failed []string
	for _, r := range RenderAll(files, out, Options{}) {
		if r.Failed() {
			failed = append(failed, filepath.ToSlash(must(filepath.Rel(dir, r.Input))))
			if r.Diags[0].Code != "output.clash" || !strings.Contains(r.Diags[0].Vi, "không phân biệt chữ hoa, chữ thường") {
				t.Errorf("%s: %v", r.Input, r.Diags)
			}
		}
	}
	if len(failed) != 4 {
		t.Errorf("refused %v, want the four kế hoạch", failed)
	}
	if names := listDir(t, out); names != "tb.pdf" {
		t.Errorf("written: %s", names)
	}
	// Without -o each goes to its own folder: no clash.
	for _, r := range RenderAll(files, "", Options{}) {
		if r.Failed() {
			t.Errorf("%s: %v", r.Input, r.Diags)
		}
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

// A PDF open in a viewer cannot be replaced on Windows: the rename fails
// with a sharing violation or access denied. The clerk is told to close
// it, and the previous file stays.
func TestLockedOutput(t *testing.T) {
	dir := setup(t, map[string]string{"kh.yaml": goodDoc, "kh.pdf": "signed yesterday", "bc.yaml": "schema: x\nyear: 2025\n"})
	lockedErr := syscall.Errno(32) // ERROR_SHARING_VIOLATION on Windows
	if len(lockedErrnos) > 0 {
		lockedErr = lockedErrnos[0]
	} else {
		lockedErrnos = []syscall.Errno{lockedErr}
		t.Cleanup(func() { lockedErrnos = nil })
	}
	rename = func(from, to string) error { return &os.LinkError{Op: "rename", Old: from, New: to, Err: lockedErr} }
	t.Cleanup(func() { rename = os.Rename })

	res := RenderFile(filepath.Join(dir, "kh.yaml"), "", Options{})
	out := filepath.Join(dir, "kh.pdf")
	if !res.Failed() || len(res.Diags) != 1 || res.Diags[0].Code != "output.locked" {
		t.Fatalf("%+v", res)
	}
	d := res.Diags[0]
	if want := "không thay được " + out + ": tệp đang mở trong một chương trình khác (trình đọc PDF, Excel…) hoặc chỉ cho đọc; tệp cũ vẫn giữ nguyên (cách sửa: đóng tệp PDF đang mở rồi chạy lại)"; !strings.HasSuffix(d.Format(diag.Vi), want) {
		t.Errorf("got  %s\nwant …%s", d.Format(diag.Vi), want)
	}
	if !strings.Contains(d.Format(diag.En), "close the open PDF file and run again") {
		t.Errorf("English: %s", d.Format(diag.En))
	}
	if got, _ := os.ReadFile(out); string(got) != "signed yesterday" {
		t.Errorf("the previous file changed: %q", got)
	}
	if names := listDir(t, dir); names != "bc.yaml kh.pdf kh.yaml" {
		t.Errorf("files left: %s", names)
	}
	if res := RenderFile(filepath.Join(dir, "bc.yaml"), "", Options{}); len(res.Diags) != 1 || !strings.Contains(res.Diags[0].Vi, "đóng tệp Excel") && !strings.Contains(res.Diags[0].FixVi, "đóng tệp Excel") {
		t.Errorf("workbook: %v", res.Diags)
	}
	// Another refusal of the rename is not called a lock.
	rename = func(from, to string) error {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.ENOSPC}
	}
	res = RenderFile(filepath.Join(dir, "kh.yaml"), "", Options{})
	if len(res.Diags) != 1 || res.Diags[0].Code != "output.unwritable" || res.Diags[0].Vi != "không ghi được "+out+": ổ đĩa đã đầy" {
		t.Errorf("%v", res.Diags)
	}
}

// --strict: a warning fails the file, which is then not written.
func TestStrict(t *testing.T) {
	dir := setup(t, map[string]string{"w.yaml": "schema: x\nyear: 2025\nshare: 2\n", "ok.yaml": goodDoc})
	withKinds(t, append(testKinds(), warningKind())...)
	w := filepath.Join(dir, "w.yaml")
	if res := RenderFile(w, "", Options{}); res.Failed() || res.Output == "" || len(res.Diags) != 1 {
		t.Fatalf("without --strict a warning is only reported: %+v", res)
	}
	os.Remove(filepath.Join(dir, "w.xlsx"))
	res := RenderFile(w, "", Options{Strict: true})
	if !res.Failed() || res.Output != "" || res.Diags[0].Severity != diag.Warning {
		t.Errorf("strict: %+v", res)
	}
	if _, err := os.Stat(filepath.Join(dir, "w.xlsx")); err == nil {
		t.Error("strict wrote a file with warnings")
	}
	if res := Check(w, Options{Strict: true}); !res.Failed() {
		t.Error("strict check passed a warning")
	}
	if res := RenderFile(filepath.Join(dir, "ok.yaml"), "", Options{Strict: true}); res.Failed() {
		t.Errorf("strict refused a clean file: %v", res.Diags)
	}
}

// warningKind is a report that warns of a share above 1.
func warningKind() Kind {
	k := testKinds()[1]
	k.Name = "0-warning"
	build := k.Build
	k.Match = func(root *yaml.Node) bool { return decode.Lookup(root, "share") != nil }
	k.Build = func(dec *decode.Decoder, root *yaml.Node, opt Options) Outputs {
		w := build(dec, root, opt)
		if n := decode.Lookup(root, "share"); n.Value != "0" {
			dec.Warning("share", diag.Msg{Code: "test.share", Vi: "tỷ lệ lạ", En: "odd share"})
		}
		return w
	}
	return k
}

// A stopped batch finishes the files it started and starts no other.
func TestInterruptedBatch(t *testing.T) {
	files := make([]string, 40)
	for i := range files {
		files[i] = string(rune('a'+i%26)) + strings.Repeat("x", i/26)
	}
	ctx, stop := context.WithCancel(context.Background())
	results := EachContext(ctx, files, func(f string) Result {
		switch {
		case f == "c":
			stop()
		case f > "c":
			// A file started after "c" takes until the stop to finish,
			// so the workers cannot run through the whole batch before
			// the goroutine rendering "c" gets the processor.
			<-ctx.Done()
		}
		return Result{Input: f, Output: f + ".pdf"}
	})
	written, interrupted := 0, 0
	for i, r := range results {
		if r.Input != files[i] {
			t.Fatalf("result %d is for %q", i, r.Input)
		}
		switch {
		case r.Interrupted && r.Output == "" && r.Failed():
			interrupted++
		case !r.Interrupted && r.Output != "":
			written++
			if interrupted > 0 {
				t.Errorf("%s written after an interrupted one", r.Input)
			}
		default:
			t.Errorf("%+v", r)
		}
	}
	if written < 3 || interrupted == 0 || written+interrupted != len(files) {
		t.Errorf("written %d, interrupted %d", written, interrupted)
	}
	// Stopped before it began: nothing runs.
	results = EachContext(ctx, files, func(f string) Result { t.Fatal("ran after the stop"); return Result{} })
	if !results[0].Interrupted || !results[39].Interrupted {
		t.Error("not marked interrupted")
	}
}

// The docs tell users to copy a catalogue beside their report and name it
// in "catalogue:". Rendering the folder renders the report and checks the
// catalogue, which is skipped with a note, not a failure.
func TestCatalogueBesideReport(t *testing.T) {
	report := string(readFile(t, "../../examples/bao-cao-bdg-bim-son-2017-nam.yaml"))
	if !strings.Contains(report, "\ncatalogue: bdg-2011-2020\n") {
		t.Fatal("the example no longer names its catalogue as this test expects")
	}
	report = strings.Replace(report, "\ncatalogue: bdg-2011-2020\n", "\ncatalogue: ./chi-tieu.yaml\n", 1)
	catalogue := string(readFile(t, "../../templates/catalogues/bdg-2011-2020.yaml"))
	other := string(readFile(t, "../../templates/catalogues/bdg-2021-2030.yaml"))

	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bao-cao.yaml", report)
	write("chi-tieu.yaml", catalogue)
	write("bdg-2021-2030.yaml", other) // lying there, named by no report
	files, _ := Inputs([]string{dir})
	for _, results := range [][]Result{RenderAll(files, "", Options{}), CheckAll(files, Options{})} {
		for _, r := range results {
			name := filepath.Base(r.Input)
			switch {
			case r.Failed():
				t.Errorf("%s failed: %v", name, r.Diags)
			case name == "bao-cao.yaml" && (r.Skipped || r.Kind != "report"):
				t.Errorf("the report: %+v", r)
			case name != "bao-cao.yaml" && (!r.Skipped || r.Kind != "catalogue" || r.Output != "" || r.Note.Code != "input.catalogue"):
				t.Errorf("%s: %+v", name, r)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bao-cao.xlsx")); err != nil {
		t.Error("the report was not rendered")
	}
	if names := listDir(t, dir); names != "bao-cao.xlsx bao-cao.yaml bdg-2021-2030.yaml chi-tieu.yaml" {
		t.Errorf("files: %s", names)
	}

	// A catalogue whose schema line was lost is still known for what it is
	// when a report of the batch names it: it gets the catalogue's own
	// messages, not "vanban does not know what this file is".
	write("chi-tieu.yaml", strings.Replace(catalogue, "\nschema: bdg-indicators/v1\n", "\n", 1))
	results := CheckAll(files, Options{})
	cat := results[2]
	if filepath.Base(cat.Input) != "chi-tieu.yaml" || !cat.Skipped || cat.Kind != "catalogue" || !cat.Failed() {
		t.Fatalf("%+v", cat)
	}
	for _, d := range cat.Diags {
		if d.Code == "input.unknown-kind" {
			t.Errorf("not recognised: %v", d)
		}
	}
	if !results[0].Failed() {
		t.Error("the report passed with a broken catalogue")
	}
	// Alone, the same file is not recognised.
	if r := Check(filepath.Join(dir, "chi-tieu.yaml"), Options{}); r.Kind != "" || r.Diags[0].Code != "input.unknown-kind" {
		t.Errorf("alone: %+v", r)
	}
}

// A batch hands its outputs to a committer: more files than it queues at
// once are all written, none leaves a temporary file, and an output that
// cannot be replaced is reported on its own input while the others are
// written.
func TestBatchCommits(t *testing.T) {
	files := map[string]string{"kh-locked.pdf": "signed yesterday"}
	for i := range 2*maxQueued + 5 {
		files[fmt.Sprintf("kh-%03d.yaml", i)] = goodDoc
	}
	files["kh-locked.yaml"] = goodDoc
	dir := setup(t, files)
	lockedErr := syscall.Errno(32)
	if len(lockedErrnos) > 0 {
		lockedErr = lockedErrnos[0]
	} else {
		lockedErrnos = []syscall.Errno{lockedErr}
		t.Cleanup(func() { lockedErrnos = nil })
	}
	locked := filepath.Join(dir, "kh-locked.pdf")
	rename = func(from, to string) error {
		if to == locked {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: lockedErr}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })
	inputs, _ := Inputs([]string{dir})
	results := RenderAll(inputs, "", Options{})
	written := 0
	for _, r := range results {
		switch {
		case filepath.Base(r.Input) == "kh-locked.yaml":
			if r.Output != "" || len(r.Diags) != 1 || r.Diags[0].Code != "output.locked" {
				t.Errorf("locked output: %+v", r)
			}
		case r.Failed() || r.Output == "":
			t.Errorf("%s: %+v", r.Input, r)
		default:
			if info, err := os.Stat(r.Output); err != nil || info.Size() == 0 {
				t.Errorf("%s: not written (%v)", r.Output, err)
			}
			written++
		}
	}
	if written != 2*maxQueued+5 {
		t.Errorf("%d outputs written, want %d", written, 2*maxQueued+5)
	}
	if got, _ := os.ReadFile(locked); string(got) != "signed yesterday" {
		t.Errorf("the locked file changed: %q", got)
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// A round's files are synced together; one that cannot be synced is
// reported on its own handover and removed, and the others are synced.
func TestSyncAllReportsEachFile(t *testing.T) {
	dir := t.TempDir()
	var round []*handover
	for i := range 2*maxSyncs + 3 {
		tmp, err := os.CreateTemp(dir, "x")
		if err != nil {
			t.Fatal(err)
		}
		round = append(round, &handover{tmp: tmp, path: filepath.Join(dir, fmt.Sprint(i))})
	}
	bad := round[maxSyncs+1]
	bad.tmp.Close() // syncing a closed file fails
	syncAll(round)
	for _, h := range round {
		_, statErr := os.Stat(h.tmp.Name())
		switch {
		case h == bad && (h.err == nil || statErr == nil):
			t.Errorf("the file that could not be synced: err %v, still there: %v", h.err, statErr == nil)
		case h != bad && (h.err != nil || statErr != nil):
			t.Errorf("%s: %v %v", h.tmp.Name(), h.err, statErr)
		}
		if h != bad {
			h.tmp.Close()
		}
	}
}
