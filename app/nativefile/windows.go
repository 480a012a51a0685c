//go:build windows

package nativefile

import (
	"errors"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/sqweek/dialog"

	"github.com/humasdesk/humasdesk/app/kit"
)

// New returns Windows' own open dialog (the Explorer-style common dialog,
// with Desktop, Documents and Downloads), through sqweek/dialog: pure Go
// on Windows, no cgo. It picks one file at a time.
func New() kit.NativeFiles { return windowsFiles{} }

type windowsFiles struct{}

// Parent is not used: the dialog opens over the desktop.
func (windowsFiles) Parent(fyne.Window) string { return "" }

// Open shows the dialog on a locked OS thread (a Win32 dialog runs its
// own message loop on the thread that opened it) and waits.
func (windowsFiles) Open(_ string, c kit.FileChoice, _ bool) ([]string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b := dialog.File().Title(lang.L("Choose a file"))
	if exts := plainExts(c.Exts); len(exts) > 0 {
		b = b.Filter(lang.L("Accepted files"), exts...)
	}
	if dir := kit.StartFolder(); dir != nil {
		b = b.SetStartDir(dir.Path())
	}
	path, err := b.Load()
	if errors.Is(err, dialog.ErrCancelled) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return []string{path}, nil
}

// plainExts are the extensions without dots, once each (Windows matches
// them without regard to case).
func plainExts(exts []string) []string {
	var out []string
	for _, e := range exts {
		e = strings.ToLower(strings.TrimPrefix(e, "."))
		if e != "" && !contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
