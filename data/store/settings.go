package store

import (
	"context"
	"errors"
	"fmt"
	"time"

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

	// Report settings: the document-number pattern (report.FormatNumber),
	// the next sequence number, and the office's own opening and closing
	// text; empty means the defaults.
	SettingReportNumber   = "report_number_pattern"
	SettingReportSequence = "report_sequence"
	SettingReportIntro    = "report_intro"
	SettingReportClosing  = "report_closing"
	// SettingReportSigner is the person id of the office's usual report
	// signer (a Penandatangan; report.ResolveSigner).
	SettingReportSigner = "report_signer_id"
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

// placeholderOffice is the profile a fresh database starts with.
var placeholderOffice = data.Office{Name: "Kantor Humas", Kind: "lainnya", Level: "kabupaten"}

// ensureOffice gives a fresh database a placeholder profile, so that
// records can be written before the user fills in Pengaturan. It gets no
// outbox entry: the first real edit of the profile queues the whole record.
// Check and creation share one transaction, so two processes opening a new
// file at once still make one office.
func (s *Store) ensureOffice(ctx context.Context) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		if _, err := currentOfficeID(tx); err == nil {
			return nil
		}
		o := placeholderOffice
		o.ID = data.NewID()
		o.OfficeID = o.ID
		o.UpdatedAt = time.Now().UTC()
		o.UpdatedBy = s.author()
		if err := tx.Create(&o).Error; err != nil {
			return err
		}
		return tx.Create(&setting{SettingOffice, o.ID}).Error
	})
	if err != nil {
		return fmt.Errorf("profil kantor awal tidak dapat dibuat: %w", err)
	}
	return nil
}

// ownedTables are the tables of records an office owns, besides offices
// and stages.
var ownedTables = []string{"agencies", "drafts", "entries", "photos", "conflicts", "audits", "templates", "hoaxes", "people", "report_numbers", "clippings", "targets", "attachments"}

// DropPlaceholderOffice removes the office a fresh database started with,
// if it was never edited, synced or given records, so that loading another
// profile (the demo, later an enrolment) leaves no empty office behind.
// It reports whether it removed one.
func (s *Store) DropPlaceholderOffice(ctx context.Context) (bool, error) {
	dropped := false
	err := s.write(ctx, func(tx *gorm.DB) error {
		id, err := currentOfficeID(tx)
		if err != nil {
			return err
		}
		var o data.Office
		if err := tx.Where("id = ?", id).Take(&o).Error; err != nil {
			return err
		}
		if o.Version != 0 {
			return nil
		}
		var queued int64
		if err := tx.Model(&OutboxEntry{}).Where("record_id = ?", id).Count(&queued).Error; err != nil || queued > 0 {
			return err
		}
		for _, t := range ownedTables {
			if owns, err := rowExistsWhere(tx, t, "office_id = ?", id); err != nil || owns {
				return err
			}
		}
		// Untouched copies of the shipped stages are the office's
		// setting-up, not its work; they go with it (migration 5's trigger).
		if owns, err := rowExistsWhere(tx, "stages", "office_id = ? AND "+notSeeded, id); err != nil || owns {
			return err
		}
		if err := tx.Where("key = ?", SettingOffice).Delete(&setting{}).Error; err != nil {
			return err
		}
		dropped = true
		return tx.Delete(&data.Office{}, "id = ?", id).Error
	})
	return dropped, err
}
