package layout

import (
	"iter"
	"sync"
	"sync/atomic"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/document"
)

// helpedText is the length of text (bytes of the paragraphs' spans) from
// which a flow's blocks are laid out on two cores when a spare one is
// free (see laidOut). Below it, waking another core costs about what it
// saves.
var helpedText = 3000

// laidOut lays out body blocks and yields each block's index and items,
// in order. Most of a long document's layout is breaking its paragraphs'
// lines, and a block's layout depends on no other block's, so when they
// hold text enough and another core is free (internal/cores), a helper
// goroutine lays out part of them while this one does the rest, each
// taking the next block not yet taken. The items are the same either way;
// what the blocks report (a table's warnings) is merged in their order.
func (c *composer) laidOut(blocks []document.Block) iter.Seq2[int, []item] {
	return func(yield func(int, []item) bool) {
		if !worthHelping(blocks) || !cores.TryTake() {
			for i, b := range blocks {
				if !yield(i, c.block(b, false)) {
					return
				}
			}
			return
		}
		laid := c.shareBlocks(blocks)
		if helpObserver != nil {
			helpObserver(laid)
		}
		for i, l := range laid {
			c.warnings = append(c.warnings, l.warnings...)
			c.problems = append(c.problems, l.problems...)
			if !yield(i, l.items) {
				return
			}
		}
	}
}

// worthHelping reports whether blocks hold text enough for sharing them
// between two cores to pay: total fit, the costly part, grows with the
// paragraphs' text (a table's cells are broken first fit, at little cost).
func worthHelping(blocks []document.Block) bool {
	if len(blocks) < 2 {
		return false
	}
	n := 0
	for _, b := range blocks {
		for _, s := range b.Spans {
			n += len(s.Text)
		}
		if n >= helpedText {
			return true
		}
	}
	return false
}

// A laidBlock is one block laid out on two cores: its items, and what its
// layout reported.
type laidBlock struct {
	items              []item
	warnings, problems []Problem
	helped             bool // laid out by the helper
}

// shareBlocks lays out the blocks on this goroutine and a helper, with a
// spare core's token taken. Each takes the next block not yet taken. This
// goroutine never waits for the helper: once no block is left to take, it
// lays out again any block the helper has not finished, and keeps
// whichever layout is stored first (they are the same). On a machine whose
// other cores are busy the helper's thread may wait long for its turn;
// the document then costs at most one block more than alone. The token
// goes back as soon as this goroutine has every block (the PDF writer
// wants it next): a helper still finishing a block it took ends on its
// own a moment later, its layout dropped.
func (c *composer) shareBlocks(blocks []document.Block) []*laidBlock {
	laid := make([]atomic.Pointer[laidBlock], len(blocks))
	var next atomic.Int64 // the next block to take
	helper := c.worker()
	if c.texts != nil {
		helper.texts = getArena() // its own: the goroutines fill them at once
	}
	running.Add(1)
	go func() {
		defer running.Done()
		if helper.texts != nil {
			defer c.arenas.helperDone(helper.texts)
		}
		// A panic on the helper reaches the caller all the same: this
		// goroutine lays the block out again and meets it there (app
		// turns it into an internal error).
		defer func() { _ = recover() }()
		helper.take(blocks, laid, &next, true)
	}()
	defer cores.Give()
	defer next.Store(int64(len(blocks))) // a panic here stops the helper at its next block
	own := c.worker()
	own.take(blocks, laid, &next, false)
	out := make([]*laidBlock, len(blocks))
	for i := range laid {
		if out[i] = laid[i].Load(); out[i] == nil { // the helper's, not finished
			own.lay(blocks, laid, i, false)
			out[i] = laid[i].Load()
		}
	}
	return out
}

// running counts the helpers not yet ended, for tests to wait for them
// before they change what a helper reads (WaitHelpers).
var running sync.WaitGroup

// worker returns a copy of c that lays out blocks on one goroutine: a
// block's layout reads the composer and writes nothing to it but the
// warnings and problems it reports, which the copy keeps apart (lay).
func (c *composer) worker() *composer {
	w := *c
	w.warnings, w.problems = nil, nil
	return &w
}

// take lays out the blocks that next hands out, until none is left; c is
// a worker (its own warnings and problems).
func (c *composer) take(blocks []document.Block, laid []atomic.Pointer[laidBlock], next *atomic.Int64, helped bool) {
	for {
		i := next.Add(1) - 1
		if i >= int64(len(blocks)) {
			return
		}
		c.lay(blocks, laid, int(i), helped)
	}
}

// lay lays out block i and stores its items and reports at laid[i],
// unless the other goroutine stored them first.
func (c *composer) lay(blocks []document.Block, laid []atomic.Pointer[laidBlock], i int, helped bool) {
	l := &laidBlock{items: c.block(blocks[i], false), helped: helped}
	l.warnings, l.problems = c.warnings, c.problems
	c.warnings, c.problems = nil, nil
	laid[i].CompareAndSwap(nil, l)
}

// helpObserver, when set (by tests), sees the blocks of every flow laid
// out on two cores.
var helpObserver func(laid []*laidBlock)
