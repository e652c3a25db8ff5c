package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// enactingDoc is a 2025 legal document whose enacting sentence falls at
// a different place of the page for each n.
func enactingDoc(n int) []byte {
	return []byte(fmt.Sprintf(`type: quyet-dinh
issuer: {name: [ỦY BAN NHÂN DÂN, TỈNH THANH HÓA], abbr: UBND}
place: Thanh Hóa
date: 2025-10-09
title: Về việc ban hành Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh
bases:
  - "Căn cứ %sLuật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
  - Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh
enacting: Ủy ban nhân dân ban hành Quyết định về việc ban hành Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa.
articles:
  - Ban hành kèm theo Quyết định này Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa.
  - Quyết định này có hiệu lực kể từ ngày ký.
recipients: [Như Điều 2]
archive: VT
signer: {authority: TM. ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Đỗ Minh Tuấn}
`, strings.Repeat("chữ ", n)))
}

// The enacting sentence is a body paragraph in regular type at the
// first-line indent, with no "QUYẾT ĐỊNH:" line, and never ends a page.
func TestEnactingSentence(t *testing.T) {
	moved := 0
	for n := 0; n < 900; n += 5 {
		src := enactingDoc(n)
		pages := compose(t, src)
		o := layout.OptionsFor(decodeDoc(t, src).Style)
		seen := false
		for i := range pages {
			var last, first *layout.Text
			for j := range pages[i].Texts {
				tx := &pages[i].Texts[j]
				if tx.S == "QUYẾT ĐỊNH:" {
					t.Fatalf("n=%d: QUYẾT ĐỊNH: printed with an enacting sentence", n)
				}
				if tx.Tag == "enacting" {
					if tx.Font.Style != layout.Regular {
						t.Fatalf("n=%d: %q is not in regular type", n, tx.S)
					}
					if !seen && !near(tx.X, o.Left+o.Indent, 0.01) {
						t.Errorf("n=%d: the sentence starts at %.2f, not at the indent %.2f", n, tx.X, o.Left+o.Indent)
					}
					seen = true
				}
				if !flowTags[tx.Tag] && tx.Tag != "enacting" {
					continue
				}
				if last == nil || tx.Y > last.Y {
					last = tx
				}
				if first == nil || tx.Y < first.Y {
					first = tx
				}
			}
			if i < len(pages)-1 && last != nil && last.Tag == "enacting" {
				t.Errorf("n=%d: page %d ends with the enacting sentence", n, i+1)
			}
			if i > 0 && first != nil && first.Tag == "enacting" {
				moved++
			}
		}
		if !seen {
			t.Fatalf("n=%d: no enacting sentence", n)
		}
	}
	if moved == 0 {
		t.Error("no variant moved the enacting sentence to the next page: the test does not test the rule")
	}
}
