package viet

import (
	"testing"
)

func TestDateFormsRefusedWithTheRightRewrite(t *testing.T) {
	for in, want := range map[string]string{
		"23/5/2017":            "year-month-day: 2017-05-23",
		"05.01.2020":           "year-month-day: 2020-01-05",
		"23-05-2017":           "year-month-day: 2017-05-23",
		"30/2/2017":            "a date written YYYY-MM-DD, e.g. 2017-05-23", // no such day: no rewrite offered
		"2017-+1-05":           "a date written YYYY-MM-DD, e.g. 2017-05-23",
		"2017-05-23T10:00:00Z": "a date written YYYY-MM-DD, e.g. 2017-05-23",
		"2017-02-30":           "a day from 1 to 28",
		"2016-02-30":           "a day from 1 to 29",
	} {
		_, err := ParseDate(in)
		e, ok := err.(*DateError)
		if !ok || e.Expected() != want {
			t.Errorf("ParseDate(%q): %v, expected %q", in, err, want)
		}
	}
	if d, err := ParseDate(" 2017-5-3 "); err != nil || d.Long() != "ngày 03 tháng 5 năm 2017" {
		t.Errorf("short month and day: %v %v", d, err)
	}
}

func TestDecimalBeyondInt64(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{
		{1e20, 2, "100.000.000.000.000.000.000,00"},
		{-1234.5, 0, "-1.235"},
		{-0.004, 2, "0,00"},
		{23.635, 2, "23,64"},
	} {
		if got := Decimal(c.x, c.d); got != c.want {
			t.Errorf("Decimal(%v, %d) = %s, want %s", c.x, c.d, got, c.want)
		}
	}
}
