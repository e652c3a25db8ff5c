package decode

// The JSON Schema of prose as the decoder reads it (see internal/schema),
// here so that it follows IsProse.

var scalarTypes = []any{"string", "number", "boolean"}

// ProseSchema is the schema of a text in prose: any scalar, or lines that
// YAML reads as "key: value" pairs because they hold ": " (an item
// "Hội LHPN xã: chủ trì …", lines "Thời gian: …" / "Địa điểm: …"), which
// the decoder reads back as written: every key words rather than a field
// name, every value a plain text.
func ProseSchema() map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": scalarTypes},
		map[string]any{"type": "object", "minProperties": 1,
			"propertyNames":        map[string]any{"not": map[string]any{"pattern": identRe().String()}},
			"additionalProperties": map[string]any{"type": append(append([]any{}, scalarTypes...), "null")}},
	}}
}

// ProseListSchema is the schema of one text or a list of texts.
func ProseListSchema() map[string]any {
	item := ProseSchema()
	item["anyOf"] = append(item["anyOf"].([]any), map[string]any{"type": "null"})
	return map[string]any{"anyOf": []any{ProseSchema(), map[string]any{"type": "array", "items": item}}}
}

// JSONSchema implements schema.Describer (internal/schema): one text, or
// a list of texts (blank ones are dropped).
func (Lines) JSONSchema(func(any) map[string]any) map[string]any { return ProseListSchema() }
