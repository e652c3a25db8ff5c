package deflate

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// stdZlib is what compress/zlib writes at BestSpeed after one Write.
func stdZlib(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// stdFlate is what compress/flate writes at BestSpeed after writing the
// chunks one by one.
func stdFlate(chunks ...[]byte) []byte {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	for _, c := range chunks {
		w.Write(c)
	}
	w.Close()
	return buf.Bytes()
}

// sameZlib fails unless enc writes the bytes compress/zlib writes for b,
// and those bytes decompress to b.
func sameZlib(t testing.TB, enc *Encoder, name string, b []byte) {
	t.Helper()
	want := stdZlib(b)
	got := enc.AppendZlib([]byte("prefix"), b)
	if !bytes.HasPrefix(got, []byte("prefix")) {
		t.Fatalf("%s: AppendZlib lost what dst held", name)
	}
	got = got[len("prefix"):]
	if !bytes.Equal(got, want) {
		t.Fatalf("%s (%d bytes): %d bytes differ from compress/zlib's %d (first difference at %d)",
			name, len(b), len(got), len(want), firstDiff(got, want))
	}
	r, err := zlib.NewReader(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	back, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(back, b) {
		t.Fatalf("%s: does not decompress to its input (%v)", name, err)
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// inputs are varied data: text, runs, noise, mixtures, sized around the
// limits compress/flate's choices depend on.
func inputs() map[string][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	// Few distinct bytes: matches short and far, literals skewed.
	skewed := func(n, k int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + rng.IntN(k))
		}
		return b
	}
	text := []byte(strings.Repeat("Tiếp tục nâng cao nhận thức, trách nhiệm của các cấp ủy Đảng về công tác bình đẳng giới. BT 0 0 Td (x) Tj ET\n", 3000))
	in := map[string][]byte{
		"empty":  {},
		"1 byte": {'x'},
		"zeros":  make([]byte, 300000),
		"run a":  bytes.Repeat([]byte("a"), 70000),
		"abab":   bytes.Repeat([]byte("ab"), 40000),
		"text":   text,
	}
	for _, n := range []int{2, 3, 4, 15, 16, 17, 18, 31, 32, 33, 127, 128, 129, 1000, 4096} {
		in[fmt.Sprint("random ", n)] = random(n)
		in[fmt.Sprint("text ", n)] = text[:n]
		in[fmt.Sprint("skewed ", n)] = skewed(n, 4)
	}
	// Around the block size: full blocks, then a last block of each kind
	// (none, stored, literals only, matched).
	for _, n := range []int{65534, 65535, 65536, 65535 + 16, 65535 + 17, 65535 + 127, 65535 + 128,
		2*65535 - 1, 2 * 65535, 2*65535 + 1, 3*65535 + 500, 200000} {
		in[fmt.Sprint("text ", n)] = text[:n]
		in[fmt.Sprint("random ", n)] = random(n)
		in[fmt.Sprint("skewed ", n)] = skewed(n, 16)
		mixed := append(random(n/3), text[:n-n/3]...)
		in[fmt.Sprint("mixed ", n)] = mixed
	}
	// Copies of every length from every distance, between literals: long
	// codes and many extra bits, so that the bit writer's 64 bits fill.
	copies := random(1000)
	for len(copies) < 300000 {
		n, d := 3+rng.IntN(300), 1+rng.IntN(min(len(copies), 40000))
		for range n {
			copies = append(copies, copies[len(copies)-d])
		}
		copies = append(copies, random(rng.IntN(4))...)
	}
	in["copies"] = copies
	for _, n := range []int{5000, 65535, 70000, 200000} {
		in[fmt.Sprint("copies ", n)] = copies[len(copies)-n:]
	}
	// Matches across a block boundary, at the farthest distance.
	far := random(65535 + 40000)
	copy(far[65535+100:], far[65535+100-32768:65535+100-32768+5000])
	in["far"] = far
	return in
}

func TestSameBytesAsZlib(t *testing.T) {
	enc := NewEncoder()
	for name, b := range inputs() {
		sameZlib(t, enc, name, b) // the same Encoder, stream after stream
		sameZlib(t, NewEncoder(), name, b)
	}
}

func TestAdler32(t *testing.T) {
	for name, b := range inputs() {
		if got, want := Adler32(b), adler32.Checksum(b); got != want {
			t.Errorf("%s: Adler32 %08x, hash/adler32 %08x", name, got, want)
		}
	}
	// The largest sums: bytes of 255 for a whole chunk and more.
	b := bytes.Repeat([]byte{255}, 3*adlerMax+13)
	if got, want := Adler32(b), adler32.Checksum(b); got != want {
		t.Errorf("255s: Adler32 %08x, hash/adler32 %08x", got, want)
	}
}

// The Writer gives the bytes of compress/flate's Writer whatever the
// sizes of the writes, and again after Reset.
func TestWriterSameBytes(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	rng := rand.New(rand.NewPCG(3, 4))
	for name, b := range inputs() {
		for _, split := range []string{"one", "odd", "random"} {
			var chunks [][]byte
			for rest := b; len(rest) > 0; {
				n := len(rest)
				switch split {
				case "odd":
					n = min(n, 1+len(chunks)%7*4099)
				case "random":
					n = min(n, rng.IntN(70000))
				}
				chunks = append(chunks, rest[:n])
				rest = rest[n:]
			}
			buf.Reset()
			w.Reset(&buf)
			for _, c := range chunks {
				if _, err := w.Write(c); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if want := stdFlate(chunks...); !bytes.Equal(buf.Bytes(), want) {
				t.Fatalf("%s written %s: differs from compress/flate at %d", name, split, firstDiff(buf.Bytes(), want))
			}
		}
	}
}

func TestWriterAfterClose(t *testing.T) {
	w := NewWriter(io.Discard)
	w.Close()
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("a write after Close succeeded")
	}
	if err := w.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

func TestWriterError(t *testing.T) {
	w := NewWriter(failWriter{})
	if _, err := w.Write(make([]byte, 200000)); err == nil {
		t.Error("a failed write was not reported")
	}
	if err := w.Close(); err == nil {
		t.Error("Close after a failed write succeeded")
	}
}

// An Encoder used for a great many streams moves its positions past
// maxBase and clears its table, with the same bytes before and after.
func TestEncoderRebase(t *testing.T) {
	enc := NewEncoder()
	text := inputs()["text 65534"]
	enc.base = maxBase - 50000
	for i := range 4 {
		sameZlib(t, enc, fmt.Sprint("stream ", i), text)
	}
	if enc.base > maxBase/2 {
		t.Errorf("base %d: not rebased", enc.base)
	}
}

// A Writer's window slides past maxBase in the middle of a stream: the
// table's positions are moved down, not lost.
func TestWriterSlideRebase(t *testing.T) {
	b := inputs()["mixed 200000"]
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.e.base = maxBase - 70000
	w.Write(b)
	w.Close()
	if want := stdFlate(b); !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("differs from compress/flate at %d", firstDiff(buf.Bytes(), want))
	}
}

// FuzzSameBytes compares every input, cut in two writes, with
// compress/zlib and compress/flate.
func FuzzSameBytes(f *testing.F) {
	f.Add([]byte{}, uint16(0))
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), uint16(7))
	f.Add(inputs()["text 1000"], uint16(500))
	f.Add(inputs()["skewed 4096"], uint16(33))
	f.Add(inputs()["random 129"], uint16(1))
	enc := NewEncoder()
	w := NewWriter(io.Discard)
	f.Fuzz(func(t *testing.T, b []byte, cut uint16) {
		// Repeated, the input reaches past a block's 65,535 bytes.
		if len(b) > 0 && cut%3 == 0 {
			b = bytes.Repeat(b, 1+70000/len(b))
		}
		sameZlib(t, enc, "input", b)
		k := int(cut) % (len(b) + 1)
		var buf bytes.Buffer
		w.Reset(&buf)
		w.Write(b[:k])
		w.Write(b[k:])
		w.Close()
		if want := stdFlate(b[:k], b[k:]); !bytes.Equal(buf.Bytes(), want) {
			t.Fatalf("Writer: differs from compress/flate at %d", firstDiff(buf.Bytes(), want))
		}
	})
}

// Inputs past maxBase go through a Writer (appendLarge, tried here on a
// small input): the same bytes, and the Encoder is ready for the next
// stream, none of whose matches may reach the large one's positions.
func TestAppendLargeThenAnother(t *testing.T) {
	in := inputs()
	enc := NewEncoder()
	for _, name := range []string{"text 200000", "copies 70000", "text 4096"} {
		b := in[name]
		if got, want := enc.appendLarge([]byte("prefix"), b), stdFlate(b); !bytes.Equal(got[len("prefix"):], want) {
			t.Fatalf("%s: appendLarge differs from compress/flate at %d", name, firstDiff(got[len("prefix"):], want))
		}
		sameZlib(t, enc, name+" after appendLarge", b)
	}
}

// Adler32 at every length around its chunks of adlerMax bytes and its
// steps of 8, with the largest bytes and random ones, from every
// alignment.
func TestAdler32Chunks(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	noise := make([]byte, 4*adlerMax+64)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	ff := bytes.Repeat([]byte{255}, len(noise))
	var lengths []int
	for n := range 80 {
		lengths = append(lengths, n)
	}
	for k := 1; k <= 4; k++ {
		for d := -17; d <= 17; d++ {
			lengths = append(lengths, k*adlerMax+d)
		}
	}
	for _, n := range lengths {
		for off := range 8 {
			for _, b := range [][]byte{ff[off : off+n], noise[off : off+n]} {
				if got, want := Adler32(b), adler32.Checksum(b); got != want {
					t.Fatalf("%d bytes from %d: Adler32 %08x, hash/adler32 %08x", n, off, got, want)
				}
			}
		}
	}
}

// Reset in the middle of a stream drops it: the next stream's bytes are
// compress/flate's for that stream alone, and none of its matches reach
// the bytes dropped.
func TestWriterResetMidStream(t *testing.T) {
	in := inputs()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, first := range []int{10, 40000, 65535, 100000} {
		for _, name := range []string{"text 200000", "copies 70000", "text 127"} {
			w.Write(in["text 200000"][:first]) // the same text: matches would be found
			buf.Reset()
			w.Reset(&buf)
			b := in[name]
			for len(b) > 0 { // writes of 1 to 5 bytes between blocks
				k := min(len(b), 1+len(b)%5)
				w.Write(b[:k])
				b = b[k:]
				if len(b) > 3000 {
					k = min(len(b), 65535)
					w.Write(b[:k])
					b = b[k:]
				}
			}
			w.Close()
			if want := stdFlate(in[name]); !bytes.Equal(buf.Bytes(), want) {
				t.Fatalf("%s after %d bytes dropped: differs from compress/flate at %d", name, first, firstDiff(buf.Bytes(), want))
			}
		}
	}
}

// mixed returns an input of n bytes made of pieces of every kind: runs,
// noise, skewed bytes, text, and copies of earlier bytes from any
// distance, some past 32 kB.
func mixed(rng *rand.Rand, n int) []byte {
	text := inputs()["text 4096"]
	b := make([]byte, 0, n)
	for len(b) < n {
		k := 1 + rng.IntN(1+rng.IntN(3000))
		switch rng.IntN(5) {
		case 0:
			c := byte(rng.Uint32())
			for range k {
				b = append(b, c)
			}
		case 1:
			for range k {
				b = append(b, byte(rng.Uint32()))
			}
		case 2:
			for range k {
				b = append(b, byte('a'+rng.IntN(3)))
			}
		case 3:
			i := rng.IntN(len(text))
			b = append(b, text[i:min(len(text), i+k)]...)
		default:
			if len(b) > 0 {
				d := 1 + rng.IntN(min(len(b), 40000))
				for range k {
					b = append(b, b[len(b)-d])
				}
			}
		}
	}
	return b[:n]
}

// Mixed inputs of sizes around one, two and three blocks, through one
// Encoder and one Writer with writes of random sizes. Set
// VANBAN_DEFLATE_MIXES for a longer run.
func TestMixedSameBytes(t *testing.T) {
	count := 40
	if s := os.Getenv("VANBAN_DEFLATE_MIXES"); s != "" {
		count, _ = strconv.Atoi(s)
	}
	rng := rand.New(rand.NewPCG(12, 13))
	enc := NewEncoder()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for range count {
		n := rng.IntN(3000)
		if rng.IntN(2) == 0 {
			n = (1+rng.IntN(3))*maxBlock + rng.IntN(300) - 150
		}
		b := mixed(rng, n)
		sameZlib(t, enc, "mixed", b)
		var chunks [][]byte
		for rest := b; len(rest) > 0; {
			k := min(len(rest), 1+rng.IntN(1+rng.IntN(100000)))
			chunks = append(chunks, rest[:k])
			rest = rest[k:]
		}
		buf.Reset()
		w.Reset(&buf)
		for _, c := range chunks {
			w.Write(c)
		}
		w.Close()
		if want := stdFlate(chunks...); !bytes.Equal(buf.Bytes(), want) {
			t.Fatalf("mixed, %d bytes in %d writes: Writer differs from compress/flate at %d", n, len(chunks), firstDiff(buf.Bytes(), want))
		}
	}
}
