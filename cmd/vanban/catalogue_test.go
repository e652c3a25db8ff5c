package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/diag"
	bdg "github.com/vanban/vanban/internal/report"
)

// TestCatalogueCommand: "vanban catalogue" lists the embedded catalogues;
// with an id it lists every measure with its shape and keys and every
// indicator with its id, comparator and targets, in Vietnamese.
func TestCatalogueCommand(t *testing.T) {
	var out, errs bytes.Buffer
	e := &env{stdout: &out, stderr: &errs, getenv: func(string) string { return "" }, lang: diag.Vi}
	if code := catalogueCmd(e, nil); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, name := range bdg.Embedded {
		if !strings.Contains(out.String(), name) {
			t.Errorf("the list lacks %s:\n%s", name, out.String())
		}
	}
	out.Reset()
	if code := catalogueCmd(e, []string{"bdg-2021-2030"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	text := out.String()
	for _, want := range []string{
		"Bộ chỉ tiêu bdg-2021-2030: Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030",
		"SỐ LIỆU THU THẬP",
		"hdnd_lanh_dao — Lãnh đạo chủ chốt HĐND (Chủ tịch, Phó Chủ tịch)",
		"ghi: hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]",
		"không có ở cấp: thôn",
		"ghi: nan_nhan_bl: {detected: 12, served: 9}",
		"ghi: tu_vong_me: {births: 1200, deaths: 1}",
		"CHỈ TIÊU (mã dùng trong targets:, last_year:, indicator_notes:)",
		"MT3.CT3",
		"mục tiêu quốc gia 2025: ≥ 100, 2030: ≥ 100 (áp dụng từ năm 2025)",
		"mục tiêu quốc gia 2025: < 30, 2030: < 25",
		"đánh giá ở cấp tỉnh",
		"báo cáo 6 tháng: đang thực hiện",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the listing lacks %q", want)
		}
	}
	// The basis is the strategy's provision, not the web sites its
	// wording was read on (a Sở reading the listing would doubt it).
	for _, want := range []string{"căn cứ: NQ 28/NQ-CP, Mục tiêu 2, chỉ tiêu 1\n", "căn cứ: NQ 28/NQ-CP, Mục tiêu 3, chỉ tiêu 3 (báo cáo của Chính phủ về năm 2023 ghi \"duy trì và đạt 100%\")\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the listing lacks %q", want)
		}
	}
	if m := regexp.MustCompile(`[a-z]\.(vn|com)\b`).FindString(text); m != "" {
		t.Errorf("the listing cites a web site (%q)", m)
	}
	// Every indicator id is listed.
	file, src, _ := bdg.ResolveCatalogue("bdg-2021-2030", "x.yaml", "")
	c, _ := bdg.LoadCatalogue(file, src)
	for _, id := range c.IndicatorIDs() {
		if !strings.Contains(text, "    "+id+" ") {
			t.Errorf("indicator %s not listed", id)
		}
	}
}

// TestCatalogueCommandErrors: an unknown id is a usage error with a
// suggestion; a broken catalogue file says what is wrong and exits 1.
func TestCatalogueCommandErrors(t *testing.T) {
	var out, errs bytes.Buffer
	e := &env{stdout: &out, stderr: &errs, getenv: func(string) string { return "" }, lang: diag.Vi}
	if code := catalogueCmd(e, []string{"bdg-2021-2031"}); code != exitUsage || !strings.Contains(errs.String(), `có phải ý bạn là "bdg-2021-2030"?`) {
		t.Errorf("unknown id: exit %d, %q", code, errs.String())
	}
	bad := filepath.Join(t.TempDir(), "cat.yaml")
	os.WriteFile(bad, []byte("schema: bdg-indicators/v1\nid: x\ntitle: X\nstage: 2021-2030\ngroups: [{id: G, title: G}]\nmeasures: []\nindicators: [{id: a, group: H, name: A, unit: \"%\", kind: not_assessed}]\n"), 0o644)
	errs.Reset()
	if code := catalogueCmd(e, []string{bad}); code != exitInvalid || !strings.Contains(errs.String(), `không có mục tiêu nào mã "H"`) {
		t.Errorf("broken catalogue: exit %d, %q", code, errs.String())
	}
}
