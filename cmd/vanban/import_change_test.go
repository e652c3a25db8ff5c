package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportNeverChangesSilently replays clerk trial 4's finding: the
// commune's file holds Thôn Nam's births corrected by hand after a phone
// call (19, 7, 12, with a comment) and Thôn Đông's from a form sent
// earlier; the village forms give other figures. Import refuses, naming
// each figure; --overwrite takes the forms' figures and says so; the same
// import again changes nothing and says nothing.
func TestImportNeverChangesSilently(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"bdg-2025.yaml", "thon-nam.xlsx", "thon-dong.xlsx"} {
		b, err := os.ReadFile(filepath.Join("testdata", "trial4", f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "bdg-2025.yaml" {
			// Thôn Đông re-sent its form: the file has what it sent first.
			b = bytes.Replace(b, []byte("sinh: {total: 24, male: 13, female: 11}"), []byte("sinh: {total: 26, male: 14, female: 12}"), 1)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	file := filepath.Join(dir, "bdg-2025.yaml")
	before, _ := os.ReadFile(file)

	code, out, errs := vanban(t, dir, "import", "bdg-2025.yaml", "thon-nam.xlsx", "thon-dong.xlsx")
	if code != exitInvalid || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		"bdg-2025.yaml:94:5: data.thon-dong.sinh: Thôn Đông, Trẻ sinh ra sống: tệp số liệu đang ghi tổng số 26, nam 14, nữ 12 (dòng 94) nhưng biểu mẫu thon-dong.xlsx:Số liệu!D17:D19 ghi tổng số 24, nam 13, nữ 11; vanban không tự thay số liệu đã có (cách sửa: nếu số liệu của biểu mẫu đúng",
		"bdg-2025.yaml:106:5: data.thon-nam.sinh: Thôn Nam, Trẻ sinh ra sống: tệp số liệu đang ghi tổng số 19, nam 7, nữ 12 (dòng 106) nhưng biểu mẫu thon-nam.xlsx:Số liệu!D17:D19 ghi tổng số 18, nam 6, nữ 12; vanban không tự thay số liệu đã có (ghi chú cạnh số liệu trong tệp: # đã gọi điện trưởng thôn Nam, sửa ngày 12/12)",
		"chạy lại lệnh với --overwrite để thay",
		"vanban import: chưa ghi gì vào bdg-2025.yaml",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in\n%s", want, errs)
		}
	}
	if strings.Count(errs, "vanban không tự thay") != 2 {
		t.Errorf("want exactly the two changed figures:\n%s", errs)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
		t.Error("the period file changed although the import was refused")
	}
	_, _, en := vanban(t, dir, "import", "--lang", "en", "bdg-2025.yaml", "thon-nam.xlsx")
	if want := "bdg-2025.yaml:106:5: data.thon-nam.sinh: Thôn Nam, Trẻ sinh ra sống: the period file holds total 19, men 7, women 12 (line 106) but the form thon-nam.xlsx:Số liệu!D17:D19 gives total 18, men 6, women 12"; !strings.Contains(en, want) {
		t.Errorf("want %q in\n%s", want, en)
	}

	code, out, errs = vanban(t, dir, "import", "--overwrite", "bdg-2025.yaml", "thon-nam.xlsx", "thon-dong.xlsx")
	if code != exitOK || !strings.Contains(out, "đã nhập số liệu của 2 đơn vị từ 2 biểu mẫu") {
		t.Fatalf("--overwrite: exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		"bdg-2025.yaml:94:5: data.thon-dong.sinh: ghi chú: Thôn Đông, Trẻ sinh ra sống: đã thay số liệu trong tệp bằng số liệu của biểu mẫu thon-dong.xlsx:Số liệu!D17:D19: tổng số 26, nam 14, nữ 12 → tổng số 24, nam 13, nữ 11\n",
		"bdg-2025.yaml:106:5: data.thon-nam.sinh: ghi chú: Thôn Nam, Trẻ sinh ra sống: đã thay số liệu trong tệp bằng số liệu của biểu mẫu thon-nam.xlsx:Số liệu!D17:D19: tổng số 19, nam 7, nữ 12 → tổng số 18, nam 6, nữ 12 (cách sửa: ghi chú cạnh số liệu cũ vẫn giữ nguyên (# đã gọi điện trưởng thôn Nam, sửa ngày 12/12): sửa hoặc xóa nếu không còn đúng)",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in\n%s", want, errs)
		}
	}
	after, _ := os.ReadFile(file)
	for _, want := range []string{"    sinh: {total: 24, male: 13, female: 11}\n", "    sinh: {total: 18, male: 6, female: 12}  # đã gọi điện"} {
		if !bytes.Contains(after, []byte(want)) {
			t.Errorf("want %q in the file", want)
		}
	}
	// Only the two figures changed.
	if a, b := strings.Split(string(before), "\n"), strings.Split(string(after), "\n"); len(a) != len(b) {
		t.Errorf("%d lines, then %d", len(a), len(b))
	} else {
		var diff []int
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i+1)
			}
		}
		if len(diff) != 2 || diff[0] != 94 || diff[1] != 106 {
			t.Errorf("changed lines %v, want [94 106]", diff)
		}
	}

	// The same forms again: nothing to say, nothing changed.
	code, _, errs = vanban(t, dir, "import", "bdg-2025.yaml", "thon-nam.xlsx", "thon-dong.xlsx")
	if again, _ := os.ReadFile(file); code != exitOK || errs != "" || !bytes.Equal(again, after) {
		t.Errorf("same import again: exit %d, file changed %v\n%s", code, !bytes.Equal(again, after), errs)
	}
}
