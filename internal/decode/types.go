package decode

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Lines is a field that accepts either one text or a list of texts, such
// as an issuer name given as "ỦY BAN NHÂN DÂN" or as two lines. Blank
// entries are dropped.
type Lines []string

// DecodeNode implements Unmarshaler.
func (l *Lines) DecodeNode(d *Decoder, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.ScalarNode:
		if isNull(n) {
			return
		}
		if s := strings.TrimSpace(n.Value); s != "" {
			*l = Lines{s}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			var s string
			if c.Kind == yaml.ScalarNode && !isNull(c) {
				d.Record(Index(path, i), c)
				s = strings.TrimSpace(c.Value)
			} else if !isNull(c) {
				d.Record(Index(path, i), c)
				d.Error(Index(path, i), "found "+kindName(c), "a line of text")
			}
			if s != "" {
				*l = append(*l, s)
			}
		}
	default:
		d.Error(path, "found "+kindName(n), "a text or a list of texts")
	}
}
