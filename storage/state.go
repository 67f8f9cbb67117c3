package storage

import (
	"context"
	"fmt"
)

// GetState returns the value stored under key ("" when none).
func (d *DB) GetState(ctx context.Context, key string) (string, error) {
	var v string
	err := d.sql.QueryRowContext(ctx, "SELECT value FROM state WHERE key = ?", key).Scan(&v)
	if isNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read state %s: %w", key, d.explain(err))
	}
	return v, nil
}

// SetState stores value under key.
func (d *DB) SetState(ctx context.Context, key, value string) error {
	_, err := d.sql.ExecContext(ctx, `INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, key, value, d.now().Unix())
	if err != nil {
		return fmt.Errorf("write state %s: %w", key, d.explain(err))
	}
	return nil
}
