package viet

import (
	"strings"
	"testing"
)

func TestNameInText(t *testing.T) {
	for _, c := range []struct {
		caps, want string
		guessed    bool
	}{
		{"ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN", "Ủy ban nhân dân thị xã Bỉm Sơn", false},
		{"HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA", "Hội đồng nhân dân tỉnh Thanh Hóa", false},
		{"CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN", "Chủ tịch Ủy ban nhân dân thị xã Bỉm Sơn", false},
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội", false},
		{"GIÁM ĐỐC SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Giám đốc Sở Kế hoạch và Đầu tư", false},
		{"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch", false},
		{"SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", "Sở Văn hoá, Thể thao và Du lịch", false},
		{"PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI THỊ XÃ BỈM SƠN", "Phòng Lao động - Thương binh và Xã hội thị xã Bỉm Sơn", false},
		{"BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ THỊ XÃ BỈM SƠN", "Ban Vì sự tiến bộ của phụ nữ thị xã Bỉm Sơn", true},
		{"VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN THỊ XÃ", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã", false},
		{"SỞ TƯ PHÁP", "Sở Tư pháp", false},
		// Fields of work the decrees do not list: the capitals are the
		// rule's guess (a proper name inside may need its own).
		{"SỞ LAO ĐỘNG, THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động, Thương binh và Xã hội", true},
		{"HỘI LIÊN HIỆP PHỤ NỮ TỈNH AN HÒA", "Hội Liên hiệp phụ nữ tỉnh An Hòa", true},
		{"TRUNG TÂM CÔNG TÁC XÃ HỘI TỈNH AN HÒA", "Trung tâm Công tác xã hội tỉnh An Hòa", true},
		{"CÔNG AN HUYỆN NGA SƠN", "Công an huyện Nga Sơn", false},
		{"Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội", false},
		{"", "", false},
	} {
		got, guessed := NameInText(c.caps)
		if got != c.want || guessed != c.guessed {
			t.Errorf("%s: got %q (guessed %v), want %q (%v)", c.caps, got, guessed, c.want, c.guessed)
		}
	}
}

// TestIssuerInText: a body under its governing body is named with the
// governing body's place, never glued to it ("Ubnd tỉnh Hòa Bình Nam Sở
// Nội Vụ", the clerk's trial); a committee over its place stays one name.
func TestIssuerInText(t *testing.T) {
	for _, c := range []struct {
		lines   []string
		want    string
		guessed bool
	}{
		// The clerk's trial 4: a name composed of known parts (Sở, its
		// field, tỉnh, the place) is no guess.
		{[]string{"UBND TỈNH HÒA BÌNH NAM", "SỞ NỘI VỤ"}, "Sở Nội vụ tỉnh Hòa Bình Nam", false},
		{[]string{"UBND TỈNH HÒA NAM", "SỞ NỘI VỤ"}, "Sở Nội vụ tỉnh Hòa Nam", false},
		{[]string{"UBND TỈNH HÒA NAM", "SỞ PHỤ NỮ VÀ TRẺ EM"}, "Sở Phụ nữ và Trẻ em tỉnh Hòa Nam", true},
		{[]string{"UBND TỈNH THANH HÓA", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"}, "Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa", false},
		{[]string{"ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN", "PHÒNG VĂN HÓA VÀ THÔNG TIN"}, "Phòng Văn hóa và Thông tin thị xã Bỉm Sơn", false},
		{[]string{"ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"}, "Ủy ban nhân dân xã An Bình", false},
		{[]string{"ỦY BAN NHÂN DÂN", "THỊ XÃ BỈM SƠN"}, "Ủy ban nhân dân thị xã Bỉm Sơn", false},
		{[]string{"ỦY BAN NHÂN DÂN TỈNH AN HÒA"}, "Ủy ban nhân dân tỉnh An Hòa", false},
	} {
		if got, g := IssuerInText(c.lines); got != c.want || g != c.guessed {
			t.Errorf("IssuerInText(%q) = %q, %v; want %q, %v", c.lines, got, g, c.want, c.guessed)
		}
	}
}

// Abbreviations keep their capitals in a sentence; words, with or without
// marks, do not.
func TestIsAcronym(t *testing.T) {
	for w, want := range map[string]bool{
		"TTHC": true, "UBND": true, "HĐND": true, "THCS": true, "BHXH,": true, "LĐ-TB&XH": true, "COVID-19": true, "HIV/AIDS": true,
		"BAN": false, "TIN": false, "CAO": false, "NGHIÊN": false, "VỀ": false, "Đ": false, "VI": false, "TRƯỜNG": false,
		"NGHIENG": false, "QUY": false, "GIA": false, "Ubnd": false, "2025": false, "(TTHC)": true,
	} {
		if got := IsAcronym(w); got != want {
			t.Errorf("IsAcronym(%q) = %v, want %v", w, got, want)
		}
	}
}

// A body named by a known field gets its capitals in a sentence; a kind
// of body followed by anything else is left as it is.
func TestBodiesInText(t *testing.T) {
	for in, want := range map[string]string{
		"của sở thông tin và truyền thông":            "của Sở Thông tin và Truyền thông",
		"sở nội vụ, phòng văn hóa - xã hội xã an phú": "Sở Nội vụ, Phòng Văn hóa - Xã hội xã an phú",
		"vào bộ thủ tục hành chính":                   "vào bộ thủ tục hành chính",
		"ban kinh tế - ngân sách":                     "Ban Kinh tế - Ngân sách",
		"bộ tư pháp.":                                 "Bộ Tư pháp.",
	} {
		ws := strings.Fields(in)
		BodiesInText(ws)
		if got := strings.Join(ws, " "); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
