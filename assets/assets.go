// Package assets embeds the files Humas Desk ships inside its binaries:
// the icon and the user-interface translations. It has no dependencies, so
// the desktop app, the command line and the server may all use it.
package assets

import (
	"embed"
	_ "embed"
)

// Translations holds the UI translations as flat go-i18n JSON files, one per
// language (translations/id.json), for fyne.io/fyne/v2/lang.
//
//go:embed translations
var Translations embed.FS

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte
