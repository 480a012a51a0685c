package workflow

import "github.com/humasdesk/humasdesk/data"

// WeekStart is the Monday of d's week (weeks run Monday to Sunday).
func WeekStart(d data.Date) data.Date {
	back := (int(d.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-back)
}

// WeeklyGaps returns the Monday of every week (Monday–Sunday) that shares
// a day with [from, to] and holds none of days: the weeks with no content
// planned or published. A week is judged whole, even where the range cuts
// it, so this week counts what already went out on its Monday.
func WeeklyGaps(from, to data.Date, days []data.Date) []data.Date {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return nil
	}
	busy := map[data.Date]bool{}
	for _, d := range days {
		if !d.IsZero() {
			busy[WeekStart(d)] = true
		}
	}
	var out []data.Date
	for w := WeekStart(from); !w.After(to); w = w.AddDays(7) {
		if !busy[w] {
			out = append(out, w)
		}
	}
	return out
}

// WeekDays is the Monday–Sunday range of the week starting on monday.
func WeekDays(monday data.Date) (from, to data.Date) { return monday, monday.AddDays(6) }
