package store

import (
	"bytes"
	"context"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/humasdesk/humasdesk/data/photoimg"
)

// Every photo keeps its original file (lampiran/) and gets two smaller
// copies, made once from it and kept in lampiran-kecil/ beside the
// database: a report-size copy (long side photoimg.ReportSide) that PDF
// reports embed, and a thumbnail (photoimg.ThumbSide) that photo lists
// draw, so that neither decodes a phone camera's 12-megapixel original
// again. A JPEG that is already report-size and upright (what messaging
// apps deliver) goes into reports as it is and gets only a thumbnail.
//
// The copies are named by the original's hash, like the originals, and are
// written through a temporary file and a rename, the report copy before
// the thumbnail: a thumbnail on disk means the photo's copies are complete.
// They are a cache: backups do not carry them (only the originals), and
// MakeMissingPhotoCopies makes again whatever is missing — after an
// upgrade from a version without copies, after a restore, or after a run
// cut short.

// PhotoCopyDir is the folder of the photos' smaller copies, beside the
// database.
func (s *Store) PhotoCopyDir() string { return filepath.Join(filepath.Dir(s.path), "lampiran-kecil") }

// ReportCopyPath is where the report-size copy of the photo with this
// hash is kept (when it needs one).
func (s *Store) ReportCopyPath(hash string) string {
	return filepath.Join(s.PhotoCopyDir(), hash[:2], hash+"-laporan.jpg")
}

// ThumbnailPath is where the thumbnail of the photo with this hash is kept.
func (s *Store) ThumbnailPath(hash string) string {
	return filepath.Join(s.PhotoCopyDir(), hash[:2], hash+"-mini.jpg")
}

// ReportPhotoFile is the file a report embeds for the photo: its
// report-size copy when there is one (derived true), else the original.
func (s *Store) ReportPhotoFile(hash, mime string) (path string, derived bool) {
	if p := s.ReportCopyPath(hash); fileExists(p) {
		return p, true
	}
	return s.PhotoPath(hash, mime), false
}

// ThumbnailFile is the file a photo list draws for the photo: its
// thumbnail, made now from the original if it is missing; the original
// when no thumbnail can be made (its file is missing or damaged).
func (s *Store) ThumbnailFile(hash, mime string) string {
	if p := s.ThumbnailPath(hash); fileExists(p) {
		return p
	}
	if err := s.MakePhotoCopies(hash, mime); err == nil {
		return s.ThumbnailPath(hash)
	}
	return s.PhotoPath(hash, mime)
}

// MakePhotoCopies makes the missing copies of the photo with this hash
// from its original file.
func (s *Store) MakePhotoCopies(hash, mime string) error {
	if fileExists(s.ThumbnailPath(hash)) {
		return nil
	}
	raw, err := os.ReadFile(s.PhotoPath(hash, mime))
	if err != nil {
		return err
	}
	return s.makeCopies(hash, raw)
}

// makeCopies makes the copies of the original raw (whose hash is hash),
// unless they are there.
func (s *Store) makeCopies(hash string, raw []byte) error {
	thumb := s.ThumbnailPath(hash)
	if fileExists(thumb) {
		return nil
	}
	sides := []int{photoimg.ThumbSide}
	if needsReportCopy(raw) {
		sides = []int{photoimg.ReportSide, photoimg.ThumbSide}
	}
	out, err := photoimg.Derive(raw, sides...)
	if err != nil {
		return err
	}
	if len(out) == 2 {
		if err := writeOnce(s.ReportCopyPath(hash), out[0]); err != nil {
			return err
		}
	}
	return writeOnce(thumb, out[len(out)-1])
}

// needsReportCopy tells whether a report cannot embed the original as it
// is: anything but a small, upright, complete JPEG.
func needsReportCopy(raw []byte) bool {
	if _, format, err := image.DecodeConfig(bytes.NewReader(raw)); err != nil || format != "jpeg" {
		return true
	}
	return !photoimg.Passable(raw, int64(len(raw)), photoimg.PassBytes) ||
		!photoimg.Complete(raw[max(len(raw)-4096, 0):])
}

// photosWithoutCopies lists the distinct photos (deleted ones included:
// undoing a delete shows them again) whose original is on this disk and
// whose copies are not.
func (s *Store) photosWithoutCopies(ctx context.Context) ([]photoFile, error) {
	var all []photoFile
	err := s.read(ctx).Raw(`SELECT DISTINCT hash, mime FROM photos WHERE length(hash) = 64 ORDER BY hash`).Scan(&all).Error
	if err != nil {
		return nil, err
	}
	var out []photoFile
	for _, p := range all {
		if !fileExists(s.ThumbnailPath(p.Hash)) && fileExists(s.PhotoPath(p.Hash, p.Mime)) {
			out = append(out, p)
		}
	}
	return out, nil
}

// removeStaleCopyTemps removes the temporary files a run killed while
// writing a copy left behind (an hour old: a run of another process may be
// writing the fresh ones).
func (s *Store) removeStaleCopyTemps() {
	temps, _ := filepath.Glob(filepath.Join(s.PhotoCopyDir(), "*", ".tmp-*"))
	for _, t := range temps {
		if fi, err := os.Stat(t); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(t)
		}
	}
}

// photoFile is one photo file by its hash.
type photoFile struct{ Hash, Mime string }

// MakeMissingPhotoCopies makes the copies of every photo that lacks them
// (see the comment at the top of this file), a few at a time, telling
// progress (when not nil) how many of how many are done: first (0, total),
// then after each photo; progress is called from one goroutine at a time.
// It returns how many photos it could not copy (their originals are
// damaged: reports show them as missing, as before). It is idempotent, and
// a run cancelled or killed half way leaves whole copies only, so the next
// run does the rest.
func (s *Store) MakeMissingPhotoCopies(ctx context.Context, progress func(done, total int)) (failed int, err error) {
	s.removeStaleCopyTemps()
	todo, err := s.photosWithoutCopies(ctx)
	if err != nil {
		return 0, err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	progress(0, len(todo))
	jobs := make(chan photoFile)
	var mu sync.Mutex
	var wg sync.WaitGroup
	done := 0
	// Two at a time: a 12-megapixel photo needs some 40 MB while it is
	// scaled, and the app runs this in the background while it is used.
	for range min(runtime.GOMAXPROCS(0), 2) {
		wg.Go(func() {
			for p := range jobs {
				if ctx.Err() != nil {
					continue // cancelled: the next run does it
				}
				err := s.MakePhotoCopies(p.Hash, p.Mime)
				mu.Lock()
				done++
				if err != nil {
					failed++
				}
				progress(done, len(todo))
				mu.Unlock()
			}
		})
	}
	for _, p := range todo {
		if ctx.Err() != nil {
			break
		}
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return failed, ctx.Err()
}
