package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// dumpTable is every row of table, each column as SQL's quote() spells
// it (type and bytes), by id.
func dumpTable(t *testing.T, s *Store, table string) []string {
	t.Helper()
	var cols []struct{ Name string }
	if err := s.rw.Raw("SELECT name FROM pragma_table_info(?) ORDER BY cid", table).Scan(&cols).Error; err != nil {
		t.Fatal(err)
	}
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = fmt.Sprintf("quote(%q)", c.Name)
	}
	var rows []string
	if err := s.rw.Raw("SELECT " + strings.Join(q, "||','||") + " FROM " + table + " ORDER BY id").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	return rows
}

// Pulled records written with their values spelled as SQL literals are
// stored byte for byte as when the driver binds them: quotes, question
// marks, non-ASCII, line breaks, empty and missing dates, lists, times
// with zones; and a NUL, which cannot be a literal, falls back to binding.
func TestInlineUpsertStoresWhatBindingStores(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "a.db")
	s, err := Open(first)
	if err != nil {
		t.Fatal(err)
	}
	office, err := s.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	second := filepath.Join(dir, "b.db")
	if err := copyFile(first, second); err != nil {
		t.Fatal(err)
	}

	titles := []string{"Rapat O'Brien ''dua''", "apa? ?1 ?NNN $1 :x @y", "Kegiatan 🎉 ñ é 中文", "baris\nbaru\ttab",
		"; DROP TABLE entries; --", `\' \" \\`, "", strings.Repeat("panjang ", 200),
		"a\x00b"} // last: alone in its statement, as it must fall back

	zone := time.FixedZone("WIB", 7*3600)
	pages := []*syncapi.ChangesResponse{{Next: int64(2 * len(titles)), Head: int64(2 * len(titles))}, {}}
	*pages[1] = *pages[0]
	for i, title := range titles {
		page := pages[0]
		if i == len(titles)-1 {
			page = pages[1]
		}
		e := entry(title, 1+i%8, data.NewDate(2024, 6, 1+i))
		e.ID, e.OfficeID, e.Location = data.NewID(), office.ID, title
		e.UpdatedAt = time.Date(2024, 6, 1, 10, 30, i, 123456789*(i%2), zone)
		d := &data.Draft{Meta: data.Meta{ID: data.NewID(), OfficeID: office.ID, UpdatedAt: e.UpdatedAt.UTC()},
			Title: title, Body: title, Kind: "siaran_pers", Status: data.StatusDraft, Channels: data.List[string]{"website", title}}
		if i%2 == 0 {
			d.PlannedDate = data.NewDate(2024, 7, 1+i)
		}
		for j, r := range []data.Record{e, d} {
			r.Normalize()
			raw, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			kind := syncapi.KindEntry
			if j == 1 {
				kind = syncapi.KindDraft
			}
			page.Changes = append(page.Changes, syncapi.Record{Kind: kind, ID: r.RecordMeta().ID, OfficeID: office.ID,
				Version: 1, ServerSeq: int64(2*i + j + 1), UpdatedAt: r.RecordMeta().UpdatedAt, Data: raw})
		}
	}
	apply := func(path string, inline bool) (*Store, int) {
		defer func(was bool) { inlineArgs = was }(inlineArgs)
		inlineArgs = inline
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		n := 0
		for _, page := range pages {
			applied, err := s.ApplyChanges(ctx, page)
			if err != nil {
				t.Fatal(err)
			}
			n += applied
		}
		if sk, _ := s.SkippedChanges(ctx); len(sk) > 0 {
			t.Fatalf("skipped: %+v", sk)
		}
		return s, n
	}
	a, na := apply(first, true)
	b, nb := apply(second, false)
	if na != nb || na != 2*len(titles) {
		t.Fatalf("applied %d inline and %d bound, want %d", na, nb, 2*len(titles))
	}
	for _, table := range []string{"entries", "drafts"} {
		got, want := dumpTable(t, a, table), dumpTable(t, b, table)
		if !slices.Equal(got, want) {
			t.Errorf("%s differ:\ninline %q\n bound %q", table, got, want)
		}
		if len(got) != len(titles) {
			t.Errorf("%s: %d rows, want %d", table, len(got), len(titles))
		}
	}
}
