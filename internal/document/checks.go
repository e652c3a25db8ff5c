package document

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Checks a văn thư makes before a document goes to be signed, each a
// warning at its place: a trích yếu or a heading typed in capitals where
// the decree wants sentence case (nd30.md §2.6, §2.10: capitals take more
// lines and, in a narrow title, break inside words); a signer's name in
// capitals (§2.11: "Nguyễn Văn A", in normal case); a date in the body
// written in a form the header would refuse.
func (v *validator) clerkChecks() {
	for f := range v.doc.Fields() {
		switch {
		case f.Role == TitleText, f.Role == HeadingText && !isRoman(f.Label), f.Role == ArticleTitle, f.Role == ClauseTitle:
			v.capitals(f)
		case f.Role == SignerText && v.isName(f.Text):
			v.nameCapitals(*f.Text)
		}
		if inBody(f.Role) {
			v.dates(*f.Text)
		}
	}
}

// isName reports whether t is a signer's name.
func (v *validator) isName(t *Text) bool {
	for _, s := range v.doc.Signatures() {
		if t == &s.Name {
			return true
		}
	}
	return false
}

// inCapitals reports whether s is a phrase typed in capitals: two words or
// more, four letters or more, none of them small.
func inCapitals(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 4 && len(strings.Fields(s)) >= 2
}

// capitals warns about a title or a heading typed in capitals, with the
// text in sentence case (the capitals of proper names kept by the rules of
// viet.NameInText, which the clerk checks).
func (v *validator) capitals(f Field) {
	s := oneLine(strings.ReplaceAll(f.Value, "*", ""))
	if !inCapitals(s) {
		return
	}
	what, whatEn := "trích yếu", "the abstract (trích yếu)"
	if f.Role != TitleText {
		what, whatEn = "tiêu đề", "the heading"
	}
	fixed := sentenceCase(s)
	v.d.WarningAt(Locate(v.doc.Source, *f.Text, leadingSpace(f.Value)), f.Path, diag.Msg{
		Code:  "text.capitals",
		Vi:    what + " được gõ toàn chữ in hoa; Nghị định 30 trình bày " + what + " bằng chữ in thường (viết hoa chữ đầu và tên riêng)",
		En:    whatEn + " is typed in capitals; Nghị định 30 sets it in sentence case (a capital first letter and proper names)",
		FixVi: "gõ: " + fixed + " (kiểm tra lại chữ hoa của tên riêng)", // whole, to be copied
		FixEn: fixed + " (check the capitals of proper names)",
	})
}

// sentenceCase writes a phrase typed in capitals as a sentence (Nghị định
// 30, Phụ lục II): small letters, a capital first letter; the names of the
// People's Committees and Councils with theirs; the place after tỉnh,
// huyện, quận, xã, phường, thị xã, thị trấn, thành phố with its capitals,
// up to a word that ends a name (năm, giai đoạn, về, của …) or a figure;
// a body named by a known field with its capitals ("Sở Thông tin và
// Truyền thông"); an abbreviation (TTHC, HĐND) as typed.
func sentenceCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	up := func(i int) {
		r, n := utf8.DecodeRuneInString(words[i])
		words[i] = string(unicode.ToUpper(r)) + words[i][n:]
	}
	for i := 0; i < len(words); i++ {
		rest := strings.Join(words[i:min(i+4, len(words))], " ")
		if strings.HasPrefix(rest, "ủy ban nhân dân") || strings.HasPrefix(rest, "uỷ ban nhân dân") || strings.HasPrefix(rest, "hội đồng nhân dân") {
			up(i)
			continue
		}
		unit := 0
		switch {
		case i+1 < len(words) && (words[i] == "thị" && (words[i+1] == "xã" || words[i+1] == "trấn") || words[i] == "thành" && words[i+1] == "phố"):
			unit = 2
		case words[i] == "tỉnh" || words[i] == "huyện" || words[i] == "quận" || words[i] == "xã" || words[i] == "phường":
			unit = 1
		}
		if unit == 0 || words[i] == "xã" && i+1 < len(words) && strings.Trim(words[i+1], ",;:.") == "hội" { // xã hội, society, is no commune
			continue
		}
		for j := i + unit; j < len(words) && j < i+unit+3 && !nameEnds[strings.Trim(words[j], ",;:.")]; j++ {
			if r, _ := utf8.DecodeRuneInString(words[j]); unicode.IsDigit(r) {
				break
			}
			up(j)
		}
	}
	viet.BodiesInText(words)
	for i, w := range strings.Fields(s) {
		if viet.IsAcronym(w) {
			words[i] = w // TTHC, UBND, THCS keep their capitals
		}
	}
	switch {
	case len(words) > 1 && typedLabel().MatchString(words[0]):
		// A number typed before the text ("I. MỤC TIÊU"): its
		// Roman numeral stays in capitals, the text starts with one.
		words[0] = strings.ToLower(words[0])
		if r := strings.TrimRight(words[0], ".)"); strings.Trim(r, "ivxl") == "" {
			words[0] = strings.ToUpper(words[0])
		}
		up(1)
	case len(words) > 0:
		up(0)
	}
	return strings.Join(words, " ")
}

// typedLabel is a number typed before a title, in small letters: "ii.",
// "2.", "b)".
var typedLabel = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?i:\d{1,2}|[ivxl]{1,6}|[a-zđ])[.)]$`) })

// nameEnds are the words that end a place's name in a title.
var nameEnds = map[string]bool{"năm": true, "giai": true, "về": true, "và": true, "của": true, "trên": true, "tại": true,
	"đến": true, "theo": true, "nhiệm": true, "trong": true, "với": true, "cho": true, "-": true, "–": true}

// nameCapitals warns about a signer's name typed in capitals.
func (v *validator) nameCapitals(t Text) {
	s := oneLine(t.Value)
	if !inCapitals(s) {
		return
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	fixed := strings.Join(words, " ")
	v.d.WarningAt(Locate(v.doc.Source, t, leadingSpace(t.Value)), t.Path, diag.Msg{
		Code:  "signer.name-capitals",
		Vi:    "họ tên người ký được gõ toàn chữ in hoa; Nghị định 30 trình bày họ tên bằng chữ in thường, viết hoa chữ đầu mỗi tiếng",
		En:    "the signer's name is typed in capitals; Nghị định 30 sets it in normal case, each syllable capitalised",
		FixVi: "name: " + fixed,
		FixEn: fixed,
	})
}

// Dates in the body: "ngày 5 tháng 3 năm 2025" and "ngày 05/3/2025". The
// word "ngày" before them makes them plainly dates. They are read by the
// two functions below, as the expressions
//
//	(?i)\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})
//	(?i)\bngày\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{4})\b
//
// read them (the tests compare them), without compiling the expressions
// in every process.

// longDateAt reads a date in words at the start of s, "ngày 5 tháng 3 năm
// 2025", and returns the offsets of the date and of its day, month and
// year, as FindStringSubmatchIndex gives them; nil when there is none.
func longDateAt(s string) []int {
	m := []int{0, 0}
	i := foldLen(s, "ngày")
	for k, word := range []string{"", "tháng", "năm"} {
		if i < 0 {
			return nil
		}
		if word != "" {
			i = skipWord(s, i, word)
			if i < 0 {
				return nil
			}
		}
		sp := spaceLen(s[i:])
		if sp == 0 {
			return nil
		}
		i += sp
		n := digitLen(s[i:])
		switch {
		case k < 2 && (n < 1 || n > 2):
			return nil
		case k == 2 && n < 4:
			return nil
		case k == 2:
			n = 4
		}
		m = append(m, i, i+n)
		i += n
	}
	m[1] = i
	return m
}

// skipWord reads the white space before word at s[i:] and word, and
// returns where they end; -1 when they are not there.
func skipWord(s string, i int, word string) int {
	sp := spaceLen(s[i:])
	if sp == 0 {
		return -1
	}
	n := foldLen(s[i+sp:], word)
	if n < 0 {
		return -1
	}
	return i + sp + n
}

// numericDateAt reads a date in figures at the start of s, "ngày
// 05/3/2025", and returns the offsets of the date and of its day, first
// separator, month, second separator and year; nil when there is none.
func numericDateAt(s string) []int {
	i := foldLen(s, "ngày")
	if i < 0 {
		return nil
	}
	sp := spaceLen(s[i:])
	if sp == 0 {
		return nil
	}
	i += sp
	m := []int{0, 0}
	for k := range 3 {
		if k > 0 { // a separator between white space
			i += spaceLen(s[i:])
			if i == len(s) || s[i] != '/' && s[i] != '.' && s[i] != '-' {
				return nil
			}
			m = append(m, i, i+1)
			i++
			i += spaceLen(s[i:])
		}
		n := digitLen(s[i:])
		switch {
		case k < 2 && (n < 1 || n > 2):
			return nil
		case k == 2 && (n != 4 || i+n < len(s) && wordByte(s[i+n])):
			return nil // \d{4}\b: four figures, then no letter or figure
		}
		m = append(m, i, i+n)
		i += n
	}
	m[1] = i
	return m
}

// digitLen returns how many ASCII figures s starts with.
func digitLen(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// datesIn returns, as FindAllStringSubmatchIndex gives them, the dates
// at(s[i:]) reads where "ngày" starts a word of s; each search starts
// after the date before.
func datesIn(at func(string) []int, s string) [][]int {
	var out [][]int
	end := 0
	for i := nextNgay(s, 0); i >= 0; i = nextNgay(s, i+1) {
		if i < end {
			continue
		}
		m := at(s[i:])
		if m == nil {
			continue
		}
		for k := range m {
			m[k] += i
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}

// ngayAt reports whether "ngày" in some letter case starts at s[i:].
func ngayAt(s string, i int) bool {
	return s[i]|0x20 == 'n' && s[i+1]|0x20 == 'g' && s[i+2] == 0xC3 &&
		(s[i+3] == 0xA0 || s[i+3] == 0x80) && s[i+4]|0x20 == 'y'
}

// nextNgay returns where the first "ngày" (in any case) that starts a
// word of s at or after from starts, or -1. j is where its "à" would
// start (its first byte, C3, is that of À too): a search for that byte
// skips the rest.
func nextNgay(s string, from int) int {
	for j := from + 2; j+3 <= len(s); j++ {
		k := strings.IndexByte(s[j:], 0xC3)
		if k < 0 || j+k+3 > len(s) {
			return -1
		}
		j += k
		if i := j - 2; ngayAt(s, i) && !(i > 0 && wordByte(s[i-1])) {
			return i
		}
	}
	return -1
}

// wordByte reports whether c is an ASCII word character, as \b sees it.
func wordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// dates warns about a date of the body that does not exist (ngày
// 30/02/2025), and about one written in words with the zeros the header
// would not print (Nghị định 30: a day below 10 and months 1 and 2 take a
// zero, the other months none: "ngày 05 tháng 3 năm 2025", not "ngày 5
// tháng 03 năm 2025").
func (v *validator) dates(t Text) {
	if nextNgay(t.Value, 0) < 0 {
		return // most texts: no "ngày" to read a date after, looked for once
	}
	for _, m := range datesIn(longDateAt, t.Value) {
		day, month, year := t.Value[m[2]:m[3]], t.Value[m[4]:m[5]], t.Value[m[6]:m[7]]
		d := viet.Date{Year: atoiS(year), Month: atoiS(month), Day: atoiS(day)}
		typed := t.Value[m[0]:m[1]]
		if !v.possible(t, m[0], typed, d) {
			continue
		}
		if want := d.Long(); !strings.EqualFold(oneLine(typed), want) {
			v.d.WarningAt(Locate(v.doc.Source, t, m[0]), t.Path, diag.Msg{
				Code:  "date.form",
				Vi:    fmt.Sprintf("ngày “%s” không viết như Nghị định 30 viết ngày tháng: ngày nhỏ hơn 10 và tháng 1, 2 có số 0 phía trước, các tháng khác thì không", oneLine(typed)),
				En:    fmt.Sprintf("the date %q is not written as Nghị định 30 writes dates: a zero before a day below 10 and before months 1 and 2, none before the others", oneLine(typed)),
				FixVi: "viết " + want,
				FixEn: want,
			})
		}
	}
	for _, m := range datesIn(numericDateAt, t.Value) {
		if t.Value[m[4]:m[5]] != t.Value[m[8]:m[9]] {
			continue // "ngày 5/3-2025": not plainly one date
		}
		d := viet.Date{Year: atoiS(t.Value[m[10]:m[11]]), Month: atoiS(t.Value[m[6]:m[7]]), Day: atoiS(t.Value[m[2]:m[3]])}
		v.possible(t, m[0], t.Value[m[0]:m[1]], d)
	}
}

// possible reports whether d exists, and warns at off in t when it does
// not.
func (v *validator) possible(t Text, off int, typed string, d viet.Date) bool {
	if d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= viet.DaysIn(d.Year, d.Month) {
		return true
	}
	v.d.WarningAt(Locate(v.doc.Source, t, off), t.Path, diag.Msg{
		Code:  "date.impossible",
		Vi:    fmt.Sprintf("“%s” không phải là một ngày có thật", oneLine(typed)),
		En:    fmt.Sprintf("%q is not a date that exists", oneLine(typed)),
		FixVi: "kiểm tra lại ngày, tháng (ngày đứng trước tháng)",
		FixEn: "the day and the month checked (the day comes first)",
	})
	return false
}

func atoiS(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
