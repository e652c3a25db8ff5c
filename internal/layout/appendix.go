package layout

import (
	"slices"

	"github.com/vanban/vanban/internal/document"
)

// appendixSize is the size of an appendix's label, title and link line
// (nd30.md §2.15, §2.17: "Phụ lục I" 14 pt bold; title 13–14 bold).
const appendixSize = 14

// minLinkRule is the shortest rule under the link line, in millimetres:
// a fifth of the text width, about a third of the link line.
const minLinkRule = 33

// linkRuleGap is the space between the link line's descenders and the
// rule under it, in points.
const linkRuleGap = 6

// appendix lays out appendix i (0-based) from the top of a page, with no
// national header (the decree's templates show none): the label "Phụ lục
// II" and the title in capitals, bold and centred; the italic "(Kèm theo
// …)" line that ties it to the document; a short rule; then its content
// as a body.
func (c *composer) appendix(i int) []item {
	doc := c.doc
	cx := c.o.Left + c.o.TextWidth()/2
	lead := lineHeight(appendixSize)
	items := []item{c.centred(doc.AppendixLabel(i), Font{Bold, appendixSize}, cx, lead, "appendix-label")}
	title, widths := c.appendixTitle(i)
	items = append(items, title...)
	return append(items, c.linked(doc.LinkLine(), widths, "appendix-link", "appendix-rule", doc.AppendixBody(i))...)
}

// linked lays out the link line "(Kèm theo … số … ngày … của …)" under a
// title whose lines are widths wide, a short rule under it, and the
// content: the blocks of an appendix or of a document issued with a
// decision. The title's lines and the link go with the first lines of the
// content.
func (c *composer) linked(line string, widths []float64, linkTag, ruleTag string, blocks []document.Block) []item {
	cx, w := c.o.Left+c.o.TextWidth()/2, c.o.TextWidth()
	lead := lineHeight(appendixSize)
	link, lw := c.centredPara(plain(line, Italic), appendixSize, cx, w, linkTag)
	items := link
	// The rule: 40 % of the title's longest line, as under the document's
	// abstract, but at least minLinkRule (under a short title such as
	// "KINH PHÍ" 40 % is a dash) and never wider than the link line.
	rw := max(0.4*slices.Max(append(widths, 0)), minLinkRule)
	if len(lw) > 0 {
		rw = min(rw, slices.Max(lw))
	}
	// It hangs 6 pt under the descenders: closer, under a sentence, it
	// would read as an underline of the issuer's name.
	ry := c.m.Descent()*appendixSize*ptMM + linkRuleGap*ptMM - (lead - baseline(c.m, appendixSize, lead))
	items = append(items, item{h: ry + lead*0.6, rules: []Rule{{X1: cx - rw/2, Y1: ry, X2: cx + rw/2, Y2: ry, Width: ruleWidth, Tag: ruleTag}}})
	for k := range items {
		items[k].keep = true // the heading goes with the first lines of the content
	}
	return append(items, c.blocks(blocks)...)
}

// appendixTitle lays out the title of appendix i: wrapped between phrases
// within 85 % of the text width, or set in lines by a list, each of which
// may take the whole text width.
func (c *composer) appendixTitle(i int) ([]item, []float64) {
	cx, w := c.o.Left+c.o.TextWidth()/2, c.o.TextWidth()
	title := c.doc.Appendices[i].Title.NonBlank()
	return c.centredText(title, spanLines(c.doc.AppendixTitle(i), Bold), appendixSize, cx, 0.85*w, overflow{}, overflow{first: 0.15 * w, rest: 0.15 * w}, "appendix-title")
}
