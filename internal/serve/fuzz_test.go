package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRequest sends any path, host and origin to the server: it never
// panics (a panic would be a 500), never answers 200 outside its
// addresses, and never shows a file outside its folder.
func FuzzRequest(f *testing.F) {
	base := f.TempDir()
	dir := filepath.Join(base, "served")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(base, "secret.yaml"), []byte("type: cong-van\ntitle: BÍ MẬT NGOÀI THƯ MỤC\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("type: cong-van\ntitle: x\n"), 0o644)
	os.Symlink(filepath.Join(base, "secret.yaml"), filepath.Join(dir, "link.yaml"))
	s, err := New(Config{Dir: dir})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	h := s.Handler()
	for _, seed := range [][3]string{
		{"/view/a.yaml", "127.0.0.1:8080", ""},
		{"/render/../secret.yaml", "localhost", ""},
		{"/view/%2e%2e%2fsecret.yaml", "127.0.0.1", "http://127.0.0.1"},
		{"/download/link.yaml", "[::1]:1", "null"},
		{"/assets/app.js", "evil.example", ""},
		{"/events/a.yaml", "127.0.0.1", "http://evil.example"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, path, host, origin string) {
		if strings.HasPrefix(path, "/events/") {
			return // a stream: tested in TestUpdates
		}
		req := httptest.NewRequest("GET", "http://127.0.0.1/", nil)
		req.URL.Path, req.URL.RawPath = path, ""
		req.Host = host
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		body := w.Body.String()
		if w.Code == http.StatusInternalServerError {
			t.Fatalf("%q (host %q): 500 %s", path, host, body)
		}
		if strings.Contains(body, "BÍ MẬT") {
			t.Fatalf("%q (host %q) shows a file outside the folder", path, host)
		}
		if w.Code == http.StatusOK && !s.hostAllowed(host) {
			t.Fatalf("%q answered for host %q", path, host)
		}
	})
}
