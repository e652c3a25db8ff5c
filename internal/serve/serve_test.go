package serve

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
)

const (
	seed = "../../examples/chuong-trinh-bim-son-2017.yaml"
	plan = "../../examples/ke-hoach-binh-dang-gioi-thanh-hoa-2024.yaml"
	rep  = "../../examples/bao-cao-bdg-bim-son-2017-6-thang.yaml"
)

// folder makes a folder to serve with copies of the given examples (and
// a sub-folder), beside a secret file outside it, and returns the folder.
func folder(t *testing.T, examples ...string) (dir, outside string) {
	t.Helper()
	base := t.TempDir()
	dir = filepath.Join(base, "served")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	for i, ex := range examples {
		src, err := os.ReadFile(ex)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(ex)
		if i == 0 {
			name = filepath.Join("sub", name)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside = filepath.Join(base, "secret.yaml")
	os.WriteFile(outside, []byte("type: cong-van\ntitle: BÍ MẬT NGOÀI THƯ MỤC\n"), 0o644)
	return dir, outside
}

// start serves dir on a loopback port and returns its base URL.
func start(t *testing.T, cfg Config) (*Server, string) {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Serve(ctx, ln); close(done) }()
	t.Cleanup(func() { cancel(); <-done; s.Close() })
	return s, "http://" + ln.Addr().String()
}

func get(t *testing.T, url string, header ...string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestListAndView(t *testing.T) {
	dir, _ := folder(t, seed, rep)
	_, base := start(t, Config{Dir: dir})
	code, body := get(t, base+"/")
	if code != 200 || !strings.Contains(body, `href="/view/sub/chuong-trinh-bim-son-2017.yaml"`) ||
		!strings.Contains(body, `href="/view/bao-cao-bdg-bim-son-2017-6-thang.yaml"`) {
		t.Fatalf("list: %d\n%s", code, body)
	}
	if !strings.Contains(body, `<span class="state ok">tốt</span>`) {
		t.Errorf("list without states:\n%s", body)
	}
	code, body = get(t, base+"/view/sub/chuong-trinh-bim-son-2017.yaml")
	if code != 200 || strings.Count(body, `<svg xmlns="http://www.w3.org/2000/svg" class="page"`) != 3 {
		t.Fatalf("view of the seed: %d, want 3 pages\n%.2000s", code, body)
	}
	for _, want := range []string{"CHƯƠNG TRÌNH", "Tải PDF", `viewBox="0 0 210 297"`, `id="L1"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the seed's page lacks %q", want)
		}
	}
	code, body = get(t, base+"/view/bao-cao-bdg-bim-son-2017-6-thang.yaml")
	if code != 200 || !strings.Contains(body, `<table>`) || !strings.Contains(body, "Tải XLSX") || !strings.Contains(body, ">Đạt<") {
		t.Fatalf("view of the report: %d\n%.3000s", code, body)
	}
}

// TestOnlyUnderFolder asks for files outside the folder in every way a
// URL allows; none is read, and the secret never appears in an answer.
func TestOnlyUnderFolder(t *testing.T) {
	dir, outside := folder(t, seed)
	os.Symlink(outside, filepath.Join(dir, "link.yaml"))              // a link to a file outside
	os.Symlink(filepath.Dir(outside), filepath.Join(dir, "linkdir"))  // a link to the folder above
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644) // not an input
	os.MkdirAll(filepath.Join(dir, ".hidden"), 0o755)
	os.WriteFile(filepath.Join(dir, ".hidden", "h.yaml"), []byte("type: cong-van\n"), 0o644)
	_, base := start(t, Config{Dir: dir})
	for _, p := range []string{
		"/view/../secret.yaml", "/view/%2e%2e/secret.yaml", "/view/..%2fsecret.yaml", "/view/sub/../../secret.yaml",
		"/view/%2F" + strings.TrimPrefix(outside, "/"), "/view//" + strings.TrimPrefix(outside, "/"),
		"/view/..%5csecret.yaml", "/view/C:%5csecret.yaml", "/view/link.yaml", "/view/linkdir/secret.yaml",
		"/render/link.yaml", "/download/link.yaml", "/events/../secret.yaml", "/render/linkdir/secret.yaml",
		"/view/notes.txt", "/view/.hidden/h.yaml", "/view/sub", "/view/", "/view/sub%00.yaml",
		"/assets/../../secret.yaml", "/assets/view.html",
	} {
		code, body := get(t, base+p)
		if strings.Contains(body, "BÍ MẬT") || code == 200 && !strings.HasPrefix(p, "/view/sub/") {
			t.Errorf("%s: %d\n%.300s", p, code, body)
		}
	}
	_, body := get(t, base+"/")
	if strings.Contains(body, "secret") || strings.Contains(body, "h.yaml") {
		t.Errorf("the list shows files outside the folder or hidden:\n%s", body)
	}
}

// snapshot records every file under dir with its content and time.
func snapshot(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := d.Info()
		b, _ := os.ReadFile(p)
		out[p] = fmt.Sprintf("%v %d %x", info.Mode(), info.ModTime().UnixNano(), sha256.Sum256(b))
		return nil
	})
	return out
}

// TestWritesNothing uses every address of the server, downloads included,
// and finds the folder as it was.
func TestWritesNothing(t *testing.T) {
	dir, _ := folder(t, seed, rep)
	before := snapshot(t, dir)
	_, base := start(t, Config{Dir: dir})
	for _, p := range []string{"/", "/view/sub/chuong-trinh-bim-son-2017.yaml", "/render/sub/chuong-trinh-bim-son-2017.yaml",
		"/download/sub/chuong-trinh-bim-son-2017.yaml", "/view/bao-cao-bdg-bim-son-2017-6-thang.yaml",
		"/download/bao-cao-bdg-bim-son-2017-6-thang.yaml", "/assets/app.js", "/assets/app.css"} {
		if code, _ := get(t, base+p); code != 200 {
			t.Errorf("%s: %d", p, code)
		}
	}
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		req, _ := http.NewRequest(m, base+"/view/sub/chuong-trinh-bim-son-2017.yaml", strings.NewReader("x: 1"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s: %d, want 405", m, res.StatusCode)
		}
	}
	if after := snapshot(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("the folder changed:\nbefore %v\nafter  %v", before, after)
	}
}

// TestDownloadIsRender: the download is byte for byte what render writes.
func TestDownloadIsRender(t *testing.T) {
	dir, _ := folder(t, seed, rep)
	_, base := start(t, Config{Dir: dir})
	out := t.TempDir()
	for _, rel := range []string{"sub/chuong-trinh-bim-son-2017.yaml", "bao-cao-bdg-bim-son-2017-6-thang.yaml"} {
		res := app.RenderFile(filepath.Join(dir, rel), out, app.Options{})
		if res.Failed() {
			t.Fatal(res.Diags)
		}
		want, _ := os.ReadFile(res.Output)
		r, err := http.Get(base + "/download/" + rel)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the download (%d bytes) differs from render's %s (%d bytes)", rel, len(got), res.Output, len(want))
		}
		if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, filepath.Base(res.Output)) {
			t.Errorf("%s: Content-Disposition %q", rel, cd)
		}
	}
}

// TestForeignHostAndOrigin: a page elsewhere that points its own name at
// 127.0.0.1 (DNS rebinding) or calls the server from its own origin is
// refused.
func TestForeignHostAndOrigin(t *testing.T) {
	dir, _ := folder(t, seed)
	_, base := start(t, Config{Dir: dir})
	port := base[strings.LastIndex(base, ":")+1:]
	url := base + "/render/sub/chuong-trinh-bim-son-2017.yaml"
	cases := []struct {
		header []string
		want   int
	}{
		{nil, 200},
		{[]string{"Host", "localhost:" + port}, 200},
		{[]string{"Host", "[::1]:" + port}, 200},
		{[]string{"Host", "evil.example:" + port}, 421},
		{[]string{"Host", "127.0.0.1.evil.example:" + port}, 421},
		{[]string{"Host", "192.168.1.10:" + port}, 421},
		{[]string{"Origin", "http://evil.example"}, 403},
		{[]string{"Origin", "null"}, 403},
		{[]string{"Origin", "http://127.0.0.1:1"}, 403},
		{[]string{"Origin", base}, 200},
		{[]string{"Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors"}, 403},
		{[]string{"Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors"}, 200},
	}
	for _, c := range cases {
		if code, body := get(t, url, c.header...); code != c.want {
			t.Errorf("%v: %d, want %d (%.200s)", c.header, code, c.want, body)
		}
	}
	// A public server also answers this machine's addresses, but still
	// refuses names it does not know.
	_, pub := start(t, Config{Dir: dir, Public: true})
	port = pub[strings.LastIndex(pub, ":")+1:]
	if code, _ := get(t, pub+"/", "Host", "192.168.1.10:"+port); code != 200 {
		t.Errorf("public server refused an IP address: %d", code)
	}
	if code, _ := get(t, pub+"/", "Host", "evil.example:"+port); code != 421 {
		t.Errorf("public server answered a foreign name: %d", code)
	}
}

// TestMalformedRequests sends what no browser sends; the server answers
// each with an error and goes on serving.
func TestMalformedRequests(t *testing.T) {
	dir, _ := folder(t, seed)
	_, base := start(t, Config{Dir: dir})
	addr := strings.TrimPrefix(base, "http://")
	raw := []string{
		"GARBAGE\r\n\r\n",
		"GET /view/%zz HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET /view/a\x00b.yaml HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET " + strings.Repeat("/x", 40000) + " HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: " + addr + "\r\nX: " + strings.Repeat("a", 200000) + "\r\n\r\n",
		"GET / HTTP/9.9\r\nHost: " + addr + "\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: " + addr + "\r\nContent-Length: -5\r\n\r\n",
		"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",                             // a TLS hello
		"GET /render/sub/chuong-trinh-bim-son-2017.yaml HTTP/1.1\r\nHost: " + addr, // cut short
	}
	for _, r := range raw {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(3 * time.Second))
		c.Write([]byte(r))
		if tc, ok := c.(*net.TCPConn); ok {
			tc.CloseWrite()
		}
		line, _ := bufio.NewReader(c).ReadString('\n')
		c.Close()
		if strings.Contains(line, " 200 ") {
			t.Errorf("%.60q: answered %q", r, line)
		}
	}
	if code, _ := get(t, base+"/view/sub/chuong-trinh-bim-son-2017.yaml"); code != 200 {
		t.Fatalf("the server stopped answering: %d", code)
	}
	// A panic inside a handler becomes an error page.
	s, _ := New(Config{Dir: dir})
	defer s.Close()
	h := s.guard(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("bug") }))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/", nil))
	if w.Code != 500 {
		t.Errorf("a panicking handler gave %d", w.Code)
	}
}

func TestCheckAddr(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "127.0.0.1:8080", "localhost:9000": "localhost:9000", "[::1]:80": "[::1]:80",
		":8081": "127.0.0.1:8081", "8082": "127.0.0.1:8082",
	} {
		if got, err := CheckAddr(addr, false); err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", addr, got, err, want)
		}
	}
	for _, addr := range []string{"0.0.0.0:8080", "192.168.1.5:8080", "example.com:80", "[::]:8080"} {
		_, err := CheckAddr(addr, false)
		if err == nil || !strings.Contains(err.Error(), "--public") || !strings.Contains(err.Error(), "read every document") {
			t.Errorf("%s: %v", addr, err)
		}
		if _, err := CheckAddr(addr, true); err != nil {
			t.Errorf("%s with --public: %v", addr, err)
		}
	}
}

// events reads a page's server-sent versions into a channel.
func events(t *testing.T, url string) <-chan int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	ch := make(chan int, 16)
	go func() {
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			var v int
			if _, err := fmt.Sscanf(sc.Text(), "data: %d", &v); err == nil {
				ch <- v
			}
		}
	}()
	return ch
}

func parts0(t *testing.T, url string) parts {
	t.Helper()
	_, body := get(t, url)
	var p parts
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("%v\n%.300s", err, body)
	}
	return p
}

// saveByRename saves as vim and many editors do: a new file renamed over
// the old one.
func saveByRename(t *testing.T, file string, src []byte) {
	t.Helper()
	tmp := file + ".tmp~"
	if err := os.WriteFile(tmp, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// TestUpdates: each save (in place or by rename) reaches the page, a
// broken file keeps the last good pages, greyed, with the problem's line.
func TestUpdates(t *testing.T) {
	dir, _ := folder(t, seed)
	_, base := start(t, Config{Dir: dir})
	rel := "sub/chuong-trinh-bim-son-2017.yaml"
	file := filepath.Join(dir, rel)
	orig, _ := os.ReadFile(file)
	ch := events(t, base+"/events/"+rel)
	wait := func(what string) int {
		t.Helper()
		select {
		case v := <-ch:
			return v
		case <-time.After(3 * time.Second):
			t.Fatalf("no new version after %s", what)
		}
		return 0
	}
	first := wait("connecting")
	edited := bytes.Replace(orig, []byte("Công tác năm của Ban"), []byte("Công tác SỬA ĐỔI của Ban"), 1)
	saveByRename(t, file, edited)
	if v := wait("a save by rename"); v <= first {
		t.Errorf("version %d after %d", v, first)
	}
	p := parts0(t, base+"/render/"+rel)
	if p.State != "ok" || p.Stale || !strings.Contains(string(p.Pages), "SỬA ĐỔI") {
		t.Errorf("after the edit: state %s, stale %v, new text shown: %v", p.State, p.Stale, strings.Contains(string(p.Pages), "SỬA ĐỔI"))
	}
	broken := bytes.Replace(edited, []byte("place: "), []byte("place: [unclosed\n"), 1)
	if err := os.WriteFile(file, broken, 0o644); err != nil { // in place
		t.Fatal(err)
	}
	wait("a broken save")
	p = parts0(t, base+"/render/"+rel)
	if p.State != "errors" || !p.Stale || !strings.Contains(string(p.Pages), "SỬA ĐỔI") || !strings.Contains(string(p.Banner), "dòng ") {
		t.Errorf("broken: state %s, stale %v, banner %.300s", p.State, p.Stale, p.Banner)
	}
	if !strings.Contains(string(p.Source), `class="error"`) {
		t.Errorf("the source does not mark the line of the problem")
	}
	os.Remove(file)
	wait("removing the file")
	if p = parts0(t, base+"/render/"+rel); p.State != "unreadable" || !strings.Contains(string(p.Banner), "không đọc được") {
		t.Errorf("removed: state %s, banner %.300s", p.State, p.Banner)
	}
	saveByRename(t, file, orig)
	wait("restoring the file")
	if p = parts0(t, base+"/render/"+rel); p.State != "ok" || p.Stale {
		t.Errorf("restored: state %s, stale %v", p.State, p.Stale)
	}
}

// TestBannerNamesWhatCannotBeMade: the banner above a broken file says
// what cannot be made, a document or a report, even when the file is too
// broken to tell (it keeps the kind it had), and the list says the kind
// of every input, an indicator catalogue too.
func TestBannerNamesWhatCannotBeMade(t *testing.T) {
	dir, _ := folder(t, seed, rep)
	cat, err := os.ReadFile("../../templates/catalogues/bdg-2021-2030.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "bo-chi-tieu.yaml"), cat, 0o644)
	_, base := start(t, Config{Dir: dir})
	doc, report := "sub/chuong-trinh-bim-son-2017.yaml", filepath.Base(rep)
	_, list := get(t, base+"/")
	for _, want := range []string{"<td>văn bản</td>", "<td>báo cáo thống kê</td>", "<td>bộ chỉ tiêu</td>"} {
		if !strings.Contains(list, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
	for _, c := range []struct{ rel, want, not string }{
		{doc, "Chưa tạo được văn bản: hãy sửa các lỗi dưới đây. Các trang mờ bên dưới là bản đúng gần nhất.", "báo cáo"},
		{report, "Chưa tạo được báo cáo thống kê (tệp Excel): hãy sửa các lỗi dưới đây. Bảng mờ bên dưới là bản đúng gần nhất.", "văn bản"},
	} {
		file := filepath.Join(dir, filepath.FromSlash(c.rel))
		src, _ := os.ReadFile(file)
		parts0(t, base+"/render/"+c.rel) // seen once, good
		// A tab before a key: the file can no longer be read as YAML at
		// all, so its kind comes from the last version.
		os.WriteFile(file, append([]byte("\tx: 1\n"), src...), 0o644)
		p := parts0(t, base+"/render/"+c.rel)
		if p.State != "errors" || !strings.Contains(string(p.Banner), c.want) || strings.Contains(string(p.Banner), c.not) {
			t.Errorf("%s, broken: state %s, banner %.400s", c.rel, p.State, p.Banner)
		}
	}
	os.WriteFile(filepath.Join(dir, "bo-chi-tieu.yaml"), bytes.Replace(cat, []byte("\nindicators:"), []byte("\nindicators: 3\nx:"), 1), 0o644)
	if p := parts0(t, base+"/render/bo-chi-tieu.yaml"); !strings.Contains(string(p.Banner), "Bộ chỉ tiêu này có lỗi") {
		t.Errorf("a broken catalogue: state %s, banner %.400s", p.State, p.Banner)
	}
}

// TestEnglish: the page and the problems speak the server's language.
func TestEnglish(t *testing.T) {
	dir, _ := folder(t, seed)
	file := filepath.Join(dir, "sub", "chuong-trinh-bim-son-2017.yaml")
	src, _ := os.ReadFile(file)
	os.WriteFile(file, bytes.Replace(src, []byte("date: "), []byte("date: 2017-02-30 #"), 1), 0o644)
	_, base := start(t, Config{Dir: dir, Lang: diag.En})
	_, body := get(t, base+"/view/sub/chuong-trinh-bim-son-2017.yaml")
	for _, want := range []string{`lang="en"`, "All files", "line ", "column"} {
		if !strings.Contains(body, want) {
			t.Errorf("the English page lacks %q", want)
		}
	}
}

// TestMemoryAfterSaves saves a document many times while a page watches
// it: the server's memory must not grow with the number of saves.
// VANBAN_SAVES sets the number (the note's measurement used 1000).
func TestMemoryAfterSaves(t *testing.T) {
	n := 60
	if v := os.Getenv("VANBAN_SAVES"); v != "" {
		fmt.Sscan(v, &n)
	}
	if testing.Short() {
		n = 20
	}
	dir, _ := folder(t, seed)
	s, base := start(t, Config{Dir: dir})
	rel := "sub/chuong-trinh-bim-son-2017.yaml"
	file := filepath.Join(dir, rel)
	orig, _ := os.ReadFile(file)
	ch := events(t, base+"/events/"+rel)
	<-ch
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var early uint64
	start := time.Now()
	for i := 1; i <= n; i++ {
		saveByRename(t, file, append(bytes.Replace(orig, []byte("năm 2017"), []byte(fmt.Sprintf("năm %d", 2017+i)), 1), '\n'))
		s.current(rel) // as the poller would, without waiting for it
		if i == n/4 {
			early = heap()
		}
	}
	late := heap()
	t.Logf("%d saves in %v; heap %.1f MB after %d saves, %.1f MB after %d", n, time.Since(start).Round(time.Millisecond),
		float64(early)/1e6, n/4, float64(late)/1e6, n)
	if late > early+early/2+4<<20 {
		t.Errorf("the heap grew from %d to %d bytes", early, late)
	}
}

// TestListOfManyFiles: a folder with more inputs than the cache holds is
// not built again at each visit of the list.
func TestListOfManyFiles(t *testing.T) {
	dir := t.TempDir()
	for i := range maxEntries + 36 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.yaml", i)), []byte("type: cong-van\n"), 0o644)
	}
	old := time.Now().Add(-time.Minute) // not a file being written
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error { os.Chtimes(p, old, old); return nil })
	s, base := start(t, Config{Dir: dir})
	if code, body := get(t, base+"/"); code != 200 || strings.Count(body, "/view/f") != maxEntries+36 {
		t.Fatalf("list: %d", code)
	}
	first := s.builds.Load()
	get(t, base+"/")
	if again := s.builds.Load() - first; again != 0 || first != maxEntries+36 {
		t.Errorf("%d builds for the first list, %d more for the second", first, again)
	}
}
