package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// invitation is a giấy mời with n lines of participants and an address
// block, under the given style lines.
func invitation(n int, style string) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "      - Đại diện lãnh đạo các cơ quan, đơn vị, đoàn thể của xã và thôn số %d\n", i+1)
	}
	return []byte(`type: giay-moi
issuer: {name: [ỦY BAN NHÂN DÂN, XÃ HÀ LONG], abbr: UBND}
place: Hà Long
date: 2026-01-05
title: Dự Hội nghị tổng kết công tác bình đẳng giới năm 2025
preamble: [Ủy ban nhân dân xã trân trọng kính mời các đại biểu sau dự Hội nghị.]
sections:
  - heading: Thành phần
    items:
` + b.String() + `closing: [Rất mong các đại biểu đến dự đúng giờ.]
recipients: [Như thành phần mời]
archive: VT, VP
address: ["Địa chỉ: trụ sở Ủy ban nhân dân xã Hà Long; Điện thoại: 0237 3888 888"]
signer: {authority: TM. ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Lê Văn A}
` + style)
}

// A one-page document pushed onto a second page that holds only the
// signature and the last lines of the body gets a warning naming the
// setting that keeps it on one page, and only when laid out again with
// that setting it does keep to one page; when no setting of the decree's
// range brings the signature back, nothing is said.
func TestSignatureAloneOnPageTwo(t *testing.T) {
	m := fonts(t)
	warned, unfit := 0, 0
	for n := 5; n <= 40; n++ {
		doc := decodeDoc(t, invitation(n, ""))
		pages, probs := layout.ComposeWarnings(doc, m, layout.OptionsFor(doc.Style))
		var hint string
		for _, p := range probs {
			if p.Code == "layout.signature-alone" {
				hint = p.FixVi
				if p.Path != "signer" {
					t.Errorf("n=%d: at %s", n, p.Path)
				}
			}
		}
		last := pages[len(pages)-1]
		alone := len(pages) == 2 && len(last.Tagged("signer")) > 0 && len(last.Tagged("item"))+len(last.Tagged("body"))+len(last.Tagged("heading")) <= 3
		switch {
		case hint != "" && !alone:
			t.Errorf("n=%d: a warning on %d pages, the last not the signature's alone", n, len(pages))
		case hint != "":
			warned++
			style, _, _ := strings.Cut(strings.TrimPrefix(hint, "thêm dòng "), " (")
			if !strings.HasPrefix(style, "style: {") {
				t.Fatalf("n=%d: fix %q", n, hint)
			}
			doc2 := decodeDoc(t, invitation(n, style+"\n"))
			pages2, probs2 := layout.ComposeWarnings(doc2, m, layout.OptionsFor(doc2.Style))
			if len(pages2) != 1 {
				t.Errorf("n=%d: with %s the document is %d pages", n, style, len(pages2))
			}
			for _, p := range probs2 {
				if p.Code == "layout.signature-alone" {
					t.Errorf("n=%d: warned again with %s", n, style)
				}
			}
		case alone:
			unfit++ // the signature alone, and no setting brings it back
			doc2 := decodeDoc(t, invitation(n, "style: {body_size: 13}\n"))
			if pages2 := layout.Compose(doc2, m, layout.OptionsFor(doc2.Style)); len(pages2) == 1 {
				t.Errorf("n=%d: at 13 pt the document is one page, and no warning said so", n)
			}
		}
	}
	t.Logf("%d warned, %d with the signature alone and no setting that fits", warned, unfit)
	if warned == 0 || unfit == 0 {
		t.Errorf("%d documents warned, %d with no setting that fits: the test does not see both cases", warned, unfit)
	}
}

// The seed's last paragraph fits in two lines with its last line set
// tight, and two lines go whole to the signature's page with their
// heading, leaving 44 mm empty at the foot of page 2. Set one line longer,
// as a typesetter loosens a paragraph, its first line and its heading
// stay on page 2 (28.7 mm, the documented signature case).
func TestLastParagraphLoosened(t *testing.T) {
	pages := compose(t, seed(t))
	n := -1
	for i := range pages {
		if len(pages[i].Tagged("signer")) > 0 {
			n = i
		}
	}
	if n < 1 {
		t.Fatalf("signature on page %d", n+1)
	}
	var before []string
	for _, tx := range pages[n-1].Texts {
		before = append(before, tx.S)
	}
	if s := strings.Join(before, " "); !strings.Contains(s, "Tăng cường công tác kiểm tra") {
		t.Errorf("page %d does not end with the last heading and the first line of its paragraph", n)
	}
}
