package font

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Subsetting: a document embeds each style it uses cut down to the glyphs
// it draws in that style (a hundred glyphs instead of 2,600, a few
// kilobytes instead of 400), keeping outlines, metrics and hinting
// unchanged, so the glyphs render exactly as from the whole font.

// keptTables are copied unchanged into a subset: readers use them (name,
// OS/2) and the hinting needs them (cvt, fpgm, prep, gasp).
var keptTables = []string{"OS/2", "cvt ", "fpgm", "gasp", "name", "prep"}

// subset returns a TrueType font holding the glyphs of runes (sorted, BMP
// only), the .notdef glyph and the components of composite glyphs, with a
// format 4 cmap for runes only. Runes the font lacks are left out. It
// returns an error for a font whose tables it cannot follow.
func subset(data []byte, runes []rune) ([]byte, error) {
	c, err := cutFont(data, runes)
	if err != nil {
		return nil, err
	}
	return c.data, nil
}

// cut is a font cut down to some characters.
type cut struct {
	data []byte
	// glyphs holds the new glyph of each character asked for (0 where the
	// font lacks it); old the original glyph of each new one.
	glyphs []uint16
	old    []int
}

// cutFont cuts the font: see subset.
func cutFont(data []byte, runes []rune) (*cut, error) {
	t, err := tables(data)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx, post := t["head"], t["hhea"], t["maxp"], t["hmtx"], t["post"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(post) < 32 {
		return nil, errors.New("head, hhea, maxp or post cut short")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh == 0 || nh > n || len(hmtx) < 4*nh+2*(n-nh) {
		return nil, errors.New("hmtx cut short")
	}
	g, err := newGlyphs(t["glyf"], t["loca"], binary.BigEndian.Uint16(head[50:]) == 1, n)
	if err != nil {
		return nil, err
	}
	sub, err := cmap4(t["cmap"])
	if err != nil {
		return nil, err
	}
	segs, err := parseFormat4(sub)
	if err != nil {
		return nil, err
	}

	// The glyphs to keep, in their original order: marked in newID, then
	// numbered there (one table of the font's size, not two).
	newID := make([]uint16, n)
	if err := g.keep(0, newID); err != nil {
		return nil, err
	}
	var codes []rune
	var codeGlyphs []int
	looked := segs.lookup(runes)
	for i, gid := range looked {
		if gid > 0 && gid < n {
			codes, codeGlyphs = append(codes, runes[i]), append(codeGlyphs, gid)
			if err := g.keep(gid, newID); err != nil {
				return nil, err
			}
		}
	}
	var old []int
	for gid, kept := range newID {
		if kept != 0 {
			newID[gid] = uint16(len(old))
			old = append(old, gid)
		}
	}

	glyf, loca, err := g.cut(old, newID)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{
		"loca": loca,
		"hmtx": metrics(hmtx, nh, old),
		"cmap": cmapFor(codes, codeGlyphs, newID),
		"head": patch16(head, 50, 1),                // long loca offsets
		"hhea": patch16(hhea, 34, uint16(len(old))), // a full metric per glyph
		"maxp": patch16(maxp, 4, uint16(len(old))),
		"post": slices.Clone(post[:32]),
	}
	binary.BigEndian.PutUint32(out["post"], 0x00030000) // version 3: no glyph names
	binary.BigEndian.PutUint32(out["head"][8:], 0)      // checkSumAdjustment, fixed below
	for _, name := range keptTables {
		if len(t[name]) > 0 {
			out[name] = t[name]
		}
	}
	glyphs := make([]uint16, len(runes))
	for i, gid := range looked {
		if gid > 0 && gid < n {
			glyphs[i] = newID[gid]
		}
	}
	return &cut{data: assembleWith(out, glyf), glyphs: glyphs, old: old}, nil
}

// lookup returns the glyphs of code points runes (sorted), as Face finds
// them: when segments overlap, the last one wins.
func (s segments) lookup(runes []rune) []int {
	gids := make([]int, len(runes))
	for i := range s.n {
		g := s.segment(i)
		j, _ := slices.BinarySearch(runes, rune(g.start))
		for ; j < len(runes) && int(runes[j]) <= g.end; j++ {
			gids[j] = g.glyph(int(runes[j]))
		}
	}
	return gids
}

// glyphs reads outlines through the loca table.
type glyphs struct {
	glyf, loca []byte
	long       bool // offsets of 4 bytes, not 2
}

func newGlyphs(glyf, loca []byte, long bool, n int) (*glyphs, error) {
	size := 2
	if long {
		size = 4
	}
	if len(loca) < size*(n+1) {
		return nil, errors.New("loca cut short")
	}
	return &glyphs{glyf, loca, long}, nil
}

func (g *glyphs) offset(i int) int {
	if g.long {
		return int(binary.BigEndian.Uint32(g.loca[4*i:]))
	}
	return 2 * int(binary.BigEndian.Uint16(g.loca[2*i:]))
}

// data returns the outline of glyph gid (which must exist).
func (g *glyphs) data(gid int) ([]byte, error) {
	from, to := g.offset(gid), g.offset(gid+1)
	if from > to || to > len(g.glyf) {
		return nil, fmt.Errorf("glyph %d lies outside the glyf table", gid)
	}
	return g.glyf[from:to], nil
}

// Flags of a composite glyph's component.
const (
	argWords     = 0x0001
	hasScale     = 0x0008
	moreParts    = 0x0020
	hasXYScale   = 0x0040
	hasTwoByTwo  = 0x0080
	maxNestLevel = 16 // deeper nesting is a broken font, not a real glyph
)

// eachComponent calls fn with the position of every component's glyph
// index inside a composite glyph d; a simple glyph has none.
func eachComponent(d []byte, fn func(at int) error) error {
	if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 {
		return nil
	}
	for p := 10; ; {
		if p+4 > len(d) {
			return errors.New("composite glyph cut short")
		}
		flags := binary.BigEndian.Uint16(d[p:])
		if err := fn(p + 2); err != nil {
			return err
		}
		p += 4 + 2
		if flags&argWords != 0 {
			p += 2
		}
		switch {
		case flags&hasScale != 0:
			p += 2
		case flags&hasXYScale != 0:
			p += 4
		case flags&hasTwoByTwo != 0:
			p += 8
		}
		if flags&moreParts == 0 {
			return nil
		}
	}
}

// keep marks glyph gid and the glyphs it is built from, at any depth,
// with a 1 in keep.
func (g *glyphs) keep(gid int, keep []uint16) error {
	var walk func(gid, depth int) error
	walk = func(gid, depth int) error {
		keep[gid] = 1
		if depth > maxNestLevel {
			return errors.New("composite glyphs nested too deep")
		}
		d, err := g.data(gid)
		if err != nil {
			return err
		}
		return eachComponent(d, func(at int) error {
			c := int(binary.BigEndian.Uint16(d[at:]))
			if c >= len(keep) {
				return fmt.Errorf("composite glyph %d refers to glyph %d, which does not exist", gid, c)
			}
			if keep[c] != 0 {
				return nil // walked already, or a loop
			}
			return walk(c, depth+1)
		})
	}
	return walk(gid, 0)
}

// outlines is the glyf table of a subset before it is written: the kept
// glyphs' outlines in their new order, copied once, straight into the
// assembled font (assembleWith), not first into a table of their own.
type outlines struct {
	parts [][]byte
	newID []uint16 // the new glyph of each old one, for the components
	size  int      // the table's length, each outline padded to four bytes
}

// cut returns the kept glyphs' outlines and the new (long) loca table.
func (g *glyphs) cut(old []int, newID []uint16) (*outlines, []byte, error) {
	o := &outlines{parts: make([][]byte, len(old)), newID: newID}
	loca := make([]byte, 4*(len(old)+1))
	for i, gid := range old {
		d, err := g.data(gid)
		if err != nil {
			return nil, nil, err
		}
		binary.BigEndian.PutUint32(loca[4*i:], uint32(o.size))
		o.parts[i] = d
		o.size += (len(d) + 3) &^ 3
	}
	binary.BigEndian.PutUint32(loca[4*len(old):], uint32(o.size))
	return o, loca, nil
}

// write copies the outlines into dst (o.size bytes of zeros), renumbering the
// components of composite glyphs. Their components were read already
// when the glyphs were kept (keep), with the same checks, so reading them
// again cannot fail.
func (o *outlines) write(dst []byte) {
	at := 0
	for _, part := range o.parts {
		d := dst[at : at+len(part)]
		copy(d, part)
		eachComponent(d, func(c int) error {
			binary.BigEndian.PutUint16(d[c:], o.newID[binary.BigEndian.Uint16(d[c:])])
			return nil
		})
		at += (len(part) + 3) &^ 3 // the padding: dst is zero there
	}
}

// metrics returns a hmtx table with a full entry (advance, left side
// bearing) for each kept glyph, read as Face reads them.
func metrics(hmtx []byte, nh int, old []int) []byte {
	out := make([]byte, 4*len(old))
	for i, gid := range old {
		if gid < nh {
			copy(out[4*i:], hmtx[4*gid:4*gid+4])
		} else {
			copy(out[4*i:], hmtx[4*(nh-1):4*(nh-1)+2])
			copy(out[4*i+2:], hmtx[4*nh+2*(gid-nh):4*nh+2*(gid-nh)+2])
		}
	}
	return out
}

// cmapFor builds a cmap with one Unicode (3,1) subtable of format 4
// mapping codes (sorted), whose old glyphs are gids, to the new glyphs:
// one segment per run of consecutive code points with consecutive glyphs,
// each with a delta.
func cmapFor(codes []rune, gids []int, newID []uint16) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for i, c := range codes {
		g := newID[gids[i]]
		if k := len(segs) - 1; k >= 0 && int(segs[k].end)+1 == int(c) && segs[k].delta == g-uint16(c) {
			segs[k].end++
			continue
		}
		segs = append(segs, seg{uint16(c), uint16(c), g - uint16(c)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1}) // the required last segment
	n := len(segs)
	search, selector := 1, 0
	for search*2 <= n {
		search, selector = search*2, selector+1
	}
	length := 16 + 8*n
	b := make([]byte, 12+length)
	put := func(p int, v uint16) { binary.BigEndian.PutUint16(b[p:], v) }
	put(2, 1)                             // one subtable
	put(4, 3)                             // Windows
	put(6, 1)                             // Unicode BMP
	binary.BigEndian.PutUint32(b[8:], 12) // at offset 12
	sub := 12
	put(sub, 4)
	put(sub+2, uint16(length))
	put(sub+6, uint16(2*n))
	put(sub+8, uint16(2*search))
	put(sub+10, uint16(selector))
	put(sub+12, uint16(2*n-2*search))
	for i, s := range segs {
		put(sub+14+2*i, s.end)
		put(sub+16+2*n+2*i, s.start)
		put(sub+16+4*n+2*i, s.delta)
		// idRangeOffset stays 0: glyphs come from the delta.
	}
	return b
}

// patch16 returns a copy of table with the 16-bit value at p set to v.
func patch16(table []byte, p int, v uint16) []byte {
	out := slices.Clone(table)
	binary.BigEndian.PutUint16(out[p:], v)
	return out
}

// assemble writes a TrueType file from its tables, in tag order, each
// padded to four bytes, with checksums and head's checkSumAdjustment.
func assemble(t map[string][]byte) []byte { return assembleWith(t, nil) }

// assembleWith is assemble with the glyf table written in place from its
// outlines, when glyf is not nil.
func assembleWith(t map[string][]byte, glyf *outlines) []byte {
	length := func(name string) int {
		if name == "glyf" && glyf != nil {
			return glyf.size
		}
		return len(t[name])
	}
	names := make([]string, 0, len(t)+1)
	for name := range t {
		names = append(names, name)
	}
	if glyf != nil {
		names = append(names, "glyf")
	}
	size := 12 + 16*len(names)
	for _, name := range names {
		size += (length(name) + 3) &^ 3
	}
	slices.Sort(names)
	search, selector := 1, 0
	for search*2 <= len(names) {
		search, selector = search*2, selector+1
	}
	b := make([]byte, 12+16*len(names), size)
	binary.BigEndian.PutUint32(b, 0x00010000)
	binary.BigEndian.PutUint16(b[4:], uint16(len(names)))
	binary.BigEndian.PutUint16(b[6:], uint16(16*search))
	binary.BigEndian.PutUint16(b[8:], uint16(selector))
	binary.BigEndian.PutUint16(b[10:], uint16(16*len(names)-16*search))
	headAt := 0
	var tablesSum uint32
	for i, name := range names {
		at, n := len(b), length(name)
		// b's room beyond its length is zero (make), so the padding
		// after each table is there already.
		b = b[:at+(n+3)&^3]
		if name == "glyf" && glyf != nil {
			glyf.write(b[at:])
		} else {
			copy(b[at:], t[name])
		}
		sum := checksum(b[at : at+n])
		tablesSum += sum
		rec := b[12+16*i:]
		copy(rec, name)
		binary.BigEndian.PutUint32(rec[4:], sum)
		binary.BigEndian.PutUint32(rec[8:], uint32(at))
		binary.BigEndian.PutUint32(rec[12:], uint32(n))
		if name == "head" {
			headAt = at
		}
	}
	// The whole file's checksum is the directory's plus the tables' (each
	// starts on a word and is padded with zeros), without a second pass.
	whole := checksum(b[:12+16*len(names)]) + tablesSum
	binary.BigEndian.PutUint32(b[headAt+8:], 0xB1B0AFBA-whole)
	return b
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 8 { // two words at a time
		w := binary.BigEndian.Uint64(b)
		sum += uint32(w>>32) + uint32(w)
		b = b[8:]
	}
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}
