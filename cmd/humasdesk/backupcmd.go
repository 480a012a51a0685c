package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// runBackup writes an archive of the database and its photos.
func runBackup(args []string, out io.Writer) error {
	fs := newFlags("backup")
	dbPath := fs.String("db", "", "database file")
	dest := fs.String("out", "", "archive file or folder")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	now := time.Now()
	target, err := backupTarget(st.Path(), *dest, now)
	if err != nil {
		return err
	}
	info, err := st.BackupArchive(bgCtx(), target)
	if err != nil {
		return err
	}
	if err := store.RecordGoodBackup(st.Path(), info.Path, now); err != nil {
		return err
	}
	fmt.Fprintf(out, say("Cadangan disimpan di %s (%s).\n", "Backup saved in %s (%s).\n"), info.Path, sizeText(info.Size))
	printSummary(out, &info.BackupInfo, &info.Manifest)
	return nil
}

// backupTarget is the archive file for --out: a folder (existing, or
// written with a trailing separator) gets a dated name inside; nothing
// means the scheduled backups' folder.
func backupTarget(dbPath, dest string, now time.Time) (string, error) {
	if dest == "" {
		sch, err := store.LoadSchedule(dbPath)
		if err != nil {
			return "", err
		}
		dest = sch.Folder + string(filepath.Separator)
	}
	isDir := strings.HasSuffix(dest, "/") || strings.HasSuffix(dest, string(filepath.Separator))
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		isDir = true
	}
	if !isDir {
		return dest, nil
	}
	if err := os.MkdirAll(dest, 0o700); err != nil {
		return "", fmt.Errorf(say("backup: folder %s tidak dapat dibuat: %w", "backup: folder %s cannot be made: %w"), dest, err)
	}
	return filepath.Join(dest, store.ScheduledBackupName(now)), nil
}

// runRestore checks an archive, and unless --check, restores it.
func runRestore(args []string, out io.Writer) error {
	fs := newFlags("restore")
	dbPath := fs.String("db", "", "database file")
	check := fs.Bool("check", false, "verify only")
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Sprintf("restore: %v", err)}
	}
	if fs.NArg() != 1 {
		return usageError{say("restore: sebutkan tepat satu berkas cadangan; lihat 'humasdesk restore --help'", "restore: name exactly one backup file; see 'humasdesk restore --help'")}
	}
	from := fs.Arg(0)
	ctx := bgCtx()
	if *check {
		info, m, err := inspectAny(from)
		if err != nil {
			return fmt.Errorf(say("cadangan %s tidak dapat dipulihkan: %w", "backup %s cannot be restored: %w"), from, err)
		}
		fmt.Fprintf(out, say("Cadangan %s utuh (%s).\n", "Backup %s is intact (%s).\n"), from, sizeText(info.Size))
		printSummary(out, info, m)
		return nil
	}
	path := *dbPath
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	res, err := store.RestoreBackup(ctx, path, from)
	if res == nil {
		return fmt.Errorf(say("cadangan %s tidak dapat dipulihkan, data tidak diubah: %w", "backup %s cannot be restored, no data changed: %w"), from, err)
	}
	if err != nil {
		fmt.Fprintf(out, say("Peringatan: %s\n", "Warning: %s\n"), oneLine(err))
	}
	st, err := store.Open(path) // migrates a backup of an older schema
	if err != nil {
		return fmt.Errorf(say("cadangan dipulihkan ke %s, tetapi database tidak dapat dibuka: %w", "backup restored to %s, but the database cannot be opened: %w"), path, err)
	}
	st.Close()
	fmt.Fprintf(out, say("Data %s dipulihkan dari %s ke %s.\n", "Data of %s restored from %s to %s.\n"), res.Restored.Office, from, path)
	if res.Previous != "" {
		fmt.Fprintf(out, say("Database sebelumnya disimpan di %s.\n", "The previous database is kept in %s.\n"), res.Previous)
	}
	printSummary(out, &res.Restored, nil)
	return nil
}

// inspectAny checks an archive, or a bare database copy.
func inspectAny(path string) (*store.BackupInfo, *store.Manifest, error) {
	if store.IsArchive(path) {
		a, err := store.InspectArchive(bgCtx(), path)
		if err != nil {
			return nil, nil, err
		}
		return &a.BackupInfo, &a.Manifest, nil
	}
	info, err := store.InspectBackup(bgCtx(), path)
	return info, nil, err
}

// printSummary prints what a backup holds; m is nil for a bare copy.
func printSummary(out io.Writer, info *store.BackupInfo, m *store.Manifest) {
	fmt.Fprintf(out, say("Kantor: %s\n", "Office: %s\n"), info.Office)
	fmt.Fprintf(out, say("Isi: %d instansi, %d konten, %d kegiatan, %d berkas foto\n", "Contents: %d agencies, %d drafts, %d activities, %d photo files\n"), info.Agencies, info.Drafts, info.Entries, info.Photos)
	fmt.Fprintf(out, say("Skema: %d (versi ini: %d)\n", "Schema: %d (this version: %d)\n"), info.Schema, store.SchemaVersion())
	if m == nil {
		return
	}
	fmt.Fprintf(out, say("Dibuat: %s oleh Humas Desk %s (format %d)\n", "Made: %s by Humas Desk %s (format %d)\n"), longDateTime(m.CreatedAt), m.AppVersion, m.FormatVersion)
	var total int64
	for _, f := range m.Files {
		total += f.Size
	}
	fmt.Fprintf(out, say("Berkas: %d (%s), semua cocok dengan hash SHA-256 di manifest\n", "Files: %d (%s), all match their SHA-256 hash in the manifest\n"), len(m.Files), sizeText(total))
	tables := make([]string, 0, len(m.Counts))
	for t := range m.Counts {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	parts := make([]string, len(tables))
	for i, t := range tables {
		parts[i] = fmt.Sprintf("%s %d", t, m.Counts[t])
	}
	fmt.Fprintf(out, say("Baris per tabel: %s\n", "Rows per table: %s\n"), strings.Join(parts, ", "))
	if len(m.Missing) > 0 {
		fmt.Fprintf(out, say("Foto yang sudah hilang saat dicadangkan: %d (%s)\n", "Photos already missing when backed up: %d (%s)\n"), len(m.Missing), strings.Join(m.Missing, ", "))
	}
}

// longDateTime is "7 Desember 2026 23.31" in local time.
func longDateTime(t time.Time) string {
	t = t.Local()
	return iddate.Long(data.DateOf(t)) + " " + iddate.Clock(t)
}

func sizeText(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	default:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	}
}
