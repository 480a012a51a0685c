// Package app is the Fyne user interface of Humas Desk: the main window, its
// views, forms and dialogs. It reads and writes records only through
// data/store, never SQL, and touches widgets only on the main goroutine.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// UI is the main window and what it shows.
type UI struct {
	app   fyne.App
	store *store.Store
	win   fyne.Window
}

// SetupLanguage loads the translations for l. Call it once, before New.
func SetupLanguage(l data.Lang) error { return nil }

// New builds the main window over st.
func New(fa fyne.App, st *store.Store) *UI {
	u := &UI{app: fa, store: st, win: fa.NewWindow("Humas Desk")}
	u.win.SetContent(widget.NewLabel("Humas Desk"))
	u.win.Resize(fyne.NewSize(1100, 720))
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }
