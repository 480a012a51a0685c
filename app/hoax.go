package app

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Hoaks: the hoax-clarification register. Its cases are listed and edited
// by the generic browser (browser.go), newest found first, the open ones
// highlighted; beside the list, the summary per quarter of a year counts
// them the way the quarterly report prints them (hoaxsummary.go).
//
// The register is small (tens of cases a year), so the list reads the
// cases of the period asked for and filters and orders them here rather
// than through a paged store query; the found day, which decides the
// period, is a local day the store works out (store.HoaxesBetween).

// hoaxView is the Hoaks view: the register and its summary.
type hoaxView struct {
	u       *UI
	cases   *kit.Browser[data.Hoax, *data.Hoax]
	form    *hoaxForm
	summary *hoaxSummary
	tabs    *container.AppTabs
	content fyne.CanvasObject
}

func newHoaxView(u *UI) *hoaxView {
	v := &hoaxView{u: u, form: newHoaxForm(u)}
	v.cases = kit.NewBrowser(kitHost{u}, hoaxKind(u), kit.Editor[data.Hoax](v.form))
	v.summary = newHoaxSummary(u)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Cases"), theme.ListIcon(), v.cases.Content),
		container.NewTabItemWithIcon(lang.L("Summary per quarter"), theme.InfoIcon(), v.summary.content),
	)
	v.tabs.OnSelected = func(ti *container.TabItem) {
		if ti.Content == v.summary.content {
			v.summary.refresh()
		}
	}
	v.content = v.tabs
	return v
}

// shown follows the view being shown: publishing a clarification in
// Konten closes the cases it answers, so the register reads again.
func (v *hoaxView) Shown() {
	v.cases.Reload()
	if v.tabs.Selected() != nil && v.tabs.Selected().Content == v.summary.content {
		v.summary.refresh()
	}
}

// showOpen shows the register's open cases (Beranda links here).
func (u *UI) showOpenHoaxes() {
	v := u.hoaxes
	u.selectView(v.content)
	v.tabs.SelectIndex(0)
	if c, ok := v.cases.Bar.ByKey["state"].(*kit.Choice); ok {
		c.SetCode(hoaxOpen)
	}
}

// The states the register's list filters by (store.Filter.Status).
const (
	hoaxOpen      = "open"
	hoaxClarified = "clarified"
)

var hoaxStates = data.Vocabulary{
	{Code: hoaxOpen, Label: data.Text{ID: "Belum diklarifikasi", EN: "Not clarified yet"}},
	{Code: hoaxClarified, Label: data.Text{ID: "Sudah diklarifikasi", EN: "Clarified"}},
}

// hoaxKind describes the register's cases to the browser. The filter's
// Kind is the platform, Status the state, From and To the found day.
func hoaxKind(u *UI) kit.Kind[data.Hoax] {
	l := u.lang
	return kit.Kind[data.Hoax]{
		StoreKind: store.KindHoax,
		NewTitle:  lang.L("New hoax case"),
		EditTitle: lang.L("Edit hoax case"),
		ViewTitle: lang.L("Hoax case"),
		Columns: []kit.Column[data.Hoax]{
			{Title: data.LabelClaim.In(l), Width: 240, Text: func(h *data.Hoax) string { return strings.Join(strings.Fields(h.Claim), " ") }},
			{Title: data.LabelHoaxPlatform.In(l), Width: 110, Text: func(h *data.Hoax) string { return data.HoaxPlatforms.Label(h.Platform, l) }},
			{Title: lang.L("Found"), Width: 170, Text: func(h *data.Hoax) string { return momentText(h.FoundAt, l) }},
			{Title: lang.L("Clarified"), Width: 170, Text: func(h *data.Hoax) string {
				if h.ClarifiedAt == nil {
					return lang.L("Not yet")
				}
				return momentText(*h.ClarifiedAt, l)
			}},
			{Title: lang.L("Time to clarify (hours)"), Width: 130, Text: func(h *data.Hoax) string { return clarifyText(h) }},
		},
		RowImportance: func(h *data.Hoax) widget.Importance {
			if h.Clarified() {
				return widget.MediumImportance
			}
			return widget.WarningImportance
		},
		Count: func(ctx context.Context, f store.Filter, offices []string) (int, error) {
			cases, err := hoaxList(ctx, u.store, f, offices)
			return len(cases), err
		},
		Page: func(ctx context.Context, f store.Filter, offices []string, offset, limit int) ([]data.Hoax, error) {
			cases, err := hoaxList(ctx, u.store, f, offices)
			if err != nil || offset >= len(cases) {
				return nil, err
			}
			return cases[offset:min(offset+limit, len(cases))], nil
		},
		Load: u.store.Hoax,
		Save: u.store.SaveHoax,
		Blank: func() data.Hoax {
			return data.Hoax{FoundAt: time.Now().Truncate(time.Minute)}
		},
		Filters: func(bar *kit.FilterBar, set func(func(*store.Filter))) {
			bar.Add("state", kit.NewChoice(hoaxStates, l, lang.L("All cases"), func(code string) {
				set(func(f *store.Filter) { f.Status = code })
			}))
			bar.Add("platform", kit.NewChoice(data.HoaxPlatforms, l, lang.L("All platforms"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
			addDateRange(bar, l, set)
		},
	}
}

// hoaxList is the register's cases that f asks for, newest found first.
// It may run off the main goroutine (browser.load), so it reads the store
// only, never the window's state.
func hoaxList(ctx context.Context, st *store.Store, f store.Filter, offices []string) ([]data.Hoax, error) {
	ids := offices
	if len(ids) == 0 {
		if f.OfficeID != "" {
			ids = []string{f.OfficeID}
		} else { // every office the database holds
			all, err := st.Offices(ctx)
			if err != nil {
				return nil, err
			}
			for _, o := range all {
				ids = append(ids, o.ID)
			}
		}
	}
	cases, err := st.HoaxesBetween(ctx, ids, f.From, f.To)
	if err != nil {
		return nil, err
	}
	words := strings.Fields(strings.ToLower(f.Query))
	out := cases[:0]
	for _, h := range cases {
		if f.Kind != "" && h.Platform != f.Kind {
			continue
		}
		if (f.Status == hoaxOpen && h.Clarified()) || (f.Status == hoaxClarified && !h.Clarified()) {
			continue
		}
		hay := strings.ToLower(h.Claim + " " + h.Link + " " + h.Notes)
		match := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				match = false
				break
			}
		}
		if match {
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b data.Hoax) int {
		if c := b.FoundAt.Compare(a.FoundAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return out, nil
}

// momentText is "12 November 2024 08.10" in the machine's zone.
func momentText(t time.Time, l data.Lang) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(time.Local)
	d := data.DateOf(t)
	if l == data.LangEN {
		return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year) + " " + iddate.Clock(t)
	}
	return iddate.Medium(d) + " " + iddate.Clock(t)
}

// clarifyText is a case's time to clarify in hours ("7,5"), or "–".
func clarifyText(h *data.Hoax) string {
	d, ok := workflow.TimeToClarify(h)
	if !ok {
		return "–"
	}
	return workflow.FormatHours(workflow.Hours(d))
}

// hoaxForm edits one case.
type hoaxForm struct {
	u         *UI
	f         *kit.FieldSet
	claim     *widget.Entry
	platform  *kit.Choice
	link      *widget.Entry
	foundDate *kit.DateField
	foundTime *widget.Entry
	draft     *clarificationPicker
	clarDate  *kit.DateField
	clarTime  *widget.Entry
	took      *widget.Label // the time to clarify of what the form holds
	notes     *widget.Entry
}

func newHoaxForm(u *UI) *hoaxForm {
	l := u.lang
	h := &hoaxForm{u: u, f: kit.NewFieldSet(l), claim: kit.NewMultiLine(3), platform: kit.NewChoice(data.HoaxPlatforms, l, "", nil),
		link: widget.NewEntry(), foundDate: kit.NewDateField(l, false), foundTime: widget.NewEntry(),
		clarDate: kit.NewDateField(l, false), clarTime: widget.NewEntry(), took: widget.NewLabel(""), notes: kit.NewMultiLine(3)}
	h.draft = newClarificationPicker(u)
	h.link.SetPlaceHolder("https://…")
	for _, e := range []*widget.Entry{h.foundTime, h.clarTime} {
		e.SetPlaceHolder(lang.L("time, e.g. 15.40"))
		e.OnChanged = func(string) { h.updateTook() }
	}
	h.foundDate.Changed, h.clarDate.Changed = h.updateTook, h.updateTook
	h.took.TextStyle.Bold = true
	h.f.Add("claim", data.LabelClaim, h.claim)
	h.f.Add("platform", data.LabelHoaxPlatform, h.platform)
	h.f.Add("link", data.LabelHoaxLink, h.link)
	h.f.Add("found_at", data.LabelFoundAt, moment(h.foundDate, h.foundTime))
	h.f.Add("draft_id", data.LabelClarification, h.draft.content)
	h.f.Add("clarified_at", data.LabelClarifiedAt, moment(h.clarDate, h.clarTime))
	h.f.AddNamed("took", lang.L("Time to clarify"), h.took)
	h.f.Add("notes", data.LabelNotes, h.notes)
	return h
}

// moment lays a date field and its time side by side.
func moment(d *kit.DateField, t *widget.Entry) fyne.CanvasObject {
	row := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(110, t.MinSize().Height), t), d.Content)
	return row
}

func (h *hoaxForm) Fields() *kit.FieldSet { return h.f }

func (h *hoaxForm) Fill(r *data.Hoax) {
	h.claim.SetText(r.Claim)
	h.platform.SetCode(r.Platform)
	h.link.SetText(r.Link)
	setMoment(h.foundDate, h.foundTime, r.FoundAt)
	h.draft.set(r.DraftID)
	var clar time.Time
	if r.ClarifiedAt != nil {
		clar = *r.ClarifiedAt
	}
	setMoment(h.clarDate, h.clarTime, clar)
	h.notes.SetText(r.Notes)
	h.updateTook()
}

func setMoment(d *kit.DateField, clock *widget.Entry, t time.Time) {
	if t.IsZero() {
		d.SetDate(data.Date{})
		clock.SetText("")
		return
	}
	t = t.In(time.Local)
	d.SetDate(data.DateOf(t))
	clock.SetText(iddate.Clock(t))
}

func (h *hoaxForm) Read(r *data.Hoax) []kit.FieldMsg {
	var msgs []kit.FieldMsg
	r.Claim = h.claim.Text
	r.Platform = h.platform.Code()
	r.Link = h.link.Text
	r.FoundAt = readMoment(h.foundDate, h.foundTime, "found_at", data.LabelFoundAt, h.u.lang, &msgs)
	r.DraftID = h.draft.id
	r.ClarifiedAt = nil
	if t := readMoment(h.clarDate, h.clarTime, "clarified_at", data.LabelClarifiedAt, h.u.lang, &msgs); !t.IsZero() {
		r.ClarifiedAt = &t
	}
	r.Notes = h.notes.Text
	return msgs
}

// updateTook shows the time to clarify of what the form holds, as the
// list will once saved.
func (h *hoaxForm) updateTook() {
	var msgs []kit.FieldMsg
	found := readMoment(h.foundDate, h.foundTime, "", data.LabelFoundAt, h.u.lang, &msgs)
	clar := readMoment(h.clarDate, h.clarTime, "", data.LabelClarifiedAt, h.u.lang, &msgs)
	switch {
	case len(msgs) > 0 || found.IsZero():
		h.took.SetText("–")
	case clar.IsZero():
		h.took.SetText(lang.L("Not clarified yet"))
	case clar.Before(found):
		h.took.SetText("–")
	default:
		h.took.SetText(lang.L("{{.Hours}} hours", map[string]any{"Hours": workflow.FormatHours(clar.Sub(found).Hours())}))
	}
}

// readMoment reads a date and a time of day in the machine's zone. Both
// empty is no time; a date wants its time and a time its date, so that a
// time to clarify is never counted from a guessed hour.
func readMoment(d *kit.DateField, clock *widget.Entry, key string, label data.Text, l data.Lang, msgs *[]kit.FieldMsg) time.Time {
	day := d.Read(key, label, msgs)
	text := strings.TrimSpace(clock.Text)
	field := map[string]any{"Field": label.In(l)}
	switch {
	case day.IsZero() && text == "":
		return time.Time{}
	case day.IsZero():
		if dd, ok := d.Date(); ok && dd.IsZero() {
			*msgs = append(*msgs, kit.FieldMsg{Key: key, Text: lang.L("{{.Field}}: enter the date as well", field)})
		}
		return time.Time{}
	case text == "":
		*msgs = append(*msgs, kit.FieldMsg{Key: key, Text: lang.L("{{.Field}}: enter the time as well (e.g. 15.40)", field)})
		return time.Time{}
	}
	hh, mm, ok := hoaxClock(text)
	if !ok {
		*msgs = append(*msgs, kit.FieldMsg{Key: key, Text: lang.L("{{.Field}} has a time that is not one (e.g. 15.40)", field)})
		return time.Time{}
	}
	return time.Date(day.Year, day.Month, day.Day, hh, mm, 0, 0, time.Local)
}

// hoaxClock reads a time of day as offices write it: "15.40", "15:40",
// "9.05", "9".
func hoaxClock(s string) (hour, minute int, ok bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "wib"))
	hs, ms, found := strings.Cut(strings.ReplaceAll(s, ":", "."), ".")
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 23 || len(hs) > 2 {
		return 0, 0, false
	}
	m := 0
	if found {
		if len(ms) != 2 {
			return 0, 0, false
		}
		if m, err = strconv.Atoi(ms); err != nil || m < 0 || m > 59 {
			return 0, 0, false
		}
	}
	return h, m, true
}

// clarificationPicker chooses the case's clarification among the
// office's drafts of kind klarifikasi_hoaks, by searching their titles.
// With none chosen it offers the latest few.
type clarificationPicker struct {
	u         *UI
	id        string
	chosen    *widget.Label
	openBtn   *widget.Button
	clearBtn  *widget.Button
	chosenRow *fyne.Container
	search    *widget.Entry
	results   *fyne.Container
	content   fyne.CanvasObject
}

// clarificationKind is the draft kind a clarification is written as.
const clarificationKind = "klarifikasi_hoaks"

func newClarificationPicker(u *UI) *clarificationPicker {
	p := &clarificationPicker{u: u, chosen: widget.NewLabel(""), search: widget.NewEntry(), results: container.NewVBox()}
	p.chosen.Wrapping = fyne.TextWrapWord
	p.openBtn = widget.NewButtonWithIcon("", theme.DocumentIcon(), func() {
		if p.id != "" {
			u.openDraft(p.id)
		}
	})
	p.clearBtn = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { p.set("") })
	p.openBtn.Importance, p.clearBtn.Importance = widget.LowImportance, widget.LowImportance
	p.chosenRow = container.NewBorder(nil, nil, nil, container.NewHBox(p.openBtn, p.clearBtn), p.chosen)
	p.search.SetPlaceHolder(lang.L("Search hoax clarifications by title…"))
	p.search.OnChanged = func(string) { p.find() }
	p.content = container.NewVBox(p.chosenRow, p.search, p.results)
	return p
}

// set shows the draft with id as chosen ("" for none).
func (p *clarificationPicker) set(id string) {
	p.id = id
	if id == "" {
		p.chosenRow.Hide()
	} else {
		p.chosen.SetText(p.describe(id))
		p.chosenRow.Show()
	}
	p.search.SetText("") // also lists the results again
	p.find()
}

// describe is "Title (Terbit, 12 November 2024)".
func (p *clarificationPicker) describe(id string) string {
	d, err := p.u.store.Draft(p.u.ctx(), id)
	if err != nil {
		return lang.L("(deleted)")
	}
	return p.label(d)
}

func (p *clarificationPicker) label(d *data.Draft) string {
	title := []rune(d.Title)
	if len(title) > 70 {
		title = append(title[:69], '…')
	}
	return string(title) + " (" + data.DraftStatuses.Label(d.Status, p.u.lang) + ", " + iddate.Format(d.CalendarDay(), p.u.lang) + ")"
}

func (p *clarificationPicker) find() {
	p.results.RemoveAll()
	q := strings.TrimSpace(p.search.Text)
	if q == "" && p.id != "" {
		return
	}
	n := pickerResults
	if q == "" {
		n = 3
	}
	found, err := p.u.store.Drafts(p.u.ctx(), store.Filter{OfficeID: p.u.officeID, Kind: clarificationKind, Query: q}, 0, n)
	if err != nil {
		p.u.showError(lang.L("Could not search content"), err)
		return
	}
	// A title may be long: it is cut to the form's width rather than
	// widening the form (and with it the window).
	for _, d := range found {
		l := widget.NewLabel(p.label(&d))
		l.Truncation = fyne.TextTruncateEllipsis
		b := widget.NewButtonWithIcon(lang.L("Choose"), theme.ContentAddIcon(), func() { p.set(d.ID) })
		b.Importance = widget.LowImportance
		p.results.Add(container.NewBorder(nil, nil, nil, b, l))
	}
	if len(found) == 0 {
		text := lang.L("No hoax clarification matches")
		if q == "" {
			text = lang.L("This office has no hoax clarification content yet")
		}
		p.results.Add(widget.NewLabel(text))
	}
}

// result returns the button that chooses the result whose text starts
// with title, for tests.
func (p *clarificationPicker) result(title string) *widget.Button {
	for _, o := range p.results.Objects {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) < 2 {
			continue
		}
		l, okL := row.Objects[0].(*widget.Label)
		b, okB := row.Objects[1].(*widget.Button)
		if okL && okB && strings.HasPrefix(l.Text, title) {
			return b
		}
	}
	return nil
}
