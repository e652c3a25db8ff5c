package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/diag"
)

const keHoach = "../../examples/ke-hoach-binh-dang-gioi-thanh-hoa-2024.yaml"

// pdfPages returns the text of each page of a PDF, as pdftotext reads it
// in drawing order, white space squashed.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	pdftotext := needTool(t, "pdftotext")
	file := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	// -raw keeps the drawing order: a header cell's lines together.
	out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	for i := range pages {
		pages[i] = squash(pages[i])
	}
	if pages[len(pages)-1] == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// The example plan's appendices read back from the PDF: each on its own
// pages, its label, title and link line as the decree writes them, the
// table's header repeated on the page it continues on, page numbers
// restarting; the rows in order, none lost. Phụ lục III, a budget of seven
// columns, is printed on a landscape page, its lines one to a row of the
// wider table.
func TestAppendixPDFText(t *testing.T) {
	pdf := render(t, keHoach, readFile(t, keHoach))
	pages := pdfPages(t, pdf)
	if len(pages) != 8 {
		t.Fatalf("%d pages, want 4 of plan and 4 of appendices", len(pages))
	}
	link := "(Kèm theo Kế hoạch số /KH-SLĐTBXH ngày 15 tháng 01 năm 2024 của Sở Lao động - Thương binh và Xã hội)"
	header := "TT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện"
	for _, c := range []struct {
		page   int
		starts string
	}{
		{5, "Phụ lục I PHÂN CÔNG NHIỆM VỤ THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2024 " + link + " " + header + " 1 Xây dựng, ban hành"},
		{6, "2 " + header + " 12 Hỗ trợ phụ nữ nông thôn"},
		{7, "Phụ lục II CHỈ TIÊU BÌNH ĐẲNG GIỚI NĂM 2024 " + link + " Các chỉ tiêu của Chiến lược"},
		{8, "Phụ lục III DỰ TOÁN KINH PHÍ THỰC HIỆN KẾ HOẠCH NĂM 2024 " + link + " Đơn vị tính: nghìn đồng."},
	} {
		if got := pages[c.page-1]; !strings.HasPrefix(got, c.starts) {
			t.Errorf("page %d starts\n%.300s\nwant\n%s", c.page, got, c.starts)
		}
	}
	// Rows 1 to 19 in order over the two pages, each number once.
	text := pages[4] + " " + pages[5]
	at := 0
	for n := 1; n <= 19; n++ {
		i := strings.Index(text[at:], " "+strconv.Itoa(n)+" ")
		if i < 0 {
			t.Fatalf("row %d is not after row %d", n, n-1)
		}
		at += i + 1
	}
	for _, s := range []string{"Tổ chức Tháng hành động vì bình đẳng giới", "Năm học 2024 - 2025", "Trước ngày 10/12/2024", "≥ 60%", "Tỷ số giới tính khi sinh (bé trai/100 bé gái) 112,4 ≤ 111"} {
		if !strings.Contains(pages[4]+" "+pages[5]+" "+pages[6], s) {
			t.Errorf("not in the appendices' text: %q", s)
		}
	}
	for _, s := range []string{"Phòng Bình đẳng giới 450.000 300.000 150.000 -", "Thanh tra Sở 90.000 90.000 - -", "9 Thu thập số liệu thống kê giới"} {
		if !strings.Contains(pages[7], s) {
			t.Errorf("not on Phụ lục III's page: %q", s)
		}
	}
	sizes := pageSizes(t, pdf, 8)
	for i, s := range sizes {
		want := "595.28 x 841.89"
		if i == 7 {
			want = "841.89 x 595.28"
		}
		if s != want {
			t.Errorf("page %d is %s pt, want %s", i+1, s, want)
		}
	}
	// The plan itself ends with its signature before the appendices.
	if !strings.Contains(pages[3], "Lê Thị Hương") || strings.Contains(pages[3], "Phụ lục I PHÂN") {
		t.Errorf("page 4 should end the plan with the signature")
	}
}

// pageSizes returns the size of pages 1 to n of a PDF as pdfinfo reads
// them ("595.28 x 841.89").
func pageSizes(t *testing.T, pdf []byte, n int) []string {
	t.Helper()
	pdfinfo := needTool(t, "pdfinfo")
	file := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, "-f", "1", "-l", strconv.Itoa(n), file).Output()
	if err != nil {
		t.Fatal(err)
	}
	var sizes []string
	for _, m := range regexp.MustCompile(`(?m)^Page +\d+ size: +([0-9.]+ x [0-9.]+) pts`).FindAllStringSubmatch(string(out), -1) {
		sizes = append(sizes, m[1])
	}
	if len(sizes) != n {
		t.Fatalf("pdfinfo printed %d page sizes, want %d:\n%s", len(sizes), n, out)
	}
	return sizes
}

// Rendering a document with tables and appendices twice gives the same
// bytes.
func TestAppendixDeterministic(t *testing.T) {
	src := readFile(t, keHoach)
	if !bytes.Equal(render(t, keHoach, src), render(t, keHoach, src)) {
		t.Fatal("two renders of the plan with appendices differ")
	}
}

// A document that never points to its appendix renders, with a warning
// at the appendix.
func TestAppendixWarningRenders(t *testing.T) {
	src := []byte(base + "closing: [Kết thúc.]\nappendices:\n  - title: Danh sách\n    text: Nội dung.\n")
	_, w, diags := Prepare("x.yaml", src, Options{})
	if w == nil || diags.HasErrors() {
		t.Fatalf("want a writer and warnings, got %v", diags)
	}
	want := `x.yaml:9:5: appendices[1]: warning: the text never mentions Phụ lục (expected a sentence of the body that points to it, such as "… (chi tiết tại Phụ lục kèm theo)") [các phụ lục]`
	n := 0
	for _, d := range diags {
		if strings.Contains(d.Format(diag.En), "never mentions") {
			n++
			if d.Format(diag.En) != want {
				t.Errorf("got  %s\nwant %s", d, want)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d warnings about the appendix in %v", n, diags)
	}
}
