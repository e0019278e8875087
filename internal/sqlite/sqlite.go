// Package sqlite is the default parallax.Store: an embedded SQLite database
// through the pure-Go driver modernc.org/sqlite (no cgo).
//
// The database runs in WAL mode with a busy timeout, so that readers never
// block the one writer. Its schema is created and upgraded by ordered
// migrations embedded from migrations/NNNN_name.sql; PRAGMA user_version holds
// the number of the last one applied, and each migration runs in the same
// transaction as the version bump. Articles are keyed by a content hash chosen
// by the caller (putting the same article twice adds nothing), belong to at
// most one story, and are indexed by FTS5 over title and text without a second
// copy of the text (an external-content table); story headlines have their
// own FTS5 table. A near copy (an article with DuplicateOf set) has only its
// title indexed: its text is, give or take an edit, its original's, which is
// indexed, so a search finds the original and through it the story that holds
// the copies, without one hit per re-publication. Indexing the copies' text
// would cost most of an ingest's time on a wire-heavy stream. (A rebuild of
// articles_fts would index every body; nothing here runs one.)
//
// Writes go in batches, one transaction per Put call; a Put that returned nil
// is on disk as far as a crash of this process goes (synchronous=NORMAL in WAL
// mode: a power loss may undo the last transactions, a kill -9 does not).
//
// It does not cluster, deduplicate or analyse: callers decide stories and
// duplicates, the store keeps them.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strconv"
	"strings"

	parallax "github.com/parallax-news/parallax"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is a parallax.Store on one SQLite file.
type DB struct {
	path string
	w    *sql.DB // one connection: the only writer
	r    *sql.DB // readers
}

var _ parallax.Store = (*DB)(nil)

// Open opens (creating if needed) the database at path and brings its schema
// up to date. The path ":memory:" is not supported (readers and writer use
// separate connections); use a file in a temporary directory.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("open store %q: %w: want a plain file path", path, parallax.ErrUnsupported)
	}
	// An 8 MB page cache per connection: ingest appends rows and touches
	// few pages again, and with the pure-Go allocator a cached 16 KB page
	// costs about 20 KB of memory (32 MB caches made half of an ingest's
	// peak memory).
	common := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-8000)&_pragma=temp_store(MEMORY)"
	w, err := sql.Open("sqlite", path+"?_txlock=immediate&"+common)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	db := &DB{path: path, w: w}
	// 16 KB pages: fewer write calls and overflow pages for 3 KB texts. The
	// page size only takes on a new file, so it goes before WAL mode, which
	// is kept in the file.
	var mode string
	if _, err := w.ExecContext(ctx, "PRAGMA page_size = 16384"); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil || mode != "wal" {
		w.Close()
		return nil, fmt.Errorf("open store %s: journal mode %q: %v", path, mode, err)
	}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", path+"?_pragma=query_only(1)&"+common)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(2, runtime.GOMAXPROCS(0)))
	db.r = r
	return db, nil
}

// Close closes the database, checkpointing the WAL.
func (db *DB) Close() error {
	var errs []error
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	if db.w != nil {
		errs = append(errs, db.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close store %s: %w", db.path, err)
	}
	return nil
}

// migration is one schema step; Version is its 1-based position.
type migration struct {
	Version int
	Name    string
	SQL     string
}

// migrations returns the embedded migrations in order, checking that their
// numbers run 1, 2, 3, ... without gaps.
func migrations() ([]migration, error) {
	return loadMigrations(migrationFS, "migrations")
}

func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: %w: want NNNN_name.sql", name, parallax.ErrMalformed)
		}
		b, err := fs.ReadFile(fsys, dir+"/"+name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		ms = append(ms, migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: %w: want version %d", m.Name, parallax.ErrMalformed, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion returns the number of migrations applied to the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := db.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return applyMigrations(ctx, db.w, ms)
}

// applyMigrations runs the migrations after the database's user_version, each
// in its own transaction together with the version bump.
func applyMigrations(ctx context.Context, w *sql.DB, ms []migration) error {
	var cur int
	if err := w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if cur > len(ms) {
		return fmt.Errorf("schema version %d > %d: %w", cur, len(ms), parallax.ErrSchemaTooNew)
	}
	for _, m := range ms[cur:] {
		tx, err := w.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		// Another process may have migrated between our read and our lock.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		if now >= m.Version {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}
