package store

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

// writePNG writes a small PNG that differs by seed, and returns its path.
func writePNG(t *testing.T, dir string, seed int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for y := 0; y < 16; y++ {
		for x := 0; x < 24; x++ {
			img.Set(x, y, color.RGBA{uint8(seed * 37), uint8(x * 10), uint8(y*15 + seed), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, fmt.Sprintf("foto-%d.png", seed))
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// archiveFixture is a database with records, entry photos (one deleted)
// and a draft picture, in its own folder.
func archiveFixture(t *testing.T) (dbPath string, ids map[string][]string) {
	t.Helper()
	dir := t.TempDir()
	dbPath = filepath.Join(dir, "humasdesk.db")
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids = fillStore(t, s, 40)
	src := t.TempDir()
	for i := 0; i < 4; i++ {
		p, err := s.AttachPhoto(ctx, ids["entries"][i], writePNG(t, src, i), fmt.Sprintf("Dokumentasi %d", i))
		if err != nil {
			t.Fatal(err)
		}
		if i == 3 {
			if err := s.Delete(ctx, KindPhoto, p.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.AttachDraftPhoto(ctx, ids["drafts"][0], writePNG(t, src, 9), "Poster", false); err != nil {
		t.Fatal(err)
	}
	return dbPath, ids
}

// dumpDB returns every row of every table but the search index, each as
// JSON, sorted: two databases with equal dumps hold the same records.
func dumpDB(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := openFile(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB(db)
	counts, err := tableCounts(db)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for table := range counts {
		var rows []map[string]any
		if err := db.Raw(`SELECT * FROM "` + table + `"`).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			raw, _ := json.Marshal(r)
			out[table] = append(out[table], string(raw))
		}
		sort.Strings(out[table])
	}
	return out
}

// treeHashes maps every file below dir (relative path) to its SHA-256.
func treeHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		sum, err := fileSHA256(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sum
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestArchiveRoundTrip(t *testing.T) {
	dbPath, ids := archiveFixture(t)
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	arch := filepath.Join(t.TempDir(), "cadangan.zip")
	info, err := s.BackupArchive(ctx, arch)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if info.Photos != 5 || info.Entries != 40 || len(info.Manifest.Missing) != 0 {
		t.Errorf("archive info: %d photos, %d entries, missing %v", info.Photos, info.Entries, info.Manifest.Missing)
	}
	if info.Manifest.Counts["photos"] != 5 || info.Manifest.Office.ID == "" || info.Manifest.AppVersion == "" {
		t.Errorf("manifest %+v", info.Manifest)
	}

	// Restore onto an empty folder: every record and every photo back.
	target := filepath.Join(t.TempDir(), "baru", "humasdesk.db")
	res, err := RestoreBackup(ctx, target, arch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Previous != "" || !res.Restored.Archive || res.Restored.Photos != 5 {
		t.Errorf("restore result %+v", res)
	}
	if a, b := dumpDB(t, dbPath), dumpDB(t, target); !equalDumps(a, b) {
		t.Errorf("restored records differ:\nsource %v\nrestored %v", a, b)
	}
	want, got := treeHashes(t, filepath.Join(filepath.Dir(dbPath), "lampiran")), treeHashes(t, filepath.Join(filepath.Dir(target), "lampiran"))
	if fmt.Sprint(want) != fmt.Sprint(got) || len(want) != 5 {
		t.Errorf("photo files: want %v, got %v", want, got)
	}
	r, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	checkRecords(t, r, ids)
	entries := treeHashes(t, filepath.Dir(target))
	for p := range entries {
		if strings.HasPrefix(p, ".humasdesk") {
			t.Errorf("temporary file left: %s", p)
		}
	}
}

func equalDumps(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if strings.Join(v, "\n") != strings.Join(b[k], "\n") {
			return false
		}
	}
	return true
}

// rewriteZip copies the archive at src to dest, letting edit change or
// drop (nil) each entry's content.
func rewriteZip(t *testing.T, src, dest string, edit func(name string, raw []byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		r, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(r)
		r.Close()
		raw := edit(f.Name, b.Bytes())
		if raw == nil {
			continue
		}
		w, _ := zw.Create(f.Name)
		w.Write(raw)
	}
	zw.Close()
	if err := os.WriteFile(dest, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// flipInEntry flips a byte of the stored data of the first entry whose
// name has prefix.
func flipInEntry(t *testing.T, src, dest, prefix string) {
	t.Helper()
	raw, _ := os.ReadFile(src)
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, prefix) {
			off, _ := f.DataOffset()
			raw[off+int64(f.CompressedSize64)/2] ^= 0x40
			if err := os.WriteFile(dest, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no entry %s", prefix)
}

// A damaged archive is refused before anything changes: the target's
// database, photos and backups/ stay byte for byte.
func TestArchiveCorruptRefused(t *testing.T) {
	dbPath, _ := archiveFixture(t)
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(t.TempDir(), "cadangan.zip")
	if _, err := s.BackupArchive(ctx, good); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, _ := os.ReadFile(good)
	dir := t.TempDir()
	cases := []struct {
		name string
		make func(dest string)
		want string
	}{
		{"flipped byte in a photo", func(d string) { flipInEntry(t, good, d, "lampiran/") }, "rusak"},
		{"flipped byte in the database", func(d string) { flipInEntry(t, good, d, archiveDBName) }, "rusak"},
		{"truncated", func(d string) { os.WriteFile(d, raw[:len(raw)*2/3], 0o600) }, "terpotong"},
		{"missing manifest", func(d string) {
			rewriteZip(t, good, d, func(n string, b []byte) []byte {
				if n == manifestName {
					return nil
				}
				return b
			})
		}, "manifest.json tidak ada"},
		{"missing photo", func(d string) {
			rewriteZip(t, good, d, func(n string, b []byte) []byte {
				if strings.HasPrefix(n, "lampiran/") {
					return nil
				}
				return b
			})
		}, "tidak ada di arsip"},
		{"photo replaced, manifest unchanged", func(d string) {
			rewriteZip(t, good, d, func(n string, b []byte) []byte {
				if strings.HasPrefix(n, "lampiran/") {
					return append(b, 0)
				}
				return b
			})
		}, "tidak cocok dengan manifest"},
		{"extra file", func(d string) {
			rewriteZip(t, good, d, func(n string, b []byte) []byte { return b })
			f, _ := os.OpenFile(d, os.O_RDWR, 0)
			defer f.Close()
			zr, _ := zip.OpenReader(good)
			defer zr.Close()
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, zf := range zr.File {
				zw.Copy(zf)
			}
			w, _ := zw.Create("../../etc/evil")
			w.Write([]byte("x"))
			zw.Close()
			f.Truncate(0)
			f.WriteAt(buf.Bytes(), 0)
		}, "tidak tercantum"},
		{"not a zip", func(d string) { os.WriteFile(d, []byte("PK\x03\x04bukan arsip"), 0o600) }, "bukan arsip ZIP"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bad := filepath.Join(dir, fmt.Sprintf("rusak-%d.zip", i))
			c.make(bad)
			before := treeHashes(t, filepath.Dir(dbPath))
			if _, err := InspectArchive(ctx, bad); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("inspect: %v, want %q", err, c.want)
			}
			_, err := RestoreBackup(ctx, dbPath, bad)
			if !errors.Is(err, ErrInvalidBackup) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("restore: %v, want ErrInvalidBackup with %q", err, c.want)
			}
			if after := treeHashes(t, filepath.Dir(dbPath)); fmt.Sprint(before) != fmt.Sprint(after) {
				t.Errorf("the folder changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// A backup of a database whose photo file is gone still restores; the
// manifest names the missing file.
func TestArchiveMissingPhoto(t *testing.T) {
	dbPath, _ := archiveFixture(t)
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var p data.Photo
	if err := s.read(ctx).Where("deleted = 0 AND entry_id <> ''").Take(&p).Error; err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.PhotoPath(p.Hash, p.Mime)); err != nil {
		t.Fatal(err)
	}
	arch := filepath.Join(t.TempDir(), "cadangan.zip")
	info, err := s.BackupArchive(ctx, arch)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Manifest.Missing) != 1 || !strings.Contains(info.Manifest.Missing[0], p.Hash) {
		t.Errorf("missing %v", info.Manifest.Missing)
	}
	if _, err := RestoreBackup(ctx, filepath.Join(t.TempDir(), "humasdesk.db"), arch); err != nil {
		t.Fatal(err)
	}
}

// A form kept against a crash on the backed-up machine is not offered
// again on the machine the backup is restored to.
func TestRestoreDropsKeptForms(t *testing.T) {
	dbPath, _ := archiveFixture(t)
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.KeepUnsaved(ctx, Unsaved{Form: "agency", Label: "Instansi: Polres", Payload: `{"name":"Polres"}`}); err != nil {
		t.Fatal(err)
	}
	arch := filepath.Join(t.TempDir(), "cadangan.zip")
	if _, err := s.BackupArchive(ctx, arch); err != nil {
		t.Fatal(err)
	}
	s.Close()
	target := filepath.Join(t.TempDir(), "humasdesk.db")
	if _, err := RestoreBackup(ctx, target, arch); err != nil {
		t.Fatal(err)
	}
	r, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if kept, err := r.UnsavedForms(ctx); err != nil || len(kept) != 0 {
		t.Errorf("kept forms after a restore: %v, %v", kept, err)
	}
}
