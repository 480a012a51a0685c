package app

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data/store"
)

// Photos keep their originals and get smaller copies (a report-size one
// and a thumbnail, see data/store/photocopies.go). A database from a
// version before the copies, or restored from a backup (which carries only
// originals), has photos without them: PreparePhotos makes them in the
// background after the window opens, with a line above the sync bar
// ("Menyiapkan foto: 12 dari 340") while it runs. Reports and photo lists
// work meanwhile: they make a missing copy, or scale the original, as
// needed.

// photoPrepLine is the line shown while photo copies are being made.
type photoPrepLine struct {
	label   *widget.Label
	bar     *widget.ProgressBar
	content *fyne.Container
	last    string         // the last text shown, for tests
	running sync.WaitGroup // the run that shows on this line, for tests
}

func newPhotoPrepLine() *photoPrepLine {
	l := &photoPrepLine{label: widget.NewLabel(""), bar: widget.NewProgressBar()}
	l.label.Importance = widget.LowImportance
	l.content = container.NewBorder(nil, nil, l.label, nil, l.bar)
	l.content.Hide()
	return l
}

// show puts done of total on the line (main goroutine), and hides it once
// all are done.
func (l *photoPrepLine) show(done, total int) {
	if total == 0 || done >= total {
		l.content.Hide()
		return
	}
	l.last = lang.L("Preparing photos: {{.Done}} of {{.Total}}", map[string]any{"Done": done, "Total": total})
	l.label.SetText(l.last)
	l.bar.Max = float64(total)
	l.bar.SetValue(float64(done))
	l.content.Show()
}

// PreparePhotos starts making the missing photo copies in the background
// over the current store (main goroutine). stop, also on the main
// goroutine, cancels the work and waits for it (what is left is done at
// the next start); it stops the run over whichever store the window has
// then (restoring a backup starts a new run).
func (u *UI) PreparePhotos(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	st, line := u.store, u.photoPrep
	var wg sync.WaitGroup
	line.running.Add(1)
	wg.Go(func() {
		defer line.running.Done()
		u.preparePhotos(ctx, st, line)
	})
	u.stopPhotos = func() {
		cancel()
		wg.Wait()
	}
	return func() {
		if u.stopPhotos != nil {
			u.stopPhotos()
		}
	}
}

func (u *UI) preparePhotos(ctx context.Context, st *store.Store, line *photoPrepLine) {
	failed, err := st.MakeMissingPhotoCopies(ctx, func(done, total int) {
		fyne.Do(func() { line.show(done, total) })
	})
	fyne.Do(func() { line.show(0, 0) })
	if err != nil && ctx.Err() == nil {
		fyne.LogError("making photo copies", err)
	}
	if failed > 0 {
		fyne.LogError("making photo copies", errPhotoCopies{failed})
	}
}

// errPhotoCopies counts photos whose originals could not be read.
type errPhotoCopies struct{ n int }

func (e errPhotoCopies) Error() string {
	return lang.L("{{.Count}} photo files are damaged or unreadable", map[string]any{"Count": e.n})
}
