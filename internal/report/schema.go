package report

import "github.com/vanban/vanban/internal/schema"

// The JSON Schema of what each self-decoding type accepts (see
// internal/schema), beside the types so that the two change together.

// JSONSchema implements schema.Describer: the English and Vietnamese names.
func (PeriodKind) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"enum": []any{string(HalfYear), string(Year)}},
		map[string]any{"type": "string", "pattern": schema.Caseless("half-year", "6-thang", "6 tháng", "sáu tháng", "year", "nam", "năm")},
	}}
}

// JSONSchema implements schema.Describer.
func (Comparator) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"type": "string", "pattern": `^\s*(?:>=|≥|>|<=|≤|<|band)\s*$`,
		"examples": []any{">=", "<=", "band"}}
}

// JSONSchema implements schema.Describer: a number, or a band of two.
func (TargetValue) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": []any{"number", "null"}},
		map[string]any{"type": "array", "items": map[string]any{"type": "number"}, "minItems": 2, "maxItems": 2},
	}}
}

// JSONSchema implements schema.Describer: each entity's figures by
// measure; what a measure's figures look like depends on the catalogue,
// which the report schema adds for the embedded catalogues.
func (Data) JSONSchema(of func(any) map[string]any) map[string]any {
	return map[string]any{"type": []any{"object", "null"}, "additionalProperties": of(EntityRaw{})}
}

// JSONSchema implements schema.Describer.
func (EntityRaw) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"type": []any{"object", "null"}}
}

// JSONSchema implements schema.Describer: any value; the catalogue says.
func (RawValue) JSONSchema(func(any) map[string]any) map[string]any { return map[string]any{} }

// FigureSchema is the schema of one measure's figures, by its shape.
func (m *Measure) FigureSchema() map[string]any {
	count := map[string]any{"type": []any{"integer", "null"}, "minimum": 0, "maximum": MaxCount}
	counts := func(keys ...string) map[string]any {
		props := map[string]any{}
		for _, k := range keys {
			props[k] = count
		}
		return map[string]any{"type": []any{"object", "null"}, "properties": props, "additionalProperties": false}
	}
	s := map[string]any{}
	switch m.Shape {
	case ShapeSex:
		s = counts("total", "male", "female")
	case ShapePair:
		if m.First != nil && m.Second != nil {
			s = counts(m.First.Key, m.Second.Key)
		}
	case ShapeCount:
		s = count
	case ShapeFlag:
		s = schema.Bool()
		s["anyOf"] = append(s["anyOf"].([]any), map[string]any{"type": "null"})
	case ShapePosts:
		sex := map[string]any{"type": "string", "pattern": schema.Caseless("nam", "male", "m", "nữ", "nu", "female", "f")}
		s = map[string]any{"type": []any{"array", "null"}, "items": map[string]any{"type": "object",
			"minProperties": 1, "maxProperties": 1, "additionalProperties": sex}}
	}
	s["description"] = m.Label
	return s
}
