package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// schemaOf lists the tables, indexes and triggers of the store's file.
func schemaOf(t *testing.T, s *Store) []string {
	t.Helper()
	var rows []struct{ Type, Name, SQL string }
	if err := s.rw.Raw(`SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_master ORDER BY type, name`).
		Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Type + " " + r.Name + ": " + r.SQL
	}
	return out
}

// pulledEntries is a page of the feed with n new entries of the office,
// titled title(i), after cursor from.
func pulledEntries(t *testing.T, office string, from, n int, title func(int) string) *syncapi.ChangesResponse {
	t.Helper()
	page := &syncapi.ChangesResponse{Next: int64(from + n), Head: int64(from + n)}
	for i := range n {
		e := entry(title(i), 1+i%8, data.NewDate(2024, 6, 1+i%28))
		e.ID, e.OfficeID = data.NewID(), office
		e.Normalize()
		raw, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		page.Changes = append(page.Changes, syncapi.Record{Kind: syncapi.KindEntry, ID: e.ID, OfficeID: office,
			Version: 1, ServerSeq: int64(from + i + 1), Data: raw})
	}
	return page
}

// countSearch counts the entries a search finds, through the trigram
// index where the store would use it (fts) or by LIKE alone.
func countSearch(t *testing.T, s *Store, q string, fts bool) int {
	t.Helper()
	if !fts {
		defer setFTSBounds(0)()
	}
	n, err := s.CountEntries(ctx, Filter{Query: q})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Entries(ctx, Filter{Query: q}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Errorf("search %q: counted %d, listed %d", q, n, len(rows))
	}
	return n
}

// A bulk load drops the large tables' list indexes and the triggers of the
// search index, every query still answers correctly meanwhile (records
// pulled or edited during it included), and its end puts back exactly
// the schema there was, with a search index that holds every entry.
func TestBulkLoad(t *testing.T) {
	s := newStore(t)
	ids := fillStore(t, s, 30)
	office, err := s.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before := schemaOf(t, s)
	if err := s.BeginBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	during := schemaOf(t, s)
	for _, gone := range []string{"index entries_order", "index entries_list", "index drafts_office_order",
		"trigger entries_search_insert", "trigger entries_search_update", "trigger entries_search_delete"} {
		if slices.ContainsFunc(during, func(o string) bool { return strings.HasPrefix(o, gone+":") }) {
			t.Errorf("%s is still there during a bulk load", gone)
		}
	}
	if loading, err := s.BulkLoading(ctx); err != nil || !loading {
		t.Fatalf("BulkLoading = %v, %v during a bulk load", loading, err)
	}
	// A second Begin (a second round started while one is under way)
	// keeps the first one's record of what to rebuild.
	if err := s.BeginBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}

	page := pulledEntries(t, office.ID, 0, 200, func(i int) string { return fmt.Sprintf("Pelatihan jurnalistik Wamena %03d", i) })
	if n, err := s.ApplyChanges(ctx, page); err != nil || n != 200 {
		t.Fatalf("applied %d, %v", n, err)
	}
	edited, err := s.Entry(ctx, ids["entries"][0]) // "Sosialisasi tahapan pemilu ke-0"
	if err != nil {
		t.Fatal(err)
	}
	edited.Title = "Rapat koordinasi di Asologaima"
	if err := s.SaveEntry(ctx, edited); err != nil {
		t.Fatal(err)
	}
	gone, err := s.Entry(ctx, ids["entries"][1]) // "… ke-1"
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, KindEntry, gone.ID); err != nil {
		t.Fatal(err)
	}
	searches := []struct {
		q    string
		want int
	}{{"Wamena", 200}, {"Wamena 042", 1}, {"Asologaima", 1}, {"pemilu ke-0", 0}, {"pemilu ke-1", 9}, {"Kurulu", 1}}
	check := func(when string, fts bool) {
		t.Helper()
		for _, c := range searches {
			if got := countSearch(t, s, c.q, fts); got != c.want {
				t.Errorf("%s (index allowed %v): search %q found %d, want %d", when, fts, c.q, got, c.want)
			}
		}
		if n, err := s.CountEntries(ctx, Filter{}); err != nil || n != 30-1+200 {
			t.Errorf("%s: %d entries (%v), want %d", when, n, err, 30-1+200)
		}
	}
	check("during", true)
	check("during", false)

	if err := s.EndBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if after := schemaOf(t, s); !slices.Equal(after, before) {
		t.Errorf("the schema after a bulk load differs:\nbefore %q\nafter  %q", before, after)
	}
	if loading, err := s.BulkLoading(ctx); err != nil || loading {
		t.Fatalf("BulkLoading = %v, %v after the end", loading, err)
	}
	check("after", true)
	check("after", false)
	if err := s.rw.Exec(`INSERT INTO entries_search (entries_search) VALUES ('integrity-check')`).Error; err != nil {
		t.Errorf("search index after a bulk load: %v", err)
	}
	if err := integrityCheck(s.ro); err != nil {
		t.Error(err)
	}
	// A second End changes nothing.
	if err := s.EndBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if after := schemaOf(t, s); !slices.Equal(after, before) {
		t.Error("a second EndBulkLoad changed the schema")
	}
	ids["entries"] = slices.Delete(ids["entries"], 1, 2)
	for _, r := range page.Changes {
		ids["entries"] = append(ids["entries"], r.ID)
	}
	checkRecords(t, s, ids)
}

// A bulk load that never ended (the app stopped mid first sync) is
// finished when the database is next opened: the indexes are back and the
// search finds what was pulled.
func TestBulkLoadCutShortIsFinishedOnOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "humasdesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := fillStore(t, s, 10)
	office, err := s.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before := schemaOf(t, s)
	if err := s.BeginBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	page := pulledEntries(t, office.ID, 0, 50, func(i int) string { return fmt.Sprintf("Konferensi pers Jayawijaya %02d", i) })
	if _, err := s.ApplyChanges(ctx, page); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if after := schemaOf(t, s); !slices.Equal(after, before) {
		t.Errorf("the schema after reopening differs:\nbefore %q\nafter  %q", before, after)
	}
	if loading, err := s.BulkLoading(ctx); err != nil || loading {
		t.Fatalf("BulkLoading = %v, %v after reopening", loading, err)
	}
	if got := countSearch(t, s, "Jayawijaya", true); got != 50 {
		t.Errorf("search Jayawijaya found %d, want 50", got)
	}
	for _, r := range page.Changes {
		ids["entries"] = append(ids["entries"], r.ID)
	}
	checkRecords(t, s, ids)
}

// A unique index stays through a bulk load (it enforces a rule); any
// other index on the large tables, whatever its name, goes and comes back.
func TestBulkLoadKeepsUniqueIndexes(t *testing.T) {
	s := newStore(t)
	for _, stmt := range []string{
		`CREATE UNIQUE INDEX entries_unique_test ON entries (office_id, id)`,
		`CREATE INDEX "entries ""odd"" name" ON entries (title)`,
	} {
		if err := s.rw.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	before := schemaOf(t, s)
	has := func(name string) bool {
		return slices.ContainsFunc(schemaOf(t, s), func(o string) bool { return strings.HasPrefix(o, "index "+name+":") })
	}
	if err := s.BeginBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if !has("entries_unique_test") {
		t.Error("a bulk load dropped a unique index")
	}
	if has(`entries "odd" name`) {
		t.Error("a bulk load kept an index with quotes in its name")
	}
	if err := s.EndBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if after := schemaOf(t, s); !slices.Equal(after, before) {
		t.Errorf("the schema after a bulk load differs:\nbefore %q\nafter  %q", before, after)
	}
}
