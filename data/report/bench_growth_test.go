package report

import (
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// BenchmarkReportPDFGrowth measures how the PDF export grows with the
// number of activities: it renders a quarter of 5,000 and one of 20,000
// activities (no photos, so that only the activities count) alternately,
// so that both see the same load on a shared machine, and reports the
// medians of each and their ratio (linear growth is 4.0):
//
//	cpu-5k-ms, cpu-20k-ms, cpu-ratio    CPU time (user + system)
//	wall-5k-ms, wall-20k-ms, wall-ratio wall time
//	peak-rss-MB                         the process's peak resident memory
//	                                    while rendering (the 20,000's)
//
// Each op is one pair. Run with -benchtime 5x or more:
//
//	go test ./data/report -run '^$' -bench ReportPDFGrowth -benchtime 5x
func BenchmarkReportPDFGrowth(b *testing.B) {
	small, big := pdfBenchStore(b, 5000, 0, false), pdfBenchStore(b, 20000, 0, false)
	var cpu, wall [2][]time.Duration
	render := func(st *store.Store, i int) {
		opt := Options{Period: Period{2026, 3}, SignDate: data.NewDate(2026, 10, 5)}
		t0, c0 := time.Now(), pdfBenchCPU()
		var r *Report
		err := WithMemoryLimit(MemoryLimit(0), func() (err error) {
			r, err = Build(bctx, st, opt)
			return err
		})
		if err == nil {
			err = WithMemoryLimit(MemoryLimit(len(r.Activities)), func() error {
				return WritePDF(&pdfCountingWriter{}, r, PDFOptions{Time: pdfTime})
			})
		}
		if err != nil {
			b.Fatal(err)
		}
		wall[i] = append(wall[i], time.Since(t0))
		cpu[i] = append(cpu[i], pdfBenchCPU()-c0)
	}
	peak := pdfStartPeak()
	for b.Loop() {
		render(small, 0)
		render(big, 1)
	}
	peak.stop()
	if peak.rssPeak > 0 {
		b.ReportMetric(float64(peak.rssPeak)/(1<<20), "peak-rss-MB")
	}
	for _, m := range []struct {
		name string
		ds   [2][]time.Duration
	}{{"cpu", cpu}, {"wall", wall}} {
		s, g := pdfMedianMS(m.ds[0]), pdfMedianMS(m.ds[1])
		b.ReportMetric(s, m.name+"-5k-ms")
		b.ReportMetric(g, m.name+"-20k-ms")
		if s > 0 {
			b.ReportMetric(g/s, m.name+"-ratio")
		}
	}
}
