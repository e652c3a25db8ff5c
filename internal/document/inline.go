package document

import "strings"

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
	bold, italic := false, false
	boldAt, italicAt := 0, 0
	// The current span is s[from:] up to where it ends, after buf when
	// it holds an escaped asterisk: a span without one is a slice of s.
	from, escaped := 0, false
	var buf []byte
	flush := func(to int) {
		text := s[from:to]
		if escaped {
			text = string(append(buf, text...))
			buf, escaped = buf[:0], false
		}
		if text != "" {
			spans = append(spans, Span{Text: text, Bold: bold, Italic: italic})
		}
	}
	for i := 0; i < len(s); {
		// Only a backslash or an asterisk is markup: the text between
		// them is taken whole. (Neither byte occurs inside a UTF-8
		// sequence.)
		k := strings.IndexAny(s[i:], `\*`)
		if k < 0 {
			break
		}
		i += k
		switch {
		case strings.HasPrefix(s[i:], `\*`):
			buf = append(append(buf, s[from:i]...), '*')
			escaped = true
			i += 2
			from = i
		case s[i] == '\\':
			i++
		case strings.HasPrefix(s[i:], "**"):
			flush(i)
			bold, boldAt = !bold, i
			i += 2
			from = i
		default:
			flush(i)
			italic, italicAt = !italic, i
			i++
			from = i
		}
	}
	flush(len(s))
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
