package store

import (
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

// BenchmarkCharts times the queries behind Beranda's charts over an office
// with 100,000 activities and 100,000 clippings spread over three years
// (DESIGN.md's target size; issue 14 asks for under 100 ms each).
//
//	go test -run '^$' -bench Charts ./data/store
//
// The rows are made by SQL in one statement each, not through the
// generator, so that the benchmark needs no cached database.
func BenchmarkCharts(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "charts.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	office, _ := s.Setting(ctx, SettingOffice, "")
	const n = 100000
	fill := []string{
		`INSERT INTO entries (id, office_id, updated_at, start_date, end_date, title, activity_type, strategy, status)
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
		SELECT printf('e%06d', i), ?, '2024-01-01', date('2022-01-01', '+' || (i % 1095) || ' days'),
			date('2022-01-01', '+' || (i % 1095) || ' days'), 'Kegiatan ' || i, 'sosialisasi', 1 + i % 8,
			CASE WHEN i % 5 = 0 THEN 'tidak_terlaksana' ELSE 'terlaksana' END FROM k`,
		`INSERT INTO clippings (id, office_id, updated_at, clip_date, outlet, medium, headline, tone)
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
		SELECT printf('c%06d', i), ?, '2024-01-01', date('2022-01-01', '+' || (i % 1095) || ' days'),
			'Media ' || (i % 40), 'online', 'Berita ' || i,
			CASE i % 3 WHEN 0 THEN 'positif' WHEN 1 THEN 'netral' ELSE 'negatif' END FROM k`,
	}
	for _, q := range fill {
		if err := s.rw.Exec(q, n, office).Error; err != nil {
			b.Fatal(err)
		}
	}
	day := data.NewDate(2024, 5, 15)
	runs := []struct {
		name string
		fn   func() error
	}{
		{"strategy", func() error { _, err := s.StrategyChart(ctx, office, day); return err }},
		{"monthly", func() error { _, err := s.MonthlyActivities(ctx, office, 2024); return err }},
		{"tone", func() error { _, err := s.ToneByMonth(ctx, office, 2024); return err }},
		{"hoax", func() error { _, err := s.OfficeHoaxQuarters(ctx, office, 2024); return err }},
		{"realisation", func() error { _, err := s.Realisation(ctx, []string{office}, 2024); return err }},
	}
	for _, r := range runs {
		b.Run(r.name, func(b *testing.B) {
			for b.Loop() {
				if err := r.fn(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		})
	}
}
