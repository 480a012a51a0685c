package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The values of store.SettingTheme.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// variantTheme is Fyne's default theme with the light/dark choice taken
// from the user's setting instead of the system's. Fyne has no setting for
// that, so a wrapper that overrides the variant is the way to do it live.
type variantTheme struct {
	forced  bool
	variant fyne.ThemeVariant
}

var _ fyne.Theme = (*variantTheme)(nil)

// Color implements fyne.Theme.
func (t *variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme.
func (t *variantTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon implements fyne.Theme.
func (t *variantTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme.
func (t *variantTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// ApplyTheme switches the whole app to the theme named by a setting value;
// unknown values follow the system.
func ApplyTheme(a fyne.App, code string) {
	t := &variantTheme{}
	switch code {
	case ThemeLight:
		t.forced, t.variant = true, theme.VariantLight
	case ThemeDark:
		t.forced, t.variant = true, theme.VariantDark
	}
	a.Settings().SetTheme(t)
}
