package store

import (
	"context"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The content calendar (Agenda) and Beranda's look ahead. A draft stands
// on its calendar day: its publication date once published, else its
// planned date (data.Draft.CalendarDay). Drafts without either are not on
// the calendar.

// CalendarItem is one draft on the calendar.
type CalendarItem struct {
	Day       data.Date
	Published bool // it went out (data.Draft.WasPublished)
	Draft     data.Draft
}

// calendarDay is CalendarDay in SQL.
const calendarDay = "COALESCE(published_at, planned_date)"

// calendarDrafts lists the current office's live drafts whose calendar
// day is in [from, to], by day. Bodies are left out (a month of drafts
// would otherwise carry every text); load a draft for its body.
func (s *Store) calendarDrafts(ctx context.Context, from, to data.Date) ([]data.Draft, error) {
	var out []data.Draft
	err := s.read(ctx).Omit("body").
		Where("deleted = 0 AND office_id = (SELECT value FROM settings WHERE key = ?)", SettingOffice).
		Where(calendarDay+" BETWEEN ? AND ?", from.String(), to.String()).
		Order(calendarDay + ", title, id").Find(&out).Error
	return out, err
}

// Calendar lists the current office's content between from and to
// (inclusive) for the month view and the agenda list: planned drafts on
// their planned day, published ones on their publication day.
func (s *Store) Calendar(ctx context.Context, from, to data.Date) ([]CalendarItem, error) {
	drafts, err := s.calendarDrafts(ctx, from, to)
	out := make([]CalendarItem, len(drafts))
	for i, d := range drafts {
		out[i] = CalendarItem{Day: d.CalendarDay(), Published: d.WasPublished(), Draft: d}
	}
	return out, err
}

// DraftsPlannedBetween lists the current office's drafts not yet
// published that are planned between from and to, by planned day.
func (s *Store) DraftsPlannedBetween(ctx context.Context, from, to data.Date) ([]data.Draft, error) {
	items, err := s.Calendar(ctx, from, to)
	var out []data.Draft
	for _, it := range items {
		if !it.Published {
			out = append(out, it.Draft)
		}
	}
	return out, err
}

// DraftsPublishedBetween lists the current office's drafts published
// between from and to, by publication day.
func (s *Store) DraftsPublishedBetween(ctx context.Context, from, to data.Date) ([]data.Draft, error) {
	items, err := s.Calendar(ctx, from, to)
	var out []data.Draft
	for _, it := range items {
		if it.Published {
			out = append(out, it.Draft)
		}
	}
	return out, err
}

// WeeklyGaps returns the Monday of each week (Monday to Sunday) sharing a
// day with [from, to] in which the current office has no content planned
// or published, whatever its status (see workflow.WeeklyGaps).
func (s *Store) WeeklyGaps(ctx context.Context, from, to data.Date) ([]data.Date, error) {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return nil, nil
	}
	first, last := workflow.WeekStart(from), workflow.WeekStart(to).AddDays(6)
	var days []data.Date
	err := s.read(ctx).Table("drafts").
		Where("deleted = 0 AND office_id = (SELECT value FROM settings WHERE key = ?)", SettingOffice).
		Where(calendarDay+" BETWEEN ? AND ?", first.String(), last.String()).
		Pluck(calendarDay, &days).Error
	if err != nil {
		return nil, err
	}
	return workflow.WeeklyGaps(from, to, days), nil
}

// OutlookDays is how far Beranda looks ahead.
const OutlookDays = 14

// Outlook is what Beranda shows of the calendar.
type Outlook struct {
	Today data.Date
	// Stages are the stages on Today, the most specific first.
	Stages []data.Stage
	// Items are the drafts on the calendar from Today for the next days.
	Items []CalendarItem
	// Gaps are the Mondays of the weeks in that window with nothing
	// planned or published: KPU expects content every week.
	Gaps []data.Date
	// OpenHoaxes counts the register's cases still waiting for a
	// clarification.
	OpenHoaxes int
}

// Outlook gathers Beranda's look ahead: the current stage, the next days'
// content (OutlookDays when days is 0), the weeks without any, and the
// open hoax cases.
func (s *Store) Outlook(ctx context.Context, today data.Date, days int) (*Outlook, error) {
	if days <= 0 {
		days = OutlookDays
	}
	last := today.AddDays(days - 1)
	o := &Outlook{Today: today}
	var err error
	if o.Stages, err = s.CurrentStages(ctx, today); err != nil {
		return nil, err
	}
	if o.Items, err = s.Calendar(ctx, today, last); err != nil {
		return nil, err
	}
	if o.Gaps, err = s.WeeklyGaps(ctx, today, last); err != nil {
		return nil, err
	}
	open, err := s.OpenHoaxes(ctx)
	o.OpenHoaxes = len(open)
	return o, err
}
