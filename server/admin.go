package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// Levels an office may have, from the top of the reporting chain.
var Levels = []string{"pusat", "provinsi", "kabupaten", "kota"}

// AddOffice registers an office under parentID ("" for a top office) and
// creates its profile record in the feed, so that devices of the office
// and coordinators above it learn its name and place in the chain.
func (s *Store) AddOffice(ctx context.Context, name, kind, level, parentID string) (*Office, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("nama kantor wajib diisi")
	}
	if !data.Levels.Has(level) {
		return nil, fmt.Errorf("tingkat %q tidak dikenal (pusat, provinsi, kabupaten, kota)", level)
	}
	if kind == "" {
		kind = "lainnya"
	}
	if !data.OfficeKinds.Has(kind) {
		return nil, fmt.Errorf("jenis kantor %q tidak dikenal (%s)", kind, strings.Join(data.OfficeKinds.Codes(), ", "))
	}
	o := &Office{ID: data.NewID(), Name: name, Kind: kind, Level: level, ParentID: parentID}
	err := s.write(ctx, func(tx *gorm.DB, next func() int64) error {
		if parentID != "" {
			if err := tx.Where("id = ?", parentID).Take(&Office{}).Error; err != nil {
				return fmt.Errorf("kantor induk %s tidak ditemukan", parentID)
			}
		}
		if err := tx.Create(o).Error; err != nil {
			return err
		}
		profile, err := json.Marshal(data.Office{Meta: data.Meta{ID: o.ID, OfficeID: o.ID, Version: 1},
			ParentID: parentID, Name: name, Kind: kind, Level: level})
		if err != nil {
			return err
		}
		return tx.Create(&Record{ID: o.ID, Kind: syncapi.KindOffice, OfficeID: o.ID, Version: 1,
			ServerSeq: next(), UpdatedAt: time.Now().UTC(), UpdatedBy: "administrator", Data: string(profile)}).Error
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// Offices lists the registry by level and name.
func (s *Store) Offices(ctx context.Context) ([]Office, error) {
	var out []Office
	err := s.db.WithContext(ctx).Order("name").Find(&out).Error
	return out, err
}

// EnrollmentTTL is how long an enrollment code stays valid.
const EnrollmentTTL = 72 * time.Hour

// codeAlphabet avoids letters people confuse when reading a code aloud.
var codeEncoding = base32.NewEncoding("ABCDEFGHJKLMNPQRSTUVWXYZ23456789").WithPadding(base32.NoPadding)

// NewEnrollment makes a one-time code for a device of the office. Only
// its hash is stored: the code is shown this once.
func (s *Store) NewEnrollment(ctx context.Context, officeID string, ttl time.Duration) (code string, expires time.Time, err error) {
	if err := s.db.WithContext(ctx).Where("id = ?", officeID).Take(&Office{}).Error; err != nil {
		return "", time.Time{}, fmt.Errorf("kantor %s tidak ditemukan", officeID)
	}
	raw := make([]byte, 10)
	if _, err := rand.Read(raw); err != nil {
		return "", time.Time{}, err
	}
	c := codeEncoding.EncodeToString(raw) // 16 characters, 80 bits
	code = c[:4] + "-" + c[4:8] + "-" + c[8:12] + "-" + c[12:16]
	expires = time.Now().UTC().Add(ttl)
	err = s.db.WithContext(ctx).Create(&Enrollment{CodeHash: hashCode(code), OfficeID: officeID, ExpiresAt: expires}).Error
	return code, expires, err
}

// hashCode normalises a typed code (case, spaces, dashes) and hashes it.
func hashCode(code string) string {
	norm := strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(code)))
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}

// Errors of enrollment and authentication, mapped to 401 by the API.
var (
	ErrBadCode  = errors.New("kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa")
	ErrBadToken = errors.New("token perangkat tidak sah atau sudah dicabut")
)

// ErrOfficeMismatch refuses a code for another office than the one the
// installation is enrolled for already, without spending it (409).
var ErrOfficeMismatch = errors.New("kode pendaftaran ini untuk kantor lain, padahal database perangkat ini sudah terdaftar untuk kantornya; kode tidak terpakai")

// Enroll exchanges a code for a new device of the code's office. The code
// is spent in the same transaction, so it works once even under races.
func (s *Store) Enroll(ctx context.Context, code, deviceName string) (*Device, string, *Office, error) {
	return s.EnrollFor(ctx, code, deviceName, "")
}

// EnrollFor is Enroll for an installation enrolled already for
// wantOffice ("" for none): a code of another office is refused with
// ErrOfficeMismatch before it is spent, since the installation would
// refuse it and leave an active device nobody uses.
func (s *Store) EnrollFor(ctx context.Context, code, deviceName, wantOffice string) (*Device, string, *Office, error) {
	var dev *Device
	var office Office
	var token string
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var e Enrollment
		if err := tx.Where("code_hash = ?", hashCode(code)).Take(&e).Error; err != nil {
			return ErrBadCode
		}
		if e.UsedAt != nil || time.Now().After(e.ExpiresAt) {
			return ErrBadCode
		}
		if wantOffice != "" && e.OfficeID != wantOffice {
			return ErrOfficeMismatch
		}
		secret := make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			return err
		}
		dev = &Device{ID: data.NewID(), OfficeID: e.OfficeID, Name: strings.TrimSpace(strings.ReplaceAll(deviceName, "\x00", "")), TokenHash: hashSecret(secret)}
		token = dev.ID + "." + base64.RawURLEncoding.EncodeToString(secret)
		now := time.Now().UTC()
		res := tx.Model(&Enrollment{}).Where("code_hash = ? AND used_at IS NULL", e.CodeHash).
			Updates(map[string]any{"used_at": now, "device_id": dev.ID})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return ErrBadCode
		}
		if err := tx.Create(dev).Error; err != nil {
			return err
		}
		return tx.Where("id = ?", e.OfficeID).Take(&office).Error
	})
	if err != nil {
		return nil, "", nil, err
	}
	return dev, token, &office, nil
}

// CancelEnrollment undoes the enrollment of a device its installation
// could not adopt: the device is revoked and, if it never pushed and its
// code has not expired, the code can be used again. Nothing else of the
// device's is touched.
func (s *Store) CancelEnrollment(ctx context.Context, dev *Device) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		now := time.Now().UTC()
		if err := tx.Model(&Device{}).Where("id = ? AND revoked_at IS NULL", dev.ID).Update("revoked_at", now).Error; err != nil {
			return err
		}
		var pushed int64
		if err := tx.Model(&OpLog{}).Where("device_id = ?", dev.ID).Limit(1).Count(&pushed).Error; err != nil || pushed > 0 {
			return err
		}
		return tx.Model(&Enrollment{}).Where("device_id = ? AND expires_at > ?", dev.ID, now).
			Updates(map[string]any{"used_at": nil, "device_id": ""}).Error
	})
}

func hashSecret(secret []byte) []byte {
	sum := sha256.Sum256(secret)
	return sum[:]
}

// Authenticate returns the live device a bearer token belongs to. The
// token is "<device id>.<secret>"; the secret's hash is compared in
// constant time.
func (s *Store) Authenticate(ctx context.Context, token string) (*Device, error) {
	id, secretText, ok := strings.Cut(token, ".")
	if !ok {
		return nil, ErrBadToken
	}
	secret, err := base64.RawURLEncoding.DecodeString(secretText)
	if err != nil {
		return nil, ErrBadToken
	}
	var d Device
	if err := s.reader().WithContext(ctx).Where("id = ?", id).Take(&d).Error; err != nil {
		return nil, ErrBadToken
	}
	if subtle.ConstantTimeCompare(hashSecret(secret), d.TokenHash) != 1 || d.RevokedAt != nil {
		return nil, ErrBadToken
	}
	return &d, nil
}

// Devices lists the enrolled devices, newest first.
func (s *Store) Devices(ctx context.Context) ([]Device, error) {
	var out []Device
	err := s.db.WithContext(ctx).Order("created_at DESC").Find(&out).Error
	return out, err
}

// RevokeDevice makes a device's token useless from now on.
func (s *Store) RevokeDevice(ctx context.Context, id string) error {
	res := s.db.WithContext(ctx).Model(&Device{}).Where("id = ? AND revoked_at IS NULL", id).Update("revoked_at", time.Now().UTC())
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("perangkat %s tidak ditemukan atau sudah dicabut", id)
	}
	return nil
}

// officeRecord returns the office's profile record.
func (s *Store) officeRecord(ctx context.Context, id string) (syncapi.Record, error) {
	var r Record
	if err := s.db.WithContext(ctx).Where("id = ?", id).Take(&r).Error; err != nil {
		return syncapi.Record{}, err
	}
	return r.wire(), nil
}

func (r Record) wire() syncapi.Record {
	return syncapi.Record{Kind: r.Kind, ID: r.ID, OfficeID: r.OfficeID, Version: r.Version, ServerSeq: r.ServerSeq,
		Deleted: r.Deleted, UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy, Data: json.RawMessage(r.Data)}
}
