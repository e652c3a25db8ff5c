package document

import (
	"strings"
	"testing"
)

// indexMarkup finds what strings.IndexAny(s, `\*`) finds.
func TestIndexMarkup(t *testing.T) {
	for _, s := range []string{"", "a", "*", `\`, `a\*b`, `ab*c\d`, `ab\c*d`, "**đậm**", "không có", `\\`, "a*", `x\`} {
		if got, want := indexMarkup(s), strings.IndexAny(s, `\*`); got != want {
			t.Errorf("indexMarkup(%q) = %d, want %d", s, got, want)
		}
	}
}
