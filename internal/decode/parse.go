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
// in d.Diags.
func (d *Decoder) Parse(src []byte) *yaml.Node {
	if !d.precheck(src) {
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	d.src = src
	if n := estimateNodes(src); d.limits.MaxNodes > 0 && n > d.limits.MaxNodes {
		d.addHint(diag.Error, fileStart, "", "the file holds too many values",
			fmt.Sprintf("at most %d lines, list items and fields", d.limits.MaxNodes), "tệp quá lớn")
		return nil
	}
	root, extra, err := parseOne(src)
	switch {
	case err != nil:
		d.syntaxError(src, err)
		return nil
	case extra != nil:
		d.addHint(diag.Error, diag.Pos{Line: extra.Line, Col: extra.Column}, "",
			"a second YAML document starts here", "one document per file",
			"mỗi tệp chỉ một văn bản")
		return nil
	case root == nil:
		d.addHint(diag.Error, fileStart, "", "the file is empty", "YAML fields such as \"title: …\"", "tệp trống")
		return nil
	}
	if !d.countNodes(root) {
		return nil
	}
	d.normalise(root, map[*yaml.Node]bool{})
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
// sees them, with a message that says what the file is instead.
func (d *Decoder) precheck(src []byte) bool {
	if d.limits.MaxBytes > 0 && len(src) > d.limits.MaxBytes {
		d.addHint(diag.Error, fileStart, "", "the file is larger than "+sizeString(d.limits.MaxBytes),
			"a file of at most "+sizeString(d.limits.MaxBytes), "tệp quá lớn")
		return false
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		d.addHint(diag.Error, fileStart, "", "the file is saved as UTF-16",
			"UTF-8; in Notepad: Save As, Encoding UTF-8", "lưu tệp ở dạng Unicode UTF-8")
		return false
	}
	if what := binaryKind(src); what != "" {
		d.addHint(diag.Error, fileStart, "", "this is not a YAML text file: it looks like "+what,
			"a YAML text file", "không phải tệp văn bản YAML")
		return false
	}
	if !utf8.Valid(src) {
		off := invalidUTF8Offset(src)
		d.addHint(diag.Error, offsetPos(src, off), "",
			fmt.Sprintf("invalid UTF-8 byte 0x%02X: the file is probably saved in a legacy encoding such as TCVN3, VNI or Windows-1258", src[off]),
			"UTF-8 text; convert it with Unikey's conversion tool or save it as UTF-8", "lưu tệp ở dạng Unicode UTF-8")
		return false
	}
	return true
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
	for _, c := range src {
		switch c {
		case '\n', ',', '[', '{', '-', ':', '?':
			n++
		}
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
			d.addHint(diag.Error, fileStart, "", "the aliases *name in this file expand to too many values",
				fmt.Sprintf("at most %d values in all, counting every use of an alias in full", d.limits.MaxNodes), "tệp quá lớn")
			return false
		}
		if depth > MaxDepth {
			d.addHint(diag.Error, diag.Pos{Line: n.Line, Col: n.Column}, "", "values are nested too deeply here",
				fmt.Sprintf("at most %d levels", MaxDepth), "lồng nhau quá sâu")
			return false
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			if open[n.Alias] {
				d.addHint(diag.Error, diag.Pos{Line: n.Line, Col: n.Column}, "",
					fmt.Sprintf("the alias *%s is used inside its own definition", n.Value), "an alias used after its anchor &"+n.Value, "")
				return false
			}
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
// mark would land wrongly, and none may reach it.
func (d *Decoder) normalise(n *yaml.Node, seen map[*yaml.Node]bool) {
	if seen[n] {
		return
	}
	seen[n] = true
	if n.Kind == yaml.ScalarNode {
		d.normaliseScalar(n)
	}
	for _, c := range n.Content {
		d.normalise(c, seen)
	}
	if n.Alias != nil {
		d.normalise(n.Alias, seen)
	}
}

func (d *Decoder) normaliseScalar(n *yaml.Node) {
	if !norm.NFC.IsNormalString(n.Value) {
		n.Value = norm.NFC.String(n.Value)
	}
	for i, r := range n.Value {
		if unicode.Is(unicode.Mn, r) {
			pos := diag.Pos{Line: n.Line, Col: n.Column}
			if n.Style == 0 && !strings.Contains(n.Value[:i], "\n") {
				pos.Col += utf8.RuneCountInString(n.Value[:i])
			}
			d.addHint(diag.Error, pos, "", fmt.Sprintf("the combining mark U+%04X cannot be joined to the letter before it", r),
				"precomposed Vietnamese letters", "dùng bảng mã Unicode dựng sẵn")
			return
		}
	}
}
