package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/bot/scheduler"
	"passionbot/config"
	"passionbot/storage"
)

// TestBackupIsPrivateAndNeverOverwrites: a backup is readable by its owner
// only; of several backups to one name started together exactly one
// succeeds, an existing file keeps its content, and no temporary file or
// SQLite journal is left behind.
func TestBackupIsPrivateAndNeverOverwrites(t *testing.T) {
	dir := inTempDir(t)
	if code, _, errOut := runCLI(t, "", "migrate"); code != 0 {
		t.Fatalf("migrate: %s", errOut)
	}
	out := filepath.Join(dir, "backups")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(out, "copy.db")
	if code, _, errOut := runCLI(t, "", "backup", dest); code != 0 {
		t.Fatalf("backup: exit %d, %s", code, errOut)
	}
	if st, err := os.Stat(dest); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, mode %v, want 0600", err, st.Mode().Perm())
	}

	// Several backups to one new name at the same moment.
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(dir, "passionbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := range 200 {
		db.SetState(ctx, fmt.Sprintf("pad.%d", i), strings.Repeat("x", 2000))
	}
	race := filepath.Join(out, "race.db")
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() { errs[i] = db.Backup(ctx, race) })
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !strings.Contains(err.Error(), "already exists"):
			t.Errorf("a losing backup: %v, want already exists", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d of %d backups to one name succeeded, want exactly 1: %v", ok, len(errs), errs)
	}

	// An existing file is refused and keeps its content.
	mine := filepath.Join(out, "mine.db")
	if err := os.WriteFile(mine, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, mine); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(mine); string(b) != "mine" {
		t.Errorf("an existing file was overwritten: %q", b)
	}
	// A backup that fails half-way (cancelled) leaves nothing either.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.Backup(cctx, filepath.Join(out, "cancelled.db")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled backup: %v", err)
	}

	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := "copy.db mine.db race.db"; strings.Join(names, " ") != want {
		t.Errorf("backup folder holds %v, want %s", names, want)
	}
}

// TestScheduledBackupsRemoveLeftovers: the temporary file and journal of a
// scheduled backup that was killed half-way are removed at the next one
// once they are a day old; a fresh one (a backup still running) stays.
func TestScheduledBackupsRemoveLeftovers(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := storage.Open(ctx, filepath.Join(dir, "passionbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "backups")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	old := []string{"passionbot-20261126-030000.db.partial-1234", "passionbot-20261126-030000.db.partial-1234-journal"}
	fresh := "passionbot-20261127-030000.db.partial-5678"
	for _, n := range append(old, fresh) {
		if err := os.WriteFile(filepath.Join(out, n), []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range old {
		then := time.Now().Add(-2 * stalePartial)
		if err := os.Chtimes(filepath.Join(out, n), then, then); err != nil {
			t.Fatal(err)
		}
	}
	loc, _ := time.LoadLocation("Europe/Stockholm")
	clock := scheduler.NewFakeClock(time.Date(2026, 11, 27, 1, 0, 0, 0, loc))
	s := scheduler.New(clock, slog.New(slog.DiscardHandler))
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() { cancel(); <-done }()
	if err := scheduleBackups(s, db, config.Backup{Cron: "0 3 * * *", Dir: out, Keep: 2}, loc, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	clock.Advance(24 * time.Hour)
	wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
	defer wcancel()
	if err := s.WaitIdle(wctx); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := "passionbot-20261127-030000.db " + fresh; strings.Join(names, " ") != want {
		t.Fatalf("backup folder holds %v, want %s", names, want)
	}
}

// TestDBFlagNamesAFile: --db :memory: and an empty --db are refused with
// exit 2 and one line saying why.
func TestDBFlagNamesAFile(t *testing.T) {
	inTempDir(t)
	for _, args := range [][]string{
		{"--db", ":memory:", "migrate"},
		{"migrate", "--db=:memory:"},
		{"--db", "", "check"},
		{"--db=  ", "backup", "x.db"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != 2 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "--db") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line about --db", args, code, errOut)
		}
	}
	if _, err := os.Stat("passionbot.db"); err == nil {
		t.Error("a refused --db still created the default database")
	}
}
