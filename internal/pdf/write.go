// Package pdf paints laid-out pages into a PDF: the only package of vanban
// that writes PDF bytes. It is a small object writer of its own (PDF 1.4,
// ISO 32000-1 for the details cited): each page's content stream is
// painted and compressed as soon as it is done (a long document's odd pages
// on another core, see helpWithOddPages), and each style the pages
// use is embedded once as a TrueType subset (internal/font) addressed by
// glyph number (Identity-H, with a ToUnicode map so that text can be
// searched and copied). The output is byte-for-byte deterministic: the
// dates come from the document, never the clock, and nothing depends on
// map order or addresses.
package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/bits"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/deflate"
	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/layout"
)

// Meta is the document information written into the PDF.
type Meta struct {
	Title, Author, Subject, Keywords string
	// Date is used for the creation and modification dates, so the same
	// input always gives the same bytes.
	Date time.Time
}

// Producer names the program in the PDF's metadata.
const Producer = "vanban"

// k converts millimetres, the layout's unit, to points, PDF's.
const k = 72 / 25.4

// The A4 sheet in points, as PDF writers usually round it; a page of the
// layout within 0.01 mm of it gets exactly this MediaBox.
const a4W, a4H = 595.28, 841.89

// Object numbers fixed in every file; fonts and pages follow.
const (
	catalogObj = 1 + iota
	pagesObj
	resourcesObj
	infoObj
	firstFreeObj
)

// objectsPerFont: Type0 font, CIDFont, descriptor, font program,
// ToUnicode map.
const objectsPerFont = 5

// Write paints the pages with the fonts and writes the PDF to w.
func Write(w io.Writer, pages []layout.Page, f *font.Family, meta Meta) error {
	return WriteChars(w, pages, CharsOf(pages), f, meta)
}

// WriteChars is Write for pages whose characters were found already
// (CharsOf), by a caller that checked them against the fonts.
func WriteChars(w io.Writer, pages []layout.Page, chars Chars, f *font.Family, meta Meta) error {
	d := getDoc(w)
	defer putDoc(d)
	used := chars.Runes
	next := firstFreeObj
	for _, s := range layout.Styles {
		if used[s] == nil {
			continue
		}
		form, err := d.embed(f.Face(s), used[s])
		if err != nil {
			return fmt.Errorf("cannot embed the font %s %s: %w", f.Name, s, err)
		}
		d.fonts[s] = newEmbedded(f.Face(s), used[s], form, next, &d.glyphs[s])
		next += objectsPerFont
	}
	d.xref = append(d.xref[:0], make([]int, next+2*len(pages))...)
	d.raw("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	kids := make([]int, len(pages))
	for i := range pages {
		kids[i] = next + 2*i
	}
	if err := d.pages(pages, kids); err != nil {
		return err
	}
	for _, e := range d.fonts {
		if e != nil {
			d.font(e)
		}
	}
	d.resources()
	d.pageTree(kids)
	d.info(meta)
	d.begin(catalogObj)
	d.raw("<< /Type /Catalog /Pages 2 0 R /Lang (vi-VN) >>")
	d.end()
	d.trailer()
	return d.flush()
}

// Chars are the characters pages draw, by style: what each style's font
// subset must hold. A caller that checks them against the fonts before
// writing (app) finds them once for both (CharsOf, WriteChars): a long
// document has hundreds of thousands.
type Chars struct {
	// Runes holds each style's characters, sorted; nil for a style no
	// text uses, empty for one only empty texts use.
	Runes [4][]rune
	// Beyond reports a character beyond the BMP, which no subset holds
	// (it is drawn as glyph 0).
	Beyond bool
}

// charSets are the bit sets CharsOf fills, a bit per BMP character for
// each style, kept for the next documents.
var charSets = sync.Pool{New: func() any { return new(styleSets) }}

// styleSets are the four styles' sets of characters; a set is cleared
// before it is used again, not when new: a Vietnamese text sets bits in
// the first of its two pages only, and a new set's pages are untouched.
type styleSets struct {
	sets [4][1 << 16 / 64]uint64
	used [4]bool // since the set was last cleared
}

// CharsOf returns the characters the pages draw.
func CharsOf(pages []layout.Page) Chars {
	sets := charSets.Get().(*styleSets)
	defer charSets.Put(sets)
	var seen [4]*[1 << 16 / 64]uint64 // the sets of the styles used
	var c Chars
	for _, p := range pages {
		for _, t := range p.Texts {
			set := seen[t.Font.Style]
			if set == nil {
				set = &sets.sets[t.Font.Style]
				if sets.used[t.Font.Style] {
					clear(set[:])
				}
				sets.used[t.Font.Style] = true
				seen[t.Font.Style] = set
			}
			for i := 0; i < len(t.S); {
				// Vietnamese letters decoded in place (see nextRune).
				var r rune
				switch b := t.S[i]; {
				case b < utf8.RuneSelf:
					r, i = rune(b), i+1
				case 0xC2 <= b && b <= 0xDF && i+1 < len(t.S) && t.S[i+1]&0xC0 == 0x80:
					r, i = rune(b&0x1F)<<6|rune(t.S[i+1]&0x3F), i+2
				case 0xE1 <= b && b <= 0xEC && i+2 < len(t.S) && t.S[i+1]&0xC0 == 0x80 && t.S[i+2]&0xC0 == 0x80:
					r, i = rune(b&0x0F)<<12|rune(t.S[i+1]&0x3F)<<6|rune(t.S[i+2]&0x3F), i+3
				default:
					r, i = nextRune(t.S, i)
				}
				// Unsigned, the bit's word and place are a shift and a
				// mask: a rune is signed, and its r/64 and r%64 are not.
				if u := uint32(r); u < 1<<16 {
					set[u>>6] |= 1 << (u & 63)
				} else {
					c.Beyond = true
				}
			}
		}
	}
	for s, set := range seen {
		if set == nil {
			continue
		}
		c.Runes[s] = []rune{} // used, even if only by empty texts
		for i, w := range set {
			for ; w != 0; w &= w - 1 {
				c.Runes[s] = append(c.Runes[s], rune(i*64+bits.TrailingZeros64(w)))
			}
		}
	}
	return c
}

// embedded is a style of the family as the document embeds it.
type embedded struct {
	face  *font.Face
	runes []rune // sorted
	form  *fontForm
	obj   int // number of the Type0 font object; the others follow
	// low is the glyph of every character below tableRunes, 0 where the
	// subset has none (as glyph returns): a page's letters are looked up
	// there, the rest by search.
	low *glyphTable
}

// tableRunes is where a glyph table ends: it holds Latin and its
// extensions up to Latin Extended Additional (U+1E00-U+1EFF), which has
// Vietnamese's letters with two marks.
const tableRunes = 0x1F00

type glyphTable [tableRunes]uint16

// newEmbedded returns the font of a style with its subset's form, filling
// low (a table of the writer's, all zeros, reused by the next document).
func newEmbedded(face *font.Face, runes []rune, form *fontForm, obj int, low *glyphTable) *embedded {
	for i, r := range runes {
		if r < tableRunes {
			low[r] = form.glyphs[i]
		}
	}
	return &embedded{face: face, runes: runes, form: form, obj: obj, low: low}
}

// forget sets back to zero the entries of low that newEmbedded set. A
// table is 16 kB, of which a Vietnamese text uses two pages (Latin and
// Latin Extended Additional): clearing it whole touched the other two in
// every new writer, for nothing.
func (e *embedded) forget() {
	for _, r := range e.runes {
		if r < tableRunes {
			e.low[r] = 0
		}
	}
}

// glyph returns the subset's glyph for r (0, .notdef, if the style lacks
// it).
func (e *embedded) glyph(r rune) uint16 {
	if 0 <= r && r < tableRunes {
		return e.low[r]
	}
	return e.search(r)
}

// search is glyph for any character.
func (e *embedded) search(r rune) uint16 {
	// A binary search in a hundred runes costs less than a map.
	lo, hi := 0, len(e.runes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if e.runes[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(e.runes) && e.runes[lo] == r {
		return e.form.glyphs[lo]
	}
	return 0
}

// doc is one PDF being written. Its buffers are reused from document to
// document (getDoc, putDoc).
type doc struct {
	w       io.Writer
	buf     []byte // output not yet written to w
	written int    // bytes already written to w
	err     error
	xref    []int // offset of each object, by number
	fonts   [4]*embedded
	content []byte           // the page being painted
	z       []byte           // compressed stream
	zw      *deflate.Encoder // reused for every stream
	glyphs  [4]glyphTable    // the fonts' glyph tables (embedded.low), zero between documents
	helper  *doc             // paints and compresses a long document's odd pages
}

// docs keeps the writers of finished documents for the next ones: their
// buffers and the compressor's 64 kB table are then already in memory. A
// sync.Pool would drop them at every garbage collection; this list keeps a
// few, enough for the workers of a batch, and never more.
var docs = make(chan *doc, 8)

func getDoc(w io.Writer) *doc {
	var d *doc
	select {
	case d = <-docs:
	default:
		// Output is written out once it passes 64 kB; the room beyond
		// that takes the object that passes it, and the whole of a short
		// document (the seed's 68 kB), without growing the buffer.
		d = &doc{zw: deflate.NewEncoder(), buf: make([]byte, 0, 128<<10), content: make([]byte, 0, contentRoom)}
	}
	d.w, d.written, d.err = w, 0, nil
	return d
}

// contentRoom is a new writer's room for a page's content stream: a full
// page of text is 15-20 kB. Grown by append, the stream was copied four
// or five times into fresh buffers, each cleared to its end, where a
// buffer of this size is touched only as far as the page goes.
const contentRoom = 32 << 10

func putDoc(d *doc) {
	for _, e := range d.fonts {
		if e != nil {
			e.forget()
		}
	}
	d.w, d.fonts = nil, [4]*embedded{}
	if cap(d.buf) > 1<<20 || cap(d.content) > 1<<20 || cap(d.z) > 1<<20 {
		return // a huge document's buffers are not kept
	}
	d.buf, d.content, d.z = d.buf[:0], d.content[:0], d.z[:0]
	if h := d.helper; h != nil && (cap(h.content) > 1<<20 || cap(h.z) > 1<<20) {
		d.helper = nil
	}
	select {
	case docs <- d:
	default:
	}
}

// flushIfFull writes the output so far once it passes 64 kB: a long
// document is not held in memory whole.
func (d *doc) flushIfFull() error {
	if len(d.buf) < 64<<10 {
		return d.err
	}
	return d.flush()
}

func (d *doc) flush() error {
	if d.err == nil && len(d.buf) > 0 {
		_, d.err = d.w.Write(d.buf)
		d.written += len(d.buf)
		d.buf = d.buf[:0]
	}
	return d.err
}

func (d *doc) raw(s string)  { d.buf = append(d.buf, s...) }
func (d *doc) rawb(b []byte) { d.buf = append(d.buf, b...) }
func (d *doc) int(n int)     { d.buf = strconv.AppendInt(d.buf, int64(n), 10) }
func (d *doc) ref(obj int)   { d.int(obj); d.raw(" 0 R") }
func (d *doc) begin(obj int) { d.xref[obj] = d.written + len(d.buf); d.int(obj); d.raw(" 0 obj\n") }
func (d *doc) end()          { d.raw("\nendobj\n") }
func (d *doc) num(x float64) { d.buf = appendNum(d.buf, x) }
func (d *doc) space()        { d.buf = append(d.buf, ' ') }

// compress deflates data (zlib format, as /FlateDecode reads it) into a
// buffer reused by the next call. internal/deflate writes the bytes
// compress/zlib writes at BestSpeed, which every PDF vanban wrote has.
func (d *doc) compress(data []byte) []byte {
	d.z = d.zw.AppendZlib(d.z[:0], data)
	return d.z
}

// compressed writes a stream object of data compressed already.
func (d *doc) compressed(obj int, z []byte, extra string) {
	d.begin(obj)
	d.raw("<< /Length ")
	d.int(len(z))
	d.raw(" /Filter /FlateDecode")
	d.raw(extra)
	d.raw(" >>\nstream\n")
	d.rawb(z)
	d.raw("\nendstream")
	d.end()
}

// appendNum writes x with two decimals, as PDF writers usually round
// coordinates (a hundredth of a point is 3.5 µm), exactly as
// strconv.AppendFloat(b, x, 'f', 2, 64) writes it, in a fifth of the time:
// a page has thousands of numbers.
func appendNum(b []byte, x float64) []byte {
	v := math.Abs(x) * 100
	r := math.Round(v)
	// Far from a half, the error of the product (below 1e-9 for any page
	// coordinate) cannot change how x rounds; near one, strconv decides.
	if v >= 1e9 || math.Abs(v-r) > 0.49 {
		return strconv.AppendFloat(b, x, 'f', 2, 64)
	}
	if math.Signbit(x) {
		b = append(b, '-')
	}
	n := int64(r)
	b = appendWhole(b, n/100)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// appendWhole writes n ≥ 0 as strconv.AppendInt does, the numbers below
// 1000 (every coordinate of an A4 page, in points) without its general
// path.
func appendWhole(b []byte, n int64) []byte {
	switch {
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case n < 1000:
		return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	}
	return strconv.AppendInt(b, n, 10)
}

// pageSize returns a page's size in millimetres for the coordinates, and
// its MediaBox in points when it is not A4 portrait (the page tree's).
func pageSize(pg *layout.Page) (h float64, box string) {
	isA4 := func(w, h float64) bool { return math.Abs(w-a4W/k) < 0.01 && math.Abs(h-a4H/k) < 0.01 }
	switch w := pg.W; {
	case w <= 0 || pg.H <= 0 || isA4(w, pg.H):
		return a4H / k, ""
	case isA4(pg.H, w):
		return a4W / k, "[0 0 " + strconv.FormatFloat(a4H, 'f', 2, 64) + " " + strconv.FormatFloat(a4W, 'f', 2, 64) + "]"
	default:
		return pg.H, "[0 0 " + string(appendNum(nil, w*k)) + " " + string(appendNum(nil, pg.H*k)) + "]"
	}
}

// pages writes the pages, each as a page object (kids[i]) and its content
// stream (kids[i]+1), in order.
func (d *doc) pages(pages []layout.Page, kids []int) error {
	stream := func(i int) []byte { return d.compress(d.paint(&pages[i])) }
	if len(pages) >= helpedPages {
		// Without a spare core (the others busy with other documents)
		// the pages are written alone.
		if cores.TryTake() {
			odd, stop := d.helpWithOddPages(pages)
			defer func() { stop(); cores.Give() }()
			own := stream
			stream = func(i int) []byte {
				if i%2 == 1 {
					h := <-odd
					if h.panicked != nil {
						panic(h.panicked) // as if this goroutine had painted the page
					}
					return h.z
				}
				return own(i)
			}
		}
	}
	for i := range pages {
		d.pageObject(&pages[i], kids[i])
		d.compressed(kids[i]+1, stream(i), "")
		if err := d.flushIfFull(); err != nil {
			return err
		}
	}
	return nil
}

// helpedPages is the number of pages from which a document's odd pages are
// painted and compressed on another core while this one does the even
// ones: below it, starting a goroutine costs more than it saves.
const helpedPages = 8

// oddPage is an odd page's stream from the helper, or the value of the
// panic that stopped it.
type oddPage struct {
	z        []byte
	panicked any
}

// helpWithOddPages paints and compresses the odd pages on a goroutine of
// their own, handing over their streams in order on odd. The bytes are the
// same: each page's stream is compressed on its own. A panic on the helper
// is handed over in the place of its page, for the document's goroutine to
// panic with, where the caller recovers it (a panic on a goroutine of its
// own would end the process). stop ends the goroutine (also when the
// document stopped half way) and waits for it.
func (d *doc) helpWithOddPages(pages []layout.Page) (odd <-chan oddPage, stop func()) {
	if d.helper == nil {
		d.helper = &doc{zw: deflate.NewEncoder(), content: make([]byte, 0, contentRoom)}
	}
	h := d.helper
	h.fonts = d.fonts
	out := make(chan oddPage, 1)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				select {
				case out <- oddPage{panicked: r}:
				case <-done:
				}
			}
		}()
		for i := 1; i < len(pages); i += 2 {
			if paintHook != nil {
				paintHook(i)
			}
			z := bytes.Clone(h.compress(h.paint(&pages[i])))
			select {
			case out <- oddPage{z: z}:
			case <-done:
				return
			}
		}
	}()
	return out, func() {
		close(done)
		wg.Wait()
		h.fonts = [4]*embedded{}
	}
}

// paintHook, when set (by tests), is called by the helper before it
// paints page i.
var paintHook func(i int)

// pageObject writes a page's object; its content stream is object obj+1.
func (d *doc) pageObject(pg *layout.Page, obj int) {
	_, box := pageSize(pg)
	d.begin(obj)
	d.raw("<< /Type /Page /Parent 2 0 R /Resources 3 0 R /Contents ")
	d.ref(obj + 1)
	if box != "" {
		d.raw(" /MediaBox ")
		d.raw(box)
	}
	d.raw(" >>")
	d.end()
}

// paint returns a page's content stream, in a buffer reused by the next
// call.
func (d *doc) paint(pg *layout.Page) []byte {
	h, _ := pageSize(pg)
	p := painter{b: d.content[:0], h: h, fonts: &d.fonts, width: -1, style: -1}
	for _, r := range pg.Rules {
		p.stroke(r.Color, r.Width)
		p.b = p.xy(p.b, r.X1, r.Y1)
		p.b = append(p.b, " m "...)
		p.b = p.xy(p.b, r.X2, r.Y2)
		p.b = append(p.b, " l S\n"...)
	}
	for _, bx := range pg.Boxes {
		p.stroke(bx.Color, bx.Width)
		p.b = p.xy(p.b, bx.X, bx.Y)
		p.b = append(p.b, ' ')
		p.b = appendNum(p.b, bx.W*k)
		p.b = append(p.b, ' ')
		p.b = appendNum(p.b, -bx.H*k)
		p.b = append(p.b, " re S\n"...)
	}
	for i := range pg.Texts {
		p.text(&pg.Texts[i])
	}
	d.content = p.b
	return p.b
}

// painter writes one page's content stream, setting colours, line widths
// and fonts only when they change. PDF's defaults are black for stroking
// and filling.
type painter struct {
	b       []byte
	h       float64 // page height in mm: y runs down in the layout, up in PDF
	fonts   *[4]*embedded
	stroked layout.Color
	filled  layout.Color
	width   float64
	style   int
	size    float64
}

// xy writes a point of the layout (mm from the top left) in PDF
// coordinates.
func (p *painter) xy(b []byte, x, y float64) []byte {
	b = appendNum(b, x*k)
	b = append(b, ' ')
	return appendNum(b, (p.h-y)*k)
}

func (p *painter) stroke(c layout.Color, w float64) {
	if c != p.stroked {
		p.b = appendColor(p.b, c, "G\n", "RG\n")
		p.stroked = c
	}
	if w != p.width {
		p.b = appendNum(p.b, w*k)
		p.b = append(p.b, " w\n"...)
		p.width = w
	}
}

// appendColor writes an RGB colour, as a grey when it is one.
func appendColor(b []byte, c layout.Color, grey, rgb string) []byte {
	comp := func(b []byte, v uint8) []byte { return strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64) }
	if c.R == c.G && c.G == c.B {
		b = comp(b, c.R)
		b = append(b, ' ')
		return append(b, grey...)
	}
	b = comp(b, c.R)
	b = append(b, ' ')
	b = comp(b, c.G)
	b = append(b, ' ')
	b = comp(b, c.B)
	b = append(b, ' ')
	return append(b, rgb...)
}

// text writes a text at its baseline origin, its characters as the
// subset's glyph numbers (two bytes each).
func (p *painter) text(t *layout.Text) {
	if t.Color != p.filled {
		p.b = appendColor(p.b, t.Color, "g\n", "rg\n")
		p.filled = t.Color
	}
	p.b = append(p.b, "BT "...)
	if int(t.Font.Style) != p.style || t.Font.Size != p.size {
		p.b = append(p.b, "/F"...)
		p.b = strconv.AppendInt(p.b, int64(t.Font.Style)+1, 10)
		p.b = append(p.b, ' ')
		p.b = appendNum(p.b, t.Font.Size)
		p.b = append(p.b, " Tf "...)
		p.style, p.size = int(t.Font.Style), t.Font.Size
	}
	p.b = p.xy(p.b, t.X, t.Y)
	p.b = append(p.b, " Td ("...)
	e := p.fonts[t.Font.Style]
	b := p.b
	for i := 0; i < len(t.S); {
		// Vietnamese letters decoded in place (see nextRune).
		var r rune
		switch c := t.S[i]; {
		case c < utf8.RuneSelf:
			r, i = rune(c), i+1
		case 0xC2 <= c && c <= 0xDF && i+1 < len(t.S) && t.S[i+1]&0xC0 == 0x80:
			r, i = rune(c&0x1F)<<6|rune(t.S[i+1]&0x3F), i+2
		case 0xE1 <= c && c <= 0xEC && i+2 < len(t.S) && t.S[i+1]&0xC0 == 0x80 && t.S[i+2]&0xC0 == 0x80:
			r, i = rune(c&0x0F)<<12|rune(t.S[i+1]&0x3F)<<6|rune(t.S[i+2]&0x3F), i+3
		default:
			r, i = nextRune(t.S, i)
		}
		g := e.glyph(r)
		hi, lo := byte(g>>8), byte(g)
		if escaped[hi] || escaped[lo] {
			b = appendEscaped(appendEscaped(b, hi), lo)
			continue
		}
		b = append(b, hi, lo) // most glyphs: one append, no switch
	}
	p.b = append(b, ") Tj ET\n"...)
}

// nextRune returns the character at s[i] and the index after it, as
// ranging over s gives them. CharsOf and the painter read every character
// of every page, a third of them Vietnamese letters of two bytes (ă, đ,
// ơ, ư) or three (ạ, ế, ữ): they decode those in place, where a call per
// letter (the runtime's, for a range loop, or this one) cost as much
// again, and leave the rest to this. Their fast cases take only valid
// sequences: C2-DF and a continuation byte, E1-EC and two (E0 and ED
// limit their second byte; utf8 checks them).
func nextRune(s string, i int) (rune, int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	return r, i + n
}

// escaped tells the bytes appendEscaped escapes.
var escaped = [256]bool{'(': true, ')': true, '\\': true, '\r': true}

// appendEscaped writes a byte of a literal string (ISO 32000-1 §7.3.4.2):
// parentheses and backslashes escaped, and a carriage return, which a
// reader would take for a line end.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// font writes a style's five objects: a Type0 font of a CIDFontType2
// descendant with glyph numbers as CIDs (ISO 32000-1 §9.7), its
// descriptor, the subset's program, and the map from glyphs to text.
func (d *doc) font(e *embedded) {
	desc, form := e.face.Descriptor(), e.form
	d.begin(e.obj)
	d.raw("<< /Type /Font /Subtype /Type0 /BaseFont /")
	d.raw(form.name)
	d.raw(" /Encoding /Identity-H /DescendantFonts [")
	d.ref(e.obj + 1)
	d.raw("] /ToUnicode ")
	d.ref(e.obj + 4)
	d.raw(" >>")
	d.end()

	d.begin(e.obj + 1)
	d.raw("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /")
	d.raw(form.name)
	d.raw(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
	d.ref(e.obj + 2)
	d.raw(" /CIDToGIDMap /Identity /DW ")
	d.int(e.face.MissingWidth())
	d.raw(" /W [0 [")
	d.rawb(form.widths)
	d.raw("]] >>")
	d.end()

	d.begin(e.obj + 2)
	d.raw("<< /Type /FontDescriptor /FontName /")
	d.raw(form.name)
	d.raw(" /Flags ")
	d.int(desc.Flags)
	d.raw(" /FontBBox [")
	for i, v := range desc.BBox {
		if i > 0 {
			d.space()
		}
		d.int(v)
	}
	d.raw("] /ItalicAngle ")
	d.int(desc.ItalicAngle)
	d.raw(" /Ascent ")
	d.int(desc.Ascent)
	d.raw(" /Descent ")
	d.int(desc.Descent)
	d.raw(" /CapHeight ")
	d.int(desc.CapHeight)
	d.raw(" /StemV ")
	d.int(desc.StemV)
	d.raw(" /MissingWidth ")
	d.int(e.face.MissingWidth())
	d.raw(" /FontFile2 ")
	d.ref(e.obj + 3)
	d.raw(" >>")
	d.end()

	d.compressed(e.obj+3, form.program, " /Length1 "+strconv.Itoa(form.programLen))
	d.compressed(e.obj+4, form.toUnicode, "")
}

// toUnicode returns the CMap that maps each glyph of the subset back to
// its character (ISO 32000-1 §9.10.3), so that text is extracted,
// searched and copied as written.
func toUnicode(b []byte, runes []rune, glyphs []uint16) []byte {
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	// Each glyph once, for the first character drawn with it.
	var pairs [][2]int
	seen := make(map[uint16]bool, len(runes))
	for i, r := range runes {
		g := glyphs[i]
		if g == 0 || seen[g] {
			continue
		}
		seen[g] = true
		pairs = append(pairs, [2]int{int(g), int(r)})
	}
	for len(pairs) > 0 {
		n := min(len(pairs), 100) // at most 100 entries per block
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfchar\n"...)
		for _, p := range pairs[:n] {
			b = appendHex4(append(b, '<'), p[0])
			b = append(b, "> <"...)
			for _, u := range utf16.Encode([]rune{rune(p[1])}) {
				b = appendHex4(b, int(u))
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
		pairs = pairs[n:]
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"...)
}

func appendHex4(b []byte, v int) []byte {
	const hex = "0123456789ABCDEF"
	return append(b, hex[v>>12&15], hex[v>>8&15], hex[v>>4&15], hex[v&15])
}

func (d *doc) resources() {
	d.begin(resourcesObj)
	d.raw("<< /Font <<")
	for s, e := range d.fonts {
		if e != nil {
			d.raw(" /F")
			d.int(s + 1)
			d.space()
			d.ref(e.obj)
		}
	}
	d.raw(" >> >>")
	d.end()
}

func (d *doc) pageTree(kids []int) {
	d.begin(pagesObj)
	d.raw("<< /Type /Pages /Kids [")
	for i, obj := range kids {
		if i > 0 {
			d.space()
		}
		d.ref(obj)
	}
	d.raw("] /Count ")
	d.int(len(kids))
	d.raw(" /MediaBox [0 0 595.28 841.89] >>")
	d.end()
}

func (d *doc) info(m Meta) {
	date := "(D:" + m.Date.Format("20060102150405") + ")"
	d.begin(infoObj)
	d.raw("<<")
	for _, e := range []struct{ key, value string }{
		{"Title", m.Title}, {"Author", m.Author}, {"Subject", m.Subject},
		{"Keywords", m.Keywords}, {"Creator", Producer}, {"Producer", Producer},
	} {
		if e.value == "" {
			continue
		}
		d.raw(" /")
		d.raw(e.key)
		d.raw(" (")
		d.textString(e.value)
		d.raw(")")
	}
	d.raw(" /CreationDate ")
	d.raw(date)
	d.raw(" /ModDate ")
	d.raw(date)
	d.raw(" >>")
	d.end()
}

// textString writes s as a PDF text string: UTF-16BE with its byte order
// mark (ISO 32000-1 §7.9.2.2), escaped for a literal string.
func (d *doc) textString(s string) {
	d.buf = append(d.buf, 0xFE, 0xFF)
	for _, u := range utf16.Encode([]rune(s)) {
		d.buf = appendEscaped(d.buf, byte(u>>8))
		d.buf = appendEscaped(d.buf, byte(u))
	}
}

func (d *doc) trailer() {
	at := d.written + len(d.buf)
	d.raw("xref\n0 ")
	d.int(len(d.xref))
	d.raw("\n0000000000 65535 f \n")
	for _, off := range d.xref[1:] {
		var entry = [20]byte{9: '0', 10: ' ', 11: '0', 12: '0', 13: '0', 14: '0', 15: '0', 16: ' ', 17: 'n', 18: ' ', 19: '\n'}
		for i := 9; i >= 0; i-- {
			entry[i] = byte('0' + off%10)
			off /= 10
		}
		d.buf = append(d.buf, entry[:]...)
	}
	d.raw("trailer\n<< /Size ")
	d.int(len(d.xref))
	d.raw(" /Root 1 0 R /Info 4 0 R >>\nstartxref\n")
	d.int(at)
	d.raw("\n%%EOF\n")
}

// subsetTag returns the six capital letters that begin the name of an
// embedded subset (ISO 32000-1 §9.6.4), so that no reader takes it for
// the whole font or merges two subsets of it. It is a hash of the font's
// name and the characters in the subset: the same for the same document,
// different for different subsets.
func subsetTag(name string, runes []rune) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	var b [4]byte
	for _, r := range runes {
		binary.BigEndian.PutUint32(b[:], uint32(r))
		h.Write(b[:])
	}
	sum := h.Sum64()
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return string(tag[:])
}

// fontForm is a subset in the form the PDF embeds it: everything of the
// five font objects that depends on the characters drawn. Forms are kept
// for the next documents (fontForms): a batch or a server renders the
// same characters again and again, and compressing the font program is
// the largest single cost of a document.
type fontForm struct {
	name       string   // BaseFont: subset tag + PostScript name
	glyphs     []uint16 // glyph of each character, as in embedded.runes
	widths     []byte   // the /W array's inner list, "w0 w1 …"
	program    []byte   // the font program, compressed
	programLen int      // its length before compression (/Length1)
	toUnicode  []byte   // the ToUnicode CMap, compressed
}

// maxFontForms bounds the forms kept: about 25 kB each.
const maxFontForms = 64

var fontForms = struct {
	sync.Mutex
	forms map[formKey]*fontForm
	order []formKey // oldest first
}{forms: map[formKey]*fontForm{}}

type formKey struct {
	face  *font.Face
	runes string // the characters, as UTF-8
}

// embed returns the form of face cut to runes, from fontForms or made and
// kept there.
func (d *doc) embed(face *font.Face, runes []rune) (*fontForm, error) {
	key := formKey{face, string(runes)}
	fontForms.Lock()
	form := fontForms.forms[key]
	fontForms.Unlock()
	if form != nil {
		return form, nil
	}
	sub, err := face.Subset(runes)
	if err != nil {
		return nil, err
	}
	name := face.Descriptor().PostScriptName
	form = &fontForm{name: subsetTag(name, runes) + "+" + name, glyphs: sub.Glyphs, programLen: len(sub.Data)}
	var w []byte
	for i, v := range sub.Widths {
		if i > 0 {
			w = append(w, ' ')
		}
		w = strconv.AppendInt(w, int64(v), 10)
	}
	form.widths = w
	form.program = bytes.Clone(d.compress(sub.Data))
	form.toUnicode = bytes.Clone(d.compress(toUnicode(d.content[:0], runes, sub.Glyphs)))
	fontForms.Lock()
	if _, ok := fontForms.forms[key]; !ok {
		fontForms.forms[key] = form
		fontForms.order = append(fontForms.order, key)
		if len(fontForms.order) > maxFontForms {
			delete(fontForms.forms, fontForms.order[0])
			fontForms.order = fontForms.order[1:]
		}
	}
	fontForms.Unlock()
	return form, nil
}
