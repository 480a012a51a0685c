package report

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	xdraw "golang.org/x/image/draw"

	"github.com/jung-kurt/gofpdf"

	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/photoimg"
)

// Photos are read, checked and, when needed, shrunk in background workers
// while the tables are laid out, so that on a machine with more than one
// core the appendix costs little extra time. gofpdf keeps every image in
// memory until the document is written, so large pictures (phone cameras
// give 4000×3000 JPEGs of several megabytes) go in as the report-size copy
// the store made when the photo was attached (Photo.Derived), which is only
// checked, not decoded. A photo without one (its copy could not be made)
// is scaled down here the same way (package photoimg); a JPEG that is
// already small and upright goes in as it is, without decoding.
const (
	pdfPhotoMaxBytes = 25 << 20            // bigger files are refused (as the store does)
	pdfPhotoTarget   = photoimg.ReportSide // the long side a photo is scaled to
)

// pdfImage is a photo ready for gofpdf: its bytes, or the file to read
// them from when it goes in unchanged; or the reason it cannot be shown.
type pdfImage struct {
	data []byte
	kind string // "JPG" or "PNG", as gofpdf names image types
	path string // when data is nil: the file, checked, of this size
	size int64
	err  error
	// derived: the file is the store's report-size copy, passed whatever
	// its byte size
	derived bool
}

type pdfPhotoLoader struct {
	photos []Photo
	out    []pdfImage
	ready  []chan struct{}
	quit   chan struct{}
	once   sync.Once
}

// pdfStartPhotos begins preparing the photos in the background.
func pdfStartPhotos(photos []Photo) *pdfPhotoLoader {
	l := &pdfPhotoLoader{quit: make(chan struct{})}
	for _, p := range photos {
		l.photos = append(l.photos, p)
		l.ready = append(l.ready, make(chan struct{}))
	}
	l.out = make([]pdfImage, len(photos))
	if len(photos) == 0 {
		return l
	}
	jobs := make(chan int, len(photos))
	for i := range photos {
		jobs <- i
	}
	close(jobs)
	workers := min(max(runtime.GOMAXPROCS(0), 1), 4, len(photos))
	for range workers {
		go func() {
			for i := range jobs {
				select {
				case <-l.quit:
					l.out[i].err = errors.New("dibatalkan")
				default:
					l.out[i] = pdfPreparePhoto(l.photos[i].Path, l.photos[i].Derived)
				}
				close(l.ready[i])
			}
		}()
	}
	return l
}

// get waits for photo i.
func (l *pdfPhotoLoader) get(i int) pdfImage {
	<-l.ready[i]
	img := l.out[i]
	l.out[i] = pdfImage{} // gofpdf has its own copy from here on
	return img
}

// stop tells the workers to skip the photos not started yet.
func (l *pdfPhotoLoader) stop() { l.once.Do(func() { close(l.quit) }) }

// pdfPreparePhoto checks an image file and makes it embeddable. A JPEG
// that can go in unchanged is only checked (its header and its end), not
// read whole: the appendix reads it when it is placed, so that the photos
// are not all held in memory twice.
func pdfPreparePhoto(path string, derived bool) pdfImage {
	if path == "" {
		return pdfImage{err: errors.New("tidak ada file")}
	}
	f, err := os.Open(path)
	if err != nil {
		return pdfImage{err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return pdfImage{err: err}
	}
	size := st.Size()
	if size > pdfPhotoMaxBytes {
		return pdfImage{err: fmt.Errorf("file lebih dari %d MB", pdfPhotoMaxBytes>>20)}
	}
	head := make([]byte, min(size, 128<<10))
	if _, err := io.ReadFull(f, head); err != nil {
		return pdfImage{err: err}
	}
	if int64(len(head)) < size && pdfJPEGPassable(head, size, derived) {
		tail := make([]byte, min(size, 4096))
		if _, err := f.ReadAt(tail, size-int64(len(tail))); err == nil && photoimg.Complete(tail) {
			return pdfImage{kind: "JPG", path: path, size: size, derived: derived}
		}
	}
	raw := make([]byte, size)
	copy(raw, head)
	if _, err := io.ReadFull(f, raw[len(head):]); err != nil {
		return pdfImage{err: err}
	}
	return pdfPrepareImage(raw)
}

// pdfJPEGPassable reports whether a JPEG, by its header and size, can be
// embedded as it is: upright, in RGB or grey, and not too big. A report-size
// copy the store made (derived) is within bounds by construction, whatever
// its byte size.
func pdfJPEGPassable(head []byte, size int64, derived bool) bool {
	limit := int64(photoimg.PassBytes)
	if derived {
		limit = pdfPhotoMaxBytes
	}
	return photoimg.Passable(head, size, limit)
}

// pdfLoadPassed reads a JPEG that pdfPreparePhoto passed and checks again
// that gofpdf will take it (a refused image would fail the document).
func pdfLoadPassed(img pdfImage) ([]byte, bool) {
	raw, err := os.ReadFile(img.path)
	if err != nil || int64(len(raw)) != img.size || !pdfJPEGPassable(raw, img.size, img.derived) {
		return nil, false
	}
	return raw, true
}

func pdfPrepareImage(raw []byte) pdfImage {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return pdfImage{err: err}
	}
	if format != "jpeg" && format != "png" {
		return pdfImage{err: fmt.Errorf("format %s tidak didukung", format)}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > photoimg.MaxPixels {
		return pdfImage{err: fmt.Errorf("ukuran gambar %d×%d tidak wajar", cfg.Width, cfg.Height)}
	}
	if format == "jpeg" && pdfJPEGPassable(raw, int64(len(raw)), false) && photoimg.Complete(raw[max(len(raw)-4096, 0):]) {
		return pdfImage{data: raw, kind: "JPG"}
	}
	out, err := photoimg.Derive(raw, pdfPhotoTarget)
	if err != nil {
		return pdfImage{err: err}
	}
	return pdfImage{data: out[0], kind: "JPG"}
}

// logo registers the office logo, once, and returns its gofpdf name.
// A logo that does not decode is left out.
func (d *pdfDoc) logo() (string, *gofpdf.ImageInfoType, bool) {
	raw := d.r.Office.Logo
	if len(raw) == 0 {
		return "", nil, false
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil || img.Bounds().Dx() == 0 || img.Bounds().Dy() == 0 {
		return "", nil, false
	}
	// Re-encode as a plain 8-bit PNG: gofpdf refuses interlaced and 16-bit
	// PNGs, and a refused image would fail the whole document.
	b := img.Bounds()
	if long := max(b.Dx(), b.Dy()); long > 600 {
		w, h := max(b.Dx()*600/long, 1), max(b.Dy()*600/long, 1)
		small := image.NewNRGBA(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(small, small.Bounds(), img, b, draw.Src, nil)
		img = small
	} else {
		n := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(n, n.Bounds(), img, b.Min, draw.Src)
		img = n
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", nil, false
	}
	const name = "logo-kantor"
	info := d.f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, &buf)
	if info == nil || d.f.Err() {
		return "", nil, false
	}
	return name, info, true
}

// appendix is the LAMPIRAN DOKUMENTASI: two photos a page, each scaled to
// fit its half of the page, with its caption, activity and date. A photo
// that cannot be read prints as a placeholder box.
func (d *pdfDoc) appendix() {
	photos := d.r.Photos
	if len(photos) == 0 {
		return
	}
	const gap = 6.0
	for i := range photos {
		if i%2 == 0 {
			d.newPage()
			d.font("B", 12)
			head := "LAMPIRAN DOKUMENTASI"
			if i > 0 {
				head += " (lanjutan)"
			}
			d.textAligned(pdfMarginLeft, pdfContentW, pdfBaseline(d.y, 6, 12), head, 'C')
			d.y += 6
			if i == 0 {
				d.font("", 9.5)
				d.lines(d.split(d.r.Title+", "+iddate.Range(d.r.From, d.r.To), pdfContentW), pdfMarginLeft, pdfContentW, 4.8, 'C')
			}
			d.y += 4
		}
		slot := pdfBodyBottom - d.y
		if i%2 == 0 && i+1 < len(photos) {
			slot = (slot - gap) / 2
		}
		d.photo(i, photos[i], slot)
		d.y += gap
		d.advance(1)
	}
}

// photo draws photo i in a slot of height h from d.y: the image, then the
// caption lines below it.
func (d *pdfDoc) photo(i int, p Photo, h float64) {
	d.photoNo++
	caption := fmt.Sprintf("Foto %d. %s", d.photoNo, strings.TrimSpace(p.Caption))
	detail := iddate.Medium(p.Date)
	if a := strings.TrimSpace(p.Activity); a != "" && a != strings.TrimSpace(p.Caption) {
		detail = "Kegiatan: " + a + " — " + detail
	}
	d.font("B", 9.5)
	capLines := d.split(caption, pdfContentW-10)
	d.font("I", 9)
	detailLines := d.split(detail, pdfContentW-10)
	capH := float64(len(capLines))*4.6 + float64(len(detailLines))*4.4 + 2
	boxH := max(h-capH, 30)
	top := d.y

	img := d.photos.get(i)
	name := fmt.Sprintf("foto-%d", i)
	if p.Path != "" {
		name = "foto:" + p.Path // the same file attached twice is embedded once
	}
	var info *gofpdf.ImageInfoType
	raw, ok := img.data, img.err == nil
	if ok && raw == nil {
		raw, ok = pdfLoadPassed(img)
	}
	if ok {
		info = d.f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: img.kind}, bytes.NewReader(raw))
		if d.f.Err() { // cannot happen for images checked above; keep the document alive anyway
			d.f.ClearError()
			info = nil
		}
	}
	if info != nil && info.Width() > 0 && info.Height() > 0 {
		w, ih := pdfContentW, pdfContentW*info.Height()/info.Width()
		if ih > boxH {
			w, ih = boxH*info.Width()/info.Height(), boxH
		}
		x := pdfMarginLeft + (pdfContentW-w)/2
		d.f.ImageOptions(name, x, top, w, ih, false, gofpdf.ImageOptions{ImageType: img.kind}, 0, "")
		d.f.SetDrawColor(120, 120, 120)
		d.f.Rect(x, top, w, ih, "D")
		d.f.SetDrawColor(0, 0, 0)
		d.y = top + ih + 2
	} else {
		w, ih := pdfContentW*0.8, min(boxH, pdfContentW*0.8*0.6)
		x := pdfMarginLeft + (pdfContentW-w)/2
		d.f.SetFillColor(242, 242, 242)
		d.f.SetDrawColor(150, 150, 150)
		d.f.SetDashPattern([]float64{2, 1.5}, 0)
		d.f.Rect(x, top, w, ih, "FD")
		d.f.SetDashPattern(nil, 0)
		d.f.SetDrawColor(0, 0, 0)
		d.f.SetFillColor(0, 0, 0)
		d.font("B", 11)
		d.textAligned(x, w, pdfBaseline(top+ih/2-4, 6, 11), "Foto tidak tersedia", 'C')
		d.font("I", 8.5)
		d.textAligned(x, w, pdfBaseline(top+ih/2+2, 5, 8.5), "File foto tidak ditemukan atau rusak", 'C')
		d.y = top + ih + 2
	}
	d.font("B", 9.5)
	d.lines(capLines, pdfMarginLeft+5, pdfContentW-10, 4.6, 'C')
	d.font("I", 9)
	d.lines(detailLines, pdfMarginLeft+5, pdfContentW-10, 4.4, 'C')
}
