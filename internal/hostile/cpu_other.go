//go:build !linux

package hostile

import "time"

// ThreadCPU returns the wall time of f where the thread's CPU time cannot
// be read.
func ThreadCPU(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
