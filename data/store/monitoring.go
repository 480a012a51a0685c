package store

import (
	"context"
	"strconv"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/monitoring"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The queries behind media monitoring's numbers: realisation against the
// annual targets, and the series Beranda draws. They aggregate in SQL
// along the tables' (deleted, office_id, date) indexes, so that a chart
// costs one grouped scan of a year rather than loading its rows (see
// BenchmarkCharts).

// quarterOf is the quarter (1..4) of a "YYYY-MM-DD" column, in SQL.
func quarterOf(col string) string {
	return "((CAST(substr(" + col + ", 6, 2) AS INTEGER) - 1) / 3 + 1)"
}

// Realisation counts what the offices realised in year, per quarter: done
// activities by strategy and by activity type, and published content by
// channel (a piece published on two channels counts on each).
func (s *Store) Realisation(ctx context.Context, officeIDs []string, year int) (monitoring.Realised, error) {
	from, to := iddate.YearRange(year)
	// Grouped in the order of the entries_done index, so that SQLite
	// counts along it without sorting; the quarters are added up here.
	var acts []struct {
		StartDate    data.Date
		Strategy     int
		ActivityType string
		N            int
	}
	err := s.read(ctx).Table("entries").
		Select("start_date, strategy, activity_type, COUNT(*) AS n").
		Where("deleted = 0 AND office_id IN ? AND status = ? AND start_date BETWEEN ? AND ?",
			officeIDs, data.EntryDone, from.String(), to.String()).
		Group("start_date, strategy, activity_type").Scan(&acts).Error
	if err != nil {
		return nil, err
	}
	r := monitoring.Realised{}
	for _, a := range acts {
		q := iddate.QuarterOf(a.StartDate)
		r.Add(data.TargetStrategy, strconv.Itoa(a.Strategy), q, a.N)
		r.Add(data.TargetActivity, a.ActivityType, q, a.N)
	}
	var content []struct {
		Channel string
		Q, N    int
	}
	err = s.read(ctx).Raw(`SELECT j.value AS channel, `+quarterOf("d.published_at")+` AS q, COUNT(*) AS n
		FROM drafts d, json_each(d.channels) j
		WHERE d.deleted = 0 AND d.office_id IN ? AND d.published_at BETWEEN ? AND ?
		GROUP BY channel, q`, officeIDs, from.String(), to.String()).Scan(&content).Error
	if err != nil {
		return nil, err
	}
	for _, c := range content {
		r.Add(data.TargetChannel, c.Channel, c.Q, c.N)
	}
	return r, nil
}

// StrategyQuarter is Beranda's first chart: done activities per strategy
// (index 1..8) in a quarter, in the quarter before it, and the quarter's
// share of the annual target.
type StrategyQuarter struct {
	Year, Quarter int
	This, Last    [9]int
	Target        [9]int // the annual target / 4, rounded up; 0 when none
}

// StrategyChart computes StrategyQuarter for the office and the quarter
// of day.
func (s *Store) StrategyChart(ctx context.Context, officeID string, day data.Date) (*StrategyQuarter, error) {
	q := iddate.QuarterOf(day)
	out := &StrategyQuarter{Year: day.Year, Quarter: q}
	from, to := iddate.QuarterRange(day.Year, q)
	if err := s.doneByStrategy(ctx, officeID, from, to, &out.This); err != nil {
		return nil, err
	}
	ly, lq := day.Year, q-1
	if lq == 0 {
		ly, lq = ly-1, 4
	}
	from, to = iddate.QuarterRange(ly, lq)
	if err := s.doneByStrategy(ctx, officeID, from, to, &out.Last); err != nil {
		return nil, err
	}
	t, err := s.Target(ctx, officeID, day.Year)
	if err != nil {
		return nil, err
	}
	for i := 1; i <= 8; i++ {
		out.Target[i] = (t.Count(data.TargetStrategy, strconv.Itoa(i)) + 3) / 4
	}
	return out, nil
}

func (s *Store) doneByStrategy(ctx context.Context, officeID string, from, to data.Date, into *[9]int) error {
	var rows []struct{ Strategy, N int }
	err := entrySpec.apply(s.read(ctx), Filter{OfficeID: officeID, From: from, To: to}).
		Where("status = ?", data.EntryDone).
		Select("strategy, COUNT(*) AS n").Group("strategy").Scan(&rows).Error
	for _, r := range rows {
		if r.Strategy >= 1 && r.Strategy <= 8 {
			into[r.Strategy] = r.N
		}
	}
	return err
}

// MonthlyActivities counts the office's done activities per month of
// year (index 0 = January).
func (s *Store) MonthlyActivities(ctx context.Context, officeID string, year int) ([12]int, error) {
	var out [12]int
	from, to := iddate.YearRange(year)
	var rows []struct {
		StartDate data.Date
		N         int
	}
	err := entrySpec.apply(s.read(ctx), Filter{OfficeID: officeID, From: from, To: to}).
		Where("status = ?", data.EntryDone).
		Select("start_date, COUNT(*) AS n").Group("start_date").Scan(&rows).Error
	for _, r := range rows {
		out[r.StartDate.Month-1] += r.N
	}
	return out, err
}

// MonthTone is one month's clippings by tone.
type MonthTone struct {
	Month                       time.Month
	Positive, Neutral, Negative int
}

// ToneByMonth counts the office's clippings per month of year by tone.
func (s *Store) ToneByMonth(ctx context.Context, officeID string, year int) ([12]MonthTone, error) {
	var out [12]MonthTone
	for i := range out {
		out[i].Month = time.Month(i + 1)
	}
	from, to := iddate.YearRange(year)
	// By day and tone, the order of the clippings_date index: counted
	// along it without a sort, and into months here.
	var rows []struct {
		ClipDate data.Date
		Tone     string
		N        int
	}
	err := clippingSpec.apply(s.read(ctx), Filter{OfficeID: officeID, From: from, To: to}).
		Select("clip_date, tone, COUNT(*) AS n").Group("clip_date, tone").Scan(&rows).Error
	for _, r := range rows {
		m := &out[r.ClipDate.Month-1]
		switch r.Tone {
		case data.TonePositive:
			m.Positive += r.N
		case data.ToneNeutral:
			m.Neutral += r.N
		case data.ToneNegative:
			m.Negative += r.N
		}
	}
	return out, err
}

// OfficeHoaxQuarters summarises an office's hoax cases of each quarter of
// year (as HoaxQuarters does for the current office).
func (s *Store) OfficeHoaxQuarters(ctx context.Context, officeID string, year int) ([]workflow.QuarterSummary, error) {
	from, to := iddate.YearRange(year)
	cases, err := s.HoaxesBetween(ctx, []string{officeID}, from, to)
	if err != nil {
		return nil, err
	}
	return workflow.ByQuarter(cases, from, to), nil
}
