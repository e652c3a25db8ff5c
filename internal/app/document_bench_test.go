package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

const seedFile = "../../examples/chuong-trinh-bim-son-2017.yaml"

// BenchmarkRenderSeed renders the seed document in-process: decoding,
// validation, layout and PDF writing. Fonts are parsed once per process,
// and the embedded form of a subset is kept for the next documents that
// draw the same characters (see internal/pdf).
func BenchmarkRenderSeed(b *testing.B) {
	src := readFile(b, seedFile)
	var size int
	defer cpuPerOp(b)()
	for b.Loop() {
		size = len(render(b, seedFile, src))
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}

// cpuPerOp reports the CPU time (user and system, every thread: the
// collector's too) per operation when the returned function is called. On
// a machine shared with other work it varies less than the wall time.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }
}

// longDoc generates a kế hoạch of about the given number of pages: three
// levels of sections with paragraphs, items and bold runs.
func longDoc(pages int) []byte {
	var b strings.Builder
	b.WriteString(`type: ke-hoach
issuer: {parent: UBND TỈNH THANH HÓA, name: [SỞ LAO ĐỘNG - THƯƠNG BINH, VÀ XÃ HỘI], abbr: SLĐTBXH}
number: 12
place: Thanh Hóa
date: 2024-01-15
title: Thực hiện công tác bình đẳng giới năm 2024
bases: [Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006]
recipients: [UBND tỉnh (b/c), Các sở, ban, ngành]
archive: VT, BĐG
signer: {authority: KT. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Lê Thị Hương}
sections:
`)
	para := strings.Repeat("Tiếp tục nâng cao nhận thức, trách nhiệm của các cấp ủy Đảng, chính quyền và **các đoàn thể** về công tác bình đẳng giới. ", 4)
	// Each part takes about 1.6 pages.
	for i := range max(1, pages*5/8) {
		fmt.Fprintf(&b, "  - heading: Nhiệm vụ trọng tâm số %d\n    sections:\n", i+1)
		for j := range 3 {
			fmt.Fprintf(&b, "      - heading: Nội dung %d.%d\n        text: |\n          %s\n\n          %s\n        items:\n", i+1, j+1, para, para)
			for range 3 {
				b.WriteString("          - Phối hợp với các xã, phường thực hiện công tác thống kê, thu thập số liệu về giới trên các ngành, lĩnh vực.\n")
			}
		}
	}
	return []byte(b.String())
}

func pageCount(pdf []byte) int { return bytes.Count(pdf, []byte("/Type /Page ")) }

// BenchmarkRender100Pages renders a generated document of about 100 pages.
func BenchmarkRender100Pages(b *testing.B) {
	src := longDoc(100)
	var pdf []byte
	defer cpuPerOp(b)()
	for b.Loop() {
		pdf = render(b, "long.yaml", src)
	}
	b.ReportMetric(float64(pageCount(pdf)), "pages")
	b.ReportMetric(float64(len(pdf)), "pdf-bytes")
}

// Memory grows linearly with the length of a document: the cost of each
// further page stays the same from 25 to 100 pages.
func TestMemoryLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 175 pages")
	}
	// The collector empties the sync.Pools of the layout and the PDF
	// writer, so a collection between two documents would charge one of
	// them with buffers the others reuse; CI saw 85 and 159 kB a page from
	// the same code. Holding it off makes the counts depend on the code
	// alone.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC()
	alloc := func(pages int) (uint64, int) {
		src := longDoc(pages)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		pdf := render(t, "long.yaml", src)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, pageCount(pdf)
	}
	// What is kept from document to document (the PDF writers, the
	// layout's arenas for the lines' texts) grows to the longest first.
	alloc(100)
	a25, p25 := alloc(25)
	a100, p100 := alloc(100)
	a50, p50 := alloc(50)
	if p100 < 90 || p100 > 120 {
		t.Fatalf("the generated document has %d pages, want about 100", p100)
	}
	low := float64(a50-a25) / float64(p50-p25)
	high := float64(a100-a50) / float64(p100-p50)
	t.Logf("pages %d/%d/%d, allocated %d/%d/%d MB; per page %.0f kB (25→50) and %.0f kB (50→100)",
		p25, p50, p100, a25>>20, a50>>20, a100>>20, low/1024, high/1024)
	if high > 1.5*low {
		t.Errorf("each page costs %.0f kB from 50 to 100 pages but %.0f kB from 25 to 50: not linear", high/1024, low/1024)
	}
}

// BenchmarkBatch renders 1,000 documents (the seed with different numbers
// and dates) from files to files, as "vanban render DIR" does
// (RenderAll), and reports documents per second and how busy the cores
// were.
func BenchmarkBatch(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	seed := string(readFile(b, seedFile))
	files := make([]string, n)
	for i := range files {
		src := strings.Replace(seed, "date: 2017-05-23", fmt.Sprintf("number: %d\ndate: 2017-%02d-%02d", i+1, 1+i%12, 1+i%28), 1)
		files[i] = filepath.Join(dir, fmt.Sprintf("doc-%04d.yaml", i))
		if err := os.WriteFile(files[i], []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		start, cpu0 := time.Now(), cpuTime()
		results := RenderAll(files, "", Options{})
		wall, cpu := time.Since(start), cpuTime()-cpu0
		for _, r := range results {
			if r.Failed() || r.Output == "" {
				b.Fatalf("%s: %v", r.Input, r.Diags)
			}
		}
		b.ReportMetric(n/wall.Seconds(), "docs/s")
		b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cores-busy")
	}
}

// BenchmarkPrepareSeed measures vanban's own part for the seed: decoding,
// validation, the glyph check and layout, without writing the PDF.
func BenchmarkPrepareSeed(b *testing.B) {
	src := readFile(b, seedFile)
	defer cpuPerOp(b)()
	for b.Loop() {
		if _, w, diags := Prepare(seedFile, src, Options{}); w == nil {
			b.Fatal(diags)
		}
	}
}
