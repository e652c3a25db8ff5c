package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// recalcProfile makes LibreOffice recalculate every formula when it opens
// a workbook instead of trusting cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// soffice returns the LibreOffice command, skipping the test when it is
// missing unless VANBAN_REQUIRE_SOFFICE=1 (then the test fails).
func soffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice check skipped in -short mode")
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("VANBAN_REQUIRE_SOFFICE") == "1" {
		t.Fatal("LibreOffice (soffice) is required (VANBAN_REQUIRE_SOFFICE=1) but not installed")
	}
	t.Skip("LibreOffice (soffice) not installed")
	return ""
}

// TestLibreOfficeRecalculation writes both examples without cached
// values, has LibreOffice compute every formula and save the result, and
// compares each formula cell with the value vanban computed.
func TestLibreOfficeRecalculation(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.Mkdir(in, 0o755)
	want := map[string][]byte{}
	var inputs []string
	for _, file := range allExamples(t) {
		r := load(t, file)
		var bare bytes.Buffer
		if err := WriteUncached(r, &bare); err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(file), ".yaml") + ".xlsx"
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, bare.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		want[name] = render(t, r)
		inputs = append(inputs, p)
	}
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "xlsx", "--outdir", out}, inputs...)
	cmd := exec.Command(bin, args...)
	start := time.Now()
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	t.Logf("LibreOffice converted %d workbooks in %v", len(inputs), time.Since(start).Round(time.Millisecond))
	for name, data := range want {
		compareWithLibreOffice(t, name, data, filepath.Join(out, name))
	}
}

func compareWithLibreOffice(t *testing.T, name string, ours []byte, theirs string) {
	src, err := os.ReadFile(theirs)
	if err != nil {
		t.Fatal(err)
	}
	mine, lo := open(t, ours), open(t, src)
	cells := formulaCells(t, mine)
	for _, c := range cells {
		want, _ := mine.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		got, _ := lo.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if !sameValue(got, want) {
			t.Errorf("%s %s!%s =%s: LibreOffice %q, vanban %q", name, c.sheet, c.cell, c.formula, got, want)
		}
	}
	t.Logf("%s: %d formula cells equal LibreOffice's values", name, len(cells))
}
