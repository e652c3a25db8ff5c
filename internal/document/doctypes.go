package document

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ParseTypes reads the table of document types (templates/doctypes.yaml):
// a mapping from the type's key to its name and abbreviation, in file order.
func ParseTypes(src []byte) ([]DocType, error) {
	if types, ok := plainTypes(src); ok {
		return types, nil
	}
	return yamlTypes(src)
}

// yamlTypes reads the table of document types with YAML's parser.
func yamlTypes(src []byte) ([]DocType, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, fmt.Errorf("the table of document types is not valid YAML: %w", err)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the table of document types must map each type to its name and abbreviation")
	}
	m := root.Content[0]
	var out []DocType
	for i := 0; i+1 < len(m.Content); i += 2 {
		var v struct{ Name, Abbr string }
		if err := m.Content[i+1].Decode(&v); err != nil || v.Name == "" {
			return nil, fmt.Errorf("line %d of the table of document types: expected {name: …, abbr: …}", m.Content[i].Line)
		}
		out = append(out, DocType{Key: m.Content[i].Value, Name: v.Name, Abbr: v.Abbr})
	}
	return out, nil
}

// plainTypes reads a table written as templates/doctypes.yaml is, one
// type a line, "key: {name: Name, abbr: Abbr}" (a value plain words or
// "quoted"), between comments and blank lines: what YAML reads from such
// lines, without YAML's parser, which took longer than the rest of a
// process's start (the tests compare the two). Anything else, it leaves
// to YAML (ok false).
func plainTypes(src []byte) (types []DocType, ok bool) {
	seen := map[string]bool{}
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		s := string(line)
		if t := strings.TrimLeft(s, " "); t == "" || t[0] == '#' {
			continue
		}
		key, rest, found := strings.Cut(s, ":")
		if !found || !plainKey(key) || seen[key] || !strings.HasPrefix(rest, " ") {
			return nil, false
		}
		rest, found = strings.CutPrefix(strings.TrimLeft(rest, " "), "{name: ")
		if !found {
			return nil, false
		}
		name, rest, found := strings.Cut(rest, ", abbr: ")
		if !found {
			return nil, false
		}
		abbr, found := strings.CutSuffix(strings.TrimRight(rest, " "), "}")
		if !found {
			return nil, false
		}
		name, okName := plainValue(name)
		abbr, okAbbr := plainValue(abbr)
		if !okName || !okAbbr || name == "" {
			return nil, false
		}
		seen[key] = true
		types = append(types, DocType{Key: key, Name: name, Abbr: abbr})
	}
	return types, len(types) > 0
}

// plainKey reports whether k is a key YAML reads as written: small
// letters, figures and hyphens, starting with a letter.
func plainKey(k string) bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := range len(k) {
		if c := k[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// plainValue returns the text of v, a value inside a flow mapping, when
// YAML reads it as written: "" quoted without escapes, or words starting
// with a letter, single spaces between them, none of YAML's punctuation,
// and no word YAML reads as null or true/false.
func plainValue(v string) (string, bool) {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		q := v[1 : len(v)-1]
		return q, !strings.ContainsAny(q, "\"\\") && utf8.ValidString(q) && !strings.ContainsFunc(q, unicode.IsControl)
	}
	r, _ := utf8.DecodeRuneInString(v)
	if !unicode.IsLetter(r) || !utf8.ValidString(v) || strings.Contains(v, "  ") || strings.HasSuffix(v, " ") ||
		strings.ContainsAny(v, ",[]{}#&*!|>'\"%@`:?\t\\") || strings.ContainsFunc(v, unicode.IsControl) {
		return "", false
	}
	switch strings.ToLower(v) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf":
		return "", false
	}
	return v, true
}
