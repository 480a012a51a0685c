package store_test

// Benchmarks of the list views over data of the target size (DESIGN.md,
// "How it is checked"): 100,000 report entries, 20,000 drafts and 1,000
// agencies. The target is every page fetch and search under 50 ms.
//
//	go test -run '^$' -bench . -benchmem ./data/store
//
// The database is generated on the first benchmark that needs it, once per
// run, into a file under os.TempDir() named by the generator's version,
// seed and counts, and reused by later runs; set HUMASDESK_BENCH_DB to use
// another file. Plain `go test` runs no benchmark and generates nothing.

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data/demo"
	"github.com/humasdesk/humasdesk/data/store"
)

var bench struct {
	once    sync.Once
	st      *store.Store
	queries []demo.GenQuery
	err     error
}

// benchPath is the cached database of cfg.
func benchPath(cfg demo.GenConfig) string {
	if p := os.Getenv("HUMASDESK_BENCH_DB"); p != "" {
		return p
	}
	return demo.GenCachePath(cfg)
}

// benchStore opens (generating on first use) the benchmark database.
func benchStore(b *testing.B) []demo.GenQuery {
	b.Helper()
	bench.once.Do(func() {
		ctx := context.Background()
		cfg := demo.GenBenchConfig
		path := benchPath(cfg)
		st, err := store.Open(path)
		if err != nil {
			bench.err = err
			return
		}
		start := time.Now()
		res, err := demo.GenerateCount(ctx, st, cfg)
		if err != nil {
			bench.err = err
			return
		}
		if res != (demo.GenResult{}) {
			b.Logf("generated %+v into %s in %v", res, path, time.Since(start).Round(time.Millisecond))
		}
		bench.st = st
		bench.queries, bench.err = demo.GenQueries(ctx, st)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.queries
}

// BenchmarkQuery times each list-view query of demo.GenQueries: the first
// page of each list, middle and last pages, counts, and searches and
// filters as count plus first page (what the UI does on each keystroke).
func BenchmarkQuery(b *testing.B) {
	queries := benchStore(b)
	ctx := context.Background()
	for _, q := range queries {
		b.Run(q.Name, func(b *testing.B) {
			var rows int
			cpu0, cpuOK := benchCPU()
			for b.Loop() {
				n, err := q.Run(ctx)
				if err != nil {
					b.Fatal(err)
				}
				rows = n
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			if cpu1, ok := benchCPU(); ok && cpuOK {
				b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
