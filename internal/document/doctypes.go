package document

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// ParseTypes reads the table of document types (templates/doctypes.yaml):
// a mapping from the type's key to its name and abbreviation, in file order.
func ParseTypes(src []byte) ([]DocType, error) {
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
