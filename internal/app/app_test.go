package app

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

const goodDoc = "type: ke-hoach\ntitle: Công tác năm 2017\ndate: 2017-05-23\nissuer:\n  name: UBND\n"

// faultyKind fails on purpose, as its "fault" key says: while building,
// or after writing part of its output.
func faultyKind() Kind {
	return Kind{
		Name:  "faulty",
		Ext:   ".pdf",
		Match: func(root *yaml.Node) bool { return decode.Lookup(root, "fault") != nil },
		Build: func(dec *decode.Decoder, root *yaml.Node, _ Options) Outputs {
			fault := decode.Lookup(root, "fault").Value
			switch fault {
			case "panic in build":
				var m map[string]int
				m["x"] = 1
			case "nothing":
				return nil // a pipeline bug: no output and no reason
			}
			return File(".pdf", func(w io.Writer) error {
				w.Write(bytes.Repeat([]byte("partial output "), 10000))
				switch fault {
				case "panic in write":
					panic("layout bug")
				case "font":
					return diag.List{{File: dec.File, Pos: diag.Pos{Line: 2, Col: 8}, Field: "title", Msg: diag.Msg{En: "the font has no glyph for U+1F600"}}}.Err()
				}
				return errors.New("disk on fire")
			})
		},
	}
}

// setup registers the stand-in kinds and writes files into a new
// directory, returning its path.
func setup(t *testing.T, files map[string]string) string {
	withKinds(t, append(testKinds(), faultyKind())...)
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// listDir returns the names in dir, hidden temporary files included.
func listDir(t *testing.T, dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

func TestRenderWritesNextToInput(t *testing.T) {
	dir := setup(t, map[string]string{"kh.yaml": goodDoc})
	res := RenderFile(filepath.Join(dir, "kh.yaml"), "", Options{})
	if res.Failed() || res.Output != filepath.Join(dir, "kh.pdf") {
		t.Fatalf("%+v", res)
	}
	got, _ := os.ReadFile(res.Output)
	if string(got) != "Công tác năm 2017\nngày 23 tháng 5 năm 2017\n" {
		t.Errorf("output %q", got)
	}
	if names := listDir(t, dir); names != "kh.pdf kh.yaml" {
		t.Errorf("files left: %s", names)
	}
}

// Every way a render can fail must leave an existing output byte for byte
// as it was, and no temporary file behind.
func TestFailedRenderKeepsExistingOutput(t *testing.T) {
	for name, src := range map[string]string{
		"invalid input":  "type: ke-hoach\ntitle: [x]\n",
		"not yaml":       "%PDF-1.7\n",
		"writer fails":   "fault: midway\n",
		"panic in write": "fault: panic in write\n",
		"panic in build": "fault: panic in build\n",
		"font problem":   "fault: font\n",
		"no writer":      "fault: nothing\n",
	} {
		t.Run(name, func(t *testing.T) {
			const good = "%PDF-1.7 yesterday's signed document"
			dir := setup(t, map[string]string{"kh.yaml": src, "kh.pdf": good})
			os.Chmod(filepath.Join(dir, "kh.pdf"), 0o640)
			res := RenderFile(filepath.Join(dir, "kh.yaml"), "", Options{})
			if !res.Failed() || res.Output != "" || len(res.Diags) == 0 {
				t.Fatalf("want a failure, got %+v", res)
			}
			for _, d := range res.Diags {
				if d.File != filepath.Join(dir, "kh.yaml") {
					t.Errorf("diagnostic without the input's name: %v", d)
				}
			}
			got, _ := os.ReadFile(filepath.Join(dir, "kh.pdf"))
			info, _ := os.Stat(filepath.Join(dir, "kh.pdf"))
			if string(got) != good || info.Mode().Perm() != 0o640 {
				t.Errorf("existing output changed: %q %v", got, info.Mode())
			}
			if names := listDir(t, dir); names != "kh.pdf kh.yaml" {
				t.Errorf("files left: %s", names)
			}
		})
	}
}

func TestPipelineBugsBecomeDiagnostics(t *testing.T) {
	dir := setup(t, map[string]string{"b.yaml": "fault: panic in build\n", "w.yaml": "fault: panic in write\n", "n.yaml": "fault: nothing\n"})
	for _, f := range []string{"b.yaml", "w.yaml", "n.yaml"} {
		res := RenderFile(filepath.Join(dir, f), "", Options{})
		if len(res.Diags) != 1 || !strings.Contains(res.Diags[0].En, "internal error in vanban") {
			t.Errorf("%s: %v", f, res.Diags)
		}
	}
}

func TestRenderDiagnosticsKeepTheirPositions(t *testing.T) {
	dir := setup(t, map[string]string{"f.yaml": "fault: font\n"})
	res := Check(filepath.Join(dir, "f.yaml"), Options{})
	want := filepath.Join(dir, "f.yaml") + ":2:8: title: the font has no glyph for U+1F600"
	if len(res.Diags) != 1 || res.Diags[0].Format(diag.En) != want {
		t.Errorf("got %v", res.Diags)
	}
}

func TestReplacesOutputAtomically(t *testing.T) {
	dir := setup(t, map[string]string{"kh.yaml": goodDoc, "kh.pdf": "old"})
	os.Chmod(filepath.Join(dir, "kh.pdf"), 0o600)
	res := RenderFile(filepath.Join(dir, "kh.yaml"), "", Options{})
	got, _ := os.ReadFile(res.Output)
	info, _ := os.Stat(res.Output)
	if res.Failed() || !strings.HasPrefix(string(got), "Công tác") || info.Mode().Perm() != 0o600 {
		t.Errorf("%+v %q %v", res, got, info.Mode())
	}
}

func TestRefusesToOverwriteItsInput(t *testing.T) {
	// A valid document saved with a .pdf name would be replaced by its own output.
	dir := setup(t, map[string]string{"kh.pdf": goodDoc})
	res := RenderFile(filepath.Join(dir, "kh.pdf"), "", Options{})
	if !res.Failed() || !strings.Contains(res.Diags[0].En, "would overwrite this input file") {
		t.Fatalf("%+v", res)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "kh.pdf")); string(got) != goodDoc {
		t.Error("input overwritten")
	}
	// The same through a symbolic link in the output folder.
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	os.WriteFile(filepath.Join(dir, "kh.yaml"), []byte(goodDoc), 0o644)
	os.Symlink(filepath.Join(dir, "kh.yaml"), filepath.Join(out, "kh.pdf"))
	if res := RenderFile(filepath.Join(dir, "kh.yaml"), out, Options{}); !res.Failed() {
		t.Errorf("wrote through a link onto its input: %+v", res)
	}
}

func TestUnwritableOutput(t *testing.T) {
	dir := setup(t, map[string]string{"kh.yaml": goodDoc, "notadir": "x"})
	res := RenderFile(filepath.Join(dir, "kh.yaml"), filepath.Join(dir, "notadir"), Options{})
	if !res.Failed() || !strings.HasPrefix(res.Diags[0].En, "cannot write "+filepath.Join(dir, "notadir", "kh.pdf")+": not a directory") {
		t.Errorf("%v", res.Diags)
	}
}

func TestBatchRendersTheOthers(t *testing.T) {
	dir := setup(t, map[string]string{
		"a.yaml": goodDoc, "b.yaml": "type: ke-hoach\n", "c.yml": "schema: bdg-period/v1\nyear: 2017\n",
		"same.yaml": goodDoc, "same.yml": goodDoc,
	})
	files, diags := Inputs([]string{dir})
	if len(diags) != 0 || len(files) != 5 {
		t.Fatalf("inputs %v %v", files, diags)
	}
	results := RenderAll(files, "", Options{})
	var failed []string
	for _, r := range results {
		if r.Failed() {
			failed = append(failed, filepath.Base(r.Input))
		}
	}
	if strings.Join(failed, " ") != "b.yaml same.yaml same.yml" {
		t.Errorf("failed: %v", failed)
	}
	if !strings.Contains(results[3].Diags[0].En, "would all write an output named same.*") {
		t.Errorf("clash: %v", results[3].Diags)
	}
	if names := listDir(t, dir); names != "a.pdf a.yaml b.yaml c.xlsx c.yml same.yaml same.yml" {
		t.Errorf("files: %s", names)
	}
}

func TestInputs(t *testing.T) {
	dir := setup(t, map[string]string{
		"b.yaml": "", "a.YML": "", "notes.txt": "", ".git/x.yaml": "", "sub/c.yaml": "", "empty/readme.md": "",
	})
	files, diags := Inputs([]string{dir, filepath.Join(dir, "b.yaml"), dir + "/sub/../b.yaml",
		filepath.Join(dir, "notes.txt"), filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "empty")})
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, r)
	}
	if strings.Join(rel, " ") != "a.YML b.yaml sub/c.yaml notes.txt" {
		t.Errorf("files %v", rel)
	}
	if len(diags) != 2 || diags[0].En != "cannot read: no such file or directory" ||
		diags[1].En != "this folder holds no .yaml or .yml file" {
		t.Errorf("diags %v", diags)
	}
}

func TestHugeInputIsNotReadWhole(t *testing.T) {
	dir := setup(t, nil)
	p := filepath.Join(dir, "huge.yaml")
	f, _ := os.Create(p)
	f.Truncate(8 << 30) // 8 GiB, sparse: reading it whole would exhaust memory
	f.Close()
	src, err := ReadInput(p)
	if err != nil || len(src) != decode.DefaultLimits.MaxBytes+1 {
		t.Fatalf("read %d bytes, %v", len(src), err)
	}
	res := Check(p, Options{})
	if len(res.Diags) != 1 || !strings.Contains(res.Diags[0].En, "larger than 8 MiB") {
		t.Errorf("%v", res.Diags)
	}
}

func TestEachKeepsOrder(t *testing.T) {
	files := make([]string, 100)
	for i := range files {
		files[i] = strings.Repeat("x", i)
	}
	for i, r := range Each(files, func(f string) Result { return Result{Input: f} }) {
		if r.Input != files[i] {
			t.Fatalf("result %d is for %q", i, r.Input)
		}
	}
}

// A batch whose files wait for a worker holds the spare cores' tokens (its
// workers use those cores), so that no document starts a helper; once
// every file is handed out, the tokens are free again for the last ones.
func TestEachHoldsSpareCores(t *testing.T) {
	defer cores.Set(1)()
	Each([]string{"a"}, func(string) Result {
		if cores.Free() != 1 {
			t.Error("a batch of one file holds the spare core")
		}
		return Result{}
	})
	files := make([]string, 4*runtime.GOMAXPROCS(0)+8)
	for i := range files {
		files[i] = strconv.Itoa(i)
	}
	read := make(chan struct{}) // the first file has read the tokens
	Each(files, func(f string) Result {
		if f != "0" {
			<-read // the last file cannot be handed out before the first has looked
			return Result{}
		}
		if cores.Free() != 0 {
			t.Error("a batch with files waiting for a worker left a spare core's token free")
		}
		close(read)
		return Result{}
	})
	if cores.Free() != 1 {
		t.Fatalf("%d tokens free after the batch, want 1", cores.Free())
	}
}

func TestAbortRemovesTemporaryFiles(t *testing.T) {
	dir := setup(t, nil)
	out := filepath.Join(dir, "kh.pdf")
	started, release := make(chan bool), make(chan bool)
	done := make(chan error)
	go func() {
		done <- writeAtomic(out, func(w io.Writer) error {
			w.Write([]byte("half a page"))
			started <- true
			<-release
			_, err := w.Write([]byte(" and the rest"))
			return err
		})
	}()
	<-started
	if names := listDir(t, dir); !strings.HasPrefix(names, ".kh.pdf.") {
		t.Fatalf("no temporary file while writing: %q", names)
	}
	Abort()
	close(release)
	if err := <-done; err == nil {
		t.Error("an aborted write succeeded")
	}
	if names := listDir(t, dir); names != "" {
		t.Errorf("left behind: %s", names)
	}
}
