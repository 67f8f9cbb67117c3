package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"

	"github.com/mattn/go-sqlite3"
)

// Backup copies the database to dest with SQLite's online backup API,
// consistent while the bot runs. The copy is written next to dest, checked
// with SQLite's integrity check and only then renamed to dest; an existing
// dest is never overwritten.
func (d *DB) Backup(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("backup %s already exists: choose a new name (an existing backup is never overwritten)", dest)
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	if err := d.copyTo(ctx, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	copyDB, err := Open(ctx, tmp)
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	problems, err := copyDB.integrity(ctx)
	copyDB.Close()
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%d problem(s), first: %s", len(problems), problems[0])
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s failed its integrity check: %w", dest, err)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	return nil
}

// copyTo runs the online backup into a new file at path.
func (d *DB) copyTo(ctx context.Context, path string) error {
	dst, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath())
	if err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	defer dst.Close()
	dconn, err := dst.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	defer dconn.Close()
	sconn, err := d.sql.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backup: %w", d.explain(err))
	}
	defer sconn.Close()
	return dconn.Raw(func(dr any) error {
		return sconn.Raw(func(sr any) error {
			dc, ok1 := dr.(*sqlite3.SQLiteConn)
			sc, ok2 := sr.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("backup: not a SQLite connection")
			}
			bk, err := dc.Backup("main", sc, "main")
			if err != nil {
				return fmt.Errorf("backup to %s: %w", path, err)
			}
			// One step copies every page under one read snapshot. In WAL
			// mode the bot's writes go on meanwhile; copying in several
			// steps would restart after every write between two steps and
			// might never finish on a busy database.
			for {
				done, err := bk.Step(-1)
				if err != nil {
					bk.Finish()
					return fmt.Errorf("backup to %s: %w", path, d.explain(err))
				}
				if done {
					break
				}
				if err := ctx.Err(); err != nil {
					bk.Finish()
					return err
				}
			}
			if err := bk.Finish(); err != nil {
				return fmt.Errorf("backup to %s: %w", path, d.explain(err))
			}
			return nil
		})
	})
}

// integrity runs SQLite's integrity and foreign-key checks; nil means ok.
func (d *DB) integrity(ctx context.Context) ([]string, error) {
	var problems []string
	rows, err := d.sql.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, d.explain(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, d.explain(err)
		}
		if s != "ok" {
			problems = append(problems, "integrity: "+s)
		}
	}
	rows.Close()
	rows, err = d.sql.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, d.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return nil, d.explain(err)
		}
		problems = append(problems, fmt.Sprintf("foreign key: %s row %d points to a missing %s", table, rowid.Int64, parent))
	}
	return problems, rows.Err()
}

// Check runs SQLite's integrity check and the migrations' expectations:
// every migration this passionbot knows is applied, and none it does not
// know. It returns the problems found (none: the database is sound).
func (d *DB) Check(ctx context.Context) ([]string, error) {
	problems, err := d.integrity(ctx)
	if err != nil {
		return nil, err
	}
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	applied := map[int]string{}
	rows, err := d.sql.QueryContext(ctx, "SELECT version, name FROM schema_migrations")
	if err != nil {
		return nil, d.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			return nil, d.explain(err)
		}
		applied[v] = name
	}
	if err := rows.Err(); err != nil {
		return nil, d.explain(err)
	}
	for _, m := range ms {
		if _, ok := applied[m.Version]; !ok {
			problems = append(problems, fmt.Sprintf("migration %04d_%s is not applied: run passionbot migrate", m.Version, m.Name))
		}
		delete(applied, m.Version)
	}
	for v, name := range applied {
		problems = append(problems, fmt.Sprintf("migration %04d_%s is unknown to this passionbot: the database is from a newer version", v, name))
	}
	return problems, nil
}
