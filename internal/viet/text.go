package viet

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters is the Vietnamese alphabet used for points (điểm): no f, j, w, z,
// and đ after d, as in the decree's own numbering.
var letters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// Letter returns the point letter for the n-th item (1-based): a, b, c, d,
// đ, e, g, … y, then aa, ab, … for very long lists.
func Letter(n int) string {
	if n < 1 {
		return ""
	}
	n--
	if n < len(letters) {
		return letters[n]
	}
	return Letter(n/len(letters)) + letters[n%len(letters)]
}

var romans = []struct {
	v int
	s string
}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}

// Roman writes n (1…3999) in Roman numerals; other values in Arabic.
func Roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, r := range romans {
		for n >= r.v {
			b.WriteString(r.s)
			n -= r.v
		}
	}
	return b.String()
}

// Upper capitalises Vietnamese text. Go's Unicode case mapping is correct
// for every Vietnamese letter, đ included.
func Upper(s string) string { return strings.ToUpper(s) }

// dStroke spells đ as d: it is a letter of its own, not d with a mark.
var dStroke = strings.NewReplacer("đ", "d", "Đ", "D")

// ascii reports whether s is plain ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Slug turns a Vietnamese title into an ASCII file-name part:
// "Chương trình công tác" → "chuong-trinh-cong-tac".
func Slug(s string) string {
	plain := s
	if !ascii(s) { // keys and most values are ASCII: no transformer to build
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		plain, _, _ = transform.String(t, s)
		plain = dStroke.Replace(plain)
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(plain) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// Sort orders names in Vietnamese alphabetical order (a ă â b c d đ …, tones
// as a secondary level), which byte order gets wrong.
func Sort(names []string) {
	collate.New(language.Vietnamese).SortStrings(names)
}

// Compare compares two names in Vietnamese alphabetical order.
func Compare(a, b string) int {
	return collate.New(language.Vietnamese).CompareString(a, b)
}
