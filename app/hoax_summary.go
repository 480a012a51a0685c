package app

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// hoaxSummary is the register's summary per quarter of a chosen year:
// cases, clarified, open, and the median and mean time to clarify, with
// the year's total. The figures are store.HoaxQuarters and
// workflow.Summarize, the ones the quarterly report prints in its
// "Rekapitulasi Waktu Klarifikasi", written the same way (FormatHours,
// "–" when no case is clarified).
type hoaxSummary struct {
	u       *UI
	today   func() data.Date // tests fix it
	year    *widget.Select
	years   []int
	table   *fyne.Container
	cells   [][]string // what the table shows, row by row, for tests
	content fyne.CanvasObject
}

func newHoaxSummary(u *UI) *hoaxSummary {
	s := &hoaxSummary{u: u, today: data.Today, table: container.NewGridWithColumns(6)}
	s.year = widget.NewSelect(nil, func(string) { s.show() })
	note := widget.NewLabel(lang.L("Time to clarify: hours from when the hoax was found until its clarification was published, rounded to one decimal; median and mean count the clarified cases only. The quarterly report prints the same figures."))
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle.Italic = true
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Year:")), nil, container.NewHBox(s.year))
	s.content = container.NewVScroll(container.NewVBox(top, widget.NewCard("", "", s.table), note))
	return s
}

// refresh offers the years that have cases (and this year) and shows the
// chosen one, this year at first.
func (s *hoaxSummary) refresh() {
	cases, err := s.u.store.Hoaxes(s.u.ctx(), data.Date{}, data.Date{})
	if err != nil {
		s.u.showError(lang.L("Could not read the hoax register"), err)
		return
	}
	this := s.today().Year
	seen := map[int]bool{this: true}
	years := []int{this}
	for i := range cases {
		if y := workflow.FoundDay(&cases[i]).Year; !seen[y] {
			seen[y] = true
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	chosen := this
	if i := s.year.SelectedIndex(); i >= 0 && i < len(s.years) && seen[s.years[i]] {
		chosen = s.years[i]
	}
	s.years = years
	opts := make([]string, len(years))
	sel := 0
	for i, y := range years {
		opts[i] = strconv.Itoa(y)
		if y == chosen {
			sel = i
		}
	}
	s.year.OnChanged = nil
	s.year.SetOptions(opts)
	s.year.SetSelectedIndex(sel)
	s.year.OnChanged = func(string) { s.show() }
	s.show()
}

// setYear shows year (for tests and for callers that know the year).
func (s *hoaxSummary) setYear(year int) {
	s.refresh()
	if i := slices.Index(s.years, year); i >= 0 {
		s.year.SetSelectedIndex(i) // OnChanged shows it
	}
}

// show reads the chosen year's figures and lays them out.
func (s *hoaxSummary) show() {
	i := s.year.SelectedIndex()
	if i < 0 || i >= len(s.years) {
		return
	}
	year := s.years[i]
	ctx := s.u.ctx()
	quarters, err := s.u.store.HoaxQuarters(ctx, year)
	var cases []data.Hoax
	if err == nil {
		from, to := iddate.YearRange(year)
		cases, err = s.u.store.Hoaxes(ctx, from, to)
	}
	if err != nil {
		s.u.showError(lang.L("Could not read the hoax register"), err)
		return
	}
	s.cells = [][]string{{lang.L("Period"), lang.L("Cases"), lang.L("Clarified already"), lang.L("Not clarified"),
		lang.L("Median (hours)"), lang.L("Mean (hours)")}}
	for _, q := range quarters {
		s.cells = append(s.cells, summaryRow(quarterName(q.Quarter, q.Year, s.u.lang), q.ClarifySummary))
	}
	s.cells = append(s.cells, summaryRow(lang.L("Total"), workflow.Summarize(cases)))
	var objs []fyne.CanvasObject
	for r, row := range s.cells {
		for c, text := range row {
			l := widget.NewLabel(text)
			l.TextStyle.Bold = r == 0 || r == len(s.cells)-1
			if c > 0 {
				l.Alignment = fyne.TextAlignTrailing
			}
			objs = append(objs, l)
		}
	}
	s.table.Objects = objs
	s.table.Refresh()
}

// summaryRow is one line of the summary, as the report writes it.
func summaryRow(label string, s workflow.ClarifySummary) []string {
	median, mean := "–", "–"
	if s.Clarified > 0 {
		median, mean = workflow.FormatHours(s.MedianHours), workflow.FormatHours(s.MeanHours)
	}
	return []string{label, strconv.Itoa(s.Cases), strconv.Itoa(s.Clarified), strconv.Itoa(s.Open), median, mean}
}
