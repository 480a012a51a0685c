package server

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data/syncapi"
)

// How a push is written (docs/SYNC.md, "Ordering without gaps").
//
// A push reads what it needs (op log entries, records, registry) and
// decides every op's outcome without any lock, in parallel with other
// pushes. Only then does it open a short write transaction that first
// takes the feed row's lock and moves the counter by the number of
// server_seq values the batch needs (one UPDATE … RETURNING), then writes
// the records, conflict records and op log in multi-row statements, and
// commits. The lock is held from that UPDATE to the commit: a few
// statements, no Go work in between, so server_seq values still commit in
// the order they are handed out and the feed stays gapless.
//
// What the push decided from its unlocked reads is checked by the writes
// themselves: a record is written only if its stored version is still the
// one read (an upsert whose update is conditional on the version), and an
// op log entry only if none exists for (device, op_id) (the primary key).
// A write that finds the world changed affects fewer rows than it should;
// the transaction is then rolled back and the whole push decided again
// from fresh reads (errRaced), where the other writer's change now shows
// as a conflict or a duplicate. Since the lock is taken before any row is
// written, every earlier writer has committed by then: the checks never
// wait on another transaction's rows, and writers cannot deadlock.
//
// Checks that read records other than those the push writes (authorize,
// the registry) see committed data that may be a push old: a rule that
// must hold across records at every instant needs a constraint, or to be
// carried by the version of a record the push writes.
//
// On PostgreSQL that transaction is a single statement, written for a
// group of pushes at once (pushwrite_pg.go); SQLite runs it as below.

// errRaced is a push whose reads were overtaken by another writer.
var errRaced = errors.New("data berubah selama pengiriman; coba lagi")

// maxPushAttempts bounds how often a push is decided again after losing a
// race. Each lost race means another push committed, so this is only
// reached by a push on records that many devices write at once.
const maxPushAttempts = 50

// placeholder seqs: while a push is decided, next() hands out -1, -2, …
// in order; commitBatch replaces -j by base+j once it holds the lock.
// Real server_seq values are positive.
func placeholders() (next func() int64, count func() int64) {
	var n int64
	return func() int64 { n--; return n }, func() int64 { return -n }
}

// seqAt maps a placeholder to its server_seq; real values stay.
func seqAt(base, v int64) int64 {
	if v < 0 {
		return base - v
	}
	return v
}

// settle gives a result the real server_seq values of this batch.
func settle(res *syncapi.OpResult, base int64) {
	res.ServerSeq = seqAt(base, res.ServerSeq)
	if res.Current != nil && res.Current.ServerSeq < 0 {
		cur := *res.Current
		cur.ServerSeq = seqAt(base, cur.ServerSeq)
		res.Current = &cur
	}
}

// commitBatch writes the batch in a short transaction holding the feed
// lock (see above) and returns the base its placeholders count from: -j
// is base+j. n is the number of placeholders handed out. On PostgreSQL
// that transaction is a single statement (pushwrite_pg.go).
func (s *Store) commitBatch(ctx context.Context, b *pushBatch, n int64) (base int64, err error) {
	if len(b.dirty) == 0 && len(b.created) == 0 && len(b.logs) == 0 {
		return 0, nil // only replays and rejections: nothing to write
	}
	if s.postgres {
		return s.commitPG(ctx, b, n)
	}
	s.writers <- struct{}{}
	defer func() { <-s.writers }()
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		if base, err = s.reserve(tx, n); err != nil {
			return err
		}
		if err := b.flush(tx, base); err != nil {
			return err
		}
		call(s.hooks.BeforePushCommit)
		return nil
	})
	return base, err
}

// reserve takes the feed lock and moves the counter past n values,
// returning where they start (the first is base+1). One statement: the
// row lock is taken by the UPDATE itself.
func (s *Store) reserve(tx *gorm.DB, n int64) (int64, error) {
	var head int64
	err := tx.Raw("UPDATE feeds SET seq = seq + ? WHERE id = 1 RETURNING seq", n).Scan(&head).Error
	return head - n, err
}

// flush writes the batch with its placeholders replaced: records as
// upserts conditional on the version the push read, then conflict
// records and the op log, which must all be new.
func (b *pushBatch) flush(tx *gorm.DB, base int64) error {
	const rows = 100 // per statement: few bound parameters each
	// Records by how many versions this batch moves them: the upsert's
	// condition is the version read, which is the new one minus that.
	byStep := map[int64][]Record{}
	var steps []int64
	for _, id := range b.dirty {
		r := b.records[id]
		r.ServerSeq = seqAt(base, r.ServerSeq)
		k := r.Version - b.loaded[id]
		if byStep[k] == nil {
			steps = append(steps, k)
		}
		byStep[k] = append(byStep[k], r)
	}
	for _, k := range steps {
		recs := byStep[k]
		// A record absent when read (loaded 0) has a stored version of
		// at least 1 if it exists now, never new-k = 0: the condition
		// fails and the race is detected as for an update.
		q := tx.Clauses(clause.OnConflict{UpdateAll: true,
			Where: clause.Where{Exprs: []clause.Expression{clause.Expr{SQL: "records.version = excluded.version - ?", Vars: []any{k}}}}}).
			CreateInBatches(recs, rows)
		if q.Error != nil {
			return q.Error
		}
		if q.RowsAffected != int64(len(recs)) {
			return errRaced
		}
	}
	if len(b.created) > 0 {
		for i := range b.created {
			b.created[i].ServerSeq = seqAt(base, b.created[i].ServerSeq)
		}
		if err := tx.CreateInBatches(b.created, rows).Error; err != nil {
			return err
		}
	}
	if len(b.logs) == 0 {
		return nil
	}
	for i := range b.logs {
		res := b.logged[i]
		if res.ServerSeq < 0 {
			settle(&res, base)
			raw, err := json.Marshal(res)
			if err != nil {
				return err
			}
			b.logs[i].Result = string(raw)
		}
	}
	q := tx.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(b.logs, rows)
	if q.Error != nil {
		return q.Error
	}
	if q.RowsAffected != int64(len(b.logs)) {
		return errRaced // the same op pushed twice at once: replay it
	}
	return nil
}

// lastSeen coalesces the devices' last-seen times: a device's row is
// written at most once a minute per process, after its push committed,
// outside the feed lock. The administrator's list needs minutes, not
// milliseconds, and a write per push was one more row lock and round trip
// on every push.
type lastSeen struct {
	mu   sync.Mutex
	when map[string]time.Time
}

// seenEvery is how stale devices.last_seen may be.
const seenEvery = time.Minute

// touch records that dev pushed now.
func (s *Store) touch(ctx context.Context, dev *Device, now time.Time) error {
	s.seen.mu.Lock()
	last, ok := s.seen.when[dev.ID]
	if ok && now.Sub(last) < seenEvery {
		s.seen.mu.Unlock()
		return nil
	}
	if s.seen.when == nil {
		s.seen.when = map[string]time.Time{}
	}
	s.seen.when[dev.ID] = now
	s.seen.mu.Unlock()
	return s.db.WithContext(ctx).Model(&Device{}).Where("id = ?", dev.ID).Update("last_seen", now).Error
}
