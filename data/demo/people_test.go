package demo

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// TestDemoPeople: each demo office has an admin, a drafter, a verifier
// and a signer; the KPU office's (this installation's) sign in with the
// documented password without having to change it; a second load adds
// no one; the verifier has submissions waiting in Tugas saya; and the
// demo trails name the people.
func TestDemoPeople(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opt := Options{Year: 2024, Today: data.NewDate(2024, 11, 15)}
	res, err := Load(ctx, st, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.People != 8 {
		t.Errorf("first load added %d people, want 8", res.People)
	}
	if err := data.CheckPasswordRules(Password); err != nil {
		t.Fatalf("demo password: %v", err)
	}
	roles := []string{data.RoleAdmin, data.RoleDrafter, data.RoleVerifier, data.RoleSigner}
	count := map[string]int{}
	for _, office := range []string{KPUOfficeID, DiskominfoOfficeID} {
		people, err := st.People(ctx, office)
		if err != nil {
			t.Fatal(err)
		}
		count[office] = len(people)
		for _, r := range roles {
			if !slices.ContainsFunc(people, func(p data.Person) bool { return p.Active && p.Has(r) }) {
				t.Errorf("office %s has no active %s among %v", office, r, people)
			}
		}
	}
	if ok, _ := st.HasPeople(ctx); !ok {
		t.Fatal("this installation's office has no people: the app would ask for a first admin")
	}
	for _, key := range []string{"admin", "penyusun", "verifikator", "penandatangan"} {
		se, err := st.SignIn(ctx, PersonID(KPUOfficeID, key), Password)
		if err != nil {
			t.Fatalf("sign in as %s: %v", key, err)
		}
		if se.Person.MustChange {
			t.Errorf("%s must change the demo password", key)
		}
	}

	if res, err := Load(ctx, st, opt); err != nil || res.People != 0 {
		t.Fatalf("second load added %d people (%v)", res.People, err)
	}
	for office, n := range count {
		if people, _ := st.People(ctx, office); len(people) != n {
			t.Errorf("second load: office %s has %d people, had %d", office, len(people), n)
		}
	}

	verifier := PersonID(KPUOfficeID, "verifikator")
	items, err := st.Inbox(ctx, verifier, time.Date(2024, 11, 15, 12, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	drafter, _ := People(KPUOfficeID)
	if !slices.ContainsFunc(items, func(it store.InboxItem) bool {
		return it.Kind == data.InboxToApprove && it.Note == drafter.Name
	}) {
		t.Errorf("verifier's Tugas saya has no submission by %s to approve: %+v", drafter.Name, items)
	}
	mine, err := st.Inbox(ctx, PersonID(KPUOfficeID, "penyusun"), time.Date(2024, 11, 15, 12, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(mine, func(it store.InboxItem) bool { return it.Kind == data.InboxReturned }) {
		t.Errorf("drafter's Tugas saya has no returned content: %+v", mine)
	}
	for _, it := range items {
		if it.Kind != data.InboxToApprove {
			continue
		}
		trail, err := st.AuditTrail(ctx, it.RecordID)
		if err != nil {
			t.Fatal(err)
		}
		if len(trail) == 0 || trail[0].ActorID != PersonID(KPUOfficeID, "penyusun") {
			t.Errorf("trail of %q does not name the drafter: %+v", it.Title, trail)
		}
	}
}
