package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lower is strings.ToLower, which looks up every letter outside ASCII in
// Unicode's case tables: most words of a Vietnamese text are lower case
// already, and lower finds that out from a table of the blocks their
// letters come from (Latin-1, Latin Extended-A and B, Latin Extended
// Additional), leaving every other case to strings.ToLower.
func lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLower(r) { // an invalid byte (RuneError) included: ToLower replaces it
			return strings.ToLower(s)
		}
		i += n
	}
	return s
}

// isLower reports whether unicode.ToLower leaves r as it is.
func isLower(r rune) bool {
	switch {
	case 0x80 <= r && r < 0x280:
		k := r - 0x80
		return lowerLatin[k/64]&(1<<(k%64)) != 0
	case 0x1E00 <= r && r < 0x1F00:
		k := r - 0x1E00
		return lowerLatinAdditional[k/64]&(1<<(k%64)) != 0
	case r == utf8.RuneError:
		return false
	}
	return unicode.ToLower(r) == r
}

// Bit k is set when unicode.ToLower leaves the character 0x80+k
// (0x1E00+k) as it is (TestLowerTables).
var (
	lowerLatin = [...]uint64{0xffffffffffffffff, 0xffffffff80800000, 0x55aaaaaaaaaaaaaa, 0xd4aaaaaaaaaaab55,
		0xee512d2a4e243129, 0xaa29aaaab555524f, 0x93faaaaaaaaaaaaa, 0xffffffffffffaa85}
	lowerLatinAdditional = [...]uint64{0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaabfeaaaaa, 0xaaaaaaaaaaaaaaaa}
)

// IndexSpace returns the index and the length in bytes of the first
// character of s that unicode.IsSpace reports, or -1, 0: what
// strings.IndexFunc(s, unicode.IsSpace) finds, without decoding every
// letter. White space is ASCII or starts with one of four bytes (U+0085
// and U+00A0, U+1680, U+2000-U+205F, U+3000), which no continuation byte
// is, so a text is read a byte at a time and decoded only there.
func IndexSpace(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !spaceStart[c] {
			continue
		}
		if c < utf8.RuneSelf {
			return i, 1
		}
		if c == 0xE1 && i+1 < len(s) && s[i+1] != 0x9A {
			continue // a letter of Latin Extended Additional (ạ, ế, ữ): U+1680 is E1 9A 80
		}
		if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			return i, n
		}
	}
	return -1, 0
}

// spaceStart marks the bytes white space starts with.
var spaceStart = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true,
	0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}
