package app

import (
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// A conflict on a person shows the fields an admin edits (here the
// jabatan and roles), never a password verifier, even when given one.
func TestPersonConflictRows(t *testing.T) {
	u, _ := newTestUI(t)
	c := data.Conflict{TargetKind: syncapi.KindPerson, Op: syncapi.OpUpsert,
		Mine:   data.JSON(`{"name":"Rina","position":"Staf","roles":["penyusun"],"active":true,"verifier":"$2a$10$mine"}`),
		Theirs: data.JSON(`{"name":"Rina","position":"Kasubbag","roles":["penyusun","verifikator"],"active":true,"verifier":"$2a$10$theirs"}`)}
	rows := u.diffRows(c)
	var keys []string
	for _, r := range rows {
		keys = append(keys, r.key)
		if strings.Contains(r.mine+r.theirs, "$2a$") {
			t.Errorf("row %s shows a verifier: %q / %q", r.key, r.mine, r.theirs)
		}
	}
	if strings.Join(keys, ",") != "position,roles" {
		t.Fatalf("differing rows %v, want position,roles", keys)
	}
	if rows[1].theirs != "Penyusun, Verifikator" {
		t.Errorf("roles shown as %q", rows[1].theirs)
	}
}
