//go:build (!linux && !windows) || (linux && flatpak)

package nativefile

import "github.com/humasdesk/humasdesk/app/kit"

// New returns nil: Fyne's dialog (Windows' common item dialog is not
// wired yet; a flatpak build's Fyne dialogs use the portal themselves).
func New() kit.NativeFiles { return nil }
