package font

import (
	"hash/fnv"
	"sync"
	"testing"

	"github.com/vanban/vanban/fonts"
)

// fingerprint hashes the glyph and the width of every BMP code point of
// a face, and whether the family draws it in every style.
func fingerprint(fam *Family, s Style) uint64 {
	h := fnv.New64a()
	f := fam.Face(s)
	for r := rune(0); r < 1<<16; r++ {
		g, u := f.Glyph(r), f.Units(string(r))
		has := byte(0)
		if fam.Has(r) {
			has = 1
		}
		h.Write([]byte{byte(g >> 8), byte(g), byte(u >> 8), byte(u), has})
	}
	return h.Sum64()
}

// The blocks of the character map, read when first asked for, give every
// code point the glyph and the width the whole map read at once gave
// (the fingerprints were taken from that reader, at 5e1de66), whatever
// order the code points are asked in and on however many goroutines.
func TestBlocksAsRead(t *testing.T) {
	want := [4]uint64{0x7cf89f4ae4c4bfc0, 0x45fb44bc95b46d24, 0xf984bf3da53e6295, 0x99d69d7ff2850218}
	var files [4][]byte
	for _, s := range Styles {
		files[s] = fonts.Serif(fileStyle(s))
	}
	fam, err := newFamily("test", files, [4]string{})
	if err != nil {
		t.Fatal(err)
	}
	// A fresh family's blocks are built by several goroutines at once.
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := rune(0xFFFF - i); r >= 0; r -= 7 {
				fam.Has(r)
				fam.Face(Style(i)).Units(string(r))
			}
		}()
	}
	wg.Wait()
	for _, s := range Styles {
		if got := fingerprint(fam, s); got != want[s] {
			t.Errorf("%v: fingerprint %#x, want %#x", s, got, want[s])
		}
	}
}

// Units reads a text's characters as ranging over it does, also where it
// is not valid UTF-8.
func TestUnitsDecoding(t *testing.T) {
	fam, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	f := fam.Face(Regular)
	texts := []string{"Bỉm Sơn", "ăđơư ạếữ Ỹ", "a\xffb", "\xe1\xba", "\xc3", "\xe0\xa0\x80\xed\x9f\xbf\xed\xa0\x80",
		"\xc0\xaf\xc1\xbf\xc2\x80\xdf\xbf", "\xef\xbf\xbd\xf0\x9f\x98\x80z", "\xe1\x80\xc0", "\xec\xbf\xbf\xee\x80\x80"}
	for _, s := range texts {
		want := 0
		for _, r := range s {
			want += f.Units(string(r))
		}
		if got := f.Units(s); got != want {
			t.Errorf("Units(%q) = %d, want %d", s, got, want)
		}
	}
}
