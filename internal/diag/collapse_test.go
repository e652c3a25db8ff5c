package diag

import (
	"fmt"
	"testing"
)

// A problem repeated identically along a table's rows is reported once per
// column, with the count, at the first row; other problems stay.
func TestCollapseRepeated(t *testing.T) {
	var l List
	for r := 1; r <= 5000; r++ {
		l.Add(Diagnostic{File: "x.yaml", Pos: Pos{r + 10, 5}, Field: fmt.Sprintf("sections[1].table.rows[%d][6]", r),
			Msg: Msg{Code: "table.row-too-many", Vi: "dòng có 6 ô, nhưng bảng chỉ có 5 cột", En: "the row has 6 cells, but the table has 5 columns"}})
	}
	l.Add(Diagnostic{File: "x.yaml", Pos: Pos{9, 5}, Field: "sections[1].table.rows[7][2]",
		Msg: Msg{Code: "table.row-too-many", Vi: "dòng có 6 ô, nhưng bảng chỉ có 5 cột", En: "the row has 6 cells, but the table has 5 columns"}})
	l.Add(Diagnostic{File: "x.yaml", Pos: Pos{3, 1}, Field: "recipients[2]", Msg: Msg{Code: "a", En: "same"}, Severity: Warning})
	l.Add(Diagnostic{File: "x.yaml", Pos: Pos{4, 1}, Field: "recipients[3]", Msg: Msg{Code: "a", En: "same"}, Severity: Warning})
	l.Add(Diagnostic{File: "x.yaml", Pos: Pos{5, 1}, Field: "recipients[4]", Msg: Msg{Code: "a", En: "other"}, Severity: Warning})
	l.Add(Diagnostic{File: "x.yaml", Pos: Pos{6, 1}, Field: "title", Msg: Msg{En: "old"}})
	l.Add(Diagnostic{File: "x.yaml", Pos: Pos{7, 1}, Field: "title", Msg: Msg{En: "old"}})
	got := Collapse(l)
	want := []string{
		"x.yaml:11:5: sections[1].table.rows[1][6]: dòng có 6 ô, nhưng bảng chỉ có 5 cột (và 4.999 dòng khác)",
		"x.yaml:9:5: sections[1].table.rows[7][2]: dòng có 6 ô, nhưng bảng chỉ có 5 cột",
		"x.yaml:3:1: recipients[2]: cảnh báo: same (and 1 more place)",
		"x.yaml:5:1: recipients[4]: cảnh báo: other",
		"x.yaml:6:1: title: old",
		"x.yaml:7:1: title: old",
	}
	if len(got) != len(want) {
		t.Fatalf("%d diagnostics: %v", len(got), got)
	}
	for i := range want {
		if s := got[i].Format(Vi); s != want[i] {
			t.Errorf("got  %s\nwant %s", s, want[i])
		}
	}
	if s := got[0].Format(En); s != "x.yaml:11:5: sections[1].table.rows[1][6]: the row has 6 cells, but the table has 5 columns (and 4999 more rows)" {
		t.Error(s)
	}
}
