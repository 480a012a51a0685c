package server_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// activeDevices counts the unrevoked devices of an office.
func activeDevices(t *testing.T, st *server.Store, officeID string) int {
	t.Helper()
	all, err := st.Devices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range all {
		if d.OfficeID == officeID && d.RevokedAt == nil {
			n++
		}
	}
	return n
}

// TestEnrolmentLeavesNoOrphanDevice: an installation enrolled for office
// A refuses a code of office B. It used to spend the code first, leaving
// B an active device nobody used. Now the server refuses the code before
// spending it; and a server that ignores the check (an older one,
// simulated by a proxy dropping the field) gets its device revoked and
// its code back from the client. Either way B has no orphan device and
// the code still enrolls B's own installation.
func TestEnrolmentLeavesNoOrphanDevice(t *testing.T) {
	for _, c := range []struct {
		name      string
		oldServer bool
	}{{"the server refuses the code", false}, {"the client undoes the enrolment", true}} {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			a := w.device(w.a)
			url := w.srv.URL
			if c.oldServer {
				url = dropOfficeID(t, w).URL
			}
			code, _, err := w.st.NewEnrollment(ctx, w.b.ID, server.EnrollmentTTL)
			if err != nil {
				t.Fatal(err)
			}
			before, _ := a.SyncState(ctx)
			if _, err := syncclient.Enroll(ctx, a, nil, url, code, "salah kantor"); !errors.Is(err, store.ErrAlreadyEnrolled) {
				t.Fatalf("enrolled for A, a code of B: %v", err)
			}
			if n := activeDevices(t, w.st, w.b.ID); n != 0 {
				t.Fatalf("B has %d active devices after the refusal", n)
			}
			if after, _ := a.SyncState(ctx); after != before {
				t.Fatalf("A's installation changed: %+v → %+v", before, after)
			}
			sync(t, a) // A's own token still works
			// The code was not spent (or was given back): B's own
			// installation enrolls with it.
			b, err := store.Open(filepath.Join(t.TempDir(), "b.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			if _, err := syncclient.Enroll(ctx, b, nil, w.srv.URL, code, "kantor B"); err != nil {
				t.Fatalf("B's installation with the code: %v", err)
			}
			if n := activeDevices(t, w.st, w.b.ID); n != 1 {
				t.Fatalf("B has %d active devices, want 1", n)
			}
		})
	}
}

// dropOfficeID is the world's server behind a proxy that removes
// office_id from enrolment requests, as a server that ignores it would.
func dropOfficeID(t *testing.T, w *world) *httptest.Server {
	t.Helper()
	api := server.NewAPI(w.st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/enroll" {
			var req syncapi.EnrollRequest
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
				t.Error(err)
			}
			req.OfficeID = ""
			b, _ := json.Marshal(req)
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
		}
		api.ServeHTTP(rw, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}
