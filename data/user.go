package data

import "strings"

// User roles in the content workflow (data/workflow): a writer (penulis)
// writes and submits content; a reviewer (verifikator) approves it or
// returns it with a note; one person may be both, but never approves a
// submission of their own.
const (
	RoleWriter   = "penulis"
	RoleReviewer = "verifikator"
	RoleBoth     = "keduanya"
)

// UserRoles are the roles of a local user.
var UserRoles = Vocabulary{
	{RoleWriter, Text{"Penulis", "Writer"}},
	{RoleReviewer, Text{"Verifikator", "Reviewer"}},
	{RoleBoth, Text{"Penulis dan verifikator", "Writer and reviewer"}},
}

// User is the typed local user of an installation from before people
// and sign-in existed (data.Person): a setting (never synced) that is who
// the user says they are. It still acts for the workflow on an
// installation that has no people yet, and its name is offered as the
// first admin's; audits it made stay as unverified legacy authors.
type User struct {
	Name     string `json:"name"`
	Position string `json:"position"`
	Role     string `json:"role"`
}

// Field labels of User.
var (
	LabelUserName     = Text{"Nama pengguna", "User name"}
	LabelUserPosition = Text{"Jabatan", "Position"}
	LabelUserRole     = Text{"Peran", "Role"}
)

// Normalize trims the fields.
func (u *User) Normalize() {
	clean(&u.Name, &u.Position, &u.Role)
	u.Name = strings.Join(strings.Fields(u.Name), " ")
}

// Validate requires a name and a known role.
func (u *User) Validate() error {
	var c checker
	c.text("name", LabelUserName, u.Name, true, MaxShort)
	c.text("position", LabelUserPosition, u.Position, false, MaxShort)
	c.oneOf("role", LabelUserRole, u.Role, UserRoles, true)
	return c.err()
}

// Actor is the legacy user as a workflow actor: no identity (ID empty),
// and the new roles its old role stands for (penulis → penyusun,
// verifikator → verifikator, keduanya → both).
func (u User) Actor() Actor {
	a := Actor{Name: u.Name, Position: u.Position, LegacyRole: u.Role}
	switch u.Role {
	case RoleWriter:
		a.Roles = []string{RoleDrafter}
	case RoleReviewer:
		a.Roles = []string{RoleVerifier}
	case RoleBoth:
		a.Roles = []string{RoleDrafter, RoleVerifier}
	}
	return a
}

// SamePerson reports whether two names denote the same person: equal
// once case and runs of white space are ignored.
func SamePerson(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a) != "" && norm(a) == norm(b)
}
