package deflate

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// sameCodes fails unless generate gives each symbol of freq the length
// and the bits compress/flate's huffmanEncoder.generate gives it.
func sameCodes(t testing.TB, h *huffman, std *stdHuffmanEncoder, freq []int32, maxBits int32) {
	t.Helper()
	var codes [numLit]hcode
	h.generate(freq, maxBits, codes[:])
	std.generate(freq, maxBits)
	for s, f := range freq {
		want := std.codes[s]
		got := codes[s]
		// compress/flate leaves the bits of an unused symbol as they were.
		if got.len() != uint(want.len) || f != 0 && got.code() != want.code {
			t.Fatalf("maxBits %d, freq %v: symbol %d gets %d bits %b, compress/flate %d bits %b",
				maxBits, freq, s, got.len(), got.code(), want.len, want.code)
		}
	}
}

// maxFreq is the most a symbol is counted in a block: every byte of it,
// and the end of the block.
const maxFreq = maxBlock + 1

var fibs = func() []int32 {
	f := []int32{1, 1}
	for f[len(f)-1] < 1<<14 {
		f = append(f, f[len(f)-1]+f[len(f)-2])
	}
	return f
}()

// randomFreqs returns a list of frequencies made to be hard for a
// Huffman builder: ties between leaves and between leaves and the pairs
// made from them, trees as deep as the limit or just deeper, unused
// symbols between used ones.
func randomFreqs(rng *rand.Rand) ([]int32, int32) {
	var n int
	maxBits := int32(15)
	switch rng.IntN(4) {
	case 0:
		n, maxBits = numCodegen, 7
	case 1:
		n = numOff
	case 2:
		n = numLit
	default:
		n = 1 + rng.IntN(numLit)
	}
	freq := make([]int32, n)
	used := rng.Float64()
	kind := rng.IntN(9)
	k := 1 + rng.IntN(4)
	vals := []int32{1 + rng.Int32N(9), 1 + rng.Int32N(9), 1 + rng.Int32N(99)}
	start := rng.IntN(len(fibs) - 1)
	scale := 1 + rng.Int32N(3)
	next := 0
	for i := range freq {
		if rng.Float64() > used {
			continue
		}
		var f int32
		switch kind {
		case 0: // few small values: ties everywhere
			f = 1 + rng.Int32N(int32(k))
		case 1:
			f = 1 + rng.Int32N(65535)
		case 2: // powers of two: pairs tie with leaves
			f = 1 << rng.IntN(k*4)
		case 3: // Fibonacci numbers: the deepest trees
			f = fibs[start+rng.IntN(min(20, len(fibs)-start))] * scale
		case 4: // Fibonacci in order, nudged: depths around the limit
			f = fibs[(start+next)%len(fibs)]*scale + rng.Int32N(2)
			next++
		case 5: // two or three values only
			f = vals[rng.IntN(len(vals))]
		case 6: // skewed
			f = 1 + rng.Int32N(1000)*rng.Int32N(1000)/(1+rng.Int32N(900))
		case 7: // geometric
			f = 1
			for f < 1<<16 && rng.IntN(k+1) != 0 {
				f *= 2
			}
			f += rng.Int32N(2)
		default: // all alike
			f = vals[0]
		}
		freq[i] = min(f, maxFreq)
	}
	if kind == 8 || rng.IntN(3) == 0 {
		// Sums of other weights, so that pairs tie with leaves.
		for range rng.IntN(n) {
			i, j, d := rng.IntN(n), rng.IntN(n), rng.IntN(n)
			if freq[i] != 0 && freq[j] != 0 {
				freq[d] = min(freq[i]+freq[j], maxFreq)
			}
		}
	}
	return freq, maxBits
}

// generate gives every symbol the code compress/flate gives it, on lists
// of frequencies made to find where two optimal codes differ. Set
// VANBAN_HUFFMAN_LISTS for a longer run.
func TestGenerateAsCompressFlate(t *testing.T) {
	lists := 50000
	if s := os.Getenv("VANBAN_HUFFMAN_LISTS"); s != "" {
		lists, _ = strconv.Atoi(s)
	}
	h := &huffman{}
	std := newStdHuffmanEncoder(numLit)
	rng := rand.New(rand.NewPCG(7, 8))
	for range lists {
		freq, maxBits := randomFreqs(rng)
		sameCodes(t, h, std, freq, maxBits)
	}
	// Exact Fibonacci chains of every length: depth n-1 unconstrained,
	// so the limit binds by 0, 1, 2… bits.
	for n := 1; n <= 30; n++ {
		sameCodes(t, h, std, fibs[:n], 15)
		if n <= numCodegen {
			sameCodes(t, h, std, fibs[:n], 7)
		}
	}
}

// FuzzGenerate compares generate with compress/flate's on frequencies
// read from the input, two bytes each; the first byte picks the limit.
func FuzzGenerate(f *testing.F) {
	f.Add([]byte{0, 1, 0, 1, 0, 2, 0, 3, 0, 5, 0, 8, 0, 13, 0})
	f.Add([]byte{1, 0, 1, 0, 1, 0, 1, 0, 2, 0, 2, 0, 4})
	h := &huffman{}
	std := newStdHuffmanEncoder(numLit)
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		maxBits := int32(15)
		if b[0]&1 == 1 {
			maxBits = 7
		}
		freq := make([]int32, min((len(b)-1)/2, numLit))
		if maxBits == 7 {
			freq = freq[:min(len(freq), numCodegen)]
		}
		for i := range freq {
			freq[i] = int32(b[1+2*i]) | int32(b[2+2*i])<<8
		}
		sameCodes(t, h, std, freq, maxBits)
	})
}
