package viet

import (
	"strings"
	"testing"
)

// Each case marks the break with "|"; the rating is that of the break.
func TestLineBreakRatings(t *testing.T) {
	for _, c := range []struct {
		text string
		want Break
	}{
		{"SỞ VĂN HÓA,|THỂ THAO", BreakGood},              // after a comma
		{"THƯƠNG BINH|VÀ XÃ HỘI", BreakGood},             // before VÀ
		{"BAN VÌ SỰ TIẾN BỘ|CỦA PHỤ NỮ", BreakGood},      // before CỦA
		{"CÔNG TÁC XÃ HỘI|TỈNH THANH HÓA", BreakGood},    // before a unit
		{"PHỤ NỮ|THỊ XÃ BỈM SƠN", BreakGood},             // before THỊ XÃ
		{"ỦY BAN NHÂN DÂN|XÃ HÀ LAN", BreakGood},         // XÃ as a unit
		{"Bỉm Sơn|năm 2017", BreakGood},                  // before năm
		{"SỞ LAO ĐỘNG - THƯƠNG|BINH", BreakPoor},         // inside THƯƠNG BINH, after a glued dash
		{"TRUNG TÂM CÔNG TÁC|XÃ HỘI", BreakPoor},         // XÃ HỘI is not a unit
		{"TIẾN BỘ CỦA|PHỤ NỮ", BreakPoor},                // after CỦA
		{"thực hiện công|tác bình đẳng giới", BreakPoor}, // inside công tác
		{"PHỤ NỮ THỊ|XÃ BỈM SƠN", BreakPoor},             // inside THỊ XÃ
		{"THỊ XÃ BỈM|SƠN", BreakPoor},                    // inside a place name
		{"TỈNH|THANH HÓA", BreakPoor},                    // after a unit
		{"năm|2017", BreakPoor},                          // before a number
		{"Ban Vì|sự tiến bộ", BreakPoor},                 // after vì
		{"CÔNG TÁC|THANH NIÊN", BreakFair},               // two words, nothing known
		{"ỦY BAN\u00a0NHÂN|DÂN", BreakPoor},              // glued syllables count one by one
	} {
		before, after, _ := strings.Cut(c.text, "|")
		words := append(strings.Split(before, " "), strings.Split(after, " ")...)
		// Keep glued words (no-break space, spaced dash) whole.
		words = regroup(words)
		i := len(regroup(strings.Split(before, " ")))
		if got := LineBreak(words, i); got != c.want {
			t.Errorf("%s: rated %d, want %d", c.text, got, c.want)
		}
	}
}

// regroup joins a spaced dash to its neighbours, as the line breaker does.
func regroup(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if ws[i] == "-" && len(out) > 0 && i+1 < len(ws) {
			out[len(out)-1] += " - " + ws[i+1]
			i++
			continue
		}
		out = append(out, ws[i])
	}
	return out
}
