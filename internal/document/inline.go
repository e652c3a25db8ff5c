package document

import (
	"strings"
	"unicode/utf8"
)

// Span is a run of text with its emphasis.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
	// Note is the number of the footnote the span calls (its Text), set
	// as a superscript; 0 for text.
	Note int
}

// MarkupError is an emphasis marker that is never closed.
type MarkupError struct {
	Offset int    // byte offset of the opening marker in the text
	Marker string // "**" or "*"
}

// ParseInline reads **bold**, *italic* and ***bold italic*** in s. A
// backslash before an asterisk (\*) writes the asterisk itself. Markers
// that are never closed are reported, not printed, since a stray asterisk
// must not reach a signed document unnoticed.
func ParseInline(s string) ([]Span, []MarkupError) {
	var spans []Span
	var b strings.Builder
	bold, italic := false, false
	boldAt, italicAt := 0, 0
	flush := func() {
		if b.Len() > 0 {
			spans = append(spans, Span{Text: b.String(), Bold: bold, Italic: italic})
			b.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], `\*`):
			b.WriteByte('*')
			i += 2
		case strings.HasPrefix(s[i:], "**"):
			flush()
			bold, boldAt = !bold, i
			i += 2
		case s[i] == '*':
			flush()
			italic, italicAt = !italic, i
			i++
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			i += n
		}
	}
	flush()
	var errs []MarkupError
	if bold {
		errs = append(errs, MarkupError{boldAt, "**"})
	}
	if italic {
		errs = append(errs, MarkupError{italicAt, "*"})
	}
	return merge(spans), errs
}

// merge joins neighbouring spans of the same emphasis.
func merge(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].Bold == s.Bold && out[n-1].Italic == s.Italic && out[n-1].Note == 0 && s.Note == 0 {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// Plain returns the text of the spans without markup.
func Plain(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}
