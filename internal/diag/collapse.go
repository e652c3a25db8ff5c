package diag

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// listIndex finds the index of a row of a table ("rows[12]") or, in any
// other path, its last index ("recipients[3]").
var (
	rowIndex  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\.rows\[\d+\]`) })
	lastIndex = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\d+\]([^\[]*)$`) })
)

// Collapse reports a problem repeated identically along a list once, at
// its first place, with the count of the others: a table with one column
// too many says so once for the column ("… (và 4.999 dòng khác)"), not
// once for each of its 5,000 rows. Problems are the same when they have
// the same severity, code and words, at paths that differ only in the
// row of a table (the column stays apart) or in the last index of a list.
// Problems without a code (older English-only messages) are kept as they
// are.
func Collapse(l List) List {
	type key struct {
		sev                  Severity
		code, vi, en, fv, fe string
		pattern              string
	}
	first := map[key]int{}
	count := map[int]int{}
	rows := map[int]bool{}
	out := l[:0:0]
	for _, d := range l {
		pattern, row := "", false
		switch {
		case d.Code == "":
		case rowIndex().MatchString(d.Field):
			pattern, row = rowIndex().ReplaceAllString(d.Field, ".rows[*]"), true
		case lastIndex().MatchString(d.Field):
			pattern = lastIndex().ReplaceAllString(d.Field, "[*]$1")
		}
		if pattern == "" {
			out = append(out, d)
			continue
		}
		k := key{d.Severity, d.Code, d.Vi, d.En, d.FixVi, d.FixEn, pattern}
		if i, ok := first[k]; ok {
			count[i]++
			continue
		}
		first[k] = len(out)
		rows[len(out)] = row
		out = append(out, d)
	}
	for i, n := range count {
		vi, en := "chỗ", "more places"
		if rows[i] {
			vi, en = "dòng", "more rows"
		}
		if n == 1 && rows[i] {
			en = "more row"
		} else if n == 1 {
			en = "more place"
		}
		if out[i].Vi != "" { // an English-only text keeps falling back to its English
			out[i].Vi += fmt.Sprintf(" (và %s %s khác)", groupThousands(n), vi)
		}
		out[i].En += fmt.Sprintf(" (and %s %s)", strconv.Itoa(n), en)
	}
	return out
}

// groupThousands writes n with a dot between thousands, as Vietnamese does.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
