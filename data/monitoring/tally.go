package monitoring

import (
	"slices"
	"strconv"

	"github.com/humasdesk/humasdesk/data"
)

func itoa(n int) string { return strconv.Itoa(n) }

// Tally counts a set of clippings.
type Tally struct {
	Total    int
	ByMedium map[string]int // data.Media code -> count
	ByTone   map[string]int // data.Tones code -> count
	// ByMediumTone[medium][tone] for the medium × tone table.
	ByMediumTone map[string]map[string]int
	Outlets      []OutletCount // most clippings first, then by name
}

// OutletCount is one outlet's clippings.
type OutletCount struct {
	Outlet                    string
	Total, Positive, Negative int
}

// Count tallies clippings; agencies names outlet agencies (OutletName).
func Count(clips []data.Clipping, agencies map[string]string) Tally {
	t := Tally{ByMedium: map[string]int{}, ByTone: map[string]int{}, ByMediumTone: map[string]map[string]int{}}
	outlets := map[string]*OutletCount{}
	for i := range clips {
		c := &clips[i]
		t.Total++
		t.ByMedium[c.Medium]++
		t.ByTone[c.Tone]++
		if t.ByMediumTone[c.Medium] == nil {
			t.ByMediumTone[c.Medium] = map[string]int{}
		}
		t.ByMediumTone[c.Medium][c.Tone]++
		name := OutletName(c, agencies)
		o := outlets[name]
		if o == nil {
			o = &OutletCount{Outlet: name}
			outlets[name] = o
		}
		o.Total++
		switch c.Tone {
		case data.TonePositive:
			o.Positive++
		case data.ToneNegative:
			o.Negative++
		}
	}
	for _, o := range outlets {
		t.Outlets = append(t.Outlets, *o)
	}
	slices.SortFunc(t.Outlets, func(a, b OutletCount) int {
		if a.Total != b.Total {
			return b.Total - a.Total
		}
		return compareStrings(a.Outlet, b.Outlet)
	})
	return t
}

// Add sums another tally into t (the rollup of offices below).
func (t *Tally) Add(o Tally) {
	t.Total += o.Total
	for k, v := range o.ByMedium {
		t.ByMedium[k] += v
	}
	for k, v := range o.ByTone {
		t.ByTone[k] += v
	}
	for m, tones := range o.ByMediumTone {
		if t.ByMediumTone[m] == nil {
			t.ByMediumTone[m] = map[string]int{}
		}
		for k, v := range tones {
			t.ByMediumTone[m][k] += v
		}
	}
}
