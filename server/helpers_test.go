package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// Helpers shared by the convergence, idempotency, fault and fuzz tests.
// (The original end-to-end helpers — world, newWorld, device, sync, entry,
// raw — stay in e2e_test.go.)

// recView is what the tests compare of a record: the sync envelope and
// the content fields the generators write.
type recView struct {
	Kind      string
	OfficeID  string
	Version   int64
	ServerSeq int64
	Deleted   bool
	Content   string
}

func (v recView) String() string {
	return fmt.Sprintf("%s office=%s v%d seq=%d deleted=%v %q", v.Kind, short(v.OfficeID), v.Version, v.ServerSeq, v.Deleted, v.Content)
}

func short(id string) string {
	if len(id) > 8 {
		return id[len(id)-8:]
	}
	return id
}

// contentOf is the content the tests write into each kind of record.
func contentOf(r data.Record) string {
	switch r := r.(type) {
	case *data.Office:
		return r.Name
	case *data.Agency:
		return r.Name
	case *data.Draft:
		return r.Title + "|" + r.Body
	case *data.Entry:
		return r.Title + "|" + r.Notes
	case *data.Photo:
		return r.Hash
	case *data.Conflict:
		return conflictContent(r.TargetID, r.Op, r.Resolved, r.Resolution)
	}
	panic(fmt.Sprintf("contentOf %T", r))
}

func conflictContent(target, op string, resolved bool, resolution string) string {
	return fmt.Sprintf("%s|%s|%v|%s", target, op, resolved, resolution)
}

func newOfKind(kind string) data.Record {
	switch kind {
	case syncapi.KindOffice:
		return &data.Office{}
	case syncapi.KindAgency:
		return &data.Agency{}
	case syncapi.KindDraft:
		return &data.Draft{}
	case syncapi.KindEntry:
		return &data.Entry{}
	case syncapi.KindPhoto:
		return &data.Photo{}
	case syncapi.KindConflict:
		return &data.Conflict{}
	}
	return nil
}

// viewOfWire decodes a record of the feed.
func viewOfWire(r syncapi.Record) (recView, error) {
	v := recView{Kind: r.Kind, OfficeID: r.OfficeID, Version: r.Version, ServerSeq: r.ServerSeq, Deleted: r.Deleted}
	rec := newOfKind(r.Kind)
	if rec == nil {
		return v, fmt.Errorf("unknown kind %q", r.Kind)
	}
	if err := json.Unmarshal(r.Data, rec); err != nil {
		return v, fmt.Errorf("%s %s: %w", r.Kind, r.ID, err)
	}
	v.Content = contentOf(rec)
	return v, nil
}

// serverView is every record the server lets a device of officeID read,
// read from the server's store (not through a client).
func serverView(t testing.TB, st *server.Store, officeID string) map[string]recView {
	t.Helper()
	page, err := st.Changes(ctx, &server.Device{OfficeID: officeID}, 0, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if page.More {
		t.Fatal("server view truncated")
	}
	out := make(map[string]recView, len(page.Changes))
	for _, r := range page.Changes {
		if _, dup := out[r.ID]; dup {
			t.Fatalf("the feed holds %s twice", r.ID)
		}
		v, err := viewOfWire(r)
		if err != nil {
			t.Fatal(err)
		}
		out[r.ID] = v
	}
	return out
}

// localTables are the synced tables of a device database.
var localTables = []struct {
	table, kind string
	rows        func(db *gorm.DB) ([]data.Record, error)
}{
	{"offices", syncapi.KindOffice, rowsOf[data.Office]},
	{"agencies", syncapi.KindAgency, rowsOf[data.Agency]},
	{"drafts", syncapi.KindDraft, rowsOf[data.Draft]},
	{"entries", syncapi.KindEntry, rowsOf[data.Entry]},
	{"photos", syncapi.KindPhoto, rowsOf[data.Photo]},
	{"conflicts", syncapi.KindConflict, rowsOf[data.Conflict]},
}

func rowsOf[T any, P interface {
	*T
	data.Record
}](db *gorm.DB) ([]data.Record, error) {
	var rows []T
	if err := db.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]data.Record, len(rows))
	for i := range rows {
		out[i] = P(&rows[i])
	}
	return out, nil
}

// replicaView is every record of a device database, tombstones included,
// read with a separate read-only connection.
func replicaView(t testing.TB, ls *store.Store) map[string]recView {
	t.Helper()
	db := openReadOnly(t, ls.Path())
	out := map[string]recView{}
	for _, tb := range localTables {
		recs, err := tb.rows(db.Table(tb.table))
		if err != nil {
			t.Fatalf("reading %s: %v", tb.table, err)
		}
		for _, r := range recs {
			m := r.RecordMeta()
			if prev, dup := out[m.ID]; dup {
				t.Fatalf("replica holds %s twice (%s and %s)", m.ID, prev.Kind, tb.kind)
			}
			out[m.ID] = recView{Kind: tb.kind, OfficeID: m.OfficeID, Version: m.Version, ServerSeq: m.ServerSeq,
				Deleted: m.Deleted, Content: contentOf(r)}
		}
	}
	return out
}

// openReadOnly opens a database file beside whoever else has it open, for
// reading only, until the test ends.
func openReadOnly(t testing.TB, path string) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(path+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)"),
		&gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

// diffViews lists how got differs from want, empty when they are equal.
func diffViews(want, got map[string]recView) []string {
	var out []string
	for id, w := range want {
		g, ok := got[id]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("missing %s: want %v", id, w))
		case g != w:
			out = append(out, fmt.Sprintf("differs %s:\n\twant %v\n\tgot  %v", id, w, g))
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok {
			out = append(out, fmt.Sprintf("extra %s: %v", id, g))
		}
	}
	sort.Strings(out)
	return out
}

// assertReplicaEqualsServer checks that a device holds exactly what the
// server lets its office read, field for field, and nothing queued.
func assertReplicaEqualsServer(t testing.TB, name string, ls *store.Store, st *server.Store) {
	t.Helper()
	o, err := ls.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffViews(serverView(t, st, o.ID), replicaView(t, ls)); len(d) > 0 {
		t.Errorf("%s differs from the server (%d):\n%s", name, len(d), strings.Join(first(d, 20), "\n"))
	}
	assertOutboxEmpty(t, name, ls)
}

func assertOutboxEmpty(t testing.TB, name string, ls *store.Store) {
	t.Helper()
	left, err := ls.Outbox(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("%s: outbox not empty: %d+ entries, first %+v", name, len(left), left[0])
	}
}

func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… and %d more", len(s)-n))
	}
	return s
}

// syncVia runs one round with the given HTTP client (nil: the default).
func syncVia(ls *store.Store, hc *http.Client) (syncclient.Report, error) {
	c, err := syncclient.New(ls, hc)
	if err != nil {
		return syncclient.Report{}, err
	}
	return c.Sync(ctx)
}

// freshHTTP is a client that opens a connection per request: none is
// reused across a server restart, and a proxy sees one request per
// connection.
func freshHTTP(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
}

// countKinds counts the server's records (tombstones included) by kind.
func countKinds(view map[string]recView) map[string]int {
	out := map[string]int{}
	for _, v := range view {
		out[v.Kind]++
	}
	return out
}
