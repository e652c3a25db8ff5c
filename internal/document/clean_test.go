package document

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/diag"
)

// codes lists the diagnostics as "LINE:COL field code".
func codes(l diag.List) string {
	var out []string
	l = append(diag.List(nil), l...)
	l.Sort()
	for _, d := range l {
		out = append(out, strings.Join([]string{itoa(d.Line) + ":" + itoa(d.Col), d.Field, d.Code}, " "))
	}
	return strings.Join(out, "\n")
}

func check(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s\n got %s\nwant %s", what, strings.ReplaceAll(got, "\n", "\n     "), strings.ReplaceAll(want, "\n", "\n     "))
	}
}

// Headings typed with their numbers print each number once; a number
// vanban counts otherwise is named with vanban's.
func TestTypedHeadings(t *testing.T) {
	doc, diags := parse(t, `sections:
  - heading: I. MỤC ĐÍCH, YÊU CẦU
    sections:
      - heading: "1. Mục đích"
        text: x
      - heading: "3) Yêu cầu"
        sections:
          - heading: "a) Yêu cầu chung"
          - heading: "**b. Yêu cầu cụ thể**"
  - heading: "2030: năm bản lề"
    text: "1.000 hộ gia đình được hỗ trợ."
`)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "blocks", strings.Join(blockTexts(doc.Body()), "\n"), strings.Join([]string{
		"H:**I. MỤC ĐÍCH, YÊU CẦU**",
		"H:**1. Mục đích**",
		"P:x",
		"H:**2. Yêu cầu**",
		"P:a) Yêu cầu chung",
		"P:b) **Yêu cầu cụ thể**",
		"H:**II. 2030: NĂM BẢN LỀ**",
		"P:1.000 hộ gia đình được hỗ trợ./.",
	}, "\n"))
	check(t, "warnings", codes(diags), strings.Join([]string{
		"10:14 sections[1].heading numbering.typed",
		"12:19 sections[1].sections[1].heading numbering.typed",
		"14:19 sections[1].sections[2].heading numbering.typed-differs",
		"16:23 sections[1].sections[2].sections[1].heading numbering.typed",
		"17:25 sections[1].sections[2].sections[2].heading numbering.typed",
	}, "\n"))
	for _, d := range diags {
		if d.Code == "numbering.typed-differs" && (!strings.Contains(d.Vi, "“3)”") || !strings.Contains(d.Vi, "“2.”") || !strings.Contains(d.En, `"2."`)) {
			t.Errorf("the message names both numbers: %s", d.Format(diag.Vi))
		}
	}
}

// The labels vanban writes around the body, typed by the clerk, are
// printed once.
func TestTypedLines(t *testing.T) {
	doc, diags := parse(t, `type: cong-van
symbol: UBND-VP
title: "V/v báo cáo sơ kết 6 tháng"
to: ["Kính gửi: Ủy ban nhân dân các xã, phường"]
closing: [x]
recipients:
  - "Nơi nhận:"
  - Như trên
  - "Lưu: VT, VP"
archive: "Lưu: VT"
signer:
  authority: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]
  position: Chủ tịch
  name: Lê Thị Hoa
`)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "title", doc.TitleText(), "V/v báo cáo sơ kết 6 tháng")
	check(t, "to", strings.Join(doc.ToLines(), "|"), "Ủy ban nhân dân các xã, phường")
	check(t, "recipients", strings.Join(doc.RecipientLines(), "|"), "- Như trên;|- Lưu: VT.")
	check(t, "authority", strings.Join(Upper(doc.Signer.Authority), "|"), "TM. ỦY BAN NHÂN DÂN")
	check(t, "warnings", codes(diags), strings.Join([]string{
		"6:9 title title.typed-vv",
		"7:7 to[1] to.typed-label",
		"10:6 recipients[1] recipients.typed-label",
		"12:6 recipients[3] recipients.archive-twice",
		"13:11 archive archive.typed-label",
		"15:36 signer.authority[2] signer.position-twice",
	}, "\n"))
	for _, d := range diags {
		if d.Code == "recipients.archive-twice" && !strings.Contains(d.Vi, "khác nhau") {
			t.Errorf("the two Lưu lines differ: %s", d.Format(diag.Vi))
		}
	}
}

// A Lưu line among the recipients is the archive when archive: is not
// given: printed once, last, without a warning about a missing Lưu line.
func TestArchiveInRecipients(t *testing.T) {
	src := "closing: [x]\nrecipients: [TTTU, \"Lưu.VT, PLĐ\", HĐND]\narchive: \"\"\n"
	doc, diags := parse(t, src)
	check(t, "recipients", strings.Join(doc.RecipientLines(), "|"), "- TTTU;|- HĐND;|- Lưu: VT, PLĐ.")
	check(t, "warnings", codes(diags), "")
	// A name is not a Lưu line.
	doc, _ = parse(t, "closing: [x]\nrecipients: [Ông Lưu Văn Hùng, Lưu Văn Hùng]\n")
	check(t, "names", strings.Join(doc.RecipientLines(), "|"), "- Ông Lưu Văn Hùng;|- Lưu Văn Hùng;|- Lưu: VT, PLĐ.")
}

// The type name typed as the first line of the trích yếu is printed once;
// a title of that line alone is kept.
func TestTypeNameInTitle(t *testing.T) {
	doc, diags := parse(t, "title: [KẾ HOẠCH, Thực hiện công tác năm 2025]\ntype: ke-hoach\nclosing: [x]\n")
	check(t, "title", doc.TitleText(), "Thực hiện công tác năm 2025")
	check(t, "warnings", codes(diags), "7:9 title[1] title.type-name")
	doc, _ = parse(t, "title: Kế hoạch\ntype: ke-hoach\nclosing: [x]\n")
	check(t, "title alone", doc.TitleText(), "Kế hoạch")
}

// Appendix titles typed with their label print it once.
func TestTypedAppendixTitles(t *testing.T) {
	doc, diags := parse(t, `closing: [Phụ lục I và Phụ lục II]
appendices:
  - {title: [Phụ lục I, Phân công nhiệm vụ], text: a}
  - {title: "PHỤ LỤC 3: DỰ TOÁN", text: b}
`)
	check(t, "titles", Plain(doc.AppendixTitle(0)[0])+"|"+Plain(doc.AppendixTitle(1)[0]), "PHÂN CÔNG NHIỆM VỤ|DỰ TOÁN")
	check(t, "warnings", codes(diags), "11:14 appendices[1].title[1] numbering.typed\n12:14 appendices[2].title numbering.typed-differs")
}

// A literal block keeps its lines: each a paragraph; a blank line in a
// folded block starts a paragraph; items and lines of a list written as a
// literal block are one a line.
func TestLiteralLines(t *testing.T) {
	doc, diags := parse(t, `type: giay-moi
title: |
  Dự Hội nghị sơ kết 6 tháng đầu năm 2025
  công tác bình đẳng giới
preamble:
  - |
    Thời gian: 08 giờ 00, ngày 26 tháng 6 năm 2025.
    Địa điểm: Hội trường Ủy ban nhân dân xã.
    Thành phần:
  - >
    Đại diện lãnh đạo các ban,
    ngành, đoàn thể xã.

    Trưởng các thôn.
sections:
  - heading: Nội dung
    items: |
      Báo cáo kết quả;
      Thảo luận.
  - heading: Chuẩn bị
    items:
      - |
        Văn phòng chuẩn bị hội trường.
        Ghi chú: in tài liệu.
recipients: |
  Như thành phần mời
  TTĐU, HĐND xã (b/c)
`)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "blocks", strings.Join(blockTexts(doc.Body()), "\n"), strings.Join([]string{
		"P:Thời gian: 08 giờ 00, ngày 26 tháng 6 năm 2025.",
		"P:Địa điểm: Hội trường Ủy ban nhân dân xã.",
		"P:Thành phần:",
		"P:Đại diện lãnh đạo các ban, ngành, đoàn thể xã.",
		"P:Trưởng các thôn.",
		"H:**1. Nội dung**",
		"I:Báo cáo kết quả;",
		"I:Thảo luận.",
		"H:**2. Chuẩn bị**",
		"I:Văn phòng chuẩn bị hội trường.",
		"P:Ghi chú: in tài liệu./.",
	}, "\n"))
	if !doc.Title.Listed() || len(doc.Title) != 2 || doc.Title[1].Path != "title[2]" {
		t.Errorf("a literal title sets its lines: %+v", doc.Title)
	}
	check(t, "recipients", strings.Join(doc.RecipientLines(), "|"), "- Như thành phần mời;|- TTĐU, HĐND xã (b/c);|- Lưu: VT, PLĐ.")
	check(t, "warnings", codes(diags), "")
	// A paragraph broken inside a sentence is warned about, once a text.
	_, diags = parse(t, "closing:\n  - |\n    Đề nghị các đại biểu dự\n    đúng thành phần, thời gian,\n    đúng giờ.\n")
	check(t, "broken sentence", codes(diags), "12:5 closing[1] text.literal-line-break")
}

// An appendix titled only with its label has no title: an error, not a
// page without one.
func TestAppendixTitleOnlyLabel(t *testing.T) {
	_, diags := parse(t, "closing: [Phụ lục]\nappendices: [{title: Phụ lục I, text: a}]\n")
	check(t, "diagnostics", codes(diags), "10:22 appendices[1].title numbering.typed\n10:22 appendices[1].title appendix.no-title")
}

// Recipients written as a literal block, dashes and all, as a clerk copies
// them from Word: one recipient a line, the Lưu line as the archive.
func TestRecipientsLiteral(t *testing.T) {
	doc, diags := parse(t, "closing: [x]\nrecipients: |\n  - Như trên;\n  - UBND tỉnh (b/c);\n  - Lưu: VT, VP.\narchive: ''\n")
	check(t, "recipients", strings.Join(doc.RecipientLines(), "|"), "- Như trên;|- UBND tỉnh (b/c);|- Lưu: VT, VP.")
	check(t, "warnings", codes(diags), "")
}
