package app

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

// The people of the test office and their passwords.
const (
	adminPw = "sandi-admin-1"
	rinaPw  = "sandi-rina-1"
	bagusPw = "sandi-bagus-1"
)

type office struct {
	admin, rina, bagus *data.Person
}

// withPeople gives the window's store an admin (Admin kantor and
// penyusun), Rina (penyusun) and Bagus (verifikator), each with their own
// password, and shows the sign-in screen as a start with people does.
func withPeople(t *testing.T, u *UI, st *store.Store) office {
	t.Helper()
	var o office
	o.admin = &data.Person{Name: "Admin Kantor", Position: "Kasubbag Umum", Roles: data.List[string]{data.RoleDrafter}}
	if _, err := st.FirstAdmin(ctx, o.admin, adminPw); err != nil {
		t.Fatal(err)
	}
	add := func(name, pw, role string) *data.Person {
		p := &data.Person{Name: name, Roles: data.List[string]{role}}
		if err := st.SavePerson(ctx, p, "sementara-1"); err != nil {
			t.Fatal(err)
		}
		if _, err := st.SignIn(ctx, p.ID, "sementara-1"); err != nil {
			t.Fatal(err)
		}
		if err := st.SetPassword(ctx, p.ID, "sementara-1", pw); err != nil {
			t.Fatal(err)
		}
		if _, err := st.SignIn(ctx, o.admin.ID, adminPw); err != nil {
			t.Fatal(err)
		}
		return p
	}
	o.rina = add("Rina Kusumawati", rinaPw, data.RoleDrafter)
	o.bagus = add("Bagus Prasetyo", bagusPw, data.RoleVerifier)
	u.signOut()
	return o
}

// signInAs signs name in through the sign-in screen.
func signInAs(t *testing.T, u *UI, name, password string) {
	t.Helper()
	s := u.acct.signIn
	if !s.Choose(name) {
		t.Fatalf("%s is not offered; the sign-in lists %q", name, s.Person.Options)
	}
	typeInto(s.Password, password)
	test.Tap(s.SignInBtn)
	if u.acct.person == nil || u.acct.person.Name != name {
		t.Fatalf("%s is not signed in; the screen says %q", name, s.Message.Text)
	}
}

func showsSignIn(u *UI) bool { return u.win.Content() == u.acct.signIn.Content }

func tabTexts(u *UI) []string {
	var out []string
	for _, ti := range u.tabs.Items {
		out = append(out, ti.Text)
	}
	return out
}

// A new window shows the sign-in before anything of the office.
func TestANewWindowShowsTheSignInFirst(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(test.NewTempApp(t), st)
	t.Cleanup(u.win.Close)
	if !showsSignIn(u) || u.acct.signIn.First == nil {
		t.Fatal("a new window shows its content before anyone signed in")
	}
}

// A first start without people asks for the first admin, offering the
// typed user of the older installation, and then works as them.
func TestFirstRunCreatesTheFirstAdmin(t *testing.T) {
	u, st := newTestUI(t)
	if err := st.SetLocalUser(ctx, data.User{Name: "Sri Lestari", Position: "Pranata Humas", Role: data.RoleBoth}); err != nil {
		t.Fatal(err)
	}
	u.signOut() // the screen reads the installation again, as at a start
	f := u.acct.signIn.First
	if !showsSignIn(u) || f == nil {
		t.Fatal("a start without people does not ask for the first admin")
	}
	if f.Name.Text != "Sri Lestari" || f.Position.Text != "Pranata Humas" {
		t.Errorf("not prefilled from the typed user: %q, %q", f.Name.Text, f.Position.Text)
	}
	if got := f.Roles.Get(); !slices.Equal(got, []string{data.RoleDrafter, data.RoleVerifier, data.RoleAdmin}) {
		t.Errorf("roles offered: %q", got)
	}
	typeInto(f.Password, "sandi-baru-1")
	typeInto(f.Repeat, "sandi-baru-2")
	test.Tap(f.CreateBtn)
	if f.ErrorText("repeat") == "" || u.acct.person != nil {
		t.Fatal("two different passwords were accepted")
	}
	typeInto(f.NIP, "123")
	typeInto(f.Repeat, "sandi-baru-1")
	test.Tap(f.CreateBtn)
	if f.ErrorText("nip") == "" {
		t.Fatal("a wrong NIP was not shown under its field")
	}
	typeInto(f.NIP, "")
	test.Tap(f.CreateBtn)
	if u.acct.person == nil || u.acct.person.Name != "Sri Lestari" || showsSignIn(u) {
		t.Fatalf("the first admin is not signed in (errors %q)", f.ErrorText(""))
	}
	tabs := tabTexts(u)
	if tabs[1] != "Tugas saya" || !slices.Contains(tabs, "Pengguna kantor") {
		t.Errorf("the admin's tabs: %q", tabs)
	}
}

// A wrong password is said plainly; after five the screen says how long
// to wait, and even the right password waits.
func TestWrongPasswordThenWait(t *testing.T) {
	u, st := newTestUI(t)
	withPeople(t, u, st)
	s := u.acct.signIn
	s.Choose("Rina Kusumawati")
	for i := range store.FreeAttempts {
		typeInto(s.Password, "salah-salah")
		test.Tap(s.SignInBtn)
		if !strings.Contains(s.Message.Text, "Kata sandi salah") {
			t.Fatalf("attempt %d: %q", i+1, s.Message.Text)
		}
	}
	typeInto(s.Password, rinaPw)
	test.Tap(s.SignInBtn)
	if u.acct.person != nil || !strings.Contains(s.Message.Text, "Terlalu banyak") || !strings.Contains(s.Message.Text, "30 detik") {
		t.Fatalf("after five failures: signed in %v, message %q", u.acct.person != nil, s.Message.Text)
	}
	if s.Password.Text != "" {
		t.Error("the password stays typed after a failed attempt")
	}
}

// Signing in shows the main window with the person's name; the workflow
// offers the steps of their roles; Keluar ends the session.
func TestSignInActsByRoleAndSignsOut(t *testing.T) {
	u, st := newTestUI(t)
	withPeople(t, u, st)
	if !showsSignIn(u) || slices.Contains(tabTexts(u), "Tugas saya") {
		t.Fatal("the window shows its content before anyone signed in")
	}
	signInAs(t, u, "Rina Kusumawati", rinaPw)
	if showsSignIn(u) || !strings.Contains(u.acct.who.Text, "Rina Kusumawati (Penyusun)") {
		t.Fatalf("after sign-in: sign-in shown %v, top line %q", showsSignIn(u), u.acct.who.Text)
	}
	if slices.Contains(tabTexts(u), "Pengguna kantor") {
		t.Error("a penyusun sees Pengguna kantor")
	}
	d := &data.Draft{Title: "Siaran pers debat", Kind: "siaran_pers", Body: "Isi.", PlannedDate: data.NewDate(2026, 11, 9)}
	if err := st.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	u.openDraft(d.ID)
	flow := u.draftEd.flow
	if _, ok := flow.buttons["ajukan"]; !ok || !strings.Contains(flow.who.Text, "Rina Kusumawati") {
		t.Fatalf("Rina's steps: %v, %q", flow.buttons, flow.who.Text)
	}
	if u.settings.user.legacy.Visible() || !strings.Contains(u.settings.user.who.Text, "Rina Kusumawati") {
		t.Errorf("Pengaturan → Pengguna: %q", u.settings.user.who.Text)
	}

	u.signOut()
	if _, ok := st.Session(); ok || !showsSignIn(u) || u.acct.person != nil {
		t.Fatal("Keluar left the session")
	}
	if _, ok := flow.buttons["ajukan"]; ok {
		t.Error("the workflow still offers Rina's steps")
	}
}

// After the idle time the window locks behind the same person's
// sign-in; the guard of unsaved changes is asked first. Another person
// may sign in at the lock, which switches the user.
func TestIdleLockAndSwitchUser(t *testing.T) {
	u, st := newTestUI(t)
	withPeople(t, u, st)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	u.acct.now = func() time.Time { return now }
	signInAs(t, u, "Rina Kusumawati", rinaPw)
	var guarded int
	u.leaveGuard = func(then func()) { guarded++; then() }

	u.checkIdle() // notes how the window looks
	now = now.Add(14 * time.Minute)
	u.checkIdle()
	if showsSignIn(u) {
		t.Fatal("locked before the idle time")
	}
	typeInto(u.settings.user.lockMin, "5") // typing is activity
	test.Tap(u.settings.user.lockSave)
	now = now.Add(4 * time.Minute)
	u.checkIdle()
	if showsSignIn(u) {
		t.Fatal("locked though the user typed four minutes ago")
	}
	now = now.Add(2 * time.Minute)
	u.checkIdle()
	s := u.acct.signIn
	if !showsSignIn(u) || !strings.Contains(s.Heading.Text, "terkunci") || s.Person.Selected != "Rina Kusumawati" || guarded != 1 {
		t.Fatalf("after 6 idle minutes: locked %v, heading %q, chosen %q, guard asked %d times",
			showsSignIn(u), s.Heading.Text, s.Person.Selected, guarded)
	}
	typeInto(s.Password, rinaPw)
	test.Tap(s.SignInBtn)
	if showsSignIn(u) || u.acct.person.Name != "Rina Kusumawati" {
		t.Fatal("the same person could not go on")
	}

	u.lock()
	signInAs(t, u, "Bagus Prasetyo", bagusPw)
	if se, _ := st.Session(); se.Person.Name != "Bagus Prasetyo" || !strings.Contains(u.acct.who.Text, "Verifikator") {
		t.Fatalf("switching at the lock: session %q, top line %q", se.Person.Name, u.acct.who.Text)
	}
	u.guardLeave(u.switchUser)
	if !showsSignIn(u) || guarded != 2 || s.Person.SelectedIndex() >= 0 {
		t.Fatalf("Ganti pengguna: sign-in %v, guard %d, chosen %q", showsSignIn(u), guarded, s.Person.Selected)
	}
}

// A person changes their own password: the old one must be right and the
// new one typed twice alike.
func TestChangeOwnPassword(t *testing.T) {
	u, st := newTestUI(t)
	withPeople(t, u, st)
	signInAs(t, u, "Rina Kusumawati", rinaPw)
	u.changeOwnPassword()
	f := u.acct.pwForm
	typeInto(f.Old, "bukan-sandinya")
	typeInto(f.New, "sandi-rina-2")
	typeInto(f.Repeat, "sandi-rina-2")
	test.Tap(f.SaveBtn)
	if !strings.Contains(f.ErrorText("old"), "salah") {
		t.Fatalf("a wrong old password: %q", f.ErrorText("old"))
	}
	typeInto(f.Old, rinaPw)
	typeInto(f.Repeat, "sandi-rina-3")
	test.Tap(f.SaveBtn)
	if f.ErrorText("repeat") == "" {
		t.Fatal("two different new passwords were accepted")
	}
	typeInto(f.Repeat, "sandi-rina-2")
	test.Tap(f.SaveBtn)
	tapDialogButton(t, u.win, "OK")
	u.signOut()
	signInAs(t, u, "Rina Kusumawati", "sandi-rina-2")
}

// The admin adds a person (whose one-time password is shown once),
// deactivates another, and resets a password, which the person must
// replace at sign-in.
func TestUsersScreenAddDeactivateReset(t *testing.T) {
	u, st := newTestUI(t)
	withPeople(t, u, st)
	signInAs(t, u, "Admin Kantor", adminPw)
	us := u.acct.users
	if us == nil {
		t.Fatal("the admin has no Pengguna kantor")
	}
	us.OpenNew()
	typeInto(us.Name, "Dewi Anggraini")
	typeInto(us.Position, "Kepala Bagian")
	us.Roles.Set([]string{data.RoleSigner})
	test.Tap(us.SaveBtn)
	first := us.LastShown
	if len(first) < data.MinPassword || !slices.Contains(us.Rows(), "Dewi Anggraini · Penandatangan") {
		t.Fatalf("adding: password %q, rows %q (errors %q)", first, us.Rows(), us.ErrorText(""))
	}
	if !slices.ContainsFunc(dialogText(u.win), func(s string) bool { return strings.Contains(s, "Dewi Anggraini") }) {
		t.Errorf("the one-time password is not shown: %q", dialogText(u.win))
	}
	tapDialogButton(t, u.win, "Selesai")

	us.Open("Admin Kantor")
	us.Roles.Set([]string{data.RoleVerifier, data.RoleAdmin})
	test.Tap(us.SaveBtn)
	if !strings.Contains(u.acct.who.Text, "Verifikator, Admin kantor") || u.acct.users == nil {
		t.Fatalf("the admin's own new roles: %q", u.acct.who.Text)
	}
	us = u.acct.users // the tab is made anew for the new roles

	us.Open("Bagus Prasetyo")
	us.Active.SetChecked(false)
	test.Tap(us.SaveBtn)
	if !slices.Contains(us.Rows(), "Bagus Prasetyo · Verifikator · nonaktif") {
		t.Fatalf("rows after deactivating: %q", us.Rows())
	}

	us.Open("Rina Kusumawati")
	us.Reset()
	reset := us.LastShown
	if reset == "" || reset == first {
		t.Fatalf("reset gave %q", reset)
	}
	tapDialogButton(t, u.win, "Selesai")

	u.signOut()
	if u.acct.signIn.Choose("Bagus Prasetyo") {
		t.Error("a deactivated person is offered at sign-in")
	}
	s := u.acct.signIn
	s.Choose("Rina Kusumawati")
	typeInto(s.Password, reset)
	test.Tap(s.SignInBtn)
	if s.Change == nil || u.acct.person != nil {
		t.Fatal("a reset password does not ask for a new one")
	}
	typeInto(s.Change.New, "sandi-rina-baru")
	typeInto(s.Change.Repeat, "sandi-rina-baru")
	test.Tap(s.Change.SaveBtn)
	if u.acct.person == nil || u.acct.person.Name != "Rina Kusumawati" || showsSignIn(u) {
		t.Fatalf("after choosing her own password Rina is not in (%q)", s.Change.ErrorText(""))
	}
	u.signOut()
	signInAs(t, u, "Rina Kusumawati", "sandi-rina-baru")
}

// pulled applies records as a sync round brings them from another device
// of the office, and shows the round as the sync loop does.
func pulled(t *testing.T, u *UI, st *store.Store, recs ...data.Record) {
	t.Helper()
	page := &syncapi.ChangesResponse{}
	for i, r := range recs {
		raw, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		m := r.RecordMeta()
		page.Changes = append(page.Changes, syncapi.Record{Kind: r.RecordKind(), ID: m.ID, OfficeID: m.OfficeID,
			Version: 1, ServerSeq: int64(i + 1), UpdatedAt: m.UpdatedAt, UpdatedBy: "Rina Kusumawati", Data: raw})
	}
	page.Next, page.Head = int64(len(recs)), int64(len(recs))
	if _, err := st.ApplyChanges(ctx, page); err != nil {
		t.Fatal(err)
	}
	u.applySync(syncclient.Status{Enrolled: true, Online: true, Last: syncclient.Report{Pulled: len(recs)}}, 0, 0)
}

// What Rina submitted on her laptop waits in Bagus's Tugas saya once a
// sync round brought it, with a count on the navigation and one desktop
// notification; opening it shows the draft with Setujui.
func TestInboxShowsWorkThatSyncBrought(t *testing.T) {
	u, st := newTestUI(t)
	o := withPeople(t, u, st)
	var notes []string
	u.acct.notify = func(title, body string) { notes = append(notes, title+": "+body) }
	signInAs(t, u, "Bagus Prasetyo", bagusPw)
	if len(u.acct.inbox.Items) != 0 || u.acct.inboxTab.Text != "Tugas saya" {
		t.Fatalf("an empty office has tasks: %d, %q", len(u.acct.inbox.Items), u.acct.inboxTab.Text)
	}

	at := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	office := o.rina.OfficeID
	d := &data.Draft{Meta: data.Meta{ID: "draf-dari-laptop-rina", OfficeID: office, UpdatedAt: at},
		Title: "Siaran pers rapat pleno", Kind: "siaran_pers", Body: "Isi.", Status: data.StatusSubmitted,
		Revision: 1, PlannedDate: data.NewDate(2026, 12, 9)}
	a := &data.Audit{Meta: data.Meta{ID: "audit-ajukan-rina", OfficeID: office, UpdatedAt: at}, DraftID: d.ID,
		Revision: 1, Step: 1, Action: "ajukan", FromStatus: data.StatusDraft, ToStatus: data.StatusSubmitted,
		ActorID: o.rina.ID, ActorName: o.rina.Name, ActorRole: data.RoleDrafter, ActorDevice: "laptop-rina", At: at}
	pulled(t, u, st, d, a)

	in := u.acct.inbox
	if len(in.Items) != 1 || in.Title(0) != "Menunggu persetujuan Anda: Siaran pers rapat pleno" ||
		!strings.Contains(in.Detail(0), "diajukan oleh Rina Kusumawati") {
		t.Fatalf("Tugas saya: %+v", in.Items)
	}
	if u.acct.inboxTab.Text != "Tugas saya (1)" {
		t.Errorf("the navigation says %q", u.acct.inboxTab.Text)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "Siaran pers rapat pleno") {
		t.Fatalf("notifications: %q", notes)
	}
	u.applySync(syncclient.Status{Enrolled: true, Online: true}, 0, 0) // a round that brought nothing
	if len(notes) != 1 {
		t.Errorf("a refresh notified again: %q", notes)
	}

	in.List.Select(0)
	if u.drafts.Current == nil || u.drafts.Current.ID != d.ID {
		t.Fatal("opening the task does not show the draft")
	}
	if _, ok := u.draftEd.flow.buttons["setujui"]; !ok {
		t.Errorf("Bagus is not offered Setujui: %v", u.draftEd.flow.buttons)
	}
}
