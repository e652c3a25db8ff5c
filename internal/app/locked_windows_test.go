package app

import (
	"os"
	"path/filepath"
	"testing"
)

// On Windows a file opened without sharing its deletion, as PDF viewers
// and Excel open theirs (and as os.Open does), cannot be replaced: the
// clerk is told to close it, and the open file is left as it was. This
// test runs only on Windows; elsewhere TestLockedOutput acts it out.
func TestLockedOutputForReal(t *testing.T) {
	dir := setup(t, map[string]string{"kh.yaml": goodDoc, "kh.pdf": "signed yesterday"})
	out := filepath.Join(dir, "kh.pdf")
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res := RenderFile(filepath.Join(dir, "kh.yaml"), "", Options{})
	if len(res.Diags) != 1 || res.Diags[0].Code != "output.locked" || res.Diags[0].FixVi != "đóng tệp PDF đang mở rồi chạy lại" {
		t.Fatalf("%+v", res)
	}
	f.Close()
	if got, _ := os.ReadFile(out); string(got) != "signed yesterday" {
		t.Errorf("the open file changed: %q", got)
	}
	if names := listDir(t, dir); names != "kh.pdf kh.yaml" {
		t.Errorf("files left: %s", names)
	}
}
