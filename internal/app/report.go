package app

import (
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/summary"
	"github.com/vanban/vanban/internal/xlsx"
	"github.com/vanban/vanban/templates"
)

// The gender-equality statistics report: a period file of raw counts
// ("schema: bdg-period/v1") becomes an Excel workbook.
func init() {
	Register(Kind{
		Name:  "report",
		Ext:   ".xlsx",
		Match: isReport,
		Build: buildReport,
		Uses:  reportUses,
		Starters: func() map[string][]byte {
			src, err := templates.Read("starters/bao-cao-bdg.yaml", "")
			if err != nil {
				return nil
			}
			return map[string][]byte{"bao-cao-bdg": src}
		},
	})
}

func isReport(root *yaml.Node) bool {
	n := decode.Lookup(root, "schema")
	return n != nil && n.Kind == yaml.ScalarNode && strings.HasPrefix(n.Value, report.SchemaPrefix)
}

func buildReport(dec *decode.Decoder, root *yaml.Node, opt Options) Outputs {
	r := report.Load(dec, root, opt.TemplateDir)
	if r == nil {
		return nil
	}
	return Outputs{
		{Format: "xlsx", Ext: ".xlsx", MediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			Write: func(w io.Writer) error { return xlsx.Write(r, w) }},
		{Format: "html", Ext: ".html", MediaType: "text/html; charset=utf-8",
			Write: func(w io.Writer) error { return summary.Write(w, r) }},
	}
}
