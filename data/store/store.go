// Package store keeps Humas Desk's records in one local SQLite file through
// gorm and the pure-Go glebarez/sqlite driver.
//
// The file is opened in WAL mode with foreign keys on and a busy timeout.
// Writes go through one connection in IMMEDIATE transactions, so that two
// processes on the same file wait for each other instead of failing; reads
// use a separate pool and never block on a writer. Every change to a shared
// record writes its outbox entry in the same transaction (see outbox.go).
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store is an open local database.
type Store struct {
	path string
	rw   *gorm.DB // one connection: the only writer in this process
	ro   *gorm.DB // a pool of query-only connections

	mu      sync.Mutex // guards user and session: the UI and sync run at once
	user    string     // written to updated_by: the signed-in person's name
	session *session   // the signed-in person, nil when nobody is
	// now is the clock of sign-in rate limiting; tests move it.
	now func() time.Time

	gen     atomic.Uint64 // bumped by every write, so caches of reads know
	anchors anchorCache   // of the lists' deep pages (keyset.go)
}

// ErrNotFound is returned for a record that does not exist or is deleted.
var ErrNotFound = errors.New("data tidak ditemukan")

// busyTimeout is how long a writer waits for another process's write.
const busyTimeout = 10 * time.Second

// DefaultPath is the database file in the user's configuration folder,
// used when neither --db nor HUMASDESK_DB names one.
func DefaultPath() (string, error) {
	if p := os.Getenv("HUMASDESK_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("folder konfigurasi pengguna tidak ditemukan: %w", err)
	}
	return filepath.Join(dir, "humasdesk", "humasdesk.db"), nil
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_txlock", "immediate")
	}
	return path + "?" + q.Encode()
}

func openGorm(path string, readOnly bool) (*gorm.DB, error) {
	return gorm.Open(sqlite.Open(dsn(path, readOnly)), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		SkipDefaultTransaction: true, // the store opens its own transactions
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
}

// Open opens (creating if needed) the database at path, migrates it to the
// current schema, and makes sure an office profile exists.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("folder database %s tidak dapat dibuat: %w", dir, err)
		}
	}
	// Permissions, a newer schema refused untouched, a copy before a
	// migration: see backup.go.
	if err := prepareOpen(context.Background(), path); err != nil {
		return nil, err
	}
	rw, err := openGorm(path, false)
	if err != nil {
		return nil, fmt.Errorf("database %s tidak dapat dibuka: %w", path, err)
	}
	s := &Store{path: path, rw: rw, user: "pengguna", now: time.Now}
	if err := s.configure(); err != nil {
		s.Close()
		return nil, err
	}
	// Before migrating: a migration may expect the indexes that a bulk
	// load cut short (a crash mid first sync) had dropped. If that fails
	// (a full disk, say), the data is still whole and every query still
	// answers, only slower; the next sync round tries again.
	_ = finishBulkLoad(context.Background(), rw)
	if err := migrate(context.Background(), rw); err != nil {
		s.Close()
		return nil, err
	}
	if s.ro, err = openGorm(path, true); err != nil {
		s.Close()
		return nil, fmt.Errorf("database %s tidak dapat dibuka: %w", path, err)
	}
	if err := s.ensureOffice(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	// Edits are signed with the installation's local user (Pengaturan).
	if name, err := s.Setting(context.Background(), SettingUser, ""); err == nil {
		s.SetUser(name)
	}
	return s, nil
}

func (s *Store) configure() error {
	sqlDB, err := s.rw.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(1)
	var mode string
	if err := s.rw.Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil {
		return fmt.Errorf("database %s tidak dapat dibaca (bukan file SQLite?): %w", s.path, err)
	}
	if mode != "wal" {
		return fmt.Errorf("database %s tidak dapat memakai mode WAL (mode %q)", s.path, mode)
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// SetUser names who makes the following edits, for display in updated_by.
// SignIn sets it to the person's name: updated_by stays a display name
// (as every older device and the server's envelope expect); who made a
// change is proven by the outbox entry's actor and proof and, for the
// workflow, by the audit's ActorID (docs/SYNC.md).
func (s *Store) SetUser(name string) {
	if name != "" {
		s.mu.Lock()
		s.user = name
		s.mu.Unlock()
	}
}

// author is the name written to updated_by.
func (s *Store) author() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user
}

// Close closes both handles.
func (s *Store) Close() error {
	var errs []error
	for _, db := range []*gorm.DB{s.ro, s.rw} {
		if db == nil {
			continue
		}
		if sqlDB, err := db.DB(); err == nil {
			errs = append(errs, sqlDB.Close())
		}
	}
	return errors.Join(errs...)
}

// write runs fn in one IMMEDIATE transaction on the writer connection.
// The outbox entries it writes are signed by the signed-in person, unless
// ctx says otherwise (see signer).
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	defer s.gen.Add(1) // after the commit (or rollback)
	return s.rw.WithContext(s.signing(ctx)).Transaction(fn)
}

// read returns the query-only handle for ctx.
func (s *Store) read(ctx context.Context) *gorm.DB { return s.ro.WithContext(ctx) }
