package viet

import (
	"strings"
	"testing"
)

// Each case marks the break with "|"; the rating is that of the break.
func TestLineBreakRatings(t *testing.T) {
	for _, c := range []struct {
		text string
		want Break
	}{
		{"SỞ VĂN HÓA,|THỂ THAO", BreakGood},                // after a comma
		{"đất nước;|Nghị quyết", BreakBest},                // after a semicolon
		{"như sau:|a) Tuyên truyền", BreakBest},            // after a colon
		{"năm 2017.|Đôn đốc", BreakBest},                   // after a full stop
		{"THƯƠNG BINH|VÀ XÃ HỘI", BreakGood},               // before VÀ
		{"BAN VÌ SỰ TIẾN BỘ|CỦA PHỤ NỮ", BreakName},        // before CỦA, inside a shared name
		{"ỦY BAN NHÂN DÂN|CỦA", BreakGood},                 // before CỦA
		{"CÔNG TÁC XÃ HỘI|TỈNH THANH HÓA", BreakGood},      // before a unit
		{"PHỤ NỮ|THỊ XÃ BỈM SƠN", BreakGood},               // before THỊ XÃ
		{"ỦY BAN NHÂN DÂN|XÃ HÀ LAN", BreakGood},           // XÃ as a unit
		{"Bỉm Sơn|năm 2017", BreakGood},                    // before năm
		{"SỞ LAO ĐỘNG - THƯƠNG|BINH", BreakPoor},           // inside THƯƠNG BINH, after a glued dash
		{"TRUNG TÂM CÔNG TÁC|XÃ HỘI", BreakPoor},           // XÃ HỘI is not a unit
		{"TIẾN BỘ CỦA|PHỤ NỮ", BreakPoor},                  // after CỦA
		{"thực hiện công|tác bình đẳng giới", BreakPoor},   // inside công tác
		{"PHỤ NỮ THỊ|XÃ BỈM SƠN", BreakPoor},               // inside THỊ XÃ
		{"THỊ XÃ BỈM|SƠN", BreakPoor},                      // inside a place name
		{"TỈNH|THANH HÓA", BreakPoor},                      // after a unit
		{"nhiệm vụ trọng tâm|6 tháng cuối năm", BreakFair}, // before a number of its own
		{"công tác năm|2018", BreakNever},                  // a year from its word
		{"Nghị quyết 11/NQ-TW ngày|27/4/2007", BreakNever},
		{"Chiều Thứ Năm (Thứ|5)", BreakNever}, // a bracket before the word changes nothing
		{"(ngày|15/11)", BreakNever},
		{"từ ngày|15/11-15/12", BreakNever},
		{"đến năm|2030.", BreakNever},
		{"8 giờ 00|phút", BreakNever}, // a number from its unit
		{"8|giờ 00 phút", BreakNever},
		{"lúc 8 giờ|00 phút", BreakNever},
		{"Quyết định số|12/QĐ-UBND", BreakNever},
		{"Nghị quyết|11/NQ-TW", BreakNever}, // a document's type and its number
		{"theo Điều|3", BreakNever},
		{"tại khoản|2 Điều 5", BreakNever},
		{"điểm|a khoản 2", BreakNever},
		{"Phụ lục|II kèm theo", BreakNever},
		{"Mục|I", BreakNever},
		{"quý|III/2024", BreakNever},
		{"có 25|người tham gia", BreakNever},
		{"đạt 30|%", BreakNever},
		{"kinh phí 1,5|triệu đồng", BreakNever},
		{"kinh phí 1,5 triệu|đồng", BreakNever},
		{"khám cho 120|trẻ em", BreakNever},
		{"120 trẻ|em", BreakNever},
		{"sơ kết 6|tháng đầu năm", BreakNever},   // six months: a unit
		{"ngày 15|tháng 11 năm 2017", BreakPoor}, // parts of a date
		{"tháng 11|năm 2017", BreakPoor},
		{"số 1100/QĐ-UBND|ngày\u00a021", BreakFair}, // a document's number, then its date
		{"năm 2017,|2018", BreakGood},
		{"UBND tỉnh|(b/c);", BreakGood},
		{"UBND tỉnh (b/c)|;", BreakNever}, // a lone punctuation mark
		{"Chương trình công tác năm 2017 (|Phụ lục)", BreakNever},
		{"Hội Liên hiệp|Phụ nữ thị xã", BreakName},     // a shared name
		{"phòng,|chống bạo lực", BreakPoor},            // a fixed phrase, comma and all
		{"Ban Vì|sự tiến bộ", BreakPoor},               // after vì
		{"CÔNG TÁC|THANH NIÊN", BreakFair},             // two words, nothing known
		{"ỦY BAN\u00a0NHÂN|DÂN", BreakPoor},            // glued syllables count one by one
		{"thành phố trực|thuộc trung ương", BreakPoor}, // trực thuộc, a word
		{"cơ quan|thuộc Chính phủ", BreakName},         // a body a central office writes to
		{"các đơn vị|thuộc Sở", BreakGood},             // thuộc starts a phrase
		{"về thực hiện|các mục tiêu", BreakGood},       // các starts a noun phrase
		{"Thường|trực Đảng ủy", BreakPoor},             // thường trực
	} {
		before, after, _ := strings.Cut(c.text, "|")
		words := append(strings.Split(before, " "), strings.Split(after, " ")...)
		// Keep glued words (no-break space, spaced dash) whole.
		words = regroup(words)
		i := len(regroup(strings.Split(before, " ")))
		if got := LineBreak(words, i); got != c.want {
			t.Errorf("%s: rated %d, want %d", c.text, got, c.want)
		}
	}
}

// A paragraph's last line that completes a word or a name is told apart
// from one after a break that is poor for other reasons.
func TestInsideWord(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"phối hợp thực|hiện./.", true},               // a known word, vanban's end mark after it
		{"huyện, thị xã, thành|phố", true},            // a place word
		{"pháp luật về bình đẳng|giới;", true},        // bình đẳng giới
		{"suốt thời gian của Tháng hành|động.", true}, // a shared name
		{"của Ủy ban nhân|dân xã", true},              // a shared name
		{"công tác phòng,|chống.", true},              // a fixed phrase
		{"đến ngày 15|tháng 12.", false},              // a date's parts
		{"trưởng các thôn và|nhân dân.", false},       // after a linking word
		{"các đơn vị thực hiện|nghiêm túc.", false},   // two words
		{"trước ngày|30/6/2024.", false},              // bound: never a break at all
		{"Sở Nội vụ tỉnh Thanh|Hóa.", true},           // a header's place name
	} {
		before, after, _ := strings.Cut(c.text, "|")
		words := regroup(append(strings.Split(before, " "), strings.Split(after, " ")...))
		i := len(regroup(strings.Split(before, " ")))
		if got := InsideWord(words, i, NewNames("UBND TỈNH THANH HÓA")); got != c.want {
			t.Errorf("%s: %v, want %v", c.text, got, c.want)
		}
	}
	// The line breaker lets a line end after a spaced dash, the dash
	// staying with the word before it: "Văn hóa - / Xã hội." cuts a name.
	if !InsideWord([]string{"của", "Phòng", "Văn", "hóa -", "Xã", "hội."}, 4, nil) {
		t.Error("Văn hóa - / Xã hội.: not inside a name")
	}
}

// regroup joins a spaced dash to its neighbours, as the line breaker does.
func regroup(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if ws[i] == "-" && len(out) > 0 && i+1 < len(ws) {
			out[len(out)-1] += " - " + ws[i+1]
			i++
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

// The places of a document's header are names its text keeps whole when
// it can: "Hà Lan" in a sentence that does not say "xã" before it.
func TestHeaderPlaceNames(t *testing.T) {
	names := NewNames("ỦY BAN NHÂN DÂN XÃ HÀ LAN", "UBND TỈNH THANH HÓA", "Hà Lan")
	words := strings.Fields("nhân dân Hà Lan và Thanh Hóa phối hợp")
	got := LineBreaks(words, names)
	if got[3] != BreakName || got[6] != BreakName {
		t.Errorf("Hà / Lan rated %d, Thanh / Hóa %d, want %d", got[3], got[6], BreakName)
	}
	if plain := LineBreaks(words, nil); plain[3] != BreakFair {
		t.Errorf("without the header, Hà / Lan rated %d, want %d", plain[3], BreakFair)
	}
	if got[4] != BreakGood {
		t.Errorf("Lan / và rated %d, want %d", got[4], BreakGood)
	}
}

// A line may end after a spaced dash (the breaker splits the words glued
// around it: "động -" then "Thương"), rather poorly, and never inside a
// range of numbers.
func TestBreakAfterDash(t *testing.T) {
	if got := LineBreak([]string{"Lao", "động -", "Thương", "binh"}, 2); got != BreakPoor {
		t.Errorf("Lao động - / Thương binh: rated %d, want %d", got, BreakPoor)
	}
	if got := LineBreak([]string{"giai", "đoạn", "2016 -", "2020"}, 3); got != BreakNever {
		t.Errorf("2016 - / 2020: rated %d, want %d", got, BreakNever)
	}
}
