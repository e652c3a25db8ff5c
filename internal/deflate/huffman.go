// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file (licenses/go.txt).
//
// Adapted for vanban from Go 1.26's compress/flate/huffman_code.go.

package deflate

import (
	"math"
	"math/bits"
	"slices"
)

// An hcode is a Huffman code: its bits (reversed, to be written least
// significant first) in the low 16 bits, its length above.
type hcode uint32

func newHcode(code, length uint16) hcode { return hcode(code) | hcode(length)<<16 }

func (c hcode) code() uint16 { return uint16(c) }
func (c hcode) len() uint    { return uint(c >> 16) }

// huffman is the scratch space for building codes.
type huffman struct {
	// keys are the used symbols, each as its frequency << 9 | symbol:
	// sorted, they are in compress/flate's order (by frequency, then
	// symbol), and being unique any sort gives that order. A frequency
	// must stay below 2^23 to fit: a block counts a symbol at most
	// 65,536 times.
	keys     [numLit]uint32
	freqs    [numLit + 1]int32 // the sorted frequencies, then a sentinel
	bitCount [maxBitsLimit]int32
	// huffmanCounts' tree: leaves and pairs' weights, parents and depths.
	weight [2 * numLit]int32
	parent [2 * numLit]int32
	depth  [2 * numLit]int32
}

const symBits = 9 // a symbol's bits in a key

// generate makes the length-limited Huffman code compress/flate's
// huffmanEncoder.generate makes for freq: the same lengths for the same
// symbols, assigned in the same canonical order.
func (h *huffman) generate(freq []int32, maxBits int32, codes []hcode) {
	codes = codes[:len(freq)]
	keys := h.keys[:0]
	for i, f := range freq {
		codes[i] = 0
		if f != 0 {
			keys = append(keys, uint32(f)<<symBits|uint32(i))
		}
	}
	if len(keys) <= 2 {
		// One bit for each, in symbol order.
		for i, k := range keys {
			codes[k&(1<<symBits-1)] = newHcode(uint16(i), 1)
		}
		return
	}
	slices.Sort(keys)
	bitCount, ok := h.huffmanCounts(keys, maxBits)
	if !ok {
		bitCount = h.bitCounts(keys, maxBits)
	}
	assignCodes(keys, bitCount, codes)
}

// huffmanCounts returns how many symbols get each code length in a
// Huffman code built without a length limit, in linear time, or false if
// its longest code is longer than maxBits. Where it fits, it is what
// bitCounts' package-merge finds, taking a pair before a leaf of the same
// weight as bitCounts does: TestHuffmanCountsAsPackageMerge compares the
// two on every sorted list of weights up to 10 of 8 symbols (5 of 11),
// TestGenerateAsCompressFlate the codes with compress/flate's own on lists
// made of ties, and FuzzGenerate on any. It is six times cheaper, and the
// limit seldom binds.
func (h *huffman) huffmanCounts(keys []uint32, maxBits int32) ([]int32, bool) {
	n := len(keys)
	nodes := 2*n - 1 // the leaves, then the pairs in the order they are made
	w := h.weight[:nodes]
	parent := h.parent[:nodes]
	for i, k := range keys {
		w[i] = int32(k >> symBits)
	}
	leaf, pair := 0, n // the next of each not yet taken
	for made := n; made < nodes; made++ {
		var two [2]int
		for j := range two {
			if leaf < n && (pair == made || w[leaf] < w[pair]) {
				two[j] = leaf
				leaf++
			} else {
				two[j] = pair
				pair++
			}
		}
		w[made] = w[two[0]] + w[two[1]]
		parent[two[0]], parent[two[1]] = int32(made), int32(made)
	}
	// Depths from the root down: a node's parent comes after it.
	depth := h.depth[:nodes]
	depth[nodes-1] = 0
	bitCount := h.bitCount[:]
	clear(bitCount)
	for i := nodes - 2; i >= 0; i-- {
		d := depth[parent[i]] + 1
		depth[i] = d
		if i < n {
			if d > maxBits {
				return nil, false
			}
			bitCount[d]++
		}
	}
	return bitCount[:min(maxBits, int32(n-1))+1], true
}

// assignCodes gives the most frequent symbols the shortest codes, as many
// of each length as bitCount says, then numbers the codes of each length
// in symbol order (RFC 1951 3.2.2), as compress/flate's
// assignEncodingAndSize does by sorting each length's symbols.
func assignCodes(keys []uint32, bitCount []int32, codes []hcode) {
	var next [maxBitsLimit]uint16
	code := uint16(0)
	i := len(keys)
	for n := 1; n < len(bitCount); n++ {
		code <<= 1
		next[n] = code
		code += uint16(bitCount[n])
		for range bitCount[n] {
			i--
			codes[keys[i]&(1<<symBits-1)] = hcode(n) << 16
		}
	}
	for s, c := range codes {
		if n := c.len(); n != 0 {
			codes[s] = newHcode(bits.Reverse16(next[n]<<(16-n)), uint16(n))
			next[n]++
		}
	}
}

const maxBitsLimit = 16

type levelInfo struct {
	level        int32
	lastFreq     int32 // the frequency of the last node at this level
	nextCharFreq int32 // the frequency of the next leaf to add to this level
	nextPairFreq int32 // the frequency of the next pair from the level below
	needed       int32 // chains still to make at this level
}

// bitCounts returns how many symbols get each code length (at most
// maxBits), for keys sorted by frequency: compress/flate's bitCounts, a
// boundary package-merge, unchanged.
func (h *huffman) bitCounts(keys []uint32, maxBits int32) []int32 {
	n := int32(len(keys))
	list := h.freqs[:n+1]
	for i, k := range keys {
		list[i] = int32(k >> symBits)
	}
	list[n] = math.MaxInt32

	// The tree can't have greater depth than n - 1, no matter what.
	if maxBits > n-1 {
		maxBits = n - 1
	}

	// A bogus "level 0" whose sole purpose is so that
	// level1.prev.needed==0.
	var levels [maxBitsLimit]levelInfo
	// leafCounts[i][j] is the number of literals at the left of the
	// level j ancestor of the rightmost node at level i.
	var leafCounts [maxBitsLimit][maxBitsLimit]int32

	for level := int32(1); level <= maxBits; level++ {
		levels[level] = levelInfo{
			level:        level,
			lastFreq:     list[1],
			nextCharFreq: list[2],
			nextPairFreq: list[0] + list[1],
		}
		leafCounts[level][level] = 2
		if level == 1 {
			levels[level].nextPairFreq = math.MaxInt32
		}
	}

	// 2n-2 items are needed at the top level, 2 of them made above.
	levels[maxBits].needed = 2*n - 4

	level := maxBits
	for {
		l := &levels[level]
		if l.nextPairFreq == math.MaxInt32 && l.nextCharFreq == math.MaxInt32 {
			// No leaves and no pairs left: never come back to this level
			// or a lower one.
			l.needed = 0
			levels[level+1].nextPairFreq = math.MaxInt32
			level++
			continue
		}

		prevFreq := l.lastFreq
		if l.nextCharFreq < l.nextPairFreq {
			// The next item on this row is a leaf.
			n := leafCounts[level][level] + 1
			l.lastFreq = l.nextCharFreq
			leafCounts[level][level] = n
			l.nextCharFreq = list[n]
		} else {
			// The next item is a pair from the row below.
			l.lastFreq = l.nextPairFreq
			// Copied whole, in a few moves rather than a call to memmove:
			// the entries from level on are not read again but the one
			// at level, kept.
			own := leafCounts[level][level]
			leafCounts[level] = leafCounts[level-1]
			leafCounts[level][level] = own
			levels[l.level-1].needed = 2
		}

		if l.needed--; l.needed == 0 {
			// This level is done; the one above gets the pair just made.
			if l.level == maxBits {
				break
			}
			levels[l.level+1].nextPairFreq = prevFreq + l.lastFreq
			level++
		} else {
			// Replenish the levels below that were taken from.
			for levels[level-1].needed > 0 {
				level--
			}
		}
	}

	if leafCounts[maxBits][maxBits] != n {
		panic("deflate: leafCounts[maxBits][maxBits] != n")
	}

	bitCount := h.bitCount[:maxBits+1]
	bits := 1
	counts := &leafCounts[maxBits]
	for level := maxBits; level > 0; level-- {
		// counts[level] - counts[level-1] symbols need at least bits bits.
		bitCount[bits] = counts[level] - counts[level-1]
		bits++
	}
	return bitCount
}
