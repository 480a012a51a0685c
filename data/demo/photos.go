package demo

// Documentation photos of the demo: every few realised activities carry
// one or two generated pictures (coloured panels with shapes, drawn with
// image/draw and encoded as JPEG; deterministic, so a second load writes
// the same files and ids), stored like any attached photo (the
// content-addressed lampiran/ folder and a data.Photo record), so that
// backups, restores and the report's documentation appendix show them.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math/rand/v2"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// photoEvery: one realised activity in photoEvery gets photos.
const photoEvery = 5

const photoW, photoH = 320, 200

// loadPhotos gives some of the realised entries of o their documentation
// photos; it returns how many photo records it added.
func loadPhotos(ctx context.Context, st *store.Store, o demoOffice, entries []data.Record) (int, error) {
	var recs []data.Record
	n := 0
	for _, r := range entries {
		e, ok := r.(*data.Entry)
		if !ok || !e.Realised {
			continue
		}
		n++
		if n%photoEvery != 1 {
			continue
		}
		for k := 0; k < 1+n%2; k++ {
			raw, err := demoPicture(e.ID, k)
			if err != nil {
				return 0, err
			}
			sum := sha256.Sum256(raw)
			hash := hex.EncodeToString(sum[:])
			if err := st.StorePhotoFile(hash, "image/jpeg", raw); err != nil {
				return 0, fmt.Errorf("demo: foto: %w", err)
			}
			p := &data.Photo{EntryID: e.ID, Hash: hash, Mime: "image/jpeg", Size: int64(len(raw)),
				Width: photoW, Height: photoH, Name: fmt.Sprintf("dokumentasi-%d.jpg", k+1),
				Caption: fmt.Sprintf("Dokumentasi %s (%d)", e.Title, k+1)}
			p.ID = stableID(fmt.Sprintf("%s/photo/%d", e.ID, k))
			p.OfficeID = o.office.ID
			recs = append(recs, p)
		}
	}
	added, err := st.InsertBatch(ctx, recs, false)
	if err != nil {
		return 0, fmt.Errorf("demo: foto %s: %w", o.office.Name, err)
	}
	return added, nil
}

// demoPicture draws picture k of the entry: a sky-and-ground backdrop in
// the entry's colours, a stage, a banner and a crowd of heads.
func demoPicture(entryID string, k int) ([]byte, error) {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", entryID, k)))
	rng := rand.New(rand.NewPCG(uint64(h[0])<<8|uint64(h[1]), uint64(h[2])<<8|uint64(h[3])))
	img := image.NewRGBA(image.Rect(0, 0, photoW, photoH))
	sky := color.RGBA{uint8(90 + rng.IntN(120)), uint8(140 + rng.IntN(100)), uint8(180 + rng.IntN(70)), 255}
	ground := color.RGBA{uint8(60 + rng.IntN(80)), uint8(80 + rng.IntN(80)), uint8(40 + rng.IntN(60)), 255}
	fill(img, image.Rect(0, 0, photoW, photoH*3/5), sky)
	fill(img, image.Rect(0, photoH*3/5, photoW, photoH), ground)
	// The stage and its banner.
	sx := 40 + rng.IntN(80)
	fill(img, image.Rect(sx, 70, sx+180, 125), color.RGBA{120, 40, 30, 255})
	banner := color.RGBA{uint8(180 + rng.IntN(70)), uint8(rng.IntN(60)), uint8(rng.IntN(60)), 255}
	fill(img, image.Rect(sx+10, 30, sx+170, 62), banner)
	fill(img, image.Rect(sx+20, 40, sx+150, 46), color.RGBA{250, 250, 250, 255})
	fill(img, image.Rect(sx+20, 50, sx+110, 54), color.RGBA{250, 250, 250, 255})
	// The crowd.
	for i := 0; i < 30+rng.IntN(30); i++ {
		x, y := rng.IntN(photoW), photoH*3/5+10+rng.IntN(photoH*2/5-14)
		c := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
		disc(img, x, y, 6+rng.IntN(4), c)
		disc(img, x, y-9, 4, color.RGBA{70, 45, 30, 255})
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func fill(img draw.Image, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
}

// disc draws a filled circle.
func disc(img *image.RGBA, cx, cy, r int, c color.RGBA) {
	for y := -r; y <= r; y++ {
		for x := -r; x <= r; x++ {
			if x*x+y*y <= r*r && image.Pt(cx+x, cy+y).In(img.Rect) {
				img.SetRGBA(cx+x, cy+y, c)
			}
		}
	}
}
