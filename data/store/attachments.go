package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// AttachFile copies a document (any of data.AttachmentTypes, recognised
// from its bytes, at most syncapi.MaxAttachmentBytes) into the
// content-addressed folder, once per distinct content, and attaches it to
// a live entry, or to a draft of this office that may still be edited.
// Exactly one of entryID and draftID is given. A file of another type, or
// too large, is refused with a message naming it, and nothing is written.
func (s *Store) AttachFile(ctx context.Context, entryID, draftID, file string) (*data.Attachment, error) {
	a, raw, err := prepareAttachment(file)
	if err != nil {
		return nil, err
	}
	a.EntryID, a.DraftID = entryID, draftID
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if err := s.attachableOwner(ctx, a); err != nil {
		return nil, err
	}
	if err := writeOnce(s.FilePath(a.Hash, a.Mime), raw); err != nil {
		return nil, fmt.Errorf("lampiran %s tidak dapat disimpan: %w", a.Name, err)
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		office, err := ownerOffice(tx, a)
		if err != nil {
			return err
		}
		a.OfficeID = office // an attachment belongs to its owner's office
		return s.saveTx(tx, a)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// attachableOwner checks, before any file is written, that the owner is
// there and open to edits.
func (s *Store) attachableOwner(ctx context.Context, a *data.Attachment) error {
	_, err := ownerOffice(s.read(ctx), a)
	return err
}

// ownerOffice is the office of the attachment's live entry, or of its
// draft when that may still be edited (checked again inside the write: it
// may have been submitted meanwhile).
func ownerOffice(tx *gorm.DB, a *data.Attachment) (string, error) {
	if a.DraftID != "" {
		d, err := editableDraftTx(tx, a.DraftID)
		if err != nil {
			return "", err
		}
		return d.OfficeID, nil
	}
	var e data.Entry
	if err := tx.Select("id, office_id").Where("id = ? AND deleted = 0", a.EntryID).Take(&e).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return "", ErrNotFound
		}
		return "", err
	}
	return e.OfficeID, ownedHere(tx, e.OfficeID)
}

// prepareAttachment reads a file into an Attachment named by its
// content's hash; it writes nothing.
func prepareAttachment(file string) (*data.Attachment, []byte, error) {
	name := filepath.Base(file)
	f, err := os.Open(file)
	if err != nil {
		return nil, nil, fmt.Errorf("berkas %s tidak dapat dibuka: %w", name, err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, syncapi.MaxAttachmentBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("berkas %s tidak dapat dibaca: %w", name, err)
	}
	if len(raw) > syncapi.MaxAttachmentBytes {
		return nil, nil, fmt.Errorf("lampiran %s terlalu besar (paling besar %d MB)", name, syncapi.MaxAttachmentBytes>>20)
	}
	mime, ok := data.SniffAttachment(raw)
	if !ok {
		return nil, nil, fmt.Errorf("berkas %s tidak dapat dilampirkan: jenis yang diterima %s", name, data.AttachmentTypesText())
	}
	sum := sha256.Sum256(raw)
	a := &data.Attachment{Hash: hex.EncodeToString(sum[:]), Mime: mime, Size: int64(len(raw)), Name: name}
	a.Normalize()
	return a, raw, nil
}

// Attachments lists the live attachments of the entries or drafts with
// these ids, in the order attached.
func (s *Store) Attachments(ctx context.Context, ownerIDs ...string) ([]data.Attachment, error) {
	var out []data.Attachment
	if len(ownerIDs) == 0 {
		return out, nil
	}
	err := s.read(ctx).Where("deleted = 0 AND (entry_id IN ? OR draft_id IN ?)", ownerIDs, ownerIDs).
		Order("updated_at, id").Find(&out).Error
	return out, err
}

// AttachmentsToUpload lists this office's attachments whose files the
// server has not confirmed receiving (marks are per hash, shared with
// photos: MarkUploaded).
func (s *Store) AttachmentsToUpload(ctx context.Context) ([]data.Attachment, error) {
	var out []data.Attachment
	err := s.read(ctx).Where("deleted = 0 AND office_id = (SELECT value FROM settings WHERE key = ?) AND hash NOT IN (SELECT hash FROM photo_uploads)",
		SettingOffice).Find(&out).Error
	return out, err
}

// MissingAttachmentFiles lists live attachments whose files are not on
// this disk.
func (s *Store) MissingAttachmentFiles(ctx context.Context) ([]data.Attachment, error) {
	var all, out []data.Attachment
	if err := s.read(ctx).Where("deleted = 0").Find(&all).Error; err != nil {
		return nil, err
	}
	for _, a := range all {
		if !fileExists(s.FilePath(a.Hash, a.Mime)) {
			out = append(out, a)
		}
	}
	return out, nil
}
