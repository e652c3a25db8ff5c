package layout

import "sync"

// A textArena hands out the room for the texts of a flow's lines: they
// live only until fill copies them onto their pages, and a long document
// has tens of thousands of them (3 MB for 100 pages), which would
// otherwise each be allocated and collected. An arena's chunks are reused
// by the next documents (getArena, putArena); a composer's arena is given
// back once its pages are filled, a helper's once both it and the
// composer are done (arenaOwner).
type textArena struct {
	chunks [][]Text
	cur    int // the chunk being handed out
	used   int // texts handed out from chunks[cur]
}

// An arena's first chunk holds firstChunk texts (a short document needs
// no more), each next one twice as many up to maxChunk; an arena of more
// than maxChunks chunks (a document of some 150 pages) is not kept.
const (
	firstChunk = 256
	maxChunk   = 4096
	maxChunks  = 10
)

// take returns an empty slice with room for n texts; appending beyond
// them allocates, as it would for any slice. A nil arena allocates.
func (a *textArena) take(n int) []Text {
	if a == nil || n > maxChunk {
		return make([]Text, 0, n)
	}
	for a.cur < len(a.chunks) && a.used+n > len(a.chunks[a.cur]) {
		a.cur, a.used = a.cur+1, 0
	}
	if a.cur == len(a.chunks) {
		size := min(firstChunk<<min(a.cur, 4), maxChunk)
		a.chunks = append(a.chunks, make([]Text, max(n, size)))
	}
	s := a.chunks[a.cur][a.used : a.used : a.used+n]
	a.used += n
	return s
}

// arenas keeps arenas for the next documents: enough for a batch's
// workers (two per core), whose documents are not helped, or for one
// document and its helper.
var arenas = make(chan *textArena, 4)

func getArena() *textArena {
	select {
	case a := <-arenas:
		return a
	default:
		return &textArena{}
	}
}

// putArena keeps a for another document, unless it grew large or enough
// are kept. Its texts are not cleared: the next document overwrites them,
// and until then they keep the strings of the last document's lines (its
// text, some hundred kB) from being collected. Clearing 3 MB of texts
// that hold pointers took the document's goroutine half a millisecond.
func putArena(a *textArena) {
	a.cur, a.used = 0, 0
	if len(a.chunks) > maxChunks {
		return
	}
	select {
	case arenas <- a:
	default:
	}
}

// arenaOwner gives back the arenas of a composition's helpers: a helper
// may end after the composer (its last block dropped), or before, while
// the composer still reads the texts it laid out.
type arenaOwner struct {
	mu       sync.Mutex
	composed bool
	held     []*textArena
}

// helperDone gives back a helper's arena, or holds it until the
// composition is done.
func (o *arenaOwner) helperDone(a *textArena) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.composed {
		putArena(a)
		return
	}
	o.held = append(o.held, a)
}

// composerDone gives back the helpers' arenas held so far; a helper
// still running gives back its own.
func (o *arenaOwner) composerDone() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.composed = true
	for _, a := range o.held {
		putArena(a)
	}
	o.held = nil
}
