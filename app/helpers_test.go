package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

func TestMain(m *testing.M) {
	// A real locale keeps Fyne from logging "Error parsing user locale C".
	os.Setenv("LANG", "id_ID.UTF-8")
	// Tests apply the search themselves (flushSearch); a timer firing on
	// its own goroutine would race with them.
	kit.SearchDelay = time.Hour
	// Likewise a list's count and first page are read in place, so that a
	// test sees the list right after changing its filter;
	// TestListLoadsOffTheMainGoroutine runs them on goroutines.
	kit.LoadLists = func(load func()) { load() }
	// Sync runs a round at start and when a test taps "Sinkronkan
	// sekarang", never on its own while the test reads the window.
	syncInterval = time.Hour
	// The idle lock is checked by the tests that move its clock.
	idleCheckEvery = 0
	// Tests keep unsaved forms themselves (keepNow).
	keepEvery = 0
	syncclient.MinBackoff, syncclient.MaxBackoff = time.Hour, time.Hour
	if err := SetupLanguage(data.LangID); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

var ctx = context.Background()

// newTestUI opens the main window over a fresh store in a temporary
// folder, with Fyne's test driver. The window shows its main content, as
// past the sign-in: the tests of the views need not sign in (an office
// without people acts as its typed user); session_test.go shows the
// sign-in itself.
func newTestUI(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(a, st)
	t.Cleanup(func() {
		if windowOpen(u) { // a test may have closed it
			u.win.Close()
		}
	})
	u.win.SetContent(u.acct.shell)
	return u, st
}

// tapDialogButton taps the button labelled text in the dialog on top of
// the window, as a user would.
func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is shown; looking for %q", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no button %q", text)
}

// dialogShows reports whether a label in the top dialog contains text.
func dialogText(w fyne.Window) []string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		switch l := o.(type) {
		case *widget.Label:
			out = append(out, l.Text)
		case *widget.RichText:
			out = append(out, l.String())
		}
	}
	return out
}

// typeInto replaces what an entry holds with text, typed key by key.
func typeInto(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// listTexts is the first column of every row a browser lists.
func listTexts[T any, P kit.Record[T]](b *kit.Browser[T, P]) []string {
	out := make([]string, b.N)
	for i := range out {
		out[i] = b.CellText(i, 0)
	}
	return out
}

func mustSaveAgency(t *testing.T, st *store.Store, name, kind string) *data.Agency {
	t.Helper()
	a := &data.Agency{Name: name, Kind: kind}
	if err := st.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func tableCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }

// isButton matches a visible button labelled text.
func isButton(text string) func(fyne.CanvasObject) bool {
	return func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == text && b.Visible()
	}
}

// labelTexts are the texts of the labels and rich texts inside o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		switch l := x.(type) {
		case *widget.Label:
			out = append(out, l.Text)
		case *widget.RichText:
			out = append(out, l.String())
		}
	}
	return out
}
