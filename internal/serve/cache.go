package serve

import (
	"bytes"
	"crypto/sha256"
	"slices"
	"time"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
)

// entry is what the server knows of one input at one version: its
// source, problems, the bytes render would write and the preview.
type entry struct {
	rel     string
	stamp   stamp
	hash    [32]byte
	version int // grows by one whenever the content changes
	used    int64

	src     []byte
	readErr error
	kind    string // "document", "report", or "" when of no known kind
	diags   diag.List
	file    []byte // the bytes render writes, nil when the input has errors
	ext     string // the file's extension
	media   string // the file's media type
	preview []byte // HTML fragment of the pages or summary, nil with errors
	// note says what an input that is never rendered by itself is (an
	// indicator catalogue, read through the reports that name it).
	note string
	// good is the preview of the latest version that had one: it stays
	// on the page, greyed, while the file has errors.
	good []byte
}

// state is the entry's state as the list and the page show it.
func (e *entry) state() string {
	switch {
	case e.readErr != nil:
		return "unreadable"
	case e.diags.HasErrors() || e.file == nil && e.note == "":
		return "errors"
	case slices.ContainsFunc(e.diags, func(d diag.Diagnostic) bool { return d.Severity == diag.Warning }):
		return "warnings"
	case len(e.diags) > 0:
		return "notes"
	}
	return "ok"
}

// maxEntries bounds the cache: the inputs seen most recently are kept;
// an entry is at most a few megabytes (the file, its pages).
const maxEntries = 64

// recentWrite is how close to now a modification time must be for the
// file to be read again even though its size and time look unchanged:
// file systems that keep times to the second (or two, FAT) would hide a
// second save within the same second.
const recentWrite = 3 * time.Second

// current returns the entry of rel for the file as it is now, building it
// again only when the file's content changed.
func (s *Server) current(rel string) *entry {
	st := s.stat(rel)
	s.mu.Lock()
	old := s.cache[rel]
	s.clock++
	unchanged := false
	if old != nil {
		old.used = s.clock
		// read under the lock: a rebuild of the same content sets stamp
		unchanged = st.ok && old.stamp == st && time.Since(time.Unix(0, st.mtime)) > recentWrite
	}
	s.mu.Unlock()
	if unchanged {
		return old
	}
	s.build.Lock()
	defer s.build.Unlock()
	src, err := s.read(rel)
	hash := sha256.Sum256(src)
	s.mu.Lock()
	old = s.cache[rel] // another request may have built it meanwhile
	if old != nil && old.hash == hash && (err == nil) == (old.readErr == nil) {
		old.stamp = st
		s.mu.Unlock()
		return old
	}
	s.mu.Unlock()
	e := &entry{rel: rel, stamp: st, hash: hash, src: src, readErr: err}
	if old != nil {
		// A file too broken to tell its kind keeps the last one known:
		// the banner still says what cannot be made.
		e.version, e.good, e.kind = old.version+1, old.good, old.kind
	} else {
		e.version = 1
	}
	if err == nil {
		s.make(e)
	}
	s.mu.Lock()
	e.used = s.clock
	s.cache[rel] = e
	s.evict()
	s.mu.Unlock()
	return e
}

// make decodes, validates and renders the entry's source: the file render
// would write and the preview.
func (s *Server) make(e *entry) {
	s.builds.Add(1)
	kind, outs, diags := app.Build(s.display(e.rel), e.src, s.opt)
	e.diags = diags
	if kind.Name != "" {
		e.kind = kind.Name
	}
	if kind.Check != nil {
		e.note = kind.Note.Text(s.lang)
	}
	if len(outs) == 0 {
		return
	}
	var file, preview bytes.Buffer
	if err := outs[0].Write(&file); err != nil {
		e.diags.Append(app.WriteErrorDiags(s.display(e.rel), err))
		e.diags.Sort()
		return
	}
	if p, ok := outs.Preview(); ok {
		if err := p.Write(&preview); err != nil {
			e.diags.Append(app.WriteErrorDiags(s.display(e.rel), err))
			e.diags.Sort()
			return
		}
	}
	e.file, e.ext, e.media = file.Bytes(), outs[0].Ext, outs[0].MediaType
	e.preview = preview.Bytes()
	e.good = e.preview
}

// evict drops the least recently used entries beyond maxEntries, but
// never one that a page is watching. s.mu must be held.
func (s *Server) evict() {
	for len(s.cache) > maxEntries {
		var victim *entry
		for rel, e := range s.cache {
			if s.watchers[rel] != nil {
				continue
			}
			if victim == nil || e.used < victim.used {
				victim = e
			}
		}
		if victim == nil {
			return
		}
		delete(s.cache, victim.rel)
	}
}

// listed is what the list shows of an input, kept for many more inputs
// than the cache of entries holds: a folder of hundreds of files is not
// rendered again at every visit of the list.
type listed struct {
	stamp       stamp
	state, kind string
}

// maxListed bounds the states kept for the list.
const maxListed = 4096

// summary returns the state and kind of rel, building it only when the
// file changed since the list last showed it.
func (s *Server) summary(rel string) listed {
	st := s.stat(rel)
	s.mu.Lock()
	l, ok := s.listed[rel]
	s.mu.Unlock()
	if ok && st.ok && l.stamp == st && time.Since(time.Unix(0, st.mtime)) > recentWrite {
		return l
	}
	e := s.current(rel)
	s.mu.Lock() // current may set the stamp of an entry it returns again
	stamp := e.stamp
	s.mu.Unlock()
	l = listed{stamp: stamp, state: e.state(), kind: e.kind}
	s.mu.Lock()
	if len(s.listed) >= maxListed {
		clear(s.listed)
	}
	s.listed[rel] = l
	s.mu.Unlock()
	return l
}
