package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// RecordError is a validation error of one record in a batch, with its
// position (0-based) so that importers can name the line.
type RecordError struct {
	Index int
	Err   error
}

func (e RecordError) Error() string { return fmt.Sprintf("data ke-%d: %v", e.Index+1, e.Err) }

// BatchError lists every invalid record of a batch that was refused whole.
type BatchError []RecordError

func (b BatchError) Error() string {
	if len(b) == 1 {
		return b[0].Error()
	}
	return fmt.Sprintf("%d data tidak sah, tidak ada yang disimpan; pertama: %v", len(b), b[0])
}

// InsertBatch validates every record and then writes all of them in one
// transaction, or none: one bad record refuses the whole batch with a
// BatchError naming each bad one. Records with an ID are written as given
// (so that generated and imported data can be re-run idempotently by id:
// an existing id is skipped); records without one get a new id. With queue
// set, each record also gets its outbox entry.
func (s *Store) InsertBatch(ctx context.Context, recs []data.Record, queue bool) (inserted int, err error) {
	var bad BatchError
	for i, r := range recs {
		r.Normalize()
		if err := r.Validate(); err != nil {
			bad = append(bad, RecordError{i, err})
		}
	}
	if len(bad) > 0 {
		return 0, bad
	}
	now := time.Now().UTC()
	err = s.write(ctx, func(tx *gorm.DB) error {
		office, _ := currentOfficeID(tx) // may be unset while an office is loaded
		inserted = 0
		for _, r := range recs {
			m := r.RecordMeta()
			if m.ID == "" {
				m.ID = data.NewID()
			} else if exists, err := rowExists(tx, tableOf(r), m.ID); err != nil {
				return err
			} else if exists {
				continue
			}
			if _, ok := r.(*data.Office); ok {
				m.OfficeID = m.ID
			} else if m.OfficeID == "" {
				if office == "" {
					return fmt.Errorf("profil kantor belum ada")
				}
				m.OfficeID = office
			}
			if m.UpdatedAt.IsZero() {
				m.UpdatedAt = now
			}
			if m.UpdatedBy == "" {
				m.UpdatedBy = s.author()
			}
			if err := tx.Create(r).Error; err != nil {
				return fmt.Errorf("menyimpan %s gagal: %w", r.RecordKind(), err)
			}
			if queue {
				if err := enqueue(tx, OpUpsert, r); err != nil {
					return err
				}
			}
			inserted++
		}
		return nil
	})
	return inserted, err
}

func rowExists(tx *gorm.DB, table, id string) (bool, error) {
	return rowExistsWhere(tx, table, "id = ?", id)
}

func rowExistsWhere(tx *gorm.DB, table, cond string, args ...any) (bool, error) {
	var n int64
	err := tx.Table(table).Where(cond, args...).Limit(1).Count(&n).Error
	return n > 0, err
}
