package kit

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

// DateField lets the user type a date the way offices write it ("10 Juli
// 2023", "10/07/2023") or pick it from a calendar, and shows the result as
// "Senin, 10 Juli 2023" beside it so that a typo is seen before saving.
//
// Fyne's DateEntry is not used: it parses and writes dates in the locale's
// numeric format only, and its Calendar names months in English ("July
// 2023"), while Indonesian dates must read "Juli" (DESIGN.md). The picker
// below is small and uses data/iddate's names.
type DateField struct {
	L       data.Lang
	Entry   *widget.Entry
	Shown   *widget.Label  // the parsed date in words, or why it is not one
	PickBtn *widget.Button // opens picker
	Picker  *MonthPicker
	popUp   *widget.PopUp
	Changed func() // told after the user picks or types a valid date or clears it
	Content fyne.CanvasObject
}

// NewDateField makes a date field; compact fields (filters) leave out the
// date in words to save room.
func NewDateField(l data.Lang, compact bool) *DateField {
	f := &DateField{L: l, Entry: widget.NewEntry(), Shown: widget.NewLabel("")}
	f.Entry.SetPlaceHolder(lang.L("e.g. 10 July 2023 or 10/07/2023"))
	f.Entry.OnChanged = func(string) { f.update() }
	f.Picker = newMonthPicker(l, f.pick)
	f.PickBtn = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.openPicker)
	f.PickBtn.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, nil, f.PickBtn, f.Entry)
	if compact {
		f.Content = row
	} else {
		f.Shown.Importance = widget.LowImportance
		f.Content = container.NewVBox(row, f.Shown)
	}
	return f
}

// Date is the date entered: zero for an empty field, ok false when the
// text is not a date.
func (f *DateField) Date() (d data.Date, ok bool) {
	if strings.TrimSpace(f.Entry.Text) == "" {
		return data.Date{}, true
	}
	d, err := iddate.Parse(f.Entry.Text)
	return d, err == nil
}

// weekdayProblem says, when the text names a day that the date is not
// ("Selasa, 10 Juli 2023" for a Monday), which day the date is; "" otherwise.
func (f *DateField) weekdayProblem() string {
	_, err := iddate.Parse(f.Entry.Text)
	var we *iddate.WeekdayError
	if !errors.As(err, &we) {
		return ""
	}
	date, day := iddate.Medium(we.Date), iddate.Days[we.Date.Weekday()]
	if f.L == data.LangEN {
		date, day = we.Date.Time().Format("2 January 2006"), we.Date.Weekday().String()
	}
	return lang.L("{{.Date}} is a {{.Day}}, not {{.Named}}", map[string]any{"Date": date, "Day": day, "Named": we.Named})
}

// Read is date for forms: a text that is not a date is reported under key.
func (f *DateField) Read(key string, label data.Text, msgs *[]FieldMsg) data.Date {
	d, ok := f.Date()
	if !ok {
		msg := lang.L("{{.Field}} is not a date (e.g. 10 July 2023 or 10/07/2023)", map[string]any{"Field": label.In(f.L)})
		if p := f.weekdayProblem(); p != "" {
			msg = label.In(f.L) + ": " + p
		}
		*msgs = append(*msgs, FieldMsg{key, msg})
	}
	return d
}

// SetDate shows d; the zero date empties the field.
func (f *DateField) SetDate(d data.Date) {
	f.Entry.SetText(f.Text(d))
	f.update()
}

// Text is how a date is written into the entry: in words for Indonesian,
// which iddate.Parse reads back, and as digits for English, since the
// parser knows Indonesian month names only.
func (f *DateField) Text(d data.Date) string {
	if f.L == data.LangEN {
		return iddate.Short(d)
	}
	return iddate.Medium(d)
}

func (f *DateField) update() {
	d, ok := f.Date()
	switch {
	case !ok && f.weekdayProblem() != "":
		f.Shown.SetText(f.weekdayProblem())
	case !ok:
		f.Shown.SetText(lang.L("Not a date yet"))
	default:
		f.Shown.SetText(iddate.Format(d, f.L))
	}
	if f.Shown.Text == "" { // no empty line under an empty field
		f.Shown.Hide()
	} else {
		f.Shown.Show()
	}
	if ok && f.Changed != nil {
		f.Changed()
	}
}

func (f *DateField) openPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f.Entry)
	if c == nil {
		return
	}
	d, ok := f.Date()
	if !ok || d.IsZero() {
		d = data.Today()
	}
	f.Picker.selected, _ = f.Date()
	f.Picker.Show(d.Year, d.Month)
	f.popUp = widget.NewPopUp(f.Picker.Content, c)
	f.popUp.ShowAtRelativePosition(fyne.NewPos(0, f.Entry.Size().Height), f.Entry)
}

func (f *DateField) pick(d data.Date) {
	if f.popUp != nil {
		f.popUp.Hide()
	}
	f.SetDate(d)
}

// MonthPicker shows one month as a grid of day buttons, weeks starting on
// Monday as Indonesian calendars do.
type MonthPicker struct {
	l        data.Lang
	year     int
	month    time.Month
	selected data.Date // drawn highlighted, with today less so
	Title    *widget.Label
	days     *fyne.Container
	onPick   func(data.Date)
	Content  fyne.CanvasObject
}

func newMonthPicker(l data.Lang, onPick func(data.Date)) *MonthPicker {
	p := &MonthPicker{l: l, onPick: onPick, Title: widget.NewLabel("")}
	p.Title.Alignment = fyne.TextAlignCenter
	p.days = container.NewGridWithColumns(7)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.Show(p.year, p.month-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.Show(p.year, p.month+1) })
	p.Content = container.NewBorder(container.NewBorder(nil, nil, prev, next, p.Title), nil, nil, nil, p.days)
	today := data.Today()
	p.Show(today.Year, today.Month)
	return p
}

// Show draws month m of year y; months out of range roll into the
// neighbouring year.
func (p *MonthPicker) Show(y int, m time.Month) {
	first := data.NewDate(y, m, 1)
	p.year, p.month = first.Year, first.Month
	p.Title.SetText(p.monthName() + " " + strconv.Itoa(p.year))
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

func (p *MonthPicker) monthName() string {
	if p.l == data.LangEN {
		return p.month.String()
	}
	return iddate.Months[p.month-1]
}

// weekdayHeadings are "Sen" … "Min", cut from iddate's day names.
func (p *MonthPicker) weekdayHeadings() []fyne.CanvasObject {
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

// DayButton returns the button of day d in the month shown, for tests.
func (p *MonthPicker) DayButton(d int) *widget.Button {
	for _, o := range p.days.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == strconv.Itoa(d) {
			return b
		}
	}
	return nil
}
