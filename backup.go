package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"passionbot/bot/scheduler"
	"passionbot/config"
	"passionbot/storage"
)

// backup writes a consistent copy of the database to dest; the bot may be
// running. The database is not migrated first: the copy is what is there.
func (a *app) backup(ctx context.Context, dest string) error {
	db, err := a.openExisting(ctx, ": nothing to back up")
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, dest); err != nil {
		return err
	}
	st, _ := os.Stat(dest)
	fmt.Fprintf(a.stdout, "%s → %s (%d bytes, integrity ok)\n", db.Path(), dest, st.Size())
	return nil
}

// openExisting opens the configured database without creating or
// migrating it; missing ends the error when the file does not exist.
func (a *app) openExisting(ctx context.Context, missing string) (*storage.DB, error) {
	if _, err := os.Stat(a.cfg.Database); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("database %s does not exist%s", a.cfg.Database, missing)
	} else if err != nil {
		return nil, fmt.Errorf("database %s: %w", a.cfg.Database, err)
	}
	return storage.Open(ctx, a.cfg.Database)
}

// check runs the database's integrity check and the migrations'
// expectations; problems are listed and the exit code is 1.
func (a *app) check(ctx context.Context) error {
	db, err := a.openExisting(ctx, "")
	if err != nil {
		return err
	}
	defer db.Close()
	problems, err := db.Check(ctx)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintf(a.stdout, "%s: ok\n", db.Path())
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(a.stdout, p)
	}
	return fmt.Errorf("database %s: %d problem(s)", db.Path(), len(problems))
}

// backupPrefix and backupLayout name scheduled backups so that their names
// sort by time.
const (
	backupPrefix = "passionbot-"
	backupLayout = "20060102-150405"
)

// scheduleBackups registers [backup] cron on s: each firing writes a copy
// to dir and removes the oldest beyond keep. A bad cron spec is an error.
func scheduleBackups(s *scheduler.Scheduler, db *storage.DB, cfg config.Backup, loc *time.Location, log *slog.Logger) error {
	if cfg.Cron == "" {
		return nil
	}
	sched, err := scheduler.Parse(cfg.Cron, loc)
	if err != nil {
		return fmt.Errorf("backup.cron %q: %w", cfg.Cron, err)
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return fmt.Errorf("backup.dir: %w", err)
	}
	s.Add("backup", sched, time.Time{}, time.Hour, func(ctx context.Context, fireAt time.Time, late bool) {
		dest := filepath.Join(cfg.Dir, backupPrefix+fireAt.In(loc).Format(backupLayout)+".db")
		if err := db.Backup(ctx, dest); err != nil {
			log.Error("scheduled backup failed", "dest", dest, "err", err)
			return
		}
		log.Info("backup written", "dest", dest)
		if err := prune(cfg.Dir, cfg.Keep); err != nil {
			log.Warn("removing old backups", "err", err)
		}
	})
	return nil
}

// stalePartial is how old a backup's temporary file must be before prune
// takes it for the leftover of a backup that was killed: a backup takes
// minutes, and one still running must keep its file.
const stalePartial = 24 * time.Hour

// prune removes the oldest scheduled backups in dir beyond keep, and the
// temporary files of scheduled backups that were killed half-way; other
// files are left alone.
func prune(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	var errs []error
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, backupPrefix) && strings.Contains(n, ".db.partial-") {
			errs = append(errs, removeStale(filepath.Join(dir, n)))
			continue
		}
		if stamp, ok := strings.CutPrefix(n, backupPrefix); ok && strings.HasSuffix(stamp, ".db") {
			if _, err := time.Parse(backupLayout, strings.TrimSuffix(stamp, ".db")); err == nil {
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	for len(names) > keep {
		errs = append(errs, os.Remove(filepath.Join(dir, names[0])))
		names = names[1:]
	}
	return errors.Join(errs...)
}

// removeStale removes path when it was last written more than stalePartial
// ago.
func removeStale(path string) error {
	st, err := os.Lstat(path)
	if err != nil || time.Since(st.ModTime()) < stalePartial {
		return nil // gone meanwhile, or still being written
	}
	return os.Remove(path)
}
