package font

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"unicode/utf16"
)

// Descriptor is what a PDF font descriptor says of a face; lengths in
// thousandths of an em.
type Descriptor struct {
	PostScriptName string // from the name table, only letters, digits, '-' and '_'
	BBox           [4]int // xMin, yMin, xMax, yMax
	Ascent         int
	Descent        int // negative
	CapHeight      int
	StemV          int // estimated from the weight class, as is usual
	ItalicAngle    int // degrees, counter-clockwise from vertical
	Flags          int // PDF font flags: symbolic, italic, force bold, fixed pitch
}

// Descriptor returns the face's PDF font descriptor values.
func (f *Face) Descriptor() Descriptor { return f.desc }

// descriptor reads the descriptor values from the tables.
func (f *Face) descriptor(t map[string][]byte) error {
	head, hhea, post, os2 := t["head"], t["hhea"], t["post"], t["OS/2"]
	scale := func(v int16) int { return int(float64(v) * 1000 / float64(f.upm)) }
	i16 := func(b []byte, at int) int16 { return int16(binary.BigEndian.Uint16(b[at:])) }
	d := &f.desc
	d.BBox = [4]int{scale(i16(head, 36)), scale(i16(head, 38)), scale(i16(head, 40)), scale(i16(head, 42))}
	d.Ascent, d.Descent = scale(i16(hhea, 4)), scale(i16(hhea, 6))
	weight := 500
	d.CapHeight = d.Ascent
	if len(os2) >= 8 {
		if fsType := binary.BigEndian.Uint16(os2[8:]); fsType&0x000F == 0x0002 || fsType&0x0300 != 0 {
			return errors.New("the font's licence forbids embedding it in documents")
		}
		weight = int(binary.BigEndian.Uint16(os2[4:]))
		if binary.BigEndian.Uint16(os2) > 1 && len(os2) >= 90 {
			d.CapHeight = scale(i16(os2, 88))
		}
	}
	d.StemV = 50 + int(math.Pow(float64(weight)/65, 2))
	d.Flags = 4 // symbolic: the font's own encoding
	if len(post) >= 16 {
		d.ItalicAngle = int(i16(post, 4))
		if d.ItalicAngle != 0 {
			d.Flags |= 64
		}
		if binary.BigEndian.Uint32(post[12:]) != 0 {
			d.Flags |= 1
		}
	}
	if weight >= 600 {
		d.Flags |= 262144
	}
	d.PostScriptName = postScriptName(t["name"])
	return nil
}

// postScriptName returns name 6 of the name table, keeping only the
// characters a PDF name needs no escape for; "Font" when there is none.
func postScriptName(name []byte) string {
	if len(name) < 6 {
		return "Font"
	}
	n, strings0 := int(binary.BigEndian.Uint16(name[2:])), int(binary.BigEndian.Uint16(name[4:]))
	for i := range n {
		rec := 6 + 12*i
		if rec+12 > len(name) {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(name[rec:]), binary.BigEndian.Uint16(name[rec+2:])
		id := binary.BigEndian.Uint16(name[rec+6:])
		length, off := int(binary.BigEndian.Uint16(name[rec+8:])), int(binary.BigEndian.Uint16(name[rec+10:]))
		start := strings0 + off
		if id != 6 || start+length > len(name) {
			continue
		}
		raw := name[start : start+length]
		var s string
		switch {
		case platform == 3 && encoding == 1 || platform == 0:
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		case platform == 1 && encoding == 0:
			s = string(raw)
		default:
			continue
		}
		s = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
				return r
			}
			return -1
		}, s)
		if s != "" {
			return s
		}
	}
	return "Font"
}

// Subset is a face cut down to some characters, ready to embed: the glyphs
// are renumbered (0 is .notdef), so text is written as glyph numbers.
type Subset struct {
	Data []byte // the TrueType file
	// Glyphs holds the glyph of each character asked for (0 where the
	// face lacks it).
	Glyphs []uint16
	// Widths holds the advance of each glyph of the subset in thousandths
	// of an em, rounded as Units rounds it, so text drawn with them ends
	// where the layout measured.
	Widths []int
}

// Subset cuts the face down to the glyphs of runes (sorted, BMP), the
// .notdef glyph and the parts of composite glyphs, keeping outlines,
// metrics and hinting unchanged.
func (f *Face) Subset(runes []rune) (*Subset, error) {
	c, err := cutFont(f.data, runes)
	if err != nil {
		return nil, err
	}
	widths := make([]int, len(c.old))
	scale := 1000 / float64(f.upm)
	for i, g := range c.old {
		widths[i] = int(math.Round(scale * float64(f.GlyphAdvance(g))))
	}
	return &Subset{Data: c.data, Glyphs: c.glyphs, Widths: widths}, nil
}
