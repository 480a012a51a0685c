package server

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
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

// commitPG writes the batch with pgPushSQL and returns the base of its
// placeholders.
func (s *Store) commitPG(ctx context.Context, b *pushBatch, n int64) (int64, error) {
	recs := make([]pgRecord, 0, len(b.dirty)+len(b.created))
	add := func(r Record, expect int64) {
		recs = append(recs, pgRecord{ID: r.ID, Kind: r.Kind, OfficeID: r.OfficeID, Version: r.Version, Ord: -r.ServerSeq,
			Expect: expect, Deleted: r.Deleted, UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy, Data: r.Data, Ref: r.Ref})
	}
	for _, id := range b.dirty {
		add(b.records[id], b.loaded[id])
	}
	for _, r := range b.created {
		add(r, 0)
	}
	logs := make([]pgLog, len(b.logs))
	for i, l := range b.logs {
		logs[i] = pgLog{DeviceID: l.DeviceID, OpID: l.OpID, OpSeq: l.OpSeq, Result: l.Result, CreatedAt: l.CreatedAt,
			Ord: max(0, -b.logged[i].ServerSeq)}
	}
	rj, err := json.Marshal(recs)
	if err != nil {
		return 0, err
	}
	lj, err := json.Marshal(logs)
	if err != nil {
		return 0, err
	}
	call(s.hooks.BeforePushCommit)
	var out struct{ Base, OK int64 }
	err = s.db.WithContext(ctx).Raw(pgPushSQL, sql.Named("n", n), sql.Named("recs", string(rj)), sql.Named("logs", string(lj)),
		sql.Named("nrecs", len(recs)), sql.Named("nlogs", len(logs))).Scan(&out).Error
	if err != nil && strings.Contains(err.Error(), "pushraced") {
		return 0, errRaced
	}
	return out.Base, err
}
