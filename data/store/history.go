package store

import (
	"context"
	"encoding/json"
	"reflect"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// History sources: how a kept version was replaced on this device.
const (
	HistoryLocal = "local" // a save on this device
	HistorySync  = "sync"  // a newer version pulled from the server
)

// historyBySync is replaced_by of the versions a pulled change replaced.
const historyBySync = "sinkronisasi"

// Version is an earlier version of a record, as this device held it
// before it was replaced. Author and At are the version's own
// updated_by and updated_at (who wrote it, when, by that device's clock);
// ReplacedAt and ReplacedBy say when this device replaced it, and by whom.
// Data is the record as JSON, which decodes into the record's type.
type Version struct {
	Seq        int64 `gorm:"primaryKey;autoIncrement"`
	Kind       string
	RecordID   string
	Version    int64
	Author     string
	At         time.Time
	ReplacedAt time.Time
	ReplacedBy string
	Source     string
	Payload    string
}

// TableName keeps gorm from pluralising.
func (Version) TableName() string { return "record_history" }

// History lists the earlier versions of the record id of kind k that this
// device kept, newest first. The current version is the record itself.
// k is the record's kind as the outbox names it (RecordKind), which the
// Kind constants share; an office profile is Kind("office").
func (s *Store) History(ctx context.Context, k Kind, id string) ([]Version, error) {
	var out []Version
	err := s.read(ctx).Where("kind = ? AND record_id = ?", string(k), id).
		Order("seq DESC").Find(&out).Error
	return out, err
}

// keepPrevious stores prev, the version of a record about to be
// replaced, in the caller's transaction: the history row commits or
// rolls back with the write that replaces it.
func keepPrevious(tx *gorm.DB, prev data.Record, source, by string) error {
	payload, err := json.Marshal(prev)
	if err != nil {
		return err
	}
	m := prev.RecordMeta()
	return tx.Create(&Version{Kind: prev.RecordKind(), RecordID: m.ID, Version: m.Version,
		Author: m.UpdatedBy, At: m.UpdatedAt, ReplacedAt: time.Now().UTC(), ReplacedBy: by,
		Source: source, Payload: string(payload)}).Error
}

// keepBeforeSave keeps the stored version of r before a local save
// replaces it, unless the save changes nothing but the sync fields.
func (s *Store) keepBeforeSave(tx *gorm.DB, r data.Record) error {
	prev := blankLike(r)
	if err := tx.Where("id = ?", r.RecordMeta().ID).Take(prev).Error; err != nil {
		return err
	}
	if sameRecordContent(prev, r) {
		return nil
	}
	return keepPrevious(tx, prev, HistoryLocal, s.user)
}

// blankLike is a new, empty record of r's type.
func blankLike(r data.Record) data.Record {
	return reflect.New(reflect.TypeOf(r).Elem()).Interface().(data.Record)
}

// sameRecordContent compares two records of one type without their sync
// fields, as JSON.
func sameRecordContent(a, b data.Record) bool {
	ja, errA := contentJSON(a)
	jb, errB := contentJSON(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

func contentJSON(r data.Record) ([]byte, error) {
	raw, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	c := blankLike(r)
	if err := json.Unmarshal(raw, c); err != nil {
		return nil, err
	}
	c.Normalize()
	*c.RecordMeta() = data.Meta{}
	return json.Marshal(c)
}

// keepBeforePull keeps the stored versions of the pulled records recs
// (one kind) that the pull replaces with a newer server version. It runs
// after their upsert succeeded, with the rows read before it (prev, by
// storedKey).
func keepBeforePull(tx *gorm.DB, prev map[string]data.Record, recs []remote) error {
	for _, one := range recs {
		old, ok := prev[storedKey(one.r.Kind, one.r.ID)]
		if !ok || old.RecordMeta().Version >= one.r.Version {
			continue // new here, or this device's own write coming back
		}
		if err := keepPrevious(tx, old, HistorySync, historyBySync); err != nil {
			return err
		}
	}
	return nil
}

// storedOf adds to out, by storedKey, the stored rows of the pulled
// records recs (one kind, a page's at most), before a pull replaces
// them.
func storedOf(tx *gorm.DB, recs []remote, out map[string]data.Record) error {
	if len(recs) == 0 {
		return nil
	}
	ids := make([]string, len(recs))
	for i, one := range recs {
		ids[i] = one.r.ID
	}
	typ := reflect.TypeOf(recs[0].rec).Elem()
	rows := reflect.New(reflect.SliceOf(typ))
	if err := tx.Where("id IN ?", ids).Find(rows.Interface()).Error; err != nil {
		return err
	}
	for i := range rows.Elem().Len() {
		r := rows.Elem().Index(i).Addr().Interface().(data.Record)
		out[storedKey(r.RecordKind(), r.RecordMeta().ID)] = r
	}
	return nil
}

func storedKey(kind, id string) string { return kind + "\x00" + id }
