package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// save normalises and validates r, then writes it and its outbox entry in
// one transaction. A new record (empty ID) gets a UUIDv7 and, unless it
// names one, the current office. Invalid input returns a
// data.ValidationError and writes nothing.
func (s *Store) save(ctx context.Context, r data.Record) error {
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error { return s.saveTx(tx, r) })
}

// saveTx writes a validated record and its outbox entry inside tx, and
// keeps the version it replaces in the history (history.go).
func (s *Store) saveTx(tx *gorm.DB, r data.Record) error {
	m := r.RecordMeta()
	isNew := m.ID == ""
	if isNew {
		m.ID = data.NewID()
	} else if err := s.checkLive(tx, r); err != nil {
		return err
	} else if err := s.keepBeforeSave(tx, r); err != nil {
		return err
	}
	switch _, isOffice := r.(*data.Office); {
	case isOffice:
		m.OfficeID = m.ID
	case m.OfficeID == "":
		id, err := currentOfficeID(tx)
		if err != nil {
			return err
		}
		m.OfficeID = id
	}
	m.UpdatedAt = time.Now().UTC()
	m.UpdatedBy = s.author()
	var err error
	if isNew {
		err = tx.Create(r).Error
	} else {
		err = tx.Save(r).Error
	}
	if err != nil {
		return fmt.Errorf("menyimpan %s gagal: %w", r.RecordKind(), err)
	}
	return enqueue(tx, OpUpsert, r)
}

// checkLive refuses to update a record that is missing or deleted, so that
// an edit in a stale form cannot resurrect it. The sync fields the server
// owns are taken from the stored row, never from the caller.
func (s *Store) checkLive(tx *gorm.DB, r data.Record) error {
	m := r.RecordMeta()
	var cur data.Meta
	err := tx.Table(tableOf(r)).Select("id, office_id, version, server_seq, deleted").
		Where("id = ?", m.ID).Take(&cur).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && cur.Deleted) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := ownedHere(tx, cur.OfficeID); err != nil {
		return err
	}
	m.OfficeID, m.Version, m.ServerSeq, m.Deleted = cur.OfficeID, cur.Version, cur.ServerSeq, false
	return nil
}

// setDeleted marks a record deleted (or live again) and queues the change.
func (s *Store) setDeleted(ctx context.Context, r data.Record, id string, deleted bool) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("id = ?", id).Take(r).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		m := r.RecordMeta()
		if err := ownedHere(tx, m.OfficeID); err != nil {
			return err
		}
		if m.Deleted == deleted {
			return nil
		}
		m.Deleted = deleted
		m.UpdatedAt = time.Now().UTC()
		m.UpdatedBy = s.author()
		if err := tx.Table(tableOf(r)).Where("id = ?", id).Updates(map[string]any{
			"deleted": deleted, "updated_at": m.UpdatedAt, "updated_by": m.UpdatedBy,
		}).Error; err != nil {
			return err
		}
		op := OpUpsert
		if deleted {
			op = OpDelete
		}
		return enqueue(tx, op, r)
	})
}

// get loads a live record by id into r.
func (s *Store) get(ctx context.Context, r data.Record, id string) error {
	err := s.read(ctx).Where("id = ? AND deleted = 0", id).Take(r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}

// ErrReadOnly refuses an edit of another office's record: a coordinator
// sees the offices under it, but only their own devices write them.
var ErrReadOnly = errors.New("data kantor lain hanya dapat dibaca")

// ownedHere refuses records of offices other than this installation's.
func ownedHere(tx *gorm.DB, officeID string) error {
	own, err := currentOfficeID(tx)
	if err != nil {
		return err
	}
	if officeID != own {
		return ErrReadOnly
	}
	return nil
}

func tableOf(r data.Record) string {
	switch r.(type) {
	case *data.Office:
		return "offices"
	case *data.Agency:
		return "agencies"
	case *data.Draft:
		return "drafts"
	case *data.Entry:
		return "entries"
	case *data.Photo:
		return "photos"
	case *data.Conflict:
		return "conflicts"
	case *data.Audit:
		return "audits"
	case *data.Stage:
		return "stages"
	case *data.Template:
		return "templates"
	case *data.Hoax:
		return "hoaxes"
	case *data.Person:
		return "people"
	case *data.ReportNumber:
		return "report_numbers"
	case *data.Clipping:
		return "clippings"
	case *data.Target:
		return "targets"
	case *data.Attachment:
		return "attachments"
	}
	panic(fmt.Sprintf("store: unknown record %T", r))
}

// SaveAgency creates or updates an agency.
func (s *Store) SaveAgency(ctx context.Context, a *data.Agency) error { return s.save(ctx, a) }

// SaveDraft creates or updates a draft. Its status, revision and
// publication belong to the workflow (workflow.go): a new draft starts as
// "draf"; an edit may not change the status, and a draft under review,
// approved or published is locked (workflow.LockedError) until the
// workflow reopens it.
func (s *Store) SaveDraft(ctx context.Context, d *data.Draft) error { return s.saveDraft(ctx, d) }

// SaveEntry creates or updates a report entry.
// An activity dated after today cannot be saved as done
// (data.Entry.CheckToday); the rule holds for local edits only, not for
// records that arrive through sync.
func (s *Store) SaveEntry(ctx context.Context, e *data.Entry) error {
	e.Normalize()
	if err := e.CheckToday(data.Today()); err != nil {
		return err
	}
	return s.save(ctx, e)
}

// SaveOffice creates or updates an office profile.
func (s *Store) SaveOffice(ctx context.Context, o *data.Office) error { return s.save(ctx, o) }

// Agency loads a live agency.
func (s *Store) Agency(ctx context.Context, id string) (*data.Agency, error) {
	var a data.Agency
	return &a, s.get(ctx, &a, id)
}

// Draft loads a live draft.
func (s *Store) Draft(ctx context.Context, id string) (*data.Draft, error) {
	var d data.Draft
	return &d, s.get(ctx, &d, id)
}

// Entry loads a live report entry.
func (s *Store) Entry(ctx context.Context, id string) (*data.Entry, error) {
	var e data.Entry
	return &e, s.get(ctx, &e, id)
}

// Office loads a live office profile.
func (s *Store) Office(ctx context.Context, id string) (*data.Office, error) {
	var o data.Office
	return &o, s.get(ctx, &o, id)
}

// Kind names a record kind for the kind-generic operations.
type Kind string

// The record kinds users can delete and restore, and KindAudit, which
// they cannot (the audit trail is never edited).
const (
	KindAgency   Kind = "agency"
	KindDraft    Kind = "draft"
	KindEntry    Kind = "entry"
	KindPhoto    Kind = "photo"
	KindAudit    Kind = "audit"
	KindStage    Kind = "stage"
	KindTemplate Kind = "template"
	KindHoax     Kind = "hoax"
	KindPerson   Kind = "person"

	KindReportNumber Kind = "report_number"
	KindClipping     Kind = "clipping"
	KindTarget       Kind = "target"
	KindAttachment   Kind = "attachment"
)

func newRecord(k Kind) data.Record {
	if r, ok := data.NewRecord(string(k)); ok {
		return r
	}
	panic("store: unknown kind " + string(k))
}

// Delete marks a record deleted. Deletes are soft so that they replicate
// and can be undone with Restore.
func (s *Store) Delete(ctx context.Context, k Kind, id string) error {
	if k == KindAudit {
		return ErrAuditImmutable
	}
	if k == KindPerson {
		return ErrPersonByAdmin
	}
	return s.setDeleted(ctx, newRecord(k), id, true)
}

// Restore undoes Delete.
func (s *Store) Restore(ctx context.Context, k Kind, id string) error {
	if k == KindAudit {
		return ErrAuditImmutable
	}
	if k == KindPerson {
		return ErrPersonByAdmin
	}
	return s.setDeleted(ctx, newRecord(k), id, false)
}
