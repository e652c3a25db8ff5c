// Package viet holds the Vietnamese writing conventions vanban needs, in one
// place: dates as Nghị định 30 writes them, point letters (a, b, … đ, …),
// Roman numerals, numbers with Vietnamese separators, capitals, file-name
// slugs and alphabetical order.
package viet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Date is a calendar date without time or zone: what an official document
// is dated with. The zero Date means "no date".
type Date struct {
	Year  int
	Month int
	Day   int
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d, for metadata that needs a time.Time.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// String writes d in ISO form, 2017-05-23.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// DateError explains why a text is not a date and what is expected.
type DateError struct {
	Msg string
	// Want is the expected form, or the input rewritten in that form when
	// its meaning is clear (23/5/2017 → 2017-05-23).
	Want string
	// Vi and WantVi say the same in Vietnamese; Kind is a stable code.
	Vi, WantVi, Kind string
}

func (e *DateError) Error() string { return e.Msg }

// Vietnamese says what is wrong and what is expected in Vietnamese.
func (e *DateError) Vietnamese() (msg, fix string) {
	if e.WantVi != "" {
		return e.Vi, e.WantVi
	}
	return e.Vi, "viết ngày theo dạng năm-tháng-ngày, ví dụ 2017-05-23"
}

// Code is the stable code of the mistake.
func (e *DateError) Code() string { return e.Kind }

// Expected says what a date must look like.
func (e *DateError) Expected() string {
	if e.Want != "" {
		return e.Want
	}
	return "a date written YYYY-MM-DD, e.g. 2017-05-23"
}

// ParseDate reads an ISO date (YYYY-MM-DD) and rejects impossible ones such
// as 2017-02-30. Other forms (23/5/2017, 23-05-2017) are refused rather
// than guessed, since day and month are easily swapped; when the form is
// the Vietnamese day/month/year, the error shows the date rewritten.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	n, ok := dateFields(s, "-")
	if !ok || len(n[0]) != 4 || len(n[1]) > 2 || len(n[2]) > 2 {
		return Date{}, wrongForm(s)
	}
	d := Date{atoi(n[0]), atoi(n[1]), atoi(n[2])}
	if d.Year < 1900 || d.Year > 2200 {
		return Date{}, &DateError{Msg: fmt.Sprintf("the year %d is out of range", d.Year), Want: "a year from 1900 to 2200",
			Vi: fmt.Sprintf("năm %d nằm ngoài khoảng cho phép", d.Year), WantVi: "một năm từ 1900 đến 2200", Kind: "date.year"}
	}
	if d.Month < 1 || d.Month > 12 {
		return Date{}, &DateError{Msg: fmt.Sprintf("%q has no month %d", s, d.Month),
			Vi: fmt.Sprintf("«%s» không có tháng %d", s, d.Month), WantVi: "một tháng từ 1 đến 12", Kind: "date.month"}
	}
	if days := DaysIn(d.Year, d.Month); d.Day < 1 || d.Day > days {
		return Date{}, &DateError{Msg: fmt.Sprintf("%s does not exist: %d-%02d has no day %d", s, d.Year, d.Month, d.Day),
			Want:   fmt.Sprintf("a day from 1 to %d", days),
			Vi:     fmt.Sprintf("không có ngày %s: tháng %d năm %d không có ngày %d", s, d.Month, d.Year, d.Day),
			WantVi: fmt.Sprintf("một ngày từ 1 đến %d", days), Kind: "date.impossible"}
	}
	return d, nil
}

// dateFields splits s at sep into three runs of digits.
func dateFields(s, sep string) ([]string, bool) {
	parts := strings.Split(s, sep)
	if len(parts) != 3 {
		return nil, false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return nil, false
		}
	}
	return parts, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// wrongForm explains a text that is not written YYYY-MM-DD.
func wrongForm(s string) error {
	for _, sep := range []string{"/", "-", "."} {
		if n, ok := dateFields(s, sep); ok && len(n[2]) == 4 && len(n[0]) <= 2 && len(n[1]) <= 2 {
			if d, err := ParseDate(n[2] + "-" + n[1] + "-" + n[0]); err == nil {
				return &DateError{Msg: fmt.Sprintf("%q is not in the year-month-day form", s), Want: "year-month-day: " + d.String(),
					Vi: fmt.Sprintf("«%s» không viết theo dạng năm-tháng-ngày", s), WantVi: "viết năm-tháng-ngày: " + d.String(), Kind: "date.form"}
			}
		}
	}
	// The header's own words, copied from a printed document.
	if m := wordsDate().FindStringSubmatch(s); m != nil {
		if d, err := ParseDate(m[3] + "-" + m[2] + "-" + m[1]); err == nil {
			return &DateError{Msg: fmt.Sprintf("%q is not in the year-month-day form", s), Want: "year-month-day: " + d.String(),
				Vi: fmt.Sprintf("«%s» không viết theo dạng năm-tháng-ngày", s), WantVi: "viết năm-tháng-ngày: " + d.String() + " (vanban tự in «ngày … tháng … năm …»)", Kind: "date.form"}
		}
	}
	return &DateError{Msg: fmt.Sprintf("%q is not a date in the year-month-day form", s),
		Vi: fmt.Sprintf("«%s» không phải một ngày viết theo dạng năm-tháng-ngày", s), Kind: "date.form"}
}

// DateInWords is the pattern of a date as the header prints it, after
// "ngày": "24 tháng 10 năm 2025", with the day, month and year as its
// groups.
const DateInWords = `(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`

// wordsDate is a whole value written as the header prints a date, with or
// without "ngày" and the place before it; compiled on first use (only a
// wrongly written date needs it).
var wordsDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|\s)(?:ngày\s+)?` + DateInWords + `\s*\.?$`)
})

// DaysIn returns the number of days of a month.
func DaysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Long writes "ngày 05 tháng 01 năm 2020" / "ngày 23 tháng 5 năm 2017":
// the day is padded below 10 and the month only when it is 1 or 2, as
// Nghị định 30 prescribes (a padded "tháng 03" is wrong).
func (d Date) Long() string {
	return fmt.Sprintf("ngày %s tháng %s năm %d", PadDay(d.Day), PadMonth(d.Month), d.Year)
}

// PlaceDate writes the place-and-date line: "Bỉm Sơn, ngày 23 tháng 5 năm 2017".
func PlaceDate(place string, d Date) string {
	return place + ", " + d.Long()
}

// PadDay pads a day below 10 with a zero.
func PadDay(day int) string { return fmt.Sprintf("%02d", day) }

// PadMonth pads months 1 and 2 ("01", "02") and leaves 3–12 as they are,
// so that "tháng 1" and "tháng 11" cannot be confused when written by hand.
func PadMonth(month int) string {
	if month <= 2 {
		return fmt.Sprintf("%02d", month)
	}
	return strconv.Itoa(month)
}

// DocNumber writes a document number with a leading zero below 10 ("05",
// "15", "123").
func DocNumber(n int) string { return fmt.Sprintf("%02d", n) }

// JSONSchema implements schema.Describer (internal/schema): a date written
// year-month-day with a year from 1900 to 2200, as ParseDate reads it
// (a day that does not exist, such as 2017-02-30, only vanban refuses).
func (Date) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"type": "string", "pattern": `^\s*(?:19[0-9]{2}|2[01][0-9]{2}|2200)-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12][0-9]|3[01])\s*$`}
}
