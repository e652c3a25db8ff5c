package layout_test

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/internal/viet"
)

// Caps on what one execution lays out, so that the fuzzer runs many
// executions a second and still reaches long words, thousands of items and
// deep nesting (at worst about 100 pages, 0.1 s).
const (
	maxText  = 2000 // bytes of the fuzzed text
	maxDepth = 6    // levels of sections (validation allows 3)
	itemText = 60   // bytes of the text each item takes
)

// size maps a fuzzed number to a count: its low 11 bits (up to 2047 items
// or bytes) when its high bits are 0, else at most small. Random numbers
// then mostly give small, fast documents, and one in 32 a large one.
func size(v uint16, small int) int {
	n := int(v & 0x7ff)
	if v>>11 != 0 {
		n %= small + 1
	}
	return n
}

// FuzzLayout lays out documents made of arbitrary text and checks what a
// reader of the printed page would notice: text in the margin, lines
// printed over each other, empty or superfluous pages, the signature not
// on the last page, a page number on page 1.
func FuzzLayout(f *testing.F) {
	m := fonts(f)
	f.Add("Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về bình đẳng giới.", uint16(3), uint8(2), uint16(0), uint8(0))
	f.Add("**Điều 1.** Phạm vi *điều chỉnh* và ***đối tượng***", uint16(0), uint8(1), uint16(400), uint8(1))
	f.Add("", uint16(0), uint8(0), uint16(0), uint8(2))
	f.Add(" \t\n  \n ", uint16(5), uint8(0), uint16(0), uint8(3))
	f.Add("https://www.example.gov.vn/van-ban/"+strings.Repeat("x", 200), uint16(1), uint8(0), uint16(2047), uint8(4))
	f.Add("Mục", uint16(2000), uint8(6), uint16(0), uint8(0xff))
	f.Add("LAO ĐỘNG - THƯƠNG BINH - XÃ HỘI - - - —", uint16(40), uint8(3), uint16(90), uint8(0x55))
	f.Add("**mở mà không đóng *nghiêng **đậm* ** * \\* ***", uint16(7), uint8(4), uint16(10), uint8(0xaa))
	// Tables and appendices (flags 0x40, 0x80): a long numbered table,
	// tall rows of one long word, appendices with nested sections.
	f.Add("Tổ chức Hội nghị tổng kết, Phòng LĐ-TB&XH; Quý II - Quý III", uint16(60), uint8(2), uint16(0), uint8(0xc0))
	f.Add("Năm học 2024 - 2025", uint16(1), uint8(3), uint16(1500), uint8(0xc8))
	f.Add("x", uint16(300), uint8(0), uint16(30), uint8(0x80))
	f.Add(strings.Repeat("Phân công nhiệm vụ thực hiện kế hoạch ", 40), uint16(9), uint8(1), uint16(600), uint8(0x40))
	// A narrow table of five columns with figures, a heading word with a
	// slash and an address, cut at their separators and warned of.
	f.Add("1.250.000.000 350.000.000 5,0 Tăng/giảm (%) 10.500.000.000 https://bimson.thanhhoa.gov.vn/tin-tuc?id=12&p=3 -2,5", uint16(9), uint8(0), uint16(40), uint8(0xc0))
	// Landscape appendices (the two high bits of depth): the first, the
	// second, both, over a long table and with the wide margins.
	f.Add("Dự toán kinh phí 1.250.000.000 350.000.000 Ngân sách tỉnh", uint16(80), uint8(0x42), uint16(0), uint8(0xc0))
	f.Add("Danh sách đơn vị", uint16(30), uint8(0x81), uint16(300), uint8(0x88))
	f.Add(strings.Repeat("Phân công nhiệm vụ thực hiện kế hoạch ", 20), uint16(2000), uint8(0xc3), uint16(90), uint8(0xc9))
	// Footnotes (an odd long): called in the preamble, an item and the
	// closing, one of them long enough to continue over pages.
	f.Add("Bộ Tư pháp đã thẩm định 33 đề nghị xây dựng văn bản quy phạm pháp luật", uint16(30), uint8(2), uint16(39), uint8(0))
	f.Add(strings.Repeat("Chú thích dài về nguồn số liệu thống kê ", 30), uint16(300), uint8(3), uint16(1), uint8(0x80))
	// Parts (long%3 == 2), and a decision in the 2025 form (flag 0x20,
	// an odd number of items).
	f.Add("Kết quả thực hiện kế hoạch 6 tháng đầu năm", uint16(12), uint8(3), uint16(2), uint8(0x40))
	f.Add(strings.Repeat("Phương hướng nhiệm vụ ", 30), uint16(200), uint8(4), uint16(5), uint8(0x80))
	f.Add("Ủy ban nhân dân ban hành Quyết định quy định chi tiết", uint16(7), uint8(2), uint16(0), uint8(0x20))
	// Two signers (long%5 == 3): a short and a long left block, with
	// footnotes, with the wide margins and authority lines on the right,
	// in parts.
	f.Add("Thư ký hội nghị", uint16(3), uint8(1), uint16(3), uint8(0))
	f.Add(strings.Repeat("Ban Vì sự tiến bộ của phụ nữ ", 8), uint16(40), uint8(2), uint16(13), uint8(0x18))
	f.Add("Kết quả thực hiện kế hoạch", uint16(25), uint8(3), uint16(8), uint8(0x10))
	// An article holding a plan's I./1./a) outline, long enough to break pages inside it.
	f.Add("Thông qua Kế hoạch phát triển kinh tế - xã hội năm 2026, với những nội dung chính như sau", uint16(30), uint8(3), uint16(3), uint8(0x20))
	f.Add(strings.Repeat("Mục tiêu và các chỉ tiêu chủ yếu ", 25), uint16(200), uint8(0x43), uint16(0), uint8(0x28))
	f.Fuzz(func(t *testing.T, text string, items uint16, depth uint8, long uint16, flags uint8) {
		doc := fuzzDocument(text, size(items, 40), int(depth)%(maxDepth+1), size(long, 100), flags, depth>>6)
		o := layout.OptionsFor(doc.Style)
		pages, warnings := layout.ComposeWarnings(doc, m, o)
		checkPages(t, pages, m, o)
		if doc.Cosigner != nil {
			checkTwoNames(t, pages)
		}
		for _, p := range pages {
			landscape := p.Appendix > 0 && doc.Appendices[p.Appendix-1].Landscape
			if w, h := p.W, p.H; landscape && (w != 297 || h != 210) || !landscape && (w != 210 || h != 297) {
				t.Fatalf("page %d (appendix %d, landscape %v) is %v × %v mm", p.Number, p.Appendix, landscape, w, h)
			}
		}
		for _, w := range warnings {
			if w.Code == "layout.signature-alone" {
				checkFitHint(t, doc, m, o, pages, w)
				continue
			}
			if w.Path == "" || !strings.HasPrefix(w.En, "the word ") || !strings.Contains(w.FixEn, "wider column") {
				t.Fatalf("warning %+v", w)
			}
		}
	})
}

// fuzzDocument builds a document from the fuzzed values. Required fields
// that validation would refuse blank get a fallback, as a valid document
// has them; everything else may be empty, blank or huge. Bit i of
// landscape turns appendix i+1.
func fuzzDocument(text string, items, depth, long int, flags, landscape uint8) *document.Document {
	text = clean(text)
	bit := func(i uint) bool { return flags&(1<<i) != 0 }
	word := longWord(text, long)
	tx := func(s string) document.Text { return document.Text{Value: s} }
	or := func(s, def string) string {
		if strings.TrimSpace(s) == "" {
			return def
		}
		return s
	}
	// The header's texts are limited by validation: page 1 cannot
	// continue on page 2.
	head := func(s string, n int) string { return slice(s, 0, n) }
	doc := &document.Document{
		Kind:   document.DocType{Key: "ke-hoach", Name: "Kế hoạch", Abbr: "KH"},
		Issuer: document.Issuer{Name: document.TextList{tx(or(head(text, document.MaxIssuerChars/2), "ỦY BAN NHÂN DÂN"))}, Abbr: tx("UBND")},
		Number: document.Number{N: 5},
		Symbol: tx(head(word, document.MaxSymbolChars)),
		Place:  tx(or(head(text, document.MaxPlaceChars), "Bỉm Sơn")),
		Date:   viet.Date{Year: 2017, Month: 5, Day: 23},
		Title:  document.TextList{tx(or(text+" "+word, "Công tác năm 2017"))},
		Signer: document.Signer{Position: tx("CHỦ TỊCH"), Name: tx(or(word, "Mai Đình Lâm"))},
	}
	if bit(0) {
		doc.Kind = document.DocType{Key: "cong-van", Name: "Công văn"}
		doc.Title = document.TextList{tx(or(head(doc.Title[0].Value, document.MaxLetterAbstract), "Công tác năm 2017"))}
		doc.To = document.TextList{tx(text), tx(word)}
	}
	doc.Draft = bit(1)
	if bit(1) { // validation allows 300 characters of address
		doc.Address = document.TextList{tx(slice(text, 0, 150)), tx(slice(word, 0, 150))}
	}
	if bit(2) {
		doc.Urgency = tx("hỏa tốc")
		doc.Secrecy = tx("tuyệt mật")
	}
	if bit(3) {
		doc.Style = document.StyleOptions{BodySize: 13, HeaderSize: 13, LineSpacing: 1.5, Indent: 12.7,
			Margins: document.Margins{Top: 25, Bottom: 25, Left: 35, Right: 20}, Items: tx("hanging")}
	}
	if bit(4) {
		doc.Issuer.Parent = document.TextList{tx(head(text, document.MaxIssuerChars/2))}
		doc.Signer.Authority = document.TextList{tx("TM. " + text), tx("KT. CHỦ TỊCH")}
	}
	doc.Bases = document.TextList{tx(text), tx(word)}
	doc.Preamble = document.TextList{tx(word + " " + text), tx("")}
	doc.Sections = nested(text, word, depth)
	last := document.Section{Heading: tx(text)}
	for i := 0; i < items; i++ {
		last.Items = append(last.Items, tx(slice(text, i*7, itemText)))
	}
	doc.Sections = append(doc.Sections, last)
	if bit(5) { // a decision in articles: the same texts as articles, clauses and points
		doc.Kind = document.DocType{Key: "quyet-dinh", Name: "Quyết định", Abbr: "QĐ"}
		doc.IssuedBy = document.TextList{tx(or(head(text, 200), "CHỦ TỊCH"))}
		doc.Articles = []document.Article{{Title: tx(head(text, 200)), Text: tx(word + "\n\n" + text),
			Clauses:  []document.Clause{{Title: tx(head(text, 100)), Points: last.Items}, {Text: tx(text)}},
			Sections: nested(text, word, min(depth, 3))}, {Text: tx(text)}} // a plan approved "như sau:", its outline in the article
		doc.Sections = nil
		if items%2 == 1 { // the 2025 form: the enacting sentence instead of "QUYẾT ĐỊNH:"
			doc.EnactingSentence = tx(or(text, "Ủy ban nhân dân ban hành Quyết định"))
			doc.IssuedBy = nil
		}
	}
	if bit(6) && len(doc.Sections) > 0 { // a table in the last section: the items as rows
		doc.Sections[len(doc.Sections)-1].Table = fuzzTable(text, word, items)
	}
	if long%3 == 2 && len(doc.Sections) > 1 { // parts: the sections in two parts, each numbered from I.
		n := len(doc.Sections)
		doc.Parts = []document.Section{
			{Heading: tx(or(head(text, 200), "Kết quả")), Text: tx(word), Sections: doc.Sections[:n-1]},
			{Heading: tx(or(word, "Phương hướng")), Sections: doc.Sections[n-1:]},
		}
		doc.Sections = nil
	}
	if bit(7) { // two appendices: a table under nested sections, and text with items
		doc.Appendices = []document.Appendix{
			{Title: document.TextList{tx(or(head(text, 300), "Phân công nhiệm vụ"))}, Table: fuzzTable(word+" "+text, text, items/2+1), Sections: nested(text, word, min(depth, 3))},
			{Title: document.TextList{tx(or(word, "Danh sách"))}, Text: tx(text + "\n\n" + word), Items: last.Items},
		}
		doc.Appendices[0].Landscape = landscape&1 != 0
		doc.Appendices[1].Landscape = landscape&2 != 0
	}
	doc.Closing = document.TextList{tx(text)}
	if long%2 == 1 { // footnotes called in the preamble, an item and the closing; one long
		doc.Footnotes = document.Footnotes{{Key: "a", Text: tx(or(text, "a"))}, {Key: "b", Text: tx(strings.Repeat(or(text, "b")+" ", long%40))}}
		doc.Preamble[0].Value += "[^a]"
		doc.Closing[0].Value += "[^b] [^a]"
		if len(last.Items) > 0 {
			last.Items[0].Value += "[^b]"
		}
	}
	if long%5 == 3 { // two signers: the cosigner's block in the left column
		doc.Cosigner = &document.Signer{Authority: document.TextList{tx(head(word, 60))},
			Position: tx(or(head(text, 120), "THƯ KÝ")), Name: tx(or(head(text, 40), "Lê Thị Cúc"))}
	}
	doc.Recipients = document.TextList{tx(text), tx(word), tx("Như trên")}
	doc.Archive = tx(or(slice(text, 0, 40), "VT"))
	return doc
}

// fuzzTable is a table of rows cut from the text, as validation accepts
// it: 1 to 5 columns with titles and widths of 10 to 49, numbered or not,
// 12 or 13 pt, no blank row.
func fuzzTable(text, word string, rows int) *document.Table {
	cols := 1 + rows%5
	t := &document.Table{Number: rows%2 == 0 && cols > 1, Size: float64(12 + rows%2)}
	for i := range cols {
		title := slice(text, i*11, 10+i*20)
		if strings.TrimSpace(title) == "" {
			title = "Cột" // validation refuses a blank title
		}
		t.Columns = append(t.Columns, document.Column{Title: document.Text{Value: title}, Width: float64(10 + (len(text)+i*7)%40)})
	}
	cells := cols
	if t.Number {
		cells--
	}
	for i := range rows {
		var r document.Row
		for j := range cells {
			s := slice(text, i*7+j*13, itemText)
			if (i+j)%5 == 4 {
				s = word
			}
			if j == 0 && strings.TrimSpace(s) == "" {
				s = strconv.Itoa(i) // validation refuses a blank row
			}
			r = append(r, document.Text{Value: s})
		}
		t.Rows = append(t.Rows, r)
	}
	if rows%3 == 1 { // a total row, its first cell spanning the numbers
		t.Total = document.Row{{Value: "Tổng cộng"}}
		for j := 1; j < cells; j++ {
			t.Total = append(t.Total, document.Text{Value: slice(word, 0, 5+j*3)})
		}
	}
	return t
}

// clean keeps what decoding lets through: valid UTF-8 without control
// characters other than line breaks and tabs, and at most maxText bytes.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
	return slice(s, 0, maxText)
}

// slice returns up to n bytes of s from about offset off (wrapping), cut
// at rune boundaries.
func slice(s string, off, n int) string {
	if s == "" {
		return ""
	}
	off %= len(s)
	for off > 0 && !utf8.RuneStart(s[off]) {
		off--
	}
	s = s[off:]
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// longWord is n bytes of the text's non-space characters (or of a long
// Vietnamese syllable), with no space to break at.
func longWord(text string, n int) string {
	letters := strings.Join(strings.Fields(text), "")
	if letters == "" {
		letters = "Nghiêng"
	}
	return slice(strings.Repeat(letters, n/len(letters)+1), 0, n)
}

// nested returns depth levels of sections, each with a heading, a text and
// one sub-section.
func nested(text, word string, depth int) []document.Section {
	if depth == 0 {
		return nil
	}
	return []document.Section{{
		Heading:  document.Text{Value: slice(text, depth, 200)},
		Text:     document.Text{Value: word + "\n\n" + text},
		Sections: nested(text, word, depth-1),
	}}
}

// checkPages asserts the invariants of any layout, on each page's own
// size (portrait or landscape) with the margins of o.
func checkPages(t *testing.T, pages []layout.Page, m layout.Measurer, o layout.Options) {
	t.Helper()
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	const eps = 0.01
	lines := 0
	usable := math.Inf(1) // the shortest text block
	folio, part := 0, 0
	for n, p := range pages {
		if p.Number != n+1 {
			t.Fatalf("page %d is numbered %d", n+1, p.Number)
		}
		// Each appendix starts a page and counts its pages from 1.
		if p.Appendix != part {
			if p.Appendix != part+1 {
				t.Fatalf("page %d belongs to appendix %d after appendix %d", p.Number, p.Appendix, part)
			}
			part, folio = p.Appendix, 0
		}
		if folio++; p.Folio != folio {
			t.Fatalf("page %d has folio %d, want %d", p.Number, p.Folio, folio)
		}
		if p.W <= 0 || p.H <= 0 {
			t.Fatalf("page %d has no size: %v × %v", p.Number, p.W, p.H)
		}
		left, right, bottom := o.Left, p.W-o.Right, p.H-o.Bottom
		usable = min(usable, bottom-o.Top)
		checkPageNumber(t, p, m, left, right, o.Top)
		checkTable(t, p, m)
		content := 0
		seen := map[float64]bool{}
		for _, tx := range p.Texts {
			w := m.Width(tx.S, tx.Font)
			// A line of the issuer may run 3 mm past its column, into the
			// margin (docs/document-format.md, "Line breaks").
			over := 0.0
			if tx.Tag == "issuer" || tx.Tag == "parent" {
				over = 3
			}
			if tx.X < left-over-eps || tx.X+w > right+eps || math.IsNaN(tx.X) {
				t.Fatalf("page %d: %s %q runs into the margin: x %.2f to %.2f, text block %.2f to %.2f", p.Number, tx.Tag, tx.S, tx.X, tx.X+w, left, right)
			}
			if tx.Tag != "page-number" {
				content++
				if tx.Y+m.Descent()*tx.Font.Size*25.4/72 > bottom+eps || tx.Y < o.Top {
					t.Fatalf("page %d: %s %q at y %.2f is outside the text block", p.Number, tx.Tag, tx.S, tx.Y)
				}
			}
			if !seen[tx.Y] {
				seen[tx.Y] = true
				lines++
			}
		}
		checkOverlaps(t, p, m)
		for _, r := range p.Rules {
			// The grid's outer lines are centred on the block's edges.
			if tol := r.Width/2 + eps; max(r.X1, r.X2) > right+tol || min(r.X1, r.X2) < left-tol || max(r.Y1, r.Y2) > bottom+tol {
				t.Fatalf("page %d: %s rule %+v leaves the text block", p.Number, r.Tag, r)
			}
			if r.Tag == "table-grid" {
				content++ // rows whose cells print nothing ("****") are content too
				if r.Y1 == r.Y2 && !seen[r.Y1] {
					seen[r.Y1] = true
					lines++ // and take at least a line's height
				}
			}
		}
		if content == 0 {
			t.Fatalf("page %d of %d is empty", p.Number, len(pages))
		}
	}
	checkSignature(t, pages)
	// Every page but the last is at least half full, give or take a line:
	// the pages are no more than twice what the lines need.
	lead := 1.5 * 1.15 * 14 * 25.4 / 72
	if need := math.Ceil(float64(lines)*lead/usable) + 1 + float64(part); float64(len(pages)) > 2*need+1 {
		t.Fatalf("%d pages for %d lines", len(pages), lines)
	}
}

// checkSignature: the signer's name is on the last page, after the rest
// of the signature; only a "Nơi nhận" longer than a page may continue on
// the pages after it (all of it, heading included, when a signature
// nearly a page tall leaves it no room beside it).
func checkSignature(t *testing.T, pages []layout.Page) {
	t.Helper()
	at := -1
	for n, p := range pages {
		if p.Appendix > 0 {
			break // the appendices follow the signature
		}
		if len(p.Tagged("signer-name")) > 0 {
			at = n
		}
		if at >= 0 && n > at {
			for _, tx := range p.Texts {
				if tx.Tag != "recipients" && tx.Tag != "recipients-head" && tx.Tag != "page-number" && tx.Tag != "footnote" && tx.Tag != "footnote-number" {
					t.Fatalf("page %d, after the signer's name on page %d, holds %s %q", p.Number, at+1, tx.Tag, tx.S)
				}
			}
		}
		if at >= 0 && n > at && len(p.Tagged("signer")) > 0 {
			t.Fatalf("the signer's position is on page %d, after the name", p.Number)
		}
	}
	if at < 0 {
		t.Fatal("the signer's name is not printed")
	}
}

// checkTwoNames: a document signed by two prints both names on one page
// and one baseline.
func checkTwoNames(t *testing.T, pages []layout.Page) {
	t.Helper()
	var names []layout.Text
	at := map[int]bool{}
	for n, p := range pages {
		for _, tx := range p.Texts {
			if tx.Tag == "signer-name" && p.Appendix == 0 && p.Attachment == 0 {
				names = append(names, tx)
				at[n] = true
			}
		}
	}
	if len(at) != 1 || len(names) < 2 {
		t.Fatalf("%d lines of names on %d pages", len(names), len(at))
	}
	// A name wrapped over lines: the first lines of the two names are level.
	first := map[bool]float64{}
	for _, tx := range names {
		right := tx.X > 80 // the left column ends before 100 mm, a left name is centred in it
		if y, ok := first[right]; !ok || tx.Y < y {
			first[right] = tx.Y
		}
	}
	if len(first) == 2 && first[true] != first[false] {
		t.Fatalf("names at %.2f (left) and %.2f (right)", first[false], first[true])
	}
}

// checkPageNumber: the first page of the document and of each appendix
// has none; every other page its number in its part, once, centred on the
// page's text block (left to right) in the top margin.
func checkPageNumber(t *testing.T, p layout.Page, m layout.Measurer, left, right, top float64) {
	t.Helper()
	nums := p.Tagged("page-number")
	switch {
	case p.Folio == 1 && len(nums) > 0:
		t.Fatalf("page %d, the first of its part, has the page number %q", p.Number, nums[0].S)
	case p.Folio > 1 && (len(nums) != 1 || nums[0].S != strconv.Itoa(p.Folio)):
		t.Fatalf("page %d has the page numbers %v, want %d", p.Number, nums, p.Folio)
	case p.Folio > 1:
		n := nums[0]
		if c := n.X + m.Width(n.S, n.Font)/2; math.Abs(c-(left+right)/2) > 0.01 || n.Y >= top {
			t.Fatalf("page %d: page number at (%.2f, %.2f), want centred on %.2f in the top margin", p.Number, c, n.Y, (left+right)/2)
		}
	}
}

// checkTable: the texts of a table lie inside its grid, and a page with
// table rows but no header holds no grid line above them (a table's rows
// are never left open at the top).
func checkTable(t *testing.T, p layout.Page, m layout.Measurer) {
	t.Helper()
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, r := range p.Rules {
		if r.Tag == "table-grid" {
			x0, x1 = min(x0, r.X1, r.X2), max(x1, r.X1, r.X2)
			y0, y1 = min(y0, r.Y1, r.Y2), max(y1, r.Y1, r.Y2)
		}
	}
	for _, tx := range p.Texts {
		if !strings.HasPrefix(tx.Tag, "table-") {
			continue
		}
		s := tx.Font.Size * 25.4 / 72
		if tx.X < x0 || tx.X+m.Width(tx.S, tx.Font) > x1+0.01 || tx.Y-m.Ascent()*s < y0-0.01 || tx.Y+m.Descent()*s > y1+0.01 {
			t.Fatalf("page %d: %s %q at (%.2f, %.2f) is outside the table's grid (%.2f–%.2f, %.2f–%.2f)", p.Number, tx.Tag, tx.S, tx.X, tx.Y, x0, x1, y0, y1)
		}
	}
}

// checkOverlaps fails when the glyph boxes of two texts of the page
// intersect by more than rounding: texts on one line touch, lines never
// cross. Boxes are sorted by their top, so each is compared only with
// those that start above its bottom.
func checkOverlaps(t *testing.T, p layout.Page, m layout.Measurer) {
	t.Helper()
	type box struct {
		x0, x1, y0, y1 float64
		t              layout.Text
	}
	boxes := make([]box, len(p.Texts))
	for i, tx := range p.Texts {
		s := tx.Font.Size * 25.4 / 72
		boxes[i] = box{tx.X, tx.X + m.Width(tx.S, tx.Font), tx.Y - m.Ascent()*s, tx.Y + m.Descent()*s, tx}
	}
	slices.SortStableFunc(boxes, func(a, b box) int { return cmp.Compare(a.y0, b.y0) })
	const eps = 0.05
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if b.y0 >= a.y1-eps {
				break
			}
			if a.x0 < b.x1-eps && b.x0 < a.x1-eps {
				t.Fatalf("page %d: %s %q (%.2f, %.2f) and %s %q (%.2f, %.2f) are printed over each other",
					p.Number, a.t.Tag, a.t.S, a.t.X, a.t.Y, b.t.Tag, b.t.S, b.t.X, b.t.Y)
			}
		}
	}
}

// checkFitHint holds a signature-alone warning to its promise: the
// document's own pages are two, and with the setting it names they are
// one.
func checkFitHint(t *testing.T, doc *document.Document, m layout.Measurer, o layout.Options, pages []layout.Page, w layout.Problem) {
	t.Helper()
	own := func(ps []layout.Page) int {
		n := 0
		for _, p := range ps {
			if p.Appendix == 0 && p.Attachment == 0 {
				n++
			}
		}
		return n
	}
	if w.Path != "signer" || own(pages) != 2 {
		t.Fatalf("warning %+v on a document of %d pages of its own", w, own(pages))
	}
	changed := false
	if strings.Contains(w.FixEn, "body_size: 13") {
		o.BodySize, changed = 13, true
	}
	if strings.Contains(w.FixEn, "line_spacing: 1") {
		o.LineSpacing, changed = 1, true
	}
	if strings.Contains(w.FixEn, "margins: {top: 20, bottom: 20}") {
		o.Top, o.Bottom, changed = 20, 20, true
	}
	if !changed {
		t.Fatalf("warning %+v names no setting", w)
	}
	if n := own(layout.Compose(doc, m, o)); n != 1 {
		t.Fatalf("with %q the document is %d pages, not one", w.FixEn, n)
	}
}
