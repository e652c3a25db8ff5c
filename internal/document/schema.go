package document

import (
	"maps"
	"slices"

	"github.com/vanban/vanban/internal/schema"
)

// The JSON Schema of what each self-decoding type accepts (see
// internal/schema), beside the types so that the two change together.

// JSONSchema implements schema.Describer: a text, or a sentence that YAML
// reads as "key: value" because it holds ": ".
func (Text) JSONSchema(func(any) map[string]any) map[string]any { return schema.Prose() }

// JSONSchema implements schema.Describer: one text or a list of texts.
func (TextList) JSONSchema(func(any) map[string]any) map[string]any {
	return schema.ProseList()
}

// JSONSchema implements schema.Describer: 5, 05 or "05"; a legal
// document's 128/2025 or /2025.
func (Number) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "integer", "minimum": 1},
		map[string]any{"type": "string", "pattern": `^\s*(\+?0*[1-9][0-9]*|\+?0*[1-9][0-9]*\s*/\s*[0-9]{4}|/\s*[0-9]{4})\s*$`},
	}}
}

// JSONSchema implements schema.Describer: the table's fields.
func (Table) JSONSchema(of func(any) map[string]any) map[string]any { return of(tableFields{}) }

// JSONSchema implements schema.Describer: a list of cells, each a text.
func (Row) JSONSchema(func(any) map[string]any) map[string]any {
	cell := schema.Prose()
	cell["anyOf"] = append(cell["anyOf"].([]any), map[string]any{"type": "null"})
	return map[string]any{"type": "array", "items": cell}
}

// JSONSchema implements schema.Describer: a text (an article without a
// title) or the article's fields.
func (Article) JSONSchema(of func(any) map[string]any) map[string]any {
	return map[string]any{"anyOf": []any{schema.Prose(), of(articleFields{})}}
}

// JSONSchema implements schema.Describer: a text (a clause without a
// title) or the clause's fields.
func (Clause) JSONSchema(of func(any) map[string]any) map[string]any {
	return map[string]any{"anyOf": []any{schema.Prose(), of(clauseFields{})}}
}

// Urgencies returns the urgency levels the validator knows, as written
// without diacritics ("khan") and as printed ("KHẨN").
func Urgencies() (keys, printed []string) { return levels(urgencies) }

// Secrecies returns the secrecy levels the validator knows, as written
// without diacritics and as printed.
func Secrecies() (keys, printed []string) { return levels(secrecies) }

func levels(m map[string]string) (keys, printed []string) {
	keys = slices.Sorted(maps.Keys(m))
	for _, k := range keys {
		printed = append(printed, m[k])
	}
	return keys, printed
}

// JSONSchema implements schema.Describer: notes by name, or a list of
// notes named 1, 2 ….
func (Footnotes) JSONSchema(func(any) map[string]any) map[string]any {
	note := schema.Prose()
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "object", "additionalProperties": note},
		map[string]any{"type": "array", "items": note},
	}}
}

// RecipientsSchema is the schema of "Nơi nhận" (recipients:): texts, and
// groups written as a title with the list of their members under it
// ("- Các bộ: [Nội vụ, Tư pháp]"), as recipientList reads them.
func RecipientsSchema() map[string]any {
	item := schema.Prose()
	group := map[string]any{"type": "object", "minProperties": 1, "maxProperties": 1,
		"additionalProperties": map[string]any{"type": "array", "items": schema.Prose()}}
	item = map[string]any{"anyOf": []any{item, group, map[string]any{"type": "null"}}}
	return map[string]any{"anyOf": []any{schema.Prose(), map[string]any{"type": "array", "items": item}}}
}

// ItemStyles returns the spellings style.items accepts.
func ItemStyles() []string { return slices.Sorted(maps.Keys(itemStyles)) }
