package app

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/report"
	"github.com/humasdesk/humasdesk/data/store"
)

// exportYears is how many years, this one and those before it, the export
// form offers.
const exportYears = 8

// exportView is Ekspor laporan, the second tab of Kegiatan/Laporan: the
// quarterly or annual report of this office, or of it and the offices
// under it, written as PDF, XLSX or CSV. The report itself is built and
// written by data/report in the background; this view only chooses, shows
// progress and tells the result.
type exportView struct {
	u     *UI
	today func() data.Date // decides the years offered and the default period; tests fix it

	years    []int
	year     *widget.Select
	period   *widget.Select // Triwulan I–IV, then Tahunan
	dates    *widget.Label  // the dates of the period chosen
	scope    *widget.RadioGroup
	scopeRow []fyne.CanvasObject // the scope's label and choice, hidden without offices below
	under    int                 // offices under this one
	format   *widget.RadioGroup
	number   *widget.Entry
	auto     string             // the number the form made; while the entry holds it, it follows the period
	reuse    *widget.Check      // "Pakai nomor sebelumnya (…)", shown when the report has one
	prev     *data.ReportNumber // the number the chosen report was last issued with, or nil
	setup    *setupForm         // the first-run set-up, when the export opened it
	numHint  *widget.Label
	saveBtn  *widget.Button
	status   *widget.Label
	lastDir  string // where the last report went, offered again

	// The last export, for tests.
	bar     *widget.ProgressBar
	result  *dialog.ConfirmDialog
	lastErr error
	opened  string // the URL "Buka" opened

	content fyne.CanvasObject
}

func newExportView(u *UI) *exportView {
	v := &exportView{u: u, today: data.Today, dates: widget.NewLabel(""), status: widget.NewLabel(""),
		numHint: widget.NewLabel("")}
	v.numHint.Importance = widget.LowImportance
	v.numHint.Wrapping = fyne.TextWrapWord
	v.status.Wrapping = fyne.TextWrapWord

	v.year = widget.NewSelect(nil, func(string) { v.periodChanged() })
	v.period = widget.NewSelect(periodLabels(u.lang), func(string) { v.periodChanged() })
	v.scope = widget.NewRadioGroup(nil, func(string) {})
	v.format = widget.NewRadioGroup([]string{"PDF", "XLSX", "CSV"}, func(string) { v.formatChanged() })
	v.format.Horizontal = true
	v.format.Required = true
	v.number = widget.NewEntry()
	v.number.SetPlaceHolder(report.DefaultNumberPattern)
	v.reuse = widget.NewCheck("", func(bool) { v.reuseChanged() })
	v.reuse.Hide()
	v.saveBtn = widget.NewButtonWithIcon(lang.L("Save…"), theme.DocumentSaveIcon(), v.chooseFile)
	v.saveBtn.Importance = widget.HighImportance

	scopeLabel := formLabel(lang.L("Scope"))
	v.scopeRow = []fyne.CanvasObject{scopeLabel, v.scope}
	form := container.New(layout.NewFormLayout(),
		formLabel(lang.L("Year")), v.year,
		formLabel(lang.L("Period")), container.NewVBox(v.period, v.dates),
		scopeLabel, v.scope,
		formLabel(lang.L("Format")), v.format,
		formLabel(lang.L("Document number")), container.NewVBox(v.number, v.reuse, v.numHint),
	)
	intro := widget.NewLabel(lang.L("The quarterly or annual activity report, to be signed by the head of office"))
	intro.Wrapping = fyne.TextWrapWord
	card := widget.NewCard(lang.L("Export report"), "",
		container.NewVBox(intro, form, container.NewHBox(v.saveBtn), v.status))
	about := widget.NewLabel(lang.L("PDF is the report to sign and send to the level above: letterhead, number, tables by Bakohumas strategy and activity type, monthly figures, the list of activities, publications, hoax clarifications, obstacles and follow-up, and the signature block. XLSX holds the same figures for spreadsheets; CSV is the list of activities, which can be imported again."))
	where := widget.NewLabel(lang.L("The number pattern and the opening and closing text are set in Settings → Reports; the letterhead and the signer in Settings → Office profile."))
	where.Wrapping = fyne.TextWrapWord
	about.Wrapping = fyne.TextWrapWord
	v.content = container.NewVScroll(container.NewGridWithColumns(2, card,
		widget.NewCard(lang.L("About the report"), "", container.NewVBox(about, where))))

	v.setYears()
	v.format.SetSelected("PDF")
	v.refresh()
	return v
}

func formLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// periodLabels are the choices of the period: the four quarters, then the
// whole year.
func periodLabels(l data.Lang) []string {
	out := make([]string, 0, 5)
	for q := 1; q <= 4; q++ {
		if l == data.LangEN {
			out = append(out, "Quarter "+iddate.Roman(q))
		} else {
			out = append(out, iddate.QuarterName(q))
		}
	}
	return append(out, lang.L("Annual"))
}

// quarterOfChoice maps the period choice to report.Period's Quarter:
// choices 0..3 are quarters 1..4, choice 4 the whole year (0).
func quarterOfChoice(i int) int {
	if i >= 0 && i < 4 {
		return i + 1
	}
	return 0
}

// setYears offers this year and the ones before it, and selects the last
// quarter that has ended: the report usually written now.
func (v *exportView) setYears() {
	today := v.today()
	v.years = v.years[:0]
	var opts []string
	for y := today.Year; y > today.Year-exportYears; y-- {
		v.years = append(v.years, y)
		opts = append(opts, strconv.Itoa(y))
	}
	v.year.SetOptions(opts)
	y, q := today.Year, iddate.QuarterOf(today)-1
	if q == 0 {
		y, q = y-1, 4
	}
	v.year.SetSelectedIndex(today.Year - y)
	v.period.SetSelectedIndex(q - 1)
}

// periodOf is the period the form chooses.
func (v *exportView) periodOf() report.Period {
	p := report.Period{Quarter: quarterOfChoice(v.period.SelectedIndex())}
	if i := v.year.SelectedIndex(); i >= 0 && i < len(v.years) {
		p.Year = v.years[i]
	}
	return p
}

// formatCode is the format chosen: "pdf", "xlsx" or "csv".
func (v *exportView) formatCode() string {
	return strings.ToLower(v.format.Selected)
}

// rollup reports whether the report covers the offices under this one
// too; the choice is offered only when there are some.
func (v *exportView) rollup() bool {
	return v.under > 0 && len(v.scope.Options) > 1 && v.scope.Selected == v.scope.Options[1]
}

// refresh reads again what the form depends on and may have changed
// elsewhere: the offices under this one (they arrive by sync) and the
// number pattern and sequence (Settings). It runs whenever the tab is shown.
func (v *exportView) refresh() {
	tree, err := v.u.store.OfficeTree(v.u.ctx(), v.u.officeID)
	if err != nil {
		fyne.LogError("reading the offices under this one", err)
	}
	sel := 0
	if v.rollup() {
		sel = 1
	}
	v.under = max(len(tree)-1, 0)
	if v.under == 0 {
		for _, o := range v.scopeRow {
			o.Hide()
		}
	} else {
		v.scope.Options = []string{lang.L("This office only"),
			lang.L("This office and the {{.Count}} offices under it", map[string]any{"Count": v.under})}
		v.scope.SetSelected(v.scope.Options[sel])
		for _, o := range v.scopeRow {
			o.Show()
		}
	}
	v.updateNumber(true)
}

func (v *exportView) periodChanged() {
	if v.period == nil || v.number == nil {
		return // still being built
	}
	from, to := v.periodOf().Range()
	if v.periodOf().Year != 0 {
		v.dates.SetText(periodText(from, to, v.u.lang))
	}
	v.updateNumber(false)
}

// reuseChanged shows the number the report will carry: its earlier one
// while the box is ticked, else the next one.
func (v *exportView) reuseChanged() {
	if v.reuse.Checked && v.prev != nil {
		v.number.SetText(v.prev.Number)
		v.number.Disable()
		return
	}
	if v.formatCode() != report.FormatCSV {
		v.number.Enable()
	}
	v.updateNumber(true)
}

func (v *exportView) formatChanged() {
	if v.number == nil {
		return
	}
	if v.formatCode() == report.FormatCSV {
		v.number.Disable()
		v.reuse.Hide()
		v.numHint.SetText(lang.L("A CSV file has no document number."))
	} else {
		v.number.Enable()
		v.numHint.SetText(lang.L("The next number of the register (Register of numbers), made from the pattern in Settings → Reports; you may type another for this report."))
		v.showReuse()
	}
}

// showReuse offers the report's earlier number, when it has one.
func (v *exportView) showReuse() {
	p := v.periodOf()
	prev, err := v.u.store.PreviousReportNumber(v.u.ctx(), v.u.officeID, p.Year, p.Quarter, v.rollup())
	if err != nil {
		fyne.LogError("reading the register of numbers", err)
	}
	v.prev = prev
	if prev == nil || v.formatCode() == report.FormatCSV {
		v.reuse.SetChecked(false)
		v.reuse.Hide()
		return
	}
	v.reuse.Text = lang.L("Use the earlier number ({{.Number}})", map[string]any{"Number": prev.Number})
	v.reuse.Refresh()
	v.reuse.Show()
	if v.reuse.Checked {
		v.number.SetText(prev.Number)
	}
}

// updateNumber makes the document number from the pattern and the next
// sequence number. A number the user typed is kept unless force is set.
func (v *exportView) updateNumber(force bool) {
	if v.number == nil || v.reuse == nil || v.periodOf().Year == 0 {
		return
	}
	v.showReuse()
	if v.reuse.Checked && v.prev != nil {
		return
	}
	n := v.suggestedNumber()
	if force || v.number.Text == v.auto || strings.TrimSpace(v.number.Text) == "" {
		v.number.SetText(n)
	}
	v.auto = n
}

// suggestedNumber is the number the next report gets, unless another
// window or device draws one first: the number is drawn from the register
// only when the report is written.
func (v *exportView) suggestedNumber() string {
	pattern := numberPattern(v.u)
	seq, err := v.u.store.NextReportSequence(v.u.ctx(), pattern, v.today().Year)
	if err != nil {
		fyne.LogError("reading the register of numbers", err)
		seq = 1
	}
	return report.FormatNumber(pattern, seq, v.today(), v.periodOf())
}

// numberPattern is the pattern of the settings, or the default.
func numberPattern(u *UI) string {
	pattern, err := u.store.Setting(u.ctx(), store.SettingReportNumber, "")
	if err != nil {
		fyne.LogError("reading the number pattern", err)
	}
	if strings.TrimSpace(pattern) == "" {
		return report.DefaultNumberPattern
	}
	return strings.TrimSpace(pattern)
}

// fileName is the name offered for the report, e.g.
// "Laporan-Triwulan-II-2024.pdf" or "Laporan-Tahunan-2024-Gabungan.xlsx".
func (v *exportView) fileName() string {
	p := v.periodOf()
	name := "Laporan-Tahunan-" + strconv.Itoa(p.Year)
	if !p.Annual() {
		name = "Laporan-Triwulan-" + iddate.Roman(p.Quarter) + "-" + strconv.Itoa(p.Year)
	}
	if v.rollup() {
		name += "-Gabungan"
	}
	return name + "." + v.formatCode()
}

// options are the report the form asks for. The pattern, opening and
// closing come from the settings when the report is built; the number
// from the register, unless one was typed by hand.
func (v *exportView) options() report.Options {
	opt := report.Options{OfficeID: v.u.officeID, Period: v.periodOf(), Rollup: v.rollup(), SignDate: v.today()}
	if typed := strings.TrimSpace(v.number.Text); v.formatCode() != report.FormatCSV && !v.reusing() && typed != v.auto {
		opt.Number = typed
	}
	return opt
}

// reusing reports whether the report is to carry its earlier number.
func (v *exportView) reusing() bool {
	return v.reuse.Checked && v.prev != nil && v.formatCode() != report.FormatCSV
}

// chooseFile asks where to save the report, then exports it there.
func (v *exportView) chooseFile() {
	if err := v.periodOf().Validate(); err != nil {
		v.u.showError(lang.L("Could not export the report"), err)
		return
	}
	if v.u.needsSetup(v.formatCode()) {
		v.setup = v.u.showSetup(v.chooseFile) // then on to the file
		return
	}
	title := lang.L("Could not export the report")
	choice := kit.FileChoice{ErrTitle: title, Name: v.fileName(), Exts: []string{"." + v.formatCode()},
		Dir: v.startDir(), Size: fyne.NewSize(860, 560)}
	v.u.chooseSave(choice, func(w fyne.URIWriteCloser) {
		// The dialog opened (and emptied) the file; the report is written
		// beside it and renamed over it, so only the name is needed.
		w.Close()
		path, err := localPath(w.URI())
		if err != nil {
			v.u.showError(title, err)
			return
		}
		v.exportTo(v.fixExtension(path))
	})
}

// fixExtension follows a name the user typed: a known extension chooses
// the format; a name without one gets the chosen format's.
func (v *exportView) fixExtension(path string) string {
	if f, err := report.FormatOf(path); err == nil {
		if f != v.formatCode() {
			v.format.SetSelected(strings.ToUpper(f))
		}
		return path
	}
	removeIfEmpty(path) // the dialog made it; the report goes to the name with an extension
	return path + "." + v.formatCode()
}

// startDir is where the save dialog opens: the folder of the last report,
// else the user's Documents (or Dokumen) folder.
func (v *exportView) startDir() fyne.ListableURI {
	if v.lastDir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(v.lastDir)); err == nil {
			return l
		}
	}
	return kit.StartFolder()
}

// exportTo builds and writes the report to path in the background, with a
// progress dialog, and then shows the result. It is what the save
// dialog's callback runs. The returned channel is closed once the result
// is shown.
func (v *exportView) exportTo(path string) <-chan struct{} {
	done := make(chan struct{})
	opt, format, numbered := v.options(), v.formatCode(), report.Numbered{Reuse: v.reusing()}
	v.lastDir = filepath.Dir(path)
	v.lastErr = nil

	msg := widget.NewLabel(lang.L("Preparing the report…"))
	wait := widget.NewProgressBarInfinite()
	bar := widget.NewProgressBar()
	bar.Hide()
	v.bar = bar
	prog := dialog.NewCustomWithoutButtons(lang.L("Export report"),
		sized(container.NewVBox(msg, wait, bar), 360, 0), v.u.win)
	prog.Show()
	v.saveBtn.Disable()

	// Export calls progress from its own goroutine.
	progress := func(n, total int) {
		fyne.Do(func() {
			if !bar.Visible() {
				wait.Stop()
				wait.Hide()
				bar.Show()
				msg.SetText(lang.L("Writing the PDF…"))
			}
			if total > 0 {
				bar.SetValue(float64(n) / float64(total))
			}
		})
	}
	go func() {
		defer close(done)
		r, err := v.export(opt, format, path, numbered, progress)
		fyne.DoAndWait(func() {
			wait.Stop()
			prog.Hide()
			v.saveBtn.Enable()
			if err != nil {
				removeIfEmpty(path)
				v.lastErr = err
				v.status.SetText("")
				v.u.showError(lang.L("Could not export the report"), err)
				return
			}
			v.reuse.SetChecked(false)
			v.updateNumber(true)
			v.showDone(r, format, path)
			if v.u.numbers != nil {
				v.u.numbers.refresh()
			}
		})
	}()
	return done
}

// export runs off the main goroutine: it draws the number of a PDF or
// XLSX from the register (the same as `humasdesk export`) and builds and
// writes the report.
func (v *exportView) export(opt report.Options, format, path string, n report.Numbered, progress func(int, int)) (*report.Report, error) {
	ctx := v.u.ctx()
	opt, err := report.OptionsFromSettings(ctx, v.u.store, opt)
	if err != nil {
		return nil, err
	}
	r, _, err := report.ExportNumbered(ctx, v.u.store, opt, format, path, n, progress)
	return r, err
}

// showDone tells where the report went and offers to open it.
func (v *exportView) showDone(r *report.Report, format, path string) {
	text := lang.L("{{.Title}} was saved as {{.Path}}.", map[string]any{"Title": r.Title, "Path": path})
	if format != report.FormatCSV {
		text += "\n" + lang.L("Number: {{.Number}}", map[string]any{"Number": r.Number})
	}
	text += "\n" + lang.L("{{.Count}} activities.", map[string]any{"Count": r.Total.Count})
	if r.Total.Count == 0 {
		text += " " + lang.L("No activity is recorded in this period.")
	}
	v.status.SetText(lang.L("Last saved: {{.Path}}", map[string]any{"Path": path}))
	d := dialog.NewConfirm(lang.L("Report saved"), text, func(open bool) {
		if open {
			v.open(path)
		}
	}, v.u.win)
	d.SetConfirmText(lang.L("Open"))
	d.SetDismissText(lang.L("Close"))
	v.result = d
	d.Show()
}

// open shows the file in the program the system uses for it.
func (v *exportView) open(path string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = v.u.app.OpenURL(u)
	}
	if err != nil {
		v.u.showError(lang.L("Could not open the file"), err)
		return
	}
	v.opened = u.String()
}

// removeIfEmpty removes a file that exists but is empty: what a save
// dialog leaves when nothing was written.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		if err := os.Remove(path); err != nil {
			fyne.LogError(fmt.Sprintf("removing the empty %s", path), err)
		}
	}
}
