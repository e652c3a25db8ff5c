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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Document is a validated document, ready to lay out.
type Document struct {
	Type     Text      `yaml:"type,required,code" vi:"loại văn bản" doc:"Loại văn bản theo Phụ lục III Nghị định 30/2020/NĐ-CP, viết không dấu (ke-hoach) hoặc có dấu (Kế hoạch)" ex:"ke-hoach" schema:"doctype"`
	Issuer   Issuer    `yaml:"issuer,required" vi:"cơ quan ban hành" doc:"Tên cơ quan ban hành ở góc trái trên cùng, và chữ viết tắt để ghép ký hiệu" ex:"{name: ỦY BAN NHÂN DÂN XÃ AN PHÚ, abbr: UBND}"`
	Number   Number    `yaml:"number" vi:"số" doc:"Số văn bản; bỏ trống khi chưa có số, vanban để chỗ trống cho văn thư điền" ex:"85"`
	Symbol   Text      `yaml:"symbol,code" vi:"ký hiệu" doc:"Ký hiệu sau dấu \"/\"; mặc định là chữ viết tắt của loại văn bản và của cơ quan (KH-UBND)" ex:"KH-UBND"`
	Place    Text      `yaml:"place,required" vi:"địa danh" doc:"Địa danh in trước ngày tháng: \"Bỉm Sơn, ngày … tháng … năm …\"" ex:"Bỉm Sơn"`
	Date     viet.Date `yaml:"date,required" vi:"ngày ban hành" doc:"Ngày ban hành, viết năm-tháng-ngày" ex:"2024-05-23"`
	Title    TextList  `yaml:"title,linebreaks" vi:"trích yếu" doc:"Trích yếu nội dung, bắt buộc trừ giấy giới thiệu và giấy nghỉ phép; một dòng văn bản, hoặc một danh sách mà mỗi mục là một dòng in" ex:"Thực hiện công tác bình đẳng giới năm 2024"`
	IssuedBy TextList  `yaml:"issued_by,linebreaks" vi:"thẩm quyền ban hành (dòng dưới trích yếu)" doc:"Dòng thẩm quyền ban hành in dưới trích yếu (ví dụ của quyết định)" ex:"ỦY BAN NHÂN DÂN XÃ AN PHÚ"`
	To       TextList  `yaml:"to,lines" vi:"kính gửi" doc:"Nơi nhận ghi ở dòng \"Kính gửi\" (công văn, tờ trình)" ex:"[Ủy ban nhân dân các xã, Phòng Văn hóa - Xã hội]"`
	Bases    TextList  `yaml:"bases,lines" vi:"căn cứ" doc:"Các căn cứ ban hành, in nghiêng; vanban thêm dấu \";\" và \".\" ở cuối" ex:"[Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006]"`
	// EnactingSentence replaces the "QUYẾT ĐỊNH:" line in the form of
	// the 2025 law on legal documents (articles.go).
	EnactingSentence Text       `yaml:"enacting" vi:"câu ban hành (thay dòng QUYẾT ĐỊNH:)" doc:"Câu ban hành sau các căn cứ theo mẫu của Luật Ban hành văn bản quy phạm pháp luật năm 2025, in đứng, thay cho dòng \"QUYẾT ĐỊNH:\"" ex:"Ủy ban nhân dân ban hành Quyết định quy định chi tiết một số điều của Luật Đất đai trên địa bàn tỉnh."`
	Preamble         TextList   `yaml:"preamble" vi:"phần mở đầu" doc:"Các đoạn mở đầu trước các phần" ex:"[Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, UBND xã xây dựng kế hoạch như sau:]"`
	Sections         []Section  `yaml:"sections" vi:"các phần, mục" doc:"Các phần, mục của nội dung; vanban tự đánh số (I., 1., a))" ex:"[{heading: Mục đích, yêu cầu, items: [Nâng cao nhận thức về bình đẳng giới.]}]"`
	Parts            []Section  `yaml:"parts" vi:"các phần (Phần thứ nhất, Phần thứ hai …)" doc:"Các phần lớn của báo cáo, kế hoạch: vanban in \"Phần thứ nhất\" rồi tên phần in hoa, ở giữa dòng; các mục của mỗi phần đánh số lại từ I." ex:"[{heading: Kết quả thực hiện năm 2025, sections: [{heading: Lĩnh vực kinh tế}]}, {heading: Phương hướng, nhiệm vụ năm 2026}]"`
	Articles         []Article  `yaml:"articles" vi:"các điều" doc:"Các điều của quyết định, nghị quyết, quy chế; vanban tự đánh số \"Điều 1.\"" ex:"[{title: Phê duyệt Kế hoạch, text: Phê duyệt Kế hoạch thực hiện công tác bình đẳng giới năm 2024.}]"`
	Closing          TextList   `yaml:"closing" vi:"phần kết" doc:"Các đoạn kết sau các phần" ex:"[Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan báo cáo UBND xã để xem xét, giải quyết.]"`
	Appendices       []Appendix `yaml:"appendices" vi:"các phụ lục" doc:"Các phụ lục in sau văn bản, mỗi phụ lục bắt đầu một trang mới" ex:"[{title: Danh sách thành viên Ban chỉ đạo, items: [Ông Nguyễn Văn A - Chủ tịch UBND xã]}]"`
	Footnotes        Footnotes  `yaml:"footnotes" vi:"chú thích cuối trang" doc:"Các chú thích cuối trang, gọi trong nội dung bằng [^tên]; vanban đánh số 1, 2 … theo thứ tự gọi" ex:"{nguon: Số liệu của Cục Thống kê tỉnh năm 2023.}"`
	// Attachments are the documents a decision or a resolution issues
	// (attachment.go).
	Attachments []Attachment `yaml:"attachments" vi:"văn bản ban hành kèm theo" doc:"Các văn bản được ban hành kèm theo quyết định, nghị quyết (kế hoạch, quy chế …), mỗi văn bản bắt đầu một trang mới" ex:"[{type: quy-che, title: Quy chế làm việc của Ban chỉ đạo, articles: [Quy chế này quy định …]}]"`
	Recipients  TextList     `yaml:"recipients,lines" vi:"nơi nhận" doc:"Danh sách \"Nơi nhận\" ở cuối văn bản; vanban thêm \"- \" và \";\"; một nhóm viết tên nhóm rồi danh sách các nơi: - Các bộ: [Nội vụ, Tư pháp]" ex:"[Như trên, UBND huyện (để báo cáo)]" schema:"recipients"`
	Archive     Text         `yaml:"archive" vi:"lưu" doc:"Dòng \"Lưu:\" cuối nơi nhận" ex:"VT, VP"`
	Address     TextList     `yaml:"address,lines" vi:"địa chỉ, điện thoại, thư điện tử (cuối trang đầu)" doc:"Địa chỉ, điện thoại, thư điện tử in cuối trang đầu (nhiều nhất 4 dòng)" ex:"[Số 1 đường Lê Lợi, xã An Phú, ĐT: 0237 3824 123]"`
	Signer      Signer       `yaml:"signer" oneof:"signature" vi:"người ký" doc:"Khối chữ ký: thẩm quyền, chức vụ và họ tên người ký; bắt buộc, trừ khi văn bản có hai người ký (signers)" ex:"{authority: TM. ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Nguyễn Văn An}"`
	// Signers are the two signature blocks of a document signed by two
	// (a biên bản: THƯ KÝ and CHỦ TỌA; a văn bản liên tịch), in the
	// order they print, left then right. Validation moves them to
	// Signer (right) and Cosigner (left) and empties the list.
	Signers []Signer `yaml:"signers" oneof:"signature" min:"1" max:"2" vi:"hai người ký (trái, phải)" doc:"Văn bản có hai chữ ký (biên bản: thư ký bên trái, chủ tọa bên phải; văn bản liên tịch): hai khối chữ ký theo thứ tự in, bên trái trước; thay cho signer" ex:"[{position: THƯ KÝ, name: Trần Thị Bình}, {position: CHỦ TỌA, name: Nguyễn Văn An}]"`
	// Cosigner is the second signature, set in the left column beside
	// Signer's; nil when one person signs.
	Cosigner *Signer      `yaml:"-"`
	Urgency  Text         `yaml:"urgency,code" vi:"độ khẩn" doc:"Độ khẩn: KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC" ex:"KHẨN" schema:"urgency"`
	Secrecy  Text         `yaml:"secrecy,code" vi:"độ mật" doc:"Độ mật: MẬT, TỐI MẬT hoặc TUYỆT MẬT" ex:"MẬT" schema:"secrecy"`
	Draft    bool         `yaml:"draft" vi:"dự thảo" doc:"In ô \"DỰ THẢO\" dưới số và ký hiệu" ex:"true"`
	Style    StyleOptions `yaml:"style" vi:"trình bày" doc:"Cỡ chữ, giãn dòng, thụt đầu dòng và lề trang, trong giới hạn Nghị định 30 cho phép" ex:"{body_size: 14, line_spacing: 1.2}"`

	// Kind is the document type looked up in the table of types.
	Kind DocType `yaml:"-"`
	// Source is the file's text, for positioning problems inside values.
	Source []byte `yaml:"-"`
}

// Issuer is the issuing body (box 2 of the decree's layout).
type Issuer struct {
	Parent TextList `yaml:"parent,linebreaks" vi:"cơ quan chủ quản" doc:"Tên cơ quan chủ quản, in trên tên cơ quan ban hành" ex:"UBND TỈNH THANH HÓA"`
	Name   TextList `yaml:"name,required,linebreaks" vi:"tên cơ quan ban hành" doc:"Tên cơ quan ban hành; một văn bản (tự xuống dòng) hoặc danh sách các dòng" ex:"[ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN]"`
	Abbr   Text     `yaml:"abbr,code" vi:"chữ viết tắt" doc:"Chữ viết tắt của cơ quan, dùng để ghép ký hiệu văn bản" ex:"UBND"`
	// InText is the name as a sentence writes it ("Ủy ban nhân dân thị
	// xã Bỉm Sơn"), for the "Kèm theo …" line of the appendices.
	InText Text `yaml:"in_text" vi:"tên cơ quan viết trong câu (dòng Kèm theo của phụ lục)" doc:"Tên cơ quan viết thường trong câu, cho dòng \"Kèm theo …\" của phụ lục" ex:"Ủy ban nhân dân thị xã Bỉm Sơn"`
}

// Section is a numbered part of the body.
type Section struct {
	// Heading may be left out: the section is then a numbered paragraph,
	// its number at the start of its text ("1. Công an tỉnh chủ trì …"),
	// as the paragraphs of a công văn are numbered.
	Heading Text `yaml:"heading" vi:"tiêu đề" doc:"Tiêu đề của phần, mục; vanban tự đánh số. Bỏ trống thì đoạn văn text: của mục được đánh số ở đầu (1. …), không có tiêu đề" ex:"Mục đích, yêu cầu"`
	// RunIn makes the heading a run-in title: "Mục tiêu 1: …" with
	// run_in: Mục tiêu (numbering.go).
	RunIn    Text      `yaml:"run_in" vi:"nhãn đầu dòng (Mục tiêu 1:)" doc:"Tiêu đề in liền đầu đoạn với nhãn và số: run_in: Mục tiêu cho \"Mục tiêu 1: …\"" ex:"Mục tiêu"`
	Text     Text      `yaml:"text" vi:"nội dung" doc:"Các đoạn văn; để một dòng trống giữa hai đoạn; **đậm** và *nghiêng* được" ex:"Nâng cao nhận thức về bình đẳng giới trong cán bộ, công chức."`
	Items    TextList  `yaml:"items" vi:"các ý gạch đầu dòng" doc:"Các ý gạch đầu dòng" ex:"[Tuyên truyền Luật Bình đẳng giới., Tập huấn cho cán bộ xã.]"`
	Table    *Table    `yaml:"table" vi:"bảng" doc:"Một bảng có kẻ ô sau nội dung và các ý" ex:"{columns: [{title: Nội dung}, {title: Thời gian}], rows: [[Tập huấn, Tháng 3]]}"`
	Sections []Section `yaml:"sections" vi:"mục con" doc:"Các mục con, đánh số ở cấp tiếp theo" ex:"[{heading: Mục đích}]"`
}

// Signer is the signature block (boxes 7a–7c).
type Signer struct {
	Authority TextList `yaml:"authority,linebreaks" vi:"thẩm quyền ký (TM., KT., TL. …)" doc:"Dòng thẩm quyền ký: TM., KT., TL., TUQ. …" ex:"[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]"`
	Position  Text     `yaml:"position,required" vi:"chức vụ" doc:"Chức vụ của người ký" ex:"PHÓ CHỦ TỊCH"`
	Name      Text     `yaml:"name,required" vi:"họ tên" doc:"Họ tên người ký, không ghi học hàm, học vị" ex:"Nguyễn Văn An"`
}

// StyleOptions are the presentation choices the decree leaves open.
type StyleOptions struct {
	BodySize    float64 `yaml:"body_size" vi:"cỡ chữ nội dung" doc:"Cỡ chữ nội dung, 13 hoặc 14 (pt)" ex:"14" enum:"13|14"`
	HeaderSize  float64 `yaml:"header_size" vi:"cỡ chữ quốc hiệu" doc:"Cỡ chữ quốc hiệu, 12 hoặc 13 (pt)" ex:"13" enum:"12|13"`
	LineSpacing float64 `yaml:"line_spacing" vi:"giãn dòng" doc:"Khoảng cách dòng, từ 1 (dòng đơn) đến 1,5 dòng" ex:"1.2" min:"1" max:"1.5"`
	Indent      float64 `yaml:"indent" vi:"thụt đầu dòng" doc:"Thụt đầu dòng, 10 hoặc 12,7 mm" ex:"12.7" enum:"10|12.7"`
	// Numbering is the numbering of the sections: "" (I., 1., 1.1., a))
	// or decimal (1., 1.1., 1.1.1.).
	Numbering Text    `yaml:"numbering" vi:"cách đánh số các mục" doc:"Bỏ trống: I., 1., 1.1., a); decimal: 1., 1.1., 1.1.1." ex:"decimal" schema:"numbering"`
	Margins   Margins `yaml:"margins" vi:"lề trang" doc:"Lề trang tính bằng mm" ex:"{top: 20, bottom: 20, left: 30, right: 15}"`
	// Items is how "- " items are set: "paragraph" (the default: first
	// line indented like any paragraph, wrapped lines at the margin) or
	// "hanging" (wrapped lines under the text after the dash).
	Items Text `yaml:"items" vi:"kiểu gạch đầu dòng" doc:"paragraph (mặc định: dòng đầu thụt như đoạn văn, các dòng sau sát lề) hoặc hanging (các dòng sau thẳng chữ sau gạch)" ex:"paragraph" schema:"item-style"`
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
	Top    float64 `yaml:"top" vi:"lề trên" doc:"Lề trên, từ 20 đến 25 mm" ex:"20" min:"20" max:"25"`
	Bottom float64 `yaml:"bottom" vi:"lề dưới" doc:"Lề dưới, từ 20 đến 25 mm" ex:"20" min:"20" max:"25"`
	Left   float64 `yaml:"left" vi:"lề trái" doc:"Lề trái, từ 30 đến 35 mm" ex:"30" min:"30" max:"35"`
	Right  float64 `yaml:"right" vi:"lề phải" doc:"Lề phải, từ 15 đến 20 mm" ex:"15" min:"15" max:"20"`
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

// Number is the document's number. It accepts 5, 05 and "05" alike: YAML
// would read 08 as a fraction, and writing the decree's leading zero must
// not be an error. A legal document (văn bản quy phạm pháp luật: a quyết
// định or nghị quyết of the People's Committee or Council) carries the
// year in its number, typed "128/2025" (or "/2025" for a draft not yet
// numbered) and printed "Số: 128/2025/QĐ-UBND"; validation checks the
// type and that the year is the date's.
type Number struct {
	N    int // 0 when absent
	Year int // 0 when the number has no year
}

// yearNumber matches "128/2025" and "/2025": a number and a year.
var yearNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(\d*)\s*/\s*(\d{4})\s*$`) })

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
	if m := yearNumber().FindStringSubmatch(s); m != nil {
		v, _ = strconv.Atoi(m[1])
		num.Year, _ = strconv.Atoi(m[2])
		err = nil
		if m[1] == "" {
			return // a draft: "Số:      /2025/QĐ-UBND"
		}
	}
	if i := strings.IndexByte(s, '/'); i >= 0 && err != nil {
		// "05/KH-UBND": the whole "Số:" line written in one field;
		// "128/2025/QĐ-UBND": a legal document's, with its year.
		last := strings.LastIndexByte(s, '/')
		number, sym := strings.TrimSpace(s[:i]), strings.TrimSpace(s[last+1:])
		if yearNumber().MatchString(s[:last]) {
			number = strings.Join(strings.Fields(s[:last]), "")
		}
		d.Problem(path, diag.Msg{Code: "number.with-symbol",
			Vi:    fmt.Sprintf("«%s» gồm cả số và ký hiệu", s),
			FixVi: fmt.Sprintf("chỉ viết số ở đây, number: %s, và phần sau dấu gạch chéo cuối ở symbol: %s", number, sym),
			En:    fmt.Sprintf("%q is the number and the symbol together", s),
			FixEn: fmt.Sprintf("the number alone, number: %s, and the part after the last slash in symbol: %s", number, sym)})
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
	num.N = v
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
	*l = slices.Grow(*l, len(pieces))
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
	for i, t := range l {
		if trim(t.Value) != "" {
			if out == nil {
				out = make(TextList, 0, len(l)-i)
			}
			out = append(out, t)
		}
	}
	return out
}

// Values returns the non-blank texts of the list.
func (l TextList) Values() []string {
	var out []string
	for i, t := range l {
		if s := trim(t.Value); s != "" {
			if out == nil {
				out = make([]string, 0, len(l)-i)
			}
			out = append(out, s)
		}
	}
	return out
}
