package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"gorm.io/gorm"
)

// Lists are read by position (offset, limit), which is what a virtualised
// list asks for, but deep pages are not read with OFFSET: SQLite walks
// and drops every row before the offset, so the last page of 100,000
// entries cost 14× the first. Instead a list seeks: the rows after a key
// (the sort column's value and the id, the tie-breaker of every list
// order), along the same index as the first page. To find the key before
// an arbitrary position, as when the user drags the scroll bar to row
// 80,000, a list keeps anchors: the key of every anchorEvery-th row, read
// in one scan the first time a deep page is asked for, and kept until the
// next write in this process. A page is then a seek from the nearest
// anchor at or before it plus an OFFSET of less than anchorEvery rows.

// anchorEvery is the distance between anchors: an OFFSET of up to this
// many rows costs about what reading one page does (see
// docs/BENCHMARKS.md), and 100,000 rows need 100 anchors.
var anchorEvery = 1000

// Key is where a row stands in its list's order: the value of the list's
// sort column (NULL for a draft without a planned date) and its id.
type Key struct {
	Sort sql.NullString
	ID   string
}

// keyOrder says how a list is ordered: by col (with collate, if any),
// then id, both ascending or both descending. listSpec.order must say
// the same in SQL.
type keyOrder struct {
	col     string
	collate string // "" or e.g. " COLLATE NOCASE"
	desc    bool
}

// after narrows db to the rows that come after k in the order. SQLite
// sorts NULL before any text, so in a descending list the rows without a
// value come last, in an ascending list first.
func (o keyOrder) after(db *gorm.DB, k Key) *gorm.DB {
	c := o.col + o.collate
	switch {
	case !k.Sort.Valid && o.desc:
		return db.Where(o.col+" IS NULL AND id < ?", k.ID)
	case !k.Sort.Valid:
		return db.Where("(("+o.col+" IS NULL AND id > ?) OR "+o.col+" IS NOT NULL)", k.ID)
	case o.desc:
		// A row value comparison: SQLite seeks along the index with it.
		return db.Where("(("+c+", id) < (?, ?) OR "+o.col+" IS NULL)", k.Sort.String, k.ID)
	default:
		return db.Where("("+c+", id) > (?, ?)", k.Sort.String, k.ID)
	}
}

// scope is a list's filter as a function of the handle and the trigram
// query (see listSpec.read): query.go's conditions and, for lists over
// several offices, the office condition.
type scope func(db *gorm.DB, match string) *gorm.DB

func (sp listSpec) scope(f Filter, offices []string) scope {
	return func(db *gorm.DB, match string) *gorm.DB {
		db = sp.where(db, f, match)
		if len(offices) > 0 {
			db = inOffices(db, offices, match)
		}
		return db
	}
}

// page reads limit rows from position offset of the list sp filtered by f
// and offices, seeking from the nearest anchor for a deep page.
func page[T any](ctx context.Context, s *Store, sp listSpec, f Filter, offices []string, offset, limit int) ([]T, error) {
	var from *Key
	skip := offset
	if offset >= anchorEvery {
		anchors, err := s.anchors.get(ctx, s, sp, f, offices)
		if err != nil {
			return nil, err
		}
		if i := min(offset/anchorEvery, len(anchors)) - 1; i >= 0 {
			from, skip = &anchors[i], offset-(i+1)*anchorEvery
		}
	}
	return pageAfter[T](ctx, s, sp, sp.scope(f, offices), f, from, skip, limit)
}

// pageAfter reads limit rows after skipping skip rows that follow from
// (from the first row when from is nil).
func pageAfter[T any](ctx context.Context, s *Store, sp listSpec, sc scope, f Filter, from *Key, skip, limit int) ([]T, error) {
	var out []T
	err := sp.read(ctx, s, f, ftsPageMax, func(db *gorm.DB, match string) error {
		q := sc(db, match)
		if from != nil {
			q = sp.key.after(q, *from)
		}
		return q.Order(sp.order).Offset(skip).Limit(limit).Find(&out).Error
	})
	return out, err
}

// readAnchors reads the key of every anchorEvery-th row of a list, in
// order, in one scan of its index: row_number over the list's order.
func readAnchors(ctx context.Context, s *Store, sp listSpec, sc scope, f Filter) ([]Key, error) {
	var keys []Key
	err := sp.read(ctx, s, f, ftsCountMax, func(db *gorm.DB, match string) error {
		numbered := sc(db, match).Select(fmt.Sprintf("%s AS sort, id, row_number() OVER (ORDER BY %s) AS rn",
			sp.key.col, sp.order))
		var rows []struct {
			Sort sql.NullString
			ID   string
		}
		err := db.Table("(?) AS numbered", numbered).Select("sort, id").
			Where("rn % ? = 0", anchorEvery).Order("rn").Scan(&rows).Error
		for _, r := range rows {
			keys = append(keys, Key(r))
		}
		return err
	})
	return keys, err
}

// anchorCache keeps the anchors of the lists read since the last write of
// this process (Store.write bumps the generation). A write by another
// process is not seen: until this process next writes, a deep page of a
// list may then be off by the rows that process added or removed before
// it, as pages read by OFFSET and cached by the list view already are.
type anchorCache struct {
	mu   sync.Mutex
	gen  uint64 // the store's generation the lists were read at
	byID map[string][]Key
}

// maxAnchorLists bounds the lists kept: a list view asks for the anchors
// of its current filter, and each keystroke in a search box is a filter.
const maxAnchorLists = 16

func (c *anchorCache) get(ctx context.Context, s *Store, sp listSpec, f Filter, offices []string) ([]Key, error) {
	id := fmt.Sprintf("%s|%#v|%q", sp.table, f, offices)
	c.mu.Lock()
	gen := s.gen.Load()
	if c.gen != gen || len(c.byID) >= maxAnchorLists {
		c.gen, c.byID = gen, map[string][]Key{}
	}
	keys, ok := c.byID[id]
	c.mu.Unlock()
	if ok {
		return keys, nil
	}
	keys, err := readAnchors(ctx, s, sp, sp.scope(f, offices), f)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen && s.gen.Load() == gen { // no write while they were read
		c.byID[id] = keys
	}
	c.mu.Unlock()
	return keys, nil
}
