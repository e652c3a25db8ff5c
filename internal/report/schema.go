package report

import (
	"maps"
	"slices"

	"github.com/vanban/vanban/internal/schema"
)

// The JSON Schema of what each self-decoding type accepts (see
// internal/schema), beside the types so that the two change together.

// words returns the spellings a decoder's table accepts, and a schema
// that accepts them in any letter case (the decoder lowers them), proposing
// first.
func words[V any](table map[string]V, first ...string) map[string]any {
	spellings := slices.Sorted(maps.Keys(table))
	enum := make([]any, len(first))
	for i, f := range first {
		enum[i] = f
	}
	return map[string]any{"anyOf": []any{
		map[string]any{"enum": enum},
		map[string]any{"type": "string", "pattern": schema.Caseless(spellings...)},
	}}
}

// JSONSchema implements schema.Describer: the English and Vietnamese names.
func (PeriodKind) JSONSchema(func(any) map[string]any) map[string]any {
	return words(periodKinds, string(HalfYear), string(Year))
}

// JSONSchema implements schema.Describer: the signs and the words.
func (Comparator) JSONSchema(func(any) map[string]any) map[string]any {
	return words(comparators, string(GE), string(GT), string(LE), string(LT), string(InBand))
}

// JSONSchema implements schema.Describer.
func (HalfYearRule) JSONSchema(func(any) map[string]any) map[string]any {
	return words(halfYearRules, string(HalfJudge), string(HalfProgress))
}

// JSONSchema implements schema.Describer: one level or a list of them.
func (Tiers) JSONSchema(func(any) map[string]any) map[string]any {
	one := words(tierIDWords, "tỉnh", "xã", "thôn", "huyện")
	return map[string]any{"anyOf": []any{one, map[string]any{"type": "array", "items": one}}}
}

// JSONSchema implements schema.Describer: one level.
func (TierName) JSONSchema(func(any) map[string]any) map[string]any {
	return words(tierIDWords, "tỉnh", "xã", "thôn", "huyện")
}

// JSONSchema implements schema.Describer: a number, a band of two, or a
// number with its comparator in words or signs (ParseTarget reads them;
// the schema only asks for a number in the text).
func (TargetValue) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": []any{"number", "null"}},
		map[string]any{"type": "array", "items": map[string]any{"type": "number"}, "minItems": 2, "maxItems": 2},
		map[string]any{"type": "string", "pattern": "[0-9]", "examples": []any{"≥ 25", "trên 35", "từ 25 trở lên", "không vượt quá 111", "khoảng 60"}},
	}}
}

// JSONSchema implements schema.Describer: the line as typed, or its parts.
func (AnnexOf) JSONSchema(of func(any) map[string]any) map[string]any {
	return map[string]any{"anyOf": []any{of(AnnexFields{}), map[string]any{"type": []any{"string", "null"},
		"examples": []any{"Kèm theo Báo cáo số 215/BC-UBND ngày 15 tháng 12 năm 2025 của Ủy ban nhân dân xã An Thịnh"}}}}
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
	count := map[string]any{"type": []any{"integer", "null"}, "minimum": 0, "maximum": int64(MaxCount)}
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
