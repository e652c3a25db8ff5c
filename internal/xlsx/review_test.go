package xlsx

import (
	"fmt"
	"regexp"
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

// toolWords are the marks of vanban's own remarks: the catalogue's
// confidence tags and doubts, file names, how the workbook is locked and
// made again.
var toolWords = []string{"[M]", "[?]", ".yaml", "kiểm chứng", "được khóa", "bảo vệ trang tính", "lập lại biểu", "tệp số liệu", "khớp nhau", "vanban"}

// TestAnnexStatesOnlyWhatTheCommitteeStates (review, defect 4): no printed
// cell of any example's workbook holds vanban's remarks to the clerk; they
// are comments on the cells they concern (which spreadsheets do not
// print): the catalogue's doubt on the plan target taken from a national
// target, the file a carried sub-unit's figures come from, and why the
// sheets are locked. What a reader upstream needs stays in words: which
// sub-units' reports were added up and what they lack.
func TestAnnexStatesOnlyWhatTheCommitteeStates(t *testing.T) {
	for _, file := range allExamples(t) {
		for sh, vs := range texts(build(load(t, file))) {
			for _, v := range vs {
				for _, w := range toolWords {
					if strings.Contains(v, w) {
						t.Errorf("%s, %s prints %q: %q", file, sh, w, v)
					}
				}
			}
		}
	}
	r := load(t, province)
	f := open(t, render(t, r))
	remarks := map[string][]string{}
	for _, sh := range f.GetSheetList() {
		cs, err := f.GetComments(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			text := c.Text
			for _, p := range c.Paragraph {
				text += p.Text
			}
			if c.Author != "vanban" || !strings.HasPrefix(text, "vanban:\n") {
				t.Errorf("%s!%s: comment by %q: %q", sh, c.Cell, c.Author, text)
			}
			remarks[sh] = append(remarks[sh], c.Cell+" "+text)
		}
	}
	plan := cellOf(f, "01_TongHop", r.Name(r.Cat.Indicator("MT4.CT1")), sPlan)
	want := map[string][]string{
		"01_TongHop":   {plan + " vanban:\nMục tiêu quốc gia năm 2025 dùng làm kế hoạch giai đoạn ở ô này chưa được kiểm chứng với văn bản gốc: văn bản ghi \"ở mức 111\""},
		"02a_XaPhuong": {"vanban:\nSố liệu của Phường Bắc Sơn lấy từ tệp tinh-an-hoa-2025/bao-cao-bdg-phuong-bac-son-2025.yaml"},
		"02b_XaPhuong": {"vanban:\nSố liệu của Xã Đông Hưng lấy từ tệp tinh-an-hoa-2025/bao-cao-bdg-xa-dong-hung-2025.yaml"},
		"04_GhiChu":    {"vanban:\nCác biểu được khóa (bảo vệ trang tính, không đặt mật khẩu)"},
	}
	for sh, ws := range want {
		all := strings.Join(remarks[sh], "\n")
		for _, w := range ws {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no comment %q among\n%s", sh, w, all)
			}
		}
	}
	if n := len(remarks["02a_XaPhuong"]); n != 4 {
		t.Errorf("02a: %d comments, want one per carried commune (4)", n)
	}
	notes := strings.Join(texts(build(r))["04_GhiChu"], "\n")
	for _, w := range []string{
		"Số liệu của 4 xã, phường được tổng hợp từ báo cáo của từng đơn vị (gồm số liệu của đơn vị và các đơn vị trực thuộc; chỉ tiêu tỷ lệ đơn vị cộng số đơn vị và số đơn vị đạt điều kiện): Phường Bắc Sơn, Xã Tân Lập, Xã Hòa Bình, Xã Đông Hưng.",
		"Số liệu của Xã Tân Lập chưa đủ: Trẻ sinh ra sống: chưa có số liệu của Thôn 2.",
		"Kết quả được làm tròn đến số chữ số thập phân của chỉ tiêu trước khi so sánh. \"Trên\"",
	} {
		if !strings.Contains(notes, w) {
			t.Errorf("Biểu 04 lacks %q", w)
		}
	}
}

// TestLinkLineInFull (review, defect 12): every example's sheets say what
// they are attached to as an appendix does: "(Kèm theo Báo cáo số …
// ngày … tháng … năm … của Ủy ban nhân dân …)".
func TestLinkLineInFull(t *testing.T) {
	full := regexp.MustCompile(`^\(Kèm theo Báo cáo số \d+/BC-UBND ngày \d\d tháng \d+ năm \d{4} của Ủy ban nhân dân (xã|phường|thị xã|tỉnh) \p{Lu}`)
	for _, file := range allExamples(t) {
		for _, s := range build(load(t, file)).sheets {
			line, _ := s.at(s.titleRow+2, 1).v.(string)
			if !full.MatchString(line) {
				t.Errorf("%s, %s: link line %q", file, s.name, line)
			}
		}
	}
}
