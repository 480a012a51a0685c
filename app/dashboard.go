package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// upcomingShown is how many planned drafts Beranda lists.
const upcomingShown = 8

// dashboard is Beranda: the current quarter of the current office at a
// glance. All its figures come from one store.Summarize call.
type dashboard struct {
	u          *UI
	today      func() data.Date // the day that decides the quarter; tests fix it
	title      *widget.Label    // "Triwulan IV 2026"
	period     *widget.Label    // office and dates
	byStrategy [9]*widget.Label // index 1..8, the counts
	total      *widget.Label
	realised   *widget.Label
	byStatus   map[string]*widget.Label
	upcoming   *fyne.Container
	content    fyne.CanvasObject
}

func newDashboard(u *UI) *dashboard {
	d := &dashboard{u: u, today: data.Today, title: widget.NewLabel(""), period: widget.NewLabel(""),
		total: widget.NewLabel(""), realised: widget.NewLabel(""), byStatus: map[string]*widget.Label{},
		upcoming: container.NewVBox()}
	d.title.TextStyle.Bold = true
	d.title.SizeName = theme.SizeNameHeadingText
	d.period.Wrapping = fyne.TextWrapWord
	refresh := widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), d.refresh)
	header := container.NewBorder(nil, nil, nil, container.NewVBox(refresh), container.NewVBox(d.title, d.period))
	right := container.NewVBox(d.statusCard(), widget.NewCard(lang.L("Upcoming content"), "", d.upcoming))
	d.content = container.NewVScroll(container.NewVBox(header, container.NewGridWithColumns(2, d.strategyCard(), right)))
	d.refresh()
	return d
}

func (d *dashboard) strategyCard() fyne.CanvasObject {
	rows := container.NewVBox()
	for _, s := range data.Strategies {
		d.byStrategy[s.Number] = widget.NewLabel("0")
		rows.Add(countRow(strconv.Itoa(s.Number)+". "+s.Label.In(d.u.lang), d.byStrategy[s.Number]))
	}
	rows.Add(widget.NewSeparator())
	rows.Add(countRow(lang.L("Total"), d.total))
	rows.Add(countRow(data.LabelRealised.In(d.u.lang), d.realised))
	return widget.NewCard(lang.L("Activities by Bakohumas strategy"), "", rows)
}

func (d *dashboard) statusCard() fyne.CanvasObject {
	rows := container.NewVBox()
	for _, s := range data.DraftStatuses {
		d.byStatus[s.Code] = widget.NewLabel("0")
		rows.Add(countRow(s.Label.In(d.u.lang), d.byStatus[s.Code]))
	}
	return widget.NewCard(lang.L("Content by status"), "", rows)
}

// countRow is a name that may wrap, with its figure on the right.
func countRow(name string, count *widget.Label) fyne.CanvasObject {
	n := widget.NewLabel(name)
	n.Wrapping = fyne.TextWrapWord
	count.TextStyle.Bold = true
	return container.NewBorder(nil, nil, nil, count, n)
}

// refresh reads the summary again and shows it.
func (d *dashboard) refresh() {
	today := d.today()
	q := iddate.QuarterOf(today)
	from, to := iddate.QuarterRange(today.Year, q)
	d.title.SetText(quarterName(q, today.Year, d.u.lang))
	sum, err := d.u.store.Summarize(d.u.ctx(), d.u.officeID, from, to, today, upcomingShown)
	if err != nil {
		d.u.showError(lang.L("Could not read the summary"), err)
		return
	}
	d.period.SetText(d.officeName() + " · " + periodText(from, to, d.u.lang))
	d.show(sum)
}

func (d *dashboard) show(sum *store.Summary) {
	for n := 1; n <= 8; n++ {
		d.byStrategy[n].SetText(strconv.Itoa(sum.ByStrategy[n]))
	}
	d.total.SetText(strconv.Itoa(sum.Entries))
	d.realised.SetText(lang.L("{{.Done}} of {{.All}}", map[string]any{"Done": sum.Realised, "All": sum.Entries}))
	for code, l := range d.byStatus {
		l.SetText(strconv.Itoa(sum.DraftsByState[code]))
	}
	d.upcoming.RemoveAll()
	for _, dr := range sum.Upcoming {
		text := iddate.Format(dr.PlannedDate, d.u.lang) + " — " + dr.Title + " (" + data.DraftStatuses.Label(dr.Status, d.u.lang) + ")"
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		d.upcoming.Add(l)
	}
	if len(sum.Upcoming) == 0 {
		d.upcoming.Add(widget.NewLabel(lang.L("No content planned from today on.")))
	}
}

func (d *dashboard) officeName() string {
	o, err := d.u.store.Office(d.u.ctx(), d.u.officeID)
	if err != nil {
		return ""
	}
	return o.Name
}

// quarterName is "Triwulan IV 2026", the way reports name quarters
// (iddate), or "Quarter IV 2026" in English.
func quarterName(q, year int, l data.Lang) string {
	name := iddate.QuarterName(q)
	if l == data.LangEN {
		name = "Quarter " + iddate.Roman(q)
	}
	return name + " " + strconv.Itoa(year)
}

// periodText is "1 Oktober 2026 – 31 Desember 2026", or the English dates.
func periodText(from, to data.Date, l data.Lang) string {
	if l == data.LangEN {
		return iddate.Format(from, l) + " – " + iddate.Format(to, l)
	}
	return iddate.Range(from, to)
}
