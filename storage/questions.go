package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"passionbot/bot"
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

// Limits on the unanswered questions, so that one member cannot fill the
// organisers' list or the disk (issue 13).
const (
	// MaxOpenQuestionsPerMember is how many open questions one member may
	// have waiting; past it RecordUnanswered returns ErrTooManyQuestions.
	MaxOpenQuestionsPerMember = 50
	// QuestionRetention is how long a question is kept after it was last
	// asked (PruneQuestions).
	QuestionRetention = 180 * 24 * time.Hour
)

// ErrTooManyQuestions is returned by RecordUnanswered when the member
// already has MaxOpenQuestionsPerMember open questions.
var ErrTooManyQuestions = errors.New("too many open questions from this member")

// RecordUnanswered counts an unanswered question from u (at most 500 runes
// kept) and returns its id. A question that was answered but still finds no
// answer is open again. Each member counts once per question: asking again
// only refreshes it. A new question from a member who already has
// MaxOpenQuestionsPerMember open ones is not stored (ErrTooManyQuestions).
func (d *DB) RecordUnanswered(ctx context.Context, u bot.User, question, lang string, at time.Time) (int64, error) {
	question = strings.TrimSpace(question)
	if r := []rune(question); len(r) > 500 {
		question = string(r[:500])
	}
	norm := NormalizeQuestion(question)
	if norm == "" {
		return 0, fmt.Errorf("record question: nothing to record")
	}
	var id int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = recordQuestion(ctx, tx, u, norm, question, lang, at)
		return err
	})
	if errors.Is(err, ErrTooManyQuestions) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("record question: %w", d.explain(err))
	}
	return id, nil
}

// recordQuestion is RecordUnanswered's transaction.
func recordQuestion(ctx context.Context, tx *sql.Tx, u bot.User, norm, question, lang string, at time.Time) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT q.id FROM unanswered_questions q JOIN question_askers a ON a.question_id = q.id
WHERE q.normalized = ? AND a.platform = ? AND a.user_id = ?`, norm, string(u.Platform), u.ID).Scan(&id)
	switch {
	case err == nil: // asked again by the same member: refreshed, not counted
		_, err = tx.ExecContext(ctx, "UPDATE unanswered_questions SET last_asked = max(last_asked, ?), answered_by = NULL WHERE id = ?", at.Unix(), id)
		return id, err
	case !isNoRows(err):
		return 0, err
	}
	var open int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM question_askers a JOIN unanswered_questions q ON q.id = a.question_id
WHERE a.platform = ? AND a.user_id = ? AND q.answered_by IS NULL`, string(u.Platform), u.ID).Scan(&open); err != nil {
		return 0, err
	}
	if open >= MaxOpenQuestionsPerMember {
		return 0, ErrTooManyQuestions
	}
	err = tx.QueryRowContext(ctx, `
INSERT INTO unanswered_questions (normalized, question, lang, first_asked, last_asked) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (normalized) DO UPDATE SET times_asked = times_asked + 1, last_asked = max(last_asked, excluded.last_asked), answered_by = NULL
RETURNING id`, norm, question, lang, at.Unix(), at.Unix()).Scan(&id)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO question_askers (question_id, platform, user_id, asked_at) VALUES (?, ?, ?, ?)",
		id, string(u.Platform), u.ID, at.Unix())
	return id, err
}

// PruneQuestions deletes the questions last asked before before, and who
// asked them, and returns how many questions it deleted.
func (d *DB) PruneQuestions(ctx context.Context, before time.Time) (int64, error) {
	n, err := d.deleteBatches(ctx, "SELECT id FROM unanswered_questions WHERE last_asked < ?", "unanswered_questions", "id", before.Unix())
	if err != nil {
		return n, fmt.Errorf("prune questions: %w", err)
	}
	if _, err := d.sql.ExecContext(ctx, "DELETE FROM question_askers WHERE asked_at < ?", before.Unix()); err != nil {
		return n, fmt.Errorf("prune questions: %w", d.explain(err))
	}
	return n, nil
}

// pruneBatch is how many rows one retention DELETE removes, so that a first
// prune of a large table holds the write lock only briefly at a time.
const pruneBatch = 1000

// deleteBatches deletes the rows of table whose key the query selects, in
// batches, and returns how many it deleted.
func (d *DB) deleteBatches(ctx context.Context, query, table, key string, args ...any) (int64, error) {
	var total int64
	for {
		res, err := d.sql.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE %s IN (%s LIMIT %d)", table, key, query, pruneBatch), args...)
		if err != nil {
			return total, d.explain(err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += n
		if n < pruneBatch {
			return total, nil
		}
	}
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
