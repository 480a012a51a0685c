package server

import (
	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data/syncapi"
)

// authorize says why dev may not make this change, or "": the one place
// where a per-op check of who acts (accounts, roles, proofs of workflow
// actions) joins the push. It runs after the envelope and the record
// have been validated and the office scope checked; cur is the stored
// record when exists. A refusal is a per-op rejection, nothing stored.
func (s *Store) authorize(tx *gorm.DB, dev *Device, op syncapi.Op, exists bool, cur Record) string {
	return ""
}
