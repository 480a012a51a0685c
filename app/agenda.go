package app

import (
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The Agenda: the office's content calendar. A month is shown either as a
// grid of weeks, Monday first, each day with its content (title, status
// colour) and the stages that cover it drawn as bands across their days,
// or as a list of the month's content by date. Content is what
// store.Calendar gives: a draft on its publication day once published,
// else on its planned day. The channel and status filters narrow the
// content shown; a week with no content at all, whatever its status, is
// marked, because KPU expects content every week (store.WeeklyGaps
// judges the weeks, so the filters do not make gaps). Tapping an item
// opens it in the Konten form; tapping a band, or "Tahapan…", opens the
// stage manager (stage.go). Activities still planned (Direncanakan) stand
// beside the content on their start day, marked apart and untouched by
// the content filters; tapping one opens it in the Kegiatan form.

// agendaPerDay is how many items a day of the month grid shows; more are
// counted on a chip that opens the list at that day.
const agendaPerDay = 4

// agendaView is the Agenda view.
type agendaView struct {
	u        *UI
	today    func() data.Date // tests fix it
	year     int
	month    time.Month
	listMode bool

	title     *widget.Label
	prevBtn   *widget.Button
	nextBtn   *widget.Button
	todayBtn  *widget.Button
	monthBtn  *widget.Button
	listBtn   *widget.Button
	stagesBtn *widget.Button
	channel   *kit.Choice
	status    *kit.Choice

	// What the month shows, as last read: the whole weeks around it, all
	// their content (before the filters) and what the filters keep, the
	// stages that share a day with them and the Mondays of weeks with no
	// content.
	from, to data.Date
	all      []store.CalendarItem
	items    []store.CalendarItem
	planned  []data.Entry // activities still planned (store.PlannedActivities)
	stages   []data.Stage
	gaps     map[data.Date]bool

	weeks    []*agendaWeek
	grid     *fyne.Container // the weeks
	gridView fyne.CanvasObject
	rows     []agendaRow
	list     *widget.List
	body     *fyne.Container
	mgr      *stageManager // the stage manager opened last, for tests
	content  fyne.CanvasObject
}

// agendaWeek is one row of the month grid.
type agendaWeek struct {
	monday data.Date
	bands  []*stageBand
	gap    *chip // "Tidak ada konten minggu ini", or nil
	days   [7]*agendaDay
}

// stageBand is a stage drawn across the days it covers in one week.
type stageBand struct {
	stage       data.Stage
	first, last int // columns, 0 = Monday
	lane        int
	chip        *chip
}

// agendaDay is one day of the grid and the content shown in it.
type agendaDay struct {
	day   data.Date
	items []*chip
	more  *chip // "+3 lainnya", or nil
}

func newAgendaView(u *UI) *agendaView {
	v := &agendaView{u: u, today: data.Today, title: widget.NewLabel(""), gaps: map[data.Date]bool{}}
	today := v.today()
	v.year, v.month = today.Year, today.Month
	v.title.TextStyle.Bold = true
	v.title.SizeName = theme.SizeNameSubHeadingText
	v.prevBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.showMonth(v.year, v.month-1) })
	v.nextBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.showMonth(v.year, v.month+1) })
	v.todayBtn = widget.NewButton(lang.L("Today"), func() {
		t := v.today()
		v.showMonth(t.Year, t.Month)
	})
	v.monthBtn = widget.NewButtonWithIcon(lang.L("Month"), theme.GridIcon(), func() { v.setListMode(false) })
	v.listBtn = widget.NewButtonWithIcon(lang.L("List"), theme.ListIcon(), func() { v.setListMode(true) })
	v.stagesBtn = widget.NewButtonWithIcon(lang.L("Stages…"), theme.CalendarIcon(), func() { v.openStages(nil) })
	v.channel = kit.NewChoice(data.Channels, u.lang, lang.L("All channels"), func(string) { v.applyFilters() })
	v.status = kit.NewChoice(data.DraftStatuses, u.lang, lang.L("All statuses"), func(string) { v.applyFilters() })

	v.grid = container.NewVBox()
	v.gridView = container.NewBorder(v.weekdayHeadings(), nil, nil, nil, container.NewVScroll(v.grid))
	v.buildList()
	v.body = container.NewStack(v.gridView, v.list)

	nav := container.NewHBox(v.prevBtn, v.todayBtn, v.nextBtn, v.title)
	modes := container.NewHBox(v.monthBtn, v.listBtn, widget.NewSeparator(), v.stagesBtn)
	filters := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Channel:")), nil, v.channel),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Status:")), nil, v.status))
	top := container.NewVBox(
		container.NewBorder(nil, nil, nav, modes),
		container.NewBorder(nil, nil, nil, v.legend(), filters),
	)
	v.content = container.NewBorder(top, nil, nil, nil, v.body)
	v.setListMode(false)
	v.refresh()
	return v
}

// weekdayHeadings are "Senin" … "Minggu" over the columns.
func (v *agendaView) weekdayHeadings() fyne.CanvasObject {
	row := container.NewGridWithColumns(7)
	for i := range 7 {
		l := widget.NewLabel(dayName(time.Weekday((i+1)%7), v.u.lang))
		l.TextStyle.Bold = true
		l.Alignment = fyne.TextAlignCenter
		row.Add(l)
	}
	return row
}

// legend shows what the status colours mean.
func (v *agendaView) legend() fyne.CanvasObject {
	box := container.NewHBox()
	for _, s := range data.DraftStatuses {
		c := newChip(s.Label.In(v.u.lang), nil)
		c.marker = statusColor(s.Code)
		c.natural = true
		box.Add(c)
	}
	c := newChip(lang.L("Planned activity"), nil)
	c.marker = plannedColor
	c.natural = true
	box.Add(c)
	return container.NewCenter(box)
}

// showMonth shows month m of year y; months out of range roll into the
// neighbouring year.
func (v *agendaView) showMonth(y int, m time.Month) {
	first := data.NewDate(y, m, 1)
	v.year, v.month = first.Year, first.Month
	v.refresh()
}

func (v *agendaView) setListMode(on bool) {
	v.listMode = on
	v.monthBtn.Importance, v.listBtn.Importance = widget.HighImportance, widget.MediumImportance
	v.gridView.Show()
	v.list.Hide()
	if on {
		v.monthBtn.Importance, v.listBtn.Importance = widget.MediumImportance, widget.HighImportance
		v.gridView.Hide()
		v.list.Show()
	}
	v.monthBtn.Refresh()
	v.listBtn.Refresh()
}

// refresh reads the month again and draws it.
func (v *agendaView) refresh() {
	first := data.NewDate(v.year, v.month, 1)
	last := data.NewDate(v.year, v.month+1, 0)
	v.from, v.to = workflow.WeekStart(first), workflow.WeekStart(last).AddDays(6)
	v.title.SetText(monthTitle(v.year, v.month, v.u.lang))
	ctx := v.u.ctx()
	all, err := v.u.store.Calendar(ctx, v.from, v.to)
	var stages []data.Stage
	if err == nil {
		stages, err = v.u.store.Stages(ctx, v.from, v.to)
	}
	var gaps []data.Date
	if err == nil {
		gaps, err = v.u.store.WeeklyGaps(ctx, v.from, v.to)
	}
	var planned []data.Entry
	if err == nil {
		planned, err = v.u.store.PlannedActivities(ctx, v.from, v.to)
	}
	if err != nil {
		v.u.showError(lang.L("Could not read the agenda"), err)
		return
	}
	v.all, v.stages, v.planned = all, stages, planned
	v.gaps = map[data.Date]bool{}
	for _, g := range gaps {
		v.gaps[g] = true
	}
	v.applyFilters()
}

// applyFilters keeps the content the filters ask for and draws again.
func (v *agendaView) applyFilters() {
	ch, st := v.channel.Code(), v.status.Code()
	v.items = v.items[:0:0]
	for _, it := range v.all {
		if ch != "" && !slices.Contains(it.Draft.Channels, ch) {
			continue
		}
		if st != "" && it.Draft.Status != st {
			continue
		}
		v.items = append(v.items, it)
	}
	v.drawMonth()
	v.drawList()
}

// itemsOn is the filtered content of day.
func (v *agendaView) itemsOn(day data.Date) []store.CalendarItem {
	var out []store.CalendarItem
	for _, it := range v.items {
		if it.Day == day {
			out = append(out, it)
		}
	}
	return out
}

func (v *agendaView) drawMonth() {
	v.weeks = nil
	var objs []fyne.CanvasObject
	for monday := v.from; !monday.After(v.to); monday = monday.AddDays(7) {
		w := v.buildWeek(monday)
		v.weeks = append(v.weeks, w)
		objs = append(objs, v.weekObject(w))
	}
	v.grid.Objects = objs
	v.grid.Refresh()
}

// buildWeek works out what week shows: its bands in lanes, whether it is
// a gap, and its days' content.
func (v *agendaView) buildWeek(monday data.Date) *agendaWeek {
	w := &agendaWeek{monday: monday}
	sunday := monday.AddDays(6)
	// Stages in start order (workflow.Overlapping), so that a long stage
	// that began earlier keeps the top lane from week to week; each goes
	// into the first lane free over its days, and stages that share a day
	// are stacked.
	var lanesEnd []int // per lane, the last column taken
	for _, st := range workflow.Overlapping(v.stages, monday, sunday) {
		b := &stageBand{stage: st, first: 0, last: 6}
		if st.Start.After(monday) {
			b.first = daysBetween(monday, st.Start)
		}
		if st.End.Before(sunday) {
			b.last = daysBetween(monday, st.End)
		}
		b.lane = -1
		for i, end := range lanesEnd {
			if end < b.first {
				b.lane, lanesEnd[i] = i, b.last
				break
			}
		}
		if b.lane < 0 {
			b.lane = len(lanesEnd)
			lanesEnd = append(lanesEnd, b.last)
		}
		stage := st
		b.chip = newChip(stageTitle(&stage), func() { v.openStages(&stage) })
		col := stageColor(&stage)
		b.chip.fill = func() color.Color { return col }
		b.chip.roundLeft = !st.Start.Before(monday)
		b.chip.roundRight = !st.End.After(sunday)
		w.bands = append(w.bands, b)
	}
	if v.gaps[monday] {
		w.gap = newChip(lang.L("No content this week"), nil)
		w.gap.textColor = theme.ColorNameWarning
		w.gap.bold = true
		w.gap.fill = func() color.Color { return withAlpha(theme.Color(theme.ColorNameWarning), 0x24) }
		w.gap.roundLeft, w.gap.roundRight = true, true
	}
	for i := range 7 {
		day := monday.AddDays(i)
		d := &agendaDay{day: day}
		acts, items := v.plannedOn(day), v.itemsOn(day)
		room := agendaPerDay
		if len(acts)+len(items) > agendaPerDay {
			room = agendaPerDay - 1
		}
		shownActs := acts[:min(len(acts), room)]
		shown := items[:min(len(items), room-len(shownActs))]
		for _, e := range shownActs {
			d.items = append(d.items, v.activityChip(e))
		}
		for _, it := range shown {
			id := it.Draft.ID
			c := newChip(it.Draft.Title, func() { v.u.openDraft(id) })
			c.marker = statusColor(it.Draft.Status)
			d.items = append(d.items, c)
		}
		if n := len(acts) + len(items) - len(shownActs) - len(shown); n > 0 {
			d.more = newChip(lang.L("+{{.Count}} more", map[string]any{"Count": n}), func() { v.showListAt(day) })
			d.more.textColor = theme.ColorNamePrimary
		}
		w.days[i] = d
	}
	return w
}

func daysBetween(from, to data.Date) int {
	return int(to.Time().Sub(from.Time()).Hours() / 24)
}

// weekObject draws a week: the day numbers, the bands lane by lane, the
// gap note, and the days' content, over a background of day cells.
func (v *agendaView) weekObject(w *agendaWeek) fyne.CanvasObject {
	today := v.today()
	cells := container.NewGridWithColumns(7)
	numbers := container.NewGridWithColumns(7)
	items := container.NewGridWithColumns(7)
	for _, d := range w.days {
		inMonth := d.day.Month == v.month
		bg := canvas.NewRectangle(color.Transparent)
		bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		bg.StrokeWidth = 1
		if inMonth {
			bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		}
		num := canvas.NewText(strconv.Itoa(d.day.Day), theme.Color(theme.ColorNameForeground))
		num.TextSize = theme.CaptionTextSize() + 1
		if !inMonth {
			num.Color = theme.Color(theme.ColorNamePlaceHolder)
		}
		if d.day == today {
			bg.FillColor = withAlpha(theme.Color(theme.ColorNamePrimary), 0x30)
			num.TextStyle.Bold = true
			num.Color = theme.Color(theme.ColorNamePrimary)
		}
		cells.Add(bg)
		numbers.Add(container.New(layout.NewCustomPaddedLayout(2, 0, theme.InnerPadding()/2, 0), num))
		box := container.NewVBox()
		for _, c := range d.items {
			box.Add(c)
		}
		if d.more != nil {
			box.Add(d.more)
		}
		items.Add(box)
	}
	rows := container.New(layout.NewCustomPaddedVBoxLayout(2), numbers)
	for lane := 0; ; lane++ {
		l := &spanLayout{}
		var objs []fyne.CanvasObject
		for _, b := range w.bands {
			if b.lane == lane {
				l.spans = append(l.spans, [2]int{b.first, b.last})
				objs = append(objs, b.chip)
			}
		}
		if len(objs) == 0 {
			break
		}
		rows.Add(container.New(l, objs...))
	}
	if w.gap != nil {
		rows.Add(container.New(&spanLayout{spans: [][2]int{{0, 6}}}, w.gap))
	}
	rows.Add(items)
	minHeight := canvas.NewRectangle(color.Transparent)
	minHeight.SetMinSize(fyne.NewSize(0, 96))
	return container.NewStack(minHeight, cells, container.New(layout.NewCustomPaddedLayout(0, 4, 0, 0), rows))
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// The list view.

type agendaRowKind int

const (
	rowHeading agendaRowKind = iota // "Tahapan bulan ini", a day
	rowStage
	rowItem
	rowGap
	rowNote     // nothing to show
	rowActivity // a planned activity
)

// agendaRow is one line of the list view.
type agendaRow struct {
	kind     agendaRowKind
	day      data.Date
	text     string
	item     *store.CalendarItem
	activity *data.Entry
	stage    *data.Stage
}

func (v *agendaView) buildList() {
	v.list = widget.NewList(
		func() int { return len(v.rows) },
		func() fyne.CanvasObject {
			mark := canvas.NewRectangle(color.Transparent)
			mark.SetMinSize(fyne.NewSize(chipMarkerWidth, 0))
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, mark, nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(v.rows) {
				return
			}
			r := v.rows[id]
			c := o.(*fyne.Container)
			l := c.Objects[0].(*widget.Label)
			mark := c.Objects[1].(*canvas.Rectangle)
			l.TextStyle = fyne.TextStyle{Bold: r.kind == rowHeading}
			l.Importance = widget.MediumImportance
			mark.FillColor = color.Transparent
			switch r.kind {
			case rowItem:
				mark.FillColor = statusColor(r.item.Draft.Status)()
			case rowStage:
				mark.FillColor = stageColor(r.stage)
			case rowActivity:
				mark.FillColor = plannedColor()
			case rowGap:
				l.Importance = widget.WarningImportance
			case rowNote:
				l.TextStyle.Italic = true
			}
			mark.Refresh()
			l.SetText(r.text)
		})
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.UnselectAll()
		if id < 0 || id >= len(v.rows) {
			return
		}
		switch r := v.rows[id]; r.kind {
		case rowItem:
			v.u.openDraft(r.item.Draft.ID)
		case rowStage:
			v.openStages(r.stage)
		case rowActivity:
			v.u.openEntry(r.activity.ID)
		}
	}
}

// drawList lists the stages of the month, then its content day by day
// (iddate's long dates), with each week that has no content said where
// it begins.
func (v *agendaView) drawList() {
	l := v.u.lang
	first := data.NewDate(v.year, v.month, 1)
	last := data.NewDate(v.year, v.month+1, 0)
	var rows []agendaRow
	month := workflow.Overlapping(v.stages, first, last)
	if len(month) > 0 {
		rows = append(rows, agendaRow{kind: rowHeading, text: lang.L("Stages this month")})
		for i := range month {
			st := &month[i]
			rows = append(rows, agendaRow{kind: rowStage, stage: st,
				text: stageTitle(st) + " · " + dayRange(st.Start, st.End, l)})
		}
	}
	anyItem := false
	for day := first; !day.After(last); day = day.AddDays(1) {
		if monday := workflow.WeekStart(day); (day == first || day == monday) && v.gaps[monday] {
			rows = append(rows, agendaRow{kind: rowGap, day: day,
				text: lang.L("Week of {{.Range}}: no content planned", map[string]any{"Range": dayRange(monday, monday.AddDays(6), l)})})
		}
		items, acts := v.itemsOn(day), v.plannedOn(day)
		if len(items) == 0 && len(acts) == 0 {
			continue
		}
		anyItem = true
		rows = append(rows, agendaRow{kind: rowHeading, day: day, text: iddate.Format(day, l)})
		for _, e := range acts {
			rows = append(rows, agendaRow{kind: rowActivity, day: day, activity: e, text: activityText(e)})
		}
		for i := range items {
			it := &items[i]
			rows = append(rows, agendaRow{kind: rowItem, day: day, item: it, text: v.itemText(it)})
		}
	}
	if !anyItem {
		text := lang.L("No content this month.")
		if len(v.all) > 0 && len(v.items) < len(v.all) {
			text = lang.L("No content this month matches the filters.")
		}
		rows = append(rows, agendaRow{kind: rowNote, text: text})
	}
	v.rows = rows
	v.list.Refresh()
}

// itemText is a line of the list: "Title · Terbit · Instagram, Situs web".
func (v *agendaView) itemText(it *store.CalendarItem) string {
	l := v.u.lang
	parts := []string{it.Draft.Title, data.DraftStatuses.Label(it.Draft.Status, l)}
	var ch []string
	for _, c := range it.Draft.Channels {
		ch = append(ch, data.Channels.Label(c, l))
	}
	if len(ch) > 0 {
		parts = append(parts, strings.Join(ch, ", "))
	}
	return strings.Join(parts, " · ")
}

// showListAt switches to the list and scrolls to day.
func (v *agendaView) showListAt(day data.Date) {
	v.setListMode(true)
	for i, r := range v.rows {
		if r.kind == rowHeading && r.day == day {
			v.list.ScrollTo(i)
			return
		}
	}
}

// openStages opens the stage manager, at st when given, and draws the
// Agenda and Beranda again after each change.
func (v *agendaView) openStages(st *data.Stage) {
	m := newStageManager(v.u, func() {
		v.refresh()
		v.u.home.refresh()
	})
	m.around = data.NewDate(v.year, v.month, 1)
	m.show(st)
	v.mgr = m
}

// For tests and for what the grid shows: the titles in a day's cell, the
// stages banded across a day, and whether a week is marked as a gap.

func (v *agendaView) dayOf(day data.Date) (*agendaWeek, int) {
	for _, w := range v.weeks {
		if i := daysBetween(w.monday, day); i >= 0 && i < 7 {
			return w, i
		}
	}
	return nil, -1
}

func (v *agendaView) dayItems(day data.Date) []string {
	w, i := v.dayOf(day)
	if w == nil {
		return nil
	}
	var out []string
	for _, c := range w.days[i].items {
		out = append(out, c.text)
	}
	if m := w.days[i].more; m != nil {
		out = append(out, m.text)
	}
	return out
}

func (v *agendaView) dayStages(day data.Date) []string {
	w, i := v.dayOf(day)
	if w == nil {
		return nil
	}
	var out []string
	for _, b := range w.bands {
		if b.first <= i && i <= b.last {
			out = append(out, b.chip.text)
		}
	}
	return out
}

func (v *agendaView) weekMarked(monday data.Date) bool {
	w, _ := v.dayOf(monday)
	return w != nil && w.gap != nil
}

// openDraft shows a draft in the Konten form, as if it had been chosen
// from the Konten list: the Agenda and Beranda open content this way.
func (u *UI) openDraft(id string) {
	d, err := u.store.Draft(u.ctx(), id)
	if err != nil {
		u.showError(lang.L("Could not open the record"), err)
		return
	}
	u.selectView(u.drafts.Content)
	u.drafts.Show(d)
}

// selectView shows the view whose content is content.
func (u *UI) selectView(content fyne.CanvasObject) {
	for _, ti := range u.tabs.Items {
		if ti.Content == content {
			u.tabs.Select(ti)
			return
		}
	}
}

// showAgenda shows the Agenda at the month of day.
func (u *UI) showAgenda(day data.Date) {
	u.selectView(u.agenda.content)
	u.agenda.showMonth(day.Year, day.Month)
}
