package data

// Lang is a user-interface language.
type Lang string

// The languages Humas Desk speaks. Indonesian is the default.
const (
	LangID Lang = "id"
	LangEN Lang = "en"
)

// ParseLang returns the language for a setting value, Indonesian unless it
// names English.
func ParseLang(s string) Lang {
	if s == string(LangEN) {
		return LangEN
	}
	return LangID
}

// Text is a phrase in both languages.
type Text struct {
	ID string // Indonesian
	EN string // English
}

// In returns the phrase in l, falling back to Indonesian.
func (t Text) In(l Lang) string {
	if l == LangEN && t.EN != "" {
		return t.EN
	}
	return t.ID
}

// String returns the Indonesian phrase.
func (t Text) String() string { return t.ID }
