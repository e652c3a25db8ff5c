package document

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/viet"
)

// Numbering of the sections (nd30.md §2.10, table B, and practice):
//
//   - the default: "1.", "a)" when no section has sub-sections (the seed
//     document); "I.", "1.", "a)" over two or three levels (the decree's
//     báo cáo and kế hoạch); over four levels "I.", "1.", "1.1.", "a)",
//     as provinces' plans number their sub-sections (Bắc Ninh's Kế hoạch
//     155/KH-UBND: "2.1." under "II.");
//   - style.numbering: decimal, for documents numbered "1.", "1.1.",
//     "1.1.1.", "1.1.1.1." throughout (reports of ministries and projects);
//   - a run-in title, "Mục tiêu 1: …" (Nghị quyết 28/NQ-CP's targets), is
//     a section with run_in: Mục tiêu: its label is the word and a number
//     counted through the document, bold, on the line of its heading; it
//     takes no level of the outline.
//
// Deeper than four levels is an error.

// maxLevels is the deepest outline numbering.
const maxLevels = 4

// Decimal reports whether the document numbers its sections "1.1.".
func (o StyleOptions) Decimal() bool {
	return slices.Contains(DecimalNumbering, viet.Slug(trim(o.Numbering.Value)))
}

// DecimalNumbering are the names of decimal numbering (1., 1.1., 1.1.1.),
// written without diacritics.
var DecimalNumbering = []string{"decimal", "thap-phan", "1-1"}

// numberer gives each section of one flow (the body, an appendix) its
// label.
type numberer struct {
	decimal bool
	depth   int
	counts  []int          // the counts of the levels down to the last labelled
	runIns  map[string]int // run-in labels, counted through the flow; made at the first one
}

func newNumberer(ss []Section, decimal bool) *numberer {
	return &numberer{decimal: decimal, depth: maxDepth(ss)}
}

// label returns the label of the i-th (0-based) section of a list at
// level (1 for the outermost).
func (nb *numberer) label(s *Section, level, i int) string {
	if w := runInWord(s); w != "" {
		key := strings.ToLower(w)
		if nb.runIns == nil {
			nb.runIns = map[string]int{}
		}
		nb.runIns[key]++
		if strings.HasSuffix(key, "thứ") { // "Phần thứ nhất:", not "Phần thứ 1:"
			return w + " " + viet.Ordinal(nb.runIns[key]) + ":"
		}
		return w + " " + itoa(nb.runIns[key]) + ":"
	}
	nb.counts = append(nb.counts[:min(level-1, len(nb.counts))], i+1)
	for len(nb.counts) < level {
		nb.counts = append([]int{1}, nb.counts...) // unreachable in a walk from level 1
	}
	n := i + 1
	switch {
	case nb.decimal:
		var b strings.Builder
		for _, c := range nb.counts[:level] {
			b.WriteString(itoa(c) + ".")
		}
		return b.String()
	case nb.depth <= 1:
		return [...]string{itoa(n) + ".", viet.Letter(n) + ")"}[min(level, 2)-1]
	case nb.depth <= 3:
		return [...]string{viet.Roman(n) + ".", itoa(n) + ".", viet.Letter(n) + ")"}[min(level, 3)-1]
	}
	switch min(level, maxLevels) {
	case 1:
		return viet.Roman(n) + "."
	case 2:
		return itoa(n) + "."
	case 3:
		return itoa(nb.counts[1]) + "." + itoa(n) + "."
	}
	return viet.Letter(n) + ")"
}

// levels is the number of levels the numbering has.
func (nb *numberer) levels() int {
	if !nb.decimal && nb.depth <= 1 {
		return 2
	}
	if !nb.decimal && nb.depth <= 3 {
		return 3
	}
	return maxLevels
}

// runInWord is the word of a run-in title ("Mục tiêu"), "" for a section
// numbered by its level.
func runInWord(s *Section) string { return strings.Join(strings.Fields(s.RunIn.Value), " ") }

// maxDepth is how many levels of the outline sections take; a run-in
// title takes none.
func maxDepth(ss []Section) int {
	d := 0
	for i := range ss {
		if runInWord(&ss[i]) != "" {
			d = max(d, maxDepth(ss[i].Sections))
			continue
		}
		d = max(d, 1+maxDepth(ss[i].Sections))
	}
	return d
}

// childLevel is the level of the sub-sections of s, at level.
func childLevel(s *Section, level int) int {
	if runInWord(s) != "" {
		return level
	}
	return level + 1
}
