package decode

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
)

// The messages of reading a file, in the words of the clerk who must fix
// it. Codes are stable: JSON reports and docs/errors.md use them.

var (
	msgTab = diag.Msg{Code: "yaml.tab",
		Vi: "dòng này thụt lề bằng phím Tab", FixVi: "thụt lề bằng dấu cách (phím cách), không dùng phím Tab",
		En: "YAML syntax error: a tab character is used for indentation", FixEn: "spaces only; YAML does not allow tabs"}
	msgIndented = diag.Msg{Code: "yaml.indent",
		Vi: "dòng này thụt vào sâu hơn các trường cùng cấp ở trên", FixVi: "thụt lề bằng đúng số dấu cách của các trường cùng cấp",
		En: "YAML syntax error: this line is indented further than the line above it", FixEn: "the same number of spaces as the other fields at its level"}
	msgIndentMismatch = diag.Msg{Code: "yaml.indent",
		Vi: "lề (số dấu cách đầu dòng) của dòng này không khớp với các dòng trên", FixVi: "thụt lề bằng đúng số dấu cách của các trường cùng cấp",
		En: "YAML syntax error: the indentation of this line does not match the lines above", FixEn: "fields of one block indented by the same number of spaces"}
	msgUnclosedQuote = diag.Msg{Code: "yaml.unclosed-quote",
		Vi: "dấu ngoặc kép mở ở đây nhưng không được đóng", FixVi: "thêm dấu \" (hoặc ') đóng ở cuối giá trị",
		En: "YAML syntax error: a quoted text is never closed", FixEn: "a closing \" or ' at the end of the value"}
	msgEOF = diag.Msg{Code: "yaml.eof",
		Vi: "tệp kết thúc giữa chừng một giá trị", FixVi: "đóng mọi dấu ngoặc đã mở",
		En: "YAML syntax error: the file ends in the middle of a value", FixEn: "every quote and bracket closed"}
	msgDashAfterKey = diag.Msg{Code: "yaml.dash-after-key",
		Vi: "dấu gạch đầu dòng «- » không được viết cùng dòng với tên trường", FixVi: "viết mỗi ý trên một dòng riêng bên dưới tên trường, thụt vào hai dấu cách",
		En: "YAML syntax error: a list item \"- \" cannot start on the same line as its key", FixEn: "each item on its own line below the key, indented"}
	msgTooMany = diag.Msg{Code: "yaml.too-many",
		Vi: "tệp có quá nhiều lỗi cú pháp: vanban dừng đọc ở đây", FixVi: "sửa các lỗi ở trên rồi chạy lại",
		En: "too many syntax mistakes: vanban stops reading here", FixEn: "the mistakes above fixed, then run again"}
	msgCurlyKept = diag.Msg{Code: "text.curly-quotes",
		Vi:    "giá trị nằm giữa dấu ngoặc kép cong “ ” của Word: vanban in cả hai dấu này như chữ",
		FixVi: "nếu chỉ muốn bao giá trị, dùng dấu ngoặc kép thẳng \"…\"; nếu muốn in dấu ngoặc, giữ nguyên",
		En:    "the value is between Word's curly quotes “ ”: vanban prints them as text",
		FixEn: "straight quotes \"…\" if they are only meant to enclose the value"}
)

func msgDepth() diag.Msg {
	return diag.Msg{Code: "yaml.depth",
		Vi: "các giá trị lồng nhau quá sâu", FixVi: fmt.Sprintf("tối đa %d cấp", MaxDepth),
		En: "YAML syntax error: values are nested too deeply", FixEn: fmt.Sprintf("at most %d levels", MaxDepth)}
}

func msgControl(r rune) diag.Msg {
	return diag.Msg{Code: "yaml.control",
		Vi: fmt.Sprintf("tệp có ký tự điều khiển vô hình U+%04X ở đây", r), FixVi: "xóa ký tự đó",
		En: fmt.Sprintf("YAML syntax error: the file holds the invisible control character U+%04X", r), FixEn: "text without control characters"}
}

func msgSyntax(what string) diag.Msg {
	return diag.Msg{Code: "yaml.syntax",
		Vi: "tệp sai cú pháp YAML ở đây (" + what + ")", FixVi: "so với các dòng đúng ở trên: lề, dấu hai chấm, dấu ngoặc",
		En: "YAML syntax error: " + what, FixEn: "valid YAML"}
}

func msgUnknownAnchor(name string) diag.Msg {
	return diag.Msg{Code: "yaml.unknown-anchor",
		Vi:    fmt.Sprintf("«*%s» trỏ đến một nhãn &%s không có ở trên", name, name),
		FixVi: "nếu đó là chữ, đặt cả giá trị trong dấu ngoặc kép",
		En:    fmt.Sprintf("YAML syntax error: *%s refers to an anchor &%s that is not defined above", name, name),
		FixEn: "&" + name + " on a value before any *" + name + ", or the value in quotes"}
}

func msgEscape(seq string) diag.Msg {
	m := diag.Msg{Code: "yaml.escape",
		Vi:    fmt.Sprintf("«%s» trong dấu ngoặc kép không phải một ký tự đặc biệt hợp lệ", seq),
		FixVi: `viết \\ cho một dấu gạch chéo ngược, hoặc đặt giá trị trong dấu nháy đơn '…'`,
		En:    fmt.Sprintf("YAML syntax error: %s is not a valid escape in double quotes", seq),
		FixEn: `\\ for a backslash, or the value in single quotes`}
	if seq == `\*` {
		// The escape vanban's own messages advise, typed inside "…".
		m.FixVi = `trong dấu ngoặc kép gõ \\* để in dấu sao (hoặc đặt giá trị trong dấu nháy đơn '…', ở đó \* được)`
		m.FixEn = `\\* for an asterisk inside double quotes (or the value in single quotes, where \* works)`
	}
	return m
}

func msgBracket(what, text string) diag.Msg {
	open, close, vi, en := "[", "]", "một danh sách", "a list in [ ]"
	if strings.HasSuffix(what, "'}'") {
		open, close, vi, en = "{", "}", "một nhóm trường", "a group of fields in { }"
	}
	m := diag.Msg{Code: "yaml.unclosed-bracket",
		Vi:    fmt.Sprintf("dấu «%s» mở %s nhưng không được đóng, hoặc một mục trong đó cần dấu ngoặc kép", open, vi),
		FixVi: fmt.Sprintf("thêm «%s» đóng, hoặc đặt mục có dấu phẩy, dấu hai chấm hay dấu # trong dấu ngoặc kép", close),
		En:    "YAML syntax error: " + en + " is not closed, or an item in it needs quotes",
		FixEn: fmt.Sprintf("a closing %q, or the item with a comma, colon or # in quotes", close)}
	if strings.Contains(text, " #") {
		m.Vi += "; dấu # sau dấu cách bắt đầu một ghi chú, kể cả trong [ ]"
		m.En += "; a # after a space starts a comment, even inside [ ]"
	}
	if item, call, ok := footnoteInFlow(text); ok {
		q := strconv.Quote(item)
		m.Code = "yaml.footnote-in-list"
		m.Vi = fmt.Sprintf("lời gọi chú thích %s nằm trong một danh sách viết [ , ]: ở đó dấu «[» mở một danh sách mới", call)
		m.FixVi = "đặt mục có lời gọi chú thích trong dấu ngoặc kép: " + q
		m.En = fmt.Sprintf("YAML syntax error: the footnote call %s stands in a list written [ , ], where \"[\" opens another list", call)
		m.FixEn = "the item with the call in quotes: " + q
	}
	return m
}

// footnoteCall is a footnote call typed right after a word: "quốc[^co]".
// Compiled on first use, as the other expressions: only a message needs it.
var footnoteCall = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^\s\[,]\[\^[^\]\s]+\]`) })

// footnoteInFlow finds a footnote call inside a list written [ , ] on
// the line: the item that holds it (from the comma or bracket before it
// to the next one after) and the call.
func footnoteInFlow(text string) (item, call string, ok bool) {
	loc := footnoteCall().FindStringIndex(text)
	if loc == nil || !strings.Contains(text[:loc[0]+1], "[") {
		return "", "", false
	}
	start := strings.LastIndexAny(text[:loc[0]+1], "[,") + 1
	end := loc[1]
	if k := strings.IndexAny(text[end:], ",]"); k >= 0 {
		end += k
	} else {
		end = len(text)
	}
	return strings.TrimSpace(text[start:end]), text[loc[0]+1 : loc[1]], true
}

// msgIndicator explains a value starting with a character that YAML
// keeps for itself.
func msgIndicator(r rune, l line, start int) diag.Msg {
	fixVi, fixEn := quoteFix(l, start)
	m := diag.Msg{Code: "yaml.indicator",
		Vi:    fmt.Sprintf("giá trị bắt đầu bằng «%c», ký tự có nghĩa riêng trong tệp YAML", r),
		FixVi: fixVi,
		En:    fmt.Sprintf("YAML syntax error: a value cannot start with %q", r), FixEn: fixEn}
	switch r {
	case '[', '{':
		m.Vi = fmt.Sprintf("giá trị bắt đầu bằng «%c» nên được đọc là một danh sách, nhưng sau dấu đóng còn chữ", r)
		m.En = fmt.Sprintf("YAML syntax error: a value starting with %q is read as a list, but text follows its closing bracket", r)
	}
	return m
}

func msgColonInValue(l line, start int) diag.Msg {
	fixVi, fixEn := quoteFix(l, start)
	v := strings.TrimRight(cutComment(l.text[start:], false), " ")
	if strings.HasSuffix(v, ":") && !strings.Contains(v, ": ") {
		return diag.Msg{Code: "yaml.colon-end",
			Vi: "giá trị kết thúc bằng dấu hai chấm nên bị đọc như tên một trường", FixVi: fixVi,
			En: "YAML syntax error: the value ends with \":\"", FixEn: fixEn}
	}
	m := diag.Msg{Code: "yaml.colon-in-value",
		Vi: "giá trị có «: » (dấu hai chấm rồi dấu cách) nên bị đọc như tên một trường", FixVi: fixVi,
		En: "YAML syntax error: the value contains \": \"", FixEn: fixEn}
	if strings.HasPrefix(v, "“") || strings.HasPrefix(v, "‘") {
		m.Vi += "; dấu ngoặc kép cong “ ” của Word không bao được giá trị"
		m.En += "; Word's curly quotes “ ” do not enclose a value"
		m.FixVi = "thay “ ” bằng dấu ngoặc kép thẳng \"…\""
		m.FixEn = "straight quotes \"…\" instead of “ ”"
	}
	return m
}

// msgColonWrapped explains a value after a colon that goes on over the
// lines below at the column of its key: a field of prose reads it whole;
// anywhere else the colon made a key and the lines below cannot follow it.
func msgColonWrapped(l line, colon, last int) diag.Msg {
	key := short(strings.TrimSpace(l.text[l.entry:colon]))
	lines := fmt.Sprintf("%d-%d", l.n, last)
	fixVi, fixEn := wrappedFix(l)
	return diag.Msg{Code: "yaml.colon-wrapped",
		Vi:    fmt.Sprintf("dấu hai chấm sau «%s» làm chữ trước nó bị đọc như tên một trường, nên các dòng viết tiếp ở dưới (dòng %s) không nối vào được", key, lines),
		FixVi: fixVi,
		En:    fmt.Sprintf("the colon after %q makes the words before it a key, so the lines continuing the value below (lines %s) cannot follow it", key, lines),
		FixEn: fixEn}
}

// msgContinuation explains a line that starts at the column of the field
// name or of the dash on the line above it, p, which has a value: YAML
// reads it as the next field or item, not as the rest of that value.
// Otherwise it returns m.
func msgContinuation(p line, col int, m diag.Msg) diag.Msg {
	switch {
	case p.key != "" && col == p.entry:
		key := short(p.key)
		m = diag.Msg{Code: "yaml.continuation",
			Vi:    fmt.Sprintf("dòng này bắt đầu thẳng cột với «%s:» ở dòng %d nên không được đọc là phần viết tiếp của giá trị ở dòng đó", key, p.n),
			FixVi: fmt.Sprintf("nếu dòng này viết tiếp giá trị ở trên, thụt nó vào sâu hơn chữ «%s» (thêm hai dấu cách)", key),
			En:    fmt.Sprintf("this line starts in the column of %q on line %d, so it is not read as the rest of that line's value", key+":", p.n),
			FixEn: fmt.Sprintf("the line indented further than %q if it continues the value above", key)}
		if identLike(p.key) {
			m.FixVi += "; nếu là một trường mới, viết «tên: giá trị»"
			m.FixEn += `; "name: value" if it is a new field`
		}
	case p.entry > indent(p.text) && col == indent(p.text):
		m = diag.Msg{Code: "yaml.continuation",
			Vi:    fmt.Sprintf("dòng này bắt đầu thẳng cột với dấu gạch «-» ở dòng %d nên không được đọc là phần viết tiếp của ý ở dòng đó", p.n),
			FixVi: "nếu dòng này viết tiếp ý ở trên, thụt nó vào thẳng chữ đầu của ý (thêm hai dấu cách); nếu là một ý mới, bắt đầu dòng bằng «- »",
			En:    fmt.Sprintf("this line starts in the column of the dash \"-\" on line %d, so it is not read as the rest of that item", p.n),
			FixEn: `the line indented as far as the item's first word if it continues the item; "- " at its start if it is a new item`}
	}
	return m
}

// msgHashLine explains, in a field that is not prose, a line of a value
// that starts with "#" and a word.
func msgHashLine(n int, word string, head line) diag.Msg {
	fixVi, fixEn := wrappedFix(head)
	return diag.Msg{Code: "yaml.hash-line",
		Vi:    fmt.Sprintf("dòng %d bắt đầu bằng «%s» nên bị đọc là một ghi chú, dù nó nằm giữa các dòng của giá trị", n, short(word)),
		FixVi: "nếu đó là ghi chú, gõ một dấu cách sau dấu #; nếu là chữ, " + fixVi,
		En:    fmt.Sprintf("line %d starts with %q, so it is read as a comment although it stands among the lines of the value", n, short(word)),
		FixEn: "a space after # if it is a comment; if it is text, " + fixEn}
}

// msgHashLineKept says that a line starting with "#" and a word among the
// lines of a text is printed.
func msgHashLineKept(word string) diag.Msg {
	return diag.Msg{Code: "text.hash-line",
		Vi:    fmt.Sprintf("dòng này bắt đầu bằng «%s» nhưng nằm giữa các dòng của một đoạn chữ nên được in như chữ, không phải ghi chú", short(word)),
		FixVi: "nếu đó là ghi chú không cần in, gõ một dấu cách sau dấu #: «# …»",
		En:    fmt.Sprintf("this line starts with %q but stands among the lines of a text, so it is printed as text, not taken as a comment", short(word)),
		FixEn: `a space after # ("# …") if it is a comment that must not be printed`}
}

func msgHashInValue(l line) diag.Msg {
	fixVi, fixEn := quoteFix(l, l.value)
	return diag.Msg{Code: "yaml.hash-in-value",
		Vi: "dấu # sau dấu cách bắt đầu một ghi chú, nên phần sau nó và các dòng tiếp theo không thuộc giá trị", FixVi: fixVi,
		En: "YAML syntax error: a # after a space starts a comment, cutting the value short", FixEn: fixEn}
}

func msgCommentEnds(line int) diag.Msg {
	return diag.Msg{Code: "yaml.comment-ends-value",
		Vi:    fmt.Sprintf("dấu # ở dòng %d là một ghi chú nên giá trị kết thúc ở đó; các dòng tiếp theo không nối vào được", line),
		FixVi: "nếu # là chữ, bỏ bớt dấu cách trước # hoặc đặt cả giá trị trong dấu ngoặc kép; nếu là ghi chú, đặt nó ở cuối giá trị",
		En:    fmt.Sprintf("YAML syntax error: the # on line %d starts a comment, which ends the value; the lines after it cannot continue it", line),
		FixEn: "the value in quotes if # is text, or the comment after the value's last line"}
}

func msgDashSpace(rest string) diag.Msg {
	ex := "- " + strings.TrimSpace(cutComment(rest, false))
	if utf8.RuneCountInString(ex) > 40 {
		ex = string([]rune(ex)[:39]) + "…"
	}
	return diag.Msg{Code: "yaml.dash-space",
		Vi: "thiếu dấu cách sau dấu gạch đầu dòng «-»", FixVi: "gõ một dấu cách sau dấu gạch: " + ex,
		En: "YAML syntax error: no space after the list dash \"-\"", FixEn: ex}
}

func msgColonSpace(key, rest string) diag.Msg {
	ex := key + ": " + strings.TrimSpace(cutComment(rest, false))
	if utf8.RuneCountInString(ex) > 40 {
		ex = string([]rune(ex)[:39]) + "…"
	}
	return diag.Msg{Code: "yaml.colon-space",
		Vi: fmt.Sprintf("thiếu dấu cách sau dấu hai chấm của «%s»", key), FixVi: "gõ một dấu cách sau dấu hai chấm: " + ex,
		En: fmt.Sprintf("YAML syntax error: no space after the colon of %q", key), FixEn: ex}
}

func msgQuoteInside(q byte, openCol int) diag.Msg {
	if q == '\'' {
		return diag.Msg{Code: "yaml.apostrophe",
			Vi:    fmt.Sprintf("dấu nháy đơn ' này nằm trong giá trị mở bằng dấu nháy đơn ở cột %d nên kết thúc giá trị sớm", openCol),
			FixVi: "viết hai dấu nháy '' thay cho mỗi dấu nháy bên trong, hoặc đặt cả giá trị trong dấu ngoặc kép \"…\"",
			En:    fmt.Sprintf("YAML syntax error: this apostrophe ends the value opened with ' in column %d", openCol),
			FixEn: "each apostrophe inside written twice (''), or the value in double quotes"}
	}
	return diag.Msg{Code: "yaml.quote-inside",
		Vi:    fmt.Sprintf("dấu ngoặc kép \" này nằm trong giá trị mở bằng dấu ngoặc kép ở cột %d nên kết thúc giá trị sớm", openCol),
		FixVi: "viết \\\" thay cho mỗi dấu ngoặc kép bên trong, hoặc đặt cả giá trị trong dấu nháy đơn '…'",
		En:    fmt.Sprintf("YAML syntax error: this quote ends the value opened with \" in column %d", openCol),
		FixEn: "each quote inside written \\\", or the value in single quotes"}
}

func msgAfterQuote(q byte, l line) diag.Msg {
	v := strings.TrimSpace(cutComment(l.text[l.value:], false))
	ex := ""
	if utf8.RuneCountInString(v) <= 60 && !strings.Contains(v, "'") {
		ex = ": '" + v + "'"
	}
	return diag.Msg{Code: "yaml.after-quote",
		Vi:    fmt.Sprintf("giá trị bắt đầu bằng dấu %c nhưng sau dấu đóng còn chữ", q),
		FixVi: "đặt cả giá trị, kể cả dấu ngoặc, trong dấu nháy đơn" + ex,
		En:    "YAML syntax error: text follows the closing quote",
		FixEn: "the whole value inside one pair of quotes" + ex}
}

func msgCommentDropped(comment string) diag.Msg {
	c := comment
	if utf8.RuneCountInString(c) > 60 {
		c = string([]rune(c)[:59]) + "…"
	}
	return diag.Msg{Code: "text.comment-dropped",
		Vi:    fmt.Sprintf("phần «%s» sau dấu cách và dấu # được hiểu là ghi chú nên không được in", c),
		FixVi: "nếu đó là chữ cần in, đặt cả giá trị trong dấu ngoặc kép; nếu là ghi chú, cách hai dấu cách trước # để vanban không cảnh báo",
		En:    fmt.Sprintf("the part %q after a space and # is read as a comment and not printed", c),
		FixEn: "the value in quotes if it is text; two spaces before # for a comment"}
}

// invisibles names the characters that Word, web pages and chat programs
// paste where a clerk sees a space, or nothing at all.
var invisibles = map[rune][2]string{
	'\u00A0': {"dấu cách không ngắt", "no-break space"},
	'\u2002': {"dấu cách rộng", "en space"},
	'\u2003': {"dấu cách rộng", "em space"},
	'\u2007': {"dấu cách chữ số", "figure space"},
	'\u2009': {"dấu cách hẹp", "thin space"},
	'\u200A': {"dấu cách rất hẹp", "hair space"},
	'\u202F': {"dấu cách hẹp không ngắt", "narrow no-break space"},
	'\u205F': {"dấu cách toán học", "medium mathematical space"},
	'\u3000': {"dấu cách chữ Hán", "ideographic space"},
	'\u200B': {"dấu cách rộng 0", "zero-width space"},
	'\u200C': {"ký tự tách rộng 0", "zero-width non-joiner"},
	'\u200D': {"ký tự nối rộng 0", "zero-width joiner"},
	'\u2060': {"ký tự nối từ vô hình", "word joiner"},
	'\uFEFF': {"dấu BOM vô hình", "zero-width no-break space (BOM)"},
	'\u00AD': {"dấu gạch nối mềm", "soft hyphen"},
}

// spaceLike reports whether an invisible character is a space of some
// width, which stands for a space; the others stand for nothing.
func spaceLike(r rune) bool {
	return r == '\u00A0' || r >= '\u2000' && r <= '\u200A' || r == '\u202F' || r == '\u205F' || r == '\u3000'
}

func msgInvisible(r rune, where int) diag.Msg {
	name := invisibles[r]
	if name[0] == "" {
		name = [2]string{"ký tự vô hình", "invisible character"}
	}
	wvi, wen := [...]string{"ở đầu dòng", "sau dấu hai chấm", "sau dấu gạch đầu dòng", "trong tên trường"}[where],
		[...]string{"in the indentation", "after the colon", "after the list dash", "inside the field name"}[where]
	fixVi, fixEn := "xóa ký tự đó rồi gõ lại một dấu cách thường", "delete it and type an ordinary space"
	if !spaceLike(r) {
		fixVi, fixEn = "xóa ký tự đó (đặt con trỏ ngay sau nó rồi bấm Backspace)", "delete it"
	}
	return diag.Msg{Code: "yaml.invisible",
		Vi:    fmt.Sprintf("có một %s (U+%04X) không nhìn thấy được %s, thường do dán từ Word hay trang web", name[0], r, wvi),
		FixVi: fixVi,
		En:    fmt.Sprintf("an invisible %s (U+%04X) %s, often pasted from Word or a web page", name[1], r, wen),
		FixEn: fixEn}
}
