package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileChoice is how a file dialog opens: what an error is shown as, the
// name a save dialog proposes, the extensions it lists (nil: all), and
// the folder it starts in (nil: the documents folder).
type fileChoice struct {
	errTitle string
	name     string
	exts     []string
	dir      fyne.ListableURI
	size     fyne.Size
}

// chooseOpen asks for a file to read and hands it to use, which closes it.
// An error is shown; a cancel does nothing.
func (u *UI) chooseOpen(c fileChoice, use func(r fyne.URIReadCloser)) {
	c.show(dialog.NewFileOpen(chosen(u, c.errTitle, use), u.win))
}

// chooseSave asks for a file to write and hands it to use, which closes
// it. An error is shown; a cancel does nothing.
func (u *UI) chooseSave(c fileChoice, use func(w fyne.URIWriteCloser)) {
	c.show(dialog.NewFileSave(chosen(u, c.errTitle, use), u.win))
}

// chosen is a file dialog's callback: the error shown, a cancel (no file)
// ignored, a file handed to use.
func chosen[F any](u *UI, errTitle string, use func(F)) func(F, error) {
	return func(f F, err error) {
		if err != nil {
			u.showError(errTitle, err)
			return
		}
		if any(f) == nil { // cancelled
			return
		}
		use(f)
	}
}

func (c fileChoice) show(d *dialog.FileDialog) {
	if c.name != "" {
		d.SetFileName(c.name)
	}
	if c.exts != nil {
		d.SetFilter(storage.NewExtensionFileFilter(c.exts))
	}
	dir := c.dir
	if dir == nil {
		dir = startFolder()
	}
	if dir != nil {
		d.SetLocation(dir)
	}
	if c.size != (fyne.Size{}) {
		d.Resize(c.size)
	}
	d.Show()
}
