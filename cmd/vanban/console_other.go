//go:build !windows

package main

// startedAlone: only Windows closes a program's window when the program
// exits; elsewhere vanban runs in a terminal that stays, and never waits.
func startedAlone() bool { return false }
