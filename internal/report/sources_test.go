package report

import (
	"strings"
	"testing"
)

// TestCatalogue2021Sourced: every row of the 2021-2030 catalogue says where
// its wording was read and how sure that is; a row whose source is unsure
// (confidence M or ?) flags each of its national values as uncertain, so a
// workbook that uses one says so; a row with national values states how
// they are compared (a qualitative target has neither).
func TestCatalogue2021Sourced(t *testing.T) {
	file, src, err := ResolveCatalogue("bdg-2021-2030", "x.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	c, diags := LoadCatalogue(file, src)
	if c == nil || len(diags) > 0 {
		t.Fatalf("%v", diags)
	}
	perGroup := map[string]int{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		perGroup[ind.Group]++
		if ind.Basis == "" || ind.Confidence == "" {
			t.Errorf("%s: no basis or no confidence", ind.ID)
		}
		if !strings.HasPrefix(ind.Basis, "NQ 28/NQ-CP") && ind.Confidence != "?" {
			t.Errorf("%s: basis %q does not name the resolution's objective", ind.ID, ind.Basis)
		}
		if len(ind.National) > 0 && ind.Comparator == "" {
			t.Errorf("%s: national values without a comparator", ind.ID)
		}
		if ind.Confidence == "M" || ind.Confidence == "?" {
			for y := range ind.National {
				if ind.Uncertain[y] == "" {
					t.Errorf("%s: confidence %s but %s is not flagged uncertain", ind.ID, ind.Confidence, y)
				}
			}
		}
	}
	// The targets found: 1, 3, 4 (+1 split), 4, 3 (+1 split) and 2 per
	// objective (docs/report-format.md, section 5).
	want := map[string]int{"MT1": 1, "MT2": 3, "MT3": 5, "MT4": 4, "MT5": 4, "MT6": 2}
	for g, n := range want {
		if perGroup[g] != n {
			t.Errorf("%s has %d rows, want %d", g, perGroup[g], n)
		}
	}
	if len(c.Indicators) != 19 {
		t.Errorf("%d rows, want 19", len(c.Indicators))
	}
}
