package storage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"passionbot/bot/scheduler"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// backupPrefix and backupLayout name scheduled backups so that their names
// sort by time.
const (
	backupPrefix = "passionbot-"
	backupLayout = "20060102-150405"
)

// BackupSchedule is when scheduled backups are written ([backup]): a cron
// spec ("" for never), the folder, and how many to keep.
type BackupSchedule struct {
	Cron string
	Dir  string
	Keep int
}

// ScheduleBackups registers cfg.Cron on s: each firing writes a copy to
// cfg.Dir and removes the oldest beyond cfg.Keep. A bad cron spec is an
// error.
func (db *DB) ScheduleBackups(s *scheduler.Scheduler, cfg BackupSchedule, loc *time.Location, log *slog.Logger) error {
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

// StalePartial is how old a backup's temporary file must be before prune
// takes it for the leftover of a backup that was killed: a backup takes
// minutes, and one still running must keep its file.
const StalePartial = 24 * time.Hour

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

// removeStale removes path when it was last written more than StalePartial
// ago.
func removeStale(path string) error {
	st, err := os.Lstat(path)
	if err != nil || time.Since(st.ModTime()) < StalePartial {
		return nil // gone meanwhile, or still being written
	}
	return os.Remove(path)
}
