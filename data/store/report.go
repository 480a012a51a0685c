package store

import (
	"context"

	"github.com/humasdesk/humasdesk/data"
)

// The queries in this file load whole periods for reports. A report must
// see every record of its period, so unlike the list views they do not
// page; a quarter of a busy office is a few thousand rows.

// EntriesBetween returns the live entries of the offices that start between
// from and to (inclusive), in date order.
func (s *Store) EntriesBetween(ctx context.Context, officeIDs []string, from, to data.Date) ([]data.Entry, error) {
	var out []data.Entry
	err := s.read(ctx).Where("deleted = 0 AND office_id IN ? AND start_date BETWEEN ? AND ?",
		officeIDs, from.String(), to.String()).Order("start_date, title, id").Find(&out).Error
	return out, err
}

// DraftsBetween returns the live drafts of the offices planned (or, when
// published, published) between from and to, in date order: those whose
// calendar day (data.Draft.CalendarDay) is in the period.
func (s *Store) DraftsBetween(ctx context.Context, officeIDs []string, from, to data.Date) ([]data.Draft, error) {
	var out []data.Draft
	err := s.read(ctx).Where("deleted = 0 AND office_id IN ? AND "+calendarDay+" BETWEEN ? AND ?",
		officeIDs, from.String(), to.String()).Order(calendarDay + ", title, id").Find(&out).Error
	return out, err
}

// OfficeTree returns the office and every live office under it (through
// parent_id, any depth), the office itself first and the rest by name.
func (s *Store) OfficeTree(ctx context.Context, id string) ([]data.Office, error) {
	root, err := s.Office(ctx, id)
	if err != nil {
		return nil, err
	}
	var under []data.Office
	err = s.read(ctx).Raw(`WITH RECURSIVE tree(id) AS (
			SELECT id FROM offices WHERE parent_id = ? AND deleted = 0
			UNION SELECT o.id FROM offices o JOIN tree t ON o.parent_id = t.id WHERE o.deleted = 0)
		SELECT * FROM offices WHERE id IN (SELECT id FROM tree) ORDER BY name`, id).Scan(&under).Error
	return append([]data.Office{*root}, under...), err
}
