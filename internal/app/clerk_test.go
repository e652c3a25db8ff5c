package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
)

// Documents written the way a clerk writes them (testdata/clerk: colons
// inside sentences, "#" in a room number, "-Thứ" without its space,
// recipients typed as lines, "*Lưu ý*" at the start of an item) render
// with every word the clerk typed, each exactly once: in the model, word
// for word against the source, and on the page, read back by pdftotext.
func TestClerkDocumentsKeepEveryWord(t *testing.T) {
	for name := range clerkValues {
		f := filepath.Join("testdata/clerk", name)
		t.Run(filepath.Base(f), func(t *testing.T) {
			src := readFile(t, f)
			_, w, diags := Prepare(f, src, Options{})
			// (A signature pushed onto a page of its own is said of the
			// page, not of what the clerk typed.)
			diags = slices.DeleteFunc(diags, func(d diag.Diagnostic) bool { return d.Code == "layout.signature-alone" })
			if w == nil || len(diags) > 0 {
				t.Fatalf("not rendered cleanly:\n%v", diags)
			}
			d := decode.New(f)
			types, _ := docTypes("")
			doc := document.Decode(d, d.Parse(src), types)
			texts := modelTexts(doc)
			if got, want := sortedWords(strings.Join(values(texts), "\n")), sourceWords(string(src)); !reflect.DeepEqual(got, want) {
				t.Errorf("the model's words differ from the source's:\n%s", wordDiff(got, want))
			}
			for path, want := range clerkValues[filepath.Base(f)] {
				if got, ok := texts[path]; !ok || got != want {
					t.Errorf("%s = %q, want %q", path, got, want)
				}
			}
		})
	}
}

// clerkValues are values of the clerk documents as the clerk meant them.
var clerkValues = map[string]map[string]string{
	"thong-bao-lich-tiep-cong-dan.yaml": {
		"title":    "Lịch tiếp công dân của Ủy ban nhân dân xã năm 2026",
		"bases[2]": "Căn cứ Nghị định số 64/2014/NĐ-CP ngày 26 tháng 6 năm 2014 của Chính phủ quy định chi tiết thi hành một số điều của Luật Tiếp công dân",
		"preamble": "Ủy ban nhân dân xã Tân Đoàn thông báo lịch tiếp công dân năm 2026 như sau:",
		"sections[1].text": "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ tại phòng tiếp công dân #1, tầng 1 trụ sở Ủy ban nhân dân xã, " +
			"vào các ngày:",
		"sections[1].items[2]": "Thứ Sáu của tuần cuối cùng trong tháng, buổi sáng.",
		"sections[1].items[3]": "*Lưu ý*: nếu trùng ngày nghỉ theo quy định thì tiếp vào ngày làm việc liền kề sau đó.",
		"sections[2].text": "Thời gian: giờ hành chính các ngày làm việc trong tuần.\nĐịa điểm: phòng tiếp công dân #1.\n" +
			"Người tiếp: công chức Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã.",
		"sections[3].items[2]": "Công an xã: bảo đảm an ninh, trật tự tại nơi tiếp công dân.",
		"recipients[2]":        "TT Đảng ủy, HĐND xã (b/c)",
	},
	"giay-moi-hop-binh-dang-gioi.yaml": {
		"title":                "Mời dự Hội nghị: sơ kết công tác bình đẳng giới 9 tháng đầu năm 2025",
		"to[1]":                "Các đồng chí Ủy viên Ban Vì sự tiến bộ của phụ nữ xã",
		"to[2]":                "Trưởng các thôn, tổ dân phố",
		"sections[1].items[1]": "Thời gian: 08 giờ 00 phút, thứ Năm, ngày 11 tháng 9 năm 2025.",
		"sections[1].items[2]": "Địa điểm: Hội trường Ủy ban nhân dân xã, số #12 đường Lê Lợi.",
		"sections[3].items[1]": "Báo cáo sơ kết: kết quả 9 tháng, nhiệm vụ 3 tháng cuối năm.",
	},
	"ke-hoach-bau-cu-dan-luc-2021.yaml": {
		"preamble[1]": "Nhằm thông tin, tuyên truyền sâu rộng đến quần chúng Nhân dân về ý nghĩa và tầm quan trọng của Cuộc bầu cử, " +
			"UBND xã Dân Lực ban hành Kế hoạch thông tin, tuyên truyền về Cuộc bầu cử, cụ thể như sau:",
		"sections[1].items[2]": "Yêu cầu: công tác thông tin, tuyên truyền phải kịp thời, chính xác, đúng định hướng.",
		"sections[2].items[2]": "2. Ngày 23-5-2021, cử tri cả nước đi bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân " +
			"các cấp nhiệm kỳ 2021-2026!",
		"sections[3].items[1]": "Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức tuyên truyền tại nhà văn hóa thôn #3",
		"sections[3].items[2]": "Đoàn Thanh niên xã: phối hợp với các chi đoàn treo băng rôn, khẩu hiệu tại các trục đường chính",
		"sections[3].items[3]": "Các thôn: vận động Nhân dân đi bỏ phiếu đúng giờ",
		"recipients[2]":        "TT Đảng ủy: Bí thư, Phó Bí thư và các đồng chí Ủy viên (b/c)",
	},
	"ke-hoach-tuyen-truyen.yaml": {
		"preamble[1]": "Thực hiện Kế hoạch số 20/KH-UBND ngày 15 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh về công tác bình đẳng giới " +
			"năm 2025, Ủy ban nhân dân xã xây dựng Kế hoạch thực hiện trên địa bàn xã như sau:",
		"sections[1].items[2]":         "Yêu cầu: tuyên truyền thường xuyên, đúng đối tượng, tiết kiệm.",
		"sections[2].items[2]":         "**Hình thức:** lồng ghép trong các buổi sinh hoạt của chi hội phụ nữ, đoàn thanh niên.",
		"sections[2].table.rows[1][1]": "Tuyên truyền: Luật Bình đẳng giới",
		"sections[3].items[1]":         "Hội LHPN xã: chủ trì, phối hợp với các đoàn thể triển khai Kế hoạch.",
	},
}

// The same documents on the page: what YAML would have dropped or split
// is printed, once.
func TestClerkDocumentsOnThePage(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	for file, phrases := range map[string][]string{
		"thong-bao-lich-tiep-cong-dan.yaml": {"phòng tiếp công dân #1, tầng 1 trụ sở", "năm 2026 như sau:", "- Thứ Sáu của tuần cuối cùng",
			"- Lưu ý: nếu trùng ngày nghỉ", "- TT Đảng ủy, HĐND xã (b/c);", "Công an xã: bảo đảm an ninh", "Địa điểm: phòng tiếp công dân #1."},
		"giay-moi-hop-binh-dang-gioi.yaml": {"Mời dự Hội nghị: sơ kết công tác", "- Trưởng các thôn, tổ dân phố.",
			"- Địa điểm: Hội trường Ủy ban nhân dân xã, số #12 đường Lê Lợi.", "- Báo cáo sơ kết: kết quả 9 tháng"},
		"ke-hoach-bau-cu-dan-luc-2021.yaml": {"về Cuộc bầu cử, cụ thể như sau:", "1. Nhiệt liệt chào mừng Ngày bầu cử",
			"2. Ngày 23-5-2021, cử tri", "4. Bầu cử đại biểu Quốc hội", "- Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức tuyên truyền tại nhà văn hóa thôn #3",
			"- Đoàn Thanh niên xã: phối hợp với các chi đoàn treo băng rôn", "- Các thôn: vận động Nhân dân", "- TT Đảng ủy: Bí thư, Phó Bí thư và các đồng chí Ủy viên (b/c);"},
		"ke-hoach-tuyen-truyen.yaml": {"trên địa bàn xã như sau:", "- Yêu cầu: tuyên truyền thường xuyên", "- Hình thức: lồng ghép",
			"Tuyên truyền: Luật Bình đẳng giới", "- Hội LHPN xã: chủ trì, phối hợp"},
	} {
		f := filepath.Join("testdata/clerk", file)
		pdf := filepath.Join(t.TempDir(), "out.pdf")
		if err := os.WriteFile(pdf, render(t, f, readFile(t, f)), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := squash(string(out))
		for _, p := range phrases {
			if n := strings.Count(text, p); n != 1 {
				t.Errorf("%s: %q is on the page %d times", file, p, n)
			}
		}
		// Items numbered by hand have their numbers and no dash.
		for _, p := range []string{"- 1.", "- 2.", "- 3.", "- 4."} {
			if strings.Contains(text, p) {
				t.Errorf("%s: %q is on the page", file, p)
			}
		}
	}
}

// modelTexts returns every text of the document by its path.
func modelTexts(doc *document.Document) map[string]string {
	out := map[string]string{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			if t, ok := v.Interface().(document.Text); ok {
				if t.Value != "" {
					out[t.Path] = t.Value
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() && v.Type().Field(i).Name != "Source" {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(doc))
	return out
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

var (
	commentRe = regexp.MustCompile(`(^\s*#.*$)|(\s{2,}# .*$)`)
	keyRe     = regexp.MustCompile(`^[a-z_]+:(\s|$)`)
)

// sourceWords returns the words a clerk typed as values, from the source
// lines, without comments, keys, list dashes and the fields that are not
// text (date, number, a column's width).
func sourceWords(src string) []string {
	var b strings.Builder
	for _, line := range strings.Split(src, "\n") {
		line = commentRe.ReplaceAllString(line, "")
		for {
			line = strings.TrimLeft(line, " ")
			switch {
			case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "-") && len(line) > 1 && line[1] != '-':
				line = line[1:]
				continue
			case keyRe.MatchString(line):
				if k, _, _ := strings.Cut(line, ":"); k == "date" || k == "number" || k == "width" {
					line = ""
				}
				_, line, _ = strings.Cut(line, ":")
				continue
			}
			break
		}
		b.WriteString(line + "\n")
	}
	return sortedWords(b.String())
}

// sortedWords splits a text into words without the punctuation YAML or vanban
// adds or removes around them, sorted.
func sortedWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if w = strings.Trim(w, "[]{}\"',;.:*"); w != "" {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

func wordDiff(got, want []string) string {
	count := map[string]int{}
	for _, w := range got {
		count[w]++
	}
	for _, w := range want {
		count[w]--
	}
	var b strings.Builder
	for w, n := range count {
		if n > 0 {
			b.WriteString("extra in the model: " + w + "\n")
		} else if n < 0 {
			b.WriteString("missing from the model: " + w + "\n")
		}
	}
	return b.String()
}
