package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// Lists over a set of offices: what a coordinator's window shows for
// "this office and every office under it" (see OfficeTree). They read
// only, with query.go's filters, search and order; offices narrows them
// further to rows whose office is one of those given, and an empty
// offices leaves the Filter alone.
//
// A list limited to several offices cannot page along the office index
// in order, so SQLite sorts the matching rows. When the offices are every
// office the database holds (the usual case for a coordinator, whose
// device only receives its own tree), the caller should pass none and
// let Filter.OfficeID "" list everything along the order index.

// AgenciesIn returns a page of live agencies matching f and owned by one
// of offices, by name.
func (s *Store) AgenciesIn(ctx context.Context, f Filter, offices []string, offset, limit int) ([]data.Agency, error) {
	return listIn[data.Agency](ctx, s, agencySpec, f, offices, offset, limit)
}

// CountAgenciesIn counts the agencies AgenciesIn pages through.
func (s *Store) CountAgenciesIn(ctx context.Context, f Filter, offices []string) (int, error) {
	return countIn(ctx, s, agencySpec, f, offices)
}

// DraftsIn returns a page of live drafts matching f and owned by one of
// offices, latest planned first.
func (s *Store) DraftsIn(ctx context.Context, f Filter, offices []string, offset, limit int) ([]data.Draft, error) {
	return listIn[data.Draft](ctx, s, draftSpec, f, offices, offset, limit)
}

// CountDraftsIn counts the drafts DraftsIn pages through.
func (s *Store) CountDraftsIn(ctx context.Context, f Filter, offices []string) (int, error) {
	return countIn(ctx, s, draftSpec, f, offices)
}

// EntriesIn returns a page of live report entries matching f and owned
// by one of offices, latest first.
func (s *Store) EntriesIn(ctx context.Context, f Filter, offices []string, offset, limit int) ([]data.Entry, error) {
	return listIn[data.Entry](ctx, s, entrySpec, f, offices, offset, limit)
}

// CountEntriesIn counts the entries EntriesIn pages through.
func (s *Store) CountEntriesIn(ctx context.Context, f Filter, offices []string) (int, error) {
	return countIn(ctx, s, entrySpec, f, offices)
}

func listIn[T any](ctx context.Context, s *Store, sp listSpec, f Filter, offices []string, offset, limit int) ([]T, error) {
	return page[T](ctx, s, sp, f, offices, offset, limit)
}

func countIn(ctx context.Context, s *Store, sp listSpec, f Filter, offices []string) (int, error) {
	if len(offices) == 0 {
		return count(ctx, s, sp, f)
	}
	var n int64
	err := sp.read(ctx, s, f, ftsCountMax, func(db *gorm.DB, match string) error {
		return inOffices(sp.where(db, f, match), offices, match).Count(&n).Error
	})
	return int(n), err
}

// inOffices adds the office condition the way where adds its own: with a
// unary + when the rows come from the trigram index (see listSpec.where).
func inOffices(db *gorm.DB, offices []string, match string) *gorm.DB {
	col := "office_id"
	if match != "" {
		col = "+" + col
	}
	return db.Where(col+" IN ?", offices)
}

// CountEntriesInAtMost counts what EntriesIn pages through, but stops
// at most: a search for a common word matches thousands of entries, and
// counting them all is the slow half of the search (the rows are found
// in order, a page at a time, and the count has to see every one). A
// list can show "1.000+" and count further when scrolled that far.
func (s *Store) CountEntriesInAtMost(ctx context.Context, f Filter, offices []string, most int) (int, error) {
	return countAtMost(ctx, s, entrySpec, f, offices, most)
}

// CountDraftsInAtMost is CountEntriesInAtMost for drafts.
func (s *Store) CountDraftsInAtMost(ctx context.Context, f Filter, offices []string, most int) (int, error) {
	return countAtMost(ctx, s, draftSpec, f, offices, most)
}

func countAtMost(ctx context.Context, s *Store, sp listSpec, f Filter, offices []string, most int) (int, error) {
	var n int64
	err := sp.read(ctx, s, f, min(most, ftsCountMax), func(db *gorm.DB, match string) error {
		return db.Table("(?) AS capped", sp.scope(f, offices)(db, match).Select("1").Limit(most)).Count(&n).Error
	})
	return int(n), err
}
