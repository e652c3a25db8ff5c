package deflate

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// deepBlock returns about 54 kB whose matches the match finder finds as
// planned, so that both codes are as deep as they get: distance symbols
// 3 to 19 and length symbols 258 to 274 in Fibonacci counts (1597 down
// to 1), and far long copies (distance symbols 26-29, lengths 131-257),
// whose codes then have 15 bits, their extra bits 13 and 5. Matches of
// distance 4 to 32 repeat fresh random bytes at that period; longer ones
// copy from the start of such a repeat, each start once (the match finder
// keeps one position for each four bytes: the latest it looked at).
func deepBlock(rng *rand.Rand, far int) []byte {
	var dists, lens []int
	for j, n := range []int{1597, 987, 610, 377, 233, 144, 89, 55, 34, 21, 13, 8, 5, 3, 2, 1, 1} {
		var ls []int
		for l := 4; l <= maxMatch; l++ {
			if int(lengthCodes[l-3]) == 1+j {
				ls = append(ls, l)
			}
		}
		for range n {
			dists = append(dists, 3+j)
			lens = append(lens, ls[rng.IntN(len(ls))])
		}
	}
	rng.Shuffle(len(dists), func(i, j int) { dists[i], dists[j] = dists[j], dists[i] })
	rng.Shuffle(len(lens), func(i, j int) { lens[i], lens[j] = lens[j], lens[i] })
	var b []byte
	var starts []int // where repeats start
	copied := map[int]bool{}
	fresh := func(n int) {
		for range n {
			b = append(b, byte(rng.Uint32()))
		}
	}
	repeat := func(p, n int) {
		starts = append(starts, len(b))
		fresh(p)
		for range n {
			b = append(b, b[len(b)-p])
		}
	}
	copyFrom := func(code, n int) bool {
		lo := int(offsetBase[code]) + 1
		hi := min(maxDist, lo-1+1<<offsetExtraBits[code])
		fresh(1 + rng.IntN(2))
		for i := sort.SearchInts(starts, len(b)-hi); i < len(starts) && len(b)-starts[i] >= lo; i++ {
			if !copied[starts[i]] {
				copied[starts[i]] = true
				d := len(b) - starts[i]
				for range n {
					b = append(b, b[len(b)-d])
				}
				return true
			}
		}
		return false
	}
	farAt := map[int]bool{}
	for range far {
		farAt[len(dists)/2+rng.IntN(len(dists)/2)] = true
	}
	for i, code := range dists {
		if code <= 9 || !copyFrom(code, lens[i]) {
			if code > 9 {
				code = 3 // nothing to copy at that distance
			}
			lo, hi := int(offsetBase[code])+1, int(offsetBase[code+1])
			repeat(lo+rng.IntN(hi-lo+1), lens[i])
		}
		if farAt[i] {
			copyFrom(26+rng.IntN(4), 131+rng.IntN(127))
		}
	}
	fresh(3)
	return b
}

// Blocks whose codes are as long as the limits allow, and whose longest
// matches take 48 bits: testdata/fuzz/FuzzSameBytes/longest-match-64-bits
// is one of them (seed 1832) where such a match met 16 bits pending.
func TestDeepCodesSameBytes(t *testing.T) {
	enc := NewEncoder()
	if b := deepBlock(rand.New(rand.NewPCG(1832, 9)), 1); !bytes.Equal(corpus(t, "longest-match-64-bits"), b) {
		t.Log("seed 1832 no longer makes the input kept in testdata")
	}
	for seed := range uint64(100) {
		b := deepBlock(rand.New(rand.NewPCG(seed, 9)), 1)
		sameZlib(t, enc, "deep block", b)
	}
}

// corpus returns a file of FuzzSameBytes's corpus, unquoted.
func corpus(t *testing.T, name string) []byte {
	text, err := os.ReadFile(filepath.Join("testdata/fuzz/FuzzSameBytes", name))
	if err != nil {
		t.Fatal(err)
	}
	_, q, _ := strings.Cut(string(text), "[]byte(")
	q, _, _ = strings.Cut(q, ")\n")
	b, err := strconv.Unquote(q)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}
