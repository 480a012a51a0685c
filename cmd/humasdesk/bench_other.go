//go:build !unix

package main

import (
	"runtime"
	"time"
)

// benchCPU is not measured where getrusage does not exist (Windows).
func benchCPU() (time.Duration, bool) { return 0, false }

func benchPeakRSS() string { return "not measured on " + runtime.GOOS }
