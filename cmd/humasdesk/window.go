package main

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/humasdesk/humasdesk/app"
	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/app/nativefile"
	"github.com/humasdesk/humasdesk/assets"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// processStart approximates when the process started, for the start-up
// figure that --quit-after prints.
var processStart = time.Now()

// AppID is the application ID, as in FyneApp.toml.
const AppID = "id.humasdesk.desk"

func runWindow(args []string) error {
	fs := newFlags("humasdesk")
	dbPath := fs.String("db", "", "database file")
	quitAfter := fs.Duration("quit-after", 0, "print the start-up time and quit after this long (for tests and benchmarks)")
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
	// Files are chosen in the system's own dialog where one answers
	// (the desktop portal on Linux), else in Fyne's.
	kit.Native = nativefile.New()
	fa := fyneapp.NewWithID(AppID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	ui := app.New(fa, st)
	// Restoring a backup (Pengaturan → Cadangan) replaces the store: close
	// the one in use at the end, after sync has stopped (deferred below,
	// so it runs first). st is closed already then; closing it is a no-op.
	defer func() { ui.Store().Close() }()
	// Sync runs in the background for as long as the window is open; the
	// deferred stop waits for it before the store closes.
	defer ui.StartSync(bgCtx())()
	// Scheduled backups likewise (one at once when overdue); the stop
	// cancels one under way, which leaves no file.
	defer ui.StartBackupSchedule(bgCtx())()
	// Photos from a version before the smaller copies get them now, in
	// the background (a line shows the progress); stopped before the store
	// closes, the rest is done at the next start.
	defer ui.PreparePhotos(bgCtx())()
	if *quitAfter > 0 {
		fa.Lifecycle().SetOnStarted(func() {
			// The window is shown when the app has started: that is the
			// start-up figure of docs/BENCHMARKS.md.
			fmt.Printf("startup_ms=%d\n", time.Since(processStart).Milliseconds())
			go func() {
				time.Sleep(*quitAfter)
				fyne.Do(fa.Quit)
			}()
		})
	}
	ui.Window().ShowAndRun()
	return nil
}
