package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// articleSectionsDoc is a nghị quyết whose first article approves a plan
// "như sau:" and holds its I./1./a) outline (Nghị quyết 11/2011/NQ-HĐND
// of Tiền Giang), after n words that move it down the page.
func articleSectionsDoc(n int) []byte {
	return []byte(fmt.Sprintf(`type: nghi-quyet
issuer: {name: [HỘI ĐỒNG NHÂN DÂN, XÃ HÀ LAN], abbr: HĐND}
number: 11/2025
place: Hà Lan
date: 2025-12-15
title: Về kế hoạch phát triển kinh tế - xã hội năm 2026
issued_by: [HỘI ĐỒNG NHÂN DÂN XÃ HÀ LAN, KHÓA I - KỲ HỌP THỨ 5]
bases: ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 %shết"]
articles:
  - text: "Thông qua Kế hoạch phát triển kinh tế - xã hội năm 2026, với những nội dung chính như sau:"
    sections:
      - heading: Mục tiêu và các chỉ tiêu chủ yếu năm 2026
        sections:
          - heading: Mục tiêu
            text: Tiếp tục phát triển kinh tế nhanh và bền vững, bảo đảm an sinh xã hội.
          - heading: Các chỉ tiêu chủ yếu
            sections:
              - heading: Tổng thu ngân sách trên địa bàn đạt 25 tỷ đồng.
              - heading: Tỷ lệ hộ nghèo giảm còn dưới 1,5%%.
      - heading: Nhiệm vụ và giải pháp
        text: Tập trung chỉ đạo sản xuất nông nghiệp theo hướng hàng hóa.
  - Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.
recipients: [Thường trực HĐND tỉnh]
archive: VT
signer: {authority: TM. HỘI ĐỒNG NHÂN DÂN, position: CHỦ TỊCH, name: Lê Thị Hoa}
`, strings.Repeat("chữ ", n)))
}

// An article's sections are numbered and set as the body's: "I." bold in
// capitals, "1." bold, "a)" regular, each at the paragraph indent as
// "Điều 1." is, in reading order after the article's text and before
// "Điều 2.".
func TestArticleSections(t *testing.T) {
	pages := compose(t, articleSectionsDoc(0))
	m := fonts(t)
	want := []string{"Điều 1. Thông qua", "I. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", "1. Mục tiêu", "2. Các chỉ tiêu chủ yếu",
		"a) Tổng thu ngân sách", "b) Tỷ lệ hộ nghèo", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "Điều 2. Giao Ủy ban nhân dân xã"}
	lines := pages[0].Lines(m)
	k := 0
	var indent float64
	for _, l := range lines {
		if k < len(want) && strings.HasPrefix(l.Text, want[k]) {
			if k == 0 {
				indent = l.X
			} else if l.X != indent {
				t.Errorf("%q at x=%.2f, want the indent of Điều 1. (%.2f)", want[k], l.X, indent)
			}
			k++
		}
	}
	if k < len(want) {
		t.Fatalf("no line %q in order on page 1:\n%v", want[k], lines)
	}
	for _, tx := range pages[0].Texts {
		label, _, _ := strings.Cut(tx.S, " ")
		regular := label == "a)" || label == "b)"
		heading := label == "I." || label == "II." || label == "1." || label == "2."
		if (heading && tx.Font.Style != layout.Bold) || (regular && tx.Font.Style == layout.Bold) {
			t.Errorf("%q in style %v", tx.S, tx.Font.Style)
		}
	}
}

// A heading of an article's sections is kept with what follows it, as
// the body's are: wherever the breaks fall, no page ends with one.
func TestArticleSectionsKeepHeadings(t *testing.T) {
	m := fonts(t)
	heads := []string{"I. MỤC TIÊU", "1. Mục tiêu", "2. Các chỉ tiêu", "II. NHIỆM VỤ"}
	moved := 0 // variants whose heading starts page 2
	for n := 300; n < 800; n += 5 {
		pages := compose(t, articleSectionsDoc(n))
		for i := range pages[:len(pages)-1] {
			var lastY float64
			for _, tx := range pages[i].Texts {
				if flowTags[tx.Tag] {
					lastY = max(lastY, tx.Y)
				}
			}
			var last string
			for _, l := range pages[i].Lines(m) {
				if l.Y == lastY {
					last = l.Text
				}
			}
			for _, h := range heads {
				if strings.HasPrefix(last, h) {
					t.Errorf("n=%d: page %d ends with the heading %q", n, i+1, last)
				}
			}
			firstY := 1e9
			for _, tx := range pages[i+1].Texts {
				if flowTags[tx.Tag] {
					firstY = min(firstY, tx.Y)
				}
			}
			for _, l := range pages[i+1].Lines(m) {
				for _, h := range heads {
					if l.Y == firstY && strings.HasPrefix(l.Text, h) {
						moved++
					}
				}
			}
		}
	}
	if moved == 0 {
		t.Error("no variant moved a heading to the next page: the test does not test the rule")
	}
}
