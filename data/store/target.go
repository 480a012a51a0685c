package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// Annual targets (data.Target): one record per office and year.

// Target returns the office's targets for year, or an empty Target of
// that year (no ID) when none are set. Two devices that each set a year's
// targets offline leave two records; the one with the lowest id is read
// (an arbitrary but stable choice every device makes alike) and the next
// save goes to it.
func (s *Store) Target(ctx context.Context, officeID string, year int) (*data.Target, error) {
	var t data.Target
	err := s.read(ctx).Where("deleted = 0 AND office_id = ? AND year = ?", officeID, year).Order("id").Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &data.Target{Year: year}, nil
	}
	return &t, err
}

// SaveTarget stores the current office's targets of t.Year: it updates
// the year's record when there is one, else creates it.
func (s *Store) SaveTarget(ctx context.Context, t *data.Target) error {
	t.Normalize()
	if err := t.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		own, err := currentOfficeID(tx)
		if err != nil {
			return err
		}
		var cur data.Target
		err = tx.Where("deleted = 0 AND office_id = ? AND year = ?", own, t.Year).Order("id").Take(&cur).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			t.ID = ""
		case err != nil:
			return err
		default:
			t.ID = cur.ID
		}
		return s.saveTx(tx, t)
	})
}

// TargetsOf returns the targets of year of each office (by office id;
// offices without targets are left out), for the rollup.
func (s *Store) TargetsOf(ctx context.Context, officeIDs []string, year int) (map[string]*data.Target, error) {
	var all []data.Target
	err := s.read(ctx).Where("deleted = 0 AND office_id IN ? AND year = ?", officeIDs, year).Order("id").Find(&all).Error
	out := map[string]*data.Target{}
	for i := range all {
		if out[all[i].OfficeID] == nil {
			out[all[i].OfficeID] = &all[i]
		}
	}
	return out, err
}
