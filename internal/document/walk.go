package document

import (
	"iter"
	"strconv"

	"github.com/vanban/vanban/internal/viet"
)

// Role tells what a text of the document is, for the checks that read
// every text (the font's characters, inline markup, numbers typed by hand):
// whether it is printed as written, whether **bold** and *italic* apply in
// it, and whether it holds paragraphs.
type Role uint8

// Roles of the texts of a document.
const (
	Setting       Role = iota // read, not printed as written: type, urgency, secrecy, a column's alignment
	HeaderText                // issuer, abbreviation, symbol, place, issuer.in_text: printed as written (or in capitals)
	TitleText                 // an entry of the trích yếu
	IssuedByText              // the issuing authority under the title
	ToText                    // a "Kính gửi" addressee
	BasisText                 // a legal basis
	ParagraphText             // preamble, closing, the text of a section or an appendix
	HeadingText               // a section heading
	ItemText                  // a dash item
	ArticleTitle              // the title of an article (Điều)
	ArticleText               // the text of an article, "Điều 1." before it when it has no title
	ClauseTitle               // the title of a clause (khoản)
	ClauseText                // the text of a clause
	PointText                 // a point (điểm, "a)")
	CellText                  // a table's column title or cell, the total row's cells
	AppendixTitle             // an entry of an appendix's title
	RecipientText             // an entry of "Nơi nhận"
	ArchiveText               // the "Lưu" line
	AddressText               // a line of the address block
	SignerText                // authority, position and name of the signer
	FootnoteText              // a footnote's text
	ChapterTitle              // the title of a chapter (Chương) of an attachment
	PartTitle                 // the title of a part (Phần thứ nhất), printed in capitals under its label
	EnactingText              // the enacting sentence of a 2025 legal document ("Ủy ban nhân dân ban hành Quyết định …")
)

// Printed reports whether the text is printed as written.
func (r Role) Printed() bool { return r != Setting }

// Markup reports whether **bold** and *italic* are read in the text.
func (r Role) Markup() bool {
	switch r {
	case TitleText, AppendixTitle, ChapterTitle, PartTitle, EnactingText, BasisText, ParagraphText, HeadingText, ItemText,
		ArticleTitle, ArticleText, ClauseTitle, ClauseText, PointText, CellText, FootnoteText:
		return true
	}
	return false
}

// Paragraphs reports whether a line break (a line of a literal block "|",
// or a blank line) starts a new paragraph in the text; in the others the
// lines are joined into one.
func (r Role) Paragraphs() bool {
	switch r {
	case ParagraphText, ItemText, ArticleText, ClauseText, PointText, CellText:
		return true
	}
	return false
}

// Field is one text of a document as Fields visits it.
type Field struct {
	*Text
	Role Role
	// Label is the number or label vanban prints before the text, if
	// any: "II.", "2.", "b)", "Điều 3.", "Phụ lục II" (on the first
	// entry of an appendix's title), "V/v" (a công văn's abstract).
	Label string
	// Appendix is 0 for a text of the document, i+1 for a text of
	// appendix i (its title and content).
	Appendix int
	// Attachment is 0 for a text of the decision, i+1 for a text of the
	// document issued with it as attachment i (Appendix then counts its
	// own appendices).
	Attachment int
}

// Fields visits every text of the document, each once, in reading order:
// the header, the title, "Kính gửi", the body (bases, preamble, sections
// with their items and tables, articles, closing), the signature, "Nơi
// nhận", the address block and the appendices. Every check that reads the
// document's texts uses it, so that a field added to the model is checked
// everywhere once it is added here (TestFieldsVisitEveryText fails until
// it is).
func (doc *Document) Fields() iter.Seq[Field] {
	return func(yield func(Field) bool) {
		w := walker{yield: yield}
		w.document(doc)
	}
}

type walker struct {
	yield      func(Field) bool
	stopped    bool
	appendix   int
	attachment int
	art        int  // articles visited: numbered through the chapters
	decimal    bool // the document numbers its sections 1., 1.1.
}

func (w *walker) text(t *Text, r Role, label string) {
	if !w.stopped && !w.yield(Field{t, r, label, w.appendix, w.attachment}) {
		w.stopped = true
	}
}

func (w *walker) list(l TextList, r Role) {
	for i := range l {
		w.text(&l[i], r, "")
	}
}

func (w *walker) document(doc *Document) {
	w.decimal = doc.Style.Decimal()
	w.text(&doc.Type, Setting, "")
	w.list(doc.Issuer.Parent, HeaderText)
	w.list(doc.Issuer.Name, HeaderText)
	w.text(&doc.Issuer.Abbr, HeaderText, "")
	w.text(&doc.Symbol, HeaderText, "")
	w.text(&doc.Place, HeaderText, "")
	w.text(&doc.Urgency, Setting, "")
	w.text(&doc.Secrecy, Setting, "")
	w.text(&doc.Style.Numbering, Setting, "")
	w.text(&doc.Style.Items, Setting, "")
	for i := range doc.Title {
		label := ""
		if i == 0 && doc.Kind.IsLetter() {
			label = "V/v"
		}
		w.text(&doc.Title[i], TitleText, label)
	}
	w.list(doc.IssuedBy, IssuedByText)
	w.list(doc.To, ToText)
	w.list(doc.Bases, BasisText)
	w.list(doc.Preamble, ParagraphText)
	w.text(&doc.EnactingSentence, EnactingText, "")
	w.sections(doc.Sections, 1, newNumberer(doc.Sections, doc.Style.Decimal()))
	w.articles(doc.Articles)
	w.parts(doc.Parts, partsNumberer(doc.Parts, doc.Style.Decimal()))
	w.list(doc.Closing, ParagraphText)
	// Signers is empty once validated (its blocks moved to Signatures).
	for _, s := range append(doc.Signatures(), pointers(doc.Signers)...) {
		w.list(s.Authority, SignerText)
		w.text(&s.Position, SignerText, "")
		w.text(&s.Name, SignerText, "")
	}
	for i := range doc.Recipients {
		w.text(&doc.Recipients[i], RecipientText, "")
		w.list(doc.Recipients[i].Members, RecipientText)
	}
	w.text(&doc.Archive, ArchiveText, "")
	w.list(doc.Address, AddressText)
	w.text(&doc.Issuer.InText, HeaderText, "")
	for i := range doc.Footnotes {
		w.text(&doc.Footnotes[i].Text, FootnoteText, "")
	}
	w.appendices(doc, doc.Appendices)
	w.appendix = 0
	for i := range doc.Attachments {
		w.attachment = i + 1
		a := &doc.Attachments[i]
		w.text(&a.Type, Setting, "")
		w.list(a.Title, TitleText)
		w.list(a.Preamble, ParagraphText)
		w.art = 0
		for k := range a.Chapters {
			w.text(&a.Chapters[k].Title, ChapterTitle, "Chương "+viet.Roman(k+1))
			w.articles(a.Chapters[k].Articles)
		}
		w.articles(a.Articles)
		w.parts(a.Parts, partsNumberer(a.Parts, doc.Style.Decimal()))
		w.sections(a.Sections, 1, newNumberer(a.Sections, doc.Style.Decimal()))
		w.list(a.Closing, ParagraphText)
		w.appendices(doc, a.Appendices)
		w.appendix = 0
	}
}

// appendices visits the appendices as, of the document or of an
// attachment.
func (w *walker) appendices(doc *Document, as []Appendix) {
	for i := range as {
		w.appendix = i + 1
		a := &as[i]
		label := "Phụ lục"
		if len(as) > 1 {
			label += " " + viet.Roman(i+1)
		}
		for j := range a.Title {
			w.text(&a.Title[j], AppendixTitle, label)
			label = ""
		}
		w.text(&a.Text, ParagraphText, "")
		w.list(a.Items, ItemText)
		w.table(a.Table)
		w.sections(a.Sections, 1, newNumberer(a.Sections, doc.Style.Decimal()))
	}
}

func (w *walker) sections(ss []Section, level int, nb *numberer) {
	for i := range ss {
		s := &ss[i]
		w.text(&s.RunIn, Setting, "")
		label := nb.label(s, level, i)
		w.text(&s.Heading, HeadingText, label)
		if untitled(s) {
			w.text(&s.Text, ParagraphText, label) // its number starts the text
		} else {
			w.text(&s.Text, ParagraphText, "")
		}
		w.list(s.Items, ItemText)
		w.table(s.Table)
		w.sections(s.Sections, childLevel(s, level), nb)
	}
}

func (w *walker) table(t *Table) {
	if t == nil {
		return
	}
	for i := range t.Columns {
		w.text(&t.Columns[i].Title, CellText, "")
		w.text(&t.Columns[i].Align, Setting, "")
	}
	for _, r := range t.Rows {
		w.list(TextList(r), CellText)
	}
	w.list(TextList(t.Total), CellText)
}

func (w *walker) articles(as []Article) {
	for i := range as {
		a := &as[i]
		w.art++
		label := "Điều " + strconv.Itoa(w.art) + "."
		w.text(&a.Title, ArticleTitle, label)
		w.text(&a.Text, ArticleText, label)
		w.list(a.Items, ItemText)
		for j := range a.Clauses {
			c := &a.Clauses[j]
			label := strconv.Itoa(j+1) + "."
			w.text(&c.Title, ClauseTitle, label)
			w.text(&c.Text, ClauseText, label)
			n := 0
			for k := range c.Points {
				label := ""
				if trim(c.Points[k].Value) != "" {
					n++
					label = viet.Letter(n) + ")"
				}
				w.text(&c.Points[k], PointText, label)
			}
			w.list(c.Items, ItemText)
		}
		w.sections(a.Sections, 1, newNumberer(a.Sections, w.decimal))
	}
}

// pointers returns pointers to the elements of l.
func pointers[T any](l []T) []*T {
	out := make([]*T, len(l))
	for i := range l {
		out[i] = &l[i]
	}
	return out
}
