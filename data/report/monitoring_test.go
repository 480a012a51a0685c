package report

import (
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// TestMonitoringSection: the "Pemantauan Media" section of a quarterly
// rollup counts the clippings of the office and the one below by medium
// and tone, names the top outlets, shows which outlets picked up each
// press release and how fast, lists negative coverage with its answer,
// and sets the year's targets against realisation; the PDF (read back
// with pdftotext, emoji in a headline) and the XLSX (read back with
// excelize) say the same.
func TestMonitoringSection(t *testing.T) {
	st := openStore(t)
	office, _ := st.CurrentOffice(bctx)
	office.Name = "KPU Kabupaten Sleman"
	if err := st.SaveOffice(bctx, office); err != nil {
		t.Fatal(err)
	}
	sub := &data.Office{Name: "PPK Depok", Kind: "kpu", Level: "kabupaten", ParentID: office.ID}
	if err := st.SaveOffice(bctx, sub); err != nil {
		t.Fatal(err)
	}
	kompas := &data.Agency{Name: "Kompas Jogja", Kind: "media"}
	if err := st.SaveAgency(bctx, kompas); err != nil {
		t.Fatal(err)
	}
	rel := &data.Draft{Title: "Pendaftaran PPS dibuka", Kind: "siaran_pers", Status: data.StatusPublished,
		PlannedDate: data.NewDate(2024, 5, 2), PublishedAt: data.NewDate(2024, 5, 2), Channels: data.List[string]{"siaran_pers", "website"}}
	lonely := &data.Draft{Title: "Rilis tanpa pemuatan", Kind: "siaran_pers", Status: data.StatusPublished,
		PlannedDate: data.NewDate(2024, 6, 10), PublishedAt: data.NewDate(2024, 6, 10)}
	done := act(office.ID, "Sosialisasi PPS", 3, data.NewDate(2024, 4, 20), true, 50)
	done.Status = data.EntryDone
	mustInsert(t, st, rel, lonely, done)
	found := time.Date(2024, 5, 3, 8, 0, 0, 0, time.UTC)
	clarified := found.Add(5 * time.Hour)
	hoax := &data.Hoax{Claim: "PPS dibayar partai", Platform: "whatsapp", FoundAt: found, ClarifiedAt: &clarified}
	if err := st.SaveHoax(bctx, hoax); err != nil {
		t.Fatal(err)
	}
	clips := []*data.Clipping{
		{Date: data.NewDate(2024, 5, 2), AgencyID: kompas.ID, Medium: "cetak", Headline: "PPS dibuka 🗳️", Tone: "positif", DraftIDs: data.List[string]{rel.ID}},
		{Date: data.NewDate(2024, 5, 4), Outlet: "Radar Sleman", Medium: "online", Headline: "Pendaftar PPS membludak", Tone: "netral", DraftIDs: data.List[string]{rel.ID}},
		{Date: data.NewDate(2024, 5, 3), Outlet: "Akun Gosip Jogja", Medium: "media_sosial", Headline: "Katanya PPS dibayar partai", Tone: "negatif", HoaxID: hoax.ID},
		{Date: data.NewDate(2024, 3, 1), Outlet: "Radar Sleman", Medium: "online", Headline: "Di luar periode", Tone: "positif"},
	}
	for _, c := range clips {
		if err := st.SaveClipping(bctx, c); err != nil {
			t.Fatal(err)
		}
	}
	subClip := &data.Clipping{Meta: data.Meta{OfficeID: sub.ID}, Date: data.NewDate(2024, 6, 1), Outlet: "Radio Sleman",
		Medium: "radio", Headline: "PPK Depok siap", Tone: "positif"}
	mustInsert(t, st, subClip)
	if err := st.SaveTarget(bctx, &data.Target{Year: 2024, Items: data.List[data.TargetItem]{
		{Dimension: data.TargetStrategy, Code: "3", Count: 8}, {Dimension: data.TargetChannel, Code: "website", Count: 4}}}); err != nil {
		t.Fatal(err)
	}
	subTarget := &data.Target{Meta: data.Meta{OfficeID: sub.ID}, Year: 2024, Items: data.List[data.TargetItem]{{Dimension: data.TargetStrategy, Code: "3", Count: 2}}}
	mustInsert(t, st, subTarget)

	r, err := Build(bctx, st, Options{OfficeID: office.ID, Period: Period{2024, 2}, Rollup: true})
	if err != nil {
		t.Fatal(err)
	}
	m := r.Monitoring
	if m.Tally.Total != 4 || m.Tally.ByTone["positif"] != 2 || m.Tally.ByMedium["radio"] != 1 {
		t.Errorf("tally %+v", m.Tally)
	}
	if len(m.Releases) != 2 || len(m.Releases[0].Outlets) != 2 || m.Releases[0].FirstDays != 0 || m.Releases[1].FirstDays != -1 {
		t.Errorf("releases %+v", m.Releases)
	}
	if len(m.Pickup) != 1 || m.Pickup[0].Releases != 2 || m.Pickup[0].PickedUp != 1 {
		t.Errorf("pickup %+v", m.Pickup)
	}
	if len(m.Negative) != 1 || !strings.Contains(m.Negative[0].Answer, "PPS dibayar partai; diklarifikasi") {
		t.Errorf("negative %+v", m.Negative)
	}

	tools := needPDFTools(t)
	doc := tools.render(t, r, "")
	section := pdfFlatten(pdfSection(doc.text(), "PEMANTAUAN MEDIA", "KENDALA DAN TINDAK LANJUT"))
	for _, s := range []string{
		"tercatat 4 pemberitaan tentang kantor: 2 positif, 1 netral, dan 1 negatif",
		"Pemberitaan per Jenis Media dan Sentimen", "Media Teratas", "Kompas Jogja",
		"Pemuatan Siaran Pers oleh Media", "Triwulan II 2024", "50,0%",
		"Kompas Jogja (hari yang sama), Radar Sleman (2", "Belum dimuat media",
		"Pemberitaan Negatif dan Tanggapan", "Akun Gosip Jogja", "Kasus hoaks: PPS dibayar partai",
		"Target dan Realisasi Tahun 2024", "Strategi 3", "Konten Situs web", "10,0%",
	} {
		if !strings.Contains(section, s) {
			t.Errorf("section VI lacks %q:\n%s", s, section)
		}
	}
	if strings.Contains(section, "Di luar periode") {
		t.Errorf("a clipping outside the period is listed")
	}

	f, _ := writeXLSX(t, r)
	checks := map[[2]string]string{
		{SheetMediaTone, "B5"}: "Media daring", {SheetMediaTone, "F10"}: "4",
		{SheetOutlets, "B5"}: "Akun Gosip Jogja",
		{SheetPickup, "C5"}:  "Pendaftaran PPS dibuka", {SheetPickup, "E5"}: "0", {SheetPickup, "E6"}: "belum dimuat",
		{SheetNegative, "C5"}: "Akun Gosip Jogja",
		{SheetTargets, "B5"}:  "Strategi 3: " + data.StrategyLabel(3, data.LangID), {SheetTargets, "C5"}: "10", {SheetTargets, "H5"}: "1",
	}
	for at, want := range checks {
		if got := xlsxCell(t, f, at[0], at[1]); got != want {
			t.Errorf("%s!%s = %q, want %q", at[0], at[1], got, want)
		}
	}
}
