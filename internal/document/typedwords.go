package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The labels a clerk types before what vanban prints itself ("Kính gửi:",
// "Nơi nhận:", "- Lưu: VT", "Phần thứ") are read with the few functions
// below, not with regular expressions: every process reads them, and
// compiling the expressions cost more than the reading. Each says the
// expression it matches exactly as Go's regexp would (the tests compare
// them): \s is ASCII white space, (?i) simple Unicode case folding.

// labelPrefix returns the start of s that is the words of phrase typed as
// a label, `^\s*(?i:PHRASE)\s*:?\s*` with each space of phrase as \s+; ""
// when s does not start with it.
func labelPrefix(s, phrase string) string {
	i := spaceLen(s)
	n := phraseLen(s[i:], phrase)
	if n < 0 {
		return ""
	}
	i += n
	i += spaceLen(s[i:])
	if i < len(s) && s[i] == ':' {
		i++
	}
	return s[:i+spaceLen(s[i:])]
}

// toLabel, recipientLabel: "Kính gửi:" and "Nơi nhận:" typed at the start.
func toLabel(s string) string        { return labelPrefix(s, "kính gửi") }
func recipientLabel(s string) string { return labelPrefix(s, "nơi nhận") }

// archiveWord returns the "Lưu:" typed at the start of s, with a dash
// before it, `^\s*([-–]\s*)?(?i:lưu)(\s*[:.]\s*|\s+)`; "" when there is
// none.
func archiveWord(s string) string {
	i, ok := archiveStart(s)
	if !ok {
		return ""
	}
	j := i + spaceLen(s[i:])
	if j < len(s) && (s[j] == ':' || s[j] == '.') {
		j++
		return s[:j+spaceLen(s[j:])]
	}
	if j > i {
		return s[:j]
	}
	return ""
}

// archiveStart reads `^\s*([-–]\s*)?(?i:lưu)` and returns its end.
func archiveStart(s string) (int, bool) {
	i := spaceLen(s)
	for _, dash := range []string{"-", "–"} {
		if strings.HasPrefix(s[i:], dash) {
			i += len(dash)
			i += spaceLen(s[i:])
			break
		}
	}
	n := foldLen(s[i:], "lưu")
	return i + n, n >= 0
}

// isArchiveLine reports whether s is a "Lưu" line typed among the
// recipients: "Lưu: VT", "Lưu.VT", "Lưu VT, PLĐ", "Lưu văn thư", "Lưu
// VP." (a unit's abbreviation in capitals), "- Lưu: VT" (a dash typed in
// a literal block); not "Lưu Văn Hùng" or "LƯU VĂN HÙNG", a name. It is
// `^\s*([-–]\s*)?(?i:lưu)(\s*[:.]\s*|\s+((?i:vt|hs|văn\s+thư|hồ\s+sơ)|[A-ZĐ][A-ZĐ0-9&]+)([\s,;.]|$))`.
func isArchiveLine(s string) bool {
	i, ok := archiveStart(s)
	if !ok {
		return false
	}
	j := i + spaceLen(s[i:])
	if j < len(s) && (s[j] == ':' || s[j] == '.') {
		return true
	}
	if j == i {
		return false
	}
	rest := s[j:]
	for _, w := range []string{"vt", "hs", "văn thư", "hồ sơ"} {
		if n := phraseLen(rest, w); n >= 0 && archiveEnd(rest[n:]) {
			return true
		}
	}
	// An abbreviation in capitals: the longest run is the only one that
	// can end where the expression wants, since a shorter one is followed
	// by a character of the run.
	n := 0
	for k, r := range rest {
		if !(r >= 'A' && r <= 'Z' || r == 'Đ' || k > 0 && (r >= '0' && r <= '9' || r == '&')) {
			break
		}
		n = k + utf8.RuneLen(r)
	}
	return n > 0 && utf8.RuneCountInString(rest[:n]) >= 2 && archiveEnd(rest[n:])
}

// archiveEnd reports whether s starts with what may follow the archive's
// place: `[\s,;.]|$`.
func archiveEnd(s string) bool {
	return s == "" || spaceLen(s) > 0 || s[0] == ',' || s[0] == ';' || s[0] == '.'
}

// partWord reads "Phần" or "Phần thứ" typed at the start of a heading,
// `^\s*(?i:phần)\s+((?i:thứ)\s+)?`: it returns the end of what it read,
// whether "thứ" was among it, and false when s does not start with "Phần".
func partWord(s string) (end int, ordinal bool, ok bool) {
	i := spaceLen(s)
	n := foldLen(s[i:], "phần")
	if n < 0 {
		return 0, false, false
	}
	i += n
	sp := spaceLen(s[i:])
	if sp == 0 {
		return 0, false, false
	}
	i += sp
	if n := foldLen(s[i:], "thứ"); n >= 0 {
		if sp := spaceLen(s[i+n:]); sp > 0 {
			return i + n + sp, true, true
		}
	}
	return i, false, true
}

// spaceLen returns the length of the white space \s matches (tab, line
// feed, form feed, carriage return, space) at the start of s.
func spaceLen(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// phraseLen returns the length of the start of s that is the words of
// phrase, letter case aside, with white space (\s+) where phrase has a
// space; -1 when s does not start with them.
func phraseLen(s, phrase string) int {
	i := 0
	for {
		word, more, found := strings.Cut(phrase, " ")
		n := foldLen(s[i:], word)
		if n < 0 {
			return -1
		}
		i += n
		if !found {
			return i
		}
		sp := spaceLen(s[i:])
		if sp == 0 {
			return -1
		}
		i += sp
		phrase = more
	}
}

// foldLen returns the length of the start of s that is word, letter case
// aside as (?i) has it (simple Unicode case folding: k matches K and the
// Kelvin sign); -1 when s does not start with word.
func foldLen(s, word string) int {
	i := 0
	for _, w := range word {
		if i >= len(s) {
			return -1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !sameFold(r, w) {
			return -1
		}
		i += n
	}
	return i
}

// sameFold reports whether r and w are the same letter in some case.
func sameFold(r, w rune) bool {
	if r == w {
		return true
	}
	for f := unicode.SimpleFold(w); f != w; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}
