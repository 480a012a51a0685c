package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
)

// userSettings is Pengaturan → Pengguna: the person working on this
// installation (name, position, role), whom the content workflow names
// in the history and whose role decides the steps offered. Humas Desk has
// no log-in; the user is who they say they are here, and small offices
// that share a computer change it between a writer's and a reviewer's
// turn.
type userSettings struct {
	u        *UI
	f        *kit.FieldSet
	name     *widget.Entry
	position *widget.Entry
	role     *kit.Choice
	saveBtn  *widget.Button
	status   *widget.Label
	content  fyne.CanvasObject
}

func newUserSettings(u *UI) *userSettings {
	l := u.lang
	s := &userSettings{u: u, f: kit.NewFieldSet(l), name: widget.NewEntry(), position: widget.NewEntry(),
		role: kit.NewChoice(data.UserRoles, l, "", nil), status: widget.NewLabel("")}
	s.position.SetPlaceHolder(lang.L("e.g. Head of the PR subdivision"))
	s.f.Add("name", data.LabelUserName, s.name)
	s.f.Add("position", data.LabelUserPosition, s.position)
	s.f.Add("role", data.LabelUserRole, s.role)
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save user"), theme.DocumentSaveIcon(), s.save)
	s.saveBtn.Importance = widget.HighImportance
	help := widget.NewLabel(lang.L("A writer submits content; a reviewer approves it or returns it with a note; nobody approves a submission of their own. Every step is recorded in the content's history under this name."))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	s.content = widget.NewCard(lang.L("User"), lang.L("Who works on this computer"),
		container.NewVBox(s.f.Content, help, container.NewHBox(s.saveBtn, s.status)))
	s.load()
	return s
}

// load shows the stored user.
func (s *userSettings) load() {
	usr, err := s.u.store.LocalUser(s.u.ctx())
	if err != nil {
		s.u.showError(lang.L("Could not read the user"), err)
	}
	s.name.SetText(usr.Name)
	s.position.SetText(usr.Position)
	s.role.SetCode(usr.Role)
}

func (s *userSettings) save() {
	usr := data.User{Name: s.name.Text, Position: s.position.Text, Role: s.role.Code()}
	err := s.u.store.SetLocalUser(s.u.ctx(), usr)
	if ve, ok := data.AsValidation(err); ok {
		s.f.Show(kit.ValidationMsgs(ve, s.u.lang))
		s.status.SetText("")
		return
	}
	if err != nil {
		s.u.showError(lang.L("Could not save"), err)
		return
	}
	s.f.Clear()
	s.load()
	s.status.SetText(lang.L("Saved."))
	s.u.userChanged()
}

// userChanged follows a change of the local user: the Konten form offers
// the steps of the new role.
func (u *UI) userChanged() {
	if f, b := u.draftEd, u.drafts; f != nil && b != nil && f.current != nil {
		f.flow.show(f.current, b.ReadOnly)
	}
}
