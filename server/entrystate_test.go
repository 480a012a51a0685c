package server_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// A device of the previous version sends activities with "realised" and
// no state. The server stores them as they came; a current device of the
// same office pulls them with the state data.Entry.FillStatus gives: done
// or not done (with the legacy reason) in the past, planned ahead.
func TestEntryFromPreviousVersionDevice(t *testing.T) {
	w := newWorld(t)
	old := w.device(w.a) // its token plays the older app
	so, _ := old.SyncState(ctx)
	ahead := data.Today().AddDays(20)
	records := []struct {
		id       string
		start    data.Date
		realised bool
		want     string
	}{
		{data.NewID(), data.NewDate(2024, 5, 1), true, data.EntryDone},
		{data.NewID(), data.NewDate(2024, 5, 2), false, data.EntryNotDone},
		{data.NewID(), ahead, true, data.EntryPlanned},
	}
	req := syncapi.PushRequest{DeviceID: so.DeviceID, Schema: syncapi.SchemaVersion}
	for i, r := range records {
		body, _ := json.Marshal(map[string]any{"id": r.id, "office_id": w.a.ID, "title": "Kegiatan lama",
			"activity_type": "sosialisasi", "strategy": 4, "start_date": r.start.String(), "end_date": r.start.String(),
			"realised": r.realised})
		req.Ops = append(req.Ops, syncapi.Op{OpID: data.NewID(), OpSeq: int64(i + 1), Kind: syncapi.KindEntry, ID: r.id,
			OfficeID: w.a.ID, Op: "upsert", UpdatedAt: time.Now().UTC(), UpdatedBy: "aplikasi lama", Data: body})
	}
	status, out := raw(t, "POST", w.srv.URL+"/v1/push", so.Token, req)
	var resp syncapi.PushResponse
	if status != 200 || json.Unmarshal(out, &resp) != nil || len(resp.Results) != len(records) {
		t.Fatalf("push: %d %s", status, out)
	}
	for _, res := range resp.Results {
		if res.Status != syncapi.StatusApplied {
			t.Fatalf("push result %+v", res)
		}
	}

	current := w.device(w.a)
	sync(t, current)
	for _, r := range records {
		e, err := current.Entry(ctx, r.id)
		if err != nil {
			t.Fatal(err)
		}
		if e.Status != r.want || e.Realised != (r.want == data.EntryDone) {
			t.Errorf("%s realised=%v: status %q", r.start, r.realised, e.Status)
		}
		if r.want == data.EntryNotDone && e.NotDoneReason != data.LegacyNotDoneReason {
			t.Errorf("reason %q", e.NotDoneReason)
		}
	}
}
