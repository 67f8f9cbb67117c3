package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// Backup copies the database to dest with SQLite's online backup API,
// consistent while the bot runs. The copy is written to a new file of its
// own next to dest (mode 0600: it holds every member's data), checked
// with SQLite's integrity check and only then linked to dest, which fails
// when dest exists: an existing file is never overwritten, even by a
// backup started at the same moment. The temporary file and SQLite's
// journal and WAL files beside it are removed whatever happens.
func (d *DB) Backup(ctx context.Context, dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		return backupExists(dest)
	}
	f, err := os.CreateTemp(filepath.Dir(dest), filepath.Base(dest)+".partial-*")
	if err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	tmp := f.Name()
	f.Close()
	defer removeWithSidecars(tmp)
	if err := d.copyTo(ctx, tmp); err != nil {
		return err
	}
	if err := verifyCopy(ctx, tmp); err != nil {
		return fmt.Errorf("backup %s failed its integrity check: %w", dest, err)
	}
	return publish(tmp, dest)
}

// backupExists is the error for a dest that is already there.
func backupExists(dest string) error {
	return fmt.Errorf("backup %s already exists: choose a new name (an existing backup is never overwritten)", dest)
}

// verifyCopy runs SQLite's integrity and foreign-key checks on the copy.
func verifyCopy(ctx context.Context, path string) error {
	copyDB, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer copyDB.Close()
	problems, err := copyDB.integrity(ctx)
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%d problem(s), first: %s", len(problems), problems[0])
	}
	return err
}

// publish gives the finished copy at tmp the name dest, failing when dest
// exists: a hard link, or where the file system has none, a new file
// created with O_EXCL and filled from tmp.
func publish(tmp, dest string) error {
	err := os.Link(tmp, dest)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return backupExists(dest)
	}
	if err := copyExcl(tmp, dest); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return backupExists(dest)
		}
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	return nil
}

// copyExcl copies src to a new file dst (mode 0600) that must not exist.
func copyExcl(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst) // ours: created above
	}
	return err
}

// removeWithSidecars removes the SQLite file at path and the rollback
// journal, WAL and shared-memory files SQLite may have left beside it (a
// copy that failed half-way left its -journal).
func removeWithSidecars(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
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
	sound := len(problems)
	for _, m := range ms {
		if _, ok := applied[m.Version]; !ok {
			problems = append(problems, fmt.Sprintf("migration %04d_%s is not applied: run passionbot migrate", m.Version, m.Name))
		}
		delete(applied, m.Version)
	}
	for v, name := range applied {
		problems = append(problems, fmt.Sprintf("migration %04d_%s is unknown to this passionbot: the database is from a newer version", v, name))
	}
	if len(problems) > sound {
		// Pending or unknown migrations: the schema differs for that
		// reason, and migrating (or upgrading) comes first.
		return problems, nil
	}
	schema, err := d.schemaProblems(ctx)
	if err != nil {
		return nil, err
	}
	return append(problems, schema...), nil
}

// schemaProblems compares the database's tables, indexes and triggers with
// those the migrations create in a fresh in-memory database: anything
// missing, changed or unknown is a problem.
func (d *DB) schemaProblems(ctx context.Context) ([]string, error) {
	mem, err := sql.Open("sqlite3", "file:check?mode=memory&_foreign_keys=on")
	if err != nil {
		return nil, err
	}
	defer mem.Close()
	mem.SetMaxOpenConns(1) // one in-memory database
	fresh := &DB{sql: mem, path: "(the migrations)", now: d.now}
	if err := fresh.ping(ctx); err != nil {
		return nil, err
	}
	if _, err := fresh.Migrate(ctx); err != nil {
		return nil, err
	}
	want, err := fresh.schema(ctx)
	if err != nil {
		return nil, err
	}
	got, err := d.schema(ctx)
	if err != nil {
		return nil, err
	}
	var problems []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("schema: %s is missing: restore a backup, or ask for help", strings.SplitN(w, "\x00", 2)[0]))
		case g != w:
			problems = append(problems, fmt.Sprintf("schema: %s differs from what the migrations create", name))
		}
	}
	for name, g := range got {
		if _, ok := want[name]; !ok {
			problems = append(problems, fmt.Sprintf("schema: %s is not created by any migration", strings.SplitN(g, "\x00", 2)[0]))
		}
	}
	slices.Sort(problems)
	return problems, nil
}

// schema maps each table, index and trigger's name to its kind, name and
// normalised SQL, joined by NULs.
func (d *DB) schema(ctx context.Context) (map[string]string, error) {
	rows, err := d.sql.QueryContext(ctx, "SELECT type, name, COALESCE(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
	if err != nil {
		return nil, d.explain(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return nil, d.explain(err)
		}
		out[name] = typ + " " + name + "\x00" + strings.Join(strings.Fields(text), " ")
	}
	return out, rows.Err()
}
