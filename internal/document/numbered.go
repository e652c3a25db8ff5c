package document

import (
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Items numbered by hand. vanban prints a dash before each item and never
// numbers items itself, so a number typed at the start of an item is the
// clerk's own: "- 1. Nhiệt liệt chào mừng …", "- 2. …" copy a list that the
// published text numbers. Such a list is printed as typed, each item a
// paragraph starting with its number, without vanban's dash (the dash and
// a number together, "- 1. …", are in no source). A list is numbered by
// hand when it has two items or more and each starts with a number of the
// same kind read as the typed numbers of headings are ("1.", "2)", "a)",
// never "1.000 hộ" or "8/3"): typed.go decides what is a number.
//
// Headings are different: vanban numbers them, so a number typed there is
// removed (typed.go). Two warnings here: numbers that do not follow each
// other ("4." after "2."), and a number typed before some items only, which
// is then printed after the dash.

// itemNumber reads the number typed at the start of an item.
func itemNumber(t Text) (typed, bool) {
	s := strings.TrimLeft(t.Value, " \t\n")
	if trim(s) == "" {
		return typed{}, false
	}
	return typedNumber(s[markupStart(s):], arabic, letter)
}

// handNumbered reports whether every item of l starts with a number of one
// kind, as a list numbered by hand: then vanban prints the numbers and no
// dashes.
func handNumbered(l TextList) bool {
	n, form := 0, noForm
	for _, it := range l {
		if trim(it.Value) == "" {
			continue
		}
		t, ok := itemNumber(it)
		if !ok || form != noForm && t.form != form {
			return false
		}
		form = t.form
		n++
	}
	return n >= 2
}

// numberedItems warns about the lists whose items are numbered by hand
// where the numbers do not follow each other, and about numbers typed
// before some items of a list only.
func (v *validator) numberedItems() {
	for _, l := range v.doc.dashLists() {
		if handNumbered(l) {
			v.numberOrder(l)
			continue
		}
		for _, it := range l {
			if t, ok := itemNumber(it); ok {
				v.d.WarningAt(v.numberPos(it), it.Path, msg("numbering.item-typed",
					"ý này bắt đầu bằng số “"+t.text+"” gõ tay nên được in là “- "+t.text+" …”, có cả dấu gạch đầu dòng lẫn số",
					"this item starts with the number "+strconv.Quote(t.text)+" typed by hand, so it is printed as "+
						strconv.Quote("- "+t.text+" …")+", with both vanban's dash and the number",
					"nếu đây là danh sách đánh số, gõ số ở đầu mọi ý của danh sách theo thứ tự (1., 2., 3. …): vanban in các số đó thay cho dấu gạch; nếu không cần số, xóa “"+t.text+"”",
					"a number at the start of every item of the list, in order (1., 2., 3. …), for a numbered list: vanban then prints the numbers instead of dashes; or "+strconv.Quote(t.text)+" removed"))
				break
			}
		}
	}
}

// numberOrder warns at the first item of a list numbered by hand whose
// number does not follow the one before it.
func (v *validator) numberOrder(l TextList) {
	var prev typed
	for _, it := range l {
		t, ok := itemNumber(it)
		if !ok {
			continue
		}
		if prev.text != "" && t.n != prev.n+1 {
			want := strconv.Itoa(prev.n + 1)
			if t.form == letter {
				want = viet.Letter(prev.n + 1)
			}
			want += t.text[len(t.text)-1:]
			v.d.WarningAt(v.numberPos(it), it.Path, msg("numbering.item-order",
				"số “"+t.text+"” gõ ở đầu ý này không liền sau số “"+prev.text+"” của ý trên",
				"the number "+strconv.Quote(t.text)+" typed at the start of this item does not follow "+strconv.Quote(prev.text)+" of the item above",
				"xem lại có thiếu hay thừa ý nào không; nếu không, sửa thành “"+want+"”",
				"no missing or extra item above, or "+strconv.Quote(want)+" instead"))
			return
		}
		prev = t
	}
}

// numberPos is the position of the number typed at the start of an item.
func (v *validator) numberPos(it Text) diag.Pos {
	return Locate(v.doc.Source, it, leadingSpace(it.Value))
}

// dashLists are the lists of dash items, each in order, from the walk
// over the document's texts (points, which vanban letters, are not items).
func (doc *Document) dashLists() []TextList {
	var out []TextList
	at := map[string]int{}
	for f := range doc.Fields() {
		if f.Role != ItemText {
			continue
		}
		list := f.Path
		if k := strings.LastIndexByte(list, '['); k > 0 && strings.HasSuffix(list, "]") {
			list = list[:k]
		}
		k, ok := at[list]
		if !ok {
			k = len(out)
			at[list] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], *f.Text)
	}
	return out
}
