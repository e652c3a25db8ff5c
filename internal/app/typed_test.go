package app

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
)

// pdfText renders a document and returns the text poppler reads from the
// PDF, its white space squashed, and its lines.
func pdfText(t *testing.T, name string, src []byte) (string, []string) {
	t.Helper()
	pdftotext := needTool(t, "pdftotext")
	pdf := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(pdf, render(t, name, src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	return squash(string(out)), lines
}

// words splits a text into its words in small letters, without the
// punctuation and markup around them.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ReplaceAll(strings.ToLower(s), "/", " ")) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// everyWord checks that every word of every printed text of the model is
// on the page, as often as the model holds it.
func everyWord(t *testing.T, name string, src []byte, text string) {
	t.Helper()
	dec := decode.New(name)
	types, _ := docTypes("")
	doc := document.Decode(dec, dec.Parse(src), types)
	have := map[string]int{}
	for _, w := range words(text) {
		have[w]++
	}
	want := map[string]int{}
	for f := range doc.Fields() {
		if f.Role.Printed() && f.Text != &doc.Issuer.Abbr && f.Text != &doc.Issuer.InText {
			spans, _ := document.ParseInline(f.Value)
			for _, w := range words(document.Plain(spans)) {
				want[w]++
			}
		}
	}
	for w, n := range want {
		if have[w] < n {
			t.Errorf("%s: %q is %d times in the texts, %d times on the page", name, w, n, have[w])
		}
	}
}

// What the clerk typed reaches the page once: every word of the texts is
// there, and each number or label vanban prints is printed once, never
// twice, in the documents of the typed-label fixtures.
func TestTypedLabelsOnThePage(t *testing.T) {
	cases := map[string]map[string]int{
		"45-doc-typed-headings": {
			"I. MỤC ĐÍCH, YÊU CẦU": 1, "1. Mục đích": 1, "2. Yêu cầu": 1, "3)": 0, "a) Bám sát": 1, "b) Phân công": 1, "b/ Phân": 0,
			"II. NHIỆM VỤ": 1, "II-": 0, "1. Tuyên truyền": 1, "1.1": 0, "2. 2030: năm hoàn thành": 1, "1.000 hộ": 1, "8/3 và 20/10": 1,
		},
		"46-doc-typed-articles": {
			"Điều 1. Kiện toàn": 1, "Điều 2. Nhiệm vụ": 1, "Điều 3. Quyết định này": 1, "Điều 3:": 0, "Điều": 3 + 1, // + "Như Điều 3"
			"1. Trưởng ban": 1, "2. Các thành viên": 1, "Khoản": 0, "a) Tham mưu": 1, "b) Theo dõi": 1, "c)": 0,
		},
		"46b-doc-article-sections": { // the plan's outline in the article's sections; other outlines' numbers stay, warned
			"I. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026": 1, "I. I.": 0, "1. Mục tiêu": 1, "1. 1.": 0,
			"1. II. Nhiệm vụ": 1, "a) 1. Phát triển": 1, "b) X-quang": 1, "2. a) Thường trực": 1,
		},
		"47-doc-typed-titles": {
			"KẾ HOẠCH": 1, "Phụ lục I ": 2, "Phụ lục II ": 2, // the mention and the label "PHỤ LỤC": 0, "Phụ lục 3": 0, "PHÂN CÔNG NHIỆM VỤ": 1, "DỰ TOÁN KINH PHÍ": 1,
		},
		"48-doc-typed-labels": {
			"V/v": 1, "V/v báo cáo": 1, "Kính gửi": 1, "Nơi nhận": 1, "Lưu": 1, "- Lưu: VT.": 1, "VHXH": 1, // the symbol UBND-VHXH, not the Lưu line
			"CHỦ TỊCH": 1, "TM. ỦY BAN NHÂN DÂN": 1,
		},
		"49-doc-literal-broken-sentence": {
			"Thời gian: 08 giờ 00, ngày 12 tháng 8 năm 2025.": 1, "Địa điểm: Hội trường": 1,
		},
	}
	// Lines of a literal block are paragraphs: each starts a line.
	starts := map[string][]string{
		"49-doc-literal-broken-sentence": {"Thời gian: 08 giờ 00", "Địa điểm: Hội trường", "Đề nghị các đại biểu", "thời gian và chuẩn bị", "tham gia./."},
	}
	for name, counts := range cases {
		t.Run(name, func(t *testing.T) {
			fx, err := readFixture(filepath.Join(fixtureDir, name+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
			text, lines := pdfText(t, fx.input, fx.src)
			everyWord(t, fx.input, fx.src, text)
			for s, n := range counts {
				if got := strings.Count(text, s); got != n {
					t.Errorf("%q is printed %d times, want %d\n%s", s, got, n, text)
				}
			}
			for _, s := range starts[name] {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, s) }) {
					t.Errorf("no line starts with %q:\n%s", s, strings.Join(lines, "\n"))
				}
			}
		})
	}
}

// Documents written as a clerk writes them, from published ones (see the
// comment at the top of each): every word on the page, each label once,
// and the warnings that say what vanban left out.
func TestClerkDocuments(t *testing.T) {
	cases := []struct {
		file     string
		warnings map[string]int // codes
		counts   map[string]int
		starts   []string // lines of literal blocks, each a paragraph
	}{
		{"giay-moi-doi-thoai-chi-minh-2025.yaml",
			map[string]int{"title.type-name": 1, "to.typed-label": 1, "numbering.typed": 4, "recipients.typed-label": 1, "signer.position-twice": 1},
			map[string]int{"GIẤY MỜI": 1, "Kính gửi": 1, "Nơi nhận": 1, "CHỦ TỊCH": 1, "Lưu": 1, "- Lưu: VT, VP.": 1,
				"1. Thời gian, địa điểm": 1, "2. Thành phần": 1, "3. Nội dung": 1, "4. Tổ chức thực hiện": 1},
			[]string{"Thời gian: 07 giờ 30 phút", "Địa điểm: Hội trường", "Đại diện lãnh đạo Ban Tuyên giáo", "Thường trực Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân xã;", "Cấp ủy, chính quyền"}},
		{"ke-hoach-ho-tich-xa-2025.yaml",
			// Its page 2 holds one line and the signature; at 13 pt it is one page.
			map[string]int{"numbering.typed": 8, "numbering.typed-differs": 1, "signer.position-twice": 1, "layout.signature-alone": 1},
			map[string]int{"I. MỤC TIÊU": 1, "1. Mục tiêu tổng quát": 1, "2. Mục tiêu cụ thể": 1, "3.": 0, "2.1": 0, "2.2": 0,
				"II. NHIỆM VỤ, GIẢI PHÁP": 1, "1. Tuyên truyền": 1, "a) Tuyên truyền": 1, "b) Lồng ghép": 1, "2. Nâng cao": 1,
				"III. TỔ CHỨC THỰC HIỆN": 1, "PHÓ CHỦ TỊCH": 1, "Lưu": 1, "- Lưu: VT, TP.": 1, "1.000 hồ sơ": 1},
			[]string{"Đến hết năm 2025, 100% trẻ em", "Đến hết năm 2026, 100% các trường hợp", "1.000 hồ sơ hộ tịch"}},
		// A legal document's number carries its year, in the header and
		// in the line that ties the Quy chế to the decision.
		{"quyet-dinh-128-2025-thanh-hoa.yaml", map[string]int{"numbering.typed": 2, "punctuation.corrected": 1, "text.capitals": 1},
			map[string]int{"Số: 128/2025/QĐ-UBND": 1, "(Kèm theo Quyết định số 128/2025/QĐ-UBND ngày 09 tháng 10 năm 2025": 1, "128/QĐ": 0},
			nil},
		// Sections without headings are numbered paragraphs, each number once.
		{"cong-van-nghe-an-tet-at-ty-2025.yaml", map[string]int{"title.typed-vv": 1, "numbering.typed": 1},
			map[string]int{"V/v": 1, " 2. ": 1, " 5. ": 0},
			[]string{"1. Yêu cầu các Sở, ban, ngành", "2. Công an tỉnh chủ trì", "3. Sở Lao động – Thương binh", "4. Văn phòng UBND tỉnh đôn đốc", "Yêu cầu các cơ quan, đơn vị, địa phương"}},
		// Every asterisk that touches no word is on the page as typed.
		{"bao-cao-dau-sao-cam-ha.yaml", map[string]int{},
			map[string]int{"*": 12, "(*)": 7, "2025 (*)": 1, "Tổng thu (*) đạt 1.184 triệu đồng; tổng chi (*) đạt 2.950": 1,
				"Thời gian:": 1, "Lưu ý các số có dấu (*) là": 1, "khách sạn 3* và 01 khách sạn 4* phục vụ": 1,
				"- * Cây hàng năm": 1, "- * Chăn nuôi": 1, "5 * 2 lần": 1, "(*) Số liệu ước": 1},
			[]string{"Thu ngân sách (*)", "Chi ngân sách (*)"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			name := filepath.Join("testdata", "clerk", c.file)
			src := readFile(t, name)
			_, _, diags := Prepare(name, src, Options{})
			got := map[string]int{}
			for _, d := range diags {
				got[d.Code]++
			}
			if fmt.Sprint(got) != fmt.Sprint(c.warnings) {
				t.Errorf("warnings %v, want %v\n%s", got, c.warnings, text(diags, diag.Vi))
			}
			text, lines := pdfText(t, name, src)
			everyWord(t, name, src, text)
			for s, n := range c.counts {
				if got := strings.Count(text, s); got != n {
					t.Errorf("%q is printed %d times, want %d\n%s", s, got, n, text)
				}
			}
			for _, s := range c.starts {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, s) }) {
					t.Errorf("no line starts with %q:\n%s", s, strings.Join(lines, "\n"))
				}
			}
		})
	}
}
