package monitoring

import (
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

func day(m, d int) data.Date { return data.NewDate(2024, time.Month(m), d) }

func release(id string, published data.Date) data.Draft {
	return data.Draft{Meta: data.Meta{ID: id}, Title: "Rilis " + id, Kind: "siaran_pers",
		Status: data.StatusPublished, PublishedAt: published}
}

func pickup(outlet string, d data.Date, drafts ...string) data.Clipping {
	return data.Clipping{Outlet: outlet, Date: d, Medium: "online", Headline: "x", Tone: "netral", DraftIDs: drafts}
}

func TestPickups(t *testing.T) {
	drafts := []data.Draft{
		release("b", day(2, 10)),
		release("a", day(1, 5)),
		release("c", day(4, 2)),
		{Meta: data.Meta{ID: "post"}, Kind: "konten_medsos", Status: data.StatusPublished, PublishedAt: day(1, 1)},
		{Meta: data.Meta{ID: "unpublished"}, Kind: "siaran_pers", Status: data.StatusDraft},
	}
	clips := []data.Clipping{
		pickup("Kompas", day(1, 7), "a"),
		pickup("Kompas", day(1, 6), "a"), // the outlet's earlier clipping counts
		pickup("Antara", day(1, 5), "a"), // same day
		pickup("Tribun", day(1, 4), "a"), // before publication: same day
		pickup("Radar", day(2, 14), "b", "post"),
		pickup("", day(2, 11), "b"), // an agency outlet
		pickup("Lain", day(3, 1), "unpublished"),
	}
	clips[5].AgencyID = "tvri"
	agencies := map[string]string{"tvri": "TVRI Yogyakarta"}
	got := Pickups(drafts, clips, agencies)
	if len(got) != 3 || got[0].Draft.ID != "a" || got[1].Draft.ID != "b" || got[2].Draft.ID != "c" {
		t.Fatalf("releases %+v", got)
	}
	want := map[string][]Pickup{
		"a": {{"Antara", day(1, 5), 0}, {"Tribun", day(1, 4), 0}, {"Kompas", day(1, 6), 1}},
		"b": {{"TVRI Yogyakarta", day(2, 11), 1}, {"Radar", day(2, 14), 4}},
		"c": nil,
	}
	for _, r := range got {
		w := want[r.Draft.ID]
		if len(r.Pickups) != len(w) {
			t.Errorf("%s: pickups %+v, want %+v", r.Draft.ID, r.Pickups, w)
			continue
		}
		for i := range w {
			if r.Pickups[i] != w[i] {
				t.Errorf("%s pickup %d: %+v, want %+v", r.Draft.ID, i, r.Pickups[i], w[i])
			}
		}
	}
	qs := PickupByQuarter(got, 2024)
	wantQ := []QuarterPickup{
		{Year: 2024, Quarter: 1, Releases: 2, PickedUp: 2, Outlets: 5, MedianDays: 0.5, HasMedian: true},
		{Year: 2024, Quarter: 2, Releases: 1},
		{Year: 2024, Quarter: 3},
		{Year: 2024, Quarter: 4},
	}
	for i := range wantQ {
		if qs[i] != wantQ[i] {
			t.Errorf("quarter %d: %+v, want %+v", i+1, qs[i], wantQ[i])
		}
	}
	if qs[0].Rate() != 1 || qs[1].Rate() != 0 || qs[2].Rate() != 0 {
		t.Errorf("rates %v %v %v", qs[0].Rate(), qs[1].Rate(), qs[2].Rate())
	}
	if qs[1].Label() != "Triwulan II 2024" {
		t.Errorf("label %q", qs[1].Label())
	}
}

func TestMedianOddAndEven(t *testing.T) {
	for _, tc := range []struct {
		in   []int
		want float64
	}{{[]int{3}, 3}, {[]int{5, 1, 3}, 3}, {[]int{4, 1, 3, 2}, 2.5}} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestTargetLines(t *testing.T) {
	target := &data.Target{Year: 2024, Items: data.List[data.TargetItem]{
		{Dimension: data.TargetStrategy, Code: "3", Count: 10},
		{Dimension: data.TargetChannel, Code: "instagram", Count: 120},
	}}
	r := Realised{}
	r.Add(data.TargetStrategy, "3", 1, 2)
	r.Add(data.TargetStrategy, "3", 2, 4)
	r.Add(data.TargetStrategy, "1", 1, 1) // realised without a target
	r.Add(data.TargetChannel, "instagram", 1, 40)
	r.Add(data.TargetStrategy, "3", 5, 9) // no fifth quarter: ignored
	lines := Lines(target, r)
	if len(lines) != 3 || lines[0].Code != "1" || lines[1].Code != "3" || lines[2].Code != "instagram" {
		t.Fatalf("lines %+v", lines)
	}
	s3 := lines[1]
	tests := []struct {
		q         int
		upto, due int
		percent   float64
		onTrack   bool
	}{
		{1, 2, 3, 20, false},
		{2, 6, 5, 60, true},
		{3, 6, 8, 60, false},
		{4, 6, 10, 60, false},
	}
	for _, tc := range tests {
		p, ok := s3.Percent(tc.q)
		if s3.Upto(tc.q) != tc.upto || s3.TargetUpto(tc.q) != tc.due || !ok || p != tc.percent || s3.OnTrack(tc.q) != tc.onTrack {
			t.Errorf("Q%d: upto %d due %d percent %v on track %v; want %+v",
				tc.q, s3.Upto(tc.q), s3.TargetUpto(tc.q), p, s3.OnTrack(tc.q), tc)
		}
	}
	if _, ok := lines[0].Percent(4); ok {
		t.Errorf("a line without a target has a percentage")
	}
	if got := CodeLabel(data.TargetChannel, "instagram", data.LangID); got != "Instagram" {
		t.Errorf("label %q", got)
	}

	sum := SumTargets(2024, target, nil, &data.Target{Year: 2024, Items: data.List[data.TargetItem]{{Dimension: data.TargetStrategy, Code: "3", Count: 5}}})
	if sum.Count(data.TargetStrategy, "3") != 15 || sum.Count(data.TargetChannel, "instagram") != 120 {
		t.Errorf("summed %+v", sum.Items)
	}
	other := Realised{}
	other.Add(data.TargetStrategy, "3", 1, 3)
	r.Merge(other)
	if r[data.TargetStrategy]["3"] != [4]int{5, 4, 0, 0} {
		t.Errorf("merged %v", r[data.TargetStrategy]["3"])
	}
}

func TestCountTally(t *testing.T) {
	clips := []data.Clipping{
		{Outlet: "Kompas", Medium: "online", Tone: "positif"},
		{Outlet: "Kompas", Medium: "cetak", Tone: "negatif"},
		{AgencyID: "tvri", Medium: "tv", Tone: "netral"},
		{Outlet: "Antara", Medium: "online", Tone: "positif"},
	}
	tl := Count(clips, map[string]string{"tvri": "TVRI"})
	if tl.Total != 4 || tl.ByMedium["online"] != 2 || tl.ByTone["positif"] != 2 || tl.ByMediumTone["cetak"]["negatif"] != 1 {
		t.Errorf("tally %+v", tl)
	}
	if tl.Outlets[0] != (OutletCount{"Kompas", 2, 1, 1}) || tl.Outlets[1].Outlet != "Antara" || tl.Outlets[2].Outlet != "TVRI" {
		t.Errorf("outlets %+v", tl.Outlets)
	}
	sum := Count(nil, nil)
	sum.Add(tl)
	sum.Add(tl)
	if sum.Total != 8 || sum.ByMediumTone["tv"]["netral"] != 2 {
		t.Errorf("sum %+v", sum)
	}
}
