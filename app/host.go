package app

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
)

// kitHost is the window as the kit's parts see it (kit.Host): the one
// seam between the shared list-and-form pieces and the rest of the app.
type kitHost struct{ u *UI }

var _ kit.Host = kitHost{}

func (h kitHost) Ctx() context.Context             { return h.u.ctx() }
func (h kitHost) Lang() data.Lang                  { return h.u.lang }
func (h kitHost) Window() fyne.Window              { return h.u.win }
func (h kitHost) ShowError(what string, err error) { h.u.showError(what, err) }
func (h kitHost) OfficeID() string                 { return h.u.officeID }
func (h kitHost) OfficeName(id string) string      { return h.u.officeName(id) }
func (h kitHost) Under() []data.Office             { return h.u.under() }
func (h kitHost) Tree() ([]data.Office, bool)      { return h.u.tree, h.u.treeIsAll }
func (h kitHost) IsForeign(officeID string) bool   { return h.u.isForeign(officeID) }
func (h kitHost) LocalChange()                     { h.u.localChange(); h.u.keepForms() }
func (h kitHost) Records() kit.Records             { return h.u.store }

// applyTheme switches the whole app to the theme named by a setting value.
func (u *UI) applyTheme(code string) { kit.ApplyTheme(u.app, code) }

// chooseOpen asks for a file to read and hands it to use (kit.ChooseOpen).
func (u *UI) chooseOpen(c kit.FileChoice, use func(r fyne.URIReadCloser)) {
	kit.ChooseOpen(u.win, u.showError, c, use)
}

// chooseSave asks for a file to write and hands it to use (kit.ChooseSave).
func (u *UI) chooseSave(c kit.FileChoice, use func(w fyne.URIWriteCloser)) {
	kit.ChooseSave(u.win, u.showError, c, use)
}
