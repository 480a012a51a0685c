package monitoring

import (
	"math"
	"strconv"

	"github.com/humasdesk/humasdesk/data"
)

// Realised counts what an office realised in one year, per quarter, in
// each target dimension: done activities by strategy ("1".."8") and by
// activity type, published content by channel.
type Realised map[string]map[string][4]int // dimension -> code -> per quarter

// Add counts n more of dimension's code in quarter q (1..4).
func (r Realised) Add(dimension, code string, q, n int) {
	if q < 1 || q > 4 {
		return
	}
	if r[dimension] == nil {
		r[dimension] = map[string][4]int{}
	}
	v := r[dimension][code]
	v[q-1] += n
	r[dimension][code] = v
}

// Merge sums another office's realisation into r (the rollup).
func (r Realised) Merge(o Realised) {
	for dim, codes := range o {
		for code, qs := range codes {
			for q, n := range qs {
				r.Add(dim, code, q+1, n)
			}
		}
	}
}

// Line is one row of the targets-vs-realisation table.
type Line struct {
	Dimension, Code string
	Annual          int    // the annual target, 0 when none
	Quarters        [4]int // realised in each quarter
}

// Upto is what was realised from the first quarter through quarter q.
func (l Line) Upto(q int) int {
	n := 0
	for i := 0; i < q && i < 4; i++ {
		n += l.Quarters[i]
	}
	return n
}

// TargetUpto is the share of the annual target due by the end of quarter
// q: the target spread evenly over the year, rounded up, so that a target
// of 10 expects 3, 5, 8, 10.
func (l Line) TargetUpto(q int) int {
	return int(math.Ceil(float64(l.Annual) * float64(q) / 4))
}

// Percent is realisation through quarter q against the annual target, in
// percent; ok is false when there is no target.
func (l Line) Percent(q int) (float64, bool) {
	if l.Annual == 0 {
		return 0, false
	}
	return 100 * float64(l.Upto(q)) / float64(l.Annual), true
}

// OnTrack reports whether realisation through quarter q meets the target
// due by then.
func (l Line) OnTrack(q int) bool { return l.Upto(q) >= l.TargetUpto(q) }

// Lines joins targets and realisation: a line for every target set and
// for every code realised without one, dimension by dimension in the
// order of data.TargetDimensions, codes in vocabulary order.
func Lines(t *data.Target, r Realised) []Line {
	var out []Line
	for _, dim := range data.TargetDimensions.Codes() {
		for _, code := range codesOf(dim) {
			l := Line{Dimension: dim, Code: code, Annual: t.Count(dim, code), Quarters: r[dim][code]}
			if l.Annual > 0 || l.Upto(4) > 0 {
				out = append(out, l)
			}
		}
	}
	return out
}

// SumTargets adds targets of several offices into one (the rollup).
func SumTargets(year int, ts ...*data.Target) *data.Target {
	sum := &data.Target{Year: year}
	idx := map[[2]string]int{}
	for _, t := range ts {
		if t == nil {
			continue
		}
		for _, it := range t.Items {
			k := [2]string{it.Dimension, it.Code}
			if i, ok := idx[k]; ok {
				sum.Items[i].Count += it.Count
				continue
			}
			idx[k] = len(sum.Items)
			sum.Items = append(sum.Items, it)
		}
	}
	return sum
}

// codesOf lists the codes of a dimension in display order.
func codesOf(dim string) []string {
	switch dim {
	case data.TargetStrategy:
		out := make([]string, len(data.Strategies))
		for i := range out {
			out[i] = itoa(i + 1)
		}
		return out
	case data.TargetActivity:
		return data.ActivityTypes.Codes()
	case data.TargetChannel:
		return data.Channels.Codes()
	}
	return nil
}

// CodeLabel names a line's code in l: the strategy's name, the activity
// type or the channel.
func CodeLabel(dim, code string, l data.Lang) string {
	switch dim {
	case data.TargetStrategy:
		n, _ := strconv.Atoi(code)
		return data.StrategyLabel(n, l)
	case data.TargetActivity:
		return data.ActivityTypes.Label(code, l)
	}
	return data.Channels.Label(code, l)
}
