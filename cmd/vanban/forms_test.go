package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormAndImport runs the two commands as a clerk would: forms for
// the starter's villages, a second run refused, an import of untouched
// forms that writes nothing, and the usage errors.
func TestFormAndImport(t *testing.T) {
	src, err := os.ReadFile("../../templates/starters/bao-cao-bdg.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "xa.yaml"), src, 0o644)
	code, out, errs := vanban(t, dir, "form", "xa.yaml")
	if code != exitOK {
		t.Fatalf("form: exit %d\n%s", code, errs)
	}
	forms := "xa-bieu-mau"
	if !strings.Contains(out, "→ "+filepath.Join(forms, "thon-1.xlsx")) || !strings.Contains(out, "vanban import xa.yaml "+forms) {
		t.Errorf("form output:\n%s", out)
	}
	if code, _, errs := vanban(t, dir, "form", "xa.yaml"); code != exitInvalid || !strings.Contains(errs, "không ghi biểu mẫu nào") {
		t.Errorf("second form run: exit %d\n%s", code, errs)
	}
	code, out, _ = vanban(t, dir, "import", "--format", "json", "xa.yaml", forms)
	if code != exitInvalid {
		t.Errorf("import of blank forms: exit %d", code)
	}
	var rep struct {
		OK          bool `json:"ok"`
		Written     bool `json:"written"`
		Diagnostics []struct {
			Code string `json:"code"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.OK || rep.Written || len(rep.Diagnostics) == 0 {
		t.Errorf("json %+v (%v):\n%s", rep, err, out)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "xa.yaml")); !bytes.Equal(after, src) {
		t.Error("the period file changed")
	}
	for _, args := range [][]string{{"form"}, {"import", "xa.yaml"}, {"form", "--format", "xml", "xa.yaml"}} {
		if code, _, _ := vanban(t, dir, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, out, _ := vanban(t, dir, "import", "--help"); code != exitOK || !strings.Contains(out, "Cách dùng: vanban import") {
		t.Errorf("import --help: exit %d\n%s", code, out)
	}
}
