// Package server is Humas Desk's central sync server: its store (SQLite by
// default, PostgreSQL at scale), the /v1 HTTP API, and the administration
// an operator does from the command line. It never imports Fyne and builds
// with CGO_ENABLED=0.
package server

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"
)

// Store is the server's database.
type Store struct {
	db       *gorm.DB
	rd       *gorm.DB // SQLite: read-only connections beside the one writer; else nil
	postgres bool
	hooks    Hooks
	// writers bounds the writes of this process that wait for the feed
	// lock at once. The locked sections are serialised anyway; without a
	// bound, on PostgreSQL every pooled connection could sit blocked on it
	// under a burst of pushes, and pulls would wait for a connection. A
	// few waiting in PostgreSQL (rather than one) hand the lock on without
	// a round trip in between. A push decides its ops before it passes
	// this gate (pushwrite.go).
	writers chan struct{}
	seen    lastSeen // devices' last push, written at most once a minute
	pg      pgGroup  // PostgreSQL: the committers of pushes (pushwrite_pg.go)
}

// reader is the handle for reads that need no transaction. On SQLite they
// get connections of their own (WAL lets them run beside the writer), so
// that pulls and token checks do not queue behind pushes on the single
// write connection; on PostgreSQL the one pool serves both.
func (s *Store) reader() *gorm.DB {
	if s.rd != nil {
		return s.rd
	}
	return s.db
}

// Hooks let fault-injection tests stop the process at chosen points of a
// write; production code leaves them nil.
type Hooks struct {
	BeforePushCommit func() // a push's writes are decided, not committed (PostgreSQL: before the one statement that writes and commits them)
	AfterPushCommit  func() // after commit, before the reply is written
	MidChanges       func() // after a page of changes is read, before it is sent
}

// SetHooks installs fault-injection hooks.
func (s *Store) SetHooks(h Hooks) { s.hooks = h }

func call(f func()) {
	if f != nil {
		f()
	}
}

// The server's tables. Records of every kind share one table: the server
// orders, scopes and versions them but never needs their fields, which it
// keeps as the JSON the app sent (so fields it does not know survive).

// Office is an office in the registry, made by the administrator.
type Office struct {
	ID        string `gorm:"primaryKey"`
	Name      string
	Kind      string
	Level     string
	ParentID  string `gorm:"index"`
	CreatedAt time.Time
}

// Device is an enrolled installation of the app, bound to one office.
type Device struct {
	ID        string `gorm:"primaryKey"`
	OfficeID  string `gorm:"index"`
	Name      string
	TokenHash []byte
	CreatedAt time.Time
	RevokedAt *time.Time
	LastSeen  *time.Time
}

// Enrollment is a one-time code that an office's device exchanges for a
// token. Only the code's hash is kept.
type Enrollment struct {
	CodeHash  string `gorm:"primaryKey"`
	OfficeID  string
	ExpiresAt time.Time
	UsedAt    *time.Time
	DeviceID  string
	CreatedAt time.Time
}

// Record is one synced record.
type Record struct {
	ID        string `gorm:"primaryKey"`
	Kind      string
	OfficeID  string `gorm:"index:records_office_seq,priority:1"`
	Version   int64
	ServerSeq int64 `gorm:"uniqueIndex;index:records_office_seq,priority:2"`
	Deleted   bool
	UpdatedAt time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy string
	Data      string
	// Ref is what the record points at outside the feed: a photo's hash.
	// Reads of attachments are authorised by their uploaders
	// (AttachmentOffice); Ref named them for attachments stored before.
	Ref string `gorm:"index"`
}

// OpLog remembers every op's result, so that a replayed push is answered
// with what happened the first time.
type OpLog struct {
	DeviceID  string `gorm:"primaryKey"`
	OpID      string `gorm:"primaryKey"`
	OpSeq     int64
	Result    string
	CreatedAt time.Time
}

// Attachment is a photo, kept by the SHA-256 of its bytes.
type Attachment struct {
	Hash      string `gorm:"primaryKey"`
	Mime      string
	Size      int64
	Bytes     []byte
	CreatedAt time.Time
}

// Feed is the one-row counter of the change feed. Every write takes its
// row lock for the whole transaction, so server_seq values commit in the
// order they are handed out: a reader that has seen seq N can never later
// find a row below N commit (DESIGN.md, "Ordering on PostgreSQL").
type Feed struct {
	ID  int `gorm:"primaryKey"`
	Seq int64
}

// pgWriters is how many writes of one process may wait for the feed lock
// on PostgreSQL; the other pooled connections stay free for reads.
var pgWriters = 4

// OpenStore opens the server database: a postgres:// or postgresql://
// URL selects PostgreSQL; anything else is a SQLite file path.
func OpenStore(dsn string) (*Store, error) {
	cfg := &gorm.Config{Logger: logger.Default.LogMode(logger.Silent), SkipDefaultTransaction: true,
		NowFunc: func() time.Time { return time.Now().UTC() }}
	s := &Store{postgres: strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://"), pg: pgGroup{quit: make(chan struct{})}}
	var err error
	if s.postgres {
		s.db, err = gorm.Open(postgres.Open(dsn), cfg)
	} else {
		s.db, err = gorm.Open(sqlite.Open(dsn+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"), cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("database server tidak dapat dibuka: %w", err)
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, err
	}
	if s.postgres {
		sqlDB.SetMaxOpenConns(20)
		s.writers = make(chan struct{}, pgWriters)
	} else {
		s.writers = make(chan struct{}, 1)
		sqlDB.SetMaxOpenConns(1) // one writer; SQLite serialises writes anyway
	}
	if err := s.migrate(); err != nil {
		s.Close()
		return nil, err
	}
	if !s.postgres {
		if s.rd, err = gorm.Open(sqlite.Open(dsn+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)"), cfg); err != nil {
			s.Close()
			return nil, fmt.Errorf("database server tidak dapat dibuka: %w", err)
		}
		if rdDB, err := s.rd.DB(); err == nil {
			rdDB.SetMaxOpenConns(4)
			rdDB.SetMaxIdleConns(4) // reopening one parses the schema again
		}
	}
	return s, nil
}

// migrate creates what is missing. AutoMigrate only adds tables, columns
// and indexes, never drops, which is the schema rule of DESIGN.md.
func (s *Store) migrate() error {
	if err := s.db.AutoMigrate(&Office{}, &Device{}, &Enrollment{}, &Record{}, &OpLog{}, &Attachment{}, &Feed{}, &Secret{}); err != nil {
		return fmt.Errorf("migrasi database server gagal: %w", err)
	}
	if err := s.migrateUploaders(); err != nil {
		return fmt.Errorf("migrasi database server gagal: %w", err)
	}
	if err := s.ensureSecret(); err != nil {
		return fmt.Errorf("rahasia server tidak dapat dibuat: %w", err)
	}
	return s.db.Clauses(clause.OnConflict{DoNothing: true}).Create(&Feed{ID: 1}).Error
}

// Close closes the database.
func (s *Store) Close() error {
	s.pg.stop.Do(func() { close(s.pg.quit) })
	if s.rd != nil {
		if rdDB, err := s.rd.DB(); err == nil {
			rdDB.Close()
		}
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// write runs fn in a transaction holding the feed lock; next hands out the
// following server_seq values.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB, next func() int64) error) error {
	if s.writers != nil {
		s.writers <- struct{}{}
		defer func() { <-s.writers }()
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var f Feed
		q := tx
		if s.postgres {
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		if err := q.Where("id = 1").Take(&f).Error; err != nil {
			return err
		}
		seq := f.Seq
		next := func() int64 { seq++; return seq }
		if err := fn(tx, next); err != nil {
			return err
		}
		if seq == f.Seq {
			return nil
		}
		return tx.Model(&Feed{}).Where("id = 1").Update("seq", seq).Error
	})
}

// officeTree returns the ids of the office and every office under it. One
// recursive query along the parent index (SQLite and PostgreSQL alike):
// reading the whole registry on every pull was a third of the server's
// time with 200 offices syncing at once.
func (s *Store) officeTree(ctx context.Context, id string) ([]string, error) {
	var out []string
	err := s.reader().WithContext(ctx).Raw(`WITH RECURSIVE tree(id) AS (
			SELECT CAST(? AS TEXT)
			UNION SELECT o.id FROM offices o JOIN tree ON o.parent_id = tree.id
		) SELECT id FROM tree`, id).Scan(&out).Error
	return out, err
}

// ErrNotFound is returned for a missing office, device or attachment.
var ErrNotFound = errors.New("tidak ditemukan")
