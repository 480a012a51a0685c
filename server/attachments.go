package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // accepted photo formats
	_ "image/png"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// PutAttachment stores a photo under its hash after checking that the
// bytes are that hash and a JPEG or PNG image. Storing one twice is a no-op.
func (s *Store) PutAttachment(ctx context.Context, hash string, body []byte) error {
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != hash {
		return errors.New("isi lampiran tidak cocok dengan hash-nya")
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(body))
	if err != nil || (format != "jpeg" && format != "png") {
		return errors.New("lampiran bukan gambar JPEG atau PNG")
	}
	a := &Attachment{Hash: hash, Mime: "image/" + format, Size: int64(len(body)), Bytes: body}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(a).Error
}

// HasAttachment reports whether the server holds the photo.
func (s *Store) HasAttachment(ctx context.Context, hash string) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Attachment{}).Where("hash = ?", hash).Count(&n).Error
	return n > 0, err
}

// Attachment returns a stored photo.
func (s *Store) Attachment(ctx context.Context, hash string) (*Attachment, error) {
	var a Attachment
	err := s.db.WithContext(ctx).Where("hash = ?", hash).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	return &a, err
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
