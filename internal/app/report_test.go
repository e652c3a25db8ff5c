package app

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestReportRecognised(t *testing.T) {
	ext, w, diags := Prepare("x.yaml", []byte("schema: bdg-period/v1\n"), Options{})
	if ext != ".xlsx" || w != nil || !diags.HasErrors() {
		t.Errorf("a bare period file: ext %q, writer %v, diags %v", ext, w != nil, diags)
	}
	for _, d := range diags {
		if d.Message == "vanban does not know what this file is" {
			t.Error("a period file was not recognised")
		}
	}
}

// TestStarterRenders: "vanban new bao-cao-bdg" prints a file that renders
// without errors or warnings other than its deliberate missing figures.
func TestStarterRenders(t *testing.T) {
	src := Starters()["bao-cao-bdg"]
	if len(src) == 0 {
		t.Fatal("no bao-cao-bdg starter")
	}
	ext, w, diags := Prepare("bao-cao-bdg.yaml", src, Options{})
	if diags.HasErrors() || w == nil || ext != ".xlsx" {
		t.Fatalf("starter: %v", diags)
	}
	var buf bytes.Buffer
	if err := w(&buf); err != nil || buf.Len() < 10000 {
		t.Fatalf("starter workbook: %v (%d bytes)", err, buf.Len())
	}
}

// TestExamplesRenderIdentically renders the examples twice through the
// same path as "vanban render" and compares the files byte for byte.
func TestExamplesRenderIdentically(t *testing.T) {
	files, _ := filepath.Glob("../../examples/bao-cao-bdg-*.yaml")
	if len(files) < 2 {
		t.Fatalf("examples: %v", files)
	}
	a, b := t.TempDir(), t.TempDir()
	for _, f := range files {
		for _, dir := range []string{a, b} {
			if res := RenderFile(f, dir, Options{}); res.Failed() || res.Output == "" {
				t.Fatalf("%s: %v", f, res.Diags)
			}
		}
		name := OutputPath(f, "", ".xlsx")
		x, _ := os.ReadFile(filepath.Join(a, filepath.Base(name)))
		y, _ := os.ReadFile(filepath.Join(b, filepath.Base(name)))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s: the two renders differ (%d and %d bytes)", f, len(x), len(y))
		}
	}
}

// TestTemplateOverride: a catalogue of the same name in --templates wins.
func TestTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "catalogues"), 0o755)
	os.WriteFile(filepath.Join(dir, "catalogues", "bdg-2011-2020.yaml"), []byte("schema: bdg-indicators/v9\n"), 0o644)
	src, _ := os.ReadFile("../../examples/bao-cao-bdg-bim-son-2017-nam.yaml")
	_, w, diags := Prepare("nam.yaml", src, Options{TemplateDir: dir})
	if w != nil || !diags.HasErrors() {
		t.Fatal("the overriding catalogue was not used")
	}
	want := filepath.Join(dir, "catalogues", "bdg-2011-2020.yaml")
	if diags[0].File != want {
		t.Errorf("problem reported against %q, want %q", diags[0].File, want)
	}
}

// FuzzReport: no period file makes the report pipeline panic; whatever is
// accepted renders a workbook.
func FuzzReport(f *testing.F) {
	for _, p := range []string{"../../examples/bao-cao-bdg-bim-son-2017-6-thang.yaml", "../../examples/bao-cao-bdg-bim-son-2017-nam.yaml"} {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add(Starters()["bao-cao-bdg"])
	const head = "schema: bdg-period/v1\ncatalogue: bdg-2011-2020\nunit: {issuer: X, name: X, place: X, level: xã, sublevel: thôn}\nperiod: {kind: half-year, year: 2017}\ndocument: {date: 2017-06-20}\nsubunits: [{id: a, name: A}]\n"
	f.Add([]byte(head + "data: {a: {hdnd: {total: 3, male: 1, female: 2}, ubnd_lanh_dao: [Chủ tịch: nữ], tin_bai_bdg: 12}}\n"))
	f.Add([]byte(head + "targets: {MT2.CT1: {plan: [40, 60]}, MT1.CT1a: {year: []}}\ndata: {town: {sinh: {male: 0, female: 0}}}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, w, diags := Prepare("f.yaml", src, Options{})
		checkDiagnostics(t, "f.yaml", src, diags)
		if (w == nil) != diags.HasErrors() {
			t.Fatalf("writer %v with errors %v", w != nil, diags.HasErrors())
		}
		if w != nil {
			if err := w(io.Discard); err != nil {
				t.Fatal(err)
			}
		}
	})
}
