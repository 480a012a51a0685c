package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// A database of schema 5 (no activity state) gets states by migration 6:
// the fixture's entries are dated in 2024 and were never marked realised,
// so they are not done, with the reason saying it was never recorded.
func TestEntryStateMigratedFromV5(t *testing.T) {
	path := filepath.Join(t.TempDir(), "humasdesk.db")
	if err := copyFile(fixturePath(5), path); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, want := range fixtureEntries {
		got, err := s.Entry(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != data.EntryNotDone || got.NotDoneReason != data.LegacyNotDoneReason || got.Realised {
			t.Errorf("%s: status %q, reason %q, realised %v", got.Title, got.Status, got.NotDoneReason, got.Realised)
		}
	}
}

// A record pulled from a device of the previous schema has "realised" and
// no "status": it is stored with the state FillStatus gives it.
func TestEntryStateFromPreviousSchemaDevice(t *testing.T) {
	s := newStore(t)
	office, err := s.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	future := data.Today().AddDays(30)
	cases := []struct {
		name     string
		start    data.Date
		realised bool
		want     string
	}{
		{"done in the past", data.NewDate(2024, 5, 1), true, data.EntryDone},
		{"not done in the past", data.NewDate(2024, 5, 2), false, data.EntryNotDone},
		{"old default realised, dated ahead", future, true, data.EntryPlanned},
		{"not realised, dated ahead", future, false, data.EntryPlanned},
	}
	var changes []syncapi.Record
	for i, c := range cases {
		body, _ := json.Marshal(map[string]any{"title": c.name, "activity_type": "rapat_koordinasi", "strategy": 2,
			"start_date": c.start.String(), "end_date": c.start.String(), "realised": c.realised})
		changes = append(changes, syncapi.Record{Kind: "entry", ID: fmt.Sprintf("0190a000-0000-7000-8000-0000000001%02d", i),
			OfficeID: office.ID, Version: 1, ServerSeq: int64(i + 1), Data: body})
	}
	if _, err := s.ApplyChanges(ctx, &syncapi.ChangesResponse{Next: int64(len(cases)), Changes: changes}); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		got, err := s.Entry(ctx, changes[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != c.want || got.Realised != (c.want == data.EntryDone) {
			t.Errorf("%s: status %q realised %v, want %q", c.name, got.Status, got.Realised, c.want)
		}
	}
}

// A new entry dated after today is planned unless told otherwise; it
// cannot be saved as done; a not-done one needs its reason.
func TestEntryStateOnSave(t *testing.T) {
	s := newStore(t)
	future := data.Today().AddDays(3)

	e := entry("Sosialisasi mendatang", 4, future)
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Entry(ctx, e.ID); got.Status != data.EntryPlanned || got.Realised {
		t.Errorf("future entry: status %q realised %v", got.Status, got.Realised)
	}

	done := entry("Terlaksana di masa depan", 4, future)
	done.Status = data.EntryDone
	err := s.SaveEntry(ctx, done)
	if v, ok := data.AsValidation(err); !ok || len(v) != 1 || v[0].Rule != data.RuleDoneInFuture {
		t.Errorf("done in the future: %v", err)
	}

	notDone := entry("Batal", 4, data.NewDate(2024, 2, 1))
	notDone.Status = data.EntryNotDone
	err = s.SaveEntry(ctx, notDone)
	if v, ok := data.AsValidation(err); !ok || v[0].Field != "not_done_reason" {
		t.Errorf("not done without reason: %v", err)
	}
	notDone.NotDoneReason = "Narasumber berhalangan"
	if err := s.SaveEntry(ctx, notDone); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Entry(ctx, notDone.ID); got.NotDoneReason != "Narasumber berhalangan" {
		t.Errorf("reason %q", got.NotDoneReason)
	}
	if err := s.SaveEntry(ctx, done); !errors.As(err, new(data.ValidationError)) {
		t.Errorf("again: %v", err)
	}
}

// The Agenda's query: planned activities of the current office in the
// range, not done or not-done ones, not deleted ones.
func TestPlannedActivities(t *testing.T) {
	s := newStore(t)
	today := data.Today()
	in := entry("Rapat koordinasi mendatang", 2, today.AddDays(5))
	later := entry("Di luar rentang", 2, today.AddDays(60))
	gone := entry("Dihapus", 2, today.AddDays(6))
	past := entry("Sudah", 2, today.AddDays(-1))
	for _, e := range []*data.Entry{in, later, gone, past} {
		if err := s.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(ctx, KindEntry, gone.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.PlannedActivities(ctx, today, today.AddDays(30))
	if err != nil || len(got) != 1 || got[0].ID != in.ID {
		t.Errorf("planned %+v (%v)", got, err)
	}
}
