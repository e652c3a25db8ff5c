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
