package kit

import (
	"errors"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakeNative stands in for the desktop portal.
type fakeNative struct {
	paths    []string
	err      error
	multiple bool
	parent   string
}

func (f *fakeNative) Parent(fyne.Window) string { return "x11:2a" }

func (f *fakeNative) Open(parent string, _ FileChoice, multiple bool) ([]string, error) {
	f.parent, f.multiple = parent, multiple
	return f.paths, f.err
}

// The native dialog's answers: chosen files are handed on (several at
// once), a cancel does nothing, and when no native dialog answers, Fyne's
// own dialog is shown instead: the fallback path.
func TestChooseOpenPathsNativeAndFallback(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("t")
	win.Resize(fyne.NewSize(900, 700))
	defer win.Close()
	defer func() { Native = nil }()
	var shownErr error
	showError := func(_ string, err error) { shownErr = err }
	c := FileChoice{ErrTitle: "Berkas tidak dapat dibuka", Exts: []string{".pdf"}}

	tests := []struct {
		name       string
		native     *fakeNative
		wantPaths  []string
		wantDialog bool
	}{
		{"two files chosen", &fakeNative{paths: []string{"/a/undangan.pdf", "/a/notulen.docx"}}, []string{"/a/undangan.pdf", "/a/notulen.docx"}, false},
		{"cancelled", &fakeNative{}, nil, false},
		{"no portal answers", &fakeNative{err: errors.New("org.freedesktop.DBus.Error.ServiceUnknown")}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for win.Canvas().Overlays().Top() != nil {
				win.Canvas().Overlays().Remove(win.Canvas().Overlays().Top())
			}
			Native = tt.native
			var got []string
			<-chooseOpenPaths(win, showError, c, true, func(p []string) { got = p })
			if !slices.Equal(got, tt.wantPaths) || shownErr != nil {
				t.Errorf("paths %q (error %v), want %q", got, shownErr, tt.wantPaths)
			}
			if !tt.native.multiple || tt.native.parent != "x11:2a" {
				t.Errorf("native asked with multiple=%v parent=%q", tt.native.multiple, tt.native.parent)
			}
			if shown := win.Canvas().Overlays().Top() != nil; shown != tt.wantDialog {
				t.Errorf("Fyne's dialog shown: %v, want %v", shown, tt.wantDialog)
			}
		})
	}

	// Without a native dialog at all (tests, other systems): Fyne's.
	Native = nil
	<-chooseOpenPaths(win, showError, c, true, func([]string) {})
	if win.Canvas().Overlays().Top() == nil {
		t.Error("no dialog without a native one")
	}
}
