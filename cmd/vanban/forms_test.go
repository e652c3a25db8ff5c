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
	period := filepath.Join(dir, "xa.yaml")
	os.WriteFile(period, src, 0o644)
	var out, errOut bytes.Buffer
	if code := run([]string{"form", period}, &out, &errOut); code != exitOK {
		t.Fatalf("form: exit %d\n%s", code, errOut.String())
	}
	forms := filepath.Join(dir, "xa-bieu-mau")
	if !strings.Contains(out.String(), "→ "+filepath.Join(forms, "thon-1.xlsx")) || !strings.Contains(out.String(), "vanban import "+period+" "+forms) {
		t.Errorf("form output:\n%s", out.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"form", period}, &out, &errOut); code != exitInvalid || !strings.Contains(errOut.String(), "không ghi biểu mẫu nào") {
		t.Errorf("second form run: exit %d\n%s", code, errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"import", "--format", "json", period, forms}, &out, &errOut); code != exitInvalid {
		t.Errorf("import of blank forms: exit %d", code)
	}
	var rep struct {
		OK          bool `json:"ok"`
		Written     bool `json:"written"`
		Diagnostics []struct {
			Code string `json:"code"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.OK || rep.Written || len(rep.Diagnostics) == 0 {
		t.Errorf("json %+v (%v):\n%s", rep, err, out.String())
	}
	if after, _ := os.ReadFile(period); !bytes.Equal(after, src) {
		t.Error("the period file changed")
	}
	for _, args := range [][]string{{"form"}, {"import", period}, {"form", "--format", "xml", period}} {
		if code := run(args, &out, &errOut); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	errOut.Reset()
	if code := run([]string{"import", "--help"}, &out, &errOut); code != exitOK || !strings.Contains(errOut.String(), "Cách dùng: vanban import") {
		t.Errorf("import --help: exit %d\n%s", code, errOut.String())
	}
}
