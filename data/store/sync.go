package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Sync settings, written only by this file.
const (
	settingServer   = "sync_server"
	settingDeviceID = "sync_device_id"
	settingToken    = "sync_token"
	settingCursor   = "sync_cursor"
	settingLastSync = "sync_last_ok"
)

// SyncState is this installation's place in sync.
type SyncState struct {
	Server   string
	DeviceID string
	Token    string
	Cursor   int64
	LastOK   time.Time // last round that finished without error
}

// Enrolled reports whether the installation has a device token.
func (st SyncState) Enrolled() bool { return st.Token != "" }

// SyncState reads the sync settings.
func (s *Store) SyncState(ctx context.Context) (SyncState, error) {
	var rows []setting
	err := s.read(ctx).Where("key IN ?", []string{settingServer, settingDeviceID, settingToken, settingCursor, settingLastSync}).Find(&rows).Error
	var st SyncState
	for _, r := range rows {
		switch r.Key {
		case settingServer:
			st.Server = r.Value
		case settingDeviceID:
			st.DeviceID = r.Value
		case settingToken:
			st.Token = r.Value
		case settingCursor:
			st.Cursor, _ = strconv.ParseInt(r.Value, 10, 64)
		case settingLastSync:
			st.LastOK, _ = time.Parse(time.RFC3339, r.Value)
		}
	}
	return st, err
}

// MarkSynced records when a sync round last finished cleanly.
func (s *Store) MarkSynced(ctx context.Context, at time.Time) error {
	return s.SetSetting(ctx, settingLastSync, at.UTC().Format(time.RFC3339))
}

// ErrAlreadyEnrolled refuses to enroll a database for a second office.
var ErrAlreadyEnrolled = errors.New("database ini sudah terdaftar untuk kantor lain di server sinkronisasi")

// AdoptEnrollment makes the office the server enrolled this device for
// this installation's office, in one transaction: the local profile is
// merged into the server's (the server's registry decides name, level and
// parent), every record of the local office moves to the server's office
// id, and the outbox is rebuilt so that all of them are pushed as new.
func (s *Store) AdoptEnrollment(ctx context.Context, server string, resp syncapi.EnrollResponse) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		oldID, err := currentOfficeID(tx)
		if err != nil {
			return err
		}
		var tok setting
		if tx.Where("key = ?", settingToken).Take(&tok).Error == nil && tok.Value != "" {
			if resp.Office.ID != oldID {
				return ErrAlreadyEnrolled
			}
			// The same office again (a lost or revoked token): only the
			// device identity changes; the queue and the cursor stay.
			for k, v := range map[string]string{settingServer: server, settingDeviceID: resp.DeviceID, settingToken: resp.Token} {
				if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&setting{k, v}).Error; err != nil {
					return err
				}
			}
			return nil
		}
		office, changed, err := mergedOffice(tx, oldID, resp)
		if err != nil {
			return err
		}
		if err := moveOffice(tx, oldID, office); err != nil {
			return err
		}
		if err := rekeyNumbers(tx, office.ID); err != nil { // reportnumbers.go
			return err
		}
		if err := requeueAll(tx, office, changed); err != nil {
			return err
		}
		for k, v := range map[string]string{SettingOffice: office.ID, settingServer: server,
			settingDeviceID: resp.DeviceID, settingToken: resp.Token, settingCursor: "0"} {
			if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&setting{k, v}).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// mergedOffice is the server's office record with the local profile's
// details (address, contacts, head, logo) filled in where the server has
// none; changed says whether the local profile added anything.
func mergedOffice(tx *gorm.DB, localID string, resp syncapi.EnrollResponse) (o *data.Office, changed bool, err error) {
	var local data.Office
	if err := tx.Where("id = ?", localID).Take(&local).Error; err != nil {
		return nil, false, err
	}
	o = &data.Office{}
	if err := json.Unmarshal(resp.OfficeRecord.Data, o); err != nil {
		return nil, false, fmt.Errorf("profil kantor dari server tidak terbaca: %w", err)
	}
	o.Meta = envelope(resp.OfficeRecord)
	o.Name, o.Kind, o.Level, o.ParentID = resp.Office.Name, resp.Office.Kind, resp.Office.Level, resp.Office.ParentID
	for _, f := range []struct{ into, from *string }{{&o.Region, &local.Region}, {&o.Address, &local.Address},
		{&o.Phone, &local.Phone}, {&o.Email, &local.Email}, {&o.Website, &local.Website}, {&o.HeadName, &local.HeadName},
		{&o.HeadPosition, &local.HeadPosition}, {&o.HeadNIP, &local.HeadNIP}, {&o.SignerPlace, &local.SignerPlace}} {
		if *f.into == "" && *f.from != "" {
			*f.into, changed = *f.from, true
		}
	}
	if len(o.Logo) == 0 && len(local.Logo) > 0 {
		o.Logo, changed = local.Logo, true
	}
	return o, changed, nil
}

// moveOffice writes the office under its server id and moves the local
// office's records to it.
func moveOffice(tx *gorm.DB, oldID string, o *data.Office) error {
	if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(o).Error; err != nil {
		return err
	}
	if oldID == o.ID {
		return nil
	}
	if err := dropSeededStages(tx, oldID); err != nil { // re-made under the new id (stages.go)
		return err
	}
	for _, t := range append([]string{"stages"}, ownedTables...) {
		if err := tx.Table(t).Where("office_id = ?", oldID).Update("office_id", o.ID).Error; err != nil {
			return err
		}
	}
	return tx.Delete(&data.Office{}, "id = ?", oldID).Error
}

// requeueAll replaces the outbox with one upsert per live record of the
// office: before enrollment nothing was ever sent, so the queue can be
// rebuilt from the records themselves, with their new office id. The
// profile is queued only when the local one added to the server's, so a
// second device of an office does not contend with the first over it.
func requeueAll(tx *gorm.DB, o *data.Office, profileChanged bool) error {
	// Requeued records are not this session's changes: they go unsigned.
	tx = tx.WithContext(unsigned(tx.Statement.Context))
	if err := tx.Where("1 = 1").Delete(&OutboxEntry{}).Error; err != nil {
		return err
	}
	if profileChanged {
		if err := enqueue(tx, OpUpsert, o); err != nil {
			return err
		}
	}
	for _, kind := range []Kind{KindAgency, KindDraft, KindEntry, KindPhoto, KindAudit, KindStage, KindTemplate, KindHoax, KindPerson, KindReportNumber, KindClipping, KindTarget, KindAttachment} {
		if err := requeueKind(tx, kind, o.ID); err != nil {
			return err
		}
	}
	return nil
}

func requeueKind(tx *gorm.DB, kind Kind, officeID string) error {
	r := newRecord(kind)
	q := tx.Table(tableOf(r)).Where("office_id = ? AND deleted = 0", officeID)
	if kind == KindStage {
		q = q.Where(notSeeded) // every device makes untouched shipped stages itself (stages.go)
	}
	rows, err := q.Order("rowid").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var queue []data.Record
	for rows.Next() {
		rec := newRecord(kind)
		if err := tx.ScanRows(rows, rec); err != nil {
			return err
		}
		queue = append(queue, rec)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, rec := range queue {
		if err := enqueue(tx, OpUpsert, rec); err != nil {
			return err
		}
	}
	return nil
}

// PreparePush picks up to max changes to send, at most one per record, in
// queue order. A record's first queued change goes as it is when it was
// sent before (the server may hold it, and will answer a resend as a
// duplicate); otherwise its never-sent changes are squashed into the last
// one, on the first one's base version. Picked changes are marked sent.
//
// skip holds the seqs of changes the server deferred earlier in this round
// (see ApplyPushResults); they wait for the next round.
func (s *Store) PreparePush(ctx context.Context, max int, skip map[int64]bool) ([]OutboxEntry, error) {
	var picked []OutboxEntry
	err := s.write(ctx, func(tx *gorm.DB) error {
		var queued []OutboxEntry
		if err := tx.Where("rejected = '' AND awaits_proof = 0").Order("seq").Limit(max * 8).Find(&queued).Error; err != nil {
			return err
		}
		groups, order := map[string][]OutboxEntry{}, []string{}
		for _, e := range queued {
			if skip[e.Seq] {
				continue
			}
			k := e.Kind + "/" + e.RecordID
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], e)
		}
		for _, k := range order {
			if len(picked) == max {
				break
			}
			g := groups[k]
			pick := g[0]
			if !pick.Attempted && len(g) > 1 {
				pick = g[len(g)-1]
				pick.BaseVersion = g[0].BaseVersion
				superseded := make([]int64, 0, len(g)-1)
				for _, e := range g[:len(g)-1] {
					superseded = append(superseded, e.Seq)
				}
				if err := tx.Where("seq IN ?", superseded).Delete(&OutboxEntry{}).Error; err != nil {
					return err
				}
			}
			pick.Attempted = true
			if err := tx.Model(&OutboxEntry{}).Where("seq = ?", pick.Seq).
				Updates(map[string]any{"attempted": true, "base_version": pick.BaseVersion}).Error; err != nil {
				return err
			}
			picked = append(picked, pick)
		}
		return nil
	})
	return picked, err
}

// PushOutcome counts what a push did. Deferred lists the changes the
// server could not take yet (a kind it does not know) and that stay queued.
type PushOutcome struct {
	Applied, Conflicts, Rejected int
	Deferred                     []int64
}

// ApplyPushResults records the server's answers to sent changes in one
// transaction: an applied change leaves the outbox and gives its record
// the new version (later queued changes of the record are rebased on it);
// a conflict leaves the outbox and the record takes the server's current
// version, unless newer local changes wait (they will conflict in turn,
// so no local edit is lost); a rejection stays, marked, for the user.
func (s *Store) ApplyPushResults(ctx context.Context, sent []OutboxEntry, results []syncapi.OpResult) (PushOutcome, error) {
	var out PushOutcome
	if len(sent) != len(results) {
		return out, fmt.Errorf("server menjawab %d hasil untuk %d perubahan", len(results), len(sent))
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		for i, e := range sent {
			res := results[i]
			if res.OpID != e.OpID {
				return fmt.Errorf("jawaban server tidak urut (op %s untuk %s)", res.OpID, e.OpID)
			}
			var err error
			switch res.Outcome() {
			case syncapi.StatusApplied:
				out.Applied++
				err = applied(tx, e, res)
			case syncapi.StatusConflict:
				out.Conflicts++
				err = conflicted(tx, e, res)
			case syncapi.StatusRejected:
				if res.Retry {
					out.Deferred = append(out.Deferred, e.Seq)
					continue
				}
				fallthrough
			default:
				out.Rejected++
				reason := res.Reason
				if reason == "" {
					reason = "ditolak server"
				}
				err = tx.Model(&OutboxEntry{}).Where("seq = ?", e.Seq).Update("rejected", reason).Error
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

func applied(tx *gorm.DB, e OutboxEntry, res syncapi.OpResult) error {
	if err := tx.Delete(&OutboxEntry{}, "seq = ?", e.Seq).Error; err != nil {
		return err
	}
	rec := recordOfKind(e.Kind)
	if rec == nil {
		return nil
	}
	if err := tx.Table(tableOf(rec)).Where("id = ? AND version < ?", e.RecordID, res.Version).
		Updates(map[string]any{"version": res.Version, "server_seq": res.ServerSeq}).Error; err != nil {
		return err
	}
	return tx.Model(&OutboxEntry{}).Where("kind = ? AND record_id = ?", e.Kind, e.RecordID).
		Update("base_version", res.Version).Error
}

func conflicted(tx *gorm.DB, e OutboxEntry, res syncapi.OpResult) error {
	if err := tx.Delete(&OutboxEntry{}, "seq = ?", e.Seq).Error; err != nil {
		return err
	}
	if res.Current == nil || pending(tx, e.Kind, e.RecordID) {
		return nil
	}
	return upsertRemote(tx, *res.Current)
}

// recordOfKind is an empty record of a wire kind (data.NewRecord, the one
// registry of kinds), or nil for a kind this build does not know.
func recordOfKind(kind string) data.Record {
	r, _ := data.NewRecord(kind)
	return r
}

func pending(tx *gorm.DB, kind, id string) bool {
	var n int64
	tx.Model(&OutboxEntry{}).Where("kind = ? AND record_id = ? AND rejected = ''", kind, id).Count(&n)
	return n > 0
}

func envelope(r syncapi.Record) data.Meta {
	return data.Meta{ID: r.ID, OfficeID: r.OfficeID, Version: r.Version, ServerSeq: r.ServerSeq,
		Deleted: r.Deleted, UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy}
}

// upsertRemote writes a record as the server holds it. Kinds this build
// does not know are skipped: a newer app will fetch them again from a
// reset cursor.
func upsertRemote(tx *gorm.DB, r syncapi.Record) error {
	rec, err := decodeRemote(r)
	if rec == nil || err != nil {
		return err
	}
	return upsertMany(tx, []remote{{r: r, rec: rec}})
}

// ApplyChanges writes a page of the server's change feed and the cursor
// after it in one transaction, so a crash between the two cannot happen:
// either the page and its cursor are stored, or neither. A record with
// local changes still queued is left as it is; its queued change will
// meet the server's version at the next push.
//
// A record this device cannot store (unreadable, or breaking a constraint:
// written by a newer or a faulty app) is set aside with its reason rather
// than failing the page, so that one bad record cannot stop the feed for
// its office and everyone above it; SkippedChanges lists them and
// RetrySkipped pulls them again (after an upgrade, say).
func (s *Store) ApplyChanges(ctx context.Context, page *syncapi.ChangesResponse) (applied int, err error) {
	return s.ApplyDecoded(ctx, DecodeChanges(page))
}

// DecodedPage is a page of the change feed with its records decoded into
// their local form: a client decodes the next page on one core while the
// last is written on the other.
type DecodedPage struct {
	page *syncapi.ChangesResponse
	recs []remote // in feed order
}

// DecodeChanges decodes the records of a page for ApplyDecoded. It touches
// no database.
func DecodeChanges(page *syncapi.ChangesResponse) *DecodedPage {
	d := &DecodedPage{page: page, recs: make([]remote, len(page.Changes))}
	for i, r := range page.Changes {
		d.recs[i].r = r
		d.recs[i].rec, d.recs[i].err = decodeRemote(r)
	}
	return d
}

// Page is the page as it came from the server.
func (d *DecodedPage) Page() *syncapi.ChangesResponse { return d.page }

// ApplyDecoded is ApplyChanges of a page already decoded.
func (s *Store) ApplyDecoded(ctx context.Context, d *DecodedPage) (applied int, err error) {
	err = s.write(ctx, func(tx *gorm.DB) error {
		applied = 0
		var skipped []SkippedChange
		skip := func(r syncapi.Record, err error) {
			skipped = append(skipped, SkippedChange{Kind: r.Kind, ID: r.ID, ServerSeq: r.ServerSeq, Reason: err.Error()})
		}
		queued, err := pendingAmong(tx, d.page.Changes)
		if err != nil {
			return err
		}
		// Written a kind at a time in multi-row statements: a statement
		// per record made a first sync of 100,000 records take half a
		// minute (parsing, and the entries' full-text index, which
		// flushes at every statement). Offices go first and one by one:
		// every other record points at its office (a foreign key).
		var offices []remote
		byKind := map[string][]remote{}
		var kinds []string
		for _, one := range d.recs {
			r := one.r
			// A pulled report number is the server's truth even over a
			// queued write: the queued one is a clash (reportnumbers.go).
			if queued[r.Kind+"\x00"+r.ID] && r.Kind != syncapi.KindReportNumber {
				continue
			}
			switch {
			case one.err != nil:
				skip(r, one.err)
				continue
			case one.rec == nil: // a kind this build does not know
				applied++
				continue
			case r.Kind == syncapi.KindOffice:
				offices = append(offices, one)
				continue
			}
			if byKind[r.Kind] == nil {
				kinds = append(kinds, r.Kind)
			}
			byKind[r.Kind] = append(byKind[r.Kind], one)
		}
		groups := make([][]remote, 0, len(offices)+len(kinds))
		for _, o := range offices {
			groups = append(groups, []remote{o})
		}
		for _, k := range kinds {
			for all := byKind[k]; len(all) > 0; all = all[min(len(all), upsertRows):] {
				groups = append(groups, all[:min(len(all), upsertRows)])
			}
		}
		// The stored versions the page replaces, for the history
		// (history.go): one query a kind, not one a statement.
		stored := map[string]data.Record{}
		for _, g := range append(byKindList(byKind, kinds), offices) {
			if err := storedOf(tx, g, stored); err != nil {
				return err
			}
		}
		for _, g := range groups {
			err := upsertKept(tx, g, stored)
			if err != nil && unstorable(err) && len(g) > 1 {
				// SQLite backed out just that statement: find the bad
				// record(s) one by one.
				for _, one := range g {
					if err := upsertKept(tx, []remote{one}, stored); err != nil {
						if !unstorable(err) {
							return fmt.Errorf("menerapkan %s %s: %w", one.r.Kind, one.r.ID, err)
						}
						skip(one.r, err)
						continue
					}
					applied++
				}
				continue
			}
			if err != nil {
				if !unstorable(err) {
					return fmt.Errorf("menerapkan %s %s: %w", g[0].r.Kind, g[0].r.ID, err)
				}
				skip(g[0].r, err)
				continue
			}
			applied += len(g)
		}
		if err := addSkipped(tx, skipped); err != nil {
			return err
		}
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).
			Create(&setting{settingCursor, strconv.FormatInt(d.page.Next, 10)}).Error
	})
	return applied, err
}

// upsertRows is how many records of a kind one statement writes: well
// under SQLite's 32,766 bound parameters for the widest table.
const upsertRows = 50

// remote is a pulled record and its decoded local form, or why it has
// none.
type remote struct {
	r   syncapi.Record
	rec data.Record
	err error
}

// decodeRemote is the local record of a pulled one, with the server's
// envelope; nil for a kind this build does not know.
func decodeRemote(r syncapi.Record) (data.Record, error) {
	rec := recordOfKind(r.Kind)
	if rec == nil {
		return nil, nil
	}
	if err := json.Unmarshal(r.Data, rec); err != nil {
		return nil, fmt.Errorf("%w (%s %s): %v", errUnreadable, r.Kind, r.ID, err)
	}
	*rec.RecordMeta() = envelope(r)
	if e, ok := rec.(*data.Entry); ok {
		// A device of the previous schema sends "realised" only.
		e.FillStatus(data.Today())
	}
	return rec, nil
}

// upsertMany writes records of one kind as the server holds them, in one
// statement, and keeps the versions it replaces in the history.
func upsertMany(tx *gorm.DB, recs []remote) error {
	stored := map[string]data.Record{}
	if err := storedOf(tx, recs, stored); err != nil {
		return err
	}
	return upsertKept(tx, recs, stored)
}

// upsertKept is upsertMany with the stored versions already read.
func upsertKept(tx *gorm.DB, recs []remote, stored map[string]data.Record) error {
	if err := upsertStatement(tx, recs); err != nil {
		return err
	}
	return keepBeforePull(tx, stored, recs)
}

// byKindList is the records of each kind, in the order of kinds.
func byKindList(byKind map[string][]remote, kinds []string) [][]remote {
	out := make([][]remote, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, byKind[k])
	}
	return out
}

// upsertStatement is upsertMany's one statement.
func upsertStatement(tx *gorm.DB, recs []remote) error {
	if len(recs) == 1 {
		return execInline(tx, func(tx *gorm.DB) *gorm.DB {
			return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(recs[0].rec)
		})
	}
	rows := reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(recs[0].rec)), len(recs), len(recs))
	for i, r := range recs {
		rows.Index(i).Set(reflect.ValueOf(r.rec))
	}
	ptr := reflect.New(rows.Type())
	ptr.Elem().Set(rows)
	return execInline(tx, func(tx *gorm.DB) *gorm.DB {
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(ptr.Interface())
	})
}

// pendingAmong is the set of the page's records ("kind\x00id") that have
// local changes still queued, in one query.
func pendingAmong(tx *gorm.DB, page []syncapi.Record) (map[string]bool, error) {
	out := map[string]bool{}
	for i := 0; i < len(page); i += 5000 {
		ids := make([]string, 0, min(len(page)-i, 5000))
		for _, r := range page[i:min(i+5000, len(page))] {
			ids = append(ids, r.ID)
		}
		var rows []struct{ Kind, RecordID string }
		if err := tx.Model(&OutboxEntry{}).Select("DISTINCT kind, record_id").
			Where("rejected = '' AND record_id IN ?", ids).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.Kind+"\x00"+r.RecordID] = true
		}
	}
	return out, nil
}

// errUnreadable marks a pulled record whose data does not decode.
var errUnreadable = errors.New("data dari server tidak terbaca")

// unstorable reports whether err is about the record itself rather than
// the database or the disk; SQLite backs out just the failed statement,
// so the page's transaction can go on.
func unstorable(err error) bool {
	return errors.Is(err, errUnreadable) || strings.Contains(err.Error(), "constraint failed")
}

// SkippedChange is a pulled record this device could not store.
type SkippedChange struct {
	Kind      string `json:"kind"`
	ID        string `json:"id"`
	ServerSeq int64  `json:"server_seq"`
	Reason    string `json:"reason"`
}

const (
	settingSkipped = "sync_skipped"
	maxSkipped     = 500 // kept for display; RetrySkipped re-pulls from the first anyway
)

func addSkipped(tx *gorm.DB, add []SkippedChange) error {
	if len(add) == 0 {
		return nil
	}
	var st setting
	var list []SkippedChange
	if tx.Where("key = ?", settingSkipped).Take(&st).Error == nil {
		_ = json.Unmarshal([]byte(st.Value), &list) // a damaged list is replaced
	}
	list = append(list, add...)
	if len(list) > maxSkipped {
		list = append(list[:1], list[len(list)-maxSkipped+1:]...) // keep the earliest: retry starts there
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&setting{settingSkipped, string(b)}).Error
}

// SkippedChanges lists the pulled records set aside, oldest first.
func (s *Store) SkippedChanges(ctx context.Context) ([]SkippedChange, error) {
	v, err := s.Setting(ctx, settingSkipped, "")
	if err != nil || v == "" {
		return nil, err
	}
	var list []SkippedChange
	return list, json.Unmarshal([]byte(v), &list)
}

// RetrySkipped forgets the set-aside records and moves the cursor back to
// just before the earliest of them, so the next pull fetches them again
// (pages apply idempotently).
func (s *Store) RetrySkipped(ctx context.Context) error {
	list, err := s.SkippedChanges(ctx)
	if err != nil || len(list) == 0 {
		return err
	}
	first := list[0].ServerSeq
	for _, c := range list {
		first = min(first, c.ServerSeq)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("key = ?", settingSkipped).Delete(&setting{}).Error; err != nil {
			return err
		}
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).
			Create(&setting{settingCursor, strconv.FormatInt(max(first-1, 0), 10)}).Error
	})
}

// ResetCursor makes the next pull start from the beginning of the feed.
func (s *Store) ResetCursor(ctx context.Context) error { return s.SetSetting(ctx, settingCursor, "0") }

// PhotosToUpload lists this office's photos whose files the server has
// not confirmed receiving.
func (s *Store) PhotosToUpload(ctx context.Context) ([]data.Photo, error) {
	var out []data.Photo
	err := s.read(ctx).Where("deleted = 0 AND office_id = (SELECT value FROM settings WHERE key = ?) AND hash NOT IN (SELECT hash FROM photo_uploads)",
		SettingOffice).Find(&out).Error
	return out, err
}

// MarkUploaded records that the server holds the photo with this hash.
func (s *Store) MarkUploaded(ctx context.Context, hash string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Exec("INSERT OR IGNORE INTO photo_uploads (hash) VALUES (?)", hash).Error
	})
}

// StorePhotoFile saves downloaded photo bytes under their hash, after
// checking that they are what the hash says.
func (s *Store) StorePhotoFile(hash, mime string, raw []byte) error {
	sum := sha256.Sum256(raw)
	if hex.EncodeToString(sum[:]) != hash {
		return fmt.Errorf("foto %s yang diunduh rusak (hash tidak cocok)", hash[:12])
	}
	if err := writeOnce(s.FilePath(hash, mime), raw); err != nil { // a photo or an attachment
		return err
	}
	if strings.HasPrefix(mime, "image/") {
		_ = s.makeCopies(hash, raw) // a damaged picture gets none; reports show it as missing
	}
	return nil
}

// Conflicts lists the unresolved conflicts of this office, newest first.
// A person's two sides come without the password verifier (like every
// reader of people, data.Person.Public): they are shown to the user.
// ResolveConflict reads the stored conflict, so keeping either side keeps
// its password.
func (s *Store) Conflicts(ctx context.Context) ([]data.Conflict, error) {
	var out []data.Conflict
	err := s.read(ctx).Where("deleted = 0 AND resolved = 0 AND office_id = (SELECT value FROM settings WHERE key = ?)", SettingOffice).
		Order("server_seq DESC").Find(&out).Error
	for i := range out {
		if out[i].TargetKind == syncapi.KindPerson {
			out[i].Mine, out[i].Theirs = withoutVerifier(out[i].Mine), withoutVerifier(out[i].Theirs)
		}
	}
	return out, err
}

// withoutVerifier drops the "verifier" field of a person's JSON; what does
// not read as an object is dropped whole rather than shown.
func withoutVerifier(raw data.JSON) data.JSON {
	if len(raw) == 0 {
		return raw
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return nil
	}
	delete(fields, "verifier")
	out, err := json.Marshal(fields)
	if err != nil {
		return nil
	}
	return out
}

// ResolveConflict settles a conflict as a new write: KeepTheirs leaves the
// record as the server has it; KeepMine writes this device's losing side
// again (a delete deletes again); Merged writes merged, a record of the
// conflict's kind that the user edited. The record write and the resolved
// conflict are queued together.
func (s *Store) ResolveConflict(ctx context.Context, conflictID, resolution string, merged data.Record) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var c data.Conflict
		if err := tx.Where("id = ? AND deleted = 0", conflictID).Take(&c).Error; err != nil {
			return ErrNotFound
		}
		if err := ownedHere(tx, c.OfficeID); err != nil {
			return err
		}
		if c.Resolved {
			return nil
		}
		var rec data.Record
		switch resolution {
		case data.KeepTheirs:
		case data.KeepMine:
			rec = recordOfKind(c.TargetKind)
			if rec == nil {
				return fmt.Errorf("jenis data %q tidak dikenal", c.TargetKind)
			}
			if err := json.Unmarshal(c.Mine, rec); err != nil {
				return err
			}
			rec.RecordMeta().Deleted = c.Op == syncapi.OpDelete
		case data.Merged:
			if merged == nil || merged.RecordKind() != c.TargetKind {
				return fmt.Errorf("hasil gabungan harus berupa data %s", c.TargetKind)
			}
			merged.Normalize()
			if err := merged.Validate(); err != nil {
				return err
			}
			rec = merged
		default:
			return fmt.Errorf("penyelesaian %q tidak dikenal", resolution)
		}
		if rec != nil {
			if err := rewrite(tx, s.author(), c.TargetID, rec); err != nil {
				return err
			}
		}
		c.Resolved, c.Resolution = true, resolution
		c.UpdatedAt, c.UpdatedBy = time.Now().UTC(), s.author()
		if err := tx.Save(&c).Error; err != nil {
			return err
		}
		return enqueue(tx, OpUpsert, &c)
	})
}

// rewrite stores rec over the record id on the version the device holds
// now (the server's), and queues it: an upsert, or a delete when rec is
// marked deleted.
func rewrite(tx *gorm.DB, user, id string, rec data.Record) error {
	var cur data.Meta
	if err := tx.Table(tableOf(rec)).Select("id, office_id, version, server_seq").Where("id = ?", id).Take(&cur).Error; err != nil {
		return ErrNotFound
	}
	if d, ok := rec.(*data.Draft); ok {
		if err := keepWorkflow(tx, id, d); err != nil {
			return err
		}
	}
	prev := blankLike(rec)
	if err := tx.Where("id = ?", id).Take(prev).Error; err != nil {
		return err
	}
	if err := keepPrevious(tx, prev, HistoryLocal, user); err != nil {
		return err
	}
	m := rec.RecordMeta()
	deleted := m.Deleted
	*m = data.Meta{ID: id, OfficeID: cur.OfficeID, Version: cur.Version, ServerSeq: cur.ServerSeq,
		Deleted: deleted, UpdatedAt: time.Now().UTC(), UpdatedBy: user}
	if err := tx.Save(rec).Error; err != nil {
		return err
	}
	op := OpUpsert
	if deleted {
		op = OpDelete
	}
	return enqueue(tx, op, rec)
}

// MissingPhotoFiles lists live photos whose files are not on this disk.
func (s *Store) MissingPhotoFiles(ctx context.Context) ([]data.Photo, error) {
	var all []data.Photo
	if err := s.read(ctx).Where("deleted = 0").Find(&all).Error; err != nil {
		return nil, err
	}
	var out []data.Photo
	for _, p := range all {
		if !fileExists(s.PhotoPath(p.Hash, p.Mime)) {
			out = append(out, p)
		}
	}
	return out, nil
}

// keepWorkflow makes a conflict resolution of a draft an edit like any
// other: the approval state comes from the stored draft, never from either
// side of the conflict, and a draft under review or approved is not
// changed behind its reviewer's back.
func keepWorkflow(tx *gorm.DB, id string, d *data.Draft) error {
	var cur data.Draft
	if err := tx.Where("id = ?", id).Take(&cur).Error; err != nil {
		return ErrNotFound
	}
	if !d.Deleted && !workflow.Editable(cur.Status) {
		return fmt.Errorf("konten berstatus %q terkunci; buat revisi dahulu, lalu selesaikan konflik ini",
			data.DraftStatuses.Label(cur.Status, data.LangID))
	}
	d.Status, d.Revision, d.PublishedAt, d.PublishedLink = cur.Status, cur.Revision, cur.PublishedAt, cur.PublishedLink
	return nil
}
