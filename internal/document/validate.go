package document

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Decode decodes root into a Document and validates it, reporting every
// problem through d (all of them, each at its position). The document is
// returned even when it has errors, so that later checks (such as the
// font's characters) can report theirs in the same run; callers render it
// only when d.Diags has no errors.
func Decode(d *decode.Decoder, root *yaml.Node, types []DocType) *Document {
	doc := &Document{Source: d.Source()}
	d.Decode(root, doc)
	v := validator{d: d, doc: doc}
	v.docType(types)
	v.issuer()
	v.symbol()
	v.title()
	v.content()
	v.articles()
	v.tables()
	v.appendices()
	v.signer()
	v.recipients()
	v.urgency()
	v.style()
	v.headerSize()
	return doc
}

type validator struct {
	d   *decode.Decoder
	doc *Document
}

func trim(s string) string { return strings.TrimSpace(s) }

func (v *validator) docType(types []DocType) {
	t := v.doc.Type
	key := trim(t.Value)
	if key == "" {
		return // reported as missing by the decoder
	}
	// "Chương trình" and "CHUONG TRINH" name the same type as "chuong-trinh".
	slug := viet.Slug(key)
	keys := make([]string, len(types))
	for i, dt := range types {
		keys[i] = dt.Key
		if dt.Key == key || dt.Key == slug {
			v.doc.Kind = dt
			return
		}
	}
	msg := fmt.Sprintf("unknown document type %q", key)
	if s := decode.Suggest(slug, keys); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	v.d.Error("type", msg, "a type of Phụ lục III without diacritics: "+strings.Join(keys, ", "))
}

func (v *validator) issuer() {
	is := v.doc.Issuer
	// A blank name written as a text is reported by the decoder; a list
	// of blank names only here.
	if len(is.Name.Values()) == 0 && v.d.Has("issuer.name") && !v.d.Reported("issuer.name") {
		v.d.Error("issuer.name", "the issuing body's name is empty", "a name such as ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN")
	}
	if a := trim(is.Abbr.Value); a != "" && !isGroup(a) {
		v.d.Error("issuer.abbr", fmt.Sprintf("%q is not an abbreviation", a), "letters and digits without spaces, such as UBND")
	}
}

// isGroup reports whether g is one group of a symbol: letters, digits,
// "." and "&", no spaces.
func isGroup(g string) bool {
	for _, r := range g {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '.' && r != '&' {
			return false
		}
	}
	return g != ""
}

func (v *validator) symbol() {
	doc := v.doc
	s := trim(doc.Symbol.Value)
	if s == "" {
		v.defaultSymbol()
		return
	}
	switch {
	case strings.Contains(s, "/"):
		v.d.Error("symbol", fmt.Sprintf("the symbol %q contains \"/\"", s),
			fmt.Sprintf("only the part after the last slash, symbol: %s; the number goes in \"number:\" and administrative documents carry no year", s[strings.LastIndex(s, "/")+1:]))
		return
	case strings.ContainsAny(s, " \t"):
		v.d.Error("symbol", fmt.Sprintf("the symbol %q contains spaces", s), "groups joined by \"-\" without spaces, such as "+v.exampleSymbol())
		return
	}
	for _, g := range strings.Split(s, "-") {
		if !isGroup(g) {
			v.d.Error("symbol", fmt.Sprintf("the symbol %q has an empty or invalid group %q", s, g), "groups of letters and digits joined by \"-\", such as "+v.exampleSymbol())
			return
		}
	}
	v.symbolType(s)
}

// exampleSymbol is a symbol of the document's own type, for messages.
func (v *validator) exampleSymbol() string {
	if v.doc.Kind.Abbr == "" {
		return "CTr-UBND"
	}
	return v.doc.Kind.Abbr + "-UBND"
}

// symbolType checks that a typed document's symbol starts with its type's
// abbreviation in the decree's spelling (CTr, not Ctr or CTR).
func (v *validator) symbolType(s string) {
	k := v.doc.Kind
	if k.Key == "" || k.Abbr == "" {
		return
	}
	first, _, _ := strings.Cut(s, "-")
	switch {
	case first == k.Abbr:
	case strings.EqualFold(first, k.Abbr):
		v.d.Error("symbol", fmt.Sprintf("the abbreviation of %s is written %s, not %s", k.Name, k.Abbr, first),
			strings.Replace(s, first, k.Abbr, 1))
	default:
		v.d.Warn("symbol", fmt.Sprintf("the symbol starts with %s, but the abbreviation of %s is %s", first, k.Name, k.Abbr),
			k.Abbr+"-"+strings.TrimSpace(v.doc.Issuer.Abbr.Value))
	}
}

func (v *validator) defaultSymbol() {
	doc := v.doc
	if trim(doc.Issuer.Abbr.Value) == "" && doc.Kind.Key != "" && v.d.Has("issuer") && !v.d.Reported("issuer") {
		v.d.Error("issuer.abbr", "the issuer's abbreviation is needed to compose the symbol",
			fmt.Sprintf("issuer.abbr such as UBND (the symbol becomes %s-UBND), or a symbol: line", doc.Kind.Abbr))
	}
	if doc.Kind.IsLetter() && trim(doc.Issuer.Abbr.Value) != "" {
		v.d.Warn("symbol", "a công văn's symbol names the issuer and the drafting unit",
			fmt.Sprintf("symbol: %s-VP (with your unit's abbreviation)", trim(doc.Issuer.Abbr.Value)))
	}
}

func (v *validator) signer() {
	name := trim(v.doc.Signer.Name.Value)
	for _, t := range []string{"TS.", "ThS.", "PGS.", "GS.", "KS.", "BS.", "CN."} {
		if strings.HasPrefix(name, t) {
			v.d.Error("signer.name", fmt.Sprintf("academic titles such as %q are not written before the signer's name", t),
				"the name alone, such as "+trim(strings.TrimPrefix(name, t)))
		}
	}
	for i, a := range v.doc.Signer.Authority {
		first, _, _ := strings.Cut(trim(a.Value), " ")
		if prefixes[strings.ToUpper(strings.TrimSuffix(first, "."))] && !strings.HasSuffix(first, ".") {
			v.d.Error(decode.Index("signer.authority", i), fmt.Sprintf("the prefix %q needs its period", first), strings.ToUpper(first)+".")
		}
	}
}

// prefixes are the authority prefixes of the decree (TM., KT., Q., TL., TUQ.).
var prefixes = map[string]bool{"TM": true, "KT": true, "TL": true, "TUQ": true}

func (v *validator) recipients() {
	if len(v.doc.Recipients.Values()) == 0 && trim(v.doc.Archive.Value) == "" {
		v.d.Warn("recipients", "the document has no \"Nơi nhận\"", "recipients: a list of who receives the document, and archive: VT, <your unit>")
	} else if trim(v.doc.Archive.Value) == "" {
		v.d.Warn("archive", "\"Nơi nhận\" has no \"- Lưu: VT, …\" line", "archive: VT, <your unit's abbreviation>")
	}
}

// Urgencies are the urgency levels of the decree, by their plain spelling.
var urgencies = map[string]string{"khan": "KHẨN", "thuong-khan": "THƯỢNG KHẨN", "hoa-toc": "HỎA TỐC"}

func (v *validator) urgency() {
	u := trim(v.doc.Urgency.Value)
	if u != "" && urgencies[viet.Slug(u)] == "" {
		v.d.Error("urgency", fmt.Sprintf("unknown urgency %q", u), "KHẨN, THƯỢNG KHẨN or HỎA TỐC")
	}
	s := trim(v.doc.Secrecy.Value)
	if s != "" && secrecies[viet.Slug(s)] == "" {
		v.d.Error("secrecy", fmt.Sprintf("unknown secrecy level %q", s), "MẬT, TỐI MẬT or TUYỆT MẬT")
	}
}

// Secrecies are the levels of state secrets (Luật Bảo vệ bí mật nhà nước
// 2018), by their plain spelling.
var secrecies = map[string]string{"mat": "MẬT", "toi-mat": "TỐI MẬT", "tuyet-mat": "TUYỆT MẬT"}

// title reports a title written as a list of blank lines; a blank text is
// reported by the decoder.
func (v *validator) title() {
	if len(v.doc.Title.Values()) == 0 && v.d.Has("title") && !v.d.Reported("title") {
		v.d.Error("title", "the title is empty", "the abstract (trích yếu), such as Công tác năm 2017; a text, or a list of its lines")
	}
}

func (v *validator) content() {
	doc := v.doc
	if len(doc.Body()) == 0 && !v.d.Reported("preamble") && !v.d.Reported("sections") && !v.d.Reported("articles") && !v.d.Reported("closing") {
		v.d.Error("", "the document has no content", "preamble:, sections:, articles: or closing:")
	}
	v.depth(doc.Sections, "sections", 1, maxDepth(doc.Sections))
	problems := doc.markupProblems()
	for _, t := range doc.Title {
		_, errs := ParseInline(t.Value)
		for _, e := range errs {
			problems = append(problems, markupProblem{e, t})
		}
	}
	for _, p := range problems {
		v.d.ErrorAt(Locate(doc.Source, p.text, p.Offset), p.text.Path,
			fmt.Sprintf("%q is opened here but never closed", p.Marker),
			fmt.Sprintf("a closing %s, or \\* to print an asterisk", p.Marker))
	}
}

// depth refuses sections nested deeper than the numbering has levels.
func (v *validator) depth(ss []Section, path string, level, total int) {
	for i, s := range ss {
		p := decode.Index(path, i)
		if len(s.Sections) > 0 && level >= len(labels(total)) {
			v.d.Error(decode.Join(p, "sections"), fmt.Sprintf("sections are nested %d levels deep", level+1),
				"at most three levels, numbered I., 1. and a); write deeper points as items")
			continue
		}
		v.depth(s.Sections, decode.Join(p, "sections"), level+1, total)
	}
}

// Limits on the texts of page 1's header, which is printed in narrow
// columns and cannot continue on page 2. They are far above real
// documents and keep the header on the page whatever the letters' widths.
const (
	MaxIssuerChars    = 160 // issuer.parent and issuer.name together
	MaxIssuerLines    = 6   // items of issuer.parent and issuer.name together
	MaxLetterAbstract = 300 // a công văn's "V/v …", printed under the number
	MaxPlaceChars     = 50
	MaxSymbolChars    = 40
	// The address block sits at the foot of page 1 and cannot continue
	// either: a few lines of address, telephone, e-mail and website.
	MaxAddressChars = 300
	MaxAddressLines = 4
)

func (v *validator) headerSize() {
	is := v.doc.Issuer
	chars, lines := 0, 0
	for _, s := range append(is.Parent.Values(), is.Name.Values()...) {
		chars += utf8.RuneCountInString(s)
		lines++
	}
	switch {
	case lines > MaxIssuerLines:
		v.d.Error("issuer", fmt.Sprintf("the issuing body's names take %d lines, too many for the header", lines),
			fmt.Sprintf("at most %d lines for parent and name together", MaxIssuerLines))
	case chars > MaxIssuerChars:
		v.d.Error("issuer", fmt.Sprintf("the issuing body's names are too long for the header (%d characters)", chars),
			fmt.Sprintf("at most %d characters for parent and name together", MaxIssuerChars))
	}
	v.address()
	v.maxChars("place", v.doc.Place, MaxPlaceChars, "the place name")
	v.maxChars("symbol", v.doc.Symbol, MaxSymbolChars, "the symbol")
	if v.doc.Kind.IsLetter() {
		v.maxChars("title", Text{Value: strings.Join(v.doc.Title.Values(), " ")}, MaxLetterAbstract, "a công văn's abstract, printed under the number,")
	}
}

func (v *validator) address() {
	chars := 0
	for _, s := range v.doc.Address.Values() {
		chars += utf8.RuneCountInString(trim(s))
	}
	switch n := len(v.doc.Address); {
	case n > MaxAddressLines:
		v.d.Error("address", fmt.Sprintf("the address block has %d lines, too many for the foot of page 1", n),
			fmt.Sprintf("at most %d lines: address, telephone, e-mail, website", MaxAddressLines))
	case chars > MaxAddressChars:
		v.d.Error("address", fmt.Sprintf("the address block is too long for the foot of page 1 (%d characters)", chars),
			fmt.Sprintf("at most %d characters", MaxAddressChars))
	}
}

func (v *validator) maxChars(path string, t Text, limit int, what string) {
	if n := utf8.RuneCountInString(trim(t.Value)); n > limit {
		v.d.Error(path, fmt.Sprintf("%s is too long for the header (%d characters)", what, n), fmt.Sprintf("at most %d characters", limit))
	}
}

// Ranges the decree allows for the presentation options.
func (v *validator) style() {
	st := v.doc.Style
	v.choice("style.body_size", st.BodySize, 13, 14, "13 or 14 (points)")
	v.choice("style.header_size", st.HeaderSize, 12, 13, "12 (national name 12, motto 13) or 13 (13 and 14)")
	v.between("style.line_spacing", st.LineSpacing, 1, 1.5, "from 1 (single) to 1.5 lines")
	v.choice("style.indent", st.Indent, 10, 12.7, "10 or 12.7 (mm: the decree allows 1 cm or 1.27 cm)")
	m := st.Margins
	v.between("style.margins.top", m.Top, 20, 25, "20 to 25 mm")
	v.between("style.margins.bottom", m.Bottom, 20, 25, "20 to 25 mm")
	v.between("style.margins.left", m.Left, 30, 35, "30 to 35 mm")
	v.between("style.margins.right", m.Right, 15, 20, "15 to 20 mm")
	if _, ok := itemStyles[strings.ToLower(trim(st.Items.Value))]; !ok {
		v.d.Problem("style.items", diag.Msg{Code: "style.items",
			Vi:    fmt.Sprintf("không có kiểu gạch đầu dòng %q", st.Items.Value),
			En:    fmt.Sprintf("%q is not a way to set items", st.Items.Value),
			FixVi: "ghi paragraph (dòng đầu thụt vào, các dòng sau sát lề, mặc định) hoặc hanging (các dòng sau thẳng hàng với chữ sau gạch đầu dòng)",
			FixEn: "paragraph (first line indented, wrapped lines at the margin; the default) or hanging (wrapped lines under the text after the dash)"})
	}
}

func (v *validator) choice(path string, x, a, b float64, expected string) {
	if v.d.Has(path) && x != a && x != b {
		v.d.Error(path, fmt.Sprintf("%g is not allowed by Nghị định 30", x), expected)
	}
}

func (v *validator) between(path string, x, lo, hi float64, expected string) {
	if v.d.Has(path) && (x < lo || x > hi) {
		v.d.Error(path, fmt.Sprintf("%g is outside the range Nghị định 30 allows", x), expected)
	}
}
