package store

import (
	"context"

	"github.com/humasdesk/humasdesk/data"
)

// PlannedActivities lists the current office's live activities still
// planned (data.EntryPlanned) that start between from and to, by start
// date: the Agenda shows them beside the planned content.
func (s *Store) PlannedActivities(ctx context.Context, from, to data.Date) ([]data.Entry, error) {
	var out []data.Entry
	err := s.read(ctx).
		Where("deleted = 0 AND office_id = (SELECT value FROM settings WHERE key = ?)", SettingOffice).
		Where("status = ? AND start_date BETWEEN ? AND ?", data.EntryPlanned, from.String(), to.String()).
		Order("start_date, title, id").Find(&out).Error
	return out, err
}
