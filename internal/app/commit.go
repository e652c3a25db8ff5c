package app

import (
	"os"
	"path/filepath"
	"sync"
)

// A committer makes the outputs of a batch durable in groups, as a
// database commits transactions: the workers write each output to its
// temporary file and hand it over without waiting for the disk; the
// committer takes every file handed over since its last round, syncs them
// all at once (a journaling file system commits its journal once for the
// syncs that wait together), renames each over its output and syncs each
// folder once. Every output is still either the old file or the whole new
// one, even after a power cut, but a thousand documents wait for the disk
// a few times instead of two thousand, and the workers keep the cores busy
// meanwhile.
type committer struct {
	mu      sync.Mutex
	changed *sync.Cond // a file was handed over, a round ended, or close was called
	queue   []*handover
	closed  bool
	done    chan struct{}
}

// A handover is an output written to its temporary file, waiting for the
// committer; err is what committing it found, set once close returns.
type handover struct {
	tmp  *os.File
	path string
	err  error
}

// maxQueued bounds the files waiting for the committer, each one open: a
// worker that would pass it waits for the next round.
const maxQueued = 64

func startCommitter() *committer {
	c := &committer{done: make(chan struct{})}
	c.changed = sync.NewCond(&c.mu)
	go c.run()
	return c
}

// add hands over tmp, written and open, to be renamed over path.
func (c *committer) add(tmp *os.File, path string) *handover {
	h := &handover{tmp: tmp, path: path}
	c.mu.Lock()
	for len(c.queue) >= maxQueued {
		c.changed.Wait()
	}
	c.queue = append(c.queue, h)
	c.changed.Broadcast()
	c.mu.Unlock()
	return h
}

// close waits until every file handed over is committed.
func (c *committer) close() {
	c.mu.Lock()
	c.closed = true
	c.changed.Broadcast()
	c.mu.Unlock()
	<-c.done
}

func (c *committer) run() {
	defer close(c.done)
	for {
		c.mu.Lock()
		for len(c.queue) == 0 && !c.closed {
			c.changed.Wait()
		}
		round := c.queue
		c.queue = nil
		c.changed.Broadcast() // room for the workers waiting in add
		c.mu.Unlock()
		if len(round) == 0 {
			return // closed, and nothing left
		}
		commitRound(round)
	}
}

// commitRound syncs the files of a round, renames them and syncs their
// folders.
func commitRound(round []*handover) {
	syncAll(round)
	dirs := map[string]bool{}
	for _, h := range round {
		if h.err == nil {
			h.err = commitTemp(h.tmp, h.path)
		}
		if h.err == nil {
			dirs[filepath.Dir(h.path)] = true
		}
	}
	for dir := range dirs {
		syncDir(dir)
	}
}

// maxSyncs bounds the syncs a round runs at once, each holding a thread.
const maxSyncs = 16

// syncAll syncs the files of a round together rather than in turn: ext4
// and XFS commit their journal once for all the syncs waiting, where syncs
// in turn wait for a commit each (on a fresh ext4, 1,000 files of 66 kB:
// 0.22 s together against 0.92 s in turn). A file that cannot be synced is
// removed and its handover gets the error.
func syncAll(round []*handover) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, maxSyncs)
	for _, h := range round {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			if err := h.tmp.Sync(); err != nil {
				h.err = &fsError{err: err}
				discard(h.tmp)
			}
		})
	}
	wg.Wait()
}
