package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// leadInDoc is a document whose lead-in paragraph "… như sau:" falls at
// a different place of the page for each n.
func leadInDoc(n int) []byte {
	return []byte(fmt.Sprintf(`type: ke-hoach
issuer: {name: SỞ NỘI VỤ, abbr: SNV}
place: Thanh Hóa
date: 2024-03-05
title: Kiểm tra công tác văn thư
signer: {position: GIÁM ĐỐC, name: Lê Văn Bình}
archive: VT
preamble:
  - "%shết."
  - "Để thực hiện tốt nhiệm vụ, Sở Nội vụ đề nghị các cơ quan, đơn vị phấn đấu đạt các chỉ tiêu sau:"
  - Tỷ lệ hồ sơ được lập và nộp lưu đúng hạn đạt từ 80 %% trở lên.
  - Tỷ lệ văn bản đi được số hóa đạt 100 %%.
closing: ["Đề nghị các đơn vị chuẩn bị hồ sơ, tài liệu để làm việc với Đoàn kiểm tra."]
`, strings.Repeat("chữ ", n)))
}

// A paragraph that ends with a colon announces what follows it: no page
// ends with it.
func TestLeadInKeptWithWhatFollows(t *testing.T) {
	moved := 0
	for n := 0; n < 700; n += 4 {
		pages := compose(t, leadInDoc(n))
		for i := range pages[:len(pages)-1] {
			var last, first *layout.Text
			for j := range pages[i].Texts {
				tx := &pages[i].Texts[j]
				if flowTags[tx.Tag] && (last == nil || tx.Y > last.Y || tx.Y == last.Y && tx.X > last.X) {
					last = tx
				}
			}
			for j := range pages[i+1].Texts {
				tx := &pages[i+1].Texts[j]
				if flowTags[tx.Tag] && (first == nil || tx.Y < first.Y) {
					first = tx
				}
			}
			if last != nil && strings.HasSuffix(last.S, "sau:") {
				t.Errorf("n=%d: page %d ends with the lead-in %q", n, i+1, last.S)
			}
			// Lines: the page number, then the first lines of the flow.
			if lines := pages[i+1].Lines(fonts(t)); first != nil && len(lines) > 3 &&
				(strings.HasSuffix(lines[1].Text, "sau:") || strings.HasSuffix(lines[2].Text, "sau:")) {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Error("no variant moved the lead-in to the next page: the test does not test the rule")
	}
}

// longRecipientsDoc is a công văn of n words with ten long recipients, as
// in the review: a "Nơi nhận" much taller than the signature.
func longRecipientsDoc(n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `type: cong-van
issuer: {name: SỞ NỘI VỤ, abbr: SNV}
symbol: SNV-VP
place: Thanh Hóa
date: 2024-03-05
title: Kiểm tra công tác văn thư
to: Các cơ quan, đơn vị
signer: {authority: KT. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Văn Bình}
archive: VT, VP
preamble: ["%shết."]
recipients:
`, strings.Repeat("chữ ", n))
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "  - Ủy ban nhân dân huyện số %d và các phòng, ban chuyên môn thuộc huyện (để thực hiện)\n", i)
	}
	return []byte(b.String())
}

// A "Nơi nhận" longer than the signature continues on the next page
// below the signer's name instead of taking the whole block, and the end
// of the body, to the next page: the signature itself is never split,
// never alone, and the continuation holds at least two lines.
func TestRecipientsContinue(t *testing.T) {
	m := fonts(t)
	continued := 0
	for n := 200; n < 700; n += 5 {
		pages := compose(t, longRecipientsDoc(n))
		at := -1
		for i := range pages {
			if len(pages[i].Tagged("signer-name")) > 0 {
				at = i
			}
		}
		p := &pages[at]
		signer := p.Tagged("signer")
		if len(signer) != 2 || len(p.Tagged("recipients-head")) != 1 {
			t.Fatalf("n=%d: the signature is split: page %d holds %+v", n, at+1, signer)
		}
		body := 0
		for _, tx := range p.Texts {
			if tx.Tag == "body" && tx.Y < signer[0].Y {
				body++
			}
		}
		if body == 0 {
			t.Errorf("n=%d: the signature stands alone on page %d", n, at+1)
		}
		if at == len(pages)-1 {
			continue
		}
		continued++
		rest := &pages[at+1]
		lines := lineTexts(m, rest, "recipients")
		if at+1 != len(pages)-1 || len(lines) < 2 || lines[len(lines)-1] != "- Lưu: VT, VP." || len(rest.Tagged("signer")) != 0 {
			t.Errorf("n=%d: the continuation page %d holds %q", n, at+2, lines)
		}
		if r := rest.Tagged("recipients"); r[0].Y > 30 {
			t.Errorf("n=%d: Nơi nhận continues at y %.1f, not at the top of the page", n, r[0].Y)
		}
	}
	if continued == 0 {
		t.Error("no variant continued Nơi nhận on the next page")
	}
}
