package storage

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Question is an unanswered question and how often it was asked.
type Question struct {
	ID         int64
	Text       string
	Lang       string
	TimesAsked int
	FirstAsked time.Time
	LastAsked  time.Time
	AnsweredBy string // knowledge entry id, "" while open
}

// NormalizeQuestion folds case, punctuation and spacing so that the same
// question asked twice is counted once.
func NormalizeQuestion(q string) string {
	f := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	return strings.Join(f, " ")
}

// RecordUnanswered counts an unanswered question (at most 500 runes kept)
// and returns its id. A question that was answered but still finds no
// answer is open again.
func (d *DB) RecordUnanswered(ctx context.Context, question, lang string, at time.Time) (int64, error) {
	question = strings.TrimSpace(question)
	if r := []rune(question); len(r) > 500 {
		question = string(r[:500])
	}
	norm := NormalizeQuestion(question)
	if norm == "" {
		return 0, fmt.Errorf("record question: nothing to record")
	}
	var id int64
	err := d.sql.QueryRowContext(ctx, `
INSERT INTO unanswered_questions (normalized, question, lang, first_asked, last_asked) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (normalized) DO UPDATE SET times_asked = times_asked + 1, last_asked = excluded.last_asked, answered_by = NULL
RETURNING id`, norm, question, lang, at.Unix(), at.Unix()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("record question: %w", d.explain(err))
	}
	return id, nil
}

// OpenQuestions lists unanswered questions, most asked first, at most limit.
func (d *DB) OpenQuestions(ctx context.Context, limit int) ([]Question, error) {
	rows, err := d.sql.QueryContext(ctx, `
SELECT id, question, lang, times_asked, first_asked, last_asked, COALESCE(answered_by, '')
FROM unanswered_questions WHERE answered_by IS NULL
ORDER BY times_asked DESC, last_asked DESC, id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("list questions: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// CountOpenQuestions counts the questions still waiting for an answer.
func (d *DB) CountOpenQuestions(ctx context.Context) (int, error) {
	var n int
	if err := d.sql.QueryRowContext(ctx, "SELECT COUNT(*) FROM unanswered_questions WHERE answered_by IS NULL").Scan(&n); err != nil {
		return 0, fmt.Errorf("count questions: %w", d.explain(err))
	}
	return n, nil
}

// Question returns one question by id, or ErrNotFound.
func (d *DB) Question(ctx context.Context, id int64) (Question, error) {
	row := d.sql.QueryRowContext(ctx, `
SELECT id, question, lang, times_asked, first_asked, last_asked, COALESCE(answered_by, '')
FROM unanswered_questions WHERE id = ?`, id)
	q, err := scanQuestion(row)
	if isNoRows(err) {
		return q, ErrNotFound
	}
	return q, err
}

// MarkAnswered links a question to the knowledge entry that answers it.
func (d *DB) MarkAnswered(ctx context.Context, id int64, entryID string) error {
	if _, err := d.sql.ExecContext(ctx, "UPDATE unanswered_questions SET answered_by = ? WHERE id = ?", entryID, id); err != nil {
		return fmt.Errorf("mark answered: %w", d.explain(err))
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func scanQuestion(s scanner) (Question, error) {
	var q Question
	var first, last int64
	if err := s.Scan(&q.ID, &q.Text, &q.Lang, &q.TimesAsked, &first, &last, &q.AnsweredBy); err != nil {
		return q, err
	}
	q.FirstAsked, q.LastAsked = time.Unix(first, 0), time.Unix(last, 0)
	return q, nil
}
