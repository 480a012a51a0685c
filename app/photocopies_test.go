package app

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

// cameraJPEG is a JPEG bigger than a report needs, so that it gets both
// copies.
func cameraJPEG(t *testing.T, seed uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 1700, 900))
	for i := range img.Pix {
		img.Pix[i] = uint8(i*5) ^ seed
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The photo list draws the thumbnail the store keeps, not the original:
// with the original gone, the thumbnail still shows.
func TestPhotoListDrawsStoredThumbnail(t *testing.T) {
	u, st := newTestUI(t)
	e := openSavedEntry(t, u, st)
	p := u.entryEd.photos
	<-p.attach(writeFile(t, "kamera.jpg", cameraJPEG(t, 1)))
	p.thumbs.Wait()
	ph := storedPhotos(t, st, e.ID)[0]
	if len(p.rows) != 1 || p.rows[0].img.Image == nil {
		t.Fatal("no thumbnail")
	}
	if b := p.rows[0].img.Image.Bounds(); max(b.Dx(), b.Dy()) > thumbPixels {
		t.Errorf("thumbnail %v", b)
	}
	if err := os.Remove(st.PhotoPath(ph.Hash, ph.Mime)); err != nil {
		t.Fatal(err)
	}
	p.show(e.ID)
	p.thumbs.Wait()
	if len(p.rows) != 1 || p.rows[0].img.Image == nil {
		t.Error("the thumbnail needed the original")
	}
}

// Photos of a database from before the copies get them in the
// background, with a progress line that goes away when done.
func TestPreparePhotosInBackground(t *testing.T) {
	u, st := newTestUI(t)
	e := &data.Entry{Title: "Rapat pleno", ActivityType: "rapat_koordinasi", Strategy: 2,
		StartDate: data.NewDate(2024, 3, 5), Realised: true}
	if err := st.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	var hashes []string
	for i := range 2 {
		ph, err := st.AttachPhoto(ctx, e.ID, writeFile(t, "foto.jpg", cameraJPEG(t, uint8(i+2))), "")
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, ph.Hash)
	}
	if err := os.RemoveAll(st.PhotoCopyDir()); err != nil {
		t.Fatal(err)
	}
	stop := u.PreparePhotos(ctx)
	line := u.photoPrep
	line.running.Wait()
	stop()
	if !strings.HasPrefix(line.last, "Menyiapkan foto: ") || !strings.HasSuffix(line.last, " dari 2") {
		t.Errorf("progress line %q", line.last)
	}
	if line.content.Visible() {
		t.Error("progress line still shown")
	}
	for _, h := range hashes {
		if path, derived := st.ReportPhotoFile(h, "image/jpeg"); !derived || !strings.HasPrefix(path, st.PhotoCopyDir()) {
			t.Errorf("photo %s: report takes %s", h[:8], path)
		}
	}
}
