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
