package cores

import (
	"sync"
	"testing"
)

// Tokens are taken without waiting, never more than there are, and come
// back when given.
func TestTakeAndGive(t *testing.T) {
	defer Set(2)()
	if !TryTake() || !TryTake() {
		t.Fatal("two tokens free, but TryTake refused one")
	}
	if TryTake() {
		t.Fatal("TryTake took a third token of two")
	}
	if Free() != 0 {
		t.Fatalf("Free = %d with both tokens taken", Free())
	}
	Give()
	if !TryTake() {
		t.Fatal("a token given back could not be taken again")
	}
	Give()
	Give()
	if Free() != 2 {
		t.Fatalf("Free = %d after both tokens came back, want 2", Free())
	}
}

// Goroutines racing for the tokens never hold more than there are.
func TestConcurrentTakers(t *testing.T) {
	const tokens = 3
	defer Set(tokens)()
	var mu sync.Mutex
	held, most := 0, 0
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 200 {
				if !TryTake() {
					continue
				}
				mu.Lock()
				held++
				most = max(most, held)
				mu.Unlock()
				mu.Lock()
				held--
				mu.Unlock()
				Give()
			}
		})
	}
	wg.Wait()
	if most > tokens {
		t.Errorf("%d tokens held at once, of %d", most, tokens)
	}
	if Free() != tokens {
		t.Errorf("Free = %d after every taker gave back, want %d", Free(), tokens)
	}
}
