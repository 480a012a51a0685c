package accounts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// FirstAdmin is the form of an office's first person, an Admin kantor,
// on an installation that has no people yet: a new one, or one from
// before sign-in existed, whose typed user (Pengaturan → Pengguna) fills
// the form in. The admin then adds the others (Users).
type FirstAdmin struct {
	h         Host
	st        People
	done      func(*store.Session)
	f         *kit.FieldSet
	Name      *widget.Entry
	NIP       *widget.Entry
	Position  *widget.Entry
	Roles     *kit.CheckSet
	Password  *widget.Entry
	Repeat    *widget.Entry
	CreateBtn *widget.Button
	Content   fyne.CanvasObject
}

func newFirstAdmin(h Host, st People, done func(*store.Session)) *FirstAdmin {
	l := h.Lang()
	a := &FirstAdmin{h: h, st: st, done: done, f: kit.NewFieldSet(l), Name: widget.NewEntry(), NIP: widget.NewEntry(),
		Position: widget.NewEntry(), Roles: kit.NewCheckSet(data.PersonRoles, l, 2),
		Password: widget.NewPasswordEntry(), Repeat: widget.NewPasswordEntry()}
	a.NIP.SetPlaceHolder(lang.L("Optional: 18 digits"))
	a.Position.SetPlaceHolder(lang.L("e.g. Head of the PR subdivision"))
	a.f.Add("name", data.LabelPersonName, a.Name)
	a.f.Add("nip", data.LabelPersonNIP, a.NIP)
	a.f.Add("position", data.LabelPersonPosition, a.Position)
	a.f.Add("roles", data.LabelPersonRoles, a.Roles.Content)
	a.f.AddNamed("password", lang.L("Password"), a.Password)
	a.f.AddNamed("repeat", lang.L("Password again"), a.Repeat)
	a.Repeat.OnSubmitted = func(string) { a.Submit() }
	a.CreateBtn = widget.NewButtonWithIcon(lang.L("Create the admin and sign in"), theme.ConfirmIcon(), a.Submit)
	a.CreateBtn.Importance = widget.HighImportance
	heading := widget.NewLabelWithStyle(lang.L("Welcome: who manages this office's users?"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel(lang.L("Nobody of this office can sign in yet. Enter the first Office admin, who then adds the other people and their roles. The admin keeps their other roles too."))
	note.Wrapping = fyne.TextWrapWord
	a.Content = container.NewVBox(heading, note, a.f.Content, container.NewHBox(a.CreateBtn))
	a.prefill()
	return a
}

// prefill offers the typed user of an older installation as the admin.
func (a *FirstAdmin) prefill() {
	p, err := a.st.SuggestedFirstAdmin(a.h.Ctx())
	if err != nil {
		a.h.ShowError(lang.L("Could not read the user"), err)
		return
	}
	a.Name.SetText(p.Name)
	a.Position.SetText(p.Position)
	a.Roles.Set(p.Roles)
}

// Submit creates the admin and signs them in.
func (a *FirstAdmin) Submit() {
	p := data.Person{Name: a.Name.Text, NIP: a.NIP.Text, Position: a.Position.Text, Roles: a.Roles.Get()}
	var msgs []kit.FieldMsg
	if err := data.CheckPasswordRules(a.Password.Text); err != nil {
		msgs = append(msgs, kit.FieldMsg{Key: "password", Text: err.Error()})
	} else if a.Repeat.Text != a.Password.Text {
		msgs = append(msgs, kit.FieldMsg{Key: "repeat", Text: lang.L("The two passwords differ")})
	}
	if len(msgs) > 0 {
		a.f.Show(msgs)
		return
	}
	se, err := a.st.FirstAdmin(a.h.Ctx(), &p, a.Password.Text)
	if ve, ok := data.AsValidation(err); ok {
		a.f.Show(kit.ValidationMsgs(ve, a.h.Lang()))
		return
	}
	if err != nil {
		a.f.Show([]kit.FieldMsg{{Key: "", Text: err.Error()}})
		return
	}
	a.f.Clear()
	a.done(se)
}

// ErrorText is the error shown under a field, for tests.
func (a *FirstAdmin) ErrorText(key string) string { return a.f.ErrorText(key) }
