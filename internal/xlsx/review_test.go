package xlsx

import (
	"strings"
	"testing"
)

// province is the example of a province of 2025 built from its communes'
// own period files.
const province = "../../examples/bao-cao-bdg-tinh-an-hoa-2025.yaml"

// texts lists every text cell of a laid-out workbook, by sheet.
func texts(b *book) map[string][]string {
	out := map[string][]string{}
	for _, s := range b.sheets {
		for _, row := range s.rows {
			for _, c := range row {
				if v, ok := c.v.(string); ok && v != "" {
					out[s.name] = append(out[s.name], v)
				}
			}
		}
	}
	return out
}

// cellWith finds the first cell of a sheet whose text starts with prefix.
func cellWith(s *sheet, prefix string) (cell, int, int, bool) {
	for r, row := range s.rows {
		for c, cl := range row {
			if v, ok := cl.v.(string); ok && strings.HasPrefix(v, prefix) {
				return cl, r + 1, c + 1, true
			}
		}
	}
	return cell{}, 0, 0, false
}

func sheetNamed(t *testing.T, b *book, prefix string) *sheet {
	t.Helper()
	for _, s := range b.sheets {
		if strings.HasPrefix(s.name, prefix) {
			return s
		}
	}
	t.Fatalf("no sheet %s…", prefix)
	return nil
}

// TestNoDistrictInA2025Report (review, defect 7): a commune's or a
// province's workbook of 2025, when local government has no district
// level, never names one ("cấp tỉnh, huyện" came from the catalogue's
// levels of MT2.CT3).
func TestNoDistrictInA2025Report(t *testing.T) {
	for _, file := range allExamples(t) {
		r := load(t, file)
		if r.P.Period.Year < 2025 {
			continue
		}
		for sh, vs := range texts(build(r)) {
			for _, v := range vs {
				if strings.Contains(strings.ToLower(v), "huyện") {
					t.Errorf("%s, %s: %q", file, sh, v)
				}
			}
		}
	}
}

// TestBirthsNamedAlike (review, defect 14): the births the health sector
// counts and those the communes report are both "trẻ sinh ra sống", told
// apart by their source, and maternal deaths, which are not a part of
// births, are not set in italics as a "Trong đó:" row is.
func TestBirthsNamedAlike(t *testing.T) {
	b := build(load(t, province))
	for sh, vs := range texts(b) {
		for _, v := range vs {
			if strings.Contains(strings.ToLower(v), "đẻ sống") {
				t.Errorf("%s: %q", sh, v)
			}
		}
	}
	s := sheetNamed(t, b, "03_")
	births, _, _, ok := cellWith(s, "Trẻ sinh ra sống (số liệu ngành y tế)")
	if !ok || births.style.Italic {
		t.Errorf("Biểu 03: births %v, italic %v", ok, births.style.Italic)
	}
	deaths, _, _, ok := cellWith(s, "Số bà mẹ tử vong")
	if !ok || deaths.style.Italic {
		t.Errorf("Biểu 03: maternal deaths found %v, italic %v; want upright", ok, deaths.style.Italic)
	}
	part, _, _, ok := cellWith(s, "Trong đó:")
	if !ok || !part.style.Italic {
		t.Errorf("Biểu 03: a \"Trong đó:\" row found %v, italic %v; want italic", ok, part.style.Italic)
	}
	notes := strings.Join(texts(b)["04_GhiChu"], "\n")
	if strings.Count(notes, "có thể khác tổng số trẻ sinh ra sống") != 1 {
		t.Errorf("Biểu 04 does not say once why the two counts of births differ:\n%s", notes)
	}
}
