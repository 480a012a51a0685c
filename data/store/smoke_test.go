package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

func TestSmoke(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := &data.Agency{Name: "Diskominfo Sleman", Kind: "diskominfo", SocialAccounts: data.List[data.SocialAccount]{{Platform: "instagram", Handle: "@kominfosleman"}}}
	if err := s.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	e := &data.Entry{Title: "Rapat", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: data.NewDate(2024, 5, 2), PartnerIDs: data.List[string]{a.ID}}
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entries(ctx, Filter{Query: "rap"}, 0, 10)
	if err != nil || len(got) != 1 || got[0].PartnerIDs[0] != a.ID || got[0].EndDate != e.StartDate {
		t.Fatalf("%v %+v", err, got)
	}
	ga, _ := s.Agency(ctx, a.ID)
	t.Logf("%+v", ga)
	n, _ := s.PendingChanges(ctx)
	t.Log(n)
	sum, err := s.Summarize(ctx, e.OfficeID, data.NewDate(2024, 4, 1), data.NewDate(2024, 6, 30), data.NewDate(2024, 4, 1), 5)
	t.Logf("%+v %v", sum, err)
}
