// Package fontdir finds Times New Roman, the font Nghị định 30 names, among
// the fonts installed on a machine: where Windows, macOS and Linux (the
// msttcorefonts package and its kin) put its four files, under the names
// each system gives them. It only finds files; reading them is the font
// loader's business.
package fontdir

import (
	"os"
	"path/filepath"
	"strings"
)

// Family is the files of one font family, by style: regular, bold,
// italic, bold italic.
type Family struct {
	Name  string
	Files [4]string
}

// Dir returns the directory of the family's regular file, for messages.
func (f Family) Dir() string { return filepath.Dir(f.Files[0]) }

// schemes are the names Times New Roman's files go by, by style: Windows
// and the Linux packages that copy its files (times.ttf …), macOS
// ("Times New Roman Bold.ttf"), and msttcorefonts' long names
// ("Times_New_Roman_Bold.ttf"). Names are compared in lower case.
var schemes = [][4]string{
	{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"},
	{"times new roman.ttf", "times new roman bold.ttf", "times new roman italic.ttf", "times new roman bold italic.ttf"},
	{"times_new_roman.ttf", "times_new_roman_bold.ttf", "times_new_roman_italic.ttf", "times_new_roman_bold_italic.ttf"},
}

// A System is where to look: the operating system (runtime.GOOS), its
// environment, and the root of its file system ("" for the real one; a
// test lays a system's font folders out under a temporary root).
type System struct {
	GOOS   string
	Getenv func(string) string
	Root   string
}

// Dirs returns the folders that hold a system's fonts, in the order they
// are searched: the user's own fonts first on every system, as the
// system's font manager does.
func (s System) Dirs() []string {
	env := func(k string) string {
		if s.Getenv == nil {
			return ""
		}
		return s.Getenv(k)
	}
	home := env("HOME")
	var dirs []string
	switch s.GOOS {
	case "windows":
		if d := env("LOCALAPPDATA"); d != "" {
			dirs = append(dirs, filepath.Join(d, "Microsoft", "Windows", "Fonts")) // fonts installed for one user
		}
		win := env("WINDIR")
		if win == "" {
			win = env("SystemRoot")
		}
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	case "darwin":
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
		dirs = append(dirs, s.root("/Library/Fonts"), s.root("/System/Library/Fonts/Supplemental"),
			s.root("/System/Library/Fonts"),
			// Microsoft Office brings its own copy.
			s.root("/Applications/Microsoft Word.app/Contents/Resources/DFonts"))
	default: // Linux and the BSDs: the freedesktop folders
		data := env("XDG_DATA_HOME")
		if data == "" && home != "" {
			data = filepath.Join(home, ".local", "share")
		}
		if data != "" {
			dirs = append(dirs, filepath.Join(data, "fonts"))
		}
		if home != "" {
			dirs = append(dirs, filepath.Join(home, ".fonts"))
		}
		dirs = append(dirs, s.root("/usr/local/share/fonts"), s.root("/usr/share/fonts"))
	}
	return dirs
}

func (s System) root(p string) string {
	if s.Root == "" {
		return p
	}
	return filepath.Join(s.Root, filepath.FromSlash(p))
}

// maxDepth is how deep Find looks below a font folder: Linux packages
// file fonts in sub-folders (truetype/msttcorefonts, msttcore, TTF).
const maxDepth = 3

// Find returns Times New Roman from the first folder (or sub-folder) of
// dirs that holds all four of its files under one naming scheme.
func Find(dirs []string) (Family, bool) {
	for _, d := range dirs {
		if f, ok := findIn(d, 0); ok {
			return f, true
		}
	}
	return Family{}, false
}

func findIn(dir string, depth int) (Family, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Family{}, false
	}
	byLower := make(map[string]string, len(entries))
	for _, e := range entries {
		byLower[strings.ToLower(e.Name())] = e.Name()
	}
	for _, names := range schemes {
		var f Family
		found := 0
		for i, n := range names {
			if name, ok := byLower[n]; ok && isFile(filepath.Join(dir, name)) {
				f.Files[i] = filepath.Join(dir, name)
				found++
			}
		}
		if found == len(names) {
			f.Name = "Times New Roman"
			return f, true
		}
	}
	if depth >= maxDepth {
		return Family{}, false
	}
	for _, e := range entries {
		if e.IsDir() || e.Type()&os.ModeSymlink != 0 && isDir(filepath.Join(dir, e.Name())) {
			if f, ok := findIn(filepath.Join(dir, e.Name()), depth+1); ok {
				return f, true
			}
		}
	}
	return Family{}, false
}

// isFile reports whether p is a regular file, following links (the
// msttcorefonts package links times.ttf to Times_New_Roman.ttf).
func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
