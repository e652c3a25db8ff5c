package app

import (
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/fontdir"
)

// FontsEnv is the environment variable that chooses the font of
// documents when --fonts is not given, so that a machine can make Times
// New Roman its default: "system", "embedded" or a folder, as --fonts.
// Unset, documents use the embedded Liberation Serif, the same bytes on
// every machine (what CI wants).
const FontsEnv = "VANBAN_FONTS"

// Values of Options.FontDir (and of VANBAN_FONTS) that are not folders.
const (
	// SystemFonts finds Times New Roman where the operating system keeps
	// it (internal/fontdir), and falls back to the embedded family.
	SystemFonts = "system"
	// EmbeddedFonts is Liberation Serif, shipped in the binary.
	EmbeddedFonts = "embedded"
)

// FontChoice is the family documents are set in, and where it comes from.
type FontChoice struct {
	Name string // "Times New Roman", "Liberation Serif"
	Dir  string // the folder of its files; "" for the embedded family
	// NotFound is set when the system's Times New Roman was asked for
	// and is not installed: the embedded family stands in.
	NotFound bool
}

// fontSetting returns what chooses the font: the option, else the
// environment.
func fontSetting(opt Options) string {
	if opt.FontDir != "" {
		return opt.FontDir
	}
	return strings.TrimSpace(os.Getenv(FontsEnv))
}

// thisSystem is where SystemFonts looks (a test lays another system out).
var thisSystem = fontdir.System{GOOS: runtime.GOOS, Getenv: os.Getenv}

// systemSearches caches the search of each set of font folders: a batch
// looks once.
var systemSearches sync.Map // folders joined → *systemSearch

type systemSearch struct {
	once sync.Once
	fam  fontdir.Family
	ok   bool
}

func findSystemFonts() (fontdir.Family, bool) {
	dirs := thisSystem.Dirs()
	v, _ := systemSearches.LoadOrStore(strings.Join(dirs, "\x00"), &systemSearch{})
	s := v.(*systemSearch)
	s.once.Do(func() { s.fam, s.ok = fontdir.Find(dirs) })
	return s.fam, s.ok
}

// documentFonts loads the family documents are set in with these
// options.
func documentFonts(opt Options) (*font.Family, FontChoice, error) {
	switch set := fontSetting(opt); strings.ToLower(set) {
	case "", EmbeddedFonts:
		f, err := font.Embedded()
		return f, FontChoice{Name: fontName(f, err)}, err
	case SystemFonts:
		if fam, ok := findSystemFonts(); ok {
			f, err := font.LoadFiles(fam.Name, fam.Files)
			return f, FontChoice{Name: fam.Name, Dir: fam.Dir()}, err
		}
		f, err := font.Embedded()
		return f, FontChoice{Name: fontName(f, err), NotFound: true}, err
	default:
		f, err := font.Load(set)
		return f, FontChoice{Name: fontName(f, err), Dir: set}, err
	}
}

func fontName(f *font.Family, err error) string {
	if err != nil || f == nil {
		return ""
	}
	return f.Name
}

// DocumentFonts tells which family documents are set in with these
// options, for "vanban render" to say.
func DocumentFonts(opt Options) (FontChoice, error) {
	_, c, err := documentFonts(opt)
	return c, err
}
