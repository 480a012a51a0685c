//go:build unix

package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"
)

// benchCPU is the CPU time (user and system) the process has used so far.
func benchCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

// benchPeakRSS is the process's peak resident set size.
func benchPeakRSS() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "unknown"
	}
	kb := ru.Maxrss // kilobytes on Linux and the BSDs, bytes on macOS
	if runtime.GOOS == "darwin" {
		kb /= 1024
	}
	return fmt.Sprintf("%.1f MiB (getrusage ru_maxrss)", float64(kb)/1024)
}
