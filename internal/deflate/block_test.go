package deflate

import (
	"bytes"
	"testing"
)

// refBits is a bit writer one bit at a time, for comparison.
type refBits struct {
	out   []byte
	nbits int
}

func (r *refBits) write(b uint64, nb uint) {
	for i := range nb {
		if r.nbits%8 == 0 {
			r.out = append(r.out, 0)
		}
		r.out[len(r.out)-1] |= byte(b>>i&1) << (r.nbits % 8)
		r.nbits++
	}
}

// The longest match, 15-bit length code + 5 extra bits + 15-bit distance
// code + 13 extra bits, is written right whatever bits are pending before
// it, 16 among them (64 bits in all).
func TestWriteTokensLongestMatch(t *testing.T) {
	for pending := uint(0); pending < 48; pending++ {
		e := NewEncoder()
		for s := range e.litCode {
			e.litCode[s] = newHcode(uint16(0x5555^s), 15)
		}
		for s := range e.offCode {
			e.offCode[s] = newHcode(uint16(0x2aaa^s), 15)
		}
		block := bytes.Repeat([]byte{'x'}, 1+257+257+2+227+2)
		e.addMatch(1, 257, 32768) // length symbol 284, distance symbol 29
		e.addMatch(0, 257, 32768)
		e.addMatch(2, 227, 24577)

		var want refBits
		want.write(1<<pending-1, pending)
		lit := func(b byte) { want.write(uint64(e.litCode[b].code()), 15) }
		match := func(length, dist int) {
			want.write(uint64(e.litCode[284].code()), 15)
			want.write(uint64(length-227), 5)
			want.write(uint64(e.offCode[29].code()), 15)
			want.write(uint64(dist-24577), 13)
		}
		lit('x')
		match(257, 32768)
		match(257, 32768)
		lit('x')
		lit('x')
		match(227, 24577)
		lit('x')
		lit('x')
		want.write(uint64(e.litCode[endBlockMarker].code()), 15)

		e.bw.reset(nil)
		e.bw.writeBits(1<<pending-1, pending)
		e.writeTokens(block)
		e.bw.align()
		if !bytes.Equal(e.bw.out, want.out) {
			t.Errorf("%d bits pending: writeTokens wrote\n% x, want\n% x", pending, e.bw.out, want.out)
		}
	}
}
