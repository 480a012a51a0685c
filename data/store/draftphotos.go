package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Pictures that go out with a draft. They are data.Photo records like an
// entry's documentation photos (same folder, same sync, same upload),
// with DraftID set instead of EntryID, and a flag for pictures that show
// an official, which the neutrality checker reads.

// AttachDraftPhoto copies a JPEG or PNG file into the photo folder (once
// per distinct content) and attaches it to a live draft of this office
// that may be edited (workflow.Editable; a locked draft refuses with a
// workflow.LockedError). showsOfficial marks a picture of an official.
func (s *Store) AttachDraftPhoto(ctx context.Context, draftID, file, caption string, showsOfficial bool) (*data.Photo, error) {
	p, raw, err := preparePhoto(file, caption, func(p *data.Photo) {
		p.DraftID, p.ShowsOfficial = draftID, showsOfficial
	})
	if err != nil {
		return nil, err
	}
	if _, err := s.editableDraft(ctx, draftID); err != nil {
		return nil, err
	}
	if err := s.keepPhotoFile(p, raw); err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		d, err := editableDraftTx(tx, draftID) // again, inside the write: it may have been submitted meanwhile
		if err != nil {
			return err
		}
		p.OfficeID = d.OfficeID
		return s.saveTx(tx, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// SetDraftPhotoOfficial marks or unmarks a draft's picture as showing an
// official; like every change of a draft's content, only while the draft
// may be edited.
func (s *Store) SetDraftPhotoOfficial(ctx context.Context, photoID string, showsOfficial bool) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var p data.Photo
		if err := tx.Where("id = ? AND deleted = 0", photoID).Take(&p).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		if p.DraftID == "" {
			return ErrNotFound
		}
		if _, err := editableDraftTx(tx, p.DraftID); err != nil {
			return err
		}
		if p.ShowsOfficial == showsOfficial {
			return nil
		}
		p.ShowsOfficial = showsOfficial
		return s.saveTx(tx, &p)
	})
}

// DraftPhotos lists the live pictures of the drafts, in the order attached.
func (s *Store) DraftPhotos(ctx context.Context, draftIDs ...string) ([]data.Photo, error) {
	var out []data.Photo
	if len(draftIDs) == 0 {
		return out, nil
	}
	err := s.read(ctx).Where("deleted = 0 AND draft_id IN ?", draftIDs).Order("draft_id, updated_at, id").Find(&out).Error
	return out, err
}

func (s *Store) editableDraft(ctx context.Context, id string) (*data.Draft, error) {
	return editableDraftTx(s.read(ctx), id)
}

// editableDraftTx loads a live draft of this office that may be edited.
func editableDraftTx(tx *gorm.DB, id string) (*data.Draft, error) {
	var d data.Draft
	if err := tx.Omit("body").Where("id = ? AND deleted = 0", id).Take(&d).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	if err := ownedHere(tx, d.OfficeID); err != nil {
		return nil, err
	}
	if err := workflow.EditError(d.Status); err != nil {
		return nil, err
	}
	return &d, nil
}
