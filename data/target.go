package data

import "strconv"

// Target holds an office's annual targets for one year: how many
// activities per Bakohumas strategy and per activity type, and how many
// pieces of content per channel, it means to realise. It is one synced
// record per office and year, so that every device of the office measures
// against the same numbers; data/monitoring compares them with what was
// realised, per quarter.
type Target struct {
	Meta
	Year  int              `json:"year"`
	Items List[TargetItem] `json:"items"`
	Notes string           `json:"notes"`
}

// TargetItem is one annual target: Count of Dimension's Code, e.g.
// {"strategy", "3", 40} or {"channel", "instagram", 120}.
type TargetItem struct {
	Dimension string `json:"dimension"`
	Code      string `json:"code"`
	Count     int    `json:"count"`
}

// Target dimensions.
const (
	TargetStrategy = "strategy"
	TargetActivity = "activity"
	TargetChannel  = "channel"
)

// TargetDimensions are what a target counts.
var TargetDimensions = Vocabulary{
	{TargetStrategy, Text{"Strategi", "Strategy"}},
	{TargetActivity, Text{"Jenis kegiatan", "Activity type"}},
	{TargetChannel, Text{"Konten per kanal", "Content per channel"}},
}

// Field labels of Target.
var (
	LabelYear    = Text{"Tahun", "Year"}
	LabelTargets = Text{"Target", "Targets"}
)

// MaxTarget bounds one annual target: more than this many activities of
// one kind a year is a typing mistake.
const MaxTarget = 100000

// RecordKind implements Record.
func (*Target) RecordKind() string { return "target" }

// Normalize implements Record. Items with a zero count are dropped (no
// target), and a later item for the same dimension and code replaces an
// earlier one.
func (t *Target) Normalize() {
	clean(&t.Notes)
	idx := map[[2]string]int{}
	var out List[TargetItem]
	for _, it := range t.Items {
		clean(&it.Dimension, &it.Code)
		if it.Count == 0 {
			continue
		}
		key := [2]string{it.Dimension, it.Code}
		if i, ok := idx[key]; ok {
			out[i] = it
			continue
		}
		idx[key] = len(out)
		out = append(out, it)
	}
	t.Items = out
}

// Validate implements Record.
func (t *Target) Validate() error {
	var c checker
	if t.Year < 2000 || t.Year > 2100 {
		c.errs = append(c.errs, FieldError{Field: "year", Label: LabelYear, Rule: RuleRange, Min: 2000, Max: 2100})
	}
	for _, it := range t.Items {
		if !it.known() {
			c.add("items", LabelTargets, RuleUnknown)
			break
		}
		if it.Count < 0 || it.Count > MaxTarget {
			c.errs = append(c.errs, FieldError{Field: "items", Label: LabelTargets, Rule: RuleRange, Min: 0, Max: MaxTarget})
			break
		}
	}
	c.text("notes", LabelNotes, t.Notes, false, MaxText)
	return c.err()
}

func (it TargetItem) known() bool {
	switch it.Dimension {
	case TargetStrategy:
		for i := range Strategies {
			if it.Code == strconv.Itoa(i+1) {
				return true
			}
		}
		return false
	case TargetActivity:
		return ActivityTypes.Has(it.Code)
	case TargetChannel:
		return Channels.Has(it.Code)
	}
	return false
}

// Count returns the annual target of dimension's code, 0 when none is set.
func (t *Target) Count(dimension, code string) int {
	if t == nil {
		return 0
	}
	for _, it := range t.Items {
		if it.Dimension == dimension && it.Code == code {
			return it.Count
		}
	}
	return 0
}
