package app

import (
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
)

// userSettings is Pengaturan → Pengguna. On an installation whose office
// has people it shows who is signed in (their name, position and roles,
// set by the Admin kantor) and offers the change of their password; on
// one from before sign-in existed it is the typed user (name, position,
// role) that the content workflow still acts as until the first admin is
// made, and whose name the first admin's form offers. Both set the idle
// time after which the window locks.
type userSettings struct {
	u        *UI
	f        *kit.FieldSet
	name     *widget.Entry
	position *widget.Entry
	role     *kit.Choice
	saveBtn  *widget.Button
	status   *widget.Label
	legacy   fyne.CanvasObject // the typed user's form
	account  fyne.CanvasObject // the signed-in person
	who      *widget.Label
	lockMin  *widget.Entry
	lockSave *widget.Button
	lockNote *widget.Label
	content  fyne.CanvasObject
}

func newUserSettings(u *UI) *userSettings {
	l := u.lang
	s := &userSettings{u: u, f: kit.NewFieldSet(l), name: widget.NewEntry(), position: widget.NewEntry(),
		role: kit.NewChoice(data.UserRoles, l, "", nil), status: widget.NewLabel(""), who: widget.NewLabel(""),
		lockMin: widget.NewEntry(), lockNote: widget.NewLabel("")}
	s.position.SetPlaceHolder(lang.L("e.g. Head of the PR subdivision"))
	s.f.Add("name", data.LabelUserName, s.name)
	s.f.Add("position", data.LabelUserPosition, s.position)
	s.f.Add("role", data.LabelUserRole, s.role)
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save user"), theme.DocumentSaveIcon(), s.save)
	s.saveBtn.Importance = widget.HighImportance
	help := widget.NewLabel(lang.L("A writer submits content; a reviewer approves it or returns it with a note; nobody approves a submission of their own. Every step is recorded in the content's history under this name."))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	s.legacy = container.NewVBox(s.f.Content, help, container.NewHBox(s.saveBtn, s.status))
	s.who.Wrapping = fyne.TextWrapWord
	changePw := widget.NewButtonWithIcon(lang.L("Change password"), theme.VisibilityOffIcon(), u.changeOwnPassword)
	s.account = container.NewVBox(s.who, container.NewHBox(changePw))
	s.lockMin.SetPlaceHolder(strconv.Itoa(defaultLockMinutes))
	s.lockSave = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.saveLock)
	lock := widget.NewForm(widget.NewFormItem(lang.L("Lock after idle minutes"),
		container.NewBorder(nil, nil, nil, s.lockSave, s.lockMin)))
	s.lockNote.Importance = widget.LowImportance
	s.lockNote.Wrapping = fyne.TextWrapWord
	s.content = widget.NewCard(lang.L("User"), lang.L("Who works on this computer"),
		container.NewVBox(s.legacy, s.account, lock, s.lockNote))
	s.load()
	return s
}

// load shows the signed-in person, or the stored typed user.
func (s *userSettings) load() {
	ctx := s.u.ctx()
	s.lockMin.SetText(strconv.Itoa(int(s.u.lockAfter() / time.Minute)))
	s.lockNote.SetText(lang.L("The window asks for the password again after this many minutes without use; 0 never locks it."))
	has, err := s.u.store.HasPeople(ctx)
	if err != nil {
		s.u.showError(lang.L("Could not read the office's people"), err)
	}
	if has {
		s.legacy.Hide()
		s.account.Show()
		s.showPerson()
		return
	}
	s.account.Hide()
	s.legacy.Show()
	usr, err := s.u.store.LocalUser(ctx)
	if err != nil {
		s.u.showError(lang.L("Could not read the user"), err)
	}
	s.name.SetText(usr.Name)
	s.position.SetText(usr.Position)
	s.role.SetCode(usr.Role)
}

func (s *userSettings) showPerson() {
	p, err := s.u.store.CurrentPerson(s.u.ctx())
	if err != nil {
		s.who.SetText(lang.L("Nobody is signed in."))
		return
	}
	about := p.Name
	if p.Position != "" {
		about += ", " + p.Position
	}
	s.who.SetText(lang.L("Signed in as {{.Who}}. Roles: {{.Roles}}. The Office admin sets names, positions and roles.",
		map[string]any{"Who": about, "Roles": data.RolesText(p.Roles, s.u.lang)}))
}

// saveLock stores the idle minutes that lock the window.
func (s *userSettings) saveLock() {
	n, err := strconv.Atoi(strings.TrimSpace(s.lockMin.Text))
	if err != nil || n < 0 || n > 24*60 {
		s.lockNote.SetText(lang.L("Enter whole minutes from 0 to 1440."))
		return
	}
	if err := s.u.store.SetSetting(s.u.ctx(), SettingLockMinutes, strconv.Itoa(n)); err != nil {
		s.u.showError(lang.L("Could not save"), err)
		return
	}
	s.lockNote.SetText(lang.L("Saved."))
	s.u.touch()
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
