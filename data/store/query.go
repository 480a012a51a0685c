package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// Filter narrows a list. Zero fields do not filter. The list views page
// through results with offset and limit; nothing loads a whole table.
type Filter struct {
	OfficeID string    // one office's records; "" for every office
	Query    string    // words searched in the title or name
	Kind     string    // agency kind, draft kind or activity type
	Status   string    // draft status
	Strategy int       // entry strategy, 1..8
	From, To data.Date // entry start date or draft planned date, inclusive
}

// listSpec says how a Filter applies to one table.
type listSpec struct {
	table     string
	search    []string // columns searched by Query
	kindCol   string
	dateCol   string
	order     string   // must match an index for cheap paging
	key       keyOrder // the same order, for seeking (keyset.go)
	hasStatus bool
	hasStrat  bool
	// fts is the trigram index of the searched columns (migration 3), ""
	// for a table small enough to search by LIKE alone.
	fts string
}

var (
	agencySpec = listSpec{table: "agencies", search: []string{"name", "region", "contact_person"},
		kindCol: "kind", order: "name COLLATE NOCASE, id",
		key: keyOrder{col: "name", collate: " COLLATE NOCASE"}}
	draftSpec = listSpec{table: "drafts", search: []string{"title", "election_stage"},
		kindCol: "kind", dateCol: "planned_date", order: "planned_date DESC, id DESC", hasStatus: true,
		key: keyOrder{col: "planned_date", desc: true, nullable: true}}
	entrySpec = listSpec{table: "entries", search: []string{"title", "location"},
		kindCol: "activity_type", dateCol: "start_date", order: "start_date DESC, id DESC", hasStrat: true,
		key: keyOrder{col: "start_date", desc: true}, fts: "entries_search"}
)

// likeEscaper makes user text literal inside a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func (sp listSpec) apply(db *gorm.DB, f Filter) *gorm.DB { return sp.where(db, f, "") }

// where adds f's conditions to db. With match set (see searchMatch), the
// rows are the candidates the trigram index gives for match, looked up by
// rowid; the other columns are then written with a unary + so that SQLite
// checks them on those few rows instead of walking an index over the
// whole table.
func (sp listSpec) where(db *gorm.DB, f Filter, match string) *gorm.DB {
	col := func(c string) string {
		if match != "" {
			return "+" + c
		}
		return c
	}
	db = db.Table(sp.table).Where(col("deleted") + " = 0")
	if match != "" {
		db = db.Where("rowid IN (SELECT rowid FROM "+sp.fts+" WHERE "+sp.fts+" MATCH ?)", match)
	}
	if f.OfficeID != "" {
		db = db.Where(col("office_id")+" = ?", f.OfficeID)
	}
	if f.Kind != "" {
		db = db.Where(col(sp.kindCol)+" = ?", f.Kind)
	}
	if sp.hasStatus && f.Status != "" {
		db = db.Where(col("status")+" = ?", f.Status)
	}
	if sp.hasStrat && f.Strategy != 0 {
		db = db.Where(col("strategy")+" = ?", f.Strategy)
	}
	if sp.dateCol != "" && !f.From.IsZero() {
		db = db.Where(col(sp.dateCol)+" >= ?", f.From.String())
	}
	if sp.dateCol != "" && !f.To.IsZero() {
		db = db.Where(col(sp.dateCol)+" <= ?", f.To.String())
	}
	// Every word must appear in one of the searched columns; LIKE is
	// case-insensitive for ASCII, which covers Indonesian.
	for _, w := range strings.Fields(f.Query) {
		pat := "%" + likeEscaper.Replace(w) + "%"
		conds := make([]string, len(sp.search))
		args := make([]any, len(sp.search))
		for i, c := range sp.search {
			conds[i] = c + ` LIKE ? ESCAPE '\'`
			args[i] = pat
		}
		db = db.Where("("+strings.Join(conds, " OR ")+")", args...)
	}
	return db
}

func list[T any](ctx context.Context, s *Store, sp listSpec, f Filter, offset, limit int) ([]T, error) {
	return page[T](ctx, s, sp, f, nil, offset, limit)
}

func count(ctx context.Context, s *Store, sp listSpec, f Filter) (int, error) {
	var n int64
	err := sp.read(ctx, s, f, ftsCountMax, func(db *gorm.DB, match string) error {
		return sp.where(db, f, match).Count(&n).Error
	})
	return int(n), err
}

// read runs fn with the handle to read with and the trigram query to
// search f with (see searchMatch). A search that may use the index reads in
// one transaction, so that the check for a bulk load, the probe and the
// query itself see the same moment: a bulk load beginning in between
// would otherwise leave its rows out of the index the query then trusts.
func (sp listSpec) read(ctx context.Context, s *Store, f Filter, max int, fn func(db *gorm.DB, match string) error) error {
	if sp.fts == "" || trigramQuery(f.Query) == "" {
		return fn(s.read(ctx), "")
	}
	return s.read(ctx).Transaction(func(tx *gorm.DB) error {
		match, err := sp.searchMatch(tx, f, max)
		if err != nil {
			return err
		}
		return fn(tx, match)
	})
}

// A search of entries goes through the trigram index when the words are
// rare enough, and otherwise by LIKE along a list index. Through the index,
// each candidate row costs a lookup by rowid (about 2 µs here); by LIKE, a
// count is one scan of the covering index (about 30 ms over 100,000 entries
// on the benchmark machine) and a page is a walk that stops once the page
// is full, which is short when the words are common. So a count goes
// through the index for up to ftsCountMax candidates, a page for up to
// ftsPageMax, where sorting the candidates starts to cost more than the
// walk. A probe that counts candidates up to the bound, about a
// millisecond, decides. See docs/BENCHMARKS.md.
var (
	ftsCountMax = 15000
	ftsPageMax  = 4000
)

// searchMatch returns the trigram query with which to search f, or ""
// to search with LIKE alone: for a table without a trigram index, a
// search without a word of three letters or more (trigrams need three),
// or words found in max rows or more.
func (sp listSpec) searchMatch(db *gorm.DB, f Filter, max int) (string, error) {
	if sp.fts == "" {
		return "", nil
	}
	match := trigramQuery(f.Query)
	if match == "" {
		return "", nil
	}
	// Rows written during a bulk load are not in the index until it ends.
	if bulk, err := bulkLoading(db); err != nil || bulk {
		return "", err
	}
	var n int
	err := db.Raw("SELECT count(*) FROM (SELECT 1 FROM "+sp.fts+" WHERE "+sp.fts+" MATCH ? LIMIT ?)",
		match, max).Scan(&n).Error
	if err != nil || n >= max {
		return "", err
	}
	return match, nil
}

// trigramQuery turns search words into a query of the trigram index:
// every three-letter sequence of every word of three letters or more. A
// row holding every word holds all of them, so the index finds every row
// that the LIKE conditions accept (and some more, which they then drop).
// It returns "" when no word is long enough.
func trigramQuery(q string) string {
	seen := map[string]bool{}
	var parts []string
	for _, w := range strings.Fields(q) {
		r := []rune(w) // the index folds case itself
		for i := 0; i+3 <= len(r); i++ {
			t := string(r[i : i+3])
			if seen[t] {
				continue
			}
			seen[t] = true
			parts = append(parts, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
		}
	}
	return strings.Join(parts, " AND ")
}

// Agencies returns a page of live agencies matching f, by name.
func (s *Store) Agencies(ctx context.Context, f Filter, offset, limit int) ([]data.Agency, error) {
	return list[data.Agency](ctx, s, agencySpec, f, offset, limit)
}

// CountAgencies counts the agencies matching f.
func (s *Store) CountAgencies(ctx context.Context, f Filter) (int, error) {
	return count(ctx, s, agencySpec, f)
}

// Drafts returns a page of live drafts matching f, latest planned first.
func (s *Store) Drafts(ctx context.Context, f Filter, offset, limit int) ([]data.Draft, error) {
	return list[data.Draft](ctx, s, draftSpec, f, offset, limit)
}

// CountDrafts counts the drafts matching f.
func (s *Store) CountDrafts(ctx context.Context, f Filter) (int, error) {
	return count(ctx, s, draftSpec, f)
}

// Entries returns a page of live report entries matching f, latest first.
func (s *Store) Entries(ctx context.Context, f Filter, offset, limit int) ([]data.Entry, error) {
	return list[data.Entry](ctx, s, entrySpec, f, offset, limit)
}

// CountEntries counts the report entries matching f.
func (s *Store) CountEntries(ctx context.Context, f Filter) (int, error) {
	return count(ctx, s, entrySpec, f)
}

// AgencyNames maps agency ids to names, for showing related agencies.
func (s *Store) AgencyNames(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct{ ID, Name string }
	err := s.read(ctx).Table("agencies").Select("id, name").Where("id IN ?", ids).Find(&rows).Error
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, err
}
