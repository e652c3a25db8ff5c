package app

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/diag"
)

// FuzzPrepare: whatever the file holds, Prepare returns either a writer
// that works or at least one error naming the file, never panics, and
// never hides a pipeline panic behind a diagnostic.
func FuzzPrepare(f *testing.F) {
	withKinds(f, testKinds()...)
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, "*.txtar"))
	for _, p := range paths {
		if fx, err := readFixture(p); err == nil && len(fx.src) < 64<<10 {
			f.Add(fx.src)
		}
	}
	f.Add([]byte(goodDoc))
	f.Add([]byte("schema: bdg-period/v1\nyear: 2017\nshare: 0.5\nunits:\n  Ba Đình: {total: 120, women: 64}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, w, diags := Prepare("fuzz.yaml", src, Options{})
		checkDiagnostics(t, "fuzz.yaml", src, diags)
		switch {
		case w == nil && !diags.HasErrors():
			t.Fatal("no output and no error")
		case w != nil && diags.HasErrors():
			t.Fatal("an output despite errors")
		case w != nil:
			if err := w(io.Discard); err != nil {
				t.Fatalf("valid input failed to render: %v", err)
			}
		}
	})
}

// checkDiagnostics asserts what every diagnostic of any pipeline must
// satisfy: it names the file, is one line, and points inside the file.
func checkDiagnostics(t *testing.T, file string, src []byte, diags diag.List) {
	t.Helper()
	lines := 1 + bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) +
		bytes.Count(src, []byte("\u0085")) + bytes.Count(src, []byte("\u2028")) + bytes.Count(src, []byte("\u2029"))
	for _, d := range diags {
		s := d.Format(diag.En)
		if d.File != file || d.En == "" || strings.ContainsAny(s, "\n\r") || strings.Contains(s, "internal error") {
			t.Errorf("bad diagnostic %q", s)
		}
		if d.Line < 0 || d.Col < 0 || d.Line > lines {
			t.Errorf("position outside the file (%d lines): %q", lines, s)
		}
	}
}
