package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/layout"
)

// pdfFile is a PDF written by Write, read back object by object through
// its cross-reference table.
type pdfFile struct {
	data    []byte
	objects map[int][]byte // dictionary and stream, without "N 0 obj" and "endobj"
}

func readPDF(t *testing.T, data []byte) *pdfFile {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	xref := data[at:]
	if !bytes.HasPrefix(xref, []byte("xref\n0 ")) {
		t.Fatalf("startxref points at %q", xref[:min(20, len(xref))])
	}
	lines := strings.Split(string(xref), "\n")
	n, _ := strconv.Atoi(strings.Fields(lines[1])[1])
	f := &pdfFile{data: data, objects: map[int][]byte{}}
	for i := 1; i < n; i++ {
		entry := lines[2+i]
		if len(entry) != 19 { // 20 bytes with the line end
			t.Fatalf("xref entry %d is %q", i, entry)
		}
		off, _ := strconv.Atoi(entry[:10])
		head := fmt.Sprintf("%d 0 obj\n", i)
		if !bytes.HasPrefix(data[off:], []byte(head)) {
			t.Fatalf("object %d: the xref points at %q", i, data[off:off+20])
		}
		body := data[off+len(head):]
		end := bytes.Index(body, []byte("\nendobj\n"))
		if end < 0 {
			t.Fatalf("object %d has no end", i)
		}
		f.objects[i] = body[:end]
	}
	return f
}

// ref returns the object number after key in object obj ("/Key N 0 R").
func (f *pdfFile) ref(t *testing.T, obj []byte, key string) int {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` ?\[?(\d+) 0 R`).FindSubmatch(obj)
	if m == nil {
		t.Fatalf("no %s in %.80q", key, obj)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// stream returns the decompressed data of a stream object, checking its
// /Length.
func (f *pdfFile) stream(t *testing.T, n int) []byte {
	t.Helper()
	obj := f.objects[n]
	m := regexp.MustCompile(`^<< /Length (\d+) /Filter /FlateDecode[^>]*>>\nstream\n`).FindSubmatch(obj)
	if m == nil {
		t.Fatalf("object %d is not a compressed stream: %.60q", n, obj)
	}
	length, _ := strconv.Atoi(string(m[1]))
	raw := obj[len(m[0]):]
	if len(raw) != length+len("\nendstream") {
		t.Fatalf("object %d: /Length %d, stream of %d bytes", n, length, len(raw)-len("\nendstream"))
	}
	r, err := zlib.NewReader(bytes.NewReader(raw[:length]))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// unescape decodes a literal string's bytes as a reader does: a bare
// carriage return (or CR LF) is a line end and reads as LF.
func unescape(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			continue
		}
		if s[i] != '\\' {
			out = append(out, s[i])
			continue
		}
		i++
		switch s[i] {
		case 'r':
			out = append(out, '\r')
		default:
			out = append(out, s[i])
		}
	}
	return out
}

// shown is a text shown on a page, read back.
type shown struct {
	font   int
	size   float64
	x, y   float64
	glyphs []uint16
}

var textOps = regexp.MustCompile(`(?s)BT |ET\n|/F(\d) (-?[0-9.]+) Tf |(-?[0-9.]+) (-?[0-9.]+) Td |\(((?:[^\\)]|\\.)*)\) Tj[ \n]|[^\n]*\n`)

// texts reads the texts of a content stream: positions are absolute at
// the start of a text object, relative to the previous Td after it.
func texts(t *testing.T, content []byte) []shown {
	var out []shown
	font, size := 0, 0.0
	var x, y float64
	inText := false
	for _, m := range textOps.FindAllSubmatch(content, -1) {
		switch op := string(m[0]); {
		case op == "BT ":
			inText, x, y = true, 0, 0
		case op == "ET\n":
			inText = false
		case m[1] != nil:
			font, _ = strconv.Atoi(string(m[1]))
			size, _ = strconv.ParseFloat(string(m[2]), 64)
		case m[3] != nil:
			dx, _ := strconv.ParseFloat(string(m[3]), 64)
			dy, _ := strconv.ParseFloat(string(m[4]), 64)
			x, y = x+dx, y+dy
		case strings.HasSuffix(op, ") Tj\n") || strings.HasSuffix(op, ") Tj "):
			if !inText {
				t.Fatalf("text shown outside a text object: %q", op)
			}
			b := unescape(m[5])
			g := make([]uint16, len(b)/2)
			for i := range g {
				g[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
			out = append(out, shown{font, size, x, y, g})
		}
	}
	if inText {
		t.Fatal("a text object is not closed")
	}
	return out
}

// toUnicodeMap reads a ToUnicode CMap's bfchar entries.
func toUnicodeMap(cmap []byte) map[uint16]string {
	out := map[uint16]string{}
	if i := bytes.Index(cmap, []byte("endcodespacerange")); i >= 0 {
		cmap = cmap[i:] // the code space is written like an entry
	}
	for _, m := range regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]+)>\n`).FindAllSubmatch(cmap, -1) {
		g, _ := strconv.ParseUint(string(m[1]), 16, 16)
		var u []uint16
		for i := 0; i+4 <= len(m[2]); i += 4 {
			v, _ := strconv.ParseUint(string(m[2][i:i+4]), 16, 16)
			u = append(u, uint16(v))
		}
		out[uint16(g)] = string(utf16.Decode(u))
	}
	return out
}

// widths reads a CIDFont's /W array, written as one run from glyph 0.
func widths(t *testing.T, cid []byte) []int {
	m := regexp.MustCompile(`/W \[0 \[([0-9 ]*)\]\]`).FindSubmatch(cid)
	if m == nil {
		t.Fatalf("no /W in %.200q", cid)
	}
	var out []int
	for _, w := range strings.Fields(string(m[1])) {
		n, _ := strconv.Atoi(w)
		out = append(out, n)
	}
	return out
}

// manyGlyphs draws every Vietnamese letter and the punctuation of the
// documents in one style, so that glyph numbers pass 13, 40, 41 and 92:
// the bytes a literal string must escape.
func manyGlyphs() []layout.Page {
	var letters []rune
	for _, r := range "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ" {
		letters = append(letters, r, []rune(strings.ToUpper(string(r)))[0])
	}
	s := string(letters) + "0123456789 ()\\.,;:–“”…/%-"
	var ts []layout.Text
	for i := 0; i < len([]rune(s)); i += 40 {
		part := []rune(s)[i:min(i+40, len([]rune(s)))]
		ts = append(ts, layout.Text{X: 20, Y: 20 + float64(i)/4, S: string(part), Font: layout.Font{Style: layout.Regular, Size: 13}})
	}
	// A justified line: words one by one, a bold run inside it, then a
	// line of another colour.
	x := 30.0
	for i, w := range strings.Fields("Tiếp tục nâng cao nhận thức của các đoàn thể về công tác bình đẳng giới") {
		st := layout.Regular
		if i >= 6 && i < 9 {
			st = layout.Bold
		}
		ts = append(ts, layout.Text{X: x, Y: 150.3, S: w, Font: layout.Font{Style: st, Size: 14}})
		x += 9.87 + float64(len(w))*1.013
	}
	ts = append(ts, layout.Text{X: 20, Y: 200, S: "KHẨN", Font: layout.Font{Style: layout.Bold, Size: 14}, Color: layout.Color{R: 255}})
	return []layout.Page{{Number: 1, Texts: ts, Boxes: []layout.Box{{X: 18, Y: 195, W: 30, H: 8, Width: 0.3, Color: layout.Color{R: 255}}}}}
}

// Every text comes back from the file as it was laid out: at its place,
// in its font and size, each glyph mapped back to its character by the
// ToUnicode map, and drawn with the width the layout measured.
func TestReadBack(t *testing.T) {
	fam, _ := font.Embedded()
	for name, pages := range map[string][]layout.Page{"sample": samplePages(), "sizes": sizedPages(), "glyphs": manyGlyphs()} {
		f := readPDF(t, render(t, pages, fam))
		catalog := f.objects[1]
		tree := f.objects[f.ref(t, catalog, "/Pages")]
		kids := regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(tree[bytes.Index(tree, []byte("/Kids")):], len(pages))
		if len(kids) != len(pages) {
			t.Fatalf("%s: %d pages in the tree, %d laid out", name, len(kids), len(pages))
		}
		resources := f.objects[3]
		for i, kid := range kids {
			n, _ := strconv.Atoi(string(kid[1]))
			page := f.objects[n]
			got := texts(t, f.stream(t, f.ref(t, page, "/Contents")))
			want := pages[i].Texts
			if len(got) != len(want) {
				t.Fatalf("%s page %d: %d texts, want %d", name, i+1, len(got), len(want))
			}
			h, _ := pageSize(&pages[i])
			for j, g := range got {
				w := want[j]
				if g.font != int(w.Font.Style)+1 || g.size != w.Font.Size {
					t.Errorf("%s %q: font /F%d %.2f, want style %d at %.2f", name, w.S, g.font, g.size, w.Font.Style, w.Font.Size)
				}
				if fmt.Sprintf("%.2f %.2f", g.x, g.y) != fmt.Sprintf("%.2f %.2f", w.X*k, (h-w.Y)*k) {
					t.Errorf("%s %q: at %.2f %.2f", name, w.S, g.x, g.y)
				}
				type0 := f.objects[f.ref(t, resources, fmt.Sprintf("/F%d", g.font))]
				cid := f.objects[f.ref(t, type0, "/DescendantFonts")]
				uni := toUnicodeMap(f.stream(t, f.ref(t, type0, "/ToUnicode")))
				ws := widths(t, cid)
				var back strings.Builder
				units := 0
				for _, gl := range g.glyphs {
					back.WriteString(uni[gl])
					units += ws[gl]
				}
				if back.String() != w.S {
					t.Errorf("%s: %q comes back as %q", name, w.S, back.String())
				}
				if want := fam.Face(w.Font.Style).Units(w.S); units != want {
					t.Errorf("%s %q: drawn %d thousandths of an em wide, laid out %d", name, w.S, units, want)
				}
			}
		}
	}
}

// qpdf finds nothing wrong in the structure of the files.
func TestQPDFCheck(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		if os.Getenv("VANBAN_REQUIRE_TOOLS") == "1" {
			t.Fatal("qpdf is required (install qpdf)")
		}
		t.Skip("qpdf not installed")
	}
	fam, _ := font.Embedded()
	for name, pages := range map[string][]layout.Page{"sample": samplePages(), "sizes": sizedPages(), "glyphs": manyGlyphs()} {
		file := t.TempDir() + "/" + name + ".pdf"
		if err := os.WriteFile(file, render(t, pages, fam), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(qpdf, "--check", file).CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
		}
	}
}

// appendNum writes every number as strconv does.
func TestAppendNum(t *testing.T) {
	check := func(x float64) {
		if got, want := string(appendNum(nil, x)), strconv.FormatFloat(x, 'f', 2, 64); got != want {
			t.Fatalf("%v: %s, want %s", x, got, want)
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), -0.001, 0.005, 1.005, 2.675, 0.125, -0.125, 841.89, 595.28, 1e9, -1e12, 123456.785} {
		check(x)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		check((r.Float64() - 0.2) * 1200)
		check(float64(r.IntN(120000))/100 + float64(r.IntN(3))*0.005) // halves, nearly
		check(r.Float64() * 300 * k)
	}
}

// FuzzWrite writes pages of arbitrary texts (characters the font lacks,
// control characters, sizes, places off the page, landscape pages) and
// reads every one back: each character the family draws comes back through
// the ToUnicode map, each it lacks is drawn as glyph 0 and comes back as
// nothing, and the file's structure holds.
func FuzzWrite(f *testing.F) {
	f.Add("Cộng hòa xã hội chủ nghĩa Việt Nam", "(\\)\r\n", uint8(1), 13.0, 30.0, 40.0, false)
	f.Add("⚡😀\u0300a\x00", "", uint8(3), 0.5, -10.0, 400.0, true)
	fam, _ := font.Embedded()
	f.Fuzz(func(t *testing.T, a, b string, style uint8, size, x, y float64, landscape bool) {
		if math.IsNaN(size+x+y) || math.IsInf(size+x+y, 0) || math.Abs(size)+math.Abs(x)+math.Abs(y) > 1e6 {
			t.Skip()
		}
		st := layout.Style(style % 4)
		pg := layout.Page{Number: 1, Texts: []layout.Text{
			{X: x, Y: y, S: a, Font: layout.Font{Style: st, Size: size}},
			{X: y, Y: x, S: b, Font: layout.Font{Style: (st + 1) % 4, Size: size + 1}, Color: layout.Color{R: 200}},
		}}
		if landscape {
			pg.W, pg.H = 297, 210
		}
		file := readPDF(t, render(t, []layout.Page{pg}, fam))
		resources := file.objects[3]
		page := file.objects[file.ref(t, file.objects[2], "/Kids")]
		got := texts(t, file.stream(t, file.ref(t, page, "/Contents")))
		if len(got) != 2 {
			t.Fatalf("%d texts back, want 2", len(got))
		}
		for i, g := range got {
			want := pg.Texts[i]
			type0 := file.objects[file.ref(t, resources, fmt.Sprintf("/F%d", g.font))]
			uni := toUnicodeMap(file.stream(t, file.ref(t, type0, "/ToUnicode")))
			var back, drawn strings.Builder
			for _, gl := range g.glyphs {
				back.WriteString(uni[gl])
			}
			for _, r := range want.S {
				if fam.Face(want.Font.Style).Has(r) {
					drawn.WriteRune(r)
				}
			}
			if back.String() != drawn.String() {
				t.Errorf("%q comes back as %q", drawn.String(), back.String())
			}
			if n := len([]rune(want.S)); len(g.glyphs) != n {
				t.Errorf("%d glyphs drawn for %d characters", len(g.glyphs), n)
			}
		}
	})
}
