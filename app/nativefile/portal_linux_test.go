//go:build linux && !flatpak

package nativefile

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/app/kit"
)

// Without a session bus no portal can answer: Open fails (it must not
// hang), which is what sends the app to Fyne's dialog.
func TestOpenWithoutAPortalFails(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/humasdesk-test-bus")
	if _, err := New().Open("", kit.FileChoice{Exts: []string{".pdf"}}, true); err == nil {
		t.Fatal("Open succeeded without a session bus")
	}
}

func TestPortalHelpers(t *testing.T) {
	got, err := paths([]string{"file:///home/ani/Dokumen/Undangan%20rapat.pdf", "file:///tmp/a.docx"})
	if err != nil || !slices.Equal(got, []string{"/home/ani/Dokumen/Undangan rapat.pdf", "/tmp/a.docx"}) {
		t.Errorf("paths = %q, %v", got, err)
	}
	f := filters([]string{".pdf", ".PDF", ".docx"})
	if len(f) != 1 || len(f[0].Rules) != 4 || f[0].Rules[0].Pattern != "*.pdf" || f[0].Rules[1].Pattern != "*.PDF" {
		t.Errorf("filters = %+v", f[0])
	}
	if filters(nil) != nil {
		t.Error("no extensions should give no filter")
	}
	// The test driver's window is no X11 window: no parent handle.
	if h := New().Parent(test.NewTempApp(t).NewWindow("t")); h != "" {
		t.Errorf("Parent = %q", h)
	}
}
