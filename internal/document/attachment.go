package document

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/viet"
)

// Attachment is a document issued with a decision or a resolution (văn
// bản ban hành kèm theo): "Điều 1. Ban hành kèm theo Quyết định này Quy
// chế …". It follows the decree's model for such documents (Phụ lục III,
// "Mẫu văn bản (được ban hành, phê duyệt kèm theo quyết định)"): from a
// new page, the header of the issuing body and the national name without
// a number or a date, its type name and title, the line "(Kèm theo Quyết
// định số … ngày … của …)" under them with a short rule, then its own
// structure, numbered on its own: sections (I., 1., a)) for a plan or a
// programme, chapters of articles (Chương I, Điều 1.) for rules; no
// signature, its own page numbers. It may have appendices of its own.
type Attachment struct {
	Type       Text       `yaml:"type,required" vi:"loại văn bản kèm theo" doc:"Loại văn bản kèm theo, như type: của văn bản" ex:"ke-hoach"`
	Title      TextList   `yaml:"title,required" vi:"trích yếu" doc:"Trích yếu của văn bản kèm theo" ex:"Thực hiện công tác bình đẳng giới năm 2024"`
	Preamble   TextList   `yaml:"preamble" vi:"phần mở đầu" doc:"Các đoạn mở đầu" ex:"[Để triển khai Luật Bình đẳng giới, UBND xã ban hành kế hoạch như sau:]"`
	Sections   []Section  `yaml:"sections" vi:"các phần, mục" doc:"Các phần, mục" ex:"[{heading: Mục đích, yêu cầu}]"`
	Parts      []Section  `yaml:"parts" vi:"các phần (Phần thứ nhất …)" doc:"Các phần lớn, in \"Phần thứ nhất\" rồi tên phần in hoa; các mục của mỗi phần đánh số lại từ I." ex:"[{heading: Thực trạng, sections: [{heading: Kết quả đạt được}]}]"`
	Chapters   []Chapter  `yaml:"chapters" vi:"các chương" doc:"Các chương của quy chế, quy định; điều đánh số liên tục qua các chương" ex:"[{title: Quy định chung, articles: [Quy chế này quy định …]}]"`
	Articles   []Article  `yaml:"articles" vi:"các điều" doc:"Các điều" ex:"[{title: Phạm vi điều chỉnh, text: Quy chế này quy định …}]"`
	Closing    TextList   `yaml:"closing" vi:"phần kết" doc:"Các đoạn kết" ex:"[Trong quá trình thực hiện, nếu có vướng mắc, báo cáo UBND xã.]"`
	Appendices []Appendix `yaml:"appendices" vi:"các phụ lục" doc:"Các phụ lục của văn bản kèm theo" ex:"[{title: Danh sách thành viên}]"`

	// Kind is the type looked up in the table of types.
	Kind DocType `yaml:"-"`
}

// Chapter is a chapter (Chương) of a rule: "Chương I" and its title in
// capitals, centred and bold (nd30.md §2.10, table A), then its articles.
// Articles are numbered through the chapters.
type Chapter struct {
	Title    Text      `yaml:"title,required" vi:"tên chương" doc:"Tên chương, in hoa dưới \"Chương I\"" ex:"Quy định chung"`
	Articles []Article `yaml:"articles" vi:"các điều" doc:"Các điều của chương" ex:"[{title: Phạm vi điều chỉnh, text: Quy chế này quy định …}]"`
}

// TypeName is the attachment's type name in capitals ("QUY CHẾ").
func (a *Attachment) TypeName() string { return viet.Upper(a.Kind.Name) }

// TitleLines is the attachment's title, one entry per line when written
// as a list.
func (a *Attachment) TitleLines() [][]Span {
	var out [][]Span
	for _, s := range a.Title.Values() {
		spans, _ := ParseInline(oneLine(s))
		out = append(out, spans)
	}
	return out
}

// AttachmentBody returns the content of attachment i as body blocks: its
// opening paragraphs, its chapters (a ChapterHead block for "Chương I"
// and one for the title) and articles, or its sections, and its closing,
// which ends with "./.". Its footnotes are numbered from 1: it is a
// document of its own.
func (doc *Document) AttachmentBody(i int) []Block {
	return doc.attachmentBody(i, doc.newNoteCounter())
}

func (doc *Document) attachmentBody(i int, notes *noteCounter) []Block {
	a := &doc.Attachments[i]
	b := &bodyBuilder{nb: newNumberer(a.Sections, doc.Style.Decimal()), notes: notes}
	b.paragraphs(a.Preamble)
	for k, ch := range a.Chapters {
		b.blocks = append(b.blocks,
			Block{Kind: ChapterHead, Spans: []Span{{Text: "Chương " + viet.Roman(k+1), Bold: true}}, Path: decode.Index(fmt.Sprintf("attachments[%d].chapters", i+1), k)},
			Block{Kind: ChapterHead, Level: 1, Spans: []Span{{Text: viet.Upper(oneLine(ch.Title.Value)), Bold: true}}, Path: ch.Title.Path})
		b.articles(ch.Articles)
	}
	b.articles(a.Articles)
	b.nb = partsNumberer(a.Parts, doc.Style.Decimal())
	b.parts(a.Parts, decode.Join(fmt.Sprintf("attachments[%d]", i+1), "parts"))
	b.nb = newNumberer(a.Sections, doc.Style.Decimal())
	b.sections(a.Sections, 1)
	b.paragraphs(a.Closing)
	endMark(b.blocks)
	return b.blocks
}

// AttachmentAppendixBody returns the content of appendix j of attachment
// i. Its footnotes go on with the numbering of the attachment and the
// appendices before it.
func (doc *Document) AttachmentAppendixBody(i, j int) []Block {
	nc := doc.newNoteCounter()
	if nc != nil {
		doc.attachmentBody(i, nc)
		for k := range j {
			doc.Attachments[i].Appendices[k].body(doc.Style.Decimal(), nc)
		}
	}
	return doc.Attachments[i].Appendices[j].body(doc.Style.Decimal(), nc)
}

// AttachmentLinkLine ties the appendices of attachment i to it. The
// attached document has no number or date of its own, so the line names
// it by the decision that issues it (nd30.md §2.15: the link line names
// the document the appendix goes with, here the plan, not the decision):
// "(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 1100/QĐ-UBND ngày
// 21 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh Tây Ninh)"; a Đề án, Dự
// án or Phương án, which a decision approves, "được phê duyệt tại Quyết
// định số …".
func (doc *Document) AttachmentLinkLine(i int) string {
	decision := strings.TrimSuffix(strings.TrimPrefix(doc.LinkLine(), "(Kèm theo "), ")")
	how := " ban hành kèm theo "
	switch doc.Attachments[i].Kind.Key {
	case "de-an", "du-an", "phuong-an":
		how = " được phê duyệt tại "
	}
	return "(Kèm theo " + doc.Attachments[i].Kind.Name + how + decision + ")"
}

// AttachmentAppendixLabel is the label of appendix j of attachment i.
func (doc *Document) AttachmentAppendixLabel(i, j int) string {
	if len(doc.Attachments[i].Appendices) == 1 {
		return "Phụ lục"
	}
	return "Phụ lục " + viet.Roman(j+1)
}

// attachments checks the documents issued with the decision: only a
// decision or a resolution issues them; each has a known type, a title
// and content, sections or articles but not both; the decision's body
// says it issues each ("Ban hành kèm theo Quyết định này Quy chế …").
func (v *validator) attachments(types []DocType) {
	doc := v.doc
	if len(doc.Attachments) == 0 {
		return
	}
	if doc.Kind.Key != "" && !doc.Kind.IsLegal() {
		v.d.Problem("attachments", msg("attachments.not-legal",
			fmt.Sprintf("%s không ban hành văn bản kèm theo", doc.Kind.Name), fmt.Sprintf("a %s issues no attached documents", doc.Kind.Name),
			"chỉ Quyết định, Nghị quyết ban hành văn bản kèm theo; tài liệu kèm theo văn bản khác là phụ lục (appendices:)",
			"only a Quyết định or a Nghị quyết issues documents; what goes with other documents is an appendix (appendices:)"))
	}
	body := strings.ToLower(v.bodyText())
	for i := range doc.Attachments {
		a := &doc.Attachments[i]
		p := decode.Index("attachments", i)
		key := viet.Slug(trim(a.Type.Value))
		for _, t := range types {
			if t.Key == key || t.Key == trim(a.Type.Value) {
				a.Kind = t
			}
		}
		switch {
		case trim(a.Type.Value) == "":
		case a.Kind.Key == "" || a.Kind.IsLetter() || a.Kind.IsLegal():
			v.d.Problem(decode.Join(p, "type"), msg("attachment.type",
				fmt.Sprintf("không có loại văn bản kèm theo %q", trim(a.Type.Value)), fmt.Sprintf("%q is no type of attached document", trim(a.Type.Value)),
				"ke-hoach, quy-che, quy-dinh, chuong-trinh, de-an, huong-dan …", "ke-hoach, quy-che, quy-dinh, chuong-trinh, de-an, huong-dan …"))
			continue
		}
		if len(a.Sections)+len(a.Parts) > 0 && (len(a.Chapters) > 0 || len(a.Articles) > 0) {
			v.d.Problem(decode.Join(p, "sections"), msg("attachment.sections-and-articles",
				"văn bản kèm theo có cả các mục lẫn các chương, điều", "the attached document has both sections and chapters or articles",
				"quy chế, quy định viết theo chapters: và articles:; kế hoạch, chương trình theo sections:",
				"chapters and articles for rules; sections for a plan or a programme"))
		}
		if len(a.Chapters) > 0 && len(a.Articles) > 0 {
			v.d.Problem(decode.Join(p, "articles"), msg("attachment.articles-outside",
				"có điều nằm ngoài các chương", "articles stand outside the chapters",
				"đặt mọi điều vào một chương (chapters: … articles:)", "every article in a chapter"))
		}
		if len(a.Preamble.Values()) == 0 && len(a.Sections) == 0 && len(a.Parts) == 0 && len(a.Chapters) == 0 && len(a.Articles) == 0 && !v.reportedUnder(p) {
			v.d.Problem(p, msg("attachment.empty", "văn bản kèm theo chưa có nội dung", "the attached document has no content",
				"thêm sections:, hoặc chapters: với articles:", "sections:, or chapters: with articles:"))
		}
		for k, ch := range a.Chapters {
			if len(ch.Articles) == 0 && !v.reportedUnder(decode.Index(decode.Join(p, "chapters"), k)) {
				v.d.Problem(decode.Index(decode.Join(p, "chapters"), k), msg("chapter.empty",
					fmt.Sprintf("Chương %s chưa có điều nào", viet.Roman(k+1)), fmt.Sprintf("Chương %s has no articles", viet.Roman(k+1)),
					"thêm articles: dưới tên chương", "articles: under the chapter's title"))
			}
		}
		v.depth(a.Sections, decode.Join(p, "sections"), 1, newNumberer(a.Sections, doc.Style.Decimal()))
		v.partChecks(a.Parts, a.Sections, p)
		arts := slices.Clone(a.Articles)
		for _, ch := range a.Chapters {
			arts = append(arts, ch.Articles...)
		}
		for _, art := range arts { // an article's own outline, as the decision's (articles.go)
			v.depth(art.Sections, decode.Join(art.Path, "sections"), 1, newNumberer(art.Sections, doc.Style.Decimal()))
		}
		name := strings.ToLower(a.Kind.Name)
		if a.Kind.Key != "" && !(strings.Contains(body, "kèm theo") && strings.Contains(body, name)) {
			v.d.Warning(p, msg("attachment.not-mentioned",
				fmt.Sprintf("nội dung quyết định không nói ban hành %s này kèm theo", name),
				fmt.Sprintf("the decision's text never says it issues this %s", a.Kind.Name),
				fmt.Sprintf("một điều như: Ban hành kèm theo %s này %s …", doc.Kind.Name, a.Kind.Name),
				fmt.Sprintf("an article such as: Ban hành kèm theo %s này %s …", doc.Kind.Name, a.Kind.Name)))
		}
		v.appendixMentions(a.Appendices, func(f Field) bool { return f.Attachment == i+1 && f.Appendix == 0 }, decode.Join(p, "appendices"))
	}
}

// bodyText is the text of the decision's own body, without markup.
func (v *validator) bodyText() string {
	var b strings.Builder
	for f := range v.doc.Fields() {
		if f.Appendix == 0 && f.Attachment == 0 && inBody(f.Role) {
			spans, _ := ParseInline(f.Value)
			b.WriteString(Plain(spans))
			b.WriteByte('\n')
		}
	}
	return b.String()
}
