package app

import (
	"math/rand"
	"testing"
)

// drawnTexts answers as a loop over the characters of a text asking the
// family would, for any text: valid or broken UTF-8, characters of one to
// four bytes, drawn or not.
func TestDrawnTextsAsEachCharacter(t *testing.T) {
	fonts, _, err := documentFonts(Options{})
	if err != nil {
		t.Fatal(err)
	}
	each := func(s string) bool {
		for _, r := range s {
			if r != '\n' && !fonts.Has(r) {
				return false
			}
		}
		return true
	}
	d := newDrawnTexts(fonts, '\n')
	pieces := []string{"a", " ", "ế", "ữ", "ă", "Đ", "\u0301", "–", "“", "€", "中", "😀", "\n", "\t", "\x7f",
		"\xff", "\xc3", "\xe1\xba", "\xe1", "\xed\xa0\x80", "\xe0\x80\x80", "\xc0\xaf", "\xef\xbf\xbd", "\xf0\x9f"}
	rng := rand.New(rand.NewSource(1))
	for range 100_000 {
		s := ""
		for range rng.Intn(6) {
			s += pieces[rng.Intn(len(pieces))]
		}
		if got, want := d.all(s), each(s); got != want {
			t.Fatalf("%q: all says %v, each character %v", s, got, want)
		}
	}
}
