package layout_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// typesetDocs are the documents whose paragraphs the typography tests
// read: the examples, the starting files of vanban new, the documents of
// testdata/typography and the clerks' documents of the app's tests.
func typesetDocs(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	a, _ := filepath.Glob("../../examples/*.yaml")
	b, _ := filepath.Glob("testdata/typography/*.yaml")
	c, _ := filepath.Glob("../../templates/starters/*.yaml")
	d, _ := filepath.Glob("../app/testdata/clerk/*.yaml")
	for _, f := range append(append(append(a, b...), c...), d...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "\ntype:") || strings.HasPrefix(string(src), "type:") {
			out[filepath.Base(f)] = src
		}
	}
	if len(out) < 4 {
		t.Fatalf("%d documents", len(out))
	}
	return out
}

// Every justified paragraph of every document is set so that no line's
// spaces stretch beyond 1.8 times their width, no line separates a word
// from its number or a number from its unit, no paragraph ends with a
// line of one syllable, and none with the second half of a word or name
// cut at the break ("thành / phố") unless avoiding it takes a line beyond
// 2 times (2.2 in a heading), wherever a setting of the paragraph exists
// without the fault; and no loose line stands above a last line that
// both could share, shrunk. Whether such a setting exists is found
// without the breaker (FitCase.CanSet), so that the test holds the
// breaker to the rules, not to itself.
func TestTotalFitAvoidsFaults(t *testing.T) {
	const maxStretch, cutStretch, headStretch = 0.8, 1.0, 1.2
	worst, worstText := 0.0, ""
	n := 0
	for name, src := range typesetDocs(t) {
		var cases []layout.FitCase
		stop := layout.ObserveFits(func(c layout.FitCase) { cases = append(cases, c) })
		compose(t, src)
		stop()
		for _, c := range cases {
			if !c.Justified() {
				continue
			}
			n++
			for _, f := range c.Avoidable(maxStretch, cutStretch, headStretch) {
				t.Errorf("%s: %s:\n%s\nrather:\n%s", name, f, strings.Join(c.Lines(), "\n"), strings.Join(c.Alternative(maxStretch), "\n"))
			}
			for i, l := range c.Lines() {
				if x := c.Stretch(i); x > worst {
					worst, worstText = x, name+": "+l
				}
			}
		}
	}
	t.Logf("%d paragraphs; the loosest line has spaces %.2f times their width: %s", n, 1+worst, worstText)
}

// No page break leaves more than three body lines empty at the foot of a
// page when what follows could start there: a heading moves to the next
// page with its chain only when its first body line cannot follow it.
func TestFullFeet(t *testing.T) {
	for name, src := range typesetDocs(t) {
		stop := layout.ObserveFeet(func(page int, empty, need float64) {
			t.Errorf("%s: page %d of its part ends %.1f mm short of its foot, where the next %.1f mm could start", name, page, empty, need)
		})
		compose(t, src)
		stop()
	}
}

// "Nơi nhận" entries wrap at the column's edge (65 mm), not short of it
// (an entry that fits the column stays on one line), and never leave a
// bracketed tail such as "(b/c);" alone on a line.
func TestRecipientsWrap(t *testing.T) {
	m := fonts(t)
	var entries []string
	words := strings.Fields("Thường trực Đảng ủy, Thường trực Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội của xã Hà Lan")
	for n := 3; n <= len(words); n++ {
		entries = append(entries, strings.Join(words[:n], " ")+" (b/c)")
	}
	// An entry one line long that ends within the last 2 mm of the
	// column.
	f := layout.Font{Style: layout.Regular, Size: 11}
	full := ""
	bodies := []string{"Công an xã", "Trạm Y tế xã", "Ban Chỉ huy Quân sự xã", "Văn phòng Đảng ủy", "Phòng Kinh tế", "Đoàn Thanh niên xã", "Hội Nông dân xã", "Hội Phụ nữ xã", "Hội Cựu chiến binh xã"}
	var try func(e string, used int)
	try = func(e string, used int) {
		if full != "" {
			return
		}
		if wd := m.Width("- "+e+";", f); wd > 63.5 && wd <= 64.8 {
			full = e
			return
		} else if wd > 65 {
			return
		}
		for i, b := range bodies {
			if used&(1<<i) == 0 {
				next := b
				if e != "" {
					next = e + ", " + b
				}
				try(next, used|1<<i)
			}
		}
	}
	try("", 0)
	if full == "" {
		t.Fatal("no entry between 63.5 and 64.8 mm")
	}
	entries = append(entries, full)
	var b strings.Builder
	for _, e := range entries {
		b.WriteString("  - " + e + "\n")
	}
	src := headerDoc("  name: ỦY BAN NHÂN DÂN XÃ HÀ LAN", "Công tác năm 2025", "recipients:\n"+b.String())
	pages := compose(t, src)
	found := false
	for _, p := range pages {
		for _, l := range (&layout.Page{Texts: p.Tagged("recipients")}).Lines(m) {
			var end float64
			for _, tx := range p.Tagged("recipients") {
				if near(tx.Y, l.Y, 0.01) {
					end = max(end, tx.X+m.Width(tx.S, tx.Font))
				}
			}
			if end > 30+65+0.01 {
				t.Errorf("%q ends at %.2f mm, past the 65 mm column", l.Text, end)
			}
			if s := strings.TrimSpace(strings.TrimPrefix(l.Text, "-")); strings.HasPrefix(s, "(") && !strings.Contains(s, " ") {
				t.Errorf("a bracketed tail alone: %q", l.Text)
			}
			found = found || l.Text == "- "+full+";"
		}
	}
	if !found {
		t.Errorf("%q (%.1f mm) should fit the 65 mm column on one line", full, m.Width("- "+full+";", f))
	}
}
