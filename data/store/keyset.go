package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"sync"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// Lists are read by position (offset, limit), which is what a virtualised
// list asks for, but deep pages are not read with OFFSET from the start:
// SQLite walks and drops every row before the offset, so the last page of
// 100,000 entries cost 14× the first. Instead a list seeks: the rows
// after a key (the sort column's value and the id, the tie-breaker of
// every list order), along the same index as the first page. The keys
// come from anchors: a page read far (anchorEvery rows or more) from the
// nearest anchor before it leaves the key of the row just before it as a
// new anchor. So the first jump to row 80,000 (the user drags the scroll bar)
// walks the index as OFFSET did, and every later page near it, or before
// it, costs about what the first page does. Anchors are kept until the
// next write in this process.

// anchorEvery is the walk from an anchor after which a page leaves a new
// one: an OFFSET of up to this many rows costs about what reading one page
// does (see docs/BENCHMARKS.md). Tests lower it.
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
// and offices, seeking from the nearest anchor before it.
func page[T any](ctx context.Context, s *Store, sp listSpec, f Filter, offices []string, offset, limit int) ([]T, error) {
	if offset < anchorEvery {
		return pageAfter[T](ctx, s, sp, sp.scope(f, offices), f, nil, offset, limit)
	}
	id := fmt.Sprintf("%s|%#v|%q", sp.table, f, offices)
	gen := s.gen.Load()
	var from *Key
	skip := offset
	if a, ok := s.anchors.before(id, gen, offset); ok {
		from, skip = &a.key, offset-a.pos-1
	}
	if skip >= anchorEvery {
		// Scrolling up after a jump: walk back from the anchor after
		// the page, if it is near, to the row just before the page.
		if k, err := s.keyBack(ctx, sp, f, offices, id, gen, offset); err != nil {
			return nil, err
		} else if k != nil {
			from, skip = k, 0
		}
	}
	if skip < anchorEvery {
		return pageAfter[T](ctx, s, sp, sp.scope(f, offices), f, from, skip, limit)
	}
	// A long walk: read one row more, the one before the page, and keep
	// its key, so that this page and those after it seek from there.
	rows, err := pageAfter[T](ctx, s, sp, sp.scope(f, offices), f, from, skip-1, limit+1)
	if err != nil || len(rows) == 0 {
		return rows, err
	}
	before := any(&rows[0]).(data.Record).RecordMeta().ID
	var k Key
	if err := s.read(ctx).Table(sp.table).Select(sp.key.col+" AS sort, id").Where("id = ?", before).Scan(&k).Error; err != nil {
		return nil, err
	}
	s.anchors.add(id, gen, anchor{offset - 1, k})
	return rows[1:], nil
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

// keyBack returns the key of the row at offset-1, read by walking
// backwards from the list's nearest anchor after it when that is fewer
// than anchorEvery rows away, and keeps it as an anchor; nil when there is
// no such anchor. Only descending lists walk back (the long ones), and
// only from a key with a value: the rows before it then all have one.
func (s *Store) keyBack(ctx context.Context, sp listSpec, f Filter, offices []string, id string, gen uint64, offset int) (*Key, error) {
	a, ok := s.anchors.after(id, gen, offset)
	if !ok || !sp.key.desc || !a.key.Sort.Valid || a.pos-offset >= anchorEvery {
		return nil, nil
	}
	c := sp.key.col + sp.key.collate
	var keys []Key
	err := sp.read(ctx, s, f, ftsPageMax, func(db *gorm.DB, match string) error {
		return sp.scope(f, offices)(db, match).Where("("+c+", id) > (?, ?)", a.key.Sort.String, a.key.ID).
			Select(sp.key.col + " AS sort, id").Order(c + " ASC, id ASC").
			Offset(a.pos - offset).Limit(1).Scan(&keys).Error
	})
	if err != nil || len(keys) == 0 {
		return nil, err
	}
	s.anchors.add(id, gen, anchor{offset - 1, keys[0]})
	return &keys[0], nil
}

// anchorCache keeps the anchors of the lists read since the last write of
// this process (Store.write bumps the generation). A write by another
// process is not seen: until this process next writes, a deep page of a
// list may then be off by the rows that process added or removed before
// it, as pages read by OFFSET and cached by the list view already are.
type anchorCache struct {
	mu    sync.Mutex
	gen   uint64 // the store's generation the lists were read at
	lists map[string][]anchor
}

// anchor is the key of the row at pos in a list.
type anchor struct {
	pos int
	key Key
}

// maxAnchorLists bounds the lists kept: a list view asks for the anchors
// of its current filter, and each keystroke in a search box is a filter.
const maxAnchorLists = 16

// before returns the list's anchor nearest before pos, as of generation
// gen.
func (c *anchorCache) before(id string, gen uint64, pos int) (anchor, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return anchor{}, false
	}
	as := c.lists[id]
	i := sort.Search(len(as), func(i int) bool { return as[i].pos >= pos })
	if i == 0 {
		return anchor{}, false
	}
	return as[i-1], true
}

// after returns the list's anchor nearest at or after pos, as of
// generation gen.
func (c *anchorCache) after(id string, gen uint64, pos int) (anchor, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return anchor{}, false
	}
	as := c.lists[id]
	i := sort.Search(len(as), func(i int) bool { return as[i].pos >= pos })
	if i == len(as) {
		return anchor{}, false
	}
	return as[i], true
}

// add keeps a, read at generation gen, unless a write came since.
func (c *anchorCache) add(id string, gen uint64, a anchor) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		c.gen, c.lists = gen, map[string][]anchor{}
	}
	if c.lists == nil || (len(c.lists) >= maxAnchorLists && c.lists[id] == nil) {
		c.lists = map[string][]anchor{}
	}
	as := c.lists[id]
	i := sort.Search(len(as), func(i int) bool { return as[i].pos >= a.pos })
	if i < len(as) && as[i].pos == a.pos {
		return
	}
	c.lists[id] = slices.Insert(as, i, a)
}
