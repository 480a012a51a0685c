package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data"
)

// Setting keys. Settings are this installation's and never sync.
const (
	SettingOffice   = "office_id" // the office this installation belongs to
	SettingLanguage = "language"  // "id" or "en"
	SettingTheme    = "theme"     // "system", "light" or "dark"
	SettingUser     = "user_name"
	SettingDevice   = "device_id"
)

type setting struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

// Setting returns a setting's value, or def when it is not set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var st setting
	err := s.read(ctx).Where("key = ?", key).Take(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return def, nil
	}
	return st.Value, err
}

// SetSetting stores a setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&setting{key, value}).Error
	})
}

func currentOfficeID(tx *gorm.DB) (string, error) {
	var st setting
	if err := tx.Where("key = ?", SettingOffice).Take(&st).Error; err != nil {
		return "", fmt.Errorf("profil kantor belum ada: %w", err)
	}
	return st.Value, nil
}

// CurrentOffice returns this installation's office profile.
func (s *Store) CurrentOffice(ctx context.Context) (*data.Office, error) {
	id, err := s.Setting(ctx, SettingOffice, "")
	if err != nil {
		return nil, err
	}
	return s.Office(ctx, id)
}

// SetCurrentOffice makes an existing office this installation's own.
func (s *Store) SetCurrentOffice(ctx context.Context, id string) error {
	if _, err := s.Office(ctx, id); err != nil {
		return err
	}
	return s.SetSetting(ctx, SettingOffice, id)
}

// Offices lists every live office profile by name.
func (s *Store) Offices(ctx context.Context) ([]data.Office, error) {
	var out []data.Office
	err := s.read(ctx).Omit("logo").Where("deleted = 0").Order("name").Find(&out).Error
	return out, err
}

// ensureOffice gives a fresh database a placeholder profile, so that
// records can be written before the user fills in Pengaturan. Check and
// creation share one transaction, so two processes opening a new file at
// once still make one office.
func (s *Store) ensureOffice(ctx context.Context) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		if _, err := currentOfficeID(tx); err == nil {
			return nil
		}
		o := &data.Office{Name: "Kantor Humas", Kind: "lainnya", Level: "kabupaten"}
		if err := s.saveTx(tx, o); err != nil {
			return err
		}
		return tx.Create(&setting{SettingOffice, o.ID}).Error
	})
	if err != nil {
		return fmt.Errorf("profil kantor awal tidak dapat dibuat: %w", err)
	}
	return nil
}
