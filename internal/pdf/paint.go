// Package pdf paints laid-out pages into a PDF with fpdf, the only package
// of vanban that uses it (fpdf is a patched copy in internal/fpdf, see its
// PATCHES.md). It embeds the fonts (only the styles a document uses,
// cut down to the characters drawn, see internal/font), writes the
// metadata, and keeps the output byte-for-byte deterministic: sorted
// catalogues and dates taken from the document, never the clock.
package pdf

import (
	"fmt"
	"io"
	"math"
	"math/bits"
	"strings"
	"time"

	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/fpdf"
	"github.com/vanban/vanban/internal/layout"
)

// fpdfStyle names a style as fpdf does.
func fpdfStyle(s layout.Style) string { return [...]string{"", "B", "I", "BI"}[s] }

// Meta is the document information written into the PDF.
type Meta struct {
	Title, Author, Subject, Keywords string
	// Date is used for the creation and modification dates, so the same
	// input always gives the same bytes.
	Date time.Time
}

// Producer names the program in the PDF's metadata.
const Producer = "vanban"

// Write paints the pages with the fonts and writes the PDF to w.
func Write(w io.Writer, pages []layout.Page, f *font.Family, meta Meta) error {
	family := strings.ReplaceAll(f.Name, " ", "") // the name inside the PDF
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	p.SetCreationDate(meta.Date)
	p.SetModificationDate(meta.Date)
	p.SetAutoPageBreak(false, 0)
	p.SetTitle(meta.Title, true)
	p.SetAuthor(meta.Author, true)
	p.SetSubject(meta.Subject, true)
	p.SetKeywords(meta.Keywords, true)
	p.SetCreator(Producer, true)
	p.SetProducer(Producer, true)
	p.SetLang("vi-VN")
	used := runesUsed(pages)
	for _, s := range layout.Styles {
		if used[s] == nil {
			continue
		}
		p.AddUTF8FontFromBytes(family, fpdfStyle(s), f.Subset(s, used[s]))
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("cannot load the fonts: %w", err)
	}
	pt := painter{p: p, family: family, a4: p.GetPageSizeStr("A4")}
	for i := range pages {
		pt.page(&pages[i])
	}
	if err := p.Output(w); err != nil {
		return fmt.Errorf("cannot write the PDF: %w", err)
	}
	return nil
}

// runesUsed returns, for each style, the sorted characters the pages draw
// in it: the characters its font subset needs. Styles not used get none.
func runesUsed(pages []layout.Page) [4][]rune {
	var seen [4]*[1 << 16 / 64]uint64 // a bit per BMP code point
	for _, p := range pages {
		for _, t := range p.Texts {
			set := seen[t.Font.Style]
			if set == nil {
				set = new([1 << 16 / 64]uint64)
				seen[t.Font.Style] = set
			}
			for _, r := range t.S {
				if r < 1<<16 {
					set[r/64] |= 1 << (r % 64)
				}
			}
		}
	}
	var out [4][]rune
	for s, set := range seen {
		if set == nil {
			continue
		}
		out[s] = []rune{} // used, even if only by empty texts
		for i, w := range set {
			for ; w != 0; w &= w - 1 {
				out[s] = append(out[s], rune(i*64+bits.TrailingZeros64(w)))
			}
		}
	}
	return out
}

// painter draws onto fpdf, setting fonts and colours only when they change.
type painter struct {
	p      *fpdf.Fpdf
	family string
	a4     fpdf.SizeType // fpdf's A4 in mm: 595.28 × 841.89 pt
	font   layout.Font
	color  *layout.Color
}

// page paints one page on a sheet of its own size: a landscape page
// (an appendix with a wide table) is an A4 sheet turned, so its MediaBox
// is 841.89 × 595.28 pt. An A4 page is added with fpdf's own A4 size, so
// portrait pages inherit the document's MediaBox (no entry of their own,
// the bytes of a portrait-only PDF unchanged). A page without a size is
// A4 portrait.
func (pt *painter) page(pg *layout.Page) {
	a4 := pt.a4
	isA4 := func(w, h float64) bool { return math.Abs(w-a4.Wd) < 0.01 && math.Abs(h-a4.Ht) < 0.01 }
	switch w, h := pg.W, pg.H; {
	case w <= 0 || h <= 0 || isA4(w, h):
		pt.p.AddPageFormat("P", a4)
	case isA4(h, w):
		pt.p.AddPageFormat("L", a4)
	default:
		pt.p.AddPageFormat("P", fpdf.SizeType{Wd: w, Ht: h})
	}
	pt.font, pt.color = layout.Font{}, nil
	for _, r := range pg.Rules {
		pt.p.SetDrawColor(int(r.Color.R), int(r.Color.G), int(r.Color.B))
		pt.p.SetLineWidth(r.Width)
		pt.p.Line(r.X1, r.Y1, r.X2, r.Y2)
	}
	for _, b := range pg.Boxes {
		pt.p.SetDrawColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		pt.p.SetLineWidth(b.Width)
		pt.p.Rect(b.X, b.Y, b.W, b.H, "D")
	}
	for _, t := range pg.Texts {
		pt.text(t)
	}
}

func (pt *painter) text(t layout.Text) {
	if t.Font != pt.font {
		pt.p.SetFont(pt.family, fpdfStyle(t.Font.Style), t.Font.Size)
		pt.font = t.Font
	}
	if pt.color == nil || *pt.color != t.Color {
		pt.p.SetTextColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
		c := t.Color
		pt.color = &c
	}
	pt.p.Text(t.X, t.Y, t.S)
}
