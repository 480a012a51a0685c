package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// The backend switch of the server tests (exported to server_test, as an
// export_test file would). By default every test runs on a SQLite file;
// with HUMASDESK_TEST_BACKEND=postgres the same tests run on PostgreSQL,
// each on a database of its own made from the server that
// HUMASDESK_TEST_PG names (scripts/postgres.sh starts one and says its
// URL; scripts/test.sh runs the package both ways). Without a reachable
// server the PostgreSQL run skips with a message, and fails in CI.

// BackendForTests is "sqlite" or "postgres".
func BackendForTests() string {
	if os.Getenv("HUMASDESK_TEST_BACKEND") == "postgres" {
		return "postgres"
	}
	return "sqlite"
}

var (
	pgOnce  sync.Once
	pgAdmin *gorm.DB
	pgErr   error
)

// NewTestDB returns the DSN of a new, empty server database for one test:
// a SQLite file in the test's temporary folder, or a PostgreSQL database
// that is dropped when the test ends.
func NewTestDB(tb testing.TB) string {
	tb.Helper()
	switch b := os.Getenv("HUMASDESK_TEST_BACKEND"); b {
	case "", "sqlite":
		return filepath.Join(tb.TempDir(), "server.db")
	case "postgres":
	default:
		tb.Fatalf("HUMASDESK_TEST_BACKEND=%q: want sqlite or postgres", b)
	}
	admin := postgresForTests(tb)
	raw := make([]byte, 8)
	rand.Read(raw)
	name := "t_" + hex.EncodeToString(raw)
	if err := admin.Exec("CREATE DATABASE " + name).Error; err != nil {
		tb.Fatalf("CREATE DATABASE %s: %v", name, err)
	}
	// Registered before anything the test opens on it, so it runs last.
	tb.Cleanup(func() {
		if err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").Error; err != nil {
			tb.Errorf("DROP DATABASE %s: %v", name, err)
		}
	})
	u, _ := url.Parse(os.Getenv("HUMASDESK_TEST_PG"))
	u.Path = "/" + name
	return u.String()
}

// postgresForTests connects once to HUMASDESK_TEST_PG; without it the test
// skips, or fails when CI is set.
func postgresForTests(tb testing.TB) *gorm.DB {
	tb.Helper()
	pgOnce.Do(func() {
		dsn := os.Getenv("HUMASDESK_TEST_PG")
		if dsn == "" {
			pgErr = fmt.Errorf("HUMASDESK_TEST_PG is not set")
			return
		}
		if u, err := url.Parse(dsn); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			pgErr = fmt.Errorf("HUMASDESK_TEST_PG=%q is not a postgres:// URL", dsn)
			return
		}
		db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
		if err == nil {
			var sqlDB interface{ Ping() error }
			if sqlDB, err = db.DB(); err == nil {
				err = sqlDB.Ping()
			}
		}
		if err != nil {
			pgErr = fmt.Errorf("PostgreSQL at HUMASDESK_TEST_PG is not reachable: %w", err)
			return
		}
		pgAdmin = db
	})
	if pgErr != nil {
		msg := fmt.Sprintf("PostgreSQL tests: %v. Start a throwaway server with "+
			"`eval \"$(./scripts/postgres.sh start)\"` (scripts/test.sh does) and run with HUMASDESK_TEST_BACKEND=postgres", pgErr)
		if os.Getenv("CI") != "" {
			tb.Fatal(msg + " (CI is set: not skipping)")
		}
		tb.Skip(msg)
	}
	return pgAdmin
}

// RawDBForTests is the store's database handle, for tests that check the
// tables themselves.
func RawDBForTests(s *Store) *gorm.DB { return s.db }

// LoadForTests writes records as one administrator's write would, fast:
// in batches of one transaction each under the feed lock, each record at
// version 1 with the next server_seq. The benchmarks fill a server with
// it instead of through 100,000 pushes. Kind, ID, OfficeID, UpdatedAt,
// UpdatedBy and Data are taken from recs; the rest is set here.
func LoadForTests(ctx context.Context, s *Store, recs []Record) error {
	const batch = 1000
	for i := 0; i < len(recs); i += batch {
		part := recs[i:min(i+batch, len(recs))]
		err := s.write(ctx, func(tx *gorm.DB, next func() int64) error {
			for j := range part {
				part[j].Version, part[j].ServerSeq, part[j].Deleted = 1, next(), false
			}
			return tx.CreateInBatches(part, 500).Error
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// TestPostgresBackend says which backend this run uses: on PostgreSQL it
// checks that the server is reachable (failing in CI when it is not); on
// SQLite it skips, saying how to run the package on PostgreSQL.
func TestPostgresBackend(t *testing.T) {
	if BackendForTests() == "postgres" {
		postgresForTests(t)
		return
	}
	t.Skip("server tests ran on SQLite; for PostgreSQL: eval \"$(./scripts/postgres.sh start)\" and " +
		"HUMASDESK_TEST_BACKEND=postgres go test ./server (scripts/test.sh runs both)")
}
