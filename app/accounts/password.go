package accounts

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// PasswordForm asks for a new password twice and, when the person changes
// their own, the old one. Mistakes are shown under their field; nothing
// is stored until the store accepts the change.
type PasswordForm struct {
	f       *kit.FieldSet
	save    func(old, new string) error
	done    func()
	Old     *widget.Entry // nil when the old password is not asked
	New     *widget.Entry
	Repeat  *widget.Entry
	SaveBtn *widget.Button
	Content fyne.CanvasObject
}

func newPasswordForm(l data.Lang, askOld bool, save func(old, new string) error, done func()) *PasswordForm {
	p := &PasswordForm{f: kit.NewFieldSet(l), save: save, done: done,
		New: widget.NewPasswordEntry(), Repeat: widget.NewPasswordEntry()}
	if askOld {
		p.Old = widget.NewPasswordEntry()
		p.f.AddNamed("old", lang.L("Current password"), p.Old)
	}
	p.f.AddNamed("new", lang.L("New password"), p.New)
	p.f.AddNamed("repeat", lang.L("New password again"), p.Repeat)
	p.Repeat.OnSubmitted = func(string) { p.Submit() }
	p.SaveBtn = widget.NewButtonWithIcon(lang.L("Change password"), theme.ConfirmIcon(), p.Submit)
	p.SaveBtn.Importance = widget.HighImportance
	hint := widget.NewLabel(lang.L("At least 8 characters. A short sentence is easier to remember than a jumble of signs."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	p.Content = container.NewVBox(p.f.Content, hint, container.NewHBox(p.SaveBtn))
	return p
}

// Submit checks the form and changes the password.
func (p *PasswordForm) Submit() {
	old := ""
	if p.Old != nil {
		old = p.Old.Text
	}
	var msgs []kit.FieldMsg
	if err := data.CheckPasswordRules(p.New.Text); err != nil {
		msgs = append(msgs, kit.FieldMsg{Key: "new", Text: err.Error()})
	} else if p.Repeat.Text != p.New.Text {
		msgs = append(msgs, kit.FieldMsg{Key: "repeat", Text: lang.L("The two new passwords differ")})
	}
	if len(msgs) > 0 {
		p.f.Show(msgs)
		return
	}
	err := p.save(old, p.New.Text)
	switch {
	case errors.Is(err, store.ErrWrongPassword):
		p.f.Show([]kit.FieldMsg{{Key: "old", Text: lang.L("The current password is wrong")}})
	case err != nil:
		p.f.Show([]kit.FieldMsg{{Key: "", Text: err.Error()}})
	default:
		p.f.Clear()
		p.done()
	}
}

// ErrorText is the error shown under a field ("old", "new", "repeat"),
// or for the form as a whole (""), for tests.
func (p *PasswordForm) ErrorText(key string) string {
	if key == "" {
		if p.f.General.Visible() {
			return p.f.General.Text
		}
		return ""
	}
	return p.f.ErrorText(key)
}

// ChangePassword opens the dialog in which personID, signed in, changes
// their own password; done follows a change.
func ChangePassword(h Host, st People, personID string, done func()) *PasswordForm {
	var d dialog.Dialog
	p := newPasswordForm(h.Lang(), true, func(old, new string) error {
		return st.SetPassword(h.Ctx(), personID, old, new)
	}, func() {
		d.Hide()
		dialog.ShowInformation(lang.L("Password changed"), lang.L("Use the new password from the next sign-in on."), h.Window())
		if done != nil {
			done()
		}
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Change password"),
		atLeastWide(container.NewVBox(p.Content, container.NewHBox(cancel)), 420), h.Window())
	d.Show()
	return p
}
