package workflow

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// TimeToClarify is how long the case took, and whether it is clarified.
func TimeToClarify(h *data.Hoax) (time.Duration, bool) {
	if h.ClarifiedAt == nil || h.FoundAt.IsZero() {
		return 0, false
	}
	return h.ClarifiedAt.Sub(h.FoundAt), true
}

// Hours is a duration in hours.
func Hours(d time.Duration) float64 { return d.Hours() }

// FoundDay is the local day on which the case was found.
func FoundDay(h *data.Hoax) data.Date { return data.DateOf(h.FoundAt.In(time.Local)) }

// ClarifySummary counts a set of cases.
type ClarifySummary struct {
	Cases, Clarified, Open int
	MedianHours            float64 // over clarified cases; 0 when none
	MeanHours              float64
}

// Summarize counts cases and their times to clarify.
func Summarize(cases []data.Hoax) ClarifySummary {
	var s ClarifySummary
	var hours []float64
	for i := range cases {
		s.Cases++
		if d, ok := TimeToClarify(&cases[i]); ok {
			s.Clarified++
			hours = append(hours, Hours(d))
		} else {
			s.Open++
		}
	}
	if len(hours) == 0 {
		return s
	}
	slices.Sort(hours)
	sum := 0.0
	for _, h := range hours {
		sum += h
	}
	s.MeanHours = sum / float64(len(hours))
	if n := len(hours); n%2 == 1 {
		s.MedianHours = hours[n/2]
	} else {
		s.MedianHours = (hours[n/2-1] + hours[n/2]) / 2
	}
	return s
}

// QuarterSummary is one quarter's cases.
type QuarterSummary struct {
	Year, Quarter int
	ClarifySummary
}

// Label writes "Triwulan II 2024".
func (q QuarterSummary) Label() string {
	return fmt.Sprintf("%s %d", iddate.QuarterName(q.Quarter), q.Year)
}

// ByQuarter summarises the cases found in each quarter of the range
// [from, to], in order; a quarter without cases is listed with zeros.
func ByQuarter(cases []data.Hoax, from, to data.Date) []QuarterSummary {
	var out []QuarterSummary
	for y, q := from.Year, iddate.QuarterOf(from); y < to.Year || (y == to.Year && q <= iddate.QuarterOf(to)); {
		qFrom, qTo := iddate.QuarterRange(y, q)
		var in []data.Hoax
		for i := range cases {
			if d := FoundDay(&cases[i]); !d.Before(qFrom) && !d.After(qTo) {
				in = append(in, cases[i])
			}
		}
		out = append(out, QuarterSummary{Year: y, Quarter: q, ClarifySummary: Summarize(in)})
		if q++; q > 4 {
			y, q = y+1, 1
		}
	}
	return out
}

// FormatHours writes hours rounded to one decimal, the Indonesian way:
// "7,5", "1.234,0".
func FormatHours(h float64) string {
	tenths := int64(math.Round(h * 10))
	neg := tenths < 0
	if neg {
		tenths = -tenths
	}
	whole := fmt.Sprint(tenths / 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	fmt.Fprintf(&b, ",%d", tenths%10)
	return b.String()
}
