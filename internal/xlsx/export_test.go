package xlsx

import "github.com/vanban/vanban/internal/report"

// FormCells exposes a form's input cells to the round-trip test, which
// fills forms as a unit would: by measure and key, and by rows of posts.
func FormCells(f *report.Form) (map[string]map[string]string, map[string][][2]string) {
	b := layoutForm(f)
	return b.cells, b.posts
}

// DataSheet is the name of a form's figures sheet.
const DataSheet = dataSheet
