//go:build !race

// Package race reports whether the race detector is on, so that slow
// statistical tests can skip themselves under -race (CI runs them again
// without it).
package race

// Enabled is true when the binary was built with -race.
const Enabled = false
