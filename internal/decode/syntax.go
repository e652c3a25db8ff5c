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

// The YAML parser reports one syntax error, often on the line where the
// enclosing block started rather than where the mistake is (and no line
// at all when that block starts on line 1), in words a clerk cannot act
// on. classify locates the mistake itself, names it in the clerk's words,
// and says how to mend the copy so that parsing can go on (repair.go).

// trap is one mistake found where the parser stopped.
type trap struct {
	pos     diag.Pos // in the copy
	msg     diag.Msg
	class   repairClass
	cascade bool               // a vague indentation mistake, likely caused by an earlier one
	mend    func(w *work) bool // mends the copy; nil or false when it cannot
}

// yamlErrRe is compiled on the first syntax error, not at every start.
var yamlErrRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: (?:line \d+: )?(.*)$`) })

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
func problemLine(w *work, full string) int {
	src := []byte(w.text)
	t := &trickle{src: src}
	parseAll(t)
	hi := w.lineOf(max(t.off-1, 0))
	best := hi
	for k := hi; k >= max(1, hi-5); k-- {
		end := len(src)
		if k < len(w.lines) {
			end = w.lines[k]
		}
		err := parseAll(bytes.NewReader(src[:end]))
		if err == nil || !strings.HasPrefix(err.Error(), full) {
			break
		}
		best = k
	}
	return best
}

// line is the line the parser stopped at, with the parts of it that tell
// mistakes apart.
type line struct {
	w     *work
	n     int    // 1-based
	text  string // without its line break
	start int    // offset of the line in the copy
	entry int    // offset in text after the indentation and any "- "
	value int    // offset in text of the value of "key: value" or "- value"
	key   string // the key of "key: value", or ""
}

func (w *work) at(n int) line {
	l := line{w: w, n: n, text: w.line(n)}
	if n >= 1 && n <= len(w.lines) {
		l.start = w.lines[n-1]
	}
	l.entry = entryStart(l.text)
	l.value = valueStart(l.text)
	if l.value > l.entry && !isQuote(l.text[l.entry]) {
		l.key = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l.text[l.entry:l.value]), ":"))
	}
	return l
}

// pos is the position in the copy of byte i of the line.
func (l line) pos(i int) diag.Pos {
	i = max(0, min(i, len(l.text)))
	return diag.Pos{Line: l.n, Col: 1 + utf8.RuneCountInString(l.text[:i])}
}

// owner is the indentation a continuation line of the line's value must
// exceed: that of its key, or of its dash.
func (l line) owner() int {
	if l.key != "" {
		return l.entry
	}
	return max(l.entry-2, indent(l.text))
}

// proseColon returns the offset of the colon after the line's key when
// the key is written as words of prose rather than as a field name:
// "Hội LHPN xã: chủ trì", "… xây dựng Kế hoạch như sau:".
func (l line) proseColon() (int, bool) {
	if l.entry >= len(l.text) || strings.ContainsRune("\"'[{*&!|>%@`#", rune(l.text[l.entry])) || inFlow(l.text[:l.entry]) {
		return 0, false
	}
	if l.key != "" {
		if identLike(l.key) {
			return 0, false
		}
		if k := strings.Index(l.text[l.entry:], ": "); k >= 0 {
			return l.entry + k, true
		}
	}
	body := strings.TrimRight(cutComment(l.text[l.entry:], false), " \t")
	if key, ok := strings.CutSuffix(body, ":"); ok && !strings.Contains(key, ": ") && !identLike(strings.TrimSpace(key)) {
		return l.entry + len(key), true
	}
	return 0, false
}

// keyed reports whether YAML reads the line as a key: "Thời gian: 8 giờ",
// "Thành phần:".
func (l line) keyed() bool {
	if l.key != "" {
		return true
	}
	body := strings.TrimRight(cutComment(l.text[l.entry:], false), " \t")
	return strings.HasSuffix(body, ":") && l.entry < len(l.text) && !isQuote(l.text[l.entry])
}

// classify explains the parser's error and says how to mend the copy.
func (d *Decoder) classify(w *work, err error) trap {
	full, _, _ := strings.Cut(err.Error(), "\n")
	what := full
	if m := yamlErrRe().FindStringSubmatch(full); m != nil {
		what = m[1]
	}
	l := w.at(problemLine(w, full))
	blankIt := func(n int) func(w *work) bool { return func(w *work) bool { return w.blankLine(n) } }
	fatal := func(i int, m diag.Msg) trap {
		return trap{pos: l.pos(i), msg: m, class: repairFatal, mend: blankIt(l.n)}
	}
	switch {
	case strings.Contains(what, "exceeded max depth"):
		return trap{pos: l.pos(indent(l.text)), msg: msgDepth(), class: repairFatal}
	case strings.Contains(what, "tab") || strings.Contains(what, "cannot start any token") && tabInIndent(l.text) >= 0:
		if i := tabInIndent(l.text); i >= 0 {
			return trap{pos: l.pos(i), msg: msgTab, class: repairFatal, mend: func(w *work) bool { return untab(w, l) }}
		}
		if i := strings.IndexByte(l.text, '\t'); i >= 0 {
			return trap{pos: l.pos(i), msg: msgTab, class: repairFatal, mend: blankIt(l.n)}
		}
	case strings.Contains(what, "control characters are not allowed"):
		i := strings.IndexFunc(w.text, func(r rune) bool { return unicode.IsControl(r) && !strings.ContainsRune("\n\r\t\u0085", r) })
		if i < 0 {
			break
		}
		r, size := utf8.DecodeRuneInString(w.text[i:])
		return trap{pos: w.pos(i), msg: msgControl(r), class: repairError, mend: func(w *work) bool { w.replace(i, size, " "); return true }}
	case strings.Contains(what, "cannot start any token"),
		strings.Contains(what, "did not find expected alphabetic or numeric character"),
		strings.HasPrefix(what, "unknown anchor"),
		strings.Contains(what, "did not find expected comment or line break"):
		if t, ok := d.indicatorTrap(l); ok {
			return t
		}
		if strings.HasPrefix(what, "unknown anchor") {
			name := strings.Trim(strings.TrimPrefix(strings.TrimSuffix(what, " referenced"), "unknown anchor "), "'")
			return fatal(max(strings.Index(l.text, "*"+name), 0), msgUnknownAnchor(name))
		}
		if strings.Contains(what, "cannot start any token") {
			return fatal(l.value, msgIndicator(firstRune(l.text[l.value:]), l, l.value))
		}
	case strings.Contains(what, "mapping values are not allowed"):
		return d.colonTrap(l)
	case strings.Contains(what, "did not find expected key"), strings.Contains(what, "did not find expected '-' indicator"),
		strings.Contains(what, "could not find expected ':'"):
		return d.keyTrap(l)
	case strings.Contains(what, "unexpected end of stream"):
		if q, ok := unclosedQuote(w, len(w.lines)); ok {
			return trap{pos: q.pos(q.value), msg: msgUnclosedQuote, class: repairFatal, mend: blankIt(q.n)}
		}
		return trap{pos: l.pos(indent(l.text)), msg: msgEOF, class: repairFatal}
	case strings.Contains(what, "did not find expected ',' or ']'"), strings.Contains(what, "did not find expected ',' or '}'"):
		b := bracketLine(w, l.n, what)
		return trap{pos: b.pos(strings.LastIndexAny(b.text, "[{")), msg: msgBracket(what, b.text), class: repairFatal, mend: blankIt(b.n)}
	case strings.Contains(what, "block sequence entries are not allowed"):
		return fatal(max(strings.Index(l.text, "- "), 0), msgDashAfterKey)
	case strings.Contains(what, "unknown escape character"):
		i := max(badEscape(l.text), 0)
		return trap{pos: l.pos(i), msg: msgEscape(l.text[i:min(i+2, len(l.text))]), class: repairError,
			mend: func(w *work) bool {
				// Every such backslash of the line, so that one value gets
				// one message.
				var bad []int
				for j := 0; j < len(l.text); j++ {
					if k := badEscape(l.text[j:]); k >= 0 {
						bad = append(bad, j+k)
						j += k
					} else {
						break
					}
				}
				if len(bad) == 0 {
					return false
				}
				text := l.text
				for k := len(bad) - 1; k >= 0; k-- {
					text = text[:bad[k]] + `\` + text[bad[k]:]
				}
				w.replace(l.start, len(l.text), text)
				return true
			}}
	}
	return fatal(indent(l.text), msgSyntax(what))
}

// indicatorTrap explains a value that starts with a character YAML keeps
// for itself: "*Lưu ý*", "**Thời gian:**", "@UBND", "`x`", "> 5 người",
// "% kế hoạch", "& Co". The clerk meant text; a prose field accepts it.
func (d *Decoder) indicatorTrap(l line) (trap, bool) {
	indicator := func(i int) bool { return i < len(l.text) && strings.ContainsRune("*&!|>%@`", rune(l.text[i])) }
	v := l.value
	if indicator(l.entry) {
		v = l.entry // "- *Lưu ý*: …": the whole entry is the text
	}
	if !indicator(v) || inFlow(l.text[:v]) {
		return trap{}, false
	}
	t := trap{pos: l.pos(v), msg: msgIndicator(rune(l.text[v]), l, v), class: repairAccept}
	t.mend = func(w *work) bool { return d.quoteValue(w, l, v, t) }
	return t, true
}

// colonTrap explains "mapping values are not allowed": a value holding
// ": " or ending with ":", on this line or on a line it continues, or a
// line indented too far.
func (d *Decoder) colonTrap(l line) trap {
	if t, ok := d.colonValue(l); ok {
		return t
	}
	if t, ok := noSpaceTrap(l); ok {
		return t
	}
	// A line of prose continuing the value of a line above it:
	// "text: Chủ tịch tiếp dân" then "  Thời gian: 8 giờ" or "  thực
	// hiện trên địa bàn xã như sau:".
	if _, ok := l.proseColon(); ok {
		if o, ok := ownerLine(l); ok && o.value < len(o.text) && !isQuote(o.text[o.value]) && !inFlow(o.text[:o.value]) &&
			!strings.ContainsRune("|>", rune(o.text[o.value])) {
			start := o.value
			if o.key != "" && !identLike(o.key) {
				start = o.entry
			}
			t := trap{pos: l.pos(l.value - 2), msg: msgColonInValue(o, start), class: repairAccept}
			t.mend = func(w *work) bool { return d.quoteValue(w, o, start, t) }
			return t
		}
	}
	return trap{pos: l.pos(indent(l.text)), msg: msgIndented, class: repairFatal, cascade: true,
		mend: func(w *work) bool { return w.blankLine(l.n) }}
}

// colonValue explains a value of the line that holds ": " or ends with
// ":" (title: Kế hoạch: công tác năm 2017).
func (d *Decoder) colonValue(l line) (trap, bool) {
	if l.value <= l.entry || l.value >= len(l.text) || isQuote(l.text[l.value]) || inFlow(l.text[:l.value]) {
		return trap{}, false
	}
	rest := cutComment(l.text[l.value:], false)
	k := strings.Index(rest, ": ")
	if k < 0 && strings.HasSuffix(rest, ":") {
		k = len(rest) - 1
	}
	if k < 0 {
		return trap{}, false
	}
	// The whole entry is prose when its key is ("- Hội LHPN xã: chủ trì:
	// …"); the value alone when the key is a field (title: …).
	start := l.value
	if l.key != "" && !identLike(l.key) && l.entry > indent(l.text) {
		start = l.entry
	}
	t := trap{pos: l.pos(l.value + k), msg: msgColonInValue(l, start), class: repairAccept}
	t.mend = func(w *work) bool { return d.quoteValue(w, l, start, t) }
	return t, true
}

// keyTrap explains a line where the parser expected a new key.
func (d *Decoder) keyTrap(l line) trap {
	w := l.w
	// "-Thứ Năm hằng tuần." under "- Thứ Hai …": an item without its space.
	for _, n := range []int{l.n, l.n - 1} {
		if c := w.at(n); dashNoSpace(c.text) && siblingDash(w, c) {
			i := indent(c.text)
			t := trap{pos: c.pos(i), msg: msgDashSpace(c.text[i+1:]), class: repairAccept}
			t.mend = func(w *work) bool {
				w.replace(c.start+i+1, 0, " ")
				d.addRepair(w, c.start+i+2, c.start+len(strings.TrimRight(c.text, " ")), t)
				return true
			}
			return t
		}
	}
	if t, ok := noSpaceTrap(l); ok {
		return t
	}
	v := l.value
	if v < len(l.text) && isQuote(l.text[v]) && !inFlow(l.text[:v]) {
		q := l.text[v]
		if end := closingQuote(l.text[v+1:], q); end >= 0 {
			after := v + 1 + end + 1
			if rest := strings.TrimLeft(l.text[after:], " "); rest != "" && rest[0] != '#' {
				return d.afterQuote(l, v, after-1)
			}
		}
	}
	if v < len(l.text) && (l.text[v] == '[' || l.text[v] == '{') && !inFlow(l.text[:v]) {
		// "[Dự thảo] Kế hoạch …": brackets the clerk meant as text.
		t := trap{pos: l.pos(v), msg: msgIndicator(rune(l.text[v]), l, v), class: repairAccept}
		t.mend = func(w *work) bool { return d.quoteValue(w, l, v, t) }
		return t
	}
	if t, ok := d.wrapTrap(l); ok {
		return t
	}
	// A line continuing a value that a "#" above cut short.
	if o, ok := ownerLine(l); ok && o.n < l.n && o.value < len(o.text) && !isQuote(o.text[o.value]) && !inFlow(o.text[:o.value]) {
		if c := commentAt(o.text[o.value:]); c >= 0 {
			if realComment(o.text[o.value:], c) {
				return trap{pos: o.pos(o.value + c), msg: msgCommentEnds(o.n), class: repairFatal,
					mend: func(w *work) bool { return w.blankLine(l.n) }}
			}
			t := trap{pos: o.pos(o.value + c), msg: msgHashInValue(o), class: repairAccept}
			t.mend = func(w *work) bool { return d.quoteValue(w, o, o.value, t) }
			return t
		}
	}
	if l.key != "" && !identLike(l.key) {
		if t, ok := d.colonValue(l); ok {
			return t
		}
	}
	m := msgIndentMismatch
	if p := previousLine(l); p.n > 0 && p.value < len(p.text) {
		m = msgContinuation(p, indent(l.text), m)
	}
	// A line at the column of the field or dash above it is a mistake of
	// its own, not one an earlier mistake caused.
	return trap{pos: l.pos(indent(l.text)), msg: m, class: repairFatal, cascade: m.Code != "yaml.continuation",
		mend: func(w *work) bool { return w.blankLine(l.n) }}
}

// wrapTrap explains a line that goes on with a value whose key is words of
// prose, written at the column of the key's first word: the item "- Hội
// LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã" and under "Hội" the
// line "tổ chức tuyên truyền tại nhà văn hóa thôn #3". YAML wants the next key at that column; without the colon the same two
// lines are one item, and so they are here: the value is put in quotes
// with all its lines, and a field of prose reads the whole entry as
// typed. A comment (after two spaces) before the last line ends the value:
// that is an error at the "#".
func (d *Decoder) wrapTrap(l line) (trap, bool) {
	in := indent(l.text)
	if rest := l.text[in:]; rest == "" || rest[0] == '#' || strings.HasPrefix(rest, "- ") || rest == "-" {
		return trap{}, false
	}
	w := l.w
	for n := l.n - 1; n >= 1; n-- {
		text := w.line(n)
		if blank(text) || strings.HasPrefix(strings.TrimLeft(text, " "), "#") {
			continue
		}
		h := w.at(n)
		colon, ok := h.proseColon()
		low := h.entry
		if h.entry > indent(text) {
			low = max(h.entry-2, indent(text)) + 1
		}
		if !ok || in < low || in > h.entry {
			if indent(text) > in {
				continue // a line of the value indented further
			}
			return trap{}, false
		}
		last := valueEnd(w, h)
		if last < l.n {
			return trap{}, false
		}
		v := h.value
		empty := strings.TrimSpace(cutComment(h.text[colon+1:], false)) == ""
		if !empty && (v <= colon || isQuote(h.text[v]) || strings.ContainsRune("|>[{", rune(h.text[v]))) {
			return trap{}, false
		}
		first := h
		if empty {
			// "- Hội LHPN xã:" with the text on the lines below.
			first = w.at(nextLine(w, h.n))
			v = indent(first.text)
		}
		if _, _, ok := lineSegments(w, first, v, last); !ok {
			at := commentLine(w, first, v, last)
			return trap{pos: at, msg: msgCommentEnds(at.Line), class: repairFatal,
				mend: func(w *work) bool { return w.blankLine(l.n) }}, true
		}
		t := trap{pos: h.pos(colon), msg: msgColonWrapped(h, colon, last), class: repairAccept}
		t.mend = func(w *work) bool {
			if empty {
				// The value is read from the lines below its key: they
				// must be indented further than the key.
				for k := first.n; k <= last; k++ {
					if lt := w.line(k); !blank(lt) && indent(lt) <= h.entry {
						w.replace(w.lines[k-1], 0, strings.Repeat(" ", h.entry+2-indent(lt)))
					}
				}
				first = w.at(first.n)
				v = indent(first.text)
			}
			return d.quoteRange(w, first, v, last, t) != nil
		}
		return t, true
	}
	return trap{}, false
}

// nextLine returns the first line after n that is not blank.
func nextLine(w *work, n int) int {
	for n++; n < len(w.lines) && blank(w.line(n)); n++ {
	}
	return n
}

// commentLine returns the position of the "#" of the comment that ends a
// value before its last line.
func commentLine(w *work, l line, v, last int) diag.Pos {
	for n := l.n; n < last; n++ {
		c := w.at(n)
		from := indent(c.text)
		if n == l.n {
			from = v
		}
		if cut := cutComment(c.text[from:], true); len(cut) < len(strings.TrimRight(c.text[from:], " \t")) {
			return c.pos(from + len(cut))
		}
	}
	return l.pos(v)
}

// noSpaceTrap explains "title:Lịch công tác", no space after the colon,
// on the line or on the line above it, where the parser often stops.
func noSpaceTrap(l line) (trap, bool) {
	for _, c := range []line{l, previousLine(l)} {
		if m := colonNoSpace(c.text); m > 0 {
			key := strings.TrimSpace(c.text[entryStart(c.text):m])
			return trap{pos: c.pos(m + 1), msg: msgColonSpace(key, c.text[m+1:]), class: repairError,
				mend: func(w *work) bool { w.replace(c.start+m+1, 0, " "); return true }}, true
		}
	}
	return trap{}, false
}

// previousLine returns the nearest line above l that is not blank or a
// comment.
func previousLine(l line) line {
	for n := l.n - 1; n >= 1; n-- {
		if t := l.w.line(n); !blank(t) && !strings.HasPrefix(strings.TrimLeft(t, " "), "#") {
			return l.w.at(n)
		}
	}
	return line{w: l.w}
}

// afterQuote explains text after the quote that closes a value: an
// apostrophe inside single quotes ('Kế hoạch 'Tháng hành động' năm
// 2024'), a double quote inside double quotes, or a quote the clerk meant
// as text ("Tháng hành động" năm 2024).
func (d *Decoder) afterQuote(l line, v, closing int) trap {
	q := l.text[v]
	body := strings.TrimRight(cutComment(l.text[v:], false), " ")
	if len(body) >= 2 && body[len(body)-1] == q {
		last := v + len(body) - 1
		return trap{pos: l.pos(closing), msg: msgQuoteInside(q, l.pos(v).Col), class: repairError, mend: func(w *work) bool {
			var b strings.Builder
			for i := v + 1; i < last; i++ {
				switch c := l.text[i]; {
				case c != q:
					b.WriteByte(c)
				case q == '\'' && i+1 < last && l.text[i+1] == '\'':
					b.WriteString("''") // already doubled
					i++
				case q == '\'':
					b.WriteString("''")
				case l.text[i-1] == '\\':
					b.WriteByte(c)
				default:
					b.WriteString(`\"`)
				}
			}
			w.replace(l.start+v+1, last-v-1, b.String())
			return true
		}}
	}
	t := trap{pos: l.pos(v), msg: msgAfterQuote(q, l), class: repairAccept}
	t.mend = func(w *work) bool { return d.quoteValue(w, l, v, t) }
	return t
}

// quoteValue puts the value that starts at byte v of line l, with the
// lines that continue it, in single quotes, and remembers the repair for
// decoding. It fails when the value cannot be delimited.
func (d *Decoder) quoteValue(w *work, l line, v int, t trap) bool {
	return d.quoteRange(w, l, v, valueEnd(w, l), t) != nil
}

// quoteRange puts the value from byte v of line l to line last in single
// quotes, as quoteValue does, and returns the repair it remembers, or nil.
func (d *Decoder) quoteRange(w *work, l line, v, end int, t trap) *repair {
	segs, dropped, ok := lineSegments(w, l, v, end)
	if !ok {
		return nil
	}
	first, last := segs[0], segs[len(segs)-1]
	start, end := w.origOffset(d.srcIndex(), first[0]), w.origOffset(d.srcIndex(), last[1])
	r := &repair{start: start, end: end, at: w.orig(t.pos), msg: t.msg}
	if dropped[1] > dropped[0] {
		r.warn = append(r.warn, note{w.orig(w.pos(dropped[0])), msgCommentDropped(w.text[dropped[0]:dropped[1]])})
	}
	if s := w.text[first[0]:last[1]]; strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘") {
		r.warn = append(r.warn, note{w.orig(w.pos(first[0])), msgCurlyKept})
	}
	r.pos = w.orig(w.pos(first[0]))
	// Mend from the end, so that the offsets before stay valid; one edit a
	// line, however many apostrophes it doubles.
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		body := strings.ReplaceAll(w.text[s[0]:s[1]], "'", "''")
		if i == 0 {
			body = "'" + body
		}
		if i == len(segs)-1 {
			body += "'"
		}
		w.replace(s[0], s[1]-s[0], body)
	}
	d.repairs[r.pos] = r
	return r
}

// addRepair remembers a value mended in place (a dash given its space),
// from offset start to end of the copy.
func (d *Decoder) addRepair(w *work, start, end int, t trap) {
	p := w.orig(w.pos(start))
	d.repairs[p] = &repair{pos: p, start: w.origOffset(d.srcIndex(), start), end: w.origOffset(d.srcIndex(), end), at: w.orig(t.pos), msg: t.msg}
}

// valueLines returns the byte ranges, one a line, of the value starting at
// byte v of line l and ending on the line valueEnd gives, each without a
// comment. dropped is a comment cut after a single space on its last line,
// which YAML drops and vanban warns about.
func valueLines(w *work, l line, v int) (segs [][2]int, dropped [2]int, ok bool) {
	return lineSegments(w, l, v, valueEnd(w, l))
}

// valueEnd returns the last line of the value that starts on line l: the
// lines below it indented more than its owner (its key, or its dash), up
// to a comment line or an item. A clerk continues a value whose key is
// written as words ("- Hội LHPN xã: chủ trì, phối hợp với …") at the
// column of its first word, as the lines of an item without a colon are
// continued: such lines belong to the value too, down to one that YAML
// reads as the next key ("Địa điểm: …").
func valueEnd(w *work, l line) int { return valueEndHash(w, l, false) }

// valueEndHash is valueEnd; with hashText, a line starting with "#" and a
// letter or a digit goes on with the value (hashLines).
func valueEndHash(w *work, l line, hashText bool) int {
	owner, keyCol := l.bounds()
	last := l.n
	for n := l.n + 1; n <= len(w.lines); n++ {
		t := w.line(n)
		if blank(t) {
			continue
		}
		in := indent(t)
		rest := t[in:]
		if in <= owner || strings.HasPrefix(rest, "- ") || rest == "-" || in == keyCol && w.at(n).keyed() {
			break
		}
		if strings.HasPrefix(rest, "#") && !(hashText && hashWord(rest)) {
			break
		}
		last = n
	}
	return last
}

// bounds returns the indentation a line continuing the value on l must
// exceed, and the column at which a continuation line that YAML reads as
// a key ends the value instead (-1: none).
func (l line) bounds() (owner, keyCol int) {
	if _, ok := l.proseColon(); ok {
		if l.entry > indent(l.text) {
			return max(l.entry-2, indent(l.text)), l.entry
		}
		return l.entry - 1, l.entry
	}
	return l.owner(), -1
}

// hashWord reports whether a line's text starts with "#" followed by a
// letter or a digit: "#3 và thôn 4".
func hashWord(rest string) bool {
	if len(rest) < 2 || rest[0] != '#' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lineSegments returns the byte ranges, one a line, of the value starting
// at byte v of line l and ending on line last, each without a comment. A
// "#" after a single space is text on a line that more lines continue (the
// value would end there otherwise), and a comment, dropped with a warning,
// on the last one; a comment after two spaces cannot be followed by more
// lines of the value: ok is then false.
func lineSegments(w *work, l line, v, last int) (segs [][2]int, dropped [2]int, ok bool) {
	for n := l.n; n <= last; n++ {
		t := w.line(n)
		if blank(t) {
			continue
		}
		from := indent(t)
		if n == l.n {
			from = v
		}
		body := t[from:]
		cut := cutComment(body, n < last)
		if c := len(cut); n == last && c < len(strings.TrimRight(body, " \t")) && !realComment(body, c) {
			// cutComment stopped at the "#" of a comment.
			dropped = [2]int{w.lines[n-1] + from + c, w.lines[n-1] + len(strings.TrimRight(t, " \t"))}
		}
		cut = strings.TrimRight(cut, " \t")
		if cut == "" {
			if n == l.n {
				return nil, dropped, false
			}
			continue
		}
		base := w.lines[n-1] + from
		segs = append(segs, [2]int{base, base + len(cut)})
		if len(cut) < len(strings.TrimRight(body, " \t")) && n < last {
			// A comment ends the value: the lines after it cannot follow.
			return nil, dropped, false
		}
	}
	return segs, dropped, len(segs) > 0
}

// commentAt returns the offset of the "#" that YAML reads as starting a
// comment in a plain value (one after a space or a tab), or -1.
func commentAt(s string) int {
	for i := 1; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			return i
		}
	}
	return -1
}

// realComment reports whether the "#" at c of s starts a comment a clerk
// meant as one: after two spaces (or a tab), and followed by a space or
// nothing, as the starters write "title: …   # trích yếu". A "#" followed
// by a letter or a digit ("phòng #2") is text.
func realComment(s string, c int) bool {
	if c+1 < len(s) && s[c+1] != ' ' && s[c+1] != '\t' {
		return false
	}
	return spacesBefore(s, c) >= 2
}

// spacesBefore counts the spaces before offset c, a tab counting as two.
func spacesBefore(s string, c int) int {
	n := 0
	for i := c - 1; i >= 0 && (s[i] == ' ' || s[i] == '\t'); i-- {
		n++
		if s[i] == '\t' {
			n++
		}
	}
	return n
}

// cutComment returns s up to the first "#" that is a comment: one after
// two spaces followed by a space, and, unless more lines follow, one after
// a single space followed by a space (the comment vanban warns about).
func cutComment(s string, more bool) string {
	for i := 1; i < len(s); i++ {
		if s[i] != '#' || s[i-1] != ' ' && s[i-1] != '\t' {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\t' {
			continue // "#2": text
		}
		if realComment(s, i) || !more {
			return s[:i]
		}
	}
	return s
}

// ownerLine returns the nearest line above l that is indented less than
// l: the line whose value l continues, or whose block l belongs to.
func ownerLine(l line) (line, bool) {
	in := indent(l.text)
	for n := l.n - 1; n >= 1; n-- {
		t := l.w.line(n)
		if blank(t) || strings.HasPrefix(strings.TrimLeft(t, " "), "#") {
			continue
		}
		if o := l.w.at(n); o.owner() < in {
			return o, true
		}
		if indent(t) < in {
			return line{}, false
		}
	}
	return line{}, false
}

// untab replaces the tabs that indent a line by the spaces of the line
// above it (one more level when that line opens a block).
func untab(w *work, l line) bool {
	lead := len(l.text) - len(strings.TrimLeft(l.text, " \t"))
	want := 0
	for n := l.n - 1; n >= 1; n-- {
		if t := w.line(n); !blank(t) && !strings.Contains(t[:len(t)-len(strings.TrimLeft(t, " \t"))], "\t") {
			want = entryStart(t)
			if strings.HasSuffix(strings.TrimRight(cutComment(t, false), " "), ":") {
				want += 2
			}
			break
		}
	}
	w.replace(l.start, lead, strings.Repeat(" ", want))
	return true
}

// tabInIndent returns the offset of a tab among the spaces that indent
// text, or -1.
func tabInIndent(text string) int {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\t':
			return i
		case ' ':
		default:
			return -1
		}
	}
	return -1
}

// dashNoSpace reports whether a line starts with "-" and a letter or a
// digit: "-Thứ Năm hằng tuần.".
func dashNoSpace(text string) bool {
	t := strings.TrimLeft(text, " ")
	if len(t) < 2 || t[0] != '-' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[1:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// siblingDash reports whether a line near l, at its indentation, is an
// item "- …": l is then an item whose space was forgotten.
func siblingDash(w *work, l line) bool {
	in := indent(l.text)
	for _, step := range []int{-1, 1} {
		for n := l.n + step; n >= 1 && n <= len(w.lines); n += step {
			t := w.line(n)
			if blank(t) || indent(t) > in {
				continue
			}
			if indent(t) == in && strings.HasPrefix(t[in:], "- ") {
				return true
			}
			break
		}
	}
	return false
}

// colonNoSpace returns the offset of the colon of "key:value" when a line
// starts with a field name whose colon is not followed by a space, or -1.
func colonNoSpace(text string) int {
	e := entryStart(text)
	i := strings.IndexByte(text[e:], ':')
	if i <= 0 || e+i+1 >= len(text) {
		return -1
	}
	i += e
	if !identLike(text[e:i]) || strings.ContainsRune(" \t/:", rune(text[i+1])) {
		return -1
	}
	return i
}

// identRe matches the names of fields: lower-case letters without
// diacritics, digits, "_" and "-" (title, issued_by, ba-dinh).
var identRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z_][a-z0-9_-]*$`) })

// identLike reports whether a key is written as a field name rather than
// as words of prose: "title" is a field; "Hội LHPN xã", "Lưu ý",
// "Thời gian" and "Email" are prose.
func identLike(key string) bool { return identRe().MatchString(key) }

// inFlow reports whether text before a value leaves a "[" or "{" open:
// the value is inside a list or group written on one line.
func inFlow(before string) bool {
	open := 0
	for _, c := range before {
		switch c {
		case '[', '{':
			open++
		case ']', '}':
			open--
		}
	}
	return open > 0
}

// entryStart returns the offset of a line's content after its
// indentation and any list dashes "- ".
func entryStart(text string) int {
	i := indent(text)
	for strings.HasPrefix(text[i:], "- ") || text[i:] == "-" {
		i++
		i += len(text[i:]) - len(strings.TrimLeft(text[i:], " "))
	}
	return i
}

// valueStart returns the byte offset of the value on a "key: value" or
// "- value" line, or of the first non-space character.
func valueStart(text string) int {
	i := entryStart(text)
	if i < len(text) && isQuote(text[i]) {
		return i
	}
	if k := strings.Index(text[i:], ": "); k >= 0 {
		j := i + k + 2
		return j + len(text[j:]) - len(strings.TrimLeft(text[j:], " "))
	}
	if strings.HasSuffix(text, ":") && !strings.Contains(text[i:], " ") {
		return len(text)
	}
	return i
}

// badEscape returns the offset of the first backslash of a line that does
// not start one of the escapes YAML knows in double quotes, or -1.
func badEscape(text string) int {
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '\\' {
			continue
		}
		if !strings.ContainsRune("0abt\tnvfre \"/\\N_LPxuU", rune(text[i+1])) {
			return i
		}
		i++
	}
	return -1
}

func isQuote(c byte) bool { return c == '"' || c == '\'' }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// unclosedQuote finds the last line up to upto where a value opens a quote
// that the same line does not close: the parser only notices at the end
// of the file, but the mistake is where the quote opens.
func unclosedQuote(w *work, upto int) (line, bool) {
	found, at := false, line{}
	for n := 1; n <= min(upto, len(w.lines)); n++ {
		l := w.at(n)
		if l.value >= len(l.text) || !isQuote(l.text[l.value]) {
			continue
		}
		if closingQuote(l.text[l.value+1:], l.text[l.value]) < 0 {
			found, at = true, l
		}
	}
	return at, found
}

// bracketLine returns the line at or above n that opens the "[" or "{"
// that is never closed.
func bracketLine(w *work, n int, what string) line {
	open := "["
	if strings.HasSuffix(what, "'}'") {
		open = "{"
	}
	for i := min(n, len(w.lines)); i >= 1; i-- {
		if strings.Contains(w.line(i), open) {
			return w.at(i)
		}
	}
	return w.at(max(n, 1))
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

// example is "key: "value"" for a fix, when the value is short enough to
// show whole.
func example(l line, start int) string {
	v := strings.TrimSpace(cutComment(l.text[start:], false))
	if strings.ContainsAny(v, "\"\\") || utf8.RuneCountInString(v) > 60 {
		return ""
	}
	prefix := strings.TrimRight(l.text[indent(l.text):start], " ")
	if prefix != "" {
		prefix += " "
	}
	return prefix + `"` + v + `"`
}

// quoteFix says how to put a value in quotes, with the example when there
// is one.
func quoteFix(l line, start int) (vi, en string) {
	if l.w != nil && valueEnd(l.w, l) > l.n {
		// Quoting the first line alone would cut the value short.
		return wrappedFix(l)
	}
	vi, en = "đặt cả giá trị trong dấu ngoặc kép", "the whole value in quotes"
	if ex := example(l, start); ex != "" {
		vi += ": " + ex
		en += ": " + ex
	}
	return vi, en
}

// wrappedFix says how to write a value of several lines that holds a
// colon: in quotes, or as a folded block after the field's colon or the
// item's dash.
func wrappedFix(l line) (vi, en string) {
	after, afterEn := "sau dấu hai chấm của trường", "after the field's colon"
	if l.entry > indent(l.text) && l.key != "" && !identLike(l.key) {
		after, afterEn = "ngay sau dấu gạch «-»", `right after the dash "-"`
	}
	return "đặt cả giá trị, kể cả các dòng viết tiếp ở dưới, trong dấu ngoặc kép \"…\"; hoặc viết «>» " + after +
			" rồi viết chữ ở các dòng dưới, thụt vào sâu hơn",
		"the whole value, the lines continuing it included, in quotes \"…\"; or \">\" " + afterEn +
			" and the text on the lines below, indented further"
}

func init() { _ = fmt.Sprint }
