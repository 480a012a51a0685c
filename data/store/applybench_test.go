//go:build unix

package store

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuNow is the CPU time the process has used so far: the machine is
// shared, so CPU time says more than wall time.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkApplyPulled is the device's half of a first sync without the
// network or the server: 20 pages of 1,000 pulled entries written into a
// new database inside a bulk load, and the load's end (index build).
//
//	go test ./data/store -run '^$' -bench ApplyPulled -cpuprofile cpu.prof
func BenchmarkApplyPulled(b *testing.B) {
	t := &testing.T{}
	const pages, per = 20, 1000
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "pull.db"))
		if err != nil {
			b.Fatal(err)
		}
		office, err := s.CurrentOffice(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var decoded []*DecodedPage
		for p := range pages {
			page := pulledEntries(t, office.ID, p*per, per, func(i int) string {
				return "Sosialisasi pemilih pemula di kecamatan " + strings.Repeat("panjang ", i%20)
			})
			page.More = p < pages-1
			decoded = append(decoded, DecodeChanges(page))
		}
		b.StartTimer()
		cpu0 := cpuNow()
		if err := s.BeginBulkLoad(ctx); err != nil {
			b.Fatal(err)
		}
		for _, d := range decoded {
			if _, err := s.ApplyDecoded(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.EndBulkLoad(ctx); err != nil {
			b.Fatal(err)
		}
		cpu += cpuNow() - cpu0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(pages*per*b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
