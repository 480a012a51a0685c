package server_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// pushRaw posts ops as the device and decodes the answer.
func pushRaw(t *testing.T, w *world, s store.SyncState, ops ...syncapi.Op) (int, []syncapi.OpResult, []byte) {
	t.Helper()
	status, body := raw(t, "POST", w.srv.URL+"/v1/push", s.Token, syncapi.PushRequest{DeviceID: s.DeviceID, Schema: 1, Ops: ops})
	var resp syncapi.PushResponse
	if status == http.StatusOK {
		if err := json.Unmarshal(body, &resp); err != nil {
			t.Fatalf("push answer: %v: %s", err, body)
		}
	}
	return status, resp.Results, body
}

func entryOp(t *testing.T, office, id, opID string, base int64, title string) syncapi.Op {
	t.Helper()
	e := entry(title)
	e.ID, e.OfficeID = id, office
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return syncapi.Op{OpID: opID, Kind: "entry", ID: id, OfficeID: office, Op: "upsert", BaseVersion: base, Data: b}
}

// TestReplayedPushEveryOutcome replays a push whose ops were applied,
// conflicted and rejected, twice and in other orders, and op by op: every
// replay answers "duplicate" with the first outcome (the same version,
// server_seq and conflict record), a replayed conflict carries the
// server's current record, and the server's feed does not change at all.
func TestReplayedPushEveryOutcome(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	sa, _ := a.SyncState(ctx)
	id1, id2 := data.NewID(), data.NewID()
	del := entryOp(t, w.a.ID, id2, "o6", 1, "dua")
	del.Op = syncapi.OpDelete
	bad := entryOp(t, w.a.ID, data.NewID(), "o5", 0, "jenis aneh")
	bad.Kind = "surat"
	ops := []syncapi.Op{
		entryOp(t, w.a.ID, id1, "o1", 0, "satu"),
		entryOp(t, w.a.ID, id2, "o2", 0, "dua"),
		entryOp(t, w.a.ID, id1, "o3", 1, "satu diubah"),
		entryOp(t, w.a.ID, id1, "o4", 1, "satu diubah juga"), // base 1, but o3 made it 2
		bad,
		del,
	}
	want := []string{"applied", "applied", "applied", "conflict", "rejected", "applied"}
	status, firstRes, body := pushRaw(t, w, sa, ops...)
	if status != 200 {
		t.Fatalf("push %d: %s", status, body)
	}
	byOp := map[string]syncapi.OpResult{}
	for i, r := range firstRes {
		if r.Status != want[i] {
			t.Fatalf("op %d: %+v, want %s", i, r, want[i])
		}
		byOp[r.OpID] = r
	}
	before := serverView(t, w.st, w.prov.ID)
	if n := countKinds(before)[syncapi.KindConflict]; n != 1 {
		t.Fatalf("%d conflict records after the first push", n)
	}
	check := func(res []syncapi.OpResult, sent []syncapi.Op) {
		t.Helper()
		if len(res) != len(sent) {
			t.Fatalf("%d results for %d ops", len(res), len(sent))
		}
		for i, r := range res {
			f := byOp[sent[i].OpID]
			if f.Status == syncapi.StatusRejected {
				// A rejection changed nothing and is not remembered: the
				// replay is judged again and, the server being the same,
				// rejected again for the same reason.
				if r.Status != syncapi.StatusRejected || r.Reason != f.Reason || r.Retry != f.Retry {
					t.Fatalf("replay of rejected %s: %+v, first answer %+v", sent[i].OpID, r, f)
				}
				continue
			}
			if r.OpID != sent[i].OpID || r.Status != syncapi.StatusDuplicate || r.Original != f.Status ||
				r.Version != f.Version || r.ServerSeq != f.ServerSeq || r.ConflictID != f.ConflictID || r.Reason != f.Reason {
				t.Fatalf("replay of %s: %+v, first answer %+v", sent[i].OpID, r, f)
			}
			if f.Status == syncapi.StatusConflict {
				if r.Current == nil || r.Current.ID != id1 || r.Current.Version != 2 {
					t.Fatalf("replayed conflict without the current record: %+v", r.Current)
				}
			}
		}
	}
	orders := [][]int{{5, 3, 1, 4, 0, 2}, {2, 0, 4, 1, 3, 5}, {0, 1, 2, 3, 4, 5}}
	for _, order := range orders {
		sent := make([]syncapi.Op, len(order))
		for i, j := range order {
			sent[i] = ops[j]
		}
		_, res, _ := pushRaw(t, w, sa, sent...)
		check(res, sent)
	}
	for _, op := range ops { // one by one
		_, res, _ := pushRaw(t, w, sa, op)
		check(res, []syncapi.Op{op})
	}
	if d := diffViews(before, serverView(t, w.st, w.prov.ID)); len(d) > 0 {
		t.Fatalf("replays changed the server: %v", d)
	}
}

// TestReplayedOpIDCannotReadAcross: a replay is answered before the
// office check, so a replayed conflict must never carry a record outside
// the device's office when the replay names another id (it used to return
// any record by that id — a read across offices — and a 500 for an id
// that does not exist).
func TestReplayedOpIDCannotReadAcross(t *testing.T) {
	w := newWorld(t)
	a, b := w.device(w.a), w.device(w.b)
	secret := entry("Rahasia Sleman")
	if err := a.SaveEntry(ctx, secret); err != nil {
		t.Fatal(err)
	}
	sync(t, a)
	sb, _ := b.SyncState(ctx)
	own := data.NewID()
	pushRaw(t, w, sb, entryOp(t, w.b.ID, own, "b1", 0, "milik Bantul"))
	_, res, _ := pushRaw(t, w, sb, entryOp(t, w.b.ID, own, "b2", 0, "milik Bantul lagi"))
	if res[0].Status != syncapi.StatusConflict {
		t.Fatalf("setup: %+v", res[0])
	}
	for name, id := range map[string]string{"another office's record": secret.ID, "a missing record": data.NewID()} {
		t.Run(name, func(t *testing.T) {
			status, res, body := pushRaw(t, w, sb, entryOp(t, w.b.ID, id, "b2", 0, "x"))
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			r := res[0]
			if r.Status != syncapi.StatusDuplicate || r.Original != syncapi.StatusConflict {
				t.Fatalf("replay: %+v", r)
			}
			if r.Current != nil {
				t.Fatalf("replay under another id answered with record %s of office %s", r.Current.ID, r.Current.OfficeID)
			}
		})
	}
	// The honest replay still carries the device's own current record.
	_, res, _ = pushRaw(t, w, sb, entryOp(t, w.b.ID, own, "b2", 0, "milik Bantul lagi"))
	if r := res[0]; r.Original != syncapi.StatusConflict || r.Current == nil || r.Current.ID != own || r.Current.Version != 1 {
		t.Fatalf("honest replay: %+v", r)
	}
}

// lossyTransport performs requests and, while lose[method+" "+path] > 0,
// throws the server's answer away and fails instead, as a connection
// that breaks after the server has committed.
type lossyTransport struct {
	base http.RoundTripper
	mu   gosync.Mutex
	lose map[string]int
	lost int
}

var errLost = errors.New("test: the reply was lost after the server answered")

func (l *lossyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	key := req.Method + " " + req.URL.Path
	l.mu.Lock()
	n := l.lose[key]
	if n > 0 {
		l.lose[key] = n - 1
		l.lost++
	}
	l.mu.Unlock()
	if n > 0 {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return nil, errLost
	}
	return resp, nil
}

func (l *lossyTransport) loseNext(key string, n int) {
	l.mu.Lock()
	l.lose[key] += n
	l.mu.Unlock()
}

// TestLostRepliesThroughTheClient loses the server's answers after it
// committed — to pushes (twice in a row, so each push is replayed twice),
// to a push whose op was a conflict, and to a pull — with more local edits
// made in between, then syncs normally: no record is duplicated, no
// spurious conflict appears, the real conflict is recorded once, outboxes
// are empty and every replica equals the server.
func TestLostRepliesThroughTheClient(t *testing.T) {
	w := newWorld(t)
	lossy := &lossyTransport{base: http.DefaultTransport, lose: map[string]int{}}
	hc := &http.Client{Transport: lossy}
	a1, a2, coord := w.device(w.a), w.device(w.a), w.device(w.prov)
	const push, pull = "POST /v1/push", "GET /v1/changes"

	var entries []*data.Entry
	for _, title := range []string{"Rapat koordinasi", "Sosialisasi DPT", "Jumpa pers", "Media gathering"} {
		e := entry(title)
		if err := a1.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	d := &data.Draft{Title: "Siaran pers tahapan", Kind: "siaran_pers", Body: "awal"}
	if err := a1.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	mustFail := func(ls *store.Store) {
		t.Helper()
		_, err := syncVia(ls, hc)
		if !errors.Is(err, errLost) || !syncclient.Retryable(err) {
			t.Fatalf("want a lost, retryable reply, got %v", err)
		}
	}
	mustSync := func(ls *store.Store) syncclient.Report {
		t.Helper()
		rep, err := syncVia(ls, hc)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Conflicts != 0 || rep.Rejected != 0 {
			t.Fatalf("unexpected conflict or rejection: %+v", rep)
		}
		return rep
	}

	// The first push commits, its reply is lost.
	lossy.loseNext(push, 1)
	mustFail(a1)
	if n := countKinds(serverView(t, w.st, w.a.ID))[syncapi.KindEntry]; n != 4 {
		t.Fatalf("server holds %d entries after the lost reply, want 4", n)
	}
	// More edits on records whose versions the device never learned.
	entries[0].Title = "Rapat koordinasi (revisi)"
	if err := a1.SaveEntry(ctx, entries[0]); err != nil {
		t.Fatal(err)
	}
	entries[0].Title = "Rapat koordinasi (revisi 2)"
	if err := a1.SaveEntry(ctx, entries[0]); err != nil {
		t.Fatal(err)
	}
	if err := a1.Delete(ctx, store.KindEntry, entries[1].ID); err != nil {
		t.Fatal(err)
	}
	// Replayed twice more, the second replay's answer arrives.
	lossy.loseNext(push, 1)
	mustFail(a1)
	rep := mustSync(a1)
	if rep.Applied != rep.Pushed || rep.Pushed != 5+2 {
		t.Fatalf("recovery round: %+v (want 5 replays answered as applied, then 2 edits)", rep)
	}
	assertReplicaEqualsServer(t, "A1", a1, w.st)
	view := serverView(t, w.st, w.a.ID)
	if v := view[entries[0].ID]; v.Version != 2 || v.Content != "Rapat koordinasi (revisi 2)|" {
		t.Fatalf("edited entry on the server: %v", v)
	}
	if v := view[entries[1].ID]; v.Version != 2 || !v.Deleted {
		t.Fatalf("deleted entry on the server: %v", v)
	}

	// A real conflict whose answer is lost, twice: still one conflict record.
	mustSync(a2)
	d1, _ := a1.Draft(ctx, d.ID)
	d1.Body = "versi A1"
	if err := a1.SaveDraft(ctx, d1); err != nil {
		t.Fatal(err)
	}
	mustSync(a1)
	d2, _ := a2.Draft(ctx, d.ID)
	d2.Body = "versi A2"
	if err := a2.SaveDraft(ctx, d2); err != nil {
		t.Fatal(err)
	}
	lossy.loseNext(push, 2)
	mustFail(a2)
	mustFail(a2)
	rep, err := syncVia(a2, hc)
	if err != nil || rep.Conflicts != 1 {
		t.Fatalf("conflict round: %+v, %v", rep, err)
	}
	// A lost pull leaves the cursor where it was.
	before, _ := a1.SyncState(ctx)
	lossy.loseNext(pull, 1)
	mustFail(a1)
	if after, _ := a1.SyncState(ctx); after.Cursor != before.Cursor {
		t.Fatalf("a lost pull moved the cursor %d → %d", before.Cursor, after.Cursor)
	}
	for _, ls := range []*store.Store{a1, a2, coord, a1} {
		mustSync(ls)
	}

	all := serverView(t, w.st, w.prov.ID)
	k := countKinds(all)
	if k[syncapi.KindEntry] != 4 || k[syncapi.KindDraft] != 1 || k[syncapi.KindConflict] != 1 {
		t.Fatalf("server holds %v, want 4 entries, 1 draft, 1 conflict", k)
	}
	for name, ls := range map[string]*store.Store{"A1": a1, "A2": a2, "P1": coord} {
		assertReplicaEqualsServer(t, name, ls, w.st)
	}
	for _, ls := range []*store.Store{a1, a2} {
		if cs, _ := ls.Conflicts(ctx); len(cs) != 1 {
			t.Fatalf("%d open conflicts, want 1", len(cs))
		}
		if got, _ := ls.Draft(ctx, d.ID); got.Body != "versi A1" {
			t.Fatalf("draft holds %q, want the winner's", got.Body)
		}
	}
	if lossy.lost != 5 {
		t.Fatalf("lost %d replies, want 5", lossy.lost)
	}
}

// deviceAt enrolls a fresh local database for office o through the given
// server address (a proxy, say).
func deviceAt(t *testing.T, st *server.Store, o *server.Office, url string) *store.Store {
	t.Helper()
	ls, err := store.Open(filepath.Join(t.TempDir(), "device.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ls.Close() })
	code, _, err := st.NewEnrollment(ctx, o.ID, server.EnrollmentTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syncclient.Enroll(ctx, ls, freshHTTP(10*time.Second), url, code, "test"); err != nil {
		t.Fatal(err)
	}
	return ls
}
