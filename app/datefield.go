package app

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// dateField lets the user type a date the way offices write it ("10 Juli
// 2023", "10/07/2023") or pick it from a calendar, and shows the result as
// "Senin, 10 Juli 2023" beside it so that a typo is seen before saving.
//
// Fyne's DateEntry is not used: it parses and writes dates in the locale's
// numeric format only, and its Calendar names months in English ("July
// 2023"), while Indonesian dates must read "Juli" (DESIGN.md). The picker
// below is small and uses data/iddate's names.
type dateField struct {
	l       data.Lang
	entry   *widget.Entry
	shown   *widget.Label  // the parsed date in words, or why it is not one
	pickBtn *widget.Button // opens picker
	picker  *monthPicker
	popUp   *widget.PopUp
	changed func() // told after the user picks or types a valid date or clears it
	content fyne.CanvasObject
}

// newDateField makes a date field; compact fields (filters) leave out the
// date in words to save room.
func newDateField(l data.Lang, compact bool) *dateField {
	f := &dateField{l: l, entry: widget.NewEntry(), shown: widget.NewLabel("")}
	f.entry.SetPlaceHolder(lang.L("e.g. 10 July 2023 or 10/07/2023"))
	f.entry.OnChanged = func(string) { f.update() }
	f.picker = newMonthPicker(l, f.pick)
	f.pickBtn = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.openPicker)
	f.pickBtn.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, nil, f.pickBtn, f.entry)
	if compact {
		f.content = row
	} else {
		f.shown.Importance = widget.LowImportance
		f.content = container.NewVBox(row, f.shown)
	}
	return f
}

// date is the date entered: zero for an empty field, ok false when the
// text is not a date.
func (f *dateField) date() (d data.Date, ok bool) {
	if strings.TrimSpace(f.entry.Text) == "" {
		return data.Date{}, true
	}
	d, err := iddate.Parse(f.entry.Text)
	return d, err == nil
}

// weekdayProblem says, when the text names a day that the date is not
// ("Selasa, 10 Juli 2023" for a Monday), which day the date is; "" otherwise.
func (f *dateField) weekdayProblem() string {
	_, err := iddate.Parse(f.entry.Text)
	var we *iddate.WeekdayError
	if !errors.As(err, &we) {
		return ""
	}
	date, day := iddate.Medium(we.Date), iddate.Days[we.Date.Weekday()]
	if f.l == data.LangEN {
		date, day = we.Date.Time().Format("2 January 2006"), we.Date.Weekday().String()
	}
	return lang.L("{{.Date}} is a {{.Day}}, not {{.Named}}", map[string]any{"Date": date, "Day": day, "Named": we.Named})
}

// read is date for forms: a text that is not a date is reported under key.
func (f *dateField) read(key string, label data.Text, msgs *[]fieldMsg) data.Date {
	d, ok := f.date()
	if !ok {
		msg := lang.L("{{.Field}} is not a date (e.g. 10 July 2023 or 10/07/2023)", map[string]any{"Field": label.In(f.l)})
		if p := f.weekdayProblem(); p != "" {
			msg = label.In(f.l) + ": " + p
		}
		*msgs = append(*msgs, fieldMsg{key, msg})
	}
	return d
}

// setDate shows d; the zero date empties the field.
func (f *dateField) setDate(d data.Date) {
	f.entry.SetText(f.text(d))
	f.update()
}

// text is how a date is written into the entry: in words for Indonesian,
// which iddate.Parse reads back, and as digits for English, since the
// parser knows Indonesian month names only.
func (f *dateField) text(d data.Date) string {
	if f.l == data.LangEN {
		return iddate.Short(d)
	}
	return iddate.Medium(d)
}

func (f *dateField) update() {
	d, ok := f.date()
	switch {
	case !ok && f.weekdayProblem() != "":
		f.shown.SetText(f.weekdayProblem())
	case !ok:
		f.shown.SetText(lang.L("Not a date yet"))
	default:
		f.shown.SetText(iddate.Format(d, f.l))
	}
	if f.shown.Text == "" { // no empty line under an empty field
		f.shown.Hide()
	} else {
		f.shown.Show()
	}
	if ok && f.changed != nil {
		f.changed()
	}
}

func (f *dateField) openPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f.entry)
	if c == nil {
		return
	}
	d, ok := f.date()
	if !ok || d.IsZero() {
		d = data.Today()
	}
	f.picker.selected, _ = f.date()
	f.picker.show(d.Year, d.Month)
	f.popUp = widget.NewPopUp(f.picker.content, c)
	f.popUp.ShowAtRelativePosition(fyne.NewPos(0, f.entry.Size().Height), f.entry)
}

func (f *dateField) pick(d data.Date) {
	if f.popUp != nil {
		f.popUp.Hide()
	}
	f.setDate(d)
}

// monthPicker shows one month as a grid of day buttons, weeks starting on
// Monday as Indonesian calendars do.
type monthPicker struct {
	l        data.Lang
	year     int
	month    time.Month
	selected data.Date // drawn highlighted, with today less so
	title    *widget.Label
	days     *fyne.Container
	onPick   func(data.Date)
	content  fyne.CanvasObject
}

func newMonthPicker(l data.Lang, onPick func(data.Date)) *monthPicker {
	p := &monthPicker{l: l, onPick: onPick, title: widget.NewLabel("")}
	p.title.Alignment = fyne.TextAlignCenter
	p.days = container.NewGridWithColumns(7)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.show(p.year, p.month-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.show(p.year, p.month+1) })
	p.content = container.NewBorder(container.NewBorder(nil, nil, prev, next, p.title), nil, nil, nil, p.days)
	today := data.Today()
	p.show(today.Year, today.Month)
	return p
}

// show draws month m of year y; months out of range roll into the
// neighbouring year.
func (p *monthPicker) show(y int, m time.Month) {
	first := data.NewDate(y, m, 1)
	p.year, p.month = first.Year, first.Month
	p.title.SetText(p.monthName() + " " + strconv.Itoa(p.year))
	objs := p.weekdayHeadings()
	// Monday-first offset of the 1st: Monday 0 … Sunday 6.
	for i := 0; i < (int(first.Weekday())+6)%7; i++ {
		objs = append(objs, layout.NewSpacer())
	}
	for d := first; d.Month == first.Month; d = d.AddDays(1) {
		day := d
		b := widget.NewButton(strconv.Itoa(d.Day), func() { p.onPick(day) })
		switch d {
		case p.selected:
			b.Importance = widget.HighImportance
		case data.Today():
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		objs = append(objs, b)
	}
	p.days.Objects = objs
	p.days.Refresh()
}

func (p *monthPicker) monthName() string {
	if p.l == data.LangEN {
		return p.month.String()
	}
	return iddate.Months[p.month-1]
}

// weekdayHeadings are "Sen" … "Min", cut from iddate's day names.
func (p *monthPicker) weekdayHeadings() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 7)
	for i := range out {
		wd := time.Weekday((i + 1) % 7)
		name := iddate.Days[wd]
		if p.l == data.LangEN {
			name = wd.String()
		}
		l := widget.NewLabel(name[:3])
		l.Alignment = fyne.TextAlignCenter
		l.TextStyle.Bold = true
		out[i] = l
	}
	return out
}

// dayButton returns the button of day d in the month shown, for tests.
func (p *monthPicker) dayButton(d int) *widget.Button {
	for _, o := range p.days.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == strconv.Itoa(d) {
			return b
		}
	}
	return nil
}
