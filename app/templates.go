package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Content templates: "Baru dari templat…" on Konten starts a draft from
// a shipped template or one of the office's own, filled for the office
// profile, the chosen agencies and a date (store.DraftFromTemplate); the
// draft opens in the form, not yet saved. Pengaturan → Templat keeps the
// office's own templates.

// newTemplateButton is the "Baru dari templat…" button of Konten.
func newTemplateButton(u *UI) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("New from template…"), theme.DocumentIcon(), func() { u.newFromTemplate() })
}

// templatePicker is the "Baru dari templat…" dialog.
type templatePicker struct {
	u         *UI
	templates []data.Template
	choice    *widget.Select
	about     *widget.Label
	agencies  *agencyPicker
	date      *kit.DateField
	err       *widget.Label
	create    *widget.Button
	dlg       *dialog.CustomDialog
}

// templateLabel names a template in a list: "Siaran pers (bawaan)".
func templateLabel(t data.Template) string {
	if workflow.IsBuiltin(t.ID) {
		return lang.L("{{.Name}} (shipped)", map[string]any{"Name": t.Name})
	}
	return t.Name
}

// newFromTemplate opens the template dialog (draftForm.picker while open).
func (u *UI) newFromTemplate() *templatePicker {
	ts, err := u.store.Templates(u.ctx(), "")
	if err != nil {
		u.showError(lang.L("Could not read the templates"), err)
		return nil
	}
	l := u.lang
	p := &templatePicker{u: u, templates: ts, about: widget.NewLabel(""), date: kit.NewDateField(l, false), err: kit.ErrorLabel()}
	p.about.Wrapping = fyne.TextWrapWord
	p.about.Importance = widget.LowImportance
	var names []string
	for _, t := range ts {
		names = append(names, templateLabel(t))
	}
	p.choice = widget.NewSelect(names, func(string) { p.chosen() })
	p.choice.PlaceHolder = lang.L("(Choose)")
	p.about.Hide()
	p.agencies = newAgencyPicker(u.store, u.officeID, func(err error) { u.showError(lang.L("Could not search agencies"), err) })
	p.date.SetDate(data.Today())
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Template"), container.NewVBox(p.choice, p.about)),
		widget.NewFormItem(data.LabelAgencies.In(l), p.agencies.content),
		widget.NewFormItem(data.LabelPlannedDate.In(l), p.date.Content),
	)
	help := widget.NewLabel(lang.L("The office's name, address and head come from Settings → Office profile; what the template cannot fill stays in the text to be completed."))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("New from template"), container.NewVBox(form, help, p.err), u.win)
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		p.dlg.Hide()
		u.draftEd.picker = nil
	})
	p.create = widget.NewButtonWithIcon(lang.L("Create content"), theme.ContentAddIcon(), p.make)
	p.create.Importance = widget.HighImportance
	p.create.Disable()
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.create})
	p.dlg.Resize(fyne.NewSize(560, 0))
	p.dlg.Show()
	u.draftEd.picker = p
	return p
}

// chosen shows the kind of the template chosen.
func (p *templatePicker) chosen() {
	i := p.choice.SelectedIndex()
	if i < 0 || i >= len(p.templates) {
		p.create.Disable()
		return
	}
	p.about.SetText(lang.L("Kind: {{.Kind}}", map[string]any{"Kind": data.DraftKinds.Label(p.templates[i].DraftKind, p.u.lang)}))
	p.about.Show()
	p.create.Enable()
}

// make fills the template and opens the new draft in the form, unsaved.
func (p *templatePicker) make() {
	i := p.choice.SelectedIndex()
	if i < 0 || i >= len(p.templates) {
		return
	}
	day, ok := p.date.Date()
	if !ok {
		p.err.SetText(lang.L("{{.Field}} is not a date (e.g. 10 July 2023 or 10/07/2023)",
			map[string]any{"Field": data.LabelPlannedDate.In(p.u.lang)}))
		p.err.Show()
		return
	}
	t := p.templates[i]
	d, err := p.u.store.DraftFromTemplate(p.u.ctx(), t.ID, p.agencies.get(), day)
	if err != nil {
		p.err.SetText(err.Error())
		p.err.Show()
		return
	}
	p.dlg.Hide()
	p.u.draftEd.picker = nil
	b := p.u.drafts
	// The draft is shown unsaved over an empty one, so that leaving it
	// asks; the form shown before may be left first.
	b.Leave(func() {
		b.HideUndo()
		blank := b.K.Blank()
		b.ShowUnsaved(&blank, d)
		b.Status.SetText(lang.L("Made from the template “{{.Name}}”; save it to keep it.", map[string]any{"Name": t.Name}))
		if left := workflow.Unfilled(d.Title + "\n" + d.Body); len(left) > 0 {
			f := p.u.draftEd
			f.notice.SetText(lang.L("Still to fill in: {{.List}}.",
				map[string]any{"List": "{{" + strings.Join(left, "}}, {{") + "}}"}))
			f.notice.Show()
		}
	})
}

// templateSettings is Pengaturan → Templat: the office's own templates,
// each with a name, the kind of content it starts, a title and a text
// with placeholders. The shipped ones cannot be changed, but can be
// copied as a start.
type templateSettings struct {
	u         *UI
	own       []data.Template
	pick      *widget.Select // the office's own templates
	copyFrom  *widget.Select // a shipped template to start from
	shipped   []data.Template
	f         *kit.FieldSet
	name      *widget.Entry
	kind      *kit.Choice
	title     *widget.Entry
	body      *widget.Entry
	current   *data.Template
	heading   *widget.Label
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	newBtn    *widget.Button
	status    *widget.Label
	content   fyne.CanvasObject
}

func newTemplateSettings(u *UI) *templateSettings {
	l := u.lang
	s := &templateSettings{u: u, f: kit.NewFieldSet(l), name: widget.NewEntry(), kind: kit.NewChoice(data.DraftKinds, l, "", nil),
		title: widget.NewEntry(), body: kit.NewMultiLine(10), status: widget.NewLabel(""), heading: widget.NewLabel(""),
		shipped: workflow.DefaultTemplates()}
	s.heading.TextStyle.Bold = true
	s.pick = widget.NewSelect(nil, func(string) { s.picked() })
	s.pick.PlaceHolder = lang.L("(Choose a template of the office)")
	var shippedNames []string
	for _, t := range s.shipped {
		shippedNames = append(shippedNames, t.Name)
	}
	s.copyFrom = widget.NewSelect(shippedNames, func(string) { s.copyShipped() })
	s.copyFrom.PlaceHolder = lang.L("Start from a shipped template…")
	s.newBtn = widget.NewButtonWithIcon(lang.L("New template"), theme.ContentAddIcon(), func() {
		s.u.askLeave(s, func() { s.unpick(); s.open(&data.Template{}) }, nil)
	})
	s.title.SetPlaceHolder(lang.L("e.g. [Title of the press release]"))
	s.f.Add("name", data.LabelTemplateName, s.name)
	s.f.Add("draft_kind", data.LabelTemplateKind, s.kind)
	s.f.Add("title", data.LabelTitle, s.title)
	s.f.Add("body", data.LabelTemplateBody, s.body)
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save template"), theme.DocumentSaveIcon(), s.save)
	s.saveBtn.Importance = widget.HighImportance
	s.deleteBtn = widget.NewButtonWithIcon(lang.L("Delete template"), theme.DeleteIcon(), s.confirmDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	var ph []string
	for _, p := range workflow.Placeholders {
		ph = append(ph, "{{"+p.Name+"}} — "+p.Label.In(l))
	}
	places := widget.NewLabel(lang.L("Placeholders, filled when a draft is made from the template:") + "\n" + strings.Join(ph, "\n"))
	places.Wrapping = fyne.TextWrapWord
	places.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.newBtn), container.NewGridWithColumns(2, s.pick, s.copyFrom))
	s.content = widget.NewCard(lang.L("Templates"), lang.L("The office's own templates for Konten → New from template"),
		container.NewVBox(top, s.heading, s.f.Content, places, container.NewHBox(s.saveBtn, s.deleteBtn, u.historyButton(s), s.status)))
	s.load("")
	return s
}

// load lists the office's own templates and opens the one with id, or a
// new one.
func (s *templateSettings) load(id string) {
	all, err := s.u.store.Templates(s.u.ctx(), "")
	if err != nil {
		s.u.showError(lang.L("Could not read the templates"), err)
	}
	s.own = nil
	var names []string
	for _, t := range all {
		if !workflow.IsBuiltin(t.ID) {
			s.own = append(s.own, t)
			names = append(names, t.Name)
		}
	}
	s.pick.OnChanged = nil
	s.pick.SetOptions(names)
	s.pick.ClearSelected()
	open := &data.Template{}
	for i, t := range s.own {
		if t.ID == id {
			s.pick.SetSelectedIndex(i)
			open = &s.own[i]
		}
	}
	s.pick.OnChanged = func(string) { s.picked() }
	s.open(open)
}

// picked opens the template chosen in the list, once the one in the
// form may be left; staying chooses it in the list again.
func (s *templateSettings) picked() {
	i := s.pick.SelectedIndex()
	if i < 0 || i >= len(s.own) || s.own[i].ID == s.current.ID {
		return
	}
	t := s.own[i]
	s.u.askLeave(s, func() { s.open(&t) }, s.repick)
}

// repick chooses the template in the form in the list, without opening it.
func (s *templateSettings) repick() {
	s.pick.OnChanged = nil
	s.pick.ClearSelected()
	for i, t := range s.own {
		if s.current.ID != "" && t.ID == s.current.ID {
			s.pick.SetSelectedIndex(i)
		}
	}
	s.pick.OnChanged = func(string) { s.picked() }
}

// unpick clears the choice in the list.
func (s *templateSettings) unpick() {
	s.pick.OnChanged = nil
	s.pick.ClearSelected()
	s.pick.OnChanged = func(string) { s.picked() }
}

// copyShipped starts a new template from a shipped one.
func (s *templateSettings) copyShipped() {
	i := s.copyFrom.SelectedIndex()
	if i < 0 || i >= len(s.shipped) {
		return
	}
	t := s.shipped[i]
	s.copyFrom.OnChanged = nil
	s.copyFrom.ClearSelected()
	s.copyFrom.OnChanged = func(string) { s.copyShipped() }
	s.u.askLeave(s, func() {
		s.unpick()
		s.open(&data.Template{Name: lang.L("{{.Name}} (copy)", map[string]any{"Name": t.Name}), DraftKind: t.DraftKind, Title: t.Title, Body: t.Body})
	}, nil)
}

// open shows t in the form.
func (s *templateSettings) open(t *data.Template) {
	s.current = t
	s.f.Clear()
	s.name.SetText(t.Name)
	s.kind.SetCode(t.DraftKind)
	s.title.SetText(t.Title)
	s.body.SetText(t.Body)
	if t.ID == "" {
		s.heading.SetText(lang.L("New template"))
		s.deleteBtn.Disable()
	} else {
		s.heading.SetText(lang.L("Edit template"))
		s.deleteBtn.Enable()
	}
}

func (s *templateSettings) save() {
	t := *s.current
	t.Name, t.DraftKind, t.Title, t.Body = s.name.Text, s.kind.Code(), s.title.Text, s.body.Text
	err := s.u.store.SaveTemplate(s.u.ctx(), &t)
	if ve, ok := data.AsValidation(err); ok {
		s.f.Show(kit.ValidationMsgs(ve, s.u.lang))
		s.status.SetText("")
		return
	}
	if err != nil {
		s.u.showError(lang.L("Could not save"), kit.ReadOnlyError(err))
		return
	}
	s.load(t.ID)
	s.status.SetText(lang.L("Saved."))
	s.u.localChange()
}

func (s *templateSettings) confirmDelete() {
	if s.current == nil || s.current.ID == "" {
		return
	}
	id := s.current.ID
	dialog.NewConfirm(lang.L("Delete template"), lang.L("Delete the template “{{.Name}}”? Drafts made from it stay as they are.",
		map[string]any{"Name": s.current.Name}), func(ok bool) {
		if ok {
			s.delete(id)
		}
	}, s.u.win).Show()
}

func (s *templateSettings) delete(id string) {
	if err := s.u.store.Delete(s.u.ctx(), store.KindTemplate, id); err != nil {
		s.u.showError(lang.L("Could not delete"), kit.ReadOnlyError(err))
		return
	}
	s.load("")
	s.status.SetText(lang.L("Deleted."))
	s.u.localChange()
}
