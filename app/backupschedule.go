package app

// Scheduled backups: the settings in Pengaturan → Cadangan (on or off, the
// folder, how often, how many to keep), the date of the last good backup,
// the loop that makes one when it is due while the window is open, and
// Beranda's warning when the last good one is old.
//
// The schedule lives in a file beside the database (store.LoadSchedule),
// read again wherever it is shown, so the card, Beranda and the loop never
// hold copies that could disagree. The loop works on the database's path,
// not on the store, so it needs nothing from the main goroutine; u.backupMu
// keeps it apart from a restore, which replaces the file.

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data/store"
)

// scheduleCheckEvery is how often the loop looks whether a backup is due;
// the first look is scheduleStartDelay after the window opens, so that an
// overdue backup does not compete with the start-up.
var (
	scheduleCheckEvery = 10 * time.Minute
	scheduleStartDelay = 15 * time.Second
)

// scheduleSection is the scheduled-backup part of the Cadangan card.
type scheduleSection struct {
	u        *UI
	enabled  *widget.Check
	folder   *widget.Label
	choose   *widget.Button
	every    *widget.Select
	keep     *widget.Select
	lastGood *widget.Label
	lastErr  *widget.Label
	runNow   *widget.Button
	loading  bool // refresh is setting the widgets: their callbacks save nothing
	content  fyne.CanvasObject
}

// everyDays are the choices of how often, in days; everyLabels names them.
var everyDays = []int{1, 7}

func everyLabels() []string { return []string{lang.L("Every day"), lang.L("Every week")} }

var keepChoices = []string{"3", "5", "7", "14", "30"}

func newScheduleSection(u *UI) *scheduleSection {
	s := &scheduleSection{u: u, folder: widget.NewLabel(""), lastGood: widget.NewLabel(""), lastErr: widget.NewLabel("")}
	s.folder.Wrapping = fyne.TextWrapWord
	s.lastErr.Wrapping = fyne.TextWrapWord
	s.lastErr.Importance = widget.DangerImportance
	s.enabled = widget.NewCheck(lang.L("Back up automatically"), func(on bool) {
		s.change(func(sch *store.BackupSchedule) { sch.Enabled = on })
	})
	labels := everyLabels()
	s.every = widget.NewSelect(labels, func(v string) {
		for i, l := range labels {
			if l == v {
				s.change(func(sch *store.BackupSchedule) { sch.EveryDays = everyDays[i] })
			}
		}
	})
	s.keep = widget.NewSelect(keepChoices, func(v string) {
		n, _ := strconv.Atoi(v)
		s.change(func(sch *store.BackupSchedule) { sch.Keep = n })
	})
	s.choose = widget.NewButtonWithIcon(lang.L("Choose folder…"), theme.FolderOpenIcon(), s.chooseFolder)
	s.runNow = widget.NewButtonWithIcon(lang.L("Back up to this folder now"), theme.DocumentSaveIcon(), func() { s.u.runScheduledNow() })
	s.content = container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Scheduled backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.enabled,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Folder:")), s.choose, s.folder),
		container.NewHBox(widget.NewLabel(lang.L("How often:")), s.every, widget.NewLabel(lang.L("Keep the newest:")), s.keep),
		wrapped(lang.L("Choose a folder on a USB drive or another disk, so that the backups survive the loss of this computer."), widget.MediumImportance),
		container.NewHBox(s.lastGood, s.runNow), s.lastErr)
	s.refresh()
	return s
}

// refresh shows the schedule as its file has it now.
func (s *scheduleSection) refresh() {
	sch, err := store.LoadSchedule(s.u.store.Path())
	s.loading = true
	defer func() { s.loading = false }()
	s.enabled.SetChecked(sch.Enabled)
	s.folder.SetText(sch.Folder)
	for i, l := range everyLabels() {
		if everyDays[i] == sch.EveryDays {
			s.every.SetSelected(l)
		}
	}
	if sch.EveryDays != 1 && sch.EveryDays != 7 {
		s.every.PlaceHolder = lang.L("Every {{.Days}} days", map[string]any{"Days": sch.EveryDays})
	}
	s.keep.SetSelected(strconv.Itoa(sch.Keep))
	s.lastGood.SetText(lastGoodText(sch))
	switch {
	case err != nil:
		s.lastErr.SetText(err.Error())
	case sch.LastError != "":
		s.lastErr.SetText(lang.L("The last scheduled backup ({{.Date}}) failed: {{.Error}}",
			map[string]any{"Date": dateTime(sch.LastTry.Local()), "Error": sch.LastError}))
	default:
		s.lastErr.SetText("")
	}
}

// lastGoodText is "Cadangan baik terakhir: 7 Desember 2026 10.05".
func lastGoodText(sch store.BackupSchedule) string {
	if sch.LastGood.IsZero() {
		return lang.L("No good backup yet.")
	}
	return lang.L("Last good backup: {{.Date}}", map[string]any{"Date": dateTime(sch.LastGood.Local())})
}

// change saves one change of the schedule (read again first, so that
// what the loop recorded meanwhile stays).
func (s *scheduleSection) change(edit func(*store.BackupSchedule)) {
	if s.loading {
		return
	}
	path := s.u.store.Path()
	sch, err := store.LoadSchedule(path)
	if err == nil {
		edit(&sch)
		err = store.SaveSchedule(path, sch)
	}
	if err != nil {
		s.u.showError(lang.L("Could not save the backup schedule"), err)
	}
	s.refresh()
	s.u.home.showBackupAge()
}

func (s *scheduleSection) chooseFolder() {
	d := dialog.NewFolderOpen(kit.Chosen(s.u.showError, lang.L("Could not open the folder"), func(l fyne.ListableURI) {
		path, err := localPath(l)
		if err != nil {
			s.u.showError(lang.L("Could not open the folder"), err)
			return
		}
		s.setFolder(path)
	}), s.u.win)
	kit.FileChoice{}.Show(d)
}

// setFolder is where the folder dialog's choice goes.
func (s *scheduleSection) setFolder(path string) {
	s.change(func(sch *store.BackupSchedule) { sch.Folder = path })
}

// StartBackupSchedule runs scheduled backups in the background for as long
// as the window is open: one at once if one is due (overdue since the last
// start, say), then whenever one falls due. The returned stop cancels a
// backup under way (it leaves no file) and waits for the loop to end.
func (u *UI) StartBackupSchedule(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	path := u.store.Path()
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-ctx.Done():
			return
		case <-time.After(scheduleStartDelay):
		}
		tick := time.NewTicker(scheduleCheckEvery)
		defer tick.Stop()
		for {
			if sch, err := store.LoadSchedule(path); err == nil && sch.Due(time.Now()) {
				u.scheduledBackup(ctx, path)
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// scheduledBackup makes the scheduled backup (off the main goroutine) and
// shows how it went.
func (u *UI) scheduledBackup(ctx context.Context, path string) {
	u.backupMu.Lock()
	sch, _, err := store.RunScheduledBackup(ctx, path)
	u.backupMu.Unlock()
	if ctx.Err() != nil {
		return // the window is closing
	}
	fyne.Do(func() { u.scheduleDone(sch, err) }) // as sync does: never waits on a loop that is ending
}

// runScheduledNow makes the scheduled backup now, from the button.
func (u *UI) runScheduledNow() {
	s := u.settings.backup.schedule
	s.runNow.Disable()
	path := u.store.Path()
	go func() {
		u.scheduledBackup(context.Background(), path)
		fyne.Do(s.runNow.Enable)
	}()
}

// scheduleDone shows a scheduled backup's result: the card and Beranda
// say when the last good one was, and a failure is shown as an error.
func (u *UI) scheduleDone(sch store.BackupSchedule, err error) {
	u.settings.backup.schedule.refresh()
	u.home.showBackupAge()
	if err != nil {
		u.showError(lang.L("The scheduled backup failed"), err)
	}
	if u.backupRan != nil {
		u.backupRan(sch, err)
	}
}

// newBackupWarning is Beranda's line about an old backup, hidden while
// the last good one is recent.
func newBackupWarning(u *UI) (*fyne.Container, *widget.Label) {
	text := wrapped("", widget.WarningImportance)
	open := widget.NewButtonWithIcon(lang.L("Open Backup"), theme.SettingsIcon(), func() { u.showSettings() })
	open.Importance = widget.LowImportance
	c := container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), open, text)
	c.Hide()
	return c, text
}

// showBackupAge shows or hides Beranda's warning about an old backup.
func (d *dashboard) showBackupAge() {
	sch, err := store.LoadSchedule(d.u.store.Path())
	switch {
	case err != nil:
		d.backupText.SetText(err.Error())
	case !sch.Stale(time.Now()):
		d.backupWarn.Hide()
		return
	case sch.LastGood.IsZero():
		d.backupText.SetText(lang.L("No backup of the data and photos has been made yet. Make one in Settings → Backup, preferably to a USB drive."))
	default:
		d.backupText.SetText(lang.L("The last good backup is from {{.Date}}, more than {{.Days}} days ago. Make one in Settings → Backup.",
			map[string]any{"Date": dateTime(sch.LastGood.Local()), "Days": store.StaleBackupDays}))
	}
	d.backupWarn.Show()
}

// showSettings selects Pengaturan.
func (u *UI) showSettings() {
	for i, ti := range u.tabs.Items {
		if ti.Content == u.settings.content {
			u.tabs.SelectIndex(i)
		}
	}
}
