package server_test

import (
	"fmt"
	gosync "sync"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/server"
)

// Pushes are decided without the feed lock and written in a short
// section that holds it (server/pushwrite.go). These tests provoke the
// two races that design must win: a late commit that a puller could skip,
// and several pushes deciding on the same records at once.

// openStores opens n stores on one new database, as n server processes
// would (PostgreSQL with HUMASDESK_TEST_BACKEND=postgres, else a SQLite
// file).
func openStores(t *testing.T, n int) []*server.Store {
	t.Helper()
	dsn := server.NewTestDB(t)
	out := make([]*server.Store, n)
	for i := range out {
		st, err := server.OpenStore(dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		out[i] = st
	}
	return out
}

func enrollDevice(t *testing.T, st *server.Store, o *server.Office, name string) *server.Device {
	t.Helper()
	code, _, err := st.NewEnrollment(ctx, o.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	dev, _, _, err := st.Enroll(ctx, code, name)
	if err != nil {
		t.Fatal(err)
	}
	return dev
}

// feedAll reads the whole feed a device sees from cursor since, in pages
// of limit, checking that server_seq only grows.
func feedAll(t *testing.T, st *server.Store, dev *server.Device, since int64, limit int) ([]syncapi.Record, int64) {
	t.Helper()
	var out []syncapi.Record
	for {
		page, err := st.Changes(ctx, dev, since, limit)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Changes {
			if r.ServerSeq <= since {
				t.Fatalf("feed went backwards: %d after %d", r.ServerSeq, since)
			}
			since = r.ServerSeq
		}
		out = append(out, page.Changes...)
		if !page.More {
			return out, since
		}
	}
}

// TestLateCommitNeverSkipped holds writer A after it was given its
// server_seq values and before it commits, while writer B pushes through
// another store (another server process) and a puller polls the feed
// through a third, page by page. If B could commit a higher server_seq
// meanwhile, the puller would move its cursor past A's values and never
// see A's rows. A is held inside the database, where the late commit
// would happen: a transaction of the test has written the op log entry of
// A's last op and stays open, so A's write, which takes the feed lock
// first, waits on that entry with its server_seq values taken. While A
// waits, B must not finish and the puller sees nothing new; when the test
// rolls its transaction back, A commits, then B, and the puller has seen
// every row exactly once, in order, A's below B's. (On SQLite the test's
// transaction holds the one write lock, so A waits before it has values;
// the feed must stay as gapless.)
func TestLateCommitNeverSkipped(t *testing.T) {
	sts := openStores(t, 4)
	stA, stB, stR, stX := sts[0], sts[1], sts[2], sts[3]
	pg := server.BackendForTests() == "postgres"
	o, err := stA.AddOffice(ctx, "KPU Kota Semarang", "kpu", "kota", "")
	if err != nil {
		t.Fatal(err)
	}
	devA, devB, puller := enrollDevice(t, stA, o, "A"), enrollDevice(t, stB, o, "B"), enrollDevice(t, stR, o, "puller")
	newOps := func(n int) []syncapi.Op {
		ops := make([]syncapi.Op, n)
		for i := range ops {
			ops[i] = entryOp(t, o.ID, data.NewID(), data.NewID(), 0, fmt.Sprintf("Kegiatan %d", i))
		}
		return ops
	}
	if _, err := stB.Push(ctx, devB, newOps(2)); err != nil {
		t.Fatal(err)
	}
	seen, cursor := feedAll(t, stR, puller, 0, 1)

	opsA := newOps(3)
	hold := server.DBForTests(stX).WithContext(ctx).Begin()
	if err := hold.Create(&server.OpLog{DeviceID: devA.ID, OpID: opsA[2].OpID, Result: "{}", CreatedAt: time.Now()}).Error; err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		res []syncapi.OpResult
		err error
	}
	doneA, doneB := make(chan outcome, 1), make(chan outcome, 1)
	// waiters waits until n backends of the test's database wait on a
	// lock, or B is done (which it must not be: checked below).
	waiters := func(n int64) {
		if !pg {
			return
		}
		for try := 0; ; try++ {
			var got int64
			if err := server.DBForTests(stR).Raw(`SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&got).Error; err != nil {
				t.Fatal(err)
			}
			if got >= n || len(doneB) > 0 {
				return
			}
			if try == 3000 {
				t.Fatalf("%d writers wait on a lock, want %d", got, n)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	go func() { res, err := stA.Push(ctx, devA, opsA); doneA <- outcome{res, err} }()
	waiters(1) // A holds the feed lock and its values, and waits for the test
	go func() { res, err := stB.Push(ctx, devB, newOps(3)); doneB <- outcome{res, err} }()
	waiters(2) // B waits too

	// Poll while A is held, until B is done (it must not be) or enough
	// polls have given B every chance to commit.
	bEarly := false
	for polls := 0; polls < 300 && !bEarly; polls++ {
		rows, next := feedAll(t, stR, puller, cursor, 1)
		if len(rows) > 0 {
			t.Errorf("while A is held the puller got %d rows (seq %d…)", len(rows), rows[0].ServerSeq)
		}
		seen, cursor = append(seen, rows...), next
		select {
		case b := <-doneB:
			bEarly = true
			doneB <- b
		default:
		}
	}
	if bEarly {
		t.Error("B committed while A held its server_seq values")
	}
	if err := hold.Rollback().Error; err != nil {
		t.Fatal(err)
	}
	a, b := <-doneA, <-doneB
	if a.err != nil || b.err != nil {
		t.Fatal(a.err, b.err)
	}
	rows, _ := feedAll(t, stR, puller, cursor, 1)
	seen = append(seen, rows...)

	maxA := int64(0)
	for _, r := range a.res {
		maxA = max(maxA, r.ServerSeq)
	}
	for _, r := range b.res {
		if r.Status != syncapi.StatusApplied || (pg && r.ServerSeq <= maxA) {
			t.Errorf("B's op %+v: want applied above A's server_seq %d", r, maxA)
		}
	}
	all, _ := feedAll(t, stR, puller, 0, 1000)
	if len(seen) != len(all) || len(all) != 1+2+3+3 {
		t.Fatalf("puller saw %d rows, the feed holds %d, want 9", len(seen), len(all))
	}
	for i := range all {
		if seen[i].ID != all[i].ID || seen[i].ServerSeq != all[i].ServerSeq {
			t.Errorf("row %d: puller saw %s@%d, feed has %s@%d", i, seen[i].ID, seen[i].ServerSeq, all[i].ID, all[i].ServerSeq)
		}
	}
}

// TestConcurrentPushesSameRecords has many devices, in two stores (two
// server processes), push edits of the same records on the same base
// version at once, each device its batch twice at the same time (a
// client that resends before its first push answered). Per record and
// round exactly one edit is applied and every other becomes a conflict;
// of a device's two identical pushes each op is decided once and
// answered as a duplicate of that once; nothing is lost from the op log
// (a final replay of everything answers duplicate for every op), and the
// feed holds each conflict record once.
func TestConcurrentPushesSameRecords(t *testing.T) {
	devices, records, rounds := 6, 4, 3
	if testing.Short() {
		devices, rounds = 4, 2
	}
	sts := openStores(t, 2)
	o, err := sts[0].AddOffice(ctx, "KPU Kabupaten Demak", "kpu", "kabupaten", "")
	if err != nil {
		t.Fatal(err)
	}
	devs := make([]*server.Device, devices)
	for i := range devs {
		devs[i] = enrollDevice(t, sts[i%2], o, fmt.Sprintf("D%d", i))
	}
	ids := make([]string, records)
	var create []syncapi.Op
	for i := range ids {
		ids[i] = data.NewID()
		create = append(create, entryOp(t, o.ID, ids[i], data.NewID(), 0, "awal"))
	}
	if _, err := sts[0].Push(ctx, devs[0], create); err != nil {
		t.Fatal(err)
	}
	sent := make([][]syncapi.Op, devices) // every op of each device
	for round := 1; round <= rounds; round++ {
		batches := make([][]syncapi.Op, devices)
		for d := range batches {
			for _, id := range ids {
				batches[d] = append(batches[d], entryOp(t, o.ID, id, data.NewID(), int64(round), fmt.Sprintf("D%d putaran %d", d, round)))
			}
			sent[d] = append(sent[d], batches[d]...)
		}
		answers := make([][2][]syncapi.OpResult, devices)
		var wg gosync.WaitGroup
		for d := range devices {
			for twice := range 2 {
				wg.Go(func() {
					res, err := sts[(d+twice)%2].Push(ctx, devs[d], batches[d])
					if err != nil {
						t.Errorf("device %d: %v", d, err)
					}
					answers[d][twice] = res
				})
			}
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
		applied := map[string]int{}
		for d := range devices {
			for i := range ids {
				x, y := answers[d][0][i], answers[d][1][i]
				if x.Status == syncapi.StatusDuplicate {
					x, y = y, x
				}
				if x.Status == syncapi.StatusDuplicate || y.Status != syncapi.StatusDuplicate || y.Original != x.Status ||
					y.ServerSeq != x.ServerSeq || y.Version != x.Version || y.ConflictID != x.ConflictID {
					t.Errorf("round %d device %d record %d: answers %+v and %+v, want one outcome and its duplicate", round, d, i, x, y)
				}
				switch x.Status {
				case syncapi.StatusApplied:
					applied[ids[i]]++
					if x.Version != int64(round+1) {
						t.Errorf("round %d: applied as version %d", round, x.Version)
					}
				case syncapi.StatusConflict:
					if x.ConflictID == "" || x.Current == nil || x.Current.Version != int64(round+1) {
						t.Errorf("round %d device %d: conflict %+v", round, d, x)
					}
				default:
					t.Errorf("round %d device %d: %+v", round, d, x)
				}
			}
		}
		for _, id := range ids {
			if applied[id] != 1 {
				t.Errorf("round %d record %s: applied %d times, want once", round, short(id), applied[id])
			}
		}
	}
	for d := range devices {
		res, err := sts[1].Push(ctx, devs[d], sent[d])
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r.Status != syncapi.StatusDuplicate {
				t.Errorf("device %d op %d replayed: %+v, want duplicate (op log lost it)", d, i, r)
			}
		}
	}
	all, _ := feedAll(t, sts[1], devs[0], 0, 7)
	kinds, seqs := map[string]int{}, map[int64]bool{}
	for _, r := range all {
		kinds[r.Kind]++
		if seqs[r.ServerSeq] {
			t.Errorf("server_seq %d twice", r.ServerSeq)
		}
		seqs[r.ServerSeq] = true
		if r.Kind == syncapi.KindEntry && r.Version != int64(rounds+1) {
			t.Errorf("record %s at version %d, want %d", short(r.ID), r.Version, rounds+1)
		}
	}
	if want := rounds * records * (devices - 1); kinds[syncapi.KindConflict] != want || kinds[syncapi.KindEntry] != records {
		t.Errorf("feed: %v, want %d entries and %d conflicts", kinds, records, want)
	}
}
