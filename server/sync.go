package server

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// ErrForbidden is a write outside the device's office (HTTP 403).
type ErrForbidden struct{ Reason string }

func (e ErrForbidden) Error() string { return e.Reason }

// Push applies a device's ops in one transaction and answers each: a
// replayed op gets its stored result; an op on the version the server
// holds is applied (version +1, next server_seq); an op on an older
// version becomes a conflict record for the office, and the server keeps
// its version. Any op outside the device's office refuses the whole push.
//
// The batch's op log entries and records are read in one query each up
// front, without a transaction, and the ops decided from them; the batch
// sees its own writes through the same maps. Only the writes, in
// multi-row statements, run in the short transaction that holds the feed
// lock (commitBatch, pushwrite.go), which checks that the reads still
// hold; if another push overtook them, the push is decided again.
func (s *Store) Push(ctx context.Context, dev *Device, ops []syncapi.Op) ([]syncapi.OpResult, error) {
	for attempt := 1; ; attempt++ {
		now := time.Now().UTC()
		results, err := s.pushOnce(ctx, dev, ops, now)
		if errors.Is(err, errRaced) && attempt < maxPushAttempts {
			continue
		}
		if err != nil {
			return results, err
		}
		if err := s.touch(ctx, dev, now); err != nil {
			return results, err
		}
		call(s.hooks.AfterPushCommit)
		return results, nil
	}
}

// pushOnce decides the ops from unlocked reads and commits the batch.
func (s *Store) pushOnce(ctx context.Context, dev *Device, ops []syncapi.Op, now time.Time) ([]syncapi.OpResult, error) {
	results := make([]syncapi.OpResult, len(ops))
	rd := s.reader().WithContext(ctx)
	b, err := s.loadBatch(rd, dev, ops)
	if err != nil {
		return nil, err
	}
	next, count := placeholders()
	for i, op := range ops {
		res, err := s.pushOne(rd, b, dev, op, next, now)
		if err != nil {
			return nil, err
		}
		results[i] = res
	}
	base, err := s.commitBatch(ctx, b, count())
	if err != nil {
		return nil, err
	}
	for i := range results {
		settle(&results[i], base)
	}
	return results, nil
}

// pushBatch is what one push has read and is about to write.
type pushBatch struct {
	loaded map[string]int64   // id → version as read (flush checks it still is)
	logged []syncapi.OpResult // logs[i]'s result, placeholders unsettled

	seen    map[string]OpLog  // op id → logged result, this batch's included
	records map[string]Record // id → the record as this batch leaves it
	dirty   []string          // ids of records to write, in first-write order
	isDirty map[string]bool
	created []Record // conflict records
	logs    []OpLog
	people  *bool // whether the device's office had people (proof.go)
}

// loadBatch reads the op log entries and records the ops name.
func (s *Store) loadBatch(tx *gorm.DB, dev *Device, ops []syncapi.Op) (*pushBatch, error) {
	b := &pushBatch{seen: map[string]OpLog{}, loaded: map[string]int64{}, records: map[string]Record{}, isDirty: map[string]bool{}}
	var opIDs, ids []string
	for _, op := range ops {
		if unstorable(op) == "" {
			opIDs, ids = append(opIDs, op.OpID), append(ids, op.ID)
		}
	}
	for i := 0; i < len(opIDs); i += 500 {
		var logs []OpLog
		if err := tx.Where("device_id = ? AND op_id IN ?", dev.ID, opIDs[i:min(i+500, len(opIDs))]).Find(&logs).Error; err != nil {
			return nil, err
		}
		for _, l := range logs {
			b.seen[l.OpID] = l
		}
		var recs []Record
		if err := tx.Where("id IN ?", ids[i:min(i+500, len(ids))]).Find(&recs).Error; err != nil {
			return nil, err
		}
		for _, r := range recs {
			b.records[r.ID], b.loaded[r.ID] = r, r.Version
		}
	}
	return b, nil
}

func (b *pushBatch) save(r Record) {
	if !b.isDirty[r.ID] {
		b.dirty, b.isDirty[r.ID] = append(b.dirty, r.ID), true
	}
	b.records[r.ID] = r
}

func (s *Store) pushOne(tx *gorm.DB, b *pushBatch, dev *Device, op syncapi.Op, next func() int64, now time.Time) (syncapi.OpResult, error) {
	if why := unstorable(op); why != "" {
		// Before any query: PostgreSQL refuses such text even as a
		// query parameter, which would fail the whole batch with a 500
		// that the device retries forever.
		return syncapi.OpResult{OpID: op.OpID, Status: syncapi.StatusRejected, Reason: why}, nil
	}
	if seen, ok := b.seen[op.OpID]; ok {
		var prior syncapi.OpResult
		if err := json.Unmarshal([]byte(seen.Result), &prior); err != nil {
			return prior, err
		}
		prior.Original, prior.Status = prior.Status, syncapi.StatusDuplicate
		if prior.Original == syncapi.StatusConflict {
			// The device may never have seen the first answer; it needs
			// the server's record to converge. Only a record of its own
			// office: a replay is answered before the office check, and
			// its id may not be the first op's.
			if cur, ok := b.records[op.ID]; ok && cur.OfficeID == dev.OfficeID {
				current := cur.wire()
				prior.Current = &current
			}
		}
		return prior, nil
	}
	cur, exists := b.records[op.ID]
	if op.OfficeID != dev.OfficeID || (exists && cur.OfficeID != dev.OfficeID) {
		return syncapi.OpResult{}, ErrForbidden{fmt.Sprintf("perangkat ini hanya boleh menulis data kantornya sendiri (data %s %s)", op.Kind, op.ID)}
	}
	res := syncapi.OpResult{OpID: op.OpID}
	why := cmp.Or(reject(op, exists, cur), numberTaken(op, exists, cur))
	if why == "" {
		var err error
		if why, err = s.authorize(tx, b, dev, op, exists, cur); err != nil {
			return res, err
		}
	}
	switch {
	case why != "":
		res.Status, res.Reason = syncapi.StatusRejected, why
		res.Retry = !knownKind(op.Kind)
		// A rejection changed nothing; not logging it lets a resent op be
		// judged again, e.g. by an upgraded server that knows its kind.
		return res, nil
	case exists && cur.Version != op.BaseVersion:
		if err := s.conflict(b, dev, op, cur, next, now, &res); err != nil {
			return res, err
		}
	default:
		rec := Record{ID: op.ID, Kind: op.Kind, OfficeID: op.OfficeID, Version: cur.Version + 1, ServerSeq: next(),
			Deleted: op.Op == syncapi.OpDelete, UpdatedAt: op.UpdatedAt, UpdatedBy: op.UpdatedBy, Data: string(op.Data)}
		switch op.Kind {
		case syncapi.KindOffice:
			var err error
			if rec.Data, err = s.keepRegistry(tx, op.ID, op.Data); err != nil {
				return res, err
			}
		case syncapi.KindPhoto:
			var p struct{ Hash string }
			if json.Unmarshal(op.Data, &p) == nil {
				rec.Ref = p.Hash
			}
		}
		b.save(rec)
		res.Status, res.Version, res.ServerSeq = syncapi.StatusApplied, rec.Version, rec.ServerSeq
	}
	return res, s.logOp(b, dev, op, res, now)
}

// unstorable says why an op's envelope breaks its limits (checkEnvelope:
// a 1 MB id would fail the batch's queries) or an op holds text that a
// database cannot keep, or "": PostgreSQL's text columns take neither NUL nor invalid UTF-8 (SQLite
// takes both; refusing them on both keeps the backends alike). Strings
// decoded from JSON are valid UTF-8 but may hold "\u0000"; data is kept
// raw. A correct client sends neither.
func unstorable(op syncapi.Op) string {
	if why := checkEnvelope(op); why != "" {
		return why
	}
	if strings.ContainsRune(op.OpID, 0) || strings.ContainsRune(op.ID, 0) || strings.ContainsRune(op.UpdatedBy, 0) {
		return "op_id, id dan updated_by tidak boleh memuat karakter NUL"
	}
	if !utf8.Valid(op.Data) {
		return "data bukan teks UTF-8 yang sah"
	}
	return ""
}

// reject says why an op cannot be applied at all, or "": last of all,
// its data must be a valid record of its kind (checkRecord).
func reject(op syncapi.Op, exists bool, cur Record) string {
	switch {
	case op.OpID == "" || op.ID == "":
		return "op_id dan id wajib diisi"
	case !knownKind(op.Kind):
		return fmt.Sprintf("jenis data %q tidak dikenal server", op.Kind)
	case op.Op != syncapi.OpUpsert && op.Op != syncapi.OpDelete:
		return fmt.Sprintf("operasi %q tidak dikenal", op.Op)
	case len(op.Data) > syncapi.MaxOpBytes:
		return fmt.Sprintf("data terlalu besar (paling besar %d MB)", syncapi.MaxOpBytes>>20)
	case !json.Valid(op.Data) || len(op.Data) == 0 || op.Data[0] != '{':
		return "data bukan objek JSON"
	case exists && cur.Kind != op.Kind:
		return fmt.Sprintf("id %s sudah dipakai data jenis %s", op.ID, cur.Kind)
	case !exists && op.BaseVersion != 0:
		return "data ini tidak dikenal server (versi dasar bukan 0)"
	case op.Kind == syncapi.KindOffice && op.ID != op.OfficeID:
		return "profil kantor hanya untuk kantor itu sendiri"
	case op.Kind == syncapi.KindOffice && op.Op == syncapi.OpDelete:
		// The app never deletes a profile; a tombstone would take the
		// office away from every device of it.
		return "profil kantor tidak dapat dihapus"
	}
	return checkRecord(op, exists)
}

// conflict keeps the server's version and records the losing write as a
// conflict record of the office, answering with the current record so the
// device can adopt it.
func (s *Store) conflict(b *pushBatch, dev *Device, op syncapi.Op, cur Record, next func() int64, now time.Time, res *syncapi.OpResult) error {
	c := syncapi.Conflict{RecordKind: op.Kind, RecordID: op.ID, Op: op.Op, BaseVersion: op.BaseVersion,
		ServerVersion: cur.Version, DeviceID: dev.ID, Mine: op.Data, Theirs: json.RawMessage(cur.Data), TheirsDeleted: cur.Deleted}
	body, err := json.Marshal(c)
	if err != nil {
		return err
	}
	rec := Record{ID: data.NewID(), Kind: syncapi.KindConflict, OfficeID: cur.OfficeID, Version: 1, ServerSeq: next(),
		UpdatedAt: now, UpdatedBy: op.UpdatedBy, Data: string(body)}
	b.created = append(b.created, rec)
	current := cur.wire()
	res.Status, res.Version, res.ServerSeq, res.ConflictID, res.Current = syncapi.StatusConflict, cur.Version, cur.ServerSeq, rec.ID, &current
	return nil
}

// keepRegistry overrides an office profile's place in the chain with the
// registry's, so a device cannot move its office under another parent.
func (s *Store) keepRegistry(tx *gorm.DB, id string, raw json.RawMessage) (string, error) {
	var reg Office
	if err := tx.Where("id = ?", id).Take(&reg).Error; err != nil {
		return "", err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", err
	}
	m["parent_id"], m["level"] = reg.ParentID, reg.Level
	out, err := json.Marshal(m)
	return string(out), err
}

func (s *Store) logOp(b *pushBatch, dev *Device, op syncapi.Op, res syncapi.OpResult, now time.Time) error {
	stored := res
	stored.Current = nil // a replay needs the outcome, not a stale copy
	raw, err := json.Marshal(stored)
	if err != nil {
		return err
	}
	l := OpLog{DeviceID: dev.ID, OpID: op.OpID, OpSeq: op.OpSeq, Result: string(raw), CreatedAt: now}
	b.seen[op.OpID], b.logs, b.logged = l, append(b.logs, l), append(b.logged, stored)
	return nil
}

// Changes returns up to limit records the device may read with server_seq
// above since, in order. A device reads its office and every office under
// it. The cursor only moves forward, so a page read twice is harmless.
func (s *Store) Changes(ctx context.Context, dev *Device, since int64, limit int) (*syncapi.ChangesResponse, error) {
	offices, err := s.officeTree(ctx, dev.OfficeID)
	if err != nil {
		return nil, err
	}
	var rows []Record
	err = s.reader().WithContext(ctx).Where("server_seq > ? AND office_id IN ?", since, offices).
		Order("server_seq").Limit(limit + 1).Find(&rows).Error
	if err != nil {
		return nil, err
	}
	var head Feed
	if err := s.reader().WithContext(ctx).Where("id = 1").Take(&head).Error; err != nil {
		return nil, err
	}
	out := &syncapi.ChangesResponse{Next: since, Head: head.Seq, Changes: make([]syncapi.Record, 0, min(len(rows), limit))}
	if len(rows) > limit {
		rows, out.More = rows[:limit], true
	}
	for _, r := range rows {
		out.Changes = append(out.Changes, r.wire())
		out.Next = r.ServerSeq
	}
	call(s.hooks.MidChanges)
	return out, nil
}
