package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/photoimg"
)

// copyTestJPEG writes a w×h JPEG with some texture (distinct per seed) and
// returns its path.
func copyTestJPEG(t *testing.T, dir string, w, h int, seed uint8) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i*7) ^ seed
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "foto-"+string(rune('a'+seed%26))+".jpg")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func imageSize(t *testing.T, path string) (int, int, string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cfg.Width, cfg.Height, format
}

func savedEntry(t *testing.T, s *Store) *data.Entry {
	t.Helper()
	e := entry("Sosialisasi pemilih pemula", 4, data.NewDate(2026, 8, 1))
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestPhotoCopiesOnAttach(t *testing.T) {
	s := newStore(t)
	e := savedEntry(t, s)
	dir := t.TempDir()
	for _, c := range []struct {
		name       string
		file       string
		reportCopy bool // a report copy is made (else reports take the original)
		w, h       int  // the report copy's size
	}{
		{"camera", copyTestJPEG(t, dir, 2000, 1000, 1), true, 1600, 800},
		{"portrait", copyTestJPEG(t, dir, 900, 1800, 2), true, 800, 1600},
		{"messaging app", copyTestJPEG(t, dir, 640, 480, 3), false, 0, 0},
		{"png", pngFile(t, dir, 90), true, 40, 30},
	} {
		t.Run(c.name, func(t *testing.T) {
			orig, _ := os.ReadFile(c.file)
			p, err := s.AttachPhoto(ctx, e.ID, c.file, "")
			if err != nil {
				t.Fatal(err)
			}
			// The original is kept unchanged, under its hash.
			kept, _ := os.ReadFile(s.PhotoPath(p.Hash, p.Mime))
			sum := sha256.Sum256(kept)
			if !bytes.Equal(kept, orig) || hex.EncodeToString(sum[:]) != p.Hash {
				t.Fatal("original not kept as it was")
			}
			// The copies are named by the original's hash.
			for _, path := range []string{s.ReportCopyPath(p.Hash), s.ThumbnailPath(p.Hash)} {
				if !strings.HasPrefix(path, filepath.Join(s.PhotoCopyDir(), p.Hash[:2], p.Hash)) {
					t.Errorf("not content-addressed: %s", path)
				}
			}
			tw, th, format := imageSize(t, s.ThumbnailPath(p.Hash))
			if format != "jpeg" || max(tw, th) > photoimg.ThumbSide || (max(p.Width, p.Height) >= photoimg.ThumbSide && max(tw, th) != photoimg.ThumbSide) {
				t.Errorf("thumbnail %d×%d %s", tw, th, format)
			}
			path, derived := s.ReportPhotoFile(p.Hash, p.Mime)
			if derived != c.reportCopy || fileExists(s.ReportCopyPath(p.Hash)) != c.reportCopy {
				t.Fatalf("report copy made: %v, want %v", derived, c.reportCopy)
			}
			if !c.reportCopy {
				if path != s.PhotoPath(p.Hash, p.Mime) {
					t.Errorf("report takes %s, want the original", path)
				}
				return
			}
			if w, h, format := imageSize(t, path); w != c.w || h != c.h || format != "jpeg" {
				t.Errorf("report copy %d×%d %s, want %d×%d jpeg", w, h, format, c.w, c.h)
			}
		})
	}
}

func TestPhotoCopiesOfDownload(t *testing.T) {
	s := newStore(t)
	raw, _ := os.ReadFile(copyTestJPEG(t, t.TempDir(), 1700, 1100, 4))
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	if err := s.StorePhotoFile(hash, "image/jpeg", raw); err != nil {
		t.Fatal(err)
	}
	if w, h, _ := imageSize(t, s.ReportCopyPath(hash)); w != 1600 || h != 1035 {
		t.Errorf("report copy of a downloaded photo %d×%d", w, h)
	}
	if !fileExists(s.ThumbnailPath(hash)) {
		t.Error("downloaded photo has no thumbnail")
	}
}

// TestMakeMissingPhotoCopies is the step that makes the copies for a
// database from before they existed: progress, idempotence, and a run cut
// short (between a photo's two copies, with a temporary file left behind,
// and by cancelling) finished by the next.
func TestMakeMissingPhotoCopies(t *testing.T) {
	s := newStore(t)
	e := savedEntry(t, s)
	dir := t.TempDir()
	var hashes []string
	for i := range 4 {
		p, err := s.AttachPhoto(ctx, e.ID, copyTestJPEG(t, dir, 1650, 600, uint8(10+i)), "")
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, p.Hash)
	}
	// A photo whose file has not been downloaded yet is left for later.
	p := &data.Photo{EntryID: e.ID, Hash: strings.Repeat("ab", 32), Mime: "image/jpeg"}
	if err := s.SavePhoto(ctx, p); err != nil {
		t.Fatal(err)
	}
	// As a database from before copies: none.
	if err := os.RemoveAll(s.PhotoCopyDir()); err != nil {
		t.Fatal(err)
	}
	run := func(ctx context.Context, cancelAfter int, cancel func()) (calls [][2]int, failed int, err error) {
		failed, err = s.MakeMissingPhotoCopies(ctx, func(done, total int) {
			calls = append(calls, [2]int{done, total})
			if done == cancelAfter {
				cancel()
			}
		})
		return calls, failed, err
	}
	cut, cancel := context.WithCancel(ctx)
	calls, _, err := run(cut, 1, cancel)
	if err == nil || calls[0] != [2]int{0, 4} {
		t.Fatalf("cancelled run: %v, progress %v", err, calls)
	}
	made := 0
	for _, h := range hashes {
		if fileExists(s.ThumbnailPath(h)) {
			made++
		}
	}
	if made == 0 || made == 4 {
		t.Fatalf("cancelled after one photo, %d made", made)
	}
	// Killed between the report copy and the thumbnail of another photo,
	// with its temporary file left.
	var half string
	for _, h := range hashes {
		if !fileExists(s.ThumbnailPath(h)) {
			half = h
		}
	}
	if err := s.MakePhotoCopies(half, "image/jpeg"); err != nil {
		t.Fatal(err)
	}
	os.Remove(s.ThumbnailPath(half))
	stale := filepath.Join(filepath.Dir(s.ThumbnailPath(half)), ".tmp-123")
	writeFile(stale, "setengah")
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)

	calls, failed, err := run(ctx, -1, nil)
	if err != nil || failed != 0 {
		t.Fatal(err, failed)
	}
	if fileExists(stale) {
		t.Error("the temporary file of the killed run is still there")
	}
	want := 4 - made
	if calls[0] != [2]int{0, want} || calls[len(calls)-1] != [2]int{want, want} || len(calls) != want+1 {
		t.Errorf("progress %v, want 0..%d of %d", calls, want, want)
	}
	for _, h := range hashes {
		if w, _, _ := imageSize(t, s.ReportCopyPath(h)); w != 1600 || !fileExists(s.ThumbnailPath(h)) {
			t.Errorf("photo %s: copies not complete", h[:8])
		}
	}
	// Done: a second run finds nothing to do.
	if calls, _, err := run(ctx, -1, nil); err != nil || len(calls) != 1 || calls[0] != [2]int{0, 0} {
		t.Errorf("second run: %v, progress %v", err, calls)
	}
}

// A damaged original is counted, and the list draws the original.
func TestPhotoCopiesOfDamagedFile(t *testing.T) {
	s := newStore(t)
	e := savedEntry(t, s)
	raw, _ := os.ReadFile(copyTestJPEG(t, t.TempDir(), 800, 600, 5))
	path := filepath.Join(t.TempDir(), "rusak.jpg")
	os.WriteFile(path, raw[:len(raw)/3], 0o600)
	p, err := s.AttachPhoto(ctx, e.ID, path, "")
	if err != nil {
		t.Fatal(err) // kept as before copies existed
	}
	if got := s.ThumbnailFile(p.Hash, p.Mime); got != s.PhotoPath(p.Hash, p.Mime) {
		t.Errorf("thumbnail of a damaged photo: %s", got)
	}
	if failed, err := s.MakeMissingPhotoCopies(ctx, nil); err != nil || failed != 1 {
		t.Errorf("failed %d, %v", failed, err)
	}
}
