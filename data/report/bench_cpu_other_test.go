//go:build !unix

package report

import "time"

// pdfBenchCPU is not measured here.
func pdfBenchCPU() time.Duration { return 0 }
