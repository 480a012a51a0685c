package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The hoax-clarification register. A case is found on a local day
// (workflow.FoundDay); the period queries select by that day.

// SaveHoax creates or updates a case of the register. A clarification
// draft it names must be a live draft of this office.
func (s *Store) SaveHoax(ctx context.Context, h *data.Hoax) error {
	h.Normalize()
	if err := h.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if h.DraftID != "" {
			var d data.Draft
			err := tx.Select("id, office_id").Where("id = ? AND deleted = 0", h.DraftID).Take(&d).Error
			if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && ownedHere(tx, d.OfficeID) != nil) {
				return data.ValidationError{{Field: "draft_id", Label: data.LabelClarification, Rule: data.RuleUnknown}}
			}
			if err != nil {
				return err
			}
		}
		return s.saveTx(tx, h)
	})
}

// Hoax loads a live case.
func (s *Store) Hoax(ctx context.Context, id string) (*data.Hoax, error) {
	var h data.Hoax
	return &h, s.get(ctx, &h, id)
}

// Hoaxes lists the current office's cases found between from and to
// (inclusive; zero leaves a side open), oldest first.
func (s *Store) Hoaxes(ctx context.Context, from, to data.Date) ([]data.Hoax, error) {
	office, err := s.Setting(ctx, SettingOffice, "")
	if err != nil {
		return nil, err
	}
	return s.HoaxesBetween(ctx, []string{office}, from, to)
}

// HoaxesBetween lists the cases of the offices found between from and to
// (inclusive; zero leaves a side open), oldest first. The report counts
// its hoax section from it.
func (s *Store) HoaxesBetween(ctx context.Context, officeIDs []string, from, to data.Date) ([]data.Hoax, error) {
	q := s.read(ctx).Where("deleted = 0 AND office_id IN ?", officeIDs)
	// A local day is within a day of the UTC one: select generously, then
	// keep exactly the cases found on the days asked for.
	if !from.IsZero() {
		q = q.Where("found_at >= ?", from.AddDays(-1).Time())
	}
	if !to.IsZero() {
		q = q.Where("found_at < ?", to.AddDays(2).Time())
	}
	var all []data.Hoax
	if err := q.Order("found_at, id").Find(&all).Error; err != nil {
		return nil, err
	}
	out := all[:0]
	for _, h := range all {
		day := workflow.FoundDay(&h)
		if (from.IsZero() || !day.Before(from)) && (to.IsZero() || !day.After(to)) {
			out = append(out, h)
		}
	}
	return out, nil
}

// HoaxesOfDraft lists the live cases a draft clarifies.
func (s *Store) HoaxesOfDraft(ctx context.Context, draftID string) ([]data.Hoax, error) {
	var out []data.Hoax
	err := s.read(ctx).Where("deleted = 0 AND draft_id = ?", draftID).Order("found_at, id").Find(&out).Error
	return out, err
}

// OpenHoaxes lists the current office's cases not yet clarified, oldest
// first.
func (s *Store) OpenHoaxes(ctx context.Context) ([]data.Hoax, error) {
	var out []data.Hoax
	err := s.read(ctx).Where("deleted = 0 AND clarified_at IS NULL AND office_id = (SELECT value FROM settings WHERE key = ?)", SettingOffice).
		Order("found_at, id").Find(&out).Error
	return out, err
}

// HoaxQuarters summarises the current office's cases of each quarter of
// year (workflow.ByQuarter): count, clarified, open, median and mean hours.
func (s *Store) HoaxQuarters(ctx context.Context, year int) ([]workflow.QuarterSummary, error) {
	from, to := data.NewDate(year, time.January, 1), data.NewDate(year, time.December, 31)
	cases, err := s.Hoaxes(ctx, from, to)
	if err != nil {
		return nil, err
	}
	return workflow.ByQuarter(cases, from, to), nil
}

// clarifyTx closes the open cases whose clarification is the draft just
// published, at the time of publication (unless that is before the case
// was found), inside the publishing transaction.
func (s *Store) clarifyTx(tx *gorm.DB, draftID string, at time.Time) error {
	var open []data.Hoax
	if err := tx.Where("deleted = 0 AND clarified_at IS NULL AND draft_id = ?", draftID).Find(&open).Error; err != nil {
		return err
	}
	own, err := currentOfficeID(tx)
	if err != nil {
		return err
	}
	for i := range open {
		h := &open[i]
		if h.OfficeID != own || at.Before(h.FoundAt) {
			continue
		}
		t := at
		h.ClarifiedAt = &t
		h.Normalize()
		if err := h.Validate(); err != nil {
			continue // an invalid old case is left for the user to fix
		}
		if err := s.saveTx(tx, h); err != nil {
			return err
		}
	}
	return nil
}
