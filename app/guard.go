package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Unsaved changes. Every form of the window (the record forms of the
// lists, the templates, the stages, the office profile and the report
// settings) tells whether what it shows differs from what it loaded.
// Leaving a form that does (another row, New, another view, closing the
// window, signing out, the idle lock) asks first: Simpan, Buang
// perubahan, or Batal. Simpan that fails validation stays, with the
// errors under their fields.

// leaveForm is a form that may hold changes not yet saved.
type leaveForm interface {
	// dirty reports whether the form holds what was not saved.
	dirty() bool
	// saveForm saves what the form holds and reports whether it was
	// stored; when not, the form shows why.
	saveForm() bool
	// discard shows what is stored again, dropping the changes.
	discard()
	// what names what is being edited, for the question.
	what() string
}

// guard is a form and the views it is shown in: the contents of the
// window's tabs (and of the tabs inside them) that, when left, leave it.
type guard struct {
	form  leaveForm
	homes []fyne.CanvasObject
}

// leaving is what the window knows of its guarded forms.
type leaving struct {
	guards []guard
	asking bool // a question is shown: tab changes it makes are not asked again
	// shown is the content of each tab container as last accepted, so
	// that a tab change can be taken back.
	shown map[*container.AppTabs]fyne.CanvasObject
}

// guardForm registers f, shown in homes, with the window.
func (u *UI) guardForm(f leaveForm, homes ...fyne.CanvasObject) {
	u.leave.guards = append(u.leave.guards, guard{form: f, homes: homes})
}

// unguardForm forgets f (a dialog's form, once the dialog is closed).
func (u *UI) unguardForm(f leaveForm) {
	u.leave.guards = slices.DeleteFunc(u.leave.guards, func(g guard) bool { return g.form == f })
}

// askLeave lets the user leave f: at once when it holds nothing unsaved,
// otherwise after asking. then runs when the form may be left (saved or
// discarded); stay, when not nil, runs when the user stays (Batal, or a
// save that failed).
func (u *UI) askLeave(f leaveForm, then, stay func()) {
	if f == nil || !f.dirty() {
		then()
		return
	}
	u.leave.asking = true
	var d *dialog.CustomDialog
	done := func(next func()) func() {
		return func() {
			d.Hide()
			u.leave.asking = false
			if next != nil {
				next()
			}
		}
	}
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), nil)
	save.Importance = widget.HighImportance
	save.OnTapped = func() {
		d.Hide()
		u.leave.asking = false
		if f.saveForm() {
			u.keepForms()
			then()
		} else if stay != nil {
			stay()
		}
	}
	drop := widget.NewButtonWithIcon(lang.L("Discard changes"), theme.DeleteIcon(), nil)
	drop.Importance = widget.DangerImportance
	drop.OnTapped = done(func() { f.discard(); u.keepForms(); then() })
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), done(stay))
	text := widget.NewLabel(lang.L("There are changes that are not saved in: {{.What}}. Save them before leaving?", map[string]any{"What": f.what()}))
	text.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), sized(text, 420, 0), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, drop, save})
	d.Show()
}

// confirmLeave asks about every form that holds unsaved changes, one
// after the other, and runs then once all were saved or discarded; Batal
// stops there, showing that form. It is what closing the window, signing
// out and the idle lock go through.
func (u *UI) confirmLeave(then func()) {
	for _, g := range u.leave.guards {
		if g.form.dirty() {
			u.showHomes(g.homes)
			u.askLeave(g.form, func() { u.confirmLeave(then) }, nil)
			return
		}
	}
	then()
}

// ConfirmLeave is confirmLeave for the program around the window.
func (u *UI) ConfirmLeave(then func()) { u.confirmLeave(then) }

// closeRequested is what the window's close intercept runs: the window
// closes once no form holds unsaved changes.
func (u *UI) closeRequested() {
	u.confirmLeave(func() {
		u.keeper.flush() // what was kept and then discarded is gone from the file too
		u.win.Close()
	})
}

// dirtyIn is the first guarded form shown in content that holds unsaved
// changes, or nil.
func (u *UI) dirtyIn(content fyne.CanvasObject) leaveForm {
	for _, g := range u.leave.guards {
		for _, h := range g.homes {
			if h == content && g.form.dirty() {
				return g.form
			}
		}
	}
	return nil
}

// showHomes selects the tabs that show a form's homes.
func (u *UI) showHomes(homes []fyne.CanvasObject) {
	for tabs := range u.leave.shown {
		for i, ti := range tabs.Items {
			for _, h := range homes {
				if ti.Content == h && tabs.SelectedIndex() != i {
					u.leave.asking = true
					tabs.SelectIndex(i)
					u.leave.asking = false
				}
			}
		}
	}
}

// guardTabs makes leaving a tab of tabs whose content holds an unsaved
// form ask first; onSelected runs for the tab that is shown in the end.
// Fyne has already switched when OnSelected runs, so the switch is taken
// back while the user answers, and made again when they leave.
func (u *UI) guardTabs(tabs *container.AppTabs, onSelected func(*container.TabItem)) {
	if u.leave.shown == nil {
		u.leave.shown = map[*container.AppTabs]fyne.CanvasObject{}
	}
	if onSelected == nil {
		onSelected = func(*container.TabItem) {}
	}
	if ti := tabs.Selected(); ti != nil {
		u.leave.shown[tabs] = ti.Content
	}
	tabs.OnSelected = func(ti *container.TabItem) {
		prev := u.leave.shown[tabs]
		if u.leave.asking || prev == ti.Content {
			u.leave.shown[tabs] = ti.Content
			onSelected(ti)
			return
		}
		f := u.dirtyIn(prev)
		if f == nil {
			u.leave.shown[tabs] = ti.Content
			onSelected(ti)
			return
		}
		back := func(content fyne.CanvasObject) {
			for i, it := range tabs.Items {
				if it.Content == content {
					u.leave.asking = true
					tabs.SelectIndex(i)
					u.leave.asking = false
				}
			}
		}
		back(prev)
		u.askLeave(f, func() { back(ti.Content) }, nil) // back runs OnSelected again, unasked
	}
}

// guardViews registers the window's forms and makes its tabs ask before
// leaving one that holds unsaved changes. build calls it once the views
// exist.
func (u *UI) guardViews() {
	u.guardForm(guardBrowser(u, u.agencies), u.agencies.Content)
	u.guardForm(guardBrowser(u, u.drafts), u.drafts.Content)
	u.guardForm(guardBrowser(u, u.entries), u.reports, u.entries.Content)
	u.guardForm(guardBrowser(u, u.hoaxes.cases), u.hoaxes.content, u.hoaxes.cases.Content)
	u.guardForm(officeProfile{u.settings}, u.settings.content)
	u.guardForm(u.settings.report, u.settings.content)
	u.guardForm(u.settings.templates, u.settings.content)
	for _, tabs := range []*container.AppTabs{u.tabs, u.reports, u.hoaxes.tabs} {
		u.guardTabs(tabs, tabs.OnSelected)
	}
}

// undoShortcut is Ctrl+Z (Cmd+Z on macOS), which Fyne's desktop driver
// reports as ShortcutUndo. Inside a text field it undoes the typing, as
// Fyne's entries do; elsewhere it reaches the window and undoes the last
// save of the form on screen.
var undoShortcut = &fyne.ShortcutUndo{}

// undoLastSave is Urungkan simpan of the form on screen.
func (u *UI) undoLastSave() {
	type undoable interface {
		CanUndoSave() bool
		UndoSave()
	}
	for _, f := range []struct {
		b    undoable
		view fyne.CanvasObject
	}{
		{u.agencies, u.agencies.Content}, {u.drafts, u.drafts.Content},
		{u.entries, u.entries.Content}, {u.hoaxes.cases, u.hoaxes.cases.Content},
	} {
		if u.showing(f.view) && f.b.CanUndoSave() {
			f.b.UndoSave()
			return
		}
	}
}
