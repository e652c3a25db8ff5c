package document

import (
	"strings"
	"testing"
)

// A list whose items are numbered by hand is printed as typed, each item
// a paragraph starting with its number, without vanban's dash; numbers
// that skip are warned about, and so is a number typed before some items
// only, which is printed after the dash.
func TestItemsNumberedByHand(t *testing.T) {
	doc, diags := parse(t, `sections:
  - heading: Khẩu hiệu tuyên truyền
    items:
      - 1. Nhiệt liệt chào mừng Ngày bầu cử!
      - "2. Toàn dân đi bầu cử!"
      - "**3. Bầu cử là quyền và nghĩa vụ của công dân!**"
  - heading: Phân công
    items:
      - a) Văn phòng chuẩn bị tài liệu;
      - b) Công an xã bảo đảm an ninh.
  - heading: Thứ tự
    items:
      - 1. Một
      - 2. Hai
      - 4. Bốn
  - heading: Lẫn lộn
    items:
      - Ý thứ nhất
      - 2. Ý thứ hai
  - heading: Nội dung
    items:
      - 1.000 hộ gia đình được hỗ trợ
      - 8/3 mít tinh
      - 2030 là năm bản lề
`)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "blocks", strings.Join(blockTexts(doc.Body()), "\n"), strings.Join([]string{
		"H:**1. Khẩu hiệu tuyên truyền**",
		"P:1. Nhiệt liệt chào mừng Ngày bầu cử!",
		"P:2. Toàn dân đi bầu cử!",
		"P:**3. Bầu cử là quyền và nghĩa vụ của công dân!**",
		"H:**2. Phân công**",
		"P:a) Văn phòng chuẩn bị tài liệu;",
		"P:b) Công an xã bảo đảm an ninh.",
		"H:**3. Thứ tự**",
		"P:1. Một",
		"P:2. Hai",
		"P:4. Bốn",
		"H:**4. Lẫn lộn**",
		"I:Ý thứ nhất",
		"I:2. Ý thứ hai",
		"H:**5. Nội dung**",
		"I:1.000 hộ gia đình được hỗ trợ",
		"I:8/3 mít tinh",
		"I:2030 là năm bản lề./.",
	}, "\n"))
	check(t, "warnings", codes(diags), strings.Join([]string{
		"23:9 sections[3].items[3] numbering.item-order",
		"27:9 sections[4].items[2] numbering.item-typed",
	}, "\n"))
	for _, d := range diags {
		if d.Code == "numbering.item-order" && !strings.Contains(d.FixVi, "“3.”") {
			t.Errorf("the fix does not name the number that follows: %s", d.FixVi)
		}
	}
}
