package layout_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + kernel) the process has used.
func cpuTime() time.Duration {
	var creation, exit, kernel, user syscall.Filetime
	syscall.GetProcessTimes(syscall.Handle(^uintptr(0)), &creation, &exit, &kernel, &user) // -1: this process
	ticks := func(f syscall.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return time.Duration(ticks(kernel)+ticks(user)) * 100 // 100 ns ticks
}
