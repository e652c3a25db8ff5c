// Package browsertest starts headless Chromium for tests, driven with
// chromedp: the browser test of "vanban serve" and the comparison of the
// SVG pages with the PDF's. It is the only package that uses chromedp.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
)

// Start starts headless Chromium (Debian's chromium) for a test, with
// every flag that keeps it off the network, and returns a context for
// chromedp and the console errors it collects. Without Chromium the test
// is skipped, unless VANBAN_REQUIRE_BROWSER=1 (CI), where that fails.
func Start(t testing.TB, width, height int) (context.Context, func() []string) {
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
		chromedp.WindowSize(width, height),
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

// Open loads url and waits until an element matches sel. (chromedp's
// WaitVisible never sees some pages of SVG as visible; a query does.)
func Open(t testing.TB, ctx context.Context, url, sel string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	Wait(t, ctx, fmt.Sprintf("!!document.querySelector(%q)", sel), 10*time.Second, "open "+url)
}

// Viewport sets the size of the page's viewport in CSS pixels, at one
// device pixel each.
func Viewport(t testing.TB, ctx context.Context, width, height int) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height), chromedp.EmulateScale(1))); err != nil {
		t.Fatalf("viewport: %v", err)
	}
}

// Click clicks the first element matching sel.
func Click(t testing.TB, ctx context.Context, sel string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(sel)); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// Eval evaluates a JavaScript expression.
func Eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// Wait polls a JavaScript condition until it holds and returns how long
// that took; it fails the test after limit.
func Wait(t testing.TB, ctx context.Context, cond string, limit time.Duration, what string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		// An error is a page being replaced (a link followed): try again.
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %v (%s; %v)", what, limit, cond, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Capture returns a PNG of the viewport.
func Capture(t testing.TB, ctx context.Context) []byte {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return png
}

// Screenshot saves a PNG of the window into the folder VANBAN_SCREENSHOTS
// names, when it is set, to look at.
func Screenshot(t testing.TB, ctx context.Context, name string) {
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

// Font is a platform font the browser drew an element's text with, and
// how many glyphs it drew with it.
type Font struct {
	Family string
	Glyphs int
}

// Drawn is the text of an element and the fonts its own text nodes were
// drawn with.
type Drawn struct {
	Text  string
	Fonts []Font
}

// Glyphs returns, for every element matching sel (at least one), its own
// text and the platform fonts Chromium drew that text with
// (CSS.getPlatformFontsForNode).
// A character the font lacks but can build from a base letter and a
// combining mark is drawn as two glyphs: the count tells it.
func Glyphs(t testing.TB, ctx context.Context, sel string) []Drawn {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.QueryAfter(chromedp.CSSAll(sel), func(ctx context.Context, tg *chromedp.Target, nodes []*chromedp.Node) ([]Drawn, error) {
		if _, err := cdp.Call(ctx, tg, dom.Enable, dom.EnableParams{}); err != nil {
			return nil, err
		}
		if _, err := cdp.Call(ctx, tg, css.Enable, cdp.Empty{}); err != nil {
			return nil, err
		}
		var out []Drawn
		for _, n := range nodes {
			res, err := cdp.Call(ctx, tg, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: n.NodeID})
			if err != nil {
				return nil, err
			}
			d := Drawn{}
			for _, c := range n.Children {
				if c.NodeType == 3 { // a text node
					d.Text += c.NodeValue
				}
			}
			for _, f := range res.Fonts {
				d.Fonts = append(d.Fonts, Font{f.FamilyName, int(f.GlyphCount)})
			}
			out = append(out, d)
		}
		return out, nil
	}, chromedp.AtLeast(0)))
	if err != nil {
		t.Fatalf("fonts of %s: %v", sel, err)
	}
	if len(out) == 0 {
		t.Fatalf("fonts of %s: no such element", sel)
	}
	return out
}

// Count is the number of glyphs the text was drawn with, in every font.
func (d Drawn) Count() int {
	n := 0
	for _, f := range d.Fonts {
		n += f.Glyphs
	}
	return n
}
