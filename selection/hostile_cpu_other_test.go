//go:build !linux

package selection

import "time"

// threadCPU returns the wall time of f where the thread's CPU time cannot
// be read.
func threadCPU(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
