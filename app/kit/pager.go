package kit

// PageSize is how many rows one store query brings into a list. A screen
// shows about twenty; a hundred makes scrolling smooth without holding much.
const PageSize = 100

// KeepPages bounds the rows a list keeps in memory while the user scrolls
// through a long result: about 2,000 rows, whatever the table's size.
const KeepPages = 20

// Pager gives a virtualised list its rows by position, reading the store
// one page the first time a row of that page is needed. It never loads a
// whole table: the list's length comes from a count, not from the rows.
type Pager[T any] struct {
	fetch   func(offset, limit int) ([]T, error)
	onError func(error) // told once per failure, not once per visible row
	Pages   map[int][]T
	order   []int // page numbers, oldest first, for eviction
	Fetches int   // store queries made, so tests can see the paging
	failed  bool  // a fetch failed: do not retry for every cell until reset
}

func NewPager[T any](fetch func(offset, limit int) ([]T, error), onError func(error)) *Pager[T] {
	return &Pager[T]{fetch: fetch, onError: onError, Pages: map[int][]T{}}
}

// Reset forgets every page, for when the filter changes or a record is
// saved or deleted and the rows may have moved.
func (p *Pager[T]) Reset() {
	p.Pages = map[int][]T{}
	p.order = p.order[:0]
	p.failed = false
}

// Row returns row i, or nil when it cannot be read (the error has then
// been reported) or lies past the end of the result.
func (p *Pager[T]) Row(i int) *T {
	if i < 0 {
		return nil
	}
	n := i / PageSize
	rows, ok := p.Pages[n]
	if !ok {
		if p.failed {
			return nil
		}
		var err error
		p.Fetches++
		if rows, err = p.fetch(n*PageSize, PageSize); err != nil {
			p.failed = true
			p.onError(err)
			return nil
		}
		p.keep(n, rows)
	}
	if i%PageSize >= len(rows) {
		return nil
	}
	return &rows[i%PageSize]
}

// keep stores a page, dropping the oldest when there are too many.
func (p *Pager[T]) keep(n int, rows []T) {
	p.Pages[n] = rows
	p.order = append(p.order, n)
	if len(p.order) > KeepPages {
		delete(p.Pages, p.order[0])
		p.order = p.order[1:]
	}
}

// Seed starts the pager afresh with the first page already read (a list
// reads its count and first page together, off the main goroutine).
func (p *Pager[T]) Seed(first []T) {
	p.Reset()
	p.Fetches++
	p.keep(0, first)
}
