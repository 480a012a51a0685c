//go:build unix

package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	gosync "sync"
	"syscall"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// The fault tests: a real server process killed at the fault points of
// cmd/humasdesk-server, a TCP proxy that breaks connections, and a client
// process killed in the middle of a large pull.

// TestMain lets the test binary double as the client helper process of
// TestClientKilledMidPull (HUMASDESK_TEST_HELPER=sync).
func TestMain(m *testing.M) {
	if os.Getenv("HUMASDESK_TEST_HELPER") == "sync" {
		os.Exit(syncHelper())
	}
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// syncHelper runs one sync round on HUMASDESK_TEST_DB with pages of
// HUMASDESK_TEST_PULL_LIMIT records, saying "syncing" when it starts.
func syncHelper() int {
	ls, err := store.Open(os.Getenv("HUMASDESK_TEST_DB"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer ls.Close()
	if n, err := strconv.Atoi(os.Getenv("HUMASDESK_TEST_PULL_LIMIT")); err == nil && n > 0 {
		syncclient.PullLimit = n
	}
	c, err := syncclient.New(ls, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("syncing")
	rep, err := c.Sync(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("done:", rep)
	return 0
}

var (
	binOnce gosync.Once
	binDir  string
	binPath string
	binErr  error
)

// serverBinary builds cmd/humasdesk-server once per test run, without cgo,
// as it ships.
func serverBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		// go test puts its own $GOROOT/bin first on the PATH.
		goTool, err := exec.LookPath("go")
		if err != nil {
			binErr = err
			return
		}
		if binDir, binErr = os.MkdirTemp("", "humasdesk-fault-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "humasdesk-server")
		cmd := exec.Command(goTool, "build", "-o", binPath, "../cmd/humasdesk-server")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build ./cmd/humasdesk-server: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// admin runs an administration verb of the server binary and returns the
// first line it prints.
func admin(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("humasdesk-server %v: %v: %s", args, err, ee.Stderr)
		}
		t.Fatalf("humasdesk-server %v: %v", args, err)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line)
}

type lockedBuffer struct {
	mu gosync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serverProc is a running humasdesk-server serve.
type serverProc struct {
	cmd    *exec.Cmd
	addr   string
	exited chan struct{}
	stderr lockedBuffer
}

// startServer starts the server on addr ("127.0.0.1:0" for any port) and
// waits for its "listening on" line. fault arms HUMASDESK_FAULT. A port
// just left by a stopped server is retried for a moment.
func startServer(t *testing.T, bin, db, addr, fault string) *serverProc {
	t.Helper()
	for try := 0; ; try++ {
		p, err := tryStartServer(t, bin, db, addr, fault)
		if err == nil {
			return p
		}
		if try == 20 {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func tryStartServer(t *testing.T, bin, db, addr, fault string) (*serverProc, error) {
	p := &serverProc{exited: make(chan struct{})}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "HUMASDESK_") {
			env = append(env, kv)
		}
	}
	if fault != "" {
		env = append(env, "HUMASDESK_FAULT="+fault)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	p.cmd = exec.Command(bin, "serve", "--db", db, "--addr", addr)
	p.cmd.Env, p.cmd.Stdout, p.cmd.Stderr = env, pw, &p.stderr
	err = p.cmd.Start()
	pw.Close()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() { p.kill() })
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "listening on "); ok {
				lines <- a
				return
			}
		}
	}()
	select {
	case p.addr = <-lines:
		return p, nil
	case <-p.exited:
		return nil, fmt.Errorf("server exited at start: %s", p.stderr.String())
	case <-time.After(15 * time.Second):
		p.kill()
		return nil, fmt.Errorf("server did not start: %s", p.stderr.String())
	}
}

func (p *serverProc) url() string { return "http://" + p.addr }

func (p *serverProc) kill() {
	p.cmd.Process.Kill()
	<-p.exited
}

// stop shuts the server down the ordinary way.
func (p *serverProc) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(20 * time.Second):
		p.kill()
		t.Fatal("server did not stop on SIGTERM")
	}
}

// waitCrash waits for the fault hook to have killed the server.
func (p *serverProc) waitCrash(t *testing.T) {
	t.Helper()
	select {
	case <-p.exited:
	case <-time.After(15 * time.Second):
		t.Fatal("the armed server did not crash")
	}
	ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("server ended with %v, want SIGKILL; stderr:\n%s", p.cmd.ProcessState, p.stderr.String())
	}
}

// enrollStore opens a new local database and enrolls it with a code.
func enrollStore(t *testing.T, url, code string) *store.Store {
	t.Helper()
	ls, err := store.Open(filepath.Join(t.TempDir(), "device.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ls.Close() })
	if _, err := syncclient.Enroll(ctx, ls, freshHTTP(10*time.Second), url, code, "test"); err != nil {
		t.Fatal(err)
	}
	return ls
}

// writes tracks what one writer device did to its records, so that the
// tests can tell a lost edit from a kept one.
type writes struct {
	ls      *store.Store
	created []string
	want    map[string]string // id → title last written
	deleted map[string]bool
	n       int
	prefix  string
}

func newWrites(ls *store.Store, prefix string) *writes {
	return &writes{ls: ls, want: map[string]string{}, deleted: map[string]bool{}, prefix: prefix}
}

func (w *writes) title() string {
	w.n++
	return fmt.Sprintf("%s kegiatan %d", w.prefix, w.n)
}

func (w *writes) create(t *testing.T) {
	t.Helper()
	e := entry(w.title())
	if err := w.ls.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	w.created = append(w.created, e.ID)
	w.want[e.ID] = e.Title
}

func (w *writes) live() []string {
	var out []string
	for _, id := range w.created {
		if !w.deleted[id] {
			out = append(out, id)
		}
	}
	return out
}

func (w *writes) edit(t *testing.T, id string) {
	t.Helper()
	e, err := w.ls.Entry(ctx, id)
	if err != nil {
		t.Fatalf("entry %s: %v", id, err)
	}
	e.Title = w.title()
	if err := w.ls.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	w.want[id] = e.Title
}

func (w *writes) del(t *testing.T, id string) {
	t.Helper()
	if err := w.ls.Delete(ctx, store.KindEntry, id); err != nil {
		t.Fatal(err)
	}
	w.deleted[id] = true
}

// check asserts that the server holds every record the writer created
// exactly once, in the state it last wrote, and nothing else of its kind.
func (w *writes) check(t *testing.T, view map[string]recView, office string) {
	t.Helper()
	titles := map[string]string{}
	entries := 0
	for id, v := range view {
		if v.Kind == syncapi.KindConflict {
			t.Errorf("conflict record %s on the server: no record had two writers", id)
		}
		if v.Kind != syncapi.KindEntry || v.OfficeID != office {
			continue
		}
		entries++
		title, _, _ := strings.Cut(v.Content, "|")
		if other, dup := titles[title]; dup {
			t.Errorf("%q is on the server twice: %s and %s", title, other, id)
		}
		titles[title] = id
		if _, ok := w.want[id]; !ok {
			t.Errorf("server holds entry %s %q that was never created", id, title)
		}
	}
	if entries != len(w.created) {
		t.Errorf("server holds %d entries of the office, %d were created", entries, len(w.created))
	}
	for _, id := range w.created {
		v, ok := view[id]
		switch {
		case !ok:
			t.Errorf("entry %s %q is lost", id, w.want[id])
		case v.Deleted != w.deleted[id]:
			t.Errorf("entry %s: deleted=%v, want %v", id, v.Deleted, w.deleted[id])
		case !strings.HasPrefix(v.Content, w.want[id]+"|"):
			t.Errorf("entry %s holds %q, last written %q (an edit was lost)", id, v.Content, w.want[id])
		}
	}
}

// TestServerCrashes kills the server process at each fault point of a
// sync round (SIGKILL from HUMASDESK_FAULT), restarts it on the same
// database, and syncs again: nothing lost, nothing doubled.
func TestServerCrashes(t *testing.T) {
	bin := serverBinary(t)
	for _, tc := range []struct {
		fault string
		// how many of the office's entries the server holds right after
		// the crash: proof that it died where it was meant to
		afterCrash int
	}{
		{"push-before-commit:1", 20},
		{"push-after-commit:1", 35},
		{"changes-mid:1", 35},
	} {
		t.Run(tc.fault, func(t *testing.T) {
			db := server.NewTestDB(t)
			prov := admin(t, bin, "office", "add", "--db", db, "--name", "KPU Provinsi DIY", "--level", "provinsi", "--kind", "kpu")
			a := admin(t, bin, "office", "add", "--db", db, "--name", "KPU Kabupaten Sleman", "--level", "kabupaten", "--kind", "kpu", "--parent", prov)
			codeA := admin(t, bin, "enroll", "--db", db, "--office", a)
			codeP := admin(t, bin, "enroll", "--db", db, "--office", prov)

			srv := startServer(t, bin, db, "127.0.0.1:0", "")
			hc := freshHTTP(10 * time.Second)
			a1 := enrollStore(t, srv.url(), codeA)
			p1 := enrollStore(t, srv.url(), codeP)
			w := newWrites(a1, "A1")
			for range 20 {
				w.create(t)
			}
			for _, ls := range []*store.Store{a1, p1} {
				if _, err := syncVia(ls, hc); err != nil {
					t.Fatal(err)
				}
			}
			srv.stop(t)

			// Offline work, then a round against a server armed to die.
			for range 15 {
				w.create(t)
			}
			for _, id := range w.created[:5] {
				w.edit(t, id)
			}
			for _, id := range w.created[5:8] {
				w.del(t, id)
			}
			before, _ := a1.SyncState(ctx)
			srv = startServer(t, bin, db, srv.addr, tc.fault)
			if _, err := syncVia(a1, hc); err == nil || !syncclient.Retryable(err) {
				t.Fatalf("sync against a dying server: %v, want a retryable error", err)
			}
			srv.waitCrash(t)
			st, err := server.OpenStore(db)
			if err != nil {
				t.Fatal(err)
			}
			if n := countKinds(serverView(t, st, a))[syncapi.KindEntry]; n != tc.afterCrash {
				t.Fatalf("after the crash the server holds %d entries, want %d", n, tc.afterCrash)
			}
			st.Close()
			after, _ := a1.SyncState(ctx)
			pending, _ := a1.PendingChanges(ctx)
			if after.Cursor != before.Cursor || (tc.fault == "changes-mid:1") != (pending == 0) {
				t.Fatalf("client after the crash: cursor %d → %d, %d pending", before.Cursor, after.Cursor, pending)
			}

			// Restarted without the fault: everything goes through once.
			srv = startServer(t, bin, db, srv.addr, "")
			for _, ls := range []*store.Store{a1, p1, a1} {
				rep, err := syncVia(ls, hc)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Conflicts != 0 || rep.Rejected != 0 {
					t.Fatalf("recovery round: %+v", rep)
				}
			}
			srv.stop(t)
			st, err = server.OpenStore(db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			view := serverView(t, st, a)
			w.check(t, view, a)
			for i, id := range w.created {
				want := int64(1)
				if i < 8 {
					want = 2
				}
				if v := view[id]; v.Version != want {
					t.Errorf("entry %d at version %d, want %d", i, v.Version, want)
				}
			}
			assertReplicaEqualsServer(t, "A1", a1, st)
			assertReplicaEqualsServer(t, "P1", p1, st)
		})
	}
}

// faultProxy is a TCP proxy on loopback in front of a server. Each
// connection carries one request (the clients disable keep-alive); by a
// seeded draw it passes, drops the connection before forwarding, resets
// it, delays it (sometimes past the client's timeout), forwards the
// request and then cuts the reply (the server has answered — and
// committed — but the client gets nothing), or passes only the reply's
// first bytes.
type faultProxy struct {
	ln       net.Listener
	upstream string
	mu       gosync.Mutex
	rng      *rand.Rand
	faulty   bool
	counts   map[string]int
	conns    gosync.WaitGroup
}

func newFaultProxy(t *testing.T, upstream string, seed uint64) *faultProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &faultProxy{ln: ln, upstream: upstream, rng: rand.New(rand.NewPCG(seed, 7)), counts: map[string]int{}}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.conns.Add(1)
			go p.handle(c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		p.conns.Wait()
	})
	return p
}

func (p *faultProxy) url() string { return "http://" + p.ln.Addr().String() }

func (p *faultProxy) setFaulty(on bool) {
	p.mu.Lock()
	p.faulty = on
	p.mu.Unlock()
}

// choose draws the fate of a connection whose request starts with line.
func (p *faultProxy) choose(line string) (mode string, delay time.Duration, keep int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	mode = "pass"
	if p.faulty {
		switch r := p.rng.IntN(100); {
		case r < 6:
			mode = "drop"
		case r < 10:
			mode = "reset"
		case r < 16:
			mode, delay = "delay", time.Duration(20+p.rng.IntN(200))*time.Millisecond
			if p.rng.IntN(5) == 0 {
				delay = 1200 * time.Millisecond // past the client's timeout
			}
		case r < 32:
			mode = "cut"
		case r < 38:
			mode, keep = "truncate", 1+p.rng.IntN(200)
		}
	}
	method, rest, _ := strings.Cut(line, " ")
	path, _, _ := strings.Cut(rest, " ")
	path, _, _ = strings.Cut(path, "?")
	p.counts[mode+" "+method+" "+path]++
	return mode, delay, keep
}

func (p *faultProxy) handle(c net.Conn) {
	defer p.conns.Done()
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(c)
	line, err := br.ReadString('\n')
	if err != nil {
		return
	}
	mode, delay, keep := p.choose(line)
	switch mode {
	case "drop":
		return
	case "reset":
		if tc, ok := c.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
		return
	case "delay":
		time.Sleep(delay)
	}
	up, err := net.Dial("tcp", p.upstream)
	if err != nil {
		return
	}
	defer up.Close()
	up.SetDeadline(time.Now().Add(10 * time.Second))
	go func() {
		up.Write([]byte(line))
		io.Copy(up, br)
	}()
	switch mode {
	case "cut":
		// Read the whole answer from the server, then close the client's
		// side without sending any of it.
		io.Copy(io.Discard, up)
	case "truncate":
		io.CopyN(c, up, int64(keep))
	default:
		io.Copy(c, up)
	}
}

// TestFlakyNetwork runs many sync rounds of two writers (A1, B1) and two
// readers (A2 and the coordinator P1) through a proxy that drops, resets,
// delays and cuts connections, with edits in between, then a clean round
// for everyone: every created record is on the server once with its last
// write, no conflict appears (each record has one writer), outboxes are
// empty and every replica equals the server.
func TestFlakyNetwork(t *testing.T) {
	seed := uint64(1)
	if s := os.Getenv("HUMASDESK_FLAKY_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (HUMASDESK_FLAKY_SEED)", seed)
	w := newWorld(t)
	p := newFaultProxy(t, w.srv.Listener.Addr().String(), seed)
	hc := freshHTTP(time.Second)
	a1, b1 := deviceAt(t, w.st, w.a, p.url()), deviceAt(t, w.st, w.b, p.url())
	a2, p1 := deviceAt(t, w.st, w.a, p.url()), deviceAt(t, w.st, w.prov, p.url())
	writers := []*writes{newWrites(a1, "A1"), newWrites(b1, "B1")}
	devices := []*store.Store{a1, b1, a2, p1}
	rng := rand.New(rand.NewPCG(seed, 3))
	rounds := 60
	if testing.Short() {
		rounds = 20
	}
	p.setFaulty(true)
	failed := 0
	for range rounds {
		wr := writers[rng.IntN(2)]
		for range 1 + rng.IntN(4) {
			live := wr.live()
			switch r := rng.IntN(10); {
			case r < 4 || len(live) == 0:
				wr.create(t)
			case r < 9:
				wr.edit(t, live[rng.IntN(len(live))])
			default:
				wr.del(t, live[rng.IntN(len(live))])
			}
		}
		if _, err := syncVia(devices[rng.IntN(len(devices))], hc); err != nil {
			if !syncclient.Retryable(err) {
				t.Fatalf("a network fault gave a non-retryable error: %v", err)
			}
			failed++
		}
	}
	p.setFaulty(false)
	for range 2 {
		for _, ls := range devices {
			rep, err := syncVia(ls, hc)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Conflicts != 0 || rep.Rejected != 0 {
				t.Fatalf("clean round: %+v", rep)
			}
		}
	}
	view := serverView(t, w.st, w.prov.ID)
	writers[0].check(t, view, w.a.ID)
	writers[1].check(t, view, w.b.ID)
	for i, ls := range devices {
		assertReplicaEqualsServer(t, []string{"A1", "B1", "A2", "P1"}[i], ls, w.st)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	t.Logf("%d of %d faulty rounds failed; connections: %v", failed, rounds, p.counts)
	if p.counts["cut POST /v1/push"] == 0 || p.counts["cut GET /v1/changes"] == 0 || failed == 0 {
		t.Errorf("the proxy did not inject the faults the test is about: %v", p.counts)
	}
}

// TestClientKilledMidPull SIGKILLs a client process (this test binary as a
// helper) at random moments of a large pull, small pages, several times.
// After each kill the replica holds exactly the feed up to its stored
// cursor — no page without its cursor, no cursor without its page — and a
// final clean round leaves it equal to the server, with nothing doubled.
func TestClientKilledMidPull(t *testing.T) {
	if testing.Short() {
		t.Skip("a 5,000-record pull killed several times; skipped with -short")
	}
	w := newWorld(t)
	a := w.device(w.a)
	const records = 5000
	sa, _ := a.SyncState(ctx)
	dev, err := w.st.Authenticate(ctx, sa.Token)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < records; i += syncapi.MaxOpsPerPush {
		ops := make([]syncapi.Op, 0, syncapi.MaxOpsPerPush)
		for j := i; j < i+syncapi.MaxOpsPerPush && j < records; j++ {
			e := entry(fmt.Sprintf("Kegiatan %05d", j))
			e.ID, e.OfficeID = data.NewID(), w.a.ID
			e.Normalize()
			b, _ := json.Marshal(e)
			ops = append(ops, syncapi.Op{OpID: data.NewID(), OpSeq: int64(j + 1), Kind: "entry", ID: e.ID,
				OfficeID: w.a.ID, Op: "upsert", Data: b})
		}
		if _, err := w.st.Push(ctx, dev, ops); err != nil {
			t.Fatal(err)
		}
	}
	// The reader: the coordinator, enrolled, then closed for the helper.
	dir := t.TempDir()
	path := filepath.Join(dir, "coordinator.db")
	ls, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	code, _, _ := w.st.NewEnrollment(ctx, w.prov.ID, server.EnrollmentTTL)
	if _, err := syncclient.Enroll(ctx, ls, nil, w.srv.URL, code, "koordinator"); err != nil {
		t.Fatal(err)
	}
	ls.Close()

	feed := serverView(t, w.st, w.prov.ID)
	var top int64
	for _, v := range feed {
		top = max(top, v.ServerSeq)
	}
	// The kills are timed by the cursor the helper has stored (read from
	// the file beside it), so that each lands mid-pull however fast the
	// machine is: at a random cursor, then a random 0–3 ms later, inside
	// the next page's transaction or between two of them.
	cursorDB := openReadOnly(t, path)
	cursor := func() int64 {
		var v string
		cursorDB.Raw("SELECT value FROM settings WHERE key = 'sync_cursor'").Scan(&v)
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var cursors []int64
	midPull := 0
	for attempt := 0; attempt < 6; attempt++ {
		from := cursor()
		target := from + 1 + rng.Int64N(max(1, (top-from)*2/3))
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "HUMASDESK_TEST_HELPER=sync", "HUMASDESK_TEST_DB="+path, "HUMASDESK_TEST_PULL_LIMIT=20")
		var out lockedBuffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		var waitErr error
	poll:
		for {
			select {
			case waitErr = <-exited:
				break poll
			case <-time.After(time.Millisecond):
				if cursor() >= target {
					time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
					cmd.Process.Kill()
					waitErr = <-exited
					break poll
				}
			}
		}
		if waitErr == nil {
			t.Logf("attempt %d: the helper finished before the kill", attempt)
		} else if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("helper failed by itself: %v\n%s", waitErr, out.String())
		} else if attempt == 0 {
			// The first attempt is a first sync: killed inside its bulk
			// load, which the next Open must finish.
			var pending int
			cursorDB.Raw("SELECT count(*) FROM settings WHERE key = 'bulk_load'").Scan(&pending)
			if pending != 1 {
				t.Fatalf("the first kill (cursor %d) did not land inside a bulk load", cursor())
			}
		}

		// The replica is exactly the feed up to the stored cursor.
		ls, err := store.Open(path)
		if err != nil {
			t.Fatalf("after kill %d the database does not open: %v", attempt, err)
		}
		st, _ := ls.SyncState(ctx)
		cursors = append(cursors, st.Cursor)
		got := replicaView(t, ls)
		ls.Close()
		// Opening the database has finished a bulk load cut short.
		assertSchemaWhole(t, path)
		want := map[string]recView{}
		for id, v := range feed {
			if v.ServerSeq <= st.Cursor {
				want[id] = v
			}
		}
		if _, ok := got[w.prov.ID]; ok { // the office's own profile comes with enrollment
			want[w.prov.ID] = feed[w.prov.ID]
		}
		if d := diffViews(want, got); len(d) > 0 {
			t.Fatalf("after kill %d (cursor %d) the replica is not the feed up to its cursor (%d):\n%s",
				attempt, st.Cursor, len(d), strings.Join(first(d, 10), "\n"))
		}
		if waitErr == nil {
			break
		}
		if st.Cursor > from && st.Cursor < top {
			midPull++
		}
	}
	t.Logf("%d kills landed mid-pull; cursor after each attempt: %v of %d", midPull, cursors, top)
	if midPull < 3 {
		t.Fatalf("only %d kills landed during the pull (cursors %v)", midPull, cursors)
	}
	ls, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ls.Close()
	if _, err := syncVia(ls, nil); err != nil {
		t.Fatal(err)
	}
	assertReplicaEqualsServer(t, "coordinator", ls, w.st)
	if n := countKinds(replicaView(t, ls))[syncapi.KindEntry]; n != records {
		t.Fatalf("replica holds %d entries, want %d", n, records)
	}
}
