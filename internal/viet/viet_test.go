package viet

import (
	"strings"
	"testing"
)

func TestLongDatePadsDayAndOnlyJanuaryFebruary(t *testing.T) {
	cases := map[Date]string{
		{2017, 5, 23}:  "ngày 23 tháng 5 năm 2017",
		{2020, 1, 5}:   "ngày 05 tháng 01 năm 2020",
		{2017, 2, 28}:  "ngày 28 tháng 02 năm 2017",
		{2019, 6, 29}:  "ngày 29 tháng 6 năm 2019",
		{2020, 3, 5}:   "ngày 05 tháng 3 năm 2020",
		{2026, 12, 31}: "ngày 31 tháng 12 năm 2026",
		{2026, 10, 9}:  "ngày 09 tháng 10 năm 2026",
	}
	for d, want := range cases {
		if got := d.Long(); got != want {
			t.Errorf("%v.Long() = %q, want %q", d, got, want)
		}
	}
	if got := PlaceDate("Bỉm Sơn", Date{2017, 5, 23}); got != "Bỉm Sơn, ngày 23 tháng 5 năm 2017" {
		t.Errorf("PlaceDate = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	if d, err := ParseDate("2016-02-29"); err != nil || d != (Date{2016, 2, 29}) {
		t.Errorf("leap day: %v %v", d, err)
	}
	bad := map[string]string{
		"2017-02-30": "has no day 30",
		"2017-02-29": "has no day 29",
		"2017-13-01": "no month 13",
		"23/5/2017":  "not in the year-month-day form",
		"23-05-2017": "not in the year-month-day form",
		"hôm nay":    "not a date",
		"1800-01-01": "out of range",
	}
	for in, want := range bad {
		_, err := ParseDate(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) = %v, want error containing %q", in, err, want)
		}
	}
}

// A date copied from a printed header gets the fix with the date itself.
func TestDateInWordsGetsItsOwnFix(t *testing.T) {
	for in, want := range map[string]string{
		"ngày 24 tháng 10 năm 2025":        "2025-10-24",
		"Hà Nội, ngày 05 tháng 3 năm 2026": "2026-03-05",
		"7 tháng 1 năm 2025":               "2025-01-07",
		"NGÀY 24 THÁNG 10 NĂM 2025.":       "2025-10-24",
	} {
		_, err := ParseDate(in)
		de, ok := err.(*DateError)
		if !ok {
			t.Fatalf("ParseDate(%q) = %v", in, err)
		}
		if _, fix := de.Vietnamese(); !strings.Contains(fix, want) || !strings.Contains(de.Expected(), want) {
			t.Errorf("ParseDate(%q): fix %q / %q, want %s", in, fix, de.Expected(), want)
		}
	}
	// No month 13: no rewritten date is offered.
	if _, err := ParseDate("ngày 24 tháng 13 năm 2025"); err == nil || strings.Contains(err.(*DateError).Expected(), "2025-") {
		t.Errorf("month 13: %v", err)
	}
}

func TestLetterFollowsVietnameseAlphabet(t *testing.T) {
	var got []string
	for i := 1; i <= 23; i++ {
		got = append(got, Letter(i))
	}
	want := "a b c d đ e g h i k l m n o p q r s t u v x y"
	if strings.Join(got, " ") != want {
		t.Errorf("letters = %s, want %s", strings.Join(got, " "), want)
	}
	if Letter(24) != "aa" || Letter(0) != "" {
		t.Errorf("Letter(24) = %q, Letter(0) = %q", Letter(24), Letter(0))
	}
}

func TestRoman(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL", 1990: "MCMXC", 0: "0"} {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNumbersUseVietnameseSeparators(t *testing.T) {
	if got := Int(1234567); got != "1.234.567" {
		t.Errorf("Int = %q", got)
	}
	if got := Int(-1234); got != "-1.234" {
		t.Errorf("Int(-1234) = %q", got)
	}
	cases := []struct {
		x    float64
		dec  int
		want string
	}{{23.6364, 2, "23,64"}, {1234.5, 1, "1.234,5"}, {16.666666, 2, "16,67"}, {2.675, 2, "2,68"}, {-0.001, 2, "0,00"}, {-1.005, 2, "-1,01"}, {100, 0, "100"}}
	for _, c := range cases {
		if got := Decimal(c.x, c.dec); got != c.want {
			t.Errorf("Decimal(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
	}
}

func TestRoundHalfAwayFromZeroLikeExcel(t *testing.T) {
	cases := []struct{ x, want float64 }{{24.995, 25}, {24.994, 24.99}, {-2.5, -3}, {0.125, 0.13}}
	for _, c := range cases {
		dec := 2
		if c.x == -2.5 {
			dec = 0
		}
		if got := Round(c.x, dec); got != c.want {
			t.Errorf("Round(%v, %d) = %v, want %v", c.x, dec, got, c.want)
		}
	}
}

func TestSlugAndSort(t *testing.T) {
	if got := Slug("Chương trình công tác năm 2017 – Đông Sơn"); got != "chuong-trinh-cong-tac-nam-2017-dong-son" {
		t.Errorf("Slug = %q", got)
	}
	names := []string{"Đông Sơn", "Ba Đình", "Bắc Sơn", "Hà Lan", "Ngọc Trạo", "Duy"}
	Sort(names)
	want := "Ba Đình, Bắc Sơn, Duy, Đông Sơn, Hà Lan, Ngọc Trạo"
	if strings.Join(names, ", ") != want {
		t.Errorf("Sort = %s, want %s", strings.Join(names, ", "), want)
	}
	if Upper("ủy ban nhân dân thị xã bỉm sơn") != "ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN" {
		t.Error("Upper")
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 7: "bảy", 10: "mười",
		11: "mười một", 14: "mười bốn", 15: "mười lăm", 20: "hai mươi", 21: "hai mươi mốt", 24: "hai mươi tư", 25: "hai mươi lăm", 100: "100"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	for s, want := range map[string]int{"nhất": 1, "NHẤT": 1, "Hai": 2, "bốn": 4, "tư": 4, "mười  một": 11, "hai mươi mốt": 21} {
		if got, ok := OrdinalValue(s); !ok || got != want {
			t.Errorf("OrdinalValue(%q) = %d, %v, want %d", s, got, ok, want)
		}
	}
	if _, ok := OrdinalValue("kết quả"); ok {
		t.Error("OrdinalValue read a word that is no ordinal")
	}
}
