package data

import (
	"strings"
	"unicode"
)

// Stage is a dated band on the content calendar: an election stage
// (tahapan) of an election, a national day, or a local event. Humas Desk
// ships the stages of Pemilu 2024 and Pilkada Serentak 2024 as data
// (data/workflow/stages); each office gets its own copy, which it may
// correct, and adds its own stages beside them.
type Stage struct {
	Meta
	// Key names the stage across offices and years ("kampanye",
	// "masa_tenang", "penetapan_paslon"); the neutrality checker looks
	// stages up by it. Lower case letters, digits and underscores; may be
	// empty for an office's own event.
	Key      string `json:"key"`
	Name     string `json:"name"`
	Start    Date   `gorm:"column:start_date" json:"start"`
	End      Date   `gorm:"column:end_date" json:"end"` // inclusive; a one-day stage ends on its start
	Category string `json:"category"`
	Election string `json:"election"` // e.g. "Pemilu 2024", "Pilkada 2024"; empty for other events
	Source   string `json:"source"`   // the regulation, e.g. "PKPU 2/2024"
	Notes    string `json:"notes"`
}

// Stage categories.
const (
	StageElection = "tahapan"
	StageNational = "hari_nasional"
	StageLocal    = "agenda_daerah"
	StageOther    = "lainnya"
)

// StageCategories are the kinds of calendar band.
var StageCategories = Vocabulary{
	{StageElection, Text{"Tahapan pemilu/pemilihan", "Election stage"}},
	{StageNational, Text{"Hari nasional", "National day"}},
	{StageLocal, Text{"Agenda daerah", "Local event"}},
	{StageOther, Text{"Lainnya", "Other"}},
}

// Field labels of Stage.
var (
	LabelStageKey      = Text{"Kode tahapan", "Stage key"}
	LabelStageName     = Text{"Nama tahapan", "Stage name"}
	LabelStageStart    = Text{"Mulai", "Start"}
	LabelStageEnd      = Text{"Selesai", "End"}
	LabelStageCategory = Text{"Kategori", "Category"}
	LabelElection      = Text{"Pemilu/pemilihan", "Election"}
	LabelStageSource   = Text{"Dasar hukum", "Source"}
)

// RecordKind implements Record.
func (*Stage) RecordKind() string { return "stage" }

// Normalize implements Record. The key is folded to lower case with
// underscores ("Masa Tenang" → "masa_tenang"); a one-day stage may leave
// the end empty; the category defaults to an election stage when the
// stage names an election, else to a local event.
func (s *Stage) Normalize() {
	clean(&s.Key, &s.Name, &s.Category, &s.Election, &s.Source, &s.Notes)
	s.Key = StageKey(s.Key)
	if s.End.IsZero() {
		s.End = s.Start
	}
	if s.Category == "" {
		s.Category = StageLocal
		if s.Election != "" {
			s.Category = StageElection
		}
	}
}

// StageKey folds text into a stage key: lower case ASCII letters and
// digits, other runs of characters become one underscore.
func StageKey(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
		} else {
			gap = true
		}
	}
	return b.String()
}

// Validate implements Record.
func (s *Stage) Validate() error {
	var c checker
	c.maxLen("key", LabelStageKey, s.Key, 64)
	c.text("name", LabelStageName, s.Name, true, MaxShort)
	if s.Start.IsZero() {
		c.add("start", LabelStageStart, RuleRequired)
	} else if s.End.Before(s.Start) {
		c.add("end", LabelStageEnd, RuleEndBefore)
	}
	c.oneOf("category", LabelStageCategory, s.Category, StageCategories, true)
	c.text("election", LabelElection, s.Election, false, MaxShort)
	c.text("source", LabelStageSource, s.Source, false, MaxShort)
	c.text("notes", LabelNotes, s.Notes, false, MaxText)
	return c.err()
}

// Covers reports whether day lies within the stage, both ends included.
func (s *Stage) Covers(day Date) bool {
	return !day.Before(s.Start) && !day.After(s.End)
}

// Days is the stage's length in days, both ends included.
func (s *Stage) Days() int {
	return int(s.End.Time().Sub(s.Start.Time()).Hours()/24) + 1
}
