package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// A migration moves the schema one version up. Migrations only add (tables,
// columns, indexes), so that an older app and the sync server can still read
// what a newer one wrote; a released migration is never edited.
type migration struct {
	version int
	name    string
	sql     []string
}

// syncColumns are the DESIGN.md sync fields every shared table starts with.
const syncColumns = `
	id          TEXT PRIMARY KEY NOT NULL,
	office_id   TEXT NOT NULL,
	version     INTEGER NOT NULL DEFAULT 0,
	server_seq  INTEGER NOT NULL DEFAULT 0,
	deleted     INTEGER NOT NULL DEFAULT 0,
	updated_at  DATETIME NOT NULL,
	updated_by  TEXT NOT NULL DEFAULT ''`

// officeFK ties a record to the office that owns it.
const officeFK = `FOREIGN KEY (office_id) REFERENCES offices(id)`

var migrations = []migration{
	{1, "initial schema", []string{
		`CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`,
		`CREATE TABLE offices (` + syncColumns + `,
			parent_id     TEXT NOT NULL DEFAULT '',
			name          TEXT NOT NULL,
			kind          TEXT NOT NULL,
			level         TEXT NOT NULL,
			region        TEXT NOT NULL DEFAULT '',
			address       TEXT NOT NULL DEFAULT '',
			phone         TEXT NOT NULL DEFAULT '',
			email         TEXT NOT NULL DEFAULT '',
			website       TEXT NOT NULL DEFAULT '',
			logo          BLOB,
			head_name     TEXT NOT NULL DEFAULT '',
			head_position TEXT NOT NULL DEFAULT '',
			head_nip      TEXT NOT NULL DEFAULT '',
			signer_place  TEXT NOT NULL DEFAULT '')`,
		`CREATE TABLE agencies (` + syncColumns + `,
			name            TEXT NOT NULL,
			kind            TEXT NOT NULL,
			level           TEXT NOT NULL DEFAULT '',
			region          TEXT NOT NULL DEFAULT '',
			address         TEXT NOT NULL DEFAULT '',
			contact_person  TEXT NOT NULL DEFAULT '',
			phone           TEXT NOT NULL DEFAULT '',
			email           TEXT NOT NULL DEFAULT '',
			website         TEXT NOT NULL DEFAULT '',
			social_accounts TEXT NOT NULL DEFAULT '[]',
			notes           TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX agencies_list ON agencies (deleted, office_id, name)`,
		`CREATE TABLE drafts (` + syncColumns + `,
			title          TEXT NOT NULL,
			body           TEXT NOT NULL DEFAULT '',
			kind           TEXT NOT NULL,
			channels       TEXT NOT NULL DEFAULT '[]',
			status         TEXT NOT NULL,
			planned_date   TEXT,
			election_stage TEXT NOT NULL DEFAULT '',
			agency_ids     TEXT NOT NULL DEFAULT '[]',
			` + officeFK + `)`,
		`CREATE INDEX drafts_list ON drafts (deleted, office_id, planned_date)`,
		`CREATE INDEX drafts_status ON drafts (deleted, status, planned_date)`,
		`CREATE TABLE entries (` + syncColumns + `,
			start_date     TEXT NOT NULL,
			end_date       TEXT NOT NULL,
			title          TEXT NOT NULL,
			activity_type  TEXT NOT NULL,
			strategy       INTEGER NOT NULL CHECK (strategy BETWEEN 1 AND 8),
			location       TEXT NOT NULL DEFAULT '',
			online         INTEGER NOT NULL DEFAULT 0,
			partner_ids    TEXT NOT NULL DEFAULT '[]',
			participants   INTEGER NOT NULL DEFAULT 0,
			outputs        INTEGER NOT NULL DEFAULT 0,
			reach          INTEGER NOT NULL DEFAULT 0,
			realised       INTEGER NOT NULL DEFAULT 0,
			obstacles      TEXT NOT NULL DEFAULT '',
			follow_up      TEXT NOT NULL DEFAULT '',
			evidence_links TEXT NOT NULL DEFAULT '[]',
			notes          TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX entries_list ON entries (deleted, office_id, start_date)`,
		`CREATE INDEX entries_strategy ON entries (deleted, strategy, start_date)`,
		`CREATE TABLE outbox (
			seq          INTEGER PRIMARY KEY AUTOINCREMENT,
			op_id        TEXT NOT NULL UNIQUE,
			kind         TEXT NOT NULL,
			record_id    TEXT NOT NULL,
			op           TEXT NOT NULL,
			base_version INTEGER NOT NULL,
			payload      TEXT NOT NULL,
			created_at   DATETIME NOT NULL)`,
		`CREATE INDEX outbox_record ON outbox (kind, record_id)`,
	}},
	{2, "photos of report entries", []string{
		`CREATE TABLE photos (` + syncColumns + `,
			entry_id TEXT NOT NULL, -- no foreign key: a synced photo may arrive before its entry
			hash     TEXT NOT NULL,
			mime     TEXT NOT NULL,
			size     INTEGER NOT NULL,
			width    INTEGER NOT NULL DEFAULT 0,
			height   INTEGER NOT NULL DEFAULT 0,
			caption  TEXT NOT NULL DEFAULT '',
			name     TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX photos_entry ON photos (entry_id, deleted)`,
		`CREATE INDEX photos_hash ON photos (hash)`,
	}},
	// The list views page in the order of these indexes (start or planned
	// date, then id), so that a page deep into 100,000 entries is a walk
	// along an index rather than a sort of the table, with and without an
	// office filter. They also hold every column that a filter or a search
	// reads (see query.go), so that a count or a LIKE search scans the
	// index, a fraction of the table's size, and never the rows with their
	// long notes and bodies.
	//
	// entries_search is a trigram index of the searched columns of
	// entries, kept by triggers, through which query.go finds the few rows
	// that hold a rare word without scanning 100,000 of them. It is keyed
	// by the entries' rowid: a VACUUM may renumber rowids, so anything that
	// ever runs one must rebuild it (DELETE FROM entries_search and the
	// INSERT … SELECT below). It stores its own copy of the text so that a
	// row can be replaced or removed by rowid alone, and detail=none keeps
	// it small: it only narrows the search; LIKE still decides.
	// Measured in docs/BENCHMARKS.md.
	{3, "list and search indexes", []string{
		`CREATE INDEX entries_order ON entries
			(deleted, start_date, id, activity_type, strategy, title, location)`,
		`CREATE INDEX entries_office_order ON entries
			(deleted, office_id, start_date, id, activity_type, strategy, title, location)`,
		`CREATE INDEX drafts_order ON drafts
			(deleted, planned_date, id, kind, status, title, election_stage)`,
		`CREATE INDEX drafts_office_order ON drafts
			(deleted, office_id, planned_date, id, kind, status, title, election_stage)`,
		`CREATE VIRTUAL TABLE entries_search USING fts5(title, location, tokenize='trigram', detail=none)`,
		`INSERT INTO entries_search (rowid, title, location) SELECT rowid, title, location FROM entries`,
		// Delete, then insert: an upsert's ON CONFLICT clause overrides the
		// conflict policy of statements inside triggers, so "INSERT OR
		// REPLACE" here would fail for rows that sync writes twice.
		`CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
			DELETE FROM entries_search WHERE rowid = new.rowid;
			INSERT INTO entries_search (rowid, title, location) VALUES (new.rowid, new.title, new.location);
		END`,
		`CREATE TRIGGER entries_search_update AFTER UPDATE OF title, location ON entries BEGIN
			DELETE FROM entries_search WHERE rowid = new.rowid;
			INSERT INTO entries_search (rowid, title, location) VALUES (new.rowid, new.title, new.location);
		END`,
		`CREATE TRIGGER entries_search_delete AFTER DELETE ON entries BEGIN
			DELETE FROM entries_search WHERE rowid = old.rowid;
		END`,
	}},
	{4, "sync state: outbox attempts and rejections, conflicts, uploaded photos", []string{
		// attempted: sent at least once, so the server may have it and it
		// must never be squashed away; rejected: the server's reason for
		// refusing it, shown to the user and kept out of later pushes.
		`ALTER TABLE outbox ADD COLUMN attempted INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE outbox ADD COLUMN rejected TEXT NOT NULL DEFAULT ''`,
		`CREATE TABLE conflicts (` + syncColumns + `,
			record_kind    TEXT NOT NULL,
			record_id      TEXT NOT NULL,
			op             TEXT NOT NULL,
			base_version   INTEGER NOT NULL,
			server_version INTEGER NOT NULL,
			device_id      TEXT NOT NULL DEFAULT '',
			mine           TEXT NOT NULL,
			theirs         TEXT NOT NULL,
			theirs_deleted INTEGER NOT NULL DEFAULT 0,
			resolved       INTEGER NOT NULL DEFAULT 0,
			resolution     TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX conflicts_open ON conflicts (deleted, resolved, office_id)`,
		`CREATE TABLE photo_uploads (hash TEXT PRIMARY KEY NOT NULL)`,
	}},
	// The content workflow (data/workflow): drafts gain a revision and
	// their publication; photos may belong to a draft and say whether they
	// show an official; the audit trail, the calendar's stages, the
	// offices' own templates and the hoax register are new synced kinds.
	// Like photos, audits and hoax cases name their draft without a
	// foreign key: a synced record may arrive before its draft.
	// stages_drop_seeds removes an office's untouched copies of the
	// shipped stages (updated_by = workflow.SeedAuthor, never synced) when
	// the office row itself is removed (store.DropPlaceholderOffice), so
	// that they do not hold it by its foreign key; anything the office
	// wrote itself still does.
	{5, "content workflow: revisions, audit trail, stages, templates, hoax register", []string{
		`ALTER TABLE drafts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE drafts ADD COLUMN published_at TEXT`,
		`ALTER TABLE drafts ADD COLUMN published_link TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE photos ADD COLUMN draft_id TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE photos ADD COLUMN shows_official INTEGER NOT NULL DEFAULT 0`,
		`CREATE INDEX photos_draft ON photos (draft_id, deleted)`,
		`CREATE TABLE audits (` + syncColumns + `,
			draft_id        TEXT NOT NULL,
			revision        INTEGER NOT NULL DEFAULT 1,
			step            INTEGER NOT NULL DEFAULT 0,
			action          TEXT NOT NULL DEFAULT '',
			from_status     TEXT NOT NULL,
			to_status       TEXT NOT NULL,
			actor_name      TEXT NOT NULL,
			actor_position  TEXT NOT NULL DEFAULT '',
			actor_role      TEXT NOT NULL DEFAULT '',
			actor_device    TEXT NOT NULL DEFAULT '',
			note            TEXT NOT NULL DEFAULT '',
			override_reason TEXT NOT NULL DEFAULT '',
			findings        INTEGER NOT NULL DEFAULT 0,
			at              DATETIME NOT NULL,
			` + officeFK + `)`,
		`CREATE INDEX audits_draft ON audits (draft_id, revision, step)`,
		`CREATE TABLE stages (` + syncColumns + `,
			key        TEXT NOT NULL DEFAULT '',
			name       TEXT NOT NULL,
			start_date TEXT NOT NULL,
			end_date   TEXT NOT NULL,
			category   TEXT NOT NULL DEFAULT 'tahapan',
			election   TEXT NOT NULL DEFAULT '',
			source     TEXT NOT NULL DEFAULT '',
			notes      TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX stages_range ON stages (deleted, office_id, start_date, end_date)`,
		`CREATE INDEX stages_key ON stages (office_id, election, key)`,
		`CREATE TRIGGER stages_drop_seeds BEFORE DELETE ON offices BEGIN
			DELETE FROM stages WHERE office_id = old.id AND version = 0 AND updated_by = 'Humas Desk (bawaan)';
		END`,
		`CREATE TABLE templates (` + syncColumns + `,
			name       TEXT NOT NULL,
			draft_kind TEXT NOT NULL,
			title      TEXT NOT NULL DEFAULT '',
			body       TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX templates_list ON templates (deleted, office_id, name)`,
		`CREATE TABLE hoaxes (` + syncColumns + `,
			claim        TEXT NOT NULL,
			platform     TEXT NOT NULL,
			link         TEXT NOT NULL DEFAULT '',
			found_at     DATETIME NOT NULL,
			draft_id     TEXT NOT NULL DEFAULT '',
			clarified_at DATETIME,
			notes        TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX hoaxes_found ON hoaxes (deleted, office_id, found_at)`,
		`CREATE INDEX hoaxes_draft ON hoaxes (draft_id, deleted)`,
	}},
	// Activities gain a state (data.EntryStates) and the reason one did
	// not take place. Existing rows get the state data.Entry.FillStatus
	// gives a record of the previous schema: dated after today (this
	// machine's local date, as data.Today) it is planned, whatever the old
	// "realised" default said; earlier it is done or not done as realised
	// says, a not-done one with data.LegacyNotDoneReason. realised stays,
	// mirroring the state, for devices of the previous schema.
	{6, "activity state: planned, done, not done with a reason", []string{
		`ALTER TABLE entries ADD COLUMN status TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE entries ADD COLUMN not_done_reason TEXT NOT NULL DEFAULT ''`,
		`UPDATE entries SET status = CASE
			WHEN start_date > date('now', 'localtime') THEN 'direncanakan'
			WHEN realised <> 0 THEN 'terlaksana'
			ELSE 'tidak_terlaksana' END`,
		`UPDATE entries SET realised = 0 WHERE status = 'direncanakan'`,
		`UPDATE entries SET not_done_reason = '` + data.LegacyNotDoneReason + `' WHERE status = 'tidak_terlaksana'`,
		`CREATE INDEX entries_status ON entries (deleted, office_id, status, start_date)`,
	}},
	// People, roles and proof (data.Person, people.go): the office's
	// people sync; audits name their actor's person id (empty: a legacy
	// typed author); an outbox entry carries the signed-in person and the
	// proof of the change (or waits for it, awaits_proof); signing keys
	// (wrapped under the person's password) and failed sign-ins are this
	// device's own and never sync.
	{7, "people, roles and proof", []string{
		`CREATE TABLE people (` + syncColumns + `,
			name        TEXT NOT NULL,
			nip         TEXT NOT NULL DEFAULT '',
			position    TEXT NOT NULL DEFAULT '',
			roles       TEXT NOT NULL DEFAULT '[]',
			active      INTEGER NOT NULL DEFAULT 1,
			verifier    TEXT NOT NULL DEFAULT '',
			must_change INTEGER NOT NULL DEFAULT 0,
			` + officeFK + `)`,
		`CREATE INDEX people_list ON people (deleted, office_id, name)`,
		`ALTER TABLE audits ADD COLUMN actor_id TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE outbox ADD COLUMN actor_id TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE outbox ADD COLUMN proof TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE outbox ADD COLUMN awaits_proof INTEGER NOT NULL DEFAULT 0`,
		`CREATE TABLE person_keys (
			person_id TEXT PRIMARY KEY NOT NULL,
			device_id TEXT NOT NULL,
			salt      BLOB NOT NULL,
			sealed    BLOB NOT NULL)`,
		`CREATE TABLE signin_failures (
			person_id TEXT PRIMARY KEY NOT NULL,
			failures  INTEGER NOT NULL,
			last_at   DATETIME NOT NULL)`,
	}},
	{8, "report number register", []string{
		`CREATE TABLE report_numbers (` + syncColumns + `,
			number      TEXT NOT NULL,
			sequence    INTEGER NOT NULL,
			pattern     TEXT NOT NULL,
			year        INTEGER NOT NULL,
			issued_on   TEXT NOT NULL,
			period_year INTEGER NOT NULL,
			quarter     INTEGER NOT NULL DEFAULT 0,
			rollup      INTEGER NOT NULL DEFAULT 0,
			format      TEXT NOT NULL DEFAULT '',
			file_name   TEXT NOT NULL DEFAULT '',
			issuer      TEXT NOT NULL DEFAULT '',
			reissue_of  TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		// One sequence per office, pattern and year: the next number is the
		// highest of it plus one (IssueReportNumber).
		`CREATE INDEX report_numbers_seq ON report_numbers (office_id, pattern, year, sequence)`,
		`CREATE INDEX report_numbers_list ON report_numbers (deleted, office_id, issued_on)`,
	}},
	migrationHistory,
	// Media monitoring (issue 14): the clipping register and the annual
	// targets, both synced; and, on this device only, the feed items seen,
	// kept so that a feed item is suggested once and never twice, also
	// across restarts (unique by link).
	{10, "media monitoring: clippings, targets, feed items", []string{
		`CREATE TABLE clippings (` + syncColumns + `,
			clip_date      TEXT NOT NULL,
			agency_id      TEXT NOT NULL DEFAULT '',
			outlet         TEXT NOT NULL DEFAULT '',
			medium         TEXT NOT NULL,
			headline       TEXT NOT NULL,
			link           TEXT NOT NULL DEFAULT '',
			summary        TEXT NOT NULL DEFAULT '',
			tone           TEXT NOT NULL,
			topics         TEXT NOT NULL DEFAULT '[]',
			election_stage TEXT NOT NULL DEFAULT '',
			draft_ids      TEXT NOT NULL DEFAULT '[]',
			hoax_id        TEXT NOT NULL DEFAULT '',
			attachment     TEXT NOT NULL DEFAULT '',
			source         TEXT NOT NULL DEFAULT 'manual',
			` + officeFK + `)`,
		// Beranda's charts count a year by month and tone (and by strategy
		// below) from the indexes alone, without reading the rows: under
		// 100 ms at 100,000 rows (BenchmarkCharts).
		`CREATE INDEX clippings_date ON clippings (deleted, office_id, clip_date, tone, medium)`,
		`CREATE INDEX entries_done ON entries (deleted, office_id, status, start_date, strategy, activity_type)`,
		`CREATE INDEX clippings_link ON clippings (link)`,
		`CREATE TABLE targets (` + syncColumns + `,
			year   INTEGER NOT NULL,
			items  TEXT NOT NULL DEFAULT '[]',
			notes  TEXT NOT NULL DEFAULT '',
			` + officeFK + `)`,
		`CREATE INDEX targets_year ON targets (deleted, office_id, year)`,
		`CREATE TABLE feed_items (
			link       TEXT PRIMARY KEY NOT NULL,
			feed_url   TEXT NOT NULL,
			title      TEXT NOT NULL,
			summary    TEXT NOT NULL DEFAULT '',
			published  DATETIME,
			matched    TEXT NOT NULL DEFAULT '',
			state      TEXT NOT NULL DEFAULT 'baru',
			clipping_id TEXT NOT NULL DEFAULT '',
			fetched_at DATETIME NOT NULL)`,
		`CREATE INDEX feed_items_state ON feed_items (state, published)`,
	}},
	// Documents attached to entries and drafts (data.Attachment). Their
	// files share the photos' content-addressed folder and upload marks
	// (photo_uploads holds hashes, whatever the file).
	{11, "attachments: documents of entries and drafts", []string{
		`CREATE TABLE attachments (` + syncColumns + `,
			entry_id TEXT NOT NULL DEFAULT '',
			draft_id TEXT NOT NULL DEFAULT '',
			hash     TEXT NOT NULL,
			mime     TEXT NOT NULL,
			size     INTEGER NOT NULL,
			name     TEXT NOT NULL,
			` + officeFK + `)`,
		`CREATE INDEX attachments_entry ON attachments (entry_id, deleted)`,
		`CREATE INDEX attachments_draft ON attachments (draft_id, deleted)`,
		`CREATE INDEX attachments_hash ON attachments (hash)`,
	}},
}

// SchemaVersion is the schema this build writes.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// ErrNewerSchema means the file was written by a newer Humas Desk.
type ErrNewerSchema struct{ Have, Know int }

func (e ErrNewerSchema) Error() string {
	return fmt.Sprintf("database ini dibuat oleh versi Humas Desk yang lebih baru (skema %d, versi ini mengenal sampai %d); perbarui aplikasi, data tidak diubah", e.Have, e.Know)
}

// migrate applies every pending migration, each in its own transaction
// together with its row in schema_migrations, so that a crash leaves the
// file at a whole version.
func migrate(ctx context.Context, db *gorm.DB) error { return migrateTo(ctx, db, SchemaVersion()) }

// migrateTo applies the pending migrations up to version target only. Open
// always goes to SchemaVersion(); a lower target is for the schema fixtures
// (backup_fixture_test.go), which need databases as older versions left them.
func migrateTo(ctx context.Context, db *gorm.DB, target int) error {
	db = db.WithContext(ctx)
	if err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)`).Error; err != nil {
		return fmt.Errorf("tabel migrasi tidak dapat dibuat: %w", err)
	}
	var have int
	if err := db.Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have).Error; err != nil {
		return err
	}
	if have > SchemaVersion() {
		return ErrNewerSchema{Have: have, Know: SchemaVersion()}
	}
	for _, m := range migrations {
		if m.version <= have || m.version > target {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			for _, stmt := range m.sql {
				if err := tx.Exec(stmt).Error; err != nil {
					return err
				}
			}
			return tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, time.Now().UTC()).Error
		})
		if err != nil {
			return fmt.Errorf("migrasi %d (%s) gagal: %w", m.version, m.name, err)
		}
	}
	return nil
}
