package report

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/monitoring"
	"github.com/humasdesk/humasdesk/data/store"
)

// Monitoring is the report's "Pemantauan Media" section: the period's
// clippings counted (data/monitoring), the pickup of the office's press
// releases, the negative coverage and how it was answered, and the
// year's targets against what was realised up to the period's end. A
// rollup sums the offices below.
type Monitoring struct {
	Tally    monitoring.Tally
	Releases []ReleaseRow
	Pickup   []monitoring.QuarterPickup // the period's quarters
	Negative []NegativeRow
	// Targets: the year's lines; UptoQuarter is the last quarter the
	// period covers (4 for an annual report).
	Targets     []monitoring.Line
	UptoQuarter int
}

// ReleaseRow is one press release published in the period and its pickup.
type ReleaseRow struct {
	Date      data.Date
	Title     string
	Office    string
	Outlets   []string // "Kompas (1 hari)"
	FirstDays int      // -1 when no outlet carried it
}

// NegativeRow is one piece of negative coverage and the office's answer.
type NegativeRow struct {
	Date             data.Date
	Outlet, Headline string
	Office           string
	Answer           string // the linked hoax case and its clarification, or the office's content it covers; "" when unanswered
}

// pickupWindow is how long after the period the clippings of its releases
// are still looked for: a release of 31 March picked up on 2 April counts.
const pickupWindow = 31

func (r *Report) collectMonitoring(ctx context.Context, st *store.Store, ids []string, offices map[string]string, drafts []data.Draft) error {
	clips, err := st.ClippingsBetween(ctx, ids, r.From, r.To.AddDays(pickupWindow))
	if err != nil {
		return err
	}
	agencies, err := outletNames(ctx, st, clips)
	if err != nil {
		return err
	}
	var inPeriod []data.Clipping
	for _, c := range clips {
		if !c.Date.After(r.To) {
			inPeriod = append(inPeriod, c)
		}
	}
	m := &Monitoring{Tally: monitoring.Count(inPeriod, agencies), UptoQuarter: 4}
	releases := monitoring.Pickups(drafts, clips, agencies)
	for _, rel := range releases {
		row := ReleaseRow{Date: rel.Draft.CalendarDay(), Title: rel.Draft.Title, Office: offices[rel.Draft.OfficeID], FirstDays: -1}
		if d, ok := rel.FirstDays(); ok {
			row.FirstDays = d
		}
		for _, p := range rel.Pickups {
			row.Outlets = append(row.Outlets, fmt.Sprintf("%s (%s)", p.Outlet, daysText(p.Days)))
		}
		m.Releases = append(m.Releases, row)
	}
	for _, q := range monitoring.PickupByQuarter(releases, r.Period.Year) {
		if r.Period.Annual() || q.Quarter == r.Period.Quarter {
			m.Pickup = append(m.Pickup, q)
		}
	}
	if m.Negative, err = negativeRows(ctx, st, inPeriod, agencies, offices); err != nil {
		return err
	}
	if !r.Period.Annual() {
		m.UptoQuarter = r.Period.Quarter
	}
	targets, err := st.TargetsOf(ctx, ids, r.Period.Year)
	if err != nil {
		return err
	}
	all := make([]*data.Target, 0, len(targets))
	for _, id := range ids {
		all = append(all, targets[id])
	}
	realised, err := st.Realisation(ctx, ids, r.Period.Year)
	if err != nil {
		return err
	}
	m.Targets = monitoring.Lines(monitoring.SumTargets(r.Period.Year, all...), realised)
	r.Monitoring = m
	return nil
}

func daysText(n int) string {
	if n == 0 {
		return "hari yang sama"
	}
	return fmt.Sprintf("%d hari", n)
}

// outletNames names the outlet agencies the clippings point to.
func outletNames(ctx context.Context, st *store.Store, clips []data.Clipping) (map[string]string, error) {
	var ids []string
	for _, c := range clips {
		if c.AgencyID != "" {
			ids = append(ids, c.AgencyID)
		}
	}
	if len(ids) == 0 {
		return map[string]string{}, nil
	}
	return st.AgencyNames(ctx, ids)
}

// negativeRows lists the negative clippings with how the office answered:
// through the hoax case they are tied to (its clarification and when),
// or through its own content they cover.
func negativeRows(ctx context.Context, st *store.Store, clips []data.Clipping, agencies, offices map[string]string) ([]NegativeRow, error) {
	var out []NegativeRow
	for i := range clips {
		c := &clips[i]
		if c.Tone != data.ToneNegative {
			continue
		}
		row := NegativeRow{Date: c.Date, Outlet: monitoring.OutletName(c, agencies), Headline: c.Headline, Office: offices[c.OfficeID]}
		var answers []string
		if c.HoaxID != "" {
			if h, err := st.Hoax(ctx, c.HoaxID); err == nil {
				a := "Kasus hoaks: " + h.Claim
				if h.ClarifiedAt != nil {
					a += "; diklarifikasi " + iddate.Medium(data.DateOf(h.ClarifiedAt.In(time.Local)))
				} else {
					a += "; belum diklarifikasi"
				}
				answers = append(answers, a)
			} else if !errors.Is(err, store.ErrNotFound) {
				return nil, err
			}
		}
		for _, id := range c.DraftIDs {
			if d, err := st.Draft(ctx, id); err == nil {
				answers = append(answers, "Konten: "+d.Title)
			} else if !errors.Is(err, store.ErrNotFound) {
				return nil, err
			}
		}
		row.Answer = strings.Join(answers, "\n")
		out = append(out, row)
	}
	return out, nil
}
