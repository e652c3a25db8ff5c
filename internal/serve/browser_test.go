package serve

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts headless Chromium (Debian's chromium) for a test, with
// every flag that keeps it off the network, and returns a context for
// chromedp and the console errors it collects. Without Chromium the test
// is skipped, unless VANBAN_REQUIRE_BROWSER=1 (CI), where that fails.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("VANBAN_REQUIRE_BROWSER") == "1" {
			t.Fatal("chromium is required (VANBAN_REQUIRE_BROWSER=1) but not installed")
		}
		t.Skip("chromium not installed")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 850),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("cannot start chromium: %v", err)
	}
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
				mu.Unlock()
			}
		}
	}()
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(problems)
	}
}

// screenshot saves a small PNG of the window into VANBAN_SCREENSHOTS (a
// folder) when it is set, to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("VANBAN_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

// waitJS polls a JavaScript condition until it holds, and returns how long
// that took.
func waitJS(t *testing.T, ctx context.Context, cond string, limit time.Duration, what string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %v (%s)", what, limit, cond)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

const firstPageText = `(document.querySelector("#pages svg.page") || {textContent: ""}).textContent`

// TestBrowser drives the page as a clerk would: open a document, see its
// first page, save a change and see it within 2 s, break the file and
// see the problem with its line, choose it and see the line marked in the
// source, fix the file, and never a console error.
func TestBrowser(t *testing.T) {
	ctx, consoleProblems := browser(t)
	dir, _ := folder(t, seed, plan)
	_, base := start(t, Config{Dir: dir})
	rel := "sub/chuong-trinh-bim-son-2017.yaml"
	file := filepath.Join(dir, rel)
	orig, _ := os.ReadFile(file)

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(`a[href="/view/`+rel+`"]`)); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "list")
	if err := chromedp.Do(ctx, chromedp.Click(`a[href="/view/`+rel+`"]`), chromedp.WaitVisible(`#pages svg.page`)); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `document.fonts.status === "loaded" && [...document.fonts].every(f => f.status === "loaded")`, 5*time.Second, "the fonts load")
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](firstPageText))
	for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHƯƠNG TRÌNH", "Công tác năm của Ban Vì sự tiến bộ của Phụ nữ"} {
		if !strings.Contains(text, want) {
			t.Errorf("the first page lacks %q: %.300s", want, text)
		}
	}
	ratio, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => { const r = document.querySelector("#pages svg.page").getBoundingClientRect(); return r.height / r.width })()`))
	if ratio < 1.4135 || ratio > 1.4150 { // 297 / 210 = 1.4143
		t.Errorf("the page's proportions are %.4f, not A4's 1.4143", ratio)
	}
	screenshot(t, ctx, "view")

	// A save by rename, as vim or VS Code does it.
	edited := bytes.Replace(orig, []byte("Công tác năm của Ban"), []byte("Kế hoạch MỚI SỬA của Ban"), 1)
	saveByRename(t, file, edited)
	took := waitJS(t, ctx, firstPageText+`.includes("Kế hoạch MỚI SỬA của Ban")`, 2*time.Second, "the new text appears")
	t.Logf("seed: the saved change was on the page after %v", took.Round(time.Millisecond))

	// Break the file: the problem appears with its line, the pages stay, greyed.
	broken := bytes.Replace(edited, []byte("\nplace: "), []byte("\nplace: [Bỉm Sơn\n#"), 1)
	line := bytes.Count(broken[:bytes.Index(broken, []byte("\nplace: "))+1], []byte("\n")) + 1
	if err := os.WriteFile(file, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `document.querySelector("#state").classList.contains("errors") && document.querySelector("#pages").classList.contains("stale")`,
		2*time.Second, "the problem appears")
	banner, _ := chromedp.Run(ctx, chromedp.Text("#banner"))
	if !strings.Contains(banner, fmt.Sprintf("dòng %d", line)) && !strings.Contains(banner, fmt.Sprintf("dòng %d", line+1)) {
		t.Errorf("the problem does not give line %d: %s", line, banner)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#banner li[data-line]`)); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `!!document.querySelector(".src li.mark")`, time.Second, "choosing the problem marks its line")
	marked, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".src li.mark").id`))
	if marked != fmt.Sprintf("L%d", line) && marked != fmt.Sprintf("L%d", line+1) {
		t.Errorf("marked %s, want the line of the problem, %d", marked, line)
	}
	if !strings.Contains(text, "CHƯƠNG TRÌNH") {
		t.Error("the greyed pages are gone")
	}
	screenshot(t, ctx, "broken")

	// Fix it.
	saveByRename(t, file, orig)
	waitJS(t, ctx, `document.querySelector("#state").classList.contains("ok") && !document.querySelector("#pages").classList.contains("stale") && `+
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
	if err := chromedp.Do(ctx, chromedp.Navigate(base+ViewURL(rel)), chromedp.WaitVisible(`#pages svg.page`)); err != nil {
		t.Fatal(err)
	}
	count, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#pages svg.page").length`))
	var times []time.Duration
	for i := range 7 {
		mark := fmt.Sprintf("ĐO LẦN %d", i+1)
		edited := bytes.Replace(orig, []byte("\ntitle: "), []byte("\ntitle: "+mark+" "), 1)
		if bytes.Equal(edited, orig) {
			t.Fatalf("%s has no title line", rel)
		}
		saveByRename(t, file, edited)
		times = append(times, waitJS(t, ctx, firstPageText+`.includes("`+mark+`")`, 2*time.Second, name+": the change appears"))
	}
	slices.Sort(times)
	t.Logf("%s, %d pages: save to updated page, median %v (min %v, max %v) over %d saves", name, count,
		times[len(times)/2].Round(time.Millisecond), times[0].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond), len(times))
}
