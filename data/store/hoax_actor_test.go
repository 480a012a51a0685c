package store

import (
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// A hoax case closed by publishing its clarification, and one closed by
// hand, name the signed-in person who did it: updated_by is their name
// and the queued change carries their id (the server checks it, with the
// proof, as for every signed change: docs/SYNC.md).
func TestHoaxClosureNamesTheSignedInPerson(t *testing.T) {
	s := newStore(t)
	admin := withAdmin(t, s)
	budi := addPerson(t, s, "Budi Santoso", "awal-budi-1", data.RoleVerifier)
	found := time.Date(2024, 4, 1, 8, 0, 0, 0, time.UTC)

	d := &data.Draft{Title: "Klarifikasi: tidak benar", Kind: "klarifikasi_hoaks"}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	byDraft := &data.Hoax{Claim: "TPS dipindah", Platform: "whatsapp", FoundAt: found, DraftID: d.ID}
	byHand := &data.Hoax{Claim: "Surat suara tercoblos", Platform: "x", FoundAt: found}
	for _, h := range []*data.Hoax{byDraft, byHand} {
		if err := s.SaveHoax(ctx, h); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	signIn(t, s, budi.ID, "awal-budi-1")
	if _, err := s.Approve(ctx, d.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(ctx, d.ID, "https://contoh.go.id/klarifikasi", found.Add(3*time.Hour), ""); err != nil {
		t.Fatal(err)
	}
	closed := found.Add(5 * time.Hour)
	byHand.ClarifiedAt = &closed
	if err := s.SaveHoax(ctx, byHand); err != nil {
		t.Fatal(err)
	}

	for _, h := range []*data.Hoax{byDraft, byHand} {
		got, err := s.Hoax(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ClarifiedAt == nil || got.UpdatedBy != "Budi Santoso" {
			t.Errorf("%q: closed %v by %q, want by Budi Santoso", h.Claim, got.ClarifiedAt, got.UpdatedBy)
		}
		var last OutboxEntry
		if err := s.ro.Where("kind = 'hoax' AND record_id = ?", h.ID).Order("seq DESC").Take(&last).Error; err != nil {
			t.Fatal(err)
		}
		if last.ActorID != budi.ID {
			t.Errorf("%q: the closing change is queued for %q, want %s (not the admin %s)", h.Claim, last.ActorID, budi.ID, admin.ID)
		}
	}
}
