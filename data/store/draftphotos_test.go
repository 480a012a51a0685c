package store

import (
	"errors"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

func TestDraftPhotos(t *testing.T) {
	s := newStore(t)
	as(t, s, writer)
	d := newDraft(t, s)
	src := pngFile(t, t.TempDir(), 90)
	p, err := s.AttachDraftPhoto(ctx, d.ID, src, "Bupati meninjau gudang logistik", true)
	if err != nil {
		t.Fatal(err)
	}
	if p.DraftID != d.ID || p.EntryID != "" || !p.ShowsOfficial || !fileExists(s.PhotoPath(p.Hash, p.Mime)) {
		t.Fatalf("photo %+v", p)
	}
	// Entry photos are unaffected: an entry's list does not hold it, and
	// an entry photo still attaches as before.
	e := entry("Sosialisasi", 4, data.NewDate(2024, 5, 1))
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AttachPhoto(ctx, e.ID, src, ""); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.Photos(ctx, e.ID); len(ps) != 1 || ps[0].DraftID != "" {
		t.Fatalf("entry photos %+v", ps)
	}
	if ps, _ := s.DraftPhotos(ctx, d.ID); len(ps) != 1 || ps[0].ID != p.ID {
		t.Fatalf("draft photos %+v", ps)
	}
	if err := s.SetDraftPhotoOfficial(ctx, p.ID, false); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.DraftPhotos(ctx, d.ID); ps[0].ShowsOfficial {
		t.Fatal("flag not cleared")
	}
	// Once submitted, the draft's pictures are locked with it.
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AttachDraftPhoto(ctx, d.ID, src, "", false); !errors.Is(err, workflow.ErrLocked) {
		t.Fatalf("attaching to a submitted draft: %v", err)
	}
	if err := s.SetDraftPhotoOfficial(ctx, p.ID, true); !errors.Is(err, workflow.ErrLocked) {
		t.Fatalf("flagging a submitted draft's photo: %v", err)
	}
	// A photo must belong to exactly one of an entry and a draft.
	both := data.Photo{EntryID: e.ID, DraftID: d.ID, Hash: p.Hash, Mime: p.Mime}
	if err := both.Validate(); err == nil {
		t.Fatal("a photo of an entry and a draft validated")
	}
	// Draft photos upload like entry photos.
	up, _ := s.PhotosToUpload(ctx)
	if len(up) != 2 {
		t.Fatalf("%d photos to upload", len(up))
	}
}
