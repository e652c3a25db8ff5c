package deflate_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/deflate"
)

const seedFile = "../../examples/chuong-trinh-bim-son-2017.yaml"

// renderExample writes an example the way vanban render does.
func renderExample(t testing.TB, file string) []byte {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, w, diags := app.Prepare(file, src, app.Options{})
	if w == nil {
		t.Fatalf("%s: %v", file, diags.Err())
	}
	var b bytes.Buffer
	if err := w(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pdfStreams returns the decompressed streams of a PDF: its font
// subsets, ToUnicode maps and pages' contents.
func pdfStreams(t testing.TB, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte(">>\nstream\n"))
		if i < 0 {
			return out
		}
		rest = rest[i+len(">>\nstream\n"):]
		j := bytes.Index(rest, []byte("\nendstream"))
		r, err := zlib.NewReader(bytes.NewReader(rest[:j]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
		rest = rest[j:]
	}
}

// xlsxParts returns the uncompressed parts of a workbook.
func xlsxParts(t testing.TB, xlsx []byte) [][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// Every stream of every example (font subsets, pages, workbook parts)
// compresses to compress/zlib's and compress/flate's bytes.
func TestExamplesSameBytes(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.yaml")
	enc := deflate.NewEncoder()
	var buf bytes.Buffer
	w := deflate.NewWriter(&buf)
	streams := 0
	for _, file := range files {
		out := renderExample(t, file)
		if bytes.HasPrefix(out, []byte("%PDF")) {
			for _, s := range pdfStreams(t, out) {
				var want bytes.Buffer
				zw, _ := zlib.NewWriterLevel(&want, zlib.BestSpeed)
				zw.Write(s)
				zw.Close()
				if got := enc.AppendZlib(nil, s); !bytes.Equal(got, want.Bytes()) {
					t.Fatalf("%s: a stream of %d bytes compresses differently", file, len(s))
				}
				streams++
			}
			continue
		}
		for _, part := range xlsxParts(t, out) {
			var want bytes.Buffer
			fw, _ := flate.NewWriter(&want, flate.BestSpeed)
			fw.Write(part)
			fw.Close()
			buf.Reset()
			w.Reset(&buf)
			w.Write(part)
			w.Close()
			if !bytes.Equal(buf.Bytes(), want.Bytes()) {
				t.Fatalf("%s: a part of %d bytes compresses differently", file, len(part))
			}
			streams++
		}
	}
	if streams < 100 {
		t.Errorf("only %d streams in the examples", streams)
	}
}

// BenchmarkSeedStreams compresses the seed PDF's 11 streams (111 kB, four
// font subsets of 74 kB among them), with this package and with
// compress/zlib, each with a writer reused from stream to stream as
// internal/pdf does.
func BenchmarkSeedStreams(b *testing.B) {
	streams := pdfStreams(b, renderExample(b, seedFile))
	size := 0
	for _, s := range streams {
		size += len(s)
	}
	b.Run("deflate", func(b *testing.B) {
		b.SetBytes(int64(size))
		enc := deflate.NewEncoder()
		var out []byte
		for b.Loop() {
			for _, s := range streams {
				out = enc.AppendZlib(out[:0], s)
			}
		}
	})
	b.Run("zlib", func(b *testing.B) {
		b.SetBytes(int64(size))
		var out bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&out, zlib.BestSpeed)
		for b.Loop() {
			for _, s := range streams {
				out.Reset()
				zw.Reset(&out)
				zw.Write(s)
				zw.Close()
			}
		}
	})
}
