package linecheck

import (
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// The breaks the issue found in the examples: each separates a number
// from its word or its unit.
func TestSeparated(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"thực hiện nghiêm túc Nghị quyết 11/NQ-TW ngày", "27/4/2007 của Bộ Chính trị", true},
		{"hàng năm từ ngày", "15/11-15/12 trên địa bàn", true},
		{"phấn đấu đến năm", "2030.", true},
		{"công tác năm", "2018", true},
		{"vào lúc 8 giờ 00", "phút ngày 15", true},
		{"thu hút khoảng 650", "người tham gia", true},
		{"ngày 27/4/2007", "của Bộ Chính trị", false},
		{"ngày 15", "tháng 11 năm 2025", false},
		{"trên các lĩnh vực.", "Đôn đốc", false},
	} {
		if got := Separated(c.a, c.b); got != c.want {
			t.Errorf("%q / %q: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// mono measures every character 2 mm wide, a space included.
type mono struct{}

func (mono) Width(s string, _ layout.Font) float64 { return 2 * float64(len([]rune(s))) }
func (mono) Ascent() float64                       { return 0.9 }
func (mono) Descent() float64                      { return 0.2 }

// A justified line's spaces are read from the gaps between its words;
// the last line of a paragraph, one text, has normal spaces; a paragraph
// starts indented.
func TestLines(t *testing.T) {
	f := layout.Font{Size: 14}
	p := layout.Page{Number: 1, Texts: []layout.Text{
		{X: 40, Y: 50, S: "aa", Font: f, Tag: "body"}, {X: 48, Y: 50, S: "bb", Font: f, Tag: "body"}, {X: 56, Y: 50, S: "cc", Font: f, Tag: "body"},
		{X: 30, Y: 56, S: "dd ee", Font: f, Tag: "body"},
		{X: 40, Y: 62, S: "- ff gg", Font: f, Tag: "item"},
	}}
	lines := Lines([]layout.Page{p}, mono{})
	if len(lines) != 3 {
		t.Fatalf("%+v", lines)
	}
	if l := lines[0]; l.Text != "aa bb cc" || l.Space != 2 || !l.First || l.Last {
		t.Errorf("first line %+v: want spaces twice their width", l)
	}
	if l := lines[1]; l.Text != "dd ee" || l.Space != 1 || l.First || !l.Last {
		t.Errorf("last line %+v", l)
	}
	if l := lines[2]; !l.First || !l.Last {
		t.Errorf("item %+v", l)
	}
	faults := Faults(lines, 1.8)
	if len(faults) != 1 || faults[0].Kind != "loose" {
		t.Errorf("faults %+v", faults)
	}
}
