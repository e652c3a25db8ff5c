// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file (licenses/go.txt).
//
// Adapted for vanban from Go 1.26's compress/flate/huffman_bit_writer.go
// and token.go.

package deflate

import (
	"encoding/binary"
	"slices"
)

const (
	numLit           = 286 // literal and length symbols
	numOff           = 30  // distance symbols
	numCodegen       = 19  // code length symbols
	endBlockMarker   = 256
	lengthCodesStart = 257
	badCode          = 255
)

// The extra bits of each length symbol (from 257) and their base.
var lengthExtraBits = [32]uint8{
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
}

var lengthBase = [32]uint8{
	0, 1, 2, 3, 4, 5, 6, 7, 8, 10,
	12, 14, 16, 20, 24, 28, 32, 40, 48, 56,
	64, 80, 96, 112, 128, 160, 192, 224, 255,
}

// The extra bits of each distance symbol and their base.
var offsetExtraBits = [32]uint8{
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3,
	4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
	9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
}

var offsetBase = [32]uint16{
	0x0000, 0x0001, 0x0002, 0x0003, 0x0004,
	0x0006, 0x0008, 0x000c, 0x0010, 0x0018,
	0x0020, 0x0030, 0x0040, 0x0060, 0x0080,
	0x00c0, 0x0100, 0x0180, 0x0200, 0x0300,
	0x0400, 0x0600, 0x0800, 0x0c00, 0x1000,
	0x1800, 0x2000, 0x3000, 0x4000, 0x6000,
}

// The order in which the code lengths' code lengths are written.
var codegenOrder = [numCodegen]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// lengthCodes[length-3] is the length's symbol - 257.
var lengthCodes = [256]uint8{
	0, 1, 2, 3, 4, 5, 6, 7, 8, 8,
	9, 9, 10, 10, 11, 11, 12, 12, 12, 12,
	13, 13, 13, 13, 14, 14, 14, 14, 15, 15,
	15, 15, 16, 16, 16, 16, 16, 16, 16, 16,
	17, 17, 17, 17, 17, 17, 17, 17, 18, 18,
	18, 18, 18, 18, 18, 18, 19, 19, 19, 19,
	19, 19, 19, 19, 20, 20, 20, 20, 20, 20,
	20, 20, 20, 20, 20, 20, 20, 20, 20, 20,
	21, 21, 21, 21, 21, 21, 21, 21, 21, 21,
	21, 21, 21, 21, 21, 21, 22, 22, 22, 22,
	22, 22, 22, 22, 22, 22, 22, 22, 22, 22,
	22, 22, 23, 23, 23, 23, 23, 23, 23, 23,
	23, 23, 23, 23, 23, 23, 23, 23, 24, 24,
	24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
	24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
	24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
	25, 25, 25, 25, 25, 25, 25, 25, 25, 25,
	25, 25, 25, 25, 25, 25, 25, 25, 25, 25,
	25, 25, 25, 25, 25, 25, 25, 25, 25, 25,
	25, 25, 26, 26, 26, 26, 26, 26, 26, 26,
	26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
	26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
	26, 26, 26, 26, 27, 27, 27, 27, 27, 27,
	27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
	27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
	27, 27, 27, 27, 27, 28,
}

// offsetCodes[d] is the symbol of distance d+1 for d < 256.
var offsetCodes = [256]uint8{
	0, 1, 2, 3, 4, 4, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7,
	8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9,
	10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
	11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11,
	12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
	12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
	13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
	13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
	15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
}

// distCode returns the symbol of distance xdist+1 (at most 32768).
func distCode(xdist uint16) uint8 {
	if xdist < 256 {
		return offsetCodes[xdist]
	}
	return offsetCodes[uint8(xdist>>7)] + 14
}

// A bitWriter appends bits to out, least significant first.
type bitWriter struct {
	out   []byte
	bits  uint64
	nbits uint
}

func (w *bitWriter) reset(out []byte) { w.out, w.bits, w.nbits = out, 0, 0 }

// writeBits writes the low nb bits of b; nb + w.nbits must stay below 64.
func (w *bitWriter) writeBits(b uint64, nb uint) {
	w.bits |= b << (w.nbits & 63)
	w.nbits += nb
	if w.nbits >= 48 {
		w.bits, w.nbits = w.spill(w.bits, w.nbits)
	}
}

// spill appends the whole bytes of bits (nbits long) to out and returns
// the bits left, at most 7. (Shift counts are masked with 63 throughout:
// Go then need not check them for 64 and more.)
func (w *bitWriter) spill(bits uint64, nbits uint) (uint64, uint) {
	n := len(w.out)
	w.out = binary.LittleEndian.AppendUint64(w.out, bits)[:n+int(nbits>>3)]
	return bits >> (nbits &^ 7 & 63), nbits & 7
}

// align writes the bits left, padded to a whole byte.
func (w *bitWriter) align() {
	for w.nbits > 0 {
		w.out = append(w.out, byte(w.bits))
		w.bits >>= 8
		w.nbits -= min(w.nbits, 8)
	}
}

// storedHeader starts a stored block of n bytes (or, with final, the
// empty block that ends a stream).
func (w *bitWriter) storedHeader(n int, final bool) {
	flag := uint64(0)
	if final {
		flag = 1
	}
	w.writeBits(flag, 3)
	w.align()
	w.out = binary.LittleEndian.AppendUint16(w.out, uint16(n))
	w.out = binary.LittleEndian.AppendUint16(w.out, ^uint16(n))
}

func (w *bitWriter) storedBlock(b []byte) {
	w.storedHeader(len(b), false)
	w.out = append(w.out, b...)
}

// grow makes room for n more bytes, so that spill does not reallocate.
func (w *bitWriter) grow(n int) { w.out = slices.Grow(w.out, n+16) }

// storedBits is the size of block stored, in bits.
func storedBits(block []byte) int { return (len(block) + 5) * 8 }

// huffBlock writes a block as literals only, with codes made for them
// (compress/flate's writeBlockHuff), or stored if that is not shorter
// by a sixteenth.
func (e *Encoder) huffBlock(block []byte) {
	clear(e.litFreq[:])
	freq := &e.litFreq
	for _, b := range block {
		freq[b]++
	}
	freq[endBlockMarker] = 1
	e.huff.generate(e.litFreq[:], 15, e.litCode[:])
	// A single distance code of one bit, as compress/flate's huffOffset.
	clear(e.offCode[:])
	e.offCode[0] = newHcode(0, 1)
	const numLiterals, numOffsets = endBlockMarker + 1, 1
	e.generateCodegen(numLiterals, numOffsets)
	size, numCodegens := e.dynamicSize(1)
	if storedBits(block) < size+size>>4 {
		e.bw.storedBlock(block)
		return
	}
	e.bw.grow(size/8 + 8)
	e.writeDynamicHeader(numLiterals, numOffsets, numCodegens)
	e.writeLiterals(block)
	e.bw.writeCode(e.litCode[endBlockMarker])
}

// dynamicBlock writes the matches encode found and the literals between
// them with codes made for the block (compress/flate's
// writeBlockDynamic), or the block stored if that is not shorter by a
// sixteenth.
func (e *Encoder) dynamicBlock(block []byte) {
	e.litFreq[endBlockMarker] = 1
	numLiterals := numLit
	for e.litFreq[numLiterals-1] == 0 {
		numLiterals--
	}
	numOffsets := numOff
	for numOffsets > 0 && e.offFreq[numOffsets-1] == 0 {
		numOffsets--
	}
	if numOffsets == 0 {
		// No match: one distance code all the same, for the header.
		e.offFreq[0] = 1
		numOffsets = 1
	}
	e.huff.generate(e.litFreq[:], 15, e.litCode[:])
	e.huff.generate(e.offFreq[:], 15, e.offCode[:])
	e.generateCodegen(numLiterals, numOffsets)
	offBits := bitLength(e.offFreq[:], e.offCode[:])
	size, numCodegens := e.dynamicSize(offBits)
	if storedBits(block) < size+size>>4 {
		e.bw.storedBlock(block)
		return
	}
	// size leaves out the extra bits of lengths and distances, 18 at most
	// for a match.
	e.bw.grow((size+18*len(e.matches))/8 + 8)
	e.writeDynamicHeader(numLiterals, numOffsets, numCodegens)
	e.writeTokens(block)
}

// dynamicSize returns the size in bits of the block with the codes made
// for it, leaving out the extra bits (as compress/flate's dynamicSize),
// and how many code length codes its header gives.
func (e *Encoder) dynamicSize(offBits int) (size, numCodegens int) {
	e.huff.generate(e.cgFreq[:], 7, e.cgCode[:])
	numCodegens = numCodegen
	for numCodegens > 4 && e.cgFreq[codegenOrder[numCodegens-1]] == 0 {
		numCodegens--
	}
	header := 3 + 5 + 5 + 4 + 3*numCodegens +
		bitLength(e.cgFreq[:], e.cgCode[:]) +
		int(e.cgFreq[16])*2 + int(e.cgFreq[17])*3 + int(e.cgFreq[18])*7
	return header + bitLength(e.litFreq[:], e.litCode[:]) + offBits, numCodegens
}

func bitLength(freq []int32, codes []hcode) int {
	total := 0
	codes = codes[:len(freq)]
	for i, f := range freq {
		total += int(f) * int(codes[i].len())
	}
	return total
}

// generateCodegen run-length encodes the code lengths of the literal and
// distance codes (RFC 1951 3.2.7) into e.codegen, ending with badCode,
// and counts its symbols in e.cgFreq.
func (e *Encoder) generateCodegen(numLiterals, numOffsets int) {
	clear(e.cgFreq[:])
	codegen := e.codegen[:]
	for i := range numLiterals {
		codegen[i] = uint8(e.litCode[i].len())
	}
	for i := range numOffsets {
		codegen[numLiterals+i] = uint8(e.offCode[i].len())
	}
	codegen[numLiterals+numOffsets] = badCode

	size := codegen[0]
	count := 1
	outIndex := 0
	for inIndex := 1; size != badCode; inIndex++ {
		// count copies of size wait to be written.
		nextSize := codegen[inIndex]
		if nextSize == size {
			count++
			continue
		}
		if size != 0 {
			codegen[outIndex] = size
			outIndex++
			e.cgFreq[size]++
			count--
			for count >= 3 {
				n := min(count, 6)
				codegen[outIndex] = 16
				codegen[outIndex+1] = uint8(n - 3)
				outIndex += 2
				e.cgFreq[16]++
				count -= n
			}
		} else {
			for count >= 11 {
				n := min(count, 138)
				codegen[outIndex] = 18
				codegen[outIndex+1] = uint8(n - 11)
				outIndex += 2
				e.cgFreq[18]++
				count -= n
			}
			if count >= 3 {
				codegen[outIndex] = 17
				codegen[outIndex+1] = uint8(count - 3)
				outIndex += 2
				e.cgFreq[17]++
				count = 0
			}
		}
		for ; count > 0; count-- {
			codegen[outIndex] = size
			outIndex++
			e.cgFreq[size]++
		}
		size = nextSize
		count = 1
	}
	codegen[outIndex] = badCode
}

// writeDynamicHeader starts a block with dynamic codes (not the last).
func (e *Encoder) writeDynamicHeader(numLiterals, numOffsets, numCodegens int) {
	w := &e.bw
	w.writeBits(4, 3)
	w.writeBits(uint64(numLiterals-257), 5)
	w.writeBits(uint64(numOffsets-1), 5)
	w.writeBits(uint64(numCodegens-4), 4)
	for _, s := range codegenOrder[:numCodegens] {
		w.writeBits(uint64(e.cgCode[s].len()), 3)
	}
	for i := 0; e.codegen[i] != badCode; i++ {
		s := e.codegen[i]
		w.writeCode(e.cgCode[s])
		switch s {
		case 16:
			i++
			w.writeBits(uint64(e.codegen[i]), 2)
		case 17:
			i++
			w.writeBits(uint64(e.codegen[i]), 3)
		case 18:
			i++
			w.writeBits(uint64(e.codegen[i]), 7)
		}
	}
}

func (w *bitWriter) writeCode(c hcode) { w.writeBits(uint64(c.code()), c.len()) }

// writeLiterals writes the codes of a run of literal bytes.
func (e *Encoder) writeLiterals(lits []byte) {
	codes := &e.litCode
	w := &e.bw
	bits, nbits := w.bits, w.nbits
	for _, b := range lits {
		c := codes[b]
		bits |= uint64(c.code()) << (nbits & 63)
		nbits += c.len()
		if nbits >= 48 {
			bits, nbits = w.spill(bits, nbits)
		}
	}
	w.bits, w.nbits = bits, nbits
}

// writeTokens writes the block's literals and matches, then the end of
// the block. The bits are kept in locals, not in e.bw, for the loop.
func (e *Encoder) writeTokens(block []byte) {
	w := &e.bw
	lit, off := &e.litCode, &e.offCode
	bits, nbits := w.bits, w.nbits
	pos := 0
	for _, m := range e.matches {
		for _, b := range block[pos : pos+int(m.lits)] {
			c := lit[b]
			bits |= uint64(c.code()) << (nbits & 63)
			nbits += c.len()
			if nbits >= 48 {
				bits, nbits = w.spill(bits, nbits)
			}
		}
		pos += int(m.lits) + int(m.xlen) + 3
		// A match is 48 bits at most: bits must hold it and the bits
		// pending, fewer than 64 (spill cannot shift out 64 bits, and a
		// shift by nbits&63 would put the next bits on top of them).
		if nbits > 15 {
			bits, nbits = w.spill(bits, nbits)
		}
		lc := lit[lengthCodesStart+int(m.lcode)]
		lx := uint64(m.xlen - lengthBase[m.lcode&31])
		bits |= (uint64(lc.code()) | lx<<(lc.len()&63)) << (nbits & 63)
		nbits += lc.len() + uint(lengthExtraBits[m.lcode&31])
		dc := off[m.dcode]
		dx := uint64(m.xdist - offsetBase[m.dcode&31])
		bits |= (uint64(dc.code()) | dx<<(dc.len()&63)) << (nbits & 63)
		nbits += dc.len() + uint(offsetExtraBits[m.dcode&31])
		if nbits >= 48 {
			bits, nbits = w.spill(bits, nbits)
		}
	}
	w.bits, w.nbits = bits, nbits
	e.writeLiterals(block[pos:])
	w.writeCode(e.litCode[endBlockMarker])
}
