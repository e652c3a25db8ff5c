package app

import (
	"encoding/json"
	"fmt"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/schema"
	"github.com/vanban/vanban/templates"
)

// SchemaNames are the input formats "vanban schema" describes.
var SchemaNames = []string{"document", "report", "catalogue"}

// SchemaFile is the file name the README and the starters use for the
// schema of an input format, saved beside the YAML files.
func SchemaFile(name string) string { return "vanban-" + name + ".schema.json" }

// Schema returns the JSON Schema (draft 2020-12) of an input format,
// generated from the types the decoder fills and the tables vanban reads
// (document types, embedded catalogues).
func Schema(name string) ([]byte, error) {
	var s map[string]any
	var err error
	switch name {
	case "document":
		s, err = documentSchema()
	case "report":
		s, err = reportSchema()
	case "catalogue":
		s = schema.Generate(report.Catalogue{}, schema.Options{ID: SchemaFile(name),
			Title:       "vanban: bộ chỉ tiêu thống kê (bdg-indicators/v1)",
			Description: "Bộ chỉ tiêu của một chiến lược: các mục tiêu, số liệu thu thập và chỉ tiêu tính từ số liệu.",
			Named:       map[string]map[string]any{"catalogue-schema": {"const": report.CatalogueSchema}}})
	default:
		return nil, fmt.Errorf("unknown schema %q (known: document, report, catalogue)", name)
	}
	if err != nil {
		return nil, err
	}
	return json.MarshalIndent(s, "", "  ")
}

func documentSchema() (map[string]any, error) {
	types, err := docTypes("")
	if err != nil {
		return nil, err
	}
	var keys, names []any
	var slugs []string
	for _, t := range types {
		keys = append(keys, t.Key)
		names = append(names, fmt.Sprintf("%s (%s)", t.Name, t.Abbr))
		slugs = append(slugs, t.Key)
	}
	doctype := map[string]any{"anyOf": []any{
		map[string]any{"enum": keys, "enumDescriptions": names, "markdownEnumDescriptions": names},
		map[string]any{"type": "string", "pattern": schema.SlugOf(slugs...)},
	}}
	level := func(keys, printed []string) map[string]any {
		var enum []any
		for _, p := range printed {
			enum = append(enum, p)
		}
		return map[string]any{"anyOf": []any{
			map[string]any{"enum": enum},
			map[string]any{"type": "string", "pattern": schema.SlugOf(keys...)},
		}}
	}
	return schema.Generate(document.Document{}, schema.Options{ID: SchemaFile("document"),
		Title:       "vanban: văn bản hành chính",
		Description: "Một văn bản hành chính theo Nghị định 30/2020/NĐ-CP (chương trình, kế hoạch, công văn, quyết định …), vanban in ra PDF.",
		Named: map[string]map[string]any{
			"doctype":    doctype,
			"urgency":    level(document.Urgencies()),
			"secrecy":    level(document.Secrecies()),
			"recipients": document.RecipientsSchema(),
			"item-style": {"anyOf": []any{
				map[string]any{"enum": []any{"paragraph", "hanging"}},
				map[string]any{"type": "string", "pattern": schema.Caseless(document.ItemStyles()...)},
			}},
			"numbering": {"anyOf": []any{
				map[string]any{"enum": []any{"decimal"}},
				map[string]any{"type": "string", "pattern": schema.SlugOf(document.DecimalNumbering...)},
			}},
		}}), nil
}

// reportSchema describes a period file; for each embedded catalogue it
// adds, when the file names it, the measures its data may hold (with the
// shape of their figures) and the indicators its targets may name.
func reportSchema() (map[string]any, error) {
	var names []any
	var when []any
	for _, name := range report.Embedded {
		names = append(names, name)
		src, err := templates.Read("catalogues/"+name+".yaml", "")
		if err != nil {
			return nil, err
		}
		cat, diags := report.LoadCatalogue("templates/catalogues/"+name+".yaml", src)
		if cat == nil || diags.HasErrors() {
			return nil, fmt.Errorf("the embedded catalogue %s: %v", name, diags)
		}
		when = append(when, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"catalogue": map[string]any{"const": name}}, "required": []any{"catalogue"}},
			"then": catalogueRules(cat),
		})
	}
	s := schema.Generate(report.Period{}, schema.Options{ID: SchemaFile("report"),
		Title:       "vanban: báo cáo số liệu bình đẳng giới (bdg-period/v1)",
		Description: "Số liệu thô của một kỳ báo cáo theo từng đơn vị; vanban tính các chỉ tiêu và in ra bảng tính Excel.",
		Named: map[string]map[string]any{
			"period-schema": {"const": report.PeriodSchema},
			"catalogue-name": {"anyOf": []any{
				map[string]any{"enum": names},
				map[string]any{"type": "string", "pattern": `[/\\]|\.ya?ml\s*$`},
			}},
		}})
	s["allOf"] = when
	return s, nil
}

// catalogueRules narrows a period file to one catalogue's measures and
// indicators.
func catalogueRules(cat *report.Catalogue) map[string]any {
	measures := map[string]any{}
	for i := range cat.Measures {
		m := &cat.Measures[i]
		measures[m.ID] = m.FigureSchema()
	}
	var ids []any
	for _, id := range cat.IndicatorIDs() {
		ids = append(ids, id)
	}
	byIndicator := map[string]any{"propertyNames": map[string]any{"enum": ids}}
	return map[string]any{"properties": map[string]any{
		"data": map[string]any{"additionalProperties": map[string]any{
			"properties": measures, "additionalProperties": false}},
		"targets":         byIndicator,
		"last_year":       byIndicator,
		"indicator_notes": byIndicator,
	}}
}
