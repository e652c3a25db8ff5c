package main

import (
	"syscall"
	"unsafe"
)

var getConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// startedAlone reports whether vanban has a console window of its own.
// Started from Explorer (double-clicked, or with files dropped on
// vanban.exe), Windows makes a console for vanban alone and closes it the
// moment vanban exits; started from cmd or PowerShell, the shell shares
// its console. So vanban is alone when it is the only process attached
// to its console. Without any console (a service, a CI job with its output
// in a pipe) the count is 0 and nobody could press Enter.
func startedAlone() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
