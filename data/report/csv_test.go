package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/csvimport"
)

func TestCSVExportLayout(t *testing.T) {
	_, r := xlsxFixture(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\ufefftanggal_mulai,tanggal_selesai,judul,") || !strings.Contains(out, "\r\n") {
		t.Fatalf("no BOM, comma header or CRLF: %.80q", out)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(csvimport.EntryHeader(), ",") || len(recs)-1 != len(r.Activities) {
		t.Fatalf("header %q, %d rows", recs[0], len(recs)-1)
	}
	first := recs[1]
	if first[0] != "10/07/2023" || first[3] != "Rapat koordinasi" || first[4] != "2" || first[5] != "Aula KPU, Sleman" ||
		first[7] != "Bawaslu Kabupaten Sleman; Polres Sleman" || first[11] != "Terlaksana" {
		t.Errorf("first row %q", first)
	}
	// A title a spreadsheet would run as a formula is protected.
	if !strings.Contains(out, ",'=SUM(1;2) bukan rumus,") {
		t.Error("formula-like title not protected")
	}
	buf.Reset()
	if err := WriteCSVSeparator(&buf, r, ';'); err != nil || !strings.HasPrefix(buf.String(), "\ufefftanggal_mulai;tanggal_selesai;") {
		t.Errorf("semicolon export: %v %.40q", err, buf.String())
	}
}

// An exported activity list imports into a fresh database as the same
// activities.
func TestCSVRoundTrip(t *testing.T) {
	_, r := xlsxFixture(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	fresh := openStore(t)
	mustInsert(t, fresh, &data.Agency{Name: "Bawaslu Kabupaten Sleman", Kind: "bawaslu"}, &data.Agency{Name: "polres sleman", Kind: "polri"})
	res, err := csvimport.ImportEntries(bctx, fresh, bytes.NewReader(buf.Bytes()), csvimport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != len(r.Activities) {
		t.Fatalf("imported %d of %d", res.Inserted, len(r.Activities))
	}
	again, err := Build(bctx, fresh, Options{Period: r.Period})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Activities) != len(r.Activities) || again.Total != r.Total || again.Strategies != r.Strategies {
		t.Fatalf("totals %+v, want %+v", again.Total, r.Total)
	}
	for i, want := range r.Activities {
		got := again.Activities[i]
		if got.Title != want.Title || got.StartDate != want.StartDate || got.EndDate != want.EndDate ||
			got.Strategy != want.Strategy || got.ActivityType != want.ActivityType || got.Online != want.Online ||
			got.Realised != want.Realised || got.Participants != want.Participants || got.Reach != want.Reach ||
			got.Obstacles != want.Obstacles || got.Notes != want.Notes || got.Location != want.Location ||
			len(got.Partners) != len(want.Partners) || len(got.EvidenceLinks) != len(want.EvidenceLinks) {
			t.Errorf("activity %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
	// Importing the same export again adds nothing: every line is a duplicate.
	res, err = csvimport.ImportEntries(bctx, fresh, bytes.NewReader(buf.Bytes()), csvimport.Options{})
	if err != nil || res.Inserted != 0 || len(res.Duplicates) != len(r.Activities) {
		t.Fatalf("re-import: %v %+v", err, res)
	}
}

// A consolidated export names each activity's office in a last column,
// which import ignores.
func TestCSVRollupOfficeColumn(t *testing.T) {
	st := openStore(t)
	prov := &data.Office{Name: "KPU DIY", Kind: "kpu", Level: "provinsi"}
	st.SaveOffice(bctx, prov)
	kab := &data.Office{Name: "KPU Sleman", Kind: "kpu", Level: "kabupaten", ParentID: prov.ID}
	st.SaveOffice(bctx, kab)
	mustInsert(t, st, act(prov.ID, "Rapat provinsi", 2, data.NewDate(2024, 5, 2), true, 10), act(kab.ID, "Sosialisasi", 4, data.NewDate(2024, 5, 1), true, 1))
	r, err := Build(bctx, st, Options{OfficeID: prov.ID, Period: Period{2024, 2}, Rollup: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\r\n")
	if !strings.HasSuffix(lines[0], ",catatan,kantor") || !strings.HasSuffix(lines[1], ",KPU Sleman") {
		t.Fatalf("rollup csv %q", lines[:2])
	}
	fresh := openStore(t)
	if res, err := csvimport.ImportEntries(bctx, fresh, &buf, csvimport.Options{}); err != nil || res.Inserted != 2 {
		t.Fatalf("import of a rollup export: %v", err)
	}
}
