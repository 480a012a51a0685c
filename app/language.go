package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/humasdesk/humasdesk/assets"
	"github.com/humasdesk/humasdesk/data"
)

// translationFile is the Indonesian translation inside assets.Translations.
const translationFile = "translations/id.json"

// SetupLanguage loads the translations for l. Call it once, before New.
//
// Fyne chooses a translation from the system locale and falls back to
// English; there is no public way to force one. Indonesian is therefore
// registered as the translation of "id", of "en" (the fallback) and of the
// system's own language, so that the window is Indonesian whatever the
// locale says. For English nothing of ours is registered: the source
// strings are English.
func SetupLanguage(l data.Lang) error {
	if l == data.LangEN {
		return nil
	}
	b, err := assets.Translations.ReadFile(translationFile)
	if err != nil {
		return fmt.Errorf("terjemahan %s tidak dapat dibaca: %w", translationFile, err)
	}
	for _, loc := range indonesianLocales() {
		if err := lang.AddTranslationsForLocale(b, loc); err != nil {
			return fmt.Errorf("terjemahan %s tidak sah: %w", translationFile, err)
		}
	}
	return nil
}

// indonesianLocales are the locales the Indonesian text is registered for.
func indonesianLocales() []fyne.Locale {
	locs := []fyne.Locale{"id", "en"}
	sys := lang.SystemLocale().LanguageString()
	// "und" is what an unparsable locale such as LANG=C becomes.
	if sys != "" && sys != "id" && sys != "en" && sys != "und" {
		locs = append(locs, fyne.Locale(sys))
	}
	return locs
}

// languageNames are the choices of the language setting, each in its own
// language so that a user who cannot read the current one still finds it.
var languageNames = []struct {
	code data.Lang
	name string
}{
	{data.LangID, "Bahasa Indonesia"},
	{data.LangEN, "English"},
}

// restartNotice is shown in both languages because the window is still in
// the old one when the user picks the new one.
const restartNotice = "Bahasa akan berganti setelah Humas Desk dibuka ulang.\n" +
	"The language changes after Humas Desk is restarted."
