package document

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// Numbers and labels a clerk types although vanban prints them itself:
// "1. Tình hình chung", "I. MỤC ĐÍCH", "a) Yêu cầu", "Điều 1. Thành lập",
// "Phụ lục I", "V/v báo cáo". vanban removes them, with a warning, so that
// nothing is printed twice; a number that is not the one vanban prints
// ("3." where vanban counts 2) gets a warning naming both.
//
// What is a typed number and what is content is decided on the characters
// after it:
//
//   - a number of one or two digits ("1", "12"), a Roman numeral up to
//     XXXIX ("IV"), or one letter ("a", "đ", "B"), or an outline number
//     ("1.2", "1.2.3", each part of one or two digits);
//   - then ".", ")", "/", "-" or "–" (a space is allowed before a dash),
//     or, after an outline number, only a space;
//   - then the text, which must hold a letter: after a space, anything
//     but a digit following "/" or "-"; without a space only a letter,
//     and never after a letter and "." ("P.Bảo vệ" is an abbreviation).
//
// So "1.000 hộ gia đình" (a thousands dot), "2030: năm bản lề" (four
// digits, a colon), "8/3" and "15/11-15/12" (dates), "1 - 2 lần" (a range)
// and "1.5 triệu" (an outline number needs a capital after it) are
// content, printed as written.

// labelForm is the kind of a number.
type labelForm uint8

const (
	noForm  labelForm = iota
	arabic            // 1.
	roman             // I.
	letter            // a)
	outline           // 1.2.
)

// typed is a number or label typed at the start of a text.
type typed struct {
	text string // as typed, without the spaces around it: "3.", "II -", "Điều 1:"
	end  int    // where the text after it starts, in the value
	form labelForm
	n    int // its value; 0 when it has none ("Phụ lục:")
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// leadingSpace is the length of the spaces at the start of s.
func leadingSpace(s string) int { return len(s) - len(strings.TrimLeft(s, " \t\n")) }

// readNumber reads a number at s[i:]: its form, value and end.
func readNumber(s string, i int) (labelForm, int, int) {
	j := i + digitLen(s[i:])
	if d := j - i; d >= 1 && d <= 2 {
		n, _ := strconv.Atoi(s[i:j])
		form := arabic
		for j < len(s) && s[j] == '.' {
			k := j + 1
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			if d := k - j - 1; d < 1 || d > 2 {
				break
			}
			n, _ = strconv.Atoi(s[j+1 : k])
			form, j = outline, k
		}
		return form, n, j
	}
	if j > i {
		return noForm, 0, i // three digits or more: a number, not a label
	}
	for j < len(s) && strings.IndexByte("IVXivx", s[j]) >= 0 {
		j++
	}
	if r := s[i:j]; len(r) >= 1 && (len(r) >= 2 || r == strings.ToUpper(r)) {
		if n := romanValue(strings.ToUpper(r)); n > 0 && n < 40 && (r == strings.ToUpper(r) || r == strings.ToLower(r)) {
			return roman, n, j
		}
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) && r < 0x250 && (r < 0x80 || r == 'đ' || r == 'Đ') {
		return letter, letterValue(r), i + size
	}
	return noForm, 0, i
}

// letterValue is the place of a letter in the Vietnamese order of points
// (a, b, c, d, đ, e, g …), 0 for f, j, w and z, which it skips.
func letterValue(r rune) int { return letterValues[unicode.ToLower(r)] }

// letterValues are the places of the point letters viet.Letter gives for
// 1 to 23, built once.
var letterValues = func() map[rune]int {
	m := map[rune]int{}
	for n := 1; n <= 23; n++ {
		r, _ := utf8.DecodeRuneInString(viet.Letter(n))
		m[r] = n
	}
	return m
}()

// delimited reads what follows a number ending at s[j:]: its delimiter,
// the spaces, and the start of the text. colon allows "Điều 1:".
func delimited(s string, start, j int, form labelForm, colon bool) (typed, bool) {
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	delim := ""
	switch {
	case strings.HasPrefix(s[k:], "-"), strings.HasPrefix(s[k:], "–"):
		_, size := utf8.DecodeRuneInString(s[k:])
		delim, k = s[k:k+size], k+size
	case k > j && form == outline:
		delim = " "
	case k == j && j < len(s) && (strings.IndexByte(".)/", s[j]) >= 0 || colon && s[j] == ':'):
		delim, k = s[j:j+1], j+1
	default:
		return typed{}, false
	}
	spaces := leadingSpace(s[k:])
	rest := s[k+spaces:]
	next, _ := utf8.DecodeRuneInString(rest)
	switch {
	case !strings.ContainsFunc(rest, unicode.IsLetter):
		return typed{}, false
	case delim == " " && !unicode.IsUpper(next):
		return typed{}, false // "1.5 triệu người"
	case spaces == 0 && delim != " " && (!unicode.IsLetter(next) || form == letter && delim == "."):
		return typed{}, false // "1.000", "P.Bảo vệ"
	case (delim == "/" || delim == "-" || delim == "–") && unicode.IsDigit(next):
		return typed{}, false // "8/3", "1 - 2 lần"
	}
	return typed{text: strings.TrimSpace(s[start:k]), end: k + spaces}, true
}

// typedNumber reads a number typed at the start of s, of one of the forms
// allowed.
func typedNumber(s string, allowed ...labelForm) (typed, bool) {
	i := leadingSpace(s)
	form, n, j := readNumber(s, i)
	ok := false
	for _, f := range allowed {
		ok = ok || f == form
	}
	if !ok {
		return typed{}, false
	}
	t, ok := delimited(s, i, j, form, false)
	t.form, t.n = form, n
	return t, ok
}

// Words typed before a number: "Điều 1.", "Khoản 2.", "Phụ lục II".
var (
	articleWord  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?i:điều)\s*(\d{1,3})`) })
	clauseWord   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?i:khoản)\s*(\d{1,2})`) })
	appendixWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?i:phụ\s+lục)(\s+(?i:số))?`) })
)

// typedWord reads a word and its number ("Điều 1.", "Khoản 2:") typed at
// the start of s; in a title the delimiter may be missing ("Điều 1
// Thành lập").
func typedWord(s string, re *regexp.Regexp, title bool) (typed, bool) {
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return typed{}, false
	}
	n, _ := strconv.Atoi(s[m[2]:m[3]])
	t, ok := delimited(s, leadingSpace(s), m[1], arabic, true)
	if !ok && title {
		if spaces := leadingSpace(s[m[1]:]); spaces > 0 {
			next, _ := utf8.DecodeRuneInString(s[m[1]+spaces:])
			t, ok = typed{text: strings.TrimSpace(s[:m[1]]), end: m[1] + spaces}, unicode.IsUpper(next)
		}
	}
	t.form, t.n = arabic, n
	return t, ok
}

// typedAppendix reads "Phụ lục", "Phụ lục II", "PHỤ LỤC số 02:" typed at
// the start of an appendix's title: the word, with a number or not, then
// the end of the text, a delimiter, or (after a number) a space.
func typedAppendix(s string) (typed, bool) {
	m := appendixWord().FindStringIndex(s)
	if m == nil {
		return typed{}, false
	}
	start := leadingSpace(s)
	j := m[1] + leadingSpace(s[m[1]:])
	form, n, k := readNumber(s, j)
	if form != arabic && form != roman || k == j {
		form, n, k = noForm, 0, m[1]
	}
	if trim(s[k:]) == "" {
		return typed{text: trim(s[start:]), end: len(s), form: form, n: n}, true
	}
	if t, ok := delimited(s, start, k, arabic, true); ok {
		t.form, t.n = form, n
		return t, true
	}
	if spaces := leadingSpace(s[k:]); form != noForm && spaces > 0 {
		next, _ := utf8.DecodeRuneInString(s[k+spaces:])
		if unicode.IsUpper(next) {
			return typed{text: trim(s[start:k]), end: k + spaces, form: form, n: n}, true
		}
	}
	return typed{}, false
}

// labelOf reads vanban's own label the way typed numbers are read.
func labelOf(label string) (labelForm, int) {
	switch {
	case strings.HasPrefix(label, "Điều "):
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(label, "Điều "), "."))
		return arabic, n
	case strings.HasSuffix(label, ":"): // a run-in label, "Mục tiêu 3:"
		f := strings.Fields(strings.TrimSuffix(label, ":"))
		n, err := strconv.Atoi(f[len(f)-1])
		if i := slices.Index(f, "thứ"); err != nil && i >= 0 { // "Phần thứ nhất:"
			n, _ = viet.OrdinalValue(strings.Join(f[i+1:], " "))
		}
		return arabic, n
	case strings.HasPrefix(label, "Phụ lục"):
		r := strings.TrimSpace(strings.TrimPrefix(label, "Phụ lục"))
		if r == "" {
			return noForm, 0
		}
		return roman, romanValue(r)
	}
	form, n, _ := readNumber(label, 0)
	return form, n
}

// sameNumber reports whether a typed number is the one vanban prints: the
// same value in the same form ("1)" for "1." is the same number, and so is
// the outline number "2.1." ending with it; "I." for "1." is not). An appendix may be typed in either kind of numeral, and
// the only appendix, which vanban prints "Phụ lục", as "Phụ lục I" too.
func sameNumber(t typed, label string, r Role) bool {
	form, n := labelOf(label)
	if r == AppendixTitle {
		return t.form == noForm || t.n == n || n == 0 && t.n == 1
	}
	if r == PartTitle {
		return t.n == partNumber(label)
	}
	if t.form == outline && form == arabic {
		return t.n == n // "2.1." for the first sub-section of II.: vanban prints "1."
	}
	if form == outline { // vanban's own "2.1." (decimal numbering, or a fourth level)
		return t.form == outline && strings.TrimRight(t.text, ". ") == strings.TrimRight(label, ".")
	}
	return t.form == form && t.n == n
}

// nouns name what a label numbers, in both languages.
var nouns = map[Role][2]string{
	HeadingText:   {"mục này", "this section"},
	ParagraphText: {"đoạn này", "this paragraph"},
	ArticleTitle:  {"điều này", "this article"},
	ArticleText:   {"điều này", "this article"},
	ClauseTitle:   {"khoản này", "this clause"},
	ClauseText:    {"khoản này", "this clause"},
	PointText:     {"điểm này", "this point"},
	AppendixTitle: {"phụ lục này", "this appendix"},
	PartTitle:     {"phần này", "this part"},
}

// typedLabels removes the numbers and labels typed before the texts that
// vanban numbers or labels itself, with a warning at each.
func (v *validator) typedLabels() {
	for f := range v.doc.Fields() {
		if f.Label == "" || trim(f.Value) == "" {
			continue
		}
		if f.Role == TitleText {
			v.typedAbstract(f.Text)
			continue
		}
		m := markupStart(f.Value)
		s := f.Value[m:]
		t, ok := typedAt(f.Role, s)
		if strings.HasSuffix(f.Label, ":") {
			t, ok = typedRunIn(f.Label, s)
		}
		if !ok {
			v.otherScheme(f, m)
			continue
		}
		noun := nouns[f.Role]
		msg := v.removed(f.Text, m, t.end, t.text)
		if sameNumber(t, f.Label, f.Role) {
			msg.Code = "numbering.typed"
			msg.Vi = "đã bỏ “" + t.text + "” gõ ở đầu: vanban tự đánh số " + noun[0] + " là “" + f.Label + "”"
			msg.En = strconv.Quote(t.text) + " typed at the start was left out: vanban numbers " + noun[1] + " " + strconv.Quote(f.Label) + " itself"
		} else {
			msg.Code = "numbering.typed-differs"
			msg.Vi = "đã bỏ “" + t.text + "” gõ ở đầu; theo thứ tự, vanban đánh số " + noun[0] + " là “" + f.Label + "”"
			msg.En = strconv.Quote(t.text) + " typed at the start was left out; counting in order, vanban numbers " + noun[1] + " " + strconv.Quote(f.Label)
		}
		if f.Role == PartTitle && !strings.Contains(f.Path, "parts[") {
			msg = v.recognizedPart(f, t, msg, printedRest(f.Text, m, t.end))
		}
		if !sameNumber(t, f.Label, f.Role) {
			msg.FixVi += " (nếu “" + t.text + "” mới đúng thì xem lại có thiếu hay thừa phần nào ở phía trên)"
			msg.FixEn += ` (if ` + strconv.Quote(t.text) + ` was meant, check for a missing or extra one above)`
		}
		v.d.WarningAt(Locate(v.doc.Source, *f.Text, leadingSpace(s)+m), f.Path, msg)
		v.cut(f.Text, m, t.end)
	}
}

// otherScheme warns about a number of another outline typed at the start
// of a clause ("I.", "a)") or a point ("1.", "I."): it is not vanban's
// number there, so it stays and prints after it ("1. I. MỤC TIÊU …",
// "a) 1. Mục tiêu: …"). A clerk who copies a plan approved "như sau:"
// types its own numbers; the article's sections: number them as typed.
func (v *validator) otherScheme(f Field, m int) {
	s := f.Value[m:]
	var t typed
	ok := false
	switch f.Role {
	case ClauseTitle, ClauseText:
		t, ok = typedNumber(s, roman, letter)
	case PointText:
		t, ok = typedNumber(s, arabic, outline, roman)
	}
	// Only "I." and "a)" are numbers for sure: "A-Lưới", "X-quang" are words.
	if !ok || !strings.HasSuffix(t.text, ".") && !strings.HasSuffix(t.text, ")") {
		return
	}
	rest := []rune(oneLine(s[t.end:]))
	if len(rest) > 40 {
		rest = append(rest[:39], '…')
	}
	printed := f.Label + " " + t.text + " " + string(rest)
	noun := nouns[f.Role]
	fixVi := "xóa “" + t.text + "” ở đầu; nếu điều gồm các mục I., 1., a) của một kế hoạch, chương trình (\"… như sau:\") thì viết các mục đó ở sections: của điều, sau text:"
	fixEn := "the text without " + strconv.Quote(t.text) + "; for a plan's own I., 1., a) outline (\"… như sau:\"), the article's sections:, after text:"
	if t.form == letter {
		fixVi = "xóa “" + t.text + "” ở đầu; nếu đây là một điểm của khoản trên thì viết nó ở points: của khoản đó"
		fixEn = "the text without " + strconv.Quote(t.text) + "; for a point of the clause above, that clause's points:"
	}
	v.d.WarningAt(Locate(v.doc.Source, *f.Text, leadingSpace(s)+m), f.Path, msg("numbering.other-scheme",
		"“"+t.text+"” gõ ở đầu "+noun[0]+" không phải số vanban đánh ở đây, nên sẽ in thành “"+printed+"”",
		strconv.Quote(t.text)+" typed at the start of "+noun[1]+" is not the number vanban prints here, so it prints as "+strconv.Quote(printed),
		fixVi, fixEn))
}

// runInDelim is what may follow a run-in label's number.
var runInDelim = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*[:.\-–]?\s*`) })

// typedRunIn reads a run-in label ("Mục tiêu 1:", "MỤC TIÊU 2.") typed at
// the start of s, a heading whose label vanban prints as label.
func typedRunIn(label, s string) (typed, bool) {
	word := strings.TrimRight(strings.TrimRight(label, ":"), "0123456789 ")
	number := `\d{1,3}`
	if w, _, ok := strings.Cut(word, " thứ "); ok { // "Phần thứ nhất:"
		word, number = w+" thứ", `\d{1,3}|\pL+(?:\s+\pL+){0,2}`
	}
	re, err := regexp.Compile(`^\s*(?i:` + regexp.QuoteMeta(word) + `)\s*(` + number + `)`)
	m := re.FindStringSubmatchIndex(s)
	if err != nil || m == nil {
		return typed{}, false
	}
	n, err := strconv.Atoi(s[m[2]:m[3]])
	k := m[3]
	if err != nil {
		// The longest run of words that is an ordinal: "nhất", "hai mươi mốt".
		n = 0
		var ends []int
		for i, r := range s[m[2]:m[3]] {
			if r == ' ' || r == '\t' || r == '\n' {
				ends = append(ends, m[2]+i)
			}
		}
		ends = append(ends, m[3])
		for i := len(ends) - 1; i >= 0 && n == 0; i-- {
			n, _ = viet.OrdinalValue(s[m[2]:ends[i]])
			k = ends[i]
		}
		if n == 0 {
			return typed{}, false
		}
	}
	rest := runInDelim().FindStringIndex(s[k:])
	m[1] = k + rest[1]
	if trim(s[m[1]:]) == "" {
		return typed{}, false
	}
	return typed{text: trim(s[:m[1]]), end: m[1], form: arabic, n: n}, true
}

// typedAt reads the number or label typed at the start of s, a text of
// role r: any number before a heading (the level decides vanban's form),
// "Điều 1." before an article, "1." or "Khoản 1." before a clause, "a)"
// before a point, "Phụ lục I" before an appendix's title.
func typedAt(r Role, s string) (typed, bool) {
	switch r {
	case HeadingText, ParagraphText: // a paragraph with a label is a section without a heading
		return typedNumber(s, arabic, roman, letter, outline)
	case ArticleTitle, ArticleText:
		return typedWord(s, articleWord(), r == ArticleTitle)
	case ClauseTitle, ClauseText:
		if t, ok := typedWord(s, clauseWord(), r == ClauseTitle); ok {
			return t, true
		}
		return typedNumber(s, arabic, outline)
	case PointText:
		return typedNumber(s, letter)
	case AppendixTitle:
		return typedAppendix(s)
	case PartTitle:
		return typedPart(s)
	}
	return typed{}, false
}

// markupStart is where a number typed inside leading emphasis starts:
// after the "**" of "**1. Tình hình**".
func markupStart(s string) int {
	i := leadingSpace(s)
	j := i
	for j < len(s) && j-i < 3 && s[j] == '*' {
		j++
	}
	if j > i && j < len(s) && s[j] != ' ' {
		return j
	}
	return 0
}

// printedRest is x's value without the label typed at [m, m+end), on one
// line and cut to 60 characters: the text as it is printed, for a fix.
func printedRest(x *Text, m, end int) string {
	return shorten(oneLine(x.Value[:m]+x.Value[m+end:]), 60)
}

// shorten cuts s to n characters, the last an ellipsis, for the words of
// a message; a fix meant to be copied gives its text whole.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// removed is the fix of a message about the label typed, removed from
// x's value at [m, m+end): the text as it is printed.
func (v *validator) removed(x *Text, m, end int, typed string) diag.Msg {
	rest := printedRest(x, m, end)
	if rest == "" {
		return diag.Msg{FixVi: "xóa dòng này", FixEn: "this line removed"}
	}
	return diag.Msg{FixVi: "xóa “" + typed + "” ở đầu, chỉ gõ: " + rest, FixEn: "the text alone: " + rest}
}

// cut removes the bytes [m, m+end) of x's value, after its leading
// emphasis at m. When nothing but spaces comes before them, they join the
// text's lead, so that positions inside the text stay exact.
func (v *validator) cut(x *Text, m, end int) {
	if m == 0 {
		x.lead += x.Value[:end]
		x.Value = x.Value[end:]
		return
	}
	x.Value = x.Value[:m] + x.Value[m+end:]
}

// vv is "V/v" or "Về việc" typed before a công văn's abstract.
var vv = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?i:v/v|về\s+việc)\s*[:.]?\s+`) })

// typedAbstract removes "V/v" typed before a công văn's abstract.
func (v *validator) typedAbstract(x *Text) {
	m := vv().FindString(x.Value)
	if m == "" || trim(x.Value[len(m):]) == "" {
		return
	}
	msg := v.removed(x, 0, len(m), trim(m))
	msg.Code = "title.typed-vv"
	msg.Vi = "đã bỏ “" + trim(m) + "” gõ ở đầu trích yếu: vanban tự in “V/v” trước trích yếu của công văn"
	msg.En = strconv.Quote(trim(m)) + ` typed at the start of the abstract was left out: vanban prints "V/v" before a công văn's abstract itself`
	v.d.WarningAt(Locate(v.doc.Source, *x, leadingSpace(x.Value)), x.Path, msg)
	v.cut(x, 0, len(m))
}
