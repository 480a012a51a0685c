package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

// TestOfficeProfileCannotBeDeleted: the app never deletes an office
// profile, and a tombstone pushed by a faulty device used to be applied —
// every other device of the office then lost its own office (CurrentOffice
// → not found). The server now rejects it and the feed does not change.
func TestOfficeProfileCannotBeDeleted(t *testing.T) {
	w := newWorld(t)
	a1, a2 := w.device(w.a), w.device(w.a)
	s, _ := a1.SyncState(ctx)
	o, err := a1.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(o)
	before := serverView(t, w.st, w.prov.ID)
	status, res, body := pushRaw(t, w, s, syncapi.Op{OpID: "hapus-profil", Kind: syncapi.KindOffice, ID: w.a.ID,
		OfficeID: w.a.ID, Op: syncapi.OpDelete, BaseVersion: 1, Data: b})
	if status != 200 || res[0].Status != syncapi.StatusRejected {
		t.Fatalf("delete of the office profile: %d %+v %s", status, res, body)
	}
	if d := diffViews(before, serverView(t, w.st, w.prov.ID)); len(d) > 0 {
		t.Fatalf("the rejected delete changed the server: %v", d)
	}
	sync(t, a2)
	if _, err := a2.CurrentOffice(ctx); err != nil {
		t.Fatalf("A2 lost its office: %v", err)
	}
}

// TestOversizedPushIsSplit: a full batch of long (valid) drafts is larger
// than the server takes in one body (413). The client used to send the
// same batch again every round — the queue blocked for good; it now
// halves the batch until it fits, and everything arrives once.
func TestOversizedPushIsSplit(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	body := strings.Repeat("“Pemilu” — ", data.MaxBody/11) // 3-byte runes: ~90 kB each
	total := 0
	for i := 0; total <= syncapi.MaxBodyBytes; i++ {
		d := &data.Draft{Title: fmt.Sprintf("Draf panjang %d", i), Kind: "siaran_pers", Body: body}
		if err := a.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
		total += len(body)
	}
	if n, _ := a.PendingChanges(ctx); n > int64(syncclient.PushBatch) {
		t.Fatalf("%d drafts do not fit one batch of %d; the test needs longer bodies", n, syncclient.PushBatch)
	}
	rep := sync(t, a)
	if rep.Applied != rep.Pushed || rep.Pushed*len(body) < syncapi.MaxBodyBytes {
		t.Fatalf("round: %+v", rep)
	}
	assertReplicaEqualsServer(t, "A1", a, w.st)
}
