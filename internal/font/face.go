// Package font reads TrueType fonts once per process and answers what the
// rest of vanban asks of them: advance widths and coverage for the layout
// and the workbook's row heights, glyphs, vertical metrics and subsets for
// the painters (PDF, and SVG for the preview). Nothing in it knows a
// painter or a document.
//
// A Face is parsed once and read-only afterwards, so one Face serves every
// document and goroutine of a process; a Family is the four styles of the
// serif a document is set in (Embedded, or the user's Times New Roman
// through Load, cached per folder with a bound).
package font

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync/atomic"
	"unicode/utf8"
)

// Face is what vanban reads from one TrueType file: advance widths and
// character coverage, computed exactly as the painter's widths are written
// (thousandths of an em, rounded; only the BMP cmap of format 4), so the
// layout measures the widths the PDF draws with; the glyph of each
// character; and the tables a subset is cut from.
//
// Parsing a face takes well under a millisecond and is done once per font
// per process.
type Face struct {
	data []byte
	// blocks holds the advance and the glyph of every BMP code point in
	// blocks of 256, each read from the character map when a text first
	// asks for one of its characters: a document uses a handful of the
	// font's blocks, and page faults, not arithmetic, dominate a short
	// process. A block is built once (two goroutines may both build it;
	// the first stored is kept, and both are the same).
	blocks  [256]atomic.Pointer[block]
	cmap    segments // the BMP character map (format 4)
	glyphN  int      // number of glyphs (maxp)
	missing int      // width of glyph 0, used for characters the font lacks
	hmtx    []byte
	nh      int // number of full entries in hmtx
	upm     int
	desc    Descriptor
	// Ascent and Descent are the hhea metrics as fractions of the em
	// (Descent is positive).
	Ascent, Descent float64
}

// A block is 256 consecutive BMP code points: widths holds their advances
// (0 = not in the font, zeroWidth = mapped with no advance), glyphs their
// glyphs.
type block struct {
	widths, glyphs [256]uint16
}

// zeroWidth marks a mapped glyph without advance.
const zeroWidth = math.MaxUint16

// Parse reads a TrueType font. It refuses files vanban cannot embed
// (OpenType/CFF, collections, fonts without a Unicode BMP cmap, fonts
// whose licence forbids embedding) with an error that says why.
func Parse(data []byte) (*Face, error) {
	t, err := tables(data)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"} {
		if len(t[name]) == 0 {
			return nil, fmt.Errorf("the font has no %q table", name)
		}
	}
	f := &Face{data: data, hmtx: t["hmtx"]}
	if err := f.metrics(t); err != nil {
		return nil, err
	}
	if err := f.descriptor(t); err != nil {
		return nil, err
	}
	return f, nil
}

func tables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("the file is too short to be a font")
	}
	switch binary.BigEndian.Uint32(data) {
	case 0x00010000, 0x74727565: // TrueType outlines
	case 0x4F54544F:
		return nil, errors.New("OpenType fonts with PostScript (CFF) outlines are not supported; use a TrueType (.ttf) file")
	case 0x74746366:
		return nil, errors.New("font collections (.ttc) are not supported; use a single TrueType (.ttf) file")
	default:
		return nil, errors.New("not a TrueType font file")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("the font's table directory is cut short")
	}
	// Sized at once (a font has about twenty tables): grown from empty,
	// the map was built three times for every font parsed and subset.
	t := make(map[string][]byte, min(n, 64))
	for i := range n {
		rec := data[12+16*i:]
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(data) {
			return nil, fmt.Errorf("the font's %q table lies outside the file", rec[:4])
		}
		t[string(rec[:4])] = data[off : off+length]
	}
	return t, nil
}

func (f *Face) metrics(t map[string][]byte) error {
	head, hhea, maxp, hmtx := t["head"], t["hhea"], t["maxp"], t["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return errors.New("the font's head, hhea or maxp table is cut short")
	}
	f.upm = int(binary.BigEndian.Uint16(head[18:]))
	upm := float64(f.upm)
	if upm == 0 || binary.BigEndian.Uint16(head[52:]) != 0 || binary.BigEndian.Uint16(hhea[32:]) != 0 {
		return errors.New("the font's metrics use an unknown format")
	}
	f.Ascent = float64(int16(binary.BigEndian.Uint16(hhea[4:]))) / upm
	f.Descent = -float64(int16(binary.BigEndian.Uint16(hhea[6:]))) / upm
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	f.glyphN = int(binary.BigEndian.Uint16(maxp[4:]))
	f.nh = nh
	if nh == 0 || len(hmtx) < 4*nh {
		return errors.New("the font's horizontal metrics are missing or cut short")
	}
	f.missing = f.advance(0)
	sub, err := cmap4(t["cmap"])
	if err != nil {
		return err
	}
	f.cmap, err = parseFormat4(sub)
	return err
}

// advance returns the advance of glyph g in thousandths of an em, rounded.
func (f *Face) advance(g int) int {
	aw := f.GlyphAdvance(g)
	return int(math.Round(1000 / float64(f.upm) * float64(aw)))
}

// block returns the block of code points hi<<8 to hi<<8|0xFF, read from
// the character map on first use.
func (f *Face) block(hi int) *block {
	if b := f.blocks[hi].Load(); b != nil {
		return b
	}
	b := new(block)
	lo, top := hi<<8, hi<<8|0xFF
	m := f.cmap
	for i := range m.n {
		if m.u16(m.ends+2*i) < lo || m.u16(m.starts+2*i) > top {
			continue // most segments lie outside the block
		}
		g := m.segment(i)
		for c := max(g.start, lo); c <= min(g.end, top); c++ {
			f.mapped(b, c, g.glyph(c))
		}
	}
	f.blocks[hi].CompareAndSwap(nil, b)
	return f.blocks[hi].Load()
}

// mapped records in b that the character map gives code point r glyph g.
func (f *Face) mapped(b *block, r, g int) {
	if g == 0 || g >= f.glyphN || r == 0 || r == 0xFFFF {
		return
	}
	w := f.advance(g)
	if w == 0 {
		w = zeroWidth
	}
	b.widths[r&0xFF] = uint16(min(w, zeroWidth))
	b.glyphs[r&0xFF] = uint16(g)
}

// cmap4 returns the first Unicode cmap subtable of format 4: the BMP
// character map every TrueType font for Windows has.
func cmap4(cmap []byte) ([]byte, error) {
	if len(cmap) < 4 {
		return nil, errors.New("the font's cmap table is cut short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if !(platform == 3 && encoding == 1 || platform == 0) || off+2 > len(cmap) {
			continue
		}
		if binary.BigEndian.Uint16(cmap[off:]) == 4 {
			return cmap[off:], nil
		}
	}
	return nil, errors.New("the font has no Unicode character map (cmap format 4)")
}

// segments is a cmap subtable of format 4 split into its arrays.
type segments struct {
	sub                          []byte
	n                            int // number of segments
	ends, starts, deltas, ranges int // offsets of the arrays in sub
}

func parseFormat4(sub []byte) (segments, error) {
	if len(sub) < 14 {
		return segments{}, errors.New("the font's character map is cut short")
	}
	if n := int(binary.BigEndian.Uint16(sub[2:])); n >= 14 && n < len(sub) {
		sub = sub[:n]
	}
	n := int(binary.BigEndian.Uint16(sub[6:])) / 2
	s := segments{sub: sub, n: n, ends: 14, starts: 16 + 2*n}
	s.deltas, s.ranges = s.starts+2*n, s.starts+4*n
	if s.ranges+2*n > len(sub) {
		return segments{}, errors.New("the font's character map is cut short")
	}
	return s, nil
}

func (s segments) u16(p int) int { return int(binary.BigEndian.Uint16(s.sub[p:])) }

// segment returns segment i: a range of code points and how to find their
// glyphs.
func (s segments) segment(i int) segment {
	g := segment{start: s.u16(s.starts + 2*i), end: s.u16(s.ends + 2*i), delta: s.u16(s.deltas + 2*i)}
	if ro := s.u16(s.ranges + 2*i); ro != 0 {
		g.sub, g.at = s.sub, s.ranges+2*i+ro-2*g.start
	}
	return g
}

// segment is one range of a format 4 character map. Its glyphs come from
// the code point plus delta, or, when sub is set, from the glyph array in
// sub (the glyph of c at offset at+2c) plus delta.
type segment struct {
	start, end, delta, at int
	sub                   []byte
}

// glyph returns the glyph of c, a code point of the segment; 0 when there
// is none.
func (g segment) glyph(c int) int {
	if g.sub == nil {
		return (c + g.delta) & 0xFFFF
	}
	p := g.at + 2*c
	if p < 0 || p+2 > len(g.sub) {
		return 0
	}
	if v := int(binary.BigEndian.Uint16(g.sub[p:])); v != 0 {
		return (v + g.delta) & 0xFFFF
	}
	return 0
}

// width returns the table entry of r (0 when the font lacks it).
func (f *Face) width(r rune) uint16 {
	if r < 0 || r >= 1<<16 {
		return 0
	}
	return f.block(int(r >> 8)).widths[r&0xFF]
}

// Has reports whether the font can draw r.
func (f *Face) Has(r rune) bool { return f.width(r) != 0 }

// Units returns the advance of s in thousandths of an em, each
// character's rounded (the widths the PDF's /W arrays carry); a character
// the font lacks counts as glyph 0's width, or 500 when that is 0.
func (f *Face) Units(s string) int {
	w := 0
	for i := 0; i < len(s); {
		// Vietnamese letters of two bytes (ă, đ, ơ, ư) and three (ạ, ế,
		// ữ) are decoded in place: a call per letter cost as much again.
		// Only valid sequences take these cases (E0 and ED limit their
		// second byte: utf8 checks them).
		var r rune
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			r, i = rune(c), i+1
		case 0xC2 <= c && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, i = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), i+2
		case 0xE1 <= c && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, i = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), i+3
		default:
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		switch u := f.width(r); {
		case u == zeroWidth:
		case u != 0:
			w += int(u)
		case f.missing != 0:
			w += f.missing
		default:
			w += 500
		}
	}
	return w
}

// Glyph returns the glyph that draws r, 0 when the font lacks r.
func (f *Face) Glyph(r rune) int {
	if r < 0 || r >= 1<<16 {
		return 0
	}
	return int(f.block(int(r >> 8)).glyphs[r&0xFF])
}

// Advance returns the advance width of r in font units (see UnitsPerEm),
// unrounded, and whether the font has r.
func (f *Face) Advance(r rune) (units int, ok bool) {
	g := f.Glyph(r)
	if g == 0 {
		return 0, false
	}
	return f.GlyphAdvance(g), true
}

// GlyphAdvance returns the advance width of glyph g in font units.
func (f *Face) GlyphAdvance(g int) int {
	g = min(g, f.nh-1)
	aw := int(binary.BigEndian.Uint16(f.hmtx[4*g:]))
	if aw >= 1<<15 {
		aw = 0
	}
	return aw
}

// UnitsPerEm is the size of the em in font units.
func (f *Face) UnitsPerEm() int { return f.upm }

// MissingWidth is the width, in thousandths of an em, that Units gives a
// character the font lacks.
func (f *Face) MissingWidth() int {
	if f.missing != 0 {
		return f.missing
	}
	return 500
}

// Data returns the TrueType file. It is shared: callers must not modify it.
func (f *Face) Data() []byte { return f.data }
