package report

import (
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// FormCell is one input cell of a filled form, as read from the workbook.
type FormCell struct {
	Ref    string  // "D12"
	Number bool    // the cell holds a number
	Value  float64 // the number, when Number
	Text   string  // the text otherwise; "" for an empty cell
}

func (c FormCell) empty() bool { return !c.Number && strings.TrimSpace(c.Text) == "" }

// PostCells is one row of a list of posts: the post and its holder's sex.
type PostCells struct{ Post, Sex FormCell }

// Filled is a form's input cells after the unit filled them in.
type Filled struct {
	Form        *Form
	File, Sheet string // for messages: "thon-dong.xlsx", "Số liệu"
	// Cells holds each measure's cells by key ("total", "detected",
	// "value", "yes"); Posts the rows of each list of posts.
	Cells map[string]map[string]FormCell
	Posts map[string][]PostCells
}

// Imported is one entity's figures read from its form.
type Imported struct {
	Form *Form
	File string
	// Figures are the figures as a period file would give them (a nil
	// entry: not reported); Values the same as period-file text, by
	// measure id ("{total: 12, female: 5}", "~").
	Figures map[string]Figures
	Values  map[string]string
	// Cells is, by measure id, the first cell of the measure on the form
	// ("Số liệu!D11"): where a problem found after the import belongs;
	// Ranges all its cells ("Số liệu!D11:D13").
	Cells, Ranges map[string]string
	// Unchanged marks the measures whose figures the period file already
	// holds as the form gives them (set by Compare): they are not written.
	Unchanged map[string]bool
}

// Read validates a filled form with the rules and messages of a period
// file's figures; each problem names its cell as FILE.xlsx:Sheet!D12.
func (f *Form) Read(fl *Filled) (*Imported, diag.List) {
	// Every cell becomes a YAML node whose line is its index in refs, so
	// that the figure reader's positions name cells.
	var refs []string
	at := func(c FormCell, n *yaml.Node) *yaml.Node {
		refs = append(refs, c.Ref)
		n.Line, n.Column = len(refs), 1
		return n
	}
	d := decode.New(fl.File)
	out := &Imported{Form: f, File: fl.File, Figures: map[string]Figures{}, Values: map[string]string{}, Cells: map[string]string{}, Ranges: map[string]string{}}
	for _, m := range f.Measures {
		path := decode.Join(decode.Join("data", f.Entity.ID), m.ID)
		before, first := len(d.Diags), len(refs)
		n := f.node(d, m, fl, path, at)
		if len(refs) > first {
			out.Cells[m.ID] = fl.Sheet + "!" + refs[first]
		}
		out.Ranges[m.ID] = fl.Sheet + "!" + fl.span(m)
		if n == nil {
			if !d.Diags[before:].HasErrors() {
				out.Values[m.ID] = "~"
			}
			continue
		}
		d.Record(path, n)
		fr := figureReader{d: d, m: m, who: f.Entity.Name + ", " + f.R.Label(m), months: f.R.Months, cell: f.cellWords(fl, m)}
		fig := fr.read(n, path)
		if fig == nil || d.Diags[before:].HasErrors() {
			continue
		}
		out.Figures[m.ID] = fig
		out.Values[m.ID] = flowText(m, n, fig)
	}
	for i := range d.Diags {
		x := &d.Diags[i]
		x.File = fl.File + ":" + fl.Sheet
		if x.Line > 0 && x.Line <= len(refs) {
			x.File += "!" + refs[x.Line-1]
		}
		x.Pos = diag.Pos{}
	}
	return out, d.Diags
}

// cellWords names a count of a measure as the person at the form sees
// it: its cell and the label of its row, "ô D21 (Dân số)".
func (f *Form) cellWords(fl *Filled, m *Measure) func(key string) string {
	return func(key string) string {
		label := key
		switch {
		case m.Shape == ShapeSex:
			label = map[string]string{"total": "Tổng số", "male": "nam", "female": "nữ"}[key]
		case m.Shape == ShapePair && m.First != nil && key == m.First.Key:
			label = f.PartLabel(m.First)
		case m.Shape == ShapePair && m.Second != nil && key == m.Second.Key:
			label = f.PartLabel(m.Second)
		}
		if ref := fl.Cells[m.ID][key].Ref; ref != "" {
			return fmt.Sprintf("ô %s (%s)", ref, label)
		}
		return label
	}
}

// span names the input cells of a measure on the form: "D12", or
// "D12:D14" for several.
func (fl *Filled) span(m *Measure) string {
	var refs []string
	for _, k := range m.Keys() {
		if c, ok := fl.Cells[m.ID][k]; ok && c.Ref != "" {
			refs = append(refs, c.Ref)
		}
	}
	for _, p := range fl.Posts[m.ID] {
		refs = append(refs, p.Post.Ref, p.Sex.Ref)
	}
	switch {
	case len(refs) == 0:
		return ""
	case len(refs) == 1:
		return refs[0]
	}
	return refs[0] + ":" + refs[len(refs)-1]
}

// node builds the YAML a period file would hold for the measure's cells,
// or nil when every cell is empty (not reported).
func (f *Form) node(d *decode.Decoder, m *Measure, fl *Filled, path string, at func(FormCell, *yaml.Node) *yaml.Node) *yaml.Node {
	cells := fl.Cells[m.ID]
	switch m.Shape {
	case ShapeCount, ShapeFlag:
		key := "value"
		if m.Shape == ShapeFlag {
			key = "yes"
		}
		c := cells[key]
		if c.empty() {
			return nil
		}
		return at(c, scalar(c))
	case ShapePosts:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, row := range fl.Posts[m.ID] {
			if row.Post.empty() && row.Sex.empty() {
				continue
			}
			if row.Post.empty() {
				k := at(row.Post, &yaml.Node{})
				d.ProblemAt(diag.Pos{Line: k.Line, Col: 1}, decode.Index(path, i), diag.Msg{Code: "form.post-without-name",
					Vi:    fmt.Sprintf("%s, %s: dòng này có giới tính (%s) nhưng chưa ghi chức danh", f.Entity.Name, f.R.Label(m), cellText(row.Sex)),
					En:    fmt.Sprintf("%s, %s: this row gives a sex (%s) but no post", f.Entity.Name, f.R.Label(m), cellText(row.Sex)),
					FixVi: "ghi chức danh, ví dụ Chủ tịch, Phó Chủ tịch", FixEn: "the post, such as Chủ tịch or Phó Chủ tịch"})
				continue
			}
			item := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			k := at(row.Post, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: cellText(row.Post)})
			item.Line, item.Column = k.Line, k.Column
			item.Content = []*yaml.Node{k, at(row.Sex, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: cellText(row.Sex)})}
			if len(seq.Content) == 0 {
				seq.Line, seq.Column = k.Line, k.Column
			}
			seq.Content = append(seq.Content, item)
		}
		if len(seq.Content) == 0 {
			return nil // nothing, or only nameless rows (reported)
		}
		return seq
	}
	mp := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, k := range m.Keys() {
		c := cells[k]
		if c.empty() {
			continue
		}
		kn := at(c, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k})
		if len(mp.Content) == 0 {
			mp.Line, mp.Column = kn.Line, kn.Column
		}
		vn := scalar(c)
		vn.Line, vn.Column = kn.Line, kn.Column
		mp.Content = append(mp.Content, kn, vn)
	}
	if len(mp.Content) == 0 {
		return nil
	}
	return mp
}

// cellText is a text cell's text with its spaces and line breaks made
// single spaces, or a number as a spreadsheet shows it.
func cellText(c FormCell) string {
	if c.Number {
		return strconv.FormatFloat(c.Value, 'f', -1, 64)
	}
	return strings.Join(strings.Fields(c.Text), " ")
}

var (
	intText   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?[0-9]+$`) })
	floatText = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`) })
)

// scalar is the node a period file would hold for a cell: a number for a
// number cell, and for a text cell what YAML would read the same text as
// (so that "12" typed as text is 12, and "1.234" gets the same hint as in
// a period file).
func scalar(c FormCell) *yaml.Node {
	if c.Number {
		if c.Value == float64(int64(c.Value)) && c.Value > -1e15 && c.Value < 1e15 {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(int64(c.Value), 10)}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(c.Value, 'f', -1, 64)}
	}
	s := cellText(c)
	switch {
	case intText().MatchString(s):
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: s}
	case floatText().MatchString(s):
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: s}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// flowText writes validated figures as a period file's one-line value:
// the counts the form gave ({total: 12, female: 5}), a number, có or
// không, or the posts ([Chủ tịch: nam, Phó Chủ tịch: nữ]).
func flowText(m *Measure, n *yaml.Node, fig Figures) string {
	switch m.Shape {
	case ShapeCount:
		return strconv.FormatInt(fig["value"], 10)
	case ShapeFlag:
		if fig["yes"] == 1 {
			return "có"
		}
		return "không"
	case ShapePosts:
		var items []string
		for _, it := range n.Content {
			sex, _ := parseSex(it.Content[1].Value)
			word := "nam"
			if sex == "female" {
				word = "nữ"
			}
			items = append(items, flowKey(it.Content[0].Value)+": "+word)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	var parts []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		parts = append(parts, k+": "+strconv.FormatInt(fig[k], 10))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// flowKey writes a text as a key inside a one-line list: plain when YAML
// reads it back as the same text, else in double quotes.
func flowKey(s string) string {
	plain := s != "" && !strings.ContainsAny(s, ",[]{}:#\"'\\&*!|>%@`") &&
		!strings.ContainsAny(s[:1], "-?") && strings.TrimSpace(s) == s
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "null", "~", "on", "off":
		plain = false
	}
	if plain && (intText().MatchString(s) || floatText().MatchString(s)) {
		plain = false
	}
	if plain {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// Change is a figure that the period file already holds and that a form
// would replace with another value: a figure corrected by hand in the
// file, or a form sent again with other figures.
type Change struct {
	Entity  *Entity
	Measure *Measure
	Pos     diag.Pos // of the measure's key in the period file
	Path    string   // data.<entity>.<measure>
	// Old and New are the two values in the form's words, Vietnamese
	// and English ("tổng số 19, nam 7, nữ 12").
	Old, New [2]string
	Cells    string // the form's cells of the measure ("Số liệu!D19:D21")
	Comment  string // the comment beside the old value in the file, if any
}

// Compare lists the figures of the form that would change figures the
// period file holds (its text src, as read), and marks in Unchanged the
// measures whose figures the file already holds as they are, which the
// import leaves as written.
func (im *Imported) Compare(src []byte) []Change {
	r, e := im.Form.R, im.Form.Entity
	raw, ok := r.P.Data.Entities[e.ID]
	im.Unchanged = map[string]bool{}
	if !ok {
		return nil
	}
	var lines []string
	var out []Change
	for _, m := range im.Form.Measures {
		rv, had := raw.Measures[m.ID]
		if !had {
			continue
		}
		old, fig := r.Get(e.ID, m.ID), im.Figures[m.ID]
		if m.Shape == ShapePosts && old != nil && fig != nil {
			if flowNode(rv.Node) == im.Values[m.ID] {
				im.Unchanged[m.ID] = true
				continue
			}
		} else if maps.Equal(old, fig) {
			im.Unchanged[m.ID] = true
			continue
		}
		if old == nil {
			continue // not reported in the file (~): the form fills it in
		}
		if _, given := im.Values[m.ID]; !given {
			continue // a department's blank line: not written
		}
		c := Change{Entity: e, Measure: m, Pos: raw.KeyPos[m.ID], Path: decode.Join(decode.Join("data", e.ID), m.ID),
			Cells: im.Ranges[m.ID]}
		c.Old = im.Form.Words(m, old, flowNode(rv.Node))
		c.New = im.Form.Words(m, fig, im.Values[m.ID])
		if lines == nil {
			lines = strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
		}
		if l := c.Pos.Line - 1; l >= 0 && l < len(lines) {
			if i := commentStart(lines[l]); i >= 0 {
				c.Comment = strings.TrimSpace(lines[l][i:])
			}
		}
		out = append(out, c)
	}
	return out
}

// Words writes a measure's figures as the form's rows name them, in
// Vietnamese and English: "tổng số 19, nam 7, nữ 12", "dân số 1200,
// được tiếp cận trong năm 1000", "có", a list of posts as written; nil
// figures are a blank form.
func (f *Form) Words(m *Measure, fig Figures, text string) [2]string {
	if fig == nil {
		return [2]string{"để trống (chưa có số liệu)", "blank (not reported)"}
	}
	n := func(k string) string { return strconv.FormatInt(fig[k], 10) }
	switch m.Shape {
	case ShapeSex:
		return [2]string{fmt.Sprintf("tổng số %s, nam %s, nữ %s", n("total"), n("male"), n("female")),
			fmt.Sprintf("total %s, men %s, women %s", n("total"), n("male"), n("female"))}
	case ShapePair:
		a, b := m.First.Key, m.Second.Key
		return [2]string{fmt.Sprintf("%s %s, %s %s", lower(f.PartLabel(m.First)), n(a), lower(f.PartLabel(m.Second)), n(b)),
			fmt.Sprintf("%s %s, %s %s", a, n(a), b, n(b))}
	case ShapeCount:
		return [2]string{n("value"), n("value")}
	case ShapeFlag:
		if fig["yes"] == 1 {
			return [2]string{"có", "yes"}
		}
		return [2]string{"không", "no"}
	}
	return [2]string{text, text}
}
