package photoimg

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

func decode(t *testing.T, raw []byte) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(raw))
	if err != nil || format != "jpeg" {
		t.Fatalf("copy is %s: %v", format, err)
	}
	return img
}

// withOrientation puts an EXIF orientation tag after a JPEG's start.
func withOrientation(raw []byte, o int) []byte {
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(o), 0, 0, 0, 0, 0, 0}
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xff, 0xd8, 0xff, 0xe1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}
	out = append(out, seg...)
	return append(out, raw[2:]...)
}

func TestDerive(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 2000, 1000))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 3)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		orient   int
		w, h     int // of the report copy
		thW, thH int
	}{
		{1, 1600, 800, 256, 128},
		{6, 800, 1600, 128, 256}, // stored sideways: the copies are upright
	} {
		out, err := Derive(withOrientation(buf.Bytes(), c.orient), ReportSide, ThumbSide)
		if err != nil || len(out) != 2 {
			t.Fatal(err)
		}
		if b := decode(t, out[0]).Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("orientation %d: report copy %v", c.orient, b)
		}
		if b := decode(t, out[1]).Bounds(); b.Dx() != c.thW || b.Dy() != c.thH {
			t.Errorf("orientation %d: thumbnail %v", c.orient, b)
		}
		if !Passable(out[0], int64(len(out[0])), 25<<20) {
			t.Error("the report copy is not embeddable as it is")
		}
	}
}

// A transparent PNG comes out on white, not black.
func TestDeriveFlattensTransparency(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	src.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	out, err := Derive(buf.Bytes(), ThumbSide)
	if err != nil {
		t.Fatal(err)
	}
	if r, g, b, _ := decode(t, out[0]).At(30, 30).RGBA(); r>>8 < 240 || g>>8 < 240 || b>>8 < 240 {
		t.Errorf("transparent area became %d,%d,%d", r>>8, g>>8, b>>8)
	}
	if _, err := Derive([]byte("GIF89a")); err == nil {
		t.Error("not an image: no error")
	}
}
