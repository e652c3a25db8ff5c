package decode

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// decodeString parses and decodes src into v and returns the diagnostics
// as text lines.
func decodeString(t *testing.T, src string, v any) (*Decoder, []string) {
	t.Helper()
	d := New("in.yaml")
	d.Decode(d.Parse([]byte(src)), v)
	d.Diags.Sort()
	var lines []string
	for _, x := range d.Diags {
		lines = append(lines, x.Format(diag.En))
	}
	return d, lines
}

func wantLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"title", "type", "date", "issuer", "sections", "recipients", "number"}
	for typo, want := range map[string]string{
		"titel": "title", "Title": "title", "tpye": "type", "isuer": "issuer", "section": "sections",
		"recipent": "recipients", "nubmer": "number", "x": "", "signer": "", "ti": "",
	} {
		if got := Suggest(typo, names); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", typo, got, want)
		}
	}
}

type person struct {
	Name  string  `yaml:"name,required" vi:"họ tên"`
	Age   int8    `yaml:"age"`
	Count uint16  `yaml:"count"`
	Ratio float32 `yaml:"ratio"`
}

func TestNumbersOutOfRange(t *testing.T) {
	var p person
	_, got := decodeString(t, "name: An\nage: 300\ncount: -1\nratio: 1e300\n", &p)
	wantLines(t, got,
		"in.yaml:2:6: age: the number 300 is too large (expected a whole number from -128 to 127)",
		"in.yaml:3:8: count: found the negative number -1 (expected a number of 0 or more)",
		"in.yaml:4:8: ratio: the number 1e300 is too large (expected a smaller number)")
	_, got = decodeString(t, "name: An\ncount: 70000\nratio: .nan\n", &p)
	wantLines(t, got,
		"in.yaml:2:8: count: the number 70000 is too large (expected a whole number from 0 to 65535)",
		"in.yaml:3:8: ratio: found the number .nan (expected a number with a dot as decimal mark, e.g. 23.5)")
}

func TestValuesDecoded(t *testing.T) {
	var v struct {
		Title  string           `yaml:"title"`
		Date   viet.Date        `yaml:"date"`
		Lines  Lines            `yaml:"lines"`
		One    Lines            `yaml:"one"`
		Counts map[string]int   `yaml:"counts"`
		People []person         `yaml:"people"`
		Ptr    *person          `yaml:"ptr"`
		Flag   bool             `yaml:"flag"`
		Skip   string           `yaml:"-"`
		Nested map[string][]int `yaml:"nested"`
	}
	src := "title: Kế hoạch\ndate: 2017-05-23\nlines: [ỦY BAN NHÂN DÂN, '', THỊ XÃ BỈM SƠN]\none: '  UBND  '\n" +
		"counts: {Ba Đình: 3, Lam Sơn: 0}\npeople:\n  - {name: An, age: 30, ratio: 0.5}\nptr: {name: Bình}\nflag: true\nnested: {a: [1, 2]}\n"
	_, got := decodeString(t, src, &v)
	wantLines(t, got)
	if v.Title != "Kế hoạch" || v.Date != (viet.Date{Year: 2017, Month: 5, Day: 23}) || !v.Flag {
		t.Errorf("scalars: %+v", v)
	}
	if strings.Join(v.Lines, "|") != "ỦY BAN NHÂN DÂN|THỊ XÃ BỈM SƠN" || strings.Join(v.One, "|") != "UBND" {
		t.Errorf("lines: %q %q", v.Lines, v.One)
	}
	if v.Counts["Ba Đình"] != 3 || len(v.Counts) != 2 || v.People[0].Ratio != 0.5 || v.Ptr.Name != "Bình" || v.Nested["a"][1] != 2 {
		t.Errorf("composites: %+v", v)
	}
}

func TestPathsAndPositions(t *testing.T) {
	var v struct {
		Sections []struct {
			Heading string   `yaml:"heading"`
			Items   []string `yaml:"items"`
		} `yaml:"sections"`
	}
	d, _ := decodeString(t, "sections:\n  - heading: A\n    items:\n      - x\n      - y\n  - heading: B\n", &v)
	for path, want := range map[string]diag.Pos{
		"sections[1].items[2]": {Line: 5, Col: 9},
		"sections[2].heading":  {Line: 6, Col: 14},
		"sections[2].items":    {Line: 6, Col: 5}, // absent: the nearest ancestor
		"sections":             {Line: 2, Col: 3},
	} {
		if got := d.At(path); got != want {
			t.Errorf("At(%q) = %v, want %v", path, got, want)
		}
	}
	if !d.Has("sections[1].items[2]") || d.Has("sections[2].items") {
		t.Error("Has is wrong")
	}
	if Index(Join("sections", "items"), 0) != "sections.items[1]" || Join("", "title") != "title" {
		t.Error("Join/Index")
	}
}

func TestValidationUsesPositionAndHint(t *testing.T) {
	var p person
	d, _ := decodeString(t, "name: An\nage: 7\n", &p)
	d.Error("name", "too short", "at least 3 letters")
	d.Warn("age", "very young", "")
	d.Diags.Sort()
	got := []string{d.Diags[0].Format(diag.En), d.Diags[1].Format(diag.En)}
	wantLines(t, got,
		"in.yaml:1:7: name: too short (expected at least 3 letters) [họ tên]",
		"in.yaml:2:6: age: warning: very young")
	if d.Diags.Errors() != 1 || !d.Diags.HasErrors() {
		t.Error("a warning counted as an error")
	}
}

func TestAliasReportedWhereUsed(t *testing.T) {
	var v struct {
		A string `yaml:"a"`
		B int    `yaml:"b"`
	}
	_, got := decodeString(t, "a: &x hello\nb: *x\n", &v)
	wantLines(t, got, `in.yaml:2:4: b: found the text "hello" (expected a whole number)`)
}

// upper is a custom Unmarshaler that accepts only capitals.
type upper string

func (u *upper) DecodeNode(d *Decoder, n *yaml.Node, path string) {
	s, ok := d.Scalar(n, path, [2]string{"chữ in hoa", "capital letters"})
	if ok && s != strings.ToUpper(s) {
		d.Problem(path, diag.Msg{Code: "test.upper", Vi: "không viết hoa", En: "not in capitals", FixVi: strings.ToUpper(s), FixEn: strings.ToUpper(s)})
		return
	}
	*u = upper(s)
}

func TestUnmarshaler(t *testing.T) {
	var v struct {
		Name upper   `yaml:"name"`
		List []upper `yaml:"list"`
	}
	_, got := decodeString(t, "name: UBND\nlist: [HĐND, ubnd, [x]]\n", &v)
	wantLines(t, got,
		"in.yaml:2:14: list[2]: not in capitals (expected UBND)",
		"in.yaml:2:20: list[3]: found a list (expected capital letters)")
	if v.Name != "UBND" || v.List[0] != "HĐND" {
		t.Errorf("decoded %+v", v)
	}
}

func TestMergeKeyExplained(t *testing.T) {
	var p person
	_, got := decodeString(t, "name: An\n<<: {age: 3}\n", &p)
	wantLines(t, got, `in.yaml:2:1: merge keys "<<" are not supported (expected the fields written out)`)
}

func TestNFC(t *testing.T) {
	var v struct {
		Title string `yaml:"title"`
	}
	// "Công" with the circumflex as a combining mark (NFD).
	_, got := decodeString(t, "title: Co\u0302ng ta\u0301c\n", &v)
	wantLines(t, got)
	if v.Title != "Công tác" {
		t.Errorf("not NFC: %q", v.Title)
	}
}

// firstMark is where unicode.Mn begins: the combining-mark check may skip
// every character below it.
func TestFirstMark(t *testing.T) {
	if lo := rune(unicode.Mn.R16[0].Lo); lo != firstMark {
		t.Fatalf("unicode.Mn starts at %U, want %U", lo, firstMark)
	}
	for r := rune(0); r < firstMark; r++ {
		if unicode.Is(unicode.Mn, r) {
			t.Fatalf("%U is a combining mark", r)
		}
	}
}

// Every character of nfcRanges is in NFC whatever stands around it and is
// no combining mark, so that normalise may leave a text made of them
// alone; and plainNFC refuses what lies outside (a decomposed letter, a
// broken byte).
func TestNFCRanges(t *testing.T) {
	for _, rg := range nfcRanges {
		for r := rg[0]; r < rg[1]; r++ {
			p := norm.NFC.PropertiesString(string(r))
			if p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(string(r)) || unicode.Is(unicode.Mn, r) {
				t.Fatalf("%U is not in NFC by itself, or combines with the character before it", r)
			}
			if !plainNFC("a" + string(r) + "ệ") {
				t.Fatalf("plainNFC refuses %U", r)
			}
		}
	}
	for _, s := range []string{"Vie\u0302\u0323t", "\u0301", "\xff", "a\u2001", "\u212B"} {
		if plainNFC(s) {
			t.Errorf("plainNFC(%+q) = true", s)
		}
	}
}

func TestNilRootLeavesValue(t *testing.T) {
	p := person{Name: "An"}
	d := New("in.yaml")
	d.Decode(d.Parse(nil), &p)
	if p.Name != "An" || len(d.Diags) != 1 || d.Diags[0].File != "in.yaml" {
		t.Errorf("%+v %v", p, d.Diags)
	}
}

// A yes/no field takes YAML's true/false and the Vietnamese có/không
// (with or without diacritics, any case), as the report flags do.
func TestBooleanWords(t *testing.T) {
	for src, want := range map[string]bool{
		"flag: true": true, "flag: có": true, "flag: Có": true, "flag: co": true, "flag: yes": true,
		"flag: false": false, "flag: không": false, "flag: KHÔNG": false, "flag: khong": false, "flag: no": false,
	} {
		v := struct {
			Flag bool `yaml:"flag"`
		}{Flag: !want}
		_, got := decodeString(t, src+"\n", &v)
		wantLines(t, got)
		if v.Flag != want {
			t.Errorf("%s: %v", src, v.Flag)
		}
	}
	var v struct {
		Flag bool `yaml:"flag"`
	}
	_, got := decodeString(t, "flag: rồi\n", &v)
	wantLines(t, got, `in.yaml:1:7: flag: found the text "rồi" (expected true or false (có or không))`)
}

// A text whose lines all end with LF gets the same line starts from the
// search for LF as from the reading of every break; other breaks are
// still found.
func TestLineStarts(t *testing.T) {
	for _, text := range []string{"", "a", "\n", "a\n", "a\nb", "a\n\nbệ\n“c”\n", "\n\nx"} {
		if got, want := newSource(text).lines, breakLines(text, []int{0}); !slices.Equal(got, want) {
			t.Errorf("%q: lines start at %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string][]int{"a\r\nb\rc\u0085d\u2028e\u2029f\ng": {0, 3, 5, 8, 12, 16, 18}} {
		if got := newSource(text).lines; !slices.Equal(got, want) {
			t.Errorf("%q: lines start at %v, want %v", text, got, want)
		}
	}
}

// hasInvisible finds every invisible character, alone or in a line, and
// nothing in Vietnamese text or typographic punctuation.
func TestHasInvisible(t *testing.T) {
	for r := range invisibles {
		if !hasInvisible("a" + string(r)) {
			t.Errorf("%U not found", r)
		}
	}
	if hasInvisible("- Phối hợp “đoàn thể” – Ủy ban… ©") {
		t.Error("an invisible character found in plain Vietnamese text")
	}
}
