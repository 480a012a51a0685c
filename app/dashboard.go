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

// upcomingShown is how many items of the next days Beranda lists; the
// rest are counted, with a way to the Agenda.
const upcomingShown = 12

// dashboard is Beranda: the current quarter of the current office at a
// glance, and what lies ahead. The quarter's figures come from one
// store.Summarize call; the look ahead (the stage under way, the content
// of the next 14 days, the weeks without any, the open hoax cases) from
// one store.Outlook call.
type dashboard struct {
	u           *UI
	today       func() data.Date // the day that decides the quarter; tests fix it
	title       *widget.Label    // "Triwulan IV 2026"
	period      *widget.Label    // office and dates
	byStrategy  [9]*widget.Label // index 1..8, the counts
	total       *widget.Label
	realised    *widget.Label
	planned     *widget.Label
	byStatus    map[string]*widget.Label
	stages      *fyne.Container // "Tahapan saat ini: …", one line per stage
	gaps        *fyne.Container // a warning per week with nothing planned
	hoaxes      *widget.Label   // open hoax cases
	upcoming    *fyne.Container // the content of the next days
	registerBtn *widget.Button  // to the register's open cases
	outlook     *store.Outlook  // what the look ahead shows, for tests
	backupWarn  *fyne.Container // the last good backup is old (backupschedule.go)
	backupText  *widget.Label
	content     fyne.CanvasObject
}

func newDashboard(u *UI) *dashboard {
	d := &dashboard{u: u, today: data.Today, title: widget.NewLabel(""), period: widget.NewLabel(""),
		total: widget.NewLabel(""), realised: widget.NewLabel(""), planned: widget.NewLabel(""), byStatus: map[string]*widget.Label{},
		stages: container.NewVBox(), gaps: container.NewVBox(), hoaxes: widget.NewLabel(""), upcoming: container.NewVBox()}
	d.title.TextStyle.Bold = true
	d.title.SizeName = theme.SizeNameHeadingText
	d.period.Wrapping = fyne.TextWrapWord
	refresh := widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), d.refresh)
	header := container.NewBorder(nil, nil, nil, container.NewVBox(refresh), container.NewVBox(d.title, d.period))
	d.hoaxes.Wrapping = fyne.TextWrapWord
	d.backupWarn, d.backupText = newBackupWarning(u)
	d.registerBtn = widget.NewButtonWithIcon(lang.L("Open the hoax register"), theme.NavigateNextIcon(), func() { u.showOpenHoaxes() })
	agenda := widget.NewButtonWithIcon(lang.L("Open the Agenda"), theme.CalendarIcon(), func() { u.showAgenda(d.today()) })
	ahead := widget.NewCard(lang.L("Stages and the weeks ahead"), "", container.NewVBox(
		d.stages, d.gaps, widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewHBox(d.registerBtn, agenda), d.hoaxes)))
	next := widget.NewCard(lang.L("Content in the next 14 days"), "", d.upcoming)
	right := container.NewVBox(next, d.statusCard())
	d.content = container.NewVScroll(container.NewVBox(header, d.backupWarn, ahead, container.NewGridWithColumns(2, d.strategyCard(), right),
		u.monitor.charts.Content))
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
	rows.Add(countRow(data.EntryStates.Label(data.EntryPlanned, d.u.lang), d.planned))
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
	sum, err := d.u.store.Summarize(d.u.ctx(), d.u.officeID, from, to, today, 0)
	if err != nil {
		d.u.showError(lang.L("Could not read the summary"), err)
		return
	}
	d.period.SetText(d.officeName() + " · " + periodText(from, to, d.u.lang))
	d.show(sum)
	d.showBackupAge()
	o, err := d.u.store.Outlook(d.u.ctx(), today, store.OutlookDays)
	if err != nil {
		d.u.showError(lang.L("Could not read the agenda"), err)
		return
	}
	d.showOutlook(o)
	d.u.monitor.charts.Refresh()
}

func (d *dashboard) show(sum *store.Summary) {
	for n := 1; n <= 8; n++ {
		d.byStrategy[n].SetText(strconv.Itoa(sum.ByStrategy[n]))
	}
	d.total.SetText(strconv.Itoa(sum.Entries))
	d.realised.SetText(lang.L("{{.Done}} of {{.All}}", map[string]any{"Done": sum.Realised, "All": sum.Entries}))
	d.planned.SetText(strconv.Itoa(sum.Planned))
	for code, l := range d.byStatus {
		l.SetText(strconv.Itoa(sum.DraftsByState[code]))
	}
}

// showOutlook shows the look ahead: the stages under way today (or the
// next one), a warning for each week in the next days with nothing
// planned, the open hoax cases, and the content of the next days.
func (d *dashboard) showOutlook(o *store.Outlook) {
	l := d.u.lang
	d.outlook = o
	d.stages.RemoveAll()
	for i := range o.Stages {
		st := &o.Stages[i]
		d.stages.Add(wrapped(lang.L("Current stage: {{.Stage}}, {{.Period}}",
			map[string]any{"Stage": stageTitle(st), "Period": dayRange(st.Start, st.End, l)}), widget.HighImportance))
	}
	if len(o.Stages) == 0 {
		text := lang.L("No stage is under way today.")
		if next := d.nextStage(o.Today); next != nil {
			text += " " + lang.L("Next: {{.Stage}}, from {{.Date}}.",
				map[string]any{"Stage": stageTitle(next), "Date": iddate.Format(next.Start, l)})
		}
		d.stages.Add(wrapped(text, widget.MediumImportance))
	}

	d.gaps.RemoveAll()
	for _, monday := range o.Gaps {
		text := lang.L("No content planned yet for the week of {{.Range}}",
			map[string]any{"Range": dayRange(monday, monday.AddDays(6), l)})
		d.gaps.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, wrapped(text, widget.WarningImportance)))
	}
	if len(o.Gaps) == 0 {
		d.gaps.Add(wrapped(lang.L("Every week of the next 14 days has content."), widget.SuccessImportance))
	}

	if o.OpenHoaxes > 0 {
		d.hoaxes.SetText(lang.L("Hoax cases not clarified yet: {{.Count}}", map[string]any{"Count": o.OpenHoaxes}))
		d.hoaxes.Importance = widget.DangerImportance
	} else {
		d.hoaxes.SetText(lang.L("Every hoax case in the register is clarified."))
		d.hoaxes.Importance = widget.MediumImportance
	}
	d.hoaxes.Refresh()

	d.upcoming.RemoveAll()
	for i, it := range o.Items {
		if i == upcomingShown {
			more := widget.NewButton(lang.L("{{.Count}} more in the Agenda", map[string]any{"Count": len(o.Items) - i}),
				func() { d.u.showAgenda(o.Today) })
			more.Importance = widget.LowImportance
			d.upcoming.Add(more)
			break
		}
		text := iddate.Format(it.Day, l) + " — " + it.Draft.Title + " (" + data.DraftStatuses.Label(it.Draft.Status, l) + ")"
		id := it.Draft.ID
		open := widget.NewButtonWithIcon("", theme.DocumentIcon(), func() { d.u.openDraft(id) })
		open.Importance = widget.LowImportance
		d.upcoming.Add(container.NewBorder(nil, nil, nil, open, wrapped(text, widget.MediumImportance)))
	}
	if len(o.Items) == 0 {
		d.upcoming.Add(wrapped(lang.L("No content planned in the next 14 days."), widget.WarningImportance))
	}
}

// nextStage is the first stage to start within two months after today.
func (d *dashboard) nextStage(today data.Date) *data.Stage {
	st, err := d.u.store.Stages(d.u.ctx(), today.AddDays(1), today.AddDays(60))
	if err != nil {
		return nil
	}
	for i := range st {
		if st[i].Start.After(today) {
			return &st[i]
		}
	}
	return nil
}

// upcomingTexts are the lines of the next days' content, for tests.
func (d *dashboard) upcomingTexts() []string { return labelsIn(d.upcoming) }

// labelsIn are the texts of the labels inside o, in order.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w.Text)
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, labelsIn(c)...)
		}
	}
	return out
}

// wrapped is a label that wraps, in importance's colour.
func wrapped(text string, importance widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = importance
	return l
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
