//go:build linux

package selection

import (
	"math"
	"runtime"
	"syscall"
	"time"
)

// threadCPU runs f on a locked OS thread and returns the CPU time (user
// and system) the thread spent in it: the call's own work, whatever share
// of the processors a loaded machine left it.
func threadCPU(f func()) time.Duration {
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
