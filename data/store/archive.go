package store

// Backup archives: the whole of an installation's data in one file — a
// consistent snapshot of the database and every photo file it names —
// with a manifest of hashes, and restoring one.
//
// The archive is a ZIP file. ZIP rather than tar because its central
// directory sits at the end (a truncated archive has none and is refused
// at once), every entry carries a CRC-32 besides the manifest's SHA-256,
// the manifest can be read without reading the photos, and anyone can open
// it with the tools every office computer has (Explorer, Finder) to see
// the photos inside. Photos are stored as they are (JPEG and PNG are
// compressed already); the database is deflated.
//
// Layout:
//
//	manifest.json          Manifest: format, versions, office, counts, files
//	humasdesk.db           the snapshot (VACUUM INTO, search index rebuilt)
//	lampiran/ab/abcd….jpg  the photo files, by content hash, as on disk
//
// Paths inside the archive are the files' paths relative to the database's
// folder, so that restoring puts each one where the store expects it. Only
// the database and files under the folders in archiveDirs may appear; a
// future kind of attachment kept beside the database adds its folder there
// and its Kind to the manifest.
//
// Restoring verifies everything first, extracting into a staging folder
// beside the database: the manifest, every file's size and SHA-256, that a
// photo's name is its content's hash, that every photo the snapshot names
// is there, that the snapshot passes integrity_check and opens with the
// store (migrations applied), and that its record counts are the
// manifest's. Only then is anything changed. Photos are content-addressed
// and never changed once written, so they are moved into lampiran/ first
// (a file already there with the same content stays; no file is ever
// deleted, since the database kept in backups/ before the restore still
// names the old photos); then the database is replaced with one rename.
// A crash before that rename leaves the old database with all its photos
// (and some unused ones); after it, the new one with all of its photos.

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// AppVersion is written into every archive's manifest; the command sets it
// to its own version at start.
var AppVersion = "dev"

const (
	archiveFormat        = "humasdesk-cadangan"
	archiveFormatVersion = 1
	manifestName         = "manifest.json"
	archiveDBName        = "humasdesk.db"
)

// The kinds of file of a manifest.
const (
	FileDatabase   = "database"
	FilePhoto      = "photo"
	FileAttachment = "attachment" // a document attached to an entry or draft (data.Attachment)
)

// archiveDirs are the folders beside the database whose files an archive
// may hold, with the kinds of their files: photos and attachments share
// the content-addressed folder.
var archiveDirs = map[string][]string{"lampiran": {FilePhoto, FileAttachment}}

// contentFile reports whether f is a content-addressed file: its
// SHA-256 and an extension of data.AttachmentTypes.
func contentFile(f ManifestFile) bool {
	return contentName.MatchString(strings.TrimPrefix(f.Path, "lampiran/"))
}

// contentName is the name of a content-addressed file: its SHA-256 and
// an extension.
var contentName = regexp.MustCompile(`^([0-9a-f]{2})/([0-9a-f]{64})\.(jpg|png|pdf|docx|xlsx)$`)

// Manifest describes an archive: what made it, when, of which office,
// how many rows each table held, and every file with its size and hash.
type Manifest struct {
	Format        string         `json:"format"`
	FormatVersion int            `json:"format_version"`
	AppVersion    string         `json:"app_version"`
	CreatedAt     time.Time      `json:"created_at"`
	Schema        int            `json:"schema"`
	Office        ManifestOffice `json:"office"`
	Counts        map[string]int `json:"counts"` // rows per table, deleted ones included
	Files         []ManifestFile `json:"files"`
	// Missing names the photo files the database refers to that were not
	// on disk (or were damaged) when the archive was made; a restore
	// accepts their absence.
	Missing []string `json:"missing,omitempty"`
}

// ManifestOffice is the installation's own office.
type ManifestOffice struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ManifestFile is one file of the archive.
type ManifestFile struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// ArchiveInfo is a verified archive: its manifest and what its database
// holds.
type ArchiveInfo struct {
	BackupInfo
	Manifest Manifest
}

// IsArchive tells whether the file at path is a ZIP file (an archive, or
// meant as one), rather than a bare database copy.
func IsArchive(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == "PK\x03\x04"
}

// invalidArchive wraps a reason an archive is refused.
func invalidArchive(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidBackup}, a...)...)
}

// BackupArchive writes an archive of the database and every photo it names
// to dest, while the store stays open. It is written under a temporary
// name beside dest, read back and checked, and only then renamed to dest
// (replacing a file there), so a file under dest's name is always a whole,
// checked archive; on any failure nothing is left.
func (s *Store) BackupArchive(ctx context.Context, dest string) (*ArchiveInfo, error) {
	return BackupArchiveOf(ctx, s.path, dest)
}

// BackupArchiveOf is BackupArchive of the database at dbPath, which may be
// open (by this process or another) or not: it reads the file through a
// connection of its own.
func BackupArchiveOf(ctx context.Context, dbPath, dest string) (*ArchiveInfo, error) {
	if same, _ := sameFile(dest, dbPath); same {
		return nil, fmt.Errorf("cadangan tidak boleh menimpa database yang sedang dipakai (%s)", dest)
	}
	if _, err := os.Stat(dbPath); err != nil {
		return nil, fmt.Errorf("database %s tidak dapat dibaca: %w", dbPath, err)
	}
	removeStale(filepath.Dir(dbPath), workPrefix, time.Hour)
	work, err := os.MkdirTemp(filepath.Dir(dbPath), workPrefix)
	if err != nil {
		return nil, fmt.Errorf("folder sementara tidak dapat dibuat: %w", err)
	}
	defer os.RemoveAll(work)
	snap := filepath.Join(work, archiveDBName)
	if err := backupFile(ctx, dbPath, snap); err != nil {
		return nil, err
	}
	m, photos, err := snapshotManifest(ctx, snap)
	if err != nil {
		return nil, fmt.Errorf("cadangan gagal: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".humasdesk-cadangan-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("file cadangan tidak dapat dibuat di %s: %w", filepath.Dir(dest), err)
	}
	tmpPath := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmpPath)
		}
	}()
	err = writeArchive(ctx, tmp, snap, filepath.Dir(dbPath), photos, m)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("cadangan %s gagal: %w", dest, err)
	}
	// Read it back: a flaky USB drive shows here, not on the day of need.
	if _, err := readArchive(ctx, tmpPath, "", false); err != nil {
		return nil, fmt.Errorf("cadangan %s gagal diperiksa ulang: %w", dest, err)
	}
	if err := os.Rename(tmpPath, dest); err != nil {
		return nil, fmt.Errorf("cadangan %s tidak dapat disimpan: %w", dest, err)
	}
	ok = true
	restrictFile(dest)
	if err := syncDir(filepath.Dir(dest)); err != nil {
		return nil, err
	}
	info, err := inspect(ctx, snap)
	if err != nil {
		return nil, err
	}
	info.Path = dest
	if fi, err := os.Stat(dest); err == nil {
		info.Size, info.Modified = fi.Size(), fi.ModTime()
	}
	info.Photos = countPhotoFiles(m)
	return &ArchiveInfo{BackupInfo: *info, Manifest: *m}, nil
}

// photoRef is a photo or attachment file a database names, with its
// manifest kind (FilePhoto or FileAttachment).
type photoRef struct{ Hash, Mime, Kind string }

// archivePath is the file's path inside the archive (and below the
// database's folder), as Store.FilePath names it on disk.
func (p photoRef) archivePath() string {
	ext := ".jpg"
	if t, ok := data.AttachmentTypeOf(p.Mime); ok {
		ext = t.Ext
	}
	return "lampiran/" + p.Hash[:2] + "/" + p.Hash + ext
}

// snapshotManifest starts the manifest of the snapshot at snap: its
// schema, office and counts, and the photo files it names.
func snapshotManifest(ctx context.Context, snap string) (*Manifest, []photoRef, error) {
	info, err := inspect(ctx, snap)
	if err != nil {
		return nil, nil, err
	}
	db, err := openFile(snap, true)
	if err != nil {
		return nil, nil, err
	}
	defer closeDB(db)
	db = db.WithContext(ctx)
	m := &Manifest{Format: archiveFormat, FormatVersion: archiveFormatVersion, AppVersion: AppVersion,
		CreatedAt: time.Now().UTC().Truncate(time.Second), Schema: info.Schema}
	m.Office.Name = info.Office
	db.Raw(`SELECT value FROM settings WHERE key = ?`, SettingOffice).Scan(&m.Office.ID)
	if m.Counts, err = tableCounts(db); err != nil {
		return nil, nil, err
	}
	photos, err := photoRefs(db)
	return m, photos, err
}

// tableCounts counts the rows of every table of the database but SQLite's
// own and the search index's (rebuilt, so its shadow tables differ).
func tableCounts(db *gorm.DB) (map[string]int, error) {
	var names []string
	err := db.Raw(`SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entries_search%' ORDER BY name`).Scan(&names).Error
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(names))
	for _, n := range names {
		var c int
		if err := db.Raw(`SELECT count(*) FROM "` + n + `"`).Scan(&c).Error; err != nil {
			return nil, fmt.Errorf("tabel %s tidak terbaca: %w", n, err)
		}
		out[n] = c
	}
	return out, nil
}

// photoRefs lists the distinct photo files the database names, deleted
// photos included (undoing a delete brings the file back into use).
func photoRefs(db *gorm.DB) ([]photoRef, error) {
	if ok, err := hasTable(db, "photos"); err != nil || !ok {
		return nil, err
	}
	var refs []photoRef
	err := db.Raw(`SELECT DISTINCT hash, mime, ? AS kind FROM photos WHERE length(hash) = 64 ORDER BY hash, mime`, FilePhoto).Scan(&refs).Error
	if err != nil {
		return nil, err
	}
	// Attachments (schema 9 on): the same file may be both a photo and a
	// document's attachment; it is archived once, as the photo.
	if ok, err := hasTable(db, "attachments"); err != nil || !ok {
		return refs, err
	}
	var docs []photoRef
	err = db.Raw(`SELECT DISTINCT hash, mime, ? AS kind FROM attachments WHERE length(hash) = 64
		AND hash NOT IN (SELECT hash FROM photos) ORDER BY hash, mime`, FileAttachment).Scan(&docs).Error
	return append(refs, docs...), err
}

// writeArchive writes the archive to w: the snapshot, the photo files
// found under dir (a missing or damaged one is listed in m.Missing), then
// the manifest, and syncs it.
func writeArchive(ctx context.Context, f *os.File, snap, dir string, photos []photoRef, m *Manifest) error {
	zw := zip.NewWriter(f)
	add := func(name, src, kind string, method uint16) (bool, error) {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		in, err := os.Open(src)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		defer in.Close()
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: m.CreatedAt})
		if err != nil {
			return false, err
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(w, h), in)
		if err != nil {
			return false, fmt.Errorf("%s tidak dapat dibaca: %w", src, err)
		}
		m.Files = append(m.Files, ManifestFile{Path: name, Kind: kind, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
		return true, nil
	}
	if _, err := add(archiveDBName, snap, FileDatabase, zip.Deflate); err != nil {
		return err
	}
	for _, p := range photos {
		name := p.archivePath()
		found, err := add(name, filepath.Join(dir, filepath.FromSlash(name)), p.Kind, zip.Store)
		if err != nil {
			return err
		}
		// A file whose content is not its name is damaged: it is in the
		// archive (a restore skips it), and listed as missing.
		if !found || m.Files[len(m.Files)-1].SHA256 != p.Hash {
			m.Missing = append(m.Missing, name)
		}
	}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: manifestName, Method: zip.Deflate, Modified: m.CreatedAt})
	if err == nil {
		_, err = w.Write(raw)
	}
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = f.Sync()
	}
	return err
}

func countPhotoFiles(m *Manifest) int {
	n := 0
	for _, f := range m.Files {
		if f.Kind == FilePhoto {
			n++
		}
	}
	return n
}

// readArchive reads the archive at path and checks its manifest and every
// file's size and hash against it. With stage set, it extracts the
// database, and with all every file, under stage (synced); the rest is
// only read. It does not look inside the database.
func readArchive(ctx context.Context, path, stage string, all bool) (*Manifest, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, invalidArchive("bukan arsip ZIP yang utuh (terpotong atau rusak: %v)", err)
	}
	defer zr.Close()
	m, err := readManifest(&zr.Reader)
	if err != nil {
		return nil, err
	}
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		if _, dup := entries[f.Name]; dup {
			return nil, invalidArchive("berkas %s tercantum dua kali", f.Name)
		}
		entries[f.Name] = f
	}
	for _, mf := range m.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		zf := entries[mf.Path]
		if zf == nil {
			return nil, invalidArchive("berkas %s yang tercantum di manifest tidak ada di arsip", mf.Path)
		}
		delete(entries, mf.Path)
		dest := stage
		if !all && mf.Kind != FileDatabase {
			dest = ""
		}
		if err := extractEntry(zf, mf, dest); err != nil {
			return nil, err
		}
	}
	delete(entries, manifestName)
	for name := range entries {
		return nil, invalidArchive("berkas %s tidak tercantum di manifest", name)
	}
	return m, nil
}

// readManifest reads and validates manifest.json: our format, a version
// this build reads, safe paths, exactly one database.
func readManifest(zr *zip.Reader) (*Manifest, error) {
	var mf *zip.File
	for _, f := range zr.File {
		if f.Name == manifestName {
			mf = f
		}
	}
	if mf == nil {
		return nil, invalidArchive("manifest.json tidak ada")
	}
	r, err := mf.Open()
	if err != nil {
		return nil, invalidArchive("manifest.json tidak terbaca (%v)", err)
	}
	raw, err := io.ReadAll(io.LimitReader(r, 64<<20))
	r.Close()
	if err != nil {
		return nil, invalidArchive("manifest.json rusak (%v)", err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, invalidArchive("manifest.json bukan JSON yang sah (%v)", err)
	}
	if m.Format != archiveFormat {
		return nil, invalidArchive("manifest.json bukan manifest cadangan Humas Desk")
	}
	if m.FormatVersion > archiveFormatVersion {
		return nil, fmt.Errorf("arsip ini dibuat oleh versi Humas Desk yang lebih baru (format %d, versi ini mengenal sampai %d; versi aplikasi %s); perbarui aplikasi, data tidak diubah",
			m.FormatVersion, archiveFormatVersion, m.AppVersion)
	}
	if m.FormatVersion < 1 {
		return nil, invalidArchive("versi format manifest kosong")
	}
	dbs := 0
	for _, f := range m.Files {
		if err := checkArchivePath(f); err != nil {
			return nil, err
		}
		if f.Kind == FileDatabase {
			dbs++
		}
	}
	if dbs != 1 {
		return nil, invalidArchive("arsip harus memuat tepat satu database (ada %d)", dbs)
	}
	return &m, nil
}

// checkArchivePath refuses a path that would land outside the folders a
// restore may write (archiveDirs), or a kind that does not fit it.
func checkArchivePath(f ManifestFile) error {
	if len(f.SHA256) != 64 || f.Size < 0 {
		return invalidArchive("hash atau ukuran %s di manifest tidak sah", f.Path)
	}
	if f.Path == archiveDBName {
		if f.Kind != FileDatabase {
			return invalidArchive("jenis %s di manifest tidak sah", f.Path)
		}
		return nil
	}
	dir, rest, _ := strings.Cut(f.Path, "/")
	kinds, ok := archiveDirs[dir]
	if !ok || path.Clean(f.Path) != f.Path || strings.Contains(f.Path, "..") || !slices.Contains(kinds, f.Kind) {
		return invalidArchive("berkas %s (%s) tidak boleh ada di arsip", f.Path, f.Kind)
	}
	if !contentName.MatchString(rest) {
		return invalidArchive("nama foto %s tidak sah", f.Path)
	}
	return nil
}

// extractEntry reads one file of the archive, checking its size and
// SHA-256 (and the ZIP CRC), into stage when set.
func extractEntry(zf *zip.File, mf ManifestFile, stage string) (err error) {
	r, err := zf.Open()
	if err != nil {
		return invalidArchive("berkas %s tidak terbaca (%v)", mf.Path, err)
	}
	defer r.Close()
	var out io.Writer = io.Discard
	var f *os.File
	if stage != "" {
		dest := filepath.Join(stage, filepath.FromSlash(mf.Path))
		if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
			return err
		}
		if f, err = os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600); err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
		out = f
	}
	h := sha256.New()
	ew := &errWriter{w: out}
	n, err := io.Copy(io.MultiWriter(ew, h), io.LimitReader(r, mf.Size+1))
	if ew.err != nil {
		return fmt.Errorf("berkas %s tidak dapat ditulis: %w", mf.Path, ew.err)
	}
	if err != nil {
		return invalidArchive("berkas %s rusak (%v)", mf.Path, err)
	}
	if n != mf.Size || hex.EncodeToString(h.Sum(nil)) != mf.SHA256 {
		return invalidArchive("berkas %s tidak cocok dengan manifest (ukuran atau hash SHA-256 berbeda)", mf.Path)
	}
	if f != nil {
		return f.Sync()
	}
	return nil
}

// verifyArchive reads the archive at from and checks it whole (see the
// file comment), extracting the database (and with all, every file) into
// stage; it changes nothing outside stage. The database in stage is left
// opened-and-closed by the store, migrated.
func verifyArchive(ctx context.Context, from, stage string, all bool) (*ArchiveInfo, error) {
	m, err := readArchive(ctx, from, stage, all)
	if err != nil {
		return nil, err
	}
	snap := filepath.Join(stage, archiveDBName)
	info, err := inspect(ctx, snap)
	if err != nil {
		return nil, err
	}
	if err := checkSnapshot(ctx, snap, m); err != nil {
		return nil, err
	}
	// Open it as Humas Desk will: migrations, the office profile.
	st, err := Open(snap)
	if err != nil {
		return nil, invalidArchive("database di arsip tidak dapat dibuka (%v)", err)
	}
	// Forms kept against a crash belong to the moment of the backup, not
	// to the restored machine: the next start must not offer them.
	if err := st.rw.WithContext(ctx).Exec(`DELETE FROM unsaved_forms`).Error; err != nil {
		st.Close()
		return nil, err
	}
	if err := st.Close(); err != nil {
		return nil, err
	}
	os.RemoveAll(BackupDir(snap)) // the copy Open made before migrating
	if err := finishCopy(ctx, snap); err != nil {
		return nil, invalidArchive("%v", err)
	}
	info.Path = from
	if fi, err := os.Stat(from); err == nil {
		info.Size, info.Modified = fi.Size(), fi.ModTime()
	}
	info.Archive, info.Created, info.AppVersion = true, m.CreatedAt, m.AppVersion
	info.Photos = countPhotoFiles(m)
	return &ArchiveInfo{BackupInfo: *info, Manifest: *m}, nil
}

// checkSnapshot compares the snapshot with its manifest: the same schema,
// the same rows per table, and every photo file it names in the archive
// (with a matching hash) or listed as missing.
func checkSnapshot(ctx context.Context, snap string, m *Manifest) error {
	db, err := openFile(snap, true)
	if err != nil {
		return invalidArchive("database di arsip tidak dapat dibuka (%v)", err)
	}
	defer closeDB(db)
	db = db.WithContext(ctx)
	counts, err := tableCounts(db)
	if err != nil {
		return invalidArchive("%v", err)
	}
	for t, n := range m.Counts {
		if counts[t] != n {
			return invalidArchive("tabel %s berisi %d baris, manifest mencatat %d", t, counts[t], n)
		}
	}
	refs, err := photoRefs(db)
	if err != nil {
		return invalidArchive("daftar foto tidak terbaca (%v)", err)
	}
	have := map[string]bool{}
	for _, f := range m.Files {
		if (f.Kind == FilePhoto || f.Kind == FileAttachment) && strings.Contains(f.Path, f.SHA256) {
			have[f.Path] = true
		}
	}
	for _, mi := range m.Missing {
		have[mi] = true
	}
	for _, r := range refs {
		if !have[r.archivePath()] {
			return invalidArchive("foto %s yang dipakai database tidak ada di arsip", r.archivePath())
		}
	}
	return nil
}

// InspectArchive verifies the archive at path whole, as a restore would,
// in a temporary folder, without changing anything else.
func InspectArchive(ctx context.Context, path string) (*ArchiveInfo, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("file cadangan tidak dapat dibaca: %w", err)
	}
	stage, err := os.MkdirTemp("", "humasdesk-periksa-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(stage)
	return verifyArchive(ctx, path, stage, false)
}

// restoreArchive is RestoreBackup for an archive (see the file comment).
func restoreArchive(ctx context.Context, dbPath, from string) (*RestoreResult, error) {
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("folder database %s tidak dapat dibuat: %w", dir, err)
	}
	removeStale(dir, stagePrefix, time.Hour)
	stage, err := os.MkdirTemp(dir, stagePrefix)
	if err != nil {
		return nil, fmt.Errorf("folder sementara tidak dapat dibuat di %s: %w", dir, err)
	}
	defer os.RemoveAll(stage)
	info, err := verifyArchive(ctx, from, stage, true)
	if err != nil {
		return nil, err
	}
	if err := syncFile(filepath.Join(stage, archiveDBName)); err != nil {
		return nil, err
	}
	res := &RestoreResult{Restored: info.BackupInfo}
	if res.Previous, err = copyBeforeRestore(dbPath); err != nil {
		return nil, err
	}
	if err := installFiles(stage, dir, info.Manifest.Files); err != nil {
		return nil, fmt.Errorf("foto tidak dapat dipulihkan, database tidak diganti: %w", err)
	}
	if err := installDB(filepath.Join(stage, archiveDBName), dbPath); err != nil {
		return nil, err
	}
	if err := syncDir(dir); err != nil {
		return res, err
	}
	return res, pruneAutoBackups(BackupDir(dbPath))
}

// The folders a backup snapshots into and a restore extracts into, beside
// the database; one left by a crash is removed by the next backup or
// restore once it is older than any run could take.
const (
	workPrefix  = ".humasdesk-cadangan-"
	stagePrefix = ".humasdesk-pulih-"
)

func removeStale(dir, prefix string, age time.Duration) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > age {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// copyBeforeRestore copies the database at dbPath (and its -wal) to
// backups/humasdesk-…-sebelum-pulih.db; "" when there is none.
func copyBeforeRestore(dbPath string) (string, error) {
	if _, err := os.Stat(dbPath); err != nil {
		return "", nil
	}
	prev, err := newAutoBackupPath(dbPath, "sebelum-pulih")
	if err != nil {
		return "", err
	}
	if err := copyDBFiles(dbPath, prev); err != nil {
		removeDBFiles(prev)
		return "", fmt.Errorf("database sekarang tidak dapat dicadangkan, pemulihan dibatalkan: %w", err)
	}
	return prev, nil
}

// installFiles moves the extracted files (not the database) from stage to
// the same paths under dir. A file already there with the right content
// stays; one with other content (damaged) is replaced by the rename.
func installFiles(stage, dir string, files []ManifestFile) error {
	synced := map[string]bool{}
	for _, f := range files {
		if f.Kind == FileDatabase || (contentFile(f) && !strings.Contains(f.Path, f.SHA256)) {
			continue // the database goes last; a damaged photo or attachment stays out
		}
		rel := filepath.FromSlash(f.Path)
		dest := filepath.Join(dir, rel)
		if sum, err := fileSHA256(dest); err == nil && sum == f.SHA256 {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(stage, rel), dest); err != nil {
			return err
		}
		synced[filepath.Dir(dest)] = false
	}
	dirs := make([]string, 0, len(synced))
	for d := range synced {
		dirs = append(dirs, d, filepath.Dir(d))
	}
	sort.Strings(dirs)
	for i, d := range dirs {
		if i > 0 && dirs[i-1] == d {
			continue
		}
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// installDB renames the verified database file src over dbPath.
func installDB(src, dbPath string) error {
	// A -wal left beside the new file would be replayed into it.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("database masih dipakai (tutup Humas Desk lebih dulu): %w", err)
		}
	}
	if err := os.Rename(src, dbPath); err != nil {
		return fmt.Errorf("database tidak dapat diganti (tutup Humas Desk lebih dulu): %w", err)
	}
	restrictFile(dbPath)
	return nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// errWriter remembers a write error, to tell a full disk from a damaged
// archive.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}
