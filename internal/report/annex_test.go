package report

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// TestAnnexLineInFull (review, defect 12): given its parts, the link line
// under every sheet's title is written as an appendix's is (nd30.md §2.15,
// and vanban's own documents): "ngày … tháng … năm … của" and the
// issuer's full name in a sentence's capitals, the report's date and
// issuer when not given. Typed as text, it is printed as typed, and the
// short forms an appendix does not use (a date in figures, "UBND") are
// warned about, once, with the line vanban would write.
func TestAnnexLineInFull(t *testing.T) {
	for _, c := range []struct {
		annex, want string
		warn        string // a code, or ""
	}{
		{"{number: 215/BC-UBND}", "(Kèm theo Báo cáo số 215/BC-UBND ngày 15 tháng 12 năm 2025 của Ủy ban nhân dân xã An Bình)", ""},
		{"{number: /BC-UBND}", "(Kèm theo Báo cáo số\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND ngày 15 tháng 12 năm 2025 của Ủy ban nhân dân xã An Bình)", ""},
		{"{type: Công văn, number: 9/UBND-VX, date: 2025-02-03, of: Chủ tịch Ủy ban nhân dân xã An Bình}",
			"(Kèm theo Công văn số 9/UBND-VX ngày 03 tháng 02 năm 2025 của Chủ tịch Ủy ban nhân dân xã An Bình)", ""},
		{"{}", "(Kèm theo Báo cáo ngày 15 tháng 12 năm 2025 của Ủy ban nhân dân xã An Bình)", ""},
		{"Kèm theo Báo cáo số 215/BC-UBND ngày 15/12/2025 của UBND xã An Bình",
			"(Kèm theo Báo cáo số 215/BC-UBND ngày 15/12/2025 của UBND xã An Bình)", "report.annex-of-short"},
		{"(Kèm theo Báo cáo số 215/BC-UBND ngày 15 tháng 12 năm 2025 của Ủy ban nhân dân xã An Bình)",
			"(Kèm theo Báo cáo số 215/BC-UBND ngày 15 tháng 12 năm 2025 của Ủy ban nhân dân xã An Bình)", ""},
		{`""`, "", ""},
	} {
		src := strings.Replace(communeHead, "document: {date: 2025-12-15}", "document: {date: 2025-12-15, annex_of: "+c.annex+"}", 1) +
			"data:\n  t1: {sinh: {male: 10, female: 9}}\n"
		d := decode.New(filepath.Join(t.TempDir(), "xa.yaml"))
		r := Load(d, d.Parse([]byte(src)), "")
		if r == nil {
			t.Fatalf("%s refused:\n%s", c.annex, d.Diags.Err())
		}
		if got := r.AnnexLine(); got != c.want {
			t.Errorf("annex_of: %s\n got %q\nwant %q", c.annex, got, c.want)
		}
		var codes []string
		for _, x := range d.Diags {
			if strings.HasPrefix(x.Code, "report.annex-of") {
				codes = append(codes, x.Code)
				checkBilingual(t, x)
				if x.Line != 5 || x.Severity != diag.Warning {
					t.Errorf("%s: %s at line %d, severity %v", c.annex, x.Code, x.Line, x.Severity)
				}
				if !strings.Contains(x.Vi, "\"ngày 15 tháng 12 năm 2025 của Ủy ban nhân dân xã An Bình\"") || !strings.Contains(x.Vi, "viết ngày bằng số (15/12/2025) và tên cơ quan viết tắt (UBND);") {
					t.Errorf("%s: %s", c.annex, x.Vi)
				}
			}
		}
		if strings.Join(codes, ",") != c.warn {
			t.Errorf("annex_of: %s: warnings %v, want %q", c.annex, codes, c.warn)
		}
	}
}

// TestAnnexIssuerGuessed: a body named by its field of work gets the
// capitals of a sentence by rule; the clerk is asked to check them, and
// annex_of.of settles them.
func TestAnnexIssuerGuessed(t *testing.T) {
	for _, c := range []struct{ annex, want, warn string }{
		{"{number: 5/BC-SYT}", "(Kèm theo Báo cáo số 5/BC-SYT ngày 15 tháng 12 năm 2025 của Sở Lao động - Thương binh và Xã hội)", "report.annex-of-issuer"},
		{"{number: 5/BC-SYT, of: Sở Lao động - Thương binh và Xã hội}", "(Kèm theo Báo cáo số 5/BC-SYT ngày 15 tháng 12 năm 2025 của Sở Lao động - Thương binh và Xã hội)", ""},
		// The clerk's trial: a department under its province, not glued
		// to it as "Ubnd tỉnh Hòa Bình Nam Sở Nội Vụ".
		{"{number: 512/BC-SNV}", "(Kèm theo Báo cáo số 512/BC-SNV ngày 15 tháng 12 năm 2025 của Sở Nội vụ tỉnh Hòa Bình Nam)", "report.annex-of-issuer"},
	} {
		issuer := "[SỞ LAO ĐỘNG - THƯƠNG BINH, VÀ XÃ HỘI]"
		if strings.Contains(c.annex, "SNV") {
			issuer = "[UBND TỈNH HÒA BÌNH NAM, SỞ NỘI VỤ]"
		}
		src := strings.NewReplacer("[ỦY BAN NHÂN DÂN, XÃ AN BÌNH]", issuer,
			"document: {date: 2025-12-15}", "document: {date: 2025-12-15, annex_of: "+c.annex+"}").Replace(communeHead) +
			"data:\n  t1: {sinh: {male: 10, female: 9}}\n"
		d := decode.New(filepath.Join(t.TempDir(), "xa.yaml"))
		r := Load(d, d.Parse([]byte(src)), "")
		if r == nil {
			t.Fatalf("refused:\n%s", d.Diags.Err())
		}
		if got := r.AnnexLine(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
		var codes []string
		for _, x := range d.Diags {
			if strings.HasPrefix(x.Code, "report.annex-of") {
				codes = append(codes, x.Code)
				checkBilingual(t, x)
			}
		}
		if strings.Join(codes, ",") != c.warn {
			t.Errorf("%s: warnings %v, want %q", c.annex, codes, c.warn)
		}
	}
}
