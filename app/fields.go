package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
)

// fieldMsg is an error to show under one field, keyed like
// data.FieldError.Field.
type fieldMsg struct {
	key  string
	text string
}

// validationMsgs turns the store's validation errors into messages in l,
// such as "Nama wajib diisi".
func validationMsgs(ve data.ValidationError, l data.Lang) []fieldMsg {
	out := make([]fieldMsg, len(ve))
	for i, e := range ve {
		out[i] = fieldMsg{e.Field, e.Text(l)}
	}
	return out
}

// fieldSet is a form whose fields can each show an error underneath,
// found by the same key the domain's Validate uses. Every record form in
// the app is one, so errors look and behave the same everywhere.
type fieldSet struct {
	l       data.Lang
	form    *widget.Form
	errs    map[string]*widget.Label
	general *widget.Label // errors for keys that have no field of their own
	content fyne.CanvasObject
}

func newFieldSet(l data.Lang) *fieldSet {
	f := &fieldSet{l: l, form: widget.NewForm(), errs: map[string]*widget.Label{}}
	f.general = errorLabel()
	f.content = container.NewVBox(f.general, f.form)
	return f
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// add puts a field labelled in the domain's words under key.
func (f *fieldSet) add(key string, label data.Text, obj fyne.CanvasObject) {
	f.addNamed(key, label.In(f.l), obj)
}

// addNamed puts a field with a label of the UI's own under key.
func (f *fieldSet) addNamed(key, label string, obj fyne.CanvasObject) {
	e := errorLabel()
	f.errs[key] = e
	f.form.Append(label, container.NewVBox(obj, e))
}

// show puts each message under its field, clearing earlier ones.
func (f *fieldSet) show(msgs []fieldMsg) {
	f.clear()
	var general []string
	for _, m := range msgs {
		e, ok := f.errs[m.key]
		if !ok {
			general = append(general, m.text)
			continue
		}
		if e.Text != "" { // two rules broken: show both
			e.SetText(e.Text + "\n" + m.text)
		} else {
			e.SetText(m.text)
		}
		e.Show()
	}
	if len(general) > 0 {
		f.general.SetText(strings.Join(general, "\n"))
		f.general.Show()
	}
}

// clear hides every error.
func (f *fieldSet) clear() {
	for _, e := range f.errs {
		e.SetText("")
		e.Hide()
	}
	f.general.SetText("")
	f.general.Hide()
}

// errorText is the error shown under key, or "" (for tests and for
// showing keys that have no field).
func (f *fieldSet) errorText(key string) string {
	if e, ok := f.errs[key]; ok && e.Visible() {
		return e.Text
	}
	return ""
}

// choice is a Select over a vocabulary that speaks codes to the program
// and labels in the user's language to the user.
type choice struct {
	*widget.Select
	codes []string
}

// newChoice makes a choice of v's labels. With all set, the first option
// is "all" (code ""), for filters.
func newChoice(v data.Vocabulary, l data.Lang, all string, changed func(code string)) *choice {
	c := &choice{}
	var opts []string
	if all != "" {
		opts, c.codes = append(opts, all), append(c.codes, "")
	}
	for _, o := range v {
		opts, c.codes = append(opts, o.Label.In(l)), append(c.codes, o.Code)
	}
	// A struct literal, not NewSelect: the driver draws the *choice, and
	// Select's Refresh must reach that renderer. NewSelect would bind the
	// embedded Select to itself first, and ExtendBaseWidget cannot rebind.
	c.Select = &widget.Select{Options: opts, PlaceHolder: lang.L("(Choose)")}
	c.ExtendBaseWidget(c)
	if all != "" {
		c.SetSelectedIndex(0) // before OnChanged is set: showing "all" filters nothing
	}
	if changed != nil {
		c.OnChanged = func(string) { changed(c.code()) }
	}
	return c
}

// code is the selected code, "" for none or "all".
func (c *choice) code() string {
	i := c.SelectedIndex()
	if i < 0 || i >= len(c.codes) {
		return ""
	}
	return c.codes[i]
}

// setCode selects code; an empty or unknown code clears the choice so
// that the form shows that nothing valid is chosen.
func (c *choice) setCode(code string) {
	for i, k := range c.codes {
		if k == code && (code != "" || i == 0) {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// strategyVocabulary lists the eight Bakohumas strategies as a vocabulary
// whose codes are their numbers and whose labels start with them.
func strategyVocabulary() data.Vocabulary {
	v := make(data.Vocabulary, len(data.Strategies))
	for i, s := range data.Strategies {
		n := strconv.Itoa(s.Number)
		v[i] = data.Option{Code: n, Label: data.Text{ID: n + ". " + s.Label.ID, EN: n + ". " + s.Label.EN}}
	}
	return v
}

// intField reads a whole number typed by the user; empty means 0. A
// number that does not parse is reported under key, never panicked on.
func intField(e *widget.Entry, key string, label data.Text, l data.Lang, msgs *[]fieldMsg) int {
	s := strings.ReplaceAll(strings.TrimSpace(e.Text), ".", "") // "1.500" is how Indonesians write 1500
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		*msgs = append(*msgs, fieldMsg{key, lang.L("{{.Field}} must be a whole number", map[string]any{"Field": label.In(l)})})
	}
	return n
}

// intText shows a number for editing; 0 shows as empty so that the
// placeholder explains the field.
func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// lines splits a multi-line entry into its non-empty lines.
func lines(s string) data.List[string] {
	var out data.List[string]
	for _, ln := range strings.Split(s, "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

func newMultiLine(rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// checkSet offers the codes of a vocabulary as check boxes in columns.
// widget.CheckGroup lays its boxes in a single row or column, which is
// too long for the eleven publication channels.
type checkSet struct {
	codes   []string
	checks  []*widget.Check
	content fyne.CanvasObject
}

func newCheckSet(v data.Vocabulary, l data.Lang, cols int) *checkSet {
	c := &checkSet{}
	grid := container.NewGridWithColumns(cols)
	for _, o := range v {
		ch := widget.NewCheck(o.Label.In(l), nil)
		c.codes, c.checks = append(c.codes, o.Code), append(c.checks, ch)
		grid.Add(ch)
	}
	c.content = grid
	return c
}

// set ticks exactly the given codes.
func (c *checkSet) set(codes []string) {
	for i, ch := range c.checks {
		ch.SetChecked(slices.Contains(codes, c.codes[i]))
	}
}

// get is the ticked codes in vocabulary order.
func (c *checkSet) get() data.List[string] {
	var out data.List[string]
	for i, ch := range c.checks {
		if ch.Checked {
			out = append(out, c.codes[i])
		}
	}
	return out
}

// check returns the box labelled text, for tests.
func (c *checkSet) check(text string) *widget.Check {
	for _, ch := range c.checks {
		if ch.Text == text {
			return ch
		}
	}
	return nil
}
