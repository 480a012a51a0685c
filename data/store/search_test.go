package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

// A search finds the same rows whether it goes through the trigram index
// (rare words) or LIKE alone (common or short words), and the index
// follows inserts, edits and deletes.
func TestSearchPaths(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "search.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	titles := []struct{ title, location string }{
		{"Rapat koordinasi persiapan Pilkada dengan Bawaslu Kabupaten Sleman", "Aula Kantor Bupati Sleman"},
		{"Sosialisasi pemilih pemula di SMA Negeri 1 Wonosari", "Gunungkidul"},
		{"Klarifikasi hoaks: surat suara sudah dicoblos", "Zoom Meeting"},
		{"Publikasi infografis tahapan PILKADA melalui Instagram", "Media Center Jayawijaya"},
		{"Diskon 50% tiket_bus mudik \"gratis\" bukan dari Pemda", "Wamena"},
		{"Pelatihan jurnalistik bagi pranata humas", "Hotel Tentrem, Yogyakarta"},
		{"Rakor Forkopimda: pengamanan Natal & Tahun Baru", "Pendopo Kabupaten Jayawijaya"},
		{"Sosialisasi pemilih di Distrik Kurulu", "Kurulu, Jayawijaya"},
	}
	ids := make([]string, len(titles))
	for i, x := range titles {
		e := &data.Entry{Title: x.title, Location: x.location, ActivityType: "sosialisasi", Strategy: 1 + i%8,
			StartDate: data.NewDate(2024, 1, 1+i)}
		if err := s.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
		ids[i] = e.ID
	}
	// want counts the titles or locations holding every word, the way
	// LIKE does for ASCII: case-insensitively.
	want := func(q string) int {
		n := 0
		for _, x := range titles {
			ok := true
			for _, w := range strings.Fields(q) {
				w = strings.ToLower(w)
				if !strings.Contains(strings.ToLower(x.title), w) && !strings.Contains(strings.ToLower(x.location), w) {
					ok = false
				}
			}
			if ok {
				n++
			}
		}
		return n
	}
	queries := []string{"pilkada", "PILKADA", "jayawijaya", "Jayawijaya pemilih", "pemilih kurulu", "ma",
		"50%", "tiket_bus", `"gratis"`, "tiket%bus", "zzqx", "rapat sleman", "Tentrem,", "& Tahun", "a b c", "suara dicoblos"}
	check := func(label string) {
		t.Helper()
		for _, forced := range []int{4000, 0} { // through the index, then LIKE alone
			defer setFTSBounds(forced)()
			for _, q := range queries {
				n, err := s.CountEntries(ctx, Filter{Query: q})
				if err != nil {
					t.Fatalf("%s: count %q: %v", label, q, err)
				}
				rows, err := s.Entries(ctx, Filter{Query: q}, 0, 100)
				if err != nil {
					t.Fatalf("%s: list %q: %v", label, q, err)
				}
				if w := want(q); n != w || len(rows) != w {
					t.Errorf("%s (limit %d): %q counted %d, listed %d, want %d", label, forced, q, n, len(rows), w)
				}
			}
		}
	}
	check("new")

	// An edit moves a row in and out of a search.
	e, err := s.Entry(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	e.Title, e.Location = "Rapat evaluasi kanal media sosial", "Ruang Rapat Diskominfo"
	titles[0].title, titles[0].location = e.Title, e.Location
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	queries = append(queries, "evaluasi", "Diskominfo")
	check("edited")

	// A deleted entry is no longer found; restored, it is again.
	if err := s.Delete(ctx, KindEntry, ids[3]); err != nil {
		t.Fatal(err)
	}
	removed := titles[3]
	titles = append(titles[:3:3], titles[4:]...)
	check("deleted")
	if err := s.Restore(ctx, KindEntry, ids[3]); err != nil {
		t.Fatal(err)
	}
	titles = append(titles, removed)
	check("restored")

	// A row removed for good leaves the index too.
	if err := s.rw.Exec("DELETE FROM entries WHERE id = ?", ids[7]).Error; err != nil {
		t.Fatal(err)
	}
	titles = append(titles[:6:6], titles[7:]...)
	check("removed")
	var indexed int
	s.ro.Raw("SELECT count(*) FROM entries_search").Scan(&indexed)
	if indexed != len(titles) {
		t.Errorf("trigram index holds %d rows, want %d", indexed, len(titles))
	}
}

func TestTrigramQuery(t *testing.T) {
	for q, want := range map[string]string{
		"":               "",
		"ab cd":          "",
		"Rapat":          `"Rap" AND "apa" AND "pat"`,
		"rapat ab RAPAT": `"rap" AND "apa" AND "pat" AND "RAP" AND "APA" AND "PAT"`,
		`a"b"c`:          `"a""b" AND """b""" AND "b""c"`,
		"Pilkada  2024":  `"Pil" AND "ilk" AND "lka" AND "kad" AND "ada" AND "202" AND "024"`,
		"Sulawési":       `"Sul" AND "ula" AND "law" AND "awé" AND "wés" AND "ési"`,
		"nanana":         `"nan" AND "ana"`,
	} {
		if got := trigramQuery(q); got != want {
			t.Errorf("trigramQuery(%q) = %s, want %s", q, got, want)
		}
	}
}
