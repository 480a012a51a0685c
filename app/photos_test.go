package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// openSavedEntry stores an activity and opens it in the form.
func openSavedEntry(t *testing.T, u *UI, st *store.Store) *data.Entry {
	t.Helper()
	e := &data.Entry{Title: "Rapat pleno rekapitulasi", ActivityType: "rapat_koordinasi", Strategy: 2,
		StartDate: data.NewDate(2024, 3, 5), Realised: true}
	if err := st.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	u.entries.Reload()
	u.entries.Table.Select(tableCell(0))
	if u.entryEd.photos.ownerID != e.ID {
		t.Fatalf("the photo list shows entry %q", u.entryEd.photos.ownerID)
	}
	return e
}

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func storedPhotos(t *testing.T, st *store.Store, entryID string) []data.Photo {
	t.Helper()
	ps, err := st.Photos(ctx, entryID)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestPhotosNeedASavedEntry(t *testing.T) {
	u, _ := newTestUI(t)
	p := u.entryEd.photos
	test.Tap(u.entries.NewBtn)
	if p.hint.Text != "Simpan kegiatan dahulu untuk menambah foto." || !p.hint.Visible() || p.addBtn.Visible() {
		t.Errorf("new entry: hint %q (visible %v), add button visible %v", p.hint.Text, p.hint.Visible(), p.addBtn.Visible())
	}
}

// A PNG attached to an activity is listed with its thumbnail; a file that
// is not an image, or too large, is refused in Indonesian and stores
// nothing.
func TestPhotoAttachListsItAndRefusesNonImages(t *testing.T) {
	u, st := newTestUI(t)
	u.tabs.SelectIndex(3)
	e := openSavedEntry(t, u, st)
	p := u.entryEd.photos
	if !p.addBtn.Visible() || p.hint.Text != "Belum ada foto. Berkas JPEG atau PNG, misalnya foto dari ponsel." {
		t.Fatalf("saved entry without photos: hint %q", p.hint.Text)
	}

	// When a PNG is added
	<-p.attach(writeFile(t, "rapat-pleno.png", tinyPNG(t)))
	p.thumbs.Wait()
	// Then it is stored and listed, with its thumbnail
	if ps := storedPhotos(t, st, e.ID); len(ps) != 1 || ps[0].Name != "rapat-pleno.png" || ps[0].Mime != "image/png" {
		t.Fatalf("stored %+v", ps)
	}
	if len(p.rows) != 1 || p.hint.Visible() || p.err.Visible() {
		t.Fatalf("listed %d photos, hint %v, error %q", len(p.rows), p.hint.Visible(), p.err.Text)
	}
	if r := p.rows[0]; r.img.Image == nil || r.img.FillMode != canvas.ImageFillContain {
		t.Errorf("thumbnail: image %v, fill %v", r.img.Image != nil, r.img.FillMode)
	}
	if got := photoAbout(p.rows[0].photo); got != "rapat-pleno.png · 2 × 2 · 1 KB" {
		t.Errorf("about = %q", got)
	}

	// When a text file named like a picture is added
	<-p.attach(writeFile(t, "bukan-foto.png", []byte("ini catatan, bukan foto")))
	want := "Foto gagal ditambahkan: Foto bukan gambar PNG atau JPEG yang sah"
	if !p.err.Visible() || p.err.Text != want || u.lastError != want {
		t.Errorf("error shown %q (visible %v)", p.err.Text, p.err.Visible())
	}
	// And a file over the limit
	big := writeFile(t, "besar.jpg", nil)
	if err := os.Truncate(big, store.MaxPhotoBytes+1); err != nil {
		t.Fatal(err)
	}
	<-p.attach(big)
	if !strings.HasPrefix(p.err.Text, "Foto gagal ditambahkan: foto besar.jpg terlalu besar") {
		t.Errorf("error shown %q", p.err.Text)
	}
	// Then nothing more is stored
	if ps := storedPhotos(t, st, e.ID); len(ps) != 1 || len(p.rows) != 1 {
		t.Fatalf("stored %d, listed %d", len(ps), len(p.rows))
	}
}

func TestPhotoCaptionIsSaved(t *testing.T) {
	u, st := newTestUI(t)
	e := openSavedEntry(t, u, st)
	p := u.entryEd.photos
	<-p.attach(writeFile(t, "foto.png", tinyPNG(t)))
	p.thumbs.Wait()
	r := p.rows[0]
	if !r.saveBtn.Disabled() {
		t.Error("caption save enabled before any change")
	}
	test.Type(r.caption, "Suasana rapat pleno")
	test.Tap(r.saveBtn)
	if ps := storedPhotos(t, st, e.ID); ps[0].Caption != "Suasana rapat pleno" || !r.saveBtn.Disabled() {
		t.Fatalf("caption stored %q", ps[0].Caption)
	}

	// A caption changed and not saved on its own is saved with the activity.
	typeInto(p.rows[0].caption, "Penandatanganan berita acara")
	test.Tap(u.entries.SaveBtn)
	p.thumbs.Wait()
	if ps := storedPhotos(t, st, e.ID); ps[0].Caption != "Penandatanganan berita acara" {
		t.Fatalf("caption after the activity's save: %q", ps[0].Caption)
	}
	if p.rows[0].caption.Text != "Penandatanganan berita acara" {
		t.Errorf("caption shown: %q", p.rows[0].caption.Text)
	}
}

func TestPhotoDeleteAfterConfirming(t *testing.T) {
	u, st := newTestUI(t)
	e := openSavedEntry(t, u, st)
	p := u.entryEd.photos
	<-p.attach(writeFile(t, "foto.png", tinyPNG(t)))
	p.thumbs.Wait()

	test.Tap(p.rows[0].deleteBtn)
	tapDialogButton(t, u.win, "Tidak")
	if len(storedPhotos(t, st, e.ID)) != 1 || len(p.rows) != 1 {
		t.Fatal("deleted without confirming")
	}
	test.Tap(p.rows[0].deleteBtn)
	if got := strings.Join(dialogText(u.win), "\n"); !strings.Contains(got, "Hapus foto ini dari kegiatan?") {
		t.Errorf("confirmation says %q", got)
	}
	tapDialogButton(t, u.win, "Ya")
	if len(storedPhotos(t, st, e.ID)) != 0 || len(p.rows) != 0 || !p.hint.Visible() {
		t.Fatalf("after delete: stored %d, listed %d", len(storedPhotos(t, st, e.ID)), len(p.rows))
	}
}
