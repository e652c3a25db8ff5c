// Package decode turns YAML source into Go values while keeping, for every
// field, the line and column it came from, so that later validation can say
// exactly where a problem is. It refuses what is not YAML (binary files,
// invalid UTF-8, alias bombs, oversized files), normalises every string to
// Unicode NFC, and reports unknown keys (with a "did you mean"), duplicate
// keys, wrong types and missing required fields, all in one run.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/diag"
)

// Limits bound the work one input file may cause.
type Limits struct {
	MaxBytes int // size of the file
	MaxNodes int // YAML values, estimated before parsing and counted after expanding aliases
}

// DefaultLimits are generous for any real document or report (a 100-page
// document is about 0.3 MB and 20,000 values, a province-wide report about
// 1 MB and 100,000 values) and small enough that a hostile file is refused
// in well under a second and a few hundred megabytes (measured in
// limits_test.go).
var DefaultLimits = Limits{MaxBytes: 8 << 20, MaxNodes: 1_000_000}

// MaxDepth is how deeply values may nest: real inputs nest a handful of
// levels; the decoder recurses once per level.
const MaxDepth = 100

// fileStart is the position of problems that concern the whole file.
var fileStart = diag.Pos{Line: 1, Col: 1}

// Parse checks src and parses it into a YAML node tree whose scalars are in
// NFC. It returns nil when the file cannot be used at all; the reasons are
// in d.Diags. A file saved as UTF-16 with a byte-order mark (Notepad's
// "Unicode") is read as the text it holds, with the same lines and
// columns. Mistakes vanban can mend are reported and mended, so that one
// run finds them all (repair.go); the tree returned is then that of the
// mended file, and d.Diags holds the errors.
func (d *Decoder) Parse(src []byte) *yaml.Node {
	src, ok := d.precheck(src)
	if !ok {
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	d.src = src
	d.idx = newSource(string(src))
	if n := estimateNodes(src); d.limits.MaxNodes > 0 && n > d.limits.MaxNodes {
		d.ProblemAt(fileStart, "", diag.Msg{Code: "file.too-many-values",
			Vi: "tệp có quá nhiều giá trị", FixVi: fmt.Sprintf("tối đa %d dòng, ý và trường", d.limits.MaxNodes),
			En: "the file holds too many values", FixEn: fmt.Sprintf("at most %d lines, list items and fields", d.limits.MaxNodes)})
		return nil
	}
	root, extra := d.parseRepaired(d.idx)
	d.Diags.Sort()
	switch {
	case root == nil && d.Diags.HasErrors():
		return nil
	case extra != nil:
		d.ProblemAt(nodePos(extra), "", diag.Msg{Code: "file.two-documents",
			Vi: "một văn bản thứ hai bắt đầu ở đây (sau dòng ---)", FixVi: "mỗi tệp chỉ một văn bản: tách ra tệp khác hoặc xóa dòng ---",
			En: "a second YAML document starts here", FixEn: "one document per file"})
		return nil
	case root == nil:
		d.ProblemAt(fileStart, "", diag.Msg{Code: "file.empty",
			Vi: "tệp trống", FixVi: "viết các trường như «title: …»; «vanban new» in ra một tệp mẫu",
			En: "the file is empty", FixEn: "YAML fields such as \"title: …\""})
		return nil
	}
	if !d.countNodes(root) {
		return nil
	}
	d.normalise(root)
	return root
}

// parseOne parses the first YAML document of src and returns its content
// (nil when the document is empty) and, when src holds another non-empty
// document, that document. A lone "---" or "..." at the end
// is harmless and accepted.
func parseOne(src []byte) (root, extra *yaml.Node, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	root = content(&doc)
	for {
		var next yaml.Node
		if err := dec.Decode(&next); errors.Is(err, io.EOF) {
			return root, nil, nil
		} else if err != nil {
			return nil, nil, err
		}
		if content(&next) != nil {
			return root, &next, nil
		}
	}
}

// content returns what a document node holds, or nil for an empty
// document (nothing, "~" or "null").
func content(doc *yaml.Node) *yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind == 0 || n.Kind == yaml.DocumentNode || isNull(n) {
		return nil
	}
	return n
}

// precheck refuses files that are not UTF-8 text before the YAML parser
// sees them, with a message that says what the file is instead. It
// returns the text as UTF-8: a file in UTF-16 with a byte-order mark is
// converted.
func (d *Decoder) precheck(src []byte) ([]byte, bool) {
	if d.limits.MaxBytes > 0 && len(src) > d.limits.MaxBytes {
		d.ProblemAt(fileStart, "", diag.Msg{Code: "file.too-large",
			Vi: "tệp lớn hơn " + sizeString(d.limits.MaxBytes), FixVi: "một tệp tối đa " + sizeString(d.limits.MaxBytes),
			En: "the file is larger than " + sizeString(d.limits.MaxBytes), FixEn: "a file of at most " + sizeString(d.limits.MaxBytes)})
		return nil, false
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		text, bad := fromUTF16(src[2:], src[0] == 0xFE)
		if bad >= 0 {
			d.ProblemAt(offsetPos(text, bad), "", msgUTF16Broken)
			return nil, false
		}
		src = text
	} else if utf16NoMark(src) {
		d.ProblemAt(fileStart, "", diag.Msg{Code: "file.utf16",
			Vi: "tệp được lưu ở dạng UTF-16 không có dấu BOM nên không đọc được chắc chắn", FixVi: "lưu lại tệp ở dạng UTF-8 (Notepad: Lưu thành…, Mã hóa: UTF-8)",
			En: "the file is saved as UTF-16 without a byte-order mark", FixEn: "UTF-8; in Notepad: Save As, Encoding UTF-8"})
		return nil, false
	}
	if what := binaryKind(src); what != "" {
		d.ProblemAt(fileStart, "", diag.Msg{Code: "file.not-text",
			Vi: "đây không phải tệp chữ YAML: có vẻ là " + binaryVi[what], FixVi: "mở tệp .yaml viết văn bản (tệp chữ, sửa bằng Notepad)",
			En: "this is not a YAML text file: it looks like " + what, FixEn: "a YAML text file"})
		return nil, false
	}
	if !validUTF8(src) {
		off := invalidUTF8Offset(src)
		d.ProblemAt(offsetPos(src, off), "", diag.Msg{Code: "file.encoding",
			Vi:    fmt.Sprintf("byte 0x%02X không phải chữ UTF-8: tệp có lẽ được lưu bằng bảng mã cũ như TCVN3, VNI hay Windows-1258", src[off]),
			FixVi: "chuyển sang Unicode bằng công cụ chuyển mã của Unikey, hoặc lưu lại tệp ở dạng UTF-8",
			En:    fmt.Sprintf("invalid UTF-8 byte 0x%02X: the file is probably saved in a legacy encoding such as TCVN3, VNI or Windows-1258", src[off]),
			FixEn: "UTF-8 text; convert it with Unikey's conversion tool or save it as UTF-8"})
		return nil, false
	}
	return src, true
}

// validUTF8 is utf8.Valid, which reads a byte at a time once it meets a
// character that is not ASCII, as a Vietnamese text has every few
// letters. Here the two- and three-byte characters of Vietnamese (ă, đ,
// ơ, ư; ạ, ế, ữ) are checked in place, and any other by utf8.
func validUTF8(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case 0xC2 <= c && c <= 0xDF && i+1 < len(b) && b[i+1]&0xC0 == 0x80:
			i += 2
			continue
		case 0xE1 <= c && c <= 0xEC && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80:
			// Lead bytes whose every continuation byte is valid (E0 and
			// ED limit theirs: utf8 checks them).
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

var msgUTF16Broken = diag.Msg{Code: "file.utf16-broken",
	Vi: "tệp UTF-16 bị hỏng ở đây (một nửa ký tự, hoặc tệp bị cắt)", FixVi: "lưu lại tệp ở dạng UTF-8 (Notepad: Lưu thành…, Mã hóa: UTF-8)",
	En: "the UTF-16 file is broken here (half a character, or the file is cut short)", FixEn: "UTF-8; in Notepad: Save As, Encoding UTF-8"}

// fromUTF16 converts UTF-16 text (after its byte-order mark) to UTF-8.
// bad is the offset in the result where a broken character was found, or
// -1.
func fromUTF16(b []byte, bigEndian bool) (text []byte, bad int) {
	out := make([]byte, 0, len(b)+len(b)/2)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(b[i])<<8 | uint16(b[i+1])
		}
		return uint16(b[i+1])<<8 | uint16(b[i])
	}
	for i := 0; i < len(b); i += 2 {
		if i+1 >= len(b) {
			return out, len(out)
		}
		u := rune(unit(i))
		switch {
		case utf16.IsSurrogate(u):
			if u >= 0xDC00 || i+3 >= len(b) {
				return out, len(out)
			}
			r := utf16.DecodeRune(u, rune(unit(i+2)))
			if r == utf8.RuneError {
				return out, len(out)
			}
			out = utf8.AppendRune(out, r)
			i += 2
		default:
			out = utf8.AppendRune(out, u)
		}
	}
	return out, -1
}

// utf16NoMark reports whether src looks like UTF-16 text without a
// byte-order mark: a zero byte beside nearly every letter of the start.
func utf16NoMark(src []byte) bool {
	n := min(len(src), 512) &^ 1
	if n < 8 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return odd*10 >= half*9 && even == 0 || even*10 >= half*9 && odd == 0
}

// binaryVi names the binary formats in Vietnamese.
var binaryVi = map[string]string{
	"a PDF document": "một tệp PDF", "an Excel or Word file, or another ZIP archive": "một tệp Excel, Word hay tệp nén ZIP",
	"an old Word or Excel file, .doc or .xls": "một tệp Word hay Excel cũ (.doc, .xls)", "a Rich Text document, .rtf": "một tệp Rich Text (.rtf)",
	"a PNG image": "một ảnh PNG", "a JPEG image": "một ảnh JPEG", "a GIF image": "một ảnh GIF", "a gzip archive": "một tệp nén gzip",
	"a program": "một chương trình", "a Windows program": "một chương trình Windows", "a binary file": "một tệp nhị phân",
}

// magic maps the first bytes of common binary formats to their names.
var magic = []struct{ prefix, name string }{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "an Excel or Word file, or another ZIP archive"},
	{"\xD0\xCF\x11\xE0", "an old Word or Excel file, .doc or .xls"},
	{"{\\rtf", "a Rich Text document, .rtf"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1F\x8B", "a gzip archive"},
	{"\x7FELF", "a program"},
	{"MZ", "a Windows program"},
}

// binaryKind names well-known binary formats, or says "a binary file" when
// the data holds NUL bytes; it returns "" for text.
func binaryKind(src []byte) string {
	for _, m := range magic {
		if bytes.HasPrefix(src, []byte(m.prefix)) && (m.prefix != "MZ" || bytes.IndexByte(src[:min(len(src), 512)], 0) >= 0) {
			return m.name
		}
	}
	if bytes.IndexByte(src[:min(len(src), 8192)], 0) >= 0 {
		return "a binary file"
	}
	return ""
}

func invalidUTF8Offset(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// offsetPos converts a byte offset into a 1-based line and a column counted
// in characters.
func offsetPos(src []byte, off int) diag.Pos {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{Line: line, Col: 1 + utf8.RuneCount(src[start:off])}
}

func sizeString(n int) string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64) + " MiB"
	}
	return strconv.Itoa(n) + " bytes"
}

// estimateNodes bounds the parser's work before it starts: parsing costs
// time and memory per YAML value, and almost every value needs a line, a
// separator or an indicator of its own. Prose inflates the estimate a
// little; the limit leaves room for that.
func estimateNodes(src []byte) int {
	n := 1
	for _, c := range []byte("\n,[{-:?") {
		n += bytes.Count(src, []byte{c})
	}
	return n
}

// countNodes walks the tree, following aliases, and refuses trees that
// expand beyond the node limit or nest too deeply: a small file of nested
// aliases can otherwise stand for billions of values.
func (d *Decoder) countNodes(root *yaml.Node) bool {
	budget := d.limits.MaxNodes
	if budget <= 0 {
		budget = int(^uint(0) >> 1)
	}
	open := map[*yaml.Node]bool{} // nodes on the current path, to see an alias used inside itself
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if budget--; budget < 0 {
			d.ProblemAt(fileStart, "", diag.Msg{Code: "file.alias-bomb",
				Vi:    "các bí danh *tên trong tệp này nhân ra quá nhiều giá trị",
				FixVi: fmt.Sprintf("tối đa %d giá trị, tính cả mỗi lần dùng một bí danh", d.limits.MaxNodes),
				En:    "the aliases *name in this file expand to too many values",
				FixEn: fmt.Sprintf("at most %d values in all, counting every use of an alias in full", d.limits.MaxNodes)})
			return false
		}
		if depth > MaxDepth {
			d.ProblemAt(nodePos(n), "", msgDepth())
			return false
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			if open[n.Alias] {
				d.ProblemAt(nodePos(n), "", diag.Msg{Code: "file.alias-loop",
					Vi: fmt.Sprintf("bí danh *%s được dùng ngay trong giá trị mà nó trỏ đến", n.Value), FixVi: "dùng *" + n.Value + " sau khi giá trị &" + n.Value + " đã kết thúc",
					En: fmt.Sprintf("the alias *%s is used inside its own definition", n.Value), FixEn: "an alias used after its anchor &" + n.Value})
				return false
			}
			d.aliased[n.Alias] = true
			return walk(n.Alias, depth+1)
		}
		if n.Anchor != "" {
			open[n] = true
			defer delete(open, n)
		}
		for _, c := range n.Content {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	return walk(root, 0)
}

// normalise rewrites every scalar to NFC and reports characters that stay
// decomposed: the PDF draws characters without shaping, so a combining
// mark would land wrongly, and none may reach it. It walks the tree, not
// the aliases: countNodes refused an alias inside its own anchor, so every
// anchored node lies in the tree before any alias to it.
func (d *Decoder) normalise(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && !plainNFC(n.Value) {
		d.normaliseScalar(n)
	}
	for _, c := range n.Content {
		d.normalise(c)
	}
}

// nfcRanges are the characters that are in NFC whatever stands around
// them (no canonical decomposition, combining class 0, never composed with
// the character before) and are no combining mark: everything below
// U+0300, Latin Extended Additional (Vietnamese's letters with two marks)
// and most of General Punctuation (quotes, dashes, ellipsis).
// TestNFCRanges checks every one of them.
var nfcRanges = [...][2]rune{{0, 0x300}, {0x1E00, 0x1F00}, {0x2002, 0x20D0}}

// plainNFC reports whether every character of s lies in nfcRanges: s is
// then in NFC and holds no combining mark, and normaliseScalar has
// nothing to do. Almost every value of a document is such a text.
func plainNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case 0xC2 <= c && c <= 0xCB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2 // below U+0300: ă, đ, ơ, ư, Latin-1
			continue
		case c == 0xE1 && i+2 < len(s) && 0xB8 <= s[i+1] && s[i+1] <= 0xBB && s[i+2]&0xC0 == 0x80:
			i += 3 // U+1E00-U+1EFF: ạ, ế, ữ
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r < nfcRanges[0][1] || r >= nfcRanges[1][0] && r < nfcRanges[1][1] || r >= nfcRanges[2][0] && r < nfcRanges[2][1]) {
			return false
		}
		i += size
	}
	return true
}

// firstMark is the first combining mark (Unicode's category Mn): U+0300,
// the combining grave accent.
const firstMark = 0x300

func (d *Decoder) normaliseScalar(n *yaml.Node) {
	if !norm.NFC.IsNormalString(n.Value) {
		d.raw[n] = n.Value
		n.Value = norm.NFC.String(n.Value)
	}
	for i, r := range n.Value {
		// Most characters of a text lie below the first combining mark
		// and need no look-up in unicode.Mn (TestFirstMark).
		if r >= firstMark && unicode.Is(unicode.Mn, r) {
			pos := diag.Pos{Line: n.Line, Col: n.Column}
			if n.Style == 0 && !strings.Contains(n.Value[:i], "\n") {
				pos.Col += utf8.RuneCountInString(n.Value[:i])
			}
			d.ProblemAt(pos, "", diag.Msg{Code: "text.combining-mark",
				Vi:    fmt.Sprintf("dấu thanh rời U+%04X không ghép được vào chữ trước nó", r),
				FixVi: "gõ lại bằng bảng mã Unicode dựng sẵn (Unikey: bảng mã Unicode)",
				En:    fmt.Sprintf("the combining mark U+%04X cannot be joined to the letter before it", r),
				FixEn: "precomposed Vietnamese letters"})
			return
		}
	}
}
