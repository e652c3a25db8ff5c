package document

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

func types(t testing.TB) []DocType {
	src, err := os.ReadFile("../../templates/doctypes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := ParseTypes(src)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

const base = `type: chuong-trinh
issuer: {name: [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN], abbr: UBND}
place: Bỉm Sơn
date: 2017-05-23
title: Công tác năm 2017
signer: {authority: KT. CHỦ TỊCH, position: PHÓ CHỦ TỊCH, name: Mai Đình Lâm}
recipients: [TTTU]
archive: VT, PLĐ
`

// parse decodes a document from base plus extra YAML lines; a top-level
// key of extra replaces the same key of base.
func parse(t testing.TB, extra string) (*Document, diag.List) {
	t.Helper()
	var keep []string
	for _, l := range strings.SplitAfter(base, "\n") {
		key, _, _ := strings.Cut(l, ":")
		if l != "" && !strings.Contains("\n"+extra, "\n"+key+":") {
			keep = append(keep, l)
		}
	}
	d := decode.New("x.yaml")
	root := d.Parse([]byte(strings.Join(keep, "") + extra))
	if root == nil {
		t.Fatalf("parse: %v", d.Diags)
	}
	doc := Decode(d, root, types(t))
	if d.Diags.HasErrors() {
		doc = nil
	}
	return doc, d.Diags
}

func mustParse(t *testing.T, extra string) *Document {
	t.Helper()
	doc, diags := parse(t, extra)
	if doc == nil {
		t.Fatalf("unexpected errors:\n%v", diags.Err())
	}
	return doc
}

func TestNumberLine(t *testing.T) {
	for _, c := range []struct{ extra, want string }{
		{"closing: [x]\n", "Số:      /CTr-UBND"},
		{"closing: [x]\nnumber: 5\n", "Số: 05/CTr-UBND"},
		{"closing: [x]\nnumber: 08\n", "Số: 08/CTr-UBND"},
		{"closing: [x]\nnumber: \"85\"\n", "Số: 85/CTr-UBND"},
		{"closing: [x]\nnumber: 123\n", "Số: 123/CTr-UBND"},
		{"closing: [x]\nnumber: 7\nsymbol: CTr-UBND-VX\n", "Số: 07/CTr-UBND-VX"},
	} {
		if got := mustParse(t, c.extra).NumberLine(); got != c.want {
			t.Errorf("%q: got %q, want %q", c.extra, got, c.want)
		}
	}
}

func TestPlaceDate(t *testing.T) {
	for _, c := range []struct{ date, want string }{
		{"2017-05-23", "Bỉm Sơn, ngày 23 tháng 5 năm 2017"},
		{"2020-01-05", "Bỉm Sơn, ngày 05 tháng 01 năm 2020"},
		{"2020-02-09", "Bỉm Sơn, ngày 09 tháng 02 năm 2020"},
		{"2019-03-01", "Bỉm Sơn, ngày 01 tháng 3 năm 2019"},
		{"2019-10-30", "Bỉm Sơn, ngày 30 tháng 10 năm 2019"},
		{"2019-12-31", "Bỉm Sơn, ngày 31 tháng 12 năm 2019"},
	} {
		doc := mustParse(t, "closing: [x]\n")
		src := strings.Replace(base, "2017-05-23", c.date, 1)
		d := decode.New("x.yaml")
		doc = Decode(d, d.Parse([]byte(src+"closing: [x]\n")), types(t))
		if got := doc.PlaceDate(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.date, got, c.want)
		}
	}
}

func headings(doc *Document) []string {
	var out []string
	for _, b := range doc.Body() {
		if b.Kind == Heading || (len(b.Spans) > 0 && strings.HasSuffix(strings.Fields(b.Spans[0].Text)[0], ")")) {
			out = append(out, strings.Fields(Plain(b.Spans))[0])
		}
	}
	return out
}

func TestNumberingFlat(t *testing.T) {
	doc := mustParse(t, "sections:\n  - {heading: A, text: x}\n  - {heading: B, text: x}\n  - {heading: C, text: x}\n")
	if got := strings.Join(headings(doc), " "); got != "1. 2. 3." {
		t.Errorf("flat numbering %q", got)
	}
	b := doc.Body()[0]
	if !b.Spans[0].Bold || Plain(b.Spans) != "1. A" {
		t.Errorf("flat heading %+v should be bold \"1. A\"", b.Spans)
	}
}

func TestNumberingNested(t *testing.T) {
	var b strings.Builder
	b.WriteString("sections:\n  - heading: mục đích\n    sections:\n      - heading: sub\n        sections:\n")
	for range 8 {
		b.WriteString("          - heading: point\n")
	}
	b.WriteString("  - heading: tổ chức\n    text: x\n")
	doc := mustParse(t, b.String())
	want := "I. 1. a) b) c) d) đ) e) g) h) II."
	if got := strings.Join(headings(doc), " "); got != want {
		t.Errorf("nested numbering\n got %q\nwant %q", got, want)
	}
	first := doc.Body()[0]
	if Plain(first.Spans) != "I. MỤC ĐÍCH" || !first.Spans[0].Bold {
		t.Errorf("level 1 should be bold capitals, got %+v", first.Spans)
	}
	for _, blk := range doc.Body() {
		if strings.HasPrefix(Plain(blk.Spans), "a)") {
			if blk.Spans[0].Bold || blk.Kind != Paragraph {
				t.Errorf("a point is a regular paragraph, got %+v", blk)
			}
		}
	}
}

func TestEndMark(t *testing.T) {
	for _, c := range []struct{ last, want string }{
		{"thực hiện.", "thực hiện./."},
		{"thực hiện", "thực hiện./."},
		{"thực hiện;", "thực hiện./."},
		{"thực hiện./.", "thực hiện./."},
	} {
		doc := mustParse(t, "closing: [\""+c.last+"\"]\n")
		body := doc.Body()
		if got := Plain(body[len(body)-1].Spans); got != c.want {
			t.Errorf("%q ends %q, want %q", c.last, got, c.want)
		}
	}
}

func TestBasesAndRecipients(t *testing.T) {
	doc := mustParse(t, "bases: [Căn cứ A;, Căn cứ B, Căn cứ C.]\nclosing: [x]\nrecipients: [TTTU;, \"- HĐND.\", UBND (b/c)]\n")
	var got []string
	for _, b := range doc.Body() {
		if b.Kind == Basis {
			got = append(got, Plain(b.Spans))
		}
	}
	if strings.Join(got, "|") != "Căn cứ A;|Căn cứ B;|Căn cứ C." {
		t.Errorf("bases %q", got)
	}
	want := "- TTTU;|- HĐND;|- UBND (b/c);|- Lưu: VT, PLĐ."
	if r := strings.Join(doc.RecipientLines(), "|"); r != want {
		t.Errorf("recipients\n got %q\nwant %q", r, want)
	}
}

func TestParseInline(t *testing.T) {
	spans, errs := ParseInline(`Giao **Phòng Nội vụ** chủ trì; *xem Phụ lục* và ***gấp***, 5 \* 3`)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	want := []Span{{"Giao ", false, false, 0}, {"Phòng Nội vụ", true, false, 0}, {" chủ trì; ", false, false, 0},
		{"xem Phụ lục", false, true, 0}, {" và ", false, false, 0}, {"gấp", true, true, 0}, {", 5 * 3", false, false, 0}}
	if len(spans) != len(want) {
		t.Fatalf("got %+v", spans)
	}
	for i := range want {
		if spans[i] != want[i] {
			t.Errorf("span %d: got %+v, want %+v", i, spans[i], want[i])
		}
	}
	// Asterisks that touch no word print as typed; emphasis stays.
	for in, want := range map[string]string{
		"Tổng thu (*) đạt 1.184; tổng chi (*) đạt 2.950.": "Tổng thu (*) đạt 1.184; tổng chi (*) đạt 2.950.",
		"có 02 khách sạn 3* và 01 khách sạn 4* phục vụ":   "có 02 khách sạn 3* và 01 khách sạn 4* phục vụ",
		"Thử dấu (*)":          "Thử dấu (*)",
		"* Cây hàng năm":       "* Cây hàng năm",
		"3*, 4* và 5*":         "3*, 4* và 5*",
		"a ** b ** c":          "a ** b ** c",
		"**Thời gian:** 8 giờ": "[b:Thời gian:] 8 giờ",
		"*Lưu ý*: xem (*)":     "[i:Lưu ý]: xem (*)",
		"(*Lưu ý*) và 3*":      "([i:Lưu ý]) và 3*",
		"**(a)** b":            "[b:(a)] b",
		"***gấp*** (*)":        "[bi:gấp] (*)",
		"a*b*c":                "a[i:b]c",
	} {
		spans, errs := ParseInline(in)
		var got strings.Builder
		for _, s := range spans {
			switch {
			case s.Bold && s.Italic:
				fmt.Fprintf(&got, "[bi:%s]", s.Text)
			case s.Bold:
				fmt.Fprintf(&got, "[b:%s]", s.Text)
			case s.Italic:
				fmt.Fprintf(&got, "[i:%s]", s.Text)
			default:
				got.WriteString(s.Text)
			}
		}
		if got.String() != want || len(errs) != 0 {
			t.Errorf("%q: got %q %+v, want %q", in, got.String(), errs, want)
		}
	}
	// An emphasis opened before a word and never closed is refused; a
	// closing asterisk after a space closes nothing.
	for in, at := range map[string]int{"Về *việc": 5, "*Lưu ý *": 0, "(*) và *chú": 8} { // byte offsets
		if _, errs := ParseInline(in); len(errs) != 1 || errs[0].Offset != at || errs[0].Marker != "*" {
			t.Errorf("%q: %+v, want the * at %d", in, errs, at)
		}
	}
	_, errs = ParseInline("a **b c")
	if len(errs) != 1 || errs[0].Offset != 2 || errs[0].Marker != "**" {
		t.Errorf("unclosed bold: %+v", errs)
	}
}

// Each wrong input gives one line that names the file, line, column and
// field, and says what is expected.
func TestErrors(t *testing.T) {
	for _, c := range []struct{ extra, want string }{
		{"closing: [x]\ntype: chuong-trnh\n", `x.yaml:9:7: type: unknown document type "chuong-trnh"; did you mean "chuong-trinh"?`},
		{"closing: [x]\nsymbol: 85/CTr-UBND\n", `x.yaml:10:9: symbol: the symbol "85/CTr-UBND" contains "/"`},
		{"closing: [x]\nsymbol: Ctr-UBND\n", `symbol: the abbreviation of Chương trình is written CTr, not Ctr (expected CTr-UBND)`},
		{"closing: [x]\nnumber: 0\n", `x.yaml:10:9: number: "0" is not a document number`},
		{"closing: [x]\nurgency: gấp\n", `x.yaml:10:10: urgency: unknown urgency "gấp" (expected KHẨN, THƯỢNG KHẨN or HỎA TỐC)`},
		{"closing: [x]\nsecrecy: bí mật\n", `x.yaml:10:10: secrecy: unknown secrecy level "bí mật" (expected MẬT, TỐI MẬT or TUYỆT MẬT)`},
		{"closing: [x]\nstyle: {body_size: 12}\n", `x.yaml:10:20: style.body_size: 12 is not allowed by Nghị định 30 (expected 13 or 14`},
		{"closing: [x]\nstyle: {indent: 11}\n", `x.yaml:10:17: style.indent: 11 is not allowed by Nghị định 30 (expected 10 or 12.7 (mm: the decree allows 1 cm or 1.27 cm))`},
		{"closing: [x]\ntitle: [Về **việc, ở đây**]\n", `x.yaml:9:12: title[1]: "**" is opened here but never closed`},
		{"closing: [x]\ndraft: rồi\n", `x.yaml:10:8: draft: found the text "rồi" (expected true or false (có or không))`},
		{"closing: [x]\nstyle: {margins: {left: 25}}\n", `x.yaml:10:25: style.margins.left: 25 is outside the range Nghị định 30 allows (expected 30 to 35 mm)`},
		{"closing: [x]\nsigner: {position: CHỦ TỊCH, name: TS. Nguyễn Văn A}\n", `signer.name: academic titles such as "TS." are not written`},
		{"closing: [x]\nstyle: {margin: {left: 30}}\n", `x.yaml:10:9: style.margin: unknown key "margin"; did you mean "margins"?`},
		{"closing:\n  - |\n    Dòng một\n    và **đậm chưa đóng\n", `x.yaml:12:8: closing[1]: "**" is opened here but never closed`},
		{"sections:\n  - heading: A\n    sections:\n      - heading: B\n        sections:\n          - heading: C\n            sections:\n              - heading: D\n                sections: [{heading: E}]\n", `sections[1].sections[1].sections[1].sections[1].sections: sections are nested 5 levels deep`},
		{"closing: [x]\ntitle: Về *việc\n", `x.yaml:9:11: title: "*" is opened here but never closed`},
		{"", `x.yaml:1:1: the document has no content (expected preamble:, sections:, articles: or closing:)`},
		{"closing: [x]\nplace: " + strings.Repeat("Bỉm Sơn ", 7) + "\n", `x.yaml:9:8: place: the place name is too long for the header (55 characters) (expected at most 50 characters) [địa danh]`},
		{"closing: [x]\nissuer: {parent: [A, B, C, D], name: [E, F, G], abbr: UBND}\n", `x.yaml:9:9: issuer: the issuing body's names take 7 lines, too many for the header (expected at most 6 lines for parent and name together) [cơ quan ban hành]`},
		{"closing: [x]\nissuer: {name: " + strings.Repeat("ỦY BAN NHÂN DÂN ", 11) + ", abbr: UBND}\n", `x.yaml:9:9: issuer: the issuing body's names are too long for the header (175 characters) (expected at most 160 characters for parent and name together) [cơ quan ban hành]`},
		{"closing: [x]\ntype: cong-van\ntitle: " + strings.Repeat("Về việc ", 40) + "\n", `title: a công văn's abstract, printed under the number, is too long for the header (311 characters) (expected at most 300 characters) [trích yếu]`},
		{"closing: [x]\naddress: [a, b, c, d, e]\n", `x.yaml:10:10: address: the address block has 5 lines, too many for the foot of page 1 (expected at most 4 lines: address, telephone, e-mail, website) [địa chỉ, điện thoại, thư điện tử (cuối trang đầu)]`},
		{"closing: [x]\naddress: " + strings.Repeat("Số 01 Trần Phú ", 21) + "\n", `x.yaml:10:10: address: the address block is too long for the foot of page 1 (314 characters) (expected at most 300 characters) [địa chỉ, điện thoại, thư điện tử (cuối trang đầu)]`},
	} {
		doc, diags := parse(t, c.extra)
		text := diagText(diags)
		if doc != nil || !strings.Contains(text, c.want) {
			t.Errorf("input %q\n got: %s\nwant: %s", c.extra, text, c.want)
		}
	}
}

func diagText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Format(diag.En) + "\n")
	}
	return b.String()
}

func TestWarnings(t *testing.T) {
	doc, diags := parse(t, "closing: [x]\nsymbol: KH-UBND\n")
	if doc == nil || !strings.Contains(diagText(diags), "warning: the symbol starts with KH, but the abbreviation of Chương trình is CTr") {
		t.Errorf("got %s", diagText(diags))
	}
}

func TestTypeByName(t *testing.T) {
	src := strings.Replace(base, "chuong-trinh", "Chương trình", 1)
	d := decode.New("x.yaml")
	doc := Decode(d, d.Parse([]byte(src+"closing: [x]\n")), types(t))
	if d.Diags.HasErrors() || doc.Kind.Abbr != "CTr" || doc.TypeName() != "CHƯƠNG TRÌNH" {
		t.Fatalf("type by its Vietnamese name: %v", d.Diags)
	}
}

func TestLetter(t *testing.T) {
	src := strings.Replace(base, "chuong-trinh", "cong-van", 1)
	d := decode.New("x.yaml")
	doc := Decode(d, d.Parse([]byte(src+"symbol: UBND-VX\nto: Sở Nội vụ\nclosing: [x]\n")), types(t))
	if d.Diags.HasErrors() {
		t.Fatal(d.Diags.Err())
	}
	if doc.TypeName() != "" || doc.TitleText() != "V/v Công tác năm 2017" || doc.NumberLine() != "Số:      /UBND-VX" {
		t.Errorf("công văn: %q %q %q", doc.TypeName(), doc.TitleText(), doc.NumberLine())
	}
	if got := doc.ToLines(); len(got) != 1 || got[0] != "Sở Nội vụ" {
		t.Errorf("one addressee, on the Kính gửi line without a full stop (Phụ lục I, Mục V, 8a): %q", got)
	}
}

func TestLocate(t *testing.T) {
	src := "closing:\n  - >-\n    một hai\n    ba ⚡ bốn ⚡\n"
	d := decode.New("x.yaml")
	var v struct {
		Closing TextList `yaml:"closing"`
	}
	d.Decode(d.Parse([]byte(src)), &v)
	txt := v.Closing[0]
	second := strings.LastIndex(txt.Value, "⚡")
	if p := Locate(d.Source(), txt, second); p.Line != 4 || p.Col != 14 {
		t.Errorf("second ⚡ at %d:%d, want 4:14", p.Line, p.Col)
	}
}

// A mistake is reported once: the model does not repeat, in its own
// words, what the decoder already said about the same field, nor report
// the consequences of a value it could not read.
func TestOneLinePerMistake(t *testing.T) {
	for _, c := range []struct {
		old, new string
		want     []string // every error, in order
	}{
		{"title:", "titel:", []string{`x.yaml:5:1: titel: unknown key "titel"; did you mean "title"? [trích yếu]`}},
		{"title: Công tác năm 2017", "title: [Công tác năm, của Ban Vì sự tiến bộ]", nil},
		{"title: Công tác năm 2017", "title: []", []string{`x.yaml:5:8: title: the title is empty (expected the abstract (trích yếu), such as Công tác năm 2017; a text, or a list of its lines) [trích yếu]`}},
		{"title: Công tác năm 2017", "title: {a: b}", []string{`x.yaml:5:8: title: found the field "a:" where a text was expected (expected the text right after the colon of the field above, or the whole line in quotes) [trích yếu]`}},
		{"title: Công tác năm 2017", `title: ""`, []string{`x.yaml:5:8: title: this required field is empty (expected a value) [trích yếu]`}},
		{"place: Bỉm Sơn", `place: " "`, []string{`x.yaml:3:8: place: this required field is empty (expected a value) [địa danh]`}},
		{"name: [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN]", "name: ", []string{`x.yaml:2:16: issuer.name: this required field is empty (expected a value) [tên cơ quan ban hành]`}},
		{"name: [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN]", "name: []", []string{`x.yaml:2:16: issuer.name: the issuing body's name is empty (expected the name as the original's header prints it, such as [ỦY BAN NHÂN DÂN, XÃ AN PHÚ]) [tên cơ quan ban hành]`}},
		{"issuer: {name: [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN], abbr: UBND}", "issuer: ỦY BAN NHÂN DÂN", []string{`x.yaml:2:9: issuer: found the text "ỦY BAN NHÂN DÂN" (expected a group of fields, one "key: value" per line) [cơ quan ban hành]`}},
		{"closing: [x]", "sections: {heading: A}", []string{`x.yaml:9:11: sections: found a group of fields (expected a list, one item per line starting with "- ") [các phần, mục]`}},
		{"closing: [x]", "closing: {a: b}", []string{`x.yaml:9:10: closing: found the field "a:" where a text was expected (expected the text right after the colon of the field above, or the whole line in quotes) [phần kết]`}},
		{"closing: [x]", "closing: [x]\nnumber: 05/CTr-UBND", []string{`x.yaml:10:9: number: "05/CTr-UBND" is the number and the symbol together (expected the number alone, number: 05, and the part after the last slash in symbol: CTr-UBND) [số]`}},
	} {
		src := strings.Replace(base+"closing: [x]\n", c.old, c.new, 1)
		d := decode.New("x.yaml")
		Decode(d, d.Parse([]byte(src)), types(t))
		var got []string
		for _, x := range d.Diags {
			if x.Severity == diag.Error {
				got = append(got, x.Format(diag.En))
			}
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s → %s\n got: %s\nwant: %s", c.old, c.new, strings.Join(got, "\n      "), strings.Join(c.want, "\n      "))
		}
	}
}

// The forms a clerk writes are accepted: draft: có / không like the
// report's flags, an indent of exactly 1 cm or 1.27 cm, a title as a list
// of its lines.
func TestAcceptedForms(t *testing.T) {
	for extra, draft := range map[string]bool{"draft: có\n": true, "draft: Không\n": false, "draft: true\n": true} {
		doc, diags := parse(t, "closing: [x]\n"+extra)
		if doc == nil || diags.HasErrors() || doc.Draft != draft {
			t.Errorf("%s→ draft %v, %s", extra, doc != nil && doc.Draft, diagText(diags))
		}
	}
	for _, in := range []string{"10", "12.7", "12.70"} {
		if doc, diags := parse(t, "closing: [x]\nstyle: {indent: "+in+"}\n"); doc == nil || diags.HasErrors() {
			t.Errorf("indent %s: %s", in, diagText(diags))
		}
	}
	doc, diags := parse(t, "closing: [x]\ntitle:\n  - Công tác năm của Ban Vì sự tiến bộ\n  - của **Phụ nữ** năm 2017\n")
	if doc == nil || len(diags) > 0 {
		t.Fatalf("title list: %s", diagText(diags))
	}
	lines := doc.TitleLines()
	if len(lines) != 2 || Plain(lines[1]) != "của Phụ nữ năm 2017" || !lines[1][1].Bold || !doc.Title.Listed() ||
		doc.TitleText() != "Công tác năm của Ban Vì sự tiến bộ của Phụ nữ năm 2017" {
		t.Errorf("title lines %+v, text %q", lines, doc.TitleText())
	}
}

// The date checks find exactly what the unanchored expressions find,
// trying them only where "ngày" starts a word.
func TestDatesIn(t *testing.T) {
	texts := []string{
		"", "ngày 5 tháng 3 năm 2025", "Ngày 05/03/2025 và NGÀY 30 tháng 02 năm 2024.",
		"từ ngày 1/1/2020 đến ngày 31 - 12 - 2020 x", "xngày 5 tháng 3 năm 2025", "_ngày 1/2/2003",
		"ngày ngày 5 tháng 3 năm 2025", "ngàyy 5/5/2005", "ngày 5/5/20055", "ngày 5 tháng 13 năm 2025ngày 1/1/2001",
		"ngÀy\n05\ttháng\n3 năm 2025", "ngày 5/3-2025", "ngà y 5/3/2025", "ngày",
	}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"ngày", "NGÀY", "Ngày", "ngàY", "NgÀy", " ", "5", "12", "/", "-", ".", "tháng", "năm", "2025", "x", "_", "\n", "à", "THÁNG", "NĂM", "ế", "\t", "a"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for _, c := range []struct {
			re *regexp.Regexp
			at func(string) []int
		}{{longDateRe, longDateAt}, {numericDateRe, numericDateAt}} {
			if got, want := datesIn(c.at, s), c.re.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: %v, want %v", s, got, want)
			}
		}
	}
}

// FuzzInline: emphasis takes no letter away, and an unclosed marker's
// offset points at the asterisks it names.
func FuzzInline(f *testing.F) {
	for _, s := range []string{"Tổng thu (*) đạt; tổng chi (*) đạt", "3* và 4*", "**Thời gian:** 8", "*Lưu ý*", "***a*** (*)", "a\\*b *c", "x ** y *"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans, errs := ParseInline(s)
		strip := func(x string) string { return strings.ReplaceAll(x, "*", "") }
		if got, want := strip(Plain(spans)), strip(strings.ReplaceAll(s, `\*`, "*")); got != want {
			t.Fatalf("%q: text %q, want %q", s, got, want)
		}
		for _, e := range errs {
			if !strings.HasPrefix(s[e.Offset:], e.Marker) {
				t.Fatalf("%q: %+v does not point at %q", s, e, e.Marker)
			}
		}
		if got := markupErrors(s); !slices.Equal(got, errs) {
			t.Fatalf("%q: markupErrors %+v, ParseInline %+v", s, got, errs)
		}
	})
}

// A legal document's number carries its year, in the header and in the
// link line of its appendices; a draft keeps the clerk's blank.
func TestNumberYear(t *testing.T) {
	for number, want := range map[string]string{"128/2017": "Số: 128/2017/QĐ-UBND", "5 / 2017": "Số: 05/2017/QĐ-UBND",
		"/2017": "Số:      /2017/QĐ-UBND", "7": "Số: 07/QĐ-UBND"} {
		doc, diags := parse(t, "type: quyet-dinh\nnumber: "+number+"\narticles: [a, b]\nclosing: [x]\n")
		if doc == nil || diags.HasErrors() {
			t.Fatalf("%s: %s", number, lines(diags))
		}
		if got := doc.NumberLine(); got != want {
			t.Errorf("number: %s: %q, want %q", number, got, want)
		}
		if link, n := doc.LinkLine(), strings.TrimPrefix(want, "Số:"); !strings.Contains(strings.ReplaceAll(link, "\u00a0", " "), "số"+n+" ") {
			t.Errorf("number: %s: link line %q, want %q", number, link, n)
		}
	}
}

// The issued_by line a decision is missing is proposed from its own
// issuer and signer, never from a fixed example place.
func TestIssuedByFix(t *testing.T) {
	for signer, want := range map[string]string{
		"{authority: TM. ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: A}": "issued_by: ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN)",
		"{authority: KT. CHỦ TỊCH, position: PHÓ CHỦ TỊCH, name: A}":    "issued_by: CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN)",
		"{position: Chủ tịch, name: A}":                                 "issued_by: CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN)",
		"{authority: TL. CHỦ TỊCH, position: CHÁNH VĂN PHÒNG, name: A}": "issued_by: ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN (the collective body), or issued_by: CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN (its head)",
	} {
		_, diags := parse(t, "type: quyet-dinh\nsigner: "+signer+"\narticles: [a, b]\nrecipients: [Như Điều 2]\n")
		if got := lines(diags); !strings.Contains(got, want) {
			t.Errorf("signer %s:\n%s\nwant %s", signer, got, want)
		}
	}
}

// "Lưu VP." typed as the last recipient, without its colon, is the Lưu
// line; a person named Lưu is a recipient.
func TestArchiveTypedWithoutColon(t *testing.T) {
	doc, diags := parse(t, "closing: [x]\narchive:\nrecipients: [UBND tỉnh, Ông Lưu Văn Hùng, LƯU VĂN HÙNG, Lưu VP.]\n")
	if doc == nil {
		t.Fatal(lines(diags))
	}
	if got := trim(doc.Archive.Value); got != "VP." {
		t.Errorf("archive %q, want VP.", got)
	}
	if got := doc.Recipients.Values(); len(got) != 3 {
		t.Errorf("recipients %q", got)
	}
	for _, d := range diags {
		if d.Code == "recipients.archive-missing" || strings.HasPrefix(d.Code, "archive.") {
			t.Errorf("%s", lines(diags))
		}
	}
}

// hasBody answers as the whole body would, for bodies that start with
// each of their parts and for bodies of blank or empty texts.
func TestHasBody(t *testing.T) {
	for _, extra := range []string{
		"", "bases: [\"\"]", "bases: [Căn cứ Luật]", "preamble: \"  \"", "preamble: Mở đầu",
		"preamble: \"**\"", "closing: Kết", "sections: [{heading: \"\"}]", "sections: [{heading: A}]",
		"sections: [{heading: \"\", sections: [{heading: B}]}]", "sections: [{items: [\"- \"]}]", "sections: [{items: [x]}]",
		"type: quyet-dinh\narticles: [{text: Điều một}]", "type: quyet-dinh\narticles: [{}]",
		"enacting_sentence: Quyết nghị", "parts: [{heading: Một}]",
	} {
		d := decode.New("x.yaml")
		doc := Decode(d, d.Parse([]byte(base+extra)), types(t))
		if got, want := doc.hasBody(), len(doc.Body()) > 0; got != want {
			t.Errorf("%q: hasBody %v, body of %d blocks", extra, got, len(doc.Body()))
		}
	}
}
