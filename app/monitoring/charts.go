package monitoring

import (
	"fmt"
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// Charts is Beranda's chart row: activities per strategy this quarter
// against last quarter and the target, the monthly trend of the year,
// coverage tone per month, and hoax time to clarify per quarter. Each
// reads one store query (data/store/monitoring.go, measured by
// BenchmarkCharts) and each group taps through to the list behind it.
type Charts struct {
	d                             Deps
	v                             *View
	Strategy, Monthly, Tone, Hoax *BarChart
	cards                         [4]*widget.Card
	Content                       fyne.CanvasObject
}

// NewCharts builds the charts; v is the register the tone chart opens.
func NewCharts(d Deps, v *View) *Charts {
	c := &Charts{d: d, v: v}
	for i, title := range []string{lang.L("Activities per strategy: this quarter, last quarter, target"),
		lang.L("Activities done per month"), lang.L("Coverage tone per month"), lang.L("Hoax time to clarify (median hours)")} {
		c.cards[i] = widget.NewCard(title, "", widget.NewLabel(""))
	}
	c.Content = container.NewGridWithColumns(2, c.cards[0], c.cards[1], c.cards[2], c.cards[3])
	return c
}

// Refresh reads and draws every chart for the quarter of today.
func (c *Charts) Refresh() {
	today := c.d.Today()
	if err := c.strategy(today); err != nil {
		c.d.Host.ShowError(lang.L("Could not read the charts"), err)
		return
	}
	if err := c.monthly(today.Year); err != nil {
		c.d.Host.ShowError(lang.L("Could not read the charts"), err)
		return
	}
	if err := c.tone(today.Year); err != nil {
		c.d.Host.ShowError(lang.L("Could not read the charts"), err)
		return
	}
	if err := c.hoax(today.Year); err != nil {
		c.d.Host.ShowError(lang.L("Could not read the charts"), err)
	}
}

func (c *Charts) strategy(today data.Date) error {
	sq, err := c.d.Store().StrategyChart(c.d.Host.Ctx(), c.d.Host.OfficeID(), today)
	if err != nil {
		return err
	}
	groups := make([]Group, 8)
	for i := range groups {
		n := i + 1
		groups[i] = Group{Label: strconv.Itoa(n), Values: []float64{float64(sq.This[n]), float64(sq.Last[n])},
			Colors: []color.Color{colorThis, colorLast}, Marker: float64(sq.Target[n])}
	}
	from, to := iddate.QuarterRange(sq.Year, sq.Quarter)
	c.Strategy = NewBarChart(groups, []LegendItem{
		{colorThis, lang.L("This quarter")}, {colorLast, lang.L("Last quarter")}, {colorTarget, lang.L("Quarter's share of the target")},
	}, func(i int) {
		if c.d.ShowEntries != nil {
			c.d.ShowEntries(i+1, from, to)
		}
	})
	c.cards[0].SetContent(c.Strategy.Content)
	return nil
}

// monthLabel is a month's short name: "Jan", "Feb", …
func monthLabel(m time.Month) string { return iddate.Months[m-1][:3] }

func monthRange(year int, m time.Month) (data.Date, data.Date) {
	return data.NewDate(year, m, 1), data.NewDate(year, m+1, 0)
}

func (c *Charts) monthly(year int) error {
	months, err := c.d.Store().MonthlyActivities(c.d.Host.Ctx(), c.d.Host.OfficeID(), year)
	if err != nil {
		return err
	}
	groups := make([]Group, 12)
	for i, n := range months {
		groups[i] = Group{Label: monthLabel(time.Month(i + 1)), Values: []float64{float64(n)}, Colors: []color.Color{colorThis}}
	}
	c.Monthly = NewBarChart(groups, []LegendItem{{colorThis, fmt.Sprintf(lang.L("Done in %d"), year)}}, func(i int) {
		if c.d.ShowEntries != nil {
			from, to := monthRange(year, time.Month(i+1))
			c.d.ShowEntries(0, from, to)
		}
	})
	c.cards[1].SetContent(c.Monthly.Content)
	return nil
}

func (c *Charts) tone(year int) error {
	months, err := c.d.Store().ToneByMonth(c.d.Host.Ctx(), c.d.Host.OfficeID(), year)
	if err != nil {
		return err
	}
	groups := make([]Group, 12)
	for i, m := range months {
		groups[i] = Group{Label: monthLabel(m.Month), Stacked: true,
			Values: []float64{float64(m.Positive), float64(m.Neutral), float64(m.Negative)},
			Colors: []color.Color{colorPos, colorNeutral, colorNeg}}
	}
	l := c.d.Host.Lang()
	c.Tone = NewBarChart(groups, []LegendItem{
		{colorPos, data.Tones.Label(data.TonePositive, l)}, {colorNeutral, data.Tones.Label(data.ToneNeutral, l)},
		{colorNeg, data.Tones.Label(data.ToneNegative, l)},
	}, func(i int) {
		from, to := monthRange(year, time.Month(i+1))
		c.v.ShowFiltered("", from, to)
	})
	c.cards[2].SetContent(c.Tone.Content)
	return nil
}

func (c *Charts) hoax(year int) error {
	qs, err := c.d.Store().OfficeHoaxQuarters(c.d.Host.Ctx(), c.d.Host.OfficeID(), year)
	if err != nil {
		return err
	}
	groups := make([]Group, len(qs))
	for i, q := range qs {
		groups[i] = Group{Label: "Trw. " + iddate.Roman(q.Quarter), Values: []float64{q.MedianHours}, Colors: []color.Color{colorNeg}}
	}
	c.Hoax = NewBarChart(groups, []LegendItem{{colorNeg, fmt.Sprintf(lang.L("Median hours, %d"), year)}}, func(i int) {
		if c.d.ShowHoaxes != nil {
			from, to := iddate.QuarterRange(year, qs[i].Quarter)
			c.d.ShowHoaxes(from, to)
		}
	})
	c.cards[3].SetContent(c.Hoax.Content)
	return nil
}
