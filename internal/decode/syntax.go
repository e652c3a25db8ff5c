package decode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/diag"
)

// The YAML parser reports at most one syntax error, often on the line
// where the enclosing block started rather than where the mistake is (and
// no line at all when that block starts on line 1). syntaxError therefore
// locates the mistake itself, then explains the common ones in plain words.

// yamlErrRe is compiled on the first syntax error, not at every start.
var yamlErrRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: (?:line \d+: )?(.*)$`) })

// syntaxError reports a parser error as one positioned diagnostic.
func (d *Decoder) syntaxError(src []byte, err error) {
	full, _, _ := strings.Cut(err.Error(), "\n")
	what := full
	if m := yamlErrRe().FindStringSubmatch(full); m != nil {
		what = m[1]
	}
	lines := strings.Split(string(src), "\n")
	p := explain(src, lines, problemLine(src, full), what)
	d.addHint(diag.Error, p.pos, "", "YAML syntax error: "+p.msg, p.expected, p.hint)
}

// parseAll parses every document of r and returns the first error.
func parseAll(r io.Reader) error {
	dec := yaml.NewDecoder(r)
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// trickle hands the parser one byte per read, so that how far it read
// when it failed shows where it failed.
type trickle struct {
	src []byte
	off int
}

func (t *trickle) Read(p []byte) (int, error) {
	if t.off >= len(t.src) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = t.src[t.off]
	t.off++
	return 1, nil
}

// problemLine finds the line of the mistake: the parser reads at most a
// line ahead of it, and the first lines of the file that already fail
// with the same error end with it.
func problemLine(src []byte, full string) int {
	t := &trickle{src: src}
	parseAll(t)
	hi := 1 + bytes.Count(src[:max(t.off-1, 0)], []byte("\n"))
	best := hi
	for k := hi; k >= max(1, hi-5); k-- {
		err := parseAll(bytes.NewReader(firstLines(src, k)))
		if err == nil || !strings.HasPrefix(err.Error(), full) {
			break
		}
		best = k
	}
	return best
}

// firstLines returns the first k lines of src, line ends included.
func firstLines(src []byte, k int) []byte {
	off := 0
	for ; k > 0; k-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return src
		}
		off += i + 1
	}
	return src[:off]
}

// problem is an explained syntax error.
type problem struct {
	pos                 diag.Pos
	msg, expected, hint string
}

const (
	hintIndent = "lề (số dấu cách đầu dòng) không khớp với các dòng trên"
	hintQuote  = "đặt cả giá trị trong dấu ngoặc kép"
)

// explain turns the parser's message about line into words office staff
// understand, pointing at the exact column where it can.
func explain(src []byte, lines []string, line int, what string) problem {
	text := ""
	if line >= 1 && line <= len(lines) {
		text = strings.TrimSuffix(lines[line-1], "\r")
	}
	at := func(byteCol int) diag.Pos {
		return diag.Pos{Line: line, Col: 1 + utf8.RuneCountInString(text[:byteCol])}
	}
	indent := len(text) - len(strings.TrimLeft(text, " "))
	p := problem{pos: at(indent), msg: what, expected: "valid YAML"}
	switch {
	case strings.Contains(what, "tab") || strings.Contains(what, "cannot start any token") && strings.Contains(text, "\t"):
		p = problem{at(max(strings.IndexByte(text, '\t'), 0)), "a tab character is used for indentation",
			"spaces only; YAML does not allow tabs", "dùng dấu cách, không dùng phím Tab"}
	case strings.Contains(what, "cannot start any token"):
		i := valueStart(text)
		p = problem{at(i), fmt.Sprintf("a value cannot start with %q", firstRune(text[i:])),
			"the whole value in quotes", hintQuote}
	case strings.Contains(what, "control characters are not allowed"):
		i := bytes.IndexFunc(src, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' })
		r, _ := utf8.DecodeRune(src[max(i, 0):])
		p = problem{offsetPos(src, max(i, 0)), fmt.Sprintf("the file holds the invisible control character U+%04X", r),
			"text without control characters", ""}
	case strings.Contains(what, "mapping values are not allowed"):
		p = colonProblem(text, at, p)
	case strings.Contains(what, "did not find expected key"), strings.Contains(what, "did not find expected '-' indicator"),
		strings.Contains(what, "could not find expected ':'"):
		p = keyProblem(text, at, p)
	case strings.Contains(what, "unexpected end of stream"):
		p = problem{p.pos, "the file ends in the middle of a value", "every quote and bracket closed", ""}
		if q, ok := unclosedQuote(lines, len(lines)); ok {
			p = problem{q, "a quoted text is never closed", "a closing \" or ' at the end of the value", "thiếu dấu ngoặc kép đóng"}
		}
	case strings.Contains(what, "did not find expected ',' or ']'"), strings.Contains(what, "did not find expected ',' or '}'"):
		p = bracketProblem(lines, line, what)
	case strings.Contains(what, "block sequence entries are not allowed"):
		p = problem{at(max(strings.Index(text, "- "), 0)), "a list item \"- \" cannot start on the same line as its key",
			"each item on its own line below the key, indented", hintIndent}
	case strings.HasPrefix(what, "unknown anchor"):
		name := strings.Trim(strings.TrimPrefix(strings.TrimSuffix(what, " referenced"), "unknown anchor "), "'")
		p = problem{at(max(strings.Index(text, "*"+name), 0)), fmt.Sprintf("*%s refers to an anchor &%s that is not defined above", name, name),
			"&" + name + " on a value before any *" + name, ""}
	case strings.Contains(what, "unknown escape character"):
		i := max(strings.IndexByte(text, '\\'), 0)
		p = problem{at(i), text[i:min(i+2, len(text))] + " is not a valid escape in double quotes",
			`\\ for a backslash, or the value in single quotes`, ""}
	case strings.Contains(what, "exceeded max depth"):
		p = problem{p.pos, "values are nested too deeply", fmt.Sprintf("at most %d levels", MaxDepth), "lồng nhau quá sâu"}
	}
	return p
}

// colonProblem explains a "key: value" the parser did not expect: most
// often a value that itself holds ": ", else a line indented too far.
func colonProblem(text string, at func(int) diag.Pos, p problem) problem {
	i := valueStart(text)
	value := strings.TrimSpace(text[i:])
	k, msg := strings.Index(text[i:], ": "), "the value contains \": \""
	// "title: … như sau:" — a value ending with a colon after its key.
	if k < 0 && strings.HasSuffix(value, ":") && strings.HasSuffix(strings.TrimRight(text[:i], " "), ":") {
		k, msg = strings.LastIndexByte(text[i:], ':'), "the value ends with \":\""
	}
	if i > 0 && k >= 0 && !isQuote(text[i]) {
		key := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[:i]), "- "))
		expected := "the whole value in quotes"
		if !strings.ContainsAny(value, "\"\\") && utf8.RuneCountInString(value) <= 60 {
			expected += ": " + key + " \"" + value + "\""
		}
		return problem{at(i + k), msg, expected, hintQuote}
	}
	return problem{p.pos, "this line is indented further than the line above it",
		"the same number of spaces as the other fields at its level", hintIndent}
}

// keyProblem explains a line where the parser expected a new key.
func keyProblem(text string, at func(int) diag.Pos, p problem) problem {
	i := valueStart(text)
	if i < len(text) && isQuote(text[i]) {
		if end := closingQuote(text[i+1:], text[i]); end >= 0 {
			after := i + 1 + end + 1
			rest := strings.TrimLeft(text[after:], " ")
			if rest != "" && rest[0] != '#' {
				return problem{at(len(text) - len(rest)), "text follows the closing quote",
					"the whole value inside one pair of quotes", hintQuote}
			}
		}
	}
	return problem{p.pos, "the indentation of this line does not match the lines above",
		"fields of one block indented by the same number of spaces", hintIndent}
}

// bracketProblem points at the "[" or "{" that is never closed.
func bracketProblem(lines []string, line int, what string) problem {
	open, close := "[", "]"
	kind := "a list in [ ]"
	if strings.HasSuffix(what, "'}'") {
		open, close, kind = "{", "}", "a group of fields in { }"
	}
	pos := diag.Pos{Line: max(line, 1), Col: 1}
	for i := min(line, len(lines)) - 1; i >= 0; i-- {
		if j := strings.LastIndex(lines[i], open); j >= 0 {
			pos = diag.Pos{Line: i + 1, Col: 1 + utf8.RuneCountInString(lines[i][:j])}
			break
		}
	}
	return problem{pos, kind + " is not closed, or an item in it needs quotes", "a closing \"" + close + "\"", ""}
}

// valueStart returns the byte offset of the value on a "key: value" or
// "- value" line, or of the first non-space character.
func valueStart(text string) int {
	i := len(text) - len(strings.TrimLeft(text, " "))
	for strings.HasPrefix(text[i:], "- ") {
		i += 2 + len(text[i+2:]) - len(strings.TrimLeft(text[i+2:], " "))
	}
	if i < len(text) && isQuote(text[i]) {
		return i
	}
	if k := strings.Index(text[i:], ": "); k >= 0 {
		j := i + k + 2
		return j + len(text[j:]) - len(strings.TrimLeft(text[j:], " "))
	}
	return i
}

func isQuote(c byte) bool { return c == '"' || c == '\'' }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// unclosedQuote finds the last line up to upto where a value opens a quote
// that the same line does not close: the parser only notices at the end
// of the file, but the mistake is where the quote opens.
func unclosedQuote(lines []string, upto int) (diag.Pos, bool) {
	found, pos := false, diag.Pos{}
	for i := 0; i < min(upto, len(lines)); i++ {
		text := strings.TrimSuffix(lines[i], "\r")
		v := valueStart(text)
		if v >= len(text) || !isQuote(text[v]) {
			continue
		}
		if closingQuote(text[v+1:], text[v]) < 0 {
			found, pos = true, diag.Pos{Line: i + 1, Col: 1 + utf8.RuneCountInString(text[:v])}
		}
	}
	return pos, found
}

// closingQuote returns the offset in rest of the quote q that closes a
// quoted text, or -1; in double quotes a backslash escapes, in single
// quotes a doubled quote does.
func closingQuote(rest string, q byte) int {
	for i := 0; i < len(rest); i++ {
		switch {
		case q == '"' && rest[i] == '\\':
			i++
		case rest[i] == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++
		case rest[i] == q:
			return i
		}
	}
	return -1
}
