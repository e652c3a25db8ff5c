package fontdir

import (
	"os"
	"path/filepath"
	"testing"
)

// lay creates empty font files under root, their paths given with "/".
func lay(t *testing.T, root string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("ttf"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// Each system keeps Times New Roman in its own folders, under its own
// names; Find finds all four files wherever the system put them, the
// user's own fonts first.
func TestFindsTimesNewRomanAsEachSystemLaysItOut(t *testing.T) {
	for _, c := range []struct {
		name  string
		goos  string
		files []string
		env   map[string]string // values under the root
		want  string            // the folder of the family, under the root
	}{
		{"Windows", "windows",
			[]string{"Windows/Fonts/times.ttf", "Windows/Fonts/timesbd.ttf", "Windows/Fonts/timesi.ttf", "Windows/Fonts/timesbi.ttf", "Windows/Fonts/arial.ttf"},
			map[string]string{"WINDIR": "Windows"}, "Windows/Fonts"},
		{"Windows, upper-case names, SystemRoot only", "windows",
			[]string{"WINNT/Fonts/TIMES.TTF", "WINNT/Fonts/TIMESBD.TTF", "WINNT/Fonts/TIMESI.TTF", "WINNT/Fonts/TIMESBI.TTF"},
			map[string]string{"SystemRoot": "WINNT"}, "WINNT/Fonts"},
		{"Windows, installed for one user", "windows",
			[]string{"Users/an/AppData/Local/Microsoft/Windows/Fonts/times.ttf", "Users/an/AppData/Local/Microsoft/Windows/Fonts/timesbd.ttf",
				"Users/an/AppData/Local/Microsoft/Windows/Fonts/timesi.ttf", "Users/an/AppData/Local/Microsoft/Windows/Fonts/timesbi.ttf"},
			map[string]string{"WINDIR": "Windows", "LOCALAPPDATA": "Users/an/AppData/Local"}, "Users/an/AppData/Local/Microsoft/Windows/Fonts"},
		{"macOS 10.15 and later", "darwin",
			[]string{"System/Library/Fonts/Supplemental/Times New Roman.ttf", "System/Library/Fonts/Supplemental/Times New Roman Bold.ttf",
				"System/Library/Fonts/Supplemental/Times New Roman Italic.ttf", "System/Library/Fonts/Supplemental/Times New Roman Bold Italic.ttf",
				"System/Library/Fonts/Supplemental/Arial.ttf"},
			map[string]string{"HOME": "Users/an"}, "System/Library/Fonts/Supplemental"},
		{"macOS, older or Office", "darwin",
			[]string{"Library/Fonts/Times New Roman.ttf", "Library/Fonts/Times New Roman Bold.ttf",
				"Library/Fonts/Times New Roman Italic.ttf", "Library/Fonts/Times New Roman Bold Italic.ttf"},
			map[string]string{"HOME": "Users/an"}, "Library/Fonts"},
		{"macOS, the user's own fonts first", "darwin",
			[]string{"Users/an/Library/Fonts/times.ttf", "Users/an/Library/Fonts/timesbd.ttf", "Users/an/Library/Fonts/timesi.ttf", "Users/an/Library/Fonts/timesbi.ttf",
				"Library/Fonts/Times New Roman.ttf", "Library/Fonts/Times New Roman Bold.ttf",
				"Library/Fonts/Times New Roman Italic.ttf", "Library/Fonts/Times New Roman Bold Italic.ttf"},
			map[string]string{"HOME": "Users/an"}, "Users/an/Library/Fonts"},
		{"Debian and Ubuntu: ttf-mscorefonts-installer", "linux",
			[]string{"usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf", "usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf",
				"usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Italic.ttf", "usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold_Italic.ttf",
				"usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
			map[string]string{"HOME": "home/an"}, "usr/share/fonts/truetype/msttcorefonts"},
		{"Fedora: msttcore-fonts-installer", "linux",
			[]string{"usr/share/fonts/msttcore/times.ttf", "usr/share/fonts/msttcore/timesbd.ttf", "usr/share/fonts/msttcore/timesi.ttf", "usr/share/fonts/msttcore/timesbi.ttf"},
			map[string]string{"HOME": "home/an"}, "usr/share/fonts/msttcore"},
		{"Arch: ttf-ms-fonts", "linux",
			[]string{"usr/share/fonts/TTF/times.ttf", "usr/share/fonts/TTF/timesbd.ttf", "usr/share/fonts/TTF/timesi.ttf", "usr/share/fonts/TTF/timesbi.ttf"},
			map[string]string{"HOME": "home/an"}, "usr/share/fonts/TTF"},
		{"Linux, copied from Windows into the user's fonts", "linux",
			[]string{"home/an/.local/share/fonts/windows/times.ttf", "home/an/.local/share/fonts/windows/timesbd.ttf",
				"home/an/.local/share/fonts/windows/timesi.ttf", "home/an/.local/share/fonts/windows/timesbi.ttf"},
			map[string]string{"HOME": "home/an"}, "home/an/.local/share/fonts/windows"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			lay(t, root, c.files...)
			e := map[string]string{}
			for k, v := range c.env {
				e[k] = filepath.Join(root, filepath.FromSlash(v))
			}
			sys := System{GOOS: c.goos, Getenv: env(e), Root: root}
			f, ok := Find(sys.Dirs())
			if want := filepath.Join(root, filepath.FromSlash(c.want)); !ok || f.Dir() != want || f.Name != "Times New Roman" {
				t.Fatalf("found %v (%+v) in %v, want Times New Roman in %s", ok, f, sys.Dirs(), want)
			}
			for i, p := range f.Files {
				if _, err := os.Stat(p); err != nil {
					t.Errorf("style %d: %v", i, err)
				}
			}
		})
	}
}

// The msttcorefonts package links the short names to the long ones; a
// link is followed.
func TestFollowsLinks(t *testing.T) {
	root := t.TempDir()
	dir := "usr/share/fonts/truetype/msttcorefonts/"
	long := []string{"Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf", "Times_New_Roman_Bold_Italic.ttf"}
	short := []string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}
	for i := range long {
		lay(t, root, dir+long[i])
		if err := os.Symlink(long[i], filepath.Join(root, dir, short[i])); err != nil {
			t.Skip(err)
		}
	}
	f, ok := Find(System{GOOS: "linux", Getenv: env(nil), Root: root}.Dirs())
	if !ok || filepath.Base(f.Files[1]) != "timesbd.ttf" {
		t.Errorf("found %v %+v", ok, f)
	}
}

// Three styles of four are not a family: the embedded one stands in.
func TestIncompleteFamilyIsNotFound(t *testing.T) {
	root := t.TempDir()
	lay(t, root, "Windows/Fonts/times.ttf", "Windows/Fonts/timesbd.ttf", "Windows/Fonts/timesi.ttf",
		"Library/Fonts/Times New Roman.ttf")
	for _, goos := range []string{"windows", "darwin", "linux"} {
		sys := System{GOOS: goos, Getenv: env(map[string]string{"WINDIR": filepath.Join(root, "Windows")}), Root: root}
		if f, ok := Find(sys.Dirs()); ok {
			t.Errorf("%s: found %+v", goos, f)
		}
	}
}

// The real system's folders are absolute paths where the system keeps
// them.
func TestSystemDirs(t *testing.T) {
	for goos, want := range map[string]string{
		"windows": filepath.Join(`C:\Windows`, "Fonts"),
		"darwin":  "/System/Library/Fonts/Supplemental",
		"linux":   "/usr/share/fonts",
	} {
		dirs := System{GOOS: goos, Getenv: env(nil)}.Dirs()
		found := false
		for _, d := range dirs {
			found = found || d == want
		}
		if !found {
			t.Errorf("%s: %v lacks %s", goos, dirs, want)
		}
	}
}
