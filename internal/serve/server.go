// Package serve is "vanban serve": a local web page that lists a folder's
// documents and reports with their state and shows one of them as it is
// written, its pages drawn in the page (SVG from the same layout as the
// PDF), its problems beside them in the user's language with the source
// line marked, and buttons that download exactly what "vanban render"
// writes. The page updates itself within a second of each save.
//
// It is safe by design: it reads only files under its folder (through an
// os.Root, so neither ".." nor a symbolic link leads out), writes nothing,
// answers only requests addressed to it by a loopback name or address (a
// web page elsewhere cannot reach it through DNS rebinding) and from its
// own pages (a foreign Origin is refused), and a malformed request gets an
// error, never a crash. Every asset is embedded: it works offline.
package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
)

// Config is what "vanban serve" was asked to do.
type Config struct {
	Dir  string      // the folder served
	Opt  app.Options // fonts and templates, as for render
	Lang diag.Lang   // the language of the pages
	// Public allows a non-loopback address: the server then also answers
	// requests addressed to this machine's IP addresses and host name.
	Public bool
	Log    io.Writer // where requests refused and internal errors are logged; nil for none
}

// Server serves one folder.
type Server struct {
	dir    string
	root   *os.Root
	opt    app.Options
	lang   diag.Lang
	public bool
	log    io.Writer
	names  map[string]bool // host names accepted besides loopback ones

	build     sync.Mutex // one build at a time: the machine's cores go to it
	mu        sync.Mutex // guards the fields below
	cache     map[string]*entry
	listed    map[string]listed
	clock     int64
	watchers  map[string]*watcher
	listeners int
	builds    atomic.Int64 // inputs built, for tests
	done      chan struct{}
	closeOnce sync.Once
}

// New opens the folder and returns its server.
func New(cfg Config) (*Server, error) {
	root, err := openRoot(cfg.Dir)
	if err != nil {
		return nil, err
	}
	s := &Server{dir: cfg.Dir, root: root, opt: cfg.Opt, lang: cfg.Lang, public: cfg.Public, log: cfg.Log,
		cache: map[string]*entry{}, listed: map[string]listed{}, watchers: map[string]*watcher{}, done: make(chan struct{}), names: map[string]bool{}}
	if cfg.Public {
		if h, err := os.Hostname(); err == nil && h != "" {
			h = strings.ToLower(h)
			s.names[h], s.names[h+".local"] = true, true
		}
	}
	return s, nil
}

// Close stops the watchers and releases the folder.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { close(s.done) })
	return s.root.Close()
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.list)
	mux.HandleFunc("GET /view/{path...}", s.view)
	mux.HandleFunc("GET /render/{path...}", s.render)
	mux.HandleFunc("GET /events/{path...}", s.events)
	mux.HandleFunc("GET /download/{path...}", s.download)
	mux.HandleFunc("GET /assets/{name}", s.asset)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	return s.guard(mux)
}

// ListenAndServe serves on ln until ctx is done.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          nil,
	}
	go func() {
		<-ctx.Done()
		s.closeOnce.Do(func() { close(s.done) })
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	err := hs.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// CheckAddr refuses an address that is not loopback unless public is set,
// saying why. It returns the address to listen on.
func CheckAddr(addr string, public bool) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		// "8080" or ":8080" alone: a port on the loopback address.
		if _, perr := fmt.Sscan(strings.TrimPrefix(addr, ":"), new(uint16)); perr == nil {
			return net.JoinHostPort("127.0.0.1", strings.TrimPrefix(addr, ":")), nil
		}
		return "", fmt.Errorf("%q is not an address such as 127.0.0.1:8080", addr)
	}
	if host == "" && !public {
		host = "127.0.0.1"
	}
	if !public && !isLoopback(host) {
		return "", fmt.Errorf("%s is not a loopback address: anyone who can reach this machine over the network could read every document in the folder; give --public to allow it", addr)
	}
	return net.JoinHostPort(host, port), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// guard refuses what the server must not answer, and turns a panic into
// an error page, so that no request can stop the server.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logf("internal error on %s: %v", r.URL.Path, v)
				http.Error(w, s.t("internal error"), http.StatusInternalServerError)
			}
		}()
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if !s.hostAllowed(r.Host) {
			s.logf("refused a request for host %q (DNS rebinding?)", r.Host)
			http.Error(w, s.t("foreign host"), http.StatusMisdirectedRequest)
			return
		}
		if !s.originAllowed(r) {
			s.logf("refused a request from origin %q", r.Header.Get("Origin"))
			http.Error(w, s.t("foreign origin"), http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, s.t("read only"), http.StatusMethodNotAllowed)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed accepts the names a browser on this machine uses for the
// server: a loopback address or "localhost". A page elsewhere that made
// its own name point to 127.0.0.1 (DNS rebinding) sends that name, and is
// refused. A public server also accepts this machine's addresses and name.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback() || s.public
	}
	return s.public && s.names[host]
}

// originAllowed refuses requests sent by pages of another origin: the
// browser names the page's origin in Origin (fetch, EventSource, forms)
// and says cross-site in Sec-Fetch-Site.
func (s *Server) originAllowed(r *http.Request) bool {
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		// A link followed from another site opens a page, which that
		// site cannot read; nothing else may come from there.
		return r.Header.Get("Sec-Fetch-Mode") == "navigate" && r.Header.Get("Origin") == ""
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	rest, ok := strings.CutPrefix(o, "http://")
	return ok && strings.EqualFold(rest, r.Host)
}

func (s *Server) logf(format string, args ...any) {
	if s.log != nil {
		fmt.Fprintf(s.log, "vanban serve: "+format+"\n", args...)
	}
}

// relOf returns the checked input path of a request, or writes 404.
func (s *Server) relOf(w http.ResponseWriter, r *http.Request) (string, bool) {
	rel, err := cleanRel(r.PathValue("path"))
	if err != nil {
		http.Error(w, s.t("not found"), http.StatusNotFound)
		return "", false
	}
	return rel, true
}

// ViewURL is the address of an input's page, relative to the server.
func ViewURL(rel string) string {
	return "/view/" + escapePath(filepath.ToSlash(rel))
}

//go:embed assets
var assets embed.FS
