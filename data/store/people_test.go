package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

const adminPassword = "rahasia-admin-1"

// withAdmin gives s its first admin, signed in.
func withAdmin(t *testing.T, s *Store) *data.Person {
	t.Helper()
	p := &data.Person{Name: "Admin Kantor", Position: "Kasubbag Umum", Roles: data.List[string]{data.RoleDrafter}}
	if _, err := s.FirstAdmin(ctx, p, adminPassword); err != nil {
		t.Fatal(err)
	}
	return p
}

// addPerson adds a person with roles as the signed-in admin.
func addPerson(t *testing.T, s *Store, name, password string, roles ...string) *data.Person {
	t.Helper()
	p := &data.Person{Name: name, Roles: roles}
	if err := s.SavePerson(ctx, p, password); err != nil {
		t.Fatal(err)
	}
	return p
}

func signIn(t *testing.T, s *Store, id, password string) *Session {
	t.Helper()
	se, err := s.SignIn(ctx, id, password)
	if err != nil {
		t.Fatalf("sign in %s: %v", id, err)
	}
	return se
}

func TestPersonValidation(t *testing.T) {
	ok := func() data.Person {
		return data.Person{Name: "Rina", Roles: data.List[string]{data.RoleDrafter}, Verifier: "$2a$10$abcdefghijklmnopqrstuv"}
	}
	cases := []struct {
		name, field string
		edit        func(*data.Person)
	}{
		{"no name", "name", func(p *data.Person) { p.Name = " " }},
		{"short NIP", "nip", func(p *data.Person) { p.NIP = "1980 0101" }},
		{"letters in NIP", "nip", func(p *data.Person) { p.NIP = "19800101200501100A" }},
		{"no role", "roles", func(p *data.Person) { p.Roles = nil }},
		{"unknown role", "roles", func(p *data.Person) { p.Roles = data.List[string]{"raja"} }},
		{"no verifier", "verifier", func(p *data.Person) { p.Verifier = "" }},
		{"clear-text verifier", "verifier", func(p *data.Person) { p.Verifier = "rahasia123" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := ok()
			c.edit(&p)
			p.Normalize()
			v, isV := data.AsValidation(p.Validate())
			if _, has := v.For(c.field); !isV || !has {
				t.Fatalf("want an error on %s, got %v", c.field, p.Validate())
			}
		})
	}
	p := ok()
	p.NIP = "19800101 200501 1 001"
	p.Roles = data.List[string]{data.RoleAdmin, data.RoleDrafter, data.RoleAdmin}
	p.Normalize()
	if err := p.Validate(); err != nil || p.NIP != "198001012005011001" || strings.Join(p.Roles, ",") != "penyusun,admin" {
		t.Fatalf("normalised %+v: %v", p, err)
	}
}

func TestFirstAdminAndPeople(t *testing.T) {
	s := newStore(t)
	if has, err := s.HasPeople(ctx); err != nil || has {
		t.Fatalf("fresh store has people: %v %v", has, err)
	}
	admin := withAdmin(t, s)
	if !admin.Has(data.RoleAdmin) || !admin.Has(data.RoleDrafter) || admin.Verifier != "" {
		t.Fatalf("first admin %+v", admin)
	}
	if se, ok := s.Session(); !ok || se.Person.ID != admin.ID || se.CanSign {
		t.Fatalf("session after FirstAdmin: %+v %v", se, ok)
	}
	if _, err := s.FirstAdmin(ctx, &data.Person{Name: "Lagi", Roles: data.List[string]{data.RoleAdmin}}, adminPassword); !errors.Is(err, ErrPeopleExist) {
		t.Fatalf("second FirstAdmin: %v", err)
	}
	rina := addPerson(t, s, "Rina Kusumawati", "awal-rina-1", data.RoleDrafter)
	if !rina.Active || !rina.MustChange || rina.Verifier != "" {
		t.Fatalf("new person %+v", rina)
	}
	people, err := s.People(ctx, "")
	if err != nil || len(people) != 2 {
		t.Fatalf("people %v %v", people, err)
	}
	if drafters, _ := s.PeopleWithRole(ctx, "", data.RoleDrafter); len(drafters) != 2 {
		t.Fatalf("penyusun: %v", drafters)
	}
	if signers, _ := s.PeopleWithRole(ctx, "", data.RoleSigner); len(signers) != 0 {
		t.Fatalf("penandatangan: %v", signers)
	}
	for _, p := range people {
		if p.Verifier != "" {
			t.Errorf("People leaks the verifier of %s", p.Name)
		}
	}
	var stored data.Person
	if err := s.ro.Where("id = ?", rina.ID).Take(&stored).Error; err != nil || !strings.HasPrefix(stored.Verifier, "$2") ||
		strings.Contains(stored.Verifier, "awal-rina-1") {
		t.Fatalf("stored verifier %q %v", stored.Verifier, err)
	}
	// Only an admin manages people, and the office keeps one.
	signIn(t, s, rina.ID, "awal-rina-1")
	if err := s.SavePerson(ctx, &data.Person{Name: "Bagus", Roles: data.List[string]{data.RoleVerifier}}, "awal-bagus-1"); !errors.Is(err, ErrNotAdmin) {
		t.Fatalf("non-admin SavePerson: %v", err)
	}
	signIn(t, s, admin.ID, adminPassword)
	admin.Roles = data.List[string]{data.RoleDrafter}
	if err := s.SavePerson(ctx, admin, ""); !errors.Is(err, ErrLastAdmin) {
		t.Fatalf("dropping the last admin: %v", err)
	}
	if p, _ := s.Person(ctx, admin.ID); !p.Has(data.RoleAdmin) {
		t.Fatal("refused change was stored")
	}
	if err := s.Delete(ctx, KindPerson, rina.ID); !errors.Is(err, ErrPersonByAdmin) {
		t.Fatalf("delete person: %v", err)
	}
	// Deactivated: no sign-in.
	rina.Active = false
	if err := s.SavePerson(ctx, rina, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, rina.ID, "awal-rina-1"); !errors.Is(err, ErrInactive) {
		t.Fatalf("inactive sign-in: %v", err)
	}
}

func TestSignInPasswordsAndRateLimit(t *testing.T) {
	s := newStore(t)
	admin := withAdmin(t, s)
	rina := addPerson(t, s, "Rina", "awal-rina-1", data.RoleDrafter)
	s.SignOut()
	if _, ok := s.Session(); ok {
		t.Fatal("session after SignOut")
	}
	if _, err := s.SignIn(ctx, rina.ID, "salah-sandi"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	se := signIn(t, s, rina.ID, "awal-rina-1")
	if !se.Person.MustChange {
		t.Fatal("initial password not marked must-change")
	}
	// Own password: the old one must match.
	if err := s.SetPassword(ctx, rina.ID, "bukan-ini", "baru-rina-22"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("change with a wrong old password: %v", err)
	}
	if err := s.SetPassword(ctx, rina.ID, "awal-rina-1", "pendek"); !errors.Is(err, data.ErrPasswordShort) {
		t.Fatalf("short password: %v", err)
	}
	if err := s.SetPassword(ctx, rina.ID, "awal-rina-1", "baru-rina-22"); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Person(ctx, rina.ID); p.MustChange {
		t.Fatal("must-change kept after the person's own change")
	}
	if err := s.SetPassword(ctx, admin.ID, "", "diambil-alih-1"); !errors.Is(err, ErrNotAdmin) {
		t.Fatalf("non-admin reset: %v", err)
	}
	if _, err := s.SignIn(ctx, rina.ID, "awal-rina-1"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("old password after change: %v", err)
	}
	signIn(t, s, rina.ID, "baru-rina-22")

	// Admin reset: must change again.
	signIn(t, s, admin.ID, adminPassword)
	if err := s.SetPassword(ctx, rina.ID, "", "reset-rina-33"); err != nil {
		t.Fatal(err)
	}
	if se := signIn(t, s, rina.ID, "reset-rina-33"); !se.Person.MustChange {
		t.Fatal("reset password not must-change")
	}

	// Rate limit: persisted, per person, growing.
	clock := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	for i := 0; i < FreeAttempts; i++ {
		if _, err := s.SignIn(ctx, rina.ID, "tebak-tebak"); !errors.Is(err, ErrWrongPassword) {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
	}
	var wait *SignInWaitError
	if _, err := s.SignIn(ctx, rina.ID, "reset-rina-33"); !errors.As(err, &wait) || !wait.Until.Equal(clock.Add(30*time.Second)) {
		t.Fatalf("sixth attempt: %v", err)
	}
	if !strings.Contains(wait.Error(), "coba lagi setelah") {
		t.Errorf("message %q", wait.Error())
	}
	signIn(t, s, admin.ID, adminPassword) // another person is not held up

	// A restart keeps the count.
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s2.now = func() time.Time { return clock.Add(10 * time.Second) }
	if _, err := s2.SignIn(ctx, rina.ID, "reset-rina-33"); !errors.As(err, &wait) {
		t.Fatalf("after restart: %v", err)
	}
	s2.now = func() time.Time { return clock.Add(31 * time.Second) }
	if _, err := s2.SignIn(ctx, rina.ID, "tebak-lagi"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("after the wait: %v", err)
	}
	if _, err := s2.SignIn(ctx, rina.ID, "reset-rina-33"); !errors.As(err, &wait) || !wait.Until.Equal(clock.Add(91*time.Second)) {
		t.Fatalf("the wait doubles: %v", err)
	}
	s2.now = func() time.Time { return clock.Add(92 * time.Second) }
	signIn(t, s2, rina.ID, "reset-rina-33")
	if _, err := s2.SignIn(ctx, rina.ID, "salah-sekali"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("count cleared by a success: %v", err)
	}
}

func TestWorkflowByIdentity(t *testing.T) {
	s := newStore(t)
	admin := withAdmin(t, s)
	rina := addPerson(t, s, "Rina Kusumawati", "awal-rina-1", data.RoleDrafter)
	bagus := addPerson(t, s, "Bagus Prasetyo", "awal-bagus-1", data.RoleVerifier)
	// Same typed name as Rina, a different person: names no longer decide.
	rina2 := addPerson(t, s, "Rina Kusumawati", "awal-rina-2", data.RoleDrafter, data.RoleVerifier)
	d := newDraft(t, s)

	s.SignOut()
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); !errors.Is(err, workflow.ErrNoUser) {
		t.Fatalf("nobody signed in: %v", err)
	}
	signIn(t, s, rina.ID, "awal-rina-1")
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	var re *workflow.RoleError
	if _, err := s.Approve(ctx, d.ID, ""); !errors.As(err, &re) {
		t.Fatalf("penyusun approves: %v", err)
	}
	signIn(t, s, admin.ID, adminPassword) // admin and penyusun, no verifikator
	if _, err := s.Approve(ctx, d.ID, ""); !errors.As(err, &re) {
		t.Fatalf("admin approves: %v", err)
	}
	signIn(t, s, rina2.ID, "awal-rina-2")
	if _, err := s.Approve(ctx, d.ID, "ok"); err != nil {
		t.Fatalf("another person of the same name approves: %v", err)
	}
	trail, _ := s.AuditTrail(ctx, d.ID)
	if trail[0].ActorID != rina.ID || trail[1].ActorID != rina2.ID || trail[1].ActorRole != data.RoleVerifier || trail[1].Legacy() {
		t.Fatalf("trail %+v", trail)
	}
	// Self-approval by identity.
	d2 := newDraft(t, s)
	if _, err := s.Submit(ctx, d2.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Approve(ctx, d2.ID, ""); !errors.Is(err, workflow.ErrSelfApproval) {
		t.Fatalf("self-approval: %v", err)
	}
	signIn(t, s, bagus.ID, "awal-bagus-1")
	if _, err := s.Approve(ctx, d2.ID, ""); err != nil {
		t.Fatal(err)
	}
	// updated_by shows the signed-in person's name.
	if got, _ := s.Draft(ctx, d2.ID); got.UpdatedBy != "Bagus Prasetyo" {
		t.Errorf("updated_by %q", got.UpdatedBy)
	}
}

func TestChangesNameTheirPerson(t *testing.T) {
	s := newStore(t)
	admin := withAdmin(t, s)
	d := newDraft(t, s)
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEntry(ctx, entry("Sosialisasi", 4, data.NewDate(2024, 5, 1))); err != nil {
		t.Fatal(err)
	}
	// Not enrolled: no key, so the audit and the draft wait for their
	// proof; the entry (no proof needed) goes.
	var queued []OutboxEntry
	s.ro.Order("seq").Find(&queued)
	waiting := map[string]bool{}
	for _, e := range queued {
		if e.Kind == "person" { // the first admin made themself, unsigned
			continue
		}
		if e.ActorID != admin.ID {
			t.Errorf("%s %s: actor %q", e.Kind, e.RecordID, e.ActorID)
		}
		waiting[e.Kind] = waiting[e.Kind] || e.AwaitsProof
	}
	if !waiting["audit"] || !waiting["draft"] || waiting["entry"] {
		t.Fatalf("awaiting proof: %v", waiting)
	}
	picked, err := s.PreparePush(ctx, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(picked) != 2 { // the first admin's record and the entry
		t.Errorf("picked %d to push", len(picked))
	}
	for _, e := range picked {
		if e.AwaitsProof {
			t.Errorf("pushed %s without its proof", e.Kind)
		}
	}
	// The key arrives (an online sign-in): the waiting change is signed.
	key := []byte(strings.Repeat("k", 32))
	if err := s.AdoptSigningKey(ctx, admin.ID, adminPassword, key); err != nil {
		t.Fatal(err)
	}
	s.ro.Where("kind IN ('audit', 'draft')").Find(&queued)
	if len(queued) != 3 { // the draft made, the draft submitted, the audit
		t.Fatalf("after the key: %d queued", len(queued))
	}
	for _, e := range queued {
		if e.AwaitsProof || e.Proof == "" {
			t.Errorf("after the key, %s still waits: %+v", e.Kind, e)
		}
	}
	if se, _ := s.Session(); !se.CanSign {
		t.Fatal("session did not take the key")
	}
}
