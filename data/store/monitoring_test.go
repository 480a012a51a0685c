package store

import (
	"testing"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/monitoring"
)

// published stores a draft as the workflow leaves a published one.
func published(t *testing.T, s *Store, title string, day data.Date, channels ...string) *data.Draft {
	t.Helper()
	d := &data.Draft{Title: title, Kind: "siaran_pers", Status: data.StatusPublished, PublishedAt: day,
		PlannedDate: day, Channels: channels}
	d.Normalize()
	if err := s.write(ctx, func(tx *gorm.DB) error { return s.saveTx(tx, d) }); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRealisationAndCharts(t *testing.T) {
	s := newStore(t)
	office, _ := s.Setting(ctx, SettingOffice, "")
	done := func(title string, strategy int, d data.Date, typ string) {
		e := entry(title, strategy, d)
		e.ActivityType, e.Status = typ, data.EntryDone
		if err := s.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	done("a", 3, data.NewDate(2024, 1, 5), "sosialisasi")
	done("b", 3, data.NewDate(2024, 2, 5), "publikasi")
	done("c", 3, data.NewDate(2024, 4, 5), "sosialisasi")
	done("d", 1, data.NewDate(2024, 12, 31), "sosialisasi")
	done("lalu", 1, data.NewDate(2023, 12, 31), "sosialisasi")
	notDone := entry("batal", 3, data.NewDate(2024, 1, 9))
	notDone.Status, notDone.NotDoneReason = data.EntryNotDone, "hujan"
	if err := s.SaveEntry(ctx, notDone); err != nil {
		t.Fatal(err)
	}
	published(t, s, "r1", data.NewDate(2024, 3, 1), "instagram", "website")
	published(t, s, "r2", data.NewDate(2024, 7, 1), "instagram")

	r, err := s.Realisation(ctx, []string{office}, 2024)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		dim, code string
		want      [4]int
	}{
		{data.TargetStrategy, "3", [4]int{2, 1, 0, 0}},
		{data.TargetStrategy, "1", [4]int{0, 0, 0, 1}},
		{data.TargetActivity, "sosialisasi", [4]int{1, 1, 0, 1}},
		{data.TargetActivity, "publikasi", [4]int{1, 0, 0, 0}},
		{data.TargetChannel, "instagram", [4]int{1, 0, 1, 0}},
		{data.TargetChannel, "website", [4]int{1, 0, 0, 0}},
	}
	for _, c := range checks {
		if got := r[c.dim][c.code]; got != c.want {
			t.Errorf("%s %s: %v, want %v", c.dim, c.code, got, c.want)
		}
	}
	if err := s.SaveTarget(ctx, &data.Target{Year: 2024, Items: data.List[data.TargetItem]{{Dimension: data.TargetStrategy, Code: "3", Count: 10}}}); err != nil {
		t.Fatal(err)
	}
	tgt, _ := s.Target(ctx, office, 2024)
	lines := monitoring.Lines(tgt, r)
	if p, ok := lines[1].Percent(4); !ok || p != 30 {
		t.Errorf("strategy 3 realised %v%% of target", p)
	}

	sq, err := s.StrategyChart(ctx, office, data.NewDate(2024, 1, 20))
	if err != nil {
		t.Fatal(err)
	}
	if sq.This[3] != 2 || sq.Last[1] != 1 || sq.Target[3] != 3 || sq.Quarter != 1 {
		t.Errorf("strategy chart %+v", sq)
	}
	months, err := s.MonthlyActivities(ctx, office, 2024)
	if err != nil || months[0] != 1 || months[1] != 1 || months[3] != 1 || months[11] != 1 || months[2] != 0 {
		t.Errorf("months %v %v", months, err)
	}
	for _, c := range []*data.Clipping{
		clip("a", data.NewDate(2024, 1, 3), "positif"),
		clip("b", data.NewDate(2024, 1, 4), "negatif"),
		clip("c", data.NewDate(2024, 1, 5), "negatif"),
		clip("d", data.NewDate(2024, 5, 5), "netral"),
	} {
		if err := s.SaveClipping(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	tones, err := s.ToneByMonth(ctx, office, 2024)
	if err != nil || tones[0] != (MonthTone{1, 1, 0, 2}) || tones[4].Neutral != 1 {
		t.Errorf("tones %v %v", tones, err)
	}
}
