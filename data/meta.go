package data

import (
	"time"

	"github.com/google/uuid"
)

// Meta is carried by every record that offices share through sync (see
// DESIGN.md, "Data"). Version and ServerSeq are set by the server only;
// UpdatedAt and UpdatedBy are for display and never decide anything.
type Meta struct {
	ID        string    `gorm:"primaryKey" json:"id"`
	OfficeID  string    `json:"office_id"`
	Version   int64     `json:"version"`
	ServerSeq int64     `json:"server_seq"`
	Deleted   bool      `json:"deleted"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
}

// RecordMeta gives the store generic access to the sync fields.
func (m *Meta) RecordMeta() *Meta { return m }

// NewID returns a new UUIDv7 as text. It is made on the device so that
// records can be created offline; nothing may order by the time inside it.
func NewID() string {
	id, err := uuid.NewV7()
	if err != nil {
		// NewV7 fails only when the system random source does; v4 needs the
		// same source, so there is no better fallback than to stop.
		panic("humasdesk: cannot read random source: " + err.Error())
	}
	return id.String()
}

// Record is what the store needs of every shared record kind.
type Record interface {
	RecordMeta() *Meta
	// RecordKind names the kind in the outbox and on the wire.
	RecordKind() string
	// Normalize trims and canonicalises user input before validation.
	Normalize()
	// Validate reports every invalid field as a ValidationError.
	Validate() error
}
