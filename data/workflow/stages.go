package workflow

import (
	"cmp"
	"crypto/sha1"
	"embed"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/humasdesk/humasdesk/data"
)

// The election stages that ship with Humas Desk: one CSV file per
// election (election, source, key, name, start, end, notes; lines
// starting with # are comments). See the comments in the files for their
// sources and for which dates still need checking.
//
//go:embed stages/*.csv
var stageFiles embed.FS

// SeedAuthor is the updated_by of a shipped stage an office has not
// touched. The store uses it to tell such copies from the office's own
// edits: untouched copies are never pushed (every device makes the same
// ones itself) and are re-made under the new office id at enrollment.
const SeedAuthor = "Humas Desk (bawaan)"

var defaultStages = sync.OnceValues(func() ([]data.Stage, error) {
	names, err := fs.Glob(stageFiles, "stages/*.csv")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []data.Stage
	for _, name := range names {
		f, err := stageFiles.Open(name)
		if err != nil {
			return nil, err
		}
		r := csv.NewReader(f)
		r.Comment = '#'
		r.FieldsPerRecord = 7
		rows, err := r.ReadAll()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for i, row := range rows[1:] { // the first row names the columns
			st := data.Stage{Election: row[0], Source: row[1], Key: row[2], Name: row[3], Notes: row[6], Category: data.StageElection}
			if st.Start, err = data.ParseISODate(row[4]); err == nil {
				st.End, err = data.ParseISODate(row[5])
			}
			if err != nil {
				return nil, fmt.Errorf("%s baris data %d: %w", name, i+1, err)
			}
			st.Normalize()
			if err := st.Validate(); err != nil {
				return nil, fmt.Errorf("%s baris data %d: %w", name, i+1, err)
			}
			out = append(out, st)
		}
	}
	return out, nil
})

// DefaultStages returns the shipped stages of Pemilu 2024 (PKPU 3/2022)
// and Pilkada Serentak 2024 (PKPU 2/2024), in file order, without ids.
func DefaultStages() []data.Stage {
	st, err := defaultStages()
	if err != nil {
		panic("workflow: shipped stage data is broken: " + err.Error()) // caught by the package tests
	}
	return slices.Clone(st)
}

// StableID makes a UUIDv7-shaped id from a name, the same on every device,
// for records that every device makes alike (an office's copy of a
// shipped stage). The time part is fixed, so nothing can order by it.
func StableID(name string) string {
	h := sha1.Sum([]byte("humasdesk/" + name))
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[:8], uint64(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli())<<16)
	copy(u[6:], h[:10])
	u[6] = 0x70 | (u[6] & 0x0f) // version 7
	u[8] = 0x80 | (u[8] & 0x3f) // RFC 4122 variant
	return u.String()
}

// StageID is the id of an office's copy of a shipped stage.
func StageID(officeID, election, key string) string {
	return StableID("stage/" + officeID + "/" + election + "/" + key)
}

// StagesOn returns the stages covering day, the most specific (shortest)
// first, then by start and name.
func StagesOn(stages []data.Stage, day data.Date) []data.Stage {
	var out []data.Stage
	for _, s := range stages {
		if s.Covers(day) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b data.Stage) int {
		if d := a.Days() - b.Days(); d != 0 {
			return d
		}
		if c := compareDates(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}

// Overlapping returns the stages that share a day with [from, to], in
// start order. A zero from or to leaves that side open.
func Overlapping(stages []data.Stage, from, to data.Date) []data.Stage {
	var out []data.Stage
	for _, s := range stages {
		if (!to.IsZero() && s.Start.After(to)) || (!from.IsZero() && s.End.Before(from)) {
			continue
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b data.Stage) int {
		if c := compareDates(a.Start, b.Start); c != 0 {
			return c
		}
		return compareDates(a.End, b.End)
	})
	return out
}

func compareDates(a, b data.Date) int { return cmp.Compare(a.String(), b.String()) }
