package store

import (
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

func TestListFilters(t *testing.T) {
	s := newStore(t)
	other := &data.Office{Name: "Diskominfo DIY", Kind: "diskominfo", Level: "provinsi"}
	if err := s.SaveOffice(ctx, other); err != nil {
		t.Fatal(err)
	}
	recs := []data.Record{
		&data.Entry{Title: "Sosialisasi pemilih pemula", ActivityType: "sosialisasi", Strategy: 4, StartDate: data.NewDate(2024, 2, 1), Location: "SMA 1 Depok"},
		&data.Entry{Title: "Rapat koordinasi PDPB", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: data.NewDate(2024, 5, 2)},
		&data.Entry{Title: "Rapat evaluasi 100% selesai", ActivityType: "rapat_koordinasi", Strategy: 7, StartDate: data.NewDate(2024, 8, 3)},
		&data.Entry{Meta: data.Meta{OfficeID: other.ID}, Title: "Rapat Bakohumas", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: data.NewDate(2024, 5, 9)},
	}
	if _, err := s.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	mine, _ := s.CurrentOffice(ctx)
	cases := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all offices, newest first", Filter{}, []string{"Rapat evaluasi 100% selesai", "Rapat Bakohumas", "Rapat koordinasi PDPB", "Sosialisasi pemilih pemula"}},
		{"one office", Filter{OfficeID: mine.ID}, []string{"Rapat evaluasi 100% selesai", "Rapat koordinasi PDPB", "Sosialisasi pemilih pemula"}},
		{"search is case-insensitive", Filter{OfficeID: mine.ID, Query: "RAPAT"}, []string{"Rapat evaluasi 100% selesai", "Rapat koordinasi PDPB"}},
		{"every word must match", Filter{Query: "rapat pdpb"}, []string{"Rapat koordinasi PDPB"}},
		{"location is searched", Filter{Query: "depok"}, []string{"Sosialisasi pemilih pemula"}},
		{"percent is literal", Filter{Query: "100%"}, []string{"Rapat evaluasi 100% selesai"}},
		{"underscore is literal", Filter{Query: "_"}, nil},
		{"strategy", Filter{Strategy: 2}, []string{"Rapat Bakohumas", "Rapat koordinasi PDPB"}},
		{"activity type", Filter{Kind: "sosialisasi"}, []string{"Sosialisasi pemilih pemula"}},
		{"date range inclusive", Filter{From: data.NewDate(2024, 5, 2), To: data.NewDate(2024, 8, 3)}, []string{"Rapat evaluasi 100% selesai", "Rapat Bakohumas", "Rapat koordinasi PDPB"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Entries(ctx, c.f, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := s.CountEntries(ctx, c.f)
			if n != len(c.want) || len(got) != len(c.want) {
				t.Fatalf("count %d, got %d rows, want %d", n, len(got), len(c.want))
			}
			for i := range got {
				if got[i].Title != c.want[i] {
					t.Errorf("row %d: %q, want %q", i, got[i].Title, c.want[i])
				}
			}
		})
	}
	page, _ := s.Entries(ctx, Filter{}, 1, 2)
	if len(page) != 2 || page[0].Title != "Rapat Bakohumas" {
		t.Fatalf("paging: %v", page)
	}
}

func TestDraftAndAgencyLists(t *testing.T) {
	s := newStore(t)
	recs := []data.Record{
		&data.Draft{Title: "Siaran pers PDPB", Kind: "siaran_pers", Status: data.StatusPublished, PlannedDate: data.NewDate(2024, 3, 1)},
		&data.Draft{Title: "Narasi tahapan", Kind: "narasi_tahapan", PlannedDate: data.NewDate(2024, 6, 1), ElectionStage: "Pendidikan Pemilih"},
		&data.Agency{Name: "tribun Jogja", Kind: "media", Region: "Yogyakarta"},
		&data.Agency{Name: "Bawaslu Sleman", Kind: "bawaslu", ContactPerson: "Arjuna"},
	}
	if _, err := s.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	drafts, _ := s.Drafts(ctx, Filter{Status: data.StatusDraft}, 0, 10)
	if len(drafts) != 1 || drafts[0].Title != "Narasi tahapan" {
		t.Fatalf("status filter: %v", drafts)
	}
	if d, _ := s.Drafts(ctx, Filter{Query: "pemilih"}, 0, 10); len(d) != 1 {
		t.Fatalf("election stage not searched: %v", d)
	}
	agencies, _ := s.Agencies(ctx, Filter{}, 0, 10)
	if len(agencies) != 2 || agencies[0].Name != "Bawaslu Sleman" {
		t.Fatalf("agencies not by name ignoring case: %v", agencies)
	}
	if a, _ := s.Agencies(ctx, Filter{Query: "arjuna"}, 0, 10); len(a) != 1 {
		t.Fatal("contact person not searched")
	}
	names, _ := s.AgencyNames(ctx, []string{agencies[1].ID})
	if names[agencies[1].ID] != "tribun Jogja" {
		t.Fatalf("names %v", names)
	}
}

func TestSummarize(t *testing.T) {
	s := newStore(t)
	office, _ := s.CurrentOffice(ctx)
	recs := []data.Record{
		&data.Entry{Title: "a", ActivityType: "sosialisasi", Strategy: 4, StartDate: data.NewDate(2024, 4, 1), Realised: true},
		&data.Entry{Title: "b", ActivityType: "sosialisasi", Strategy: 4, StartDate: data.NewDate(2024, 6, 30)},
		&data.Entry{Title: "c", ActivityType: "pelatihan", Strategy: 8, StartDate: data.NewDate(2024, 5, 5), Realised: true},
		&data.Entry{Title: "outside", ActivityType: "pelatihan", Strategy: 8, StartDate: data.NewDate(2024, 7, 1)},
		&data.Draft{Title: "soon", Kind: "pengumuman", PlannedDate: data.NewDate(2024, 5, 3)},
		&data.Draft{Title: "later", Kind: "pengumuman", Status: data.StatusApproved, PlannedDate: data.NewDate(2024, 5, 9)},
		&data.Draft{Title: "done", Kind: "pengumuman", Status: data.StatusPublished, PlannedDate: data.NewDate(2024, 5, 4)},
		&data.Draft{Title: "past", Kind: "pengumuman", PlannedDate: data.NewDate(2024, 4, 1)},
	}
	if _, err := s.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	sum, err := s.Summarize(ctx, office.ID, data.NewDate(2024, 4, 1), data.NewDate(2024, 6, 30), data.NewDate(2024, 5, 1), 5)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Entries != 3 || sum.Realised != 2 || sum.ByStrategy[4] != 2 || sum.ByStrategy[8] != 1 {
		t.Fatalf("entries %+v", sum)
	}
	if sum.DraftsByState[data.StatusDraft] != 2 || sum.DraftsByState[data.StatusPublished] != 1 {
		t.Fatalf("drafts %v", sum.DraftsByState)
	}
	if len(sum.Upcoming) != 2 || sum.Upcoming[0].Title != "soon" || sum.Upcoming[1].Title != "later" {
		t.Fatalf("upcoming %v", sum.Upcoming)
	}
}
