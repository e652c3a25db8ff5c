package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/fontdir"
)

// fakeWindows lays a Windows font folder out under a temporary root, with
// the embedded family's files under Times New Roman's names, and makes it
// the system SystemFonts searches until the test ends. The copies carry the
// PostScript name TimesNewRomanPS (same length, so the name table holds),
// which the PDF names its fonts by: a test can tell which files it embeds.
func fakeWindows(t *testing.T, complete bool) string {
	root := t.TempDir()
	dir := filepath.Join(root, "Windows", "Fonts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	names := []string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}
	styles := []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic}
	if !complete {
		names = names[:3]
	}
	for i, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), renamed(fonts.Serif(styles[i])), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	saved := thisSystem
	thisSystem = fontdir.System{GOOS: "windows", Getenv: func(k string) string {
		if k == "WINDIR" {
			return filepath.Join(root, "Windows")
		}
		return ""
	}, Root: root}
	t.Cleanup(func() { thisSystem = saved })
	return dir
}

// renamed returns a copy of a Liberation Serif file whose PostScript name
// (in ASCII and in UTF-16) reads TimesNewRomanPS instead of LiberationSerif.
func renamed(ttf []byte) []byte {
	utf16 := func(s string) []byte {
		var b []byte
		for _, c := range []byte(s) {
			b = append(b, 0, c)
		}
		return b
	}
	out := bytes.ReplaceAll(ttf, []byte("LiberationSerif"), []byte("TimesNewRomanPS"))
	return bytes.ReplaceAll(out, utf16("LiberationSerif"), utf16("TimesNewRomanPS"))
}

// --fonts system (or VANBAN_FONTS=system) sets documents in the system's
// Times New Roman and embeds it; without it, and where the system has
// none, the embedded Liberation Serif stays.
func TestSystemFonts(t *testing.T) {
	dir := fakeWindows(t, true)
	src := readFile(t, seedFile)
	renderWith := func(opt Options) []byte {
		_, w, diags := Prepare(seedFile, src, opt)
		if w == nil {
			t.Fatal(diags.Err())
		}
		var b bytes.Buffer
		if err := w(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if pdf := renderWith(Options{FontDir: SystemFonts}); !bytes.Contains(pdf, []byte("+TimesNewRomanPS")) || bytes.Contains(pdf, []byte("LiberationSerif")) {
		t.Error("--fonts system: Times New Roman is not what the PDF embeds")
	}
	if c, err := DocumentFonts(Options{FontDir: SystemFonts}); err != nil || c.Name != "Times New Roman" || c.Dir != dir || c.NotFound {
		t.Errorf("--fonts system: %+v %v", c, err)
	}
	t.Setenv(FontsEnv, "system")
	if c, _ := DocumentFonts(Options{}); c.Name != "Times New Roman" {
		t.Errorf("VANBAN_FONTS=system: %+v", c)
	}
	if c, _ := DocumentFonts(Options{FontDir: EmbeddedFonts}); c.Name != "Liberation Serif" || c.Dir != "" {
		t.Errorf("--fonts embedded beats the environment: %+v", c)
	}
	t.Setenv(FontsEnv, "")
	if pdf := renderWith(Options{}); !bytes.Contains(pdf, []byte("+LiberationSerif")) || bytes.Contains(pdf, []byte("TimesNewRomanPS")) {
		t.Error("by default the PDF should embed Liberation Serif")
	}
}

func TestSystemFontsMissing(t *testing.T) {
	fakeWindows(t, false)
	c, err := DocumentFonts(Options{FontDir: SystemFonts})
	if err != nil || c.Name != "Liberation Serif" || !c.NotFound {
		t.Errorf("a machine without Times New Roman: %+v %v", c, err)
	}
}
