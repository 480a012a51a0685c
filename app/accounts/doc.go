// Package accounts is the desktop side of the office's people: the
// sign-in screen shown before the main window's content (and again when
// the window locks after idle time or the user is switched), the first
// admin of a new installation, the change of one's own password, and the
// Pengguna kantor screen where an office admin adds people, sets their
// roles, deactivates them and resets their passwords.
//
// It builds on app/kit and never on another screen package. What it needs
// of the application is the narrow Host (window, language, errors) and of
// the store the People interface, which *store.Store implements; the app
// package wires it in (app/session.go).
package accounts

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Host is what the account screens need of the application around them.
type Host interface {
	Ctx() context.Context
	Lang() data.Lang
	Window() fyne.Window
	ShowError(what string, err error)
}

// People is what the account screens need of the store (data/store,
// people.go and session.go).
type People interface {
	HasPeople(ctx context.Context) (bool, error)
	People(ctx context.Context, officeID string) ([]data.Person, error)
	SuggestedFirstAdmin(ctx context.Context) (data.Person, error)
	FirstAdmin(ctx context.Context, p *data.Person, password string) (*store.Session, error)
	SignIn(ctx context.Context, personID, password string) (*store.Session, error)
	SetPassword(ctx context.Context, personID, oldPassword, newPassword string) error
	SavePerson(ctx context.Context, p *data.Person, password string) error
}

var _ People = (*store.Store)(nil)

// Now is the clock of the account screens (how long a sign-in waits);
// tests set it.
var Now = time.Now
