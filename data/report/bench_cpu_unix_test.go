//go:build unix

package report

import (
	"syscall"
	"time"
)

// pdfBenchCPU is the CPU time (user and system) the process has used so
// far, reported beside wall time because the benchmark machine is shared.
func pdfBenchCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
