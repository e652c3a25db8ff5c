package layout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/viet"
)

// Fixed texts of the header (nd30.md §2.2): the motto's hyphens are
// hyphen-minus with a space on each side, as in the decree's own files.
const (
	NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto        = "Độc lập - Tự do - Hạnh phúc"
)

// Rule thickness: 0.6 pt, about Times New Roman's underline thickness.
const ruleWidth = 0.6 * ptMM

// Sizes of the parts the decree fixes (nd30.md §2.17).
const (
	numberSize     = 13 // "Số:" is 13 pt, not a range
	letterSize     = 12 // "V/v …" of a công văn
	recipientsHead = 12 // "Nơi nhận:"
	recipientsSize = 11
	stampSize      = 13
	signatureGap   = 25 // mm between the position and the name, for signature and seal
)

type composer struct {
	doc   *document.Document
	m     Measurer
	o     Options
	names *viet.Names // the names the lines keep whole, the header's places among them
	// Of the document's own flow (main): where it starts on page 1 and
	// ends there (above the address block), its items before pagination,
	// and the body's last block, which ComposeWarnings may set one line
	// longer (loosened).
	flowTop, firstBottom float64
	flowItems            []item
	last                 lastBlock
	// notes are the footnotes of the numbering being laid out (the
	// document and its appendices, or an attachment and its), notes[n-1]
	// for note n (document.Notes).
	notes    [][]document.Span
	problems []Problem
	warnings []Problem
	// texts holds the texts of the body's lines until they are on their
	// pages (nil: each line allocates its own); arenas gives back the
	// helpers'.
	texts  *textArena
	arenas *arenaOwner
}

// A Problem is what the layout finds in what the user wrote, reported at
// its field: a line set in a list that the page cannot hold as it is (an
// error, HeaderProblems), a word of a table cell wider than its column
// (a warning, ComposeWarnings).
type Problem struct {
	Path string
	diag.Msg
}

// HeaderProblems reports the lines of the issuer, the parent body and the
// title that were set in a list but are too wide to print as they are: a
// list sets the lines, so they are never re-wrapped.
func HeaderProblems(doc *document.Document, m Measurer, o Options) []Problem {
	c := newComposer(doc, m, o.withDefaults())
	c.header()
	c.title()
	for i := range doc.Appendices {
		c.o = o.withDefaults().forAppendix(&doc.Appendices[i])
		c.appendixTitle(i)
	}
	return c.problems
}

// Compose lays out the document on pages: the document, then each
// appendix from a new page, with its own page numbers (nd30.md §1.1).
func Compose(doc *document.Document, m Measurer, o Options) []Page {
	pages, _ := ComposeWarnings(doc, m, o)
	return pages
}

// ComposeWarnings lays out the document as Compose does, and returns with
// the pages what the clerk should know of them: the cells of tables with
// a word wider than the column, which is cut across lines.
func ComposeWarnings(doc *document.Document, m Measurer, o Options) ([]Page, []Problem) {
	o = o.withDefaults()
	c := newComposer(doc, m, o)
	c.texts, c.arenas = getArena(), &arenaOwner{}
	defer func() {
		// The pages hold copies of the lines' texts (fill).
		c.arenas.composerDone()
		putArena(c.texts)
	}()
	c.notes = doc.Notes(0)
	head, items, layout, sig := c.main()
	if gap := c.gapBeforeSignature(items, layout, sig); gap > c.maxGap()+fitTolerant {
		// The body's last paragraph set one line longer can give the
		// page before the signature its last lines, as a typesetter
		// loosens a paragraph: kept when that page then ends fuller.
		if i2, l2, s2, ok := c.loosened(); ok && len(l2) <= len(layout) && c.gapBeforeSignature(i2, l2, s2) < gap-fitTolerant {
			items, layout, sig = i2, l2, s2
		}
	}
	if c.signatureAlone(layout, sig) {
		c.fitHint(len(layout))
	}
	bottom := o.PageH - o.Bottom
	pages := c.fill(nil, items, layout, &head, 0)
	for i := range doc.Appendices {
		// A landscape appendix is laid out on the turned page: every
		// width and height below comes from c.o.
		c.o = o.forAppendix(&doc.Appendices[i])
		items := c.appendix(i)
		bottom := c.o.PageH - c.o.Bottom
		items, layout := c.flow(items, c.o.Top, bottom, c.o.Top, bottom)
		pages = c.fill(pages, items, layout, nil, i+1)
	}
	for i := range doc.Attachments {
		c.o = o
		c.notes = doc.Notes(i + 1)
		head, y, items := c.attachment(i)
		items, layout := c.flow(items, y, bottom, o.Top, bottom)
		n := len(pages)
		pages = c.fill(pages, items, layout, &head, 0)
		for j := range doc.Attachments[i].Appendices {
			c.o = o.forAppendix(&doc.Attachments[i].Appendices[j])
			items := c.attachmentAppendix(i, j)
			bottom := c.o.PageH - c.o.Bottom
			items, layout := c.flow(items, c.o.Top, bottom, c.o.Top, bottom)
			pages = c.fill(pages, items, layout, nil, j+1)
		}
		for k := n; k < len(pages); k++ {
			pages[k].Attachment = i + 1
		}
	}
	return pages, c.warnings
}

// main lays out the document itself (without its appendices and
// attachments): page 1's header, and the flow of the title, Kính gửi,
// the body and the signature on pages; sig is the index of the
// signature's first item.
func (c *composer) main() (head Page, items []item, layout [][]placed, sig int) {
	head, c.flowTop = c.header()
	items = append(items, c.title()...)
	items = append(items, c.to()...)
	blocks := c.doc.Body()
	laid := make([][]item, 0, len(blocks))
	for _, lines := range c.laidOut(blocks) {
		laid = append(laid, lines)
	}
	signature := c.signature()
	// The flow is copied once into room made for all of it: a long
	// document has tens of thousands of lines.
	n := len(items) + len(signature)
	for _, lines := range laid {
		n += len(lines)
	}
	items = slices.Grow(items, n-len(items))
	for i, lines := range laid {
		if i == len(blocks)-1 {
			c.last = lastBlock{b: blocks[i], from: len(items)}
		}
		items = append(items, lines...)
	}
	c.last.to = len(items)
	sig = len(items)
	items = append(items, signature...)
	c.firstBottom = c.address(&head)
	c.flowItems = items
	items, layout = c.paginateMain(items, sig)
	return head, items, layout, sig
}

// paginateMain distributes the document's items over pages, the body's
// last line glued to the signature (sig is the signature's first item).
func (c *composer) paginateMain(items []item, sig int) ([]item, [][]placed) {
	if sig > 0 {
		items[sig-1].keep = true // the signature never stands alone
	}
	return c.flow(items, c.flowTop, c.firstBottom, c.o.Top, c.o.PageH-c.o.Bottom)
}

// A lastBlock is the body's last block and the range of its items in the
// flow, which loosened sets anew.
type lastBlock struct {
	b        document.Block
	from, to int
}

// loosened lays the document's flow out again with the body's last
// paragraph one line longer, its last line at normal spaces, and reports
// whether that changed its lines.
func (c *composer) loosened() (items []item, layout [][]placed, sig int, ok bool) {
	old := c.flowItems
	if c.last.to == 0 {
		return nil, nil, 0, false // no body
	}
	lines := c.block(c.last.b, true)
	if len(lines) == c.last.to-c.last.from {
		return nil, nil, 0, false
	}
	items = append(append(append([]item(nil), old[:c.last.from]...), lines...), old[c.last.to:]...)
	sig = c.last.from + len(lines) // the signature follows the body's last block
	items, layout = c.paginateMain(items, sig)
	return items, layout, sig, true
}

// gapBeforeSignature returns how far short of its foot the page before
// the one the signature starts on ends (the last lines of the body having
// gone to the signature's page with it); 0 when the signature starts on
// page 1.
func (c *composer) gapBeforeSignature(items []item, layout [][]placed, sig int) float64 {
	for n := 1; n < len(layout); n++ {
		starts := false
		for _, x := range layout[n] {
			starts = starts || !x.head && x.i == sig
		}
		if !starts {
			continue
		}
		limit := c.o.PageH - c.o.Bottom
		if n == 1 {
			limit = c.firstBottom
		}
		foot := 0.0
		for _, x := range layout[n-1] {
			foot = max(foot, footOf(x, items))
		}
		return limit - foot
	}
	return 0
}

func newComposer(doc *document.Document, m Measurer, o Options) *composer {
	header := []string{doc.Place.Value}
	for _, l := range []document.TextList{doc.Issuer.Parent, doc.Issuer.Name} {
		header = append(header, strings.Join(l.Values(), " "))
	}
	return &composer{doc: doc, m: m, o: o, names: viet.NewNames(header...)}
}

// maxGap is the most a page break may leave empty at the foot of a page
// when what follows could start there: three body lines.
func (c *composer) maxGap() float64 { return 3 * c.o.bodyLine(c.o.BodySize) }

// fill appends the pages of one flow (the document, or an appendix), its
// first page starting from first when given, numbered from 1, all of the
// size of c.o.
func (c *composer) fill(pages []Page, items []item, layout [][]placed, first *Page, appendix int) []Page {
	pages = slices.Grow(pages, len(layout))
	for n, pl := range layout {
		p := Page{}
		if n == 0 && first != nil {
			p = *first
		}
		p.Number, p.Folio, p.Appendix = len(pages)+1, n+1, appendix
		p.W, p.H = c.o.PageW, c.o.PageH
		texts := 1 // the page number
		for _, x := range pl {
			texts += len(items[x.i].texts)
		}
		p.Texts = slices.Grow(p.Texts, texts)
		if n > 0 {
			c.pageNumber(&p)
		}
		for _, x := range pl {
			x.put(items, &p)
		}
		pages = append(pages, p)
	}
	return pages
}

// pageNumber puts the page number in the top margin, centred on the text
// block (nd30.md §1.1: not on page 1; an appendix counts its own pages).
func (c *composer) pageNumber(p *Page) {
	s := strconv.Itoa(p.Folio)
	f := Font{Regular, c.o.BodySize}
	x := c.o.Left + (c.o.TextWidth()-c.m.Width(s, f))/2
	p.Texts = append(p.Texts, Text{X: x, Y: c.o.Top * 0.6, S: s, Font: f, Tag: "page-number"})
}

// line returns one centred line as an item of the given height.
func (c *composer) centred(s string, f Font, cx, lead float64, tag string) item {
	w := c.m.Width(s, f)
	return item{h: lead, texts: []Text{{X: cx - w/2, Y: baseline(c.m, f.Size, lead), S: s, Font: f, Tag: tag}}}
}

// centredPara breaks spans into centred lines no wider than w (see
// centreBreaks) and returns them with the natural width of each line.
func (c *composer) centredPara(spans []Span, size, cx, w float64, tag string) ([]item, []float64) {
	p := Para{Spans: spans, Size: size, Width: w, Align: Center, Tag: tag, names: c.names}
	return c.centredLines(p, centreBreaks(p, c.m, overflow{}), cx)
}

// centredText lays out a name or a title, given as its entries (texts)
// and their spans (lines). A list sets the lines: each is printed as
// written, and one wider than w by more than the overflow allowed (set:
// in total over both sides, on the first line of the block and on the
// others) is reported as a problem. A text is wrapped by centreBreaks,
// within the overflow wrap. Lines wider than w stand out on both sides
// alike.
func (c *composer) centredText(texts document.TextList, lines [][]Span, size, cx, w float64, wrap, set overflow, tag string) ([]item, []float64) {
	var items []item
	var widths []float64
	for i, spans := range lines {
		p := Para{Spans: spans, Size: size, Width: w, Align: Center, Tag: tag, names: c.names}
		var bl []brokenLine
		if !texts.Listed() {
			bl = centreBreaks(p, c.m, wrap)
		} else {
			bl = oneLine(p, c.m)
			limit := w + set.rest
			if i == 0 {
				limit = w + set.first
			}
			if nat := bl[0].natural(); nat > limit+fitTolerant && i < len(texts) {
				c.tooWide(texts[i].Path, text(spans), nat, w, limit, tag)
			}
		}
		it, ws := c.centredLines(p, bl, cx)
		items, widths = append(items, it...), append(widths, ws...)
	}
	return items, widths
}

// tooWide reports a line set in a list that is wider than its room: a
// measure w, and up to limit when it may run past it on both sides.
func (c *composer) tooWide(path, s string, nat, w, limit float64, tag string) {
	m := diag.Msg{
		Code:  "layout.line-too-wide",
		Vi:    fmt.Sprintf("dòng %q rộng %.1f mm; khổ chữ chỉ rộng %.1f mm", s, nat, limit),
		En:    fmt.Sprintf("the line %q is %.1f mm wide; the text block is %.1f mm", s, nat, limit),
		FixVi: "tách dòng này thành hai mục của danh sách",
		FixEn: "the line split into two entries of the list",
	}
	if tag != "title" && tag != "issued-by" && tag != "appendix-title" {
		m.Vi = fmt.Sprintf("dòng %q rộng %.1f mm; cột rộng %.1f mm, và ở đây một dòng chỉ được vượt ra mỗi bên tối đa %.1f mm",
			s, nat, w, (limit-w)/2)
		m.En = fmt.Sprintf("the line %q is %.1f mm wide; the column is %.1f mm, and a line may run past it by at most %.1f mm on each side here",
			s, nat, w, (limit-w)/2)
		if limit-w < 2*maxOverflow {
			m.Vi += ", vì nằm cạnh quốc hiệu"
			m.En += ", beside the national name"
		}
	}
	if tag == "issuer" || tag == "parent" {
		m.FixVi += ", hoặc ghi style.header_size: 12"
		m.FixEn += ", or style.header_size 12"
	}
	c.problems = append(c.problems, Problem{Path: path, Msg: m})
}

// centredLines places broken lines centred on cx, one item each.
func (c *composer) centredLines(p Para, bl []brokenLine, cx float64) ([]item, []float64) {
	lead := lineHeight(p.Size)
	items := make([]item, len(bl))
	widths := make([]float64, len(bl))
	for i, l := range bl {
		texts := p.place(l, cx-p.Width/2)
		for j := range texts {
			texts[j].Y += baseline(c.m, p.Size, lead)
		}
		items[i], widths[i] = item{h: lead, texts: texts}, l.natural()
	}
	return items, widths
}

// stack places items one under the other from y, returning the texts and
// rules on a page (none when p is nil) and the y below the last.
func stack(p *Page, items []item, y float64) float64 {
	for i := range items {
		y += items[i].before
		if p != nil {
			items[i].place(p, y)
		}
		y += items[i].h
	}
	return y
}

func spansOf(ds []document.Span, base Style) []Span {
	out := make([]Span, len(ds))
	for i, s := range ds {
		// *…* toggles: inside italic text (a legal basis) it sets upright.
		out[i] = Span{Text: s.Text, Style: Regular.With(base.Bold() || s.Bold, base.Italic() != s.Italic), Sup: s.Note > 0}
	}
	return out
}

// spanLines converts the lines of a title.
func spanLines(lines [][]document.Span, base Style) [][]Span {
	out := make([][]Span, len(lines))
	for i, l := range lines {
		out[i] = spansOf(l, base)
	}
	return out
}

// text is the text of spans without their styles.
func text(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

func plain(s string, st Style) []Span { return []Span{{Text: s, Style: st}} }
