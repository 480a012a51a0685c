package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Unsaved is what a form held, not yet saved, when it was last kept: the
// form (a record kind or a settings form), the record it edits ("" for a
// new one), a label to name it by ("Instansi: Polres Sleman") and the
// form's content as the form itself encodes it (a record as JSON).
// The table is local: it never syncs, and a row goes when the form is
// saved or its changes discarded.
type Unsaved struct {
	Form     string `gorm:"primaryKey"`
	RecordID string `gorm:"primaryKey"`
	Label    string
	Payload  string
	SavedAt  time.Time
}

// TableName keeps gorm from pluralising.
func (Unsaved) TableName() string { return "unsaved_forms" }

// KeepUnsaved stores (or replaces) what a form holds now.
func (s *Store) KeepUnsaved(ctx context.Context, u Unsaved) error {
	if u.SavedAt.IsZero() {
		u.SavedAt = time.Now().UTC()
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&u).Error
	})
}

// DropUnsaved forgets what KeepUnsaved kept of form and record id; it is
// not an error when nothing was kept.
func (s *Store) DropUnsaved(ctx context.Context, form, recordID string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Where("form = ? AND record_id = ?", form, recordID).Delete(&Unsaved{}).Error
	})
}

// UnsavedForms lists what forms held unsaved when they were last kept,
// newest first: after a crash, what the next start offers to restore.
func (s *Store) UnsavedForms(ctx context.Context) ([]Unsaved, error) {
	var out []Unsaved
	err := s.read(ctx).Order("saved_at DESC").Find(&out).Error
	return out, err
}
