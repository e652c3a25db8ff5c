package decode

import (
	"testing"
	"unicode/utf8"
)

// plainNFCByRune is plainNFC as it was written first: every character
// decoded and looked up in nfcRanges.
func plainNFCByRune(s string) bool {
	for _, r := range s {
		ok := false
		for _, rg := range nfcRanges {
			ok = ok || rg[0] <= r && r < rg[1]
		}
		if !ok {
			return false
		}
	}
	return true
}

// validUTF8 and plainNFC answer as utf8.Valid and a check of every
// decoded character do, for every text of up to three bytes, valid or
// not, and with a fourth byte after.
func TestByteChecksAsDecoded(t *testing.T) {
	check := func(b []byte) {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(% x) = %v, want %v", b, got, want)
		}
		if got, want := plainNFC(string(b)), plainNFCByRune(string(b)); got != want {
			t.Fatalf("plainNFC(% x) = %v, want %v", b, got, want)
		}
	}
	var b [4]byte
	for c0 := range 256 {
		b[0] = byte(c0)
		check(b[:1])
		for c1 := range 256 {
			b[1] = byte(c1)
			check(b[:2])
			for c2 := range 256 {
				b[2] = byte(c2)
				check(b[:3])
			}
			for _, c3 := range []byte{'a', 0x80, 0xBF, 0xC3} {
				b[2], b[3] = 0x80, c3
				check(b[:4])
			}
		}
	}
	check([]byte("Kế hoạch thực hiện công tác bình đẳng giới – “năm 2024”…"))
}
