package store

import (
	"context"

	"github.com/humasdesk/humasdesk/data"
)

// Summary is the Beranda view of one office and period.
type Summary struct {
	From, To      data.Date
	ByStrategy    [9]int         // index 1..8; entries starting in the period
	Realised      int            // entries in the period that took place (data.EntryDone)
	Planned       int            // entries in the period still planned (data.EntryPlanned)
	Entries       int            // all entries in the period
	DraftsByState map[string]int // live drafts by status, whatever their date
	Upcoming      []data.Draft   // planned from today on, not yet published
}

// Summarize counts an office's entries between from and to by strategy,
// its drafts by status, and lists up to upcoming planned drafts.
func (s *Store) Summarize(ctx context.Context, officeID string, from, to, today data.Date, upcoming int) (*Summary, error) {
	sum := &Summary{From: from, To: to, DraftsByState: map[string]int{}}
	var byStrat []struct{ Strategy, N, Done, Planned int }
	err := entrySpec.apply(s.read(ctx), Filter{OfficeID: officeID, From: from, To: to}).
		Select("strategy, COUNT(*) AS n, SUM(status = ?) AS done, SUM(status = ?) AS planned", data.EntryDone, data.EntryPlanned).Group("strategy").Scan(&byStrat).Error
	if err != nil {
		return nil, err
	}
	for _, r := range byStrat {
		if r.Strategy >= 1 && r.Strategy <= 8 {
			sum.ByStrategy[r.Strategy] = r.N
		}
		sum.Entries += r.N
		sum.Realised += r.Done
		sum.Planned += r.Planned
	}
	var byStatus []struct {
		Status string
		N      int
	}
	err = draftSpec.apply(s.read(ctx), Filter{OfficeID: officeID}).
		Select("status, COUNT(*) AS n").Group("status").Scan(&byStatus).Error
	if err != nil {
		return nil, err
	}
	for _, r := range byStatus {
		sum.DraftsByState[r.Status] = r.N
	}
	err = draftSpec.apply(s.read(ctx), Filter{OfficeID: officeID, From: today}).
		Where("status <> ?", data.StatusPublished).
		Order("planned_date, id").Limit(upcoming).Find(&sum.Upcoming).Error
	return sum, err
}
