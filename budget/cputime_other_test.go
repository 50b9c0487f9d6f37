//go:build !unix

package budget

func processCPU() int64 { return -1 }
