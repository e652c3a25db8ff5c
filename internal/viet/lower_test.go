package viet

import (
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
