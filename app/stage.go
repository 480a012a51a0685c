package app

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// stageManager is the Tahapan dialog of the Agenda: the office's stages
// (the shipped election stages, marked as such, and its own events) in a
// list, and a form to add, correct or delete them. The shipped stages are
// the office's own copy (store.SeedStages), so correcting one changes it
// for this office only, and from then on it syncs like any record.
type stageManager struct {
	u        *UI
	onChange func()    // told after a save or delete
	around   data.Date // the list opens at the stages of this day (the month the Agenda shows)

	all      []data.Stage // every live stage of the office, by start
	shown    []data.Stage // those the search keeps
	shipped  map[string]bool
	search   *widget.Entry
	list     *widget.List
	selected int

	f         *kit.FieldSet
	name      *widget.Entry
	key       *widget.Entry
	category  *kit.Choice
	start     *kit.DateField
	end       *kit.DateField
	election  *widget.SelectEntry
	source    *widget.Entry
	notes     *widget.Entry
	current   data.Stage
	formTitle *widget.Label
	origin    *widget.Label // "Tahapan bawaan …" or nothing
	status    *widget.Label
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	newBtn    *widget.Button

	dlg     *dialog.CustomDialog
	content fyne.CanvasObject
}

func newStageManager(u *UI, onChange func()) *stageManager {
	l := u.lang
	m := &stageManager{u: u, onChange: onChange, selected: -1, f: kit.NewFieldSet(l),
		name: widget.NewEntry(), key: widget.NewEntry(), category: kit.NewChoice(data.StageCategories, l, "", nil),
		start: kit.NewDateField(l, false), end: kit.NewDateField(l, false), election: widget.NewSelectEntry(nil),
		source: widget.NewEntry(), notes: kit.NewMultiLine(3), search: widget.NewEntry()}
	m.key.SetPlaceHolder(lang.L("e.g. hut_kabupaten (optional)"))
	m.election.SetPlaceHolder(lang.L("e.g. Pilkada 2024 (empty for other events)"))
	m.source.SetPlaceHolder(lang.L("e.g. PKPU 2/2024"))
	m.f.Add("name", data.LabelStageName, m.name)
	m.f.Add("category", data.LabelStageCategory, m.category)
	m.f.Add("start", data.LabelStageStart, m.start.Content)
	m.f.Add("end", data.LabelStageEnd, m.end.Content)
	m.f.Add("election", data.LabelElection, m.election)
	m.f.Add("key", data.LabelStageKey, m.key)
	m.f.Add("source", data.LabelStageSource, m.source)
	m.f.Add("notes", data.LabelNotes, m.notes)

	m.formTitle = widget.NewLabel("")
	m.formTitle.TextStyle.Bold = true
	m.origin = widget.NewLabel("")
	m.origin.Wrapping = fyne.TextWrapWord
	m.origin.TextStyle.Italic = true
	m.status = widget.NewLabel("")
	m.saveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), m.save)
	m.saveBtn.Importance = widget.HighImportance
	m.deleteBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), m.confirmDelete)
	m.deleteBtn.Importance = widget.DangerImportance
	m.newBtn = widget.NewButtonWithIcon(lang.L("New stage"), theme.ContentAddIcon(), func() { m.u.askLeave(m, m.openNew, nil) })
	m.newBtn.Importance = widget.HighImportance

	m.search.SetPlaceHolder(lang.L("Search stages…"))
	m.search.OnChanged = func(string) { m.filter() }
	m.buildList()
	left := container.NewBorder(container.NewBorder(nil, nil, nil, m.newBtn, m.search), nil, nil, nil, m.list)
	right := container.NewBorder(container.NewVBox(m.formTitle, m.origin), container.NewBorder(nil, nil, nil,
		container.NewHBox(m.saveBtn, m.deleteBtn, u.historyButton(m)), m.status), nil, nil, container.NewVScroll(m.f.Content))
	split := container.NewHSplit(left, right)
	split.Offset = 0.45
	m.content = split
	return m
}

func (m *stageManager) buildList() {
	m.list = widget.NewList(
		func() int { return len(m.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.SizeName = theme.SizeNameCaptionText
			band := newChip("", nil)
			return container.NewBorder(nil, nil, band, nil, container.New(layout.NewCustomPaddedVBoxLayout(0), name, sub))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(m.shown) {
				return
			}
			st := &m.shown[id]
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container)
			band := c.Objects[1].(*chip)
			col := stageColor(st)
			band.fill = func() color.Color { return col }
			band.Refresh()
			texts.Objects[0].(*widget.Label).SetText(m.rowTitle(st))
			texts.Objects[1].(*widget.Label).SetText(m.rowDetail(st))
		})
	m.list.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(m.shown) || id == m.selected {
			return
		}
		// Leaving unsaved changes asks first; staying selects the row
		// being edited again (which the check above lets through).
		m.u.askLeave(m, func() {
			m.selected = id
			m.Fill(m.shown[id])
		}, func() {
			if m.selected >= 0 {
				m.list.Select(m.selected)
			} else {
				m.list.UnselectAll()
			}
		})
	}
}

// rowTitle is a stage's name.
func (m *stageManager) rowTitle(st *data.Stage) string { return st.Name }

// rowDetail is "25 September – 23 November 2024 · Pilkada 2024 · bawaan":
// the period, the election (or the category) and, for a stage that
// shipped with the app, a mark that says so.
func (m *stageManager) rowDetail(st *data.Stage) string {
	parts := []string{dayRange(st.Start, st.End, m.u.lang)}
	if st.Election != "" {
		parts = append(parts, st.Election)
	} else {
		parts = append(parts, data.StageCategories.Label(st.Category, m.u.lang))
	}
	if m.isShipped(st) {
		parts = append(parts, lang.L("built in"))
	}
	return strings.Join(parts, " · ")
}

// isShipped reports whether a stage is the office's copy of one that
// shipped with the app (workflow.DefaultStages), edited or not: its id is
// the one SeedStages gave it, or it still carries a shipped election and
// key.
func (m *stageManager) isShipped(st *data.Stage) bool {
	return m.shipped[st.ID] || m.shipped[st.Election+"\x00"+st.Key]
}

// load reads the office's stages again.
func (m *stageManager) load() bool {
	all, err := m.u.store.Stages(m.u.ctx(), data.Date{}, data.Date{})
	if err != nil {
		m.u.showError(lang.L("Could not read the stages"), err)
		return false
	}
	m.all = all
	m.shipped = map[string]bool{}
	elections := map[string]bool{}
	for _, d := range workflow.DefaultStages() {
		m.shipped[workflow.StageID(m.u.officeID, d.Election, d.Key)] = true
		m.shipped[d.Election+"\x00"+d.Key] = true
		elections[d.Election] = true
	}
	for _, st := range all {
		if st.Election != "" {
			elections[st.Election] = true
		}
	}
	var opts []string
	for e := range elections {
		opts = append(opts, e)
	}
	slices.Sort(opts)
	m.election.SetOptions(opts)
	m.filter()
	return true
}

// filter keeps the stages whose name, election or key hold every word
// of the search.
func (m *stageManager) filter() {
	words := strings.Fields(strings.ToLower(m.search.Text))
	m.shown = m.shown[:0:0]
	for _, st := range m.all {
		hay := strings.ToLower(st.Name + " " + st.Election + " " + st.Key + " " + st.Notes)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			m.shown = append(m.shown, st)
		}
	}
	m.selected = -1
	m.list.UnselectAll()
	m.list.Refresh()
}

// show opens the dialog with st in the form, or a new stage.
func (m *stageManager) show(st *data.Stage) {
	if !m.load() {
		return
	}
	closeBtn := widget.NewButton(lang.L("Close"), func() { m.u.askLeave(m, m.dlg.Hide, nil) })
	m.dlg = dialog.NewCustomWithoutButtons(lang.L("Stages and events"), m.content, m.u.win)
	m.dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	// While open, closing the window or signing out asks about it too.
	m.u.guardForm(m, m.u.agenda.content)
	m.dlg.SetOnClosed(func() { m.u.unguardForm(m) })
	m.dlg.Resize(fyne.NewSize(980, 640))
	m.dlg.Show()
	if st == nil {
		m.openNew()
		m.scrollToNow()
		return
	}
	m.selectID(st.ID)
}

// scrollToNow scrolls the list to the first stage that has not ended by
// the day the manager was opened around (today, unless told otherwise).
func (m *stageManager) scrollToNow() {
	day := m.around
	if day.IsZero() {
		day = data.Today()
	}
	for i, st := range m.shown {
		if !st.End.Before(day) {
			m.list.ScrollTo(i)
			return
		}
	}
}

// selectID selects the stage with id in the list (which fills the form),
// or opens it directly when the search hides it.
func (m *stageManager) selectID(id string) {
	for i, st := range m.shown {
		if st.ID == id {
			m.list.Select(i)
			m.list.ScrollTo(i)
			return
		}
	}
	for _, st := range m.all {
		if st.ID == id {
			m.Fill(st)
			return
		}
	}
	m.openNew()
}

func (m *stageManager) openNew() {
	m.selected = -1
	m.list.UnselectAll()
	m.Fill(data.Stage{Category: data.StageLocal})
}

func (m *stageManager) Fill(st data.Stage) {
	m.current = st
	m.f.Clear()
	m.status.SetText("")
	m.name.SetText(st.Name)
	m.key.SetText(st.Key)
	m.category.SetCode(st.Category)
	m.start.SetDate(st.Start)
	m.end.SetDate(st.End)
	m.election.SetText(st.Election)
	m.source.SetText(st.Source)
	m.notes.SetText(st.Notes)
	switch {
	case st.ID == "":
		m.formTitle.SetText(lang.L("New stage or event"))
		m.origin.SetText(lang.L("An event of this office: a local agenda, a national day, or an election stage that is not listed."))
		m.deleteBtn.Disable()
	case m.isShipped(&st):
		m.formTitle.SetText(lang.L("Edit stage"))
		m.origin.SetText(lang.L("Built in ({{.Source}}). Correct its dates or name when the regulation changes; the change applies to this office. The neutrality checker looks stages up by their key: keep it.",
			map[string]any{"Source": st.Source}))
		m.deleteBtn.Enable()
	default:
		m.formTitle.SetText(lang.L("Edit stage"))
		m.origin.SetText(lang.L("An event of this office."))
		m.deleteBtn.Enable()
	}
}

// read puts what the form holds into a copy of the stage in the form.
func (m *stageManager) Read() (data.Stage, []kit.FieldMsg) {
	var msgs []kit.FieldMsg
	st := m.current
	st.Name = m.name.Text
	st.Key = m.key.Text
	st.Category = m.category.Code()
	st.Start = m.start.Read("start", data.LabelStageStart, &msgs)
	st.End = m.end.Read("end", data.LabelStageEnd, &msgs)
	st.Election = m.election.Text
	st.Source = m.source.Text
	st.Notes = m.notes.Text
	return st, msgs
}

// save stores the form's stage; nothing is stored while the form or the
// stage's validation finds a fault, which is shown under its field.
func (m *stageManager) save() {
	st, msgs := m.Read()
	if msgs = kit.WithValidation(msgs, &st, m.u.lang); len(msgs) > 0 {
		m.f.Show(msgs)
		return
	}
	err := m.u.store.SaveStage(m.u.ctx(), &st)
	if ve, ok := data.AsValidation(err); ok {
		m.f.Show(kit.ValidationMsgs(ve, m.u.lang))
		return
	}
	if err != nil {
		m.u.showError(lang.L("Could not save"), kit.ReadOnlyError(err))
		return
	}
	m.current = st       // stored: opening it in the list below leaves nothing unsaved
	m.search.SetText("") // so that the saved stage is listed
	if m.load() {
		m.selectID(st.ID)
	}
	m.status.SetText(lang.L("Saved."))
	m.u.localChange()
	if m.onChange != nil {
		m.onChange()
	}
}

func (m *stageManager) confirmDelete() {
	st := m.current
	if st.ID == "" {
		return
	}
	text := lang.L("Delete the stage “{{.Name}}”?", map[string]any{"Name": st.Name})
	if m.isShipped(&st) {
		text += "\n" + lang.L("It is built in; once deleted it is not added again.")
	}
	dialog.NewConfirm(lang.L("Delete stage"), text, func(ok bool) {
		if ok {
			m.delete(st.ID)
		}
	}, m.u.win).Show()
}

func (m *stageManager) delete(id string) {
	if err := m.u.store.Delete(m.u.ctx(), store.KindStage, id); err != nil {
		m.u.showError(lang.L("Could not delete"), kit.ReadOnlyError(err))
		return
	}
	m.load()
	m.openNew()
	m.status.SetText(lang.L("Deleted."))
	m.u.localChange()
	if m.onChange != nil {
		m.onChange()
	}
}
