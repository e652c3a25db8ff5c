package xlsx

import (
	"fmt"
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

// TestSharesOfBodiesReadAsSuch (review, defect 6): a measure that feeds a
// share of bodies (a HĐND with a woman leader, a commune with a radio
// column) has the same columns in every report, a commune's as a
// province's: "Số đơn vị | Đơn vị có nữ | Tỷ lệ (%)", numbers on a body's
// row as on the total rows (no Có/Không in one row and 1/0 in the next),
// and every ratio column says in the numbering row what it divides ("5 =
// 4/3"), so that 100.00 beside "Số người 2, Trong đó nữ 1" reads as one
// body of one.
func TestSharesOfBodiesReadAsSuch(t *testing.T) {
	for _, file := range allExamples(t) {
		r := load(t, file)
		for _, s := range build(r).sheets {
			if !strings.HasPrefix(s.name, "02") {
				continue
			}
			for i, row := range s.rows {
				for c, cl := range row {
					if strings.Contains(cl.style.Format, "Có") {
						t.Errorf("%s %s!%s: a Có/Không format", file, s.name, ref(i+1, c+1))
					}
				}
			}
			head := s.titleTo - 1 // the row of the column labels; the numbering row below
			for c := 3; c <= s.cols(); c++ {
				label, _ := s.at(head, c).v.(string)
				code, _ := s.at(head+1, c).v.(string)
				if strings.HasPrefix(label, "Tỷ") && !strings.Contains(code, " = ") {
					t.Errorf("%s %s: column %q numbered %q, without what it divides", file, s.name, label, code)
				}
				if label == "Có nữ" {
					t.Errorf("%s %s: a \"Có nữ\" column", file, s.name)
				}
			}
		}
	}
	// The commune's own HĐND: 2 leaders, one of them a woman: one body of
	// one has a woman leader, 100 %, and the row says so in numbers.
	b := build(load(t, commune))
	s := sheetNamed(t, b, "02a")
	_, _, col, ok := cellWith(s, "Lãnh đạo chủ chốt HĐND")
	if !ok {
		t.Fatal("no HĐND block on 02a")
	}
	head := s.titleTo - 1
	var labels, codes []string
	for c := col; c < col+5; c++ {
		labels = append(labels, s.at(head, c).v.(string))
		codes = append(codes, s.at(head+1, c).v.(string))
	}
	if strings.Join(labels, "|") != "Số người|Trong đó nữ|Số đơn vị|Đơn vị có nữ|Tỷ lệ (%)" || codes[4] != fmt.Sprintf("%s = %s/%s", codes[4][:1], codes[3], codes[2]) {
		t.Errorf("HĐND block: %q numbered %q", labels, codes)
	}
	for _, name := range []string{"Cấp xã", "Toàn xã"} {
		_, row, _, _ := cellWith(s, name)
		units, yes := s.at(row, col+2), s.at(row, col+3)
		if fmt.Sprint(units.v, yes.v) != "1 1" || units.style.Format != "#,##0" || yes.style.Format != "#,##0" {
			t.Errorf("%s: units %v (%q), with a woman %v (%q); want 1 and 1 as numbers", name, units.v, units.style.Format, yes.v, yes.style.Format)
		}
		u, y := ref(row, col+2), ref(row, col+3)
		want := fmt.Sprintf(`IF(SUM(%s)=0,"",ROUND(SUM(%s)/SUM(%s)*100,2))`, u, y, u)
		if share := s.at(row, col+4); name == "Toàn xã" && (share.v != 100.0 || share.f != want) {
			t.Errorf("Toàn xã share %v = %s, want 100 = %s", share.v, share.f, want)
		}
	}
}
