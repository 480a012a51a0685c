package server

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data/syncapi"
)

// StoreUnchecked writes op's record into the feed as a server before
// validation did, for tests of records already stored.
func StoreUnchecked(s *Store, op syncapi.Op) error {
	return s.write(context.Background(), func(tx *gorm.DB, next func() int64) error {
		return tx.Create(&Record{ID: op.ID, Kind: op.Kind, OfficeID: op.OfficeID, Version: 1, ServerSeq: next(),
			UpdatedAt: time.Now().UTC(), UpdatedBy: op.UpdatedBy, Data: string(op.Data)}).Error
	})
}
