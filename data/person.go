package data

import (
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Roles a person of an office may hold (several at once). They decide
// what the person may do in the content workflow (data/workflow), who
// signs reports, and who manages the office's people; the server checks
// them on every role-gated write (docs/SYNC.md, "How actions are proven").
const (
	RoleDrafter     = "penyusun"      // drafts content, logs activities
	RoleVerifier    = "verifikator"   // approves or returns content
	RoleSigner      = "penandatangan" // signs reports
	RoleCoordinator = "koordinator"   // reads the offices under the office
	RoleAdmin       = "admin"         // Admin kantor: manages the office's people
)

// PersonRoles are the roles of a person, in the order forms list them.
var PersonRoles = Vocabulary{
	{RoleDrafter, Text{"Penyusun", "Drafter"}},
	{RoleVerifier, Text{"Verifikator", "Verifier"}},
	{RoleSigner, Text{"Penandatangan", "Signer"}},
	{RoleCoordinator, Text{"Koordinator", "Coordinator"}},
	{RoleAdmin, Text{"Admin kantor", "Office admin"}},
}

// Person is a user of an office: who signs in on the office's devices,
// what they may do (Roles), and the verifier of their password. People
// sync like every record, so that each device of the office can sign
// them in offline against the cached verifier and the server can check
// the proof of their actions. Verifier must never reach a form, a report
// or an export: the store's readers clear it (Public).
type Person struct {
	Meta
	Name       string       `json:"name"`
	NIP        string       `gorm:"column:nip" json:"nip"` // optional: not every signer is ASN
	Position   string       `json:"position"`              // jabatan
	Roles      List[string] `json:"roles"`
	Active     bool         `json:"active"`
	Verifier   string       `json:"verifier"`    // bcrypt hash of the password
	MustChange bool         `json:"must_change"` // an initial or reset password
}

// TableName names the local table.
func (Person) TableName() string { return "people" }

// Field labels of Person.
var (
	LabelPersonName     = Text{"Nama", "Name"}
	LabelPersonNIP      = Text{"NIP", "NIP"}
	LabelPersonPosition = Text{"Jabatan", "Position"}
	LabelPersonRoles    = Text{"Peran", "Roles"}
	LabelPersonActive   = Text{"Aktif", "Active"}
	LabelPassword       = Text{"Kata sandi", "Password"}
	LabelMustChange     = Text{"Wajib ganti kata sandi", "Must change password"}
)

// RuleVerifier: a verifier that is not a bcrypt hash.
const RuleVerifier = "verifier"

func init() {
	ruleMessages[RuleVerifier] = Text{"tidak sah (bukan hasil hash kata sandi)", "is not a password hash"}
}

// RecordKind implements Record.
func (*Person) RecordKind() string { return "person" }

// Normalize implements Record: names single-spaced, NIP without spaces,
// roles in vocabulary order without repeats.
func (p *Person) Normalize() {
	clean(&p.Name, &p.Position, &p.Verifier)
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.NIP = NormalizeNIP(p.NIP)
	var roles List[string]
	for _, code := range PersonRoles.Codes() {
		if slices.Contains(p.Roles, code) {
			roles = append(roles, code)
		}
	}
	for _, r := range p.Roles { // unknown roles stay, for Validate to name
		if r = strings.TrimSpace(r); r != "" && !PersonRoles.Has(r) && !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	p.Roles = roles
}

// Validate implements Record: a name, at least one known role, a valid
// NIP when given, and a password verifier.
func (p *Person) Validate() error {
	var c checker
	c.text("name", LabelPersonName, p.Name, true, MaxShort)
	c.nip("nip", LabelPersonNIP, p.NIP)
	c.text("position", LabelPersonPosition, p.Position, false, MaxShort)
	if len(p.Roles) == 0 {
		c.add("roles", LabelPersonRoles, RuleRequired)
	}
	c.allOf("roles", LabelPersonRoles, p.Roles, PersonRoles)
	switch {
	case p.Verifier == "":
		c.add("verifier", LabelPassword, RuleRequired)
	case len(p.Verifier) > MaxShort || !strings.HasPrefix(p.Verifier, "$2"):
		c.add("verifier", LabelPassword, RuleVerifier)
	}
	return c.err()
}

// Has reports whether the person holds role.
func (p *Person) Has(role string) bool { return slices.Contains(p.Roles, role) }

// Public returns a copy without the password verifier, for anything shown
// or exported.
func (p Person) Public() Person {
	p.Verifier = ""
	p.Roles = slices.Clone(p.Roles)
	return p
}

// Actor is who the workflow acts for: the signed-in person, or a legacy
// typed user (ID empty) on an installation that has no people yet.
func (p *Person) Actor() Actor {
	return Actor{ID: p.ID, Name: p.Name, Position: p.Position, Roles: slices.Clone(p.Roles)}
}

// RolesText lists the roles' labels in l, e.g. "Penyusun, Verifikator".
func RolesText(roles []string, l Lang) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = PersonRoles.Label(r, l)
	}
	return strings.Join(names, ", ")
}

// Actor is the person a workflow step is taken by. ID is the person's
// record id; it is empty only for a legacy typed user (an installation
// from before people existed), whose identity nothing verifies.
type Actor struct {
	ID       string
	Name     string
	Position string
	Roles    []string // PersonRoles codes
	// LegacyRole is a legacy user's own role (penulis, verifikator,
	// keduanya), which its audits keep recording as before.
	LegacyRole string
}

// Legacy reports whether the actor is a typed name, not a person.
func (a Actor) Legacy() bool { return a.ID == "" }

// Password rules. bcrypt reads at most 72 bytes, so longer ones are
// refused rather than silently cut.
const (
	MinPassword      = 8
	MaxPasswordBytes = 72
)

// Errors of CheckPasswordRules.
var (
	ErrPasswordShort = errors.New("kata sandi paling sedikit 8 karakter")
	ErrPasswordLong  = errors.New("kata sandi paling panjang 72 byte (sekitar 72 huruf)")
)

// CheckPasswordRules says what is wrong with a new password, or nil.
func CheckPasswordRules(password string) error {
	switch {
	case utf8.RuneCountInString(password) < MinPassword:
		return ErrPasswordShort
	case len(password) > MaxPasswordBytes:
		return ErrPasswordLong
	}
	return nil
}

// HashPassword returns the bcrypt verifier of a password that passes
// CheckPasswordRules. The password itself is never stored.
func HashPassword(password string) (string, error) {
	if err := CheckPasswordRules(password); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	return string(h), err
}

// PasswordMatches reports whether password is the one verifier was made
// from (in constant time, by bcrypt).
func PasswordMatches(verifier, password string) bool {
	return verifier != "" && bcrypt.CompareHashAndPassword([]byte(verifier), []byte(password)) == nil
}
