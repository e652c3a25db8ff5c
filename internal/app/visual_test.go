package app

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
)

// Visual references, in the manner of Typst's tests: every page of every
// example document, rasterised by poppler at 30 dpi in black and white, is compared
// with a small PNG in testdata/visual. The numeric layout tests pin
// positions; these catch what they cannot see: a wrong glyph drawn for a
// code (a broken font subset or CIDToGIDMap), a missing rule or stamp, text
// in the wrong style. `go test ./internal/app -run Visual -update` rewrites
// the references after an intended change; look at them before committing.
//
// A page passes when fewer than visualTolerance of its pixels (about 130)
// differ. That is coarse on purpose: a font drawing wrong glyphs changes
// thousands, a reflowed paragraph or a missing rule or block hundreds;
// finer changes are the numeric layout tests' business. Another poppler
// than the one that drew the references (testdata/visual/POPPLER) may
// rasterise glyphs a pixel apart, so it gets visualLooseTolerance, which
// still catches wrong glyphs.
const (
	visualDPI            = "30"
	visualTolerance      = 0.0015
	visualLooseTolerance = 0.015
)

func TestVisualReferences(t *testing.T) {
	pdftoppm := needTool(t, "pdftoppm")
	tolerance := visualTolerance
	version := popplerVersion(t, pdftoppm)
	stamp := filepath.Join("testdata", "visual", "POPPLER")
	if *update {
		if err := os.WriteFile(stamp, []byte(version+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if made := strings.TrimSpace(string(readFile(t, stamp))); made != version {
		t.Logf("references drawn by poppler %s, this is %s: at most %.1f %% of the pixels may differ", made, version, 100*visualLooseTolerance)
		tolerance = visualLooseTolerance
	}
	files, _ := filepath.Glob("../../examples/*.yaml")
	seen := map[string]bool{}
	for _, f := range files {
		src := readFile(t, f)
		if !isDocumentSource(f, src) {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		pages := rasterise(t, pdftoppm, render(t, f, src))
		for i, got := range pages {
			ref := filepath.Join("testdata", "visual", fmt.Sprintf("%s-%d.png", name, i+1))
			seen[ref] = true
			comparePage(t, ref, got, tolerance)
		}
	}
	if len(seen) == 0 {
		t.Fatal("no example documents found")
	}
	// A reference whose page no longer exists is stale.
	refs, _ := filepath.Glob(filepath.Join("testdata", "visual", "*.png"))
	for _, ref := range refs {
		if seen[ref] {
			continue
		}
		if *update {
			os.Remove(ref)
			continue
		}
		t.Errorf("%s: no such page any more (run with -update)", ref)
	}
}

// popplerVersion returns the version pdftoppm prints ("22.12.0").
func popplerVersion(t *testing.T, pdftoppm string) string {
	out, _ := exec.Command(pdftoppm, "-v").CombinedOutput()
	f := strings.Fields(string(out))
	if len(f) < 3 || f[1] != "version" {
		t.Fatalf("pdftoppm -v printed %q", out)
	}
	return f[2]
}

func isDocumentSource(file string, src []byte) bool {
	root := decode.New(file).Parse(src)
	return root != nil && isDocument(root)
}

// rasterise returns the PNG bytes of every page of pdf.
func rasterise(t *testing.T, pdftoppm string, pdf []byte) [][]byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftoppm, "-r", visualDPI, "-mono", "-png", in, filepath.Join(dir, "p")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	// pdftoppm pads page numbers to the width of the last one: sorting
	// the names sorts the pages.
	pages := make([][]byte, len(names))
	for i, n := range names {
		pages[i] = readFile(t, n)
	}
	return pages
}

func comparePage(t *testing.T, ref string, got []byte, tolerance float64) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(ref), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ref, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(ref)
	if err != nil {
		t.Errorf("%s: no reference (run with -update and look at it)", ref)
		return
	}
	if bytes.Equal(want, got) {
		return
	}
	differ, total, err := pixelsDiffer(want, got)
	if err != nil {
		t.Errorf("%s: %v", ref, err)
		return
	}
	if share := float64(differ) / float64(total); share > tolerance {
		failed := filepath.Join(os.TempDir(), "vanban-visual", filepath.Base(ref))
		os.MkdirAll(filepath.Dir(failed), 0o755)
		os.WriteFile(failed, got, 0o644)
		t.Errorf("%s: %d of %d pixels differ (%.2f %%, at most %.2f %% allowed); this render is %s",
			ref, differ, total, 100*share, 100*tolerance, failed)
	}
}

// pixelsDiffer counts the pixels that differ by more than a quarter of the
// grey range; images of different sizes are an error.
func pixelsDiffer(a, b []byte) (differ, total int, err error) {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return 0, 0, fmt.Errorf("reference: %w", err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return 0, 0, fmt.Errorf("render: %w", err)
	}
	if ia.Bounds() != ib.Bounds() {
		return 0, 0, fmt.Errorf("page size %v, reference %v", ib.Bounds().Size(), ia.Bounds().Size())
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if d := grey(ia, x, y) - grey(ib, x, y); d > 64 || d < -64 {
				differ++
			}
		}
	}
	return differ, r.Dx() * r.Dy(), nil
}

func grey(img image.Image, x, y int) int {
	r, g, b, _ := img.At(x, y).RGBA()
	return int((r + g + b) / 3 >> 8)
}
