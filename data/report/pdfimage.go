package report

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	xdraw "golang.org/x/image/draw"

	"github.com/jung-kurt/gofpdf"

	"github.com/humasdesk/humasdesk/data/iddate"
)

// Photos are read, checked and, when needed, shrunk in background workers
// while the tables are laid out, so that on a machine with more than one
// core the appendix costs little extra time. gofpdf keeps every image in
// memory until the document is written, so large pictures (phone cameras
// give 4000×3000 JPEGs of several megabytes) are scaled down to a size that
// prints sharply at the half page a photo gets, and re-encoded; a JPEG that
// is already small and upright goes in as it is, without decoding.
const (
	pdfPhotoMaxBytes   = 25 << 20 // bigger files are refused (as the store does)
	pdfPhotoPassPixels = 1600     // a JPEG up to this long side …
	pdfPhotoPassBytes  = 450_000  // … and this size is embedded unchanged
	pdfPhotoTarget     = 1600     // otherwise the long side is scaled to this
	pdfPhotoQuality    = 85
)

// pdfImage is a photo ready for gofpdf: its bytes, or the file to read
// them from when it goes in unchanged; or the reason it cannot be shown.
type pdfImage struct {
	data []byte
	kind string // "JPG" or "PNG", as gofpdf names image types
	path string // when data is nil: the file, checked, of this size
	size int64
	err  error
}

type pdfPhotoLoader struct {
	paths []string
	out   []pdfImage
	ready []chan struct{}
	quit  chan struct{}
	once  sync.Once
}

// pdfStartPhotos begins preparing the photos in the background.
func pdfStartPhotos(photos []Photo) *pdfPhotoLoader {
	l := &pdfPhotoLoader{quit: make(chan struct{})}
	for _, p := range photos {
		l.paths = append(l.paths, p.Path)
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
					l.out[i] = pdfPreparePhoto(l.paths[i])
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
func pdfPreparePhoto(path string) pdfImage {
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
	if int64(len(head)) < size && pdfJPEGPassable(head, size) {
		tail := make([]byte, min(size, 4096))
		if _, err := f.ReadAt(tail, size-int64(len(tail))); err == nil && pdfJPEGComplete(tail) {
			return pdfImage{kind: "JPG", path: path, size: size}
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
// embedded as it is: upright, in RGB or grey, and not too big.
func pdfJPEGPassable(head []byte, size int64) bool {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(head))
	return err == nil && format == "jpeg" &&
		(cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) &&
		cfg.Width > 0 && cfg.Height > 0 && max(cfg.Width, cfg.Height) <= pdfPhotoPassPixels &&
		size <= pdfPhotoPassBytes && pdfEXIFOrientation(head) == 1
}

// pdfLoadPassed reads a JPEG that pdfPreparePhoto passed and checks again
// that gofpdf will take it (a refused image would fail the document).
func pdfLoadPassed(img pdfImage) ([]byte, bool) {
	raw, err := os.ReadFile(img.path)
	if err != nil || int64(len(raw)) != img.size || !pdfJPEGPassable(raw, img.size) {
		return nil, false
	}
	return raw, true
}

func pdfPrepareImage(raw []byte) pdfImage {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return pdfImage{err: err}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > 100_000_000 {
		return pdfImage{err: fmt.Errorf("ukuran gambar %d×%d tidak wajar", cfg.Width, cfg.Height)}
	}
	orient := 1
	switch format {
	case "jpeg":
		if pdfJPEGPassable(raw, int64(len(raw))) && pdfJPEGComplete(raw[max(len(raw)-4096, 0):]) {
			return pdfImage{data: raw, kind: "JPG"}
		}
		orient = pdfEXIFOrientation(raw)
	case "png":
	default:
		return pdfImage{err: fmt.Errorf("format %s tidak didukung", format)}
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return pdfImage{err: err}
	}
	return pdfEncodePhoto(pdfOrient(pdfShrink(img, pdfPhotoTarget), orient))
}

// pdfJPEGComplete reports whether the last bytes of a JPEG hold its
// end-of-image marker,
// which a file cut short in copying lacks. (Trailing bytes after the
// marker, as some cameras write, are allowed.)
func pdfJPEGComplete(tail []byte) bool {
	return bytes.Contains(tail, []byte{0xff, 0xd9})
}

// pdfShrink scales img so that its long side is at most px, flattening any
// transparency onto white. It always returns a fresh *image.RGBA.
func pdfShrink(img image.Image, px int) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if long := max(w, h); long > px {
		w, h = max(w*px/long, 1), max(h*px/long, 1)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	if w == b.Dx() && h == b.Dy() {
		draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Over)
		return dst
	}
	// ApproxBiLinear is fast but aliases when shrinking a lot: first halve
	// with a box filter until within a factor of two.
	for b.Dx() >= 2*w && b.Dy() >= 2*h {
		img = pdfHalve(img)
		b = img.Bounds()
	}
	xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	return dst
}

// pdfHalve averages 2×2 blocks.
func pdfHalve(img image.Image) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	if ycc, ok := img.(*image.YCbCr); ok {
		return pdfHalveYCbCr(ycc)
	}
	src, ok := img.(*image.RGBA)
	if !ok { // convert once, then work on bytes
		src = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		r0 := src.Pix[(2*y)*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		out := dst.Pix[y*dst.Stride:]
		for x := range w {
			i := 8 * x
			for c := range 4 {
				s := int(r0[i+c]) + int(r0[i+4+c]) + int(r1[i+c]) + int(r1[i+4+c])
				out[4*x+c] = uint8((s + 2) / 4)
			}
		}
	}
	return dst
}

// pdfHalveYCbCr halves a decoded JPEG straight into RGBA, averaging the
// luma of each 2×2 block and taking its chroma sample, without first
// converting the whole picture (48 MB for a 12-megapixel photo).
func pdfHalveYCbCr(src *image.YCbCr) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		sy := b.Min.Y + 2*y
		y0 := src.Y[src.YOffset(b.Min.X, sy):]
		y1 := src.Y[src.YOffset(b.Min.X, sy+1):]
		out := dst.Pix[y*dst.Stride:]
		for x := range w {
			l := (int(y0[2*x]) + int(y0[2*x+1]) + int(y1[2*x]) + int(y1[2*x+1]) + 2) / 4
			c := src.COffset(b.Min.X+2*x, sy)
			r, g, bl := color.YCbCrToRGB(uint8(l), src.Cb[c], src.Cr[c])
			out[4*x], out[4*x+1], out[4*x+2], out[4*x+3] = r, g, bl, 255
		}
	}
	return dst
}

func pdfEncodePhoto(img *image.RGBA) pdfImage {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: pdfPhotoQuality}); err != nil {
		return pdfImage{err: err}
	}
	return pdfImage{data: buf.Bytes(), kind: "JPG"}
}

// pdfEXIFOrientation reads the EXIF orientation (1..8) of a JPEG; 1 (upright)
// when there is none. Phone cameras store pictures sideways and set this
// tag; neither gofpdf nor PDF viewers apply it.
func pdfEXIFOrientation(raw []byte) int {
	if len(raw) < 4 || raw[0] != 0xff || raw[1] != 0xd8 {
		return 1
	}
	for i := 2; i+4 <= len(raw); {
		if raw[i] != 0xff {
			return 1
		}
		marker := raw[i+1]
		if marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01 {
			i += 2
			continue
		}
		if marker == 0xda || marker == 0xd9 { // image data starts: no EXIF before it
			return 1
		}
		size := int(binary.BigEndian.Uint16(raw[i+2:]))
		seg := raw[i+4 : min(i+2+size, len(raw))]
		if marker == 0xe1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			return pdfTIFFOrientation(seg[6:])
		}
		i += 2 + size
	}
	return 1
}

func pdfTIFFOrientation(t []byte) int {
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd+2 > len(t) {
		return 1
	}
	n := int(bo.Uint16(t[ifd:]))
	for k := range n {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 1
		}
	}
	return 1
}

// pdfOrient turns img upright according to an EXIF orientation.
func pdfOrient(img *image.RGBA, orient int) *image.RGBA {
	if orient <= 1 || orient > 8 {
		return img
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	dw, dh := w, h
	if orient >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range h {
		for x := range w {
			var dx, dy int
			switch orient {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			copy(dst.Pix[dy*dst.Stride+4*dx:dy*dst.Stride+4*dx+4], img.Pix[y*img.Stride+4*x:y*img.Stride+4*x+4])
		}
	}
	return dst
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
