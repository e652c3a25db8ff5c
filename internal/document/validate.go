package document

import (
	"bytes"
	"fmt"
	"strconv"
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
	v.signers()
	v.docType(types)
	v.literalLines()
	v.recognizeParts()
	v.typedLabels()
	v.numberedItems()
	v.typedLines()
	v.issuer()
	v.symbol()
	v.numberYear()
	v.title()
	v.content()
	v.articles()
	v.tables()
	v.appendices()
	v.attachments(types)
	v.footnotes()
	v.signer()
	v.deputy()
	v.recipients()
	v.punctuation()
	v.clerkChecks()
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

// msg is a message in both languages: what is wrong, then how to fix it.
func msg(code, vi, en, fixVi, fixEn string) diag.Msg {
	return diag.Msg{Code: code, Vi: vi, En: en, FixVi: fixVi, FixEn: fixEn}
}

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
	vi, en := fmt.Sprintf("không có loại văn bản %q", key), fmt.Sprintf("unknown document type %q", key)
	if s := decode.Suggest(slug, keys); s != "" {
		vi += fmt.Sprintf("; có phải là %q?", s)
		en += fmt.Sprintf("; did you mean %q?", s)
	}
	v.d.Problem("type", msg("type.unknown", vi, en,
		"ghi một loại của Phụ lục III, viết không dấu: "+strings.Join(keys, ", "),
		"a type of Phụ lục III without diacritics: "+strings.Join(keys, ", ")))
}

func (v *validator) issuer() {
	is := v.doc.Issuer
	// A blank name written as a text is reported by the decoder; a list
	// of blank names only here.
	if len(is.Name.Values()) == 0 && v.d.Has("issuer.name") && !v.d.Reported("issuer.name") {
		v.d.Problem("issuer.name", msg("issuer.name-empty", "tên cơ quan ban hành để trống", "the issuing body's name is empty",
			"ghi tên cơ quan như dòng đầu văn bản gốc in, ví dụ [ỦY BAN NHÂN DÂN, XÃ AN PHÚ]", "the name as the original's header prints it, such as [ỦY BAN NHÂN DÂN, XÃ AN PHÚ]"))
	}
	if a := trim(is.Abbr.Value); a != "" && !isGroup(a) {
		v.d.Problem("issuer.abbr", msg("issuer.abbr-invalid", fmt.Sprintf("%q không phải là chữ viết tắt", a), fmt.Sprintf("%q is not an abbreviation", a),
			"chỉ gồm chữ cái và chữ số, không có dấu cách, ví dụ UBND", "letters and digits without spaces, such as UBND"))
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
		v.symbolSlash(s)
		return
	case strings.ContainsAny(s, " \t"):
		v.d.Problem("symbol", msg("symbol.spaces",
			fmt.Sprintf("ký hiệu %q có dấu cách", s), fmt.Sprintf("the symbol %q contains spaces", s),
			"các nhóm chữ nối bằng dấu \"-\", không có dấu cách, ví dụ "+v.exampleSymbol(),
			"groups joined by \"-\" without spaces, such as "+v.exampleSymbol()))
		return
	}
	for _, g := range strings.Split(s, "-") {
		if !isGroup(g) {
			v.d.Problem("symbol", msg("symbol.group",
				fmt.Sprintf("ký hiệu %q có nhóm %q để trống hoặc không hợp lệ", s, g),
				fmt.Sprintf("the symbol %q has an empty or invalid group %q", s, g),
				"các nhóm chữ cái và chữ số nối bằng dấu \"-\", ví dụ "+v.exampleSymbol(),
				"groups of letters and digits joined by \"-\", such as "+v.exampleSymbol()))
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

// numberYear checks the year typed in the number ("128/2025"): only a
// legal document's number carries one (a quyết định or nghị quyết, the
// legal documents of a commune or a province: IsLegal), and it is the
// year of its date.
func (v *validator) numberYear() {
	doc := v.doc
	y := doc.Number.Year
	if y == 0 || doc.Kind.Key == "" {
		return
	}
	n := "…"
	if doc.Number.N > 0 {
		n = viet.DocNumber(doc.Number.N)
	}
	if !doc.Kind.IsLegal() {
		plain := strings.Replace(doc.NumberLine(), fmt.Sprint(y)+"/", "", 1)
		fixVi, fixEn := "number: "+n, "number: "+n
		if doc.Number.N == 0 {
			fixVi, fixEn = "xóa dòng number:", "no number: line"
		}
		v.d.Problem("number", msg("number.year-not-legal",
			fmt.Sprintf("số «%s/%d» có năm, nhưng chỉ văn bản quy phạm pháp luật (quyết định, nghị quyết) ghi năm trong số; %s là văn bản hành chính, số không có năm (Nghị định 30/2020/NĐ-CP, Phụ lục I)", n, y, doc.Kind.Name),
			fmt.Sprintf("the number \"%s/%d\" has a year, but only a legal document (quyết định, nghị quyết) carries one; a %s is an administrative document, numbered without a year (Nghị định 30/2020/NĐ-CP, Phụ lục I)", n, y, doc.Kind.Name),
			fmt.Sprintf("nếu văn bản gốc ghi số có năm, kiểm tra lại loại văn bản (type:); nếu không, bỏ năm, %s (in là «%s»)", fixVi, plain),
			fmt.Sprintf("type: checked, if the original's number has a year; otherwise the year removed, %s (printed \"%s\")", fixEn, plain)))
		return
	}
	if doc.Date.Year != 0 && y != doc.Date.Year {
		v.d.Problem("number", msg("number.year-date",
			fmt.Sprintf("năm trong số (%d) khác năm ban hành (%d, ở date:)", y, doc.Date.Year),
			fmt.Sprintf("the year in the number (%d) differs from the year of the date (%d)", y, doc.Date.Year),
			fmt.Sprintf("sửa cho hai năm trùng nhau: number: %s/%d, hoặc sửa date:", strings.TrimPrefix(n, "…"), doc.Date.Year),
			fmt.Sprintf("the same year in both: number: %s/%d, or the date corrected", strings.TrimPrefix(n, "…"), doc.Date.Year)))
	}
}

// symbolSlash refuses a symbol with a slash, with the fix that prints the
// number the clerk meant: a year before the symbol ("2025/QĐ-UBND") goes
// with the number when the type carries one.
func (v *validator) symbolSlash(s string) {
	doc := v.doc
	before, after := s[:strings.LastIndex(s, "/")], s[strings.LastIndex(s, "/")+1:]
	n := "…"
	if doc.Number.N > 0 {
		n = viet.DocNumber(doc.Number.N)
	}
	if y, err := strconv.Atoi(before); err == nil && len(before) == 4 {
		if doc.Kind.IsLegal() {
			v.d.Problem("symbol", msg("symbol.year",
				fmt.Sprintf("ký hiệu %q có năm ban hành; năm ghi cùng số, ở number:", s),
				fmt.Sprintf("the symbol %q holds the year; the year goes with the number", s),
				fmt.Sprintf("number: %s/%d và symbol: %s (in là «Số: %s/%d/%s»)", strings.TrimPrefix(n, "…"), y, after, n, y, after),
				fmt.Sprintf("number: %s/%d and symbol: %s (printed \"Số: %s/%d/%s\")", strings.TrimPrefix(n, "…"), y, after, n, y, after)))
			return
		}
		v.d.Problem("symbol", msg("symbol.year-not-legal",
			fmt.Sprintf("ký hiệu %q có năm, nhưng chỉ văn bản quy phạm pháp luật (quyết định, nghị quyết) ghi năm trong số; %s là văn bản hành chính, số không có năm (Nghị định 30/2020/NĐ-CP, Phụ lục I)", s, doc.Kind.Name),
			fmt.Sprintf("the symbol %q has a year, but only a legal document (quyết định, nghị quyết) carries one; a %s is an administrative document, numbered without a year (Nghị định 30/2020/NĐ-CP, Phụ lục I)", s, doc.Kind.Name),
			fmt.Sprintf("nếu văn bản gốc ghi số có năm, kiểm tra lại loại văn bản (type:); nếu không, symbol: %s (in là «Số: %s/%s»)", after, n, after),
			fmt.Sprintf("type: checked, if the original's number has a year; otherwise symbol: %s (printed \"Số: %s/%s\")", after, n, after)))
		return
	}
	v.d.Problem("symbol", msg("symbol.slash",
		fmt.Sprintf("ký hiệu %q có dấu \"/\"", s), fmt.Sprintf("the symbol %q contains \"/\"", s),
		fmt.Sprintf("chỉ ghi phần sau dấu gạch chéo cuối cùng, symbol: %s; số văn bản ghi ở number:", after),
		fmt.Sprintf("only the part after the last slash, symbol: %s; the number goes in \"number:\"", after)))
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
		fixed := strings.Replace(s, first, k.Abbr, 1)
		v.d.Problem("symbol", msg("symbol.type-case",
			fmt.Sprintf("chữ viết tắt của %s viết là %s, không phải %s", k.Name, k.Abbr, first),
			fmt.Sprintf("the abbreviation of %s is written %s, not %s", k.Name, k.Abbr, first),
			"symbol: "+fixed, fixed))
	default:
		fix := k.Abbr + "-" + strings.TrimSpace(v.doc.Issuer.Abbr.Value)
		v.d.Warning("symbol", msg("symbol.type-other",
			fmt.Sprintf("ký hiệu bắt đầu bằng %s, nhưng chữ viết tắt của %s là %s", first, k.Name, k.Abbr),
			fmt.Sprintf("the symbol starts with %s, but the abbreviation of %s is %s", first, k.Name, k.Abbr),
			"symbol: "+fix, fix))
	}
}

func (v *validator) defaultSymbol() {
	doc := v.doc
	if trim(doc.Issuer.Abbr.Value) == "" && doc.Kind.Key != "" && v.d.Has("issuer") && !v.d.Reported("issuer") {
		v.d.Problem("issuer.abbr", msg("issuer.abbr-missing",
			"cần chữ viết tắt của cơ quan ban hành để ghép ký hiệu văn bản",
			"the issuer's abbreviation is needed to compose the symbol",
			fmt.Sprintf("thêm abbr: UBND dưới issuer: (ký hiệu sẽ là %s-UBND), hoặc ghi dòng symbol:", doc.Kind.Abbr),
			fmt.Sprintf("issuer.abbr such as UBND (the symbol becomes %s-UBND), or a symbol: line", doc.Kind.Abbr)))
	}
	if doc.Kind.IsLetter() && trim(doc.Issuer.Abbr.Value) != "" {
		a := trim(doc.Issuer.Abbr.Value)
		v.d.Warning("symbol", msg("symbol.letter-unit",
			"ký hiệu của công văn gồm chữ viết tắt của cơ quan và của đơn vị soạn thảo",
			"a công văn's symbol names the issuer and the drafting unit",
			fmt.Sprintf("symbol: %s-VP (thay VP bằng chữ viết tắt của đơn vị soạn thảo)", a),
			fmt.Sprintf("symbol: %s-VP (with your unit's abbreviation)", a)))
	}
}

func (v *validator) signer() {
	for _, s := range v.doc.Signatures() {
		v.signerBlock(s)
	}
}

// signerBlock checks one signature block's name and authority prefixes.
func (v *validator) signerBlock(s *Signer) {
	name := trim(s.Name.Value)
	for _, t := range []string{"TS.", "ThS.", "PGS.", "GS.", "KS.", "BS.", "CN."} {
		if strings.HasPrefix(name, t) {
			rest := trim(strings.TrimPrefix(name, t))
			v.d.Problem(s.Name.Path, msg("signer.academic-title",
				fmt.Sprintf("không ghi học hàm, học vị như %q trước họ tên người ký", t),
				fmt.Sprintf("academic titles such as %q are not written before the signer's name", t),
				"chỉ ghi họ tên, ví dụ "+rest, "the name alone, such as "+rest))
		}
	}
	for _, a := range s.Authority {
		first, _, _ := strings.Cut(trim(a.Value), " ")
		if prefixes[strings.ToUpper(strings.TrimSuffix(first, "."))] && !strings.HasSuffix(first, ".") {
			fixed := strings.ToUpper(first) + "."
			v.d.Problem(a.Path, msg("signer.prefix-period",
				fmt.Sprintf("sau %q phải có dấu chấm", first), fmt.Sprintf("the prefix %q needs its period", first),
				"viết "+fixed, fixed))
		}
	}
}

// prefixes are the authority prefixes of the decree (TM., KT., Q., TL., TUQ.).
var prefixes = map[string]bool{"TM": true, "KT": true, "TL": true, "TUQ": true}

// deputy warns about a deputy (a position starting with PHÓ) who signs
// without "KT.": a deputy signs for the head of the body or unit, "KT."
// before the head's position, also under TM., TL. or TUQ. (Nghị định 30,
// Điều 13; nd30.md §2.11: "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ
// CHÁNH VĂN PHÒNG"). An acting head (Q.) signs as the head: no warning.
func (v *validator) deputy() {
	for _, s := range v.doc.Signatures() {
		v.deputyBlock(s)
	}
}

// deputyBlock is deputy for one signature block.
func (v *validator) deputyBlock(s *Signer) {
	pos := strings.ToUpper(strings.Join(strings.Fields(s.Position.Value), " "))
	if !strings.HasPrefix(pos, "PHÓ ") {
		return
	}
	var lines []string
	for _, a := range s.Authority {
		l := strings.Join(strings.Fields(a.Value), " ")
		first, _, _ := strings.Cut(strings.ToUpper(l), " ")
		if first == "KT." || first == "Q." {
			return
		}
		lines = append(lines, l)
	}
	// The head's position: the deputy's without PHÓ (PHÓ CHỦ TỊCH
	// THƯỜNG TRỰC signs for the CHỦ TỊCH).
	head := strings.TrimSuffix(strings.TrimPrefix(pos, "PHÓ "), " THƯỜNG TRỰC")
	fixed := append([]string(nil), lines...)
	if n := len(fixed); n > 0 && strings.HasPrefix(strings.ToUpper(withoutPrefix(fixed[n-1])), head) {
		// The line naming the head takes KT. (GIÁM ĐỐC SỞ NỘI VỤ for a
		// PHÓ GIÁM ĐỐC).
		fixed[n-1] = "KT. " + withoutPrefix(fixed[n-1])
	} else {
		fixed = append(fixed, "KT. "+head)
	}
	fix := "authority: " + fixed[0]
	if len(fixed) > 1 {
		fix = "authority: [" + strings.Join(fixed, ", ") + "]"
	}
	printed := strings.Join(append(fixed, pos), " / ")
	v.d.Warning(s.Position.Path, msg("signer.deputy-kt",
		fmt.Sprintf("người ký là cấp phó (%s) nhưng các dòng thẩm quyền ký không có “KT.”: cấp phó ký thay người đứng đầu thì ghi “KT.” trước chức vụ của người đứng đầu, kể cả khi ký thừa lệnh, thừa ủy quyền hay thay mặt tập thể (Nghị định 30, Điều 13)", pos),
		fmt.Sprintf("the signer is a deputy (%s) but no authority line has \"KT.\": a deputy signs for the head, \"KT.\" before the head's position, also under TL., TUQ. or TM. (Nghị định 30, Article 13)", pos),
		fix+" (in ra: "+printed+")", fix+" (printed: "+printed+")"))
}

// withoutPrefix is an authority line without its prefix (TM., TL. …).
func withoutPrefix(l string) string {
	first, rest, ok := strings.Cut(l, " ")
	if ok && prefixes[strings.ToUpper(strings.TrimSuffix(first, "."))] && strings.HasSuffix(first, ".") {
		return rest
	}
	return l
}

func (v *validator) recipients() {
	if len(v.doc.Recipients.Values()) == 0 && trim(v.doc.Archive.Value) == "" {
		v.d.Warning("recipients", msg("recipients.missing", "văn bản chưa có phần “Nơi nhận”", "the document has no \"Nơi nhận\"",
			"thêm recipients: (danh sách nơi nhận) và archive: VT, <chữ viết tắt của đơn vị soạn thảo>",
			"recipients: a list of who receives the document, and archive: VT, <your unit>"))
	} else if trim(v.doc.Archive.Value) == "" {
		v.d.Warning("archive", msg("archive.missing", "“Nơi nhận” chưa có dòng “- Lưu: VT, …”", "\"Nơi nhận\" has no \"- Lưu: VT, …\" line",
			"thêm archive: VT, <chữ viết tắt của đơn vị soạn thảo>", "archive: VT, <your unit's abbreviation>"))
	}
}

// Urgencies are the urgency levels of the decree, by their plain spelling.
var urgencies = map[string]string{"khan": "KHẨN", "thuong-khan": "THƯỢNG KHẨN", "hoa-toc": "HỎA TỐC"}

func (v *validator) urgency() {
	u := trim(v.doc.Urgency.Value)
	if u != "" && urgencies[viet.Slug(u)] == "" {
		v.d.Problem("urgency", msg("urgency.unknown", fmt.Sprintf("không có mức độ khẩn %q", u), fmt.Sprintf("unknown urgency %q", u),
			"KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC", "KHẨN, THƯỢNG KHẨN or HỎA TỐC"))
	}
	s := trim(v.doc.Secrecy.Value)
	if s != "" && secrecies[viet.Slug(s)] == "" {
		v.d.Problem("secrecy", msg("secrecy.unknown", fmt.Sprintf("không có độ mật %q", s), fmt.Sprintf("unknown secrecy level %q", s),
			"MẬT, TỐI MẬT hoặc TUYỆT MẬT", "MẬT, TỐI MẬT or TUYỆT MẬT"))
	}
}

// Secrecies are the levels of state secrets (Luật Bảo vệ bí mật nhà nước
// 2018), by their plain spelling.
var secrecies = map[string]string{"mat": "MẬT", "toi-mat": "TỐI MẬT", "tuyet-mat": "TUYỆT MẬT"}

// Untitled are the types whose models in Phụ lục III have no trích yếu:
// Mẫu 1.8 (giấy giới thiệu) and Mẫu 1.10 (giấy nghỉ phép) print the type
// name and the rule under it, then the text. Every other document needs
// its title.
var Untitled = map[string]bool{"giay-gioi-thieu": true, "giay-nghi-phep": true}

// title reports a missing or empty title (as the decoder reports a
// missing required field), and a title written as a list of blank lines.
func (v *validator) title() {
	untitled := Untitled[v.doc.Kind.Key]
	switch {
	case !v.d.Has("title"):
		if !untitled && !v.d.Meant("title") {
			v.d.ProblemAt(v.d.At(""), "title", decode.MissingField("title"))
		}
	case len(v.doc.Title.Values()) == 0 && !v.doc.Title.Listed() && !v.listAt("title"):
		// A blank text, as the decoder reports a blank required field.
		if !untitled && !v.d.Reported("title") {
			v.d.ProblemAt(v.d.At("title"), "title", decode.EmptyField)
		}
	case len(v.doc.Title.Values()) == 0 && !v.d.Reported("title"):
		v.d.Problem("title", msg("title.empty", "trích yếu để trống", "the title is empty",
			"ghi trích yếu, ví dụ Công tác năm 2025; một đoạn, hoặc danh sách các dòng",
			"the abstract (trích yếu), such as Công tác năm 2017; a text, or a list of its lines"))
	}
}

// listAt reports whether the value at path is written as a flow list
// ("[]"), which the model cannot tell from a blank text once it is empty.
func (v *validator) listAt(path string) bool {
	p := v.d.At(path)
	lines := bytes.Split(v.doc.Source, []byte("\n"))
	if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1]) {
		return false
	}
	return lines[p.Line-1][p.Col-1] == '['
}

func (v *validator) content() {
	doc := v.doc
	if !doc.hasBody() && !v.d.Reported("preamble") && !v.d.Reported("sections") && !v.d.Reported("articles") && !v.d.Reported("closing") {
		v.d.Problem("", msg("document.no-content", "văn bản chưa có nội dung", "the document has no content",
			"thêm preamble: (mở đầu), sections: (các mục), articles: (các điều) hoặc closing: (phần kết)",
			"preamble:, sections:, articles: or closing:"))
	}
	v.depth(doc.Sections, "sections", 1, newNumberer(doc.Sections, doc.Style.Decimal()))
	v.partChecks(doc.Parts, doc.Sections, "")
	v.markup()
}

// markup reports every emphasis marker that is opened and never closed,
// at its position, in the paragraphs the body prints (parts).
func (v *validator) markup() {
	for f := range v.doc.Fields() {
		if !f.Role.Markup() || !strings.Contains(f.Value, "*") {
			continue // only an asterisk opens emphasis
		}
		for _, p := range parts(*f.Text, f.Role) {
			if !strings.Contains(p.text, "*") {
				continue
			}
			for _, e := range markupErrors(p.text) {
				what := "in đậm"
				if e.Marker == "*" {
					what = "in nghiêng"
				}
				star := escapedStar(f.Text.Node)
				v.d.ProblemAt(Locate(v.doc.Source, *f.Text, p.off+e.Offset), f.Path, msg("markup.unclosed",
					fmt.Sprintf("dấu %s mở phần %s ở đây nhưng không có dấu đóng", e.Marker, what),
					fmt.Sprintf("%q is opened here but never closed", e.Marker),
					fmt.Sprintf("thêm %s liền sau chữ cuối của phần %s, hoặc gõ %s để in dấu sao", e.Marker, what, star),
					fmt.Sprintf("a closing %s right after the last word, or %s to print an asterisk", e.Marker, star)))
			}
		}
	}
}

// escapedStar is how an asterisk that must print is typed in n: \*, or
// \\* inside double quotes, where YAML reads the backslash first.
func escapedStar(n *yaml.Node) string {
	if n != nil && n.Style&yaml.DoubleQuotedStyle != 0 {
		return `\\*`
	}
	return `\*`
}

// depth refuses sections nested deeper than the numbering has levels,
// and sections with neither a heading nor a text to number.
func (v *validator) depth(ss []Section, path string, level int, nb *numberer) {
	for i := range ss {
		s := &ss[i]
		p := decode.Index(path, i)
		if trim(s.Heading.Value) == "" && trim(s.Text.Value) == "" && !v.d.Reported(decode.Join(p, "heading")) {
			v.d.Problem(decode.Join(p, "heading"), msg("sections.untitled",
				"mục này không có tiêu đề (heading:) cũng không có đoạn văn (text:) để đánh số",
				"the section has neither a heading nor a text to number",
				"thêm heading: … (tiêu đề in đậm, có số), hoặc text: … (đoạn văn có số ở đầu: «1. …», không có tiêu đề); các đoạn văn không đánh số thì viết ở preamble:",
				"heading: … (a numbered bold title), or text: … (a paragraph that starts with its number, «1. …», without a title); paragraphs without numbers go in preamble:"))
		}
		if maxDepth(s.Sections) > 0 && childLevel(s, level) > nb.levels() {
			v.d.Problem(decode.Join(p, "sections"), msg("sections.too-deep",
				fmt.Sprintf("các mục lồng nhau %d cấp", level+1), fmt.Sprintf("sections are nested %d levels deep", level+1),
				"tối đa bốn cấp, đánh số I., 1., 1.1. và a) (hoặc 1., 1.1., 1.1.1., 1.1.1.1. với style.numbering: decimal); ý sâu hơn thì viết thành các ý gạch đầu dòng (items:)",
				"at most four levels, numbered I., 1., 1.1. and a) (or 1., 1.1., 1.1.1., 1.1.1.1. with style.numbering: decimal); write deeper points as items"))
			continue
		}
		v.depth(s.Sections, decode.Join(p, "sections"), childLevel(s, level), nb)
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
		v.d.Problem("issuer", msg("issuer.too-many-lines",
			fmt.Sprintf("tên cơ quan chủ quản và cơ quan ban hành chiếm %d dòng, quá nhiều cho phần đầu văn bản", lines),
			fmt.Sprintf("the issuing body's names take %d lines, too many for the header", lines),
			fmt.Sprintf("tối đa %d dòng cho parent: và name: cộng lại", MaxIssuerLines),
			fmt.Sprintf("at most %d lines for parent and name together", MaxIssuerLines)))
	case chars > MaxIssuerChars:
		v.d.Problem("issuer", msg("issuer.too-long",
			fmt.Sprintf("tên cơ quan chủ quản và cơ quan ban hành quá dài cho phần đầu văn bản (%d ký tự)", chars),
			fmt.Sprintf("the issuing body's names are too long for the header (%d characters)", chars),
			fmt.Sprintf("tối đa %d ký tự cho parent: và name: cộng lại", MaxIssuerChars),
			fmt.Sprintf("at most %d characters for parent and name together", MaxIssuerChars)))
	}
	v.address()
	v.maxChars("place", v.doc.Place, MaxPlaceChars, "địa danh", "the place name")
	v.maxChars("symbol", v.doc.Symbol, MaxSymbolChars, "ký hiệu", "the symbol")
	if v.doc.Kind.IsLetter() {
		v.maxChars("title", Text{Value: strings.Join(v.doc.Title.Values(), " ")}, MaxLetterAbstract,
			"trích yếu của công văn (in dưới số văn bản)", "a công văn's abstract, printed under the number,")
	}
}

func (v *validator) address() {
	chars := 0
	for _, s := range v.doc.Address.Values() {
		chars += utf8.RuneCountInString(trim(s))
	}
	switch n := len(v.doc.Address); {
	case n > MaxAddressLines:
		v.d.Problem("address", msg("address.too-many-lines",
			fmt.Sprintf("phần địa chỉ có %d dòng, quá nhiều cho chân trang đầu", n),
			fmt.Sprintf("the address block has %d lines, too many for the foot of page 1", n),
			fmt.Sprintf("tối đa %d dòng: địa chỉ, điện thoại, thư điện tử, trang thông tin", MaxAddressLines),
			fmt.Sprintf("at most %d lines: address, telephone, e-mail, website", MaxAddressLines)))
	case chars > MaxAddressChars:
		v.d.Problem("address", msg("address.too-long",
			fmt.Sprintf("phần địa chỉ quá dài cho chân trang đầu (%d ký tự)", chars),
			fmt.Sprintf("the address block is too long for the foot of page 1 (%d characters)", chars),
			fmt.Sprintf("tối đa %d ký tự", MaxAddressChars), fmt.Sprintf("at most %d characters", MaxAddressChars)))
	}
}

func (v *validator) maxChars(path string, t Text, limit int, whatVi, whatEn string) {
	if n := utf8.RuneCountInString(trim(t.Value)); n > limit {
		v.d.Problem(path, msg("header.too-long",
			fmt.Sprintf("%s quá dài cho phần đầu văn bản (%d ký tự)", whatVi, n),
			fmt.Sprintf("%s is too long for the header (%d characters)", whatEn, n),
			fmt.Sprintf("tối đa %d ký tự", limit), fmt.Sprintf("at most %d characters", limit)))
	}
}

// Ranges the decree allows for the presentation options.
func (v *validator) style() {
	st := v.doc.Style
	v.choice("style.body_size", st.BodySize, 13, 14, "13 hoặc 14 (cỡ chữ)", "13 or 14 (points)")
	v.choice("style.header_size", st.HeaderSize, 12, 13, "12 (quốc hiệu 12, tiêu ngữ 13) hoặc 13 (13 và 14)", "12 (national name 12, motto 13) or 13 (13 and 14)")
	v.between("style.line_spacing", st.LineSpacing, 1, 1.5, "từ 1 (dòng đơn) đến 1.5 dòng", "from 1 (single) to 1.5 lines")
	v.choice("style.indent", st.Indent, 10, 12.7, "10 hoặc 12.7 (mm: Nghị định cho phép 1 cm hoặc 1,27 cm)", "10 or 12.7 (mm: the decree allows 1 cm or 1.27 cm)")
	if n := trim(st.Numbering.Value); n != "" && !st.Decimal() {
		v.d.Problem("style.numbering", msg("style.numbering-unknown",
			fmt.Sprintf("không có cách đánh số %q", n), fmt.Sprintf("unknown numbering %q", n),
			"decimal (đánh số 1., 1.1., 1.1.1.); bỏ trống để đánh số I., 1., 1.1., a)",
			"decimal (1., 1.1., 1.1.1.); leave it out for I., 1., 1.1., a)"))
	}
	m := st.Margins
	v.between("style.margins.top", m.Top, 20, 25, "từ 20 đến 25 mm", "20 to 25 mm")
	v.between("style.margins.bottom", m.Bottom, 20, 25, "từ 20 đến 25 mm", "20 to 25 mm")
	v.between("style.margins.left", m.Left, 30, 35, "từ 30 đến 35 mm", "30 to 35 mm")
	v.between("style.margins.right", m.Right, 15, 20, "từ 15 đến 20 mm", "15 to 20 mm")
	if _, ok := itemStyles[strings.ToLower(trim(st.Items.Value))]; !ok {
		v.d.Problem("style.items", msg("style.items",
			fmt.Sprintf("không có kiểu gạch đầu dòng %q", st.Items.Value),
			fmt.Sprintf("%q is not a way to set items", st.Items.Value),
			"paragraph (dòng đầu thụt vào, các dòng sau sát lề; mặc định) hoặc hanging (các dòng sau thẳng hàng với chữ sau gạch đầu dòng)",
			"paragraph (first line indented, wrapped lines at the margin; the default) or hanging (wrapped lines under the text after the dash)"))
	}
}

func (v *validator) choice(path string, x, a, b float64, vi, en string) {
	if v.d.Has(path) && x != a && x != b {
		v.d.Problem(path, msg("style.not-allowed", fmt.Sprintf("Nghị định 30 không cho phép giá trị %g", x), fmt.Sprintf("%g is not allowed by Nghị định 30", x), vi, en))
	}
}

func (v *validator) between(path string, x, lo, hi float64, vi, en string) {
	if v.d.Has(path) && (x < lo || x > hi) {
		v.d.Problem(path, msg("style.out-of-range", fmt.Sprintf("%g nằm ngoài khoảng Nghị định 30 cho phép", x), fmt.Sprintf("%g is outside the range Nghị định 30 allows", x), vi, en))
	}
}
