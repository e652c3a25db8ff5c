package layout_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// A Quyết định (nd30.md §2.6, §2.10 table A): the issuing authority in
// bold capitals centred under the title rule, the bases, "QUYẾT ĐỊNH:"
// centred in bold, then the articles: "Điều 1. Title" bold at the body
// indent, clauses "1." and points "a)" … "đ)" at the indent.
func TestDecisionLayout(t *testing.T) {
	m := fonts(t)
	src, err := os.ReadFile("../../examples/quyet-dinh-kien-toan-ban-vstbpn-bim-son-2017.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pages := compose(t, src)
	p := &pages[0]
	rule, _ := p.Rule("title-rule")
	by := one(t, p, "issued-by")
	bases := p.Tagged("basis")
	if by.S != "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN" || by.Font != (layout.Font{Style: layout.Bold, Size: 14}) ||
		!near(centre(m, by), 112.5, 0.01) || by.Y < rule.Y1+3 || by.Y > bases[0].Y-5 {
		t.Errorf("issuing authority %+v; title rule at %.1f, first basis at %.1f", by, rule.Y1, bases[0].Y)
	}
	enact := one(t, p, "enacting")
	var art *layout.Text
	for i, tx := range p.Tagged("heading") {
		if strings.HasPrefix(tx.S, "Điều 1.") {
			art = &p.Tagged("heading")[i]
			break
		}
	}
	if enact.S != "QUYẾT ĐỊNH:" || enact.Font.Style != layout.Bold || !near(centre(m, enact), 112.5, 0.01) ||
		enact.Y <= bases[len(bases)-1].Y || art == nil || enact.Y >= art.Y {
		t.Fatalf("QUYẾT ĐỊNH: %+v, after the bases (%.1f), before Điều 1. (%+v)", enact, bases[len(bases)-1].Y, art)
	}
	if art.X != 40 || art.Font.Style != layout.Bold {
		t.Errorf("Điều 1. %+v: want bold at the 10 mm indent", art)
	}
	var points []string
	pointRe := regexp.MustCompile(`^[a-zđ]\) `)
	for _, pg := range pages {
		for _, l := range pg.Lines(m) {
			if near(l.X, 40, 0.01) && pointRe.MatchString(l.Text) {
				points = append(points, strings.Fields(l.Text)[0])
			}
		}
	}
	if strings.Join(points, " ") != "a) b) c) d) đ) e)" {
		t.Errorf("points %q", points)
	}
	last := &pages[len(pages)-1]
	if got := lineTexts(m, last, "recipients"); len(got) == 0 || got[0] != "- Như Điều 3;" {
		t.Errorf("Nơi nhận %q", got)
	}
}
