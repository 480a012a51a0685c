package monitoring

import (
	"slices"
	"sort"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// Release is a press release the office published, with its pickups.
type Release struct {
	Draft   data.Draft
	Pickups []Pickup // by date, then outlet
}

// Pickup is one outlet that carried a release.
type Pickup struct {
	Outlet string
	Date   data.Date
	Days   int // days from publication to the outlet's first clipping; 0 the same day
}

// PickedUp reports whether any outlet carried the release.
func (r Release) PickedUp() bool { return len(r.Pickups) > 0 }

// FirstDays is the days to the first pickup; ok is false when none.
func (r Release) FirstDays() (days int, ok bool) {
	if len(r.Pickups) == 0 {
		return 0, false
	}
	return r.Pickups[0].Days, true
}

// IsRelease reports whether a draft counts as a published press release:
// a siaran pers that went out.
func IsRelease(d *data.Draft) bool { return d.Kind == "siaran_pers" && d.WasPublished() }

// OutletName names a clipping's outlet: the agency's name when the
// clipping names a known agency, else its free text.
func OutletName(c *data.Clipping, agencies map[string]string) string {
	if n := agencies[c.AgencyID]; c.AgencyID != "" && n != "" {
		return n
	}
	return c.Outlet
}

// Pickups pairs each published press release among drafts with the
// clippings that cover it, one pickup per outlet (its earliest clipping).
// A release counts from its publication date, or its planned date when it
// was marked published without one (data.Draft.CalendarDay), as the
// report's list of publications does.
// A clipping dated before the release counts as the same day: the outlet
// had it early, not late. Releases come in publication order.
func Pickups(drafts []data.Draft, clips []data.Clipping, agencies map[string]string) []Release {
	byDraft := map[string][]*data.Clipping{}
	for i := range clips {
		for _, id := range clips[i].DraftIDs {
			byDraft[id] = append(byDraft[id], &clips[i])
		}
	}
	var out []Release
	for _, d := range drafts {
		if !IsRelease(&d) {
			continue
		}
		r := Release{Draft: d}
		first := map[string]int{} // outlet -> index in r.Pickups
		for _, c := range byDraft[d.ID] {
			name := OutletName(c, agencies)
			days := max(0, daysBetween(d.CalendarDay(), c.Date))
			if i, ok := first[name]; ok {
				if days < r.Pickups[i].Days {
					r.Pickups[i] = Pickup{name, c.Date, days}
				}
				continue
			}
			first[name] = len(r.Pickups)
			r.Pickups = append(r.Pickups, Pickup{name, c.Date, days})
		}
		slices.SortFunc(r.Pickups, func(a, b Pickup) int {
			if a.Days != b.Days {
				return a.Days - b.Days
			}
			return compareStrings(a.Outlet, b.Outlet)
		})
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Draft.CalendarDay().Before(out[j].Draft.CalendarDay()) })
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// daysBetween counts calendar days from a to b (negative when b is before a).
func daysBetween(a, b data.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// QuarterPickup is one quarter's press releases and their pickup.
type QuarterPickup struct {
	Year, Quarter int
	Releases      int     // published in the quarter
	PickedUp      int     // of those, carried by at least one outlet
	Outlets       int     // pickups (outlet × release)
	MedianDays    float64 // median days to first pickup over picked-up releases
	HasMedian     bool    // false when no release of the quarter was picked up
}

// Rate is the share of releases picked up, 0..1 (0 with no releases).
func (q QuarterPickup) Rate() float64 {
	if q.Releases == 0 {
		return 0
	}
	return float64(q.PickedUp) / float64(q.Releases)
}

// Label writes "Triwulan II 2024".
func (q QuarterPickup) Label() string { return iddate.QuarterName(q.Quarter) + " " + itoa(q.Year) }

// PickupByQuarter summarises the releases of each quarter of year, by
// publication date; every quarter is listed, with zeros when empty.
func PickupByQuarter(releases []Release, year int) []QuarterPickup {
	out := make([]QuarterPickup, 4)
	firsts := make([][]int, 4)
	for i := range out {
		out[i] = QuarterPickup{Year: year, Quarter: i + 1}
	}
	for _, r := range releases {
		day := r.Draft.CalendarDay()
		if day.Year != year {
			continue
		}
		q := iddate.QuarterOf(day) - 1
		out[q].Releases++
		out[q].Outlets += len(r.Pickups)
		if days, ok := r.FirstDays(); ok {
			out[q].PickedUp++
			firsts[q] = append(firsts[q], days)
		}
	}
	for i := range out {
		if len(firsts[i]) > 0 {
			out[i].MedianDays, out[i].HasMedian = median(firsts[i]), true
		}
	}
	return out
}

// median of a non-empty list.
func median(xs []int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}
