package server

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The server's check of who made a change (docs/SYNC.md, "How actions
// are proven"). A device is trusted to be its office's; a person only
// through a proof made with the signing key the server issued to that
// person on that device (POST /v1/signin, syncapi.SigningKey).

// Secret is the server's own secret, from which it derives every signing
// key; it never leaves the database.
type Secret struct {
	ID    int `gorm:"primaryKey"`
	Value []byte
}

// ensureSecret makes the secret once.
func (s *Store) ensureSecret() error {
	v := make([]byte, 32)
	if _, err := rand.Read(v); err != nil {
		return err
	}
	return s.db.Clauses(clause.OnConflict{DoNothing: true}).Create(&Secret{ID: 1, Value: v}).Error
}

func (s *Store) secret(tx *gorm.DB) ([]byte, error) {
	var sec Secret
	err := tx.Where("id = 1").Take(&sec).Error
	return sec.Value, err
}

// provenKinds need a proof from an office that has people: the audit
// trail (every workflow step) and the people themselves.
var provenKinds = map[string]bool{syncapi.KindAudit: true, syncapi.KindPerson: true}

// authorize says why op may not be applied as its actor, or "": an op
// that names a person must carry a valid proof of that person, active, of
// the device's office; an audit or person record from an office with
// people must name one; an audit's actor must hold a role of its action;
// a person record is written by an admin of the office, or by the person
// themself without touching their roles, active flag or name. An office
// with no people yet (an installation from before people, or before its
// first admin) is taken as before: its devices are trusted.
func (s *Store) authorize(tx *gorm.DB, b *pushBatch, dev *Device, op syncapi.Op, exists bool, cur Record) (string, error) {
	proven := provenKinds[op.Kind] || statusChange(op, exists, cur) != ""
	if op.ActorID == "" {
		if proven && b.hasPeople(tx, dev.OfficeID) {
			return "perubahan ini harus dibuat oleh pengguna yang masuk (tanpa nama pengguna); masuk lalu ulangi", nil
		}
		return "", nil
	}
	actor, found, err := b.person(tx, op.ActorID)
	if err != nil {
		return "", err
	}
	switch {
	case !found && !b.hasPeople(tx, dev.OfficeID) && op.Proof == "":
		return "", nil // made before the office's people reached the server
	case !found || actor.OfficeID != dev.OfficeID:
		return fmt.Sprintf("pelaku %s bukan pengguna kantor ini", op.ActorID), nil
	case op.Proof == "" && proven:
		return fmt.Sprintf("perubahan oleh %s tidak membawa bukti; masuk sekali saat terhubung ke server agar perangkat ini dapat membuktikannya", actor.Name), nil
	case !actor.Active:
		return fmt.Sprintf("pengguna %s sudah dinonaktifkan", actor.Name), nil
	}
	if op.Proof != "" {
		secret, err := s.secret(tx)
		if err != nil {
			return "", err
		}
		if !syncapi.ProofValid(syncapi.SigningKey(secret, dev.ID, actor.ID, actor.Verifier), op) {
			return fmt.Sprintf("bukti tindakan %s tidak sah (dipalsukan, untuk perubahan lain, atau kata sandinya sudah diganti; masuk ulang saat terhubung)", actor.Name), nil
		}
	}
	switch op.Kind {
	case syncapi.KindAudit:
		if why := auditRole(op, actor); why != "" {
			return why, nil
		}
		return s.selfApproval(tx, b, op, actor)
	case syncapi.KindPerson:
		return personWrite(op, actor, exists, cur), nil
	case syncapi.KindDraft:
		if to := statusChange(op, exists, cur); to != "" {
			return draftRole(to, actor), nil
		}
	}
	return "", nil
}

// statusChange returns the status a draft op moves the draft to, or ""
// when it keeps the status the server holds (a new draft starts as draf).
// The workflow changes a status, and only with the proof of a person
// who holds a role of it: a device cannot approve by pushing the status.
func statusChange(op syncapi.Op, exists bool, cur Record) string {
	if op.Kind != syncapi.KindDraft || op.Op != syncapi.OpUpsert {
		return ""
	}
	var now, was struct {
		Status string `json:"status"`
	}
	if json.Unmarshal(op.Data, &now) != nil {
		return ""
	}
	was.Status = data.StatusDraft
	if exists {
		_ = json.Unmarshal([]byte(cur.Data), &was)
	}
	if now.Status == was.Status || now.Status == "" {
		return ""
	}
	return now.Status
}

// draftRole checks that actor holds a role of a transition into to.
func draftRole(to string, actor *data.Person) string {
	roles := workflow.RolesInto(to)
	if slices.ContainsFunc(roles, actor.Has) {
		return ""
	}
	return fmt.Sprintf("%s tidak berperan %s, jadi tidak dapat mengubah status konten menjadi %q", actor.Name,
		data.RolesText(roles, data.LangID), data.DraftStatuses.Label(to, data.LangID))
}

// auditRole checks that an audit is its sender's and that they hold a
// role of its action.
func auditRole(op syncapi.Op, actor *data.Person) string {
	var a data.Audit
	if err := json.Unmarshal(op.Data, &a); err != nil {
		return "riwayat persetujuan tidak terbaca"
	}
	if a.ActorID != actor.ID {
		return "riwayat persetujuan harus atas nama pengguna yang mengirimnya"
	}
	roles := workflow.RoleFor(workflow.Action(a.Action))
	if slices.ContainsFunc(roles, actor.Has) {
		return ""
	}
	return fmt.Sprintf("%s tidak berperan %s, jadi tidak dapat melakukan %q", actor.Name,
		data.RolesText(roles, data.LangID), workflow.Actions.Label(a.Action, data.LangID))
}

// personWrite checks who may write a person record.
func personWrite(op syncapi.Op, actor *data.Person, exists bool, cur Record) string {
	if actor.Has(data.RoleAdmin) {
		return ""
	}
	if op.ID != actor.ID || !exists || op.Op != syncapi.OpUpsert {
		return fmt.Sprintf("hanya Admin kantor yang dapat mengelola pengguna; %s bukan admin", actor.Name)
	}
	var was, now data.Person
	if json.Unmarshal([]byte(cur.Data), &was) != nil || json.Unmarshal(op.Data, &now) != nil {
		return "data pengguna tidak terbaca"
	}
	if !slices.Equal(was.Roles, now.Roles) || was.Active != now.Active || was.Name != now.Name {
		return "pengguna hanya dapat mengganti kata sandinya sendiri; peran, nama dan status diubah oleh Admin kantor"
	}
	return ""
}

// person is a person record as the batch sees it: its own writes first.
func (b *pushBatch) person(tx *gorm.DB, id string) (*data.Person, bool, error) {
	r, ok := b.records[id]
	if !ok {
		err := tx.Where("id = ?", id).Take(&r).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
	if r.Kind != syncapi.KindPerson || r.Deleted {
		return nil, false, nil
	}
	var p data.Person
	if err := json.Unmarshal([]byte(r.Data), &p); err != nil {
		return nil, false, nil
	}
	p.ID, p.OfficeID = r.ID, r.OfficeID
	return &p, true, nil
}

// hasPeople reports whether the office had people when the batch began
// (a batch that brings an office's first people is taken whole).
func (b *pushBatch) hasPeople(tx *gorm.DB, officeID string) bool {
	if b.people == nil {
		var n int64
		err := tx.Model(&Record{}).Where("kind = ? AND office_id = ? AND deleted = ?", syncapi.KindPerson, officeID, false).Limit(1).Count(&n).Error
		has := n > 0 || err != nil // fail closed; the transaction fails anyway
		b.people = &has
	}
	return *b.people
}

// selfApproval refuses an approval by the person whose submission of the
// draft is the latest the server holds (data/workflow's rule, by person
// id, checked again here because a device could skip it).
func (s *Store) selfApproval(tx *gorm.DB, b *pushBatch, op syncapi.Op, actor *data.Person) (string, error) {
	var a data.Audit
	if json.Unmarshal(op.Data, &a) != nil || a.Action != string(workflow.Approve) ||
		a.DraftID == "" || strings.ContainsAny(a.DraftID, `%_\"`) {
		return "", nil
	}
	var recs []Record
	if err := tx.Where("kind = ? AND office_id = ? AND deleted = ? AND data LIKE ?", syncapi.KindAudit, op.OfficeID, false,
		`%"draft_id":"`+a.DraftID+`"%`).Find(&recs).Error; err != nil {
		return "", err
	}
	for _, r := range b.records { // this batch's own, not written yet
		if r.Kind == syncapi.KindAudit && r.OfficeID == op.OfficeID {
			recs = append(recs, r)
		}
	}
	var last Record
	var submitter string
	for _, r := range recs {
		var prior data.Audit
		if json.Unmarshal([]byte(r.Data), &prior) != nil || prior.DraftID != a.DraftID ||
			prior.ToStatus != data.StatusSubmitted || r.ServerSeq < last.ServerSeq {
			continue
		}
		last, submitter = r, prior.ActorID
	}
	if submitter != "" && submitter == actor.ID {
		return fmt.Sprintf("%s mengajukan konten ini sendiri, jadi tidak dapat menyetujuinya", actor.Name), nil
	}
	return "", nil
}
