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

// User is the person working on this installation, as the workflow names
// them in the audit trail. It is a setting of the installation (never
// synced); Humas Desk has no log-in, so it is who the user says they are.
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

// SamePerson reports whether two names denote the same person: equal
// once case and runs of white space are ignored.
func SamePerson(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a) != "" && norm(a) == norm(b)
}
