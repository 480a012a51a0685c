// Package photoimg turns documentation photos into the smaller copies the
// rest of Humas Desk shows: the report-size copy a PDF embeds and the
// thumbnail a photo list draws. Phone cameras give 4000×3000 JPEGs of
// several megabytes, stored sideways with an EXIF orientation tag; Go's
// JPEG decoder needs a few hundred milliseconds for one, so each copy is
// made once (by the store, when a photo is attached or arrives) and kept.
//
// The scaling is a box filter that halves until within a factor of two,
// then ApproxBiLinear: fast, and without the aliasing ApproxBiLinear alone
// gives when shrinking a lot. Copies are upright (the orientation applied),
// flattened onto white, JPEG.
package photoimg

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	_ "image/png" // photos are JPEG or PNG

	xdraw "golang.org/x/image/draw"
)

// Sizes of the kept copies: the long side in pixels, and the JPEG quality.
const (
	ReportSide = 1600 // prints sharply at the half page a report gives a photo
	ThumbSide  = 256  // a list's thumbnail (100×75 points, twice for dense screens)
	Quality    = 85
	// PassBytes bounds a JPEG that may go into a report as it is, when it
	// is already small and upright (what messaging apps deliver).
	PassBytes = 450_000
	// MaxPixels refuses pictures whose decoding would need absurd memory.
	MaxPixels = 100_000_000
)

// Derive decodes a JPEG or PNG once and returns a JPEG of it for each long
// side in sides (in the order given, each no larger than the picture),
// upright and on white. Sides should go from large to small: each copy is
// scaled from the previous one.
func Derive(raw []byte, sides ...int) ([][]byte, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxPixels {
		return nil, fmt.Errorf("ukuran gambar %d×%d tidak wajar", cfg.Width, cfg.Height)
	}
	orient := 1
	if format == "jpeg" {
		orient = EXIFOrientation(raw)
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	out := make([][]byte, 0, len(sides))
	for i, px := range sides {
		small := Shrink(img, px)
		if i == 0 {
			small = Orient(small, orient)
		}
		enc, err := Encode(small)
		if err != nil {
			return nil, err
		}
		out = append(out, enc)
		img = small
	}
	return out, nil
}

// Encode writes img as a JPEG of the kept copies' quality.
func Encode(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: Quality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Passable reports whether a JPEG, by its header (the first bytes are
// enough) and size, can be embedded in a PDF as it is: upright, in RGB or
// grey, its long side at most ReportSide and its size at most maxBytes.
func Passable(head []byte, size, maxBytes int64) bool {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(head))
	return err == nil && format == "jpeg" &&
		(cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) &&
		cfg.Width > 0 && cfg.Height > 0 && max(cfg.Width, cfg.Height) <= ReportSide &&
		size <= maxBytes && EXIFOrientation(head) == 1
}

// Complete reports whether the last bytes of a JPEG hold its end-of-image
// marker, which a file cut short in copying lacks. (Trailing bytes after
// the marker, as some cameras write, are allowed.)
func Complete(tail []byte) bool {
	return bytes.Contains(tail, []byte{0xff, 0xd9})
}

// Shrink scales img so that its long side is at most px, flattening any
// transparency onto white. It always returns a fresh *image.RGBA.
func Shrink(img image.Image, px int) *image.RGBA {
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
	for b.Dx() >= 2*w && b.Dy() >= 2*h {
		img = halve(img)
		b = img.Bounds()
	}
	xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	return dst
}

// halve averages 2×2 blocks.
func halve(img image.Image) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	if ycc, ok := img.(*image.YCbCr); ok {
		return halveYCbCr(ycc)
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

// halveYCbCr halves a decoded JPEG straight into RGBA, averaging the
// luma of each 2×2 block and taking its chroma sample, without first
// converting the whole picture (48 MB for a 12-megapixel photo).
func halveYCbCr(src *image.YCbCr) *image.RGBA {
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

// EXIFOrientation reads the EXIF orientation (1..8) of a JPEG; 1 (upright)
// when there is none. Phone cameras store pictures sideways and set this
// tag; neither gofpdf nor PDF viewers apply it.
func EXIFOrientation(raw []byte) int {
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
			return tiffOrientation(seg[6:])
		}
		i += 2 + size
	}
	return 1
}

func tiffOrientation(t []byte) int {
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

// Orient turns img upright according to an EXIF orientation.
func Orient(img *image.RGBA, orient int) *image.RGBA {
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
