//go:build unix

package budget

import "syscall"

// processCPU returns the user+system CPU time of the process in
// nanoseconds, garbage collector included, or -1 if unavailable.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
