package csvimport

import (
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// A clipping file imports all or nothing, with errors by line and column;
// an outlet named like a media agency is linked to it; importing the file
// again skips the lines whose link is already registered.
func TestImportClippings(t *testing.T) {
	st := newStore(t)
	kr := &data.Agency{Name: "SKH Kedaulatan Rakyat", Kind: "media"}
	if err := st.SaveAgency(ctx, kr); err != nil {
		t.Fatal(err)
	}
	bad := "tanggal;media;jenis_media;judul_berita;tautan;sentimen;topik\n" +
		"31/02/2024;Tribun Jogja;online;PPS dibuka;https://tribun.example/a;positif;pps\n" +
		"02/05/2024;SKH Kedaulatan Rakyat;koran;PPS dibuka;kr.example/b;sinis;pps\n" +
		"03/05/2024;;radio;;https://rri.example/c;netral;\n"
	res, err := ImportClippings(ctx, st, strings.NewReader(bad), Options{})
	if err == nil || res.OK() {
		t.Fatal("a bad file was imported")
	}
	want := []string{
		"baris 2, kolom tanggal:",
		`baris 3, kolom sentimen: sentimen "sinis" tidak dikenal; pilihan: Positif, Netral, Negatif`,
		"baris 4, kolom media: wajib diisi",
		"baris 4, kolom judul_berita: wajib diisi",
	}
	if len(res.Errors) != len(want) {
		t.Fatalf("errors %v", res.Errors)
	}
	for i, w := range want {
		if !strings.HasPrefix(res.Errors[i].Error(), w) {
			t.Errorf("error %d: %q, want %q…", i, res.Errors[i].Error(), w)
		}
	}
	if n, _ := st.CountClippings(ctx, store.ClippingFilter{}); n != 0 {
		t.Fatalf("%d clippings stored from a bad file", n)
	}

	good := "Tanggal,Media,Jenis media,Judul berita,Tautan,Sentimen,Topik\n" +
		"01/05/2024,Tribun Jogja,Media daring,PPS dibuka,https://tribun.example/a,Positif,pps; rekrutmen\n" +
		"02/05/2024,skh kedaulatan  rakyat,koran,PPS diminati,kr.example/b,netral,pps\n"
	res, err = ImportClippings(ctx, st, strings.NewReader(good), Options{})
	if err != nil || res.Inserted != 2 {
		t.Fatalf("import: %v %+v", err, res.Errors)
	}
	c, err := st.ClippingByLink(ctx, "https://kr.example/b")
	if err != nil || c.AgencyID != kr.ID || c.Medium != "cetak" || c.Tone != "netral" || c.Source != "csv" {
		t.Errorf("linked clipping %+v (%v)", c, err)
	}
	a, _ := st.ClippingByLink(ctx, "https://tribun.example/a")
	if a.AgencyID != "" || a.Outlet != "Tribun Jogja" || strings.Join(a.Topics, "|") != "pps|rekrutmen" {
		t.Errorf("typed outlet %+v", a)
	}
	again, err := ImportClippings(ctx, st, strings.NewReader(good), Options{})
	if err != nil || again.Inserted != 0 || len(again.Duplicates) != 2 {
		t.Errorf("second import: %v, inserted %d, duplicates %v", err, again.Inserted, again.Duplicates)
	}
}

// The template imports as it is, and its header is the layout's.
func TestClippingTemplate(t *testing.T) {
	st := newStore(t)
	tpl := Template("clippings")
	if !strings.HasPrefix(string(tpl), "\ufeff"+strings.Join(ClippingHeader(), ",")+"\n") || TemplateName("kliping") != "templat-kliping.csv" {
		t.Fatalf("template %q", tpl)
	}
	res, err := ImportClippings(ctx, st, strings.NewReader(string(tpl)), Options{})
	if err != nil || res.Inserted != 2 {
		t.Fatalf("template import: %v %v", err, res.Errors)
	}
}
