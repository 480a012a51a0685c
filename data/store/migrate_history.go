package store

// migrationHistory adds the two local, never-synced tables of history.go
// and unsaved.go. It is kept apart from migrate.go's list (which only
// names it) so that migrations added by other work merge without
// touching each other's text; its number is the next free one.
//
// record_history holds every earlier version of a record this device
// replaced: by a local save (source "local", in the save's transaction)
// or by a pulled change (source "sync", in the page's transaction).
// payload is the replaced version as JSON, author and at its updated_by
// and updated_at; replaced_at/replaced_by say when this device replaced
// it and who did (the signed-in person, or the sync).
//
// unsaved_forms keeps what a form holds while it is being edited and not
// yet saved, one row per form and record ("" for a new one), so that the
// next start can offer it back after a crash or a power cut.
var migrationHistory = migration{9, "local history of records and unsaved forms", []string{
	`CREATE TABLE record_history (
		seq         INTEGER PRIMARY KEY AUTOINCREMENT,
		kind        TEXT NOT NULL,
		record_id   TEXT NOT NULL,
		version     INTEGER NOT NULL DEFAULT 0,
		author      TEXT NOT NULL DEFAULT '',
		at          DATETIME NOT NULL,
		replaced_at DATETIME NOT NULL,
		replaced_by TEXT NOT NULL DEFAULT '',
		source      TEXT NOT NULL,
		payload     TEXT NOT NULL)`,
	`CREATE INDEX record_history_record ON record_history (kind, record_id, seq)`,
	`CREATE TABLE unsaved_forms (
		form      TEXT NOT NULL,
		record_id TEXT NOT NULL DEFAULT '',
		label     TEXT NOT NULL DEFAULT '',
		payload   TEXT NOT NULL,
		saved_at  DATETIME NOT NULL,
		PRIMARY KEY (form, record_id))`,
}}
