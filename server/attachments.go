package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data"
)

// Attachments are kept once per hash, and readable by office: a blob is
// readable only by devices whose scope (officeTree) holds an office that
// uploaded it. Naming someone else's hash in a photo record of one's own
// office gives nothing; uploading the same bytes does (they prove one
// holds the photo), so each uploading office is kept (AttachmentOffice).

// AttachmentOffice records that an office uploaded an attachment.
type AttachmentOffice struct {
	Hash      string `gorm:"primaryKey"`
	OfficeID  string `gorm:"primaryKey;index"`
	CreatedAt time.Time
}

// attachmentMime is the server's one check of what an attachment may be:
// its media type sniffed from its bytes by data.SniffAttachment (the list
// the app uses: photos, PDF, DOCX, XLSX), or an error naming the accepted
// types.
func attachmentMime(body []byte) (string, error) {
	mime, ok := data.SniffAttachment(body)
	if !ok {
		return "", fmt.Errorf("lampiran bukan berkas yang diterima (%s)", data.AttachmentTypesText())
	}
	return mime, nil
}

// PutAttachment stores an attachment (a photo or a document) under its hash after checking that the
// bytes are that hash and an accepted type, and records dev's office as
// one that uploaded it. Storing one twice is a no-op.
func (s *Store) PutAttachment(ctx context.Context, dev *Device, hash string, body []byte) error {
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != hash {
		return errors.New("isi lampiran tidak cocok dengan hash-nya")
	}
	mime, err := attachmentMime(body)
	if err != nil {
		return err
	}
	a := &Attachment{Hash: hash, Mime: mime, Size: int64(len(body)), Bytes: body}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(a).Error; err != nil {
			return err
		}
		return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&AttachmentOffice{Hash: hash, OfficeID: dev.OfficeID}).Error
	})
}

// Access is what a device may do with an attachment's hash.
type Access int

// Accesses, answered 404, 403 and 200 by HEAD and GET alike.
const (
	AccessMissing Access = iota // the server holds no such attachment
	AccessDenied                // it does, uploaded only by offices outside the device's scope
	AccessGranted
)

// AttachmentAccess says whether dev may read the attachment: an office
// in its scope uploaded it.
func (s *Store) AttachmentAccess(ctx context.Context, dev *Device, hash string) (Access, error) {
	offices, err := s.officeTree(ctx, dev.OfficeID)
	if err != nil {
		return AccessMissing, err
	}
	var n int64
	err = s.reader().WithContext(ctx).Model(&AttachmentOffice{}).Where("hash = ? AND office_id IN ?", hash, offices).
		Limit(1).Count(&n).Error
	if err != nil || n > 0 {
		return AccessGranted, err
	}
	if err := s.reader().WithContext(ctx).Model(&Attachment{}).Where("hash = ?", hash).Count(&n).Error; err != nil {
		return AccessMissing, err
	}
	if n > 0 {
		return AccessDenied, nil
	}
	return AccessMissing, nil
}

// Attachment returns a stored photo.
func (s *Store) Attachment(ctx context.Context, hash string) (*Attachment, error) {
	var a Attachment
	err := s.reader().WithContext(ctx).Where("hash = ?", hash).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	return &a, err
}

// migrateUploaders creates the uploaders' table, and in the same
// transaction gives every attachment stored before it the office of the
// earliest photo record naming it (by server_seq, deleted ones included):
// the office that synced it first. An attachment no photo record names
// keeps no uploader and is readable by none until an office uploads its
// bytes again. Done once, when the table is made: a photo record pushed
// later must not make its office an uploader.
func (s *Store) migrateUploaders() error {
	if s.db.Migrator().HasTable(&AttachmentOffice{}) {
		return nil
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Migrator().CreateTable(&AttachmentOffice{}); err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO attachment_offices (hash, office_id, created_at)
			SELECT a.hash, (SELECT r.office_id FROM records r WHERE r.kind = 'photo' AND r.ref = a.hash ORDER BY r.server_seq LIMIT 1), ?
			FROM attachments a WHERE EXISTS (SELECT 1 FROM records r WHERE r.kind = 'photo' AND r.ref = a.hash)`,
			time.Now().UTC()).Error
	})
}

// validHash accepts a lower-case hex SHA-256.
func validHash(h string) error {
	if len(h) != 64 {
		return fmt.Errorf("hash %q bukan SHA-256", h)
	}
	for _, c := range h {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return fmt.Errorf("hash %q bukan SHA-256", h)
		}
	}
	return nil
}
