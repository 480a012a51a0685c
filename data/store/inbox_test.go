package store

import (
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// inboxKinds is what Inbox shows person at now, as "kind title" lines.
func inboxKinds(t *testing.T, s *Store, person *data.Person, now time.Time) []string {
	t.Helper()
	items, err := s.Inbox(ctx, person.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Kind+" "+it.Title)
	}
	return out
}

func sameLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A submission waits for the verifier, not for its writer; once returned
// it waits for the writer, with the note.
func TestInboxFollowsTheWorkflow(t *testing.T) {
	s := newStore(t)
	withAdmin(t, s)
	rina := addPerson(t, s, "Rina Kusumawati", "sandi-rina-1", data.RoleDrafter)
	bagus := addPerson(t, s, "Bagus Prasetyo", "sandi-bagus-1", data.RoleVerifier)
	now := time.Date(2026, 11, 5, 10, 0, 0, 0, time.Local) // no report is due

	signIn(t, s, rina.ID, "sandi-rina-1")
	d := &data.Draft{Title: "Siaran pers debat", Kind: "siaran_pers", Body: "Isi.", PlannedDate: data.NewDate(2026, 11, 9)}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	if got := inboxKinds(t, s, bagus, now); len(got) != 0 {
		t.Fatalf("a draft not submitted waits: %q", got)
	}
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if got, want := inboxKinds(t, s, bagus, now), []string{"setujui Siaran pers debat"}; !sameLines(got, want) {
		t.Fatalf("verifier's inbox = %q, want %q", got, want)
	}
	items, _ := s.Inbox(ctx, bagus.ID, now)
	if items[0].Note != "Rina Kusumawati" || items[0].RecordID != d.ID || items[0].Key == "" {
		t.Errorf("item = %+v", items[0])
	}
	if got := inboxKinds(t, s, rina, now); len(got) != 0 {
		t.Fatalf("the writer's own submission waits for her: %q", got)
	}

	signIn(t, s, bagus.ID, "sandi-bagus-1")
	if _, err := s.Return(ctx, d.ID, "Tambahkan sumber data."); err != nil {
		t.Fatal(err)
	}
	if got := inboxKinds(t, s, bagus, now); len(got) != 0 {
		t.Fatalf("a returned draft still waits for the verifier: %q", got)
	}
	items, err := s.Inbox(ctx, rina.ID, now)
	if err != nil || len(items) != 1 || items[0].Kind != data.InboxReturned || items[0].Note != "Tambahkan sumber data." {
		t.Fatalf("writer's inbox = %+v, %v", items, err)
	}
}

// Hoax cases wait once they are open longer than a day; clarified ones
// never. Only drafters and verifiers are told.
func TestInboxOverdueHoaxes(t *testing.T) {
	s := newStore(t)
	withAdmin(t, s)
	rina := addPerson(t, s, "Rina", "sandi-rina-1", data.RoleDrafter)
	signer := addPerson(t, s, "Kepala", "sandi-kepala-1", data.RoleSigner)
	now := time.Date(2026, 11, 5, 10, 0, 0, 0, time.Local)
	for _, h := range []*data.Hoax{
		{Claim: "Surat suara sudah dicoblos", Platform: "tiktok", FoundAt: now.Add(-30 * time.Hour)},
		{Claim: "TPS dipindah", Platform: "tiktok", FoundAt: now.Add(-2 * time.Hour)},
		{Claim: "Sudah dijawab", Platform: "tiktok", FoundAt: now.Add(-72 * time.Hour), ClarifiedAt: ptime(now.Add(-48 * time.Hour))},
	} {
		if err := s.SaveHoax(ctx, h); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := inboxKinds(t, s, rina, now), []string{"hoaks Surat suara sudah dicoblos"}; !sameLines(got, want) {
		t.Errorf("drafter's inbox = %q, want %q", got, want)
	}
	if got := inboxKinds(t, s, signer, now); len(got) != 0 {
		t.Errorf("a signer is told of hoaxes: %q", got)
	}
}

// The quarter's report is due from the middle of its last month to the
// end of the next month, unless the register holds its number.
func TestInboxQuarterReport(t *testing.T) {
	s := newStore(t)
	withAdmin(t, s)
	rina := addPerson(t, s, "Rina", "sandi-rina-1", data.RoleDrafter)
	verifier := addPerson(t, s, "Bagus", "sandi-bagus-1", data.RoleVerifier)
	cases := []struct {
		now  time.Time
		want []string
	}{
		{time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local), nil},
		{time.Date(2026, 12, 20, 9, 0, 0, 0, time.Local), []string{"laporan Triwulan IV 2026"}},
		{time.Date(2027, 1, 31, 9, 0, 0, 0, time.Local), []string{"laporan Triwulan IV 2026"}},
		{time.Date(2027, 2, 1, 9, 0, 0, 0, time.Local), nil},
		{time.Date(2026, 4, 3, 9, 0, 0, 0, time.Local), []string{"laporan Triwulan I 2026"}},
		{time.Date(2026, 9, 15, 0, 0, 0, 0, time.Local), []string{"laporan Triwulan III 2026"}},
	}
	for _, c := range cases {
		if got := inboxKinds(t, s, rina, c.now); !sameLines(got, c.want) {
			t.Errorf("%s: %q, want %q", c.now.Format(time.DateOnly), got, c.want)
		}
		if got := inboxKinds(t, s, verifier, c.now); len(got) != 0 {
			t.Errorf("%s: a verifier only is told of the report: %q", c.now.Format(time.DateOnly), got)
		}
	}
}

func TestInboxOfAnUnknownPerson(t *testing.T) {
	s := newStore(t)
	if _, err := s.Inbox(ctx, "tidak-ada", time.Now()); err == nil {
		t.Fatal("no error for a person that does not exist")
	}
}
