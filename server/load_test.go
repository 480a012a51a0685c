//go:build linux

package server_test

// TestLoad is the server's load command (docs/BENCHMARKS.md, "Sync at
// scale"): N offices × M devices sync in rounds against K real
// humasdesk-server processes on one database, over loopback. Plain
// `go test` skips it; it runs with HUMASDESK_LOAD=1:
//
//	eval "$(HUMASDESK_PG_DURABLE=1 ./scripts/postgres.sh start)"
//	HUMASDESK_LOAD=1 HUMASDESK_TEST_BACKEND=postgres HUMASDESK_LOAD_OFFICES=1000 \
//	  HUMASDESK_LOAD_SERVERS=2 go test -run TestLoad -v -timeout 15m ./server
//
// Parameters (environment): HUMASDESK_LOAD_OFFICES (N, 200),
// HUMASDESK_LOAD_DEVICES (M per office, 1), HUMASDESK_LOAD_SERVERS (K,
// 1), HUMASDESK_LOAD_OPS (new records per push, 3), HUMASDESK_LOAD_ROUNDS
// (10, after one round of warm-up that is not counted) and
// HUMASDESK_LOAD_SECONDS (120: no round starts after that).
//
// Each round, every device gets its new records (not timed), then all
// start at one instant (a barrier, as in BenchmarkOffices200): push
// through server (device+round) mod K, then pull to the end of the feed.
// A round with OPS=50 and ROUNDS=1 is the quarter-end burst; its wall
// time is how long the burst takes to drain. It prints pushes/s, the
// rounds' wall time, p50/p95/p99/max per request kind, errors, and cores
// busy (CPU time / wall time of the rounds) of the server processes, of
// PostgreSQL's processes and of the clients (this process).

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	gosync "sync"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// loadDevice is one simulated device.
type loadDevice struct {
	office, id, token string
	base              string // this round's server
	opSeq, cursor     int64
	req               syncapi.PushRequest
}

// loadStats collects request latencies per kind.
type loadStats struct {
	mu     gosync.Mutex
	lat    map[string][]time.Duration
	errors []string
}

func (s *loadStats) add(kind string, d time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lat[kind] = append(s.lat[kind], d)
	if err != nil {
		s.errors = append(s.errors, fmt.Sprintf("%s: %v", kind, err))
	}
}

func TestLoad(t *testing.T) {
	if os.Getenv("HUMASDESK_LOAD") != "1" {
		t.Skip("the load command runs with HUMASDESK_LOAD=1 (docs/BENCHMARKS.md)")
	}
	offices, perOffice := envInt(t, "HUMASDESK_LOAD_OFFICES", 200), envInt(t, "HUMASDESK_LOAD_DEVICES", 1)
	servers, opsPer := envInt(t, "HUMASDESK_LOAD_SERVERS", 1), envInt(t, "HUMASDESK_LOAD_OPS", 3)
	rounds, budget := envInt(t, "HUMASDESK_LOAD_ROUNDS", 10), time.Duration(envInt(t, "HUMASDESK_LOAD_SECONDS", 120))*time.Second

	dsn := server.NewTestDB(t)
	st, err := server.OpenStore(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	devs := loadWorld(t, st, offices, perOffice)
	bin := serverBinary(t)
	procs := make([]*serverProc, servers)
	for i := range procs {
		procs[i] = startServer(t, bin, dsn, "127.0.0.1:0", "")
	}
	recs := benchRecords(t, 10_000)
	clients := make([]*http.Client, len(devs))
	for i := range clients {
		clients[i] = &http.Client{Transport: newTransport(), Timeout: 2 * time.Minute}
	}

	stats := &loadStats{lat: map[string][]time.Duration{}}
	var walls []time.Duration
	var wall time.Duration
	var cpu0 loadCPUs
	started := time.Now()
	for round := 0; round <= rounds && time.Since(started) < budget; round++ {
		for i, d := range devs {
			d.base = procs[(i+round)%servers].url()
			d.req = syncapi.PushRequest{DeviceID: d.id, Schema: syncapi.SchemaVersion}
			for j := range opsPer {
				r := recs[(round*len(devs)*opsPer+i*opsPer+j)%len(recs)]
				raw, _ := json.Marshal(r)
				d.opSeq++
				d.req.Ops = append(d.req.Ops, syncapi.Op{OpID: data.NewID(), OpSeq: d.opSeq, Kind: kindOf(r), ID: data.NewID(),
					OfficeID: d.office, Op: syncapi.OpUpsert, UpdatedAt: time.Now().UTC(), UpdatedBy: "load", Data: raw})
			}
		}
		var wg gosync.WaitGroup
		start := make(chan struct{})
		for i, d := range devs {
			wg.Go(func() {
				<-start
				d.round(clients[i], stats)
			})
		}
		if round == 1 { // round 0 warms up: connections, caches
			stats.lat, cpu0 = map[string][]time.Duration{}, loadCPU(procs)
		}
		t0 := time.Now()
		close(start)
		wg.Wait()
		if round > 0 {
			walls = append(walls, time.Since(t0))
			wall += walls[len(walls)-1]
		}
	}
	cpu1 := loadCPU(procs)
	report(t, stats, walls, wall, cpu1.minus(cpu0), fmt.Sprintf("backend %s, %d server process(es), %d offices × %d device(s), %d ops per push",
		server.BackendForTests(), servers, offices, perOffice, opsPer))
}

// loadWorld makes 10 provinces and the offices under them, and enrolls
// the devices.
func loadWorld(t *testing.T, st *server.Store, offices, perOffice int) []*loadDevice {
	provs := make([]*server.Office, 10)
	for i := range provs {
		var err error
		if provs[i], err = st.AddOffice(ctx, fmt.Sprintf("KPU Provinsi %d", i+1), "kpu", "provinsi", ""); err != nil {
			t.Fatal(err)
		}
	}
	var devs []*loadDevice
	for i := range offices {
		o, err := st.AddOffice(ctx, fmt.Sprintf("KPU Kabupaten %d", i+1), "kpu", "kabupaten", provs[i%len(provs)].ID)
		if err != nil {
			t.Fatal(err)
		}
		for j := range perOffice {
			code, _, err := st.NewEnrollment(ctx, o.ID, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			dev, token, _, err := st.Enroll(ctx, code, fmt.Sprintf("load %d", j))
			if err != nil {
				t.Fatal(err)
			}
			devs = append(devs, &loadDevice{office: o.ID, id: dev.ID, token: token})
		}
	}
	return devs
}

// round pushes the device's batch and pulls to the end of the feed.
func (d *loadDevice) round(hc *http.Client, stats *loadStats) {
	t0 := time.Now()
	var resp syncapi.PushResponse
	err := postJSON(hc, d.base+"/v1/push", d.token, d.req, &resp)
	if err == nil {
		for _, r := range resp.Results {
			if r.Status != syncapi.StatusApplied {
				err = fmt.Errorf("op %s: %s %s", r.OpID, r.Status, r.Reason)
				break
			}
		}
	}
	stats.add("push", time.Since(t0), err)
	if err != nil {
		return
	}
	for {
		t0 := time.Now()
		page, err := pullPage(hc, d.base, d.token, d.cursor, syncclient.PullLimit)
		stats.add("pull", time.Since(t0), err)
		if err != nil {
			return
		}
		d.cursor = page.Next
		if !page.More {
			return
		}
	}
}

func report(t *testing.T, stats *loadStats, walls []time.Duration, wall time.Duration, cpu loadCPUs, what string) {
	pct := func(d []time.Duration, p float64) float64 {
		return float64(d[min(len(d)-1, int(float64(len(d))*p))].Microseconds()) / 1000
	}
	pushes := len(stats.lat["push"])
	fmt.Printf("LOAD %s; %d rounds in %.2f s\n", what, len(walls), wall.Seconds())
	fmt.Printf("LOAD pushes/s %.0f; errors %d; round wall ms:", float64(pushes)/wall.Seconds(), len(stats.errors))
	for _, w := range walls {
		fmt.Printf(" %d", w.Milliseconds())
	}
	fmt.Println()
	fmt.Printf("LOAD cores busy: servers %.2f, postgres %.2f, clients %.2f, total %.2f; load average after %s\n",
		cpu.servers.Seconds()/wall.Seconds(), cpu.postgres.Seconds()/wall.Seconds(), cpu.clients.Seconds()/wall.Seconds(),
		(cpu.servers+cpu.postgres+cpu.clients).Seconds()/wall.Seconds(), loadAvg())
	for _, kind := range []string{"push", "pull"} {
		d := stats.lat[kind]
		if len(d) == 0 {
			continue
		}
		slices.Sort(d)
		fmt.Printf("LOAD %-4s n=%-6d p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n", kind, len(d),
			pct(d, 0.5), pct(d, 0.95), pct(d, 0.99), pct(d, 1))
	}
	for i, e := range stats.errors {
		if i == 10 {
			break
		}
		t.Error(e)
	}
}

// loadCPUs is CPU time used so far by each part.
type loadCPUs struct{ servers, postgres, clients time.Duration }

func (a loadCPUs) minus(b loadCPUs) loadCPUs {
	return loadCPUs{a.servers - b.servers, a.postgres - b.postgres, a.clients - b.clients}
}

func loadCPU(procs []*serverProc) loadCPUs {
	var c loadCPUs
	for _, p := range procs {
		c.servers += procTime(p.cmd.Process.Pid, false)
	}
	c.postgres = postgresTime()
	c.clients = cpuTime()
	return c
}

// procTime is a process's user + system time from /proc, with that of
// its waited-for children when children is set.
func procTime(pid int, children bool) time.Duration {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(raw)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // fields from 3 on
	var ticks int64
	for i, n := range []int{14, 15, 16, 17} {
		if i >= 2 && !children {
			break
		}
		v, _ := strconv.ParseInt(f[n-3], 10, 64)
		ticks += v
	}
	return time.Duration(ticks) * (time.Second / 100) // CLK_TCK is 100 on Linux
}

// postgresTime is the CPU time of the test cluster's PostgreSQL: the
// postmaster with its exited children, and its live children.
func postgresTime() time.Duration {
	raw, err := os.ReadFile(filepath.Join(os.Getenv("HUMASDESK_TEST_PG_DIR"), "data", "postmaster.pid"))
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	pm, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		return 0
	}
	total := procTime(pm, true)
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
			s := string(st)
			f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
			if len(f) > 1 && f[1] == strconv.Itoa(pm) {
				total += procTime(pid, false)
			}
		}
	}
	return total
}
