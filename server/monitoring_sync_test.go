package server_test

import (
	"errors"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/monitoring"
	"github.com/humasdesk/humasdesk/data/store"
)

// Media monitoring's kinds (clipping, target) sync like every record: a
// clipping and the year's targets made on one device reach the office's
// other device and the coordinator, whose rollup sums them; the server
// refuses an invalid one with the same rules the app uses.
func TestMonitoringKindsReachTheCoordinator(t *testing.T) {
	w := newWorld(t)
	a1, a2, coord := w.device(w.a), w.device(w.a), w.device(w.prov)

	outlet := &data.Agency{Name: "Harian Jogja", Kind: "media"}
	if err := a1.SaveAgency(ctx, outlet); err != nil {
		t.Fatal(err)
	}
	c := &data.Clipping{Date: data.NewDate(2024, 5, 2), AgencyID: outlet.ID, Medium: "cetak",
		Headline: "KPU Sleman buka pendaftaran PPS", Tone: data.TonePositive, Topics: data.List[string]{"PPS"}}
	if err := a1.SaveClipping(ctx, c); err != nil {
		t.Fatal(err)
	}
	target := &data.Target{Year: 2024, Items: data.List[data.TargetItem]{{Dimension: data.TargetStrategy, Code: "3", Count: 40}}}
	if err := a1.SaveTarget(ctx, target); err != nil {
		t.Fatal(err)
	}
	if rep := sync(t, a1); rep.Applied != 3 || rep.Conflicts != 0 || rep.Rejected != 0 {
		t.Fatalf("first push: %+v", rep)
	}
	sync(t, a2)
	got, err := a2.Clipping(ctx, c.ID)
	if err != nil || got.Headline != c.Headline || got.AgencyID != outlet.ID || got.Topics[0] != "pps" || got.Version != 1 {
		t.Fatalf("the other device's clipping %+v (%v)", got, err)
	}
	// The other device raises the target: the same year's record, no second one.
	t2, _ := a2.Target(ctx, w.a.ID, 2024)
	t2.Items[0].Count = 48
	if err := a2.SaveTarget(ctx, t2); err != nil || t2.ID != target.ID {
		t.Fatalf("second device's target: %v (id %s, want %s)", err, t2.ID, target.ID)
	}
	if rep := sync(t, a2); rep.Applied != 1 || rep.Conflicts != 0 {
		t.Fatalf("second device push: %+v", rep)
	}
	sync(t, a1)
	sync(t, coord)

	if got, err := coord.Clipping(ctx, c.ID); err != nil || got.OfficeID != w.a.ID {
		t.Errorf("coordinator's clipping %+v (%v)", got, err)
	}
	targets, err := coord.TargetsOf(ctx, []string{w.a.ID, w.prov.ID}, 2024)
	if err != nil || len(targets) != 1 || targets[w.a.ID].Count(data.TargetStrategy, "3") != 48 {
		t.Errorf("coordinator's targets %+v (%v)", targets, err)
	}
	sum := monitoring.SumTargets(2024, targets[w.a.ID], targets[w.prov.ID])
	if sum.Count(data.TargetStrategy, "3") != 48 {
		t.Errorf("rollup %+v", sum.Items)
	}
	clips, err := coord.ClippingsBetween(ctx, []string{w.a.ID, w.prov.ID}, data.NewDate(2024, 1, 1), data.NewDate(2024, 12, 31))
	if err != nil || len(clips) != 1 {
		t.Errorf("coordinator's clippings for the rollup: %d (%v)", len(clips), err)
	}
	if err := coord.SaveClipping(ctx, got); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("coordinator edited an office's clipping: %v", err)
	}
}
