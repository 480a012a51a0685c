package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// Fuzz targets of the server's request decoding, through the real
// handler with a valid token. The seed corpora are in
// testdata/fuzz/<FuzzName>; a plain `go test` runs only those, and
// `go test -run '^$' -fuzz FuzzPushDecode ./server` searches further.
//
// Seeds may name the fuzz world's ids with placeholders, replaced before
// each run: $DEV (the device of office A), $A, $B, $P (the offices), $REC
// (an entry of A at version 1), $BREC (an entry of B), $CONF (an op id of
// the device whose first answer was a conflict).

type fuzzWorld struct {
	st        *Store
	api       *API
	prov      *Office
	a, b      *Office
	devA      *Device
	tokA      string
	devP      *Device
	tokP      string
	rec, brec string
	repl      *strings.Replacer
}

func newFuzzWorld(f *testing.F) *fuzzWorld {
	f.Helper()
	ctx := context.Background()
	st, err := OpenStore(NewTestDB(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	w := &fuzzWorld{st: st, api: NewAPI(st, slog.New(slog.NewTextHandler(io.Discard, nil)))}
	must := func(o *Office, err error) *Office {
		if err != nil {
			f.Fatal(err)
		}
		return o
	}
	w.prov = must(st.AddOffice(ctx, "KPU Provinsi DIY", "kpu", "provinsi", ""))
	w.a = must(st.AddOffice(ctx, "KPU Kabupaten Sleman", "kpu", "kabupaten", w.prov.ID))
	w.b = must(st.AddOffice(ctx, "KPU Kabupaten Bantul", "kpu", "kabupaten", w.prov.ID))
	enroll := func(o *Office) (*Device, string) {
		code, _, err := st.NewEnrollment(ctx, o.ID, time.Hour)
		if err != nil {
			f.Fatal(err)
		}
		d, tok, _, err := st.Enroll(ctx, code, "fuzz")
		if err != nil {
			f.Fatal(err)
		}
		return d, tok
	}
	w.devA, w.tokA = enroll(w.a)
	w.devP, w.tokP = enroll(w.prov)
	devB, _ := enroll(w.b)
	entryOp := func(office, id, opID string, base int64) syncapi.Op {
		e := data.Entry{Meta: data.Meta{ID: id, OfficeID: office}, Title: "Rapat", ActivityType: "rapat", Strategy: 2,
			StartDate: data.NewDate(2024, 5, 1), EndDate: data.NewDate(2024, 5, 1)}
		b, _ := json.Marshal(e)
		return syncapi.Op{OpID: opID, Kind: "entry", ID: id, OfficeID: office, Op: "upsert", BaseVersion: base, Data: b}
	}
	w.rec, w.brec = data.NewID(), data.NewID()
	// An entry of A at version 1, one op that conflicted (op id conf-1),
	// and an entry of B.
	if _, err := st.Push(ctx, w.devA, []syncapi.Op{entryOp(w.a.ID, w.rec, "rec-1", 0), entryOp(w.a.ID, w.rec, "conf-1", 0)}); err != nil {
		f.Fatal(err)
	}
	if _, err := st.Push(ctx, devB, []syncapi.Op{entryOp(w.b.ID, w.brec, "brec-1", 0)}); err != nil {
		f.Fatal(err)
	}
	// Longer placeholders first: the replacer tries them in this order.
	w.repl = strings.NewReplacer("$BREC", w.brec, "$REC", w.rec, "$CONF", "conf-1", "$DEV", w.devA.ID,
		"$A", w.a.ID, "$B", w.b.ID, "$P", w.prov.ID)
	return w
}

// inTx runs fn against a store and API bound to one transaction that is
// rolled back afterwards: every fuzz input starts from the state after
// setup (so a crash replays from its input alone) at the speed of an
// in-memory change. The push's own transaction becomes a savepoint in it.
func (w *fuzzWorld) inTx(t *testing.T, fn func(*fuzzWorld)) {
	t.Helper()
	tx := w.st.db.Begin()
	if tx.Error != nil {
		t.Fatal(tx.Error)
	}
	defer tx.Rollback()
	st := &Store{db: tx}
	in := *w
	in.st, in.api = st, NewAPI(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	fn(&in)
}

func (w *fuzzWorld) do(method, target, token string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	w.api.ServeHTTP(rec, req)
	return rec
}

// checkStore asserts what every write must leave true: the feed counter
// is the highest server_seq handed out, and every record holds a JSON
// object of a known kind.
func (w *fuzzWorld) checkStore(t *testing.T) {
	t.Helper()
	var feed Feed
	if err := w.st.db.Take(&feed, "id = 1").Error; err != nil {
		t.Fatal(err)
	}
	var top int64
	if err := w.st.db.Model(&Record{}).Select("COALESCE(MAX(server_seq), 0)").Scan(&top).Error; err != nil {
		t.Fatal(err)
	}
	if top > feed.Seq {
		t.Fatalf("a record has server_seq %d above the feed counter %d", top, feed.Seq)
	}
	var bad []Record
	if err := w.st.db.Where("data NOT LIKE '{%' OR kind NOT IN ?", syncapi.Kinds).Limit(1).Find(&bad).Error; err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Fatalf("stored record %s of kind %q holds %.80q", bad[0].ID, bad[0].Kind, bad[0].Data)
	}
}

// FuzzPushDecode posts arbitrary bytes to POST /v1/push with A's valid
// token: the server must never panic or answer 5xx (only 200, 400, 403 or
// 413); a 200 answers each op, in order, with a known status; the store
// stays consistent.
func FuzzPushDecode(f *testing.F) {
	w := newFuzzWorld(f)
	f.Fuzz(func(t *testing.T, body []byte) { w.inTx(t, func(w *fuzzWorld) { fuzzPush(t, w, body) }) })
}

func fuzzPush(t *testing.T, w *fuzzWorld, body []byte) {
	body = []byte(w.repl.Replace(string(body)))
	rec := w.do("POST", "/v1/push", w.tokA, body)
	switch rec.Code {
	case 200:
	case 400, 403, 413:
		var e syncapi.Error
		if json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error == "" {
			t.Fatalf("%d without a JSON error: %s", rec.Code, rec.Body)
		}
		return
	default:
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var req syncapi.PushRequest
	if err := json.Unmarshal(body, &req); err != nil {
		// The handler's streaming decoder reads one value and ignores
		// what follows; json.Unmarshal does not.
		if err := json.NewDecoder(bytes.NewReader(body)).Decode(&req); err != nil {
			t.Fatalf("200 for a body that does not decode: %v", err)
		}
	}
	var resp syncapi.PushResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("answer: %v", err)
	}
	if len(resp.Results) != len(req.Ops) {
		t.Fatalf("%d results for %d ops", len(resp.Results), len(req.Ops))
	}
	for i, r := range resp.Results {
		known := []string{syncapi.StatusApplied, syncapi.StatusConflict, syncapi.StatusRejected}
		if r.OpID != req.Ops[i].OpID || !slices.Contains(known, r.Outcome()) {
			t.Fatalf("result %d: %+v for op %q", i, r, req.Ops[i].OpID)
		}
		if r.Current != nil && r.Current.OfficeID != w.a.ID {
			t.Fatalf("result %d carries a record of office %s", i, r.Current.OfficeID)
		}
	}
	w.checkStore(t)
}

// FuzzChangesQuery sends arbitrary query strings to GET /v1/changes as a
// device of A and as the coordinator P: never a panic or a 5xx (only 200,
// 400, 403); a 200 is a page in order, within the device's offices, no
// longer than the limit, whose cursor is its last record's.
func FuzzChangesQuery(f *testing.F) {
	w := newFuzzWorld(f)
	scopes := map[string][]string{w.tokA: {w.a.ID}, w.tokP: {w.prov.ID, w.a.ID, w.b.ID}}
	f.Fuzz(func(t *testing.T, query string) {
		query = w.repl.Replace(query)
		for tok, offices := range scopes {
			req := httptest.NewRequest("GET", "/v1/changes", nil)
			req.URL.RawQuery = query
			req.Header.Set("Authorization", "Bearer "+tok)
			rec := httptest.NewRecorder()
			w.api.ServeHTTP(rec, req)
			switch rec.Code {
			case 200:
			case 400, 403:
				continue
			default:
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			var page syncapi.ChangesResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
				t.Fatalf("answer: %v", err)
			}
			if len(page.Changes) > syncapi.MaxPullLimit {
				t.Fatalf("%d changes in one page", len(page.Changes))
			}
			last := int64(-1)
			for _, c := range page.Changes {
				if c.ServerSeq <= last || !slices.Contains(offices, c.OfficeID) {
					t.Fatalf("change %s seq %d office %s after seq %d (offices %v)", c.ID, c.ServerSeq, c.OfficeID, last, offices)
				}
				last = c.ServerSeq
			}
			if len(page.Changes) > 0 && page.Next != last {
				t.Fatalf("next %d, last change %d", page.Next, last)
			}
			if len(page.Changes) == 0 && page.More {
				t.Fatal("an empty page says more")
			}
		}
	})
}
