//go:build linux && !flatpak

// With the flatpak tag Fyne's own dialogs go through the portal already.

package nativefile

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/lang"
	"github.com/rymdport/portal"
	"github.com/rymdport/portal/filechooser"

	"github.com/humasdesk/humasdesk/app/kit"
)

// New returns the desktop portal's file chooser.
func New() kit.NativeFiles { return portalFiles{} }

type portalFiles struct{}

// Parent names an X11 window for the portal, so that its dialog is modal
// to ours; on Wayland (or the test driver) there is no such handle and
// the dialog opens on its own.
func (portalFiles) Parent(win fyne.Window) string {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return ""
	}
	handle := ""
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok && x.WindowHandle != 0 {
			handle = portal.FormatX11WindowHandle(x.WindowHandle)
		}
	})
	return handle
}

// Open asks the portal and waits for the user.
func (portalFiles) Open(parent string, c kit.FileChoice, multiple bool) ([]string, error) {
	opts := &filechooser.OpenFileOptions{Multiple: multiple, Filters: filters(c.Exts)}
	if len(opts.Filters) > 0 {
		opts.CurrentFilter = opts.Filters[0]
	}
	if dir := kit.StartFolder(); dir != nil {
		opts.CurrentFolder = dir.Path()
	}
	uris, err := filechooser.OpenFile(parent, lang.L("Choose a file"), opts)
	if err != nil {
		return nil, err
	}
	return paths(uris)
}

// filters makes the portal's filter of the choice's extensions (one
// filter, case-insensitive patterns written out).
func filters(exts []string) []*filechooser.Filter {
	if len(exts) == 0 {
		return nil
	}
	f := &filechooser.Filter{Name: lang.L("Accepted files")}
	seen := map[string]bool{}
	for _, e := range exts {
		pat := "*" + strings.ToLower(e)
		if !seen[pat] {
			seen[pat] = true
			f.Rules = append(f.Rules, filechooser.Rule{Type: filechooser.GlobPattern, Pattern: pat},
				filechooser.Rule{Type: filechooser.GlobPattern, Pattern: "*" + strings.ToUpper(e)})
		}
	}
	return []*filechooser.Filter{f}
}

// paths turns the portal's file:// URIs into paths.
func paths(uris []string) ([]string, error) {
	out := make([]string, 0, len(uris))
	for _, s := range uris {
		u, err := url.Parse(s)
		if err != nil {
			return nil, err
		}
		out = append(out, filepath.FromSlash(u.Path))
	}
	return out, nil
}
