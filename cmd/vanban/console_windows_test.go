package main

import "testing"

// A test binary runs under "go test", which shares its console (or, in
// CI, there is none): vanban must not think it was started from Explorer
// and wait for an Enter that nobody will press.
func TestNotAloneUnderGoTest(t *testing.T) {
	if startedAlone() {
		t.Error("startedAlone under go test")
	}
}
