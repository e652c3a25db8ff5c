// Package document is the model of an administrative document (văn bản
// hành chính) of Nghị định 30/2020/NĐ-CP: it decodes the YAML input,
// validates it with positioned diagnostics, and resolves the decree's
// conventions that do not depend on the page — the "Số:" line, the symbol,
// the place-and-date line, heading numbers (I., 1., a)), the punctuation of
// legal bases and recipients, inline **bold** and *italic*, and the "./."
// that ends the body. It knows nothing of fonts or pages.
package document

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Document is a validated document, ready to lay out.
type Document struct {
	Type       Text       `yaml:"type,required,code" vi:"loại văn bản"`
	Issuer     Issuer     `yaml:"issuer,required" vi:"cơ quan ban hành"`
	Number     Number     `yaml:"number" vi:"số"`
	Symbol     Text       `yaml:"symbol,code" vi:"ký hiệu"`
	Place      Text       `yaml:"place,required" vi:"địa danh"`
	Date       viet.Date  `yaml:"date,required" vi:"ngày ban hành"`
	Title      TextList   `yaml:"title,required,linebreaks" vi:"trích yếu"`
	IssuedBy   TextList   `yaml:"issued_by,linebreaks" vi:"thẩm quyền ban hành (dòng dưới trích yếu)"`
	To         TextList   `yaml:"to,lines" vi:"kính gửi"`
	Bases      TextList   `yaml:"bases,lines" vi:"căn cứ"`
	Preamble   TextList   `yaml:"preamble" vi:"phần mở đầu"`
	Sections   []Section  `yaml:"sections" vi:"các phần, mục"`
	Articles   []Article  `yaml:"articles" vi:"các điều"`
	Closing    TextList   `yaml:"closing" vi:"phần kết"`
	Appendices []Appendix `yaml:"appendices" vi:"các phụ lục"`
	Footnotes  Footnotes  `yaml:"footnotes" vi:"chú thích cuối trang"`
	// Attachments are the documents a decision or a resolution issues
	// (attachment.go).
	Attachments []Attachment `yaml:"attachments" vi:"văn bản ban hành kèm theo"`
	Recipients  TextList     `yaml:"recipients,lines" vi:"nơi nhận"`
	Archive     Text         `yaml:"archive" vi:"lưu"`
	Address     TextList     `yaml:"address,lines" vi:"địa chỉ, điện thoại, thư điện tử (cuối trang đầu)"`
	Signer      Signer       `yaml:"signer,required" vi:"người ký"`
	Urgency     Text         `yaml:"urgency,code" vi:"độ khẩn"`
	Secrecy     Text         `yaml:"secrecy,code" vi:"độ mật"`
	Draft       bool         `yaml:"draft" vi:"dự thảo"`
	Style       StyleOptions `yaml:"style" vi:"trình bày"`

	// Kind is the document type looked up in the table of types.
	Kind DocType `yaml:"-"`
	// Source is the file's text, for positioning problems inside values.
	Source []byte `yaml:"-"`
}

// Issuer is the issuing body (box 2 of the decree's layout).
type Issuer struct {
	Parent TextList `yaml:"parent,linebreaks" vi:"cơ quan chủ quản"`
	Name   TextList `yaml:"name,required,linebreaks" vi:"tên cơ quan ban hành"`
	Abbr   Text     `yaml:"abbr,code" vi:"chữ viết tắt"`
	// InText is the name as a sentence writes it ("Ủy ban nhân dân thị
	// xã Bỉm Sơn"), for the "Kèm theo …" line of the appendices.
	InText Text `yaml:"in_text" vi:"tên cơ quan viết trong câu (dòng Kèm theo của phụ lục)"`
}

// Section is a numbered part of the body.
type Section struct {
	Heading Text `yaml:"heading,required" vi:"tiêu đề"`
	// RunIn makes the heading a run-in title: "Mục tiêu 1: …" with
	// run_in: Mục tiêu (numbering.go).
	RunIn    Text      `yaml:"run_in" vi:"nhãn đầu dòng (Mục tiêu 1:)"`
	Text     Text      `yaml:"text" vi:"nội dung"`
	Items    TextList  `yaml:"items" vi:"các ý gạch đầu dòng"`
	Table    *Table    `yaml:"table" vi:"bảng"`
	Sections []Section `yaml:"sections" vi:"mục con"`
}

// Signer is the signature block (boxes 7a–7c).
type Signer struct {
	Authority TextList `yaml:"authority,linebreaks" vi:"thẩm quyền ký (TM., KT., TL. …)"`
	Position  Text     `yaml:"position,required" vi:"chức vụ"`
	Name      Text     `yaml:"name,required" vi:"họ tên"`
}

// StyleOptions are the presentation choices the decree leaves open.
type StyleOptions struct {
	BodySize    float64 `yaml:"body_size" vi:"cỡ chữ nội dung"`
	HeaderSize  float64 `yaml:"header_size" vi:"cỡ chữ quốc hiệu"`
	LineSpacing float64 `yaml:"line_spacing" vi:"giãn dòng"`
	Indent      float64 `yaml:"indent" vi:"thụt đầu dòng"`
	// Numbering is the numbering of the sections: "" (I., 1., 1.1., a))
	// or decimal (1., 1.1., 1.1.1.).
	Numbering Text    `yaml:"numbering" vi:"cách đánh số các mục"`
	Margins   Margins `yaml:"margins" vi:"lề trang"`
	// Items is how "- " items are set: "paragraph" (the default: first
	// line indented like any paragraph, wrapped lines at the margin) or
	// "hanging" (wrapped lines under the text after the dash).
	Items Text `yaml:"items" vi:"kiểu gạch đầu dòng"`
}

// HangingItems reports whether items are set with a hanging indent.
func (s StyleOptions) HangingItems() bool {
	return itemStyles[strings.ToLower(trim(s.Items.Value))] == "hanging"
}

// itemStyles are the accepted values of style.items, by what they mean.
var itemStyles = map[string]string{
	"": "paragraph", "paragraph": "paragraph", "đoạn văn": "paragraph", "doan-van": "paragraph",
	"hanging": "hanging", "treo": "hanging", "thụt treo": "hanging", "thut-treo": "hanging",
}

// Margins are page margins in millimetres.
type Margins struct {
	Top    float64 `yaml:"top" vi:"lề trên"`
	Bottom float64 `yaml:"bottom" vi:"lề dưới"`
	Left   float64 `yaml:"left" vi:"lề trái"`
	Right  float64 `yaml:"right" vi:"lề phải"`
}

// DocType is one row of the table of document types (Phụ lục III).
type DocType struct {
	Key  string // chuong-trinh
	Name string // Chương trình
	Abbr string // CTr
}

// IsLetter reports whether the type is a công văn, which has no type name:
// its abstract "V/v …" goes under the number.
func (t DocType) IsLetter() bool { return t.Key == "cong-van" }

// Text is a text value that remembers where it came from, so problems found
// inside it (an unclosed "**", a character the font lacks) can be reported
// at their own line and column. It is read as prose (decode.Prose): what
// YAML would misread in a clerk's sentence ("… như sau:", "phòng #2",
// "- Hội LHPN xã: chủ trì") is read from the source as typed.
type Text struct {
	Value string
	Path  string
	Node  *yaml.Node
	// Listed is set on the entries of a list written in YAML, and on the
	// lines of a literal block (|) split into entries: in a name or a
	// title each entry is one printed line.
	Listed bool
	// Members are the members of a group of recipients written as a list
	// under its title (Value); Inline when the list was written [a, b],
	// to print on the title's line (recipients.go).
	Members TextList
	Inline  bool
	// lead is the part of the node's value before Value, when Value is
	// a line of a literal block or had a typed number removed: Locate
	// finds positions in the value as written.
	lead string
}

// DecodeNode implements decode.Unmarshaler.
func (t *Text) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	p, _ := d.Prose(n, path)
	t.Value, t.Path, t.Node = p.Value, path, p.Node
}

// Number is the document's number (0 when absent). It accepts 5, 05 and
// "05" alike: YAML would read 08 as a fraction, and writing the decree's
// leading zero must not be an error.
type Number int

// DecodeNode implements decode.Unmarshaler.
func (num *Number) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	s, ok := d.Scalar(n, path, [2]string{"viết một số nguyên, ví dụ 5", "a whole number such as 5"})
	if !ok {
		return
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if i := strings.IndexByte(s, '/'); i >= 0 && err != nil {
		// "05/KH-UBND": the whole "Số:" line written in one field.
		num, sym := strings.TrimSpace(s[:i]), strings.TrimSpace(s[strings.LastIndexByte(s, '/')+1:])
		d.Problem(path, diag.Msg{Code: "number.with-symbol",
			Vi:    fmt.Sprintf("«%s» gồm cả số và ký hiệu", s),
			FixVi: fmt.Sprintf("chỉ viết số ở đây, number: %s, và phần sau dấu gạch chéo cuối ở symbol: %s", num, sym),
			En:    fmt.Sprintf("%q is the number and the symbol together", s),
			FixEn: fmt.Sprintf("the number alone, number: %s, and the part after the last slash in symbol: %s", num, sym)})
		return
	}
	if err != nil || v < 1 {
		d.Problem(path, diag.Msg{Code: "number.invalid",
			Vi:    fmt.Sprintf("«%s» không phải một số văn bản", s),
			FixVi: "viết một số nguyên từ 1, ví dụ 5 (in là 05); bỏ trống khi chưa lấy số",
			En:    fmt.Sprintf("%q is not a document number", s),
			FixEn: "a whole number from 1, such as 5 (printed 05); leave it out for an unnumbered draft"})
		return
	}
	*num = Number(v)
}

// TextList is one text or a list of texts.
type TextList []Text

// DecodeNode implements decode.Unmarshaler. Its texts are prose; in the
// fields tagged "lines" (recipients, Kính gửi, bases, address) lines typed
// without dashes are one entry each (decode.ProseList).
func (l *TextList) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	if recipientList(d, n, path, l) {
		return
	}
	pieces, listed := d.ProseList(n, path)
	for _, p := range pieces {
		*l = append(*l, Text{Value: p.Value, Path: p.Path, Node: p.Node, Listed: listed})
	}
}

// Listed reports whether the list was written as a YAML list, whose
// entries a name or a title prints one per line, rather than as one text
// to wrap.
func (l TextList) Listed() bool { return len(l) > 0 && l[0].Listed }

// NonBlank returns the entries of the list that are not blank.
func (l TextList) NonBlank() TextList {
	var out TextList
	for _, t := range l {
		if trim(t.Value) != "" {
			out = append(out, t)
		}
	}
	return out
}

// Values returns the non-blank texts of the list.
func (l TextList) Values() []string {
	var out []string
	for _, t := range l {
		if s := trim(t.Value); s != "" {
			out = append(out, s)
		}
	}
	return out
}
