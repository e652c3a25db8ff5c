package viet

import (
	"math"
	"strconv"
	"strings"
)

// Int writes a whole number with dots between thousands: 1.234.567.
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	if neg := strings.HasPrefix(s, "-"); neg {
		return "-" + group(s[1:])
	}
	return group(s)
}

// group puts dots between the thousands of a run of digits.
func group(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Decimal writes x rounded half away from zero to the given number of
// decimals, with a decimal comma and dot grouping: 1.234,57 and 23,64.
func Decimal(x float64, decimals int) string {
	x = Round(x, decimals)
	s := strconv.FormatFloat(math.Abs(x), 'f', max(decimals, 0), 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := group(whole)
	if frac != "" {
		out += "," + frac
	}
	if x < 0 && strings.Trim(out, "0,.") != "" {
		out = "-" + out
	}
	return out
}

// Round rounds half away from zero, as Excel's ROUND does, so a value
// computed in Go and the same value computed by a spreadsheet formula agree.
func Round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	// The epsilon absorbs binary representation error (2.675 is stored as
	// 2.67499…), the way spreadsheet programs do.
	v := math.Abs(x)*p + 1e-9
	r := math.Floor(v+0.5) / p
	if x < 0 {
		return -r
	}
	return r
}
