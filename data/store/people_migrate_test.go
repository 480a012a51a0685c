package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// legacyFixture is a database as schema 5 left it, from before people
// existed: a typed local user (the reviewer, last set) and a draft one
// typed name submitted and another approved, and a second draft the
// writer submitted. HUMASDESK_UPDATE_FIXTURES=1 remakes it when missing,
// =all always.
var legacyFixture = filepath.Join(fixtureDir, "v5-legacy-authors.db")

const (
	legacyApproved  = "0190a000-0000-7000-8000-0000000000a1"
	legacySubmitted = "0190a000-0000-7000-8000-0000000000a2"
)

func makeLegacyFixture(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src.db")
	s, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{legacyApproved, legacySubmitted} {
		d := &data.Draft{Meta: data.Meta{ID: id}, Title: "Siaran pers " + id[len(id)-2:], Kind: "siaran_pers",
			Status: data.StatusDraft, PlannedDate: data.NewDate(2024, 2, 1)}
		d.Normalize()
		err := s.write(ctx, func(tx *gorm.DB) error {
			var err error
			if d.OfficeID, err = currentOfficeID(tx); err != nil {
				return err
			}
			d.UpdatedAt = fixtureTime
			return tx.Create(d).Error
		})
		if err != nil {
			t.Fatal(err)
		}
		as(t, s, writer)
		if _, err := s.Submit(ctx, id, "mohon diperiksa", 0, ""); err != nil {
			t.Fatal(err)
		}
	}
	as(t, s, reviewer)
	if _, err := s.Approve(ctx, legacyApproved, "sudah sesuai"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	writeFixture(t, src, legacyFixture, 5)
}

func TestMigrationKeepsLegacyAuthors(t *testing.T) {
	if mode := os.Getenv("HUMASDESK_UPDATE_FIXTURES"); mode == "all" {
		makeLegacyFixture(t)
	} else if _, err := os.Stat(legacyFixture); err != nil && mode != "" {
		makeLegacyFixture(t)
	}
	path := filepath.Join(t.TempDir(), "humasdesk.db")
	if err := copyFile(legacyFixture, path); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	trail, err := s.AuditTrail(ctx, legacyApproved)
	if err != nil || len(trail) != 2 {
		t.Fatalf("history after the upgrade: %v %v", trail, err)
	}
	for _, a := range trail {
		if !a.Legacy() {
			t.Errorf("audit by %q not marked legacy", a.ActorName)
		}
	}
	if trail[0].ActorName != writer.Name || trail[1].ActorName != reviewer.Name {
		t.Errorf("typed names changed: %q, %q", trail[0].ActorName, trail[1].ActorName)
	}
	// No people yet: the typed local user is offered as the first admin.
	if has, _ := s.HasPeople(ctx); has {
		t.Fatal("people after the upgrade")
	}
	sug, err := s.SuggestedFirstAdmin(ctx)
	if err != nil || sug.Name != reviewer.Name || sug.Position != reviewer.Position || !sug.Has(data.RoleAdmin) || !sug.Has(data.RoleVerifier) {
		t.Fatalf("suggested first admin %+v %v", sug, err)
	}
	// Until then the installation works as before.
	if _, err := s.Return(ctx, legacySubmitted, "perbaiki judul"); err != nil {
		t.Fatalf("legacy user before the first admin: %v", err)
	}
	if _, err := s.FirstAdmin(ctx, &sug, "admin-baru-1"); err != nil {
		t.Fatal(err)
	}
	// The writer, now a person, submits again; the legacy submission of
	// the same name still counts as theirs for self-approval.
	signIn(t, s, sug.ID, "admin-baru-1")
	rina := addPerson(t, s, writer.Name, "awal-rina-1", data.RoleDrafter, data.RoleVerifier)
	signIn(t, s, rina.ID, "awal-rina-1")
	d2 := newDraft(t, s)
	as(t, s, writer) // the typed user no longer acts once people exist
	if _, err := s.Submit(ctx, d2.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if trail, _ := s.AuditTrail(ctx, d2.ID); trail[0].ActorID != rina.ID {
		t.Fatalf("actor of a new audit %+v", trail[0])
	}
	if _, err := s.Submit(ctx, legacySubmitted, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	signIn(t, s, sug.ID, "admin-baru-1")
	s.SignOut()
	if _, err := s.Approve(ctx, legacySubmitted, ""); !errors.Is(err, workflow.ErrNoUser) {
		t.Fatalf("nobody signed in after the first admin: %v", err)
	}
}
