package app

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/check"
)

// checkPanel is the Periksa Netralitas section of the Konten form. The
// check runs when a stored draft is shown (so after every save), before a
// submission, and whenever the user taps the button; it reads what the
// form holds, with the pictures stored for the draft. Each finding shows
// its rule, severity and field, the matched text highlighted in its
// sentence, what was found and why it matters (docs/NETRALITAS.md).
//
// The check runs on the main goroutine: it takes about 8 ms for a body at
// the 60,000-character limit and 27 ms for one made only of findings
// (data/check benchmarks), and a press release is a few thousand
// characters. Running it in place keeps the findings a submission counts
// exactly those the user sees.
type checkPanel struct {
	u        *UI
	form     *draftForm
	today    func() data.Date // the date of content without a planned date; tests fix it
	btn      *widget.Button
	summary  *widget.Label
	list     *fyne.Container
	content  fyne.CanvasObject
	checked  bool            // the findings are of a check (not reset since)
	in       check.Input     // what was checked: the texts the findings point into
	findings []check.Finding // of the last check
	views    []*findingView  // one per finding, for tests
}

// findingView is one finding as the panel shows it.
type findingView struct {
	f       check.Finding
	head    *widget.Label
	context *widget.RichText // the match in its sentence, highlighted
	message *widget.Label
	why     *widget.Label
	content fyne.CanvasObject
}

func newCheckPanel(u *UI, form *draftForm) *checkPanel {
	c := &checkPanel{u: u, form: form, today: data.Today, summary: widget.NewLabel(""), list: container.NewVBox()}
	c.summary.Wrapping = fyne.TextWrapWord
	c.btn = widget.NewButtonWithIcon(lang.L("Check neutrality"), theme.SearchIcon(), func() { c.run() })
	note := widget.NewLabel(lang.L("The checker looks for words and patterns; it helps the reviewer and does not replace their judgement."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	c.content = widget.NewCard(lang.L("Neutrality check"), "",
		container.NewVBox(container.NewHBox(c.btn), c.summary, c.list, note))
	c.reset()
	return c
}

// reset forgets the findings: the form shows a draft not checked yet.
func (c *checkPanel) reset() {
	c.checked, c.findings, c.views, c.in = false, nil, nil, check.Input{}
	c.list.RemoveAll()
	c.summary.Importance = widget.MediumImportance
	c.summary.SetText(lang.L("The check runs when the content is saved and before it is submitted."))
}

// run checks what the form holds, shows the findings and returns them.
func (c *checkPanel) run() []check.Finding {
	d := c.form.snapshot()
	var photos []data.Photo
	if d.ID != "" {
		var err error
		photos, err = c.u.store.DraftPhotos(c.u.ctx(), d.ID)
		if err != nil {
			c.u.showError(lang.L("Could not read the photos"), err)
		}
	}
	cfg, cfgErr := c.u.checkConfig()
	c.in = check.FromDraft(&d, photos)
	c.findings = check.Check(c.in, cfg, c.today())
	c.checked = true
	c.show(cfgErr)
	return c.findings
}

// show lists the findings of the last check.
func (c *checkPanel) show(cfgErr error) {
	c.list.RemoveAll()
	c.views = nil
	n := len(c.findings)
	switch {
	case n == 0:
		c.summary.Importance = widget.SuccessImportance
		c.summary.Text = lang.L("No findings.")
	default:
		c.summary.Importance = widget.WarningImportance
		c.summary.Text = lang.L("{{.Count}} findings to look at. The content can still be saved; submitting it needs a reason for going ahead.",
			map[string]any{"Count": n})
	}
	if cfgErr != nil {
		c.summary.Text += "\n" + lang.L("The neutrality settings could not be read, so the shipped lists were used: {{.Error}}",
			map[string]any{"Error": cfgErr.Error()})
	}
	c.summary.Refresh()
	for i, f := range c.findings {
		if i > 0 {
			c.list.Add(widget.NewSeparator())
		}
		v := c.newFindingView(f)
		c.views = append(c.views, v)
		c.list.Add(v.content)
	}
}

func (c *checkPanel) newFindingView(f check.Finding) *findingView {
	l := c.u.lang
	v := &findingView{f: f}
	v.head = widget.NewLabel(check.Rules.Label(f.Rule, l) + " · " + check.Severities.Label(f.Severity, l) + " · " + findingWhere(f, l))
	v.head.TextStyle.Bold = true
	v.head.Wrapping = fyne.TextWrapWord
	v.head.Importance = widget.WarningImportance
	if f.Severity == check.SeverityHigh {
		v.head.Importance = widget.DangerImportance
	}
	before, match, after := matchContext(c.fieldText(f), f.Start, f.End)
	v.context = widget.NewRichText(
		&widget.TextSegment{Text: before, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: match, Style: highlightStyle},
		&widget.TextSegment{Text: after, Style: widget.RichTextStyleInline},
	)
	v.context.Wrapping = fyne.TextWrapWord
	v.message = widget.NewLabel(f.Message.In(l))
	v.message.Wrapping = fyne.TextWrapWord
	v.why = widget.NewLabel(lang.L("Why it matters: {{.Why}}", map[string]any{"Why": f.Why.In(l)}))
	v.why.Wrapping = fyne.TextWrapWord
	v.why.TextStyle.Italic = true
	objs := []fyne.CanvasObject{v.head, v.context, v.message}
	if f.Why.In(l) != "" {
		objs = append(objs, v.why)
	}
	v.content = container.NewVBox(objs...)
	return v
}

// highlightStyle marks the matched text of a finding: bold, in the
// theme's error colour.
var highlightStyle = widget.RichTextStyle{ColorName: theme.ColorNameError, Inline: true,
	SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}

// findingWhere names the field of a finding: "Judul", "Isi", "Foto 2".
func findingWhere(f check.Finding, l data.Lang) string {
	switch f.Field {
	case check.FieldTitle:
		return data.LabelTitle.In(l)
	case check.FieldPhoto:
		return data.LabelPhoto.In(l) + " " + strconv.Itoa(f.Photo)
	}
	return data.LabelBody.In(l)
}

// fieldText is the text a finding's offsets point into.
func (c *checkPanel) fieldText(f check.Finding) string {
	switch f.Field {
	case check.FieldTitle:
		return c.in.Title
	case check.FieldBody:
		return c.in.Body
	case check.FieldPhoto:
		if f.Photo >= 1 && f.Photo <= len(c.in.Photos) {
			return c.in.Photos[f.Photo-1].Caption
		}
	}
	return ""
}

// contextBytes is about how much text is shown on each side of a match.
const contextBytes = 90

// matchContext splits the text around text[start:end] into what comes
// before (at most about contextBytes, starting at a word, "…" where
// cut), the match, and what follows, with line breaks shown as spaces.
func matchContext(text string, start, end int) (before, match, after string) {
	start = min(max(start, 0), len(text))
	end = min(max(end, start), len(text))
	from := max(start-contextBytes, 0)
	for from > 0 && from < start && !utf8.RuneStart(text[from]) {
		from++
	}
	before = text[from:start]
	if from > 0 {
		if i := strings.IndexAny(before, " \n\t"); i >= 0 && i < len(before)-1 {
			before = before[i+1:]
		}
		before = "…" + before
	}
	to := min(end+contextBytes, len(text))
	for to < len(text) && to > end && !utf8.RuneStart(text[to]) {
		to--
	}
	after = text[end:to]
	if to < len(text) {
		if i := strings.LastIndexAny(after, " \n\t"); i > 0 {
			after = after[:i]
		}
		after += "…"
	}
	before, after = flatten(before), flatten(after)
	before = strings.Replace(before, "… ", "…", 1)
	return before, flatten(text[start:end]), after
}

// flatten writes line breaks and runs of white space as one space, so
// that a match's context reads as one line of text.
func flatten(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// checkConfig reads the office's configuration of the checker.
func (u *UI) checkConfig() (check.Config, error) { return u.store.CheckConfig(u.ctx()) }
