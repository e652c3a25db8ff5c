package layout

import (
	"iter"
	"sync/atomic"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/document"
)

// helpedBlocks is the number of body blocks from which a flow's blocks
// are laid out on two cores when a spare one is free (see laidOut). Below
// it, starting a goroutine costs more than it saves.
var helpedBlocks = 16

// laidOut lays out body blocks and yields each block's index and items,
// in order. Most of a long document's layout is breaking its paragraphs'
// lines, and a block's layout depends on no other block's, so when there
// are enough of them and another core is free (internal/cores), a helper
// goroutine lays out part of them while this one does the rest, each
// taking the next block not yet taken. The items are the same either way;
// a table's warnings are merged in the order of the blocks.
func (c *composer) laidOut(blocks []document.Block) iter.Seq2[int, []item] {
	return func(yield func(int, []item) bool) {
		if len(blocks) < helpedBlocks || !cores.TryTake() {
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
		for i := range laid {
			c.warnings = append(c.warnings, laid[i].warnings...)
			c.problems = append(c.problems, laid[i].problems...)
			if !yield(i, laid[i].items) {
				return
			}
		}
	}
}

// A laidBlock is one block laid out on two cores: its items, and what its
// layout reported.
type laidBlock struct {
	items              []item
	warnings, problems []Problem
	helped             bool // laid out by the helper
}

// shareBlocks lays out the blocks on this goroutine and a helper, with a
// spare core's token taken (given back here when the helper is done). A
// panic on either goroutine stops the other at its next block and goes on
// here, once the helper is done, as it would without the helper (app turns
// it into an internal error).
func (c *composer) shareBlocks(blocks []document.Block) []laidBlock {
	laid := make([]laidBlock, len(blocks))
	var next atomic.Int64 // the next block to take
	stop := func() { next.Store(int64(len(blocks))) }
	done := make(chan any, 1) // what the helper panicked with, or nil
	helper := c.worker()
	go func() {
		defer func() {
			r := recover()
			if r != nil {
				stop()
			}
			cores.Give()
			done <- r
		}()
		helper.take(blocks, laid, &next, true)
	}()
	var failed any
	func() {
		defer func() {
			stop() // this goroutine panicked, or there is nothing left
			failed = <-done
		}()
		c.worker().take(blocks, laid, &next, false)
	}()
	if failed != nil {
		panic(failed)
	}
	return laid
}

// worker returns a copy of c that lays out blocks on one goroutine: a
// block's layout reads the composer and writes nothing to it but the
// warnings and problems it reports, which the copy keeps apart (take).
func (c *composer) worker() *composer {
	w := *c
	w.warnings, w.problems = nil, nil
	return &w
}

// take lays out the blocks that next hands out, until none is left,
// storing each one's items and reports at its index.
func (w *composer) take(blocks []document.Block, laid []laidBlock, next *atomic.Int64, helped bool) {
	for {
		i := next.Add(1) - 1
		if i >= int64(len(blocks)) {
			return
		}
		l := &laid[i]
		l.items, l.helped = w.block(blocks[i], false), helped
		l.warnings, l.problems = w.warnings, w.problems
		w.warnings, w.problems = nil, nil
	}
}

// helpObserver, when set (by tests), sees the blocks of every flow laid
// out on two cores.
var helpObserver func(laid []laidBlock)
