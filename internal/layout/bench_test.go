package layout_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/layout"
)

// longPlan is a kế hoạch of about the given number of pages: three levels
// of sections with paragraphs, items and bold runs (as the app's
// benchmark document).
func longPlan(pages int) []byte {
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

// BenchmarkCompose lays out a plan of about 100 pages, its paragraphs
// broken by total fit, and for comparison first fit (as before): the
// difference is what total fit costs per page.
func BenchmarkCompose(b *testing.B) {
	m := fonts(b)
	doc := decodeDoc(b, longPlan(100))
	o := layout.OptionsFor(doc.Style)
	for _, firstFit := range []bool{false, true} {
		name := "total-fit"
		if firstFit {
			name = "first-fit"
		}
		b.Run(name, func(b *testing.B) {
			defer layout.UseFirstFit(firstFit)()
			var pages []layout.Page
			cpu := cpuTime()
			for b.Loop() {
				pages = layout.Compose(doc, m, o)
			}
			cpu = cpuTime() - cpu
			// CPU time, not the wall clock: on a machine shared with
			// other work the process waits for the processor.
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/float64(len(pages)), "cpu-µs/page")
			b.ReportMetric(float64(len(pages)), "pages")
		})
	}
}

// BenchmarkComposeCores lays out the seed and a plan of about 100 pages
// with a spare core free for the helper (two-cores) and with none
// (one-core), in turn: the difference is what laying out the blocks on two
// cores saves when the machine's other core is idle.
func BenchmarkComposeCores(b *testing.B) {
	m := fonts(b)
	src, err := os.ReadFile("../../examples/chuong-trinh-bim-son-2017.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range []struct {
		name string
		src  []byte
	}{{"seed", src}, {"plan-100", longPlan(100)}} {
		doc := decodeDoc(b, d.src)
		o := layout.OptionsFor(doc.Style)
		for _, tokens := range []int{1, 0} {
			name := d.name + "/two-cores"
			if tokens == 0 {
				name = d.name + "/one-core"
			}
			b.Run(name, func(b *testing.B) {
				restore := cores.Set(tokens)
				defer func() {
					layout.WaitHelpers() // a helper ends on its own, after the layout
					restore()
				}()
				cpu := cpuTime()
				for b.Loop() {
					layout.Compose(doc, m, o)
				}
				b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
