package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/demo"
)

// TestPDFDemo renders the demo office's Triwulan III 2026 report and checks
// it reads back. With HUMASDESK_REPORT_DEMO=DIR set it also leaves the PDF
// in DIR, which is how docs/report-page1.png is made:
//
//	HUMASDESK_REPORT_DEMO=/tmp/laporan go test ./data/report -run TestPDFDemo
//	pdftoppm -png -r 80 -f 1 -l 1 /tmp/laporan/laporan-demo.pdf docs/report-page1
func TestPDFDemo(t *testing.T) {
	tools := needPDFTools(t)
	st := openStore(t)
	if _, err := demo.Load(bctx, st, demo.Options{Year: 2026, Today: data.NewDate(2026, 10, 5)}); err != nil {
		t.Fatal(err)
	}
	r, err := Build(bctx, st, Options{Period: Period{2026, 3}, SignDate: data.NewDate(2026, 10, 5),
		NumberPattern: "{no}/HM.00.02/KPU-Kab/{romawi}/{tahun}", Sequence: 27})
	if err != nil {
		t.Fatal(err)
	}
	r.Office.Logo = pdfDemoEmblem(t)
	dir := os.Getenv("HUMASDESK_REPORT_DEMO")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "laporan-demo.pdf")
	doc := tools.render(t, r, path)
	for _, want := range []string{"KOMISI PEMILIHAN UMUM KABUPATEN SLEMAN", "LAPORAN KEGIATAN KEHUMASAN TRIWULAN III TAHUN 2026",
		"Nomor: 027/HM.00.02/KPU-Kab/X/2026", "Periode: 1 Juli 2026 – 30 September 2026"} {
		if !strings.Contains(doc.flat, want) {
			t.Errorf("demo report lacks %q", want)
		}
	}
	doc.checkPageNumbers(t)
	for _, a := range r.Activities {
		if !strings.Contains(doc.flat, pdfFlatten(a.Title)) {
			t.Errorf("activity %q missing", a.Title)
		}
	}
}

// pdfDemoEmblem draws a neutral round emblem (not any office's real logo) for
// the demo letterhead, with a transparent background.
func pdfDemoEmblem(t *testing.T) []byte {
	const n = 240
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	c := float64(n) / 2
	for y := range n {
		for x := range n {
			dx, dy := float64(x)+0.5-c, float64(y)+0.5-c
			r := math.Hypot(dx, dy)
			switch {
			case r > c-2:
				// transparent outside
			case r > c-14:
				img.Set(x, y, color.NRGBA{150, 20, 30, 255})
			case r > c-18:
				img.Set(x, y, color.NRGBA{255, 255, 255, 255})
			case pdfInStar(dx/(c-24), dy/(c-24)):
				img.Set(x, y, color.NRGBA{212, 160, 23, 255})
			default:
				img.Set(x, y, color.NRGBA{150, 20, 30, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pdfInStar reports whether (x, y), in a unit circle, lies in a five-pointed
// star pointing up.
func pdfInStar(x, y float64) bool {
	r := math.Hypot(x, y)
	if r > 1 {
		return false
	}
	a := math.Atan2(x, -y) // 0 at the top, clockwise
	seg := 2 * math.Pi / 5
	a = math.Mod(a+2*math.Pi, seg)
	if a > seg/2 {
		a = seg - a
	}
	// edge from an outer point (angle 0, r 1) to an inner one (angle seg/2, r 0.4)
	inner := 0.4
	px, py := 0.0, 1.0
	qx, qy := inner*math.Sin(seg/2), inner*math.Cos(seg/2)
	vx, vy := r*math.Sin(a), r*math.Cos(a)
	return (qx-px)*(vy-py)-(qy-py)*(vx-px) <= 0
}
