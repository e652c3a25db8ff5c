// Package decode turns YAML source into Go values while keeping, for every
// field, the line and column it came from, so that later validation can say
// exactly where a problem is. It refuses what is not YAML (binary files,
// invalid UTF-8, alias bombs, oversized files), normalises every string to
// Unicode NFC, and reports unknown keys (with a "did you mean"), duplicate
// keys, wrong types and missing required fields, all in one run.
package decode

import (
	"bytes"
	"fmt"
	"regexp"
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
	MaxNodes int // YAML nodes after expanding aliases
}

// DefaultLimits are generous for any real document or report (a 100-page
// document is about 0.3 MB, a province-wide report about 1 MB) and small
// enough that a hostile file is refused in milliseconds.
var DefaultLimits = Limits{MaxBytes: 16 << 20, MaxNodes: 2_000_000}

// Parse checks src and parses it into a YAML node tree whose scalars are in
// NFC. It returns nil when the file cannot be used at all; the reasons are
// in d.Diags.
func (d *Decoder) Parse(src []byte) *yaml.Node {
	if !d.precheck(src) {
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	d.src = src
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&root); err != nil {
		if err.Error() == "EOF" {
			d.Error("", "the file is empty", "a YAML mapping of fields")
			return nil
		}
		d.yamlError(src, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.ErrorAt(diag.Pos{Line: extra.Line, Col: 1}, "", "the file holds more than one YAML document (a second \"---\")", "one document per file")
		return nil
	} else if err.Error() != "EOF" {
		d.yamlError(src, err)
		return nil
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = *root.Content[0]
	}
	if root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		d.Error("", "the file is empty", "a YAML mapping of fields")
		return nil
	}
	if !d.countNodes(&root) {
		return nil
	}
	d.normalise(&root, map[*yaml.Node]bool{})
	return &root
}

// precheck refuses files that are not UTF-8 text before the YAML parser
// sees them, with a message that says what the file is instead.
func (d *Decoder) precheck(src []byte) bool {
	if d.limits.MaxBytes > 0 && len(src) > d.limits.MaxBytes {
		d.Error("", fmt.Sprintf("the file is too large (%s)", sizeString(len(src))),
			fmt.Sprintf("at most %s", sizeString(d.limits.MaxBytes)))
		return false
	}
	if what := binaryKind(src); what != "" {
		d.Error("", "this is not a YAML text file: it looks like "+what, "a UTF-8 YAML text file")
		return false
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		d.Error("", "the file is saved as UTF-16", "UTF-8 (in Notepad: Save As, Encoding: UTF-8)")
		return false
	}
	if !utf8.Valid(src) {
		off := invalidUTF8Offset(src)
		pos := offsetPos(src, off)
		d.Diags.Add(diag.Diagnostic{File: d.File, Pos: pos,
			Message:  fmt.Sprintf("invalid UTF-8 byte 0x%02X: the file is probably saved in a legacy encoding (Windows-1258, TCVN3, VNI)", src[off]),
			Expected: "UTF-8 text (convert it with Unikey's conversion tool or save it as UTF-8)",
			Hint:     "lưu tệp ở dạng Unicode UTF-8"})
		return false
	}
	return true
}

// binaryKind names well-known binary formats, or says "a binary file" when
// the data holds NUL bytes; it returns "" for text.
func binaryKind(src []byte) string {
	head := src[:min(len(src), 8)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "a PDF document"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a ZIP archive (an Excel or Word file?)"
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0")):
		return "an old Microsoft Office file (.doc or .xls)"
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return "a PNG image"
	case bytes.HasPrefix(head, []byte("\xFF\xD8\xFF")):
		return "a JPEG image"
	case bytes.HasPrefix(head, []byte("\x7FELF")):
		return "a program (ELF executable)"
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
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	}
	return strconv.Itoa(n) + " bytes"
}

var yamlLineRe = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlError turns a parser error into positioned diagnostics with plain
// explanations of the most common mistakes.
func (d *Decoder) yamlError(src []byte, err error) {
	lines := strings.Split(string(src), "\n")
	for _, msg := range strings.Split(err.Error(), "\n") {
		msg = strings.TrimSpace(strings.TrimPrefix(msg, "yaml: unmarshal errors:"))
		if msg == "" {
			continue
		}
		m := yamlLineRe.FindStringSubmatch(msg)
		if m == nil {
			d.Error("", "YAML syntax error: "+msg, "valid YAML")
			continue
		}
		line, _ := strconv.Atoi(m[1])
		what := m[2]
		pos := diag.Pos{Line: line, Col: 1}
		expected := "valid YAML"
		if line > 0 && line <= len(lines) {
			text := lines[line-1]
			pos.Col = 1 + utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeft(text, " "))
			if i := strings.IndexByte(text, '\t'); i >= 0 && (strings.Contains(what, "tab") || strings.Contains(what, "cannot start any token")) {
				pos.Col = 1 + utf8.RuneCountInString(text[:i])
				what = "a tab character is used for indentation"
				expected = "spaces only; YAML does not allow tabs"
			}
		}
		switch {
		case strings.Contains(what, "mapping values are not allowed"):
			what = "a \"key: value\" pair is out of place (wrong indentation, or a value with \": \" that needs quotes)"
			expected = "consistent indentation with spaces"
		case strings.Contains(what, "did not find expected key"), strings.Contains(what, "did not find expected '-' indicator"):
			what = "the indentation of this line does not match the lines above"
			expected = "items of one list or mapping indented by the same number of spaces"
		case strings.Contains(what, "found unexpected end of stream") || strings.Contains(what, "did not find expected closing"):
			if p, ok := unclosedQuote(lines, line); ok {
				pos = p
			}
			what = "a quoted text is never closed"
			expected = "a closing quote (\" or ') at the end of the value"
		case strings.Contains(what, "could not find expected ':'"):
			what = "a key has no \":\" after it, or a quoted text is never closed"
			expected = "key: value"
		}
		d.ErrorAt(pos, "", "YAML syntax error: "+what, expected)
	}
}

// unclosedQuote finds the last line up to upto where a value opens a quote
// that the same line does not close: the parser only notices at the end
// of the file, but the mistake is where the quote opens.
func unclosedQuote(lines []string, upto int) (diag.Pos, bool) {
	found, pos := false, diag.Pos{}
	for i := 0; i < min(upto, len(lines)); i++ {
		text := lines[i]
		v := strings.TrimLeft(text, " -")
		if k := strings.Index(v, ": "); k >= 0 && v[0] != '"' && v[0] != '\'' {
			v = strings.TrimLeft(v[k+2:], " ")
		}
		if v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		if !closes(v[1:], v[0]) {
			start := len(text) - len(v)
			found, pos = true, diag.Pos{Line: i + 1, Col: 1 + utf8.RuneCountInString(text[:start])}
		}
	}
	return pos, found
}

// closes reports whether rest holds the closing quote q; in double quotes a
// backslash escapes, in single quotes a doubled quote does.
func closes(rest string, q byte) bool {
	for i := 0; i < len(rest); i++ {
		switch {
		case q == '"' && rest[i] == '\\':
			i++
		case rest[i] == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++
		case rest[i] == q:
			return true
		}
	}
	return false
}

// countNodes walks the tree, following aliases, and refuses trees that
// expand beyond the node limit: a small file of nested aliases can
// otherwise stand for billions of nodes.
func (d *Decoder) countNodes(root *yaml.Node) bool {
	budget := d.limits.MaxNodes
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		budget--
		if budget < 0 || depth > 200 {
			return false
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			return walk(n.Alias, depth+1)
		}
		for _, c := range n.Content {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	if !walk(root, 0) {
		d.Error("", "the file expands to too many values or is nested too deeply (an alias \"*name\" repeated inside itself, or a generated file)",
			fmt.Sprintf("at most %d values after expanding aliases, nested at most 200 levels", d.limits.MaxNodes))
		return false
	}
	return true
}

// normalise rewrites every scalar to NFC and reports characters that stay
// decomposed: fpdf places combining marks wrongly, so none may reach it.
func (d *Decoder) normalise(n *yaml.Node, seen map[*yaml.Node]bool) {
	if seen[n] {
		return
	}
	seen[n] = true
	if n.Kind == yaml.ScalarNode {
		if !norm.NFC.IsNormalString(n.Value) {
			n.Value = norm.NFC.String(n.Value)
		}
		for i, r := range n.Value {
			if unicode.Is(unicode.Mn, r) {
				pos := diag.Pos{Line: n.Line, Col: n.Column}
				if n.Style == 0 && !strings.Contains(n.Value[:i], "\n") {
					pos.Col += utf8.RuneCountInString(n.Value[:i])
				}
				d.ErrorAt(pos, "", fmt.Sprintf("combining mark U+%04X cannot be joined to the letter before it", r),
					"precomposed Vietnamese letters (Unicode dựng sẵn)")
				break
			}
		}
	}
	for _, c := range n.Content {
		d.normalise(c, seen)
	}
	if n.Alias != nil {
		d.normalise(n.Alias, seen)
	}
}
