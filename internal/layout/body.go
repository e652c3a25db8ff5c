package layout

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/document"
)

// Paragraph spacing: 6 pt before every paragraph (nd30.md §2.9: at least 6).
const paraSpace = 6 * ptMM

// titleSize is the size of the type name and the abstract (nd30.md §2.6).
const titleSize = 14

// title lays out the type name and the abstract, bold and centred on the
// text block, with a rule 40 % as wide as the longest abstract line. A
// công văn has none: its abstract is under the number.
func (c *composer) title() []item {
	name := c.doc.TypeName()
	if name == "" {
		return nil
	}
	cx, w := c.o.Left+c.o.TextWidth()/2, c.o.TextWidth()
	lead := lineHeight(titleSize)
	first := c.centred(name, Font{Bold, titleSize}, cx, lead, "type-name")
	first.before = lead // one blank line under the header
	// Wrapped lines keep to 85 % of the text width; lines set in a list
	// may take all of it.
	abstract, widths := c.centredText(c.doc.Title.NonBlank(), spanLines(c.doc.TitleLines(), Bold), titleSize, cx, 0.85*w, overflow{}, overflow{first: 0.15 * w, rest: 0.15 * w}, "title")
	items := append([]item{first}, abstract...)
	// A giấy giới thiệu or giấy nghỉ phép has no abstract (Phụ lục III,
	// Mẫu 1.8, 1.10): the rule goes under the type name.
	if len(widths) == 0 {
		widths = []float64{c.m.Width(name, Font{Bold, titleSize})}
	}
	rw := 0.4 * slices.Max(widths)
	// The rule hangs blockRuleGap under the descenders of the last line.
	ry := c.m.Descent()*titleSize*ptMM + blockRuleGap*ptMM - (lead - baseline(c.m, titleSize, lead))
	items = append(items, item{h: ry + lead*0.6, rules: []Rule{{X1: cx - rw/2, Y1: ry, X2: cx + rw/2, Y2: ry, Width: ruleWidth, Tag: "title-rule"}}})
	// A decision or a resolution names who issues it under the rule
	// (nd30.md §2.6): "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN".
	by := c.doc.IssuedBy.NonBlank()
	authority, _ := c.centredText(by, upperLines(by, Bold), titleSize, cx, 0.85*w, overflow{}, overflow{first: 0.15 * w, rest: 0.15 * w}, "issued-by")
	if len(authority) > 0 {
		authority[0].before = paraSpace
		authority[len(authority)-1].h += lead / 3
	}
	items = append(items, authority...)
	for i := range items {
		items[i].keep = true
	}
	return items
}

// to lays out "Kính gửi:" (nd30.md §2.8): one addressee on the same line,
// several as "- " lines aligned under the end of "Kính gửi:".
func (c *composer) to() []item {
	lines := c.doc.ToLines()
	if len(c.doc.To.Values()) == 0 {
		return nil
	}
	size := c.o.BodySize
	f := Font{Regular, size}
	lead := c.o.bodyLine(size)
	label := "Kính gửi:"
	x := c.o.Left + 0.25*c.o.TextWidth()
	indent := c.m.Width(label+" ", f)
	var items []item
	if len(lines) == 1 {
		p := Para{Spans: plain(label+" "+lines[0], Regular), Size: size, Width: c.o.TextWidth() - 0.25*c.o.TextWidth(), Rest: indent, Align: Left, Tag: "to", names: c.names}
		items = paraItems(p, c.m, x, lead, 0, true)
	} else {
		items = []item{c.leftLine(label, f, x, lead, "to")}
		for _, l := range lines {
			p := Para{Spans: plain(l, Regular), Size: size, Width: c.o.TextWidth() - 0.25*c.o.TextWidth() - indent, Rest: c.m.Width("- ", f), Align: Left, Tag: "to", names: c.names}
			items = append(items, paraItems(p, c.m, x+indent, lead, 0, true)...)
		}
	}
	items[0].before = lineHeight(size)
	items[len(items)-1].h += lead / 2
	return items
}

func (c *composer) leftLine(s string, f Font, x, lead float64, tag string) item {
	return item{h: lead, texts: []Text{{X: x, Y: baseline(c.m, f.Size, lead), S: s, Font: f, Tag: tag}}}
}

// blocks lays out body blocks (of the document, an appendix or an
// attachment): legal bases, paragraphs, headings and items justified,
// first line indented, 6 pt before each paragraph; headings glued to what
// follows them.
func (c *composer) blocks(blocks []document.Block) []item {
	var items []item
	for _, lines := range c.laidOut(blocks) {
		items = append(items, lines...)
	}
	return items
}

// block lays out one body block; a paragraph with loose keeps its last
// line at normal spaces (Para.looseLast).
func (c *composer) block(b document.Block, loose bool) []item {
	size := c.o.BodySize
	lead := c.o.bodyLine(size)
	p := Para{Size: size, Width: c.o.TextWidth(), First: c.o.Indent, Align: Justify, names: c.names, looseLast: loose, texts: c.texts}
	switch b.Kind {
	case document.Basis:
		p.Spans, p.Tag = spansOf(b.Spans, Italic), "basis"
	case document.Heading:
		p.Spans, p.Tag = spansOf(b.Spans, headingStyle(b)), "heading"
	case document.Item:
		p.Spans, p.Tag = spansOf(b.Spans, Regular), "item"
		if c.o.HangingItems {
			p.First = c.o.Indent + c.m.Width("- ", Font{Regular, size})
			p.Rest = p.First
		} else {
			// An item is a paragraph that starts with its dash
			// (nd30.md §2.10: "- " below điểm is practice, not
			// rule; the seed's own source types it so): the
			// dash at the first-line indent, its space
			// stretching like the others, wrapped lines at the
			// margin.
			p.Spans = append([]Span{{Text: "- ", Style: Regular}}, p.Spans...)
		}
	case document.TableBlock:
		return c.table(b.Grid, b.Path)
	case document.ChapterHead:
		return c.chapterHead(b)
	case document.Enacting:
		if b.Level == 1 {
			// The enacting sentence of a 2025 legal document
			// ("Ủy ban nhân dân ban hành Quyết định …"): a body
			// paragraph in regular type, kept with the first
			// article as "QUYẾT ĐỊNH:" is.
			p.Spans, p.Tag = spansOf(b.Spans, Regular), "enacting"
			break
		}
		// "QUYẾT ĐỊNH:" centred, glued to the first article.
		lines, _ := c.centredPara(spansOf(b.Spans, Regular), size, c.o.Left+c.o.TextWidth()/2, c.o.TextWidth(), "enacting")
		for i := range lines {
			lines[i].keep = true
		}
		lines[0].before = paraSpace + lead/3
		lines[len(lines)-1].h += lead / 3
		return lines
	default:
		p.Spans, p.Tag = spansOf(b.Spans, Regular), "body"
	}
	lines := paraItems(p, c.m, c.o.Left, lead, paraSpace, b.Kind == document.Heading)
	if b.Kind == document.Enacting {
		for i := range lines {
			lines[i].keep = true // whole, and with the first article
		}
	} else if leadsIn(b) {
		// "… như sau:" stays with what it announces, unless that
		// leaves the foot of the page empty.
		last := &lines[len(lines)-1]
		last.weak = !last.keep || last.weak
		last.keep = true
	}
	if b.Kind == document.Item && c.o.HangingItems {
		dash := Text{X: c.o.Left + c.o.Indent, Y: baseline(c.m, size, lead), S: "-", Font: Font{Regular, size}, Tag: "item"}
		lines[0].texts = append([]Text{dash}, lines[0].texts...)
	}
	return lines
}

// headingStyle is the style of a heading's words: a heading in regular
// weight is a titled point ("a) Tuyên truyền trên hệ thống loa truyền
// thanh"), set in italics so that it reads as the title of what follows,
// not as a sentence cut short. Nghị định 30 (Phụ lục I, Mục V, 6b) sets a
// titled khoản bold on its own line and gives no form for a titled điểm;
// italics are the next emphasis down.
func headingStyle(b document.Block) Style {
	for _, s := range b.Spans {
		if s.Bold {
			return Regular
		}
	}
	return Italic
}

// leadsIn reports whether a block ends with a colon: it announces the
// item or paragraph after it, and a page break may not separate them.
func leadsIn(b document.Block) bool {
	return strings.HasSuffix(strings.TrimSpace(document.Plain(b.Spans)), ":")
}

// signature lays out the signature block in the right column (authority
// and position in bold capitals, room for signature and seal, the name in
// bold) and "Nơi nhận:" on the left, level with the first authority line.
// The signature is never split; a "Nơi nhận" longer than it may continue
// on the next page below the signer's name (nd30.md §2.13 only asks that
// it start level with the authority line), rather than take the whole
// block to the next page and leave the foot of this one blank.
//
// A document signed by two (a biên bản, a văn bản liên tịch) is set as
// the decree's model of a biên bản (Phụ lục III, Mẫu 1.9): the cosigner
// (THƯ KÝ) centred in the left column, the signer (CHỦ TỌA) in the right,
// their first lines level and their names on one baseline, and "Nơi
// nhận" under both on the left. The pair is one block, never split.
func (c *composer) signature() []item {
	lx, lw, rx, rw := c.o.Columns()
	rcaps, rname := c.signerBlock(&c.doc.Signer, rx+rw/2, rw)
	var bands []item
	if co := c.doc.Cosigner; co != nil {
		lcaps, lname := c.signerBlock(co, lx+lw/2, lw)
		bands = c.signatureBands([][]item{lcaps, rcaps}, [][]item{lname, rname}, true, lineHeight(c.o.BodySize))
		if len(bands) > 1 {
			bands[0].keep = true // "Nơi nhận:" never ends a page alone
		}
	} else {
		right := [][]item{rcaps}
		bands = c.signatureBands(right, [][]item{rname}, false, 0)
		if bands[0].h > c.o.PageH-c.o.Top-c.o.Bottom {
			// The signature with the lines of "Nơi nhận" beside it has no
			// place to end a page (absurdly long input only): "Nơi nhận"
			// goes under the signature instead.
			bands = c.signatureBands(right, [][]item{rname}, true, 0)
		}
	}
	bands[0].before = paraSpace + lineHeight(c.o.BodySize)/2
	return bands
}

// signerBlock lays out one signature block centred on cx in a column w
// wide: the authority lines and the position in bold capitals (caps),
// then the name in bold, signatureGap below them for the signature and
// the seal.
func (c *composer) signerBlock(s *document.Signer, cx, w float64) (caps, name []item) {
	size := c.o.BodySize
	lines := append(document.Upper(s.Authority), document.Upper(document.TextList{s.Position})...)
	for _, l := range lines {
		it, _ := c.centredPara(plain(l, Bold), size, cx, w, "signer")
		caps = append(caps, it...)
	}
	name, _ = c.centredPara(plain(s.Name.Value, Bold), size, cx, w, "signer-name")
	name[0].before = signatureGap
	return caps, name
}

// height is the height items take stacked, added up as stack adds it.
func height(items []item) float64 {
	return stack(nil, items, 0)
}

// signatureBands places the signature blocks (caps: authority and
// position) side by side, each block's name under it, and "Nơi nhận"
// beside them (or under them, gap lower), and cuts the whole into bands.
// The names start at one depth, under the deepest block: on one
// baseline, the block with fewer lines above its name leaving the more
// room for the signature.
func (c *composer) signatureBands(caps, names [][]item, under bool, gap float64) []item {
	lx, lw, _, _ := c.o.Columns()
	page := &Page{}
	top := 0.0
	for _, b := range caps {
		top = max(top, height(b))
	}
	signed := 0.0
	for i, b := range caps {
		stack(page, b, 0)
		signed = max(signed, stack(page, names[i], top))
	}
	first := baseline(c.m, c.o.BodySize, lineHeight(c.o.BodySize))
	if len(page.Texts) > 0 {
		first = page.Texts[0].Y
	}
	if under {
		first += signed + gap
	}
	bottom := max(signed, c.recipients(page, lx, lw, first))
	if signed > c.o.PageH-c.o.Top-c.o.Bottom {
		signed = 0 // a signature taller than a page breaks where the page is full
	}
	return c.bands(page.Texts, signed, bottom)
}

// bands cuts a block of texts, h high, into horizontal bands: the first
// down to from or the first line bottom below it (the signature, with the
// lines of "Nơi nhận" beside it), then one band per line of what is left,
// cut where no other line crosses. The last two bands are glued, so a
// continued "Nơi nhận" never leaves its last line alone on a page.
func (c *composer) bands(texts []Text, from, h float64) []item {
	extent := func(t Text) (float64, float64) {
		s := t.Font.Size * ptMM
		return t.Y - c.m.Ascent()*s, t.Y + c.m.Descent()*s
	}
	cuts := []float64{}
	candidates := []float64{from} // the signature's foot, then every line's
	for _, t := range texts {
		_, bottom := extent(t)
		candidates = append(candidates, bottom)
	}
	for _, cut := range candidates {
		ok := 0 < cut && cut < h && cut >= from
		for _, u := range texts {
			top, bottom := extent(u)
			ok = ok && !(top < cut && cut < bottom)
		}
		if ok {
			cuts = append(cuts, cut)
		}
	}
	slices.Sort(cuts)
	cuts = append(slices.Compact(cuts), h)
	var items []item
	top := 0.0
	for i, cut := range cuts {
		it := item{h: cut - top}
		for _, t := range texts {
			if y0, _ := extent(t); y0 >= top && (y0 < cut || i == len(cuts)-1) {
				t.Y -= top
				it.texts = append(it.texts, t)
			}
		}
		if n := len(items); n > 0 && len(it.texts) == 0 {
			items[n-1].h += it.h // the space under the last line
		} else {
			items = append(items, it)
		}
		top = cut
	}
	if n := len(items); n >= 2 {
		items[n-2].keep = true
	}
	return items
}

// recipients places "Nơi nhận:" (12 pt bold italic) with its baseline at
// base, then the recipients (11 pt) with a hanging indent after "- ".
func (c *composer) recipients(p *Page, x, w, base float64) float64 {
	lines := c.doc.RecipientLines()
	if len(lines) == 0 {
		return 0
	}
	hf := Font{BoldItalic, recipientsHead}
	p.Texts = append(p.Texts, Text{X: x, Y: base, S: "Nơi nhận:", Font: hf, Tag: "recipients-head"})
	lead := lineHeight(recipientsSize)
	y := base + c.m.Descent()*recipientsHead*ptMM
	f := Font{Regular, recipientsSize}
	for _, l := range lines {
		// The text of a line hangs after its mark: "- ", or "+ " for a
		// member of a group.
		mark, _, _ := strings.Cut(l, " ")
		para := Para{Spans: plain(l, Regular), Size: recipientsSize, Width: w, Rest: c.m.Width(mark+" ", f), Align: Left, Tag: "recipients", names: c.names}
		y = stack(p, paraItems(para, c.m, x, lead, 0, false), y)
	}
	return y
}
