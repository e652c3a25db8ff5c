//go:build !windows

package app

import "syscall"

// lockedErrnos: on these systems a file open in another program can be
// replaced (the program keeps reading the old one), so no error means
// "locked".
var lockedErrnos []syscall.Errno

var systemReasons []struct {
	err error
	vi  string
}
