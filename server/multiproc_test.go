//go:build unix

package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/server"
)

// TestTwoServersOneDatabase runs two humasdesk-server processes on one
// database (PostgreSQL with HUMASDESK_TEST_BACKEND=postgres, else one
// SQLite file), with devices of several offices pushing through both at
// once, each round through the other server, while a coordinator pulls
// small pages, each page from the other server. The feed must be free of
// gaps under concurrent writers in different processes: a row that
// commits after the puller has moved past its server_seq would be missed
// for good. At the end the puller has seen every row of the records table
// exactly once at the server_seq it holds there, in order, and its pages
// never went backwards.
func TestTwoServersOneDatabase(t *testing.T) {
	devices, rounds, perRound := 8, 6, 8
	if testing.Short() {
		devices, rounds = 4, 3
	}
	bin := serverBinary(t)
	dsn := server.NewTestDB(t)
	st, err := server.OpenStore(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	prov, err := st.AddOffice(ctx, "KPU Provinsi Jawa Tengah", "kpu", "provinsi", "")
	if err != nil {
		t.Fatal(err)
	}
	offices := make([]*server.Office, devices/2)
	for i := range offices {
		if offices[i], err = st.AddOffice(ctx, fmt.Sprintf("KPU Kabupaten %d", i+1), "kpu", "kabupaten", prov.ID); err != nil {
			t.Fatal(err)
		}
	}
	srvs := []*serverProc{startServer(t, bin, dsn, "127.0.0.1:0", ""), startServer(t, bin, dsn, "127.0.0.1:0", "")}
	t.Logf("backend %s; servers %s and %s", server.BackendForTests(), srvs[0].addr, srvs[1].addr)

	// Two devices per office, each enrolled through one of the servers.
	ws := make([]*writes, devices)
	for i := range ws {
		ws[i] = newWrites(deviceAt(t, st, offices[i/2], srvs[i%2].url()), fmt.Sprintf("D%d", i))
	}
	code, _, err := st.NewEnrollment(ctx, prov.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	_, token, _, err := st.Enroll(ctx, code, "puller")
	if err != nil {
		t.Fatal(err)
	}

	// The pushers: per round, new entries and an edit of an older one,
	// then a full sync round through the server of that round.
	var pushing gosync.WaitGroup
	var done atomic.Bool
	errs := make(chan error, devices+1)
	for i, w := range ws {
		pushing.Add(1)
		go func() {
			defer pushing.Done()
			hc := &http.Client{Timeout: 60 * time.Second}
			for r := range rounds {
				for range perRound {
					if err := w.tryCreate(); err != nil {
						errs <- err
						return
					}
				}
				if err := w.tryEdit(w.created[r]); err != nil {
					errs <- err
					return
				}
				if err := w.ls.SetSetting(ctx, "sync_server", srvs[(i+r)%2].url()); err != nil {
					errs <- err
					return
				}
				rep, err := syncVia(w.ls, hc)
				if err != nil {
					errs <- fmt.Errorf("device %d round %d: %w", i, r, err)
					return
				}
				if rep.Conflicts != 0 || rep.Rejected != 0 {
					errs <- fmt.Errorf("device %d round %d: %+v", i, r, rep)
					return
				}
			}
		}()
	}

	// The puller, until the pushers are done and then once more to the end.
	type seen struct {
		id  string
		seq int64
	}
	var got []seen
	var pages, nonEmpty int
	pulled := make(chan struct{})
	go func() {
		defer close(pulled)
		hc := &http.Client{Timeout: 60 * time.Second}
		var cursor int64
		for last := false; ; {
			if !last && done.Load() {
				last = true // one more full pass after the last push
			}
			more := true
			for more {
				page, err := pullPage(hc, srvs[pages%2].url(), token, cursor, 7)
				if err != nil {
					errs <- fmt.Errorf("pull %d: %w", pages, err)
					return
				}
				pages++
				if len(page.Changes) > 0 {
					nonEmpty++
				}
				for _, c := range page.Changes {
					if c.ServerSeq <= cursor {
						errs <- fmt.Errorf("page %d went back: seq %d after cursor %d", pages, c.ServerSeq, cursor)
						return
					}
					cursor = c.ServerSeq
					got = append(got, seen{c.ID, c.ServerSeq})
				}
				if page.Next != cursor {
					errs <- fmt.Errorf("page %d: next %d, last record %d", pages, page.Next, cursor)
					return
				}
				more = page.More
			}
			if last {
				return
			}
		}
	}()
	pushing.Wait()
	done.Store(true)
	<-pulled
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		return
	}

	// Every row of the table, seen once, at its server_seq, in order.
	var rows []seen
	var table []struct {
		ID        string
		ServerSeq int64
	}
	if err := server.RawDBForTests(st).Table("records").Select("id, server_seq").Order("server_seq").Scan(&table).Error; err != nil {
		t.Fatal(err)
	}
	for _, r := range table {
		rows = append(rows, seen{r.ID, r.ServerSeq})
	}
	last := map[string]int64{}
	count := map[seen]int{}
	for _, s := range got {
		last[s.id] = s.seq
		count[s]++
	}
	var missing []string
	for _, r := range rows {
		if count[r] != 1 {
			missing = append(missing, fmt.Sprintf("%s@%d seen %d times", short(r.id), r.seq, count[r]))
		}
	}
	if len(missing) > 0 {
		t.Fatalf("the puller missed rows of the table (%d of %d): %s", len(missing), len(rows), strings.Join(first(missing, 20), ", "))
	}
	if len(last) != len(rows) {
		t.Fatalf("the puller saw %d records, the table holds %d", len(last), len(rows))
	}
	// The counter is the table's top row (no seq handed out and lost), and
	// the puller, whose seqs only went up, saw at most one change per seq.
	var head int64
	if err := server.RawDBForTests(st).Table("feeds").Select("seq").Where("id = 1").Scan(&head).Error; err != nil {
		t.Fatal(err)
	}
	if int64(len(got)) > head || rows[len(rows)-1].seq != head {
		t.Fatalf("saw %d changes, head %d, top row %d", len(got), head, rows[len(rows)-1].seq)
	}
	view := serverView(t, st, prov.ID)
	for i, w := range ws {
		w.check(t, filterOffice(view, offices[i/2].ID, w), offices[i/2].ID)
	}
	wantEntries := devices * rounds * perRound
	if n := countKinds(view)[syncapi.KindEntry]; n != wantEntries {
		t.Fatalf("server holds %d entries, want %d", n, wantEntries)
	}
	t.Logf("%d rows (head %d); the puller read %d changes in %d pages (%d non-empty) alternating servers",
		len(rows), head, len(got), pages, nonEmpty)
}

// filterOffice keeps the records of the view that the writer made, so
// that w.check, which expects one writer per office, holds with two
// devices per office.
func filterOffice(view map[string]recView, office string, w *writes) map[string]recView {
	out := map[string]recView{}
	for id, v := range view {
		if v.OfficeID != office || v.Kind != syncapi.KindEntry {
			continue
		}
		if strings.HasPrefix(v.Content, w.prefix+" ") {
			out[id] = v
		}
	}
	return out
}

// pullPage reads one page of the feed.
func pullPage(hc *http.Client, base, token string, since int64, limit int) (*syncapi.ChangesResponse, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		base+"/v1/changes?since="+strconv.FormatInt(since, 10)+"&limit="+strconv.Itoa(limit), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET /v1/changes: HTTP %d", resp.StatusCode)
	}
	var page syncapi.ChangesResponse
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	return &page, nil
}

// tryCreate and tryEdit are create and edit for goroutines: an error
// instead of t.Fatal.
func (w *writes) tryCreate() error {
	e := entry(w.title())
	if err := w.ls.SaveEntry(ctx, e); err != nil {
		return err
	}
	w.created = append(w.created, e.ID)
	w.want[e.ID] = e.Title
	return nil
}

func (w *writes) tryEdit(id string) error {
	e, err := w.ls.Entry(ctx, id)
	if err != nil {
		return fmt.Errorf("entry %s: %w", id, err)
	}
	e.Title = w.title()
	if err := w.ls.SaveEntry(ctx, e); err != nil {
		return err
	}
	w.want[id] = e.Title
	return nil
}
