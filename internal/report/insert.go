package report

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Figures read from forms are written into the period file by editing its
// text line by line, never by re-encoding the YAML: the clerk's comments,
// blank lines, alignment and order stay as they were. Only the lines of
// the figures that change are rewritten; a comment found inside a value
// that is replaced is kept, on its own line above it.

// Entry is one entity's figures to write into a period file.
type Entry struct {
	ID     string
	Source string // the form file, named in a comment above the block
	// Measures lists the measures to write, in order, with their values
	// as one-line period-file text ("{total: 12, female: 5}", "~").
	Measures []string
	Values   map[string]string
}

// SourcePrefix starts the comment above each imported block.
const SourcePrefix = "# Số liệu nhập từ biểu mẫu: "

// InsertFigures returns the period file src (whose parsed root is root)
// with each entry's figures in place under data: a measure already there
// has its value replaced, others are added at the end of the entity's
// block, and an entity not there yet gets a block placed in the order of
// order (the declared ids). Above each entity's block a comment names the
// form it came from.
func InsertFigures(src []byte, root *yaml.Node, entries []Entry, order []string) ([]byte, error) {
	if root == nil || root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || len(root.Content) > 0 && root.Content[0].Column != 1 {
		return nil, ErrFlowFile
	}
	if oddBreaks(src) {
		return nil, ErrLineBreaks
	}
	bom := bytes.HasPrefix(src, []byte("\xEF\xBB\xBF"))
	body, end := splitEnd(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")), root.Line)
	e := newEditor(body, root)
	if err := e.insert(entries, order); err != nil {
		return nil, err
	}
	out := append(e.result(), end...)
	if bom {
		out = append([]byte("\xEF\xBB\xBF"), out...)
	}
	return out, nil
}

// splitEnd splits src before the line that ends its document, a "---" or
// "..." at the margin after the document's first key (on line first):
// what follows it is no part of the period (the decoder accepts only
// blank lines and comments there), and figures added at the end of the
// document must land before it.
func splitEnd(src []byte, first int) (body, end []byte) {
	line := 1
	for i := 0; i < len(src); line++ {
		next := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			next = i + j + 1
		}
		if line > first && docMarker(src[i:next]) {
			return src[:i], src[i:]
		}
		i = next
	}
	return src, nil
}

// docMarker reports whether l is a line YAML reads as the end of a
// document: "---" or "...", then nothing but white space or a comment.
func docMarker(l []byte) bool {
	if !bytes.HasPrefix(l, []byte("---")) && !bytes.HasPrefix(l, []byte("...")) {
		return false
	}
	rest := bytes.TrimRight(l[3:], "\r\n")
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t'
}

// ErrFlowFile says that a period file is not written as "key: value"
// lines starting at the margin, so figures cannot be written into it line
// by line.
var ErrFlowFile = errors.New("the period file is not written as key: value lines")

// ErrLineBreaks says that a period file breaks lines with characters
// other than \n and \r\n (a lone \r, or U+0085, U+2028, U+2029, which
// YAML also reads as line breaks), so its lines cannot be counted as an
// editor counts them.
var ErrLineBreaks = errors.New("the period file breaks lines with unusual characters")

func oddBreaks(src []byte) bool {
	s := string(src)
	return strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\r") || strings.ContainsAny(s, "\u0085\u2028\u2029")
}

// editor edits a YAML text by whole lines.
type editor struct {
	lines []string // without line ends
	eol   string
	final bool // the text ends with a line end
	root  *yaml.Node
	nodes []*yaml.Node // every node in document order
	edits []edit
}

// edit replaces lines [from, to) (0-based) with text.
type edit struct {
	from, to int
	text     []string
	seq      int // order of creation
}

func newEditor(src []byte, root *yaml.Node) *editor {
	s := string(src)
	e := &editor{eol: "\n", root: root}
	if strings.Contains(s, "\r\n") {
		e.eol = "\r\n"
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	e.final = strings.HasSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\n")
	if s != "" {
		e.lines = strings.Split(s, "\n")
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		e.nodes = append(e.nodes, n)
		if n.Kind == yaml.AliasNode {
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return e
}

func (e *editor) result() []byte {
	// From the end of the text; at one line a replacement before the
	// insertions above it, and insertions in reverse order of creation so
	// that they end up in order.
	slices.SortFunc(e.edits, func(a, b edit) int {
		if a.from != b.from {
			return b.from - a.from
		}
		if a.to != b.to {
			return b.to - a.to
		}
		return b.seq - a.seq
	})
	lines := e.lines
	for _, ed := range e.edits {
		lines = slices.Concat(lines[:ed.from], ed.text, lines[ed.to:])
	}
	out := strings.Join(lines, e.eol)
	if e.final || len(e.edits) > 0 {
		out += e.eol
	}
	return []byte(out)
}

func (e *editor) replace(from, to int, text ...string) {
	e.edits = append(e.edits, edit{from, to, text, len(e.edits)})
}

// pair is a key and its value in a mapping.
type pair struct{ k, v *yaml.Node }

func lookupPair(m *yaml.Node, key string) (pair, bool) {
	if m == nil || m.Kind != yaml.MappingNode {
		return pair{}, false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return pair{m.Content[i], m.Content[i+1]}, true
		}
	}
	return pair{}, false
}

func isBlock(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0
}

// isImplicitNull reports a value left empty: nothing written after the
// key. The parser places such a value just after the colon; a bare tag
// ("!", also on the next line) reads as an empty null too, but it is text
// that an insertion would leave behind, so it is not one.
func (e *editor) isImplicitNull(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!null" || n.Value != "" {
		return false
	}
	if n.Line < 1 || n.Line > len(e.lines) {
		return true
	}
	rest := []rune(e.lines[n.Line-1]) // the parser counts columns in characters
	if c := n.Column - 1; c >= 0 && c <= len(rest) {
		rest = rest[c:]
	}
	return blankOrComment(string(rest))
}

// explicitKey reports a key written in YAML's explicit form ("? key",
// then ": value" on a line of its own), which the line-by-line edit
// cannot extend; no clerk writes one, vanban's own files never do. The
// "?" may stand before the key on its line, or alone on a line above it
// (blank and comment lines between): either way the key's line, or the
// nearest line above with anything on it, starts with "?".
func (e *editor) explicitKey(k *yaml.Node) bool {
	if k.Line < 1 || k.Line > len(e.lines) {
		return true
	}
	line := []rune(e.lines[k.Line-1])
	c := min(max(k.Column-1, 0), len(line))
	before := strings.TrimSpace(string(line[:c]))
	if strings.HasPrefix(before, "?") || strings.HasPrefix(strings.TrimSpace(string(line[c:])), "?") {
		return true
	}
	if before != "" {
		return false
	}
	for i := k.Line - 2; i >= 0; i-- {
		if !blankOrComment(e.lines[i]) {
			return strings.HasPrefix(strings.TrimSpace(e.lines[i]), "?")
		}
	}
	return false
}

// anyExplicitKey reports an explicit key among the file's top keys, the
// entities under data or their measures: the edits would land beside it
// (data's block ends where the next top key's "?" starts, not at the key).
func (e *editor) anyExplicitKey(data *yaml.Node) bool {
	if e.explicitAmong(e.root) || e.explicitAmong(data) {
		return true
	}
	for i := 1; i < len(data.Content); i += 2 {
		if ent := data.Content[i]; ent.Kind == yaml.MappingNode && e.explicitAmong(ent) {
			return true
		}
	}
	return false
}

// explicitAmong reports an explicit key among the keys of mapping m.
func (e *editor) explicitAmong(m *yaml.Node) bool {
	for i := 0; i < len(m.Content); i += 2 {
		if e.explicitKey(m.Content[i]) {
			return true
		}
	}
	return false
}

func blankOrComment(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	return rest == "" || rest[0] == '#'
}

func (e *editor) insert(entries []Entry, order []string) error {
	data, ok := lookupPair(e.root, "data")
	if !ok || !isBlock(data.v) {
		return e.rewriteData(data, ok, entries, order)
	}
	if e.anyExplicitKey(data.v) {
		return ErrFlowFile
	}
	ind, step, spaced := e.style(data)
	rank := map[string]int{}
	for i, id := range order {
		rank[id] = i + 1
	}
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b Entry) int { return rank[a.ID] - rank[b.ID] })
	for _, en := range entries {
		ent, ok := lookupPair(data.v, en.ID)
		switch {
		case ok && isBlock(ent.v):
			e.markSource(ent.k, en.Source)
			e.updateBlock(ent, en, ind+step)
		case ok:
			e.markSource(ent.k, en.Source)
			e.rewriteEntity(ent, en, ind+step)
		default:
			e.addEntity(data, en, ind, step, spaced, rank)
		}
	}
	return nil
}

// style returns the indentation of the entity keys under data, the step
// to their measures, and whether blocks are separated by blank lines.
func (e *editor) style(data pair) (ind, step int, spaced bool) {
	ind, step = data.v.Content[0].Column-1, 2
	for i := 1; i < len(data.v.Content); i += 2 {
		if v := data.v.Content[i]; isBlock(v) {
			step = v.Content[0].Column - 1 - ind
			break
		}
	}
	if step <= 0 {
		step = 2
	}
	for i := 1; i+2 < len(data.v.Content); i += 2 {
		end := e.endLine(data.v.Content[i])
		if end+1 < len(e.lines) && strings.TrimSpace(e.lines[end+1]) == "" {
			spaced = true
		}
	}
	return ind, step, spaced
}

// markSource puts the comment naming the form above an entity's key,
// replacing one an earlier import put there.
func (e *editor) markSource(key *yaml.Node, source string) {
	l := key.Line - 1
	comment := strings.Repeat(" ", key.Column-1) + SourcePrefix + source
	if l > 0 && strings.HasPrefix(strings.TrimSpace(e.lines[l-1]), SourcePrefix) {
		e.replace(l-1, l, comment)
		return
	}
	e.replace(l, l, comment)
}

// updateBlock writes an entry's measures into an entity written as block
// lines: each value in place, new measures after the last line.
func (e *editor) updateBlock(ent pair, en Entry, mind int) {
	mind = ent.v.Content[0].Column - 1
	var added []string
	for _, mid := range en.Measures {
		if m, ok := lookupPair(ent.v, mid); ok {
			e.replaceValue(m, en.Values[mid])
			continue
		}
		added = append(added, strings.Repeat(" ", mind)+mid+": "+en.Values[mid])
	}
	if len(added) > 0 {
		end := e.endLine(ent.v) + 1
		e.replace(end, end, added...)
	}
}

// replaceValue replaces the value of a key on the key's line. When the
// old value took more lines, they go, and their comments move above the
// key; the comment beside the key (or ending a one-line value) stays
// beside the new value.
func (e *editor) replaceValue(p pair, text string) {
	kl, last := e.span(p)
	colon := e.colonAfter(p.k)
	above, tail := e.comments(kl, last, colon, strings.Repeat(" ", p.k.Column-1))
	line := e.lines[kl][:colon+1] + " " + text
	if tail != "" {
		line += "  " + tail
	}
	e.replace(kl, last+1, append(above, line)...)
}

// span returns the first and last lines (0-based) of a key and its value.
func (e *editor) span(p pair) (int, int) {
	kl := p.k.Line - 1
	if e.isImplicitNull(p.v) {
		return kl, kl
	}
	return kl, max(kl, e.endLine(p.v))
}

// comments collects the comments on lines kl..last (on the key's line,
// after its colon): the one on the key's line (or, failing it, on the
// last line) as the tail kept beside the key, the others as lines with
// the given indentation.
func (e *editor) comments(kl, last, colon int, indent string) (above []string, tail string) {
	lastComment := ""
	for l := kl; l <= last; l++ {
		text := e.lines[l]
		if l == kl {
			text = text[colon+1:]
		}
		c := commentStart(text)
		if c < 0 {
			continue
		}
		comment := strings.TrimSpace(text[c:])
		switch {
		case l == kl:
			tail = comment
		case l == last && tail == "":
			lastComment = comment
		default:
			above = append(above, indent+comment)
		}
	}
	if tail == "" {
		tail = lastComment
	} else if lastComment != "" {
		above = append(above, indent+lastComment)
	}
	return above, tail
}

// rewriteEntity rewrites an entity given on one line ({…}) or empty as
// block lines: its other measures as they were, then the entry's.
func (e *editor) rewriteEntity(ent pair, en Entry, mind int) {
	kl, last := e.span(ent)
	colon := e.colonAfter(ent.k)
	above, tail := e.comments(kl, last, colon, strings.Repeat(" ", ent.k.Column-1))
	head := e.lines[kl][:colon+1]
	if tail != "" {
		head += "  " + tail
	}
	lines := append(above, head)
	lines = append(lines, e.measureLines(ent.v, en, mind)...)
	e.replace(kl, last+1, lines...)
}

// measureLines lists an entity's measures as block lines: those it had
// (re-written on one line each) and the entry's.
func (e *editor) measureLines(v *yaml.Node, en Entry, mind int) []string {
	pad := strings.Repeat(" ", mind)
	var lines []string
	written := map[string]bool{}
	if v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			k := v.Content[i].Value
			text, ok := en.Values[k]
			if !ok {
				text = flowNode(v.Content[i+1])
			}
			written[k] = true
			lines = append(lines, pad+flowKey(k)+": "+text)
		}
	}
	for _, mid := range en.Measures {
		if !written[mid] {
			lines = append(lines, pad+mid+": "+en.Values[mid])
		}
	}
	return lines
}

// addEntity adds a new entity's block after the last entity before it in
// order (or before the first one).
func (e *editor) addEntity(data pair, en Entry, ind, step int, spaced bool, rank map[string]int) {
	pad := strings.Repeat(" ", ind)
	block := []string{pad + SourcePrefix + en.Source, pad + flowKey(en.ID) + ":"}
	block = append(block, e.measureLines(&yaml.Node{}, en, ind+step)...)
	var prev *yaml.Node
	for i := 0; i+1 < len(data.v.Content); i += 2 {
		if r := rank[data.v.Content[i].Value]; r > 0 && r < rank[en.ID] {
			prev = data.v.Content[i+1]
		}
	}
	if prev != nil {
		at := e.endLine(prev) + 1
		if prev == data.v.Content[len(data.v.Content)-1] {
			// After the last block, comments at the blocks' indentation
			// that end the data section stay above the new block.
			for l := at; l < len(e.lines); l++ {
				t := strings.TrimSpace(e.lines[l])
				if t == "" {
					continue
				}
				if !strings.HasPrefix(t, "#") || indentOf(e.lines[l]) < ind {
					break
				}
				at = l + 1
			}
		}
		if spaced {
			block = append([]string{""}, block...)
		}
		e.replace(at, at, block...)
		return
	}
	// Before the first entity and the comment lines just above it.
	at := data.v.Content[0].Line - 1
	for at > data.k.Line && isComment(e.lines[at-1]) {
		at--
	}
	if spaced {
		block = append(block, "")
	}
	e.replace(at, at, block...)
}

// rewriteData writes the data section anew when it is missing, empty or
// written on one line: the entities it had, then the entries, as block
// lines.
func (e *editor) rewriteData(data pair, present bool, entries []Entry, order []string) error {
	byID := map[string]Entry{}
	for _, en := range entries {
		byID[en.ID] = en
	}
	// The keys of data's blocks are two spaces in from data's own key.
	base := ""
	if present {
		base = strings.Repeat(" ", data.k.Column-1)
	} else if len(e.root.Content) > 0 {
		base = strings.Repeat(" ", e.root.Content[0].Column-1)
	}
	in1, in2 := base+"  ", base+"    "
	var lines []string
	done := map[string]bool{}
	if present && data.v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(data.v.Content); i += 2 {
			id := data.v.Content[i].Value
			en, ok := byID[id]
			if ok {
				lines = append(lines, in1+SourcePrefix+en.Source)
			}
			lines = append(lines, in1+flowKey(id)+":")
			lines = append(lines, e.measureLines(data.v.Content[i+1], en, len(in2))...)
			done[id] = true
		}
	}
	rank := map[string]int{}
	for i, id := range order {
		rank[id] = i + 1
	}
	rest := slices.Clone(entries)
	slices.SortStableFunc(rest, func(a, b Entry) int { return rank[a.ID] - rank[b.ID] })
	for _, en := range rest {
		if done[en.ID] {
			continue
		}
		lines = append(lines, in1+SourcePrefix+en.Source, in1+flowKey(en.ID)+":")
		lines = append(lines, e.measureLines(&yaml.Node{}, en, len(in2))...)
	}
	if !present {
		at := len(e.lines)
		head := []string{base + "data:"}
		if at > 0 && strings.TrimSpace(e.lines[at-1]) != "" {
			head = []string{"", base + "data:"}
		}
		e.replace(at, at, append(head, lines...)...)
		return nil
	}
	kl, last := e.span(data)
	colon := e.colonAfter(data.k)
	above, tail := e.comments(kl, last, colon, base)
	head := e.lines[kl][:colon+1]
	if tail != "" {
		head += "  " + tail
	}
	e.replace(kl, last+1, slices.Concat(above, []string{head}, lines)...)
	return nil
}

// flowNode writes a node on one line as YAML would read it back.
func flowNode(n *yaml.Node) string { return flowIn(n, false) }

// flowIn writes a node on one line; an item of a list that is one
// "key: value" pair is written without braces ([Chủ tịch: nam]).
func flowIn(n *yaml.Node, item bool) string {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "~"
		}
		if n.Tag == "!!str" {
			return flowKey(n.Value)
		}
		return n.Value
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			parts = append(parts, flowIn(c, true))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case yaml.MappingNode:
		var parts []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, flowKey(n.Content[i].Value)+": "+flowNode(n.Content[i+1]))
		}
		if len(n.Content) == 2 && item {
			return parts[0]
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case yaml.AliasNode:
		if n.Alias != nil {
			return flowNode(n.Alias)
		}
	}
	return "~"
}

// endLine returns the 0-based index of the last line holding part of n:
// the last line before the next node of the document that is not a blank
// line or a comment.
func (e *editor) endLine(n *yaml.Node) int {
	inside := map[*yaml.Node]bool{}
	var mark func(*yaml.Node)
	mark = func(x *yaml.Node) {
		inside[x] = true
		for _, c := range x.Content {
			mark(c)
		}
	}
	mark(n)
	next := len(e.lines) + 1 // 1-based line of the next node
	for _, x := range e.nodes {
		if inside[x] || x.Kind == yaml.DocumentNode {
			continue
		}
		if (x.Line > n.Line || x.Line == n.Line && x.Column > n.Column) && x.Line < next {
			next = x.Line
		}
	}
	for l := next - 2; l >= n.Line-1; l-- {
		if t := strings.TrimSpace(e.lines[l]); t != "" && !strings.HasPrefix(t, "#") {
			return l
		}
	}
	return n.Line - 1
}

// colonAfter returns the byte index of the colon ending a key on its line.
func (e *editor) colonAfter(k *yaml.Node) int {
	line := e.lines[k.Line-1]
	i := byteCol(line, k.Column)
	if i < len(line) && (line[i] == '"' || line[i] == '\'') {
		q := line[i]
		for i++; i < len(line); i++ {
			if line[i] == '\\' && q == '"' {
				i++
				continue
			}
			if line[i] == q {
				if q == '\'' && i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				break
			}
		}
	}
	for ; i < len(line); i++ {
		if line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t') {
			return i
		}
	}
	return len(line) - 1
}

// byteCol converts a 1-based column in characters into a byte index.
func byteCol(line string, col int) int {
	i := 0
	for c := 1; c < col && i < len(line); c++ {
		_, w := utf8.DecodeRuneInString(line[i:])
		i += w
	}
	return i
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

func isComment(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), "#") }

// commentStart returns the byte index of the # starting a comment on a
// line (outside quotes, at the start or after a space), or -1.
func commentStart(line string) int {
	var q byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case q == '"' && c == '\\':
			i++
		case q != 0 && c == q:
			if q == '\'' && i+1 < len(line) && line[i+1] == '\'' {
				i++
				continue
			}
			q = 0
		case q != 0:
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t[{,:", line[i-1]) >= 0):
			q = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return -1
}
