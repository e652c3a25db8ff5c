package decode

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// fuzzDoc has every kind of field the pipelines decode into.
type fuzzDoc struct {
	Type     string             `yaml:"type,required" vi:"loại"`
	Title    string             `yaml:"title,required"`
	Date     viet.Date          `yaml:"date"`
	Number   int                `yaml:"number"`
	Count    uint8              `yaml:"count"`
	Share    float64            `yaml:"share"`
	Draft    bool               `yaml:"draft"`
	Name     Lines              `yaml:"name"`
	Signer   *fuzzSigner        `yaml:"signer"`
	Sections []fuzzSection      `yaml:"sections"`
	Units    map[string][]int64 `yaml:"units"`
	Code     upper              `yaml:"code"`
	// Prose, read as the document model reads it.
	Text       proseText     `yaml:"text"`
	Items      proseList     `yaml:"items"`
	Recipients proseList     `yaml:"recipients,lines"`
	Lines      proseList     `yaml:"lines,linebreaks"`
	Symbol     proseText     `yaml:"symbol,code"`
	Parts      []proseSecton `yaml:"parts"`
}

type fuzzSigner struct {
	Authority Lines  `yaml:"authority"`
	Name      string `yaml:"name,required"`
}

type fuzzSection struct {
	Heading  string        `yaml:"heading,required"`
	Items    []string      `yaml:"items"`
	Sections []fuzzSection `yaml:"sections"`
}

var fuzzSeeds = []string{
	"type: ke-hoach\ntitle: Công tác năm 2017\ndate: 2017-05-23\nnumber: 85\ncount: 3\nshare: 23.64\ndraft: true\n" +
		"name: [ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN]\nsigner: {authority: KT. CHỦ TỊCH, name: Mai Đình Lâm}\n" +
		"sections:\n  - heading: Phối hợp\n    items: [a, b]\n    sections:\n      - heading: Con\nunits: {Ba Đình: [1, 2]}\ncode: UBND\n",
	"titel: x\ntype: [a]\ndate: 2017-02-30\nnumber: 1.5\ncount: -1\nshare: 23,5\ndraft: có\nunits: {a: {b: c}}\n",
	"a: &a [x, x]\nb: &b [*a, *a]\nsections: &s\n  - heading: h\n    sections: *s\n",
	"title: \"unclosed\ntype: x\n", "a:\n\tb: 1\n", "title: a: b\n", "x: 1\n x: 2\n", "- a\n- b\n", "plain text\n",
	"", "---\n", "a: 1\n---\nb: 2\n", "\xEF\xBB\xBFtype: x\ntitle: y\n", "type: x\r\ntitle: y\r\n",
	"type: C\xf4ng\n", "%PDF-1.7\n", "\x00\x01", "\xff\xfet\x00", "type: Co\u0302ng ta\u0301c x\u0323\u0302\n",
	"{type: x, title: y, sections: [{heading: z, items: [1, 2.5, true, ~]}]}\n", "type: !!binary AAAA\ntitle: !foo y\n",
	"<<: {type: x}\n", "? [a, b]\n: c\n", "type: x\ntitle: y\ntitle: z\n", "[[[[[[[[[[[[", "a: *missing\n",
	// A clerk's prose that YAML misreads (prose.go, repair.go).
	"text: Chủ tịch tiếp dân tại phòng #2, tầng 1 # x\ntitle: Kế hoạch: năm 2017   # trích yếu\n",
	"items:\n  - Hội LHPN xã: chủ trì, phối hợp\n  - như sau:\n  -Thứ Năm\n  - *Lưu ý*: x\n  - **Thời gian:** 8h\n",
	"recipients:\n  Như trên\n  -TT Đảng ủy, HĐND xã (b/c)\nitems: [Phối hợp với các xã, phường thu thập]\n",
	"recipients: [TT Đảng ủy, HĐND xã (b/c)]\nlines: [A, b]\nsymbol: KH: x\n",
	"text:\n  Thời gian: 8 giờ\n  Địa điểm: Hội trường\nparts:\n  - text: &a x\n  - text: !t y\n  - text: @z `w` > 5\n",
	"title:Lịch\ntext: 'a 'b' c'\n\u00a0 items: [x]\nparts:\n  - heading:\u00a0c\n    text: \"D:\\V\"\n\tcode: X\n",
	"text: a #x\n  b\n  c: d\nitems:\n  - x\n    -y\n  -z\ntitle: “a: b”\n",
	// Values after a colon continued at the column of their first word,
	// lines starting with "#" and a word (syntax.go's wrapTrap, hashLines).
	"items:\n  - Hội LHPN xã: chủ trì, phối hợp\n    tổ chức tại thôn #3\n   và thôn 4\n  - Thành phần:\n    các thôn\n    Địa điểm: x\n" +
		"  - a: b # c\n    d   # e\n    #3 f\nparts:\n  - heading: H: i\n    j\ntext:\n  Thời gian: 8 giờ\n  Địa điểm: hội trường\n  xã #2\n",
	"recipients:\n  - TTUB: CT,\n    các PCT\n  - VPUB:\n  CVP\nsymbol:\n  KH: x\n  y\ntext: a\n  #b c\n  d: e\n  f:\n",
	"\xff\xfet\x00e\x00x\x00t\x00:\x00 \x00#\x00\n\x00", "\xfe\xff\x00t\x00:\x00 \xd8\x3d\xde\x00\x00\n",
}

// FuzzParseDecode: no input may crash the decoder, and every input either
// decodes or gets at least one diagnostic that names the file.
func FuzzParseDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := New("fuzz.yaml")
		root := d.Parse(src)
		if root == nil {
			if !d.Diags.HasErrors() {
				t.Fatal("refused without an error")
			}
		} else {
			var v fuzzDoc
			d.Decode(root, &v)
			if len(d.Diags) == 0 && root.Kind != yaml.MappingNode {
				t.Fatalf("decoded a %v into a struct without a diagnostic", root.Kind)
			}
			checkRecoveries(t, d)
		}
		text := d.Source()
		if text == nil {
			text = src
		}
		checkDiags(t, d, text)
	})
}

// checkDiags asserts what every diagnostic must satisfy: the file's name,
// one line, and a position inside the file.
func checkDiags(t *testing.T, d *Decoder, src []byte) {
	// YAML also breaks lines at a lone CR and at NEL, LS and PS.
	lines := 1 + bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) +
		bytes.Count(src, []byte("\u0085")) + bytes.Count(src, []byte("\u2028")) + bytes.Count(src, []byte("\u2029"))
	for _, x := range d.Diags {
		s := x.Format(diag.En)
		if x.File != "fuzz.yaml" || strings.ContainsAny(s, "\n\r") || x.En == "" || x.Vi == "" || x.Code == "" {
			t.Errorf("malformed diagnostic %q", s)
		}
		if x.Line < 0 || x.Col < 0 || x.Line > lines {
			t.Errorf("position outside the file (%d lines): %q", lines, s)
		}
	}
}
