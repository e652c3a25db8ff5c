// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file (licenses/go.txt).
//
// Adapted for vanban from Go 1.26's compress/flate (deflate.go's BestSpeed
// path) and compress/zlib.

// Package deflate compresses at zlib's fastest level. For every input it
// writes exactly the bytes Go 1.26's compress/flate writes at BestSpeed
// (and compress/zlib around it), so PDFs and workbooks keep their bytes,
// with about half the instructions and a state of 75 kB instead of the
// 1.2 MB a zlib writer allocates.
//
// What it keeps of compress/flate is the BestSpeed path: the input cut in
// blocks of 65,535 bytes, matches found as deflatefast.go finds them, each
// block written with the Huffman codes huffman_code.go builds. What
// differs is how: matches are kept without the literals between them, the
// symbols are counted while the matches are found, the codes are built
// without sort.Sort, and the bits are written straight into the output.
// Flush (a sync flush in the middle of a stream) is not offered: nothing
// in vanban uses it, and without it every block but the last is full,
// which the match finder relies on (see encode).
package deflate

import (
	"encoding/binary"
	"errors"
	"io"
	"slices"
)

const (
	maxBlock = 65535   // compress/flate's maxStoreBlockSize: the input is cut in blocks of this size
	maxDist  = 1 << 15 // the farthest a match may reach back

	// base is kept below this so that a position plus base fits an int32.
	maxBase = 1 << 30
)

// An Encoder compresses one stream after another. Its state is reused
// from stream to stream: nothing is cleared between them (see endStream).
// An Encoder is not safe for concurrent use.
type Encoder struct {
	// table holds, for each hash of four bytes, the position where they
	// were last seen, as an index of the input plus base. An entry below
	// base-maxDist is from an earlier stream and too far to be used.
	table [tableSize]int32
	base  int32

	matches []match // the current block's matches
	nlits   int     // the current block's literal bytes

	litFreq [numLit]int32 // literal and length symbols' counts
	offFreq [numOff]int32 // distance symbols' counts
	cgFreq  [numCodegen]int32
	litCode [numLit]hcode
	offCode [numOff]hcode
	cgCode  [numCodegen]hcode
	codegen [numLit + numOff + 1]uint8
	huff    huffman // scratch for building codes

	bw bitWriter
}

// NewEncoder returns an Encoder for a first stream.
func NewEncoder() *Encoder {
	return &Encoder{base: maxDist + 1}
}

// AppendZlib appends to dst the zlib stream (RFC 1950) of src, as
// compress/zlib's writer at BestSpeed writes it after one Write of src.
func (e *Encoder) AppendZlib(dst, src []byte) []byte {
	dst = append(dst, 0x78, 0x01) // deflate, 32 kB window, fastest level
	dst = e.AppendDeflate(dst, src)
	return binary.BigEndian.AppendUint32(dst, Adler32(src))
}

// AppendDeflate appends to dst the deflate stream (RFC 1951) of src, as
// compress/flate's writer at BestSpeed writes it after one Write of src.
func (e *Encoder) AppendDeflate(dst, src []byte) []byte {
	if len(src) > maxBase {
		// Positions would not fit the table's int32s: go through the
		// Writer, which slides its window.
		return e.appendLarge(dst, src)
	}
	// The output is at most the input stored, in blocks of 5 bytes of
	// header, plus the last block's.
	dst = slices.Grow(dst, len(src)+5*(len(src)/maxBlock)+16)
	e.bw.reset(dst)
	n := 0
	for ; len(src)-n >= maxBlock; n += maxBlock {
		e.fullBlock(src, n)
	}
	e.lastBlock(src, n)
	e.bw.storedHeader(0, true)
	e.endStream(len(src))
	out := e.bw.out
	e.bw.out = nil // the caller's memory
	return out
}

// endStream moves base past every position of the stream just written,
// by more than maxDist: no match can reach an earlier stream's entries,
// and the table need not be cleared (compress/flate's deflateFast.reset
// does the same).
func (e *Encoder) endStream(n int) {
	next := int64(e.base) + int64(n) + maxDist + 1
	if next <= maxBase {
		e.base = int32(next)
		return
	}
	clear(e.table[:])
	e.base = maxDist + 1
}

// fullBlock compresses the block of maxBlock bytes at src[start:]. The
// bytes before start are the previous blocks, which matches may reach.
func (e *Encoder) fullBlock(src []byte, start int) {
	end := start + maxBlock
	e.encode(src, start, end)
	e.writeEncoded(src[start:end])
}

// lastBlock compresses the bytes from start to the end of src, fewer
// than maxBlock, as compress/flate does when it is closed: the shortest
// stored, then Huffman codes for literals only, then matches.
func (e *Encoder) lastBlock(src []byte, start int) {
	n := len(src) - start
	switch {
	case n == 0:
	case n <= 16:
		e.bw.storedBlock(src[start:])
	case n < 128:
		e.huffBlock(src[start:])
	default:
		e.encode(src, start, len(src))
		e.writeEncoded(src[start:])
	}
}

// writeEncoded writes a block whose matches encode found: with Huffman
// codes for its literals alone if the matches removed less than a
// sixteenth of it, as compress/flate decides.
func (e *Encoder) writeEncoded(block []byte) {
	n := len(block)
	if e.nlits+len(e.matches) > n-n>>4 {
		e.huffBlock(block)
		return
	}
	e.dynamicBlock(block)
}

// appendLarge compresses an input of more than a gigabyte through a
// Writer (never in vanban; here so that every input gives the same bytes
// as compress/flate).
func (e *Encoder) appendLarge(dst, src []byte) []byte {
	buf := &appendWriter{b: dst}
	w := &Writer{e: e}
	w.Reset(buf)
	w.Write(src)
	w.Close()
	// The table holds the window's positions: move past them, as
	// AppendDeflate does, or the next stream would match against them.
	e.endStream(len(w.hist))
	return buf.b
}

type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// A Writer compresses what is written to it, as compress/flate's Writer
// at BestSpeed does, with the same bytes. Unlike flate.Writer it has no
// Flush.
type Writer struct {
	e *Encoder
	w io.Writer
	// hist holds up to maxDist bytes already compressed, which matches
	// may reach, from 0 to start, then the block being filled.
	hist   []byte
	start  int
	out    []byte // compressed, not yet written
	err    error
	closed bool
}

var errClosed = errors.New("deflate: write to a closed Writer")

// NewWriter returns a Writer compressing to w.
func NewWriter(w io.Writer) *Writer {
	z := &Writer{e: NewEncoder()}
	z.Reset(w)
	return z
}

// Reset discards the Writer's stream and starts a new one to w, keeping
// its memory.
func (z *Writer) Reset(w io.Writer) {
	if z.closed || len(z.hist) > 0 {
		z.e.endStream(len(z.hist))
	}
	z.w, z.hist, z.start, z.err, z.closed = w, z.hist[:0], 0, nil, false
	z.e.bw.reset(nil)
}

// Write compresses p, writing each block of 65,535 bytes as it fills.
func (z *Writer) Write(p []byte) (int, error) {
	if z.closed {
		return 0, errClosed
	}
	if z.err != nil {
		return 0, z.err
	}
	n := len(p)
	for len(p) > 0 {
		k := min(z.start+maxBlock-len(z.hist), len(p))
		z.hist = append(z.hist, p[:k]...)
		p = p[k:]
		if len(z.hist) == z.start+maxBlock {
			z.writeFull()
		}
		if z.err != nil {
			return 0, z.err
		}
	}
	return n, nil
}

// writeFull compresses the full block in hist and keeps its last maxDist
// bytes for the next block's matches.
func (z *Writer) writeFull() {
	e := z.e
	e.bw.out = z.out[:0] // the bits of the block before are still in e.bw
	e.fullBlock(z.hist, z.start)
	z.write()
	shift := len(z.hist) - maxDist
	z.hist = z.hist[:copy(z.hist, z.hist[shift:])]
	z.start = maxDist
	e.slide(shift)
}

// slide renumbers the table's positions after the window moved by shift
// bytes.
func (e *Encoder) slide(shift int) {
	if int64(e.base)+int64(shift) <= maxBase {
		e.base += int32(shift)
		return
	}
	// As compress/flate's shiftOffsets: entries out of reach become 0,
	// which is out of reach of every position after the rebase.
	delta := e.base + int32(shift) - (maxDist + 1)
	for i, v := range e.table {
		e.table[i] = max(v-delta, 0)
	}
	e.base = maxDist + 1
}

// write hands the output so far to the underlying writer.
func (z *Writer) write() {
	b := z.e.bw.out
	z.e.bw.out = nil
	if len(b) > 0 && z.err == nil {
		_, z.err = z.w.Write(b)
	}
	z.out = b[:0]
}

// Close compresses what is left and ends the stream. It does not close
// the underlying writer.
func (z *Writer) Close() error {
	if z.closed || z.err != nil {
		return z.err
	}
	e := z.e
	e.bw.out = z.out[:0]
	e.lastBlock(z.hist, z.start)
	e.bw.storedHeader(0, true)
	z.write()
	z.closed = true
	return z.err
}
