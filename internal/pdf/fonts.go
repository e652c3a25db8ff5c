package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/layout"
)

// Fonts is the serif family a document is set in: the four styles, their
// files (embedded into the PDF) and their metrics (used for layout). A
// Fonts is read-only once loaded and shared by every document of a process.
type Fonts struct {
	Name   string // family name, for messages: "Liberation Serif"
	family string // name inside the PDF
	files  [4][]byte
	faces  [4]*Face
}

var (
	embeddedOnce sync.Once
	embedded     *Fonts
	embeddedErr  error
	userFonts    sync.Map // font directory → *userLoad
)

// Embedded returns Liberation Serif, shipped in the binary. It is parsed
// once per process.
func Embedded() (*Fonts, error) {
	embeddedOnce.Do(func() {
		var files [4][]byte
		for _, s := range layout.Styles {
			files[s] = fonts.Serif(fpdfStyle(s))
		}
		embedded, embeddedErr = newFonts(fonts.Name, "LiberationSerif", files, [4]string{})
	})
	return embedded, embeddedErr
}

// userNames are the file names of Times New Roman's four styles, by style.
var userNames = [4]string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}

type userLoad struct {
	once  sync.Once
	fonts *Fonts
	err   error
}

// Load returns the fonts for a document: the embedded family when dir is
// "", otherwise the user's Times New Roman files in dir (times.ttf,
// timesbd.ttf, timesi.ttf, timesbi.ttf, in any letter case). Each
// directory is read once per process.
func Load(dir string) (*Fonts, error) {
	if dir == "" {
		return Embedded()
	}
	v, _ := userFonts.LoadOrStore(dir, &userLoad{})
	u := v.(*userLoad)
	u.once.Do(func() { u.fonts, u.err = loadDir(dir) })
	return u.fonts, u.err
}

// LoadFiles returns the family in the given files (regular, bold,
// italic, bold italic), found on the user's machine (internal/fontdir).
// Each set of files is read once per process.
func LoadFiles(name string, paths [4]string) (*Fonts, error) {
	v, _ := userFonts.LoadOrStore(strings.Join(paths[:], "\x00"), &userLoad{})
	u := v.(*userLoad)
	u.once.Do(func() {
		var files [4][]byte
		for i, p := range paths {
			var err error
			if files[i], err = os.ReadFile(p); err != nil {
				u.err = fmt.Errorf("cannot read %s: %w", p, unwrapPath(err))
				return
			}
		}
		u.fonts, u.err = newFonts(name, strings.ReplaceAll(name, " ", ""), files, paths)
	})
	return u.fonts, u.err
}

func loadDir(dir string) (*Fonts, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the font directory %s: %w", dir, unwrapPath(err))
	}
	byLower := map[string]string{}
	for _, e := range entries {
		byLower[strings.ToLower(e.Name())] = e.Name()
	}
	var files [4][]byte
	var paths [4]string
	var missing []string
	for i, n := range userNames {
		name, ok := byLower[n]
		if !ok {
			missing = append(missing, n)
			continue
		}
		paths[i] = filepath.Join(dir, name)
		if files[i], err = os.ReadFile(paths[i]); err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", paths[i], unwrapPath(err))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the font directory %s lacks %s (Times New Roman needs times.ttf, timesbd.ttf, timesi.ttf and timesbi.ttf)",
			dir, strings.Join(missing, ", "))
	}
	return newFonts("Times New Roman", "TimesNewRoman", files, paths)
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func newFonts(name, family string, files [4][]byte, paths [4]string) (*Fonts, error) {
	f := &Fonts{Name: name, family: family, files: files}
	for i, data := range files {
		face, err := ParseFace(data)
		if err != nil {
			where := paths[i]
			if where == "" {
				where = name + " " + layout.Style(i).String()
			}
			return nil, fmt.Errorf("the font %s cannot be used: %w", where, err)
		}
		f.faces[i] = face
	}
	return f, nil
}

func fpdfStyle(s layout.Style) fonts.Style {
	return [...]fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic}[s]
}

// Width implements layout.Measurer with the widths fpdf draws with.
func (f *Fonts) Width(s string, fn layout.Font) float64 {
	return float64(f.faces[fn.Style].Units(s)) * fn.Size / 1000 * 25.4 / 72
}

// Ascent implements layout.Measurer.
func (f *Fonts) Ascent() float64 { return f.faces[0].Ascent }

// Descent implements layout.Measurer.
func (f *Fonts) Descent() float64 { return f.faces[0].Descent }

// Has reports whether every style of the family can draw r, so a
// character accepted here prints whatever emphasis it is given.
func (f *Fonts) Has(r rune) bool {
	for _, face := range f.faces {
		if !face.Has(r) {
			return false
		}
	}
	return true
}

// Subset returns the TrueType file of style s cut down to the glyphs of
// runes (sorted, BMP), the same cut the PDF embeds: another painter (the
// SVG preview) draws exactly the outlines the PDF draws. When vanban's
// subsetter cannot follow the font, the whole file is returned.
func (f *Fonts) Subset(s layout.Style, runes []rune) []byte {
	if out, err := subset(f.files[s], runes); err == nil {
		return out
	}
	return f.files[s]
}
