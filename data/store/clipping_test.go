package store

import (
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

func clip(headline string, d data.Date, tone string) *data.Clipping {
	return &data.Clipping{Date: d, Outlet: "Radar Sleman", Medium: "online", Headline: headline, Tone: tone}
}

func TestClippingValidation(t *testing.T) {
	s := newStore(t)
	tv := &data.Agency{Name: "TVRI Yogyakarta", Kind: "media"}
	police := &data.Agency{Name: "Polres Sleman", Kind: "polri"}
	for _, a := range []*data.Agency{tv, police} {
		if err := s.SaveAgency(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	d := data.NewDate(2024, 5, 2)
	tests := []struct {
		name   string
		edit   func(c *data.Clipping)
		fields []string
	}{
		{"valid free-text outlet", func(*data.Clipping) {}, nil},
		{"valid media agency", func(c *data.Clipping) { c.Outlet, c.AgencyID = "", tv.ID }, nil},
		{"outlet required", func(c *data.Clipping) { c.Outlet = " " }, []string{"outlet"}},
		{"agency must be media", func(c *data.Clipping) { c.AgencyID = police.ID }, []string{"agency_id"}},
		{"date required", func(c *data.Clipping) { c.Date = data.Date{} }, []string{"date"}},
		{"medium vocabulary", func(c *data.Clipping) { c.Medium = "koran" }, []string{"medium"}},
		{"tone required", func(c *data.Clipping) { c.Tone = "" }, []string{"tone"}},
		{"headline required", func(c *data.Clipping) { c.Headline = "" }, []string{"headline"}},
		{"link must be a URL", func(c *data.Clipping) { c.Link = "radarsleman.id/a" }, []string{"link"}},
		{"unknown draft", func(c *data.Clipping) { c.DraftIDs = data.List[string]{"tidak-ada"} }, []string{"draft_ids"}},
		{"unknown hoax", func(c *data.Clipping) { c.HoaxID = "tidak-ada" }, []string{"hoax_id"}},
		{"attachment hash", func(c *data.Clipping) { c.Attachment = "abc" }, []string{"attachment"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := clip("KPU Sleman buka pendaftaran PPS", d, "positif")
			tc.edit(c)
			_, before := rows(t, s, "clippings")
			err := s.SaveClipping(ctx, c)
			if len(tc.fields) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			v, ok := data.AsValidation(err)
			if !ok || len(v) != len(tc.fields) {
				t.Fatalf("got %v, want errors for %v", err, tc.fields)
			}
			for _, f := range tc.fields {
				if _, ok := v.For(f); !ok {
					t.Errorf("no error for %s in %v", f, v)
				}
			}
			if _, after := rows(t, s, "clippings"); after != before {
				t.Errorf("outbox grew on a refused clipping")
			}
		})
	}
	c := clip("x", d, "sinis")
	if err := s.SaveClipping(ctx, c); err == nil || err.Error() != "Sentimen berisi pilihan yang tidak dikenal" {
		t.Errorf("message %v", err)
	}
}

func TestClippingRegisterQueries(t *testing.T) {
	s := newStore(t)
	rel := &data.Draft{Title: "Siaran pers pendaftaran PPS", Kind: "siaran_pers"}
	if err := s.SaveDraft(ctx, rel); err != nil {
		t.Fatal(err)
	}
	in := []*data.Clipping{
		clip("Pendaftaran PPS dibuka", data.NewDate(2024, 1, 10), "positif"),
		clip("PPS kurang peminat", data.NewDate(2024, 2, 1), "negatif"),
		clip("Debat kandidat", data.NewDate(2024, 4, 1), "netral"),
	}
	in[0].DraftIDs = data.List[string]{rel.ID}
	in[0].Topics = data.List[string]{" PPS ", "Rekrutmen", "pps"}
	in[1].Topics = data.List[string]{"pps"}
	in[2].Medium = "tv"
	in[2].Link = "https://tv.example/debat"
	for _, c := range in {
		if err := s.SaveClipping(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if got := in[0].Topics; len(got) != 2 || got[0] != "pps" || got[1] != "rekrutmen" {
		t.Errorf("topics normalised to %q", got)
	}
	count := func(f ClippingFilter) int {
		n, err := s.CountClippings(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	cases := []struct {
		name string
		f    ClippingFilter
		want int
	}{
		{"all", ClippingFilter{}, 3},
		{"tone", ClippingFilter{Tone: "negatif"}, 1},
		{"medium", ClippingFilter{Filter: Filter{Kind: "tv"}}, 1},
		{"topic", ClippingFilter{Topic: "PPS"}, 2},
		{"draft", ClippingFilter{Draft: rel.ID}, 1},
		{"query", ClippingFilter{Filter: Filter{Query: "peminat"}}, 1},
		{"quarter", ClippingFilter{Filter: Filter{From: data.NewDate(2024, 1, 1), To: data.NewDate(2024, 3, 31)}}, 2},
	}
	for _, tc := range cases {
		if got := count(tc.f); got != tc.want {
			t.Errorf("%s: %d clippings, want %d", tc.name, got, tc.want)
		}
	}
	page, err := s.Clippings(ctx, ClippingFilter{}, 0, 2)
	if err != nil || len(page) != 2 || page[0].Headline != "Debat kandidat" {
		t.Fatalf("newest first: %v %v", page, err)
	}
	topics, err := s.ClippingTopics(ctx, 10)
	if err != nil || len(topics) != 2 || topics[0] != "pps" {
		t.Errorf("topics %q %v", topics, err)
	}
	if c, err := s.ClippingByLink(ctx, "https://tv.example/debat"); err != nil || c.ID != in[2].ID {
		t.Errorf("by link: %v %v", c, err)
	}
	if err := s.Delete(ctx, KindClipping, in[2].ID); err != nil {
		t.Fatal(err)
	}
	if got := count(ClippingFilter{}); got != 2 {
		t.Errorf("after delete %d", got)
	}
}

func TestTargetOnePerYear(t *testing.T) {
	s := newStore(t)
	office, _ := s.Setting(ctx, SettingOffice, "")
	empty, err := s.Target(ctx, office, 2024)
	if err != nil || empty.ID != "" || empty.Year != 2024 {
		t.Fatalf("no targets yet: %+v %v", empty, err)
	}
	t1 := &data.Target{Year: 2024, Items: data.List[data.TargetItem]{
		{Dimension: data.TargetStrategy, Code: "3", Count: 40},
		{Dimension: data.TargetChannel, Code: "instagram", Count: 120},
		{Dimension: data.TargetActivity, Code: "sosialisasi", Count: 0},
	}}
	if err := s.SaveTarget(ctx, t1); err != nil {
		t.Fatal(err)
	}
	t2 := &data.Target{Year: 2024, Items: data.List[data.TargetItem]{{Dimension: data.TargetStrategy, Code: "3", Count: 44}}}
	if err := s.SaveTarget(ctx, t2); err != nil {
		t.Fatal(err)
	}
	if t2.ID != t1.ID {
		t.Errorf("a second save made a second record")
	}
	got, err := s.Target(ctx, office, 2024)
	if err != nil || got.Count(data.TargetStrategy, "3") != 44 || got.Count(data.TargetChannel, "instagram") != 0 {
		t.Errorf("read back %+v %v", got, err)
	}
	bad := []*data.Target{
		{Year: 1999},
		{Year: 2024, Items: data.List[data.TargetItem]{{Dimension: data.TargetStrategy, Code: "9", Count: 1}}},
		{Year: 2024, Items: data.List[data.TargetItem]{{Dimension: data.TargetChannel, Code: "instagram", Count: -1}}},
	}
	for i, b := range bad {
		if _, ok := data.AsValidation(s.SaveTarget(ctx, b)); !ok {
			t.Errorf("bad target %d accepted", i)
		}
	}
}
