package font

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/vanban/vanban/fonts"
)

// Family is the serif a document is set in: its four styles, parsed.
// A Family is read-only once loaded and shared by every document and
// goroutine of a process.
type Family struct {
	Name  string // family name, for messages: "Liberation Serif"
	faces [4]*Face
	// all has a bit for each BMP character that every style draws, by
	// block of 256, worked out when a text first asks for one of the
	// block's characters: Has is asked for every character of every
	// document.
	all [256]atomic.Pointer[[4]uint64]
}

var (
	embeddedOnce sync.Once
	embedded     *Family
	embeddedErr  error
)

// Embedded returns Liberation Serif, shipped in the binary. It is parsed
// once per process.
func Embedded() (*Family, error) {
	embeddedOnce.Do(func() {
		var files [4][]byte
		for _, s := range Styles {
			files[s] = fonts.Serif(fileStyle(s))
		}
		embedded, embeddedErr = newFamily(fonts.Name, files, [4]string{})
	})
	return embedded, embeddedErr
}

func fileStyle(s Style) fonts.Style {
	return [...]fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic}[s]
}

// userNames are the file names of Times New Roman's four styles, by style.
var userNames = [4]string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}

// MaxFolders bounds how many font folders (or sets of files) Load and
// LoadFiles keep parsed: a server that renders for many folders must not
// grow without bound. Four styles of Times New Roman take about 4 MB.
const MaxFolders = 8

var folders = struct {
	sync.Mutex
	loads map[string]*folderLoad
	order []string // oldest first
}{loads: map[string]*folderLoad{}}

type folderLoad struct {
	once   sync.Once
	family *Family
	err    error
}

// Load returns the family for a document: the embedded one when dir is
// "", otherwise the user's Times New Roman files in dir (times.ttf,
// timesbd.ttf, timesi.ttf, timesbi.ttf, in any letter case). A folder is
// read once and kept while it is among the MaxFolders most recently
// loaded.
func Load(dir string) (*Family, error) {
	if dir == "" {
		return Embedded()
	}
	return cached(dir, func() (*Family, error) { return loadDir(dir) })
}

// LoadFiles returns the family in the given files (regular, bold, italic,
// bold italic), found on the user's machine (internal/fontdir). Each set
// of files is read once and kept as Load keeps folders.
func LoadFiles(name string, paths [4]string) (*Family, error) {
	return cached(strings.Join(paths[:], "\x00"), func() (*Family, error) {
		var files [4][]byte
		for i, p := range paths {
			var err error
			if files[i], err = os.ReadFile(p); err != nil {
				return nil, fmt.Errorf("cannot read %s: %w", p, unwrapPath(err))
			}
		}
		return newFamily(name, files, paths)
	})
}

// cached returns the family loaded under key, loading it once.
func cached(key string, load func() (*Family, error)) (*Family, error) {
	folders.Lock()
	l := folders.loads[key]
	if l == nil {
		l = &folderLoad{}
		folders.loads[key] = l
		folders.order = append(folders.order, key)
		if len(folders.order) > MaxFolders {
			delete(folders.loads, folders.order[0])
			folders.order = folders.order[1:]
		}
	}
	folders.Unlock()
	l.once.Do(func() { l.family, l.err = load() })
	return l.family, l.err
}

func loadDir(dir string) (*Family, error) {
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
	return newFamily("Times New Roman", files, paths)
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func newFamily(name string, files [4][]byte, paths [4]string) (*Family, error) {
	f := &Family{Name: name}
	for i, data := range files {
		face, err := Parse(data)
		if err != nil {
			where := paths[i]
			if where == "" {
				where = name + " " + Style(i).String()
			}
			return nil, fmt.Errorf("the font %s cannot be used: %w", where, err)
		}
		f.faces[i] = face
	}
	return f, nil
}

// Face returns the face of a style.
func (f *Family) Face(s Style) *Face { return f.faces[s] }

// Width returns the advance width of s in style st at size points, in
// millimetres, as the painters draw it (widths rounded to thousandths of
// an em).
func (f *Family) Width(s string, st Style, size float64) float64 {
	return float64(f.faces[st].Units(s)) * size / 1000 * 25.4 / 72
}

// Ascent is the regular face's extent above the baseline, as a fraction of
// the size.
func (f *Family) Ascent() float64 { return f.faces[0].Ascent }

// Descent is the regular face's extent below the baseline, as a (positive)
// fraction of the size.
func (f *Family) Descent() float64 { return f.faces[0].Descent }

// Has reports whether every style of the family can draw r, so a
// character accepted here prints whatever emphasis it is given.
func (f *Family) Has(r rune) bool {
	if r < 0 || r >= 1<<16 {
		return false
	}
	all := f.all[r>>8].Load()
	if all == nil {
		all = f.allOf(int(r >> 8))
	}
	lo := r & 0xFF
	return all[lo/64]&(1<<(lo%64)) != 0
}

// allOf returns the bits of block hi's characters that every style draws,
// worked out once.
func (f *Family) allOf(hi int) *[4]uint64 {
	all := new([4]uint64)
	b0, b1, b2, b3 := f.faces[0].block(hi), f.faces[1].block(hi), f.faces[2].block(hi), f.faces[3].block(hi)
	for lo := range 256 {
		if b0.widths[lo] != 0 && b1.widths[lo] != 0 && b2.widths[lo] != 0 && b3.widths[lo] != 0 {
			all[lo/64] |= 1 << (lo % 64)
		}
	}
	f.all[hi].CompareAndSwap(nil, all)
	return f.all[hi].Load()
}

// Subset returns the TrueType file of style s cut down to the glyphs of
// runes (sorted, BMP), the cut the PDF embeds, so that another painter
// (the SVG preview) draws exactly the outlines the PDF draws. When the
// subsetter cannot follow the font, the whole file is returned.
func (f *Family) Subset(s Style, runes []rune) []byte {
	if out, err := subset(f.faces[s].data, runes); err == nil {
		return out
	}
	return f.faces[s].data
}
