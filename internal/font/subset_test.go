package font

import (
	"slices"
	"testing"

	"github.com/vanban/vanban/fonts"
)

// Letters with stacked marks are composite glyphs in Liberation Serif, so
// this also exercises the composite closure.
const subsetSample = "Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập, Tự do, Hạnh phúc “1234” ỹỴƯứĐđ"

func sortedRunes(s string) []rune {
	rs := []rune(s)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// The subset maps exactly the characters asked for (those the font has),
// with the widths of the whole font.
func TestSubsetCharacters(t *testing.T) {
	full := fonts.Serif(fonts.Regular)
	whole, _ := Parse(full)
	want := sortedRunes(subsetSample + "⚡") // the font lacks ⚡
	sub, err := subset(full, want)
	if err != nil {
		t.Fatal(err)
	}
	face, err := Parse(sub)
	if err != nil {
		t.Fatalf("the subset is not a usable font: %v", err)
	}
	for r := rune(1); r < 0xFFFF; r++ {
		_, asked := slices.BinarySearch(want, r)
		if has := face.Has(r); has != (asked && whole.Has(r)) {
			t.Errorf("U+%04X: in the subset %v, asked for %v, in the font %v", r, has, asked, whole.Has(r))
		}
		if face.Has(r) && face.Units(string(r)) != whole.Units(string(r)) {
			t.Errorf("U+%04X: width %d in the subset, %d in the font", r, face.Units(string(r)), whole.Units(string(r)))
		}
	}
	if face.Ascent != whole.Ascent || face.Descent != whole.Descent || face.missing != whole.missing {
		t.Error("the subset's vertical metrics or missing width differ from the font's")
	}
}

// A font the subsetter cannot follow is reported, never a crash; the
// painter then embeds the whole font.
func TestSubsetBrokenFont(t *testing.T) {
	full := fonts.Serif(fonts.Regular)
	for _, cut := range []int{0, 11, 100, len(full) / 2} {
		if _, err := subset(full[:cut], []rune("a")); err == nil {
			t.Errorf("a font cut at %d bytes was subset without error", cut)
		}
	}
}

func FuzzSubset(f *testing.F) {
	// A seed of a few hundred bytes (outlines of "ộ" and its parts, no
	// hinting, no names) keeps the fuzzer's minimisation quick.
	sub, err := subset(fonts.Serif(fonts.Regular), []rune("ộ"))
	if err != nil {
		f.Fatal(err)
	}
	t, _ := tables(sub)
	for _, name := range keptTables {
		delete(t, name)
	}
	f.Add(assemble(t), "ộa")
	f.Fuzz(func(t *testing.T, font []byte, text string) {
		out, err := subset(font, sortedRunes(text))
		if err == nil {
			subset(out, sortedRunes(text))
		}
	})
}

// A subset's widths are the widths the layout measures, character by
// character, so text drawn with them ends where the layout put its end.
func TestSubsetWidths(t *testing.T) {
	fam, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range Styles {
		face := fam.Face(st)
		var runes []rune
		for r := rune(1); r < 0xFFFF; r++ {
			if face.Has(r) {
				runes = append(runes, r)
			}
		}
		sub, err := face.Subset(runes)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range runes {
			g := sub.Glyphs[i]
			if g == 0 {
				t.Fatalf("%s U+%04X: no glyph in the subset", st, r)
			}
			if sub.Widths[g] != face.Units(string(r)) {
				t.Errorf("%s U+%04X: width %d in the subset, %d measured", st, r, sub.Widths[g], face.Units(string(r)))
			}
		}
		if sub.Widths[0] != face.MissingWidth() {
			t.Errorf("%s: .notdef is %d wide, missing characters %d", st, sub.Widths[0], face.MissingWidth())
		}
	}
}

// The descriptor of each style says what a PDF reader needs: the name,
// the italic angle and the flags of the style.
func TestDescriptor(t *testing.T) {
	fam, _ := Embedded()
	want := map[Style]string{Regular: "LiberationSerif", Bold: "LiberationSerif-Bold", Italic: "LiberationSerif-Italic", BoldItalic: "LiberationSerif-BoldItalic"}
	for _, st := range Styles {
		d := fam.Face(st).Descriptor()
		if d.PostScriptName != want[st] {
			t.Errorf("%s: PostScript name %q", st, d.PostScriptName)
		}
		if (d.ItalicAngle != 0) != st.Italic() || (d.Flags&64 != 0) != st.Italic() || (d.Flags&262144 != 0) != st.Bold() {
			t.Errorf("%s: italic angle %d, flags %d", st, d.ItalicAngle, d.Flags)
		}
		if d.Ascent <= 0 || d.Descent >= 0 || d.CapHeight <= 0 || d.BBox[2] <= d.BBox[0] {
			t.Errorf("%s: implausible metrics %+v", st, d)
		}
	}
}
