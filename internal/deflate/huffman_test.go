package deflate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sameCounts fails if huffmanCounts fits the weights in maxBits and gives
// other counts than bitCounts, compress/flate's package-merge; it reports
// whether huffmanCounts fitted.
func sameCounts(t *testing.T, h *huffman, weights []int32, maxBits int32) bool {
	if 1<<maxBits < len(weights) {
		return false // no code fits; compress/flate never asks for one
	}
	keys := make([]uint32, len(weights))
	for i, f := range weights {
		keys[i] = uint32(f)<<symBits | uint32(i)
	}
	got, ok := h.huffmanCounts(keys, maxBits)
	if !ok {
		return false
	}
	got = slices.Clone(got)
	want := h.bitCounts(keys, maxBits)
	if !slices.Equal(got[1:], want[1:]) {
		t.Fatalf("weights %v, maxBits %d: package-merge %v, Huffman %v", weights, maxBits, want[1:], got[1:])
	}
	return true
}

// huffmanCounts, where its code fits, gives bitCounts' counts: on every
// sorted list of small weights (ties everywhere, every limit from 2 bits
// on, so that the limit binds or just does not) and on large random ones.
func TestHuffmanCountsAsPackageMerge(t *testing.T) {
	h := &huffman{}
	compared := 0
	var every func(weights []int32, n int, top int32)
	every = func(weights []int32, n int, top int32) {
		if len(weights) == n {
			for maxBits := int32(2); maxBits <= 15; maxBits++ {
				if sameCounts(t, h, weights, maxBits) {
					compared++
				}
			}
			return
		}
		from := int32(1)
		if len(weights) > 0 {
			from = weights[len(weights)-1]
		}
		for f := from; f <= top; f++ {
			every(append(weights, f), n, top)
		}
	}
	for n := 3; n <= 8; n++ {
		every(nil, n, 10)
	}
	for n := 9; n <= 11; n++ {
		every(nil, n, 5)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		weights := make([]int32, 3+rng.IntN(numLit-3))
		kind := rng.IntN(4)
		for i := range weights {
			switch kind {
			case 0: // many ties
				weights[i] = 1 + rng.Int32N(4)
			case 1:
				weights[i] = 1 + rng.Int32N(65535)
			case 2: // powers of two: deep trees
				weights[i] = 1 << rng.IntN(16)
			default: // skewed
				weights[i] = 1 + rng.Int32N(1000)*rng.Int32N(1000)/(1+rng.Int32N(900))
			}
		}
		slices.Sort(weights)
		for _, maxBits := range []int32{7, 15} {
			if sameCounts(t, h, weights, maxBits) {
				compared++
			}
		}
	}
	if compared < 100000 {
		t.Errorf("only %d lists compared", compared)
	}
}
