package layout_test

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/templates"
)

// twoSigners is a biên bản signed by its secretary and its chair, the
// chair's block with an authority line more than the secretary's.
const twoSigners = `type: bien-ban
issuer: {name: [ỦY BAN NHÂN DÂN, XÃ HÀ LONG], abbr: UBND}
place: Hà Long
date: 2026-07-10
title: Hội nghị sơ kết công tác bình đẳng giới
preamble: [Thời gian bắt đầu 8 giờ.]
closing: [Cuộc họp kết thúc vào 11 giờ.]
recipients: [Thành viên Ban Vì sự tiến bộ của phụ nữ xã]
archive: VT, Hồ sơ
signers:
  - {position: THƯ KÝ, name: Lê Thị Cúc}
  - {authority: TM. ỦY BAN NHÂN DÂN, position: CHỦ TỊCH, name: Nguyễn Văn An}
`

// Two signers are set as the decree's model of a biên bản (Phụ lục III,
// Mẫu 1.9): the first in the left column, the second in the right, first
// lines level, the names on one baseline, "Nơi nhận" under both on the
// left.
func TestTwoSignatures(t *testing.T) {
	m := fonts(t)
	pages := compose(t, []byte(twoSigners))
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	p := &pages[0]
	lx, lw, rx, rw := layout.OptionsFor(decodeDoc(t, []byte(twoSigners)).Style).Columns()
	var left, right []layout.Text
	for _, tx := range append(p.Tagged("signer"), p.Tagged("signer-name")...) {
		if centre(m, tx) < rx {
			left = append(left, tx)
		} else {
			right = append(right, tx)
		}
	}
	if len(left) != 2 || left[0].S != "THƯ KÝ" || left[1].S != "Lê Thị Cúc" {
		t.Fatalf("left block %+v", left)
	}
	if len(right) != 3 || right[0].S != "TM. ỦY BAN NHÂN DÂN" || right[1].S != "CHỦ TỊCH" || right[2].S != "Nguyễn Văn An" {
		t.Fatalf("right block %+v", right)
	}
	for _, tx := range left {
		w := m.Width(tx.S, tx.Font)
		if !near(centre(m, tx), lx+lw/2, 0.01) || tx.X < lx || tx.X+w > lx+lw {
			t.Errorf("left %q at x %.2f–%.2f, not centred in the left column %.1f–%.1f", tx.S, tx.X, tx.X+w, lx, lx+lw)
		}
		if tx.Font != (layout.Font{Style: layout.Bold, Size: 14}) {
			t.Errorf("left %q in %+v", tx.S, tx.Font)
		}
	}
	for _, tx := range right {
		if !near(centre(m, tx), rx+rw/2, 0.01) {
			t.Errorf("right %q centred on %.2f, not %.2f", tx.S, centre(m, tx), rx+rw/2)
		}
	}
	if left[0].Y != right[0].Y {
		t.Errorf("first lines at %.2f and %.2f, not level", left[0].Y, right[0].Y)
	}
	if left[1].Y != right[2].Y {
		t.Errorf("names at %.2f and %.2f, not on one baseline", left[1].Y, right[2].Y)
	}
	if gap := right[2].Y - right[1].Y; gap < 25 || gap > 35 {
		t.Errorf("%.1f mm between the position and the name", gap)
	}
	head := one(t, p, "recipients-head")
	if head.X != lx || head.Y <= left[1].Y+5 {
		t.Errorf("\"Nơi nhận:\" at (%.2f, %.2f) should be on the left under the names (y %.2f)", head.X, head.Y, left[1].Y)
	}
	var got []string
	for _, l := range p.Lines(m) {
		if l.Y > head.Y {
			got = append(got, l.Text)
		}
	}
	if want := "- Thành viên Ban Vì sự tiến bộ|của phụ nữ xã;|- Lưu: VT, Hồ sơ."; strings.Join(got, "|") != want {
		t.Errorf("under Nơi nhận:\n got %q\nwant %q", strings.Join(got, "|"), want)
	}
}

// The pair is one block: over documents whose breaks fall everywhere,
// both signatures and "Nơi nhận:" are on one page, with lines of the
// body above them.
func TestTwoSignaturesPagination(t *testing.T) {
	for n := 0; n < 900; n += 9 {
		src := strings.Replace(string(flowDoc(n)), "signer: {authority: KT. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Văn Bình}",
			"signers: [{position: THƯ KÝ, name: Trần Thị Hoa}, {authority: KT. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Văn Bình}]", 1)
		pages := compose(t, []byte(src))
		at := map[string]int{}
		for i := range pages {
			for _, tx := range pages[i].Texts {
				if tx.Tag == "signer" || tx.Tag == "signer-name" || tx.Tag == "recipients-head" {
					if j, ok := at["sig"]; ok && j != i {
						t.Errorf("n=%d: the signatures are split over pages %d and %d", n, j+1, i+1)
					}
					at["sig"] = i
				}
			}
		}
		p := &pages[at["sig"]]
		if len(p.Tagged("signer-name")) != 2 {
			t.Fatalf("n=%d: %d names on the signature's page", n, len(p.Tagged("signer-name")))
		}
		sig := one(t, p, "signer")
		lines := 0
		for _, tx := range p.Texts {
			if flowTags[tx.Tag] && tx.Y < sig.Y {
				lines++
			}
		}
		if lines == 0 {
			t.Errorf("n=%d: the signatures stand alone on page %d", n, p.Number)
		}
	}
}

// The biên bản starter prints both signatures of its model, THƯ KÝ on
// the left and CHỦ TỌA on the right, names on one baseline.
func TestBienBanStarterHasTwoSignatures(t *testing.T) {
	src, err := templates.Read("starters/bien-ban.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	pages := compose(t, src)
	p := &pages[len(pages)-1]
	names := p.Tagged("signer-name")
	pos := p.Tagged("signer")
	if len(names) != 2 || len(pos) != 2 || pos[0].S != "THƯ KÝ" || pos[1].S != "CHỦ TỌA" || names[0].Y != names[1].Y || names[0].X >= names[1].X {
		t.Errorf("positions %+v, names %+v", pos, names)
	}
}
