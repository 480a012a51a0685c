package store

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// A conflict on a person, as shown (Conflicts), carries neither side's
// password verifier; keeping this device's side still keeps its password.
func TestPersonConflictHidesTheVerifier(t *testing.T) {
	s := newStore(t)
	withAdmin(t, s)
	rina := addPerson(t, s, "Rina Kusumawati", "awal-rina-1", data.RoleDrafter)
	var stored data.Person
	if err := s.rw.Where("id = ?", rina.ID).Take(&stored).Error; err != nil || stored.Verifier == "" {
		t.Fatalf("stored person %+v: %v", stored, err)
	}
	mine, theirs := stored, stored
	mine.Position, theirs.Position = "Staf Humas", "Kasubbag"
	theirs.Verifier = strings.Replace(stored.Verifier, "$2a$", "$2b$", 1)
	mj, _ := json.Marshal(mine)
	tj, _ := json.Marshal(theirs)
	c := &data.Conflict{TargetKind: syncapi.KindPerson, TargetID: rina.ID, Op: syncapi.OpUpsert,
		BaseVersion: 1, ServerVersion: 2, Mine: mj, Theirs: tj}
	if _, err := s.InsertBatch(ctx, []data.Record{c}, false); err != nil {
		t.Fatal(err)
	}
	cs, err := s.Conflicts(ctx)
	if err != nil || len(cs) != 1 {
		t.Fatalf("conflicts %v: %v", cs, err)
	}
	for side, raw := range map[string]data.JSON{"mine": cs[0].Mine, "theirs": cs[0].Theirs} {
		if strings.Contains(string(raw), "verifier") || strings.Contains(string(raw), "$2") {
			t.Errorf("%s shows the verifier: %s", side, raw)
		}
		var p data.Person
		if err := json.Unmarshal(raw, &p); err != nil || p.Name != "Rina Kusumawati" {
			t.Errorf("%s no longer reads as the person: %s (%v)", side, raw, err)
		}
	}
	if err := s.ResolveConflict(ctx, c.ID, data.KeepMine, nil); err != nil {
		t.Fatal(err)
	}
	var after data.Person
	if err := s.rw.Where("id = ?", rina.ID).Take(&after).Error; err != nil {
		t.Fatal(err)
	}
	if after.Position != "Staf Humas" || after.Verifier != stored.Verifier {
		t.Fatalf("kept mine: position %q, verifier kept %v", after.Position, after.Verifier == stored.Verifier)
	}
}
