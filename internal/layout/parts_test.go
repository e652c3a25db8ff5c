package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// partsDoc is a báo cáo in two parts whose second part falls at a
// different place of the page for each n.
func partsDoc(n int) []byte {
	return []byte(fmt.Sprintf(`type: bao-cao
issuer: {name: [ỦY BAN NHÂN DÂN, XÃ CẨM HÀ], abbr: UBND}
place: Cẩm Hà
date: 2022-06-24
title: Kết quả thực hiện kế hoạch 6 tháng đầu năm 2022
recipients: [UBND huyện Cẩm Xuyên (b/c)]
archive: VT
signer: {authority: TM. ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Nguyễn Văn Hùng}
parts:
  - heading: Kết quả thực hiện kế hoạch 6 tháng đầu năm 2022
    sections:
      - heading: Lĩnh vực kinh tế
        text: "%shết."
  - heading: Nhiệm vụ, giải pháp 6 tháng cuối năm 2022
    sections:
      - heading: Lĩnh vực kinh tế
        text: Chỉ đạo sản xuất vụ Hè Thu đảm bảo khung lịch thời vụ.
`, strings.Repeat("chữ ", n)))
}

// A part's label and title are centred and bold, the title in capitals;
// no page ends with them: they go to the next page with the first lines
// of the part.
func TestPartsKeptWithWhatFollows(t *testing.T) {
	m := fonts(t)
	moved := 0
	for n := 0; n < 900; n += 5 {
		pages := compose(t, partsDoc(n))
		o := layout.OptionsFor(decodeDoc(t, partsDoc(n)).Style)
		cx := o.Left + o.TextWidth()/2
		for i := range pages {
			var last, first *layout.Text
			for j := range pages[i].Texts {
				tx := &pages[i].Texts[j]
				if !flowTags[tx.Tag] && tx.Tag != "chapter" {
					continue
				}
				if last == nil || tx.Y > last.Y {
					last = tx
				}
				if first == nil || tx.Y < first.Y {
					first = tx
				}
				if tx.Tag == "chapter" {
					if c := tx.X + m.Width(tx.S, tx.Font)/2; !near(c, cx, 0.5) {
						t.Errorf("n=%d: %q centred on %.1f, not %.1f", n, tx.S, c, cx)
					}
					if tx.Font.Style != layout.Bold {
						t.Errorf("n=%d: %q is not bold", n, tx.S)
					}
				}
			}
			if i < len(pages)-1 && last != nil && last.Tag == "chapter" {
				t.Errorf("n=%d: page %d ends with the part heading %q", n, i+1, last.S)
			}
			if i > 0 && first != nil && first.S == "Phần thứ hai" {
				moved++
			}
		}
		var heads []string
		for _, p := range pages {
			for _, tx := range p.Tagged("chapter") {
				heads = append(heads, tx.S)
			}
		}
		if got := strings.Join(heads, "|"); got != "Phần thứ nhất|KẾT QUẢ THỰC HIỆN KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2022|Phần thứ hai|NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2022" {
			t.Fatalf("n=%d: part headings %q", n, got)
		}
	}
	if moved == 0 {
		t.Error("no variant moved a part heading to the next page: the test does not test the rule")
	}
}
