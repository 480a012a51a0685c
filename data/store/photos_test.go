package store

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

func pngFile(t *testing.T, dir string, shade uint8) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = shade
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "foto.png")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAttachPhoto(t *testing.T) {
	s := newStore(t)
	e := entry("Sosialisasi", 4, data.NewDate(2024, 5, 1))
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	src := pngFile(t, t.TempDir(), 120)
	p, err := s.AttachPhoto(ctx, e.ID, src, "Peserta sosialisasi")
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 40 || p.Height != 30 || p.Mime != "image/png" || p.OfficeID != e.OfficeID {
		t.Fatalf("photo %+v", p)
	}
	stored := s.PhotoPath(p.Hash, p.Mime)
	if filepath.Dir(filepath.Dir(stored)) != s.PhotoDir() || filepath.Base(filepath.Dir(stored)) != p.Hash[:2] {
		t.Fatalf("not content-addressed: %s", stored)
	}
	if got, _ := os.ReadFile(stored); len(got) != int(p.Size) {
		t.Fatal("stored file differs")
	}
	// The same picture on another entry is stored once.
	e2 := entry("Rapat", 2, data.NewDate(2024, 5, 2))
	s.SaveEntry(ctx, e2)
	p2, err := s.AttachPhoto(ctx, e2.ID, src, "")
	if err != nil || p2.Hash != p.Hash {
		t.Fatalf("second attach: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(s.PhotoDir(), "*", "*"))
	if len(files) != 1 {
		t.Fatalf("%d files for one picture", len(files))
	}
	photos, _ := s.Photos(ctx, e.ID, e2.ID)
	if len(photos) != 2 {
		t.Fatalf("photos %v", photos)
	}
	box, _ := s.Outbox(ctx, 100)
	if last := box[len(box)-1]; last.Kind != "photo" || last.RecordID != p2.ID {
		t.Fatalf("photo not queued for sync: %+v", last)
	}
}

func TestAttachPhotoRefusesBadInput(t *testing.T) {
	s := newStore(t)
	e := entry("Sosialisasi", 4, data.NewDate(2024, 5, 1))
	s.SaveEntry(ctx, e)
	dir := t.TempDir()
	notImage := filepath.Join(dir, "laporan.png")
	os.WriteFile(notImage, []byte("%PDF-1.4 not a picture"), 0o600)
	cases := []struct {
		name, entry, file string
	}{
		{"not an image", e.ID, notImage},
		{"missing file", e.ID, filepath.Join(dir, "hilang.jpg")},
		{"unknown entry", "no-such-entry", pngFile(t, dir, 10)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := s.AttachPhoto(ctx, c.entry, c.file, ""); err == nil {
				t.Fatal("accepted")
			}
		})
	}
	if photos, _ := s.Photos(ctx, e.ID); len(photos) != 0 {
		t.Fatal("a refused photo was recorded")
	}
	if files, _ := filepath.Glob(filepath.Join(s.PhotoDir(), "*", "*")); len(files) != 0 {
		t.Fatalf("refused photos left files: %v", files)
	}
}
