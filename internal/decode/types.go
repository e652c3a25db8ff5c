package decode

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Lines is a field that accepts either one text or a list of texts, such
// as an issuer name given as "ỦY BAN NHÂN DÂN" or as two lines. Its texts
// are prose (see Prose); blank entries are dropped.
type Lines []string

// DecodeNode implements Unmarshaler.
func (l *Lines) DecodeNode(d *Decoder, n *yaml.Node, path string) {
	pieces, _ := d.ProseList(n, path)
	for _, p := range pieces {
		if s := strings.TrimSpace(p.Value); s != "" {
			*l = append(*l, s)
		}
	}
}
