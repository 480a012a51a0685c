package app

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/demo"
)

// TestBerandaChartsScreenshot renders Beranda over the demo data with the
// test driver and checks its charts hold the demo's numbers. With
// HUMASDESK_SCREENSHOT=1 it also writes docs/beranda-grafik.png, the
// README's picture:
//
//	HUMASDESK_SCREENSHOT=1 go test ./app -run TestBerandaChartsScreenshot
func TestBerandaChartsScreenshot(t *testing.T) {
	u, st := newTestUI(t)
	today := data.NewDate(2024, 11, 15)
	if _, err := demo.Load(ctx, st, demo.Options{Year: 2024, Today: today}); err != nil {
		t.Fatal(err)
	}
	u.officeID = demo.KPUOfficeID
	u.rebuild()
	u.home.today = func() data.Date { return today }
	u.selectView(u.home.content)
	u.home.refresh()
	ch := u.monitor.charts
	var clips float64
	for _, g := range ch.Tone.Groups {
		for _, v := range g.G.Values {
			clips += v
		}
	}
	if clips < 100 {
		t.Errorf("the tone chart shows %v clippings of the demo year", clips)
	}
	if ch.Strategy.Groups[0].G.Marker == 0 {
		t.Error("no target marker on strategy 1")
	}
	if os.Getenv("HUMASDESK_SCREENSHOT") == "" {
		return
	}
	u.win.Resize(fyne.NewSize(1700, 1500))
	img := u.win.Canvas().Capture()
	f, err := os.Create("../docs/beranda-grafik.png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
