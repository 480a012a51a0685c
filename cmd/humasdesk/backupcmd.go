package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

const backupUsage = `Pemakaian: humasdesk backup [--db FILE] [--out FILE|FOLDER]

Membuat arsip cadangan (ZIP): salinan database yang utuh, semua foto
dokumentasi, dan manifest berisi hash SHA-256 setiap berkas. Arsip ditulis
dengan nama sementara, diperiksa ulang, lalu diberi namanya; cadangan yang
gagal tidak meninggalkan berkas.

  --db FILE     database (bawaan: $HUMASDESK_DB atau folder konfigurasi)
  --out TUJUAN  berkas arsip, atau folder (nama humasdesk-cadangan-WAKTU.zip);
                bawaan: folder cadangan terjadwal (Pengaturan → Cadangan)
`

const restoreUsage = `Pemakaian: humasdesk restore [--db FILE] [--check] ARSIP

Memulihkan database dan foto dari arsip cadangan (atau dari salinan .db).
Seluruh arsip diperiksa lebih dulu (manifest, hash setiap berkas,
integritas database); arsip yang rusak ditolak dan data tidak diubah.
Database yang sekarang disimpan dulu di folder backups/. Tutup Humas Desk
sebelum memulihkan.

  --db FILE   database yang diganti (bawaan: $HUMASDESK_DB atau folder konfigurasi)
  --check     hanya periksa arsip dan tampilkan isinya; tidak mengubah apa pun
`

// wantsHelp tells whether args ask for a verb's usage.
func wantsHelp(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" })
}

// runBackup writes an archive of the database and its photos.
func runBackup(args []string, out io.Writer) error {
	if wantsHelp(args) {
		fmt.Fprint(out, backupUsage)
		return nil
	}
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
	fmt.Fprintf(out, "Cadangan disimpan di %s (%s).\n", info.Path, sizeText(info.Size))
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
		return "", fmt.Errorf("backup: folder %s tidak dapat dibuat: %w", dest, err)
	}
	return filepath.Join(dest, store.ScheduledBackupName(now)), nil
}

// runRestore checks an archive, and unless --check, restores it.
func runRestore(args []string, out io.Writer) error {
	if wantsHelp(args) {
		fmt.Fprint(out, restoreUsage)
		return nil
	}
	fs := newFlags("restore")
	dbPath := fs.String("db", "", "database file")
	check := fs.Bool("check", false, "verify only")
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Sprintf("restore: %v", err)}
	}
	if fs.NArg() != 1 {
		return usageError{"restore: sebutkan tepat satu berkas cadangan; lihat 'humasdesk restore --help'"}
	}
	from := fs.Arg(0)
	ctx := bgCtx()
	if *check {
		info, m, err := inspectAny(from)
		if err != nil {
			return fmt.Errorf("cadangan %s tidak dapat dipulihkan: %w", from, err)
		}
		fmt.Fprintf(out, "Cadangan %s utuh (%s).\n", from, sizeText(info.Size))
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
		return fmt.Errorf("cadangan %s tidak dapat dipulihkan, data tidak diubah: %w", from, err)
	}
	if err != nil {
		fmt.Fprintf(out, "Peringatan: %s\n", oneLine(err))
	}
	st, err := store.Open(path) // migrates a backup of an older schema
	if err != nil {
		return fmt.Errorf("cadangan dipulihkan ke %s, tetapi database tidak dapat dibuka: %w", path, err)
	}
	st.Close()
	fmt.Fprintf(out, "Data %s dipulihkan dari %s ke %s.\n", res.Restored.Office, from, path)
	if res.Previous != "" {
		fmt.Fprintf(out, "Database sebelumnya disimpan di %s.\n", res.Previous)
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
	fmt.Fprintf(out, "Kantor: %s\n", info.Office)
	fmt.Fprintf(out, "Isi: %d instansi, %d konten, %d kegiatan, %d berkas foto\n", info.Agencies, info.Drafts, info.Entries, info.Photos)
	fmt.Fprintf(out, "Skema: %d (versi ini: %d)\n", info.Schema, store.SchemaVersion())
	if m == nil {
		return
	}
	fmt.Fprintf(out, "Dibuat: %s oleh Humas Desk %s (format %d)\n", longDateTime(m.CreatedAt), m.AppVersion, m.FormatVersion)
	var total int64
	for _, f := range m.Files {
		total += f.Size
	}
	fmt.Fprintf(out, "Berkas: %d (%s), semua cocok dengan hash SHA-256 di manifest\n", len(m.Files), sizeText(total))
	tables := make([]string, 0, len(m.Counts))
	for t := range m.Counts {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	parts := make([]string, len(tables))
	for i, t := range tables {
		parts[i] = fmt.Sprintf("%s %d", t, m.Counts[t])
	}
	fmt.Fprintf(out, "Baris per tabel: %s\n", strings.Join(parts, ", "))
	if len(m.Missing) > 0 {
		fmt.Fprintf(out, "Foto yang sudah hilang saat dicadangkan: %d (%s)\n", len(m.Missing), strings.Join(m.Missing, ", "))
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
