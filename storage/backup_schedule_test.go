package storage_test

import (
	"context"
	"log/slog"
	"os"
	"passionbot/bot/scheduler"
	"passionbot/storage"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestScheduledBackupsKeepTheNewest(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := storage.Open(ctx, filepath.Join(dir, "passionbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Migrate(ctx)
	loc, _ := time.LoadLocation("Europe/Stockholm")
	clock := scheduler.NewFakeClock(time.Date(2026, 11, 27, 1, 0, 0, 0, loc))
	s := scheduler.New(clock, slog.New(slog.DiscardHandler))
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() { cancel(); <-done }()
	out := filepath.Join(dir, "backups")
	cfg := storage.BackupSchedule{Cron: "0 3 * * *", Dir: out, Keep: 2}
	if err := db.ScheduleBackups(s, storage.BackupSchedule{Cron: "0 25 * * *", Dir: out, Keep: 2}, loc, slog.New(slog.DiscardHandler)); err == nil || !strings.Contains(err.Error(), `backup.cron "0 25 * * *"`) {
		t.Fatalf("bad cron: %v", err)
	}
	if err := db.ScheduleBackups(s, cfg, loc, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o600)
	for range 3 {
		clock.Advance(24 * time.Hour)
		wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
		if err := s.WaitIdle(wctx); err != nil {
			t.Fatal(err)
		}
		wcancel()
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"notes.txt", "passionbot-20261128-030000.db", "passionbot-20261129-030000.db"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("backups = %v, want %v", names, want)
	}
	cp, err := storage.Open(ctx, filepath.Join(out, want[2]))
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if problems, err := cp.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("scheduled backup check: %v %v", problems, err)
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
		then := time.Now().Add(-2 * storage.StalePartial)
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
	if err := db.ScheduleBackups(s, storage.BackupSchedule{Cron: "0 3 * * *", Dir: out, Keep: 2}, loc, slog.New(slog.DiscardHandler)); err != nil {
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
