package layout

import "github.com/vanban/vanban/internal/document"

// attachment lays out attachment i, a document issued with the decision,
// as the decree's model for it (Phụ lục III, "Mẫu văn bản được ban hành,
// phê duyệt kèm theo quyết định") and published ones print it (Quy chế
// làm việc of Ủy ban nhân dân xã Xuân Phú, kèm theo Quyết định số
// 59/QĐ-UBND ngày 22/7/2021): from a new page, the issuing body and the
// national name with their rules, as on page 1 but without the number and
// the date; one blank line; the type name and the title, bold and
// centred; the link line "(Kèm theo Quyết định số … ngày … của …)" in
// italics and a short rule; then its content. It returns the first page
// with its header, where its flow starts, and the items.
func (c *composer) attachment(i int) (Page, float64, []item) {
	a := &c.doc.Attachments[i]
	p := Page{}
	lx, lw, rx, rw := c.columns()
	rightRule := c.national(&p, rx+rw/2)
	leftBottom, _ := c.issuer(&p, lx+lw/2, lw)
	y := max(leftBottom, rightRule)
	cx, w := c.o.Left+c.o.TextWidth()/2, c.o.TextWidth()
	lead := lineHeight(titleSize)
	first := c.centred(a.TypeName(), Font{Bold, titleSize}, cx, lead, "attachment-type")
	first.before = lead // one blank line under the header
	title, widths := c.centredText(a.Title.NonBlank(), spanLines(a.TitleLines(), Bold), titleSize, cx, 0.85*w, overflow{}, overflow{first: 0.15 * w, rest: 0.15 * w}, "attachment-title")
	items := append([]item{first}, title...)
	for k := range items {
		items[k].keep = true
	}
	items = append(items, c.linked(c.doc.LinkLine(), widths, "attachment-link", "attachment-rule", c.doc.AttachmentBody(i))...)
	return p, y, items
}

// attachmentAppendix lays out appendix j of attachment i, as the
// document's appendices, its link line naming the attachment.
func (c *composer) attachmentAppendix(i, j int) []item {
	doc := c.doc
	ap := &doc.Attachments[i].Appendices[j]
	cx, w := c.o.Left+c.o.TextWidth()/2, c.o.TextWidth()
	lead := lineHeight(appendixSize)
	items := []item{c.centred(doc.AttachmentAppendixLabel(i, j), Font{Bold, appendixSize}, cx, lead, "appendix-label")}
	var lines [][]Span
	for _, s := range document.Upper(ap.Title) {
		lines = append(lines, plain(s, Bold))
	}
	title, widths := c.centredText(ap.Title.NonBlank(), lines, appendixSize, cx, 0.85*w, overflow{}, overflow{first: 0.15 * w, rest: 0.15 * w}, "appendix-title")
	items = append(items, title...)
	return append(items, c.linked(doc.AttachmentLinkLine(i), widths, "appendix-link", "appendix-rule", doc.AttachmentAppendixBody(i, j))...)
}

// chapterHead lays out "Chương I" and a chapter's title: centred, bold,
// the title in capitals (nd30.md §2.10, table A), glued to the article
// after them.
func (c *composer) chapterHead(b document.Block) []item {
	size := c.o.BodySize
	lines, _ := c.centredPara(spansOf(b.Spans, Regular), size, c.o.Left+c.o.TextWidth()/2, c.o.TextWidth(), "chapter")
	for i := range lines {
		lines[i].keep = true
	}
	if b.Level == 0 {
		lines[0].before = paraSpace + c.o.bodyLine(size)/2
	}
	lines[len(lines)-1].h += c.o.bodyLine(size) / 4
	return lines
}
