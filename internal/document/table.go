package document

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
)

// Table is a table of a section or an appendix, such as the assignment of
// tasks (TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian).
// Column widths are relative: each column takes its share of the sum of
// the widths (8, 60, 32 → 8 %, 60 %, 32 % of the text width), so a table
// always spans the text block whatever the margins.
type Table struct {
	Columns []Column `yaml:"columns,required" vi:"các cột (tiêu đề, độ rộng)" doc:"Các cột, mỗi cột {title, width, align}" ex:"[{title: TT, width: 8}, {title: Nội dung, width: 62}, {title: Thời gian, width: 30, align: center}]"`
	Number  bool     `yaml:"number" vi:"cột đầu đánh số thứ tự tự động" doc:"Cột đầu tiên tự đánh số thứ tự 1, 2, 3 …" ex:"true"`
	Size    float64  `yaml:"size" vi:"cỡ chữ của bảng" doc:"Cỡ chữ của bảng: 12, 13 (mặc định) hoặc 14 pt" ex:"13" enum:"12|13|14"`
	Rows    []Row    `yaml:"rows,required" vi:"các dòng của bảng" doc:"Các dòng, mỗi dòng là danh sách các ô" ex:"[[Tập huấn cán bộ, Tháng 3]]"`
	// Total is a last row in bold, never numbered ("Tổng cộng", the
	// sums); in a numbered table its first cell spans the number column.
	Total Row    `yaml:"total" vi:"dòng tổng cộng" doc:"Dòng tổng cộng in đậm cuối bảng" ex:"[Tổng cộng, 2.410.000]"`
	Path  string `yaml:"-"`
}

// tableFields decodes a Table without recursing into its DecodeNode.
type tableFields Table

// DecodeNode implements decode.Unmarshaler, remembering the table's path.
func (t *Table) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	t.Path = path
	d.Value(n, path, (*tableFields)(t))
}

// Column is a column's header cell, its relative width and how its cells
// are aligned.
type Column struct {
	Title Text    `yaml:"title,required" vi:"tiêu đề cột" doc:"Tiêu đề cột" ex:"Nội dung"`
	Width float64 `yaml:"width" vi:"độ rộng tương đối" doc:"Độ rộng tương đối so với các cột khác" ex:"40" min:"0"`
	Align Text    `yaml:"align" vi:"căn lề các ô" doc:"Căn lề các ô: left/trái, center/giữa, right/phải" ex:"center"`
}

// CellAlign is the horizontal alignment of a column's cells.
type CellAlign uint8

// Cell alignments: left by default; centred suits dates, periods and
// short codes, right suits figures.
const (
	AlignLeft CellAlign = iota
	AlignCenter
	AlignRight
)

// cellAligns are the accepted spellings of a column's align, English and
// Vietnamese.
var cellAligns = map[string]CellAlign{
	"left": AlignLeft, "trái": AlignLeft,
	"center": AlignCenter, "centre": AlignCenter, "giữa": AlignCenter,
	"right": AlignRight, "phải": AlignRight,
}

// alignOf returns the alignment a column's align names, and whether it
// names one; the empty text is left.
func alignOf(t Text) (CellAlign, bool) {
	v := strings.ToLower(trim(t.Value))
	if v == "" {
		return AlignLeft, true
	}
	a, ok := cellAligns[v]
	return a, ok
}

// Row is a row of a table: its cells, left to right (without the number
// of a numbered table, which vanban writes).
type Row []Text

// DecodeNode implements decode.Unmarshaler: a list of texts, one a cell.
func (r *Row) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.SequenceNode {
		d.Problem(path, decode.Found(n, "table.row", "viết hàng là danh sách các ô: [Nội dung, Cơ quan chủ trì, Thời gian]",
			"a row written as a list of its cells: [Nội dung, Cơ quan chủ trì, Thời gian]"))
		return
	}
	for i, c := range n.Content {
		var t Text
		d.Value(c, decode.Index(path, i), &t)
		*r = append(*r, t)
	}
}

// Table sizes: 13 pt by default, as the body's smaller size; 12 pt lets a
// table of five columns hold its words in narrow cells (the decree sets no
// size for tables; 12 pt is its own size for the header's names); 14 pt
// matches a 14 pt body.
const (
	DefaultTableSize = 13
	// MinColumnShare is the narrowest column, as a share of the table:
	// 6 % of a 165 mm text block is 9.9 mm: "TT" in bold 13 pt (6.1 mm)
	// and the padding (3 mm); at 5 % it was cut "T" / "T".
	MinColumnShare = 0.06
	// NumberColumnShare is the number column's share when no column has
	// a width: 7 % of a 165 mm text block is 11.6 mm, room for "TT" and
	// three digits.
	NumberColumnShare = 0.07
)

// Grid is a table ready to lay out: widths as shares of the text width,
// the header cells and the rows' cells with their markup resolved.
type Grid struct {
	Widths []float64   // sum to 1
	Align  []CellAlign // of the body cells, column by column
	Head   []Cell
	Rows   [][]Cell // each as many cells as columns
	// Total is the total row, nil when none: as many cells as columns,
	// less one in a numbered table, whose first cell spans two.
	Total    []Cell
	Numbered bool    // the first column holds row numbers, centred
	Size     float64 // points
}

// Cell is the paragraphs of a table cell.
type Cell [][]Span

// validate checks a table: titles, widths, cells per row, and rows.
func (v *validator) table(t *Table, landscape bool) {
	if t == nil {
		return
	}
	p := t.Path
	if len(t.Columns) == 0 && v.d.Has(decode.Join(p, "columns")) && !v.d.Reported(decode.Join(p, "columns")) {
		v.d.Problem(decode.Join(p, "columns"), msg("table.no-columns", "bảng chưa có cột nào", "the table has no columns",
			"danh sách các cột, mỗi cột {title: Nội dung, width: 60}", "a list of columns, each {title: Nội dung, width: 60}"))
	}
	// The narrowest column holds "TT" and its padding: a share of the
	// portrait text block, less of the wider landscape one.
	minShare, whereVi, whereEn := MinColumnShare, "", ""
	if landscape {
		minShare, whereVi, whereEn = MinColumnShare*165/252, " trên trang nằm ngang", " on a landscape page"
	}
	given, sum := 0, 0.0
	for i, c := range t.Columns {
		cp := decode.Index(decode.Join(p, "columns"), i)
		wp := decode.Join(cp, "width")
		if v.d.Has(wp) {
			given++
			if c.Width <= 0 && !v.d.Reported(wp) {
				v.d.Problem(wp, msg("table.width-invalid", fmt.Sprintf("%g không phải là độ rộng", c.Width), fmt.Sprintf("%g is not a width", c.Width),
					"một số dương: độ rộng là phần của bề rộng trang (8, 60, 32 → 8 %, 60 %, 32 %)",
					"a positive number: widths are shares of the text width (8, 60, 32 → 8 %, 60 %, 32 %)"))
			}
			sum += max(c.Width, 0)
		}
		if _, ok := alignOf(c.Align); !ok {
			v.d.Problem(decode.Join(cp, "align"), msg("table.align-invalid",
				fmt.Sprintf("%q không phải là cách căn lề", c.Align.Value), fmt.Sprintf("%q is not an alignment", c.Align.Value),
				"trái, giữa hoặc phải (left, center, right)", "left, center or right (trái, giữa, phải)"))
		}
		if !v.d.Reported(decode.Join(cp, "title")) && trim(c.Title.Value) == "" && v.d.Has(decode.Join(cp, "title")) {
			v.d.Problem(decode.Join(cp, "title"), msg("table.column-no-title", "cột chưa có tiêu đề", "the column has no title",
				"ghi chữ ở ô tiêu đề của cột, ví dụ Nội dung công việc", "the text of its header cell, such as Nội dung công việc"))
		}
	}
	if given > 0 && given < len(t.Columns) {
		for i := range t.Columns {
			cp := decode.Index(decode.Join(p, "columns"), i)
			if !v.d.Has(decode.Join(cp, "width")) {
				v.d.Problem(cp, msg("table.width-missing", "cột này chưa có độ rộng, trong khi các cột khác có", "this column has no width, the others have",
					"ghi width: cho mọi cột, hoặc không cột nào (các cột rộng bằng nhau)", "a width for every column, or for none (equal columns)"))
			}
		}
	} else if given == len(t.Columns) && sum > 0 {
		for i, c := range t.Columns {
			if c.Width > 0 && c.Width/sum < minShare {
				// The least width that works: w / (w + others) = the
				// minimum, rounded up to a tenth; the share printed
				// rounded down, so that it never reads as the minimum.
				others := sum - c.Width
				least := math.Ceil(minShare*others/(1-minShare)*10) / 10
				share := math.Floor(1000*c.Width/sum) / 10
				v.d.Problem(decode.Join(decode.Index(decode.Join(p, "columns"), i), "width"), msg("table.column-too-narrow",
					fmt.Sprintf("cột chỉ chiếm %.1f %% bề rộng bảng, quá hẹp để chứa một từ", share),
					fmt.Sprintf("the column takes %.1f %% of the table, too narrow to hold a word", share),
					fmt.Sprintf("ít nhất %.3g %% bề rộng bảng%s: width %g trở lên, bên cạnh tổng %g của các cột khác", 100*minShare, whereVi, least, others),
					fmt.Sprintf("at least %.3g %% of the table%s: width %g or more beside the others' %g", 100*minShare, whereEn, least, others)))
			}
		}
	}
	if sp := decode.Join(p, "size"); v.d.Has(sp) && t.Size != 12 && t.Size != 13 && t.Size != 14 {
		v.d.Problem(sp, msg("table.size-invalid", fmt.Sprintf("cỡ chữ %g không dùng được cho bảng", t.Size), fmt.Sprintf("%g is not a table size vanban allows", t.Size),
			"12, 13 (mặc định) hoặc 14", "12, 13 (the default) or 14 (points)"))
	}
	cells := len(t.Columns)
	if t.Number {
		cells--
		if len(t.Columns) == 1 {
			v.d.Problem(decode.Join(p, "number"), msg("table.number-only",
				"bảng đánh số thứ tự cần thêm ít nhất một cột ngoài cột số thứ tự", "a numbered table needs a column besides the numbers",
				"thêm cột thứ hai, hoặc ghi number: false", "a second column, or number: false"))
		}
	}
	if tp := decode.Join(p, "total"); len(t.Total) > cells && cells > 0 {
		v.d.Problem(decode.Index(tp, cells), msg("table.total-too-many",
			fmt.Sprintf("dòng tổng cộng có %d ô, nhưng bảng chỉ còn chỗ cho %d ô", len(t.Total), cells),
			fmt.Sprintf("the total row has %d cells, but the table has room for %d", len(t.Total), cells),
			fmt.Sprintf("tối đa %d ô: ô đầu (ví dụ Tổng cộng) rồi các số tổng, theo thứ tự các cột", cells),
			fmt.Sprintf("at most %d cells: the first (such as Tổng cộng) then the sums, column by column", cells)))
	}
	rp := decode.Join(p, "rows")
	if len(t.Rows) == 0 && v.d.Has(rp) && !v.d.Reported(rp) {
		v.d.Problem(rp, msg("table.no-rows", "bảng chưa có dòng nào", "the table has no rows",
			"danh sách các dòng, mỗi dòng là danh sách các ô: - [Tổ chức Hội nghị, Phòng Văn hóa - Xã hội]",
			"a list of rows, each a list of cells: - [Tổ chức Hội nghị, Phòng LĐ-TB&XH]"))
	}
	for i, r := range t.Rows {
		path := decode.Index(rp, i)
		if len(r) > cells && cells >= 0 && len(t.Columns) > 0 {
			whatVi := fmt.Sprintf("bảng chỉ có %d cột", len(t.Columns))
			whatEn := fmt.Sprintf("the table has %d columns", len(t.Columns))
			if t.Number {
				whatVi = fmt.Sprintf("bảng chỉ còn chỗ cho %d ô (%d cột, cột đầu do vanban đánh số)", cells, len(t.Columns))
				whatEn = fmt.Sprintf("the table has room for %d (%d columns, the first numbered by vanban)", cells, len(t.Columns))
			}
			fixVi := fmt.Sprintf("tối đa %d ô một dòng; gộp hoặc bỏ các ô thừa, hoặc thêm cột", cells)
			fixEn := fmt.Sprintf("at most %d cells in a row; join or remove the extra cells, or add a column", cells)
			if v.flowRow(path) {
				fixVi = fmt.Sprintf("tối đa %d ô; trong [a, b, c] mỗi dấu phẩy kết thúc một ô, nên ô có dấu phẩy phải đặt trong ngoặc kép: \"Sở Tư pháp, Công an tỉnh\"", cells)
				fixEn = fmt.Sprintf("at most %d cells; in [a, b, c] a comma ends a cell, so write a cell with a comma in quotes: \"Sở Tư pháp, Công an tỉnh\"", cells)
			}
			v.d.Problem(decode.Index(path, cells), msg("table.row-too-many",
				fmt.Sprintf("dòng có %d ô, nhưng %s", len(r), whatVi), fmt.Sprintf("the row has %d cells, but %s", len(r), whatEn), fixVi, fixEn))
			continue
		}
		empty := true
		for _, c := range r {
			empty = empty && trim(c.Value) == ""
		}
		if empty && !v.d.Reported(path) {
			v.d.Problem(path, msg("table.row-empty", "dòng của bảng để trống", "the row is empty",
				"ghi các ô của dòng, ví dụ [Tổ chức Hội nghị, Phòng Văn hóa - Xã hội]; hoặc xóa dòng",
				"its cells, such as [Tổ chức Hội nghị, Phòng LĐ-TB&XH]; or remove it"))
		}
	}
}

// grid resolves a table's markup and numbering.
func (b *bodyBuilder) grid(t *Table) *Grid {
	g := &Grid{Numbered: t.Number, Size: t.Size}
	if g.Size == 0 {
		g.Size = DefaultTableSize
	}
	sum := 0.0
	for _, c := range t.Columns {
		sum += max(c.Width, 0)
	}
	for i, c := range t.Columns {
		w := 1 / float64(len(t.Columns))
		switch {
		case sum > 0:
			w = max(c.Width, 0) / sum
		case t.Number && len(t.Columns) > 1:
			// Without widths the number column takes what "TT" needs
			// and the others share the rest.
			w = (1 - NumberColumnShare) / float64(len(t.Columns)-1)
			if i == 0 {
				w = NumberColumnShare
			}
		}
		g.Widths = append(g.Widths, w)
		a, _ := alignOf(c.Align)
		g.Align = append(g.Align, a)
		g.Head = append(g.Head, b.cell(c.Title))
	}
	for i, r := range t.Rows {
		var row []Cell
		if t.Number {
			row = append(row, Cell{{{Text: strconv.Itoa(i + 1)}}})
		}
		for _, c := range r {
			row = append(row, b.cell(c))
		}
		if len(row) > len(t.Columns) {
			row = row[:len(t.Columns)] // refused by validation
		}
		for len(row) < len(t.Columns) {
			row = append(row, nil)
		}
		g.Rows = append(g.Rows, row)
	}
	if len(t.Total) > 0 {
		n := len(t.Columns)
		if t.Number {
			n--
		}
		for _, c := range t.Total[:min(len(t.Total), n)] {
			g.Total = append(g.Total, b.cell(c))
		}
		for len(g.Total) < n {
			g.Total = append(g.Total, nil)
		}
	}
	return g
}

// cell parses a cell's paragraphs (a blank line separates them).
func (b *bodyBuilder) cell(t Text) Cell {
	var c Cell
	for _, p := range parts(t, CellText) {
		if spans, _ := ParseInline(p.text); len(spans) > 0 {
			c = append(c, withNotes(merge(spans), b.notes))
		}
	}
	return c
}

// flowRow reports whether the row at path is written as [a, b, c], where
// a comma inside a cell's text splits it.
func (v *validator) flowRow(path string) bool {
	pos := v.d.At(path)
	lines := strings.SplitN(string(v.doc.Source), "\n", pos.Line+1)
	if pos.Line < 1 || pos.Line > len(lines) {
		return false
	}
	r := []rune(lines[pos.Line-1])
	return pos.Col >= 1 && pos.Col <= len(r) && r[pos.Col-1] == '['
}
