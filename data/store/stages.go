package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Stages of the content calendar. Every office holds its own copy of the
// shipped election stages (workflow.DefaultStages), made on first use with
// ids derived from the office, the election and the stage key
// (workflow.StageID), so that every device of an office makes the same
// copy. An untouched copy (version 0, updated_by workflow.SeedAuthor) is
// never pushed: every device has it already, and pushing it from two would
// make conflicts. Once the office edits or deletes it, it is an ordinary
// record and syncs. At enrollment the untouched copies are dropped and
// made again under the server's office id (dropSeededStages, called from
// moveOffice); the office's edits move with its other records.

// settingStagesSeeded holds the office whose copy of the shipped stages
// is in this database.
const settingStagesSeeded = "stages_seeded"

// seeded selects the untouched shipped copies among stages; notSeeded the
// rest. (Migration 5's trigger stages_drop_seeds spells out the same.)
const (
	seeded    = "version = 0 AND updated_by = '" + workflow.SeedAuthor + "'"
	notSeeded = "NOT (" + seeded + ")"
)

// SeedStages gives the current office its copy of the shipped stages,
// adding only those it lacks: a stage whose election and key the office
// already has (live, edited or deleted) is left alone, so running it
// again adds nothing. It returns how many it added. The calendar queries
// call it on first use.
func (s *Store) SeedStages(ctx context.Context) (int, error) {
	var n int
	err := s.write(ctx, func(tx *gorm.DB) error {
		office, err := currentOfficeID(tx)
		if err != nil {
			return err
		}
		if n, err = seedStagesTx(tx, office); err != nil {
			return err
		}
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&setting{settingStagesSeeded, office}).Error
	})
	return n, err
}

// SeedStagesFor gives another office in this database its copy of the
// shipped stages, as SeedStages does for the current one (the demo uses
// it for its second office).
func (s *Store) SeedStagesFor(ctx context.Context, officeID string) (int, error) {
	var n int
	err := s.write(ctx, func(tx *gorm.DB) error {
		if ok, err := rowExists(tx, "offices", officeID); err != nil {
			return err
		} else if !ok {
			return ErrNotFound
		}
		var err error
		n, err = seedStagesTx(tx, officeID)
		return err
	})
	return n, err
}

func seedStagesTx(tx *gorm.DB, officeID string) (int, error) {
	var have []struct{ Election, Key string }
	if err := tx.Table("stages").Select("election, key").Where("office_id = ?", officeID).Find(&have).Error; err != nil {
		return 0, err
	}
	has := map[[2]string]bool{}
	for _, h := range have {
		has[[2]string{h.Election, h.Key}] = true
	}
	now := time.Now().UTC()
	n := 0
	for _, st := range workflow.DefaultStages() {
		if has[[2]string{st.Election, st.Key}] {
			continue
		}
		st.ID = workflow.StageID(officeID, st.Election, st.Key)
		if ok, err := rowExists(tx, "stages", st.ID); err != nil {
			return n, err
		} else if ok {
			continue
		}
		st.OfficeID, st.UpdatedAt, st.UpdatedBy = officeID, now, workflow.SeedAuthor
		if err := tx.Create(&st).Error; err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// dropSeededStages removes an office's untouched copies of the shipped
// stages (they were never pushed, so nothing else knows them).
func dropSeededStages(tx *gorm.DB, officeID string) error {
	return tx.Exec("DELETE FROM stages WHERE office_id = ? AND "+seeded, officeID).Error
}

// ensureStages seeds the current office's stages once.
func (s *Store) ensureStages(ctx context.Context) error {
	office, err := s.Setting(ctx, SettingOffice, "")
	if err != nil {
		return err
	}
	if done, err := s.Setting(ctx, settingStagesSeeded, ""); err != nil || done == office {
		return err
	}
	_, err = s.SeedStages(ctx)
	return err
}

// SaveStage creates or updates a stage of the office: its own event, or
// a correction of a shipped stage (which from then on syncs).
func (s *Store) SaveStage(ctx context.Context, st *data.Stage) error { return s.save(ctx, st) }

// Stage loads a live stage.
func (s *Store) Stage(ctx context.Context, id string) (*data.Stage, error) {
	var st data.Stage
	return &st, s.get(ctx, &st, id)
}

// Stages lists the current office's live stages that share a day with
// [from, to], by start; a zero from or to leaves that side open.
func (s *Store) Stages(ctx context.Context, from, to data.Date) ([]data.Stage, error) {
	if err := s.ensureStages(ctx); err != nil {
		return nil, err
	}
	q := s.read(ctx).Where("deleted = 0 AND office_id = (SELECT value FROM settings WHERE key = ?)", SettingOffice)
	if !to.IsZero() {
		q = q.Where("start_date <= ?", to.String())
	}
	if !from.IsZero() {
		q = q.Where("end_date >= ?", from.String())
	}
	var out []data.Stage
	err := q.Order("start_date, end_date, name, id").Find(&out).Error
	return out, err
}

// CurrentStages lists the current office's stages on day, the most
// specific (shortest) first: on 14 February 2024, "Pemungutan suara"
// before "Penghitungan suara".
func (s *Store) CurrentStages(ctx context.Context, day data.Date) ([]data.Stage, error) {
	st, err := s.Stages(ctx, day, day)
	return workflow.StagesOn(st, day), err
}

// CurrentStage is the most specific stage on day, or nil when none is.
func (s *Store) CurrentStage(ctx context.Context, day data.Date) (*data.Stage, error) {
	st, err := s.CurrentStages(ctx, day)
	if err != nil || len(st) == 0 {
		return nil, err
	}
	return &st[0], nil
}

// StagesByKey lists the current office's live stages with key (one per
// election: "kampanye" of Pemilu 2024 and of Pilkada 2024), by start.
func (s *Store) StagesByKey(ctx context.Context, key string) ([]data.Stage, error) {
	if err := s.ensureStages(ctx); err != nil {
		return nil, err
	}
	var out []data.Stage
	err := s.read(ctx).Where("deleted = 0 AND key = ? AND office_id = (SELECT value FROM settings WHERE key = ?)", data.StageKey(key), SettingOffice).
		Order("start_date, id").Find(&out).Error
	return out, err
}
