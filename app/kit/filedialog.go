package kit

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FileChoice is how a file dialog opens: what an error is shown as, the
// name a save dialog proposes, the extensions it lists (nil: all), and
// the folder it starts in (nil: the documents folder).
type FileChoice struct {
	ErrTitle string
	Name     string
	Exts     []string
	Dir      fyne.ListableURI
	Size     fyne.Size
}

// ChooseOpen asks, over win, for a file to read and hands it to use,
// which closes it. An error is shown with showError; a cancel does nothing.
func ChooseOpen(win fyne.Window, showError func(string, error), c FileChoice, use func(r fyne.URIReadCloser)) {
	c.Show(dialog.NewFileOpen(Chosen(showError, c.ErrTitle, use), win))
}

// ChooseSave asks, over win, for a file to write and hands it to use,
// which closes it. An error is shown with showError; a cancel does nothing.
func ChooseSave(win fyne.Window, showError func(string, error), c FileChoice, use func(w fyne.URIWriteCloser)) {
	c.Show(dialog.NewFileSave(Chosen(showError, c.ErrTitle, use), win))
}

// Chosen is a file dialog's callback: the error shown, a cancel (no file)
// ignored, a file handed to use.
func Chosen[F any](showError func(string, error), errTitle string, use func(F)) func(F, error) {
	return func(f F, err error) {
		if err != nil {
			showError(errTitle, err)
			return
		}
		if any(f) == nil { // cancelled
			return
		}
		use(f)
	}
}

// Show sets up d as c asks and shows it, for the dialogs the kit does not
// open itself (a folder choice).
func (c FileChoice) Show(d *dialog.FileDialog) {
	if c.Name != "" {
		d.SetFileName(c.Name)
	}
	if c.Exts != nil {
		d.SetFilter(storage.NewExtensionFileFilter(c.Exts))
	}
	dir := c.Dir
	if dir == nil {
		dir = StartFolder()
	}
	if dir != nil {
		d.SetLocation(dir)
	}
	if c.Size != (fyne.Size{}) {
		d.Resize(c.Size)
	}
	d.Show()
}

// StartFolder is the user's documents folder, where file dialogs open.
func StartFolder() fyne.ListableURI {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	for _, name := range []string{"Documents", "Dokumen"} {
		if fi, err := os.Stat(filepath.Join(home, name)); err == nil && fi.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Join(home, name))); err == nil {
				return l
			}
		}
	}
	return nil
}
