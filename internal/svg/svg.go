// Package svg paints laid-out pages as SVG, the second painter beside
// internal/pdf: it reads the same layout.Page values and draws them with
// the same fonts, so the preview in the browser is the page the PDF
// prints.
//
// Text stays text: every piece is an SVG <text> element, selectable and
// found by the browser's search, in a web font that is the very subset
// the PDF embeds (the same glyph outlines, no kerning or ligature tables).
// Each character is placed at the position the PDF gives it (x of every
// glyph from the same advance widths, in thousandths of an em, that the
// PDF's /W arrays carry), so the browser's own text layout (its kerning, its rounding of
// advances to pixels) cannot move a letter.
//
// Coordinates are the layout's: millimetres from the top-left corner, so a
// page's viewBox is its size in millimetres (210 × 297 for A4 portrait)
// and the page keeps its true proportions at any width.
package svg

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/layout"
)

// Fonts is what the painter needs of a font family: the measures the
// layout used (to place each glyph as the PDF does) and the font files,
// cut to the characters drawn, to embed as web fonts. layout.Metrics, a
// font.Family of internal/font, implements it.
type Fonts interface {
	layout.Measurer
	// Subset returns a TrueType file of style s holding the glyphs of
	// runes (sorted).
	Subset(s layout.Style, runes []rune) []byte
}

const ptMM = 25.4 / 72 // millimetres per point

// Pages writes an HTML fragment: a <style> element with the fonts the
// pages use, then one <svg> element per page (class "page", data-page its
// number). It is meant to be placed inside an HTML page, which sizes the
// pages with CSS.
func Pages(w io.Writer, pages []layout.Page, f Fonts) error {
	b := bufio.NewWriterSize(w, 64<<10)
	fam := faces(pages, f)
	b.WriteString("<style>")
	fam.css(b)
	b.WriteString("</style>\n")
	for i := range pages {
		p := &pages[i]
		fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="page" data-page="%d" viewBox="0 0 %s %s" role="img" aria-label="Trang %d">`,
			p.Number, num(p.W), num(p.H), p.Number)
		body(b, p, f, fam)
		b.WriteString("</svg>\n")
	}
	return b.Flush()
}

// Page writes one page as a standalone SVG file, its fonts embedded,
// sized in millimetres.
func Page(w io.Writer, p *layout.Page, f Fonts) error {
	b := bufio.NewWriterSize(w, 64<<10)
	pages := []layout.Page{*p}
	fam := faces(pages, f)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%smm" height="%smm">`,
		num(p.W), num(p.H), num(p.W), num(p.H))
	b.WriteString("<style>")
	fam.css(b)
	b.WriteString("</style>")
	body(b, p, f, fam)
	b.WriteString("</svg>\n")
	return b.Flush()
}

// family is the web font of one style: its CSS family name, derived from
// the subset's bytes so that two different subsets never share a name and
// an unchanged one keeps it from one preview to the next.
type family struct {
	name string
	data []byte
}

type families [4]*family

// faces cuts each style the pages use to the characters drawn in it.
func faces(pages []layout.Page, f Fonts) families {
	var fam families
	for s, runes := range runesUsed(pages) {
		if runes == nil {
			continue
		}
		data := f.Subset(layout.Style(s), runes)
		sum := sha256.Sum256(data)
		fam[s] = &family{name: "vb-" + hex.EncodeToString(sum[:6]), data: data}
	}
	return fam
}

// css writes the @font-face rules and one class per style (s0 regular, s1
// bold, s2 italic, s3 bold italic).
func (fam families) css(b *bufio.Writer) {
	for s, f := range fam {
		if f == nil {
			continue
		}
		fmt.Fprintf(b, `@font-face{font-family:%q;font-display:block;src:url(data:font/ttf;base64,`, f.name)
		enc := base64.NewEncoder(base64.StdEncoding, b)
		enc.Write(f.data)
		enc.Close()
		fmt.Fprintf(b, `) format("truetype")}.s%d{font-family:%q}`, s, f.name)
	}
	b.WriteString("text{white-space:pre;font-kerning:none;font-variant-ligatures:none}line,rect{shape-rendering:crispEdges}")
}

// body draws a page's content: a white sheet, then rules, boxes and texts
// in the order the PDF painter draws them.
func body(b *bufio.Writer, p *layout.Page, f Fonts, fam families) {
	fmt.Fprintf(b, `<rect width="%s" height="%s" fill="#fff"/>`, num(p.W), num(p.H))
	for _, r := range p.Rules {
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`,
			num(r.X1), num(r.Y1), num(r.X2), num(r.Y2), color(r.Color), num(r.Width))
	}
	for _, x := range p.Boxes {
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="%s"/>`,
			num(x.X), num(x.Y), num(x.W), num(x.H), color(x.Color), num(x.Width))
	}
	w := widths{f: f}
	for _, t := range p.Texts {
		if t.S == "" || fam[t.Font.Style] == nil {
			continue
		}
		text(b, t, &w)
	}
}

// text writes one text with the position of each of its characters.
func text(b *bufio.Writer, t layout.Text, w *widths) {
	fmt.Fprintf(b, `<text class="s%d" font-size="%s" y="%s"`, t.Font.Style, num4(t.Font.Size*ptMM), num(t.Y))
	if t.Color != layout.Black {
		fmt.Fprintf(b, ` fill="%s"`, color(t.Color))
	}
	b.WriteString(` x="`)
	x := t.X
	first := true
	for _, r := range t.S {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(num(x))
		x += w.of(r, t.Font)
	}
	b.WriteString(`">`)
	escape(b, t.S)
	b.WriteString("</text>")
}

// widths caches the advance of each character, in millimetres at 1 pt, by
// style.
type widths struct {
	f     Fonts
	cache [4]map[rune]float64
}

func (w *widths) of(r rune, fn layout.Font) float64 {
	m := w.cache[fn.Style]
	if m == nil {
		m = map[rune]float64{}
		w.cache[fn.Style] = m
	}
	a, ok := m[r]
	if !ok {
		a = w.f.Width(string(r), layout.Font{Style: fn.Style, Size: 1})
		m[r] = a
	}
	return a * fn.Size
}

// escape writes s as XML character data. Characters XML cannot hold
// (control characters, which the layout never draws) become U+FFFD one
// for one, so the positions still match.
func escape(b *bufio.Writer, s string) {
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r < 0xE000:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}

// num writes a length in millimetres to a hundredth (a tenth of a pixel on
// a screen at 200 %).
func num(x float64) string { return strconv.FormatFloat(round(x, 100), 'f', -1, 64) }

// num4 writes a font size in millimetres to four decimals.
func num4(x float64) string { return strconv.FormatFloat(round(x, 10000), 'f', -1, 64) }

func round(x, k float64) float64 {
	v := float64(int64(x*k+copysign(0.5, x))) / k
	if v == 0 {
		return 0 // no "-0"
	}
	return v
}

func copysign(a, x float64) float64 {
	if x < 0 {
		return -a
	}
	return a
}

func color(c layout.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// runesUsed returns, for each style, the sorted characters the pages draw
// in it; nil for styles not used.
func runesUsed(pages []layout.Page) [4][]rune {
	var seen [4]map[rune]bool
	for _, p := range pages {
		for _, t := range p.Texts {
			if t.S == "" {
				continue
			}
			if seen[t.Font.Style] == nil {
				seen[t.Font.Style] = map[rune]bool{}
			}
			for _, r := range t.S {
				seen[t.Font.Style][r] = true
			}
		}
	}
	var out [4][]rune
	for s, set := range seen {
		if set == nil {
			continue
		}
		var bmp [1 << 16 / 64]uint64
		for r := range set {
			if r >= 0 && r < 1<<16 {
				bmp[r/64] |= 1 << (r % 64)
			}
		}
		out[s] = []rune{}
		for i, w := range bmp {
			for ; w != 0; w &= w - 1 {
				out[s] = append(out[s], rune(i*64+bits.TrailingZeros64(w)))
			}
		}
	}
	return out
}
