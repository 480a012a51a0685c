package accounts

import (
	"crypto/rand"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
)

// Users is Pengguna kantor, the Admin kantor's screen: the office's
// people, active and not, and a form to add one, change their name, NIP,
// position and roles, deactivate them (people are never deleted: their
// name stays on what they did) and reset a forgotten password. A new or
// reset password is made here and shown once, for the admin to hand over;
// the person must replace it at their next sign-in.
type Users struct {
	h       Host
	st      People
	changed func() // told after a save, so the app reads the people again
	people  []data.Person
	current data.Person // the person in the form; ID "" for a new one

	List      *widget.List
	NewBtn    *widget.Button
	f         *kit.FieldSet
	Title     *widget.Label
	Name      *widget.Entry
	NIP       *widget.Entry
	Position  *widget.Entry
	Roles     *kit.CheckSet
	Active    *widget.Check
	SaveBtn   *widget.Button
	ResetBtn  *widget.Button
	Status    *widget.Label
	LastShown string // the one-time password shown last, for tests
	Content   fyne.CanvasObject
}

// NewUsers makes the screen; changed (may be nil) follows every save.
func NewUsers(h Host, st People, changed func()) *Users {
	l := h.Lang()
	u := &Users{h: h, st: st, changed: changed, f: kit.NewFieldSet(l), Name: widget.NewEntry(), NIP: widget.NewEntry(),
		Position: widget.NewEntry(), Roles: kit.NewCheckSet(data.PersonRoles, l, 2), Status: widget.NewLabel("")}
	u.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.Active = widget.NewCheck(lang.L("Can sign in"), nil)
	u.NIP.SetPlaceHolder(lang.L("Optional: 18 digits"))
	u.f.Add("name", data.LabelPersonName, u.Name)
	u.f.Add("nip", data.LabelPersonNIP, u.NIP)
	u.f.Add("position", data.LabelPersonPosition, u.Position)
	u.f.Add("roles", data.LabelPersonRoles, u.Roles.Content)
	u.f.Add("active", data.LabelPersonActive, u.Active)
	u.SaveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), u.Save)
	u.SaveBtn.Importance = widget.HighImportance
	u.ResetBtn = widget.NewButtonWithIcon(lang.L("Reset password…"), theme.ViewRefreshIcon(), u.confirmReset)
	u.NewBtn = widget.NewButtonWithIcon(lang.L("New user"), theme.ContentAddIcon(), u.OpenNew)
	u.List = widget.NewList(func() int { return len(u.people) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(u.rowText(i)) })
	u.List.OnSelected = func(i widget.ListItemID) { u.open(i) }
	help := widget.NewLabel(lang.L("Penyusun drafts content and logs activities; Verifikator approves or returns content; Penandatangan signs reports; Koordinator reads the offices under this one; Admin kantor manages this list. One person may hold several roles."))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	form := container.NewBorder(u.Title, container.NewVBox(help, container.NewHBox(u.SaveBtn, u.ResetBtn), u.Status), nil, nil,
		container.NewVScroll(u.f.Content))
	split := container.NewHSplit(container.NewBorder(container.NewHBox(u.NewBtn), nil, nil, nil, u.List), form)
	split.Offset = 0.4
	u.Content = split
	u.Reload()
	u.OpenNew()
	return u
}

func (u *Users) rowText(i int) string {
	if i < 0 || i >= len(u.people) {
		return ""
	}
	p := u.people[i]
	s := p.Name + " · " + data.RolesText(p.Roles, u.h.Lang())
	if !p.Active {
		s += " · " + lang.L("inactive")
	}
	return s
}

// Reload reads the office's people again.
func (u *Users) Reload() {
	people, err := u.st.People(u.h.Ctx(), "")
	if err != nil {
		u.h.ShowError(lang.L("Could not read the office's people"), err)
	}
	u.people = people
	u.List.UnselectAll()
	u.List.Refresh()
}

// Rows are the list's lines, for tests.
func (u *Users) Rows() []string {
	out := make([]string, len(u.people))
	for i := range u.people {
		out[i] = u.rowText(i)
	}
	return out
}

// OpenNew empties the form for a new person.
func (u *Users) OpenNew() {
	u.fill(data.Person{Active: true, Roles: data.List[string]{data.RoleDrafter}})
	u.Title.SetText(lang.L("New user"))
	u.ResetBtn.Disable()
	u.List.UnselectAll()
}

// Open shows the person named name, for tests.
func (u *Users) Open(name string) bool {
	for i, p := range u.people {
		if p.Name == name {
			u.List.Select(i)
			return true
		}
	}
	return false
}

func (u *Users) open(i int) {
	if i < 0 || i >= len(u.people) {
		return
	}
	u.fill(u.people[i])
	u.Title.SetText(lang.L("Edit user"))
	u.ResetBtn.Enable()
}

func (u *Users) fill(p data.Person) {
	u.current = p
	u.f.Clear()
	u.Status.SetText("")
	u.Name.SetText(p.Name)
	u.NIP.SetText(p.NIP)
	u.Position.SetText(p.Position)
	u.Roles.Set(p.Roles)
	u.Active.SetChecked(p.Active)
}

// Save stores the form. A new person gets a one-time password, shown once.
func (u *Users) Save() {
	p := u.current
	p.Name, p.NIP, p.Position, p.Roles, p.Active = u.Name.Text, u.NIP.Text, u.Position.Text, u.Roles.Get(), u.Active.Checked
	password := ""
	if p.ID == "" {
		password = OneTimePassword()
	}
	err := u.st.SavePerson(u.h.Ctx(), &p, password)
	if ve, ok := data.AsValidation(err); ok {
		u.f.Show(kit.ValidationMsgs(ve, u.h.Lang()))
		return
	}
	if err != nil {
		u.f.Show([]kit.FieldMsg{{Key: "", Text: err.Error()}})
		return
	}
	u.Reload()
	u.Open(p.Name)
	u.Status.SetText(lang.L("Saved."))
	if password != "" {
		u.showPassword(p.Name, password)
	}
	if u.changed != nil {
		u.changed()
	}
}

func (u *Users) confirmReset() {
	p := u.current
	if p.ID == "" {
		return
	}
	dialog.NewConfirm(lang.L("Reset password…"),
		lang.L("Give {{.Name}} a new one-time password? The old one stops working at once.", map[string]any{"Name": p.Name}),
		func(ok bool) {
			if ok {
				u.Reset()
			}
		}, u.h.Window()).Show()
}

// Reset gives the person in the form a new one-time password.
func (u *Users) Reset() {
	p := u.current
	password := OneTimePassword()
	if err := u.st.SetPassword(u.h.Ctx(), p.ID, "", password); err != nil {
		u.h.ShowError(lang.L("Could not reset the password"), err)
		return
	}
	u.showPassword(p.Name, password)
	if u.changed != nil {
		u.changed()
	}
}

// showPassword shows a one-time password, once: it is not kept anywhere.
func (u *Users) showPassword(name, password string) {
	u.LastShown = password
	shown := widget.NewEntry()
	shown.SetText(password)
	shown.TextStyle.Monospace = true
	note := widget.NewLabel(lang.L("Hand this one-time password to {{.Name}}. It is shown only now; at the first sign-in {{.Name}} chooses their own.",
		map[string]any{"Name": name}))
	note.Wrapping = fyne.TextWrapWord
	dialog.ShowCustom(lang.L("One-time password"), lang.L("Done"),
		atLeastWide(container.NewVBox(note, shown), 380), u.h.Window())
}

// ErrorText is the error shown under a field, for tests.
func (u *Users) ErrorText(key string) string {
	if key == "" {
		if u.f.General.Visible() {
			return u.f.General.Text
		}
		return ""
	}
	return u.f.ErrorText(key)
}

// passwordLetters leave out what reads alike (0/O, 1/l/I).
const passwordLetters = "abcdefghijkmnpqrstuvwxyz23456789"

// OneTimePassword makes a random password of twelve letters and digits in
// three groups, easy to read out and type: about 60 bits.
func OneTimePassword() string {
	var b strings.Builder
	raw := make([]byte, 12)
	_, _ = rand.Read(raw) // crypto/rand.Read never fails (Go 1.24+)
	for i, c := range raw {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(passwordLetters[int(c)%len(passwordLetters)])
	}
	return b.String()
}
