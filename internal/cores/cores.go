// Package cores lends the process's spare cores to work that can be split
// across goroutines: a long document's pages (internal/pdf), its
// paragraphs' lines (internal/layout).
//
// There is one token per core beyond the first (GOMAXPROCS − 1), for the
// whole process, and a token is taken without waiting: work that finds
// none free (a batch whose workers keep every core busy, GOMAXPROCS=1) is
// done alone on its own goroutine, as it would be without this package,
// so helping does not oversubscribe the cores nor slow a busy process. (A
// layout helper gives its token back when the document's goroutine has
// every block, and may still finish the one block it was laying out: for
// that moment the process runs one goroutine more than its spare cores.)
package cores

import (
	"runtime"
	"sync/atomic"
)

// free is the number of tokens not taken.
var free atomic.Int32

func init() { free.Store(int32(max(runtime.GOMAXPROCS(0)-1, 0))) }

// TryTake takes a spare core's token when one is free and reports whether
// it did. Whoever takes one starts at most one helper goroutine with it
// and gives it back with Give once it needs the helper no more (the helper
// done, or left to end a last small piece of work whose result is
// dropped), also after a panic.
func TryTake() bool {
	for {
		n := free.Load()
		if n <= 0 {
			return false
		}
		if free.CompareAndSwap(n, n-1) {
			return true
		}
	}
}

// Give gives back a token taken by TryTake.
func Give() { free.Add(1) }

// Free returns the number of tokens free now: tests check with it that
// every token taken was given back.
func Free() int { return int(free.Load()) }

// Set makes n tokens free until restore is called, whatever the number of
// cores: tests use it to force work onto one goroutine (0) or to let it be
// helped (1). It must be called while no token is taken.
func Set(n int) (restore func()) {
	saved := free.Swap(int32(n))
	return func() { free.Store(saved) }
}
