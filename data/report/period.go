// Package report builds the quarterly (Triwulan) and annual activity
// reports of a humas office from the local store, and renders them: the
// PDF in Indonesian government form (pdf.go) and spreadsheets. Build makes
// one Report model that every format renders, so that the PDF and the
// spreadsheet of one period always agree.
package report

import (
	"fmt"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// Period is a reporting period: quarter 1..4 of a year, or the whole year
// when Quarter is 0.
type Period struct {
	Year    int
	Quarter int
}

// Annual reports whether the period is a whole year.
func (p Period) Annual() bool { return p.Quarter == 0 }

// Validate refuses quarters outside 0..4 and implausible years.
func (p Period) Validate() error {
	if p.Year < 2000 || p.Year > 2100 {
		return fmt.Errorf("tahun %d di luar rentang 2000–2100", p.Year)
	}
	if p.Quarter < 0 || p.Quarter > 4 {
		return fmt.Errorf("triwulan %d tidak ada (pilih 1 sampai 4)", p.Quarter)
	}
	return nil
}

// Range returns the first and last day of the period.
func (p Period) Range() (from, to data.Date) {
	if p.Annual() {
		return iddate.YearRange(p.Year)
	}
	return iddate.QuarterRange(p.Year, p.Quarter)
}

// Name writes "Triwulan II Tahun 2024" or "Tahun 2024".
func (p Period) Name() string {
	if p.Annual() {
		return fmt.Sprintf("Tahun %d", p.Year)
	}
	return fmt.Sprintf("%s Tahun %d", iddate.QuarterName(p.Quarter), p.Year)
}

// Months lists the months of the period.
func (p Period) Months() []time.Month {
	first, last := time.January, time.December
	if !p.Annual() {
		first = time.Month(3*(p.Quarter-1) + 1)
		last = first + 2
	}
	var out []time.Month
	for m := first; m <= last; m++ {
		out = append(out, m)
	}
	return out
}
