package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NameInText writes the name of a body or a position, given in capitals
// as a header prints it, the way a sentence writes it (Nghị định 30, Phụ
// lục II): the first syllable capitalised; a body named by its field of
// work capitalises the first syllable of each field ("SỞ LAO ĐỘNG -
// THƯƠNG BINH VÀ XÃ HỘI" → "Sở Lao động - Thương binh và Xã hội"); the
// administrative unit stays small and the place name after it takes its
// capitals ("ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN" → "Ủy ban nhân dân thị xã
// Bỉm Sơn"). A name that already has small letters is returned as given.
//
// guessed reports whether a field was capitalised: the rule gives the
// usual form, but proper names inside a field ("Hội Liên hiệp Phụ nữ")
// are beyond it, so the caller should let the clerk check.
func NameInText(caps string) (name string, guessed bool) {
	s := strings.Join(strings.Fields(caps), " ")
	if strings.ToUpper(s) != s {
		return s, false
	}
	words := strings.Fields(strings.ToLower(s))
	field := false   // the next syllable starts a field of work
	inField := false // inside the fields of a body: "và", "-", "," start another
	body := true     // a kind of body (or a position) may start here
	for i := 0; i < len(words); i++ {
		rest := words[i:]
		if n := adminUnit(rest); n > 0 && i > 0 {
			for j := i + n; j < len(words); j++ {
				words[j] = capitalise(words[j])
			}
			break
		}
		if k, n := bodyKind(rest); n > 0 && body {
			words[i] = capitalise(words[i])
			if k.fields {
				if m := knownField(words[i+n:]); m > 0 {
					// A field whose written form is known: not a guess.
					copy(words[i+n:], strings.Fields(knownFields[strings.Join(words[i+n:i+n+m], " ")]))
					i += n + m - 1
					field, inField, body = false, false, false
					continue
				}
			}
			i += n - 1
			field, inField, body = k.fields, false, k.position
			continue
		}
		w := bare(words[i])
		switch {
		case i == 0:
			words[i] = capitalise(words[i])
		case field && w != "và" && w != "-" && w != "–":
			words[i] = capitalise(words[i])
			guessed, field, inField = true, false, true
		}
		switch {
		case inField && (w == "và" || w == "-" || w == "–" || strings.HasSuffix(words[i], ",")):
			field = true // the next field: "… - Thương binh và Xã hội"
		case !inField && w == "và":
			body = true // "Hội đồng nhân dân và Ủy ban nhân dân"
		default:
			body = false
		}
	}
	return strings.Join(words, " "), guessed
}

// knownField returns how many words of ws are a field of work whose
// written form is known (knownFields), running to the end of ws or to an
// administrative unit and its place ("nội vụ tỉnh hòa nam"), else 0.
func knownField(ws []string) int {
	end := len(ws)
	for j := range ws {
		if adminUnit(ws[j:]) > 0 {
			end = j
			break
		}
	}
	if _, ok := knownFields[strings.Join(ws[:end], " ")]; ok && end > 0 {
		return end
	}
	return 0
}

// knownFields are the fields of work of a province's sở and a commune's
// or district's phòng as the decrees establishing them write them, by
// their small-letter form: Nghị định 45/2025/NĐ-CP and 150/2025/NĐ-CP
// (since 1 March and 1 July 2025), and the names before them (Nghị định
// 24/2014/NĐ-CP, 37/2014/NĐ-CP) for past years' files. With one of them
// the capitals are not a guess.
var knownFields = func() map[string]string {
	m := map[string]string{}
	for _, f := range []string{
		// Sở, since 2025.
		"Nội vụ", "Tư pháp", "Tài chính", "Công Thương", "Xây dựng", "Y tế", "Giáo dục và Đào tạo",
		"Nông nghiệp và Môi trường", "Khoa học và Công nghệ", "Văn hóa, Thể thao và Du lịch",
		"Văn hóa và Thể thao", "Du lịch", "Dân tộc và Tôn giáo", "Ngoại vụ",
		// Before 2025.
		"Kế hoạch và Đầu tư", "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường",
		"Nông nghiệp và Phát triển nông thôn", "Giao thông vận tải", "Thông tin và Truyền thông",
		// Phòng of a commune since 1 July 2025, of a district before.
		"Kinh tế", "Văn hóa - Xã hội", "Kinh tế, Hạ tầng và Đô thị", "Tài chính - Kế hoạch",
		"Văn hóa và Thông tin", "Quản lý đô thị", "Dân tộc", "Giáo dục - Đào tạo",
		// Ban of a People's Council (Ban Pháp chế, Ban Kinh tế - Ngân sách).
		"Kinh tế - Ngân sách", "Pháp chế",
	} {
		m[strings.ToLower(f)] = f
		if strings.Contains(f, "hóa") { // the old placement of the tone mark
			m[strings.ToLower(strings.ReplaceAll(f, "hóa", "hoá"))] = strings.ReplaceAll(f, "hóa", "hoá")
		}
	}
	return m
}()

// A bodyName is a kind of body or a position that starts a name.
type bodyName struct {
	words    string
	fields   bool // a field of work follows it: Sở Tư pháp
	position bool // a body follows it: Chủ tịch Ủy ban nhân dân …
}

// bodyKind returns the kind of body or position ws starts with, and how
// many words it takes (0 when none).
func bodyKind(ws []string) (bodyName, int) {
	for _, k := range bodyKinds {
		parts := strings.Fields(k.words)
		if len(ws) >= len(parts) && strings.Join(ws[:len(parts)], " ") == k.words {
			return k, len(parts)
		}
	}
	return bodyName{}, 0
}

// bodyKinds, longest first where one starts another.
var bodyKinds = []bodyName{
	{"ủy ban nhân dân", false, false}, {"uỷ ban nhân dân", false, false}, {"hội đồng nhân dân", false, false},
	{"phó chủ tịch", false, true}, {"chủ tịch", false, true}, {"phó giám đốc", false, true}, {"giám đốc", false, true},
	{"phó trưởng ban", false, true}, {"trưởng ban", false, true}, {"phó trưởng phòng", false, true},
	{"trưởng phòng", false, true}, {"chánh văn phòng", false, true}, {"chánh thanh tra", false, true},
	{"thủ trưởng", false, true},
	{"chi cục", true, false}, {"tổng cục", true, false}, {"cục", true, false}, {"sở", true, false},
	{"phòng", true, false}, {"ban", true, false}, {"bộ", true, false}, {"vụ", true, false},
	{"trung tâm", true, false}, {"văn phòng", false, true}, {"viện", true, false}, {"bệnh viện", true, false},
	{"trường", true, false}, {"đài", true, false}, {"hội", true, false}, {"liên đoàn", true, false},
	{"ủy ban", true, false}, {"uỷ ban", true, false}, {"thanh tra", false, false}, {"công an", false, false},
}

// adminUnit returns how many words of an administrative unit start ws
// when a place name follows it (tỉnh, huyện, quận, thị xã, thành phố,
// thị trấn, xã, phường), else 0.
func adminUnit(ws []string) int {
	if len(ws) >= 3 && ws[0] == "thị" && (ws[1] == "xã" || ws[1] == "trấn") ||
		len(ws) >= 3 && ws[0] == "thành" && ws[1] == "phố" {
		return 2
	}
	if len(ws) >= 2 && !(ws[0] == "xã" && bare(ws[1]) == "hội") {
		switch ws[0] {
		case "tỉnh", "huyện", "quận", "xã", "phường":
			return 1
		}
	}
	return 0
}

func capitalise(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// IssuerInText writes, as a sentence names it, the body whose header
// lines are given (Nghị định 30: the governing body above, the issuing
// body below). When the last line names a place ("XÃ AN BÌNH" under "ỦY
// BAN NHÂN DÂN") the lines are one name; when it names a body of its own
// ("SỞ NỘI VỤ" under "UBND TỈNH HÒA BÌNH NAM") that body issues, and the
// place above tells which: "Sở Nội vụ tỉnh Hòa Bình Nam". A last line
// that starts no body ("VÀ XÃ HỘI") continues the name above it.
func IssuerInText(lines []string) (name string, guessed bool) {
	var kept []string
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			kept = append(kept, l)
		}
	}
	if len(kept) < 2 {
		return NameInText(strings.Join(kept, " "))
	}
	last := strings.Fields(strings.ToLower(kept[len(kept)-1]))
	if _, n := bodyKind(last); n == 0 || adminUnit(last) > 0 {
		return NameInText(strings.Join(kept, " ")) // one name over two lines
	}
	name, guessed = NameInText(kept[len(kept)-1])
	for _, l := range kept[:len(kept)-1] {
		ws := strings.Fields(strings.ToLower(l))
		for i := range ws {
			if adminUnit(ws[i:]) == 0 {
				continue
			}
			place, _ := NameInText("ỦY BAN NHÂN DÂN " + strings.ToUpper(strings.Join(ws[i:], " ")))
			if strings.ToUpper(l) != l { // typed in small letters: as given
				place = "Ủy ban nhân dân " + strings.Join(strings.Fields(l)[i:], " ")
			}
			return name + " " + strings.TrimPrefix(place, "Ủy ban nhân dân "), guessed
		}
	}
	return name, guessed
}

// BodiesInText capitalises, in a phrase written in small letters (a
// title put into sentence case), the bodies named by a field of work whose
// written form is known: "của sở thông tin và truyền thông" → "của Sở
// Thông tin và Truyền thông", "phòng văn hóa - xã hội" → "Phòng Văn hóa -
// Xã hội". Only a kind of body followed by a known field is changed: "bộ
// thủ tục hành chính" is no ministry.
func BodiesInText(words []string) {
	for i := 0; i < len(words); i++ {
		k, n := bodyKind(bareAll(words[i:min(i+4, len(words))]))
		if n == 0 || !k.fields || i+n >= len(words) {
			continue
		}
		m := fieldPrefix(bareAll(words[i+n:]))
		if m == 0 {
			continue
		}
		words[i] = capitalise(words[i])
		written := strings.Fields(knownFields[strings.Join(bareAll(words[i+n:i+n+m]), " ")])
		for j, w := range written {
			at := i + n + j
			words[at] = w + words[at][len(bare(words[at])):] // the punctuation after it stays
		}
		i += n + m - 1
	}
}

// fieldPrefix returns how many words at the start of ws are the longest
// known field of work, else 0.
func fieldPrefix(ws []string) int {
	for end := min(len(ws), 8); end > 0; end-- {
		if _, ok := knownFields[strings.Join(ws[:end], " ")]; ok {
			return end
		}
	}
	return 0
}

// IsAcronym reports whether a word typed in capitals is an abbreviation
// that keeps its capitals in a sentence (TTHC, UBND, HĐND, THCS, BHXH,
// LĐ-TB&XH, COVID-19) rather than a syllable: it has no small letter, no
// vowel with a mark (Đ is a consonant), and a run of its letters is no
// Vietnamese syllable. "BAN", "TIN", "CAO" are syllables; "VI" and "I"
// are too, and are read as such.
func IsAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r) && r >= 0x80 && r != 'Đ':
			return false // a vowel with a mark: a Vietnamese word
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	for _, run := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !plainSyllable(strings.ToLower(strings.ReplaceAll(run, "Đ", "d"))) {
			return true
		}
	}
	return false
}

// Parts of a Vietnamese syllable written without marks, longest first.
var (
	onsets = []string{"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
		"b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	nuclei = []string{"oai", "oay", "uay", "uoi", "uya", "uye", "uyu", "ieu", "yeu", "uou",
		"ai", "ao", "au", "ay", "eo", "ia", "iu", "oa", "oe", "oi", "ua", "ue", "ui", "uo", "uy", "ye", "ie",
		"a", "e", "i", "o", "u", "y"}
	codas = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}
)

// plainSyllable reports whether s, in small letters without marks, is
// the form of a Vietnamese syllable: an onset, a vowel nucleus, a coda.
func plainSyllable(s string) bool {
	for _, o := range onsets {
		if !strings.HasPrefix(s, o) {
			continue
		}
		for _, v := range nuclei {
			rest, ok := strings.CutPrefix(s[len(o):], v)
			if !ok {
				continue
			}
			for _, c := range codas {
				if rest == c {
					return true
				}
			}
		}
	}
	return false
}
