package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/monitoring"
	"github.com/humasdesk/humasdesk/data/store"
)

// The demo's year of clippings is believable: every month has coverage,
// most of it positive, some negative tied to hoax cases; outlets come from
// the media agencies; most press releases were picked up; the year has
// targets. A second load adds none of it again.
func TestDemoMonitoring(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opt := Options{Year: 2024, Today: data.NewDate(2024, 11, 15)}
	if _, err := Load(ctx, st, opt); err != nil {
		t.Fatal(err)
	}
	from, to := iddate.YearRange(2024)
	clips, err := st.ClippingsBetween(ctx, []string{KPUOfficeID}, from, to)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := st.AgencyNames(ctx, nil)
	tally := monitoring.Count(clips, names)
	if tally.Total < 100 || tally.ByTone[data.TonePositive] <= tally.ByTone[data.ToneNegative] || tally.ByTone[data.ToneNegative] == 0 {
		t.Errorf("tally %+v", tally.ByTone)
	}
	months := map[int]bool{}
	agencyOutlets, hoaxLinked := 0, 0
	for _, c := range clips {
		months[int(c.Date.Month)] = true
		if c.AgencyID != "" {
			agencyOutlets++
		}
		if c.HoaxID != "" {
			hoaxLinked++
		}
		if c.Date.After(opt.Today) {
			t.Errorf("a clipping after today: %v", c.Date)
		}
	}
	if len(months) != 11 || agencyOutlets == 0 || hoaxLinked == 0 {
		t.Errorf("months %d, agency outlets %d, hoax-linked %d", len(months), agencyOutlets, hoaxLinked)
	}
	drafts, _ := st.DraftsBetween(ctx, []string{KPUOfficeID}, from, to)
	rel := monitoring.Pickups(drafts, clips, names)
	picked := 0
	for _, r := range rel {
		if r.PickedUp() {
			picked++
		}
	}
	if len(rel) == 0 || picked == 0 {
		t.Errorf("%d of %d releases picked up", picked, len(rel))
	}
	if tg, err := st.Target(ctx, KPUOfficeID, 2024); err != nil || len(tg.Items) < 4 {
		t.Errorf("targets %+v (%v)", tg, err)
	}
	if again, err := Load(ctx, st, opt); err != nil || again != (Result{}) {
		t.Fatalf("second load: %+v (%v)", again, err)
	}
	if n, _ := st.CountClippings(ctx, store.ClippingFilter{}); n < len(clips) {
		t.Errorf("count %d", n)
	}
	after, _ := st.ClippingsBetween(ctx, []string{KPUOfficeID}, from, to)
	if len(after) != len(clips) {
		t.Errorf("a second load added clippings: %d → %d", len(clips), len(after))
	}
}
