package document

import "github.com/vanban/vanban/internal/decode"

// HeadPath is the path of the title of column col (from 0) of the grid of
// the table at path, where a problem found in laying it out is reported.
func (g *Grid) HeadPath(table string, col int) string {
	return decode.Join(decode.Index(decode.Join(table, "columns"), col), "title")
}

// CellPath is the path of the cell in row r, column col (both from 0) of
// the grid of the table at path; "" for a number, which vanban writes.
func (g *Grid) CellPath(table string, r, col int) string {
	if g.Numbered {
		if col == 0 {
			return ""
		}
		col--
	}
	return decode.Index(decode.Index(decode.Join(table, "rows"), r), col)
}
