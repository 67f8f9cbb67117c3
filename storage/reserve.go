package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/mattn/go-sqlite3"
)

// ReserveSize is the room KeepReserve holds beside the database for
// deletions on a full disk.
//
// Why a file: in WAL mode a deletion is written to the WAL before it
// reaches the database, so on a full disk even `mydata delete` fails with
// SQLITE_FULL, and a checkpoint cannot help because it needs room in the
// database file for the pages it copies (tried on a 1 MiB tmpfs: the
// first ForgetMember failed). Deleting the reserve gives the WAL that room.
const ReserveSize = 2 << 20

// reservePath names the reserve file of the database at path.
func reservePath(path string) string { return path + "-reserve" }

// KeepReserve makes sure the reserve file exists at ReserveSize, written
// (not sparse) so that its blocks are really held. The running bot calls
// it at start; a disk too full for it is an error to log, not to stop for.
func (d *DB) KeepReserve() error {
	path := reservePath(d.path)
	if st, err := os.Stat(path); err == nil && st.Size() >= ReserveSize {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("disk reserve: %w", err)
	}
	_, err = f.Write(make([]byte, ReserveSize))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("disk reserve %s: %w", path, err)
	}
	return nil
}

// releaseReserve deletes the reserve file and reports whether there was
// one to delete.
func (d *DB) releaseReserve() bool {
	return os.Remove(reservePath(d.path)) == nil
}

// IsFull reports whether err is SQLite's "database or disk is full".
func IsFull(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrFull
}

// deleting runs a transaction that frees space (forgetting a member). When
// the disk is full it releases the reserve and tries once more: deleting
// must work exactly when nothing else does.
func (d *DB) deleting(ctx context.Context, f func(*sql.Tx) error) error {
	err := d.tx(ctx, f)
	if IsFull(err) && d.releaseReserve() {
		err = d.tx(ctx, f)
	}
	return err
}
