package document

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Parts (phần) are the level above "I." in a long báo cáo or kế hoạch:
// "Phần thứ nhất / KẾT QUẢ THỰC HIỆN …", "Phần thứ hai / PHƯƠNG HƯỚNG,
// NHIỆM VỤ …". The decree's structure (nd30.md §2.10, tables A and B) puts
// a part's label on its own line, the word in lower case, and its title
// in capitals on the next, both centred and bold; published reports write
// the label with the ordinal word, "Phần thứ nhất" (Báo cáo 218/BC-UBND
// of UBND xã Cẩm Hà, 2022; the commune's mid-term report of 2018 on
// 123docz.net, "Phần thứ nhất / TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT …"). vanban
// sets them so: two ChapterHead blocks, as the chapters of a rule, kept
// with what follows. The sections of each part are numbered from I.
// again; the numbering's style (how many levels) is the same in every part.
//
// A clerk writes them under parts:, each with heading: and what a section
// has (text, items, table, sections). Top-level sections typed "Phần thứ
// nhất: Kết quả …" (or "PHẦN I. …", "Phần thứ 2 - …") are read as parts,
// with a warning at each label saying how to write it (recognizeParts).

// PartLabel is the label of part k (0-based): "Phần thứ nhất".
func PartLabel(k int) string { return "Phần thứ " + viet.Ordinal(k+1) }

// partsNumberer numbers the sections of all the parts of a flow: the
// style depends on the deepest part, the counts restart in each. Under a
// part the first level is "I." even when it is the only one (the seed's
// "1." for a single level is for a document without parts): the part is
// the level above it.
func partsNumberer(ps []Section, decimal bool) *numberer {
	var all []Section
	for i := range ps {
		all = append(all, ps[i].Sections...)
	}
	nb := newNumberer(all, decimal)
	nb.depth = max(nb.depth, 2)
	return nb
}

// parts adds the parts: the label and the title in capitals, centred
// and bold, then the part's own text, items and table, then its
// sections.
func (b *bodyBuilder) parts(ps []Section, path string) {
	for k := range ps {
		if b.enough() {
			return
		}
		p := &ps[k]
		b.blocks = append(b.blocks, Block{Kind: ChapterHead, Spans: []Span{{Text: PartLabel(k), Bold: true}}, Path: decode.Index(path, k)})
		n := len(b.blocks)
		b.add(ChapterHead, 1, p.Heading, oneLine(p.Heading.Value), nil)
		for i := n; i < len(b.blocks); i++ {
			for j := range b.blocks[i].Spans {
				sp := &b.blocks[i].Spans[j]
				sp.Bold = true
				sp.Text = viet.Upper(sp.Text)
			}
			b.blocks[i].Spans = merge(b.blocks[i].Spans)
		}
		b.text(p.Text)
		b.items(p.Items)
		b.table(p.Table)
		b.sections(p.Sections, 1)
	}
}

// parts visits the parts of a flow.
func (w *walker) parts(ps []Section, nb *numberer) {
	for k := range ps {
		p := &ps[k]
		w.text(&p.RunIn, Setting, "")
		w.text(&p.Heading, PartTitle, PartLabel(k))
		w.text(&p.Text, ParagraphText, "")
		w.list(p.Items, ItemText)
		w.table(p.Table)
		w.sections(p.Sections, 1, nb)
	}
}

// typedPart reads a part's label typed at the start of s: "Phần thứ
// nhất", "PHẦN THỨ HAI", "Phần thứ 3", "Phần I", "Phần 2", then ".", ":",
// "-" or a line break or a space and a capital, then the title.
func typedPart(s string) (typed, bool) {
	j, ordinal, ok := partWord(s)
	if !ok {
		return typed{}, false
	}
	n, k := 0, 0
	if ordinal { // "thứ": an ordinal word of up to three words
		end := j
		for w := 0; w < 3; w++ {
			e := end + leadingSpace(s[end:])
			l := e
			for l < len(s) {
				r, size := utf8.DecodeRuneInString(s[l:])
				if !unicode.IsLetter(r) {
					break
				}
				l += size
			}
			if l == e {
				break
			}
			end = l
			if v, ok := viet.OrdinalValue(s[j:end]); ok {
				n, k = v, end
			}
		}
	}
	if n == 0 {
		form, v, e := readNumber(s, j)
		if form != arabic && form != roman {
			return typed{}, false
		}
		n, k = v, e
	}
	start := leadingSpace(s)
	if t, ok := delimited(s, start, k, arabic, true); ok {
		t.form, t.n = arabic, n
		return t, true
	}
	if spaces := leadingSpace(s[k:]); spaces > 0 {
		next, _ := utf8.DecodeRuneInString(s[k+spaces:])
		if unicode.IsUpper(next) {
			return typed{text: trim(s[start:k]), end: k + spaces, form: arabic, n: n}, true
		}
	}
	return typed{}, false
}

// partNumber is the number of vanban's label "Phần thứ nhất".
func partNumber(label string) int {
	n, _ := viet.OrdinalValue(strings.TrimPrefix(label, "Phần thứ "))
	return n
}

// recognizeParts reads top-level sections typed "Phần thứ nhất: …" as
// parts: when one of the top-level sections of a flow (the document, an
// attached document) starts with a part's label, they all are parts. The
// labels are removed, each with a warning, by typedLabels.
func (v *validator) recognizeParts() {
	move := func(parts, sections *[]Section) {
		if len(*parts) > 0 {
			return
		}
		for i := range *sections {
			h := (*sections)[i].Heading.Value
			if _, ok := typedPart(h[markupStart(h):]); ok && runInWord(&(*sections)[i]) == "" {
				*parts, *sections = *sections, nil
				return
			}
		}
	}
	move(&v.doc.Parts, &v.doc.Sections)
	for i := range v.doc.Attachments {
		move(&v.doc.Attachments[i].Parts, &v.doc.Attachments[i].Sections)
	}
}

// partChecks checks the parts of a flow at path: not together with
// sections outside them, no run-in label, sections no deeper than the
// numbering allows.
func (v *validator) partChecks(ps, ss []Section, path string) {
	if len(ps) == 0 {
		return
	}
	if len(ss) > 0 {
		v.d.Problem(decode.Join(path, "sections"), msg("parts.with-sections",
			"có các mục (sections:) nằm ngoài các phần (parts:)", "sections stand outside the parts",
			"đặt các mục này vào một phần: dưới parts:, trong sections: của phần đó",
			"these sections inside a part: under parts:, in that part's sections:"))
	}
	for k := range ps {
		p := partPath(ps, k, path)
		if trim(ps[k].RunIn.Value) != "" {
			v.d.Problem(decode.Join(p, "run_in"), msg("part.run-in",
				fmt.Sprintf("%s không có nhãn đầu dòng: vanban in “%s” trên một dòng riêng, tên phần in hoa ở dòng dưới", PartLabel(k), PartLabel(k)),
				fmt.Sprintf("%s takes no run-in label: vanban prints %q on a line of its own, the part's title in capitals under it", PartLabel(k), PartLabel(k)),
				"bỏ dòng run_in: của phần này", "no run_in: on a part"))
		}
	}
	nb := partsNumberer(ps, v.doc.Style.Decimal())
	for k := range ps {
		p := partPath(ps, k, path)
		v.depth(ps[k].Sections, decode.Join(p, "sections"), 1, nb)
	}
}

// partPath is the path of part k of a flow at path, as written: under
// parts:, or under sections: when it was recognised by its typed label.
func partPath(ps []Section, k int, path string) string {
	if p, ok := strings.CutSuffix(ps[k].Heading.Path, ".heading"); ok {
		return p
	}
	return decode.Index(decode.Join(path, "parts"), k)
}

// recognizedPart is the message about the label typed before a part
// written under sections: (recognizeParts): what vanban made of it, and
// how to write it without the warning, the title as printed being rest.
func (v *validator) recognizedPart(f Field, t typed, m diag.Msg, rest string) diag.Msg {
	m.Code = "part.typed-in-sections"
	m.Vi = "đã bỏ “" + t.text + "” gõ ở đầu: vanban in các mục ngoài cùng thành các phần, phần này là “" + f.Label + "” (in ở giữa dòng, tên phần in hoa ở dòng dưới), các mục bên trong đánh số lại từ I."
	m.En = strconv.Quote(t.text) + " typed at the start was left out: vanban sets the outermost sections as parts, this one " + strconv.Quote(f.Label) + " (centred, the title in capitals under it), the sections inside numbered from I. again"
	if !sameNumber(t, f.Label, f.Role) {
		typed := strings.TrimRight(t.text, ".:-– ")
		m.Vi += "; theo thứ tự, đây là “" + f.Label + "”, không phải “" + typed + "”"
		m.En += "; counting in order it is " + strconv.Quote(f.Label) + ", not " + strconv.Quote(typed)
	}
	m.FixVi = "đổi sections: ở ngoài cùng thành parts: và chỉ gõ: " + rest
	m.FixEn = "parts: instead of the outermost sections:, and the title alone: " + rest
	return m
}
