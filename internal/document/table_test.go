package document

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/diag"
)

// lines renders diagnostics as the user reads them, one per line.
func lines(l diag.List) string {
	var b strings.Builder
	l.Sort()
	diag.WriteText(&b, l, diag.En)
	return b.String()
}

const assignment = `sections:
  - heading: Phân công nhiệm vụ
    text: "Chi tiết tại Phụ lục I và Phụ lục II, nhiệm vụ như sau:"
    table:
      columns:
        - {title: TT, width: 8}
        - {title: Nội dung, width: 60}
        - {title: Chủ trì, width: 32}
      number: true
      rows:
        - [Tổ chức **Hội nghị**, Phòng LĐ-TB&XH]
        - ["Tuyên truyền, phổ biến", "Phòng VH-TT"]
        - [Báo cáo]
`

// A table resolves to its grid: shares of the text width, header cells,
// numbered rows padded to the columns, inline emphasis in cells.
func TestTableGrid(t *testing.T) {
	doc := mustParse(t, assignment)
	var g *Grid
	for _, b := range doc.Body() {
		if b.Kind == TableBlock {
			g = b.Grid
		}
	}
	if g == nil {
		t.Fatal("no table in the body")
	}
	if len(g.Widths) != 3 || g.Widths[0] != 0.08 || g.Widths[1] != 0.6 || g.Widths[2] != 0.32 {
		t.Errorf("widths %v, want 0.08 0.6 0.32", g.Widths)
	}
	if g.Size != 13 || !g.Numbered {
		t.Errorf("size %g numbered %v, want 13 and numbered", g.Size, g.Numbered)
	}
	head := []string{}
	for _, c := range g.Head {
		head = append(head, Plain(c[0]))
	}
	if strings.Join(head, "|") != "TT|Nội dung|Chủ trì" {
		t.Errorf("header %v", head)
	}
	want := [][]string{{"1", "Tổ chức Hội nghị", "Phòng LĐ-TB&XH"}, {"2", "Tuyên truyền, phổ biến", "Phòng VH-TT"}, {"3", "Báo cáo", ""}}
	for i, row := range g.Rows {
		for j, c := range row {
			got := ""
			if len(c) > 0 {
				got = Plain(c[0])
			}
			if got != want[i][j] {
				t.Errorf("row %d cell %d: %q, want %q", i+1, j+1, got, want[i][j])
			}
		}
	}
	if sp := g.Rows[0][1][0]; len(sp) != 2 || sp[1].Text != "Hội nghị" || !sp[1].Bold || sp[0].Bold {
		t.Errorf("cell spans %+v: want **Hội nghị** bold", sp)
	}
	// The body does not end its last paragraph with "./." when it ends
	// with a table; "./." never lands inside a cell.
	if Plain(g.Rows[2][1][0]) != "Báo cáo" {
		t.Error("the end mark went into the table")
	}
}

// Widths are optional: a table without any gets equal columns.
func TestTableEqualColumns(t *testing.T) {
	doc := mustParse(t, `closing: [x]
sections:
  - heading: A
    table: {columns: [{title: A}, {title: B}, {title: C}, {title: D}], rows: [[a, b, c, d]]}
`)
	g := doc.Body()[1].Grid
	if g == nil || len(g.Widths) != 4 || g.Widths[0] != 0.25 || g.Widths[3] != 0.25 {
		t.Fatalf("grid %+v", g)
	}
	// A numbered table without widths: a narrow number column.
	doc = mustParse(t, `closing: [x]
sections:
  - heading: A
    table: {number: true, columns: [{title: TT}, {title: B}, {title: C}], rows: [[b, c]]}
`)
	g = doc.Body()[1].Grid
	if g == nil || len(g.Widths) != 3 || g.Widths[0] != 0.07 || g.Widths[1] != 0.465 || g.Widths[2] != 0.465 {
		t.Fatalf("numbered grid %+v: want 7 %%, then equal shares", g)
	}
}

// Every problem of a table is an error at its own line and column.
func TestTableErrors(t *testing.T) {
	for _, c := range []struct{ name, extra, want string }{
		{"more cells than columns", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: TT}, {title: Nội dung}]
      number: true
      rows:
        - - Một
          - Hai
`, `x.yaml:17:13: sections[1].table.rows[1][2]: the row has 2 cells, but the table has room for 1 (2 columns, the first numbered by vanban) (expected at most 1 cells in a row; join or remove the extra cells, or add a column) [các dòng của bảng]`},
		{"comma in a flow row", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: Nội dung}, {title: Chủ trì}]
      rows:
        - [Tổ chức hội nghị, Phòng Tư pháp, Công an]
`, `x.yaml:15:45: sections[1].table.rows[1][3]: the row has 3 cells, but the table has 2 columns (expected at most 2 cells; in [a, b, c] a comma ends a cell, so write a cell with a comma in quotes: "Sở Tư pháp, Công an tỉnh") [các dòng của bảng]`},
		{"missing title", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{width: 10}, {title: "", width: 20}]
      rows: [[a, b]]
`, "x.yaml:13:17: sections[1].table.columns[1].title: this required field is missing (expected a line \"title: …\") [tiêu đề cột]\n" +
			"x.yaml:13:38: sections[1].table.columns[2].title: this required field is empty (expected a value) [tiêu đề cột]"},
		{"bad widths", `closing: [x]
sections:
  - heading: A
    table:
      columns:
        - {title: A, width: 0}
        - {title: B, width: -3}
        - {title: C, width: 8mm}
      rows: [[a, b, c]]
`, "x.yaml:14:29: sections[1].table.columns[1].width: 0 is not a width (expected a positive number: widths are shares of the text width (8, 60, 32 → 8 %, 60 %, 32 %)) [độ rộng tương đối]\n" +
			"x.yaml:15:29: sections[1].table.columns[2].width: -3 is not a width (expected a positive number: widths are shares of the text width (8, 60, 32 → 8 %, 60 %, 32 %)) [độ rộng tương đối]\n" +
			"x.yaml:16:29: sections[1].table.columns[3].width: found the text \"8mm\" (expected a number with a dot as decimal mark, e.g. 23.5) [độ rộng tương đối]"},
		{"some widths", `closing: [x]
sections:
  - heading: A
    table:
      columns:
        - {title: A, width: 10}
        - {title: B}
      rows: [[a, b]]
`, `x.yaml:15:11: sections[1].table.columns[2]: this column has no width, the others have (expected a width for every column, or for none (equal columns)) [các cột (tiêu đề, độ rộng)]`},
		{"too narrow", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: A, width: 2}, {title: B, width: 98}]
      rows: [[a, b]]
`, `x.yaml:13:35: sections[1].table.columns[1].width: the column takes 2.0 % of the table, too narrow to hold a word (expected at least 6 % of the table: width 6.3 or more beside the others' 98) [độ rộng tương đối]`},
		{"just too narrow", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: A, width: 6}, {title: B, width: 96}]
      rows: [[a, b]]
`, `x.yaml:13:35: sections[1].table.columns[1].width: the column takes 5.8 % of the table, too narrow to hold a word (expected at least 6 % of the table: width 6.2 or more beside the others' 96) [độ rộng tương đối]`},
		{"empty table", `closing: [x]
sections:
  - heading: A
    table: {columns: [], rows: []}
`, "x.yaml:12:22: sections[1].table.columns: the table has no columns (expected a list of columns, each {title: Nội dung, width: 60}) [các cột (tiêu đề, độ rộng)]\n" +
			"x.yaml:12:32: sections[1].table.rows: the table has no rows (expected a list of rows, each a list of cells: - [Tổ chức Hội nghị, Phòng LĐ-TB&XH]) [các dòng của bảng]"},
		{"no rows", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: A}]
`, `x.yaml:13:7: sections[1].table.rows: this required field is missing (expected a line "rows: …") [các dòng của bảng]`},
		{"empty row and size", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: A}, {title: B}]
      size: 11
      rows: [[a, b], ["", " "], x]
`, "x.yaml:14:13: sections[1].table.size: 11 is not a table size vanban allows (expected 12, 13 (the default) or 14 (points)) [cỡ chữ của bảng]\n" +
			"x.yaml:15:22: sections[1].table.rows[2]: the row is empty (expected its cells, such as [Tổ chức Hội nghị, Phòng LĐ-TB&XH]; or remove it) [các dòng của bảng]\n" +
			"x.yaml:15:33: sections[1].table.rows[3]: found the text \"x\" (expected a row written as a list of its cells: [Nội dung, Cơ quan chủ trì, Thời gian]) [các dòng của bảng]"},
		{"total too long", `closing: [x]
sections:
  - heading: A
    table:
      number: true
      columns: [{title: TT}, {title: A}, {title: B}]
      rows: [[a, b]]
      total: [Tổng cộng, "10", "20"]
`, `x.yaml:16:32: sections[1].table.total[3]: the total row has 3 cells, but the table has room for 2 (expected at most 2 cells: the first (such as Tổng cộng) then the sums, column by column) [dòng tổng cộng]`},
		{"bad alignment", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: A, align: giữa}, {title: B, align: justify}]
      rows: [[a, b]]
`, `x.yaml:13:60: sections[1].table.columns[2].align: "justify" is not an alignment (expected left, center or right (trái, giữa, phải)) [căn lề các ô]`},
		{"unclosed bold in a cell", `closing: [x]
sections:
  - heading: A
    table:
      columns: [{title: A}, {title: "**B"}]
      rows: [[a, "x **y"]]
`, "x.yaml:13:38: sections[1].table.columns[2].title: \"**\" is opened here but never closed (expected a closing ** right after the last word, or \\\\* to print an asterisk) [tiêu đề cột]\n" +
			"x.yaml:14:21: sections[1].table.rows[1][2]: \"**\" is opened here but never closed (expected a closing ** right after the last word, or \\\\* to print an asterisk) [các dòng của bảng]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := parse(t, c.extra)
			if got := strings.TrimSpace(lines(diags)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// On a landscape page the text block is wider (252 mm, not 165), so a
// narrower share still holds "TT": 5 % is 12.6 mm there and is accepted;
// 3 % is not.
func TestTableNarrowColumnOnLandscape(t *testing.T) {
	src := func(w int) string {
		return fmt.Sprintf("closing: [Phụ lục]\nappendices:\n  - title: A\n    landscape: true\n    table:\n      columns: [{title: TT, width: %d}, {title: B, width: %d}]\n      rows: [[a, b]]\n", w, 100-w)
	}
	if _, diags := parse(t, src(5)); diags.HasErrors() {
		t.Errorf("5 %% on a landscape page: %v", diags)
	}
	_, diags := parse(t, src(3))
	want := "x.yaml:14:36: appendices[1].table.columns[1].width: the column takes 3.0 % of the table, too narrow to hold a word (expected at least 3.93 % of the table on a landscape page: width 4 or more beside the others' 97) [độ rộng tương đối]"
	if got := strings.TrimSpace(lines(diags)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
