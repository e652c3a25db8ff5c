package document

import (
	"strings"
	"testing"
	"unicode"

	"github.com/vanban/vanban/internal/viet"
)

// What is a typed number and what is content: each case is a text of a
// role, and the number read before it ("" for content, printed as
// written), then what is left.
func TestTypedNumbers(t *testing.T) {
	cases := []struct {
		role     Role
		s, label string
		form     labelForm
		n        int
		rest     string
	}{
		{HeadingText, "1. Tình hình chung", "1.", arabic, 1, "Tình hình chung"},
		{HeadingText, "1.Tình hình chung", "1.", arabic, 1, "Tình hình chung"},
		{HeadingText, "  12)  Tổ chức thực hiện", "12)", arabic, 12, "Tổ chức thực hiện"},
		{HeadingText, "1/ Tình hình", "1/", arabic, 1, "Tình hình"},
		{HeadingText, "1 - Tình hình", "1 -", arabic, 1, "Tình hình"},
		{HeadingText, "3- Tình hình", "3-", arabic, 3, "Tình hình"},
		{HeadingText, "I. MỤC ĐÍCH, YÊU CẦU", "I.", roman, 1, "MỤC ĐÍCH, YÊU CẦU"},
		{HeadingText, "II- NỘI DUNG", "II-", roman, 2, "NỘI DUNG"},
		{HeadingText, "IV – GIẢI PHÁP", "IV –", roman, 4, "GIẢI PHÁP"},
		{HeadingText, "II.NỘI DUNG", "II.", roman, 2, "NỘI DUNG"},
		{HeadingText, "iii) Nội dung", "iii)", roman, 3, "Nội dung"},
		{HeadingText, "a) Yêu cầu", "a)", letter, 1, "Yêu cầu"},
		{HeadingText, "đ) Tuyên truyền", "đ)", letter, 5, "Tuyên truyền"},
		{HeadingText, "e. Tuyên truyền", "e.", letter, 6, "Tuyên truyền"},
		{HeadingText, "b/ Yêu cầu", "b/", letter, 2, "Yêu cầu"},
		{HeadingText, "A. KẾT QUẢ ĐẠT ĐƯỢC", "A.", letter, 1, "KẾT QUẢ ĐẠT ĐƯỢC"},
		{HeadingText, "i) Yêu cầu", "i)", letter, 9, "Yêu cầu"},
		{HeadingText, "1.1. Mục tiêu chung", "1.1.", outline, 1, "Mục tiêu chung"},
		{HeadingText, "1.2 Mục tiêu cụ thể", "1.2", outline, 2, "Mục tiêu cụ thể"},
		{HeadingText, "2.1.3. Giải pháp", "2.1.3.", outline, 3, "Giải pháp"},
		{HeadingText, "2030: năm bản lề", "", 0, 0, ""},
		{HeadingText, "2030. Năm bản lề", "", 0, 0, ""},
		{HeadingText, "1.000 hộ gia đình được hỗ trợ", "", 0, 0, ""},
		{HeadingText, "8/3 ngày Quốc tế Phụ nữ", "", 0, 0, ""},
		{HeadingText, "15/11-15/12: Tháng hành động", "", 0, 0, ""},
		{HeadingText, "1 - 2 lần mỗi năm", "", 0, 0, ""},
		{HeadingText, "1.5 triệu người được tiếp cận", "", 0, 0, ""},
		{HeadingText, "12,5% số hộ nghèo", "", 0, 0, ""},
		{HeadingText, "100 ngày thi đua", "", 0, 0, ""},
		{HeadingText, "P.Bảo vệ, chăm sóc trẻ em", "", 0, 0, ""},
		{HeadingText, "Xây dựng kế hoạch", "", 0, 0, ""},
		{HeadingText, "VI PHẠM hành chính", "", 0, 0, ""},
		{HeadingText, "Việc làm", "", 0, 0, ""},
		{HeadingText, "CLB Phụ nữ", "", 0, 0, ""},
		{HeadingText, "1.", "", 0, 0, ""},
		{HeadingText, "a) 2", "", 0, 0, ""},
		{ArticleTitle, "Điều 1. Thành lập Ban", "Điều 1.", arabic, 1, "Thành lập Ban"},
		{ArticleTitle, "ĐIỀU 2: PHẠM VI", "ĐIỀU 2:", arabic, 2, "PHẠM VI"},
		{ArticleTitle, "Điều 3 Hiệu lực thi hành", "Điều 3", arabic, 3, "Hiệu lực thi hành"},
		{ArticleTitle, "Điều 3 - Hiệu lực", "Điều 3 -", arabic, 3, "Hiệu lực"},
		{ArticleText, "Điều 2. Quyết định này có hiệu lực", "Điều 2.", arabic, 2, "Quyết định này có hiệu lực"},
		{ArticleText, "Điều 5 Luật Đất đai quy định", "", 0, 0, ""},
		{ArticleText, "Điều 12.", "", 0, 0, ""},
		{ArticleText, "Điều hành chung", "", 0, 0, ""},
		{ClauseText, "1. Giám sát", "1.", arabic, 1, "Giám sát"},
		{ClauseText, "Khoản 2. Báo cáo", "Khoản 2.", arabic, 2, "Báo cáo"},
		{ClauseText, "1.000 người tham gia", "", 0, 0, ""},
		{ClauseText, "a) Nghiên cứu", "", 0, 0, ""},
		{PointText, "a) Nghiên cứu", "a)", letter, 1, "Nghiên cứu"},
		{PointText, "c. Nghiên cứu", "c.", letter, 3, "Nghiên cứu"},
		{PointText, "1. Nghiên cứu", "", 0, 0, ""},
		{PointText, "Ông A, Trưởng ban", "", 0, 0, ""},
		{AppendixTitle, "Phụ lục I", "Phụ lục I", roman, 1, ""},
		{AppendixTitle, "PHỤ LỤC II: PHÂN CÔNG NHIỆM VỤ", "PHỤ LỤC II:", roman, 2, "PHÂN CÔNG NHIỆM VỤ"},
		{AppendixTitle, "Phụ lục số 02 - Danh sách", "Phụ lục số 02 -", arabic, 2, "Danh sách"},
		{AppendixTitle, "Phụ lục: Danh sách", "Phụ lục:", noForm, 0, "Danh sách"},
		{AppendixTitle, "Phụ lục 3 Dự toán kinh phí", "Phụ lục 3", arabic, 3, "Dự toán kinh phí"},
		{AppendixTitle, "Phụ lục hợp đồng lao động", "", 0, 0, ""},
		{AppendixTitle, "Phụ lục số liệu thống kê", "", 0, 0, ""},
	}
	for _, c := range cases {
		got, ok := typedAt(c.role, c.s)
		if !ok {
			if c.label != "" {
				t.Errorf("%q: no number read, want %q", c.s, c.label)
			}
			continue
		}
		if c.label == "" {
			t.Errorf("%q: read %q, but it is content", c.s, got.text)
			continue
		}
		if got.text != c.label || got.form != c.form || got.n != c.n || c.s[got.end:] != c.rest {
			t.Errorf("%q: got %q form %d n %d rest %q; want %q form %d n %d rest %q",
				c.s, got.text, got.form, got.n, c.s[got.end:], c.label, c.form, c.n, c.rest)
		}
	}
}

// Whatever the text, reading a typed number never panics, and what it
// removes is the number as typed and the spaces after it: the text left
// holds a letter and is the end of the original, byte for byte.
func FuzzTypedNumber(f *testing.F) {
	for _, s := range []string{"1. a", "II- B", "Điều 1: x", "Phụ lục số 02 - y", "1.000 z", "**1.1. a**", "a)", "Khoản 3.", "iv) x", "đ. y"} {
		f.Add(s, uint8(HeadingText))
	}
	f.Fuzz(func(t *testing.T, s string, role uint8) {
		r := Role(role % uint8(SignerText+1))
		typed, ok := typedAt(r, s)
		if !ok {
			return
		}
		if typed.end < 0 || typed.end > len(s) {
			t.Fatalf("%q: end %d", s, typed.end)
		}
		head, rest := s[:typed.end], s[typed.end:]
		if strings.TrimSpace(head) == "" || !strings.HasPrefix(strings.TrimSpace(head), typed.text) && !strings.HasPrefix(typed.text, strings.TrimSpace(head)) {
			t.Fatalf("%q: removes %q for the label %q", s, head, typed.text)
		}
		if rest != "" && !strings.ContainsFunc(rest, unicode.IsLetter) {
			t.Fatalf("%q: leaves %q, without a letter", s, rest)
		}
	})
}

// letterValue gives every letter the place its small letter has among
// the point letters, as strings.ToLower and viet.Letter do.
func TestLetterValue(t *testing.T) {
	for r := rune(0); r < 0x250; r++ {
		want := 0
		for n := 1; n <= 23; n++ {
			if viet.Letter(n) == strings.ToLower(string(r)) {
				want = n
			}
		}
		if got := letterValue(r); got != want {
			t.Errorf("letterValue(%q) = %d, want %d", r, got, want)
		}
	}
}
