package document

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/viet"
)

// Appendix is a Phụ lục attached to the document (nd30.md §2.15): it
// starts on a page of its own, under its label ("Phụ lục II"), its title in
// capitals and the line that ties it to the document ("Kèm theo Kế hoạch
// số …"). Its content has the keys of a body section.
type Appendix struct {
	Title    TextList  `yaml:"title,required" vi:"tên phụ lục" doc:"Tên phụ lục, in đậm dưới dòng \"Phụ lục I\"" ex:"Dự toán kinh phí thực hiện kế hoạch năm 2024"`
	Text     Text      `yaml:"text" vi:"nội dung" doc:"Các đoạn văn của phụ lục" ex:"Đơn vị tính: nghìn đồng."`
	Items    TextList  `yaml:"items" vi:"các ý gạch đầu dòng" doc:"Các ý gạch đầu dòng" ex:"[Ông Nguyễn Văn A - Chủ tịch UBND xã]"`
	Table    *Table    `yaml:"table" vi:"bảng" doc:"Một bảng có kẻ ô" ex:"{columns: [{title: Nội dung}, {title: Kinh phí, align: right}], rows: [[Tập huấn, 20.000]]}"`
	Sections []Section `yaml:"sections" vi:"các mục" doc:"Các mục của phụ lục" ex:"[{heading: Nhiệm vụ chung}]"`
	// Landscape prints every page of the appendix across the sheet:
	// the decree allows it for a table too wide for portrait (nd30.md §1,
	// §2.15).
	Landscape bool `yaml:"landscape" vi:"trang nằm ngang" doc:"In phụ lục trên trang A4 nằm ngang (bảng nhiều cột)" ex:"true"`
}

// hasTable reports whether the appendix holds a table, at its top or in
// one of its sections.
func (a *Appendix) hasTable() bool {
	var walk func([]Section) bool
	walk = func(ss []Section) bool {
		for _, s := range ss {
			if s.Table != nil || walk(s.Sections) {
				return true
			}
		}
		return false
	}
	return a.Table != nil || walk(a.Sections)
}

// AppendixLabel is the label line of appendix i (0-based): "Phụ lục" when
// the document has one, "Phụ lục I", "Phụ lục II" … when it has several.
func (doc *Document) AppendixLabel(i int) string {
	if len(doc.Appendices) == 1 {
		return "Phụ lục"
	}
	return "Phụ lục " + viet.Roman(i+1)
}

// AppendixTitle is the title of appendix i in capitals, one entry per line
// when it was written as a list.
func (doc *Document) AppendixTitle(i int) [][]Span {
	var out [][]Span
	for _, s := range doc.Appendices[i].Title.Values() {
		spans, _ := ParseInline(oneLine(s))
		for j := range spans {
			spans[j].Text = viet.Upper(spans[j].Text)
		}
		out = append(out, spans)
	}
	return out
}

// LinkLine ties the appendices to the document: "(Kèm theo Kế hoạch số
// 85/KH-UBND ngày 23 tháng 5 năm 2017 của Ủy ban nhân dân thị xã Bỉm
// Sơn)". Without a number it keeps the blank of the "Số:" line for the
// clerk: "số      /KH-UBND" (six no-break spaces). The date's spaces are
// no-break spaces too.
func (doc *Document) LinkLine() string {
	name, _, _ := doc.authorityInText()
	// The clerk's blank is of no-break spaces: the sentence is wrapped,
	// and ordinary spaces would shrink to one.
	number := strings.ReplaceAll(strings.TrimPrefix(doc.NumberLine(), "Số:"), "      ", strings.Repeat("\u00a0", 6))
	// The date is one unit, never broken across lines (no-break spaces).
	date := strings.ReplaceAll(doc.Date.Long(), " ", "\u00a0")
	return "(Kèm theo " + doc.Kind.Name + " số" + number + " " + date + " của " + name + ")"
}

// IssuerInText is the issuing body's name as a sentence writes it:
// issuer.in_text when given, else the header's name in the capitals of a
// sentence (viet.NameInText: "ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN" → "Ủy ban
// nhân dân thị xã Bỉm Sơn", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở
// Lao động - Thương binh và Xã hội"). sure is false when capitals were
// given to a field of work by rule, which the clerk should check.
func (doc *Document) IssuerInText() (name string, sure bool) {
	if s := oneLine(doc.Issuer.InText.Value); s != "" {
		return s, true
	}
	name, guessed := viet.NameInText(strings.Join(doc.Issuer.Name.Values(), " "))
	return name, !guessed
}

// authorityInText is who the appendices belong to in their "Kèm theo"
// line: the authority that issues a decision ("Chủ tịch Ủy ban nhân dân
// thị xã Bỉm Sơn", from issued_by), else the issuing body; and the field
// it comes from.
func (doc *Document) authorityInText() (name string, sure bool, path string) {
	if len(doc.IssuedBy) > 0 && doc.Issuer.InText.Value == "" {
		name, guessed := viet.NameInText(strings.Join(doc.IssuedBy.Values(), " "))
		return name, !guessed, "issued_by"
	}
	name, sure = doc.IssuerInText()
	return name, sure, "issuer.name"
}

// AppendixBody returns the content of appendix i as body blocks: its text,
// items, table and numbered sections (numbered on their own: I., 1., a)).
// Its footnotes go on with the numbering of the document and the
// appendices before it.
func (doc *Document) AppendixBody(i int) []Block {
	nc := doc.newNoteCounter()
	if nc != nil {
		doc.body(nc)
		for k := range i {
			doc.Appendices[k].body(doc.Style.Decimal(), nc)
		}
	}
	return doc.Appendices[i].body(doc.Style.Decimal(), nc)
}

func (a *Appendix) body(decimal bool, notes *noteCounter) []Block {
	b := &bodyBuilder{nb: newNumberer(a.Sections, decimal), notes: notes}
	b.text(a.Text)
	b.items(a.Items)
	b.table(a.Table)
	b.sections(a.Sections, 1)
	return b.blocks
}

// tables validates every table of the body's sections and of the
// appendices.
func (v *validator) tables() {
	var walk func([]Section, bool)
	walk = func(ss []Section, landscape bool) {
		for _, s := range ss {
			v.table(s.Table, landscape)
			walk(s.Sections, landscape)
		}
	}
	articles := func(as []Article) {
		for _, a := range as {
			walk(a.Sections, false)
		}
	}
	walk(v.doc.Sections, false)
	walk(v.doc.Parts, false)
	articles(v.doc.Articles)
	for _, a := range v.doc.Appendices {
		v.table(a.Table, a.Landscape)
		walk(a.Sections, a.Landscape)
	}
	for _, at := range v.doc.Attachments {
		walk(at.Sections, false)
		walk(at.Parts, false)
		articles(at.Articles)
		for _, ch := range at.Chapters {
			articles(ch.Articles)
		}
		for _, a := range at.Appendices {
			v.table(a.Table, a.Landscape)
			walk(a.Sections, a.Landscape)
		}
	}
}

// appendices checks each appendix's title and content, and that the main
// text points to it (nd30.md §2.15).
func (v *validator) appendices() {
	doc := v.doc
	for i, a := range doc.Appendices {
		p := decode.Index("appendices", i)
		if len(a.Title.Values()) == 0 && v.d.Has(decode.Join(p, "title")) && !v.failed(decode.Join(p, "title")) {
			v.d.Problem(decode.Join(p, "title"), msg("appendix.no-title", "phụ lục chưa có tên", "the appendix has no title",
				"ghi tên phụ lục, ví dụ Phân công nhiệm vụ thực hiện Kế hoạch", "its title, such as Phân công nhiệm vụ thực hiện Kế hoạch"))
		}
		if trim(a.Text.Value) == "" && len(a.Items.Values()) == 0 && a.Table == nil && len(a.Sections) == 0 && !v.d.Reported(p) {
			v.d.Problem(p, msg("appendix.no-content", "phụ lục chưa có nội dung", "the appendix has no content",
				"thêm text:, items:, table: hoặc sections: dưới tên phụ lục", "text:, items:, table: or sections: under its title"))
		}
		v.depth(a.Sections, decode.Join(p, "sections"), 1, newNumberer(a.Sections, v.doc.Style.Decimal()))
		if a.Landscape && !a.hasTable() {
			v.d.Warning(decode.Join(p, "landscape"), msg("appendix.landscape-no-table",
				"phụ lục được đặt trang nằm ngang nhưng không có bảng; Nghị định 30 chỉ cho trang ngang khi bảng quá rộng cho trang dọc",
				"the appendix is set landscape but holds no table; Nghị định 30 turns a page only for a table too wide for portrait",
				"chỉ ghi landscape: true ở phụ lục có bảng rộng", "landscape: true only on an appendix with a wide table"))
		}
	}
	if len(doc.Appendices) == 0 {
		return
	}
	if name, sure, path := doc.authorityInText(); !sure {
		v.d.Warning(path, msg("appendix.in-text-guessed",
			fmt.Sprintf("dòng \"Kèm theo\" của phụ lục viết tên cơ quan là %q; kiểm tra lại chữ hoa", name),
			fmt.Sprintf("the appendices' \"Kèm theo\" line writes the name as %q; check its capitals", name),
			"ghi issuer.in_text: tên cơ quan như viết trong câu, ví dụ Sở Văn hóa, Thể thao và Du lịch",
			"issuer.in_text: the name as a sentence writes it, such as Sở Lao động - Thương binh và Xã hội"))
	}
	v.appendixMentions(doc.Appendices, func(f Field) bool { return f.Appendix == 0 && f.Attachment == 0 }, "appendices")
}

// appendixMentions warns about each appendix of as that the texts in
// (the document's body, or an attachment's) never name, names with an
// Arabic number, and about appendices named that as lacks.
func (v *validator) appendixMentions(as []Appendix, in func(Field) bool, path string) {
	if len(as) == 0 {
		return
	}
	m := v.doc.mentions(len(as), in)
	for i := range as {
		label := "Phụ lục"
		if len(as) > 1 {
			label += " " + viet.Roman(i+1)
		}
		switch {
		case m.roman[i]:
		case m.arabic[i]:
			v.d.Warning(decode.Index(path, i), msg("appendix.arabic-mention",
				fmt.Sprintf("nội dung gọi là Phụ lục %d, nhưng phụ lục được in là %s", i+1, label),
				fmt.Sprintf("the text calls it Phụ lục %d, but it is printed as %s", i+1, label),
				fmt.Sprintf("viết %s trong nội dung: Nghị định 30 đánh số phụ lục bằng số La Mã I, II, III …", label),
				fmt.Sprintf("%s in the text: Nghị định 30 numbers appendices I, II, III …", label)))
		default:
			v.d.Warning(decode.Index(path, i), msg("appendix.not-mentioned",
				fmt.Sprintf("nội dung văn bản không nhắc đến %s", label), fmt.Sprintf("the text never mentions %s", label),
				fmt.Sprintf("thêm một câu dẫn đến phụ lục, ví dụ \"… (chi tiết tại %s kèm theo)\"", label),
				fmt.Sprintf("a sentence of the body that points to it, such as \"… (chi tiết tại %s kèm theo)\"", label)))
		}
	}
	for _, k := range slices.Compact(slices.Sorted(slices.Values(m.missing))) {
		v.d.Warning(path, msg("appendix.no-such",
			fmt.Sprintf("nội dung nhắc đến Phụ lục %s, nhưng văn bản chỉ có %d phụ lục", viet.Roman(k), len(as)),
			fmt.Sprintf("the text mentions Phụ lục %s, but the document has %d appendices", viet.Roman(k), len(as)),
			"thêm phụ lục mà nội dung nhắc đến, hoặc sửa lại nội dung", "an appendix for each one the text names, or the text corrected"))
	}
}

// mention is what the main text says of the appendices.
type mention struct {
	roman   []bool // appendix i named as the decree numbers it (Phụ lục II)
	arabic  []bool // named with a number instead (Phụ lục 2, Phụ lục số 02)
	missing []int  // numbers named that no appendix has
}

// inBody reports whether a text of role r is part of the body, where the
// text points to the appendices.
func inBody(r Role) bool {
	switch r {
	case BasisText, ParagraphText, EnactingText, HeadingText, PartTitle, ItemText, ArticleTitle, ArticleText,
		ClauseTitle, ClauseText, PointText, CellText:
		return true
	}
	return false
}

// mentions reads which appendices the main text names: "Phụ lục II",
// "Phụ lục I, II và III", "Phụ lục I đến III"; with one appendix, any
// "phụ lục". Letter case does not matter for the word.
func (doc *Document) mentions(n int, in func(Field) bool) mention {
	m := mention{roman: make([]bool, n), arabic: make([]bool, n)}
	var b strings.Builder
	for f := range doc.Fields() {
		if in(f) && inBody(f.Role) {
			spans, _ := ParseInline(f.Value)
			b.WriteString(Plain(spans))
			b.WriteByte('\n')
		}
	}
	text := []rune(b.String())
	lower := make([]rune, len(text))
	for i, r := range text {
		lower[i] = unicode.ToLower(r)
	}
	word := []rune("phụ lục")
	for i := 0; i+len(word) <= len(lower); i++ {
		if string(lower[i:i+len(word)]) != string(word) || i > 0 && unicode.IsLetter(lower[i-1]) {
			continue
		}
		if n == 1 {
			m.roman[0] = true
			continue
		}
		m.read(text[i+len(word):])
	}
	return m
}

// read reads the numbers after "Phụ lục": Roman numerals or numbers (with
// or without "số"), a list joined by commas or "và", or a range with
// "đến", "-" or "–".
func (m *mention) read(rs []rune) {
	prev, span := 0, false
	for len(rs) > 0 {
		for len(rs) > 0 && (rs[0] == ' ' || rs[0] == '\u00a0' || rs[0] == ',') {
			rs = rs[1:]
		}
		n := 0
		for n < len(rs) && (unicode.IsLetter(rs[n]) || unicode.IsDigit(rs[n])) {
			n++
		}
		tok := string(rs[:n])
		switch {
		case tok == "và" || tok == "đến" || tok == "tới":
			span = tok != "và"
		case tok == "số":
		case n == 0 && len(rs) > 0 && (rs[0] == '-' || rs[0] == '–'):
			span, n = true, 1
		default:
			k, arabic := romanValue(tok), false
			if d, err := strconv.Atoi(tok); err == nil && d > 0 && d < 100 {
				k, arabic = d, true
			}
			if k == 0 {
				return
			}
			lo := k
			if span && prev > 0 {
				lo = prev + 1
			}
			for j := lo; j <= k; j++ {
				switch {
				case j > len(m.roman):
					m.missing = append(m.missing, j)
				case arabic:
					m.arabic[j-1] = true
				default:
					m.roman[j-1] = true
				}
			}
			prev, span = k, false
		}
		rs = rs[n:]
	}
}

// romanValue is the number a Roman numeral (I … L) writes, or 0.
func romanValue(s string) int {
	for n := 1; n <= 50 && s != ""; n++ {
		if viet.Roman(n) == s {
			return n
		}
	}
	return 0
}
