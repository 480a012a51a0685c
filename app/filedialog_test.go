package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
)

// A file dialog's answer: an error is shown and nothing used, a cancel
// does nothing, a file is handed on.
func TestChosenFile(t *testing.T) {
	u, st := newTestUI(t)
	var used []fyne.URIReadCloser
	use := kit.Chosen(u.showError, "Berkas tidak dapat dibuka", func(r fyne.URIReadCloser) { used = append(used, r) })

	use(nil, nil) // cancelled
	if len(used) != 0 || u.lastError != "" || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a cancel did something: used %d, error %q", len(used), u.lastError)
	}
	use(nil, errors.New("izin ditolak"))
	if len(used) != 0 || !strings.Contains(u.lastError, "Berkas tidak dapat dibuka: izin ditolak") {
		t.Fatalf("an error: used %d, shown %q", len(used), u.lastError)
	}
	tapDialogButton(t, u.win, "OK")

	f, err := storage.Reader(storage.NewFileURI(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	use(f, nil)
	if len(used) != 1 || used[0] != f {
		t.Fatalf("the file was not handed on (%d)", len(used))
	}
}

// Both dialogs open over the window with the name and the filter asked.
func TestFileDialogsOpen(t *testing.T) {
	u, _ := newTestUI(t)
	u.chooseSave(kit.FileChoice{ErrTitle: "x", Name: "laporan.pdf", Exts: []string{".pdf"}}, func(fyne.URIWriteCloser) {})
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no save dialog")
	}
	named := false
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*widget.Entry); ok && e.Text == "laporan.pdf" {
			named = true
		}
	}
	if !named {
		t.Error("the save dialog does not propose laporan.pdf")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	u.chooseOpen(kit.FileChoice{ErrTitle: "x", Exts: []string{".csv"}}, func(fyne.URIReadCloser) {})
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no open dialog")
	}
}
