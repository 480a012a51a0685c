package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The content workflow's side of the store: the local user, the rules a
// plain SaveDraft must keep, and the transitions, each of which writes the
// draft and its audit record (and their outbox entries) in one
// transaction. The rules themselves are data/workflow's.

// Settings of the local user (never synced). The name shares the key
// SettingUser.
const (
	SettingUserPosition = "user_position"
	SettingUserRole     = "user_role"
)

// Errors of the workflow's store side.
var (
	// ErrStatusByWorkflow refuses a plain save that changes a draft's status.
	ErrStatusByWorkflow = errors.New("status konten hanya berubah lewat alur persetujuan (Ajukan, Setujui, Kembalikan, Terbitkan, Buat revisi baru)")
	// ErrAuditImmutable refuses deleting or restoring an audit record.
	ErrAuditImmutable = errors.New("riwayat persetujuan tidak dapat diubah atau dihapus")
)

// LocalUser returns the person working on this installation; the zero
// User (with no role) when it has not been set.
func (s *Store) LocalUser(ctx context.Context) (data.User, error) {
	var rows []setting
	err := s.read(ctx).Where("key IN ?", []string{SettingUser, SettingUserPosition, SettingUserRole}).Find(&rows).Error
	var u data.User
	for _, r := range rows {
		switch r.Key {
		case SettingUser:
			u.Name = r.Value
		case SettingUserPosition:
			u.Position = r.Value
		case SettingUserRole:
			u.Role = r.Value
		}
	}
	return u, err
}

// SetLocalUser stores the legacy typed local user (name and role
// required) and, unless a person is signed in, makes them the author
// (updated_by) of this store's later edits. It acts for the workflow only
// while the office has no people (see actor).
func (s *Store) SetLocalUser(ctx context.Context, u data.User) error {
	u.Normalize()
	if err := u.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		for k, v := range map[string]string{SettingUser: u.Name, SettingUserPosition: u.Position, SettingUserRole: u.Role} {
			if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&setting{k, v}).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if _, signedIn := s.Session(); err == nil && !signedIn {
		s.SetUser(u.Name) // a signed-in person stays the author
	}
	return err
}

// installationID names this installation in the audit trail: its sync
// device id once enrolled, else an id made once and kept in SettingDevice.
func (s *Store) installationID(ctx context.Context) (string, error) {
	if st, err := s.SyncState(ctx); err != nil {
		return "", err
	} else if st.DeviceID != "" {
		return st.DeviceID, nil
	}
	id, err := s.Setting(ctx, SettingDevice, "")
	if err != nil || id != "" {
		return id, err
	}
	id = data.NewID()
	return id, s.SetSetting(ctx, SettingDevice, id)
}

// saveDraft is SaveDraft: the workflow's fields are kept from the stored
// draft, a status change is refused (ErrStatusByWorkflow), and a locked
// draft (under review, approved, published) refuses any change with a
// workflow.LockedError; saving it unchanged does nothing.
func (s *Store) saveDraft(ctx context.Context, d *data.Draft) error {
	d.Normalize()
	if err := d.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if d.ID == "" {
			if d.Status != data.StatusDraft {
				return ErrStatusByWorkflow
			}
			d.Revision, d.PublishedAt, d.PublishedLink = 1, data.Date{}, ""
			return s.saveTx(tx, d)
		}
		var cur data.Draft
		if err := tx.Where("id = ? AND deleted = 0", d.ID).Take(&cur).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		if err := ownedHere(tx, cur.OfficeID); err != nil {
			return err
		}
		if err := workflow.EditError(cur.Status); err != nil {
			if sameDraftContent(&cur, d) {
				*d = cur
				return nil
			}
			return err
		}
		if d.Status != cur.Status {
			return ErrStatusByWorkflow
		}
		d.Revision, d.PublishedAt, d.PublishedLink = max(cur.Revision, 1), cur.PublishedAt, cur.PublishedLink
		return s.saveTx(tx, d)
	})
}

// sameDraftContent reports whether a and b agree on everything a form edits.
func sameDraftContent(a, b *data.Draft) bool {
	return a.Title == b.Title && a.Body == b.Body && a.Kind == b.Kind && a.Status == b.Status &&
		a.PlannedDate == b.PlannedDate && a.ElectionStage == b.ElectionStage &&
		slices.Equal(a.Channels, b.Channels) && slices.Equal(a.AgencyIDs, b.AgencyIDs)
}

// Submit sends a draft (draf or dikembalikan) for review. findings is the
// number of open findings of the neutrality check; with any, overrideReason
// must say why it goes ahead (workflow.FindingsError otherwise). Both are
// kept in the audit trail.
func (s *Store) Submit(ctx context.Context, draftID, note string, findings int, overrideReason string) (*data.Draft, error) {
	return s.transition(ctx, draftID, workflow.Request{Action: workflow.Submit, Note: note,
		Findings: findings, OverrideReason: overrideReason})
}

// Withdraw takes a submitted draft back to draf, for the writer to edit.
func (s *Store) Withdraw(ctx context.Context, draftID, note string) (*data.Draft, error) {
	return s.transition(ctx, draftID, workflow.Request{Action: workflow.Withdraw, Note: note})
}

// Approve approves a submitted draft; refused to the person who submitted
// it (workflow.ErrSelfApproval).
func (s *Store) Approve(ctx context.Context, draftID, note string) (*data.Draft, error) {
	return s.transition(ctx, draftID, workflow.Request{Action: workflow.Approve, Note: note})
}

// Return sends a submitted draft back to its writer; the note (required)
// says what to change.
func (s *Store) Return(ctx context.Context, draftID, note string) (*data.Draft, error) {
	return s.transition(ctx, draftID, workflow.Request{Action: workflow.Return, Note: note})
}

// Publish records that an approved draft went out: where (link, an http(s)
// address) and when (at; the draft keeps its local day). An open case of
// the hoax register whose clarification is this draft is closed at the
// same time, in the same transaction.
func (s *Store) Publish(ctx context.Context, draftID, link string, at time.Time, note string) (*data.Draft, error) {
	return s.transition(ctx, draftID, workflow.Request{Action: workflow.Publish, Note: note, Link: link, PublishedAt: at})
}

// NewRevision reopens an approved or published draft for editing as its
// next revision, in status draf; it must be approved again. A published
// draft keeps its publication (it went out) until the correction is
// published.
func (s *Store) NewRevision(ctx context.Context, draftID, note string) (*data.Draft, error) {
	return s.transition(ctx, draftID, workflow.Request{Action: workflow.Revise, Note: note})
}

// actor fills in who acts: the signed-in person (as stored now: roles and
// the active flag may have changed through sync); on an installation
// whose office has no people yet, the typed local user (legacy, no
// identity); else nobody (workflow.ErrNoUser).
func (s *Store) actor(ctx context.Context, req *workflow.Request) error {
	p, err := s.CurrentPerson(ctx)
	switch {
	case err == nil && !p.Active:
		return ErrInactive
	case err == nil:
		req.Actor = p.Actor()
		return nil
	case !errors.Is(err, ErrNotSignedIn):
		return err
	}
	if has, err := s.HasPeople(ctx); err != nil || has {
		if err == nil {
			err = workflow.ErrNoUser
		}
		return err
	}
	req.User, err = s.LocalUser(ctx)
	return err
}

// transition applies req to the draft as the signed-in person, on this
// installation, now: the draft and its audit record are written in one
// transaction with their outbox entries, or neither.
func (s *Store) transition(ctx context.Context, draftID string, req workflow.Request) (*data.Draft, error) {
	if err := s.actor(ctx, &req); err != nil {
		return nil, err
	}
	device, err := s.installationID(ctx)
	if err != nil {
		return nil, err
	}
	var out data.Draft
	err = s.write(ctx, func(tx *gorm.DB) error {
		var d data.Draft
		if err := tx.Where("id = ? AND deleted = 0", draftID).Take(&d).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		if err := ownedHere(tx, d.OfficeID); err != nil {
			return err
		}
		trail, err := auditTrail(tx, d.ID)
		if err != nil {
			return err
		}
		req.LastSubmitterID, req.LastSubmitter = workflow.Submitter(trail)
		a, err := workflow.Step(&d, req, len(trail)+1, device, time.Now().UTC())
		if err != nil {
			return err
		}
		d.Normalize()
		if err := d.Validate(); err != nil {
			return fmt.Errorf("konten tidak dapat dipindahkan ke status %s: %w", d.Status, err)
		}
		if err := s.saveTx(tx, &d); err != nil {
			return err
		}
		a.OfficeID = d.OfficeID
		if err := s.saveTx(tx, a); err != nil {
			return err
		}
		if req.Action == workflow.Publish {
			if err := s.clarifyTx(tx, d.ID, req.PublishedAt); err != nil {
				return err
			}
		}
		out = d
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// AuditTrail lists a draft's audit records, oldest first (by revision,
// step and time; never by id).
func (s *Store) AuditTrail(ctx context.Context, draftID string) ([]data.Audit, error) {
	return auditTrail(s.read(ctx), draftID)
}

func auditTrail(db *gorm.DB, draftID string) ([]data.Audit, error) {
	var out []data.Audit
	err := db.Where("draft_id = ? AND deleted = 0", draftID).Order("revision, step, at, id").Find(&out).Error
	return out, err
}
