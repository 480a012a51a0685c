package data

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Validation rule codes, stable so that callers (forms, CSV import) can
// react to a rule without parsing its message.
const (
	RuleRequired     = "required"
	RuleTooLong      = "too_long"
	RuleEndBefore    = "end_before_start"
	RuleRange        = "out_of_range"
	RuleEmail        = "email"
	RuleURL          = "url"
	RuleNIP          = "nip"
	RuleUnknown      = "unknown_value"
	RuleNegative     = "negative"
	RulePhone        = "phone"
	RuleInvalidImage = "image"
	RulePostTooLong  = "post_too_long" // a social-media post over its platform's limit (social.go)
)

// FieldError says which field is wrong and by which rule.
type FieldError struct {
	Field string // the Go-side field key, e.g. "name"
	Label Text   // the field as users know it, e.g. "Nama"
	Rule  string
	Max   int  // for RuleTooLong and RuleRange: the limit
	Min   int  // for RuleRange
	Count int  // for RulePostTooLong: the characters there are
	About Text // for RulePostTooLong: the platform whose limit is Max
}

var ruleMessages = map[string]Text{
	RuleRequired:     {"wajib diisi", "is required"},
	RuleTooLong:      {"terlalu panjang (paling banyak %d karakter)", "is too long (at most %d characters)"},
	RuleEndBefore:    {"tidak boleh sebelum tanggal mulai", "must not be before the start date"},
	RuleRange:        {"harus antara %d dan %d", "must be between %d and %d"},
	RuleEmail:        {"bukan alamat email yang sah (contoh: humas@kpu.go.id)", "is not a valid email address (e.g. humas@kpu.go.id)"},
	RuleURL:          {"bukan alamat web yang sah (awali dengan http:// atau https://)", "is not a valid web address (start with http:// or https://)"},
	RuleNIP:          {"harus 18 angka", "must be 18 digits"},
	RuleUnknown:      {"berisi pilihan yang tidak dikenal", "has an unknown choice"},
	RuleNegative:     {"tidak boleh negatif", "must not be negative"},
	RulePhone:        {"hanya boleh berisi angka, spasi, +, -, dan tanda kurung", "may hold only digits, spaces, +, - and brackets"},
	RuleInvalidImage: {"bukan gambar PNG atau JPEG yang sah", "is not a valid PNG or JPEG image"},
	RulePostTooLong:  {"terlalu panjang untuk %s: %d karakter, batasnya %d", "is too long for %s: %d characters, its limit is %d"},
}

// Message returns "what is wrong" without the field name, in l.
func (e FieldError) Message(l Lang) string {
	msg := ruleMessages[e.Rule].In(l)
	switch e.Rule {
	case RuleTooLong:
		return fmt.Sprintf(msg, e.Max)
	case RuleRange:
		return fmt.Sprintf(msg, e.Min, e.Max)
	case RulePostTooLong:
		return fmt.Sprintf(msg, e.About.In(l), e.Count, e.Max)
	}
	return msg
}

// Text returns the field and what is wrong with it, e.g. "Nama wajib diisi".
func (e FieldError) Text(l Lang) string { return e.Label.In(l) + " " + e.Message(l) }

// Error returns the Indonesian text.
func (e FieldError) Error() string { return e.Text(LangID) }

// ValidationError lists every invalid field of one record.
type ValidationError []FieldError

// Error joins the Indonesian messages.
func (v ValidationError) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// For returns the error for field, if any.
func (v ValidationError) For(field string) (FieldError, bool) {
	for _, e := range v {
		if e.Field == field {
			return e, true
		}
	}
	return FieldError{}, false
}

// AsValidation unwraps err into a ValidationError.
func AsValidation(err error) (ValidationError, bool) {
	var v ValidationError
	ok := errors.As(err, &v)
	return v, ok
}

// checker collects field errors of one record.
type checker struct{ errs ValidationError }

func (c *checker) add(field string, label Text, rule string) {
	c.errs = append(c.errs, FieldError{Field: field, Label: label, Rule: rule})
}

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// Field length limits, in characters.
const (
	MaxShort = 200   // names, titles, places
	MaxLine  = 500   // addresses, links
	MaxText  = 20000 // notes, obstacles, follow-up
	MaxBody  = 60000 // a draft's body
)

func (c *checker) required(field string, label Text, v string) {
	if v == "" {
		c.add(field, label, RuleRequired)
	}
}

func (c *checker) maxLen(field string, label Text, v string, max int) {
	if utf8.RuneCountInString(v) > max {
		c.errs = append(c.errs, FieldError{Field: field, Label: label, Rule: RuleTooLong, Max: max})
	}
}

func (c *checker) text(field string, label Text, v string, required bool, max int) {
	if required {
		c.required(field, label, v)
	}
	c.maxLen(field, label, v, max)
}

func (c *checker) oneOf(field string, label Text, v string, vocab Vocabulary, required bool) {
	if v == "" {
		if required {
			c.add(field, label, RuleRequired)
		}
		return
	}
	if !vocab.Has(v) {
		c.add(field, label, RuleUnknown)
	}
}

func (c *checker) allOf(field string, label Text, vs []string, vocab Vocabulary) {
	for _, v := range vs {
		if !vocab.Has(v) {
			c.add(field, label, RuleUnknown)
			return
		}
	}
}

func (c *checker) email(field string, label Text, v string) {
	if v == "" {
		return
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || !strings.Contains(v[strings.LastIndex(v, "@"):], ".") {
		c.add(field, label, RuleEmail)
	}
}

func (c *checker) url(field string, label Text, v string) {
	if v == "" {
		return
	}
	if !ValidURL(v) {
		c.add(field, label, RuleURL)
	}
}

// ValidURL reports whether s is an absolute http(s) address with a host.
func ValidURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

func (c *checker) phone(field string, label Text, v string) {
	for _, r := range v {
		if !unicode.IsDigit(r) && !strings.ContainsRune(" +-()", r) {
			c.add(field, label, RulePhone)
			return
		}
	}
}

func (c *checker) nonNegative(field string, label Text, n int) {
	if n < 0 {
		c.add(field, label, RuleNegative)
	}
}

// nip checks a civil-servant number (NIP): exactly 18 digits once spaces
// are removed by Normalize.
func (c *checker) nip(field string, label Text, v string) {
	if v == "" {
		return
	}
	if len(v) != 18 || strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		c.add(field, label, RuleNIP)
	}
}

// clean trims surrounding space from every string it is given.
func clean(ps ...*string) {
	for _, p := range ps {
		*p = strings.TrimSpace(*p)
	}
}

// cleanList trims the items of a list and drops empty ones.
func cleanList(l List[string]) List[string] {
	out := l[:0]
	for _, s := range l {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// NormalizeNIP removes the spaces people type between NIP groups.
func NormalizeNIP(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
