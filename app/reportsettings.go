package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/report"
	"github.com/humasdesk/humasdesk/data/store"
)

// reportSettings is the Laporan section of Pengaturan: the pattern of the
// document number and the next sequence number, and the office's own
// opening (Pendahuluan) and closing (Penutup) text. Empty fields mean the
// defaults of data/report, which the fields show as placeholders.
type reportSettings struct {
	u        *UI
	today    func() data.Date // the example number's date; tests fix it
	f        *kit.FieldSet
	pattern  *widget.Entry
	sequence *widget.Entry
	example  *widget.Label
	intro    *widget.Entry
	closing  *widget.Entry
	saveBtn  *widget.Button
	status   *widget.Label
	content  fyne.CanvasObject
}

func newReportSettings(u *UI) *reportSettings {
	s := &reportSettings{u: u, today: data.Today, f: kit.NewFieldSet(u.lang), pattern: widget.NewEntry(),
		sequence: widget.NewEntry(), example: widget.NewLabel(""), intro: kit.NewMultiLine(5),
		closing: kit.NewMultiLine(3), status: widget.NewLabel("")}
	s.pattern.SetPlaceHolder(report.DefaultNumberPattern)
	s.pattern.OnChanged = func(string) { s.showExample() }
	s.sequence.SetPlaceHolder("1")
	s.sequence.OnChanged = func(string) { s.showExample() }
	s.example.TextStyle.Bold = true
	help := widget.NewLabel(lang.L("Placeholders: {no} the sequence number in three digits (012), {romawi} the month of signing in Roman numerals (XI), {bulan} that month in two digits (11), {tahun} the year of signing (2026), {triwulan} the quarter in Roman numerals (III; empty in an annual report)."))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	seqHelp := widget.NewLabel(lang.L("The next number of this year in the register of numbers; a larger number skips the ones used outside the app."))
	seqHelp.Wrapping = fyne.TextWrapWord
	seqHelp.Importance = widget.LowImportance
	s.f.AddNamed("pattern", lang.L("Number pattern"), container.NewVBox(s.pattern, help, s.example))
	s.f.AddNamed("sequence", lang.L("Next sequence number"), container.NewVBox(s.sequence, seqHelp))
	s.f.AddNamed("intro", lang.L("Opening (Pendahuluan)"), s.intro)
	s.f.AddNamed("closing", lang.L("Closing (Penutup)"), s.closing)
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save report settings"), theme.DocumentSaveIcon(), s.save)
	s.saveBtn.Importance = widget.HighImportance
	s.content = widget.NewCard(lang.L("Reports"), lang.L("Empty fields use the default shown in them"),
		container.NewVBox(s.f.Content, container.NewHBox(s.saveBtn, s.status)))
	s.load()
	return s
}

// load shows the stored settings.
func (s *reportSettings) load() {
	ctx := s.u.ctx()
	get := func(key, def string) string {
		v, err := s.u.store.Setting(ctx, key, def)
		if err != nil {
			fyne.LogError("reading the setting "+key, err)
		}
		return v
	}
	s.pattern.SetText(get(store.SettingReportNumber, ""))
	s.sequence.SetText(strconv.Itoa(s.nextSequence()))
	s.intro.SetText(get(store.SettingReportIntro, ""))
	s.closing.SetText(get(store.SettingReportClosing, ""))
	s.showPlaceholders()
	s.showExample()
}

// nextSequence is the sequence the register gives the pattern's next
// number this year.
func (s *reportSettings) nextSequence() int {
	n, err := s.u.store.NextReportSequence(s.u.ctx(), numberPattern(s.u), s.today().Year)
	if err != nil {
		fyne.LogError("reading the register of numbers", err)
		return 1
	}
	return n
}

// examplePeriod is the period the examples are written for: the current
// quarter.
func (s *reportSettings) examplePeriod() report.Period {
	t := s.today()
	return report.Period{Year: t.Year, Quarter: iddate.QuarterOf(t)}
}

// showPlaceholders shows the default opening and closing, as a report of
// the current quarter would have them.
func (s *reportSettings) showPlaceholders() {
	name := ""
	if o, err := s.u.store.CurrentOffice(s.u.ctx()); err == nil {
		name = o.Name
	}
	s.intro.SetPlaceHolder(fmt.Sprintf(report.DefaultIntro, name, s.examplePeriod().Name()))
	s.closing.SetPlaceHolder(report.DefaultClosing)
}

// showExample writes the number the pattern gives now, as the user types.
func (s *reportSettings) showExample() {
	pattern := strings.TrimSpace(s.pattern.Text)
	if pattern == "" {
		pattern = report.DefaultNumberPattern
	}
	seq, ok := s.seq()
	if !ok {
		seq = 1
	}
	p := s.examplePeriod()
	s.example.SetText(lang.L("Example: {{.Number}}", map[string]any{
		"Number": report.FormatNumber(pattern, seq, s.today(), p)}) + " (" + quarterName(p.Quarter, p.Year, s.u.lang) + ")")
}

// seq reads the sequence number; empty is 1.
func (s *reportSettings) seq() (int, bool) {
	t := strings.ReplaceAll(strings.TrimSpace(s.sequence.Text), ".", "")
	if t == "" {
		return 1, true
	}
	n, err := strconv.Atoi(t)
	return n, err == nil && n >= 1
}

func (s *reportSettings) save() {
	n, ok := s.seq()
	if !ok {
		s.f.Show([]kit.FieldMsg{{Key: "sequence", Text: lang.L("The sequence number must be a whole number from 1")}})
		s.status.SetText("")
		return
	}
	s.f.Clear()
	ctx := s.u.ctx()
	for _, kv := range [][2]string{
		{store.SettingReportNumber, strings.TrimSpace(s.pattern.Text)},
		{store.SettingReportSequence, strconv.Itoa(n)},
		{store.SettingReportSequenceYear, strconv.Itoa(s.today().Year)},
		{store.SettingReportIntro, strings.TrimSpace(s.intro.Text)},
		{store.SettingReportClosing, strings.TrimSpace(s.closing.Text)},
	} {
		if err := s.u.store.SetSetting(ctx, kv[0], kv[1]); err != nil {
			s.u.showError(lang.L("Could not save the setting"), err)
			return
		}
	}
	s.load()
	s.status.SetText(lang.L("Saved."))
	if s.u.export != nil {
		s.u.export.refresh()
	}
}
