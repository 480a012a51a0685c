package main

import (
	"fmt"
	"image/png"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/humasdesk/humasdesk/app"
	"github.com/humasdesk/humasdesk/assets"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// processStart approximates when the process started, for the start-up
// figure that --screenshot prints.
var processStart = time.Now()

// AppID is the application ID, as in FyneApp.toml.
const AppID = "id.humasdesk.desk"

func runWindow(args []string) error {
	fs := newFlags("humasdesk")
	dbPath := fs.String("db", "", "database file")
	shot := fs.String("screenshot", "", "write the first frame to this PNG and quit (for tests)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	lang, err := st.Setting(bgCtx(), store.SettingLanguage, string(data.LangID))
	if err != nil {
		return err
	}
	if err := app.SetupLanguage(data.ParseLang(lang)); err != nil {
		return err
	}
	fa := fyneapp.NewWithID(AppID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	ui := app.New(fa, st)
	if *shot != "" {
		fa.Lifecycle().SetOnStarted(func() { go screenshotAndQuit(fa, ui.Window(), *shot) })
	}
	ui.Window().ShowAndRun()
	return screenshotErr
}

var screenshotErr error

// screenshotAndQuit waits for the window to paint, writes its content to
// path, prints how long start-up took, and quits. It exists so that tests
// and benchmarks can start the real program under Xvfb.
func screenshotAndQuit(fa fyne.App, w fyne.Window, path string) {
	started := time.Since(processStart)
	time.Sleep(1500 * time.Millisecond) // let a few frames render
	fyne.Do(func() {
		defer fa.Quit()
		img := w.Canvas().Capture()
		f, err := os.Create(path)
		if err != nil {
			screenshotErr = err
			return
		}
		defer f.Close()
		if screenshotErr = png.Encode(f, img); screenshotErr == nil {
			fmt.Printf("startup_ms=%d\n", started.Milliseconds())
		}
	})
}
