//go:build linux

package hostile

import (
	"math"
	"runtime"
	"syscall"
	"time"
)

// ThreadCPU runs f on a locked OS thread and returns the CPU time (user
// and system) the thread spent in it: the call's own work, whatever share
// of the processors a loaded machine left it (work f hands to other
// goroutines is not counted). Where the thread's CPU time cannot be read
// it returns the wall time.
func ThreadCPU(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const rusageThread = 1 // RUSAGE_THREAD
	var a, b syscall.Rusage
	if syscall.Getrusage(rusageThread, &a) != nil {
		start := time.Now()
		f()
		return time.Since(start)
	}
	f()
	if syscall.Getrusage(rusageThread, &b) != nil {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(b.Utime.Nano() + b.Stime.Nano() - a.Utime.Nano() - a.Stime.Nano())
}
