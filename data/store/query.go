package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// Filter narrows a list. Zero fields do not filter. The list views page
// through results with offset and limit; nothing loads a whole table.
type Filter struct {
	OfficeID string    // one office's records; "" for every office
	Query    string    // words searched in the title or name
	Kind     string    // agency kind, draft kind or activity type
	Status   string    // draft status
	Strategy int       // entry strategy, 1..8
	From, To data.Date // entry start date or draft planned date, inclusive
}

// listSpec says how a Filter applies to one table.
type listSpec struct {
	table     string
	search    []string // columns searched by Query
	kindCol   string
	dateCol   string
	order     string // must match an index for cheap paging
	hasStatus bool
	hasStrat  bool
}

var (
	agencySpec = listSpec{table: "agencies", search: []string{"name", "region", "contact_person"},
		kindCol: "kind", order: "name COLLATE NOCASE, id"}
	draftSpec = listSpec{table: "drafts", search: []string{"title", "election_stage"},
		kindCol: "kind", dateCol: "planned_date", order: "planned_date DESC, id DESC", hasStatus: true}
	entrySpec = listSpec{table: "entries", search: []string{"title", "location"},
		kindCol: "activity_type", dateCol: "start_date", order: "start_date DESC, id DESC", hasStrat: true}
)

// likeEscaper makes user text literal inside a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func (sp listSpec) apply(db *gorm.DB, f Filter) *gorm.DB {
	db = db.Table(sp.table).Where("deleted = 0")
	if f.OfficeID != "" {
		db = db.Where("office_id = ?", f.OfficeID)
	}
	if f.Kind != "" {
		db = db.Where(sp.kindCol+" = ?", f.Kind)
	}
	if sp.hasStatus && f.Status != "" {
		db = db.Where("status = ?", f.Status)
	}
	if sp.hasStrat && f.Strategy != 0 {
		db = db.Where("strategy = ?", f.Strategy)
	}
	if sp.dateCol != "" && !f.From.IsZero() {
		db = db.Where(sp.dateCol+" >= ?", f.From.String())
	}
	if sp.dateCol != "" && !f.To.IsZero() {
		db = db.Where(sp.dateCol+" <= ?", f.To.String())
	}
	// Every word must appear in one of the searched columns; LIKE is
	// case-insensitive for ASCII, which covers Indonesian.
	for _, w := range strings.Fields(f.Query) {
		pat := "%" + likeEscaper.Replace(w) + "%"
		conds := make([]string, len(sp.search))
		args := make([]any, len(sp.search))
		for i, c := range sp.search {
			conds[i] = c + ` LIKE ? ESCAPE '\'`
			args[i] = pat
		}
		db = db.Where("("+strings.Join(conds, " OR ")+")", args...)
	}
	return db
}

func list[T any](ctx context.Context, s *Store, sp listSpec, f Filter, offset, limit int) ([]T, error) {
	var out []T
	err := sp.apply(s.read(ctx), f).Order(sp.order).Offset(offset).Limit(limit).Find(&out).Error
	return out, err
}

func count(ctx context.Context, s *Store, sp listSpec, f Filter) (int, error) {
	var n int64
	err := sp.apply(s.read(ctx), f).Count(&n).Error
	return int(n), err
}

// Agencies returns a page of live agencies matching f, by name.
func (s *Store) Agencies(ctx context.Context, f Filter, offset, limit int) ([]data.Agency, error) {
	return list[data.Agency](ctx, s, agencySpec, f, offset, limit)
}

// CountAgencies counts the agencies matching f.
func (s *Store) CountAgencies(ctx context.Context, f Filter) (int, error) {
	return count(ctx, s, agencySpec, f)
}

// Drafts returns a page of live drafts matching f, latest planned first.
func (s *Store) Drafts(ctx context.Context, f Filter, offset, limit int) ([]data.Draft, error) {
	return list[data.Draft](ctx, s, draftSpec, f, offset, limit)
}

// CountDrafts counts the drafts matching f.
func (s *Store) CountDrafts(ctx context.Context, f Filter) (int, error) {
	return count(ctx, s, draftSpec, f)
}

// Entries returns a page of live report entries matching f, latest first.
func (s *Store) Entries(ctx context.Context, f Filter, offset, limit int) ([]data.Entry, error) {
	return list[data.Entry](ctx, s, entrySpec, f, offset, limit)
}

// CountEntries counts the report entries matching f.
func (s *Store) CountEntries(ctx context.Context, f Filter) (int, error) {
	return count(ctx, s, entrySpec, f)
}

// AgencyNames maps agency ids to names, for showing related agencies.
func (s *Store) AgencyNames(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct{ ID, Name string }
	err := s.read(ctx).Table("agencies").Select("id, name").Where("id IN ?", ids).Find(&rows).Error
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, err
}
