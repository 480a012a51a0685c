package kit

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

// FieldMsg is an error to show under one field, keyed like
// data.FieldError.Field.
type FieldMsg struct {
	Key  string
	Text string
}

// ValidationMsgs turns the store's validation errors into messages in l,
// such as "Nama wajib diisi".
func ValidationMsgs(ve data.ValidationError, l data.Lang) []FieldMsg {
	out := make([]FieldMsg, len(ve))
	for i, e := range ve {
		out[i] = FieldMsg{e.Field, e.Text(l)}
	}
	return out
}

// FieldSet is a form whose fields can each show an error underneath,
// found by the same key the domain's Validate uses. Every record form in
// the app is one, so errors look and behave the same everywhere.
type FieldSet struct {
	L       data.Lang // the language of the labels and messages
	Form    *widget.Form
	errs    map[string]*widget.Label
	General *widget.Label // errors for keys that have no field of their own
	Content fyne.CanvasObject
}

func NewFieldSet(l data.Lang) *FieldSet {
	f := &FieldSet{L: l, Form: widget.NewForm(), errs: map[string]*widget.Label{}}
	f.General = ErrorLabel()
	f.Content = container.NewVBox(f.General, f.Form)
	return f
}

func ErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// Add puts a field labelled in the domain's words under key.
func (f *FieldSet) Add(key string, label data.Text, obj fyne.CanvasObject) {
	f.AddNamed(key, label.In(f.L), obj)
}

// AddNamed puts a field with a label of the UI's own under key.
func (f *FieldSet) AddNamed(key, label string, obj fyne.CanvasObject) {
	e := ErrorLabel()
	f.errs[key] = e
	f.Form.Append(label, container.NewVBox(obj, e))
}

// Show puts each message under its field, clearing earlier ones.
func (f *FieldSet) Show(msgs []FieldMsg) {
	f.Clear()
	var general []string
	for _, m := range msgs {
		e, ok := f.errs[m.Key]
		if !ok {
			general = append(general, m.Text)
			continue
		}
		if e.Text != "" { // two rules broken: show both
			e.SetText(e.Text + "\n" + m.Text)
		} else {
			e.SetText(m.Text)
		}
		e.Show()
	}
	if len(general) > 0 {
		f.General.SetText(strings.Join(general, "\n"))
		f.General.Show()
	}
}

// Clear hides every error.
func (f *FieldSet) Clear() {
	for _, e := range f.errs {
		e.SetText("")
		e.Hide()
	}
	f.General.SetText("")
	f.General.Hide()
}

// ErrorText is the error shown under key, or "" (for tests and for
// showing keys that have no field).
func (f *FieldSet) ErrorText(key string) string {
	if e, ok := f.errs[key]; ok && e.Visible() {
		return e.Text
	}
	return ""
}

// Choice is a Select over a vocabulary that speaks codes to the program
// and labels in the user's language to the user.
type Choice struct {
	*widget.Select
	codes []string
}

// NewChoice makes a choice of v's labels. With all set, the first option
// is "all" (code ""), for filters.
func NewChoice(v data.Vocabulary, l data.Lang, all string, changed func(code string)) *Choice {
	c := &Choice{}
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
		c.OnChanged = func(string) { changed(c.Code()) }
	}
	return c
}

// Code is the selected code, "" for none or "all".
func (c *Choice) Code() string {
	i := c.SelectedIndex()
	if i < 0 || i >= len(c.codes) {
		return ""
	}
	return c.codes[i]
}

// SetCode selects code; an empty or unknown code clears the choice so
// that the form shows that nothing valid is chosen.
func (c *Choice) SetCode(code string) {
	for i, k := range c.codes {
		if k == code && (code != "" || i == 0) {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// StrategyVocabulary lists the eight Bakohumas strategies as a vocabulary
// whose codes are their numbers and whose labels start with them.
func StrategyVocabulary() data.Vocabulary {
	v := make(data.Vocabulary, len(data.Strategies))
	for i, s := range data.Strategies {
		n := strconv.Itoa(s.Number)
		v[i] = data.Option{Code: n, Label: data.Text{ID: n + ". " + s.Label.ID, EN: n + ". " + s.Label.EN}}
	}
	return v
}

// IntField reads a whole number typed by the user; empty means 0. A
// number that does not parse is reported under key, never panicked on.
func IntField(e *widget.Entry, key string, label data.Text, l data.Lang, msgs *[]FieldMsg) int {
	s := strings.ReplaceAll(strings.TrimSpace(e.Text), ".", "") // "1.500" is how Indonesians write 1500
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		*msgs = append(*msgs, FieldMsg{key, lang.L("{{.Field}} must be a whole number", map[string]any{"Field": label.In(l)})})
	}
	return n
}

// IntText shows a number for editing; 0 shows as empty so that the
// placeholder explains the field.
func IntText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// Lines splits a multi-line entry into its non-empty lines.
func Lines(s string) data.List[string] {
	var out data.List[string]
	for _, ln := range strings.Split(s, "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

func NewMultiLine(rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// CheckSet offers the codes of a vocabulary as check boxes in columns.
// widget.CheckGroup lays its boxes in a single row or column, which is
// too long for the eleven publication channels.
type CheckSet struct {
	codes   []string
	checks  []*widget.Check
	Content fyne.CanvasObject
}

func NewCheckSet(v data.Vocabulary, l data.Lang, cols int) *CheckSet {
	c := &CheckSet{}
	grid := container.NewGridWithColumns(cols)
	for _, o := range v {
		ch := widget.NewCheck(o.Label.In(l), nil)
		c.codes, c.checks = append(c.codes, o.Code), append(c.checks, ch)
		grid.Add(ch)
	}
	c.Content = grid
	return c
}

// Set ticks exactly the given codes.
func (c *CheckSet) Set(codes []string) {
	for i, ch := range c.checks {
		ch.SetChecked(slices.Contains(codes, c.codes[i]))
	}
}

// Get is the ticked codes in vocabulary order.
func (c *CheckSet) Get() data.List[string] {
	var out data.List[string]
	for i, ch := range c.checks {
		if ch.Checked {
			out = append(out, c.codes[i])
		}
	}
	return out
}

// Check returns the box labelled text, for tests.
func (c *CheckSet) Check(text string) *widget.Check {
	for _, ch := range c.checks {
		if ch.Text == text {
			return ch
		}
	}
	return nil
}
