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
// 80,000, a list keeps anchors: the key of every anchorEvery-th row.
// Anchors are made as far as a page needs them, each from the one before
// by a query that skips anchorEvery-1 rows along the index (so jumping
// to row 80,000 the first time walks the index once, as OFFSET would),
// and kept until the next write in this process. A page is then a seek
// from the nearest anchor before it plus an OFFSET of fewer than
// anchorEvery rows.

// anchorEvery is the distance between anchors: an OFFSET of up to this
// many rows costs about what reading one page does (see
// docs/BENCHMARKS.md), and 100,000 rows need 100 anchors. Tests lower it.
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
	col      string
	collate  string // "" or e.g. " COLLATE NOCASE"
	desc     bool
	nullable bool // col may be NULL (drafts.planned_date)
}

// after narrows db to the rows that come after k in the order, with a
// row value comparison along which SQLite seeks in the index. SQLite
// sorts NULL before any text, so in a descending list the rows without a
// value come last; those are not found by the comparison (see
// pageAfter), which an OR would make SQLite walk instead of seek.
func (o keyOrder) after(db *gorm.DB, k Key) *gorm.DB {
	c := o.col + o.collate
	switch {
	case !k.Sort.Valid && o.desc:
		return db.Where(o.col+" IS NULL AND id < ?", k.ID)
	case !k.Sort.Valid:
		return db.Where("(("+o.col+" IS NULL AND id > ?) OR "+o.col+" IS NOT NULL)", k.ID)
	case o.desc:
		return db.Where("("+c+", id) < (?, ?)", k.Sort.String, k.ID)
	default:
		return db.Where("("+c+", id) > (?, ?)", k.Sort.String, k.ID)
	}
}

// nullsAfter tells whether the rows after k include rows that after
// leaves out: the NULL rows at the end of a descending list.
func (o keyOrder) nullsAfter(k *Key) bool {
	return k != nil && k.Sort.Valid && o.desc && o.nullable
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
		anchors, err := s.anchors.upTo(ctx, s, sp, f, offices, offset/anchorEvery)
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
		if err := q.Order(sp.order).Offset(skip).Limit(limit).Find(&out).Error; err != nil {
			return err
		}
		if len(out) == limit || !sp.key.nullsAfter(from) {
			return nil
		}
		// The page reaches past the rows with a value: the rest comes
		// from the NULL rows, after those of the (fewer than skip +
		// limit) rows with a value that the page skipped.
		var valued int64
		err := db.Table("(?) AS valued", sp.key.after(sc(db, match), *from).Select("1").Limit(skip+limit)).
			Count(&valued).Error
		if err != nil {
			return err
		}
		var more []T
		err = sc(db, match).Where(sp.key.col + " IS NULL").Order(sp.order).
			Offset(max(0, skip-int(valued))).Limit(limit - len(out)).Find(&more).Error
		out = append(out, more...)
		return err
	})
	return out, err
}

// nextAnchor reads the key anchorEvery rows after from (from the first
// row when nil), or nil at the end of the list.
func nextAnchor(ctx context.Context, s *Store, sp listSpec, sc scope, f Filter, from *Key) (*Key, error) {
	var keys []Key
	err := sp.read(ctx, s, f, ftsPageMax, func(db *gorm.DB, match string) error {
		q := sc(db, match)
		if from != nil {
			q = sp.key.after(q, *from)
		}
		q = q.Select(sp.key.col + " AS sort, id").Order(sp.order)
		if err := q.Offset(anchorEvery - 1).Limit(1).Scan(&keys).Error; err != nil || len(keys) > 0 || !sp.key.nullsAfter(from) {
			return err
		}
		// Past the rows with a value: count them, go on among the NULL rows.
		var valued int64
		err := db.Table("(?) AS valued", sp.key.after(sc(db, match), *from).Select("1").Limit(anchorEvery)).
			Count(&valued).Error
		if err != nil {
			return err
		}
		return sc(db, match).Where(sp.key.col + " IS NULL").Select(sp.key.col + " AS sort, id").Order(sp.order).
			Offset(anchorEvery - 1 - int(valued)).Limit(1).Scan(&keys).Error
	})
	if err != nil || len(keys) == 0 {
		return nil, err
	}
	return &keys[0], nil
}

// anchorCache keeps the anchors of the lists read since the last write of
// this process (Store.write bumps the generation). A write by another
// process is not seen: until this process next writes, a deep page of a
// list may then be off by the rows that process added or removed before
// it, as pages read by OFFSET and cached by the list view already are.
type anchorCache struct {
	mu    sync.Mutex // held while anchors are read: one list view reads at a time
	gen   uint64     // the store's generation the lists were read at
	lists map[string]*anchors
}

type anchors struct {
	keys []Key
	end  bool // keys holds every anchor of the list
}

// maxAnchorLists bounds the lists kept: a list view asks for the anchors
// of its current filter, and each keystroke in a search box is a filter.
const maxAnchorLists = 16

// upTo returns the first n anchors of a list, or all it has when fewer.
func (c *anchorCache) upTo(ctx context.Context, s *Store, sp listSpec, f Filter, offices []string, n int) ([]Key, error) {
	id := fmt.Sprintf("%s|%#v|%q", sp.table, f, offices)
	c.mu.Lock()
	defer c.mu.Unlock()
	gen := s.gen.Load()
	if c.gen != gen || c.lists == nil {
		c.gen, c.lists = gen, map[string]*anchors{}
	}
	a := c.lists[id]
	if a == nil {
		if len(c.lists) >= maxAnchorLists {
			clear(c.lists)
		}
		a = &anchors{}
		c.lists[id] = a
	}
	sc := sp.scope(f, offices)
	for len(a.keys) < n && !a.end {
		var from *Key
		if len(a.keys) > 0 {
			from = &a.keys[len(a.keys)-1]
		}
		k, err := nextAnchor(ctx, s, sp, sc, f, from)
		if err != nil {
			return nil, err
		}
		if s.gen.Load() != gen {
			// A write came between two anchors: read them again.
			c.gen, c.lists = 0, nil
			return nil, nil
		}
		if k == nil {
			a.end = true
		} else {
			a.keys = append(a.keys, *k)
		}
	}
	return a.keys[:min(n, len(a.keys))], nil
}
