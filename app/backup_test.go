package app

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, to make a file of a newer schema

	"github.com/humasdesk/humasdesk/data/store"
)

// backupTestUI is newTestUI whose current store, which a restore
// replaces, is closed at the end too.
func backupTestUI(t *testing.T) (*UI, *store.Store) {
	u, st := newTestUI(t)
	t.Cleanup(func() { u.Store().Close() })
	return u, st
}

func countAgencies(t *testing.T, st *store.Store) int {
	t.Helper()
	n, err := st.CountAgencies(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBackupNowWritesACheckedFile(t *testing.T) {
	u, st := backupTestUI(t)
	c := u.settings.backup
	mustSaveAgency(t, st, "Dinas Pendidikan", "lainnya")
	mustSaveAgency(t, st, "Dinas Kesehatan", "lainnya")

	if got := backupFileName(time.Date(2024, 3, 7, 10, 0, 0, 0, time.Local)); got != "humasdesk-cadangan-2024-03-07.zip" {
		t.Errorf("proposed name = %q", got)
	}
	p := filepath.Join(t.TempDir(), backupFileName(time.Now()))
	// The save dialog leaves an empty file, which the copy replaces.
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	<-c.backupTo(p)
	if c.lastErr != nil {
		t.Fatal(c.lastErr)
	}
	info, err := store.InspectBackup(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if info.Agencies != 2 || info.Office == "" || info.Schema != store.SchemaVersion() {
		t.Errorf("the backup holds %+v", info)
	}
	text := strings.Join(dialogText(u.win), "\n")
	if !strings.Contains(text, p) || !strings.Contains(c.status.Text, "Data dicadangkan ke "+p) {
		t.Errorf("dialog %q, status %q", text, c.status.Text)
	}
	tapDialogButton(t, u.win, "OK")

	// A copy over the database itself is refused, in Indonesian.
	<-c.backupTo(st.Path())
	if c.lastErr == nil || !strings.Contains(u.lastError, "Data tidak dapat dicadangkan: cadangan tidak boleh menimpa") {
		t.Errorf("backing up over the database: %v, shown %q", c.lastErr, u.lastError)
	}
	if countAgencies(t, st) != 2 {
		t.Error("the database changed")
	}
}

func TestRestoreReplacesTheDataAndKeepsTheOld(t *testing.T) {
	u, st := backupTestUI(t)
	dbPath := st.Path()
	mustSaveAgency(t, st, "Dinas Pendidikan", "lainnya")
	mustSaveAgency(t, st, "Dinas Kesehatan", "lainnya")
	p := filepath.Join(t.TempDir(), "cadangan.db")
	<-u.settings.backup.backupTo(p)
	tapDialogButton(t, u.win, "OK")

	// Records made after the backup
	for _, n := range []string{"Dinas Sosial", "Dinas Pariwisata", "Kecamatan Depok"} {
		mustSaveAgency(t, st, n, "lainnya")
	}
	u.agencies.Reload()
	if u.agencies.N != 5 {
		t.Fatalf("the list shows %d agencies before the restore", u.agencies.N)
	}

	// The question tells what the file holds and where the data goes.
	c := u.settings.backup
	<-c.inspect(p)
	if c.confirm == nil {
		t.Fatalf("no question; error %v", c.lastErr)
	}
	q := strings.Join(dialogText(u.win), "\n")
	for _, want := range []string{"Pulihkan cadangan ini?", "Berisi 2 instansi, 0 konten, dan 0 kegiatan.",
		"Kantor: Kantor Humas", "Skema ", store.BackupDir(dbPath)} {
		if !strings.Contains(q, want) {
			t.Errorf("the question lacks %q:\n%s", want, q)
		}
	}
	tapDialogButton(t, u.win, "Pulihkan")
	if c.restoring == nil {
		t.Fatal("confirming did not restore")
	}
	<-c.restoring
	now := u.settings.backup
	if now.lastErr != nil {
		t.Fatal(now.lastErr)
	}

	if u.Store() == st || u.Store().Path() != dbPath {
		t.Fatalf("store %p (%s), was %p", u.Store(), u.Store().Path(), st)
	}
	if u.agencies.N != 2 || countAgencies(t, u.Store()) != 2 {
		t.Errorf("after the restore the list shows %d agencies, the store has %d", u.agencies.N, countAgencies(t, u.Store()))
	}
	if _, err := st.CountAgencies(ctx, store.Filter{}); err == nil {
		t.Error("the old store is still open")
	}
	// The data from before the restore is kept in backups/.
	prev := now.restored.Previous
	if filepath.Dir(prev) != store.BackupDir(dbPath) || !strings.HasSuffix(prev, "-sebelum-pulih.db") {
		t.Fatalf("previous copy at %q", prev)
	}
	info, err := store.InspectBackup(ctx, prev)
	if err != nil || info.Agencies != 5 {
		t.Errorf("the copy from before holds %+v, %v", info, err)
	}
	if !strings.Contains(strings.Join(dialogText(u.win), "\n"), prev) {
		t.Errorf("the result does not name the copy: %q", dialogText(u.win))
	}
	tapDialogButton(t, u.win, "OK")
	// Pengaturan is shown, with the copy among the automatic ones.
	if u.tabs.Selected().Content != u.settings.content {
		t.Error("Pengaturan is not shown after the restore")
	}
	if got := strings.Join(labelTexts(now.autos), "\n"); !strings.Contains(got, "sebelum pemulihan") {
		t.Errorf("automatic copies: %q", got)
	}
	// The window works on the restored data.
	mustSaveAgency(t, u.Store(), "Dinas Kominfo", "lainnya")
	u.agencies.Reload()
	if u.agencies.N != 3 {
		t.Errorf("after adding one the list shows %d", u.agencies.N)
	}
}

func TestRestoreRefusesABadFileAndKeepsTheData(t *testing.T) {
	u, st := backupTestUI(t)
	dbPath := st.Path()
	mustSaveAgency(t, st, "Dinas Pendidikan", "lainnya")
	dir := t.TempDir()

	junk := filepath.Join(dir, "bukan-database.db")
	if err := os.WriteFile(junk, []byte(strings.Repeat("bukan database ", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "baik.db")
	<-u.settings.backup.backupTo(good)
	tapDialogButton(t, u.win, "OK")
	damaged := filepath.Join(dir, "rusak.db")
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096; i < len(raw); i++ { // past the header: every page but the first
		raw[i] ^= 0x5A
	}
	if err := os.WriteFile(damaged, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	for _, p := range []string{junk, damaged} {
		// Checking the file refuses it before any question.
		c := u.settings.backup
		<-c.inspect(p)
		if c.confirm != nil || !errors.Is(c.lastErr, store.ErrInvalidBackup) {
			t.Errorf("%s: question %v, error %v", filepath.Base(p), c.confirm, c.lastErr)
		}
		if want := "Cadangan tidak dapat dipulihkan; data sekarang tidak diubah: file ini bukan cadangan database Humas Desk yang utuh"; !strings.HasPrefix(u.lastError, want) {
			t.Errorf("%s: shown %q", filepath.Base(p), u.lastError)
		}
		tapDialogButton(t, u.win, "OK")

		// And so does the restore itself, which reopens the old data.
		<-c.restore(p)
		now := u.settings.backup
		if !errors.Is(now.lastErr, store.ErrInvalidBackup) || !strings.HasPrefix(u.lastError, "Cadangan tidak dapat dipulihkan; data sekarang tidak diubah") {
			t.Errorf("%s: restore error %v, shown %q", filepath.Base(p), now.lastErr, u.lastError)
		}
		tapDialogButton(t, u.win, "OK")
		if u.Store().Path() != dbPath || countAgencies(t, u.Store()) != 1 || u.agencies.N != 1 {
			t.Errorf("%s: the data changed", filepath.Base(p))
		}
	}
	if copies, _ := store.AutoBackups(dbPath); len(copies) != 0 {
		t.Errorf("a refused file made copies: %v", copies)
	}
	// Still usable.
	mustSaveAgency(t, u.Store(), "Dinas Kesehatan", "lainnya")
	u.agencies.Reload()
	if u.agencies.N != 2 {
		t.Errorf("the list shows %d", u.agencies.N)
	}
}

func TestRestoreRefusesANewerSchema(t *testing.T) {
	u, st := backupTestUI(t)
	mustSaveAgency(t, st, "Dinas Pendidikan", "lainnya")
	// A bare database copy (as the automatic copies are) of a newer schema.
	p := filepath.Join(t.TempDir(), "masa-depan.db")
	if err := st.Backup(ctx, p); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO schema_migrations VALUES (?, 'masa depan', CURRENT_TIMESTAMP)`, store.SchemaVersion()+1)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	mustSaveAgency(t, st, "Dinas Kesehatan", "lainnya")

	c := u.settings.backup
	<-c.inspect(p)
	var newer store.ErrNewerSchema
	if c.confirm != nil || !errors.As(c.lastErr, &newer) || !strings.Contains(u.lastError, "versi Humas Desk yang lebih baru") {
		t.Errorf("question %v, error %v, shown %q", c.confirm, c.lastErr, u.lastError)
	}
	tapDialogButton(t, u.win, "OK")
	<-c.restore(p)
	if !errors.As(u.settings.backup.lastErr, &newer) {
		t.Errorf("restore error %v", u.settings.backup.lastErr)
	}
	tapDialogButton(t, u.win, "OK")
	if countAgencies(t, u.Store()) != 2 {
		t.Error("the data changed")
	}
}

// The sync loop is stopped for the swap and runs again over the new store;
// the stop StartSync gave ends the new loop.
func TestRestoreRestartsSync(t *testing.T) {
	u, st := backupTestUI(t)
	queue := make(chan func(), 256)
	loopToMain = func(f func()) { queue <- f }
	defer func() { loopToMain = fyne.Do }()
	stop := u.StartSync(ctx)
	p := filepath.Join(t.TempDir(), "c.db")
	if err := st.Backup(ctx, p); err != nil {
		t.Fatal(err)
	}
	<-u.settings.backup.restore(p)
	if u.settings.backup.lastErr != nil {
		t.Fatal(u.settings.backup.lastErr)
	}
	if u.loop == nil || u.stopLoop == nil {
		t.Fatal("sync did not start again")
	}
	stop()
	if u.stopLoop != nil {
		t.Error("the stop StartSync returned left the new loop running")
	}
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1536: "2 KB", 5 << 20: "5,0 MB", 12900000: "12,3 MB"} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}
