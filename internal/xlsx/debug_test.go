package xlsx

import (
	"fmt"
	"math"
	"testing"
)

func TestDebugPages(t *testing.T) {
	b := build(load(t, examples[1]))
	for _, s := range b.sheets {
		scale := math.Min(1, math.Floor(pageWidthPt/sumPoints(s.widths)*100)/100)
		tot := 0.0
		for r := 1; r <= len(s.rows); r++ {
			tot += s.rowHeight(r)
		}
		fmt.Println(s.name, "scale", scale, "cap", pageHeightPt/scale*pageFill, "total", tot, "rows", len(s.rows), "breaks", s.breaks, "title", s.titleFrom, s.titleTo)
		if s.name == "02a_XaPhuong" {
			for r := 1; r <= len(s.rows); r++ {
				fmt.Print(r, ":", s.rowHeight(r), " ")
			}
			fmt.Println()
		}
	}
}
