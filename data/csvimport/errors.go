package csvimport

import (
	"fmt"
	"sort"
	"strings"
)

// LineError is one problem in an imported file.
type LineError struct {
	// Line is the 1-based line of the file, the header being line 1 (a
	// "sep=" line before the header counts too). 0 means the whole file.
	Line int
	// Column is the canonical column name ("tanggal_mulai", as in the
	// templates), or "" when the problem is the line as a whole.
	Column string
	// Reason says in Indonesian what is wrong and, where it helps, what is
	// accepted.
	Reason string
}

// Error writes "baris 3, kolom tanggal_mulai: …".
func (e LineError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "baris %d", e.Line)
	} else {
		b.WriteString("berkas")
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ", kolom %s", e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// Errors lists every problem of a file, in line order. An import that
// returns Errors has written nothing.
type Errors []LineError

// errorsShown is how many problems Error spells out before summarising.
const errorsShown = 10

// Error summarises: the count, the first problems, and how many more.
func (es Errors) Error() string {
	if len(es) == 1 {
		return es[0].Error() + "; tidak ada data yang diimpor"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d kesalahan di %d baris, tidak ada data yang diimpor: ", len(es), es.lines())
	for i, e := range es {
		if i == errorsShown {
			fmt.Fprintf(&b, "; dan %d kesalahan lain", len(es)-errorsShown)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// lines counts the distinct lines with problems.
func (es Errors) lines() int {
	seen := map[int]bool{}
	for _, e := range es {
		seen[e.Line] = true
	}
	return len(seen)
}

// Lines returns the distinct line numbers with problems, in order, for a
// preview that marks bad lines.
func (es Errors) Lines() []int {
	seen := map[int]bool{}
	var out []int
	for _, e := range es {
		if !seen[e.Line] {
			seen[e.Line] = true
			out = append(out, e.Line)
		}
	}
	sort.Ints(out)
	return out
}

// sortFor orders problems by line and, within a line, by the layout's
// column order, problems of the line as a whole first.
func (es Errors) sortFor(l *layout) {
	rank := func(col string) int {
		for i, c := range l.columns {
			if c.Name == col {
				return i
			}
		}
		return -1
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Line != es[j].Line {
			return es[i].Line < es[j].Line
		}
		return rank(es[i].Column) < rank(es[j].Column)
	})
}
