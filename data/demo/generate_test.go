package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "gen.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cfg := GenConfig{Agencies: 30, Drafts: 60, Entries: 250, Seed: 7, BatchSize: 100}
	res, err := GenerateCount(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res != (GenResult{30, 60, 250}) {
		t.Fatalf("inserted %+v, want 30/60/250", res)
	}
	for _, c := range []struct {
		name  string
		count func(context.Context, store.Filter) (int, error)
		want  int
	}{{"agencies", st.CountAgencies, 30}, {"drafts", st.CountDrafts, 60}, {"entries", st.CountEntries, 250}} {
		if n, err := c.count(ctx, store.Filter{}); err != nil || n != c.want {
			t.Errorf("%s: %d (%v), want %d", c.name, n, err, c.want)
		}
	}
	if n, _ := st.PendingChanges(ctx); n != 0 {
		t.Errorf("generated data queued %d outbox entries, want none", n)
	}

	// Running again with the same seed adds nothing.
	res, err = GenerateCount(ctx, st, cfg)
	if err != nil || res != (GenResult{}) {
		t.Fatalf("second run inserted %+v (%v), want nothing", res, err)
	}
	if n, _ := st.CountEntries(ctx, store.Filter{}); n != 250 {
		t.Errorf("entries after second run: %d, want 250", n)
	}

	for s := 1; s <= len(data.Strategies); s++ {
		if n, _ := st.CountEntries(ctx, store.Filter{Strategy: s}); n == 0 {
			t.Errorf("no entry of strategy %d", s)
		}
	}
	for _, v := range data.ActivityTypes {
		if n, _ := st.CountEntries(ctx, store.Filter{Kind: v.Code}); n == 0 {
			t.Errorf("no entry of activity type %s", v.Code)
		}
	}
	for _, v := range data.AgencyKinds {
		if n, _ := st.CountAgencies(ctx, store.Filter{Kind: v.Code}); n == 0 {
			t.Errorf("no agency of kind %s", v.Code)
		}
	}
	for _, v := range data.DraftKinds {
		if n, _ := st.CountDrafts(ctx, store.Filter{Kind: v.Code}); n == 0 {
			t.Errorf("no draft of kind %s", v.Code)
		}
	}
	for _, v := range data.DraftStatuses {
		if n, _ := st.CountDrafts(ctx, store.Filter{Status: v.Code}); n == 0 {
			t.Errorf("no draft with status %s", v.Code)
		}
	}

	// Partners refer to generated agencies, and every channel is used.
	agencies := map[string]bool{}
	as, err := st.Agencies(ctx, store.Filter{}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		agencies[a.ID] = true
	}
	es, err := st.Entries(ctx, store.Filter{}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		for _, id := range e.PartnerIDs {
			if !agencies[id] {
				t.Fatalf("entry %q names unknown partner %s", e.Title, id)
			}
		}
	}
	ds, err := st.Drafts(ctx, store.Filter{}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	channels := map[string]bool{}
	for _, d := range ds {
		for _, c := range d.Channels {
			channels[c] = true
		}
		for _, id := range d.AgencyIDs {
			if !agencies[id] {
				t.Fatalf("draft %q names unknown agency %s", d.Title, id)
			}
		}
	}
	for _, c := range data.Channels {
		if !channels[c.Code] {
			t.Errorf("no draft on channel %s", c.Code)
		}
	}
	t.Logf("e.g. %q at %q; %q", es[0].Title, es[0].Location, ds[0].Title)
}

// The same seed gives the same records, whatever the batch size; another
// seed gives others.
func TestGenerateDeterministic(t *testing.T) {
	a := newGen(GenConfig{Agencies: 20, Seed: 3, OfficeID: "x"})
	b := newGen(GenConfig{Agencies: 20, Seed: 3, OfficeID: "x"})
	c := newGen(GenConfig{Agencies: 20, Seed: 4, OfficeID: "x"})
	for i := 0; i < 20; i++ {
		ea, eb, ec := a.entry(i), b.entry(i), c.entry(i)
		if ea.ID != eb.ID || ea.Title != eb.Title || ea.Notes != eb.Notes || ea.StartDate != eb.StartDate {
			t.Fatalf("entry %d differs between runs of one seed", i)
		}
		if ea.ID == ec.ID {
			t.Fatalf("entry %d has the same id under two seeds", i)
		}
		if err := ea.Validate(); err != nil {
			t.Fatalf("entry %d invalid: %v", i, err)
		}
	}
	if GenID(1, "entry", 5) == GenID(1, "draft", 5) {
		t.Fatal("ids of different kinds collide")
	}
}
