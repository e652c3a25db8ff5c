package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/layout"
)

// sizedPages are a portrait page, two landscape pages (an appendix with a
// wide table) and a portrait page again.
func sizedPages() []layout.Page {
	text := func(s string) []layout.Text {
		return []layout.Text{{X: 30, Y: 30, S: s, Font: layout.Font{Style: layout.Regular, Size: 14}}}
	}
	return []layout.Page{
		{Number: 1, W: 210, H: 297, Texts: text("Nội dung")},
		{Number: 2, W: 297, H: 210, Texts: text("Phụ lục I")},
		{Number: 3, W: 297, H: 210, Texts: text("2")},
		{Number: 4, W: 210, H: 297, Texts: text("Phụ lục II")},
	}
}

// mediaBoxes returns the MediaBox of each page object, in page order: its
// own, or the one of /Pages it inherits.
func mediaBoxes(t *testing.T, pdf []byte) []string {
	t.Helper()
	box := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+ [0-9.]+)\]`)
	parent := regexp.MustCompile(`(?s)/Type /Pages .*?/MediaBox \[0 0 ([0-9.]+ [0-9.]+)\]`).FindSubmatch(pdf)
	if parent == nil {
		t.Fatal("no MediaBox in /Pages")
	}
	var out []string
	for _, obj := range bytes.Split(pdf, []byte("<< /Type /Page "))[1:] {
		obj, _, _ = bytes.Cut(obj, []byte("endobj"))
		if m := box.FindSubmatch(obj); m != nil {
			out = append(out, string(m[1]))
		} else {
			out = append(out, string(parent[1]))
		}
	}
	return out
}

// Each page is printed on a sheet of its own size: landscape pages are
// A4 turned (841.89 × 595.28 pt), the others A4 portrait, and the bytes
// stay the same from one render to the next.
func TestPageSizes(t *testing.T) {
	f, _ := font.Embedded()
	pdf := render(t, sizedPages(), f)
	want := []string{"595.28 841.89", "841.89 595.28", "841.89 595.28", "595.28 841.89"}
	if got := mediaBoxes(t, pdf); strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("MediaBoxes %q, want %q", got, want)
	}
	// Portrait pages inherit the document's MediaBox: only the two
	// landscape pages carry one of their own, so a PDF without landscape
	// pages is the same as before pages had a size.
	if n := bytes.Count(pdf, []byte("/MediaBox")); n != 1+2 {
		t.Errorf("%d MediaBoxes, want the document's and one per landscape page", n)
	}
	if !bytes.Equal(pdf, render(t, sizedPages(), f)) {
		t.Error("two renders of the same pages differ")
	}
	// A page without a size (as the painter's callers made before
	// pages carried one) is A4 portrait.
	if got := mediaBoxes(t, render(t, samplePages(), f)); strings.Join(got, ", ") != "595.28 841.89, 595.28 841.89" {
		t.Errorf("pages without a size: MediaBoxes %q", got)
	}

	// What a reader sees: pdfinfo's page sizes.
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("VANBAN_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdfinfo is required (install poppler-utils)")
		}
		t.Skip("pdfinfo not installed")
	}
	file := filepath.Join(t.TempDir(), "sizes.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, "-f", "1", "-l", "4", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	sizes := regexp.MustCompile(`(?m)^Page +(\d) size: +([0-9.]+ x [0-9.]+) pts`).FindAllStringSubmatch(string(out), -1)
	var got []string
	for _, s := range sizes {
		got = append(got, s[1]+": "+s[2])
	}
	wantInfo := "1: 595.28 x 841.89, 2: 841.89 x 595.28, 3: 841.89 x 595.28, 4: 595.28 x 841.89"
	if strings.Join(got, ", ") != wantInfo {
		t.Errorf("pdfinfo page sizes %q, want %s\n%s", got, wantInfo, out)
	}
}
