package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/server"
)

// TestConvergence is the property test of sync. Four real devices — A1 and
// A2 of office A, B1 of its sibling B, and P1, the coordinator of their
// province P — talk to a real server on a loopback port. A seeded random
// program creates, edits and deletes agencies, drafts and entries on a
// random device of each record's own office, makes A1 and A2 edit the same
// draft concurrently, syncs random devices (sometimes with an edit made in
// the middle of the round, between its push and its pull, so that the pull
// meets a queued change), and resolves conflicts (mine or theirs). A model
// that knows only the protocol's rules (DESIGN.md: an op applies when its
// base version is the server's, otherwise it becomes a conflict record; a
// device's never-sent changes to one record go as one op on the first
// one's base) predicts every round's counts, every conflict record and the
// server's state, and is checked against them after every round. After a final "everyone syncs until a full pass moves nothing":
//
//   - every replica equals the server for exactly what its office may read
//     (version, server_seq, tombstone, content), and the model;
//   - A's devices hold none of B's or P's records; P1 holds all of A's and B's;
//   - every record a device created is on the server exactly once (deleted
//     or not); the server holds no record nobody created; outboxes are empty;
//   - every concurrent pair of draft edits produced exactly one applied write
//     and exactly one conflict record, and every conflict record on the
//     server is one the model predicted (same record, base version, device,
//     losing side and winning side).
//
// Defaults: seeds 1–30 × 40 steps (8 seeds with -short). HUMASDESK_CONV_SEED
// (the first seed; alone it replays one failure), HUMASDESK_CONV_SEEDS (how
// many) and HUMASDESK_CONV_STEPS change that.
func TestConvergence(t *testing.T) {
	seeds, steps := 30, 40
	if testing.Short() {
		seeds = 8
	}
	first := uint64(1)
	if s := os.Getenv("HUMASDESK_CONV_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("HUMASDESK_CONV_SEED: %v", err)
		}
		first, seeds = n, 1
	}
	seeds = envInt(t, "HUMASDESK_CONV_SEEDS", seeds)
	steps = envInt(t, "HUMASDESK_CONV_STEPS", steps)
	for seed := first; seed < first+uint64(seeds); seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			m := newConvModel(t, seed)
			defer func() {
				if t.Failed() {
					t.Logf("replay with: HUMASDESK_CONV_SEED=%d HUMASDESK_CONV_STEPS=%d go test ./server -run 'TestConvergence$' -v\nlast steps:\n%s",
						seed, steps, strings.Join(m.trace[max(0, len(m.trace)-25):], "\n"))
				}
			}()
			for step := 0; step < steps && !t.Failed(); step++ {
				m.step = step
				m.randomStep()
			}
			if !t.Failed() {
				m.quiesce()
			}
			if !t.Failed() {
				m.checkFinal()
			}
		})
	}
}

func envInt(t *testing.T, key string, def int) int {
	s := os.Getenv(key)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive integer", key, s)
	}
	return n
}

// cvRec is a record as the model's server holds it.
type cvRec struct {
	kind, office string
	version      int64
	deleted      bool
	content      string
}

// cvPend is a device's not-yet-pushed change to one record: the base
// version of its first edit, the state of its last.
type cvPend struct {
	kind    string
	base    int64
	deleted bool
	content string
}

// cvConflict is a conflict the model predicts: the losing op and the
// server's record it lost against.
type cvConflict struct {
	target, targetKind, op, device string
	base, serverVersion            int64
	mine, theirs                   string
	theirsDeleted                  bool
}

type cvDev struct {
	name    string
	ls      *store.Store
	office  string
	devID   string
	known   map[string]cvRec // d's rows as the server last gave them (its last round)
	pend    map[string]*cvPend
	pendIDs []string // pend's keys in order
}

type cvPair struct {
	draft string
	base  int64
}

type cvModel struct {
	t     *testing.T
	seed  uint64
	step  int
	rng   *rand.Rand
	w     *world
	trace []string

	a1, a2, b1, p1 *cvDev
	devs           []*cvDev
	tree           map[string][]string // office → offices it reads

	srv       map[string]*cvRec
	order     []string // every record id the model knows, in the order it learned them
	created   []string // ids of records created on devices
	conflicts map[string]cvConflict
	pairs     []cvPair
	outcomes  map[cvPair][2]int // (record, base) → applied, conflicted
	counter   int
}

func newConvModel(t *testing.T, seed uint64) *cvModel {
	w := newWorld(t)
	m := &cvModel{t: t, seed: seed, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), w: w,
		srv: map[string]*cvRec{}, conflicts: map[string]cvConflict{}, outcomes: map[cvPair][2]int{}}
	m.tree = map[string][]string{w.prov.ID: {w.prov.ID, w.a.ID, w.b.ID}, w.a.ID: {w.a.ID}, w.b.ID: {w.b.ID}}
	for _, o := range []*server.Office{w.prov, w.a, w.b} {
		m.learn(o.ID, &cvRec{kind: syncapi.KindOffice, office: o.ID, version: 1, content: o.Name})
	}
	mk := func(name string, o *server.Office) *cvDev {
		ls := w.device(o)
		ls.SetUser(name)
		s, err := ls.SyncState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d := &cvDev{name: name, ls: ls, office: o.ID, devID: s.DeviceID, pend: map[string]*cvPend{},
			known: map[string]cvRec{o.ID: *m.srv[o.ID]}}
		m.devs = append(m.devs, d)
		return d
	}
	m.a1, m.a2, m.b1, m.p1 = mk("A1", w.a), mk("A2", w.a), mk("B1", w.b), mk("P1", w.prov)
	return m
}

func (m *cvModel) fatalf(format string, args ...any) {
	m.t.Helper()
	m.t.Fatalf("seed %d step %d: %s", m.seed, m.step, fmt.Sprintf(format, args...))
}

func (m *cvModel) logf(format string, args ...any) {
	m.trace = append(m.trace, fmt.Sprintf("  %2d  ", m.step)+fmt.Sprintf(format, args...))
}

func (m *cvModel) learn(id string, r *cvRec) {
	if _, ok := m.srv[id]; ok {
		m.fatalf("model learned %s twice", id)
	}
	m.srv[id] = r
	m.order = append(m.order, id)
}

func (m *cvModel) reads(d *cvDev, office string) bool {
	return slices.Contains(m.tree[d.office], office)
}

// view is the record as device d shows it now: its own queued change, or
// what it last pulled.
func (d *cvDev) view(id string) (cvRec, bool) {
	if p, ok := d.pend[id]; ok {
		return cvRec{kind: p.kind, office: d.office, deleted: p.deleted, content: p.content}, true
	}
	r, ok := d.known[id]
	return r, ok
}

// queue records a local change in the model, squashed onto an earlier
// unsent one of the same record.
func (d *cvDev) queue(id, kind string, deleted bool, content string) {
	if p, ok := d.pend[id]; ok {
		p.deleted, p.content = deleted, content
		return
	}
	base := int64(0)
	if r, ok := d.known[id]; ok {
		base = r.version
	}
	d.pend[id] = &cvPend{kind: kind, base: base, deleted: deleted, content: content}
	d.pendIDs = append(d.pendIDs, id)
}

// editable lists the live records of the given kinds that d may write.
func (m *cvModel) editable(d *cvDev, kinds ...string) []string {
	var out []string
	for _, id := range m.order {
		if v, ok := d.view(id); ok && !v.deleted && v.office == d.office && slices.Contains(kinds, v.kind) {
			out = append(out, id)
		}
	}
	return out
}

func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

var editableKinds = []string{syncapi.KindAgency, syncapi.KindDraft, syncapi.KindEntry}

func (m *cvModel) randomStep() {
	switch r := m.rng.IntN(100); {
	case r < 20:
		m.create(pick(m.rng, m.devs), pick(m.rng, editableKinds))
	case r < 42:
		m.edit(pick(m.rng, m.devs), false)
	case r < 50:
		m.edit(pick(m.rng, m.devs), true)
	case r < 58:
		m.concurrentDraftEdit()
	case r < 82:
		m.sync(pick(m.rng, m.devs))
	case r < 90:
		m.syncRound(pick(m.rng, m.devs), true)
	default:
		m.resolve(pick(m.rng, []*cvDev{m.a1, m.a2}))
	}
}

func (m *cvModel) content(d *cvDev) string {
	m.counter++
	return fmt.Sprintf("%s-%d-%d", d.name, m.seed, m.counter)
}

func (m *cvModel) create(d *cvDev, kind string) string {
	c := m.content(d)
	var rec data.Record
	var err error
	switch kind {
	case syncapi.KindAgency:
		a := &data.Agency{Name: c, Kind: "kpu"}
		rec, err = a, d.ls.SaveAgency(ctx, a)
	case syncapi.KindDraft:
		dr := &data.Draft{Title: c, Body: "isi " + c, Kind: "siaran_pers"}
		rec, err = dr, d.ls.SaveDraft(ctx, dr)
	case syncapi.KindEntry:
		e := entry(c)
		e.Notes = "catatan " + c
		rec, err = e, d.ls.SaveEntry(ctx, e)
	}
	if err != nil {
		m.fatalf("%s: create %s: %v", d.name, kind, err)
	}
	id := rec.RecordMeta().ID
	m.logf("%s creates %s %s %q", d.name, kind, short(id), c)
	m.created = append(m.created, id)
	m.order = append(m.order, id) // the model's server learns it on push
	d.queue(id, kind, false, contentOf(rec))
	return id
}

// load reads the device's live record and checks it against the model.
func (m *cvModel) load(d *cvDev, id string) data.Record {
	v, _ := d.view(id)
	var rec data.Record
	var err error
	switch v.kind {
	case syncapi.KindAgency:
		rec, err = d.ls.Agency(ctx, id)
	case syncapi.KindDraft:
		rec, err = d.ls.Draft(ctx, id)
	case syncapi.KindEntry:
		rec, err = d.ls.Entry(ctx, id)
	}
	if err != nil {
		m.fatalf("%s: %s %s should be live: %v", d.name, v.kind, short(id), err)
	}
	if got := contentOf(rec); got != v.content {
		m.fatalf("%s: %s %s holds %q, model says %q", d.name, v.kind, short(id), got, v.content)
	}
	if r, ok := d.known[id]; ok && rec.RecordMeta().Version != r.version {
		m.fatalf("%s: %s %s at version %d, last pulled %d", d.name, v.kind, short(id), rec.RecordMeta().Version, r.version)
	}
	return rec
}

func (m *cvModel) edit(d *cvDev, del bool) {
	ids := m.editable(d, editableKinds...)
	if len(ids) == 0 {
		m.create(d, pick(m.rng, editableKinds))
		return
	}
	m.editRecord(d, pick(m.rng, ids), del)
}

func (m *cvModel) editRecord(d *cvDev, id string, del bool) {
	rec := m.load(d, id)
	kind := rec.RecordKind()
	if del {
		if err := d.ls.Delete(ctx, store.Kind(kind), id); err != nil {
			m.fatalf("%s: delete %s %s: %v", d.name, kind, short(id), err)
		}
		m.logf("%s deletes %s %s", d.name, kind, short(id))
		d.queue(id, kind, true, contentOf(rec))
		return
	}
	c := m.content(d)
	var err error
	switch r := rec.(type) {
	case *data.Agency:
		r.Name = c
		err = d.ls.SaveAgency(ctx, r)
	case *data.Draft:
		r.Title, r.Body = c, "isi "+c
		err = d.ls.SaveDraft(ctx, r)
	case *data.Entry:
		r.Title, r.Notes = c, "catatan "+c
		err = d.ls.SaveEntry(ctx, r)
	}
	if err != nil {
		m.fatalf("%s: edit %s %s: %v", d.name, kind, short(id), err)
	}
	m.logf("%s edits %s %s → %q", d.name, kind, short(id), c)
	d.queue(id, kind, false, contentOf(rec))
}

// concurrentDraftEdit brings A1 and A2 to the server's state, then edits
// one draft on both: a pair whose two ops share one base version, so that
// exactly one must apply and the other become a conflict.
func (m *cvModel) concurrentDraftEdit() {
	m.sync(m.a1)
	m.sync(m.a2)
	m.sync(m.a1)
	ids := m.editable(m.a1, syncapi.KindDraft)
	if len(ids) == 0 {
		ids = []string{m.create(m.a1, syncapi.KindDraft)}
		m.sync(m.a1)
		m.sync(m.a2)
	}
	id := pick(m.rng, ids)
	r1, ok1 := m.a1.view(id)
	r2, ok2 := m.a2.view(id)
	if !ok1 || !ok2 || r1 != r2 || r1.deleted || m.a1.pend[id] != nil || m.a2.pend[id] != nil {
		m.fatalf("pair precondition: A1 %v %v, A2 %v %v", r1, ok1, r2, ok2)
	}
	m.logf("pair on draft %s at v%d", short(id), r1.version)
	m.pairs = append(m.pairs, cvPair{id, r1.version})
	first, second := m.a1, m.a2
	if m.rng.IntN(2) == 0 {
		first, second = second, first
	}
	m.editRecord(first, id, false)
	m.editRecord(second, id, m.rng.IntN(5) == 0) // sometimes a delete against the edit
}

// sync runs a real round on d and the model's round beside it, and checks
// that they agree: the counts of the round, the conflict records the
// server made, and afterwards d's whole replica.
func (m *cvModel) sync(d *cvDev) (moved int) { return m.syncRound(d, false) }

// syncRound is sync; with midEdit the user also edits on d in the middle
// of the round — after the push, before the pull — so that the pull meets
// a record with a change queued (it must leave it alone) and the next push
// carries a base version older than what the pull saw.
func (m *cvModel) syncRound(d *cvDev, midEdit bool) (moved int) {
	m.t.Helper()
	var applied, conflicts int
	var predicted []cvConflict
	after := map[string]cvRec{} // d's rows once the push is answered
	for id, r := range d.known {
		after[id] = r
	}
	for _, id := range d.pendIDs {
		p := d.pend[id]
		key := cvPair{id, p.base}
		o := m.outcomes[key]
		s := m.srv[id]
		switch {
		case s == nil && p.base == 0:
			m.learnCreated(id, &cvRec{kind: p.kind, office: d.office, version: 1, deleted: p.deleted, content: p.content})
			applied++
			o[0]++
		case s != nil && s.version == p.base:
			s.version++
			s.deleted, s.content = p.deleted, p.content
			applied++
			o[0]++
		case s != nil:
			op := syncapi.OpUpsert
			if p.deleted {
				op = syncapi.OpDelete
			}
			predicted = append(predicted, cvConflict{target: id, targetKind: p.kind, op: op, device: d.devID, base: p.base,
				serverVersion: s.version, mine: p.content, theirs: s.content, theirsDeleted: s.deleted})
			conflicts++
			o[1]++
		default:
			m.fatalf("model: %s queued %s on base %d, unknown to the server", d.name, short(id), p.base)
		}
		m.outcomes[key] = o
		after[id] = *m.srv[id] // applied, or the server's current record adopted
	}
	pushed := len(d.pendIDs)
	d.known, d.pend, d.pendIDs = after, map[string]*cvPend{}, nil

	var hc *http.Client
	if midEdit {
		hc = &http.Client{Transport: &beforePull{base: http.DefaultTransport, hook: func() {
			m.logf("%s: edit in the middle of the round:", d.name)
			switch r := m.rng.IntN(10); {
			case r < 2:
				m.create(d, pick(m.rng, editableKinds))
			default:
				m.edit(d, r == 2)
			}
		}}}
	}
	rep, err := syncVia(d.ls, hc)
	if err != nil {
		m.fatalf("%s: sync: %v", d.name, err)
	}
	m.logf("%s syncs: %s", d.name, rep)
	if rep.Pushed != pushed || rep.Applied != applied || rep.Conflicts != conflicts || rep.Rejected != 0 {
		m.fatalf("%s: round %+v, model: pushed %d applied %d conflicts %d", d.name, rep, pushed, applied, conflicts)
	}
	m.matchConflicts(predicted)
	known := map[string]cvRec{}
	for id, r := range m.srv {
		if m.reads(d, r.office) {
			known[id] = *r
		}
	}
	for id := range d.pend { // the pull leaves a record with a queued change as it was
		if r, ok := d.known[id]; ok {
			known[id] = r
		} else {
			delete(known, id)
		}
	}
	d.known = known
	m.checkReplica(d)
	return rep.Pushed + rep.Pulled
}

// beforePull runs hook once, just before the round's first pull request.
type beforePull struct {
	base http.RoundTripper
	hook func()
	done bool
}

func (b *beforePull) RoundTrip(req *http.Request) (*http.Response, error) {
	if !b.done && req.Method == http.MethodGet && req.URL.Path == "/v1/changes" {
		b.done = true
		b.hook()
	}
	return b.base.RoundTrip(req)
}

func (m *cvModel) learnCreated(id string, r *cvRec) {
	if _, ok := m.srv[id]; ok {
		m.fatalf("model: %s created twice", id)
	}
	m.srv[id] = r // already in m.order since its creation
}

// matchConflicts pairs the conflict records the server has just made
// with the model's predictions, one for one.
func (m *cvModel) matchConflicts(predicted []cvConflict) {
	var fresh []recView
	var freshIDs []string
	all := m.serverAll()
	for _, id := range sortedKeys(all) {
		v := all[id]
		if v.Kind != syncapi.KindConflict {
			continue
		}
		if _, known := m.conflicts[id]; !known {
			fresh, freshIDs = append(fresh, v), append(freshIDs, id)
		}
	}
	if len(fresh) != len(predicted) {
		m.fatalf("server made %d conflict records, model predicts %d: %v / %+v", len(fresh), len(predicted), fresh, predicted)
	}
	raw := m.rawConflicts(freshIDs)
	for _, p := range predicted {
		found := -1
		for i, c := range raw {
			if c != nil && c.TargetID == p.target && c.TargetKind == p.targetKind && c.Op == p.op && c.DeviceID == p.device &&
				c.BaseVersion == p.base && c.ServerVersion == p.serverVersion && c.TheirsDeleted == p.theirsDeleted &&
				m.dataContent(p.targetKind, c.Mine) == p.mine && m.dataContent(p.targetKind, c.Theirs) == p.theirs && !c.Resolved {
				found = i
				break
			}
		}
		if found < 0 {
			m.fatalf("no conflict record matches the predicted %+v among %v", p, raw)
		}
		id := freshIDs[found]
		raw[found] = nil
		m.conflicts[id] = p
		m.logf("conflict %s on %s %s (base %d, server %d)", short(id), p.targetKind, short(p.target), p.base, p.serverVersion)
		m.learn(id, &cvRec{kind: syncapi.KindConflict, office: m.srv[p.target].office, version: 1,
			content: conflictContent(p.target, p.op, false, "")})
	}
}

func (m *cvModel) rawConflicts(ids []string) []*data.Conflict {
	page, err := m.w.st.Changes(ctx, &server.Device{OfficeID: m.w.prov.ID}, 0, 1<<30)
	if err != nil {
		m.fatalf("%v", err)
	}
	byID := map[string]syncapi.Record{}
	for _, r := range page.Changes {
		byID[r.ID] = r
	}
	out := make([]*data.Conflict, len(ids))
	for i, id := range ids {
		var c data.Conflict
		if err := json.Unmarshal(byID[id].Data, &c); err != nil {
			m.fatalf("conflict %s: %v", id, err)
		}
		out[i] = &c
	}
	return out
}

func (m *cvModel) dataContent(kind string, raw []byte) string {
	rec := newOfKind(kind)
	if rec == nil || json.Unmarshal(raw, rec) != nil {
		return "<unreadable>"
	}
	return contentOf(rec)
}

func (m *cvModel) serverAll() map[string]recView { return serverView(m.t, m.w.st, m.w.prov.ID) }

// expected is what device d holds after a round: the model's server cut
// to d's reading scope, except records with a change queued, which hold
// the change on the version d last had.
func (m *cvModel) expected(d *cvDev) map[string]recView {
	out := map[string]recView{}
	for id, r := range d.known {
		out[id] = recView{Kind: r.kind, OfficeID: r.office, Version: r.version, Deleted: r.deleted, Content: r.content}
	}
	for id, p := range d.pend {
		out[id] = recView{Kind: p.kind, OfficeID: d.office, Version: d.known[id].version, Deleted: p.deleted, Content: p.content}
	}
	return out
}

// checkReplica compares d's replica with the model (server_seq aside,
// which the model does not predict) and, queued records aside, with the
// real server.
func (m *cvModel) checkReplica(d *cvDev) {
	m.t.Helper()
	got := replicaView(m.t, d.ls)
	noSeq := map[string]recView{}
	for id, v := range got {
		v.ServerSeq = 0
		noSeq[id] = v
	}
	if diff := diffViews(m.expected(d), noSeq); len(diff) > 0 {
		m.fatalf("%s differs from the model (%d):\n%s", d.name, len(diff), strings.Join(first(diff, 15), "\n"))
	}
	srv := serverView(m.t, m.w.st, d.office)
	for id := range d.pend {
		delete(srv, id)
		delete(got, id)
	}
	if diff := diffViews(srv, got); len(diff) > 0 {
		m.fatalf("%s differs from the server (%d):\n%s", d.name, len(diff), strings.Join(first(diff, 15), "\n"))
	}
}

// resolve settles one of the conflicts d shows, mine or theirs, checking
// first that d shows exactly the open conflicts the model expects.
func (m *cvModel) resolve(d *cvDev) {
	open, err := d.ls.Conflicts(ctx)
	if err != nil {
		m.fatalf("%v", err)
	}
	var gotIDs, wantIDs []string
	for _, c := range open {
		gotIDs = append(gotIDs, c.ID)
	}
	for _, id := range m.order {
		if v, ok := d.view(id); ok && v.kind == syncapi.KindConflict && v.office == d.office && !v.deleted &&
			strings.HasSuffix(v.content, "|false|") {
			wantIDs = append(wantIDs, id)
		}
	}
	slices.Sort(gotIDs)
	slices.Sort(wantIDs)
	if !slices.Equal(gotIDs, wantIDs) {
		m.fatalf("%s shows open conflicts %v, model %v", d.name, gotIDs, wantIDs)
	}
	if len(wantIDs) == 0 {
		m.sync(d)
		return
	}
	// Pick in the model's order, so that a seed replays the same program.
	var candidates []string
	for _, id := range m.order {
		if slices.Contains(wantIDs, id) {
			candidates = append(candidates, id)
		}
	}
	id := pick(m.rng, candidates)
	info := m.conflicts[id]
	resolution := pick(m.rng, []string{data.KeepMine, data.KeepTheirs})
	if err := d.ls.ResolveConflict(ctx, id, resolution, nil); err != nil {
		m.fatalf("%s: resolve %s %s: %v", d.name, short(id), resolution, err)
	}
	m.logf("%s resolves %s on %s %s: %s", d.name, short(id), info.targetKind, short(info.target), resolution)
	if resolution == data.KeepMine {
		d.queue(info.target, info.targetKind, info.op == syncapi.OpDelete, info.mine)
	}
	d.queue(id, syncapi.KindConflict, false, conflictContent(info.target, info.op, true, resolution))
}

// quiesce syncs every device, pass after pass, until a whole pass moves
// nothing (nothing pushed, nothing pulled).
func (m *cvModel) quiesce() {
	m.step = -1
	for pass := 1; ; pass++ {
		moved := 0
		for _, d := range m.devs {
			moved += m.sync(d)
		}
		if moved == 0 {
			return
		}
		if pass == 5 {
			m.fatalf("still moving after %d passes", pass)
		}
	}
}

func (m *cvModel) checkFinal() {
	t := m.t
	all := m.serverAll()
	// The model's server is the real one.
	want := map[string]recView{}
	for id, r := range m.srv {
		want[id] = recView{Kind: r.kind, OfficeID: r.office, Version: r.version, Deleted: r.deleted, Content: r.content}
	}
	noSeq := map[string]recView{}
	for id, v := range all {
		v.ServerSeq = 0
		noSeq[id] = v
	}
	if diff := diffViews(want, noSeq); len(diff) > 0 {
		m.fatalf("server differs from the model (%d):\n%s", len(diff), strings.Join(first(diff, 15), "\n"))
	}
	// Nothing lost, nothing doubled: every created record once, and no
	// record of a shared kind that nobody created.
	created := map[string]bool{}
	for _, id := range m.created {
		if created[id] {
			m.fatalf("a device handed out id %s twice", id)
		}
		created[id] = true
		if _, ok := all[id]; !ok {
			m.fatalf("created record %s is not on the server", id)
		}
	}
	for id, v := range all {
		switch v.Kind {
		case syncapi.KindOffice:
		case syncapi.KindConflict:
			if _, ok := m.conflicts[id]; !ok {
				m.fatalf("conflict record %s was never predicted", id)
			}
		default:
			if !created[id] {
				m.fatalf("server holds %s %s that no device created (a duplicate?)", v.Kind, id)
			}
		}
	}
	// Every replica equals the server for what it may read; the scopes.
	for _, d := range m.devs {
		assertReplicaEqualsServer(t, d.name, d.ls, m.w.st)
		if n, _ := d.ls.PendingChanges(ctx); n != 0 {
			t.Errorf("%s: %d changes pending", d.name, n)
		}
		got := replicaView(t, d.ls)
		for id, v := range got {
			if !m.reads(d, v.OfficeID) {
				t.Errorf("%s (office %s) holds %s of office %s", d.name, short(d.office), id, short(v.OfficeID))
			}
		}
		for id, v := range all {
			if _, ok := got[id]; m.reads(d, v.OfficeID) && !ok {
				t.Errorf("%s lacks %s %s of office %s", d.name, v.Kind, id, short(v.OfficeID))
			}
		}
	}
	// Each concurrent pair: one winner, one conflict record.
	for _, p := range m.pairs {
		if o := m.outcomes[p]; o != [2]int{1, 1} {
			t.Errorf("pair on draft %s at v%d: %d applied, %d conflicts (want 1, 1)", p.draft, p.base, o[0], o[1])
		}
		n := 0
		for _, c := range m.conflicts {
			if c.target == p.draft && c.base == p.base {
				n++
			}
		}
		if n != 1 {
			t.Errorf("pair on draft %s at v%d: %d conflict records", p.draft, p.base, n)
		}
	}
	if t.Failed() {
		t.Logf("seed %d failed", m.seed)
	}
	kinds := countKinds(all)
	meta, deletes := 0, 0
	for _, c := range m.conflicts {
		if c.targetKind == syncapi.KindConflict {
			meta++
		}
		if c.op == syncapi.OpDelete || c.theirsDeleted {
			deletes++
		}
	}
	t.Logf("seed %d: %d records on the server %v, %d concurrent pairs, %d conflicts (%d over a conflict record, %d with a delete)",
		m.seed, len(all), kinds, len(m.pairs), len(m.conflicts), meta, deletes)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
