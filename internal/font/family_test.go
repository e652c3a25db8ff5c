package font

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/fonts"
)

func TestCoverage(t *testing.T) {
	f, _ := Embedded()
	for _, r := range "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđƠơƯư“”–…" {
		if !f.Has(r) {
			t.Errorf("Liberation Serif should draw %q", r)
		}
	}
	for _, r := range "⚡😀\u0300" {
		if f.Has(r) && r != '\u0300' {
			t.Errorf("Liberation Serif should not draw %q", r)
		}
	}
}

func writeFonts(t *testing.T, names [4]string) string {
	dir := t.TempDir()
	for i, n := range names {
		if n == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, n), fonts.Serif(fileStyle(Style(i))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUserFonts(t *testing.T) {
	dir := writeFonts(t, [4]string{"TIMES.TTF", "timesbd.ttf", "TimesI.ttf", "timesbi.ttf"})
	f, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "Times New Roman" {
		t.Errorf("family %q", f.Name)
	}
	if g, _ := Load(dir); g != f {
		t.Error("a font directory should be read once per process")
	}
}

func TestUserFontsMissing(t *testing.T) {
	dir := writeFonts(t, [4]string{"times.ttf", "timesbd.ttf"})
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), "timesi.ttf, timesbi.ttf") {
		t.Fatalf("error %v should name the missing files", err)
	}
}

// A broken font is refused with a message that names the file and why.
func TestBadFont(t *testing.T) {
	dir := writeFonts(t, [4]string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"})
	os.WriteFile(filepath.Join(dir, "timesbd.ttf"), []byte("OTTO not really a font, but long enough"), 0o644)
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), "timesbd.ttf") || !strings.Contains(err.Error(), "CFF") {
		t.Fatalf("error %v should name the file and the reason", err)
	}
	if _, err := Parse([]byte("short")); err == nil {
		t.Error("a short file should be refused")
	}
}

// Load keeps at most MaxFolders folders parsed: a long-running server that
// renders with many font folders does not grow without bound. A folder
// pushed out is read again when asked for.
func TestLoadBounded(t *testing.T) {
	dirs := make([]string, MaxFolders+2)
	for i := range dirs {
		dirs[i] = writeFonts(t, userNames)
		if _, err := Load(dirs[i]); err != nil {
			t.Fatal(err)
		}
	}
	folders.Lock()
	n := len(folders.loads)
	_, first := folders.loads[dirs[0]]
	folders.Unlock()
	if n > MaxFolders || first {
		t.Errorf("%d folders kept (at most %d), the oldest kept: %v", n, MaxFolders, first)
	}
	a, _ := Load(dirs[len(dirs)-1])
	b, _ := Load(dirs[len(dirs)-1])
	if a != b {
		t.Error("a recent folder should be parsed once")
	}
	if f, err := Load(dirs[0]); err != nil || f == nil {
		t.Errorf("a folder pushed out should load again: %v", err)
	}
}

// One family serves goroutines at once (go test -race checks the reads).
func TestConcurrentUse(t *testing.T) {
	f, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				f.Width("Cộng hòa xã hội chủ nghĩa Việt Nam", Bold, 12)
				f.Has('ộ')
				f.Subset(Italic, []rune("aộ"))
			}
		}()
	}
	wg.Wait()
}

// Has is true exactly for the characters that every style draws.
func TestFamilyHas(t *testing.T) {
	f, _ := Embedded()
	for r := rune(-1); r <= 0x10000; r++ {
		all := r >= 0 && f.faces[0].Has(r) && f.faces[1].Has(r) && f.faces[2].Has(r) && f.faces[3].Has(r)
		if f.Has(r) != all {
			t.Fatalf("U+%04X: Has %v, every style %v", r, f.Has(r), all)
		}
	}
}
