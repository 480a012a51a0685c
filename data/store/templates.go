package store

import (
	"context"
	"errors"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Content templates: the four that ship (workflow.DefaultTemplates, ids
// starting "bawaan/", never stored) and the office's own, stored and
// synced as data.Template records.

// ErrBuiltinTemplate refuses saving over a shipped template.
var ErrBuiltinTemplate = errors.New("templat bawaan tidak dapat diubah; simpan sebagai templat baru milik kantor")

// SaveTemplate creates or updates one of the office's own templates.
func (s *Store) SaveTemplate(ctx context.Context, t *data.Template) error {
	if workflow.IsBuiltin(t.ID) {
		return ErrBuiltinTemplate
	}
	return s.save(ctx, t)
}

// Template loads a shipped template or a live one of an office.
func (s *Store) Template(ctx context.Context, id string) (*data.Template, error) {
	if workflow.IsBuiltin(id) {
		t, ok := workflow.DefaultTemplate(id)
		if !ok {
			return nil, ErrNotFound
		}
		return &t, nil
	}
	var t data.Template
	return &t, s.get(ctx, &t, id)
}

// Templates lists the shipped templates, then the current office's own by
// name; draftKind, when not "", keeps only templates for that kind.
func (s *Store) Templates(ctx context.Context, draftKind string) ([]data.Template, error) {
	var out []data.Template
	for _, t := range workflow.DefaultTemplates() {
		if draftKind == "" || t.DraftKind == draftKind {
			out = append(out, t)
		}
	}
	q := s.read(ctx).Where("deleted = 0 AND office_id = (SELECT value FROM settings WHERE key = ?)", SettingOffice)
	if draftKind != "" {
		q = q.Where("draft_kind = ?", draftKind)
	}
	var own []data.Template
	err := q.Order("name COLLATE NOCASE, id").Find(&own).Error
	return append(out, own...), err
}

// DraftFromTemplate starts a draft (not saved) from a template for the
// current office, the chosen agencies and day: see workflow.NewDraft.
func (s *Store) DraftFromTemplate(ctx context.Context, templateID string, agencyIDs []string, day data.Date) (*data.Draft, error) {
	t, err := s.Template(ctx, templateID)
	if err != nil {
		return nil, err
	}
	office, err := s.CurrentOffice(ctx)
	if err != nil {
		return nil, err
	}
	var agencies []data.Agency
	if len(agencyIDs) > 0 {
		var found []data.Agency
		if err := s.read(ctx).Where("id IN ? AND deleted = 0", agencyIDs).Find(&found).Error; err != nil {
			return nil, err
		}
		byID := map[string]data.Agency{}
		for _, a := range found {
			byID[a.ID] = a
		}
		for _, id := range agencyIDs { // in the order chosen
			if a, ok := byID[id]; ok {
				agencies = append(agencies, a)
			}
		}
	}
	d := workflow.NewDraft(*t, *office, agencies, day)
	return &d, nil
}
