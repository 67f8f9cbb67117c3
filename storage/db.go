// Package storage keeps passionbot's data in SQLite through database/sql and
// github.com/mattn/go-sqlite3: WAL journal, busy timeout, foreign keys on,
// and embedded, versioned migrations. Every statement is parameterized.
// One file per concern: members.go, roles.go, …
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is passionbot's database.
type DB struct {
	sql  *sql.DB
	path string
	now  func() time.Time
}

// Open opens (creating if needed) the SQLite file at path. It does not
// migrate; call Migrate. A missing folder, an unwritable file or a file that
// is not a database is reported as a clear error. A new file is created
// with mode 0600, as it holds members' data; SQLite gives its -wal and -shm
// files the database file's mode. An existing file keeps the mode the
// operator gave it.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("no database path configured")
	}
	if dir := filepath.Dir(path); dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("database folder %q does not exist: create it first or choose another --db path", dir)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("database folder %q is not a folder", dir)
		}
	}
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	// The path is escaped so that "#", "?" and "%" in a file name stay part
	// of it instead of starting SQLite URI parameters.
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	d := &DB{sql: db, path: path, now: time.Now}
	if err := d.ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

// createPrivate creates an empty file at path with mode 0600 unless one
// exists (SQLite would otherwise create it with 0644 less the umask).
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("database %s cannot be created: check the folder's permissions: %w", path, err)
	}
	return f.Close()
}

// ping checks that the file is a writable SQLite database.
func (d *DB) ping(ctx context.Context) error {
	var mode string
	if err := d.sql.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return d.explain(err)
	}
	if _, err := d.sql.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"); err != nil {
		return d.explain(err)
	}
	return nil
}

// explain turns SQLite's error codes into a sentence an operator can act on.
func (d *DB) explain(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
			return fmt.Errorf("database %s is not a valid SQLite file (corrupt or another kind of file): restore a backup or move it away: %w", d.path, err)
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm, sqlite3.ErrReadonly, sqlite3.ErrAuth:
			return fmt.Errorf("database %s cannot be opened for writing: check the file's and folder's permissions: %w", d.path, err)
		case sqlite3.ErrFull:
			return fmt.Errorf("database %s: the disk is full: free space (members can still delete their data): %w", d.path, err)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return fmt.Errorf("database %s is busy (locked by another process): %w", d.path, err)
		}
	}
	return fmt.Errorf("database %s: %w", d.path, err)
}

// SetClock sets the clock the store reads "now" from (tests run on a fake
// clock); the default is time.Now.
func (d *DB) SetClock(now func() time.Time) { d.now = now }

// Close closes the database.
func (d *DB) Close() error { return d.sql.Close() }

// Path returns the database file's path.
func (d *DB) Path() string { return d.path }

// SQL returns the underlying handle, for packages that add their own tables.
func (d *DB) SQL() *sql.DB { return d.sql }

// Migration is one embedded schema step.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the embedded migrations in version order. File names
// are NNNN_name.sql.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %q is not named NNNN_name.sql", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Migrate applies the migrations not yet applied, each in its own
// transaction, and returns the versions it applied. A database from a newer
// passionbot (a version this binary does not know) is refused.
func (d *DB) Migrate(ctx context.Context) ([]int, error) {
	todo, err := d.pending(ctx)
	if err != nil {
		return nil, err
	}
	var applied []int
	for _, m := range todo {
		if err := d.apply(ctx, m); err != nil {
			return applied, fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, d.explain(err))
		}
		applied = append(applied, m.Version)
	}
	return applied, nil
}

// pending returns the known migrations not applied yet, in order; a
// database from a newer passionbot is refused.
func (d *DB) pending(ctx context.Context) ([]Migration, error) {
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	current, err := d.Version(ctx)
	if err != nil {
		return nil, err
	}
	if n := len(ms); n > 0 && current > ms[n-1].Version {
		return nil, fmt.Errorf("database %s has schema version %d, newer than this passionbot knows (%d): upgrade passionbot", d.path, current, ms[n-1].Version)
	}
	var out []Migration
	for _, m := range ms {
		if m.Version > current {
			out = append(out, m)
		}
	}
	return out, nil
}

func (d *DB) apply(ctx context.Context, m Migration) error {
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have applied it since Migrate looked (the
	// transaction holds the write lock from its start: _txlock=immediate).
	var done int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", m.Version).Scan(&done); err != nil {
		return err
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", m.Version, m.Name, d.now().Unix()); err != nil {
		return err
	}
	return tx.Commit()
}

// Pending returns how many known migrations are not applied yet.
func (d *DB) Pending(ctx context.Context) (int, error) {
	todo, err := d.pending(ctx)
	return len(todo), err
}

// Version returns the highest applied migration (0 on a new file).
func (d *DB) Version(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := d.sql.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&v); err != nil {
		return 0, d.explain(err)
	}
	return int(v.Int64), nil
}
