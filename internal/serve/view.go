package serve

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/diag"
)

// parts are the pieces of an input's page that change with the file; the
// page is built from them, and /render sends them for the page to swap in.
type parts struct {
	Version   int           `json:"version"`
	State     string        `json:"state"`
	StateText string        `json:"stateText"`
	Downloads template.HTML `json:"downloads"`
	Banner    template.HTML `json:"banner"`
	Problems  template.HTML `json:"problems"`
	Source    template.HTML `json:"source"`
	Pages     template.HTML `json:"pages"`
	Stale     bool          `json:"stale"` // the pages are the last good ones, not this version's
}

func (s *Server) parts(e *entry) parts {
	p := parts{Version: e.version, State: e.state(), StateText: s.t("state " + e.state())}
	p.Downloads = s.downloads(e)
	p.Problems = s.problems(e, false)
	p.Source = source(e)
	switch {
	case e.note != "" && !e.diags.HasErrors():
		p.Pages = render(tmplNote, e.note)
		return p
	case e.preview != nil:
		p.Pages = template.HTML(e.preview)
	case e.good != nil:
		p.Pages, p.Stale = template.HTML(e.good), true
	}
	if e.preview == nil {
		p.Banner = s.banner(e)
	}
	return p
}

// downloads is the download button of the file render writes.
func (s *Server) downloads(e *entry) template.HTML {
	if e.file == nil {
		return render(tmplDisabled, map[string]string{"Label": s.t("download")})
	}
	name := strings.TrimSuffix(path.Base(e.rel), path.Ext(e.rel)) + e.ext
	return render(tmplDownload, map[string]string{
		"URL":   "/download/" + escapePath(e.rel) + "?v=" + strconv.Itoa(e.version),
		"Name":  name,
		"Label": fmt.Sprintf(s.t("download %s"), strings.ToUpper(strings.TrimPrefix(e.ext, "."))),
	})
}

// problem is one diagnostic as the page shows it.
type problem struct {
	Line, Col         int
	Where, Field, Msg string
	Fix, Class        string
	Sev               string // "Lỗi", "Cảnh báo", "Ghi chú" in the page's language
}

func (s *Server) problemList(e *entry, errorsOnly bool) []problem {
	var out []problem
	if e.readErr != nil {
		out = append(out, problem{Msg: s.t("cannot read") + ": " + plainErr(e.readErr), Class: "error", Sev: s.t("sev error")})
	}
	// Errors first, then warnings, then notes, each in the file's order:
	// what stops the file comes before what only asks for a look.
	diags := slices.Clone(e.diags)
	slices.SortStableFunc(diags, func(a, b diag.Diagnostic) int { return cmp.Compare(a.Severity, b.Severity) })
	for _, d := range diags {
		if errorsOnly && d.Severity != diag.Error {
			continue
		}
		class := d.Severity.String()
		p := problem{Line: d.Line, Col: max(d.Col, 1), Msg: d.Text(s.lang), Fix: d.Fix(s.lang), Class: class, Sev: s.t("sev " + class)}
		if d.Line > 0 {
			p.Where = fmt.Sprintf(s.t("line %d, column %d"), d.Line, p.Col)
		}
		p.Field = d.Field
		if s.lang == diag.Vi && d.Hint != "" {
			p.Field = strings.TrimSpace(d.Field + " (" + d.Hint + ")")
		}
		out = append(out, p)
	}
	return out
}

func (s *Server) problems(e *entry, errorsOnly bool) template.HTML {
	list := s.problemList(e, errorsOnly)
	return render(tmplProblems, map[string]any{"List": list, "None": s.t("no problems"), "FixLabel": s.t("fix"),
		"Heading": s.tally(list)})
}

// tally is the heading of a list of problems: how many of each severity,
// "2 lỗi, 1 ghi chú".
func (s *Server) tally(list []problem) string {
	n := map[string]int{}
	for _, p := range list {
		n[p.Class]++
	}
	var parts []string
	for _, class := range []string{"error", "warning", "note"} {
		if n[class] > 0 {
			parts = append(parts, fmt.Sprintf(s.t(plural(n[class], "%d "+class)), n[class]))
		}
	}
	return strings.Join(parts, ", ")
}

// plural is the key of the English word for n: "%d errors" beside
// "%d error".
func plural(n int, key string) string {
	if n == 1 {
		return key
	}
	return key + "s"
}

// banner is what stands above the pages when the file cannot be rendered:
// what cannot be made (a document, a workbook) in the clerk's words.
func (s *Server) banner(e *entry) template.HTML {
	msg := s.t(byKind("not rendered ", e.kind))
	if e.good != nil {
		msg += " " + s.t(byKind("last good ", e.kind))
	}
	return render(tmplBanner, map[string]any{"Msg": msg, "Problems": s.problems(e, true)})
}

// source is the input's text with numbered lines, those with a problem
// marked by its severity.
func source(e *entry) template.HTML {
	marks := map[int]diag.Severity{}
	for _, d := range e.diags {
		if m, ok := marks[d.Line]; d.Line > 0 && (!ok || d.Severity < m) {
			marks[d.Line] = d.Severity // the gravest of the line's: Error < Warning < Note
		}
	}
	text := strings.ToValidUTF8(string(bytes.TrimPrefix(e.src, []byte("\xEF\xBB\xBF"))), "\uFFFD")
	text = strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var b strings.Builder
	b.WriteString(`<ol class="src">`)
	if e.readErr == nil {
		for i, line := range strings.Split(text, "\n") {
			n := i + 1
			fmt.Fprintf(&b, `<li id="L%d"`, n)
			if m, ok := marks[n]; ok {
				fmt.Fprintf(&b, ` class="%s"`, m.String())
			}
			b.WriteString(">")
			template.HTMLEscape(&b, []byte(line))
			b.WriteString("</li>")
		}
	}
	b.WriteString("</ol>")
	return template.HTML(b.String())
}

func render(t func() *template.Template, data any) template.HTML {
	var b bytes.Buffer
	if err := t().Execute(&b, data); err != nil {
		return template.HTML(template.HTMLEscapeString(err.Error()))
	}
	return template.HTML(b.String())
}

// list is the folder's page: every input with its state.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	type item struct{ Rel, URL, State, StateText, Kind string }
	var items []item
	for _, rel := range s.inputs() {
		st := s.summary(rel)
		items = append(items, item{Rel: rel, URL: ViewURL(rel), State: st.state, StateText: s.t("state " + st.state),
			Kind: s.t("kind " + st.kind)})
	}
	s.page(w, "list", map[string]any{"Dir": s.dir, "Items": items, "Empty": s.t("empty folder")})
}

// view is an input's page.
func (s *Server) view(w http.ResponseWriter, r *http.Request) {
	rel, ok := s.relOf(w, r)
	if !ok {
		return
	}
	e, ok := s.known(w, rel)
	if !ok {
		return
	}
	s.page(w, "view", map[string]any{"Rel": rel, "Name": path.Base(rel), "P": s.parts(e),
		"Render": "/render/" + escapePath(rel), "Events": "/events/" + escapePath(rel)})
}

// known returns the entry of an input that exists, or was seen to exist
// (a page watching a file that is removed shows that it cannot be read);
// otherwise it answers 404.
func (s *Server) known(w http.ResponseWriter, rel string) (*entry, bool) {
	e := s.current(rel)
	if e.readErr != nil && e.version == 1 {
		http.Error(w, s.t("not found"), http.StatusNotFound)
		return nil, false
	}
	return e, true
}

// render sends the parts of an input's page as JSON.
func (s *Server) render(w http.ResponseWriter, r *http.Request) {
	rel, ok := s.relOf(w, r)
	if !ok {
		return
	}
	e, ok := s.known(w, rel)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(s.parts(e))
}

// events tells a page, as server-sent events, each new version of its
// input.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rel, ok := s.relOf(w, r)
	if !ok {
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, s.t("internal error"), http.StatusInternalServerError)
		return
	}
	now, ch, cancel, ok := s.subscribe(rel)
	if !ok {
		w.Header().Set("Retry-After", "5")
		http.Error(w, s.t("busy"), http.StatusServiceUnavailable)
		return
	}
	defer cancel()
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{})
	rc.SetReadDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 500\nevent: version\ndata: %d\n\n", now)
	flusher.Flush()
	beat := time.NewTicker(15 * time.Second)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case v := <-ch:
			fmt.Fprintf(w, "event: version\ndata: %d\n\n", v)
		case <-beat.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		flusher.Flush()
	}
}

// download sends the bytes "vanban render" writes for the input.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	rel, ok := s.relOf(w, r)
	if !ok {
		return
	}
	e := s.current(rel)
	if e.file == nil {
		http.Error(w, s.t(byKind("not rendered ", e.kind)), http.StatusConflict)
		return
	}
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel)) + e.ext
	w.Header().Set("Content-Type", e.media)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(e.file)))
	w.Write(e.file)
}

// asset sends an embedded file: the page's script and style sheet.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	types := map[string]string{"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
	ct, ok := types[name]
	if !ok {
		http.Error(w, s.t("not found"), http.StatusNotFound)
		return
	}
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.Error(w, s.t("not found"), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(data)
}

// page writes one of the two HTML pages.
func (s *Server) page(w http.ResponseWriter, name string, data map[string]any) {
	data["Lang"] = s.lang.String()
	data["T"] = s.t
	var b bytes.Buffer
	if err := pages().ExecuteTemplate(&b, name+".html", data); err != nil {
		s.logf("page %s: %v", name, err)
		http.Error(w, s.t("internal error"), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

// The templates are parsed when the first page is served, not when the
// package is initialised: every vanban process links this package, and
// only `vanban serve` draws pages.
var (
	pages        = sync.OnceValue(func() *template.Template { return template.Must(template.ParseFS(assets, "assets/*.html")) })
	tmplDownload = parse(`<a class="button" id="download" href="{{.URL}}" download="{{.Name}}">{{.Label}}</a>`)
	tmplDisabled = parse(`<span class="button disabled" id="download" aria-disabled="true">{{.Label}}</span>`)
	tmplProblems = parse(`{{if .List}}<h2>{{.Heading}}</h2><ol class="problems">{{range .List}}<li class="{{.Class}}"{{if .Line}} data-line="{{.Line}}" tabindex="0"{{end}}><span class="sev">{{.Sev}}</span> {{if .Where}}<span class="where">{{.Where}}</span> {{end}}{{if .Field}}<span class="field">{{.Field}}</span>: {{end}}<span class="msg">{{.Msg}}</span>{{if .Fix}} <span class="fix">({{$.FixLabel}}: {{.Fix}})</span>{{end}}</li>{{end}}</ol>{{else}}<p class="none">{{.None}}</p>{{end}}`)
	tmplNote     = parse(`<p class="note">{{.}}</p>`)
	tmplBanner   = parse(`<div class="banner"><p>{{.Msg}}</p>{{.Problems}}</div>`)
)

// parse returns text's template, parsed on first use.
func parse(text string) func() *template.Template {
	return sync.OnceValue(func() *template.Template { return template.Must(template.New("").Parse(text)) })
}

// escapePath escapes each segment of a slash-separated path for a URL.
func escapePath(rel string) string {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

func plainErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "?")
	}
	return s
}
