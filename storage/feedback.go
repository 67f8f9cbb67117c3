package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
)

// AnswerRetention is how long a knowledge answer given in chat, and the
// votes on it, are kept (PruneAnswers): as long as unanswered questions.
const AnswerRetention = QuestionRetention

// Votes on an answer.
const (
	VoteUp   = "up"
	VoteDown = "down"
)

// GivenAnswer is one knowledge answer the bot gave in chat, and the votes on it.
type GivenAnswer struct {
	ID       int64
	User     bot.User // who asked
	Question string
	TopicID  string
	Lang     string
	At       time.Time
	LinkedTo string // the topic an organiser linked the question to, "" until then
	Up, Down int
}

// Example is a member's question an organiser linked to the topic that
// answers it.
type Example struct {
	TopicID, Lang, Question string
}

// RecordAnswer keeps one answer given to u (the question at most 500 runes)
// and returns its id, which the vote buttons carry.
func (d *DB) RecordAnswer(ctx context.Context, u bot.User, question, topicID, lang string, at time.Time) (int64, error) {
	question = strings.TrimSpace(question)
	if r := []rune(question); len(r) > 500 {
		question = string(r[:500])
	}
	var id int64
	err := d.sql.QueryRowContext(ctx, `INSERT INTO answers (platform, user_id, question, topic_id, lang, asked_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, string(u.Platform), u.ID, question, topicID, lang, at.Unix()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("record answer: %w", d.explain(err))
	}
	return id, nil
}

// Vote counts u's vote on answer id, once: it reports false when u had
// already voted on it (the first vote stands). An answer that does not
// exist on u's platform is ErrNotFound.
func (d *DB) Vote(ctx context.Context, u bot.User, id int64, vote string, at time.Time) (bool, error) {
	var counted bool
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, "SELECT 1 FROM answers WHERE id = ? AND platform = ?", id, string(u.Platform)).Scan(&one)
		if isNoRows(err) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO answer_votes (answer_id, platform, user_id, vote, voted_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`, id, string(u.Platform), u.ID, vote, at.Unix())
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		counted = n == 1
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return false, err
	}
	if err != nil {
		return false, fmt.Errorf("vote: %w", d.explain(err))
	}
	return counted, nil
}

const answerColumns = `a.id, a.platform, a.user_id, a.question, a.topic_id, a.lang, a.asked_at, COALESCE(a.linked_to, ''),
(SELECT COUNT(*) FROM answer_votes v WHERE v.answer_id = a.id AND v.vote = 'up'),
(SELECT COUNT(*) FROM answer_votes v WHERE v.answer_id = a.id AND v.vote = 'down')`

// GivenAnswer returns one answer by id with its votes, or ErrNotFound.
func (d *DB) GivenAnswer(ctx context.Context, id int64) (GivenAnswer, error) {
	a, err := scanAnswer(d.sql.QueryRowContext(ctx, "SELECT "+answerColumns+" FROM answers a WHERE a.id = ?", id))
	if isNoRows(err) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("answer %d: %w", id, d.explain(err))
	}
	return a, nil
}

// Misses lists the answers voted down that no organiser has linked yet,
// most votes down first, then the newest, at most limit.
func (d *DB) Misses(ctx context.Context, limit int) ([]GivenAnswer, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT `+answerColumns+` FROM answers a
WHERE a.linked_to IS NULL AND EXISTS (SELECT 1 FROM answer_votes v WHERE v.answer_id = a.id AND v.vote = 'down')
ORDER BY 10 DESC, a.asked_at DESC, a.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("misses: %w", d.explain(err))
	}
	defer rows.Close()
	var out []GivenAnswer
	for rows.Next() {
		a, err := scanAnswer(rows)
		if err != nil {
			return nil, fmt.Errorf("misses: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func scanAnswer(s scanner) (GivenAnswer, error) {
	var a GivenAnswer
	var p string
	var at int64
	err := s.Scan(&a.ID, &p, &a.User.ID, &a.Question, &a.TopicID, &a.Lang, &at, &a.LinkedTo, &a.Up, &a.Down)
	a.User.Platform, a.At = bot.Platform(p), time.Unix(at, 0)
	return a, err
}

// LinkAnswer adds answer id's question as an example question of topic
// (in the answer's language) on behalf of author (platform:id), and marks
// the answer linked so that `faq misses` no longer lists it. It returns
// the example; ErrNotFound when there is no such answer.
func (d *DB) LinkAnswer(ctx context.Context, id int64, topicID, lang, author string, at time.Time) (Example, error) {
	var ex Example
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT question FROM answers WHERE id = ?", id).Scan(&ex.Question); isNoRows(err) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		ex.TopicID, ex.Lang = topicID, lang
		if _, err := tx.ExecContext(ctx, `INSERT INTO topic_examples (topic_id, lang, question, author, created_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`, topicID, lang, ex.Question, author, at.Unix()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE answers SET linked_to = ? WHERE id = ?", topicID, id)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return ex, err
	}
	if err != nil {
		return ex, fmt.Errorf("link answer %d: %w", id, d.explain(err))
	}
	return ex, nil
}

// Examples returns every linked example question, oldest first.
func (d *DB) Examples(ctx context.Context) ([]Example, error) {
	rows, err := d.sql.QueryContext(ctx, "SELECT topic_id, lang, question FROM topic_examples ORDER BY created_at, topic_id, question")
	if err != nil {
		return nil, fmt.Errorf("examples: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Example
	for rows.Next() {
		var e Example
		if err := rows.Scan(&e.TopicID, &e.Lang, &e.Question); err != nil {
			return nil, fmt.Errorf("examples: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// PruneAnswers deletes the answers given before before, and their votes,
// and returns how many answers it deleted. Linked examples stay.
func (d *DB) PruneAnswers(ctx context.Context, before time.Time) (int64, error) {
	n, err := d.deleteBatches(ctx, "SELECT id FROM answers WHERE asked_at < ?", "answers", "id", before.Unix())
	if err != nil {
		return n, fmt.Errorf("prune answers: %w", err)
	}
	return n, nil
}

// DismissQuestions removes unanswered questions from the organisers' list
// (and who asked them) and returns how many went. Asked again, a question
// comes back as new.
func (d *DB) DismissQuestions(ctx context.Context, ids ...int64) (int64, error) {
	var total int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, "DELETE FROM unanswered_questions WHERE id = ? AND answered_by IS NULL", id)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("dismiss questions: %w", d.explain(err))
	}
	return total, nil
}
