package viet

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Break rates a place where a line may end. Vietnamese words are written
// as separate syllables ("lao động", "xã hội"), so a line may break
// between the two halves of one word, and every space looks alike to a
// program: a reader then sees "SỞ LAO ĐỘNG - THƯƠNG / BINH VÀ XÃ HỘI", or
// a date cut from its number ("ngày / 27/4/2007"). The line breakers of
// vanban (justified paragraphs, centred names and titles) weigh these
// ratings against the spacing of the lines.
type Break uint8

// Break ratings, best first.
const (
	// BreakBest is after the end of a sentence or a clause: a full
	// stop, a semicolon, a colon.
	BreakBest Break = iota
	// BreakGood is after a comma, or before a word that starts a
	// phrase: a linking word (VÀ, CỦA, VỀ, TRÊN, TẠI, NĂM …) or an
	// administrative unit (TỈNH, HUYỆN, THỊ XÃ …).
	BreakGood
	// BreakFair is between two syllables not known to belong together:
	// most places in a Vietnamese line.
	BreakFair
	// BreakName is inside a short proper name (Hội Liên hiệp Phụ nữ, Bỉm
	// Sơn): kept together when it costs little.
	BreakName
	// BreakPoor is inside a known two-syllable word (LAO ĐỘNG), after a
	// linking word (CỦA / PHỤ NỮ), after an administrative unit (TỈNH /
	// THANH HÓA), or between the parts of a date (ngày 29 / tháng 11).
	BreakPoor
	// BreakNever separates what a reader takes as one unit: a word from
	// the number it introduces (ngày 27/4/2007, Điều 3, khoản 2, điểm a,
	// Phụ lục II, Quyết định số 12), a number from its unit (25 người,
	// 30 %, 1,5 triệu đồng, 8 giờ 00 phút), a punctuation mark from the
	// word it follows. A breaker uses it only when nothing else fits.
	BreakNever
)

// LineBreaks rates every place where a text may break: out[i] is the
// break before words[i] (out[0] is unused). words are the text split at
// spaces, punctuation attached; a word may hold several syllables when
// they are glued (by a no-break space or a spaced dash), and then the
// syllables next to the break count. names, when not nil, adds the proper
// names of a document (see Names) to those every document shares.
func LineBreaks(words []string, names *Names) []Break {
	a := analyses.Get().(*Analysis)
	a.Read(words, names)
	out := a.Breaks(nil)
	a.Clear()
	analyses.Put(a)
	return out
}

// analyses keep the buffers of LineBreaks from text to text.
var analyses = sync.Pool{New: func() any { return new(Analysis) }}

// An Analysis is the words of a text read once for line breaking: a line
// breaker that rates every break of a paragraph (Breaks) and then asks of
// a few whether they cut a word (InsideWord) reads each word once. Its
// buffers are reused by the next Read.
type Analysis struct {
	syl   [][]syllable
	all   []syllable
	names *Names
	named []Break
}

// Read analyses words (as LineBreaks takes them) with names (nil: the
// names every document shares), replacing what a was.
func (a *Analysis) Read(words []string, names *Names) {
	if names == nil {
		names = commonNames
	}
	a.names = names
	a.syl, a.all = syllablesInto(words, a.syl[:0], a.all[:0])
}

// Clear drops the texts a holds, keeping its buffers.
func (a *Analysis) Clear() {
	clear(a.all)
	clear(a.syl)
	a.names = nil
}

// Breaks appends to out[:0] the rating of every break, as LineBreaks.
func (a *Analysis) Breaks(out []Break) []Break {
	n := len(a.syl)
	out = append(out[:0], make([]Break, n)...)
	for i := 1; i < n; i++ {
		out[i] = rate(a.syl, i)
	}
	a.names.mark(a.syl, out)
	return out
}

// LineBreak rates the break before words[i] (0 < i < len(words)), with
// the names every document shares.
func LineBreak(words []string, i int) Break { return LineBreaks(words, nil)[i] }

// A syllable is what the ratings read of one syllable, worked out once:
// its text in lower case with the punctuation around it (raw), without the
// punctuation after it (bare), without the brackets before it either (un),
// what the lexicon says of bare and of un, and whether it is a number.
type syllable struct {
	raw, bare, un string
	b, u          lex
	num           bool
}

// lex is what the lexicon knows of a word: the sets it belongs to.
type lex uint16

const (
	lexNoEnd lex = 1 << iota
	lexPhraseStart
	lexUnit
	lexCount
	lexDate
	lexIntro
	lexRomanAfter
	// lexFirst and lexSecond: the syllable starts or ends one of the
	// compounds, which is then worth looking up (see compound).
	lexFirst
	lexSecond
)

// lexicon gathers the sets of words below, so that a syllable is looked up
// once, not once per set.
var lexicon = func() map[string]lex {
	m := make(map[string]lex, len(noEnd)+len(phraseStart)+len(units)+len(countUnits)+len(dateUnits)+
		len(introduces)+len(romanAfter)+2*len(compounds))
	for _, s := range []struct {
		words map[string]bool
		bit   lex
	}{{noEnd, lexNoEnd}, {phraseStart, lexPhraseStart}, {units, lexUnit}, {countUnits, lexCount},
		{dateUnits, lexDate}, {introduces, lexIntro}, {romanAfter, lexRomanAfter}} {
		for w := range s.words {
			m[w] |= s.bit
		}
	}
	for c := range compounds {
		m[c.a] |= lexFirst
		m[c.b] |= lexSecond
	}
	return m
}()

// punctuatedCompound reports whether p, with its punctuation, and n
// (unopened) form one of the compounds ("phòng, chống"). Most syllables
// after a comma or a full stop end no compound, which the lexicon tells
// without the look-up of the pair, whose two strings are hashed.
func punctuatedCompound(p, n *syllable) bool {
	return n.u&lexSecond != 0 && compounds[pair{p.raw, n.un}]
}

// compound reports whether p (bare) and n (unopened) form one of the
// compounds. Most pairs of syllables have one that starts or ends none,
// which the lexicon (looked up once per syllable) tells.
func compound(p, n *syllable) bool {
	return p.b&lexFirst != 0 && n.u&lexSecond != 0 && compounds[pair{p.bare, n.un}]
}

func newSyllable(raw string) syllable {
	s := syllable{raw: raw, bare: bare(raw)}
	s.b = lexicon[s.bare]
	s.un, s.u = s.bare, s.b
	un := unopened(raw)
	if len(un) != len(raw) {
		s.un = bare(un)
		if s.un != s.bare {
			s.u = lexicon[s.un]
		}
	}
	s.num = startsWithDigit(un)
	return s
}

// context is what a rating looks at around a break: up to two syllables
// on each side, never nil (a missing one is the empty syllable). They
// point into the analysis: a rating reads them and copies none.
type context struct {
	pp, p *syllable // before the break, p next to it
	n, n2 *syllable // after the break, n next to it
}

// noSyllable stands for a syllable missing from a context.
var noSyllable syllable

func around(syl [][]syllable, i int) context {
	c := context{&noSyllable, &noSyllable, &noSyllable, &noSyllable}
	before := syl[i-1]
	if len(before) > 0 {
		c.p = &before[len(before)-1]
	}
	switch {
	case len(before) > 1:
		c.pp = &before[len(before)-2]
	case i >= 2 && len(syl[i-2]) > 0:
		c.pp = &syl[i-2][len(syl[i-2])-1]
	}
	after := syl[i]
	if len(after) > 0 {
		c.n = &after[0]
	}
	switch {
	case len(after) > 1:
		c.n2 = &after[1]
	case i+1 < len(syl) && len(syl[i+1]) > 0:
		c.n2 = &syl[i+1][0]
	}
	return c
}

// rate rates the break before word i from the syllables of the words.
func rate(syl [][]syllable, i int) Break {
	c := around(syl, i)
	if c.p.raw == "" || c.n.raw == "" {
		return BreakPoor
	}
	if i == 1 && (isDash(c.p.raw) || c.p.raw == "+") {
		return BreakNever // the mark of an item ("-", "+") stays with its first word
	}
	if bound(c) {
		return BreakNever
	}
	p := c.p.bare
	punctuated := p != c.p.raw
	switch {
	case isDash(c.p.raw):
		return BreakPoor // "Lao động - / Thương binh": the phrase goes on
	case punctuated && punctuatedCompound(c.p, c.n):
		return BreakPoor // phòng, / chống: a fixed phrase, comma and all
	case punctuated && endsClause(c.p.raw):
		return BreakBest
	case punctuated:
		return BreakGood
	case isDatePart(c):
		return BreakPoor
	case strings.HasPrefix(c.n.raw, "(") && c.p.b&lexNoEnd == 0:
		return BreakGood // before a bracket: "UBND tỉnh / (b/c)"
	case c.p.b&lexNoEnd != 0:
		return BreakPoor
	case compound(c.p, c.n):
		return BreakPoor
	case starts(c.n, c.n2.bare):
		return BreakGood
	case c.p.b&lexUnit != 0 || p == "xã":
		return BreakPoor // TỈNH / THANH HÓA, XÃ / HỘI
	case c.pp.b&lexUnit != 0 || c.pp.bare == "xã" && p != "hội":
		return BreakPoor // inside a place name: THỊ XÃ BỈM / SƠN
	}
	return BreakFair
}

// bound reports whether the two sides of a break form one unit that a
// line must not split (BreakNever).
func bound(c context) bool {
	p := c.p.bare
	switch {
	case opensOnly(c.p.raw):
		return true // a lone "(" or "“" never ends a line
	case closesOnly(c.n.raw):
		return true // a lone ")", "%" or ";" never starts one
	case strings.HasPrefix(c.n.raw, "(") && bracketedNote(c.n.raw):
		return true // nor a bracketed unit or note: "Tỷ lệ (%)", "(1)"
	case isDash(c.p.raw) && c.pp.num && c.n.num:
		return true // a range: 2016 - / 2020
	case p != c.p.raw:
		return false // punctuation ends the phrase: "năm 2017, / 2018"
	case c.n.num && (c.p.u&lexIntro != 0 || introducedBy[pair{c.pp.bare, c.p.un}]):
		return true // ngày / 27/4/2007, Quyết định số / 12, Điều / 3, (Thứ / 5)
	case c.p.b&lexRomanAfter != 0 && isRoman(unopened(c.n.raw)):
		return true // Phụ lục / II, Mục / I, quý / III
	case p == "điểm" && isLetter(unopened(c.n.raw)):
		return true // điểm / a
	case c.p.num && counted(c):
		return true // 25 / người, 8 / giờ, 1,5 / triệu đồng
	case c.pp.num && unitPairs[pair{p, c.n.un}]:
		return true // 1,5 triệu / đồng, 30 trẻ / em
	}
	return false
}

// counted reports whether the word after a number is the unit it counts
// ("25 người", "6 tháng"), not the start of the next part of a date
// ("ngày 15 / tháng 11": tháng is followed by its own number).
func counted(c context) bool {
	if strings.HasPrefix(c.n.raw, "%") {
		return true
	}
	if c.n.u&lexCount == 0 {
		return false
	}
	return !(c.n.u&lexDate != 0 && c.n.un == c.n.raw && c.n2.num)
}

// isDatePart reports a break between two parts of a date or a time
// written in words: "ngày 15 / tháng 11 / năm 2017". A line may break
// there (a whole date is too long to glue), but rather elsewhere. A
// document's number ("số 1100/QĐ-UBND / ngày 21 …") is no part of the
// date after it.
func isDatePart(c context) bool {
	return c.p.num && !strings.ContainsFunc(c.p.bare, unicode.IsLetter) && c.n.u&lexDate != 0 && c.n2.num
}

// introduces are words followed by their number: the number belongs to
// them, and a line never separates the two. introducedBy are the names of
// two syllables that do the same: a document's type introduces its number
// directly ("Nghị quyết 11/NQ-TW") or through "số".
var (
	introduces   = set("ngày tháng năm giờ phút số điều khoản điểm mục chương phần quý khóa khoá đợt lần thứ")
	introducedBy = pairs("nghị quyết|quyết định|kế hoạch|công văn|chỉ thị|nghị định|thông tư|thông báo|báo cáo|tờ trình|hướng dẫn|chương trình|phụ lục|tiểu mục")
)

// romanAfter are the words numbered in Roman numerals (Phụ lục II,
// Mục I, Chương III, Phần I, quý IV).
var romanAfter = set("lục mục chương phần quý khóa khoá")

// countUnits are units and counted things that follow a number: the
// number is read with them ("25 người", "30 %", "1,5 triệu đồng", "6
// tháng", "8 giờ 00 phút"). Only the first syllable is listed; unitPairs
// keep the second of a two-syllable unit.
var countUnits = set("người % đồng triệu tỷ tỉ nghìn ngàn trăm vạn ca trẻ hộ lượt buổi lớp cuộc xã phường thôn " +
	"tổ đội đơn cơ km ha m m2 m² m3 kg tấn lít lần giờ phút giây tuổi trang chỉ thành cán học hội em cháu phụ nữ " +
	"hồ văn bài tin tháng năm ngày tuần quý bản đoàn đảng")

// dateUnits are the units that may also start the next part of a date
// or a time ("ngày 15 tháng 11 năm 2017"), when a number follows them.
var dateUnits = set("tháng năm ngày quý tuần phút")

// unitPairs are two-syllable units and counted things, kept whole after
// a number.
var unitPairs = pairs("triệu đồng|tỷ đồng|tỉ đồng|nghìn đồng|ngàn đồng|trăm đồng|trẻ em|học sinh|học viên|cán bộ|thành viên|" +
	"đơn vị|cơ sở|hội nghị|hội viên|chỉ tiêu|phụ nữ|hồ sơ|văn bản|tin bài|lượt người|đoàn viên|đảng viên|cơ quan")

// bare is a syllable without the punctuation that may follow it, the
// "./." that ends a document's text included ("thực hiện./.").
func bare(s string) string {
	s = strings.TrimSuffix(s, "/.")
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !closing(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// unopened is a syllable without the brackets and quotes before it.
func unopened(s string) string {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !opening(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// closing reports the punctuation that follows a word: it ends a phrase
// and stays on the word's line.
func closing(r rune) bool {
	switch r {
	case ',', ';', ':', '.', '!', '?', ')', ']', '"', '”', '’', '…':
		return true
	}
	return false
}

// opening reports the brackets and quotes that open a phrase.
func opening(r rune) bool {
	switch r {
	case '(', '"', '“', '‘', '[':
		return true
	}
	return false
}

// endsClause reports whether s ends a sentence or a clause: a full stop,
// a semicolon, a colon, "!" or "?" (a bracket or quote may close after
// it).
func endsClause(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', ';', ':', '!', '?', '…':
			return true
		case ')', ']', '"', '”', '’':
			s = s[:len(s)-n]
			continue
		}
		return false
	}
	return false
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// opensOnly reports whether s is only opening brackets or quotes.
func opensOnly(s string) bool { return s != "" && unopened(s) == "" }

// closesOnly reports whether s is only punctuation that closes what is
// before it (")", "%", ";", "…").
func closesOnly(s string) bool {
	for _, r := range s {
		if !closing(r) && r != '%' {
			return false
		}
	}
	return s != ""
}

// bracketedNote reports whether a word in brackets holds only a unit or
// a number: "(%)", "(1)", "(2);".
func bracketedNote(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("()%0123456789,.;", r) {
			return false
		}
	}
	return true
}

// isRoman reports whether s (in lower case) is a Roman numeral of a few
// letters: "i", "ii", "iv", "xii".
func isRoman(s string) bool {
	s, _, _ = strings.Cut(bare(s), "/") // quý III/2024
	s, _, _ = strings.Cut(s, "-")
	return s != "" && len(s) <= 6 && strings.Trim(s, "ivxlc") == ""
}

// isLetter reports whether s is one letter of the Vietnamese alphabet,
// as point letters are (a, b, … đ …), a closing bracket allowed.
func isLetter(s string) bool {
	s = bare(s)
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && n > 0 && unicode.IsLetter(r)
}

// starts reports whether the syllable n, followed by n2 (bare), starts a
// phrase.
func starts(n *syllable, n2 string) bool {
	switch n.un {
	case "xã":
		return n2 != "hội" // xã Hà Lan, not xã hội
	case "đối":
		return n2 == "với"
	case "giai":
		return n2 == "đoạn"
	case "thị":
		return n2 == "xã" || n2 == "trấn"
	case "thành":
		return n2 == "phố"
	case "địa":
		return n2 == "bàn"
	}
	return n.u&(lexPhraseStart|lexUnit) != 0
}

// phraseStart are linking words: a line may start with them, and should
// not end with them (noEnd).
var phraseStart = set("và của về trên tại năm cho theo trong với từ đến nhằm để thuộc các những")

// units are the one-syllable names of administrative units, which start a
// phrase and are followed by a place name.
var units = set("tỉnh huyện quận phường")

// noEnd are words that lead into what follows them: a line should not end
// with them.
var noEnd = set("và của về trên tại cho theo trong với từ đến nhằm để thuộc các những mọi một sự việc vì đối")

// compounds are two-syllable words frequent in the names of bodies and in
// abstracts, which a line should not split. The list is not a dictionary:
// a break between two syllables it does not know is rated fair, and good
// breaks are preferred anyway.
var compounds = pairsOf([]string{
	"ủy ban", "nhân dân", "hội đồng", "chủ tịch", "chính phủ", "thủ tướng", "văn phòng", "trung tâm",
	"lao động", "thương binh", "xã hội", "văn hóa", "thể thao", "du lịch", "giáo dục", "đào tạo",
	"y tế", "tài chính", "kế hoạch", "đầu tư", "nội vụ", "tư pháp", "công thương", "nông nghiệp",
	"phát triển", "nông thôn", "tài nguyên", "môi trường", "giao thông", "vận tải", "xây dựng",
	"khoa học", "công nghệ", "thông tin", "truyền thông", "thanh tra", "ngoại vụ", "dân tộc",
	"tôn giáo", "kiểm tra", "kiểm soát", "công an", "quân sự", "biên phòng", "hải quan", "thuế vụ",
	"kho bạc", "ngân hàng", "bảo hiểm", "thống kê", "thanh niên", "phụ nữ", "cựu chiến", "chiến binh",
	"nông dân", "liên hiệp", "liên đoàn", "công đoàn", "mặt trận", "tổ quốc", "cộng sản", "đảng ủy",
	"tỉnh ủy", "huyện ủy", "thị ủy", "thành ủy", "bình đẳng", "tiến bộ", "gia đình", "trẻ em",
	"chăm sóc", "bảo vệ", "bạo lực", "công tác", "thực hiện", "triển khai", "tổ chức", "tăng cường",
	"nâng cao", "hiệu quả", "chất lượng", "quản lý", "nhà nước", "hành chính", "sơ kết", "tổng kết",
	"báo cáo", "kết quả", "hoạt động", "tuyên truyền", "phổ biến", "pháp luật", "chương trình",
	"quyết định", "nghị quyết", "nghị định", "thông tư", "chỉ thị", "kiện toàn", "thành lập",
	"thành viên", "quy chế", "quy định", "ban hành", "phê duyệt", "điều chỉnh", "bổ sung", "sửa đổi",
	"hướng dẫn", "chỉ đạo", "lãnh đạo", "cán bộ", "công chức", "viên chức", "đảng viên", "nhiệm vụ",
	"giải pháp", "mục tiêu", "chỉ tiêu", "chiến lược", "quốc gia", "địa phương", "cơ quan", "đơn vị",
	"doanh nghiệp", "dịch vụ", "sản xuất", "kinh doanh", "kinh tế", "an ninh", "quốc phòng", "trật tự",
	"an toàn", "phòng chống", "cải cách", "chuyển đổi", "số hóa", "điện tử", "dữ liệu",
	"năm học", "học sinh", "sinh viên", "bệnh viện", "nhà trường", "lịch sử", "di tích", "thư viện",
	"bảo tàng", "đất đai", "khoáng sản", "thủy lợi", "lâm nghiệp", "thủy sản", "người cao", "cao tuổi",
	"khuyết tật", "có công", "việc làm", "giảm nghèo", "bền vững", "thu nhập", "đời sống",
	"thị xã", "thị trấn", "thành phố", "tác xã", "địa bàn", "giai đoạn", "đối với", "thi đua", "khen thưởng", "kỷ luật", "biểu dương", "điển hình", "tiên tiến",
	"phòng, chống", "đẳng giới", "nhận thức", "trách nhiệm", "tham gia", "phối hợp", "cơ sở", "số liệu", "lĩnh vực",
	"hành động", "phòng ngừa", "ứng phó", "hưởng ứng", "truyền thanh", "chuyên đề", "đại biểu", "tham mưu",
	"tổng hợp", "đôn đốc", "theo dõi", "rà soát", "đề xuất", "kiến nghị", "sức khỏe", "sinh sản", "miễn phí",
	"hội trường", "ngân sách", "dự toán", "kinh phí", "nguồn lực", "giám sát", "đánh giá", "thời gian",
	"cộng đồng", "uy tín", "chủ trì", "vướng mắc", "khó khăn", "phản ánh", "quy hoạch", "bổ nhiệm",
	"bồi dưỡng", "tập huấn", "nghiệp vụ", "chuyên môn", "kỹ năng", "lồng ghép", "chính sách", "văn bản",
	"kết luận", "cuộc họp", "chủ đề", "phát động", "hộ nghèo", "học nghề", "trọng tâm", "thường xuyên",
	"trực thuộc", "ngang bộ", "thường trực",
	// the names of document types (Phụ lục III): "Công / điện này" cuts a word
	"công điện", "công văn", "tờ trình", "giấy mời", "biên bản", "hợp đồng", "đề án", "dự án", "phương án",
	"thông cáo", "thông báo", "giới thiệu", "ủy quyền", "nghỉ phép", "thiểu số", "nhà văn",
})

// set builds a lookup of the words of s, separated by spaces.
func set(s string) map[string]bool {
	m := make(map[string]bool, strings.Count(s, " ")+1)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// A pair is two syllables, or two words, next to each other.
type pair struct{ a, b string }

// pairs builds a lookup of the pairs of s, separated by "|", each two
// syllables separated by a space.
func pairs(s string) map[pair]bool { return pairsOf(strings.Split(s, "|")) }

// pairsOf builds a lookup of the pairs of list, each two syllables
// separated by a space; sized at once, as the tables are built by every
// process.
func pairsOf(list []string) map[pair]bool {
	m := make(map[pair]bool, len(list))
	for _, e := range list {
		a, b, _ := strings.Cut(e, " ")
		m[pair{a, b}] = true
	}
	return m
}

// syllablesOf splits each word at spaces (including no-break spaces), in
// lower case. The syllables of all the words share one array.
func syllablesOf(words []string) [][]syllable {
	out, _ := syllablesInto(words, nil, nil)
	return out
}

// syllablesInto is syllablesOf with the buffers of a previous call (out
// and all, empty).
func syllablesInto(words []string, out [][]syllable, all []syllable) ([][]syllable, []syllable) {
	if all == nil {
		all = make([]syllable, 0, len(words)+len(words)/4)
	}
	// Each word's syllables are a slice of all's array when they are
	// appended; a later growth of all leaves them in the old one, which
	// they keep alive.
	out = append(out, make([][]syllable, len(words))...)
	for i, w := range words {
		start := len(all)
		w = lower(w) // allocates only for a word with capitals
		for len(w) > 0 {
			k, size := IndexSpace(w)
			if k < 0 {
				all = append(all, newSyllable(w))
				break
			}
			if k > 0 {
				all = append(all, newSyllable(w[:k]))
			}
			w = w[k+size:]
		}
		out[i] = all[start:len(all):len(all)]
	}
	return out, all
}

func startsWithDigit(s string) bool {
	for _, r := range s {
		return unicode.IsDigit(r)
	}
	return false
}

// InsideWord reports whether the break before words[i] falls inside a
// word or a name, where LineBreaks rates it poor or name for that reason:
// between two syllables known as one word ("thực / hiện", "thành / phố",
// "phòng, / chống"), inside a name ("Ủy ban nhân / dân", "Tháng hành /
// động"), or after the dash that joins a name ("Văn hóa - / Xã hội").
// What such a break leaves alone on a paragraph's last line means nothing
// by itself; a break after a linking word or inside a date is poor for
// other reasons and is not reported.
func InsideWord(words []string, i int, names *Names) bool {
	if i <= 0 || i >= len(words) {
		return false
	}
	lo, hi := insideReach(i, len(words))
	var a Analysis
	a.Read(words[lo:hi], names)
	return a.InsideWord(i - lo)
}

// insideReach returns the words around the break before word i of n that
// InsideWord reads: a name is a few words long, so those around the break
// suffice.
func insideReach(i, n int) (lo, hi int) {
	const reach = 8
	return max(0, i-reach), min(n, i+reach)
}

// InsideWord is viet.InsideWord for the break before word i of the words
// a has read.
func (a *Analysis) InsideWord(i int) bool {
	if i <= 0 || i >= len(a.syl) {
		return false
	}
	// The same words as viet.InsideWord reads: each word's syllables are
	// its own, so a window of a's are those of the window's words.
	lo, hi := insideReach(i, len(a.syl))
	syl, i := a.syl[lo:hi], i-lo
	c := around(syl, i)
	switch {
	case c.p.raw == "" || c.n.raw == "" || bound(c):
		return false
	case isDash(c.p.raw):
		return true
	case c.p.bare != c.p.raw:
		if punctuatedCompound(c.p, c.n) {
			return true
		}
	case compound(c.p, c.n):
		return true
	}
	a.named = append(a.named[:0], make([]Break, len(syl))...)
	a.names.mark(syl, a.named)
	return a.named[i] == BreakName
}
