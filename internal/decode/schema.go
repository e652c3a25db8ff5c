package decode

// JSONSchema implements schema.Describer (internal/schema): one text, or a
// list of texts (blank ones are dropped).
func (Lines) JSONSchema(func(any) map[string]any) map[string]any {
	text := map[string]any{"type": []any{"string", "number", "boolean"}}
	return map[string]any{"anyOf": []any{text,
		map[string]any{"type": "array", "items": map[string]any{"type": []any{"string", "number", "boolean", "null"}}}}}
}
