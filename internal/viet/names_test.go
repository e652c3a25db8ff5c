package viet

import "testing"

func TestNameInText(t *testing.T) {
	for _, c := range []struct {
		caps, want string
		guessed    bool
	}{
		{"ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN", "Ủy ban nhân dân thị xã Bỉm Sơn", false},
		{"HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA", "Hội đồng nhân dân tỉnh Thanh Hóa", false},
		{"CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN", "Chủ tịch Ủy ban nhân dân thị xã Bỉm Sơn", false},
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội", true},
		{"GIÁM ĐỐC SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Giám đốc Sở Kế hoạch và Đầu tư", true},
		{"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch", true},
		{"PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI THỊ XÃ BỈM SƠN", "Phòng Lao động - Thương binh và Xã hội thị xã Bỉm Sơn", true},
		{"BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ THỊ XÃ BỈM SƠN", "Ban Vì sự tiến bộ của phụ nữ thị xã Bỉm Sơn", true},
		{"VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN THỊ XÃ", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã", false},
		{"SỞ TƯ PHÁP", "Sở Tư pháp", true},
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
		{[]string{"UBND TỈNH HÒA BÌNH NAM", "SỞ NỘI VỤ"}, "Sở Nội vụ tỉnh Hòa Bình Nam", true},
		{[]string{"UBND TỈNH THANH HÓA", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"}, "Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa", true},
		{[]string{"ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN", "PHÒNG VĂN HÓA VÀ THÔNG TIN"}, "Phòng Văn hóa và Thông tin thị xã Bỉm Sơn", true},
		{[]string{"ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"}, "Ủy ban nhân dân xã An Bình", false},
		{[]string{"ỦY BAN NHÂN DÂN", "THỊ XÃ BỈM SƠN"}, "Ủy ban nhân dân thị xã Bỉm Sơn", false},
		{[]string{"ỦY BAN NHÂN DÂN TỈNH AN HÒA"}, "Ủy ban nhân dân tỉnh An Hòa", false},
	} {
		if got, g := IssuerInText(c.lines); got != c.want || g != c.guessed {
			t.Errorf("IssuerInText(%q) = %q, %v; want %q, %v", c.lines, got, g, c.want, c.guessed)
		}
	}
}
