//go:build ignore

// mkicon draws icon.png: a white speech bubble holding three lines of text
// (the first red) on a deep-blue rounded square.
//
//	go run mkicon.go icon.png           # the 512×512 icon
//	go run mkicon.go -size 16 out.png   # any other size, drawn, not scaled
//
// The drawing is laid out on a 16×16 grid (one cell = 32 px at 512), so
// that at 16 px — the size of a window's title bar, the Windows taskbar's
// small icon and a file list — every line of text and every gap between
// them falls on exactly one pixel row instead of blurring into grey, and
// the bubble's edges fall on pixel edges. Each pixel is the average of
// 8×8 samples, so that curves and the tail are smooth at every size.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

var (
	blue  = color.NRGBA{0x0B, 0x4F, 0x9C, 0xFF}
	red   = color.NRGBA{0xD3, 0x2F, 0x2F, 0xFF}
	white = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
)

// inRounded reports whether (x, y) is inside the rectangle x0..x1, y0..y1
// with corners rounded by radius r.
func inRounded(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

// inTriangle reports whether p is inside the triangle a, b, c.
func inTriangle(px, py, ax, ay, bx, by, cx, cy float64) bool {
	side := func(x0, y0, x1, y1 float64) float64 { return (px-x1)*(y0-y1) - (x0-x1)*(py-y1) }
	d1, d2, d3 := side(ax, ay, bx, by), side(bx, by, cx, cy), side(cx, cy, ax, ay)
	neg := d1 < 0 || d2 < 0 || d3 < 0
	pos := d1 > 0 || d2 > 0 || d3 > 0
	return !(neg && pos)
}

// paint returns the colour at (x, y) in grid units (0..16), and false
// outside the icon.
func paint(x, y float64) (color.NRGBA, bool) {
	// The blue square fills the icon but for half a cell all round.
	if !inRounded(x, y, 0.5, 0.5, 15.5, 15.5, 3) {
		return color.NRGBA{}, false
	}
	// Three lines of text: one cell high, one cell apart.
	lines := []struct {
		y, x1 float64
		c     color.NRGBA
	}{{4, 11, red}, {6, 11, blue}, {8, 9, blue}}
	for _, l := range lines {
		if inRounded(x, y, 5, l.y, l.x1, l.y+1, 0.5) {
			return l.c, true
		}
	}
	// The bubble, and its tail pointing down to the left.
	if inRounded(x, y, 3, 3, 13, 10, 1.5) || inTriangle(x, y, 4.5, 9.5, 7.5, 9.5, 4, 12.5) {
		return white, true
	}
	return blue, true
}

func draw(n int) *image.NRGBA {
	const ss = 8 // samples per pixel along each axis
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	scale := 16 / float64(n)
	for py := 0; py < n; py++ {
		for px := 0; px < n; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) * scale
					y := (float64(py) + (float64(sy)+0.5)/ss) * scale
					c, ok := paint(x, y)
					if !ok {
						continue
					}
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
					a++
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(r / a)), G: uint8(math.Round(g / a)), B: uint8(math.Round(b / a)),
				A: uint8(math.Round(255 * a / (ss * ss))),
			})
		}
	}
	return img
}

func main() {
	size := flag.Int("size", 512, "width and height in pixels")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: go run mkicon.go [-size N] OUT.png")
	}
	f, err := os.Create(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, draw(*size)); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
