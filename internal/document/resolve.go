package document

import (
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/viet"
)

// NumberLine is the "Số:" line: "Số: 85/CTr-UBND", or "Số:      /CTr-UBND"
// with room for the clerk to write the number when it is not yet given;
// a legal document's carries its year: "Số: 128/2025/QĐ-UBND".
func (doc *Document) NumberLine() string {
	n := "      " // six spaces, as the issue writes it
	if doc.Number.N > 0 {
		n = " " + viet.DocNumber(doc.Number.N)
	}
	return "Số:" + n + "/" + doc.yearSlash() + doc.SymbolText()
}

// NumberText is the number as a sentence cites it: "85/CTr-UBND",
// "128/2025/QĐ-UBND", or "…/CTr-UBND" without a number.
func (doc *Document) NumberText() string {
	n := "…"
	if doc.Number.N > 0 {
		n = viet.DocNumber(doc.Number.N)
	}
	return n + "/" + doc.yearSlash() + doc.SymbolText()
}

// yearSlash is "2025/" for a number that carries its year, else "".
func (doc *Document) yearSlash() string {
	if doc.Number.Year == 0 {
		return ""
	}
	return strconv.Itoa(doc.Number.Year) + "/"
}

// SymbolText is the symbol after the slash: as given, or composed from the
// type's abbreviation and the issuer's (CTr-UBND); a công văn, which has
// no type abbreviation, gets the issuer's alone.
func (doc *Document) SymbolText() string {
	if s := trim(doc.Symbol.Value); s != "" {
		return s
	}
	issuer := trim(doc.Issuer.Abbr.Value)
	if doc.Kind.Abbr == "" {
		return issuer
	}
	return doc.Kind.Abbr + "-" + issuer
}

// PlaceDate is "Bỉm Sơn, ngày 23 tháng 5 năm 2017".
func (doc *Document) PlaceDate() string {
	return viet.PlaceDate(trim(doc.Place.Value), doc.Date)
}

// TypeName is the type name line in capitals ("CHƯƠNG TRÌNH"); empty for a
// công văn.
func (doc *Document) TypeName() string {
	if doc.Kind.IsLetter() {
		return ""
	}
	return viet.Upper(doc.Kind.Name)
}

// TitleLines is the abstract: one entry per line when the title was
// written as a list, otherwise one entry to wrap. A công văn's starts
// with "V/v ".
func (doc *Document) TitleLines() [][]Span {
	var out [][]Span
	for _, s := range doc.Title.Values() {
		spans, _ := ParseInline(oneLine(s))
		out = append(out, spans)
	}
	if doc.Kind.IsLetter() && len(out) > 0 {
		out[0] = merge(append([]Span{{Text: "V/v "}}, out[0]...))
	}
	return out
}

// TitleText is the abstract on one line, without markup ("V/v …" for a
// công văn).
func (doc *Document) TitleText() string {
	var parts []string
	for _, l := range doc.TitleLines() {
		parts = append(parts, Plain(l))
	}
	return strings.Join(parts, " ")
}

// Upper returns the values of a list in capitals, as the decree writes the
// issuing body and the signer's authority.
func Upper(l TextList) []string {
	var out []string
	for _, s := range l.Values() {
		out = append(out, viet.Upper(oneLine(s)))
	}
	return out
}

// SecrecyText is the secrecy stamp's text, or "".
func (doc *Document) SecrecyText() string {
	return secrecies[viet.Slug(trim(doc.Secrecy.Value))]
}

// UrgencyText is the urgency stamp's text, or "".
func (doc *Document) UrgencyText() string {
	return urgencies[viet.Slug(trim(doc.Urgency.Value))]
}

// ToLines is the "Kính gửi" list with its punctuation: one addressee on
// the "Kính gửi:" line without end punctuation, as the decree's own
// example prints it ("Kính gửi: Bộ Nội vụ", Phụ lục I, Phần I, Mục V,
// row 8a); several get "- " and ";" each, and "." after the last.
func (doc *Document) ToLines() []string {
	vals := doc.To.Values()
	if len(vals) == 1 {
		return []string{stripEnd(oneLine(vals[0]))}
	}
	return dashList(vals, ".")
}

// RecipientLines are the lines under "Nơi nhận:": "- " before each
// recipient, ";" after each, and the archive line "- Lưu: VT, PLĐ." last.
// A group's title ends with ":" and its members, under it, with "+ "
// (see recipients.go).
func (doc *Document) RecipientLines() []string {
	lines := doc.recipientLines()
	archive := stripEnd(oneLine(doc.Archive.Value)) // "Lưu:" typed was removed by validation
	out := make([]string, 0, len(lines)+1)
	for i, l := range lines {
		end := ";"
		switch {
		case l.title:
			end = ":"
		case i == len(lines)-1 && archive == "":
			end = "."
		}
		out = append(out, l.mark+ends(l.text, end))
	}
	if archive != "" {
		out = append(out, "- Lưu: "+archive+".")
	}
	return out
}

func dashList(vals []string, last string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		end := ";"
		if i == len(vals)-1 {
			end = last
		}
		out[i] = "- " + ends(strings.TrimPrefix(oneLine(v), "- "), end)
	}
	return out
}

// ends puts the end punctuation vanban prints after s, in place of what
// was typed. An ellipsis ("…", "...") ends a line itself: a full stop is
// never put after it.
func ends(s, end string) string {
	s = stripEnd(s)
	if end == "." && ellipsis(s) {
		return s
	}
	return s + end
}

// ellipsis reports whether s ends with an ellipsis.
func ellipsis(s string) bool { return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...") }

// stripEnd removes the punctuation the tool adds itself; an ellipsis is
// the text's own and stays.
func stripEnd(s string) string {
	s = strings.TrimRight(trim(s), ";,:")
	if ellipsis(s) {
		return s
	}
	return strings.TrimRight(s, ";.,")
}

// oneLine joins the lines of a value with single spaces: every run of
// ASCII white space becomes one space (a no-break space stays).
func oneLine(s string) string {
	s = trim(s)
	if !strings.ContainsAny(s, "\t\n\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
			space = true
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// BlockKind tells the parts of the body apart.
type BlockKind uint8

// Kinds of body blocks.
const (
	Paragraph   BlockKind = iota
	Basis                 // a legal basis ("Căn cứ …"), italic
	Heading               // a numbered section heading, or an article's title
	Item                  // a "- " item, with a hanging indent
	Enacting              // "QUYẾT ĐỊNH:", centred between the bases and the articles (Level 0), or the enacting sentence that replaces it (Level 1)
	TableBlock            // a table (Grid)
	ChapterHead           // "Chương I" or "Phần thứ nhất" (Level 0), or its title (Level 1), centred
)

// Block is one paragraph of the body, with its markup resolved.
type Block struct {
	Kind  BlockKind
	Level int // heading level, 1 for the outermost sections
	Spans []Span
	Path  string // the field it came from, e.g. sections[2].items[1]
	Grid  *Grid  // the table of a TableBlock
}

// Body returns the body of the document in reading order: legal bases,
// opening paragraphs, "QUYẾT ĐỊNH:" and the articles, numbered sections,
// closing paragraphs, the last one ending with "./.".
func (doc *Document) Body() []Block { return doc.body(doc.newNoteCounter()) }

// hasBody reports whether the document has a body, as len(doc.Body()) > 0
// would, without building more of it than its first block: validation
// asks before the layout builds the body for good.
func (doc *Document) hasBody() bool {
	b := &bodyBuilder{nb: newNumberer(doc.Sections, doc.Style.Decimal()), notes: doc.newNoteCounter(), probe: true}
	return len(doc.build(b)) > 0
}

type bodyBuilder struct {
	blocks []Block
	nb     *numberer
	notes  *noteCounter // numbers the calls of footnotes
	art    int          // the articles added so far: they are numbered through the chapters
	// probe stops the building at the first block (hasBody): blocks are
	// only ever appended, so the rest cannot make the body empty.
	probe bool
}

// enough reports whether a probing builder has found its block.
func (b *bodyBuilder) enough() bool { return b.probe && len(b.blocks) > 0 }

func (doc *Document) body(notes *noteCounter) []Block {
	return doc.build(&bodyBuilder{nb: newNumberer(doc.Sections, doc.Style.Decimal()), notes: notes})
}

// build adds the body's blocks to b, in reading order, and returns them.
func (doc *Document) build(b *bodyBuilder) []Block {
	last := -1
	for i, t := range doc.Bases {
		if trim(t.Value) != "" {
			last = i
		}
	}
	for i, t := range doc.Bases {
		if trim(t.Value) == "" {
			continue
		}
		end := ";"
		if i == last {
			end = doc.lastBasisEnd()
		}
		b.add(Basis, 0, t, ends(t.Value, end), nil)
	}
	b.paragraphs(doc.Preamble)
	if s := doc.EnactingSentence; trim(s.Value) != "" {
		b.add(Enacting, 1, s, ends(oneLine(s.Value), "."), nil)
	} else if e := doc.Enacting(); e != "" && len(doc.Articles) > 0 {
		b.blocks = append(b.blocks, Block{Kind: Enacting, Spans: []Span{{Text: e, Bold: true}}, Path: "articles"})
	}
	b.articles(doc.Articles)
	b.nb = partsNumberer(doc.Parts, doc.Style.Decimal())
	b.parts(doc.Parts, "parts")
	b.nb = newNumberer(doc.Sections, doc.Style.Decimal())
	b.sections(doc.Sections, 1)
	b.paragraphs(doc.Closing)
	endMark(b.blocks)
	return b.blocks
}

// add parses the markup of s and appends it as a block, after the given
// leading spans. Unclosed markers are reported by validation (markup),
// which reads the same paragraphs (parts).
func (b *bodyBuilder) add(k BlockKind, level int, t Text, s string, lead []Span) {
	if b.enough() {
		return
	}
	spans, _ := ParseInline(s)
	if len(spans) == 0 && lead == nil {
		return
	}
	spans = withNotes(spans, b.notes)
	if lead != nil {
		spans = append(lead[:len(lead):len(lead)], spans...)
	}
	b.blocks = append(b.blocks, Block{Kind: k, Level: level, Spans: merge(spans), Path: t.Path})
}

// paragraphs adds each text, one paragraph a line, as body paragraphs.
func (b *bodyBuilder) paragraphs(l TextList) {
	for _, t := range l {
		b.text(t)
	}
}

// text adds the paragraphs of a text.
func (b *bodyBuilder) text(t Text) {
	for _, p := range parts(t, ParagraphText) {
		b.add(Paragraph, 0, t, p.text, nil)
	}
}

func (b *bodyBuilder) sections(ss []Section, level int) {
	for i := range ss {
		if b.enough() {
			return
		}
		s := &ss[i]
		label := b.nb.label(s, level, i)
		switch {
		case untitled(s):
			b.numberedText(s.Text, label)
		case runInWord(s) != "":
			b.runIn(*s, label)
			b.text(s.Text)
		default:
			b.heading(*s, level, label)
			b.text(s.Text)
		}
		b.items(s.Items)
		b.table(s.Table)
		b.sections(s.Sections, childLevel(s, level))
	}
}

// untitled reports whether s is a numbered paragraph: a section without a
// heading, whose number starts its text.
func untitled(s *Section) bool {
	return trim(s.Heading.Value) == "" && trim(s.Text.Value) != "" && runInWord(s) == ""
}

// numberedText adds the paragraphs of a section without a heading, its
// number in regular weight at the start of the first, as a titled
// section's point is printed ("1. Công an tỉnh chủ trì …").
func (b *bodyBuilder) numberedText(t Text, label string) {
	for i, p := range parts(t, ParagraphText) {
		var lead []Span
		if i == 0 {
			lead = []Span{{Text: label + " "}}
		}
		b.add(Paragraph, 0, t, p.text, lead)
	}
}

// runIn adds a run-in title: "Mục tiêu 1:" in bold, then the heading in
// regular weight, as one paragraph (Nghị quyết 28/NQ-CP's targets).
func (b *bodyBuilder) runIn(s Section, label string) {
	b.add(Paragraph, 0, s.Heading, trim(s.Heading.Value), []Span{{Text: label + " ", Bold: true}})
}

// heading adds a section heading: "I. " and "1. " headings are bold (the
// outermost of three levels in capitals), "a) " headings regular, as in the
// decree's report/plan structure. A section with nothing under its heading
// is a point (điểm): a numbered paragraph in regular weight, not a heading.
func (b *bodyBuilder) heading(s Section, level int, label string) {
	t := s.Heading
	bold := !strings.HasSuffix(label, ")")
	kind := Heading
	if trim(s.Text.Value) == "" && len(s.Items.Values()) == 0 && len(s.Sections) == 0 && s.Table == nil {
		// A clause without a title is regular (nd30.md §2.10 table B).
		kind, bold = Paragraph, false
	}
	n := len(b.blocks)
	b.add(kind, level, t, trim(t.Value), []Span{{Text: label + " ", Bold: bold}})
	for i := n; i < len(b.blocks); i++ {
		for j := range b.blocks[i].Spans {
			sp := &b.blocks[i].Spans[j]
			sp.Bold = sp.Bold || bold
			if isRoman(label) {
				sp.Text = viet.Upper(sp.Text)
			}
		}
		b.blocks[i].Spans = merge(b.blocks[i].Spans)
	}
}

func isRoman(label string) bool { return strings.Trim(label, "IVXLCDM") == "." }

func itoa(n int) string { return strconv.Itoa(n) }

// table adds a table to the body.
func (b *bodyBuilder) table(t *Table) {
	if t != nil && len(t.Columns) > 0 && !b.enough() {
		b.blocks = append(b.blocks, Block{Kind: TableBlock, Grid: b.grid(t), Path: t.Path})
	}
}

// endMark ends the body with "./." as the decree's templates do: "…thực
// hiện./.".
func endMark(blocks []Block) {
	if len(blocks) == 0 || blocks[len(blocks)-1].Kind == TableBlock {
		return // a table has no last sentence to end
	}
	b := &blocks[len(blocks)-1]
	last := &b.Spans[len(b.Spans)-1]
	last.Text = strings.TrimRight(last.Text, " \t\n")
	switch {
	case strings.HasSuffix(last.Text, "./."):
	case ellipsis(last.Text):
		last.Text += "/." // "…/.", never "…./."
	case strings.HasSuffix(last.Text, "."):
		last.Text += "/."
	default:
		last.Text = strings.TrimRight(last.Text, ";,:") + "./."
	}
}
