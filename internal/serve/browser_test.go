package serve

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/browsertest"
	"golang.org/x/text/unicode/norm"
)

const firstPageText = `(document.querySelector("#pages svg.page") || {textContent: ""}).textContent`

// TestBrowser drives the page as a clerk would: open a document, see its
// first page, save a change and see it within 2 s, break the file and
// see the problem with its line, choose it and see the line marked in the
// source, fix the file, and never a console error.
func TestBrowser(t *testing.T) {
	ctx, consoleProblems := browsertest.Start(t, 1200, 850)
	dir, _ := folder(t, seed, plan)
	_, base := start(t, Config{Dir: dir})
	rel := "sub/chuong-trinh-bim-son-2017.yaml"
	file := filepath.Join(dir, rel)
	orig, _ := os.ReadFile(file)

	browsertest.Open(t, ctx, base+"/", `a[href="/view/`+rel+`"]`)
	browsertest.Screenshot(t, ctx, "list")
	browsertest.Click(t, ctx, `a[href="/view/`+rel+`"]`)
	browsertest.Wait(t, ctx, `!!document.querySelector("#pages svg.page")`, 5*time.Second, "the page opens")
	browsertest.Wait(t, ctx, `document.fonts.status === "loaded" && [...document.fonts].every(f => f.status === "loaded")`, 5*time.Second, "the fonts load")
	text := browsertest.Eval[string](t, ctx, firstPageText)
	for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHƯƠNG TRÌNH", "Công tác năm của Ban Vì sự tiến bộ của Phụ nữ"} {
		if !strings.Contains(text, want) {
			t.Errorf("the first page lacks %q: %.300s", want, text)
		}
	}
	ratio := browsertest.Eval[float64](t, ctx, `(() => { const r = document.querySelector("#pages svg.page").getBoundingClientRect(); return r.height / r.width })()`)
	if ratio < 1.4135 || ratio > 1.4150 { // 297 / 210 = 1.4143
		t.Errorf("the page's proportions are %.4f, not A4's 1.4143", ratio)
	}
	browsertest.Screenshot(t, ctx, "view")

	// A save by rename, as vim or VS Code does it.
	edited := bytes.Replace(orig, []byte("Công tác năm của Ban"), []byte("Kế hoạch MỚI SỬA của Ban"), 1)
	saveByRename(t, file, edited)
	took := browsertest.Wait(t, ctx, firstPageText+`.includes("Kế hoạch MỚI SỬA của Ban")`, 2*time.Second, "the new text appears")
	t.Logf("seed: the saved change was on the page after %v", took.Round(time.Millisecond))

	// Break the file: the problem appears with its line, the pages stay, greyed.
	broken := bytes.Replace(edited, []byte("\nplace: "), []byte("\nplace: [Bỉm Sơn\n#"), 1)
	line := bytes.Count(broken[:bytes.Index(broken, []byte("\nplace: "))+1], []byte("\n")) + 1
	if err := os.WriteFile(file, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	browsertest.Wait(t, ctx, `document.querySelector("#state").classList.contains("errors") && document.querySelector("#pages").classList.contains("stale")`,
		2*time.Second, "the problem appears")
	banner := browsertest.Eval[string](t, ctx, `document.querySelector("#banner").innerText`)
	if !strings.Contains(banner, fmt.Sprintf("dòng %d", line)) && !strings.Contains(banner, fmt.Sprintf("dòng %d", line+1)) {
		t.Errorf("the problem does not give line %d: %s", line, banner)
	}
	browsertest.Click(t, ctx, `#banner li[data-line]`)
	browsertest.Wait(t, ctx, `!!document.querySelector(".src li.mark")`, time.Second, "choosing the problem marks its line")
	marked := browsertest.Eval[string](t, ctx, `document.querySelector(".src li.mark").id`)
	if marked != fmt.Sprintf("L%d", line) && marked != fmt.Sprintf("L%d", line+1) {
		t.Errorf("marked %s, want the line of the problem, %d", marked, line)
	}
	if !strings.Contains(text, "CHƯƠNG TRÌNH") {
		t.Error("the greyed pages are gone")
	}
	browsertest.Screenshot(t, ctx, "broken")

	// Fix it.
	saveByRename(t, file, orig)
	browsertest.Wait(t, ctx, `document.querySelector("#state").classList.contains("ok") && !document.querySelector("#pages").classList.contains("stale") && `+
		firstPageText+`.includes("Công tác năm của Ban")`, 2*time.Second, "the fixed file's pages")

	measure(t, ctx, base, dir, "sub/chuong-trinh-bim-son-2017.yaml", "seed")
	measure(t, ctx, base, dir, filepath.Base(plan), "plan (8 pages)")

	if p := consoleProblems(); len(p) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(p, "\n"))
	}
}

// measure saves a change to rel several times and logs the median time
// until the page shows it: from the save to the new text in the DOM,
// fonts loaded.
func measure(t *testing.T, ctx context.Context, base, dir, rel, name string) {
	file := filepath.Join(dir, filepath.FromSlash(rel))
	orig, _ := os.ReadFile(file)
	defer saveByRename(t, file, orig)
	browsertest.Open(t, ctx, base+ViewURL(rel), `#pages svg.page`)
	count := browsertest.Eval[int](t, ctx, `document.querySelectorAll("#pages svg.page").length`)
	var times []time.Duration
	for i := range 7 {
		mark := fmt.Sprintf("ĐO LẦN %d", i+1)
		edited := bytes.Replace(orig, []byte("\ntitle: "), []byte("\ntitle: "+mark+" "), 1)
		if bytes.Equal(edited, orig) {
			t.Fatalf("%s has no title line", rel)
		}
		saveByRename(t, file, edited)
		times = append(times, browsertest.Wait(t, ctx, firstPageText+`.includes("`+mark+`")`, 10*time.Second, name+": the change appears"))
	}
	slices.Sort(times)
	t.Logf("%s, %d pages: save to updated page, median %v (min %v, max %v) over %d saves", name, count,
		times[len(times)/2].Round(time.Millisecond), times[0].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond), len(times))
}

// notice is a commune's thông báo as a clerk types it from a published
// one: "I." typed in a heading (a warning) and ";" after the last căn cứ
// (a note: vanban prints "." there, as the decree wants), the note's line
// before the warning's.
const notice = `type: thong-bao
issuer:
  name: [ỦY BAN NHÂN DÂN, XÃ ĐỊNH HÒA]
  abbr: UBND
number: 57
place: Định Hòa
date: 2025-07-04
title: Lịch tiếp công dân định kỳ năm 2025
bases:
  - Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;
  - Căn cứ Nghị định số 64/2014/NĐ-CP ngày 26 tháng 6 năm 2014 của Chính phủ;
sections:
  - heading: I. Lịch tiếp công dân
    text: Chủ tịch Ủy ban nhân dân xã tiếp công dân vào thứ Năm hằng tuần.
recipients: [Công an xã]
archive: VT, VP
signer:
  authority: TM. ỦY BAN NHÂN DÂN
  position: CHỦ TỊCH
  name: Trần Quốc Bảo
`

// vietnamese is every Vietnamese letter with a tone or a modified vowel,
// precomposed (NFC), in both cases.
func vietnamese() string {
	letters := "đĐ"
	for _, base := range "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" {
		letters += string(base)
		for _, tone := range "\u0300\u0301\u0303\u0309\u0323" {
			letters += norm.NFC.String(string(base) + string(tone))
		}
	}
	return letters
}

// TestBrowserProblemKinds opens a document with a warning and a note, and
// a statistics report with an error, as a clerk would: every problem says
// what it is (lỗi, cảnh báo, ghi chú) in words and in its own colour, the
// quiet note after the warnings although its line comes first; a report
// that cannot be made is called a report, not a văn bản; and every
// Vietnamese letter of the problems and the source is drawn as one glyph,
// never as a base letter beside a loose accent ("sô´liệu").
func TestBrowserProblemKinds(t *testing.T) {
	ctx, consoleProblems := browsertest.Start(t, 1200, 850)
	dir, _ := folder(t, rep)
	os.WriteFile(filepath.Join(dir, "thong-bao.yaml"), []byte(notice), 0o644)
	_, base := start(t, Config{Dir: dir})

	browsertest.Open(t, ctx, base+ViewURL("thong-bao.yaml"), `#problems li`)
	type shown struct {
		Class, Text, Border, Background string
	}
	list := browsertest.Eval[[]shown](t, ctx, `[...document.querySelectorAll("#problems li")].map(li => {
		const s = getComputedStyle(li);
		return {Class: li.className, Text: li.innerText, Border: s.borderLeftColor, Background: s.backgroundColor};
	})`)
	var classes []string
	for _, p := range list {
		classes = append(classes, p.Class)
	}
	if !slices.Equal(classes, []string{"warning", "note"}) {
		t.Fatalf("problems shown %v, want the warning, then the note", classes)
	}
	warn, note := list[0], list[1]
	if !strings.HasPrefix(warn.Text, "Cảnh báo dòng 13") {
		t.Errorf("the warning reads %q", warn.Text)
	}
	if !strings.HasPrefix(note.Text, "Ghi chú dòng 11") || !strings.Contains(note.Text, "căn cứ") || strings.Contains(note.Text, "Kính gửi") {
		t.Errorf("the note reads %q", note.Text)
	}
	if note.Border == warn.Border || note.Background == warn.Background || !bluish(note.Border) || !bluish(note.Background) {
		t.Errorf("the note is drawn %s on %s, the warning %s on %s: want the note in its own quiet blue", note.Border, note.Background, warn.Border, warn.Background)
	}
	if h := browsertest.Eval[string](t, ctx, `document.querySelector("#problems h2").innerText`); h != "1 cảnh báo, 1 ghi chú" {
		t.Errorf("the problems' heading is %q", h)
	}
	if c := browsertest.Eval[string](t, ctx, `document.querySelector("#L11").className + "," + document.querySelector("#L13").className`); c != "note,warning" {
		t.Errorf("the source's lines 11 and 13 are marked %q", c)
	}

	// Without the warning, the file's state is its note's.
	os.WriteFile(filepath.Join(dir, "thong-bao.yaml"), []byte(strings.Replace(notice, "I. Lịch", "Lịch", 1)), 0o644)
	browsertest.Wait(t, ctx, `document.querySelector("#state").classList.contains("notes") && document.querySelectorAll("#problems li").length === 1`,
		2*time.Second, "the note alone")
	if s := browsertest.Eval[string](t, ctx, `document.querySelector("#state").innerText`); s != "có ghi chú" {
		t.Errorf("the state of a file with only a note reads %q", s)
	}
	browsertest.Screenshot(t, ctx, "note")
	glyphsOneEach(t, ctx)

	// A report with an error: the banner names a report, and the field's
	// Vietnamese name reads "(số liệu)".
	report := filepath.Join(dir, "sub", filepath.Base(rep))
	rel := "sub/" + filepath.Base(rep)
	browsertest.Open(t, ctx, base+ViewURL(rel), `#pages table`)
	src, _ := os.ReadFile(report)
	broken := bytes.Replace(src, []byte("hdnd: {total: 30, female: 9}"), []byte("hdnd: {total: 30, female: 39}"), 1)
	if bytes.Equal(broken, src) {
		t.Fatal("the report example changed: no hdnd line to break")
	}
	os.WriteFile(report, broken, 0o644)
	browsertest.Wait(t, ctx, `document.querySelector("#state").classList.contains("errors")`, 2*time.Second, "the report's error")
	banner := browsertest.Eval[string](t, ctx, `document.querySelector("#banner").innerText`)
	if !strings.HasPrefix(banner, "Chưa tạo được báo cáo thống kê (tệp Excel): hãy sửa các lỗi dưới đây. Bảng mờ bên dưới là bản đúng gần nhất.") ||
		strings.Contains(banner, "văn bản") || !strings.Contains(banner, "Lỗi dòng 133") {
		t.Errorf("the report's banner reads %q", banner)
	}
	field := browsertest.Glyphs(t, ctx, "#banner .field")[0]
	if field.Text != "data.town.hdnd.female (số liệu)" || field.Count() != utf8.RuneCountInString(field.Text) {
		t.Errorf("the field %q is drawn with %d glyphs (%+v), want one a letter", field.Text, field.Count(), field.Fonts)
	}
	browsertest.Screenshot(t, ctx, "report-error")
	glyphsOneEach(t, ctx)

	if p := consoleProblems(); len(p) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(p, "\n"))
	}
}

// bluish reports whether a CSS rgb() colour has more blue than red.
func bluish(css string) bool {
	var r, g, b int
	if _, err := fmt.Sscanf(css, "rgb(%d, %d, %d)", &r, &g, &b); err != nil {
		return false
	}
	return b > r
}

// glyphsOneEach checks that each kind of text of the page's problems and
// source draws every Vietnamese letter as one glyph: the letters are put
// in a probe beside the page's own text, in the same font, and Chromium
// says how many glyphs it drew. A font that lacks "ố" but has "ô" and
// the combining acute draws two, and the reader sees "sô´".
func glyphsOneEach(t *testing.T, ctx context.Context) {
	t.Helper()
	probe := vietnamese()
	sels := []string{".sev", ".where", ".field", ".msg", ".fix", ".src li"}
	browsertest.Eval[bool](t, ctx, fmt.Sprintf(`(() => {
		document.querySelectorAll(".probe").forEach(p => p.remove());
		for (const sel of %q.split(",")) {
			const e = document.querySelector(sel);
			if (!e) continue;
			const p = document.createElement("span");
			p.className = "probe";
			p.textContent = %q;
			e.append(p);
		}
		return document.body.offsetHeight > 0; // laid out: the fonts chosen
	})()`, strings.Join(sels, ","), probe))
	for _, sel := range sels {
		if !browsertest.Eval[bool](t, ctx, fmt.Sprintf("!!document.querySelector(%q)", sel)) {
			continue // the page has no such text (no fix, no place)
		}
		d := browsertest.Glyphs(t, ctx, sel+" > .probe")[0]
		if n := utf8.RuneCountInString(probe); d.Count() != n || d.Text != probe {
			t.Errorf("%s: %d Vietnamese letters drawn with %d glyphs: %+v", sel, n, d.Count(), d.Fonts)
		}
	}
	browsertest.Eval[bool](t, ctx, `(() => { document.querySelectorAll(".probe").forEach(p => p.remove()); return true })()`)
}
