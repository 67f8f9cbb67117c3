package storage

import (
	"context"
	"fmt"
	"time"

	"passionbot/bot"
)

// Progress is where a member is in the learn course.
type Progress struct {
	Lesson   int // 0-based lesson index; == number of lessons when finished
	Question int // 0-based quiz question; -1 before the lesson text is shown
	Correct  int // correct answers so far
	Answered int // answers given so far
}

// LearnProgress returns u's progress (the start when none is stored).
func (d *DB) LearnProgress(ctx context.Context, u bot.User) (Progress, error) {
	p := Progress{Question: -1}
	err := d.sql.QueryRowContext(ctx,
		"SELECT lesson, question, correct, answered FROM learn_progress WHERE platform = ? AND user_id = ?",
		string(u.Platform), u.ID).Scan(&p.Lesson, &p.Question, &p.Correct, &p.Answered)
	if isNoRows(err) {
		return Progress{Question: -1}, nil
	}
	if err != nil {
		return p, fmt.Errorf("read progress: %w", d.explain(err))
	}
	return p, nil
}

// SaveLearnProgress stores u's progress.
func (d *DB) SaveLearnProgress(ctx context.Context, u bot.User, p Progress, at time.Time) error {
	if _, err := d.SeenMember(ctx, u, at); err != nil {
		return err
	}
	_, err := d.sql.ExecContext(ctx, `
INSERT INTO learn_progress (platform, user_id, lesson, question, correct, answered, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, user_id) DO UPDATE SET lesson = excluded.lesson, question = excluded.question,
    correct = excluded.correct, answered = excluded.answered, updated_at = excluded.updated_at`,
		string(u.Platform), u.ID, p.Lesson, p.Question, p.Correct, p.Answered, at.Unix())
	if err != nil {
		return fmt.Errorf("save progress: %w", d.explain(err))
	}
	return nil
}
