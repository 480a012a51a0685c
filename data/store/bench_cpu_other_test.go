//go:build !unix

package store_test

import "time"

// benchCPU is not measured where getrusage does not exist (Windows).
func benchCPU() (time.Duration, bool) { return 0, false }
