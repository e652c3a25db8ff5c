// Copyright 2016 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file (licenses/go.txt).
//
// Adapted for vanban from Go 1.26's compress/flate/deflatefast.go.

package deflate

import (
	"encoding/binary"
	"math/bits"
)

const (
	tableBits  = 14 // the hash's size: a smaller table would find other matches
	tableSize  = 1 << tableBits
	tableMask  = tableSize - 1
	tableShift = 32 - tableBits

	// The last bytes of a block are never the start of a match (a margin
	// Snappy's encoder, which deflatefast.go follows, kept).
	inputMargin = 16 - 1

	maxMatch = 258
)

// A match is a back-reference and the count of literal bytes before it.
// Its symbols are worked out once, when it is found.
type match struct {
	lits  uint16 // literal bytes between the previous match and this one
	xdist uint16 // distance - 1
	xlen  uint8  // length - 3
	lcode uint8  // length symbol - 257
	dcode uint8  // distance symbol
}

// load32 and load64 slice b to the bytes they read, which costs one
// bounds check, where b[i:] costs two and a mask.
func load32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[i : i+4 : i+4]) }
func load64(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i : i+8 : i+8]) }

func hash(u uint32) uint32 { return (u * 0x1e35a7bd) >> tableShift }

// encode finds the matches of src[start:end] exactly as compress/flate's
// deflateFast.encode does for that block, and counts the block's symbols
// in litFreq and offFreq.
//
// deflateFast keeps a copy of the previous block and the four bytes of
// each table entry; here the previous blocks are src[:start], where every
// entry's bytes still are. That is the same as long as every block but
// the last is full (no sync flush): a match reaches back 32 kB at most,
// always inside the previous block, and extends forward only inside this
// one.
func (e *Encoder) encode(src []byte, start, end int) {
	clear(e.litFreq[:])
	clear(e.offFreq[:])
	e.matches, e.nlits = e.matches[:0], 0
	src = src[:end]
	table := &e.table
	base := e.base
	sLimit := end - inputMargin
	nextEmit := start
	s := start
	cv := load32(src, s)
	nextHash := hash(cv)

	for {
		// Look for a 4-byte match, looking at every byte for 32 bytes,
		// then at every second one, and so on (Snappy's skipping).
		skip := 32
		nextS := s
		var cand int
		for {
			s = nextS
			step := skip >> 5
			nextS = s + step
			skip += step
			if nextS > sLimit {
				goto emitRemainder
			}
			c := table[nextHash&tableMask]
			now := load32(src, nextS)
			table[nextHash&tableMask] = int32(s) + base
			nextHash = hash(now)
			cand = int(c - base)
			if s-cand <= maxDist && load32(src, cand) == cv {
				break
			}
			cv = now
		}
		e.literals(src[nextEmit:s])
		lits := s - nextEmit

		// Emit the match, then try the next byte as deflatefast.go does.
		for {
			s += 4
			t := cand + 4
			l := matchLen(src, s, t, min(s+maxMatch-4, end))
			e.addMatch(lits, l+4, s-t)
			lits = 0
			s += l
			nextEmit = s
			if s >= sLimit {
				goto emitRemainder
			}
			// Enter s-1 and s in the table; if s does not match, go on
			// at s+1.
			x := load64(src, s-1)
			table[hash(uint32(x))&tableMask] = int32(s-1) + base
			x >>= 8
			h := hash(uint32(x)) & tableMask
			c := table[h]
			table[h] = int32(s) + base
			cand = int(c - base)
			if s-cand > maxDist || uint32(x) != load32(src, cand) {
				cv = uint32(x >> 8)
				nextHash = hash(cv)
				s++
				break
			}
		}
	}

emitRemainder:
	e.literals(src[nextEmit:end])
}

// literals counts literal bytes.
func (e *Encoder) literals(lit []byte) {
	freq := &e.litFreq
	for _, b := range lit {
		freq[b]++
	}
	e.nlits += len(lit)
}

// addMatch keeps a match of the given length and distance after lits
// literal bytes, and counts its symbols.
func (e *Encoder) addMatch(lits, length, dist int) {
	xlen, xdist := uint8(length-3), uint16(dist-1)
	m := match{lits: uint16(lits), xdist: xdist, xlen: xlen,
		lcode: lengthCodes[xlen], dcode: distCode(xdist)}
	e.litFreq[lengthCodesStart+int(m.lcode)]++
	e.offFreq[m.dcode]++
	e.matches = append(e.matches, m)
}

// matchLen returns how many bytes from s, up to limit, equal those from t
// (t < s), comparing eight at a time.
func matchLen(src []byte, s, t, limit int) int {
	n := 0
	for ; s+n+8 <= limit; n += 8 {
		if x := load64(src, s+n) ^ load64(src, t+n); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
	}
	for ; s+n < limit && src[s+n] == src[t+n]; n++ {
	}
	return n
}
