package accounts

import (
	"errors"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// SignIn is the screen shown instead of the main window's content until
// someone signs in: a person of the office, chosen from a list, and their
// password, checked by the store against the verifier this device holds
// (so it works offline). An office without people gets the form of its
// first admin instead; a person whose password an admin reset must choose
// a new one before going on. The same screen locks the window after idle
// time, with the person who was working chosen already.
type SignIn struct {
	h      Host
	st     People
	done   func(*store.Session)
	people []data.Person // the active people offered, in Person's order

	Heading   *widget.Label
	Note      *widget.Label // under the heading: what to do
	Person    *widget.Select
	Password  *widget.Entry
	Message   *widget.Label // why the last attempt failed
	SignInBtn *widget.Button

	First   *FirstAdmin   // the first admin's form, while it is shown
	Change  *PasswordForm // the forced change after a reset, while it is shown
	Content *fyne.Container
}

// NewSignIn makes the sign-in screen; done is called on the main
// goroutine with the session once someone signed in. Show fills it.
func NewSignIn(h Host, st People, done func(*store.Session)) *SignIn {
	s := &SignIn{h: h, st: st, done: done, Content: container.NewStack()}
	s.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Note = widget.NewLabel("")
	s.Note.Wrapping = fyne.TextWrapWord
	s.Person = widget.NewSelect(nil, func(string) { s.Message.Hide() })
	s.Person.PlaceHolder = lang.L("(Choose your name)")
	s.Password = widget.NewPasswordEntry()
	s.Password.OnSubmitted = func(string) { s.Submit() }
	s.Message = widget.NewLabel("")
	s.Message.Importance = widget.DangerImportance
	s.Message.Wrapping = fyne.TextWrapWord
	s.Message.Hide()
	s.SignInBtn = widget.NewButtonWithIcon(lang.L("Sign in"), theme.LoginIcon(), s.Submit)
	s.SignInBtn.Importance = widget.HighImportance
	return s
}

// Show reads the office's people and shows the sign-in, or the first
// admin's form when the office has none yet.
func (s *SignIn) Show() {
	s.show("", lang.L("Sign in to Humas Desk"), lang.L("Choose your name and enter your password."))
}

// Lock shows the sign-in of a window locked while p worked: p is chosen,
// and another person may sign in instead (a shared office computer).
func (s *SignIn) Lock(p data.Person) {
	s.show(p.ID, lang.L("Humas Desk is locked"),
		lang.L("Locked after a while without use. {{.Name}}, enter your password to go on, or choose another name to switch user.",
			map[string]any{"Name": p.Name}))
}

func (s *SignIn) show(chosen, heading, note string) {
	ctx := s.h.Ctx()
	has, err := s.st.HasPeople(ctx)
	if err != nil {
		s.h.ShowError(lang.L("Could not read the office's people"), err)
	}
	if err == nil && !has {
		s.showFirstAdmin()
		return
	}
	all, err := s.st.People(ctx, "")
	if err != nil {
		s.h.ShowError(lang.L("Could not read the office's people"), err)
	}
	s.people = s.people[:0]
	var names []string
	for _, p := range all {
		if p.Active {
			s.people = append(s.people, p)
			names = append(names, personLabel(p))
		}
	}
	s.Person.SetOptions(names)
	s.Person.ClearSelected()
	for i, p := range s.people {
		if p.ID == chosen {
			s.Person.SetSelectedIndex(i)
		}
	}
	s.Heading.SetText(heading)
	s.Note.SetText(note)
	s.Password.SetText("")
	s.Message.Hide()
	s.First, s.Change = nil, nil
	form := widget.NewForm(widget.NewFormItem(lang.L("Name"), s.Person), widget.NewFormItem(lang.L("Password"), s.Password))
	s.setPanel(container.NewVBox(s.Heading, s.Note, form, s.Message, container.NewHBox(s.SignInBtn)))
	if c := s.h.Window().Canvas(); c != nil && s.Person.SelectedIndex() >= 0 {
		c.Focus(s.Password)
	}
}

// personLabel names a person in the list: the name, and the position
// that tells two people of the same name apart.
func personLabel(p data.Person) string {
	if p.Position == "" {
		return p.Name
	}
	return p.Name + " — " + p.Position
}

// Choose selects the person named name, for tests and for the lock.
func (s *SignIn) Choose(name string) bool {
	for i, p := range s.people {
		if p.Name == name {
			s.Person.SetSelectedIndex(i)
			return true
		}
	}
	return false
}

// Submit signs the chosen person in.
func (s *SignIn) Submit() {
	i := s.Person.SelectedIndex()
	if i < 0 || i >= len(s.people) {
		s.say(lang.L("Choose your name first."))
		return
	}
	password := s.Password.Text
	se, err := s.st.SignIn(s.h.Ctx(), s.people[i].ID, password)
	if err != nil {
		s.Password.SetText("")
		s.say(signInError(err))
		return
	}
	s.Password.SetText("")
	if se.Person.MustChange {
		s.showChange(se, password)
		return
	}
	s.done(se)
}

func (s *SignIn) say(msg string) {
	s.Message.SetText(msg)
	s.Message.Show()
}

// signInError says why a sign-in failed in words a user acts on.
func signInError(err error) string {
	var wait *store.SignInWaitError
	switch {
	case errors.As(err, &wait):
		secs := max(int(math.Ceil(wait.Until.Sub(Now()).Seconds())), 1)
		return lang.L("Too many wrong passwords ({{.Count}} in a row). Wait {{.Seconds}} seconds, then try again.",
			map[string]any{"Count": wait.Failures, "Seconds": secs})
	case errors.Is(err, store.ErrWrongPassword):
		return lang.L("Wrong password. Check Caps Lock and try again.")
	}
	return err.Error()
}

// showChange asks a person signed in with a reset password for their own
// before they go on; the password they just typed is the old one.
func (s *SignIn) showChange(se *store.Session, old string) {
	s.Change = newPasswordForm(s.h.Lang(), false, func(_, new string) error {
		return s.st.SetPassword(s.h.Ctx(), se.Person.ID, old, new)
	}, func() {
		se.Person.MustChange = false
		s.Change = nil
		s.done(se)
	})
	heading := widget.NewLabelWithStyle(lang.L("Choose your own password"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel(lang.L("{{.Name}}, the office admin set your password. Choose one that only you know before you go on.",
		map[string]any{"Name": se.Person.Name}))
	note.Wrapping = fyne.TextWrapWord
	s.setPanel(container.NewVBox(heading, note, s.Change.Content))
}

func (s *SignIn) showFirstAdmin() {
	s.Change = nil
	s.First = newFirstAdmin(s.h, s.st, s.done)
	s.setPanel(s.First.Content)
}

// setPanel shows obj in the middle of the window, at a readable width.
func (s *SignIn) setPanel(obj fyne.CanvasObject) {
	s.Content.Objects = []fyne.CanvasObject{container.NewCenter(atLeastWide(obj, 460))}
	s.Content.Refresh()
}

// atLeastWide gives obj at least the width w.
func atLeastWide(obj fyne.CanvasObject, w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(r, obj)
}
