package decode

import (
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
)

// source is a file's text with the start of every line, so that a node's
// line and column (counted in characters, as the YAML parser counts them)
// become byte offsets and back. Lines end where YAML ends them: at LF,
// CR LF, a lone CR, NEL, LS or PS.
type source struct {
	text  string
	lines []int // byte offset where each line starts; lines[0] == 0
}

func newSource(text string) *source {
	s := &source{text: text, lines: make([]int, 1, 1+strings.Count(text, "\n"))}
	if onlyLF(text) {
		s.lines = lfLines(text, s.lines) // almost every file
	} else {
		s.lines = breakLines(text, s.lines)
	}
	return s
}

// lfLines appends the start of every line of a text whose lines all end
// with LF.
func lfLines(text string, lines []int) []int {
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return lines
		}
		i += j + 1
		lines = append(lines, i)
	}
}

// breakLines appends the start of every line of text, whatever breaks
// its lines.
func breakLines(text string, lines []int) []int {
	for i := 0; i < len(text); {
		// Every line break starts with one of these bytes: LF, CR, the
		// first byte of NEL (C2 85) and of LS and PS (E2 80 A8/A9).
		switch text[i] {
		case '\n':
			i++
		case '\r':
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
		case 0xC2:
			if !strings.HasPrefix(text[i:], "\u0085") {
				i++
				continue
			}
			i += len("\u0085")
		case 0xE2:
			if !strings.HasPrefix(text[i:], "\u2028") && !strings.HasPrefix(text[i:], "\u2029") {
				i++
				continue
			}
			i += len("\u2028")
		default:
			i++
			continue
		}
		lines = append(lines, i)
	}
	return lines
}

// onlyLF reports whether LF is the only line break of text.
func onlyLF(text string) bool {
	return strings.IndexByte(text, '\r') < 0 && !strings.Contains(text, "\u0085") &&
		!strings.Contains(text, "\u2028") && !strings.Contains(text, "\u2029")
}

// line returns the text of 1-based line l without its line break, or "".
func (s *source) line(l int) string {
	if l < 1 || l > len(s.lines) {
		return ""
	}
	start, end := s.lines[l-1], len(s.text)
	if l < len(s.lines) {
		end = s.lines[l]
	}
	return trimBreak(s.text[start:end])
}

// trimBreak removes the line break at the end of a line.
func trimBreak(line string) string {
	for _, b := range []string{"\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029"} {
		if strings.HasSuffix(line, b) {
			return line[:len(line)-len(b)]
		}
	}
	return line
}

// offset returns the byte offset of a 1-based line and character column,
// or -1 when the position is outside the text.
func (s *source) offset(line, col int) int {
	if line < 1 || line > len(s.lines) || col < 1 {
		return -1
	}
	text := s.line(line)
	off := 0
	for c := 1; c < col; c++ {
		if off >= len(text) {
			return -1
		}
		_, n := utf8.DecodeRuneInString(text[off:])
		off += n
	}
	return s.lines[line-1] + off
}

// pos returns the line and character column of a byte offset.
func (s *source) pos(off int) diag.Pos {
	l := s.lineOf(off)
	return diag.Pos{Line: l, Col: 1 + utf8.RuneCountInString(s.text[s.lines[l-1]:off])}
}

// lineOf returns the 1-based line holding the byte offset.
func (s *source) lineOf(off int) int {
	lo, hi := 0, len(s.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1
}

// lineEnd returns the offset of the end of the line holding off, before
// its line break.
func (s *source) lineEnd(off int) int {
	l := s.lineOf(off)
	return s.lines[l-1] + len(s.line(l))
}

// indent is the number of spaces at the start of a line.
func indent(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// blank reports whether a line holds nothing but spaces and tabs.
func blank(line string) bool { return strings.Trim(line, " \t") == "" }

// fold joins the lines of a text as YAML joins the lines of a plain or
// quoted value: the spaces around a line break are dropped, a single line
// break becomes a space and each further one (a blank line) a line break.
// A recovered text must equal the fold of the source it came from.
func fold(span string) string {
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(span, "\r\n", "\n"), "\r", "\n"), "\n")
	if len(lines) == 1 {
		return span
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(lines[0], " \t"))
	breaks := 0
	for _, l := range lines[1:] {
		if l = strings.Trim(l, " \t"); l == "" {
			breaks++
			continue
		}
		if breaks == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteString(strings.Repeat("\n", breaks))
		}
		breaks = 0
		b.WriteString(l)
	}
	return b.String()
}
