package document

import (
	"strings"
	"testing"
)

const nbsp6 = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"

// The link line cites the document as a clerk does: type name, number
// and symbol, long date, issuer as a sentence writes it; without a
// number it keeps the blank of the "Số:" line. The date's five spaces
// (and the blank's six) are no-break spaces.
func TestLinkLine(t *testing.T) {
	for _, c := range []struct{ extra, want string }{
		{"number: 85\n", "(Kèm theo Chương trình số 85/CTr-UBND ngày 23 tháng 5 năm 2017 của Ủy ban nhân dân thị xã Bỉm Sơn)"},
		{"number: 5\ndate: 2020-01-05\n", "(Kèm theo Chương trình số 05/CTr-UBND ngày 05 tháng 01 năm 2020 của Ủy ban nhân dân thị xã Bỉm Sơn)"},
		{"", "(Kèm theo Chương trình số" + nbsp6 + "/CTr-UBND ngày 23 tháng 5 năm 2017 của Ủy ban nhân dân thị xã Bỉm Sơn)"},
		{"type: ke-hoach\nissuer: {name: [Sở Lao động - Thương binh, và Xã hội], abbr: SLĐTBXH}\nnumber: 12\n",
			"(Kèm theo Kế hoạch số 12/KH-SLĐTBXH ngày 23 tháng 5 năm 2017 của Sở Lao động - Thương binh và Xã hội)"},
		{"type: cong-van\nsymbol: UBND-VX\nnumber: 7\n", "(Kèm theo Công văn số 07/UBND-VX ngày 23 tháng 5 năm 2017 của Ủy ban nhân dân thị xã Bỉm Sơn)"},
		{"issuer: {name: SỞ TƯ PHÁP, abbr: STP, in_text: Sở Tư pháp tỉnh Thanh Hóa}\nnumber: 3\n",
			"(Kèm theo Chương trình số 03/CTr-STP ngày 23 tháng 5 năm 2017 của Sở Tư pháp tỉnh Thanh Hóa)"},
	} {
		doc := mustParse(t, c.extra+"closing: [Xem Phụ lục.]\nappendices: [{title: A, text: x}]\n")
		got := doc.LinkLine()
		nb := 5 // the date's spaces
		if !strings.Contains(c.extra, "number") {
			nb += 6 // the clerk's blank
		}
		if plain := strings.ReplaceAll(got, "\u00a0", " "); strings.Count(got, "\u00a0") != nb || plain != strings.ReplaceAll(c.want, "\u00a0", " ") {
			t.Errorf("%q:\ngot  %q\nwant %q", c.extra, got, c.want)
		}
	}
}

// A name in capitals is written as a sentence writes it (Nghị định 30,
// Phụ lục II); vanban is sure of Ủy ban nhân dân / Hội đồng nhân dân +
// unit + place, and says so when it gave capitals to a field of work.
func TestIssuerInText(t *testing.T) {
	for _, c := range []struct {
		name, want string
		sure       bool
	}{
		{"[ỦY BAN NHÂN DÂN, THỊ XÃ BỈM SƠN]", "Ủy ban nhân dân thị xã Bỉm Sơn", true},
		{"ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "Ủy ban nhân dân tỉnh Thanh Hóa", true},
		{"HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Hội đồng nhân dân thành phố Hồ Chí Minh", true},
		{"ỦY BAN NHÂN DÂN XÃ QUANG TRUNG", "Ủy ban nhân dân xã Quang Trung", true},
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội", false},
		{"Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin", true},
	} {
		doc := mustParse(t, "issuer: {name: "+c.name+", abbr: UBND}\nclosing: [x]\n")
		if got, sure := doc.IssuerInText(); got != c.want || sure != c.sure {
			t.Errorf("%s: got %q %v, want %q %v", c.name, got, sure, c.want, c.sure)
		}
	}
}

// The main text must point to each appendix (nd30.md §2.15): a warning
// names each one it never mentions, at the appendix.
func TestAppendixMentions(t *testing.T) {
	three := "appendices:\n  - {title: A, text: a}\n  - {title: B, text: b}\n  - {title: C, text: c}\n"
	for _, c := range []struct{ closing, want string }{
		{`"Chi tiết tại Phụ lục I, II và III."`, ""},
		{"Chi tiết tại các Phụ lục I đến III.", ""},
		{"Chi tiết tại phụ lục I - III kèm theo.", ""},
		{"Chi tiết tại Phụ lục II.", "x.yaml:11:5: appendices[1]: warning: the text never mentions Phụ lục I (expected a sentence of the body that points to it, such as \"… (chi tiết tại Phụ lục I kèm theo)\") [các phụ lục]\n" +
			"x.yaml:13:5: appendices[3]: warning: the text never mentions Phụ lục III (expected a sentence of the body that points to it, such as \"… (chi tiết tại Phụ lục III kèm theo)\") [các phụ lục]"},
		{"Chi tiết tại Phụ lục IV và các phụ lục kèm theo.", "x.yaml:11:3: appendices: warning: the text mentions Phụ lục IV, but the document has 3 appendices (expected an appendix for each one the text names, or the text corrected) [các phụ lục]\n" +
			"x.yaml:11:5: appendices[1]: warning: the text never mentions Phụ lục I (expected a sentence of the body that points to it, such as \"… (chi tiết tại Phụ lục I kèm theo)\") [các phụ lục]\n" +
			"x.yaml:12:5: appendices[2]: warning: the text never mentions Phụ lục II (expected a sentence of the body that points to it, such as \"… (chi tiết tại Phụ lục II kèm theo)\") [các phụ lục]\n" +
			"x.yaml:13:5: appendices[3]: warning: the text never mentions Phụ lục III (expected a sentence of the body that points to it, such as \"… (chi tiết tại Phụ lục III kèm theo)\") [các phụ lục]"},
		{"Chi tiết tại Phụ lục 1, Phụ lục số 02 và Phụ lục III.", "x.yaml:11:5: appendices[1]: warning: the text calls it Phụ lục 1, but it is printed as Phụ lục I (expected Phụ lục I in the text: Nghị định 30 numbers appendices I, II, III …) [các phụ lục]\n" +
			"x.yaml:12:5: appendices[2]: warning: the text calls it Phụ lục 2, but it is printed as Phụ lục II (expected Phụ lục II in the text: Nghị định 30 numbers appendices I, II, III …) [các phụ lục]"},
	} {
		doc, diags := parse(t, "closing: ["+c.closing+"]\n"+three)
		if doc == nil {
			t.Fatalf("errors: %v", diags)
		}
		if got := strings.TrimSpace(lines(diags)); got != c.want {
			t.Errorf("%q:\ngot\n%s\nwant\n%s", c.closing, got, c.want)
		}
	}
	// One appendix is "Phụ lục", without a number.
	_, diags := parse(t, "closing: [Danh sách tại Phụ lục kèm theo.]\nappendices: [{title: A, text: a}]\n")
	if len(diags) != 0 {
		t.Errorf("one appendix, mentioned: %v", diags)
	}
	_, diags = parse(t, "closing: [x]\nappendices: [{title: A, text: a}]\n")
	if got := strings.TrimSpace(lines(diags)); got != "x.yaml:10:14: appendices[1]: warning: the text never mentions Phụ lục (expected a sentence of the body that points to it, such as \"… (chi tiết tại Phụ lục kèm theo)\") [các phụ lục]" {
		t.Errorf("one appendix, not mentioned: %s", got)
	}
}

// An issuer in capitals that vanban cannot write as a sentence for sure
// is a warning at the name, naming the guess and the key that fixes it.
func TestIssuerGuessWarning(t *testing.T) {
	_, diags := parse(t, "issuer: {name: SỞ TƯ PHÁP, abbr: STP}\nclosing: [Phụ lục]\nappendices: [{title: A, text: a}]\n")
	want := `x.yaml:8:16: issuer.name: warning: the appendices' "Kèm theo" line writes the name as "Sở Tư pháp"; check its capitals (expected issuer.in_text: the name as a sentence writes it, such as Sở Lao động - Thương binh và Xã hội) [tên cơ quan ban hành]`
	if got := strings.TrimSpace(lines(diags)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The appendices of a decision belong to the authority that issues it:
// "(Kèm theo Quyết định số 412/QĐ-UBND … của Chủ tịch Ủy ban nhân dân thị
// xã Bỉm Sơn)", from issued_by.
func TestLinkLineOfADecision(t *testing.T) {
	doc, diags := parse(t, "type: quyet-dinh\nnumber: 412\nissued_by: CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN\n"+
		"articles: [{title: A, text: Ban hành kèm theo Quyết định này Phụ lục.}, {text: b}, {text: c}]\nappendices: [{title: A, text: a}]\n")
	if doc == nil {
		t.Fatalf("errors: %v", diags)
	}
	got := strings.ReplaceAll(doc.LinkLine(), "\u00a0", " ")
	want := "(Kèm theo Quyết định số 412/QĐ-UBND ngày 23 tháng 5 năm 2017 của Chủ tịch Ủy ban nhân dân thị xã Bỉm Sơn)"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestAppendixErrors(t *testing.T) {
	_, diags := parse(t, `closing: ["Phụ lục I, II, III"]
appendices:
  - {title: "", text: a}
  - title: B
  - {title: "**C", sections: [{heading: a, sections: [{heading: b, sections: [{heading: c, sections: [{heading: d, sections: [{heading: e}]}]}]}]}]}
`)
	want := `x.yaml:11:13: appendices[1].title: this required field is empty (expected a value) [tên phụ lục]
x.yaml:12:5: appendices[2]: the appendix has no content (expected text:, items:, table: or sections: under its title) [các phụ lục]
x.yaml:13:14: appendices[3].title: "**" is opened here but never closed (expected a closing ** right after the last word, or \\* to print an asterisk) [tên phụ lục]
x.yaml:13:126: appendices[3].sections[1].sections[1].sections[1].sections[1].sections: sections are nested 5 levels deep (expected at most four levels, numbered I., 1., 1.1. and a) (or 1., 1.1., 1.1.1., 1.1.1.1. with style.numbering: decimal); write deeper points as items) [mục con]`
	if got := strings.TrimSpace(lines(diags)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// landscape: is a yes/no key: true or the clerk's "có" turn the
// appendix's pages; anything else is an error at the key; a landscape
// appendix without a table is a warning (the decree turns pages only for
// wide tables).
func TestAppendixLandscape(t *testing.T) {
	table := "table: {columns: [{title: A}, {title: B}], rows: [[a, b]]}"
	for _, c := range []struct {
		value string
		want  bool
	}{{"true", true}, {"có", true}, {"co", true}, {"false", false}, {"không", false}} {
		doc := mustParse(t, "closing: [Phụ lục]\nappendices: [{title: A, landscape: "+c.value+", "+table+"}]\n")
		if got := doc.Appendices[0].Landscape; got != c.want {
			t.Errorf("landscape: %s: got %v, want %v", c.value, got, c.want)
		}
	}
	doc := mustParse(t, "closing: [Phụ lục]\nappendices: [{title: A, sections: [{heading: H, "+table+"}], landscape: true}]\n")
	if !doc.Appendices[0].Landscape {
		t.Error("a table in a section: not landscape")
	}

	doc, diags := parse(t, "closing: [Phụ lục]\nappendices: [{title: A, landscape: ngang, "+table+"}]\n")
	want := "x.yaml:10:36: appendices[1].landscape: found the text \"ngang\" (expected true or false (có or không)) [trang nằm ngang]"
	if got := strings.TrimSpace(lines(diags)); doc != nil || got != want {
		t.Errorf("landscape: ngang:\ngot\n%s\nwant\n%s", got, want)
	}
	_, diags = parse(t, "closing: [Phụ lục]\nappendices: [{title: A, landscape: true, text: a}]\n")
	want = "x.yaml:10:36: appendices[1].landscape: warning: the appendix is set landscape but holds no table; Nghị định 30 turns a page only for a table too wide for portrait (expected landscape: true only on an appendix with a wide table) [trang nằm ngang]"
	if got := strings.TrimSpace(lines(diags)); got != want {
		t.Errorf("landscape without a table:\ngot\n%s\nwant\n%s", got, want)
	}
}
