package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"passionbot/adapters/console"
	"passionbot/bot"
	"passionbot/commands"
	"passionbot/internal/app"
)

// askResult is one line of `passionbot ask --json`.
type askResult struct {
	Question string   `json:"question"`
	Lang     string   `json:"lang"`
	Answered bool     `json:"answered"`
	Answer   string   `json:"answer"`
	Topic    string   `json:"topic"`
	Source   string   `json:"source"`
	Score    float64  `json:"score"`
	Related  []string `json:"related"`
}

// ask answers the question in the arguments, or each line of stdin when
// there is none. It reads organisers' entries from the database but does not
// record unanswered questions: evaluation runs must not fill the organisers'
// list.
func (a *program) ask(ctx context.Context) error {
	return a.offline(ctx, a.answerAll)
}

// answerAll answers the questions with built's knowledge base.
func (a *program) answerAll(built *app.App) error {
	lib, cat := built.Library, built.Bot.Catalog()
	lang := a.inv.lang
	if lang == "" {
		lang = a.cfg.Locale
	}
	// Answers are buffered and written out whenever the input read so far
	// is used up: a file or pipe of 6,000 questions is answered in a few
	// writes, a member typing (or a program waiting for each answer) gets
	// each answer at once.
	out := bufio.NewWriter(a.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	one := func(q string) error {
		ans := lib.Ask(q, lang)
		if !a.inv.json {
			_, err := fmt.Fprintln(out, bot.SafeText(commands.AnswerText(cat, ans, false)))
			return err
		}
		r := askResult{Question: q, Lang: ans.Lang, Answered: ans.Answered, Score: ans.Score, Related: []string{}}
		if ans.Answered && ans.Top != nil {
			r.Answer, r.Topic, r.Source = ans.Text(), ans.Top.ID, ans.Top.Source
			for _, t := range ans.Related {
				r.Related = append(r.Related, t.ID)
			}
		} else {
			r.Answer = cat.T(ans.Lang, "ask.unknown")
			for _, t := range ans.Nearest {
				r.Related = append(r.Related, t.ID)
			}
		}
		return enc.Encode(r)
	}
	if len(a.inv.args) > 0 {
		if err := one(bot.CleanText(strings.Join(a.inv.args, " "))); err != nil {
			return err
		}
		return out.Flush()
	}
	// EachLine reads through in itself (bufio.NewReaderSize returns a
	// reader that is already big enough), so in.Buffered says whether more
	// input is waiting.
	in := bufio.NewReaderSize(a.stdin, 64<<10)
	err := console.EachLine(in, func(line string) error {
		if strings.TrimSpace(line) != "" {
			if err := one(bot.CleanText(line)); err != nil {
				return err
			}
		}
		if in.Buffered() == 0 {
			return out.Flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return out.Flush()
}
