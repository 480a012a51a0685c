package accounts

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// testHost is the window the screens run in, with the errors they showed.
type testHost struct {
	win    fyne.Window
	errors []string
}

func (h *testHost) Ctx() context.Context { return context.Background() }
func (h *testHost) Lang() data.Lang      { return data.LangEN }
func (h *testHost) Window() fyne.Window  { return h.win }
func (h *testHost) ShowError(what string, err error) {
	h.errors = append(h.errors, what+": "+err.Error())
}

func newHost(t *testing.T) (*testHost, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := a.NewWindow("test")
	t.Cleanup(w.Close)
	return &testHost{win: w}, st
}

func TestOneTimePasswordsAreReadableAndDiffer(t *testing.T) {
	seen := map[string]bool{}
	shape := regexp.MustCompile(`^[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}$`)
	for range 200 {
		p := OneTimePassword()
		if !shape.MatchString(p) || data.CheckPasswordRules(p) != nil {
			t.Fatalf("%q is not a readable one-time password", p)
		}
		if seen[p] {
			t.Fatalf("%q came twice", p)
		}
		seen[p] = true
	}
}

// The screen works on its own, over the store and a bare window: the
// first admin, then the sign-in of that admin, with the wait after
// repeated failures counted on the screen's clock.
func TestSignInScreenOnItsOwn(t *testing.T) {
	h, st := newHost(t)
	var signedIn []string
	s := NewSignIn(h, st, func(se *store.Session) { signedIn = append(signedIn, se.Person.Name) })
	s.Show()
	if s.First == nil {
		t.Fatal("no first admin's form on an office without people")
	}
	typeIn(s.First.Name, "Admin Kantor")
	typeIn(s.First.Password, "pendek")
	test.Tap(s.First.CreateBtn)
	if !strings.Contains(s.First.ErrorText("password"), "8") {
		t.Fatalf("a short password: %q", s.First.ErrorText("password"))
	}
	typeIn(s.First.Password, "sandi-admin-1")
	typeIn(s.First.Repeat, "sandi-admin-1")
	test.Tap(s.First.CreateBtn)
	if len(signedIn) != 1 || signedIn[0] != "Admin Kantor" {
		t.Fatalf("signed in: %q (errors %q)", signedIn, h.errors)
	}
	st.SignOut()

	s.Show()
	if s.First != nil || !s.Choose("Admin Kantor") {
		t.Fatalf("the admin is not offered: %q", s.Person.Options)
	}
	Now = func() time.Time { return time.Now().Add(10 * time.Second) }
	defer func() { Now = time.Now }()
	for range store.FreeAttempts + 1 {
		typeIn(s.Password, "salah-salah")
		test.Tap(s.SignInBtn)
	}
	// The store waits 30 s from the last failure; the screen's clock is
	// 10 s later, so it says at most 20 s (less when this ran slowly).
	m := regexp.MustCompile(`Wait (\d+) seconds`).FindStringSubmatch(s.Message.Text)
	if m == nil || len(m[1]) != 2 || m[1] > "20" || m[1] < "10" {
		t.Fatalf("after too many failures: %q", s.Message.Text)
	}
	if len(signedIn) != 1 {
		t.Fatal("signed in with a wrong password")
	}
}

func typeIn(e interface {
	SetText(string)
	TypedRune(rune)
}, text string) {
	e.SetText("")
	for _, r := range text {
		e.TypedRune(r)
	}
}
