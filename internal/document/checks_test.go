package document

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// The checks a văn thư makes are warnings at the place, with the text as
// it should be written.
func TestClerkChecks(t *testing.T) {
	src := "title: KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI TỈNH THANH HÓA\n" +
		"sections:\n" +
		"  - heading: MỤC ĐÍCH, YÊU CẦU\n" +
		"    sections:\n" +
		"      - heading: MỤC ĐÍCH\n" +
		"        text: Theo Kế hoạch ngày 5 tháng 03 năm 2024 và Công văn ngày 30/02/2024; ngày 05 tháng 3 năm 2024 đúng.\n" +
		"      - heading: Yêu cầu\n" +
		"        text: Báo cáo trước ngày 31 tháng 4 năm 2024; UBND, HĐND.\n" +
		"signer: {position: CHỦ TỊCH, name: MAI ĐÌNH LÂM}\n"
	doc, diags := parse(t, src)
	if doc == nil {
		t.Fatal(diags)
	}
	var got []string
	for _, d := range diags {
		switch d.Code {
		case "text.capitals", "signer.name-capitals", "date.form", "date.impossible":
			got = append(got, d.Format(diag.En))
		}
	}
	want := []string{
		`x.yaml:7:8: title: warning: the abstract (trích yếu) is typed in capitals; Nghị định 30 sets it in sentence case (a capital first letter and proper names) (expected Kế hoạch thực hiện công tác bình đẳng giới tỉnh Thanh Hóa (check the capitals of proper names)) [trích yếu]`,
		`x.yaml:11:18: sections[1].sections[1].heading: warning: the heading is typed in capitals; Nghị định 30 sets it in sentence case (a capital first letter and proper names) (expected Mục đích (check the capitals of proper names)) [tiêu đề]`,
		`x.yaml:12:29: sections[1].sections[1].text: warning: the date "ngày 5 tháng 03 năm 2024" is not written as Nghị định 30 writes dates: a zero before a day below 10 and before months 1 and 2, none before the others (expected ngày 05 tháng 3 năm 2024) [nội dung]`,
		`x.yaml:12:66: sections[1].sections[1].text: warning: "ngày 30/02/2024" is not a date that exists (expected the day and the month checked (the day comes first)) [nội dung]`,
		`x.yaml:14:29: sections[1].sections[2].text: warning: "ngày 31 tháng 4 năm 2024" is not a date that exists (expected the day and the month checked (the day comes first)) [nội dung]`,
		`x.yaml:15:36: signer.name: warning: the signer's name is typed in capitals; Nghị định 30 sets it in normal case, each syllable capitalised (expected Mai Đình Lâm) [họ tên]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A level printed in capitals (I.) may be typed in them; an
	// abbreviation is no phrase in capitals.
	_, diags = parse(t, "title: Công tác năm 2017 của UBND\nsections: [{heading: MỤC ĐÍCH, sections: [{heading: Yêu cầu, text: x}]}]\n")
	for _, d := range diags {
		if d.Code == "text.capitals" {
			t.Errorf("%s", d)
		}
	}
}

// A deputy (PHÓ …) who signs without "KT." is warned about, with the
// authority lines as they should be written; with KT. (or as acting head,
// Q.) nothing is said.
func TestDeputySignsKT(t *testing.T) {
	for _, c := range []struct{ signer, fix string }{
		{"{authority: [TL. CHỦ TỊCH, CHÁNH VĂN PHÒNG], position: PHÓ CHÁNH VĂN PHÒNG", "authority: [TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG]"},
		{"{authority: TM. ỦY BAN NHÂN DÂN, position: PHÓ CHỦ TỊCH", "authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]"},
		{"{position: Phó Giám đốc", "authority: KT. GIÁM ĐỐC"},
		{"{authority: GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC", "authority: KT. GIÁM ĐỐC"},
		{"{authority: [TUQ. CHỦ TỊCH, GIÁM ĐỐC SỞ NỘI VỤ], position: PHÓ GIÁM ĐỐC", "authority: [TUQ. CHỦ TỊCH, KT. GIÁM ĐỐC SỞ NỘI VỤ]"},
		{"{authority: TM. ỦY BAN NHÂN DÂN, position: PHÓ CHỦ TỊCH THƯỜNG TRỰC", "authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]"},
		{"{authority: [TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG], position: PHÓ CHÁNH VĂN PHÒNG", ""},
		{"{authority: Q. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC", ""},
		{"{authority: TL. CHỦ TỊCH, position: CHÁNH VĂN PHÒNG", ""},
	} {
		_, diags := parse(t, "title: Công tác năm 2026\nsigner: "+c.signer+", name: Lê Văn A}\n")
		got := ""
		for _, d := range diags {
			if d.Code == "signer.deputy-kt" {
				got = d.FixVi
				if d.Field != "signer.position" || d.Severity != diag.Warning {
					t.Errorf("%s: at %s, %v", c.signer, d.Field, d.Severity)
				}
			}
		}
		if got, _, _ = strings.Cut(got, " (in ra:"); got != c.fix {
			t.Errorf("%s:\n got %q\nwant %q", c.signer, got, c.fix)
		}
	}
}

// A giấy giới thiệu and a giấy nghỉ phép have no trích yếu in the
// decree's models (Phụ lục III, Mẫu 1.8, 1.10): their title may be left
// out; any other document without one is told, once, as before.
func TestUntitledTypes(t *testing.T) {
	noTitle := strings.Replace(base, "title: Công tác năm 2017\n", "", 1)
	for _, c := range []struct{ src, want string }{
		{"type: giay-gioi-thieu\n", ""},
		{"type: giay-nghi-phep\n", ""},
		{"type: ke-hoach\n", "field.missing"},
		{"type: ke-hoach\ntitle: \"\"\n", "field.empty"},
		{"type: giay-gioi-thieu\ntitle: \"\"\n", ""},
		{"type: ke-hoach\ntitle: []\n", "title.empty"},
		{"type: ke-hoach\ntitel: Công tác\n", "key.unknown"},
	} {
		d := decode.New("x.yaml")
		src := strings.Replace(noTitle, "type: chuong-trinh\n", c.src, 1)
		Decode(d, d.Parse([]byte(src)), types(t))
		var got []string
		for _, x := range d.Diags {
			if strings.HasPrefix(x.Field, "tit") {
				got = append(got, x.Code)
			}
		}
		if strings.Join(got, ",") != c.want {
			t.Errorf("%q: %v, want %q", c.src, got, c.want)
		}
	}
}

// The sentence case proposed for a title in capitals: "xã hội" is no
// commune, the places after a unit keep their capitals, and a long title
// is given whole, to be copied.
func TestSentenceCase(t *testing.T) {
	long := "VỀ VIỆC BAN HÀNH QUY CHẾ HOẠT ĐỘNG CỦA TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH THANH HÓA"
	for in, want := range map[string]string{
		"VĂN HÓA - XÃ HỘI":            "Văn hóa - xã hội",
		"QUỐC PHÒNG - AN NINH":        "Quốc phòng - an ninh",
		"XÃ HỘI HÓA CÔNG TÁC Y TẾ":    "Xã hội hóa công tác y tế",
		"TUYÊN TRUYỀN TẠI XÃ HÀ LONG": "Tuyên truyền tại xã Hà Long",
		"AN SINH XÃ HỘI XÃ HÀ LONG":   "An sinh xã hội xã Hà Long",
		"VỀ VIỆC BỔ SUNG TTHC VÀO BỘ THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG": "Về việc bổ sung TTHC vào bộ thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Thông tin và Truyền thông",
		"KẾ HOẠCH CỦA UBND, HĐND XÃ VỀ PHÒNG, CHỐNG COVID-19 Ở TRƯỜNG THCS":                                           "Kế hoạch của UBND, HĐND xã về phòng, chống COVID-19 ở trường THCS",
		"PHỐI HỢP VỚI PHÒNG VĂN HÓA - XÃ HỘI VÀ BHXH TỈNH BẮC GIANG":                                                  "Phối hợp với Phòng Văn hóa - Xã hội và BHXH tỉnh Bắc Giang",
		"TIN HỌC VĂN PHÒNG CHO CÁN BỘ BAN KINH TẾ":                                                                    "Tin học văn phòng cho cán bộ Ban Kinh tế",
		"I. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU NĂM 2012":                                                                "I. Mục tiêu và các chỉ tiêu chủ yếu năm 2012",
		"II. NHIỆM VỤ": "II. Nhiệm vụ", "B) CÁC CHỈ TIÊU CHỦ YẾU": "b) Các chỉ tiêu chủ yếu",
		long: "Về việc ban hành quy chế hoạt động của trung tâm phục vụ hành chính công tỉnh Thanh Hóa",
	} {
		if got := sentenceCase(in); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
	_, diags := parse(t, "closing: [x]\ntitle: "+long+"\n")
	if got := lines(diags); !strings.Contains(got, "(expected Về việc ban hành quy chế hoạt động của trung tâm phục vụ hành chính công tỉnh Thanh Hóa (check") {
		t.Errorf("the proposal is not whole:\n%s", got)
	}
}
