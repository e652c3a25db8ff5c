package layout_test

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// The address block (box 13) sits at the foot of page 1 only: 11 pt
// regular lines ending at the bottom margin, under a rule across the text
// width; the body of page 1 stops above the rule and continues on page 2.
func TestAddressBlock(t *testing.T) {
	m := fonts(t)
	src := string(seed(t)) + `
address:
  - "Địa chỉ: Số 01 đường Trần Phú, phường Ba Đình, thị xã Bỉm Sơn, tỉnh Thanh Hóa"
  - "Điện thoại: 0237.3824.123; E-mail: ubnd@bimson.thanhhoa.gov.vn; Website: bimson.thanhhoa.gov.vn"
`
	pages := compose(t, []byte(src))
	plain := compose(t, seed(t))
	p := &pages[0]
	addr := p.Tagged("address")
	if len(addr) < 2 {
		t.Fatalf("address texts %+v", addr)
	}
	const bottom = 297 - 20.0
	last := addr[len(addr)-1]
	for _, a := range addr {
		if a.Font != (layout.Font{Style: layout.Regular, Size: 11}) || !near(a.X, 30, 0.001) && a != addr[1] {
			t.Errorf("address %q at x %.2f in %+v, want 11 pt regular from the left margin", a.S, a.X, a.Font)
		}
	}
	if got := last.Y + m.Descent()*11*pt; got > bottom+0.001 || got < bottom-2 {
		t.Errorf("the last address line ends at %.2f, want just above the bottom margin %.2f", got, bottom)
	}
	var rule *layout.Rule
	for i, r := range p.Rules {
		if r.Tag == "address-rule" {
			rule = &p.Rules[i]
		}
	}
	if rule == nil || !near(rule.X1, 30, 0.001) || !near(rule.X2, 195, 0.001) || rule.Y1 != rule.Y2 {
		t.Fatalf("address rule %+v, want a horizontal rule from 30 to 195 mm", rule)
	}
	if top := addr[0].Y - m.Ascent()*11*pt; rule.Y1 > top || rule.Y1 < top-2 {
		t.Errorf("rule at %.2f, want just above the address (top %.2f)", rule.Y1, top)
	}
	for _, tx := range p.Texts {
		if tx.Tag != "address" && tx.Y+m.Descent()*tx.Font.Size*pt > rule.Y1-2 {
			t.Errorf("%s %q at y %.2f reaches the address rule at %.2f", tx.Tag, tx.S, tx.Y, rule.Y1)
		}
	}
	// Page 1 holds less body, the rest moves on; later pages have no address.
	lines := func(p *layout.Page) int {
		ys := map[float64]bool{}
		for _, tx := range p.Texts {
			if tx.Tag != "address" {
				ys[tx.Y] = true
			}
		}
		return len(ys)
	}
	if with, without := lines(p), lines(&plain[0]); with >= without || with < without-4 {
		t.Errorf("page 1 holds %d lines with the address, %d without: want a few less", with, without)
	}
	for _, q := range pages[1:] {
		if len(q.Tagged("address")) > 0 {
			t.Errorf("page %d repeats the address", q.Number)
		}
	}
	var words []string
	for _, a := range addr {
		words = append(words, a.S)
	}
	if s := strings.Join(words, " "); !strings.Contains(s, "Website: bimson.thanhhoa.gov.vn") {
		t.Errorf("address reads %q", s)
	}
}
