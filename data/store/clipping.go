package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// The media-monitoring register (data.Clipping).

// ClippingFilter narrows the register. Zero fields do not filter.
type ClippingFilter struct {
	Filter        // OfficeID, Query (headline, outlet, summary), Kind (medium), From/To (date)
	Tone   string // one of data.Tones
	Topic  string // one topic tag
	Draft  string // clippings that cover this draft
	Hoax   string // clippings tied to this hoax case
	Agency string // clippings of this outlet
	// Offices, when not empty, limits the list to these offices (a
	// coordinator's view of the offices under it).
	Offices []string
}

var clippingSpec = listSpec{table: "clippings", search: []string{"headline", "outlet", "summary"},
	kindCol: "medium", dateCol: "clip_date", order: "clip_date DESC, id DESC"}

func (f ClippingFilter) apply(db *gorm.DB) *gorm.DB {
	db = clippingSpec.apply(db, f.Filter)
	if f.Tone != "" {
		db = db.Where("tone = ?", f.Tone)
	}
	if f.Topic != "" {
		db = db.Where("EXISTS (SELECT 1 FROM json_each(clippings.topics) WHERE value = ?)", strings.ToLower(f.Topic))
	}
	if f.Draft != "" {
		db = db.Where("EXISTS (SELECT 1 FROM json_each(clippings.draft_ids) WHERE value = ?)", f.Draft)
	}
	if f.Hoax != "" {
		db = db.Where("hoax_id = ?", f.Hoax)
	}
	if f.Agency != "" {
		db = db.Where("agency_id = ?", f.Agency)
	}
	if len(f.Offices) > 0 {
		db = db.Where("office_id IN ?", f.Offices)
	}
	return db
}

// SaveClipping creates or updates a clipping. The outlet agency it names
// must be a live agency of kind media; the drafts and the hoax case it
// links to must be live records of this office.
func (s *Store) SaveClipping(ctx context.Context, c *data.Clipping) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := clippingLinks(tx, c); err != nil {
			return err
		}
		return s.saveTx(tx, c)
	})
}

// clippingLinks checks the records a clipping points to, inside tx.
func clippingLinks(tx *gorm.DB, c *data.Clipping) error {
	var bad data.ValidationError
	if c.AgencyID != "" {
		var n int64
		if err := tx.Table("agencies").Where("id = ? AND deleted = 0 AND kind = 'media'", c.AgencyID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			bad = append(bad, data.FieldError{Field: "agency_id", Label: data.LabelOutlet, Rule: data.RuleUnknown})
		}
	}
	own, err := currentOfficeID(tx)
	if err != nil {
		return err
	}
	if len(c.DraftIDs) > 0 {
		var n int64
		if err := tx.Table("drafts").Where("id IN ? AND deleted = 0 AND office_id = ?", []string(c.DraftIDs), own).Count(&n).Error; err != nil {
			return err
		}
		if int(n) != len(c.DraftIDs) {
			bad = append(bad, data.FieldError{Field: "draft_ids", Label: data.LabelCovers, Rule: data.RuleUnknown})
		}
	}
	if c.HoaxID != "" {
		var n int64
		if err := tx.Table("hoaxes").Where("id = ? AND deleted = 0 AND office_id = ?", c.HoaxID, own).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			bad = append(bad, data.FieldError{Field: "hoax_id", Label: data.LabelHoaxCase, Rule: data.RuleUnknown})
		}
	}
	if len(bad) > 0 {
		return bad
	}
	return nil
}

// Clipping loads a live clipping.
func (s *Store) Clipping(ctx context.Context, id string) (*data.Clipping, error) {
	var c data.Clipping
	return &c, s.get(ctx, &c, id)
}

// Clippings returns a page of live clippings matching f, newest first.
func (s *Store) Clippings(ctx context.Context, f ClippingFilter, offset, limit int) ([]data.Clipping, error) {
	var out []data.Clipping
	err := f.apply(s.read(ctx)).Order(clippingSpec.order).Offset(offset).Limit(limit).Find(&out).Error
	return out, err
}

// CountClippings counts the live clippings matching f.
func (s *Store) CountClippings(ctx context.Context, f ClippingFilter) (int, error) {
	var n int64
	err := f.apply(s.read(ctx)).Count(&n).Error
	return int(n), err
}

// ClippingsBetween lists the live clippings of the offices dated between
// from and to (inclusive; zero leaves a side open), oldest first. The
// report and the pickup statistics count from it.
func (s *Store) ClippingsBetween(ctx context.Context, officeIDs []string, from, to data.Date) ([]data.Clipping, error) {
	var out []data.Clipping
	f := ClippingFilter{Filter: Filter{From: from, To: to}}
	err := f.apply(s.read(ctx)).Where("office_id IN ?", officeIDs).Order("clip_date, id").Find(&out).Error
	return out, err
}

// ClippingTopics returns the topics in use in the current office's
// register, most used first, for the form's suggestions.
func (s *Store) ClippingTopics(ctx context.Context, limit int) ([]string, error) {
	var out []string
	err := s.read(ctx).Raw(`SELECT j.value FROM clippings c, json_each(c.topics) j
		WHERE c.deleted = 0 AND c.office_id = (SELECT value FROM settings WHERE key = ?)
		GROUP BY j.value ORDER BY count(*) DESC, j.value LIMIT ?`, SettingOffice, limit).Scan(&out).Error
	return out, err
}

// ClippingByLink returns the live clipping of the current office with the
// link, or ErrNotFound. Feeds and the CSV import use it not to register
// the same article twice.
func (s *Store) ClippingByLink(ctx context.Context, link string) (*data.Clipping, error) {
	var c data.Clipping
	err := s.read(ctx).Where("deleted = 0 AND link = ? AND office_id = (SELECT value FROM settings WHERE key = ?)", link, SettingOffice).
		Order("id").Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	return &c, err
}

// MediaOutlets lists the live agencies of kind media, by name: the
// outlets a clipping can name.
func (s *Store) MediaOutlets(ctx context.Context) ([]data.Agency, error) {
	var out []data.Agency
	err := s.read(ctx).Where("deleted = 0 AND kind = 'media'").Order("name COLLATE NOCASE, id").Find(&out).Error
	return out, err
}
