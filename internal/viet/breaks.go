package viet

import (
	"strings"
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
	syl := make([][]string, len(words))
	for i, w := range words {
		syl[i] = syllables(w)
	}
	out := make([]Break, len(words))
	for i := 1; i < len(words); i++ {
		out[i] = rate(syl, i)
	}
	if names == nil {
		names = commonNames
	}
	names.mark(syl, out)
	return out
}

// LineBreak rates the break before words[i] (0 < i < len(words)), with
// the names every document shares.
func LineBreak(words []string, i int) Break { return LineBreaks(words, nil)[i] }

// context is what a rating looks at around a break: up to two syllables
// on each side, in lower case, punctuation attached.
type context struct {
	pp, p string // before the break, p next to it
	n, n2 string // after the break, n next to it
}

func around(syl [][]string, i int) context {
	var c context
	before := syl[i-1]
	if len(before) > 0 {
		c.p = before[len(before)-1]
	}
	switch {
	case len(before) > 1:
		c.pp = before[len(before)-2]
	case i >= 2 && len(syl[i-2]) > 0:
		c.pp = syl[i-2][len(syl[i-2])-1]
	}
	after := syl[i]
	if len(after) > 0 {
		c.n = after[0]
	}
	switch {
	case len(after) > 1:
		c.n2 = after[1]
	case i+1 < len(syl) && len(syl[i+1]) > 0:
		c.n2 = syl[i+1][0]
	}
	return c
}

// rate rates the break before word i from the syllables of the words.
func rate(syl [][]string, i int) Break {
	c := around(syl, i)
	if c.p == "" || c.n == "" {
		return BreakPoor
	}
	if i == 1 && isDash(c.p) {
		return BreakNever // the dash of an item stays with its first word
	}
	if bound(c) {
		return BreakNever
	}
	p, n := bare(c.p), strings.TrimLeft(c.n, "(\"“‘[")
	n2 := bare(c.n2)
	switch {
	case isDash(c.p):
		return BreakPoor // "Lao động - / Thương binh": the phrase goes on
	case p != c.p && compounds[c.p+" "+bare(n)]:
		return BreakPoor // phòng, / chống: a fixed phrase, comma and all
	case p != c.p && endsClause(c.p):
		return BreakBest
	case p != c.p:
		return BreakGood
	case isDatePart(c):
		return BreakPoor
	case strings.HasPrefix(c.n, "(") && !noEnd[p]:
		return BreakGood // before a bracket: "UBND tỉnh / (b/c)"
	case noEnd[p]:
		return BreakPoor
	case compounds[p+" "+bare(n)]:
		return BreakPoor
	case starts(bare(n), n2):
		return BreakGood
	case units[p] || p == "xã":
		return BreakPoor // TỈNH / THANH HÓA, XÃ / HỘI
	case units[bare(c.pp)] || bare(c.pp) == "xã" && p != "hội":
		return BreakPoor // inside a place name: THỊ XÃ BỈM / SƠN
	}
	return BreakFair
}

// bound reports whether the two sides of a break form one unit that a
// line must not split (BreakNever).
func bound(c context) bool {
	p, n := bare(c.p), strings.TrimLeft(c.n, "(\"“‘[")
	switch {
	case opensOnly(c.p):
		return true // a lone "(" or "“" never ends a line
	case closesOnly(c.n):
		return true // a lone ")", "%" or ";" never starts one
	case strings.HasPrefix(c.n, "(") && strings.Trim(c.n, "()%0123456789,.;") == "":
		return true // nor a bracketed unit or note: "Tỷ lệ (%)", "(1)"
	case isDash(c.p) && isNumber(c.pp) && isNumber(n):
		return true // a range: 2016 - / 2020
	case p != c.p:
		return false // punctuation ends the phrase: "năm 2017, / 2018"
	case isNumber(n) && (introduces[p] || introduces[bare(c.pp)+" "+p]):
		return true // ngày / 27/4/2007, Quyết định số / 12, Điều / 3
	case isRoman(n) && romanAfter[p]:
		return true // Phụ lục / II, Mục / I, quý / III
	case p == "điểm" && isLetter(n):
		return true // điểm / a
	case isNumber(p) && counted(c):
		return true // 25 / người, 8 / giờ, 1,5 / triệu đồng
	case isNumber(bare(c.pp)) && unitPairs[p+" "+bare(n)]:
		return true // 1,5 triệu / đồng, 30 trẻ / em
	}
	return false
}

// counted reports whether the word after a number is the unit it counts
// ("25 người", "6 tháng"), not the start of the next part of a date
// ("ngày 15 / tháng 11": tháng is followed by its own number).
func counted(c context) bool {
	n := c.n
	if n == "%" || strings.HasPrefix(n, "%") {
		return true
	}
	u := bare(n)
	if !countUnits[u] {
		return false
	}
	if dateUnits[u] && bare(c.n) == n && isNumber(bare(c.n2)) {
		return false
	}
	return true
}

// isDatePart reports a break between two parts of a date or a time
// written in words: "ngày 15 / tháng 11 / năm 2017". A line may break
// there (a whole date is too long to glue), but rather elsewhere.
func isDatePart(c context) bool {
	return isNumber(bare(c.p)) && dateUnits[bare(c.n)] && isNumber(bare(c.n2))
}

// introduces are words and names followed by their number: the number
// belongs to them, and a line never separates the two. A document's
// type introduces its number directly ("Nghị quyết 11/NQ-TW") or through
// "số".
var introduces = addAll(set("ngày tháng năm giờ phút số điều khoản điểm mục chương phần quý khóa khoá đợt lần thứ"),
	strings.Split("nghị quyết|quyết định|kế hoạch|công văn|chỉ thị|nghị định|thông tư|thông báo|báo cáo|tờ trình|hướng dẫn|chương trình|phụ lục|tiểu mục", "|"))

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
var unitPairs = phrases("triệu đồng|tỷ đồng|tỉ đồng|nghìn đồng|ngàn đồng|trăm đồng|trẻ em|học sinh|học viên|cán bộ|thành viên|" +
	"đơn vị|cơ sở|hội nghị|hội viên|chỉ tiêu|phụ nữ|hồ sơ|văn bản|tin bài|lượt người|đoàn viên|đảng viên|cơ quan")

// bare is a syllable without the punctuation that may follow it.
func bare(s string) string { return strings.TrimRight(s, ",;:.!?)]\"”’…") }

// endsClause reports whether s ends a sentence or a clause: a full stop,
// a semicolon, a colon, "!" or "?" (a bracket or quote may close after
// it).
func endsClause(s string) bool {
	s = strings.TrimRight(s, ")]\"”’")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:!?…", r)
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// opensOnly reports whether s is only opening brackets or quotes.
func opensOnly(s string) bool {
	return s != "" && strings.Trim(s, "(\"“‘[") == ""
}

// closesOnly reports whether s is only punctuation that closes what is
// before it (")", "%", ";", "…").
func closesOnly(s string) bool {
	return s != "" && strings.Trim(s, ",;:.!?)]\"”’…%") == ""
}

// isNumber reports whether s is a number, a date, a range or a document
// symbol: it starts with a digit ("27/4/2007", "15/11-15/12", "11/NQ-TW",
// "2016-2020", "1,5").
func isNumber(s string) bool { return startsWithDigit(strings.TrimLeft(s, "(\"“‘[")) }

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

// starts reports whether the syllables n, n2 start a phrase.
func starts(n, n2 string) bool {
	switch n {
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
	return phraseStart[n] || units[n]
}

// phraseStart are linking words: a line may start with them, and should
// not end with them (noEnd).
var phraseStart = set("và của về trên tại năm cho theo trong với từ đến nhằm để thuộc")

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
var compounds = phrases(strings.Join([]string{
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
}, "|"))

// set builds a lookup of the words of s, separated by spaces.
func set(s string) map[string]bool { return addAll(map[string]bool{}, strings.Fields(s)) }

// phrases builds a lookup of the entries of s, separated by "|"; an
// entry may hold spaces.
func phrases(s string) map[string]bool { return addAll(map[string]bool{}, strings.Split(s, "|")) }

func addAll(m map[string]bool, ws []string) map[string]bool {
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// syllables splits a word at spaces (including no-break spaces), in lower
// case.
func syllables(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace)
}

func startsWithDigit(s string) bool {
	for _, r := range s {
		return unicode.IsDigit(r)
	}
	return false
}
