package store

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// historyOf is the agency versions History keeps, decoded.
func historyOf(t *testing.T, s *Store, id string) ([]Version, []data.Agency) {
	t.Helper()
	vs, err := s.History(ctx, KindAgency, id)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]data.Agency, len(vs))
	for i, v := range vs {
		if err := json.Unmarshal([]byte(v.Payload), &out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return vs, out
}

func TestHistoryKeepsEveryLocalVersion(t *testing.T) {
	s := newStore(t)
	s.SetUser("Rina")
	a := &data.Agency{Name: "Polres Sleman", Kind: "polri", Phone: "0274 1"}
	if err := s.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	if vs, _ := historyOf(t, s, a.ID); len(vs) != 0 {
		t.Fatalf("a new record has no earlier version, got %d", len(vs))
	}
	s.SetUser("Budi")
	for _, phone := range []string{"0274 2", "0274 3"} {
		a.Phone = phone
		if err := s.SaveAgency(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// Saving what is stored adds nothing.
	if err := s.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	vs, recs := historyOf(t, s, a.ID)
	if len(vs) != 2 {
		t.Fatalf("%d versions, want 2", len(vs))
	}
	if recs[0].Phone != "0274 2" || recs[1].Phone != "0274 1" {
		t.Errorf("versions newest first: %q, %q", recs[0].Phone, recs[1].Phone)
	}
	if vs[1].Author != "Rina" || vs[0].Author != "Budi" || vs[0].ReplacedBy != "Budi" || vs[0].Source != HistoryLocal {
		t.Errorf("authors %+v", vs)
	}
	if vs[0].At.IsZero() || vs[0].RecordID != a.ID || vs[0].Kind != "agency" {
		t.Errorf("version %+v", vs[0])
	}
}

// A save that fails in the database leaves no history row: the history
// is written in the save's own transaction.
func TestHistoryRollsBackWithFailedSave(t *testing.T) {
	s := newStore(t)
	a := &data.Agency{Name: "Polres Sleman", Kind: "polri"}
	if err := s.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.rw.Exec(`CREATE TRIGGER refuse BEFORE UPDATE ON agencies WHEN new.phone = 'gagal'
		BEGIN SELECT RAISE(ABORT, 'ditolak uji'); END`).Error; err != nil {
		t.Fatal(err)
	}
	_, box0 := rows(t, s, "agencies")
	a.Phone = "gagal"
	if err := s.SaveAgency(ctx, a); err == nil {
		t.Fatal("save passed the refusing trigger")
	}
	if vs, _ := historyOf(t, s, a.ID); len(vs) != 0 {
		t.Errorf("failed save left %d history rows", len(vs))
	}
	if _, box := rows(t, s, "agencies"); box != box0 {
		t.Errorf("outbox %d -> %d", box0, box)
	}
}

// A pulled change keeps the version it replaces; this device's own write
// coming back from the server (same version) does not.
func TestHistoryKeepsVersionsReplacedByPull(t *testing.T) {
	s := newStore(t)
	office, err := s.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id := data.NewID()
	pull := func(seq, version int64, name, by string) {
		t.Helper()
		a := data.Agency{Meta: data.Meta{ID: id, OfficeID: office.ID}, Name: name, Kind: "polri"}
		raw, _ := json.Marshal(a)
		if _, err := s.ApplyChanges(ctx, &syncapi.ChangesResponse{Next: seq, Changes: []syncapi.Record{{
			Kind: syncapi.KindAgency, ID: id, OfficeID: office.ID, Version: version, ServerSeq: seq,
			UpdatedAt: time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC), UpdatedBy: by, Data: raw}}}); err != nil {
			t.Fatal(err)
		}
	}
	pull(1, 1, "Polres Sleman", "Rina")
	pull(2, 1, "Polres Sleman", "Rina") // the same version again
	if vs, _ := historyOf(t, s, id); len(vs) != 0 {
		t.Fatalf("%d versions before any change", len(vs))
	}
	pull(3, 2, "Polresta Sleman", "Budi")
	vs, recs := historyOf(t, s, id)
	if len(vs) != 1 || recs[0].Name != "Polres Sleman" || vs[0].Author != "Rina" || vs[0].Source != HistorySync || vs[0].Version != 1 {
		t.Fatalf("pulled history %+v %+v", vs, recs)
	}
}

func TestUnsavedFormsKeptUntilDropped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "humasdesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	keep := func(form, id, payload string) {
		t.Helper()
		if err := s.KeepUnsaved(ctx, Unsaved{Form: form, RecordID: id, Label: "Instansi: " + payload, Payload: payload}); err != nil {
			t.Fatal(err)
		}
	}
	keep("agency", "a1", "Polres")
	keep("agency", "a1", "Polres Sleman") // replaces
	keep("agency", "", "baru")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path) // as after a crash: it is in the file
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.UnsavedForms(ctx)
	if err != nil || len(got) != 2 {
		t.Fatalf("unsaved %+v %v", got, err)
	}
	byID := map[string]Unsaved{}
	for _, u := range got {
		byID[u.RecordID] = u
	}
	if byID["a1"].Payload != "Polres Sleman" || byID["a1"].SavedAt.IsZero() || byID[""].Label != "Instansi: baru" {
		t.Errorf("unsaved %+v", got)
	}
	if err := s.DropUnsaved(ctx, "agency", "a1"); err != nil {
		t.Fatal(err)
	}
	if err := s.DropUnsaved(ctx, "agency", "none"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.UnsavedForms(ctx); len(got) != 1 || got[0].RecordID != "" {
		t.Errorf("after drop %+v", got)
	}
	// Unsaved forms never sync.
	if _, box := rows(t, s, "unsaved_forms"); box != 0 {
		t.Errorf("outbox %d", box)
	}
}

// A push answered with a conflict replaces the local edit with the
// server's version; the local one stays in the history (and in the
// conflict record, which the server keeps).
func TestHistoryKeepsTheEditAConflictReplaced(t *testing.T) {
	s := newStore(t)
	s.SetUser("Rina")
	a := &data.Agency{Name: "Polres Sleman", Kind: "polri", Phone: "0274 111"}
	if err := s.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	sent, err := s.PreparePush(ctx, 10, nil)
	if err != nil || len(sent) != 1 {
		t.Fatalf("push %+v %v", sent, err)
	}
	theirs := *a
	theirs.Phone = "0274 999"
	raw, _ := json.Marshal(&theirs)
	if _, err := s.ApplyPushResults(ctx, sent, []syncapi.OpResult{{OpID: sent[0].OpID, Status: syncapi.StatusConflict,
		Current: &syncapi.Record{Kind: syncapi.KindAgency, ID: a.ID, OfficeID: a.OfficeID, Version: 3, ServerSeq: 7,
			UpdatedBy: "Budi", Data: raw}}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Agency(ctx, a.ID); got.Phone != "0274 999" {
		t.Fatalf("after the conflict the device holds %q", got.Phone)
	}
	vs, recs := historyOf(t, s, a.ID)
	if len(vs) != 1 || recs[0].Phone != "0274 111" || vs[0].Author != "Rina" || vs[0].Source != HistorySync {
		t.Fatalf("history %+v %+v", vs, recs)
	}
}
