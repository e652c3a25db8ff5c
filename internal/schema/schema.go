// Package schema generates a JSON Schema (draft 2020-12) of an input
// format from the Go types the decoder fills, so that a key added to a
// model appears in the schema without a second file to edit. Editors that
// speak the YAML language server protocol (VS Code's YAML extension and
// many others) then complete keys, show what each means in Vietnamese and
// mark mistakes while the clerk types.
//
// What the generator reads from a struct field's tags:
//
//	yaml:"name,required"  the key and whether it is required (as the decoder reads it)
//	vi:"…"                the field's Vietnamese name (also in vanban's messages)
//	doc:"…"               a Vietnamese explanation, added to the description
//	ex:"…"                an example value, written in YAML
//	enum:"a|b"            the values allowed (numbers or texts)
//	min:"…" max:"…"       the range allowed for a number, or the number of entries of a list
//	oneof:"group"         exactly one of the fields of the group is required (signer: or signers:)
//	schema:"name"         a schema given by the caller (a table of values known at run time)
//
// A type that decodes itself (decode.Unmarshaler, encoding.TextUnmarshaler)
// accepts what its code accepts, not what its fields say: it must describe
// itself with a method
//
//	JSONSchema(of func(any) map[string]any) map[string]any
//
// where of returns the schema of another type (a reference for a struct).
// The generator panics on such a type without the method, so that the two
// cannot part silently.
package schema

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/viet"
)

// Draft is the JSON Schema dialect of the generated schemas.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Options are what a schema needs besides the types.
type Options struct {
	ID, Title, Description string
	// Named holds the schemas of fields tagged schema:"name".
	Named map[string]map[string]any
}

// Describer is implemented by types that decode themselves.
type Describer interface {
	JSONSchema(of func(any) map[string]any) map[string]any
}

var (
	describerType   = reflect.TypeFor[Describer]()
	unmarshalerType = reflect.TypeFor[decode.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

type generator struct {
	opt  Options
	defs map[string]any
	seen map[reflect.Type]string
}

// Generate returns the schema of root, a struct value, as a JSON value.
func Generate(root any, opt Options) map[string]any {
	g := &generator{opt: opt, defs: map[string]any{}, seen: map[reflect.Type]string{}}
	s := g.object(reflect.TypeOf(root))
	out := map[string]any{"$schema": Draft}
	if opt.ID != "" {
		out["$id"] = opt.ID
	}
	if opt.Title != "" {
		out["title"] = opt.Title
	}
	if opt.Description != "" {
		out["description"] = opt.Description
	}
	for k, v := range s {
		out[k] = v
	}
	if len(g.defs) > 0 {
		out["$defs"] = g.defs
	}
	return out
}

// of returns the schema of a type: a reference for a struct, so that
// recursive types (sections within sections) are described once.
func (g *generator) of(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := g.described(t); ok {
		return s
	}
	if t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) ||
		t.Implements(textType) || reflect.PointerTo(t).Implements(textType) {
		panic(fmt.Sprintf("schema: %s decodes itself but has no JSONSchema method", t))
	}
	switch t.Kind() {
	case reflect.Struct:
		name, ok := g.seen[t]
		if !ok {
			name = defName(t)
			g.seen[t] = name
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.of(t.Elem())}
	case reflect.String:
		// The decoder reads any scalar as a text: place: 2017 is "2017".
		return map[string]any{"type": []any{"string", "number", "boolean"}}
	case reflect.Bool:
		return Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	}
	panic(fmt.Sprintf("schema: no schema for %s", t))
}

// described calls the type's own JSONSchema method, if it has one.
func (g *generator) described(t reflect.Type) (map[string]any, bool) {
	var v reflect.Value
	switch {
	case t.Implements(describerType):
		v = reflect.Zero(t)
	case reflect.PointerTo(t).Implements(describerType):
		v = reflect.New(t)
	default:
		return nil, false
	}
	return v.Interface().(Describer).JSONSchema(func(x any) map[string]any { return g.of(reflect.TypeOf(x)) }), true
}

func defName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndexByte(pkg, '/'); i >= 0 {
		pkg = pkg[i+1:]
	}
	return pkg + "." + t.Name()
}

// object describes a struct's keys as the decoder reads them.
func (g *generator) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []any
	groups, order := map[string][]any{}, []string(nil)
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		req := strings.Contains(opts, "required")
		if req {
			required = append(required, name)
		}
		if grp := f.Tag.Get("oneof"); grp != "" {
			groups[grp] = append(groups[grp], map[string]any{"required": []any{name}})
			if !slices.Contains(order, grp) {
				order = append(order, grp)
			}
		}
		props[name] = g.field(f, req)
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	var all []any
	for _, grp := range order {
		all = append(all, map[string]any{"oneOf": groups[grp]})
	}
	if len(all) > 0 {
		s["allOf"] = all
	}
	return s
}

// field describes one key: its type's schema, narrowed by the field's
// tags, with the Vietnamese description and example.
func (g *generator) field(f reflect.StructField, required bool) map[string]any {
	var s map[string]any
	if name := f.Tag.Get("schema"); name != "" {
		n, ok := g.opt.Named[name]
		if !ok {
			panic(fmt.Sprintf("schema: field %s names the schema %q, which was not given", f.Name, name))
		}
		s = clone(n)
	} else {
		s = clone(g.of(f.Type))
	}
	if e := f.Tag.Get("enum"); e != "" {
		var vals []any
		for _, v := range strings.Split(e, "|") {
			vals = append(vals, scalar(v))
		}
		s["enum"] = vals
	}
	lo, hi := "minimum", "maximum"
	if f.Type.Kind() == reflect.Slice {
		lo, hi = "minItems", "maxItems"
	}
	if v := f.Tag.Get("min"); v != "" {
		s[lo] = scalar(v)
	}
	if v := f.Tag.Get("max"); v != "" {
		s[hi] = scalar(v)
	}
	if !required {
		s = nullable(s)
	}
	var desc []string
	if vi := f.Tag.Get("vi"); vi != "" {
		desc = append(desc, upperFirst(vi))
	}
	if doc := f.Tag.Get("doc"); doc != "" {
		desc = append(desc, doc)
	}
	if required {
		desc = append(desc, "Bắt buộc.")
	}
	if len(desc) > 0 {
		s["description"] = strings.Join(desc, ". ")
		s["markdownDescription"] = s["description"]
	}
	if ex := f.Tag.Get("ex"); ex != "" {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(ex), &n); err != nil || len(n.Content) == 0 {
			panic(fmt.Sprintf("schema: the example of %s is not YAML: %q", f.Name, ex))
		}
		s["examples"] = []any{Value(n.Content[0])}
	}
	return s
}

// nullable lets an optional key be written without a value ("style:"),
// which the decoder reads as absent.
func nullable(s map[string]any) map[string]any {
	if t, ok := s["type"].(string); ok && s["$ref"] == nil {
		s["type"] = []any{t, "null"}
		return s
	}
	if ts, ok := s["type"].([]any); ok && s["$ref"] == nil {
		s["type"] = append(append([]any{}, ts...), "null")
		return s
	}
	return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
}

func clone(m map[string]any) map[string]any {
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// scalar reads a tag's value as a number when it is one.
func scalar(s string) any {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return s
}

// Value converts a YAML node to the JSON value that a YAML 1.2 editor sees:
// a date written 2017-05-23 is a text, as YAML 1.2 reads it (yaml.v3 would
// make it a time), numbers are numbers, keys are texts.
func Value(n *yaml.Node) any {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return Value(n.Content[0])
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			out[i] = Value(c)
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = Value(n.Content[i+1])
		}
		return out
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		n.Decode(&b)
		return b
	case "!!int", "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	}
	return n.Value
}

// Bool is the schema of a yes/no value as the decoder reads it: true or
// false, or the words a clerk writes (có, không, yes, no).
func Bool() map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "boolean"},
		map[string]any{"type": "string", "pattern": Caseless("true", "false", "yes", "no", "có", "co", "không", "khong")},
	}}
}

// Caseless returns a pattern matching any of words in any letter case,
// with blanks around (the decoder trims and lowers them).
func Caseless(words ...string) string {
	var alts []string
	for _, w := range words {
		var b strings.Builder
		for _, r := range w {
			lo, up := strings.ToLower(string(r)), strings.ToUpper(string(r))
			if lo == up {
				b.WriteString(quoteMeta(lo))
			} else {
				b.WriteString("[" + lo + up + "]")
			}
		}
		alts = append(alts, b.String())
	}
	return `^\s*(?:` + strings.Join(alts, "|") + `)\s*$`
}

func quoteMeta(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$/-`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Prose is the schema of a text in a document, as the decoder reads it
// (decode.ProseSchema).
func Prose() map[string]any { return decode.ProseSchema() }

// ProseList is the schema of one text or a list of texts.
func ProseList() map[string]any { return decode.ProseListSchema() }

// SlugOf returns a pattern matching every text whose viet.Slug is one of
// keys, as the decoder compares names: "Kế hoạch", "KE HOACH" and
// "ke-hoach" all name ke-hoach. Words may be separated by blanks, "-",
// "_", "." or ",".
func SlugOf(keys ...string) string {
	classes := letterClasses()
	const sep = `[\s_.,-]+`
	var alts []string
	for _, k := range keys {
		var b strings.Builder
		for _, r := range k {
			switch {
			case r == '-':
				b.WriteString(sep)
			case classes[r] != "":
				b.WriteString("[" + classes[r] + "]")
			default:
				b.WriteString(quoteMeta(string(r)))
			}
		}
		alts = append(alts, b.String())
	}
	return `^[\s_.,-]*(?:` + strings.Join(alts, "|") + `)[\s_.,-]*$`
}

// letterClasses lists, for each ASCII letter, every Latin letter
// (Vietnamese ones included, in both cases) that viet.Slug turns into it.
func letterClasses() map[rune]string {
	sets := map[rune][]rune{}
	add := func(from, to rune) {
		for r := from; r <= to; r++ {
			s := viet.Slug(string(r))
			if len(s) == 1 && s[0] >= 'a' && s[0] <= 'z' {
				sets[rune(s[0])] = append(sets[rune(s[0])], r)
			}
		}
	}
	add('A', 'Z')
	add('a', 'z')
	add(0xC0, 0x24F)
	add(0x1EA0, 0x1EF9)
	out := map[rune]string{}
	for k, rs := range sets {
		out[k] = string(rs)
	}
	return out
}
