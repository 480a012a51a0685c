package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// backupResults makes the scheduled backups of u report to a channel.
func backupResults(u *UI) <-chan error {
	ch := make(chan error, 4)
	u.backupRan = func(_ store.BackupSchedule, err error) { ch <- err }
	return ch
}

// Started with the window, a due (never made) backup runs at once into the
// chosen folder; Pengaturan shows its date and Beranda has no warning.
func TestScheduledBackupRunsWhenDue(t *testing.T) {
	u, st := backupTestUI(t)
	mustSaveAgency(t, st, "Dinas Pendidikan", "lainnya")
	if !u.home.backupWarn.Visible() || !strings.Contains(u.home.backupText.Text, "Belum ada cadangan") {
		t.Errorf("Beranda before any backup: visible %v, %q", u.home.backupWarn.Visible(), u.home.backupText.Text)
	}
	usb := filepath.Join(t.TempDir(), "usb")
	s := u.settings.backup.schedule
	s.setFolder(usb) // as the folder dialog does
	results := backupResults(u)
	defer func(d time.Duration) { scheduleStartDelay = d }(scheduleStartDelay)
	scheduleStartDelay = 0
	stop := u.StartBackupSchedule(ctx)
	if err := <-results; err != nil {
		t.Fatal(err)
	}
	stop()
	archives, _ := filepath.Glob(filepath.Join(usb, "humasdesk-cadangan-*.zip"))
	if len(archives) != 1 {
		t.Fatalf("archives %v", archives)
	}
	info, err := store.InspectBackup(ctx, archives[0])
	if err != nil || info.Agencies != 1 || !info.Archive {
		t.Errorf("the archive: %+v %v", info, err)
	}
	if !strings.HasPrefix(s.lastGood.Text, "Cadangan baik terakhir: ") || s.lastErr.Text != "" {
		t.Errorf("card: %q / %q", s.lastGood.Text, s.lastErr.Text)
	}
	if u.home.backupWarn.Visible() {
		t.Errorf("Beranda still warns: %q", u.home.backupText.Text)
	}
}

// The settings are saved as they are changed, and a backup 10 days old
// makes Beranda warn with its date.
func TestBackupScheduleSettingsAndWarning(t *testing.T) {
	u, st := backupTestUI(t)
	s := u.settings.backup.schedule
	s.every.SetSelected("Setiap minggu")
	s.keep.SetSelected("14")
	test.Tap(s.enabled) // off
	sch, err := store.LoadSchedule(st.Path())
	if err != nil || sch.EveryDays != 7 || sch.Keep != 14 || sch.Enabled {
		t.Errorf("saved %+v %v", sch, err)
	}
	old := time.Now().Add(-10 * 24 * time.Hour)
	if err := store.RecordGoodBackup(st.Path(), "/media/usb/x.zip", old); err != nil {
		t.Fatal(err)
	}
	u.home.refresh()
	want := "Cadangan baik terakhir dari " + dateTime(old) + ", lebih dari 7 hari yang lalu."
	if !u.home.backupWarn.Visible() || !strings.HasPrefix(u.home.backupText.Text, want) {
		t.Errorf("Beranda: visible %v, %q, want %q", u.home.backupWarn.Visible(), u.home.backupText.Text, want)
	}
	s.refresh()
	if s.lastGood.Text != "Cadangan baik terakhir: "+dateTime(old) || s.every.Selected != "Setiap minggu" {
		t.Errorf("card: %q, %q", s.lastGood.Text, s.every.Selected)
	}
}

// A scheduled backup that fails (the folder is not there) is shown as an
// error, leaves no archive, and keeps the last good date.
func TestScheduledBackupFailureIsShown(t *testing.T) {
	u, st := backupTestUI(t)
	blocked := filepath.Join(t.TempDir(), "bukan-folder")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := u.settings.backup.schedule
	s.setFolder(filepath.Join(blocked, "cadangan"))
	results := backupResults(u)
	test.Tap(s.runNow)
	if err := <-results; err == nil {
		t.Fatal("the backup did not fail")
	}
	if !strings.HasPrefix(u.lastError, "Cadangan terjadwal gagal: folder cadangan") {
		t.Errorf("shown %q", u.lastError)
	}
	if !strings.Contains(s.lastErr.Text, "gagal") || s.lastGood.Text != "Belum ada cadangan yang berhasil." {
		t.Errorf("card %q / %q", s.lastErr.Text, s.lastGood.Text)
	}
	sch, _ := store.LoadSchedule(st.Path())
	if sch.LastError == "" || !sch.LastGood.IsZero() {
		t.Errorf("schedule %+v", sch)
	}
}

// A backup made in Pengaturan holds the photos: after the photo folder is
// lost, restoring the archive brings the photo back, and the question
// before says what the archive holds.
func TestRestoreArchiveBringsPhotosBack(t *testing.T) {
	u, st := backupTestUI(t)
	e := &data.Entry{Title: "Rapat pleno rekapitulasi", ActivityType: "rapat_koordinasi", Strategy: 2,
		StartDate: data.NewDate(2024, 3, 5), Realised: true}
	if err := st.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	ph, err := st.AttachPhoto(ctx, e.ID, writeFile(t, "rapat.png", tinyPNG(t)), "Rapat")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), backupFileName(time.Now()))
	<-u.settings.backup.backupTo(p)
	if !strings.Contains(strings.Join(dialogText(u.win), "\n"), "Beserta 1 berkas foto") {
		t.Errorf("result %q", dialogText(u.win))
	}
	tapDialogButton(t, u.win, "OK")
	if sch, _ := store.LoadSchedule(st.Path()); sch.LastGoodPath != p {
		t.Errorf("the backup is not the last good one: %+v", sch)
	}
	if err := os.RemoveAll(st.PhotoDir()); err != nil {
		t.Fatal(err)
	}

	c := u.settings.backup
	<-c.inspect(p)
	if c.confirm == nil {
		t.Fatalf("no question; error %v", c.lastErr)
	}
	if q := strings.Join(dialogText(u.win), "\n"); !strings.Contains(q, "1 berkas foto; setiap berkas cocok dengan hash SHA-256-nya") {
		t.Errorf("the question:\n%s", q)
	}
	tapDialogButton(t, u.win, "Pulihkan")
	<-c.restoring
	if err := u.settings.backup.lastErr; err != nil {
		t.Fatal(err)
	}
	tapDialogButton(t, u.win, "OK")
	raw, err := os.ReadFile(u.Store().PhotoPath(ph.Hash, ph.Mime))
	if err != nil || len(raw) != int(ph.Size) {
		t.Errorf("the photo after the restore: %d bytes, %v", len(raw), err)
	}
}
