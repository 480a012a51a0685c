package app

// Pengaturan → Cadangan: an archive of the database and every photo made
// now into a file the user chooses, the schedule of automatic archives
// (backupschedule.go), restoring from an archive, from a bare database
// copy or from one of the automatic copies, and where all of them are.
//
// The store does the work (data/store/archive.go, backup.go):
// BackupArchive writes a checked archive while the store stays open;
// InspectBackup checks a file whole and tells what it holds, for the
// question before a restore; RestoreBackup needs
// the store closed and the sync loop stopped, which UI.replaceStore
// arranges before it rebuilds the window over the database opened again.
// All of it runs off the main goroutine behind a progress dialog.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

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
	"github.com/humasdesk/humasdesk/data/store"
)

// backupCard is the Cadangan card of Pengaturan.
type backupCard struct {
	u          *UI
	backupBtn  *widget.Button
	restoreBtn *widget.Button
	status     *widget.Label
	autos      *fyne.Container // the automatic copies, a row each
	content    fyne.CanvasObject
	lastDir    string // the folder of the last file chosen
	schedule   *scheduleSection

	// For tests: the last result, the question before a restore, and
	// the running restore (closed once its result is shown).
	lastErr   error
	confirm   dialog.Dialog
	restored  *store.RestoreResult
	restoring <-chan struct{}
}

func newBackupCard(u *UI) *backupCard {
	c := &backupCard{u: u, status: widget.NewLabel(""), autos: container.NewVBox()}
	c.status.Wrapping = fyne.TextWrapWord
	c.backupBtn = widget.NewButtonWithIcon(lang.L("Back up now…"), theme.DocumentSaveIcon(), c.chooseBackup)
	c.backupBtn.Importance = widget.HighImportance
	c.restoreBtn = widget.NewButtonWithIcon(lang.L("Restore from a file…"), theme.UploadIcon(), c.chooseRestore)

	st := u.store
	where := wrapped(lang.L("The database is {{.Path}}. Automatic copies (made before a schema update or a restore; the newest 5 are kept) go to {{.Dir}}.", map[string]any{"Path": st.Path(), "Dir": store.BackupDir(st.Path())}), widget.MediumImportance)
	photos := wrapped(lang.L("A backup file holds the database and every photo (folder {{.Dir}}), with a SHA-256 hash of each file; a restore checks them all before it changes anything.", map[string]any{"Dir": st.PhotoDir()}), widget.MediumImportance)
	c.refreshAutos()
	c.schedule = newScheduleSection(u)
	c.content = widget.NewCard(lang.L("Backup"),
		lang.L("All the data and photos in one file, and restoring the data from such a file"),
		container.NewVBox(
			container.NewHBox(c.backupBtn, c.restoreBtn), c.status, photos,
			widget.NewSeparator(), c.schedule.content, widget.NewSeparator(),
			widget.NewLabelWithStyle(lang.L("Automatic copies"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			c.autos, where))
	return c
}

// refreshAutos lists the automatic copies, the newest first, each with a
// button that restores it (after the same question as a file).
func (c *backupCard) refreshAutos() {
	c.autos.RemoveAll()
	paths, err := store.AutoBackups(c.u.store.Path())
	if err != nil {
		c.autos.Add(wrapped(lang.L("The automatic copies cannot be read: {{.Error}}", map[string]any{"Error": err.Error()}), widget.MediumImportance))
		return
	}
	if len(paths) == 0 {
		c.autos.Add(widget.NewLabel(lang.L("No automatic copy yet.")))
		return
	}
	for _, p := range paths {
		text := filepath.Base(p)
		if fi, err := os.Stat(p); err == nil {
			text = lang.L("{{.Date}} · {{.Size}} · {{.Why}}", map[string]any{
				"Date": dateTime(fi.ModTime()), "Size": humanSize(fi.Size()), "Why": autoReason(p)})
		}
		restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.HistoryIcon(), func() { c.inspect(p) })
		c.autos.Add(container.NewHBox(widget.NewLabel(text), layout.NewSpacer(), restore))
	}
}

// autoReason says why an automatic copy was made, from its name.
func autoReason(path string) string {
	name := strings.TrimSuffix(filepath.Base(path), ".db")
	switch {
	case strings.HasSuffix(name, "-sebelum-pulih"):
		return lang.L("before a restore")
	case strings.HasSuffix(name, "-sebelum-migrasi"):
		return lang.L("before a schema update")
	}
	return filepath.Base(path)
}

// backupFileName is the name the save dialog proposes.
func backupFileName(t time.Time) string {
	return "humasdesk-cadangan-" + t.Format("2006-01-02") + ".zip"
}

// chooseBackup asks where to save the copy.
func (c *backupCard) chooseBackup() {
	title := lang.L("Could not open the file")
	c.u.chooseSave(kit.FileChoice{ErrTitle: title, Name: backupFileName(time.Now()), Dir: c.startFolder()},
		func(w fyne.URIWriteCloser) {
			w.Close() // Backup replaces the file the dialog made
			path, err := localPath(w.URI())
			if err != nil {
				c.u.showError(title, err)
				return
			}
			c.backupTo(path)
		})
}

func (c *backupCard) startFolder() fyne.ListableURI {
	if c.lastDir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(c.lastDir)); err == nil {
			return l
		}
	}
	return kit.StartFolder()
}

// progress shows a dialog with an endless bar while work runs; hide it
// with the returned function.
func (c *backupCard) progress(title, text string) (hide func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, sized(container.NewVBox(widget.NewLabel(text), bar), 360, 0), c.u.win)
	d.Show()
	c.backupBtn.Disable()
	c.restoreBtn.Disable()
	return func() {
		bar.Stop()
		d.Hide()
		c.backupBtn.Enable()
		c.restoreBtn.Enable()
	}
}

// backupTo writes an archive of the data and photos to path in the
// background, notes it as the last good backup, and then tells where it
// went. It is what the save dialog's callback runs; the returned channel
// is closed once the result is shown.
func (c *backupCard) backupTo(path string) <-chan struct{} {
	done := make(chan struct{})
	c.lastDir, c.lastErr = filepath.Dir(path), nil
	hide := c.progress(lang.L("Backup"), lang.L("Copying the data…"))
	st, ctx := c.u.store, c.u.ctx()
	go func() {
		defer close(done)
		info, err := st.BackupArchive(ctx, path)
		if err == nil {
			err = store.RecordGoodBackup(st.Path(), path, time.Now())
		}
		fyne.DoAndWait(func() {
			hide()
			if err != nil {
				removeIfEmpty(path)
				c.lastErr = err
				c.status.SetText("")
				c.u.showError(lang.L("Could not back up the data"), err)
				return
			}
			text := lang.L("The data was saved to {{.Path}} ({{.Size}}).", map[string]any{"Path": path, "Size": humanSize(info.Size)})
			c.status.SetText(text)
			c.schedule.refresh()
			dialog.ShowInformation(lang.L("Backup saved"),
				text+"\n"+lang.L("With {{.Photos}} photo files; every file was read back and checked.", map[string]any{"Photos": info.Photos}), c.u.win)
		})
	}()
	return done
}

// chooseRestore asks for a backup file.
func (c *backupCard) chooseRestore() {
	title := lang.L("Could not open the file")
	c.u.chooseOpen(kit.FileChoice{ErrTitle: title, Dir: c.startFolder()}, func(r fyne.URIReadCloser) {
		r.Close()
		path, err := localPath(r.URI())
		if err != nil {
			c.u.showError(title, err)
			return
		}
		c.inspect(path)
	})
}

// inspect checks the file at path in the background and asks whether to
// restore it. The returned channel is closed once the question (or why
// the file cannot be restored) is shown.
func (c *backupCard) inspect(path string) <-chan struct{} {
	done := make(chan struct{})
	c.lastDir, c.lastErr, c.confirm = filepath.Dir(path), nil, nil
	hide := c.progress(lang.L("Restore"), lang.L("Checking the file…"))
	ctx := c.u.ctx()
	go func() {
		defer close(done)
		info, err := store.InspectBackup(ctx, path)
		fyne.DoAndWait(func() {
			hide()
			if err != nil {
				c.failed(err)
				return
			}
			c.ask(info)
		})
	}()
	return done
}

// failed says why a file cannot be restored, and that nothing changed.
func (c *backupCard) failed(err error) {
	c.lastErr = err
	c.u.showError(lang.L("The backup cannot be restored; the current data was not changed"), err)
}

// ask shows what the file holds and what restoring it does.
func (c *backupCard) ask(info *store.BackupInfo) {
	st := c.u.store
	text := lang.L("File: {{.Path}}", map[string]any{"Path": info.Path}) + "\n" +
		lang.L("Office: {{.Office}}", map[string]any{"Office": info.Office}) + "\n" +
		lang.L("Holds {{.Agencies}} agencies, {{.Drafts}} content items and {{.Entries}} activities.",
			map[string]any{"Agencies": info.Agencies, "Drafts": info.Drafts, "Entries": info.Entries}) + "\n" +
		lang.L("Schema {{.Schema}} (this version: {{.Current}}); saved {{.Date}}; {{.Size}}.",
			map[string]any{"Schema": info.Schema, "Current": store.SchemaVersion(), "Date": dateTime(info.Modified), "Size": humanSize(info.Size)}) +
		"\n\n" +
		lang.L("All the data now in Humas Desk will be replaced by this file. The current data is first saved to {{.Dir}}.",
			map[string]any{"Dir": store.BackupDir(st.Path())})
	if info.Archive {
		text = strings.Replace(text, "\n\n", "\n"+lang.L("Made {{.Date}} by Humas Desk {{.Version}}; {{.Photos}} photo files; every file matches its SHA-256 hash.",
			map[string]any{"Date": dateTime(info.Created), "Version": info.AppVersion, "Photos": info.Photos})+"\n\n", 1)
	}
	if info.Schema < store.SchemaVersion() {
		text += "\n" + lang.L("The file is from an older version; it is updated when it is opened.")
	}
	d := dialog.NewConfirm(lang.L("Restore this backup?"), text, func(ok bool) {
		c.confirm = nil
		if ok {
			c.restore(info.Path)
		}
	}, c.u.win)
	d.SetConfirmText(lang.L("Restore"))
	d.SetConfirmImportance(widget.DangerImportance)
	c.confirm = d
	d.Show()
}

// restore replaces the database with the file from: the sync loop stops,
// the store closes, RestoreBackup checks the file and saves the current
// database to backups/ before it puts the file in place, and the window
// is rebuilt over the database opened again. A file that is refused
// leaves the database as it was, opened again. The returned channel is
// closed once the result is shown.
func (c *backupCard) restore(from string) <-chan struct{} {
	done := make(chan struct{})
	u := c.u
	c.lastErr, c.restored, c.restoring = nil, nil, done
	hide := c.progress(lang.L("Restore"), lang.L("Restoring the data…"))
	ctx := u.ctx()
	var res *store.RestoreResult
	u.replaceStore(func(dbPath string) (*store.Store, error) {
		u.backupMu.Lock() // not while a scheduled backup reads the file
		defer u.backupMu.Unlock()
		r, err := store.RestoreBackup(ctx, dbPath, from)
		if r == nil {
			return nil, err // nothing was replaced
		}
		if err != nil { // in place, but a later step (pruning old copies) failed
			fyne.LogError("finishing the restore", err)
		}
		st, err := u.reopen(dbPath)
		if err == nil {
			res = r
			return st, nil
		}
		// The restored file does not open (a migration failed): put the
		// previous database back.
		if r.Previous != "" {
			if _, berr := store.RestoreBackup(ctx, dbPath, r.Previous); berr != nil {
				err = errors.Join(err, berr)
			}
		}
		return nil, err
	}, func(err error) {
		defer close(done)
		hide()
		// c belongs to the window that was; the rebuilt one has its own
		// card, which tells the result.
		now := u.settings.backup
		now.restored, c.restored = res, res
		if errors.Is(err, errReopen) {
			c.lastErr, now.lastErr = err, err
			u.showError(lang.L("Could not restore the backup"), err)
			return
		}
		if err != nil {
			c.failed(err)
			now.lastErr = err
			return
		}
		text := lang.L("The data of {{.Office}} was restored from {{.Path}}.", map[string]any{"Office": res.Restored.Office, "Path": from})
		if res.Previous != "" {
			text += "\n" + lang.L("The data from before is kept in {{.Path}}.", map[string]any{"Path": res.Previous})
		}
		now.status.SetText(text)
		dialog.ShowInformation(lang.L("Backup restored"), text, u.win)
	})
	return done
}

// dateTime is "10 Juli 2023 14.05".
func dateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return iddate.Long(data.DateOf(t)) + " " + iddate.Clock(t)
}

// humanSize is a file's size as people read it: "850 KB", "12,3 MB".
func humanSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	default:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	}
}
