package main

import (
	"context"
	"fmt"
	"os"

	"passionbot/storage"
)

// backup writes a consistent copy of the database to dest; the bot may be
// running. The database is not migrated first: the copy is what is there.
func (a *app) backup(ctx context.Context, dest string) error {
	if _, err := os.Stat(a.cfg.Database); err != nil {
		return fmt.Errorf("database %s does not exist: nothing to back up", a.cfg.Database)
	}
	db, err := storage.Open(ctx, a.cfg.Database)
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

// check runs the database's integrity check and the migrations'
// expectations; problems are listed and the exit code is 1.
func (a *app) check(ctx context.Context) error {
	if _, err := os.Stat(a.cfg.Database); err != nil {
		return fmt.Errorf("database %s does not exist", a.cfg.Database)
	}
	db, err := storage.Open(ctx, a.cfg.Database)
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
