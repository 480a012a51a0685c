package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
)

// Two devices of one office against a real server on loopback: people
// made on the server reach this window with a sync round; a person signs
// in on the sign-in screen and replaces their one-time password; what a
// second device submitted reaches their Tugas saya after a round; with
// the server stopped, signing in still works against the cached verifier.
func TestSignInAndInboxAcrossARealSync(t *testing.T) {
	w := newSyncWorld(t)
	rina, rinaOnce, err := w.st.AddPerson(ctx, w.kab.ID, data.Person{Name: "Rina Kusumawati", Roles: data.List[string]{data.RoleAdmin, data.RoleDrafter}})
	if err != nil {
		t.Fatal(err)
	}
	_, bagusOnce, err := w.st.AddPerson(ctx, w.kab.ID, data.Person{Name: "Bagus Prasetyo", Roles: data.List[string]{data.RoleVerifier}})
	if err != nil {
		t.Fatal(err)
	}

	u, _ := newTestUI(t)
	enrollThroughSettings(t, u, w, w.kab)
	nextRound := startSync(t, u)
	nextRound()
	u.acct.signIn.Show()

	s := u.acct.signIn
	if !s.Choose("Bagus Prasetyo") {
		t.Fatalf("the server's people are not offered: %q", s.Person.Options)
	}
	typeInto(s.Password, bagusOnce)
	test.Tap(s.SignInBtn)
	if s.Change == nil {
		t.Fatalf("a one-time password is not to be replaced; the screen says %q", s.Message.Text)
	}
	typeInto(s.Change.New, "bagus-sendiri-2")
	typeInto(s.Change.Repeat, "bagus-sendiri-2")
	test.Tap(s.Change.SaveBtn)
	if u.acct.person == nil || u.acct.person.Name != "Bagus Prasetyo" {
		t.Fatalf("Bagus is not signed in: %q / %q", s.Message.Text, s.Change.ErrorText(""))
	}

	// Rina submits on her laptop.
	laptop := w.device(w.kab)
	syncOnce(t, laptop)
	if _, err := laptop.SignIn(ctx, rina.ID, rinaOnce); err != nil {
		t.Fatal(err)
	}
	d := &data.Draft{Title: "Siaran pers rapat pleno", Kind: "siaran_pers", Body: "Isi."}
	if err := laptop.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	if _, err := laptop.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	syncOnce(t, laptop)
	if n, _ := laptop.PendingChanges(ctx); n != 0 {
		t.Fatalf("the laptop still holds %d changes", n)
	}

	// This window's next round brings it. (The round Bagus's sign-in
	// started may be shown first.)
	in := u.acct.inbox
	for range 3 {
		u.loop.Trigger()
		if nextRound(); len(in.Items) > 0 {
			break
		}
	}
	if len(in.Items) != 1 || in.Title(0) != "Menunggu persetujuan Anda: Siaran pers rapat pleno" {
		t.Fatalf("Tugas saya after the round: %d items %+v", len(in.Items), in.Items)
	}

	// Bagus's new password went up: the laptop knows it after its round.
	syncOnce(t, laptop)
	laptop.SignOut()
	if _, err := laptop.SignIn(ctx, u.acct.person.ID, "bagus-sendiri-2"); err != nil {
		t.Fatalf("the changed password did not reach the other device: %v", err)
	}

	// The network cut: sign-in on this window still works.
	w.srv.Close()
	u.signOut()
	signInAs(t, u, "Bagus Prasetyo", "bagus-sendiri-2")
}
