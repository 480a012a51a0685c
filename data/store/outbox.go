package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// Outbox operations.
const (
	OpUpsert = "upsert"
	OpDelete = "delete"
)

// OutboxEntry is one local change waiting to be pushed to the server. Seq
// is the per-device increasing op_seq of the sync protocol; BaseVersion is
// the server version the edit was made on.
type OutboxEntry struct {
	Seq         int64 `gorm:"primaryKey;autoIncrement"`
	OpID        string
	Kind        string
	RecordID    string
	Op          string
	BaseVersion int64
	Payload     string
	CreatedAt   time.Time
	Attempted   bool   // sent at least once: the server may have applied it
	Rejected    string // the server's reason for refusing it; kept out of pushes
	// ActorID and Proof: the signed-in person who made the change and
	// the proof of it (syncapi.OpProof). AwaitsProof marks a change that
	// needs a proof and waits, out of pushes, until its person signs in
	// online on this device once (AdoptSigningKey signs it then).
	ActorID     string
	Proof       string
	AwaitsProof bool
}

// TableName keeps gorm from pluralising.
func (OutboxEntry) TableName() string { return "outbox" }

// enqueue records r's current state for sync, inside the caller's
// transaction, so that the row and its outbox entry commit together.
func enqueue(tx *gorm.DB, op string, r data.Record) error {
	payload, err := json.Marshal(r)
	if err != nil {
		return err
	}
	m := r.RecordMeta()
	e := &OutboxEntry{
		OpID:        data.NewID(),
		Kind:        r.RecordKind(),
		RecordID:    m.ID,
		Op:          op,
		BaseVersion: m.Version,
		Payload:     string(payload),
		CreatedAt:   time.Now().UTC(),
	}
	signerOf(tx.Statement.Context).sign(e, m.OfficeID)
	return tx.Create(e).Error
}

// Outbox returns up to limit queued changes, oldest first, including the
// ones the server rejected.
func (s *Store) Outbox(ctx context.Context, limit int) ([]OutboxEntry, error) {
	var out []OutboxEntry
	err := s.read(ctx).Order("seq").Limit(limit).Find(&out).Error
	return out, err
}

// PendingChanges counts the changes waiting to be pushed.
// Changes waiting for their person's proof count too (AwaitsProof).
func (s *Store) PendingChanges(ctx context.Context) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&OutboxEntry{}).Where("rejected = ''").Count(&n).Error
	return n, err
}

// RejectedChanges lists the changes the server refused, with its reasons.
func (s *Store) RejectedChanges(ctx context.Context) ([]OutboxEntry, error) {
	var out []OutboxEntry
	err := s.read(ctx).Where("rejected <> ''").Order("seq").Find(&out).Error
	return out, err
}
