package server_test

import (
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	gosync "sync"
	"testing"

	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

// schemaOf lists the tables, indexes and triggers of a database file.
func schemaOf(t testing.TB, path string) []string {
	t.Helper()
	var rows []struct{ Type, Name, SQL string }
	if err := openReadOnly(t, path).Raw(`SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_master ORDER BY type, name`).
		Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Type + " " + r.Name + ": " + r.SQL
	}
	return out
}

// assertSchemaWhole fails unless the database at path has the schema of a
// new one: every index and trigger a first sync drops is back.
func assertSchemaWhole(t testing.TB, path string) {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	ls, err := store.Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	ls.Close()
	if want, got := schemaOf(t, fresh), schemaOf(t, path); !slices.Equal(want, got) {
		t.Fatalf("the schema of %s is not whole:\nwant %q\ngot  %q", path, want, got)
	}
}

// setPullLimit makes the test's clients pull pages of n changes.
func setPullLimit(t *testing.T, n int) {
	was := syncclient.PullLimit
	syncclient.PullLimit = n
	t.Cleanup(func() { syncclient.PullLimit = was })
}

// pullWatcher is an HTTP transport that notes whether the device was in
// a bulk load while it fetched each page after the first, and fails the
// page numbered failAt (from 1; 0: none).
type pullWatcher struct {
	ls     *store.Store
	failAt int

	mu    gosync.Mutex
	pages int
	bulk  []bool
}

func (p *pullWatcher) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasPrefix(r.URL.Path, "/v1/changes") {
		p.mu.Lock()
		p.pages++
		n := p.pages
		p.mu.Unlock()
		if n > 1 {
			loading, err := p.ls.BulkLoading(r.Context())
			if err != nil {
				return nil, err
			}
			p.mu.Lock()
			p.bulk = append(p.bulk, loading)
			p.mu.Unlock()
		}
		if n == p.failAt {
			return nil, errors.New("sambungan terputus (uji)")
		}
	}
	return http.DefaultTransport.RoundTrip(r)
}

// A new device's first sync of a feed longer than one page takes it in as
// a bulk load (indexes dropped, built once at the end), and ends with the
// schema whole and the search finding every pulled record; a sync that
// fails midway ends the bulk load too, and the next round (no longer a
// first sync) brings the rest.
func TestFirstSyncIsABulkLoad(t *testing.T) {
	setPullLimit(t, 20)
	w := newWorld(t)
	a := w.device(w.a)
	for i := range 150 {
		title := fmt.Sprintf("Sosialisasi pemilih pemula %03d", i)
		if i%10 == 0 {
			title = fmt.Sprintf("Klarifikasi hoaks di Distrik Kurulu %03d", i)
		}
		if err := a.SaveEntry(ctx, entry(title)); err != nil {
			t.Fatal(err)
		}
	}
	sync(t, a)

	for _, failAt := range []int{0, 4} {
		t.Run(fmt.Sprintf("fail at page %d", failAt), func(t *testing.T) {
			b := w.device(w.a)
			watch := &pullWatcher{ls: b, failAt: failAt}
			_, err := syncVia(b, &http.Client{Transport: watch})
			if failAt > 0 && err == nil {
				t.Fatal("the sync did not fail")
			}
			if failAt == 0 && err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(watch.bulk, true) {
				t.Errorf("no page was fetched during a bulk load (%v)", watch.bulk)
			}
			if loading, err := b.BulkLoading(ctx); err != nil || loading {
				t.Errorf("after the first sync BulkLoading = %v, %v", loading, err)
			}
			assertSchemaWhole(t, b.Path())
			if failAt > 0 {
				// The rest comes in the next round, not a bulk load.
				watch2 := &pullWatcher{ls: b}
				if _, err := syncVia(b, &http.Client{Transport: watch2}); err != nil {
					t.Fatal(err)
				}
				if slices.Contains(watch2.bulk, true) {
					t.Errorf("a round after the first was a bulk load (%v)", watch2.bulk)
				}
			}
			assertReplicaEqualsServer(t, "device b", b, w.st)
			n, err := b.CountEntries(ctx, store.Filter{Query: "Kurulu"})
			if err != nil || n != 15 {
				t.Errorf("search Kurulu: %d (%v), want 15", n, err)
			}
			if n, err := b.CountEntries(ctx, store.Filter{Query: "pemula 149"}); err != nil || n != 1 {
				t.Errorf("search \"pemula 149\": %d (%v), want 1", n, err)
			}
		})
	}
}

// A bulk load left over (its end failed, or another process began it) is
// ended by the next sync round, even one that is not a first sync.
func TestLeftoverBulkLoadEndsWithTheNextRound(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	if err := a.SaveEntry(ctx, entry("Klarifikasi hoaks di Distrik Kurulu")); err != nil {
		t.Fatal(err)
	}
	sync(t, a)
	if err := a.BeginBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.SaveEntry(ctx, entry("Sosialisasi di Distrik Asologaima")); err != nil {
		t.Fatal(err)
	}
	sync(t, a)
	if loading, err := a.BulkLoading(ctx); err != nil || loading {
		t.Fatalf("after a round BulkLoading = %v, %v", loading, err)
	}
	assertSchemaWhole(t, a.Path())
	for _, q := range []string{"Kurulu", "Asologaima"} {
		if n, err := a.CountEntries(ctx, store.Filter{Query: q}); err != nil || n != 1 {
			t.Errorf("search %q: %d (%v), want 1", q, n, err)
		}
	}
}
