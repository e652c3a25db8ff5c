package xlsx

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/report"
)

// fill repeats word up to exactly n characters.
func fill(word string, n int) string {
	s := strings.Repeat(word, n/utf8.RuneCountInString(word)+1)
	return string([]rune(s)[:n])
}

// TestLongestTextsFit: a report whose every text has the longest length
// validation accepts lays out without a cut row (every row below the
// 409 pt a spreadsheet allows) and with title and signature blocks wide
// enough for their lines; five sub-units without figures are counted in
// the notes, not named.
func TestLongestTextsFit(t *testing.T) {
	// Long header lines widen the last column, which holds the notes, so
	// the notes are tried with short header lines too.
	for _, line := range []string{fill("MƯỜNG ", report.MaxLine), "UBND"} {
		longestTextsFit(t, line)
	}
}

func longestTextsFit(t *testing.T, line string) {
	name := fill("Phường Mường Lường ", report.MaxName)
	var subs, data strings.Builder
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&subs, "  - {id: s%d, name: %q}\n", i, fill(fmt.Sprintf("%d ", i), 1)+name[1:])
		sinh := "{male: 50, female: 45}"
		if i > 3 {
			sinh = "~"
		}
		fmt.Fprintf(&data, "  s%d: {hdnd: {total: 25, female: 8}, sinh: %s, tin_bai_bdg: 30}\n", i, sinh)
	}
	src := fmt.Sprintf(`schema: bdg-period/v1
catalogue: bdg-2011-2020
unit: {issuer: [%q, %q], name: X, place: %q, level: %q, sublevel: %q}
period: {kind: year, year: 2017}
document: {date: 2017-12-22, form: %q, title: %q, annex_of: %q}
signature: {preparer: %q, head: [%q, %q], name: %q}
subunits:
%sdepartments:
  - {id: d, name: %q}
data:
%s  d: {doanh_nghiep: {total: 40, female: 9}}
indicator_notes: {MT4.CT1: %q}
notes: [%q]
`, line, line, fill("Mường ", report.MaxShort), fill("thị xã ", report.MaxShort), fill("xã, phường ", report.MaxShort),
		fill("01/BĐG ", report.MaxShort), fill("BIỂU TỔNG HỢP ", report.MaxTitle), fill("Kèm theo Báo cáo ", report.MaxTitle),
		line, line, line, line, subs.String(), name, data.String(),
		fill("Ghi chú rất dài ", report.MaxIndNote), fill("Ghi chú chung rất dài ", report.MaxNote))
	r := loadSrc(t, "max.yaml", []byte(src))
	b := build(r)
	leftNeed, rightNeed := titleNeeds(r)
	for _, s := range b.sheets {
		tallest := 0.0
		for row, h := range s.heights {
			tallest = max(tallest, h)
			if h >= maxRowHeight {
				t.Errorf("%s: row %d is %v pt tall, so its text is cut", s.name, row, h)
			}
		}
		t.Logf("%s: tallest row %v pt", s.name, tallest)
		if s.left >= s.right || spanPoints(s.widths, 1, s.left) < leftNeed-16 || spanPoints(s.widths, s.right, s.cols()) < rightNeed-16 {
			t.Errorf("%s: title blocks A..%d and %d..%d too narrow for their texts", s.name, s.left, s.right, s.cols())
		}
	}
	if len(render(t, r)) == 0 {
		t.Fatal("no workbook")
	}
	note := indicatorNote(r, &r.Results[r.Cat.Indicator("MT4.CT1").Row-1])
	if !strings.Contains(note, "chưa có số liệu: 5 "+fill("xã, phường ", report.MaxShort)+", xem Biểu 04") {
		t.Errorf("note of births %q does not count the five sub-units without figures", note)
	}
}
