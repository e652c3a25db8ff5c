package viet

import (
	"strings"
	"unicode"
)

// Break rates a place where a name or a title may be wrapped onto a new
// line. Vietnamese words are written as separate syllables ("lao động",
// "xã hội"), so a line may break between the two halves of one word; a
// reader then sees "SỞ LAO ĐỘNG - THƯƠNG / BINH VÀ XÃ HỘI". Centred
// headers and titles are broken where the phrase allows it.
type Break uint8

// Break ratings, best first.
const (
	// BreakGood is after a comma or semicolon, or before a word that
	// starts a phrase: a linking word (VÀ, CỦA, VỀ, TRÊN, TẠI, NĂM …) or an
	// administrative unit (TỈNH, HUYỆN, THỊ XÃ …).
	BreakGood Break = iota
	// BreakFair is between two syllables not known to belong together.
	BreakFair
	// BreakPoor is inside a known two-syllable word (LAO ĐỘNG), after a
	// linking word (CỦA / PHỤ NỮ) or before a number (NĂM / 2017).
	BreakPoor
)

// LineBreaks rates every place where a text may break: out[i] is the
// break before words[i] (out[0] is unused). words are the text split at
// spaces, punctuation attached; a word may hold several syllables when
// they are glued (by a no-break space or a spaced dash), and then the
// syllables next to the break count.
func LineBreaks(words []string) []Break {
	syl := make([][]string, len(words))
	for i, w := range words {
		syl[i] = syllables(w)
	}
	out := make([]Break, len(words))
	for i := 1; i < len(words); i++ {
		out[i] = rate(syl, i)
	}
	return out
}

// LineBreak rates the break before words[i] (0 < i < len(words)).
func LineBreak(words []string, i int) Break { return LineBreaks(words)[i] }

// rate rates the break before word i from the syllables of the words.
func rate(syl [][]string, i int) Break {
	// p, pp: the syllables before the break, last first; n, n2 after it.
	var p, pp, n, n2 string
	before := syl[i-1]
	if len(before) > 0 {
		p = before[len(before)-1]
	}
	switch {
	case len(before) > 1:
		pp = bare(before[len(before)-2])
	case i >= 2 && len(syl[i-2]) > 0:
		pp = bare(syl[i-2][len(syl[i-2])-1])
	}
	after := syl[i]
	if len(after) > 0 {
		n = strings.TrimLeft(after[0], "(\"“")
	}
	switch {
	case len(after) > 1:
		n2 = bare(after[1])
	case i+1 < len(syl) && len(syl[i+1]) > 0:
		n2 = bare(syl[i+1][0])
	}
	switch {
	case p == "" || n == "":
		return BreakPoor
	case bare(p) != p:
		return BreakGood
	case startsWithDigit(n):
		return BreakPoor
	case noEnd[p]:
		return BreakPoor
	case compounds[p+" "+bare(n)]:
		return BreakPoor
	case starts(n, n2):
		return BreakGood
	case units[p] || p == "xã":
		return BreakPoor // TỈNH / THANH HÓA, XÃ / HỘI
	case units[pp] || pp == "xã" && p != "hội":
		return BreakPoor // inside a place name: THỊ XÃ BỈM / SƠN
	}
	return BreakFair
}

// bare is a syllable without the punctuation that may follow it.
func bare(s string) string { return strings.TrimRight(s, ",;:.") }

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
var compounds = set(strings.Join([]string{
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
}, " |"))

// set builds a lookup from words separated by spaces, or by " |" when the
// entries themselves hold spaces.
func set(s string) map[string]bool {
	sep := " "
	if strings.Contains(s, "|") {
		sep = " |"
	}
	m := map[string]bool{}
	for _, w := range strings.Split(s, sep) {
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
