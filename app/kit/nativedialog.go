package kit

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// NativeFiles is the operating system's own dialog for choosing files to
// open (on Linux the desktop portal: the dialog of GNOME, KDE or the like,
// with Desktop, Documents and Downloads, and multi-select).
type NativeFiles interface {
	// Parent names win for the system dialog; called on the main
	// goroutine, before Open.
	Parent(win fyne.Window) string
	// Open shows the dialog and waits for the answer: the chosen files'
	// paths, none for a cancel. An error means no native dialog answered;
	// the caller then falls back to Fyne's own. Called off the main
	// goroutine.
	Open(parent string, c FileChoice, multiple bool) ([]string, error)
}

// Native is the system dialog file choices try first; nil (tests, and
// builds without one) uses Fyne's dialog only. The command sets it.
var Native NativeFiles

// ChooseOpenPaths asks, over win, for files to read, through Native when
// it answers and else through Fyne's dialog (one file at a time), and
// hands the chosen paths to use on the main goroutine. A cancel does
// nothing; an error is shown with showError.
func ChooseOpenPaths(win fyne.Window, showError func(string, error), c FileChoice, multiple bool, use func(paths []string)) {
	chooseOpenPaths(win, showError, c, multiple, use)
}

// chooseOpenPaths is ChooseOpenPaths; the returned channel is closed once
// the native dialog answered (and the fallback, if any, was shown), for
// tests.
func chooseOpenPaths(win fyne.Window, showError func(string, error), c FileChoice, multiple bool, use func(paths []string)) <-chan struct{} {
	done := make(chan struct{})
	fallback := func() {
		c.Show(dialog.NewFileOpen(Chosen(showError, c.ErrTitle, func(r fyne.URIReadCloser) {
			r.Close() // the caller reads the file itself, by its path
			if r.URI().Scheme() != "file" {
				showError(c.ErrTitle, fmt.Errorf("hanya berkas di komputer ini yang dapat dipakai (bukan %s)", r.URI()))
				return
			}
			use([]string{filepath.FromSlash(r.URI().Path())})
		}), win))
	}
	native := Native
	if native == nil {
		fallback()
		close(done)
		return done
	}
	parent := native.Parent(win)
	go func() {
		defer close(done)
		paths, err := native.Open(parent, c, multiple)
		fyne.DoAndWait(func() {
			switch {
			case err != nil:
				fyne.LogError("no native file dialog; using Fyne's", err)
				fallback()
			case len(paths) > 0:
				use(paths)
			}
		})
	}()
	return done
}
