package server

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"time"
)

// On PostgreSQL a push's writes are one statement, committed on its own
// (no BEGIN … COMMIT around it): it takes the feed lock, moves the
// counter, writes the records, conflict records and op log with their
// server_seq values and commits, all inside one backend without waiting
// for the Go server. The lock is held for that statement's execution and
// its commit only, never across a round trip: with two processes per
// push (server and PostgreSQL backend) on busy cores, each round trip
// under the lock cost a wait for the scheduler, which made the lock the
// throughput of the whole system (docs/BENCHMARKS.md, "Sync at scale").
//
// The rows travel as two JSON parameters (json_to_recordset), so the
// statement's text, and so the prepared statement pgx caches per
// connection, is the same for every push. Every row write reads the
// feed's new base (it is joined to f), so no row is written before the
// lock is held. The final SELECT counts what was written; if a record's
// stored version was no longer the one the push read, or an op log entry
// existed already, it fails the statement with a value that cannot be an
// integer, which rolls the whole statement back (errRaced).
const pgPushSQL = `WITH f AS (
	UPDATE feeds SET seq = seq + @n WHERE id = 1 RETURNING seq - @n AS base
), x AS (
	SELECT * FROM json_to_recordset(CAST(@recs AS json)) AS x(id text, kind text, office_id text, version bigint,
		ord bigint, expect bigint, deleted boolean, updated_at timestamptz, updated_by text, data text, ref text)
), up AS (
	UPDATE records r SET kind = x.kind, office_id = x.office_id, version = x.version, server_seq = f.base + x.ord,
		deleted = x.deleted, updated_at = x.updated_at, updated_by = x.updated_by, data = x.data, ref = x.ref
	FROM x, f WHERE x.expect > 0 AND r.id = x.id AND r.version = x.expect
	RETURNING 1
), ins AS (
	INSERT INTO records (id, kind, office_id, version, server_seq, deleted, updated_at, updated_by, data, ref)
	SELECT x.id, x.kind, x.office_id, x.version, f.base + x.ord, x.deleted, x.updated_at, x.updated_by, x.data, x.ref
	FROM x, f WHERE x.expect = 0
	ON CONFLICT (id) DO NOTHING
	RETURNING 1
), lg AS (
	INSERT INTO op_logs (device_id, op_id, op_seq, result, created_at)
	SELECT l.device_id, l.op_id, l.op_seq, CASE WHEN l.ord > 0
		THEN CAST(jsonb_set(CAST(l.result AS jsonb), '{server_seq}', to_jsonb(f.base + l.ord)) AS text)
		ELSE l.result END, l.created_at
	FROM json_to_recordset(CAST(@logs AS json)) AS l(device_id text, op_id text, op_seq bigint, result text,
		created_at timestamptz, ord bigint), f
	ON CONFLICT DO NOTHING
	RETURNING 1
), c AS (
	SELECT (SELECT count(*) FROM up) + (SELECT count(*) FROM ins) AS recs, (SELECT count(*) FROM lg) AS logs
)
SELECT f.base, CAST(CASE WHEN c.recs = @nrecs AND c.logs = @nlogs THEN '0' ELSE 'pushraced' END AS int) AS ok FROM f, c`

// pgRecord and pgLog are the rows of pgPushSQL's parameters. ord is the
// placeholder's number (server_seq = base + ord); expect is the version
// the push read, 0 for a record it did not find (then it is inserted).
type pgRecord struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"`
	OfficeID  string    `json:"office_id"`
	Version   int64     `json:"version"`
	Ord       int64     `json:"ord"`
	Expect    int64     `json:"expect"`
	Deleted   bool      `json:"deleted"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
	Data      string    `json:"data"`
	Ref       string    `json:"ref"`
}

type pgLog struct {
	DeviceID  string    `json:"device_id"`
	OpID      string    `json:"op_id"`
	OpSeq     int64     `json:"op_seq"`
	Result    string    `json:"result"`
	CreatedAt time.Time `json:"created_at"`
	Ord       int64     `json:"ord"`
}

// Pushes are committed in groups: each process runs a few committers
// that take every push decided meanwhile and write them in one pgPushSQL
// statement, so one hold of the feed lock and one WAL flush serve many
// pushes (group commit). A statement whose checks fail is rolled back
// whole, and then each push of the group is written on its own, so that
// only the pushes that really lost a race are decided again.
const (
	pgCommitters = 2       // per process
	pgGroupRows  = 4000    // records and op log entries per statement, at most
	pgGroupBytes = 8 << 20 // and bytes of record data (a push may carry 16 MB)
)

// pgCommit is one push waiting for a committer.
type pgCommit struct {
	ctx  context.Context
	b    *pushBatch
	n    int64
	base int64
	err  error
	done chan struct{}
}

// pgGroup is the committers of one store.
type pgGroup struct {
	once  sync.Once
	queue chan *pgCommit
	quit  chan struct{} // closed by Store.Close
	stop  sync.Once
}

func (c *pgCommit) rows() int { return len(c.b.dirty) + len(c.b.created) + len(c.b.logs) }

func (c *pgCommit) bytes() int {
	n := 0
	for _, id := range c.b.dirty {
		n += len(c.b.records[id].Data)
	}
	for _, r := range c.b.created {
		n += len(r.Data)
	}
	return n
}

// commitPG hands the batch to a committer and waits for its statement:
// the base of the batch's placeholders, or errRaced.
func (s *Store) commitPG(ctx context.Context, b *pushBatch, n int64) (int64, error) {
	s.pg.once.Do(func() {
		s.pg.queue = make(chan *pgCommit, 4096)
		for range pgCommitters {
			go s.pgCommitLoop()
		}
	})
	c := &pgCommit{ctx: ctx, b: b, n: n, done: make(chan struct{})}
	select {
	case s.pg.queue <- c:
	case <-s.pg.quit:
		return 0, errors.New("database server sudah ditutup")
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	select { // even if ctx ends: the statement may commit, and it is short
	case <-c.done:
		return c.base, c.err
	case <-s.pg.quit:
		return 0, errors.New("database server sudah ditutup")
	}
}

func (s *Store) pgCommitLoop() {
	for {
		var group []*pgCommit
		select {
		case c := <-s.pg.queue:
			group = append(group, c)
		case <-s.pg.quit:
			return
		}
		rows, size := group[0].rows(), group[0].bytes()
	more:
		for rows < pgGroupRows && size < pgGroupBytes {
			select {
			case c := <-s.pg.queue:
				group, rows, size = append(group, c), rows+c.rows(), size+c.bytes()
			default:
				break more
			}
		}
		s.commitGroup(group)
	}
}

// commitGroup writes a group of pushes in one statement, or one by one
// when that statement lost a race. A push whose request ended while it
// waited is not written (its client is gone and will resend it); a push
// written alone runs under its request's context, as the others cannot.
func (s *Store) commitGroup(group []*pgCommit) {
	for range group {
		call(s.hooks.BeforePushCommit)
	}
	live := group[:0]
	for _, c := range group {
		if c.err = c.ctx.Err(); c.err != nil {
			close(c.done)
		} else {
			live = append(live, c)
		}
	}
	if len(live) == 0 {
		return
	}
	base, err := s.execPG(live)
	if errors.Is(err, errRaced) && len(live) > 1 {
		for _, c := range live {
			c.base, c.err = s.execPG([]*pgCommit{c})
			close(c.done)
		}
		return
	}
	for _, c := range live {
		c.base, c.err = base, err
		base += c.n
		close(c.done)
	}
}

// execPG runs pgPushSQL for a group; it returns the first push's base,
// the next ones following in order.
func (s *Store) execPG(group []*pgCommit) (int64, error) {
	var recs []pgRecord
	var logs []pgLog
	var n int64
	for _, c := range group {
		b, off := c.b, n
		add := func(r Record, expect int64) {
			recs = append(recs, pgRecord{ID: r.ID, Kind: r.Kind, OfficeID: r.OfficeID, Version: r.Version, Ord: off - r.ServerSeq,
				Expect: expect, Deleted: r.Deleted, UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy, Data: r.Data, Ref: r.Ref})
		}
		for _, id := range b.dirty {
			add(b.records[id], b.loaded[id])
		}
		for _, r := range b.created {
			add(r, 0)
		}
		for i, l := range b.logs {
			ord := int64(0)
			if seq := b.logged[i].ServerSeq; seq < 0 {
				ord = off - seq
			}
			logs = append(logs, pgLog{DeviceID: l.DeviceID, OpID: l.OpID, OpSeq: l.OpSeq, Result: l.Result, CreatedAt: l.CreatedAt, Ord: ord})
		}
		n += c.n
	}
	rj, err := json.Marshal(recs)
	if err != nil {
		return 0, err
	}
	lj, err := json.Marshal(logs)
	if err != nil {
		return 0, err
	}
	ctx := context.Background()
	if len(group) == 1 {
		ctx = group[0].ctx
	}
	var out struct{ Base, OK int64 }
	err = s.db.WithContext(ctx).Raw(pgPushSQL, sql.Named("n", n), sql.Named("recs", string(rj)), sql.Named("logs", string(lj)),
		sql.Named("nrecs", len(recs)), sql.Named("nlogs", len(logs))).Scan(&out).Error
	if err != nil && strings.Contains(err.Error(), "pushraced") {
		return 0, errRaced
	}
	return out.Base, err
}
