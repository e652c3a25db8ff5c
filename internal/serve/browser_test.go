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

	"github.com/vanban/vanban/internal/browsertest"
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
