package store

// Backups of the local database, and restoring one.
//
// A backup is one self-contained SQLite file (no -wal beside it) written
// with VACUUM INTO from a consistent snapshot, so it can be made while the
// app runs. The copy's search index is rebuilt (see RebuildSearchIndex)
// and the copy is checked with PRAGMA integrity_check before it is given
// its name, so a file that exists under a backup's name is whole.
//
// Automatic copies live in the folder backups/ next to the database
// (BackupDir) and are named humasdesk-YYYYMMDD-HHMMSS-WHY.db (local time),
// so that they sort by age:
//
//   - humasdesk-…-vN-sebelum-migrasi.db: made by Open before it migrates a
//     database from schema N to this build's schema;
//   - humasdesk-…-sebelum-pulih.db: the database as it was just before
//     RestoreBackup replaced it (a plain copy of the file and its -wal, so
//     even a damaged database is kept as it was).
//
// Only the newest keepAutoBackups (5) of these are kept; older ones are
// deleted after each new one. Other files in backups/ are never touched.
//
// Permissions (Unix): the database, its -wal and -shm, and every backup are
// 0600 (owner only); backups/ is 0700, and so is the database's folder when
// it is the default one (~/.config/humasdesk) or Open creates it. A folder
// chosen with --db is left as it is. On Windows the files live in the
// user's profile (%AppData%), which other users cannot read already.
//
// These copies hold the database only; the photos (the lampiran/ folder
// beside the database) are never deleted by a restore, so the database
// and lampiran/ together are whole. An archive (archive.go) holds both, and
// InspectBackup and RestoreBackup take either kind of file.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// keepAutoBackups is how many automatic copies backups/ keeps.
const keepAutoBackups = 5

// ErrInvalidBackup wraps every reason a file cannot be restored, except a
// newer schema (ErrNewerSchema).
var ErrInvalidBackup = errors.New("file ini bukan cadangan database Humas Desk yang utuh")

// BackupInfo describes a checked backup file.
type BackupInfo struct {
	Path     string
	Schema   int    // schema version of the file
	Office   string // the name of the file's own office profile
	Agencies int    // live records
	Drafts   int
	Entries  int
	Size     int64
	Modified time.Time

	// An archive (archive.go) also tells these.
	Archive    bool
	Photos     int       // photo files in it
	Created    time.Time // when it was made
	AppVersion string    // the version of Humas Desk that made it
}

// BackupDir is the folder of the automatic copies of the database at dbPath.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// autoBackupName matches the automatic copies, which pruning may delete.
var autoBackupName = regexp.MustCompile(`^humasdesk-(\d{8}-\d{6})(?:-(\d+))?-[a-z][a-z0-9-]*\.db$`)

// AutoBackups lists the automatic copies of the database at dbPath, the
// newest first.
func AutoBackups(dbPath string) ([]string, error) {
	names, err := autoBackups(BackupDir(dbPath))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[len(names)-1-i] = filepath.Join(BackupDir(dbPath), n)
	}
	return out, nil
}

// autoBackups returns the names of the automatic copies in dir, oldest first.
func autoBackups(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if e.Type().IsRegular() && autoBackupName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	// By time, then by the number a copy made in the same second as
	// another one gets (none = 1).
	key := func(name string) (string, int) {
		m := autoBackupName.FindStringSubmatch(name)
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		return m[1], n
	}
	sort.Slice(names, func(i, j int) bool {
		ti, ni := key(names[i])
		tj, nj := key(names[j])
		if ti != tj {
			return ti < tj
		}
		return ni < nj
	})
	return names, nil
}

// pruneAutoBackups deletes all but the newest keepAutoBackups copies.
func pruneAutoBackups(dir string) error {
	names, err := autoBackups(dir)
	if err != nil {
		return err
	}
	var errs []error
	for len(names) > keepAutoBackups {
		p := filepath.Join(dir, names[0])
		names = names[1:]
		for _, f := range []string{p, p + "-wal", p + "-shm"} {
			if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// newAutoBackupPath reserves (creates empty, 0600) a fresh name for an
// automatic copy made for reason.
func newAutoBackupPath(dbPath, reason string) (string, error) {
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("folder cadangan %s tidak dapat dibuat: %w", dir, err)
	}
	restrictDir(dir)
	stamp := time.Now().Format("20060102-150405")
	for i := 1; ; i++ {
		name := fmt.Sprintf("humasdesk-%s-%s.db", stamp, reason)
		if i > 1 {
			name = fmt.Sprintf("humasdesk-%s-%d-%s.db", stamp, i, reason)
		}
		p := filepath.Join(dir, name)
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("file cadangan %s tidak dapat dibuat: %w", p, err)
		}
		return p, f.Close()
	}
}

// openFile opens a SQLite file with one connection and none of the store's
// settings (no WAL switch, so a file is not changed by being opened).
// readOnly refuses every write (query_only).
func openFile(path string, readOnly bool) (*gorm.DB, error) {
	dsn := path + "?_pragma=" + fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds())
	if readOnly {
		dsn += "&_pragma=query_only(1)"
	}
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(1)
	return db, nil
}

func closeDB(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

func hasTable(db *gorm.DB, name string) (bool, error) {
	var n int
	err := db.Raw(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n).Error
	return n > 0, err
}

// RebuildSearchIndex refills the entries' trigram index (migration 3) from
// the entries. The index is keyed by the entries' rowid, which a VACUUM may
// renumber; Backup and RestoreBackup call it on their copies.
func (s *Store) RebuildSearchIndex(ctx context.Context) error {
	return s.write(ctx, rebuildSearchIndex)
}

func rebuildSearchIndex(db *gorm.DB) error {
	ok, err := hasTable(db, "entries_search")
	if err != nil || !ok {
		return err // an older schema has no index yet; its migration fills it
	}
	return db.Transaction(func(tx *gorm.DB) error {
		if err := fillSearchIndex(tx); err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO entries_search (entries_search) VALUES ('integrity-check')`).Error
	})
}

// fillSearchIndex fills the trigram index again from the entries. In
// rowid order: FTS5 writes ascending rowids straight into its segments,
// while rows in the order of a list index (which SQLite would otherwise
// read them by, as it covers the columns) made it four times slower.
func fillSearchIndex(tx *gorm.DB) error {
	if err := tx.Exec(`DELETE FROM entries_search`).Error; err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO entries_search (rowid, title, location)
		SELECT rowid, title, location FROM entries ORDER BY rowid`).Error
}

// integrityCheck runs PRAGMA integrity_check and returns its findings as
// an error.
func integrityCheck(db *gorm.DB) error {
	var rows []string
	if err := db.Raw(`PRAGMA integrity_check(20)`).Scan(&rows).Error; err != nil {
		return err
	}
	if len(rows) == 1 && rows[0] == "ok" {
		return nil
	}
	if len(rows) > 3 {
		rows = append(rows[:3], "…")
	}
	return fmt.Errorf("pemeriksaan integritas: %s", strings.Join(rows, "; "))
}

// Backup writes a consistent copy of the database to path while the store
// stays open (an existing file at path is replaced, only once the copy is
// complete and checked). The copy's search index is rebuilt and the copy
// passes PRAGMA integrity_check, or Backup fails and leaves nothing at path.
// It does not copy the photo files (PhotoDir): BackupArchive does.
func (s *Store) Backup(ctx context.Context, path string) error {
	if same, _ := sameFile(path, s.path); same {
		return fmt.Errorf("cadangan tidak boleh menimpa database yang sedang dipakai (%s)", path)
	}
	return backupFile(ctx, s.path, path)
}

// backupFile copies the database at src to dest with VACUUM INTO, through
// a temporary file next to dest.
func backupFile(ctx context.Context, src, dest string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".humasdesk-cadangan-*.tmp") // empty, 0600
	if err != nil {
		return fmt.Errorf("file cadangan tidak dapat dibuat di %s: %w", filepath.Dir(dest), err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			removeDBFiles(tmpPath)
		}
	}()
	db, err := openFile(src, false)
	if err != nil {
		return fmt.Errorf("database %s tidak dapat dibuka untuk dicadangkan: %w", src, err)
	}
	err = db.WithContext(ctx).Exec(`VACUUM INTO ?`, tmpPath).Error
	if cerr := closeDB(db); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cadangan %s gagal: %w", dest, err)
	}
	if err := finishCopy(ctx, tmpPath); err != nil {
		return fmt.Errorf("cadangan %s gagal: %w", dest, err)
	}
	if err := syncFile(tmpPath); err != nil {
		return err
	}
	if err := os.Rename(tmpPath, dest); err != nil {
		return fmt.Errorf("cadangan %s tidak dapat disimpan: %w", dest, err)
	}
	restrictFile(dest)
	return syncDir(filepath.Dir(dest))
}

// finishCopy rebuilds the search index of the copy at path and checks it.
func finishCopy(ctx context.Context, path string) error {
	db, err := openFile(path, false)
	if err != nil {
		return err
	}
	db = db.WithContext(ctx)
	err = rebuildSearchIndex(db)
	if err == nil {
		err = integrityCheck(db)
	}
	if cerr := closeDB(db); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	// Closing the last connection checkpoints and removes a -wal; one that
	// is still there would hold part of the copy.
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return fmt.Errorf("salinan %s belum utuh (file -wal tersisa)", path)
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	return nil
}

// InspectBackup checks the file at path the way RestoreBackup does,
// without changing it (it checks a temporary copy), and describes it:
// for the UI to show before it asks whether to restore.
func InspectBackup(ctx context.Context, path string) (*BackupInfo, error) {
	if IsArchive(path) {
		a, err := InspectArchive(ctx, path)
		if err != nil {
			return nil, err
		}
		return &a.BackupInfo, nil
	}
	tmp, err := os.CreateTemp("", "humasdesk-periksa-*.db")
	if err != nil {
		return nil, err
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer removeDBFiles(tmpPath)
	if err := copyDBFiles(path, tmpPath); err != nil {
		return nil, err
	}
	info, err := inspect(ctx, tmpPath)
	if err != nil {
		return nil, err
	}
	info.Path = path
	if fi, err := os.Stat(path); err == nil {
		info.Size, info.Modified = fi.Size(), fi.ModTime()
	}
	return info, nil
}

// inspect validates the database at path through a read-only connection:
// a SQLite file, intact (integrity_check), of Humas Desk (schema_migrations),
// of a schema no newer than this build's, with an office profile.
func inspect(ctx context.Context, path string) (*BackupInfo, error) {
	invalid := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalidBackup}, a...)...)
	}
	head := make([]byte, 16)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || string(head) != "SQLite format 3\x00" {
		return nil, invalid("bukan file SQLite")
	}
	db, err := openFile(path, true)
	if err != nil {
		return nil, invalid("tidak dapat dibuka (%v)", err)
	}
	defer closeDB(db)
	db = db.WithContext(ctx)
	if err := integrityCheck(db); err != nil {
		return nil, invalid("file rusak (%v)", err)
	}
	if ok, err := hasTable(db, "schema_migrations"); err != nil || !ok {
		return nil, invalid("tidak ada tabel schema_migrations")
	}
	info := &BackupInfo{}
	if err := db.Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&info.Schema).Error; err != nil {
		return nil, invalid("versi skema tidak terbaca (%v)", err)
	}
	if info.Schema > SchemaVersion() {
		return nil, ErrNewerSchema{Have: info.Schema, Know: SchemaVersion()}
	}
	if info.Schema < 1 {
		return nil, invalid("versi skema kosong")
	}
	var offices []struct{ ID, Name string }
	if err := db.Raw(`SELECT id, name FROM offices WHERE deleted = 0 ORDER BY name`).Scan(&offices).Error; err != nil {
		return nil, invalid("profil kantor tidak terbaca (%v)", err)
	}
	if len(offices) == 0 {
		return nil, invalid("tidak ada profil kantor")
	}
	var own string
	db.Raw(`SELECT value FROM settings WHERE key = ?`, SettingOffice).Scan(&own)
	info.Office = offices[0].Name
	for _, o := range offices {
		if o.ID == own {
			info.Office = o.Name
		}
	}
	for _, c := range []struct {
		table string
		n     *int
	}{{"agencies", &info.Agencies}, {"drafts", &info.Drafts}, {"entries", &info.Entries}} {
		if err := db.Raw(`SELECT count(*) FROM ` + c.table + ` WHERE deleted = 0`).Scan(c.n).Error; err != nil {
			return nil, invalid("tabel %s tidak terbaca (%v)", c.table, err)
		}
	}
	return info, nil
}

// RestoreResult tells what RestoreBackup did.
type RestoreResult struct {
	Restored BackupInfo // the backup now in place
	// Previous is the copy of the database as it was before (in
	// BackupDir), "" when there was none.
	Previous string
}

// RestoreBackup replaces the database at dbPath with the backup file from:
// an archive (restoreArchive, which also restores the photos) or a bare
// database copy.
// The store of dbPath must be closed (by every process): the caller closes
// it, calls RestoreBackup, and opens dbPath again with Open, which migrates
// a backup of an older schema (after copying it to backups/ first).
//
// It copies from into the database's folder and validates the copy first
// (read-only: a SQLite file, integrity_check, a Humas Desk schema not newer
// than this build, an office profile); a file that fails changes nothing.
// It then rebuilds the copy's search index, copies the current database
// (and its -wal) to backups/humasdesk-…-sebelum-pulih.db, removes the
// current -wal and -shm, and renames the copy over the database. The file
// from is never changed.
func RestoreBackup(ctx context.Context, dbPath, from string) (*RestoreResult, error) {
	if same, _ := sameFile(from, dbPath); same {
		return nil, errors.New("file cadangan adalah database yang sedang dipakai")
	}
	if _, err := os.Stat(from); err != nil {
		return nil, fmt.Errorf("file cadangan tidak dapat dibaca: %w", err)
	}
	if IsArchive(from) {
		return restoreArchive(ctx, dbPath, from)
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("folder database %s tidak dapat dibuat: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".humasdesk-pulih-*.db")
	if err != nil {
		return nil, fmt.Errorf("salinan sementara tidak dapat dibuat di %s: %w", dir, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	installed := false
	defer func() {
		if !installed {
			removeDBFiles(tmpPath)
		}
	}()
	if err := copyDBFiles(from, tmpPath); err != nil {
		return nil, err
	}
	info, err := inspect(ctx, tmpPath)
	if err != nil {
		return nil, err
	}
	info.Path = from
	if fi, err := os.Stat(from); err == nil {
		info.Size, info.Modified = fi.Size(), fi.ModTime()
	}
	if err := finishCopy(ctx, tmpPath); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidBackup, err)
	}
	if err := syncFile(tmpPath); err != nil {
		return nil, err
	}

	res := &RestoreResult{Restored: *info}
	if _, err := os.Stat(dbPath); err == nil {
		prev, err := newAutoBackupPath(dbPath, "sebelum-pulih")
		if err != nil {
			return nil, err
		}
		if err := copyDBFiles(dbPath, prev); err != nil {
			removeDBFiles(prev)
			return nil, fmt.Errorf("database sekarang tidak dapat dicadangkan, pemulihan dibatalkan: %w", err)
		}
		res.Previous = prev
	}
	// A -wal left beside the new file would be replayed into it.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("database masih dipakai (tutup Humas Desk lebih dulu): %w", err)
		}
	}
	if err := os.Rename(tmpPath, dbPath); err != nil {
		return nil, fmt.Errorf("database tidak dapat diganti (tutup Humas Desk lebih dulu): %w", err)
	}
	installed = true
	restrictFile(dbPath)
	if err := syncDir(dir); err != nil {
		return res, err
	}
	return res, pruneAutoBackups(BackupDir(dbPath))
}

// prepareOpen runs in Open before the database is opened for writing:
//   - a new file is created empty with mode 0600 (SQLite gives the -wal and
//     -shm the database's mode), and an existing one's files are made 0600;
//   - a database of a newer schema is refused before anything could touch
//     it (ErrNewerSchema);
//   - a database of an older schema is copied to backups/ before it is
//     migrated (and the oldest automatic copies pruned); if that copy
//     fails, the database is not migrated.
//
// A file that cannot be read as SQLite here is left for Open to report.
func prepareOpen(ctx context.Context, path string) error {
	restrictDefaultDir(filepath.Dir(path))
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return f.Close()
		}
		return nil // made meanwhile by another process, or Open reports it
	}
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	restrictFile(path)
	if fi.Size() == 0 {
		return nil
	}
	have, err := peekSchema(ctx, path)
	if err != nil {
		return nil
	}
	if have > SchemaVersion() {
		return ErrNewerSchema{Have: have, Know: SchemaVersion()}
	}
	if have == 0 || have == SchemaVersion() {
		return nil
	}
	dest, err := newAutoBackupPath(path, fmt.Sprintf("v%d-sebelum-migrasi", have))
	if err == nil {
		err = backupFile(ctx, path, dest)
		if err != nil {
			removeDBFiles(dest)
		}
	}
	if err != nil {
		return fmt.Errorf("database perlu diperbarui dari skema %d ke %d, tetapi cadangannya gagal dibuat, jadi database tidak diubah: %w",
			have, SchemaVersion(), err)
	}
	return pruneAutoBackups(BackupDir(path))
}

// peekSchema reads the schema version through a read-only connection; 0
// for a file without schema_migrations.
func peekSchema(ctx context.Context, path string) (int, error) {
	db, err := openFile(path, true)
	if err != nil {
		return 0, err
	}
	defer closeDB(db)
	db = db.WithContext(ctx)
	ok, err := hasTable(db, "schema_migrations")
	if err != nil || !ok {
		return 0, err
	}
	var have int
	err = db.Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have).Error
	return have, err
}

// copyDBFiles copies the database file src, and its -wal when it holds
// anything, to dest (mode 0600), and syncs them.
func copyDBFiles(src, dest string) error {
	if err := copyFile(src, dest); err != nil {
		return err
	}
	os.Remove(dest + "-wal")
	os.Remove(dest + "-shm")
	if fi, err := os.Stat(src + "-wal"); err == nil && fi.Size() > 0 {
		return copyFile(src+"-wal", dest+"-wal")
	}
	return nil
}

func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("%s tidak dapat dibaca: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("%s tidak dapat ditulis: %w", dest, err)
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s tidak dapat ditulis: %w", dest, err)
	}
	restrictFile(dest)
	return nil
}

func removeDBFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable (Unix; Windows has no such call).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// restrictFile makes the database file at path and its -wal and -shm
// readable by the owner only (Unix).
func restrictFile(path string) {
	if runtime.GOOS == "windows" {
		return
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, fi.Mode().Perm()&0o700)
		}
	}
}

// restrictDir makes a folder of ours owner-only (Unix).
func restrictDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() && fi.Mode().Perm()&0o077 != 0 {
		os.Chmod(dir, 0o700)
	}
}

// restrictDefaultDir makes the default database folder owner-only; a
// folder chosen with --db is the user's and stays as it is.
func restrictDefaultDir(dir string) {
	if cfg, err := os.UserConfigDir(); err == nil && filepath.Clean(dir) == filepath.Join(cfg, "humasdesk") {
		restrictDir(dir)
	}
}
