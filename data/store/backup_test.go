package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// fillStore writes n entries (one with a rare word in its title), a few
// agencies and drafts, and returns the ids of every live record by table.
func fillStore(t *testing.T, s *Store, n int) map[string][]string {
	t.Helper()
	ids := map[string][]string{}
	for i := 0; i < 3; i++ {
		a := &data.Agency{Name: fmt.Sprintf("Dinas Kominfo %d", i), Kind: "diskominfo"}
		if err := s.SaveAgency(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids["agencies"] = append(ids["agencies"], a.ID)
		d := &data.Draft{Title: fmt.Sprintf("Siaran pers %d", i), Kind: "siaran_pers", Status: data.StatusDraft}
		if err := s.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
		ids["drafts"] = append(ids["drafts"], d.ID)
	}
	for i := 0; i < n; i++ {
		title := fmt.Sprintf("Sosialisasi tahapan pemilu ke-%d", i)
		if i == n/2 {
			title = "Klarifikasi hoaks di Distrik Kurulu"
		}
		e := entry(title, 1+i%8, data.NewDate(2024, time.Month(1+i%12), 1+i%28))
		e.Notes = strings.Repeat("catatan kegiatan yang panjang ", 20)
		if err := s.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
		ids["entries"] = append(ids["entries"], e.ID)
	}
	return ids
}

// checkRecords fails unless every record in ids is there, live, and the
// rare word is found through the search index.
func checkRecords(t *testing.T, s *Store, ids map[string][]string) {
	t.Helper()
	for _, id := range ids["agencies"] {
		if _, err := s.Agency(ctx, id); err != nil {
			t.Errorf("agency %s: %v", id, err)
		}
	}
	for _, id := range ids["drafts"] {
		if _, err := s.Draft(ctx, id); err != nil {
			t.Errorf("draft %s: %v", id, err)
		}
	}
	for _, id := range ids["entries"] {
		if _, err := s.Entry(ctx, id); err != nil {
			t.Errorf("entry %s: %v", id, err)
		}
	}
	if ids["entries"] == nil {
		return
	}
	if n, err := s.CountEntries(ctx, Filter{}); err != nil || n != len(ids["entries"]) {
		t.Errorf("%d entries (%v), want %d", n, err, len(ids["entries"]))
	}
	found, err := s.Entries(ctx, Filter{Query: "Kurulu"}, 0, 10)
	if err != nil || len(found) != 1 || found[0].Title != "Klarifikasi hoaks di Distrik Kurulu" {
		t.Errorf("search Kurulu: %v %+v", err, found)
	}
}

func integrityOK(t *testing.T, path string) error {
	t.Helper()
	db, err := openFile(path, true)
	if err != nil {
		return err
	}
	defer closeDB(db)
	return integrityCheck(db)
}

// The required case: a backup made, the database damaged (bytes in the
// middle of the file overwritten), the backup restored: every record back.
func TestBackupDamageRestore(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "humasdesk.db")
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	ids := fillStore(t, s, 400)
	backup := filepath.Join(dir, "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dbPath + "-wal"); err == nil {
		t.Fatal("the -wal survived Close: the damage below would miss the data")
	}

	// Damage: 8 KiB of junk in the middle of the file.
	raw, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) < 64<<10 {
		t.Fatalf("database only %d bytes; the damage would not hit the data", len(raw))
	}
	mid := len(raw) / 2
	for i := mid; i < mid+8192; i++ {
		raw[i] = byte(0xA5 ^ i)
	}
	if err := os.WriteFile(dbPath, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := integrityOK(t, dbPath); err == nil {
		t.Fatal("the damaged file still passes integrity_check: the test damages nothing")
	} else {
		t.Logf("damaged: %v", err)
	}

	res, err := RestoreBackup(ctx, dbPath, backup)
	if err != nil {
		t.Fatal(err)
	}
	if res.Restored.Entries != len(ids["entries"]) || res.Restored.Office == "" {
		t.Errorf("restored %+v", res.Restored)
	}
	// The damaged database was kept, byte for byte, in backups/.
	if prev, err := os.ReadFile(res.Previous); err != nil || !bytes.Equal(prev, raw) {
		t.Errorf("previous copy %s: %v, equal %v", res.Previous, err, bytes.Equal(prev, raw))
	}

	s, err = Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkRecords(t, s, ids)
	if err := integrityCheck(s.ro); err != nil {
		t.Error(err)
	}
	// The backup itself is unchanged and still restorable.
	if _, err := InspectBackup(ctx, backup); err != nil {
		t.Error(err)
	}
}

// The search index is keyed by the entries' rowids. If those change (as a
// VACUUM may renumber them), the index points at the wrong rows; a backup
// rebuilds it in the copy, so the copy searches correctly.
func TestBackupOfRenumberedRowidsSearches(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "humasdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := fillStore(t, s, 50)
	// Renumber the entries as a VACUUM may: the trigger that keeps the
	// index follows title and location only, so the index is now stale.
	if err := s.rw.Exec(`UPDATE entries SET rowid = rowid + 1000`).Error; err != nil {
		t.Fatal(err)
	}
	if found, _ := s.Entries(ctx, Filter{Query: "Kurulu"}, 0, 10); len(found) != 0 {
		t.Fatalf("renumbering did not break the index (found %d): the test proves nothing", len(found))
	}

	backup := filepath.Join(dir, "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	b, err := Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, b, ids)
	b.Close()

	// And the store can mend its own index.
	if err := s.RebuildSearchIndex(ctx); err != nil {
		t.Fatal(err)
	}
	checkRecords(t, s, ids)
}

func TestBackupWhileWriting(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "humasdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := fillStore(t, s, 20)
	done := make(chan error)
	go func() {
		for i := 0; i < 50; i++ {
			if err := s.SaveEntry(ctx, entry("Ditulis saat pencadangan", 2, data.NewDate(2024, 5, 1))); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	backup := filepath.Join(dir, "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	info, err := InspectBackup(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	// A snapshot: the 20 entries and any whole number of the 50 later ones.
	if info.Entries < 20 || info.Entries > 70 {
		t.Errorf("backup has %d entries", info.Entries)
	}
	b, err := Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	checkRecords(t, b, map[string][]string{"agencies": ids["agencies"], "drafts": ids["drafts"]})

	// Backing up over an existing file replaces it; over the database
	// itself is refused; into a missing folder fails and leaves nothing.
	if err := s.Backup(ctx, backup); err != nil {
		t.Errorf("backup over an older backup: %v", err)
	}
	if err := s.Backup(ctx, s.Path()); err == nil {
		t.Error("backup over the open database accepted")
	}
	if err := s.Backup(ctx, filepath.Join(dir, "tidak-ada", "x.db")); err == nil {
		t.Error("backup into a missing folder accepted")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".humasdesk-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// A file that is not a whole Humas Desk backup is refused before anything
// changes: the current database stays byte-identical.
func TestRestoreRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "humasdesk.db")
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, s, 10)
	good := filepath.Join(dir, "baik.db")
	if err := s.Backup(ctx, good); err != nil {
		t.Fatal(err)
	}
	s.Close()

	bad := map[string]func(p string) error{
		"text file":  func(p string) error { return os.WriteFile(p, []byte("bukan database"), 0o600) },
		"empty file": func(p string) error { return os.WriteFile(p, nil, 0o600) },
		"damaged": func(p string) error {
			raw, err := os.ReadFile(good)
			if err != nil {
				return err
			}
			for i := len(raw) / 2; i < len(raw)/2+4096; i++ {
				raw[i] ^= 0x5A
			}
			return os.WriteFile(p, raw, 0o600)
		},
		"another SQLite database": func(p string) error {
			db, err := openFile(p, false)
			if err != nil {
				return err
			}
			defer closeDB(db)
			return db.Exec(`CREATE TABLE contacts (name TEXT)`).Error
		},
		"no office": func(p string) error {
			if err := copyFile(good, p); err != nil {
				return err
			}
			db, err := openFile(p, false)
			if err != nil {
				return err
			}
			defer closeDB(db)
			return db.Exec(`UPDATE offices SET deleted = 1`).Error
		},
		"newer schema": func(p string) error {
			if err := copyFile(good, p); err != nil {
				return err
			}
			db, err := openFile(p, false)
			if err != nil {
				return err
			}
			defer closeDB(db)
			return db.Exec(`INSERT INTO schema_migrations VALUES (?, 'masa depan', CURRENT_TIMESTAMP)`, SchemaVersion()+1).Error
		},
	}
	before, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(bad))
	for name := range bad {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, "salah-"+strings.ReplaceAll(name, " ", "-")+".db")
		if err := bad[name](p); err != nil {
			t.Fatal(name, err)
		}
		fromBefore, _ := os.ReadFile(p)
		_, err := RestoreBackup(ctx, dbPath, p)
		var newer ErrNewerSchema
		switch {
		case err == nil:
			t.Errorf("%s: restored", name)
		case name == "newer schema" && !errors.As(err, &newer):
			t.Errorf("%s: %v, want ErrNewerSchema", name, err)
		case name != "newer schema" && !errors.Is(err, ErrInvalidBackup):
			t.Errorf("%s: %v, want ErrInvalidBackup", name, err)
		default:
			t.Logf("%s: %v", name, err)
		}
		if _, err := InspectBackup(ctx, p); err == nil {
			t.Errorf("%s: InspectBackup accepted it", name)
		}
		if after, _ := os.ReadFile(dbPath); !bytes.Equal(after, before) {
			t.Fatalf("%s: the database changed", name)
		}
		if fromAfter, _ := os.ReadFile(p); !bytes.Equal(fromAfter, fromBefore) {
			t.Errorf("%s: the backup file changed", name)
		}
	}
	for _, pattern := range []string{".humasdesk-*", "humasdesk.db-*", "backups/*"} {
		if left, _ := filepath.Glob(filepath.Join(dir, pattern)); len(left) > 0 {
			t.Errorf("left behind: %v", left)
		}
	}
	if _, err := RestoreBackup(ctx, dbPath, dbPath); err == nil {
		t.Error("restoring the database onto itself accepted")
	}
	if _, err := RestoreBackup(ctx, dbPath, filepath.Join(dir, "tidak-ada.db")); err == nil {
		t.Error("restoring a missing file accepted")
	}
}

// A restore onto a path with no database yet (a new computer) just puts
// the backup there.
func TestRestoreOntoNewComputer(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "lama", "humasdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	ids := fillStore(t, s, 5)
	backup := filepath.Join(dir, "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dbPath := filepath.Join(dir, "baru", "humasdesk", "humasdesk.db")
	res, err := RestoreBackup(ctx, dbPath, backup)
	if err != nil {
		t.Fatal(err)
	}
	if res.Previous != "" {
		t.Errorf("a previous copy of nothing: %s", res.Previous)
	}
	s, err = Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkRecords(t, s, ids)
}

func TestPruneKeepsNewestFive(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "humasdesk.db")
	backups := BackupDir(dbPath)
	if err := os.Mkdir(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	// Oldest first. Copies made in the same second are numbered from 2,
	// after the unnumbered one.
	names := []string{
		"humasdesk-20240105-120000-v3-sebelum-migrasi.db",
		"humasdesk-20240105-120000-2-sebelum-pulih.db",
		"humasdesk-20240105-120000-3-sebelum-pulih.db",
		"humasdesk-20240106-090000-sebelum-pulih.db",
		"humasdesk-20240107-090000-v4-sebelum-migrasi.db",
		"humasdesk-20241231-235959-sebelum-pulih.db",
	}
	for _, n := range append(names, names[0]+"-wal", "cadangan-saya.db", "humasdesk-catatan.db") {
		if err := os.WriteFile(filepath.Join(backups, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	list, err := AutoBackups(dbPath)
	if err != nil || len(list) != len(names) || filepath.Base(list[0]) != names[len(names)-1] ||
		filepath.Base(list[len(list)-1]) != names[0] {
		t.Fatalf("AutoBackups, newest first: %v %v", list, err)
	}
	if err := pruneAutoBackups(backups); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(backups)
	var got []string
	for _, e := range left {
		got = append(got, e.Name())
	}
	want := append([]string{"cadangan-saya.db", "humasdesk-catatan.db"}, names[1:]...)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("left %v\nwant %v", got, want)
	}
}

// Open copies a database of an older schema to backups/ before migrating
// it; of the copies it makes, the newest five stay.
func TestOpenBacksUpBeforeMigrating(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "humasdesk.db")
	old := SchemaVersion() - 1
	for i := 0; i < keepAutoBackups+2; i++ {
		os.Remove(dbPath)
		db, err := openFile(dbPath, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := migrateTo(ctx, db, old); err != nil {
			t.Fatal(err)
		}
		closeDB(db)
		s, err := Open(dbPath)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	list, err := AutoBackups(dbPath)
	if err != nil || len(list) != keepAutoBackups {
		t.Fatalf("%d copies (%v), want %d: %v", len(list), err, keepAutoBackups, list)
	}
	for _, p := range list {
		if !strings.HasSuffix(p, fmt.Sprintf("-v%d-sebelum-migrasi.db", old)) {
			t.Errorf("name %s", p)
		}
		if v, err := peekSchema(ctx, p); err != nil || v != old {
			t.Errorf("%s: schema %d (%v), want %d", p, v, err, old)
		}
		if err := integrityOK(t, p); err != nil {
			t.Error(err)
		}
	}
	// The migrated database is current, and opening it again copies nothing.
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if again, _ := AutoBackups(dbPath); strings.Join(again, " ") != strings.Join(list, " ") {
		t.Errorf("a current database was copied again")
	}
	if v, _ := peekSchema(ctx, dbPath); v != SchemaVersion() {
		t.Errorf("schema %d after Open", v)
	}
}

func TestPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "data", "humasdesk.db")
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, s, 3)
	mode := func(p string) os.FileMode {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm"} {
		if m := mode(p); m != 0o600 {
			t.Errorf("%s: %v", filepath.Base(p), m)
		}
	}
	if m := mode(filepath.Dir(dbPath)); m != 0o700 {
		t.Errorf("folder made by Open: %v", m)
	}
	backup := filepath.Join(dir, "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if m := mode(backup); m != 0o600 {
		t.Errorf("backup: %v", m)
	}
	s.Close()

	// A database left readable by others by an older version is closed up.
	if err := os.Chmod(dbPath, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := RestoreBackup(ctx, dbPath, backup)
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(res.Previous); m != 0o600 {
		t.Errorf("previous copy: %v", m)
	}
	if m := mode(BackupDir(dbPath)); m != 0o700 {
		t.Errorf("backups/: %v", m)
	}
	os.Chmod(dbPath, 0o644)
	s, err = Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if m := mode(dbPath); m != 0o600 {
		t.Errorf("reopened database: %v", m)
	}
}
