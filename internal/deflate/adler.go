package deflate

import "encoding/binary"

const (
	adlerMod = 65521
	// adlerMax is the most bytes summed before the sums must be reduced
	// (zlib's NMAX, a multiple of 8) for them to stay below 2^32.
	adlerMax = 5552
)

// Adler32 returns the Adler-32 checksum of b (RFC 1950), as
// hash/adler32.Checksum does, eight bytes at a time.
func Adler32(b []byte) uint32 {
	s1, s2 := uint32(1), uint32(0)
	for len(b) > 0 {
		p := b[:min(len(b), adlerMax)]
		b = b[len(p):]
		i := 0
		for ; i+8 <= len(p); i += 8 {
			s2 += 8 * s1
			sum, weighted := sum8(binary.LittleEndian.Uint64(p[i:]))
			s1 += sum
			s2 += weighted
		}
		for _, c := range p[i:] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
	}
	return s2<<16 | s1
}

// sum8 returns, for the eight bytes of x (the first in the low bits), their
// sum and their sum weighted 8, 7, …, 1: what adding them to s1 one at a
// time adds to s2. The bytes are spread over 16-bit lanes, even and odd,
// and a multiplication gathers each lane times its weight in the top lane
// (no lane's sum passes 16 bits, so none carries into the next).
func sum8(x uint64) (sum, weighted uint32) {
	const lanes = 0x00ff00ff00ff00ff
	even := x & lanes       // bytes 0, 2, 4, 6
	odd := (x >> 8) & lanes // bytes 1, 3, 5, 7
	sum = uint32(((even + odd) * 0x0001000100010001) >> 48)
	weighted = uint32((even*0x0008000600040002)>>48 + (odd*0x0007000500030001)>>48)
	return sum, weighted
}
