package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// A bulk load is how a device takes in a large part of the feed at once,
// typically its first sync of an office's 100,000 records. Kept up row by
// row, the list indexes of entries and drafts and the entries' trigram
// index cost two thirds of such a sync (each page of records touches
// pages all over six b-trees, and the trigram index flushes at every
// statement); built once from the finished tables they cost about a
// second. So BeginBulkLoad drops them, and EndBulkLoad builds them again.
//
// The statements that rebuild them are read from the schema itself and
// kept, in the transaction that drops them, in a setting: a device that
// stops in between (a crash, a power cut) rebuilds them when the store is
// next opened, before anything else. While a bulk load is under way every
// query still answers correctly, only slower: lists sort instead of walking
// an index, and a search reads LIKE alone (see searchMatch), because rows
// written in between are not in the trigram index yet.

// settingBulkLoad holds the statements that undo a bulk load in progress.
const settingBulkLoad = "bulk_load"

// bulkTables are the tables whose secondary indexes a bulk load drops:
// the large ones. The primary keys stay, which the upserts need.
var bulkTables = []string{"entries", "drafts"}

// BeginBulkLoad drops the list and search indexes of the large tables
// until EndBulkLoad. It does nothing when a bulk load is already under
// way.
func (s *Store) BeginBulkLoad(ctx context.Context) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if pending, err := bulkPending(tx); err != nil || pending != nil {
			return err
		}
		var objs []struct{ Type, Name, SQL string }
		// Explicitly created indexes only (sql is NULL for the automatic
		// ones of primary keys and UNIQUE constraints), unique ones kept
		// (they enforce a rule), and the triggers that keep the trigram
		// index.
		err := tx.Raw(`SELECT type, name, sql FROM sqlite_master
			WHERE sql IS NOT NULL AND tbl_name IN ? AND
				((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE %') OR
				 (type = 'trigger' AND sql LIKE '%entries_search%'))
			ORDER BY type, name`, bulkTables).Scan(&objs).Error
		if err != nil {
			return err
		}
		undo := make([]string, 0, len(objs))
		for _, o := range objs {
			if err := tx.Exec(fmt.Sprintf(`DROP %s "%s"`, o.Type, strings.ReplaceAll(o.Name, `"`, `""`))).Error; err != nil {
				return err
			}
			undo = append(undo, o.SQL)
		}
		raw, err := json.Marshal(undo)
		if err != nil {
			return err
		}
		return tx.Create(&setting{settingBulkLoad, string(raw)}).Error
	})
}

// EndBulkLoad builds again what BeginBulkLoad dropped, in one
// transaction. It does nothing when no bulk load is under way.
func (s *Store) EndBulkLoad(ctx context.Context) error {
	return s.write(ctx, endBulkLoad)
}

// BulkLoading tells whether a bulk load is under way (in any process).
func (s *Store) BulkLoading(ctx context.Context) (bool, error) { return bulkLoading(s.read(ctx)) }

func bulkLoading(db *gorm.DB) (bool, error) {
	var n int
	err := db.Raw(`SELECT count(*) FROM settings WHERE key = ?`, settingBulkLoad).Scan(&n).Error
	return n > 0, err
}

func endBulkLoad(tx *gorm.DB) error {
	undo, err := bulkPending(tx)
	if err != nil || undo == nil {
		return err
	}
	// The trigram index first: filled in rowid order it takes a fraction
	// of the time it takes when the rows come out of a list index in date
	// order, which they do once those exist.
	if ok, err := hasTable(tx, "entries_search"); err != nil {
		return err
	} else if ok {
		if err := fillSearchIndex(tx); err != nil {
			return fmt.Errorf("indeks pencarian tidak dapat dibangun: %w", err)
		}
	}
	for _, stmt := range undo {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("indeks tidak dapat dibangun kembali: %w", err)
		}
	}
	return tx.Where("key = ?", settingBulkLoad).Delete(&setting{}).Error
}

// bulkPending returns the statements kept by BeginBulkLoad, or nil when no
// bulk load is under way.
func bulkPending(tx *gorm.DB) ([]string, error) {
	var st setting
	err := tx.Where("key = ?", settingBulkLoad).Take(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	undo := []string{}
	if err := json.Unmarshal([]byte(st.Value), &undo); err != nil {
		return nil, fmt.Errorf("catatan pemuatan massal rusak: %w", err)
	}
	return undo, nil
}

// finishBulkLoad completes a bulk load that an earlier run left
// unfinished; Open calls it before migrating.
func finishBulkLoad(ctx context.Context, db *gorm.DB) error {
	ok, err := hasTable(db, "settings")
	if err != nil || !ok {
		return err
	}
	return db.WithContext(ctx).Transaction(endBulkLoad)
}
