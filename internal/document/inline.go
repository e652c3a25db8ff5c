package document

import (
	"strings"
	"unicode"
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
// backslash before an asterisk (\*) writes the asterisk itself.
//
// A run of asterisks is markup only where it touches a word, in the
// spirit of CommonMark's flanking rules adapted to a clerk's text
// (canOpen, canClose): "(*)", "3* và" and "* Cây" print their asterisks
// as typed, while "*Lưu ý*" and "**Thời gian:**" are emphasis. An
// asterisk that closes nothing and cannot open prints as typed; one that
// opens and is never closed is reported, not printed, since emphasis the
// clerk meant must not be lost unnoticed.
func ParseInline(s string) ([]Span, []MarkupError) { return parseInline(s, true) }

// markupErrors returns the markers of s that ParseInline reports, without
// building the spans the validation does not need.
func markupErrors(s string) []MarkupError {
	_, errs := parseInline(s, false)
	return errs
}

// parseInline is ParseInline; the spans are built only with keep.
func parseInline(s string, keep bool) ([]Span, []MarkupError) {
	var spans []Span
	bold, italic := false, false
	boldAt, italicAt := 0, 0
	// The current span is s[from:] up to where it ends, after buf when
	// it holds an escaped asterisk: a span without one is a slice of s.
	from, escaped := 0, false
	var buf []byte
	flush := func(to int) {
		if !keep {
			return
		}
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
		k := indexMarkup(s[i:])
		if k < 0 {
			break
		}
		i += k
		switch {
		case strings.HasPrefix(s[i:], `\*`):
			if keep {
				buf = append(append(buf, s[from:i]...), '*')
			}
			escaped = true
			i += 2
			from = i
			continue
		case s[i] == '\\':
			i++
			continue
		}
		run := i
		for i < len(s) && s[i] == '*' {
			i++
		}
		// The run closes what is open, then opens what it can; the
		// asterisks left print as typed.
		n, closes, opens := i-run, canClose(s, run), canOpen(s, i)
		closeBold := closes && bold && n >= 2
		closeItalic := closes && italic && n-2*b2i(closeBold) >= 1
		left := n - 2*b2i(closeBold) - b2i(closeItalic)
		openBold := opens && !bold && left >= 2
		openItalic := opens && !italic && left-2*b2i(openBold) >= 1
		if !closeBold && !closeItalic && !openBold && !openItalic {
			continue
		}
		flush(run)
		at := run
		if closeBold {
			bold, at = false, at+2
		}
		if closeItalic {
			italic, at = false, at+1
		}
		if openBold {
			bold, boldAt, at = true, at, at+2
		}
		if openItalic {
			italic, italicAt, at = true, at, at+1
		}
		from = at
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

// canOpen tells whether asterisks ending before s[end] may open emphasis:
// the character after them starts a word, not a space, the end of the
// text or closing punctuation ("(*)", "3* và", "* Cây"); after other
// punctuation, only when the character before the run is a space or
// punctuation too (so "3*, 4*" stays literal, "**(a)**" is bold).
func canOpen(s string, end int) bool {
	next, _ := utf8.DecodeRuneInString(s[end:])
	if end == len(s) || unicode.IsSpace(next) || strings.ContainsRune(closers, next) {
		return false
	}
	if !isPunct(next) {
		return true
	}
	start := strings.LastIndexFunc(s[:end], func(r rune) bool { return r != '*' }) + 1
	prev, _ := utf8.DecodeLastRuneInString(s[:start])
	return start == 0 || unicode.IsSpace(prev) || isPunct(prev)
}

// canClose tells whether asterisks starting at s[start] may close
// emphasis: the character before them ends a word, not a space, the start
// of the text or an opening bracket; after punctuation, only when the
// character after the run is a space, punctuation or the end.
func canClose(s string, start int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:start])
	if start == 0 || unicode.IsSpace(prev) || strings.ContainsRune(openers, prev) {
		return false
	}
	if !isPunct(prev) {
		return true
	}
	end := start
	for end < len(s) && s[end] == '*' {
		end++
	}
	next, _ := utf8.DecodeRuneInString(s[end:])
	return end == len(s) || unicode.IsSpace(next) || isPunct(next)
}

// The brackets and quotes that open or close a phrase.
const (
	openers = "([{“‘«"
	closers = ")]}”’»"
)

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// indexMarkup is strings.IndexAny(s, `\*`), found by two searches for a
// byte, which read many bytes at a time (IndexAny reads one): most
// paragraphs hold neither byte, or a few.
func indexMarkup(s string) int {
	star := strings.IndexByte(s, '*')
	before := s
	if star >= 0 {
		before = s[:star]
	}
	if b := strings.IndexByte(before, '\\'); b >= 0 {
		return b
	}
	return star
}

// merge joins neighbouring spans of the same emphasis. Spans with none to
// join (most paragraphs' are) are returned as they are, not copied.
func merge(spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	for i := 1; i < len(spans); i++ {
		if joins(spans[i-1], spans[i]) {
			return mergeFrom(spans, i)
		}
	}
	return spans
}

// joins reports whether b continues a: the same emphasis, and no note.
func joins(a, b Span) bool {
	return a.Bold == b.Bold && a.Italic == b.Italic && a.Note == 0 && b.Note == 0
}

// mergeFrom is merge of spans whose first join is spans[i] into
// spans[i-1].
func mergeFrom(spans []Span, i int) []Span {
	out := append(make([]Span, 0, len(spans)-1), spans[:i]...)
	for _, s := range spans[i:] {
		if n := len(out); joins(out[n-1], s) {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// Plain returns the text of the spans without markup.
func Plain(spans []Span) string {
	if len(spans) == 1 {
		return spans[0].Text // most paragraphs: no copy
	}
	n := 0
	for _, s := range spans {
		n += len(s.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}
