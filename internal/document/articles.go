package document

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Article is an article (Điều) of a decision, a resolution or a
// regulation (nd30.md §2.10, table A): "Điều 1. Title" in bold, then its
// text, its numbered clauses and dash items. Written as a text, it is an
// article without a title: "Điều 2. Quyết định này có hiệu lực …" with
// only "Điều 2." in bold, as in the decree's Quyết định template.
type Article struct {
	Title   Text     `yaml:"title" vi:"tên điều" doc:"Tên điều, in đậm sau \"Điều 1.\"" ex:"Phạm vi điều chỉnh"`
	Text    Text     `yaml:"text" vi:"nội dung điều" doc:"Nội dung điều" ex:"Quyết định này có hiệu lực kể từ ngày ký."`
	Clauses []Clause `yaml:"clauses" vi:"các khoản 1., 2." doc:"Các khoản, đánh số 1., 2. …" ex:"[Tuyên truyền Luật Bình đẳng giới., Tập huấn cho cán bộ xã.]"`
	Items   TextList `yaml:"items" vi:"các ý gạch đầu dòng" doc:"Các ý gạch đầu dòng" ex:"[Ông Nguyễn Văn A - Chủ tịch UBND xã, Trưởng ban]"`
	// Sections are the outline of a plan or programme the article
	// approves ("Thông qua Kế hoạch … như sau:" then "I. MỤC TIÊU",
	// "1. Mục tiêu", "a) …"), numbered and set as the body's sections.
	Sections []Section `yaml:"sections" vi:"các mục I., 1., a) trong điều" doc:"Các mục của kế hoạch, chương trình mà điều thông qua (\"… như sau:\"), in sau nội dung và các khoản của điều; vanban tự đánh số I., 1., a) như các mục của văn bản" ex:"[{heading: Mục tiêu và các chỉ tiêu chủ yếu năm 2026, sections: [{heading: Mục tiêu, text: Tiếp tục phát triển kinh tế.}]}]"`
	Path     string    `yaml:"-"`
}

// Clause is a numbered clause (khoản, "1.") of an article, with its points
// (điểm, "a)"). Written as a text, it is a clause without a title.
type Clause struct {
	Title  Text     `yaml:"title" vi:"tên khoản" doc:"Tên khoản" ex:"Trách nhiệm của Văn phòng"`
	Text   Text     `yaml:"text" vi:"nội dung khoản" doc:"Nội dung khoản" ex:"Văn phòng HĐND và UBND xã theo dõi việc thực hiện."`
	Points TextList `yaml:"points" vi:"các điểm a), b), c)" doc:"Các điểm a), b), c) …" ex:"[Tổng hợp số liệu., Báo cáo kết quả.]"`
	Items  TextList `yaml:"items" vi:"các ý gạch đầu dòng" doc:"Các ý gạch đầu dòng" ex:"[Thu thập số liệu.]"`
	Path   string   `yaml:"-"`
}

// articleFields and clauseFields decode the written-out forms without
// recursing into DecodeNode.
type (
	articleFields Article
	clauseFields  Clause
)

// DecodeNode implements decode.Unmarshaler: a text or a group of fields.
func (a *Article) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	a.Path = path
	if asText(n, "title", "text", "clauses", "items", "sections") {
		a.Text.DecodeNode(d, n, path)
		return
	}
	d.Value(n, path, (*articleFields)(a))
}

// DecodeNode implements decode.Unmarshaler: a text or a group of fields.
func (c *Clause) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	c.Path = path
	if asText(n, "title", "text", "points", "items") {
		c.Text.DecodeNode(d, n, path)
		return
	}
	d.Value(n, path, (*clauseFields)(c))
}

// asText reports whether n is to be read as a text: anything but a group
// of fields, or a "group" that is prose YAML misread ("- Ban có nhiệm vụ
// sau:", "- Hội LHPN xã: chủ trì …"), which Text reads as typed.
func asText(n *yaml.Node, keys ...string) bool {
	return n.Kind != yaml.MappingNode || decode.IsProse(n, keys...)
}

// IsLegal reports whether the type enacts its articles with a centred
// "QUYẾT ĐỊNH:" or "QUYẾT NGHỊ:" line (nd30.md §2.6).
func (t DocType) IsLegal() bool { return t.Key == "quyet-dinh" || t.Key == "nghi-quyet" }

// Enacting is the line between the bases and the articles of a decision
// or a resolution, or "".
func (doc *Document) Enacting() string {
	switch doc.Kind.Key {
	case "quyet-dinh":
		return "QUYẾT ĐỊNH:"
	case "nghi-quyet":
		return "QUYẾT NGHỊ:"
	}
	return ""
}

// articles adds the articles to the body: "Điều 1. Title" in bold (a
// heading glued to what follows), or, without a title, "Điều 1." in bold
// leading the text; clauses "1." (bold with their title), points "a)";
// then the article's sections, numbered as the body's are.
// Numbers the clerk typed were removed by validation (typedLabels).
func (b *bodyBuilder) articles(as []Article) {
	for _, a := range as {
		if b.enough() {
			return
		}
		b.art++
		label := []Span{{Text: "Điều " + strconv.Itoa(b.art) + ". ", Bold: true}}
		paras := parts(a.Text, ArticleText)
		switch {
		case trim(a.Title.Value) != "":
			n := len(b.blocks)
			b.add(Heading, 1, a.Title, trim(a.Title.Value), label)
			bolden(b.blocks[n:])
		case len(paras) > 0:
			b.add(Paragraph, 0, a.Text, paras[0].text, label)
			paras = paras[1:]
		default:
			b.blocks = append(b.blocks, Block{Kind: Heading, Level: 1, Spans: []Span{{Text: trim(label[0].Text), Bold: true}}, Path: a.Path})
		}
		for _, p := range paras {
			b.add(Paragraph, 0, a.Text, p.text, nil)
		}
		b.items(a.Items)
		for j, c := range a.Clauses {
			b.clause(c, j+1)
		}
		nb := b.nb
		b.nb = newNumberer(a.Sections, nb.decimal)
		b.sections(a.Sections, 1)
		b.nb = nb
	}
}

// clause adds a clause: "1. Title" in bold on its own line, or "1. text".
func (b *bodyBuilder) clause(c Clause, n int) {
	label := []Span{{Text: strconv.Itoa(n) + ". "}}
	paras := parts(c.Text, ClauseText)
	if t := c.Title; trim(t.Value) != "" {
		kind := Heading
		if len(paras) == 0 && len(c.Points.Values()) == 0 && len(c.Items.Values()) == 0 {
			kind = Paragraph
		}
		k := len(b.blocks)
		b.add(kind, 2, t, trim(t.Value), label)
		bolden(b.blocks[k:])
	} else if len(paras) > 0 {
		b.add(Paragraph, 0, c.Text, paras[0].text, label)
		paras = paras[1:]
	}
	for _, p := range paras {
		b.add(Paragraph, 0, c.Text, p.text, nil)
	}
	for i, pt := range c.Points.NonBlank() {
		b.lead(Paragraph, pt, PointText, []Span{{Text: viet.Letter(i+1) + ") "}})
	}
	b.items(c.Items)
}

// items adds dash items; a dash typed before an item is the item's own.
// A list numbered by hand (numbered.go) is printed as typed: each item a
// paragraph that starts with its number, without a dash.
func (b *bodyBuilder) items(l TextList) {
	k := Item
	if handNumbered(l) {
		k = Paragraph
	}
	for _, it := range l {
		b.lead(k, it, ItemText, nil)
	}
}

// lead adds a text whose first paragraph is a block of kind k after the
// spans lead (a point's letter; an item's dash, which the layout draws),
// and whose other paragraphs, the lines of a literal block, follow as
// body paragraphs.
func (b *bodyBuilder) lead(k BlockKind, t Text, r Role, lead []Span) {
	for i, p := range parts(t, r) {
		if i > 0 {
			b.add(Paragraph, 0, t, p.text, nil)
			continue
		}
		if k == Item {
			p.text = trim(strings.TrimPrefix(p.text, "- "))
			if p.text == "" {
				continue
			}
		}
		b.add(k, 0, t, p.text, lead)
	}
}

// bolden sets blocks in bold, as titles of articles and clauses are.
func bolden(blocks []Block) {
	for i := range blocks {
		for j := range blocks[i].Spans {
			blocks[i].Spans[j].Bold = true
		}
		blocks[i].Spans = merge(blocks[i].Spans)
	}
}

// issuedByFix proposes the issued_by line from the document's own issuer
// and signer: the collective body when the signer signs for it (TM.),
// else the head's title and the body ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
// THANH HÓA"); both when the signer says neither.
func (v *validator) issuedByFix() (fixVi, fixEn string) {
	doc := v.doc
	body := strings.Join(Upper(doc.Issuer.Name), " ")
	if body == "" {
		return "thêm issued_by: với tên cơ quan hoặc chức danh ban hành, in hoa", "issued_by: the issuing body or its head, in capitals"
	}
	head := ""
	for _, a := range Upper(doc.Signer.Authority) {
		switch {
		case strings.HasPrefix(a, "TM."):
			return "thêm issued_by: " + body, "issued_by: " + body
		case strings.HasPrefix(a, "KT."):
			head = strings.TrimSpace(strings.TrimPrefix(a, "KT."))
		}
	}
	if p := viet.Upper(trim(doc.Signer.Position.Value)); head == "" && len(doc.Signer.Authority.Values()) == 0 && p != "" {
		head = p
	}
	if head != "" {
		return "thêm issued_by: " + head + " " + body, "issued_by: " + head + " " + body
	}
	return fmt.Sprintf("thêm issued_by: %s (tập thể ban hành), hoặc issued_by: CHỦ TỊCH %s (người đứng đầu ban hành)", body, body),
		fmt.Sprintf("issued_by: %s (the collective body), or issued_by: CHỦ TỊCH %s (its head)", body, body)
}

// articles checks the articles: not together with sections, none empty,
// titles for all or none; numbers typed by hand are ignored with a
// warning; a decision or resolution without articles is warned about, as
// is a recipient "Như Điều N" that names no article.
func (v *validator) articles() {
	doc := v.doc
	as := doc.Articles
	switch {
	case len(as) > 0 && len(doc.Sections)+len(doc.Parts) > 0:
		v.d.Problem("articles", msg("articles.with-sections",
			"văn bản có cả các mục (sections:) lẫn các điều (articles:)", "the document has both sections and articles",
			"chỉ dùng articles: (Điều 1., Điều 2. …) cho Quyết định, Nghị quyết; hoặc sections: cho kế hoạch, chương trình, báo cáo",
			"articles (Điều 1., Điều 2. …) for a Quyết định or Nghị quyết, or sections for a plan, program or report"))
	case len(as) == 0 && doc.Kind.IsLegal() && len(doc.Sections)+len(doc.Parts) > 0:
		v.d.Warning("sections", msg("articles.legal-in-sections",
			fmt.Sprintf("%s được viết theo các điều (Điều 1., Điều 2. …), không theo các mục đánh số", doc.Kind.Name),
			fmt.Sprintf("a %s is written in articles (Điều 1., Điều 2. …), not in numbered sections", doc.Kind.Name),
			"viết articles: với title:, text:, clauses: và points:; lệnh vanban new "+doc.Kind.Key+" cho một tệp mẫu",
			"articles: with title, text, clauses and points; vanban new "+doc.Kind.Key+" shows one"))
	}
	v.enacting()
	if doc.Kind.IsLegal() && len(doc.IssuedBy.Values()) == 0 && trim(doc.EnactingSentence.Value) == "" && !v.d.Reported("issued_by") {
		fixVi, fixEn := v.issuedByFix()
		pos := diag.Pos{}
		if len(doc.Title) > 0 {
			pos = Locate(doc.Source, doc.Title[0], 0) // the line goes under the title
		}
		v.d.WarningAt(pos, "issued_by", msg("articles.issued-by-missing",
			fmt.Sprintf("%s ghi thẩm quyền ban hành dưới trích yếu", doc.Kind.Name),
			fmt.Sprintf("a %s names the authority that issues it under its title", doc.Kind.Name),
			fixVi, fixEn))
	}
	titled := 0
	for _, a := range as {
		if trim(a.Title.Value) != "" {
			titled++
		}
	}
	for i, a := range as {
		v.article(a, i+1, titled > 0 && titled < len(as))
	}
	v.citedArticles()
}

func (v *validator) article(a Article, n int, mixed bool) {
	empty := trim(a.Text.Value) == "" && len(a.Clauses) == 0 && len(a.Items.Values()) == 0 && len(a.Sections) == 0
	switch {
	case v.reportedUnder(a.Path):
	case empty && trim(a.Title.Value) == "":
		v.d.Problem(a.Path, msg("article.empty", fmt.Sprintf("Điều %d để trống", n), fmt.Sprintf("Điều %d is empty", n),
			"ghi nội dung của điều, hoặc title: cùng text:, clauses: hay items:", "a text, or title: with text:, clauses: or items:"))
	case empty:
		v.d.Problem(decode.Join(a.Path, "title"), msg("article.title-only",
			fmt.Sprintf("Điều %d có tên điều nhưng không có nội dung", n), fmt.Sprintf("Điều %d has a title but nothing under it", n),
			"thêm text: (hoặc clauses:) dưới tên điều; điều không có tên thì chỉ ghi nội dung",
			"text: (or clauses:) under the title; an article without a title is written as its text alone"))
	case mixed && trim(a.Title.Value) == "":
		v.d.Warning(a.Path, msg("article.title-mixed",
			fmt.Sprintf("Điều %d không có tên điều, nhưng các điều khác có", n), fmt.Sprintf("Điều %d has no title, but other articles have one", n),
			"đặt tên cho mọi điều, hoặc không điều nào có tên (như mẫu Quyết định của Nghị định 30)",
			"a title for every article, or for none (as in the decree's Quyết định template)"))
	}
	v.depth(a.Sections, decode.Join(a.Path, "sections"), 1, newNumberer(a.Sections, v.doc.Style.Decimal()))
	for i, c := range a.Clauses {
		switch {
		case v.reportedUnder(c.Path):
		case trim(c.Title.Value) == "" && trim(c.Text.Value) == "" && len(c.Points.Values()) == 0 && len(c.Items.Values()) == 0:
			v.d.Problem(c.Path, msg("clause.empty",
				fmt.Sprintf("khoản %d của Điều %d để trống", i+1, n), fmt.Sprintf("clause %d of Điều %d is empty", i+1, n),
				"ghi nội dung của khoản, hoặc title: cùng text:, points: hay items:", "a text, or title: with text:, points: or items:"))
		case trim(c.Title.Value) == "" && trim(c.Text.Value) == "":
			v.d.Problem(c.Path, msg("clause.points-only",
				fmt.Sprintf("khoản %d của Điều %d có các điểm nhưng không có nội dung dẫn", i+1, n),
				fmt.Sprintf("clause %d of Điều %d has points but no text", i+1, n),
				"thêm text: (\"… gồm:\") hoặc title: trước các điểm", "text: (\"… gồm:\") or title: before the points"))
		}
	}
}

// failed reports whether an error (not a warning) was reported for
// exactly path: a title whose typed label was left out with a warning and
// nothing else is still empty.
func (v *validator) failed(path string) bool {
	for _, x := range v.d.Diags {
		if x.Field == path && x.Severity == diag.Error {
			return true
		}
	}
	return false
}

// reportedUnder reports whether a problem was reported for path or a
// field inside it (a misspelt key says what is missing better than
// "empty" would).
func (v *validator) reportedUnder(path string) bool {
	for _, x := range v.d.Diags {
		if x.Field == path || strings.HasPrefix(x.Field, path+".") || strings.HasPrefix(x.Field, path+"[") {
			return true
		}
	}
	return false
}

// citedRe finds "Như Điều 3" in a recipient.
var citedRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)điều\s+(\d+)`) })

// citedArticles warns about a recipient "Như Điều N" (those who carry out
// the decision, named in its last article) that names no article.
func (v *validator) citedArticles() {
	if len(v.doc.Articles) == 0 {
		return
	}
	for _, r := range v.doc.Recipients {
		m := citedRe().FindStringSubmatch(r.Value)
		if m == nil {
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n < 1 || n > len(v.doc.Articles) {
			k := len(v.doc.Articles)
			v.d.Warning(r.Path, msg("recipients.no-such-article",
				fmt.Sprintf("văn bản không có Điều %s: chỉ có %d điều", m[1], k),
				fmt.Sprintf("the document has no Điều %s: it has %d articles", m[1], k),
				fmt.Sprintf("Như Điều %d, điều giao trách nhiệm thi hành", k),
				fmt.Sprintf("Như Điều %d, the article that names who carries out the document", k)))
		}
	}
}

// enactRe finds the enacting sentence of the 2025 form: "… ban hành
// Quyết định …", "… ban hành Nghị quyết …".
var enactRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bban\s+hành\s+(quyết\s+định|nghị\s+quyết)\b`)
})

// basisWords start the lines that are bases, not the enacting sentence.
var basisWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:căn\s+cứ|theo|xét|thực\s+hiện|sau\s+khi)\b`)
})

// enacting checks the enacting sentence (enacting:), which the 2025 law
// on legal documents puts after the bases in place of "QUYẾT ĐỊNH:"
// (Quyết định 128/2025/QĐ-UBND of Thanh Hóa: "Ủy ban nhân dân ban hành
// Quyết định về việc ban hành Quy chế …"; Quyết định 44/2025/QĐ-CTUBND of
// Gia Lai: "Chủ tịch Ủy ban nhân dân ban hành Quyết định phân cấp …"):
// only a decision or a resolution has one. Without it, a last basis that
// is such a sentence is warned about: it would print in italics, as a
// basis, followed by "QUYẾT ĐỊNH:".
func (v *validator) enacting() {
	doc := v.doc
	if trim(doc.EnactingSentence.Value) != "" {
		if doc.Kind.Key != "" && !doc.Kind.IsLegal() {
			v.d.Problem("enacting", msg("enacting.not-legal",
				fmt.Sprintf("%s không có câu ban hành thay dòng “QUYẾT ĐỊNH:”", doc.Kind.Name),
				fmt.Sprintf("a %s has no enacting sentence", doc.Kind.Name),
				"chỉ Quyết định, Nghị quyết có enacting:; đoạn này viết ở preamble:",
				"only a Quyết định or a Nghị quyết has enacting:; write this paragraph in preamble:"))
		}
		return
	}
	bases := doc.Bases.NonBlank()
	if !doc.Kind.IsLegal() || len(bases) == 0 {
		return
	}
	last := bases[len(bases)-1]
	s := trim(last.Value)
	if basisWords().MatchString(s) || !enactRe().MatchString(s) {
		return
	}
	line := doc.Enacting()
	v.d.Warning(last.Path, msg("bases.enacting-sentence",
		fmt.Sprintf("“%s” là câu ban hành, không phải căn cứ: vanban in nó nghiêng như một căn cứ rồi thêm dòng “%s”", shorten(oneLine(s), 80), line),
		fmt.Sprintf("%q is the enacting sentence, not a basis: vanban prints it in italics as a basis, then the line %q", shorten(oneLine(s), 80), line),
		fmt.Sprintf("chuyển câu này ra khỏi bases: thành dòng enacting: %s (in đứng, không có dòng “%s”, theo mẫu của Luật Ban hành văn bản quy phạm pháp luật năm 2025)", oneLine(s), line),
		fmt.Sprintf("move it out of bases: to enacting: %s (regular type, no %q line, as the 2025 law on legal documents has it)", oneLine(s), line)))
}

// lastBasisEnd is the mark after the last basis: ".", or ";" when the
// enacting sentence follows and ends the sentence the bases begin (as
// Quyết định 128/2025/QĐ-UBND and 44/2025/QĐ-CTUBND print it).
func (doc *Document) lastBasisEnd() string {
	if trim(doc.EnactingSentence.Value) != "" {
		return ";"
	}
	return "."
}
