package app

import (
	"bytes"
	"os"
	"testing"
)

const seedFile = "../../examples/chuong-trinh-bim-son-2017.yaml"

// BenchmarkRenderSeed renders the seed document in-process: decoding,
// validation, layout and PDF writing. Fonts are parsed for layout once per
// process; fpdf parses the used styles again for every document.
func BenchmarkRenderSeed(b *testing.B) {
	src, err := os.ReadFile(seedFile)
	if err != nil {
		b.Fatal(err)
	}
	var size int
	for b.Loop() {
		_, w, diags := Prepare(seedFile, src, Options{})
		if w == nil {
			b.Fatal(diags)
		}
		var buf bytes.Buffer
		if err := w(&buf); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}
