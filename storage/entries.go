package storage

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Entry is one language of a knowledge entry written by an organiser.
type Entry struct {
	ID, Lang, Title, Body, Source string
	Tags, Related                 []string
	Author                        string
	CreatedAt, UpdatedAt          time.Time
}

// SaveEntry creates or replaces one language of an entry.
func (d *DB) SaveEntry(ctx context.Context, e Entry, at time.Time) error {
	_, err := d.sql.ExecContext(ctx, `
INSERT INTO knowledge_entries (id, lang, title, body, tags, related, source, author, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id, lang) DO UPDATE SET title = excluded.title, body = excluded.body, tags = excluded.tags,
    related = excluded.related, source = excluded.source, author = excluded.author, updated_at = excluded.updated_at`,
		e.ID, e.Lang, e.Title, e.Body, strings.Join(e.Tags, ", "), strings.Join(e.Related, ", "), e.Source, e.Author, at.Unix(), at.Unix())
	if err != nil {
		return fmt.Errorf("save entry %s/%s: %w", e.ID, e.Lang, d.explain(err))
	}
	return nil
}

// DeleteEntry removes an entry in lang, or in both languages when lang is
// "". It returns how many rows went.
func (d *DB) DeleteEntry(ctx context.Context, id, lang string) (int, error) {
	res, err := d.sql.ExecContext(ctx, "DELETE FROM knowledge_entries WHERE id = ? AND (? = '' OR lang = ?)", id, lang, lang)
	if err != nil {
		return 0, fmt.Errorf("delete entry %s: %w", id, d.explain(err))
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// Entries returns every organiser-written entry, by id then language.
func (d *DB) Entries(ctx context.Context) ([]Entry, error) {
	rows, err := d.sql.QueryContext(ctx, `
SELECT id, lang, title, body, tags, related, source, author, created_at, updated_at
FROM knowledge_entries ORDER BY id, lang`)
	if err != nil {
		return nil, fmt.Errorf("list entries: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var tags, related string
		var created, updated int64
		if err := rows.Scan(&e.ID, &e.Lang, &e.Title, &e.Body, &tags, &related, &e.Source, &e.Author, &created, &updated); err != nil {
			return nil, fmt.Errorf("list entries: %w", err)
		}
		e.Tags, e.Related = SplitList(tags), SplitList(related)
		e.CreatedAt, e.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
		out = append(out, e)
	}
	return out, rows.Err()
}

// SplitList splits a comma-separated list, trimming items and dropping
// empty ones.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
