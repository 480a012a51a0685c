package report

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

var bctx = context.Background()

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func mustInsert(t *testing.T, st *store.Store, recs ...data.Record) {
	t.Helper()
	if _, err := st.InsertBatch(bctx, recs, false); err != nil {
		t.Fatal(err)
	}
}

func act(office string, title string, strategy int, d data.Date, realised bool, participants int) *data.Entry {
	return &data.Entry{Meta: data.Meta{OfficeID: office}, Title: title, ActivityType: "sosialisasi",
		Strategy: strategy, StartDate: d, Realised: realised, Participants: participants, Outputs: 1, Reach: 100}
}

func TestBuildQuarter(t *testing.T) {
	st := openStore(t)
	office, _ := st.CurrentOffice(bctx)
	office.Name, office.HeadName, office.HeadPosition, office.HeadNIP, office.SignerPlace =
		"KPU Kabupaten Sleman", "Ahmad", "Ketua", "197805122005011003", "Sleman"
	if err := st.SaveOffice(bctx, office); err != nil {
		t.Fatal(err)
	}
	partner := &data.Agency{Name: "Bawaslu Sleman", Kind: "bawaslu"}
	st.SaveAgency(bctx, partner)
	withPartner := act("", "Rapat", 2, data.NewDate(2024, 4, 1), true, 30)
	withPartner.PartnerIDs = data.List[string]{partner.ID}
	withPartner.Obstacles = "Hujan"
	hoax := act("", "Klarifikasi hoaks", 6, data.NewDate(2024, 6, 30), false, 0)
	hoax.ActivityType = "klarifikasi_hoaks"
	mustInsert(t, st,
		withPartner, hoax,
		act("", "Sosialisasi Mei", 4, data.NewDate(2024, 5, 15), true, 50),
		act("", "Maret (luar periode)", 4, data.NewDate(2024, 3, 31), true, 5),
		act("", "Juli (luar periode)", 4, data.NewDate(2024, 7, 1), true, 5),
		&data.Draft{Title: "Terbit", Kind: "klarifikasi_hoaks", Status: data.StatusPublished, PlannedDate: data.NewDate(2024, 5, 2), Channels: data.List[string]{"instagram", "website"}},
		&data.Draft{Title: "Belum terbit", Kind: "siaran_pers", PlannedDate: data.NewDate(2024, 5, 3)},
	)
	r, err := Build(bctx, st, Options{Period: Period{2024, 2}, SignDate: data.NewDate(2024, 7, 5), NumberPattern: "{no}/HM.00.02/KPU-Kab/{romawi}/{tahun}", Sequence: 12})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Laporan Kegiatan Kehumasan Triwulan II Tahun 2024" || r.Number != "012/HM.00.02/KPU-Kab/VII/2024" {
		t.Fatalf("title %q number %q", r.Title, r.Number)
	}
	if r.Total.Count != 3 || r.Total.Realised != 2 || r.Total.NotRealised != 1 || r.Total.Participants != 80 {
		t.Fatalf("total %+v", r.Total)
	}
	if r.Strategies[1].Count != 1 || r.Strategies[3].Count != 1 || r.Strategies[5].Count != 1 {
		t.Fatalf("strategies %+v", r.Strategies)
	}
	if len(r.Months) != 3 || r.Months[0].Label != "April" || r.Months[0].Count != 1 || r.Months[2].Count != 1 {
		t.Fatalf("months %+v", r.Months)
	}
	if a := r.Activities[0]; a.Title != "Rapat" || len(a.Partners) != 1 || a.Partners[0] != "Bawaslu Sleman" {
		t.Fatalf("activity %+v", a)
	}
	if len(r.Publications) != 1 || len(r.Channels) != 2 || len(r.Hoaxes) != 2 || len(r.Issues) != 1 {
		t.Fatalf("pubs %v channels %v hoaxes %v issues %v", r.Publications, r.Channels, r.Hoaxes, r.Issues)
	}
	if r.Signer.NIP != "197805122005011003" || r.SignPlace != "Sleman" {
		t.Fatalf("signer %+v", r.Signer)
	}
}

func TestBuildEmptyPeriodAndAnnual(t *testing.T) {
	st := openStore(t)
	r, err := Build(bctx, st, Options{Period: Period{2023, 1}})
	if err != nil || r.Total.Count != 0 || len(r.Activities) != 0 {
		t.Fatalf("empty period: %v %+v", err, r.Total)
	}
	mustInsert(t, st,
		act("", "Q1", 1, data.NewDate(2024, 2, 1), true, 1),
		act("", "Q3", 1, data.NewDate(2024, 8, 1), true, 1),
		act("", "Q4", 8, data.NewDate(2024, 12, 31), true, 1))
	r, err = Build(bctx, st, Options{Period: Period{Year: 2024}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Laporan Kegiatan Kehumasan Tahun 2024" || len(r.Months) != 12 || r.Quarters[0][0] != 1 || r.Quarters[2][0] != 1 || r.Quarters[3][7] != 1 {
		t.Fatalf("annual %q %+v", r.Title, r.Quarters)
	}
	for _, p := range []Period{{1999, 1}, {2024, 5}, {2024, -1}} {
		if _, err := Build(bctx, st, Options{Period: p}); err == nil {
			t.Errorf("period %+v accepted", p)
		}
	}
}

func TestBuildRollup(t *testing.T) {
	st := openStore(t)
	prov := &data.Office{Name: "KPU DIY", Kind: "kpu", Level: "provinsi", HeadName: "Ketua KPU DIY", HeadPosition: "Ketua", HeadNIP: "196912251995032002"}
	st.SaveOffice(bctx, prov)
	kab := &data.Office{Name: "KPU Sleman", Kind: "kpu", Level: "kabupaten", ParentID: prov.ID}
	st.SaveOffice(bctx, kab)
	desa := &data.Office{Name: "KPU Bantul", Kind: "kpu", Level: "kabupaten", ParentID: prov.ID}
	st.SaveOffice(bctx, desa)
	other := &data.Office{Name: "KPU Jawa Tengah", Kind: "kpu", Level: "provinsi"}
	st.SaveOffice(bctx, other)
	d := data.NewDate(2024, 5, 1)
	mustInsert(t, st, act(prov.ID, "prov", 1, d, true, 1), act(kab.ID, "kab", 2, d, true, 1),
		act(desa.ID, "bantul", 2, d, true, 1), act(other.ID, "jateng", 3, d, true, 1))

	r, err := Build(bctx, st, Options{OfficeID: prov.ID, Period: Period{2024, 2}, Rollup: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Offices) != 3 || r.Offices[0].ID != prov.ID || r.Total.Count != 3 || r.Strategies[1].Count != 2 {
		t.Fatalf("rollup offices %d total %+v", len(r.Offices), r.Total)
	}
	if len(r.PerOffice) != 3 || r.PerOffice[1].Office.Name != "KPU Bantul" || r.PerOffice[1].Count != 1 {
		t.Fatalf("per office %+v", r.PerOffice)
	}
	single, _ := Build(bctx, st, Options{OfficeID: kab.ID, Period: Period{2024, 2}})
	if single.Total.Count != 1 || single.KnownBy.Name != "Ketua KPU DIY" {
		t.Fatalf("single office: %+v known by %+v", single.Total, single.KnownBy)
	}
}

func TestFormatNumber(t *testing.T) {
	d := data.NewDate(2024, 4, 3)
	cases := []struct{ pattern, want string }{
		{"{no}/HM.00.02/KPU-Kab/{romawi}/{tahun}", "007/HM.00.02/KPU-Kab/IV/2024"},
		{"{no}/{bulan}/{tahun}", "007/04/2024"},
		{"LAP-{triwulan}-{tahun}", "LAP-II-2024"},
	}
	for _, c := range cases {
		if got := FormatNumber(c.pattern, 7, d, Period{2024, 2}); got != c.want {
			t.Errorf("%s: %s", c.pattern, got)
		}
	}
}
