package summary_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/app"
)

// The summary of every example report: one row per indicator of its
// catalogue, the names with their templates filled, the assessments the
// workbook prints.
func TestExampleSummaries(t *testing.T) {
	files, _ := filepath.Glob("../../examples/bao-cao-*.yaml")
	if len(files) == 0 {
		t.Fatal("no example report")
	}
	reports := 0
	for _, f := range files {
		src, _ := os.ReadFile(f)
		kind, outs, diags := app.Build(f, src, app.Options{})
		if kind.Name == "document" {
			continue // a báo cáo that is a document
		}
		if kind.Name != "report" || len(outs) == 0 {
			t.Fatalf("%s: %v", f, diags)
		}
		reports++
		o, ok := outs.Preview()
		if !ok || o.Format != "html" {
			t.Fatalf("%s: no HTML summary", f)
		}
		var b bytes.Buffer
		if err := o.Write(&b); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		if strings.Contains(html, "{") || !strings.Contains(html, "<table>") || !strings.Contains(html, "Đạt") {
			t.Errorf("%s: %.400s", f, html)
		}
		if n := strings.Count(html, "data-indicator="); n < 10 {
			t.Errorf("%s: %d indicator rows", f, n)
		}
	}
	if reports < 2 {
		t.Errorf("%d example reports", reports)
	}
}
