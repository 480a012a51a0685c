package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/accounts"
	"github.com/humasdesk/humasdesk/app/inbox"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// The window's side of people and sign-in (issue 11): the sign-in screen
// stands in front of the main content until someone signs in, the line
// at the top says who works and offers Ganti kata sandi, Kunci, Ganti
// pengguna and Keluar, the window locks after idle time, and Tugas saya
// (app/inbox) and, for an Admin kantor, Pengguna kantor
// (app/accounts.Users) are tabs of the signed-in person.

// SettingLockMinutes is how many idle minutes lock the window; "0" never.
const SettingLockMinutes = "lock_minutes"

// defaultLockMinutes is the idle time that locks a window when the
// setting is not made: long enough for a phone call, short enough for a
// shared office computer.
const defaultLockMinutes = 15

// idleCheckEvery is how often the window looks whether it is idle; tests
// turn the timer off (0) and call checkIdle themselves.
var idleCheckEvery = 20 * time.Second

// accountState is what the window keeps of the signed-in person.
type accountState struct {
	signIn   *accounts.SignIn
	inbox    *inbox.View
	inboxTab *container.TabItem
	users    *accounts.Users        // Pengguna kantor, while an admin is signed in
	pwForm   *accounts.PasswordForm // the last Ganti kata sandi dialog, for tests
	usersTab *container.TabItem
	who      *widget.Label // the top line: who is signed in
	shell    fyne.CanvasObject
	person   *data.Person // signed in, nil when nobody is
	locked   bool

	now        func() time.Time // the clock of the idle lock; tests move it
	lastActive time.Time
	lastPrint  string // what the window looked like at the last idle check
	ticker     *time.Ticker
	notify     func(title, body string) // the desktop notification
}

// buildAccounts puts the account line above main and the sign-in screen
// in front of it, unless someone is signed in already.
func (u *UI) buildAccounts(main fyne.CanvasObject) {
	a := &u.acct
	if a.now == nil {
		a.now = time.Now
	}
	if a.notify == nil {
		a.notify = func(title, body string) { u.app.SendNotification(fyne.NewNotification(title, body)) }
	}
	host := kitHost{u}
	a.signIn = accounts.NewSignIn(host, u.store, u.signedIn)
	a.inbox = inbox.New(host, u.store)
	a.inbox.Open = u.openInboxItem
	a.inbox.Notify = func(title, body string) { a.notify(title, body) }
	a.inbox.Counted = u.showInboxCount
	a.inbox.Now = func() time.Time { return a.now() }
	a.inboxTab = container.NewTabItemWithIcon(lang.L("My tasks"), theme.MailComposeIcon(), a.inbox.Content)
	a.users, a.usersTab, a.person = nil, nil, nil
	a.who = widget.NewLabel("")
	a.who.TextStyle.Bold = true
	bar := container.NewHBox(widget.NewIcon(theme.AccountIcon()), a.who, layout.NewSpacer(),
		u.accountButton(lang.L("Change password"), theme.VisibilityOffIcon(), u.changeOwnPassword),
		u.accountButton(lang.L("Lock"), theme.LoginIcon(), func() { u.guardLeave(u.lock) }),
		u.accountButton(lang.L("Switch user"), theme.AccountIcon(), func() { u.guardLeave(u.switchUser) }),
		u.accountButton(lang.L("Sign out"), theme.LogoutIcon(), func() { u.guardLeave(u.signOut) }))
	a.shell = container.NewBorder(bar, nil, nil, nil, main)
	selected := u.tabs.OnSelected
	u.tabs.OnSelected = func(ti *container.TabItem) {
		u.touch()
		if ti == a.inboxTab {
			a.inbox.Refresh()
		}
		selected(ti)
	}
	u.startIdleCheck()
	if se, ok := u.store.Session(); ok {
		u.signedIn(&se)
		return
	}
	u.showSignIn(func() { a.signIn.Show() })
}

func (u *UI) accountButton(text string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(text, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// showSignIn puts the sign-in screen in the window, filled by fill. The
// dialogs open over the window close: nothing of the work stays in view.
func (u *UI) showSignIn(fill func()) {
	for o := u.win.Canvas().Overlays(); o.Top() != nil; {
		o.Remove(o.Top())
	}
	fill()
	u.win.SetContent(u.acct.signIn.Content)
}

// signedIn follows a sign-in: the person's tabs and the main content.
func (u *UI) signedIn(se *store.Session) {
	a := &u.acct
	p := se.Person
	a.person, a.locked = &p, false
	a.lastActive = a.now()
	a.who.SetText(u.personText(p))
	u.setPersonTabs(p)
	u.win.SetContent(a.shell)
	a.inbox.Show(p.ID)
	if u.settings != nil {
		u.settings.user.load()
	}
	u.userChanged()
	if u.loop != nil && u.syncInfo.Enrolled {
		// A round now signs the person in with the server while this
		// device has no key of theirs, and brings the office's latest.
		u.loop.Trigger()
	}
}

// personChanged follows a sync round: the signed-in person's record may
// have changed on another device. A person the admin deactivated is
// signed out; changed roles change the top line and the tabs.
func (u *UI) personChanged() {
	a := &u.acct
	if a.person == nil {
		return
	}
	p, err := u.store.CurrentPerson(u.ctx())
	switch {
	case err != nil && !errors.Is(err, store.ErrNotSignedIn):
		return // read again at the next round
	case err != nil || !p.Active:
		u.signOut()
		return
	case p.Name == a.person.Name && slices.Equal(p.Roles, a.person.Roles):
		return
	}
	a.person = p
	a.who.SetText(u.personText(*p))
	u.setPersonTabs(*p)
	u.userChanged()
}

func (u *UI) personText(p data.Person) string {
	return lang.L("{{.Name}} ({{.Roles}})", map[string]any{"Name": p.Name, "Roles": data.RolesText(p.Roles, u.lang)})
}

// setPersonTabs shows Tugas saya to everyone signed in and Pengguna
// kantor to an admin (kept while one admin follows another).
func (u *UI) setPersonTabs(p data.Person) {
	a := &u.acct
	shown := u.tabs.Selected()
	if !u.hasTab(a.inboxTab) {
		u.tabs.Items = append([]*container.TabItem{u.tabs.Items[0], a.inboxTab}, u.tabs.Items[1:]...)
	}
	switch admin := p.Has(data.RoleAdmin); {
	case !admin && a.usersTab != nil:
		u.tabs.Remove(a.usersTab)
		a.users, a.usersTab = nil, nil
	case admin && a.usersTab == nil:
		a.users = accounts.NewUsers(kitHost{u}, u.store, func() {
			u.personChanged() // the admin may have changed their own roles
			a.inbox.Refresh()
		})
		a.usersTab = container.NewTabItemWithIcon(lang.L("Office users"), theme.AccountIcon(), a.users.Content)
		u.tabs.Items = append(u.tabs.Items[:len(u.tabs.Items)-1:len(u.tabs.Items)-1], a.usersTab, u.tabs.Items[len(u.tabs.Items)-1])
	}
	u.tabs.Refresh()
	if shown != nil && u.hasTab(shown) && u.tabs.Selected() != shown {
		u.tabs.Select(shown) // the tab shown stays, wherever it moved
	}
}

func (u *UI) hasTab(ti *container.TabItem) bool {
	for _, x := range u.tabs.Items {
		if x == ti {
			return true
		}
	}
	return false
}

// guardLeave runs then once the user may leave what they are doing: the
// unsaved-changes guard (confirmLeave) asks first about every changed
// form; tests may replace it through leaveGuard.
func (u *UI) guardLeave(then func()) {
	if u.leaveGuard != nil {
		u.leaveGuard(then)
		return
	}
	u.confirmLeave(then)
}

// signOut ends the session and shows the sign-in screen.
func (u *UI) signOut() {
	u.endSession()
	u.showSignIn(func() { u.acct.signIn.Show() })
}

// switchUser is the sign-in screen for another person of the office; the
// session ends, so that nothing is done in the first person's name.
func (u *UI) switchUser() { u.signOut() }

// lock hides the window behind the sign-in of the same person. The
// session stays (sync goes on signing their changes) until someone signs
// in; another person may, which switches the user.
func (u *UI) lock() {
	a := &u.acct
	if a.person == nil || a.locked {
		return
	}
	a.locked = true
	p := *a.person
	u.showSignIn(func() { a.signIn.Lock(p) })
}

func (u *UI) endSession() {
	a := &u.acct
	u.store.SignOut()
	a.person, a.locked = nil, false
	a.inbox.Clear()
	u.tabs.Remove(a.inboxTab)
	if a.usersTab != nil {
		u.tabs.Remove(a.usersTab)
		a.users, a.usersTab = nil, nil
	}
	u.userChanged()
}

func (u *UI) changeOwnPassword() {
	if p := u.acct.person; p != nil {
		u.acct.pwForm = accounts.ChangePassword(kitHost{u}, u.store, p.ID, nil)
	}
}

// touch notes that the user did something: the idle time starts again.
func (u *UI) touch() {
	if u.acct.now != nil {
		u.acct.lastActive = u.acct.now()
	}
}

// startIdleCheck looks every idleCheckEvery whether the window is idle.
// The ticker's goroutine hands the check to the main one.
func (u *UI) startIdleCheck() {
	if u.acct.ticker != nil || idleCheckEvery <= 0 {
		return
	}
	u.acct.ticker = time.NewTicker(idleCheckEvery)
	go func() {
		for range u.acct.ticker.C {
			fyne.Do(u.checkIdle)
		}
	}()
}

// checkIdle locks the window when nothing happened for the lock time.
// Fyne tells an application neither of key presses in an entry nor of
// mouse moves, so what the user did is read from the window itself: the
// focused field and its text, the tab shown and the records open in the
// forms; a change of any counts as activity, as do saves and tab changes.
func (u *UI) checkIdle() {
	a := &u.acct
	if a.person == nil || a.locked {
		return
	}
	if print := u.activityPrint(); print != a.lastPrint {
		a.lastPrint = print
		u.touch()
		return
	}
	after := u.lockAfter()
	if after > 0 && a.now().Sub(a.lastActive) >= after {
		u.guardLeave(u.lock)
	}
}

// activityPrint sums up what the user can change in the window.
func (u *UI) activityPrint() string {
	print := ""
	if f := u.win.Canvas().Focused(); f != nil {
		print += strconv.Quote(fmtPointer(f))
		if e, ok := f.(*widget.Entry); ok {
			print += strconv.Itoa(len(e.Text)) + e.Text
		}
	}
	if ti := u.tabs.Selected(); ti != nil {
		print += "|" + ti.Text
	}
	for _, cur := range []any{u.agencies.Current, u.drafts.Current, u.entries.Current, u.hoaxes.cases.Current} {
		print += "|" + fmtPointer(cur)
	}
	return print
}

func fmtPointer(x any) string { return fmt.Sprintf("%p", x) }

// lockAfter is the idle time that locks the window, from the settings.
func (u *UI) lockAfter() time.Duration {
	s, err := u.store.Setting(u.ctx(), SettingLockMinutes, strconv.Itoa(defaultLockMinutes))
	if err != nil {
		return defaultLockMinutes * time.Minute
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return defaultLockMinutes * time.Minute
	}
	return time.Duration(n) * time.Minute
}

// actor is who the content workflow acts for in this window and the label
// of their role(s): the signed-in person, or on an installation without
// people the typed user of Pengaturan → Pengguna. When nobody may act,
// why says what to do.
func (u *UI) actor() (a data.Actor, role, why string) {
	ctx := u.ctx()
	p, err := u.store.CurrentPerson(ctx)
	if err == nil {
		return p.Actor(), data.RolesText(p.Roles, u.lang), ""
	}
	if !errors.Is(err, store.ErrNotSignedIn) {
		u.showError(lang.L("Could not read the user"), err)
	}
	if has, err := u.store.HasPeople(ctx); err != nil || has {
		return a, "", lang.L("Sign in to submit, approve or publish content.")
	}
	user, err := u.store.LocalUser(ctx)
	if err != nil {
		u.showError(lang.L("Could not read the user"), err)
	}
	if user.Validate() != nil {
		return a, "", lang.L("To submit, approve or publish content, fill in your name and role in Settings → User.")
	}
	return user.Actor(), data.UserRoles.Label(user.Role, u.lang), ""
}

// refreshInbox reads Tugas saya again, after a sync round or an edit.
func (u *UI) refreshInbox() {
	if u.acct.inbox != nil && u.acct.person != nil {
		u.acct.inbox.Refresh()
	}
}

// showInboxCount puts the number of tasks on the navigation.
func (u *UI) showInboxCount(n int) {
	t := lang.L("My tasks")
	if n > 0 {
		t += " (" + strconv.Itoa(n) + ")"
	}
	if u.acct.inboxTab.Text != t {
		u.acct.inboxTab.Text = t
		u.tabs.Refresh()
	}
}

// openInboxItem shows the record an inbox item is about.
func (u *UI) openInboxItem(it store.InboxItem) {
	switch it.Kind {
	case data.InboxToApprove, data.InboxReturned:
		u.openDraft(it.RecordID)
	case data.InboxHoax:
		h, err := u.store.Hoax(u.ctx(), it.RecordID)
		if err != nil {
			u.showError(lang.L("Could not open the record"), err)
			return
		}
		u.selectView(u.hoaxes.content)
		u.hoaxes.cases.Show(h)
	case data.InboxReport:
		u.selectView(u.reports)
		u.reports.SelectIndex(1)
	}
}
