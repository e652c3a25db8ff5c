package viet

import (
	"strconv"
	"strings"
)

// Ordinal is the Vietnamese ordinal word after "thứ" for n from 1 to 99,
// as "Phần thứ nhất", "Phần thứ tư", "Phần thứ mười một" write it: "nhất"
// and "tư" for 1 and 4 alone; in the tens "mốt" for 1 and "tư" for 4
// after "mươi", "lăm" for 5 after a ten. Outside 1..99 it is the digits.
func Ordinal(n int) string {
	switch n {
	case 1:
		return "nhất"
	case 4:
		return "tư"
	}
	if n < 1 || n > 99 {
		return strconv.Itoa(n)
	}
	return cardinal(n)
}

var digitWords = [...]string{"", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// cardinal is the number word of n from 1 to 99 ("hai mươi mốt").
func cardinal(n int) string {
	tens, u := n/10, n%10
	if tens == 0 {
		return digitWords[u]
	}
	head := "mười"
	if tens > 1 {
		head = digitWords[tens] + " mươi"
	}
	switch {
	case u == 0:
		return head
	case u == 5:
		return head + " lăm"
	case u == 1 && tens > 1:
		return head + " mốt"
	case u == 4 && tens > 1:
		return head + " tư"
	}
	return head + " " + digitWords[u]
}

// OrdinalValue reads an ordinal word written after "thứ" ("nhất", "Hai",
// "tư", "bốn", "mười một"), in any case; ok is false for anything else.
func OrdinalValue(s string) (n int, ok bool) {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for i := 1; i <= 99; i++ {
		if s == Ordinal(i) || s == cardinal(i) {
			return i, true
		}
	}
	return 0, false
}
