package decode

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/diag"
)

// Prose is text a clerk typed: a title, a paragraph, an item, a cell, a
// recipient. YAML reads some prose as something else: a sentence ending
// "như sau:" as a key, "phòng #2" as a comment, "- Hội LHPN xã: chủ trì"
// as a group of fields, "*Lưu ý*" as an alias. A field of prose reads
// such values from the source instead, as the clerk typed them, and says
// what it did where there was a choice (docs/document-format.md, "How
// vanban reads what you type"). Every recovered text equals the source it
// came from, its lines joined as YAML joins them (fold), after NFC.
//
// Fields tagged `yaml:",code"` (a type, a symbol, an abbreviation) are
// read strictly; fields tagged `yaml:",lines"` (recipients, Kính gửi,
// legal bases, an address) take lines typed without dashes as one entry
// each; fields tagged `yaml:",linebreaks"` (a title, a name) set printed
// lines, so a list written [a, b] there is never joined back.

// Piece is one text read from the file.
type Piece struct {
	Value string
	// Node positions problems inside the text: the value's own node, or
	// for a recovered text a node made at the start of its source.
	Node *yaml.Node
	Path string
}

// Recovery records a text read from the source rather than as YAML read
// it, for tests that check it equals its source.
type Recovery struct {
	Path       string
	Start, End int // bytes of the source
	Value      string
}

// Recoveries returns the texts read from the source so far.
func (d *Decoder) Recoveries() []Recovery { return d.recovered }

// Fold joins the lines of a source span as YAML joins the lines of a
// plain value; a recovered text is the Fold of its span after NFC.
func Fold(span string) string { return fold(span) }

// option reports whether the field at path carries the tag option opt.
func (d *Decoder) option(path, opt string) bool {
	f, _ := d.fieldAt(path, withOpts)
	for o := range strings.SplitSeq(f.opts, ",") {
		if o == opt {
			return true
		}
	}
	return false
}

// Prose reads n, found at path, as one text. It reports ok false (after
// reporting why) when n cannot be read as text.
func (d *Decoder) Prose(n *yaml.Node, path string) (Piece, bool) {
	p := Piece{Node: n, Path: path}
	if n.Kind == yaml.ScalarNode && isNull(n) && d.repairs[nodePos(n)] == nil {
		return p, true
	}
	if d.option(path, "code") {
		s, ok := d.Scalar(n, path, msgExpectText)
		p.Value = s
		return p, ok
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if r := d.repairs[nodePos(n)]; r != nil {
			d.accept(r, path)
			if start, end, _, ok := d.plainSpan(n, false); ok {
				return d.recover(path, n, start, end), true
			}
			p.Value = n.Value
			return p, true
		}
		if !d.plain(n) {
			p.Value = n.Value
			return p, true
		}
		start, end, dropped, ok := d.plainSpan(n, true)
		if dropped[1] > dropped[0] {
			d.WarningAt(d.idx.pos(dropped[0]), path, msgCommentDropped(strings.TrimSpace(d.idx.text[dropped[0]:dropped[1]])))
		}
		if !ok || start == d.valueOffset(n) && end == start+len(d.rawValue(n)) {
			p.Value = n.Value
			return p, true
		}
		return d.recover(path, n, start, end), true
	case yaml.MappingNode:
		pairs, ok := d.proseMapping(n, path)
		if !ok {
			return p, false
		}
		if len(pairs) == 1 {
			return pairs[0], true
		}
		// "Thời gian: …", "Địa điểm: …" on lines of their own: the lines
		// are kept, as in a block written with "|".
		vals := make([]string, len(pairs))
		for i, q := range pairs {
			vals[i] = q.Value
		}
		p.Value = strings.Join(vals, "\n")
		p.Node = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.LiteralStyle, Value: p.Value, Line: n.Line, Column: n.Column}
		return p, true
	case yaml.SequenceNode:
		d.Problem(path, msgFoundList(n))
	default:
		d.Problem(path, msgFound(n, "value.kind", "một đoạn chữ", "a text"))
	}
	return p, false
}

// ProseList reads n, found at path, as one text or a list of texts.
// listed is false when n is one text that was not split.
func (d *Decoder) ProseList(n *yaml.Node, path string) (pieces []Piece, listed bool) {
	if d.option(path, "code") {
		return d.codeList(n, path)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if isNull(n) && d.repairs[nodePos(n)] == nil {
			return nil, false
		}
		if parts := d.splitLines(n, path, d.option(path, "lines")); parts != nil {
			return d.index(path, parts), true
		}
		p, _ := d.Prose(n, path)
		return []Piece{p}, false
	case yaml.MappingNode:
		pairs, ok := d.proseMapping(n, path)
		if !ok {
			return nil, false
		}
		return d.index(path, pairs), true
	case yaml.SequenceNode:
		var out []Piece
		var from []*yaml.Node // the node each piece came from
		for _, c := range n.Content {
			p := Index(path, len(out))
			d.Record(p, c)
			e := c
			for e.Kind == yaml.AliasNode && e.Alias != nil {
				e = e.Alias
			}
			if n.Style&yaml.FlowStyle == 0 {
				if parts := d.splitLines(e, p, false); parts != nil {
					for _, q := range parts {
						out, from = append(out, q), append(from, nil)
					}
					continue
				}
			}
			q, _ := d.Prose(e, p)
			out, from = append(out, q), append(from, e)
		}
		if n.Style&yaml.FlowStyle != 0 {
			out = d.flowList(n, path, out, from)
		}
		return d.index(path, out), true
	}
	d.Problem(path, msgFound(n, "value.kind", "một đoạn chữ hoặc một danh sách", "a text or a list of texts"))
	return nil, false
}

// codeList reads a list of codes strictly.
func (d *Decoder) codeList(n *yaml.Node, path string) ([]Piece, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if isNull(n) {
			return nil, false
		}
		s, _ := d.Scalar(n, path, msgExpectText)
		return []Piece{{Value: s, Node: n, Path: path}}, false
	case yaml.SequenceNode:
		var out []Piece
		for i, c := range n.Content {
			p := Index(path, i)
			d.Record(p, c)
			s, _ := d.Scalar(c, p, msgExpectText)
			out = append(out, Piece{Value: s, Node: c, Path: p})
		}
		return out, true
	}
	d.Problem(path, msgFound(n, "value.kind", "một đoạn chữ hoặc một danh sách", "a text or a list of texts"))
	return nil, false
}

// index gives the pieces of a list their paths in order, and records
// their positions.
func (d *Decoder) index(path string, pieces []Piece) []Piece {
	for i := range pieces {
		pieces[i].Path = Index(path, i)
		d.Record(pieces[i].Path, pieces[i].Node)
	}
	return pieces
}

// accept marks a mended value as read by a field of prose, and says what
// the clerk should know about it.
func (d *Decoder) accept(r *repair, path string) {
	if r.accepted {
		return
	}
	r.accepted = true
	for _, w := range r.warn {
		d.WarningAt(w.pos, path, w.msg)
	}
}

// unrepaired reports the mistake a mended value stood for when n is read
// as anything but prose, and returns true if n was mended.
func (d *Decoder) unrepaired(n *yaml.Node, path string) bool {
	r := d.repairs[nodePos(n)]
	if r == nil || r.accepted {
		return false
	}
	if !r.reported {
		r.reported = true
		d.ProblemAt(r.at, path, r.msg)
	}
	return true
}

// flushRepairs reports the mended values no field read.
func (d *Decoder) flushRepairs() {
	for _, r := range d.repairs {
		if !r.accepted && !r.reported {
			r.reported = true
			d.ProblemAt(r.at, "", r.msg)
		}
	}
}

func nodePos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

// plain reports whether n is a plain scalar whose text vanban may look at
// in the source: written without quotes, or given a tag or an anchor
// nothing refers to ("&", "!" typed as text).
func (d *Decoder) plain(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Style&^yaml.TaggedStyle == 0
}

// rawValue returns the value of n as parsed, before NFC.
func (d *Decoder) rawValue(n *yaml.Node) string {
	if r, ok := d.raw[n]; ok {
		return r
	}
	return n.Value
}

// valueOffset returns the offset of n's value in the source, after an
// anchor or a tag, or -1.
func (d *Decoder) valueOffset(n *yaml.Node) int {
	off := d.idx.offset(n.Line, n.Column)
	if off < 0 {
		return -1
	}
	t := d.idx.text
	for off < len(t) && (t[off] == '&' || t[off] == '!') {
		for off < len(t) && !isBlank(t[off]) {
			off++
		}
		for off < len(t) && isBlank(t[off]) {
			off++
		}
	}
	return off
}

// textProperties reports whether n carries an anchor nothing refers to or
// a tag of no meaning to vanban: a clerk typed "&" or "!" as text.
func (d *Decoder) textProperties(n *yaml.Node) bool {
	return n.Anchor != "" && !d.aliased[n] || n.Style&yaml.TaggedStyle != 0 && !strings.HasPrefix(n.Tag, "!!")
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// plainSpan returns the source of the plain (or mended) value n: from
// its anchor or tag when a clerk typed them as text, to its end, taking
// in a "#" that is text (see realComment). dropped is a comment after a
// single space, which is not text but is warned about.
func (d *Decoder) plainSpan(n *yaml.Node, comments bool) (start, end int, dropped [2]int, ok bool) {
	start = d.valueOffset(n)
	if start < 0 {
		return 0, 0, dropped, false
	}
	end = d.alignEnd(start, d.rawValue(n))
	if end < 0 {
		return 0, 0, dropped, false
	}
	if d.textProperties(n) {
		start = d.idx.offset(n.Line, n.Column)
	}
	if comments {
		end, dropped = d.extendComment(end)
	}
	return start, end, dropped, true
}

// alignEnd returns the offset just after the value raw in the source,
// matching it from off; the line breaks and indentation YAML folded into
// spaces are skipped on both sides. It returns -1 when raw is not there.
func (d *Decoder) alignEnd(off int, raw string) int {
	t := d.idx.text
	if end := off + len(raw); end <= len(t) && t[off:end] == raw {
		return end // a value on one line, as most are: compared in one piece
	}
	i, j := off, 0
	for j < len(raw) {
		switch {
		case i < len(t) && t[i] == raw[j]:
			i++
			j++
		case raw[j] == ' ' || raw[j] == '\n':
			j++
		case i < len(t) && isBlank(t[i]):
			i++
		default:
			return -1
		}
	}
	return i
}

// extendComment applies the rule of "#" after a plain value that ends at
// end: "phòng #2" is text, "…   # ghi chú" is a comment, "… # ghi chú"
// after a single space is a comment that vanban warns about.
func (d *Decoder) extendComment(end int) (int, [2]int) {
	t := d.idx.text
	lineEnd := d.idx.lineEnd(end)
	rest := t[end:lineEnd]
	c := strings.IndexByte(rest, '#')
	if c < 1 || strings.Trim(rest[:c], " \t") != "" {
		return end, [2]int{}
	}
	kept := strings.TrimRight(cutComment(rest, false), " \t")
	newEnd := end + len(kept)
	var dropped [2]int
	if cc := commentAt(rest[len(kept):]); len(kept) < len(strings.TrimRight(rest, " \t")) && cc >= 0 {
		if !realComment(rest, len(kept)+cc) {
			dropped = [2]int{end + len(kept) + cc, end + len(strings.TrimRight(rest, " \t"))}
		}
	}
	return newEnd, dropped
}

// recover makes the piece for the source span [start, end), records it,
// and gives it a node of its own at its start.
func (d *Decoder) recover(path string, n *yaml.Node, start, end int) Piece {
	v := fold(norm.NFC.String(d.idx.text[start:end]))
	d.recovered = append(d.recovered, Recovery{Path: path, Start: start, End: end, Value: v})
	p := d.idx.pos(start)
	node := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: p.Line, Column: p.Col}
	if n != nil && n.Style&yaml.LiteralStyle != 0 {
		node.Style = yaml.LiteralStyle
	}
	return Piece{Value: v, Node: node, Path: path}
}

// IsProse reports whether a group of fields is prose YAML misread: every
// key words rather than a field name (and none of fields), every value a
// plain text or nothing. "- Hội LHPN xã: chủ trì, phối hợp" and "-
// Thời gian: 8 giờ" are prose; "title: …" is a field.
func IsProse(n *yaml.Node, fields ...string) bool {
	if n == nil || n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Style != 0 || k.Anchor != "" || identLike(k.Value) || isNull(k) {
			return false
		}
		for _, f := range fields {
			if k.Value == f {
				return false
			}
		}
		if v.Kind != yaml.ScalarNode || v.Anchor != "" || v.Style&^(yaml.SingleQuotedStyle) != 0 || isNull(v) && v.Value != "" {
			return false
		}
	}
	return true
}

// proseMapping reads a group of fields that is prose as one piece a pair,
// each the source from its key to the end of its value. It reports why
// when the group is not prose.
func (d *Decoder) proseMapping(n *yaml.Node, path string) ([]Piece, bool) {
	if !IsProse(n) {
		d.Problem(path, msgFields(n))
		return nil, false
	}
	var spans [][2]int
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Style == yaml.SingleQuotedStyle && d.repairs[nodePos(v)] == nil {
			d.Problem(path, msgFields(n))
			return nil, false
		}
		start := d.idx.offset(k.Line, k.Column)
		end := -1
		if start >= 0 {
			end = d.alignEnd(start, d.rawValue(k))
		}
		var dropped [2]int
		switch {
		case end < 0:
		case isNull(v):
			end = colonAfter(d.idx.text, end)
			if end >= 0 {
				end, dropped = d.extendComment(end)
			}
		default:
			if r := d.repairs[nodePos(v)]; r != nil {
				d.accept(r, path)
				_, end, _, _ = d.plainSpan(v, false)
			} else {
				_, end, dropped, _ = d.plainSpan(v, true)
			}
		}
		if end <= start {
			d.Problem(path, msgFields(n))
			return nil, false
		}
		if dropped[1] > dropped[0] {
			d.WarningAt(d.idx.pos(dropped[0]), path, msgCommentDropped(strings.TrimSpace(d.idx.text[dropped[0]:dropped[1]])))
		}
		if k := len(spans) - 1; k >= 0 && d.continues(spans[k][1], start) {
			spans[k][1] = end
		} else {
			spans = append(spans, [2]int{start, end})
		}
	}
	out := make([]Piece, len(spans))
	for i, s := range spans {
		out[i] = d.recover(path, nil, s[0], s[1])
	}
	return out, true
}

// continues reports whether the line of prose starting at start goes on
// with the sentence that ends at end, on the line above: that line ends
// with a comma, or with a letter or a digit and this one starts with a
// small letter. "- Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã"
// then "  tổ chức tuyên truyền: tại nhà văn hóa thôn" is one text,
// although YAML reads the second line as a key of its own; "Thời gian: …"
// then "Địa điểm: …" are two lines.
func (d *Decoder) continues(end, start int) bool {
	t := d.idx.text
	if end <= 0 || start <= end || strings.Trim(t[end:start], " \t\r\n") != "" || d.idx.lineOf(start) != d.idx.lineOf(end)+1 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t[:end])
	first, _ := utf8.DecodeRuneInString(t[start:])
	return last == ',' || unicode.IsLower(first) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// colonAfter returns the offset after the ":" that follows the key ending
// at off, or -1.
func colonAfter(t string, off int) int {
	for off < len(t) && (t[off] == ' ' || t[off] == '\t') {
		off++
	}
	if off < len(t) && t[off] == ':' {
		return off + 1
	}
	return -1
}

// splitLines splits a plain value of several lines into the entries a
// clerk meant: one a line in a field of lines (recipients typed without
// dashes), or one from each line starting "-Thứ" (a dash without its
// space). It returns nil when the value is one text.
func (d *Decoder) splitLines(n *yaml.Node, path string, lines bool) []Piece {
	if n.Kind != yaml.ScalarNode || n.Style != 0 || d.repairs[nodePos(n)] != nil || !strings.ContainsAny(n.Value, " \n") {
		return nil
	}
	start, end, dropped, ok := d.plainSpan(n, true)
	if !ok || d.idx.lineOf(start) == d.idx.lineOf(max(end-1, start)) {
		return nil
	}
	segs := d.segments(start, end)
	dashes := 0
	for _, s := range segs {
		if dashNoSpace(d.idx.text[s[0]:s[1]]) {
			dashes++
		}
	}
	if !lines && dashes == 0 {
		return nil
	}
	if dropped[1] > dropped[0] {
		d.WarningAt(d.idx.pos(dropped[0]), path, msgCommentDropped(strings.TrimSpace(d.idx.text[dropped[0]:dropped[1]])))
	}
	// Group the lines: each line is an entry in a field of lines; else an
	// entry runs from a "-" line to the next.
	var groups [][2]int
	for i, s := range segs {
		text := d.idx.text[s[0]:s[1]]
		dash := dashNoSpace(text)
		if dash {
			s[0]++
		}
		if i == 0 || lines || dash {
			groups = append(groups, s)
		} else {
			groups[len(groups)-1][1] = s[1]
		}
	}
	out := make([]Piece, 0, len(groups))
	for _, g := range groups {
		out = append(out, d.recover(path, nil, g[0], g[1]))
	}
	return out
}

// segments returns the non-blank lines of the source span [start, end),
// each from its first to its last character.
func (d *Decoder) segments(start, end int) [][2]int {
	var out [][2]int
	for off := start; off < end; {
		le := min(d.idx.lineEnd(off), end)
		s := d.idx.text[off:le]
		trimmed := strings.TrimLeft(s, " \t")
		if t := strings.TrimRight(trimmed, " \t\r"); t != "" {
			a := off + len(s) - len(trimmed)
			out = append(out, [2]int{a, a + len(t)})
		}
		l := d.idx.lineOf(off)
		if l >= len(d.idx.lines) {
			break
		}
		off = d.idx.lines[l]
	}
	return out
}

// noteRe matches a recipient's note in brackets at its end: "(b/c)",
// "(để thực hiện)".
var noteRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\([^()]*\)\s*[;.]?$`) })

// flowList checks a list written [a, b] in prose, where a comma ends an
// entry although the clerk may have meant a comma. vanban keeps the
// entries as YAML reads them (as documented) and warns where a split
// looks unmeant: an entry starting with a small letter after a first
// entry starting with a capital ("[Phối hợp với các xã, phường thu thập
// …]"), or, in a field of lines, entries before one that ends with a
// note, such as "[TT Đảng ủy, HĐND xã (b/c)]". It warns once a list.
func (d *Decoder) flowList(n *yaml.Node, path string, pieces []Piece, from []*yaml.Node) []Piece {
	if len(pieces) < 2 || from[0] == nil {
		return pieces
	}
	for i := 1; i < len(pieces); i++ {
		prev, cur := pieces[i-1].Value, pieces[i].Value
		lower := !d.option(path, "linebreaks") && startsUpper(pieces[0].Value) && startsLower(cur)
		note := d.option(path, "lines") && noteRe().MatchString(cur) && !noteRe().MatchString(prev) &&
			!strings.HasPrefix(strings.ToLower(prev), "như ") && !strings.HasPrefix(strings.ToLower(prev), "lưu")
		if (lower || note) && from[i] != nil {
			d.WarningAt(nodePos(from[i]), path, msgListSplit(prev, cur))
			break
		}
	}
	return pieces
}

// startsUpper reports whether s starts with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// startsLower reports whether s starts with a small letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func msgListSplit(prev, cur string) diag.Msg {
	return diag.Msg{Code: "text.list-split",
		Vi: fmt.Sprintf("trong danh sách [ ] dấu phẩy tách các mục, nên «%s» và «%s» được in thành hai mục riêng", short(prev), short(cur)),
		FixVi: fmt.Sprintf("nếu đó là một mục, viết mỗi mục trên một dòng riêng bắt đầu bằng «- » (khi đó dấu phẩy là chữ): - %s, %s",
			short(prev), short(cur)),
		En: fmt.Sprintf("in a list [ ] a comma ends an entry, so %q and %q are printed as two entries", short(prev), short(cur)),
		FixEn: fmt.Sprintf("if they are one entry, each entry on its own line starting with \"- \" (commas are text there): - %s, %s",
			short(prev), short(cur))}
}

// short cuts a text for a message.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 50 {
		return s
	}
	return string([]rune(s)[:49]) + "…"
}

// msgExpectText is what a text field wants, in both languages.
var msgExpectText = [2]string{"một đoạn chữ", "a text"}

func msgFoundList(n *yaml.Node) diag.Msg {
	m := msgFound(n, "value.kind", "một đoạn chữ viết ngay sau dấu hai chấm", "a text")
	if n.Style&yaml.FlowStyle != 0 {
		m.FixVi = "nếu chữ bắt đầu bằng «[», đặt cả giá trị trong dấu ngoặc kép: \"[…] …\""
		m.FixEn = "the whole value in quotes if the text starts with \"[\""
	}
	return m
}

// msgFields explains a group of fields where text was expected.
func msgFields(n *yaml.Node) diag.Msg {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			break
		}
		key := short(k.Value)
		if identLike(k.Value) {
			return diag.Msg{Code: "value.fields",
				Vi:    fmt.Sprintf("ở đây cần chữ nhưng gặp trường «%s:»", key),
				FixVi: fmt.Sprintf("viết chữ ngay sau dấu hai chấm của trường ở trên, không có «%s:»; nếu «%s:» là chữ, đặt cả dòng trong dấu ngoặc kép", key, key),
				En:    fmt.Sprintf("found the field %q where a text was expected", key+":"),
				FixEn: "the text right after the colon of the field above, or the whole line in quotes"}
		}
		if v.Kind != yaml.ScalarNode {
			return diag.Msg{Code: "value.fields",
				Vi:    fmt.Sprintf("dòng «%s:» có một danh sách hay một nhóm bên dưới, nhưng ở đây chỉ viết được chữ", key),
				FixVi: fmt.Sprintf("đặt «%s:» trong dấu ngoặc kép và viết các ý bên dưới trong «items:»", key),
				En:    fmt.Sprintf("the line %q has a list or group below it, but only text can be written here", key+":"),
				FixEn: "the line in quotes, and the entries below it under \"items:\""}
		}
	}
	return msgFound(n, "value.fields", "một đoạn chữ; đặt cả dòng trong dấu ngoặc kép", "a text; the whole line in quotes")
}
