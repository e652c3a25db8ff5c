package app

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/vanban/vanban/internal/diag"
)

// excerptWarnings are the warnings the README's report, an excerpt, is
// rightly given: it leaves out the unit's own bodies and its departments,
// whose indicators then have no value.
var excerptWarnings = map[string]bool{"report.missing-own-figures": true, "report.department-measure-unreported": true}

// The YAML examples in README.md are the input format's contract: each one
// must be accepted as written.
func TestREADMEExamplesAreValid(t *testing.T) {
	readme := readFile(t, "../../README.md")
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) < 2 {
		t.Fatalf("README.md has %d YAML examples, want a document and a report", len(blocks))
	}
	for i, b := range blocks {
		name := fmt.Sprintf("README.md#yaml-%d", i+1)
		_, w, diags := Prepare(name, b[1], Options{})
		for _, d := range diags {
			if d.Severity == diag.Warning && excerptWarnings[d.Code] {
				continue
			}
			t.Errorf("%s", d)
		}
		if w == nil {
			t.Errorf("%s is not accepted", name)
		}
	}
}
