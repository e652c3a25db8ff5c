package document

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// Line breaks in a value, as YAML hands them over and as vanban prints
// them:
//
//   - A literal block ("|") keeps the clerk's lines: each line is a
//     paragraph of its own, as each line of a giấy mời's "Thời gian: …",
//     "Địa điểm: …", "Thành phần: …" is in the decree's templates and in
//     the seed, where every line is a paragraph with its own first-line
//     indent and its 6 pt before.
//   - A folded block (">"), a plain value over several lines and a quoted
//     one are joined by YAML into one line; a blank line between their
//     lines reaches vanban as a line break, and starts a new paragraph.
//
// So a line break that reaches vanban always starts a new paragraph in the
// texts that hold paragraphs (Role.Paragraphs); in a heading or a title
// the lines are joined, and in the lists whose entries are lines (the
// issuer, the trích yếu, "Kính gửi", the bases, "Nơi nhận", the authority,
// the address) a literal block gives one entry per line, as a YAML list
// would.

// para is a paragraph of a text and where it starts in the text's value.
type para struct {
	text string
	off  int
}

// splitParagraphs splits a text at its line breaks, leaving out blank
// lines and keeping each paragraph's offset in the text for error
// positions.
func splitParagraphs(s string) []para {
	var out []para
	for start := 0; start <= len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		p := s[start:end]
		if t := trim(p); t != "" {
			out = append(out, para{t, start + strings.Index(p, t)})
		}
		start = end + 1
	}
	return out
}

// parts returns the paragraphs of a text of role r as the body prints
// them: one per line for the roles that hold paragraphs, else the whole
// text as one.
func parts(t Text, r Role) []para {
	if r.Paragraphs() {
		return splitParagraphs(t.Value)
	}
	s := trim(t.Value)
	if s == "" {
		return nil
	}
	return []para{{s, strings.Index(t.Value, s)}}
}

// literal reports whether the text was written as a literal block ("|").
func literal(t Text) bool { return t.Node != nil && t.Node.Style&yaml.LiteralStyle != 0 }

// lineLists are the lists of the document whose entries are printed one a
// line (or one a paragraph, for the bases), where a literal block gives
// one entry per line.
func (doc *Document) lineLists() []*TextList {
	out := []*TextList{&doc.Issuer.Parent, &doc.Issuer.Name, &doc.Title, &doc.IssuedBy, &doc.To,
		&doc.Bases, &doc.Recipients, &doc.Address, &doc.Signer.Authority}
	if doc.Cosigner != nil {
		out = append(out, &doc.Cosigner.Authority)
	}
	for i := range doc.Appendices {
		out = append(out, &doc.Appendices[i].Title)
	}
	for i := range doc.Attachments {
		out = append(out, &doc.Attachments[i].Title)
		for j := range doc.Attachments[i].Appendices {
			out = append(out, &doc.Attachments[i].Appendices[j].Title)
		}
	}
	return out
}

// itemLists are the lists of dash items, where a list written as one
// literal block gives one item per line.
func (doc *Document) itemLists() []*TextList {
	var out []*TextList
	var walk func([]Section)
	walk = func(ss []Section) {
		for i := range ss {
			out = append(out, &ss[i].Items)
			walk(ss[i].Sections)
		}
	}
	walk(doc.Sections)
	walk(doc.Parts)
	for i := range doc.Articles {
		a := &doc.Articles[i]
		out = append(out, &a.Items)
		for j := range a.Clauses {
			out = append(out, &a.Clauses[j].Items, &a.Clauses[j].Points)
		}
		walk(a.Sections)
	}
	for i := range doc.Appendices {
		out = append(out, &doc.Appendices[i].Items)
		walk(doc.Appendices[i].Sections)
	}
	return out
}

// splitLines gives a list written as literal blocks one entry per
// non-blank line: the lines are set as the clerk broke them. An entry
// that comes from the list's only text gets the path of its line
// ("title[2]"), recorded at the line's position; the entries of one entry
// of a YAML list keep that entry's path.
func (v *validator) splitLines(l *TextList, all bool) {
	if !all && (len(*l) != 1 || (*l)[0].Listed) {
		return
	}
	var out TextList
	split := false
	for _, t := range *l {
		if !literal(t) || len(splitParagraphs(t.Value)) < 2 {
			out = append(out, t)
			continue
		}
		split = true
		for k, p := range splitParagraphs(t.Value) {
			e := t
			e.lead, e.Value, e.Listed = t.lead+t.Value[:p.off], p.text, true
			if len(*l) == 1 && !t.Listed {
				e.Path = decode.Index(t.Path, k)
				pos := Locate(v.doc.Source, e, 0)
				v.d.Record(e.Path, &yaml.Node{Line: pos.Line, Column: pos.Col})
			}
			out = append(out, e)
		}
	}
	if split {
		*l = out
	}
}

// literalLines splits the literal blocks of the lists of lines and of
// items into entries, and warns, once a text, where a literal block seems
// to continue a sentence on its next line: the clerk (or an editor that
// wraps lines) broke a paragraph where "|" keeps the break.
func (v *validator) literalLines() {
	for f := range v.doc.Fields() {
		if f.Role.Printed() {
			v.blockComments(*f.Text)
		}
		switch {
		case !literal(*f.Text):
		case f.Role.Paragraphs(), f.Role == BasisText, f.Role == ToText, f.Role == RecipientText:
			// Sentences, where a break inside one is a mistake; the
			// lines of a name, a title or an address are set as typed.
			v.brokenSentence(*f.Text)
		}
	}
	for _, l := range v.doc.lineLists() {
		v.splitLines(l, true)
	}
	for _, l := range v.doc.itemLists() {
		v.splitLines(l, false)
	}
}

// blockComments warns at each line of a block (| or >) that starts with
// "# ", which reads as a comment like every other "# " of the file but is
// printed: YAML keeps no comment inside a block. ("#3" is text and stays
// quiet.) The lines are read in the source, where a folded block still
// has them.
func (v *validator) blockComments(t Text) {
	n := t.Node
	if n == nil || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		return
	}
	block := "|"
	if n.Style&yaml.FoldedStyle != 0 {
		block = ">"
	}
	if !strings.Contains(t.Value, "#") {
		return // most blocks: no line to look at
	}
	start := lineStart(v.doc.Source, n.Line+1) // n.Line is the line of | or >
	if start < 0 {
		return
	}
	indent := -1 // the block's indentation, from its first line
	for i, rest := n.Line, v.doc.Source[start:]; len(rest) > 0; i++ {
		raw, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		l := strings.TrimRight(string(raw), "\r")
		s := strings.TrimLeft(l, " ")
		if s == "" {
			continue
		}
		if indent < 0 {
			indent = len(l) - len(s)
		}
		if len(l)-len(s) < indent || indent == 0 {
			return
		}
		if s == "#" || strings.HasPrefix(s, "# ") {
			col := utf8.RuneCountInString(l[:len(l)-len(s)]) + 1
			v.d.WarningAt(diag.Pos{Line: i + 1, Col: col}, t.Path, diag.Msg{
				Code:  "text.block-comment",
				Vi:    "dòng này bắt đầu bằng «# » như một ghi chú, nhưng nằm trong khối «" + block + "» nên được in ra như chữ",
				En:    "this line starts with \"# \" like a comment, but it stands inside a " + block + " block, so it is printed as text",
				FixVi: "nếu đó là ghi chú không cần in, chuyển dòng này ra ngoài khối, lên trên dòng có dấu " + block + "; nếu cần in dấu # thì giữ nguyên",
				FixEn: "if it is a note not to print, the line moved out of the block, above the line with " + block + "; kept as it is if the # must print",
			})
		}
	}
}

// brokenSentence warns at the first line of a literal block that goes on
// with the sentence of the line above: the line above ends with a letter,
// a digit or a comma, and this one starts with a small letter.
func (v *validator) brokenSentence(t Text) {
	ps := splitParagraphs(t.Value)
	for i := 1; i < len(ps); i++ {
		last, _ := utf8.DecodeLastRuneInString(ps[i-1].text)
		first, _ := utf8.DecodeRuneInString(ps[i].text)
		gap := t.Value[ps[i-1].off+len(ps[i-1].text) : ps[i].off]
		if strings.Count(gap, "\n") != 1 || !unicode.IsLower(first) ||
			!(unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',') {
			continue
		}
		v.d.WarningAt(Locate(v.doc.Source, t, ps[i].off), t.Path, diag.Msg{
			Code: "text.literal-line-break",
			Vi: "dòng này viết tiếp câu của dòng trên nhưng sẽ được in thành một đoạn riêng, " +
				"vì sau dấu | mỗi dòng là một đoạn",
			En: "this line goes on with the sentence above, but it is printed as a paragraph of its own: " +
				"after | every line is a paragraph",
			FixVi: "viết > thay cho | để nối các dòng thành một đoạn (các đoạn cách nhau một dòng trống), hoặc nối dòng này vào dòng trên",
			FixEn: "> instead of | to join the lines into paragraphs (a blank line between paragraphs), or this line joined to the one above",
		})
		return
	}
}
