package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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
