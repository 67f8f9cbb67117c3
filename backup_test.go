package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"passionbot/storage"
)

func TestBackupWhileWritingAndCheck(t *testing.T) {
	dir := inTempDir(t)
	ctx := context.Background()
	if code, _, errOut := runCLI(t, "", "migrate"); code != 0 {
		t.Fatalf("migrate: %s", errOut)
	}
	db, err := storage.Open(ctx, filepath.Join(dir, "passionbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := range 2000 {
		db.SetState(ctx, fmt.Sprintf("before.%d", i), strings.Repeat("x", 200))
	}
	// The bot keeps writing while the backup runs.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
				db.SetState(ctx, fmt.Sprintf("during.%d", i), "y")
			}
		}
	}()
	dest := filepath.Join(dir, "backup-1.db")
	code, out, errOut := runCLI(t, "", "backup", dest)
	close(stop)
	wg.Wait()
	if code != 0 || !strings.Contains(out, "integrity ok") {
		t.Fatalf("backup: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// The copy is a sound database with everything written before it.
	code, out, errOut = runCLI(t, "", "check", "--db", dest)
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), ": ok") {
		t.Fatalf("check of the backup: exit %d, %q %q", code, out, errOut)
	}
	cp, err := storage.Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	var n int
	cp.SQL().QueryRowContext(ctx, "SELECT count(*) FROM state WHERE key LIKE 'before.%'").Scan(&n)
	if n != 2000 {
		t.Fatalf("backup holds %d of 2000 rows", n)
	}
	// An existing backup is never overwritten; a missing argument is usage.
	if code, _, errOut := runCLI(t, "", "backup", dest); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("backup over an existing file: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "backup"); code != 2 || !strings.Contains(errOut, "usage: passionbot backup PATH") {
		t.Fatalf("backup without a path: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(dest + ".partial"); !os.IsNotExist(err) {
		t.Fatalf("a partial file was left: %v", err)
	}
	// check finds a migration missing from the schema's record.
	db.SQL().ExecContext(ctx, "DELETE FROM schema_migrations WHERE version = 9")
	code, out, _ = runCLI(t, "", "check")
	if code != 1 || !strings.Contains(out, "migration 0009_instance_lease is not applied") || strings.Contains(out, "schema:") {
		t.Fatalf("check of a database missing a migration (migrate first, no schema advice): exit %d, %q", code, out)
	}
	// … and the schema itself: an index lost, a table nobody made.
	db.SQL().ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9, 'instance_lease', 0)")
	db.SQL().ExecContext(ctx, "DROP INDEX open_questions")
	db.SQL().ExecContext(ctx, "CREATE TABLE scratch (x)")
	code, out, _ = runCLI(t, "", "check")
	if code != 1 || !strings.Contains(out, "schema: index open_questions is missing") || !strings.Contains(out, "schema: table scratch is not created by any migration") ||
		strings.Contains(out, "migration 0009") {
		t.Fatalf("check of a damaged schema: exit %d, %q", code, out)
	}
}
