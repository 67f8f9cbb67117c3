package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"passionbot/storage"
)

// backup writes a consistent copy of the database to dest; the bot may be
// running. The database is not migrated first: the copy is what is there.
func (a *program) backup(ctx context.Context, dest string) error {
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
func (a *program) openExisting(ctx context.Context, missing string) (*storage.DB, error) {
	if _, err := os.Stat(a.cfg.Database); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("database %s does not exist%s", a.cfg.Database, missing)
	} else if err != nil {
		return nil, fmt.Errorf("database %s: %w", a.cfg.Database, err)
	}
	return storage.Open(ctx, a.cfg.Database)
}

// check runs the database's integrity check and the migrations'
// expectations; problems are listed and the exit code is 1.
func (a *program) check(ctx context.Context) error {
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
