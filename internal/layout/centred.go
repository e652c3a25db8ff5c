package layout

import (
	"math"
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/viet"
)

// Costs of the choices centreBreaks weighs, in one unit: a line more, a
// break of each rating, and the shape of neighbouring lines as a fraction
// of the measure.
const (
	costLine    = 3
	costPhrase  = 1   // before a word that starts a phrase: less of a pause than a comma
	costFair    = 2   // a break between syllables not known to belong together
	costName    = 4   // inside a short proper name
	costPoor    = 6   // inside a known word, after a linking word, before a number
	costNever   = 1e6 // a word from its number, a number from its unit
	costOver    = 4   // a line wider than the measure (within the overflow allowed)
	costCrowded = 4   // a line filling more than overflow.crowd of its column
	costInvert  = 10  // a line longer than the one above it
	costUneven  = 3   // a line shorter than the one above it
	costRagged  = 2   // a line much shorter than the one above it, again
	raggedRatio = 0.6
	fitTolerant = 1e-6
)

// overflow is how much wider than the measure a centred line may be, in
// total over both sides, on the first line of a block and on the others:
// a header line may run a little past its column (see header.go). crowd,
// when not 0, is the share of the measure above which a block set on one
// line looks crowded in its column: the line costs costCrowded, so that
// it goes on two at a good break.
type overflow struct{ first, rest, crowd float64 } // first ≤ rest

// centreBreaks breaks a centred name or title into lines no wider than
// the measure. Among all ways of breaking it, it takes the one that reads
// best (nd30.md §2.3, §2.6 leave this to the drafter): as few lines as
// possible; breaks after a comma or before a word that starts a phrase
// (VÀ, CỦA, VỀ, TRÊN, TẠI, NĂM, TỈNH, THỊ XÃ …), never inside a known
// compound word or after a linking word (viet.LineBreak); each line no
// longer than the one above it, and not much shorter. A line may use the overflow
// when that spares a poor break. A no-break space (U+00A0) glues two
// words.
func centreBreaks(p Para, m Measurer, over overflow) []brokenLine {
	return centreWords(p, words(p.Spans, p.Size, m), m, over)
}

// centreWords breaks the paragraph's words, as centreBreaks; it takes ws
// over.
func centreWords(p Para, ws []word, m Measurer, over overflow) []brokenLine {
	for i := 0; i < len(ws); i++ { // a word wider than the measure is cut
		if ws[i].w > p.Width+fitTolerant {
			if head, rest := splitFirst(ws[i], p.Width, p.Size, m); len(rest.frags) > 0 {
				ws[i] = head
				ws = slices.Insert(ws, i+1, rest)
			}
		}
	}
	n := len(ws)
	if n == 0 {
		return []brokenLine{{last: true}}
	}
	// pre[i] is the width of words[:i] with the space after each.
	pre := make([]float64, n+1)
	for i, w := range ws {
		pre[i+1] = pre[i] + w.w + w.space
	}
	width := func(s, e int) float64 { return pre[e] - pre[s] - ws[e-1].space }
	texts := make([]string, n)
	for i, w := range ws {
		texts[i] = wordText(w)
	}
	breakCost := make([]float64, n)
	for i, r := range viet.LineBreaks(texts, p.names) {
		breakCost[i] = [...]float64{viet.BreakFair: costFair, viet.BreakName: costName, viet.BreakPoor: costPoor, viet.BreakNever: costNever}[r]
		if r == viet.BreakGood && abstract[p.Tag] && !strings.HasSuffix(texts[i-1], ",") {
			// In a sentence-like title, a comma is the stronger
			// pause: "… Hội đồng nhân dân các cấp, / nhiệm kỳ …"
			// rather than "… Hội đồng nhân dân / các cấp, nhiệm kỳ …".
			// (A name breaks at its level: ỦY BAN NHÂN DÂN / XÃ HÀ LAN.)
			breakCost[i] = costPhrase
		}
	}
	limit := func(s int) float64 {
		if s == 0 {
			return p.Width + over.first + fitTolerant
		}
		return p.Width + over.rest + fitTolerant
	}
	// lineCost is the cost of the line words[s:e].
	lineCost := func(s, e int) float64 {
		w, c := width(s, e), float64(costLine)
		if w > p.Width+fitTolerant && e > s+1 {
			return c + costOver
		}
		if over.crowd > 0 && w > over.crowd*p.Width && s == 0 && e == n && e > 1 {
			c += costCrowded // (costOver replaces it beyond the measure)
		}
		return c
	}
	// reach[s] is the end of the longest line that can start at word s.
	reach := make([]int, n)
	for s := range reach {
		e := s + 1
		for e < n && width(s, e+1) <= limit(s) {
			e++
		}
		reach[s] = e
	}
	// cost[s][e-s-1] is the best cost of words[:e] with the last line
	// words[s:e]; from[s][e-s-1] the start of the line before it.
	// The rows share two arrays.
	cells := 0
	for s, e := range reach {
		cells += e - s
	}
	costs, froms := make([]float64, cells), make([]int, cells)
	for k := range costs {
		costs[k] = math.Inf(1)
	}
	cost := make([][]float64, n)
	from := make([][]int, n)
	for s, e := range reach {
		cost[s], costs = costs[:e-s:e-s], costs[e-s:]
		from[s], froms = froms[:e-s:e-s], froms[e-s:]
	}
	for e := 1; e <= reach[0]; e++ {
		cost[0][e-1] = lineCost(0, e)
	}
	for s := 1; s < n; s++ {
		for e := s + 1; e <= reach[s]; e++ {
			cur, line := width(s, e), lineCost(s, e)
			best := &cost[s][e-s-1]
			// reach grows with q (over.first ≤ over.rest), so no line
			// before the first that cannot reach s can either.
			for q := s - 1; q >= 0 && reach[q] >= s; q-- {
				before := cost[q][s-q-1]
				if math.IsInf(before, 1) {
					continue
				}
				prev := width(q, s)
				c := before + line + breakCost[s] +
					(costInvert*max(0, cur-prev)+costUneven*max(0, prev-cur)+costRagged*max(0, raggedRatio*prev-cur))/p.Width
				if c < *best {
					*best, from[s][e-s-1] = c, q
				}
			}
		}
	}
	last := -1
	for s := 0; s < n; s++ {
		if reach[s] == n && (last < 0 || cost[s][n-s-1] < cost[last][n-last-1]) {
			last = s
		}
	}
	var lines []brokenLine
	for s, e := last, n; ; s, e = from[s][e-s-1], s {
		lines = append([]brokenLine{{words: ws[s:e], indent: p.Rest}}, lines...)
		if s == 0 {
			break
		}
	}
	lines[0].indent = p.First
	lines[len(lines)-1].last = true
	return lines
}

// abstract are the tags of the titles set in the text block's width, written as
// sentences (a công văn's V/v, in its narrow column, keeps to the ratings).
var abstract = map[string]bool{"title": true, "attachment-title": true}

// wordText is the text of a word without its styles.
func wordText(w word) string {
	if len(w.frags) == 1 {
		return w.frags[0].s
	}
	var b strings.Builder
	for _, f := range w.frags {
		b.WriteString(f.s)
	}
	return b.String()
}

// oneLine keeps a paragraph on one line whatever its width: a line the
// user set in a list is never re-wrapped.
func oneLine(p Para, m Measurer) []brokenLine {
	return []brokenLine{{words: words(p.Spans, p.Size, m), indent: p.First, last: true}}
}
