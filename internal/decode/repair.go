package decode

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/diag"
)

// How vanban reads what a clerk typed (docs/document-format.md, "How
// vanban reads what you type"). The YAML parser stops at the first
// mistake. vanban parses a copy of the file instead, and when the parser
// stops it looks at the line, says what the mistake is in the clerk's
// words, and mends the copy so that parsing goes on and the next mistake
// is found in the same run:
//
//   - a value YAML refuses where a clerk meant text (a second ": ", a
//     value starting with "*" or "@", "-Thứ" without its space…) is put in
//     quotes. Decoding then decides: a field of prose accepts the text,
//     which is exactly what the clerk typed; any other field reports the
//     mistake (repairAccept);
//   - a mistake whose fix is certain (no space after "title:", a no-break
//     space pasted into the indentation) is reported as an error and mended,
//     so that the rest of the file is still checked (repairError);
//   - anything else is reported and its line blanked; the file is then not
//     decoded, since blanking changes its meaning (repairFatal).
//
// Mending never adds or removes a line, and the columns it shifts are
// recorded, so that every position reported, and every node's position,
// is one of the original file.

type repairClass int

const (
	repairAccept repairClass = iota
	repairError
	repairFatal
)

// Bounds of the repair loop: a file with more mistakes than this is
// reported in part; a large file is not parsed again and again.
const (
	maxRepairs     = 40
	maxRepairBytes = 64 << 20 // bytes parsed in all, over every attempt
)

// repair is a value mended in the copy that a field of prose may accept.
type repair struct {
	pos        diag.Pos // of the value in the original file, as its node has it
	start, end int      // the value's bytes in the original file
	at         diag.Pos // where the mistake is, for the error
	msg        diag.Msg // the mistake, reported unless a prose field accepts the value
	warn       []note   // said when a prose field accepts it
	accepted   bool
	reported   bool
}

// note is a warning with its position.
type note struct {
	pos diag.Pos
	msg diag.Msg
}

// work is the copy of the source that the parser reads.
type work struct {
	*source
	shifts map[int][]shift // by line: columns moved by mending
}

// shift says that from work column col on, the copy holds delta more
// characters than the original line.
type shift struct{ col, delta int }

// newWork starts a copy of src: mending replaces its source, never
// changes src.
func newWork(src *source) *work { return &work{source: src, shifts: map[int][]shift{}} }

// replace replaces n bytes at off, on one line, by with.
func (w *work) replace(off, n int, with string) {
	p := w.pos(off)
	oldN, newN := utf8.RuneCountInString(w.text[off:off+n]), utf8.RuneCountInString(with)
	w.source = newSource(w.text[:off] + with + w.text[off+n:])
	if d := newN - oldN; d != 0 {
		list := w.shifts[p.Line]
		for i := range list {
			switch {
			case list[i].col >= p.Col+oldN:
				list[i].col += d
			case list[i].col > p.Col:
				list[i].col = p.Col
			}
		}
		w.shifts[p.Line] = append(list, shift{col: p.Col + newN, delta: d})
	}
}

// orig returns the original position of a position in the copy.
func (w *work) orig(p diag.Pos) diag.Pos {
	c := p.Col
	for _, s := range w.shifts[p.Line] {
		if p.Col >= s.col {
			c -= s.delta
		}
	}
	return diag.Pos{Line: p.Line, Col: max(c, 1)}
}

// origOffset returns the offset in the original source of an offset in
// the copy.
func (w *work) origOffset(orig *source, off int) int {
	p := w.orig(w.pos(off))
	if o := orig.offset(p.Line, p.Col); o >= 0 {
		return o
	}
	return orig.lineEnd(orig.lines[min(p.Line, len(orig.lines))-1])
}

// blankLine empties a line of the copy, keeping its line break.
func (w *work) blankLine(l int) bool {
	text := w.line(l)
	if text == "" {
		return false
	}
	w.replace(w.lines[l-1], len(text), "")
	return true
}

// fixPositions moves every node of the tree to its original column.
func (w *work) fixPositions(root *yaml.Node) {
	if len(w.shifts) == 0 {
		return
	}
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		p := w.orig(diag.Pos{Line: n.Line, Col: n.Column})
		n.Column = p.Col
		for _, c := range n.Content {
			walk(c)
		}
		walk(n.Alias)
	}
	walk(root)
}

// parseRepaired parses src, mending the copy after each mistake as
// described above, and returns the tree and a second document if the file
// holds one. It returns a nil root when a mistake could not be mended
// faithfully; every mistake is reported.
func (d *Decoder) parseRepaired(src *source) (root, extra *yaml.Node) {
	w := newWork(src)
	d.prescan(w)
	d.hashLines(w)
	budget := maxRepairBytes
	fatal := false
	for attempt := 0; ; attempt++ {
		budget -= len(w.text)
		in := d.src // the file's own bytes, while nothing is mended
		if w.source != src {
			in = []byte(w.text)
		}
		r, x, err := parseOne(in)
		if err == nil {
			if fatal {
				return nil, nil
			}
			w.fixPositions(r)
			w.fixPositions(x)
			return r, x
		}
		// Finding the line costs a few more parses.
		budget -= 8 * len(w.text)
		t := d.classify(w, err)
		tooMany := attempt >= maxRepairs || budget < 0
		last := tooMany || t.mend == nil
		// A value a prose field may accept waits for decoding, unless
		// parsing stops here.
		reported := t.class != repairAccept && !(fatal && t.cascade) || last
		if reported {
			d.ProblemAt(w.orig(t.pos), "", t.msg)
		}
		fatal = fatal || t.class == repairFatal
		if last || !t.mend(w) {
			if !reported {
				d.ProblemAt(w.orig(t.pos), "", t.msg)
			}
			if tooMany {
				// No field will judge the values mended so far: report
				// them, since quoting them is right in any field.
				d.flushRepairs()
				d.ProblemAt(w.orig(t.pos), "", msgTooMany)
			}
			return nil, nil
		}
	}
}

// prescan finds the invisible characters that Word, web pages and chat
// programs paste where YAML needs an ordinary space (in the indentation,
// after "key:" or "-") or inside a field name, where they make a
// different name. Each is an error at its column; the copy gets a space
// in its place (or nothing, for one of no width), so that the rest of the
// file is read as the clerk sees it.
func (d *Decoder) prescan(w *work) {
	if !hasInvisible(w.text) {
		return // most files
	}
	found := 0
	for n := 1; n <= len(w.lines) && found < maxRepairs; n++ {
		text := w.line(n)
		if !hasInvisible(text) {
			continue // nothing to find or mend on this line
		}
		type hit struct {
			off, size int
			r         rune
			where     int
		}
		var hits []hit
		i := 0
		scan := func(where int) {
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if _, bad := invisibles[r]; bad {
					hits = append(hits, hit{i, size, r, where})
				} else if r != ' ' && r != '\t' {
					return
				}
				i += size
			}
		}
		scan(0)
		for i < len(text) && text[i] == '-' {
			i++
			scan(2)
		}
		// A field name: letters of a name, possibly with invisible
		// characters inside, then ":".
		if c := strings.IndexByte(text[i:], ':'); c > 0 {
			key := text[i : i+c]
			clean := strings.Map(func(r rune) rune {
				if _, bad := invisibles[r]; bad {
					return -1
				}
				return r
			}, key)
			if identLike(clean) {
				for j, r := range key {
					if _, bad := invisibles[r]; bad {
						hits = append(hits, hit{i + j, utf8.RuneLen(r), r, 3})
					}
				}
				i += c + 1
				scan(1)
			}
		}
		for k := len(hits) - 1; k >= 0; k-- {
			h := hits[k]
			if k == 0 || hits[k-1].off+hits[k-1].size != h.off {
				// One message for a run of them.
				d.ProblemAt(w.orig(diag.Pos{Line: n, Col: 1 + utf8.RuneCountInString(text[:h.off])}), "", msgInvisible(h.r, h.where))
				found++
			}
			with := ""
			if spaceLike(h.r) {
				with = " "
			}
			if len(hits) <= 16 {
				w.replace(w.lines[n-1]+h.off, h.size, with)
			}
		}
		if len(hits) > 16 {
			// Many of them: one edit for the line, the columns after them
			// only approximate.
			w.replace(w.lines[n-1], len(text), strings.Map(func(r rune) rune {
				if _, bad := invisibles[r]; !bad {
					return r
				} else if spaceLike(r) {
					return ' '
				}
				return -1
			}, text[:i])+text[i:])
		}
	}
}

// hashLines finds the lines of a plain value that start with "#" and a
// letter or a digit, such as "#3 và thôn 4" under "- Hội LHPN xã: chủ trì
// tại nhà văn hóa thôn": YAML drops such a line as a comment, without a
// word, although it stands where the value goes on, and "#" before a
// letter or a digit is text inside a line ("phòng #2"). The value is put
// in quotes with all its lines: a field of prose prints it, with a warning
// that says how to write a comment instead; any other field reports it.
func (d *Decoder) hashLines(w *work) {
	if !hasHashWordLine(w) {
		return // most files: nothing to look at
	}
	var head line
	open := false  // head holds a plain value the lines below may continue
	block := -1    // while reading a block (| or >): its owner's indentation
	var quote byte // while reading a quoted value over several lines
	depth := 0     // while reading a list or group in brackets
	for n := 1; n <= len(w.lines); n++ {
		t := w.line(n)
		switch {
		case blank(t):
			continue
		case block >= 0 && indent(t) > block:
			continue
		case quote != 0:
			if closingQuote(t, quote) >= 0 {
				quote = 0
			}
			continue
		case depth > 0:
			depth += brackets(t)
			continue
		}
		block = -1
		in := indent(t)
		rest := t[in:]
		if open {
			owner, keyCol := head.bounds()
			if in > owner && !strings.HasPrefix(rest, "- ") && rest != "-" && !(in == keyCol && w.at(n).keyed()) {
				if hashWord(rest) {
					if last := d.quoteHashLine(w, head, n); last > 0 {
						n, open = last, false
					}
					continue
				}
				if rest[0] != '#' {
					continue // a line of the value
				}
			}
		}
		open = false
		if rest[0] == '#' {
			continue
		}
		l := w.at(n)
		v := l.value
		if v >= len(l.text) || inFlow(l.text[:v]) {
			continue
		}
		switch c := l.text[v]; {
		case c == '|' || c == '>':
			block = l.owner()
		case isQuote(c):
			if closingQuote(l.text[v+1:], c) < 0 {
				quote = c
			}
		case c == '[' || c == '{':
			depth = brackets(l.text[v:])
		case strings.ContainsRune("*&!%@`#", rune(c)):
		default:
			if colon, ok := l.proseColon(); ok && strings.TrimSpace(cutComment(l.text[colon+1:], false)) == "" {
				continue // "Thành phần:" alone: no value on its line
			}
			head, open = l, true
		}
	}
}

// hasHashWordLine reports whether a line of w starts, after its
// indentation, with "#" and a letter or a digit.
func hasHashWordLine(w *work) bool {
	for n := 1; n <= len(w.lines); n++ {
		t := w.line(n)
		if i := indent(t); i < len(t) && t[i] == '#' && hashWord(t[i:]) {
			return true
		}
	}
	return false
}

// quoteHashLine quotes the value starting on line head that line n, which
// starts with "#" and a word, goes on with; it returns the value's last
// line, or 0 when it cannot.
func (d *Decoder) quoteHashLine(w *work, head line, n int) int {
	last := valueEndHash(w, head, true)
	if last < n {
		return 0
	}
	hl := w.at(n)
	at := hl.pos(indent(hl.text))
	word := strings.Fields(hl.text)[0]
	t := trap{pos: at, msg: msgHashLine(n, word, head), class: repairAccept}
	r := d.quoteRange(w, head, head.value, last, t)
	if r == nil {
		return 0
	}
	r.warn = append(r.warn, note{w.orig(at), msgHashLineKept(word)})
	return last
}

// brackets returns how many brackets a line opens and does not close.
func brackets(s string) int {
	return strings.Count(s, "[") + strings.Count(s, "{") - strings.Count(s, "]") - strings.Count(s, "}")
}

// hasInvisible reports whether s holds one of the invisibles. Their
// UTF-8 forms start with C2, E2, E3 or EF, which a search finds quickly:
// no Vietnamese letter starts with them.
func hasInvisible(s string) bool {
	for _, lead := range []byte{0xC2, 0xE2, 0xE3, 0xEF} {
		for i := 0; ; i++ {
			j := strings.IndexByte(s[i:], lead)
			if j < 0 {
				break
			}
			i += j
			r, _ := utf8.DecodeRuneInString(s[i:])
			if _, ok := invisibles[r]; ok {
				return true
			}
		}
	}
	return false
}
