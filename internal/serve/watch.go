package serve

import (
	"time"
)

// Watching a file: the server polls the files that a page shows, rather
// than asking the system to notify it. A notification watches a name's
// inode, which an editor that saves by writing a new file and renaming it
// over the old (vim, VS Code's atomic save, many Windows editors) replaces,
// so the watch is lost or must be moved to the folder; notifications do
// not arrive at all on the network shares and WSL or VirtualBox folders
// that office machines use. Polling a few files is cheap (one stat each
// every pollEvery) and needs no dependency, and saving by rename, by
// truncate-and-write or from another machine all look the same: the size,
// the time or, for a recent time, the content changed.

// pollEvery is how often a watched file is looked at: with a render of a
// few tens of milliseconds, a page is updated well within a second.
const pollEvery = 150 * time.Millisecond

// watcher polls one file for the pages that show it.
type watcher struct {
	subs map[chan int]bool
	stop chan struct{}
}

// maxWatchers bounds the pages that may listen at once (each holds a
// connection open); a page beyond it is refused and retries later.
const maxWatchers = 64

// subscribe returns the version of rel now, a channel that receives the
// version whenever the content changes after that, and a function to stop
// listening. ok is false when too many pages listen already.
func (s *Server) subscribe(rel string) (now int, ch chan int, cancel func(), ok bool) {
	now = s.current(rel).version
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listeners >= maxWatchers {
		return 0, nil, nil, false
	}
	s.listeners++
	w := s.watchers[rel]
	if w == nil {
		w = &watcher{subs: map[chan int]bool{}, stop: make(chan struct{})}
		s.watchers[rel] = w
		go s.poll(rel, now, w.stop)
	}
	ch = make(chan int, 1)
	w.subs[ch] = true
	if v := s.cache[rel]; v != nil && v.version != now {
		ch <- v.version // changed while subscribing
	}
	return now, ch, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.listeners--
		delete(w.subs, ch)
		if len(w.subs) == 0 {
			close(w.stop)
			delete(s.watchers, rel)
		}
	}, true
}

// poll rebuilds rel whenever it changes and tells its listeners of each
// version after last.
func (s *Server) poll(rel string, last int, stop chan struct{}) {
	t := time.NewTicker(pollEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-s.done:
			return
		case <-t.C:
		}
		v := s.current(rel).version
		if v == last {
			continue
		}
		last = v
		s.mu.Lock()
		if w := s.watchers[rel]; w != nil {
			for ch := range w.subs {
				select { // keep only the newest version for a slow page
				case <-ch:
				default:
				}
				ch <- v
			}
		}
		s.mu.Unlock()
	}
}
