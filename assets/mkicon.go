//go:build ignore

// mkicon draws icon.png (go run mkicon.go icon.png): a speech bubble with three lines of text
// on a deep-blue rounded square, which stays legible at 16 px.
package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

func main() {
	const n = 512
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	blue := color.NRGBA{0x0B, 0x4F, 0x9C, 0xFF}
	red := color.NRGBA{0xD3, 0x2F, 0x2F, 0xFF}
	white := color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	inRounded := func(x, y, x0, y0, x1, y1, r float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			switch {
			case !inRounded(fx, fy, 16, 16, 496, 496, 96):
				continue
			case inRounded(fx, fy, 96, 112, 416, 336, 48):
				img.Set(x, y, white)
				// three text lines inside the bubble, the first in red
				for i, line := range []struct {
					x1 float64
					c  color.NRGBA
				}{{352, red}, {352, blue}, {288, blue}} {
					ly := 160 + float64(i)*56
					if inRounded(fx, fy, 152, ly, line.x1, ly+28, 14) {
						img.Set(x, y, line.c)
					}
				}
			case fy >= 330 && fy <= 410 && fx >= 150 && fx <= 250 && (fx-150) >= (fy-330)*1.25-0 && fx-150 <= 100-(fy-330)*1.25+0 && fy-330 <= 80:
				// the bubble's tail, a triangle pointing down-left
				if fx <= 150+(410-fy)*1.25 {
					img.Set(x, y, white)
				} else {
					img.Set(x, y, blue)
				}
			default:
				img.Set(x, y, blue)
			}
		}
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		panic(err)
	}
}
