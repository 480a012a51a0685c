package app

// pageSize is how many rows one store query brings into a list. A screen
// shows about twenty; a hundred makes scrolling smooth without holding much.
const pageSize = 100

// keepPages bounds the rows a list keeps in memory while the user scrolls
// through a long result: about 2,000 rows, whatever the table's size.
const keepPages = 20

// pager gives a virtualised list its rows by position, reading the store
// one page the first time a row of that page is needed. It never loads a
// whole table: the list's length comes from a count, not from the rows.
type pager[T any] struct {
	fetch   func(offset, limit int) ([]T, error)
	onError func(error) // told once per failure, not once per visible row
	pages   map[int][]T
	order   []int // page numbers, oldest first, for eviction
	fetches int   // store queries made, so tests can see the paging
	failed  bool  // a fetch failed: do not retry for every cell until reset
}

func newPager[T any](fetch func(offset, limit int) ([]T, error), onError func(error)) *pager[T] {
	return &pager[T]{fetch: fetch, onError: onError, pages: map[int][]T{}}
}

// reset forgets every page, for when the filter changes or a record is
// saved or deleted and the rows may have moved.
func (p *pager[T]) reset() {
	p.pages = map[int][]T{}
	p.order = p.order[:0]
	p.failed = false
}

// row returns row i, or nil when it cannot be read (the error has then
// been reported) or lies past the end of the result.
func (p *pager[T]) row(i int) *T {
	if i < 0 {
		return nil
	}
	n := i / pageSize
	rows, ok := p.pages[n]
	if !ok {
		if p.failed {
			return nil
		}
		var err error
		p.fetches++
		if rows, err = p.fetch(n*pageSize, pageSize); err != nil {
			p.failed = true
			p.onError(err)
			return nil
		}
		p.keep(n, rows)
	}
	if i%pageSize >= len(rows) {
		return nil
	}
	return &rows[i%pageSize]
}

// keep stores a page, dropping the oldest when there are too many.
func (p *pager[T]) keep(n int, rows []T) {
	p.pages[n] = rows
	p.order = append(p.order, n)
	if len(p.order) > keepPages {
		delete(p.pages, p.order[0])
		p.order = p.order[1:]
	}
}

// seed starts the pager afresh with the first page already read (a list
// reads its count and first page together, off the main goroutine).
func (p *pager[T]) seed(first []T) {
	p.reset()
	p.fetches++
	p.keep(0, first)
}
