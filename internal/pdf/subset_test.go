package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/fpdf"
	"github.com/vanban/vanban/internal/layout"
)

// Letters with stacked marks are composite glyphs in Liberation Serif, so
// this also exercises the composite closure.
const subsetSample = "Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập, Tự do, Hạnh phúc “1234” ỹỴƯứĐđ"

func sortedRunes(s string) []rune {
	rs := []rune(s)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// embeddedFont draws text with the font file through fpdf and returns the
// font program fpdf embeds in the PDF, uncompressed.
func embeddedFont(t *testing.T, file []byte, text string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("x", "", file)
	p.SetFont("x", "", 12)
	p.AddPage()
	p.Text(10, 10, text)
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`/Length (\d+)\s*/Filter /FlateDecode\s*/Length1 \d+\s*>>\s*stream\n`).FindSubmatchIndex(b.Bytes())
	if m == nil {
		t.Fatal("no embedded font program in the PDF")
	}
	n, _ := strconv.Atoi(string(b.Bytes()[m[2]:m[3]]))
	r, err := zlib.NewReader(bytes.NewReader(b.Bytes()[m[1] : m[1]+n]))
	if err != nil {
		t.Fatal(err)
	}
	font, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return font
}

// The subset vanban hands to fpdf must not change what ends up in the PDF:
// fpdf's own cut of the subset is byte for byte its cut of the whole font.
func TestSubsetEmbedsTheSameFont(t *testing.T) {
	f, err := font.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range layout.Styles {
		full := f.Face(st).Data()
		sub := f.Subset(st, sortedRunes(subsetSample))
		if len(sub) > len(full)/10 {
			t.Errorf("%s: the subset has %d bytes, the font %d: not cut down", st, len(sub), len(full))
		}
		if !bytes.Equal(embeddedFont(t, sub, subsetSample), embeddedFont(t, full, subsetSample)) {
			t.Errorf("%s: the PDF embeds a different font from the subset than from the whole font", st)
		}
	}
}
