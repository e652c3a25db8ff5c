package document

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/diag"
)

// Locate returns the source position of the byte offset off inside the
// text's value. The value may differ from its source (block scalars, quoted
// escapes, NFC normalisation), so Locate finds the same occurrence of the
// characters at off in the source lines the value came from; when it cannot,
// it returns the position of the value itself.
func Locate(src []byte, t Text, off int) diag.Pos {
	n := t.Node
	if n == nil {
		return diag.Pos{}
	}
	at := diag.Pos{Line: n.Line, Col: n.Column}
	if off < 0 || off >= len(t.Value) || len(src) == 0 {
		return at
	}
	value := t.lead + t.Value
	off += len(t.lead)
	_, size := utf8.DecodeRuneInString(value[off:])
	pat := value[off : off+size]
	if strings.HasPrefix(value[off:], "**") {
		pat = "**"
	}
	nth := strings.Count(value[:off], pat)
	start := lineStart(src, n.Line)
	if start < 0 {
		return at
	}
	start += byteCol(src[start:], n.Column)
	// The value cannot reach past this many source lines.
	endLine := n.Line + strings.Count(value, "\n") + 2
	if n.Style&(yaml.FoldedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 || n.Style == 0 {
		endLine += len(value) / 20 // folded lines
	}
	end := lineStart(src, endLine)
	if end < 0 {
		end = len(src)
	}
	region := src[start:end]
	idx := 0
	for range nth + 1 {
		i := bytes.Index(region[idx:], []byte(pat))
		if i < 0 {
			return at
		}
		idx += i + len(pat)
	}
	return offsetPos(src, start+idx-len(pat))
}

// lineStart returns the byte offset where 1-based line begins, or -1.
func lineStart(src []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off
}

// byteCol converts a 1-based character column into a byte offset.
func byteCol(line []byte, col int) int {
	off := 0
	for c := 1; c < col && off < len(line) && line[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(line[off:])
		off += n
	}
	return off
}

func offsetPos(src []byte, off int) diag.Pos {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{Line: line, Col: 1 + utf8.RuneCount(src[start:off])}
}
