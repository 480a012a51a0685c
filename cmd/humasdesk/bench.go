package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data/demo"
	"github.com/humasdesk/humasdesk/data/store"
)

// benchTarget is the DESIGN.md target for a page fetch or a search.
const benchTarget = 50 * time.Millisecond

// runBench fills a database with generated data of the target size (unless
// it already holds it), times every list-view query --runs times, and
// prints a markdown report: the machine, the timings against the 50 ms
// target, and memory.
func runBench(args []string, out io.Writer) error {
	fs := newFlags("bench")
	dbPath := fs.String("db", "", "database file (default: a cached file in the temporary folder)")
	entries := fs.Int("entries", demo.GenBenchConfig.Entries, "report entries to generate")
	drafts := fs.Int("drafts", demo.GenBenchConfig.Drafts, "drafts to generate")
	agencies := fs.Int("agencies", demo.GenBenchConfig.Agencies, "agencies to generate")
	seed := fs.Int64("seed", demo.GenBenchConfig.Seed, "generator seed")
	runs := fs.Int("runs", 20, "timed runs of each query")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *runs < 1 || *entries < 0 || *drafts < 0 || *agencies < 0 {
		return usageError{"bench: --runs harus 1 atau lebih dan jumlah data tidak boleh negatif"}
	}
	cfg := demo.GenConfig{Agencies: *agencies, Drafts: *drafts, Entries: *entries, Seed: *seed}
	path := *dbPath
	if path == "" {
		path = demo.GenCachePath(cfg)
	}
	ctx := bgCtx()
	loadBefore := benchLoad()

	t0 := time.Now()
	st, err := openStore(path)
	if err != nil {
		return err
	}
	defer st.Close()
	openTime := time.Since(t0)

	// Generating takes a while; say how far it is, on stderr so that the
	// report on out stays clean markdown.
	cfg.Progress = func(kind string, done, total int) {
		fmt.Fprintf(os.Stderr, "bench: %s %d/%d\n", kind, done, total)
	}
	t0 = time.Now()
	res, err := demo.GenerateCount(ctx, st, cfg)
	if err != nil {
		return err
	}
	genTime := time.Since(t0)

	queries, err := demo.GenQueries(ctx, st)
	if err != nil {
		return err
	}
	type result struct {
		name             string
		rows             int
		med, p95, maxDur time.Duration
		cpu              time.Duration // mean CPU time of the process per run; -1 unknown
	}
	var results []result
	for _, q := range queries {
		if _, err := q.Run(ctx); err != nil { // warm-up, untimed
			return fmt.Errorf("bench %s: %w", q.Name, err)
		}
		times := make([]time.Duration, *runs)
		var rows int
		cpu0, cpuOK := benchCPU()
		for i := range times {
			t := time.Now()
			n, err := q.Run(ctx)
			times[i] = time.Since(t)
			if err != nil {
				return fmt.Errorf("bench %s: %w", q.Name, err)
			}
			rows = n
		}
		cpu := time.Duration(-1)
		if cpu1, ok := benchCPU(); ok && cpuOK {
			cpu = (cpu1 - cpu0) / time.Duration(len(times))
		}
		slices.Sort(times)
		results = append(results, result{q.Name, rows, times[len(times)/2],
			times[min(len(times)-1, (len(times)*95+99)/100-1)], times[len(times)-1], cpu})
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)

	counts := [3]int{}
	for i, c := range []func() (int, error){
		func() (int, error) { return st.CountAgencies(ctx, store.Filter{}) },
		func() (int, error) { return st.CountDrafts(ctx, store.Filter{}) },
		func() (int, error) { return st.CountEntries(ctx, store.Filter{}) },
	} {
		if counts[i], err = c(); err != nil {
			return err
		}
	}

	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "## humasdesk bench — %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- Machine: %s, %d logical CPUs (GOMAXPROCS %d), %s/%s\n",
		benchCPUModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(w, "- Go: %s; Humas Desk %s\n", runtime.Version(), version)
	fmt.Fprintf(w, "- Database: %s (%s), schema %d\n", path, benchFileSize(path), store.SchemaVersion())
	fmt.Fprintf(w, "- Data: %d agencies, %d drafts, %d report entries (seed %d)\n", counts[0], counts[1], counts[2], cfg.Seed)
	if res != (demo.GenResult{}) {
		fmt.Fprintf(w, "- Generated this run: %d agencies, %d drafts, %d entries in %s\n",
			res.Agencies, res.Drafts, res.Entries, benchDur(genTime))
	} else {
		fmt.Fprintf(w, "- Generated: nothing (already present; check took %s)\n", benchDur(genTime))
	}
	fmt.Fprintf(w, "- Opening the store: %s\n", benchDur(openTime))
	fmt.Fprintf(w, "- Runs per query: %d after one untimed warm-up; page size %d\n", *runs, demo.GenPageSize)

	fmt.Fprintf(w, "- Load average (1, 5, 15 min) before: %s; after: %s\n\n", loadBefore, benchLoad())
	fmt.Fprintf(w, "| query | rows | median ms | p95 ms | max ms | CPU ms/run | ≤ %d ms (median) |\n", benchTarget.Milliseconds())
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|:---:|\n")
	missed := 0
	for _, r := range results {
		ok := "yes"
		if r.med > benchTarget {
			ok, missed = "**no**", missed+1
		}
		cpu := "n/a"
		if r.cpu >= 0 {
			cpu = benchMS(r.cpu)
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s |\n", r.name, r.rows, benchMS(r.med), benchMS(r.p95), benchMS(r.maxDur), cpu, ok)
	}
	fmt.Fprintf(w, "\n- Go heap after the runs: %.1f MiB in use (HeapAlloc), %.1f MiB obtained from the OS (Sys)\n",
		float64(ms.HeapAlloc)/(1<<20), float64(ms.Sys)/(1<<20))
	fmt.Fprintf(w, "- Process peak RSS: %s\n", benchPeakRSS())
	if missed == 0 {
		fmt.Fprintf(w, "- Every query's median is within %d ms.\n", benchTarget.Milliseconds())
	} else {
		fmt.Fprintf(w, "- %d of %d queries have a median over %d ms.\n", missed, len(results), benchTarget.Milliseconds())
	}
	return w.Flush()
}

func benchMS(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }

func benchDur(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// benchCPUModel reads the CPU model name on Linux.
func benchCPUModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "CPU unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "CPU unknown"
}

// benchFileSize is the size of the database file and of its WAL (which
// SQLite folds back into the file when the last connection closes).
func benchFileSize(path string) string {
	size := func(p string) float64 {
		if fi, err := os.Stat(p); err == nil {
			return float64(fi.Size()) / (1 << 20)
		}
		return 0
	}
	return fmt.Sprintf("file %.1f MiB, WAL %.1f MiB", size(path), size(path+"-wal"))
}

// benchLoad is the load average on Linux, so that a reader can tell a
// busy machine's timings from a quiet one's.
func benchLoad() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}
