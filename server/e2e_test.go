package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

var ctx = context.Background()

// world is a server on a loopback port with a province and two kabupaten
// offices under it.
type world struct {
	t          *testing.T
	st         *server.Store
	srv        *httptest.Server
	prov, a, b *server.Office
}

func newWorld(t *testing.T) *world {
	t.Helper()
	st, err := server.OpenStore(server.NewTestDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := &world{t: t, st: st, srv: httptest.NewServer(server.NewAPI(st, slog.New(slog.NewTextHandler(io.Discard, nil))))}
	t.Cleanup(w.srv.Close)
	w.prov = w.office("KPU Provinsi DIY", "provinsi", "")
	w.a = w.office("KPU Kabupaten Sleman", "kabupaten", w.prov.ID)
	w.b = w.office("KPU Kabupaten Bantul", "kabupaten", w.prov.ID)
	return w
}

func (w *world) office(name, level, parent string) *server.Office {
	o, err := w.st.AddOffice(ctx, name, "kpu", level, parent)
	if err != nil {
		w.t.Fatal(err)
	}
	return o
}

// device makes a local database and enrolls it for the office.
func (w *world) device(o *server.Office) *store.Store {
	w.t.Helper()
	ls, err := store.Open(filepath.Join(w.t.TempDir(), "device.db"))
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(func() { ls.Close() })
	code, _, err := w.st.NewEnrollment(ctx, o.ID, server.EnrollmentTTL)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := syncclient.Enroll(ctx, ls, nil, w.srv.URL, code, "test"); err != nil {
		w.t.Fatal(err)
	}
	return ls
}

func sync(t *testing.T, ls *store.Store) syncclient.Report {
	t.Helper()
	c, err := syncclient.New(ls, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Sync(ctx)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return rep
}

// entry is a valid activity as the app stores it (normalised: a one-day
// activity ends on its start date), fit to push raw.
func entry(title string) *data.Entry {
	day := data.NewDate(2024, 5, 1)
	return &data.Entry{Title: title, ActivityType: "sosialisasi", Strategy: 4, StartDate: day, EndDate: day}
}

func TestEnrollPushPullAndScope(t *testing.T) {
	w := newWorld(t)
	// Records made before enrollment move to the server's office and sync.
	ls, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ls.Close()
	early := entry("Dibuat sebelum pendaftaran")
	if err := ls.SaveEntry(ctx, early); err != nil {
		t.Fatal(err)
	}
	code, _, _ := w.st.NewEnrollment(ctx, w.a.ID, server.EnrollmentTTL)
	if _, err := syncclient.Enroll(ctx, ls, nil, w.srv.URL, code, "laptop humas"); err != nil {
		t.Fatal(err)
	}
	if o, _ := ls.CurrentOffice(ctx); o.ID != w.a.ID || o.Name != "KPU Kabupaten Sleman" {
		t.Fatalf("office not adopted: %+v", o)
	}
	if _, err := syncclient.Enroll(ctx, ls, nil, w.srv.URL, code, "again"); err == nil {
		t.Fatal("a used code enrolled again")
	}
	rep := sync(t, ls)
	if rep.Applied != 1 || rep.Conflicts != 0 || rep.Rejected != 0 { // the entry; the untouched profile is not re-sent
		t.Fatalf("first push: %+v", rep)
	}
	if n, _ := ls.PendingChanges(ctx); n != 0 {
		t.Fatalf("%d changes left", n)
	}
	got, _ := ls.Entry(ctx, early.ID)
	if got.Version != 1 || got.OfficeID != w.a.ID {
		t.Fatalf("entry after push: %+v", got.Meta)
	}

	coord := w.device(w.prov)
	other := w.device(w.b)
	sync(t, coord)
	sync(t, other)
	if e, err := coord.Entry(ctx, early.ID); err != nil || e.Title != early.Title {
		t.Fatalf("coordinator does not see the office under it: %v", err)
	}
	if _, err := other.Entry(ctx, early.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatal("an office read a sibling's record")
	}
	e, _ := coord.Entry(ctx, early.ID)
	e.Title = "diubah koordinator"
	if err := coord.SaveEntry(ctx, e); !errors.Is(err, store.ErrReadOnly) {
		t.Fatalf("coordinator edited an office's record: %v", err)
	}
}

func TestConcurrentEditsMakeOneConflict(t *testing.T) {
	w := newWorld(t)
	a1, a2 := w.device(w.a), w.device(w.a)
	d := &data.Draft{Title: "Siaran pers", Kind: "siaran_pers", Body: "versi awal"}
	if err := a1.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	sync(t, a1)
	sync(t, a2)
	d1, _ := a1.Draft(ctx, d.ID)
	d2, _ := a2.Draft(ctx, d.ID)
	d1.Body, d2.Body = "versi laptop 1", "versi laptop 2"
	if err := a1.SaveDraft(ctx, d1); err != nil {
		t.Fatal(err)
	}
	if err := a2.SaveDraft(ctx, d2); err != nil {
		t.Fatal(err)
	}
	if r := sync(t, a1); r.Applied != 1 {
		t.Fatalf("a1: %+v", r)
	}
	if r := sync(t, a2); r.Conflicts != 1 {
		t.Fatalf("a2: %+v", r)
	}
	sync(t, a1)
	for i, ls := range []*store.Store{a1, a2} {
		got, _ := ls.Draft(ctx, d.ID)
		if got.Body != "versi laptop 1" {
			t.Errorf("device %d holds %q, not the server's version", i+1, got.Body)
		}
		cs, _ := ls.Conflicts(ctx)
		if len(cs) != 1 || string(cs[0].Theirs) == "" || !bytes.Contains(cs[0].Mine, []byte("versi laptop 2")) {
			t.Fatalf("device %d conflicts: %+v", i+1, cs)
		}
	}
	// Keeping the losing side is a new write that reaches everyone.
	cs, _ := a2.Conflicts(ctx)
	if err := a2.ResolveConflict(ctx, cs[0].ID, data.KeepMine, nil); err != nil {
		t.Fatal(err)
	}
	sync(t, a2)
	sync(t, a1)
	for _, ls := range []*store.Store{a1, a2} {
		got, _ := ls.Draft(ctx, d.ID)
		if got.Body != "versi laptop 2" {
			t.Errorf("resolution not replicated: %q", got.Body)
		}
		if cs, _ := ls.Conflicts(ctx); len(cs) != 0 {
			t.Errorf("conflict still open: %+v", cs)
		}
	}
}

func TestDeleteReplicatesAndPhotosTravel(t *testing.T) {
	w := newWorld(t)
	a, coord := w.device(w.a), w.device(w.prov)
	e := entry("Sosialisasi dengan foto")
	a.SaveEntry(ctx, e)
	gone := entry("Akan dihapus")
	a.SaveEntry(ctx, gone)
	img := filepath.Join(t.TempDir(), "foto.png")
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 8, 8)))
	os.WriteFile(img, buf.Bytes(), 0o600)
	p, err := a.AttachPhoto(ctx, e.ID, img, "Peserta")
	if err != nil {
		t.Fatal(err)
	}
	if r := sync(t, a); r.PhotosUp != 1 {
		t.Fatalf("photo not uploaded: %+v", r)
	}
	if r := sync(t, coord); r.PhotosDown != 1 {
		t.Fatalf("photo not downloaded: %+v", r)
	}
	if _, err := os.Stat(coord.PhotoPath(p.Hash, p.Mime)); err != nil {
		t.Fatal(err)
	}
	if err := a.Delete(ctx, store.KindEntry, gone.ID); err != nil {
		t.Fatal(err)
	}
	sync(t, a)
	sync(t, coord)
	if _, err := coord.Entry(ctx, gone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatal("delete did not replicate")
	}
}

// raw sends a request with a token and returns the status and body.
func raw(t *testing.T, method, url, token string, body any) (int, []byte) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func TestSecurity(t *testing.T) {
	w := newWorld(t)
	a, b := w.device(w.a), w.device(w.b)
	e := entry("Milik Sleman")
	a.SaveEntry(ctx, e)
	sync(t, a)
	sa, _ := a.SyncState(ctx)
	sb, _ := b.SyncState(ctx)
	steal, _ := json.Marshal(e)
	cases := []struct {
		name   string
		method string
		path   string
		token  string
		body   any
		status int
	}{
		{"no token", "GET", "/v1/changes", "", nil, 401},
		{"garbage token", "GET", "/v1/changes", "not-a-token", nil, 401},
		{"right device, wrong secret", "GET", "/v1/changes", sa.DeviceID + ".AAAA", nil, 401},
		{"bad cursor", "GET", "/v1/changes?since=-1", sa.Token, nil, 400},
		{"limit too large", "GET", "/v1/changes?limit=100000", sa.Token, nil, 400},
		{"read a sibling office", "GET", "/v1/changes?office=" + w.a.ID, sb.Token, nil, 403},
		{"write a sibling's record", "POST", "/v1/push", sb.Token, syncapi.PushRequest{DeviceID: sb.DeviceID, Schema: 1,
			Ops: []syncapi.Op{{OpID: "x1", Kind: "entry", ID: e.ID, OfficeID: w.b.ID, Op: "upsert", BaseVersion: 1, Data: steal}}}, 403},
		{"write as another office", "POST", "/v1/push", sb.Token, syncapi.PushRequest{DeviceID: sb.DeviceID, Schema: 1,
			Ops: []syncapi.Op{{OpID: "x2", Kind: "entry", ID: data.NewID(), OfficeID: w.a.ID, Op: "upsert", Data: steal}}}, 403},
		{"device id of another device", "POST", "/v1/push", sb.Token, syncapi.PushRequest{DeviceID: sa.DeviceID, Schema: 1}, 403},
		{"malformed body", "POST", "/v1/push", sa.Token, "{not json", 400},
		{"future schema", "POST", "/v1/push", sa.Token, syncapi.PushRequest{DeviceID: sa.DeviceID, Schema: 99}, 400},
		{"oversize body", "POST", "/v1/push", sa.Token, map[string]string{"pad": string(make([]byte, syncapi.MaxBodyBytes+10))}, 413},
		{"reused enrollment code", "POST", "/v1/enroll", "", syncapi.EnrollRequest{Code: "AAAA-BBBB-CCCC-DDDD", Schema: 1}, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := raw(t, c.method, w.srv.URL+c.path, c.token, c.body)
			if status != c.status {
				t.Fatalf("status %d, want %d: %s", status, c.status, body)
			}
			var e syncapi.Error
			if json.Unmarshal(body, &e) != nil || e.Error == "" {
				t.Fatalf("not a JSON error: %s", body)
			}
		})
	}
	// A coordinator reads the offices under it but cannot write them.
	coord := w.device(w.prov)
	sc, _ := coord.SyncState(ctx)
	status, _ := raw(t, "POST", w.srv.URL+"/v1/push", sc.Token, syncapi.PushRequest{DeviceID: sc.DeviceID, Schema: 1,
		Ops: []syncapi.Op{{OpID: "c1", Kind: "entry", ID: e.ID, OfficeID: w.a.ID, Op: "upsert", BaseVersion: 1, Data: steal}}})
	if status != 403 {
		t.Fatalf("coordinator write: %d", status)
	}
	// A revoked device is refused from then on.
	if err := w.st.RevokeDevice(ctx, sa.DeviceID); err != nil {
		t.Fatal(err)
	}
	c, _ := syncclient.New(a, nil)
	_, err := c.Sync(ctx)
	var he *syncclient.HTTPError
	if !errors.As(err, &he) || he.Status != 401 || syncclient.Retryable(err) {
		t.Fatalf("revoked device: %v", err)
	}
}

func TestReplayedPushChangesNothing(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	sa, _ := a.SyncState(ctx)
	mk := func(id, opID string, base int64, title string) syncapi.Op {
		e := entry(title)
		e.ID, e.OfficeID = id, w.a.ID
		b, _ := json.Marshal(e)
		return syncapi.Op{OpID: opID, Kind: "entry", ID: id, OfficeID: w.a.ID, Op: "upsert", BaseVersion: base, Data: b}
	}
	id1, id2 := data.NewID(), data.NewID()
	ops := []syncapi.Op{mk(id1, "o1", 0, "satu"), mk(id2, "o2", 0, "dua"), mk(id1, "o3", 1, "satu diubah")}
	push := func(ops ...syncapi.Op) []syncapi.OpResult {
		status, body := raw(t, "POST", w.srv.URL+"/v1/push", sa.Token, syncapi.PushRequest{DeviceID: sa.DeviceID, Schema: 1, Ops: ops})
		if status != 200 {
			t.Fatalf("push %d: %s", status, body)
		}
		var resp syncapi.PushResponse
		json.Unmarshal(body, &resp)
		return resp.Results
	}
	first := push(ops...)
	for _, r := range first {
		if r.Status != syncapi.StatusApplied {
			t.Fatalf("first push: %+v", first)
		}
	}
	feed := func() []syncapi.Record {
		_, body := raw(t, "GET", w.srv.URL+"/v1/changes?since=0&limit=1000", sa.Token, nil)
		var page syncapi.ChangesResponse
		json.Unmarshal(body, &page)
		return page.Changes
	}
	before := feed()
	// Twice more, and out of order.
	for _, replay := range [][]syncapi.Op{{ops[2], ops[0], ops[1]}, {ops[1], ops[2], ops[0]}} {
		for _, r := range push(replay...) {
			if r.Status != syncapi.StatusDuplicate || r.Original != syncapi.StatusApplied {
				t.Fatalf("replay: %+v", r)
			}
		}
	}
	after := feed()
	if len(after) != len(before) || after[len(after)-1].ServerSeq != before[len(before)-1].ServerSeq {
		t.Fatalf("replays changed the feed: %d → %d records", len(before), len(after))
	}
}

func TestRestoredServerMakesDevicesPullAgain(t *testing.T) {
	w := newWorld(t)
	a, coord := w.device(w.a), w.device(w.prov)
	first := entry("Sebelum cadangan")
	a.SaveEntry(ctx, first)
	sync(t, a)
	sync(t, coord)
	// Pretend the server was restored to a backup taken before later
	// writes: the coordinator's cursor is now past the feed's head.
	cs, _ := coord.SyncState(ctx)
	if err := coord.SetSetting(ctx, "sync_cursor", fmt.Sprint(cs.Cursor+1000)); err != nil {
		t.Fatal(err)
	}
	later := entry("Sesudah pemulihan")
	a.SaveEntry(ctx, later)
	sync(t, a)
	sync(t, coord)
	if _, err := coord.Entry(ctx, later.ID); err != nil {
		t.Fatalf("a device with a cursor past the feed missed new records: %v", err)
	}
}

// TestKindUnknownToAnOlderServerWaits: a device upgraded before its server
// pushes a kind the server does not know yet. The op stays queued (not
// rejected for good), the rest of the queue goes through, and once the
// server knows the kind the op is applied.
func TestKindUnknownToAnOlderServerWaits(t *testing.T) {
	w := newWorld(t)
	a, coord := w.device(w.a), w.device(w.prov)
	all := syncapi.Kinds
	var older []string
	for _, k := range all {
		if k != syncapi.KindHoax {
			older = append(older, k)
		}
	}
	syncapi.Kinds = older
	defer func() { syncapi.Kinds = all }()

	h := &data.Hoax{Claim: "Pesan berantai: pendaftaran pemilih berbayar", Platform: "whatsapp", FoundAt: time.Now().Add(-time.Hour)}
	if err := a.SaveHoax(ctx, h); err != nil {
		t.Fatal(err)
	}
	e := entry("Tetap terkirim")
	a.SaveEntry(ctx, e)
	rep := sync(t, a)
	if rep.Deferred != 1 || rep.Rejected != 0 || rep.Applied < 1 {
		t.Fatalf("older server: %+v", rep)
	}
	if n, _ := a.PendingChanges(ctx); n != 1 {
		t.Fatalf("%d pending, want the hoax case still queued", n)
	}
	if rejected, _ := a.RejectedChanges(ctx); len(rejected) != 0 {
		t.Fatalf("marked rejected for good: %+v", rejected)
	}

	syncapi.Kinds = all // the server is upgraded
	if rep := sync(t, a); rep.Applied != 1 {
		t.Fatalf("after the upgrade: %+v", rep)
	}
	sync(t, coord)
	if got, err := coord.Hoax(ctx, h.ID); err != nil || got.Claim != h.Claim {
		t.Fatalf("hoax case did not arrive after the upgrade: %v", err)
	}
}

// TestUnstorableRecordDoesNotStopTheFeed: the feed holds an entry the app
// cannot store (no end date) — stored before the server validated pushes,
// since it refuses such a push now. Other devices set it aside, list it,
// and go on receiving everything after it.
func TestUnstorableRecordDoesNotStopTheFeed(t *testing.T) {
	w := newWorld(t)
	a, coord := w.device(w.a), w.device(w.prov)
	sa, _ := a.SyncState(ctx)
	bad := data.NewID()
	body := fmt.Sprintf(`{"id":%q,"office_id":%q,"title":"Rusak","activity_type":"sosialisasi","strategy":4,"start_date":"2024-05-01"}`, bad, w.a.ID)
	op := syncapi.Op{OpID: "bad-1", Kind: "entry", ID: bad, OfficeID: w.a.ID, Op: "upsert", Data: json.RawMessage(body)}
	status, out := raw(t, "POST", w.srv.URL+"/v1/push", sa.Token, syncapi.PushRequest{DeviceID: sa.DeviceID, Schema: 1, Ops: []syncapi.Op{op}})
	if status != 200 || !strings.Contains(string(out), `"rejected"`) || !strings.Contains(string(out), "end_date") {
		t.Fatalf("push of an entry without an end date: %d %s", status, out)
	}
	if err := server.StoreUnchecked(w.st, op); err != nil { // as an older server did
		t.Fatal(err)
	}
	good := entry("Sesudah data rusak")
	a.SaveEntry(ctx, good)
	sync(t, a)

	sync(t, coord) // must not fail
	if _, err := coord.Entry(ctx, good.ID); err != nil {
		t.Fatalf("the record after the bad one did not arrive: %v", err)
	}
	skipped, _ := coord.SkippedChanges(ctx)
	if len(skipped) != 1 || skipped[0].ID != bad || !strings.Contains(skipped[0].Reason, "end_date") {
		t.Fatalf("skipped: %+v", skipped)
	}
	// A retry pulls it again (and, the app being the same, sets it aside again).
	if err := coord.RetrySkipped(ctx); err != nil {
		t.Fatal(err)
	}
	sync(t, coord)
	if again, _ := coord.SkippedChanges(ctx); len(again) != 1 {
		t.Fatalf("after retry: %+v", again)
	}
}

// TestReenrollAfterRevocation: a device whose token was revoked gets a new
// code for the same office and carries on with its queue; a code for
// another office is refused.
func TestReenrollAfterRevocation(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	sa, _ := a.SyncState(ctx)
	if err := w.st.RevokeDevice(ctx, sa.DeviceID); err != nil {
		t.Fatal(err)
	}
	waiting := entry("Menunggu selama token dicabut")
	a.SaveEntry(ctx, waiting)
	code, _, _ := w.st.NewEnrollment(ctx, w.a.ID, server.EnrollmentTTL)
	if _, err := syncclient.Enroll(ctx, a, nil, w.srv.URL, code, "laptop baru"); err != nil {
		t.Fatalf("re-enrolling the same office: %v", err)
	}
	if rep := sync(t, a); rep.Applied != 1 {
		t.Fatalf("queue after re-enrolling: %+v", rep)
	}
	other, _, _ := w.st.NewEnrollment(ctx, w.b.ID, server.EnrollmentTTL)
	if _, err := syncclient.Enroll(ctx, a, nil, w.srv.URL, other, "x"); !errors.Is(err, store.ErrAlreadyEnrolled) {
		t.Fatalf("enrolled for a second office: %v", err)
	}
}

// TestResolvingALockedDraftWaitsForARevision: a conflict on a draft under
// review cannot be settled by rewriting it behind the reviewer's back.
func TestResolvingALockedDraftWaitsForARevision(t *testing.T) {
	w := newWorld(t)
	a1, a2 := w.device(w.a), w.device(w.a)
	for _, ls := range []*store.Store{a1, a2} {
		if err := ls.SetLocalUser(ctx, data.User{Name: "Rina", Role: "keduanya"}); err != nil {
			t.Fatal(err)
		}
	}
	d := &data.Draft{Title: "Siaran pers", Kind: "siaran_pers", Body: "awal"}
	a1.SaveDraft(ctx, d)
	sync(t, a1)
	sync(t, a2)
	d1, _ := a1.Draft(ctx, d.ID)
	d2, _ := a2.Draft(ctx, d.ID)
	d1.Body, d2.Body = "satu", "dua"
	a1.SaveDraft(ctx, d1)
	a2.SaveDraft(ctx, d2)
	sync(t, a1)
	if _, err := a1.Submit(ctx, d.ID, "mohon diperiksa", 0, ""); err != nil {
		t.Fatal(err)
	}
	sync(t, a1)
	sync(t, a2) // conflict; a2 adopts the submitted draft
	cs, _ := a2.Conflicts(ctx)
	if len(cs) != 1 {
		t.Fatalf("conflicts: %+v", cs)
	}
	if err := a2.ResolveConflict(ctx, cs[0].ID, data.KeepMine, nil); err == nil || !strings.Contains(err.Error(), "terkunci") {
		t.Fatalf("resolved over a submitted draft: %v", err)
	}
	if got, _ := a2.Draft(ctx, d.ID); got.Body != "satu" || got.Status != data.StatusSubmitted {
		t.Fatalf("draft changed: %+v", got)
	}
	if err := a2.ResolveConflict(ctx, cs[0].ID, data.KeepTheirs, nil); err != nil {
		t.Fatalf("keeping the server's side must always work: %v", err)
	}
}
