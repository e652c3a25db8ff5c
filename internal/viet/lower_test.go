package viet

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The tables of lower say what unicode.ToLower does.
func TestLowerTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == utf8.RuneError {
			continue
		}
		if got, want := isLower(r), unicode.ToLower(r) == r; got != want {
			t.Fatalf("isLower(%U) = %v, want %v", r, got, want)
		}
	}
}

// lower gives strings.ToLower's result, also for invalid UTF-8 and
// letters outside the tables.
func TestLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "công tác", "CÔNG TÁC", "Đảng", "ưu tiên", "ƯU", "Ơn",
		"thực hiện./.", "x\xffy", "\xff", "\xe1\xbb", "ΑΒΓ", "ǅ", "İstanbul", "ẞ", "ﬀ", "Ⓐ", "𐐀", "a\u00a0B", "ϴ"} {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r <= 0x20000; r++ {
		s := "a" + string(r) + "b"
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Fatalf("lower(%q) = %q, want %q", s, got, want)
		}
	}
}

// IndexSpace finds what strings.IndexFunc(s, unicode.IsSpace) finds: for
// every character, and for random bytes (invalid UTF-8 included).
func TestIndexSpace(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want := strings.IndexFunc(s, unicode.IsSpace)
		wantN := 0
		if want >= 0 {
			_, wantN = utf8.DecodeRuneInString(s[want:])
		}
		if got, n := IndexSpace(s); got != want || n != wantN {
			t.Fatalf("IndexSpace(%q) = %d, %d; want %d, %d", s, got, n, want, wantN)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check("ạb" + string(r) + "c ")
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{' ', '\n', 'a', 0x80, 0x85, 0x9A, 0xA0, 0xBB, 0xC2, 0xE1, 0xE2, 0xE3, 0xFF}
	for range 100000 {
		b := make([]byte, rnd.IntN(8))
		for i := range b {
			b[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		check(string(b))
	}
}
