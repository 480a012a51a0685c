//go:build unix

package server_test

// Benchmarks of sync (docs/BENCHMARKS.md, "Sync"), on the backend the
// tests use (SQLite; HUMASDESK_TEST_BACKEND=postgres with
// HUMASDESK_TEST_PG for PostgreSQL). Plain `go test` runs none of them:
//
//	go test -run '^$' -bench 'Sync|Offices|Wire' -benchtime 3x -timeout 30m ./server
//
// The records are the generated data set of the list benchmarks in its
// proportions (1 agency : 20 drafts : 100 report entries), 100,000 in all,
// made once by data/demo into a cached file under os.TempDir() and loaded
// into each benchmark's server through the store (not through pushes).

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	gosync "sync"
	"syscall"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/demo"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// benchConfig is 100,000 records in the proportions of demo.GenBenchConfig.
var benchConfig = demo.GenConfig{Agencies: 826, Drafts: 16529, Entries: 82645, Seed: 1}

var benchGen struct {
	once gosync.Once
	recs []data.Record // kinds interleaved evenly
	err  error
}

// benchRecords returns n generated records (an even sample of the data set
// when n is smaller), as fresh copies the caller may change.
func benchRecords(b testing.TB, n int) []data.Record {
	b.Helper()
	benchGen.once.Do(func() {
		benchGen.recs, benchGen.err = loadGenerated()
	})
	if benchGen.err != nil {
		b.Fatal(benchGen.err)
	}
	all := benchGen.recs
	if n > len(all) {
		b.Fatalf("%d records asked, the data set has %d", n, len(all))
	}
	out := make([]data.Record, n)
	for i := range out {
		src := all[i*len(all)/n]
		raw, _ := json.Marshal(src)
		cp := newLocalOfKind(src)
		if err := json.Unmarshal(raw, cp); err != nil {
			b.Fatal(err)
		}
		out[i] = cp
	}
	return out
}

func newLocalOfKind(r data.Record) data.Record {
	switch r.(type) {
	case *data.Agency:
		return &data.Agency{}
	case *data.Draft:
		return &data.Draft{}
	case *data.Entry:
		return &data.Entry{}
	}
	panic(fmt.Sprintf("%T", r))
}

// loadGenerated generates the data set (once per machine: the file is
// kept) and reads it back.
func loadGenerated() ([]data.Record, error) {
	path := demo.GenCachePath(benchConfig)
	ls, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	_, err = demo.GenerateCount(ctx, ls, benchConfig)
	ls.Close()
	if err != nil {
		return nil, err
	}
	db, err := gorm.Open(sqlite.Open(path+"?_pragma=query_only(1)"), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		return nil, err
	}
	defer func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	}()
	var kinds [][]data.Record
	for _, tb := range []struct {
		table string
		rows  func(*gorm.DB) ([]data.Record, error)
	}{{"agencies", rowsOf[data.Agency]}, {"drafts", rowsOf[data.Draft]}, {"entries", rowsOf[data.Entry]}} {
		recs, err := tb.rows(db.Table(tb.table).Order("id"))
		if err != nil {
			return nil, err
		}
		kinds = append(kinds, recs)
	}
	total := 0
	for _, k := range kinds {
		total += len(k)
	}
	// Interleave evenly, so that any prefix or sample has the mix.
	out := make([]data.Record, 0, total)
	next := make([]int, len(kinds))
	for len(out) < total {
		best := -1
		for k := range kinds {
			if next[k] < len(kinds[k]) && (best < 0 || next[k]*len(kinds[best]) < next[best]*len(kinds[k])) {
				best = k
			}
		}
		out = append(out, kinds[best][next[best]])
		next[best]++
	}
	return out, nil
}

// benchWorld is a server on loopback with a province and one office that
// owns n generated records.
type benchWorld struct {
	st     *server.Store
	srv    *httptest.Server
	prov   *server.Office
	office *server.Office
}

func newBenchWorld(b *testing.B, n int) *benchWorld {
	b.Helper()
	st, err := server.OpenStore(server.NewTestDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	w := &benchWorld{st: st}
	if w.prov, err = st.AddOffice(ctx, "KPU Provinsi Jawa Timur", "kpu", "provinsi", ""); err != nil {
		b.Fatal(err)
	}
	if w.office, err = st.AddOffice(ctx, "KPU Kabupaten Malang", "kpu", "kabupaten", w.prov.ID); err != nil {
		b.Fatal(err)
	}
	if n > 0 {
		start := time.Now()
		recs := benchRecords(b, n)
		rows := make([]server.Record, len(recs))
		for i, r := range recs {
			m := r.RecordMeta()
			m.OfficeID, m.Version, m.ServerSeq = w.office.ID, 1, 0
			raw, err := json.Marshal(r)
			if err != nil {
				b.Fatal(err)
			}
			rows[i] = server.Record{ID: m.ID, Kind: kindOf(r), OfficeID: w.office.ID, UpdatedAt: m.UpdatedAt,
				UpdatedBy: m.UpdatedBy, Data: string(raw)}
		}
		if err := server.LoadForTests(ctx, st, rows); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: loaded %d records in %v", server.BackendForTests(), n, time.Since(start).Round(time.Millisecond))
	}
	w.srv = httptest.NewServer(server.NewAPI(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
	b.Cleanup(w.srv.Close)
	return w
}

func kindOf(r data.Record) string {
	switch r.(type) {
	case *data.Agency:
		return syncapi.KindAgency
	case *data.Draft:
		return syncapi.KindDraft
	case *data.Entry:
		return syncapi.KindEntry
	}
	panic(fmt.Sprintf("%T", r))
}

// device enrolls a new local database of the office in dir.
func (w *benchWorld) device(b *testing.B, o *server.Office, dir string, hc *http.Client) *store.Store {
	b.Helper()
	ls, err := store.Open(filepath.Join(dir, "device.db"))
	if err != nil {
		b.Fatal(err)
	}
	code, _, err := w.st.NewEnrollment(ctx, o.ID, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := syncclient.Enroll(ctx, ls, hc, w.srv.URL, code, "bench"); err != nil {
		b.Fatal(err)
	}
	return ls
}

// wireStat is one HTTP request as the client saw it.
type wireStat struct {
	route               string // "POST /v1/push"
	latency             time.Duration
	reqBytes, respBytes int64
	gzReq, gzResp       int64 // the bodies gzipped (when the meter measures that)
	gzipped             bool  // the answer crossed the wire gzipped
	status              int
	err                 error
}

// meter is an http.RoundTripper that records every request's latency (to
// the last byte of the answer, read here so that the client's decoding is
// not counted) and the sizes of the request and response bodies.
type meter struct {
	base  http.RoundTripper
	gzip  bool // also measure what the bodies would be gzipped
	mu    gosync.Mutex
	stats []wireStat
}

func (m *meter) RoundTrip(req *http.Request) (*http.Response, error) {
	s := wireStat{route: req.Method + " " + req.URL.Path, reqBytes: max(req.ContentLength, 0)}
	if m.gzip && req.GetBody != nil {
		if rc, err := req.GetBody(); err == nil {
			raw, _ := io.ReadAll(rc)
			s.gzReq = gzipLen(raw)
		}
	}
	if strings.HasPrefix(req.URL.Path, "/v1/attachments/") {
		s.route = req.Method + " /v1/attachments"
	}
	// Ask for gzip the way Go's transport does on its own (when the client
	// has not said identity), so that the bytes counted are those that
	// crossed the wire, and unpack the answer here.
	if req.Header.Get("Accept-Encoding") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("Accept-Encoding", "gzip")
	}
	start := time.Now()
	resp, err := m.base.RoundTrip(req)
	if err == nil {
		var body []byte
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		s.respBytes, s.status = int64(len(body)), resp.StatusCode
		if err == nil && resp.Header.Get("Content-Encoding") == "gzip" {
			s.gzipped = true
			body, err = gunzip(body)
			resp.Header.Del("Content-Encoding")
			resp.Header.Del("Content-Length")
			resp.ContentLength, resp.Uncompressed = int64(len(body)), true
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		if m.gzip {
			s.gzResp = gzipLen(body)
		}
	}
	s.latency, s.err = time.Since(start), err
	m.mu.Lock()
	m.stats = append(m.stats, s)
	m.mu.Unlock()
	return resp, err
}

func (m *meter) take() []wireStat {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := m.stats
	m.stats = nil
	return out
}

func newTransport() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 4
	return tr
}

// BenchmarkSyncInitial is a new device's first sync of an office that
// holds 100,000 records: the whole feed pulled over loopback into a new
// local database. Target: 20,000 records/s or better, and 3× PouchDB on
// the same N in the same run (scripts/bench-sync-vs-pouchdb.sh, which sets
// HUMASDESK_BENCH_SYNC_N for a smaller N).
func BenchmarkSyncInitial(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("HUMASDESK_BENCH_SYNC_N")); err == nil && v > 0 {
		n = v
	}
	if v, err := strconv.Atoi(os.Getenv("HUMASDESK_BENCH_PULL_LIMIT")); err == nil && v > 0 {
		defer func(was int) { syncclient.PullLimit = was }(syncclient.PullLimit)
		syncclient.PullLimit = v
	}
	w := newBenchWorld(b, n)
	m := &meter{base: newTransport()}
	hc := &http.Client{Transport: m, Timeout: 5 * time.Minute}
	var spent, cpu time.Duration
	var stats []wireStat
	var rates []float64 // records/s of each run, for the median
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		ls := w.device(b, w.office, dir, hc)
		m.take()
		c, err := syncclient.New(ls, hc)
		if err != nil {
			b.Fatal(err)
		}
		// As a device whose server is across the internet: pages gzipped.
		c.Compress = os.Getenv("HUMASDESK_BENCH_COMPRESS") == "1"
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		rep, err := c.Sync(ctx)
		took := time.Since(start)
		spent, cpu = spent+took, cpu+cpuTime()-cpu0
		b.StopTimer()
		rates = append(rates, float64(n)/took.Seconds())
		if err != nil {
			b.Fatal(err)
		}
		if rep.Pulled < n {
			b.Fatalf("pulled %d, want %d", rep.Pulled, n)
		}
		stats = m.take()
		ls.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/spent.Seconds(), "records/s")
	slices.Sort(rates)
	b.ReportMetric(rates[len(rates)/2], "median-records/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.Logf("load average before: %s", loadAvg())
	var resp int64
	for _, s := range stats {
		resp += s.respBytes
	}
	b.ReportMetric(float64(resp)/float64(n), "pull-B/record")
	b.ReportMetric(float64(len(stats)), "requests")
}

// BenchmarkSyncNothingToDo is a round of a device that is up to date, with
// 1,000 and with 100,000 records on the server and the device. Target: the
// same cost at both sizes (within 1.5×).
func BenchmarkSyncNothingToDo(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			w := newBenchWorld(b, n)
			ls := w.device(b, w.office, b.TempDir(), nil)
			b.Cleanup(func() { ls.Close() })
			m := &meter{base: newTransport()}
			hc := &http.Client{Transport: m, Timeout: time.Minute}
			c, err := syncclient.New(ls, hc)
			if err != nil {
				b.Fatal(err)
			}
			if rep, err := c.Sync(ctx); err != nil || rep.Pulled < n {
				b.Fatalf("first sync: %+v %v", rep, err)
			}
			m.take()
			for b.Loop() {
				rep, err := c.Sync(ctx)
				if err != nil {
					b.Fatal(err)
				}
				if rep != (syncclient.Report{}) {
					b.Fatalf("a round with nothing to do moved %+v", rep)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/round")
			b.ReportMetric(float64(len(m.take()))/float64(b.N), "requests/round")
		})
	}
}

// BenchmarkOffices200 is 200 offices under 10 provinces, each with its own
// device and HTTP connection, that each push a few new records and then
// pull, all at the same moment, against one server; every request's
// latency is measured at the client. Target: no error, p99 under 250 ms.
//
// protocol: each office is a plain protocol client (push 3 records, pull
// from its cursor to the end), so the machine's two cores serve the
// server alone, as they would in production. app: each office is the real
// sync client with its own local database, so the 200 offices' local
// writes share the two cores with the server.
func BenchmarkOffices200(b *testing.B) {
	b.Run("protocol", func(b *testing.B) { benchOffices(b, false) })
	b.Run("app", func(b *testing.B) { benchOffices(b, true) })
}

func benchOffices(b *testing.B, app bool) {
	const offices, perRound = 200, 3
	w := newBenchWorld(b, 0)
	provs := make([]*server.Office, 10)
	for i := range provs {
		var err error
		if provs[i], err = w.st.AddOffice(ctx, fmt.Sprintf("KPU Provinsi %d", i+1), "kpu", "provinsi", ""); err != nil {
			b.Fatal(err)
		}
	}
	m := &meter{}
	all := make([]*benchOffice, offices)
	for i := range all {
		o, err := w.st.AddOffice(ctx, fmt.Sprintf("KPU Kabupaten %d", i+1), "kpu", "kabupaten", provs[i%len(provs)].ID)
		if err != nil {
			b.Fatal(err)
		}
		// One connection pool per office, as each has its own machine.
		bo := &benchOffice{office: o, hc: &http.Client{Transport: &perOffice{m: m, base: newTransport()}, Timeout: time.Minute}}
		if app {
			bo.ls = w.device(b, o, b.TempDir(), bo.hc)
			b.Cleanup(func() { bo.ls.Close() })
			if bo.c, err = syncclient.New(bo.ls, bo.hc); err != nil {
				b.Fatal(err)
			}
		} else {
			code, _, err := w.st.NewEnrollment(ctx, o.ID, time.Hour)
			if err != nil {
				b.Fatal(err)
			}
			var resp syncapi.EnrollResponse
			if err := postJSON(bo.hc, w.srv.URL+"/v1/enroll", "", syncapi.EnrollRequest{Code: code, DeviceName: "bench", Schema: syncapi.SchemaVersion}, &resp); err != nil {
				b.Fatal(err)
			}
			bo.dev, bo.token, bo.base = resp.DeviceID, resp.Token, w.srv.URL
		}
		all[i] = bo
	}
	recs := benchRecords(b, 10_000)
	var stats []wireStat
	var cpu, wall time.Duration
	round := 0
	for b.Loop() {
		b.StopTimer()
		for i, o := range all {
			o.fresh = o.fresh[:0]
			for j := range perRound {
				r := recs[(round*offices*perRound+i*perRound+j)%len(recs)]
				e := newLocalOfKind(r)
				raw, _ := json.Marshal(r)
				json.Unmarshal(raw, e)
				*e.RecordMeta() = data.Meta{ID: data.NewID(), OfficeID: o.office.ID}
				o.fresh = append(o.fresh, e)
			}
			if app {
				if _, err := o.ls.InsertBatch(ctx, o.fresh, true); err != nil {
					b.Fatal(err)
				}
			}
		}
		round++
		m.take()
		b.StartTimer()
		var wg gosync.WaitGroup
		errs := make(chan error, offices)
		start := make(chan struct{})
		for _, o := range all {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if err := o.round(app); err != nil {
					errs <- err
				}
			}()
		}
		cpu0, t0 := cpuTime(), time.Now()
		close(start)
		wg.Wait()
		cpu, wall = cpu+cpuTime()-cpu0, wall+time.Since(t0)
		b.StopTimer()
		close(errs)
		for err := range errs {
			b.Error(err)
		}
		stats = append(stats, m.take()...)
		b.StartTimer()
	}
	if b.Failed() {
		return
	}
	reportLatency(b, stats)
	b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cores-busy")
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/round")
	b.Logf("%s; load average after: %s", server.BackendForTests(), loadAvg())
}

// benchOffice is one simulated office.
type benchOffice struct {
	office *server.Office
	hc     *http.Client
	fresh  []data.Record // this round's new records
	// app: the real client
	ls *store.Store
	c  *syncclient.Client
	// protocol
	base, dev, token string
	opSeq, cursor    int64
}

// round pushes the round's records and pulls to the end of the feed.
func (o *benchOffice) round(app bool) error {
	if app {
		rep, err := o.c.Sync(ctx)
		if err == nil && (rep.Applied != len(o.fresh) || rep.Conflicts+rep.Rejected != 0) {
			err = fmt.Errorf("round: %+v", rep)
		}
		return err
	}
	req := syncapi.PushRequest{DeviceID: o.dev, Schema: syncapi.SchemaVersion}
	for _, r := range o.fresh {
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		o.opSeq++
		m := r.RecordMeta()
		req.Ops = append(req.Ops, syncapi.Op{OpID: data.NewID(), OpSeq: o.opSeq, Kind: kindOf(r), ID: m.ID,
			OfficeID: m.OfficeID, Op: syncapi.OpUpsert, UpdatedAt: time.Now().UTC(), UpdatedBy: "bench", Data: raw})
	}
	var resp syncapi.PushResponse
	if err := postJSON(o.hc, o.base+"/v1/push", o.token, req, &resp); err != nil {
		return err
	}
	for _, r := range resp.Results {
		if r.Status != syncapi.StatusApplied {
			return fmt.Errorf("push: %+v", r)
		}
	}
	for {
		page, err := pullPage(o.hc, o.base, o.token, o.cursor, syncclient.PullLimit)
		if err != nil {
			return err
		}
		o.cursor = page.Next
		if !page.More {
			return nil
		}
	}
}

// postJSON posts a JSON body and decodes a 200 answer.
func postJSON(hc *http.Client, url, token string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		raw, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("POST %s: HTTP %d: %s", req.URL.Path, resp.StatusCode, raw)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// BenchmarkPushAlone is one push of 3 new records (HUMASDESK_BENCH_PUSH_OPS)
// straight to the store,
// one after another with nothing else running: how long a push holds the
// feed lock, and so how fast a burst of pushes can drain at best.
func BenchmarkPushAlone(b *testing.B) {
	w := newBenchWorld(b, 0)
	code, _, err := w.st.NewEnrollment(ctx, w.office.ID, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	dev, _, _, err := w.st.Enroll(ctx, code, "bench")
	if err != nil {
		b.Fatal(err)
	}
	recs := benchRecords(b, 3000)
	size := 3
	if v, err := strconv.Atoi(os.Getenv("HUMASDESK_BENCH_PUSH_OPS")); err == nil && v > 0 {
		size = v
	}
	i := 0
	for b.Loop() {
		ops := make([]syncapi.Op, size)
		for j := range ops {
			r := recs[i%len(recs)]
			i++
			raw, _ := json.Marshal(r)
			ops[j] = syncapi.Op{OpID: data.NewID(), OpSeq: int64(i), Kind: kindOf(r), ID: data.NewID(), OfficeID: w.office.ID,
				Op: syncapi.OpUpsert, UpdatedAt: time.Now().UTC(), UpdatedBy: "bench", Data: raw}
		}
		res, err := w.st.Push(ctx, dev, ops)
		if err != nil || res[0].Status != syncapi.StatusApplied {
			b.Fatalf("%+v %v", res, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/push")
}

// perOffice sends through the office's own transport and records into the
// shared meter.
type perOffice struct {
	m    *meter
	base http.RoundTripper
}

func (p *perOffice) RoundTrip(req *http.Request) (*http.Response, error) {
	mm := &meter{base: p.base}
	resp, err := mm.RoundTrip(req)
	p.m.mu.Lock()
	p.m.stats = append(p.m.stats, mm.stats...)
	p.m.mu.Unlock()
	return resp, err
}

func reportLatency(b *testing.B, stats []wireStat) {
	b.Helper()
	var all []time.Duration
	routes := map[string][]time.Duration{}
	bad := 0
	for _, s := range stats {
		if s.err != nil || s.status >= 400 {
			bad++
			b.Errorf("%s: %d %v", s.route, s.status, s.err)
		}
		all = append(all, s.latency)
		routes[s.route] = append(routes[s.route], s.latency)
	}
	pct := func(d []time.Duration, p float64) float64 {
		slices.Sort(d)
		return float64(d[min(len(d)-1, int(float64(len(d))*p))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(all, 0.50), "p50-ms")
	b.ReportMetric(pct(all, 0.95), "p95-ms")
	b.ReportMetric(pct(all, 0.99), "p99-ms")
	b.ReportMetric(float64(len(all))/float64(b.N), "requests/round")
	b.ReportMetric(float64(bad), "errors")
	names := make([]string, 0, len(routes))
	for r := range routes {
		names = append(names, r)
	}
	slices.Sort(names)
	for _, r := range names {
		d := routes[r]
		b.Logf("%-22s n=%-5d p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms", r, len(d),
			pct(d, 0.5), pct(d, 0.95), pct(d, 0.99), pct(d, 1))
	}
}

// BenchmarkWireBytes counts the bytes of request and response bodies per
// record: a device pushes 1,000 generated records (in the client's
// batches), and a new device of the office pulls them.
func BenchmarkWireBytes(b *testing.B) {
	const n = 1000
	w := newBenchWorld(b, 0)
	var push, pull, pullGz []wireStat
	for b.Loop() {
		b.StopTimer()
		m := &meter{base: newTransport(), gzip: true}
		hc := &http.Client{Transport: m, Timeout: time.Minute}
		o, err := w.st.AddOffice(ctx, "KPU Kota Batu", "kpu", "kota", w.prov.ID)
		if err != nil {
			b.Fatal(err)
		}
		writer := w.device(b, o, b.TempDir(), hc)
		recs := benchRecords(b, n)
		for _, r := range recs {
			*r.RecordMeta() = data.Meta{ID: data.NewID(), OfficeID: o.ID}
		}
		if _, err := writer.InsertBatch(ctx, recs, true); err != nil {
			b.Fatal(err)
		}
		m.take()
		b.StartTimer()
		if rep, err := syncVia(writer, hc); err != nil || rep.Applied != n {
			b.Fatalf("push: %+v %v", rep, err)
		}
		b.StopTimer()
		push = m.take()
		reader := w.device(b, o, b.TempDir(), hc)
		m.take()
		b.StartTimer()
		if rep, err := syncVia(reader, hc); err != nil || rep.Pulled < n {
			b.Fatalf("pull: %+v %v", rep, err)
		}
		b.StopTimer()
		pull = m.take()
		// A device whose server is across the internet asks for gzip.
		far := w.device(b, o, b.TempDir(), hc)
		c, err := syncclient.New(far, hc)
		if err != nil {
			b.Fatal(err)
		}
		c.Compress = true
		m.take()
		if rep, err := c.Sync(ctx); err != nil || rep.Pulled < n {
			b.Fatalf("pull gzipped: %+v %v", rep, err)
		}
		pullGz = m.take()
		writer.Close()
		reader.Close()
		far.Close()
		b.StartTimer()
	}
	sum := func(stats []wireStat, route string) (req, resp, gzReq, gzResp int64, count int) {
		for _, s := range stats {
			if s.route == route {
				req, resp, gzReq, gzResp, count = req+s.reqBytes, resp+s.respBytes, gzReq+s.gzReq, gzResp+s.gzResp, count+1
			}
		}
		return
	}
	preq, presp, gzpreq, gzpresp, pn := sum(push, "POST /v1/push")
	_, gresp, _, gzgresp, gn := sum(pull, "GET /v1/changes")
	b.ReportMetric(float64(preq)/n, "push-req-B/record")
	b.ReportMetric(float64(presp)/n, "push-resp-B/record")
	b.ReportMetric(float64(gresp)/n, "pull-resp-B/record")
	b.Logf("push: %d requests, %d B sent, %d B answered; pull: %d requests, %d B answered (records: %d)",
		pn, preq, presp, gn, gresp, n)
	b.Logf("if gzipped at the default level: push %.0f B/record sent, %.0f B/record answered; pull %.0f B/record answered",
		float64(gzpreq)/n, float64(gzpresp)/n, float64(gzgresp)/n)
	var farBytes int64
	for _, s := range pullGz {
		if s.route == "GET /v1/changes" {
			if !s.gzipped && s.respBytes >= 16<<10 {
				b.Fatalf("a page of %d B to a remote device was not gzipped", s.respBytes)
			}
			farBytes += s.respBytes
		}
	}
	b.ReportMetric(float64(farBytes)/n, "pull-remote-B/record")
	b.Logf("pull by a device across the internet (gzipped by the server): %d B answered", farBytes)
	var js int64
	for _, r := range benchRecords(b, n) {
		raw, _ := json.Marshal(r)
		js += int64(len(raw))
	}
	b.ReportMetric(float64(js)/n, "record-json-B")
}

// gunzip unpacks a gzipped body.
func gunzip(raw []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// gzipLen is the size of raw gzipped at the default level.
func gzipLen(raw []byte) int64 {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	return int64(buf.Len())
}

// cpuTime is the CPU time this process (client and server) has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAvg is /proc/loadavg's first three fields, or "".
func loadAvg() string {
	raw, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(raw))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
