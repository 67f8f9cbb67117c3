package commands

import (
	"context"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/knowledge"
	"passionbot/storage"
)

// LearnStore keeps members' progress in the learn course.
type LearnStore interface {
	LearnProgress(ctx context.Context, u bot.User) (storage.Progress, error)
	SaveLearnProgress(ctx context.Context, u bot.User, p storage.Progress, at time.Time) error
}

// course runs the learn course: a lesson's text, then its quiz one question
// at a time; progress is stored after every step, so a member continues
// where they left off on any later day.
type course struct {
	lessons []knowledge.Lesson
	store   LearnStore
}

// learn is the five-lesson course with quizzes.
type learn struct {
	lessons []knowledge.Lesson
	store   LearnStore
}

func newLearn(d Deps) *learn { return &learn{lessons: d.Course, store: d.Store} }

// Name names the feature.
func (*learn) Name() string { return "learn" }

// Commands are the feature's commands.
func (f *learn) Commands() []*bot.Command {
	lessons, s := f.lessons, f.store

	c := &course{lessons: lessons, store: s}
	return []*bot.Command{
		{
			Name: "learn", Aliases: []string{"kurs"}, Group: "knowledge",
			Help: bot.Text{SV: "En kort kurs om passionsdriven ekonomi: fem lektioner med quiz", EN: "A short course on the passion-driven economy: five lessons with quizzes"},
			Args: []bot.Arg{{Name: "answer", SV: "svar", Kind: bot.KindInt, Min: 1, Max: 9,
				Help: bot.Text{SV: "ditt svar på quizfrågan (1, 2 eller 3)", EN: "your answer to the quiz question (1, 2 or 3)"}}},
			Examples:  []string{"learn", "learn answer:2"},
			Ephemeral: true,
			Run:       c.run,
		},
		{
			Name: "learn restart", Aliases: []string{"kurs om"}, Group: "knowledge",
			Help:      bot.Text{SV: "Börja om kursen från första lektionen", EN: "Start the course again from the first lesson"},
			Ephemeral: true,
			Run: func(ctx context.Context, call *bot.Call) error {
				if err := c.store.SaveLearnProgress(ctx, call.Event.User, storage.Progress{Question: -1}, time.Now()); err != nil {
					return err
				}
				return c.run(ctx, call)
			},
		},
	}
}

func (c *course) run(ctx context.Context, call *bot.Call) error {
	u := call.Event.User
	p, err := c.store.LearnProgress(ctx, u)
	if err != nil {
		return err
	}
	if p.Lesson >= len(c.lessons) {
		return call.Say(ctx, "learn.finished", p.Correct, p.Answered)
	}
	var text []string
	if call.Args.Has("answer") {
		if p.Question < 0 {
			return call.Refuse("learn.no_question")
		}
		q := c.lessons[p.Lesson].Quiz[p.Question]
		n := call.Args.Int("answer")
		if n > len(q.OptionsIn(call.Lang)) {
			return call.Refuse("learn.bad_answer", len(q.OptionsIn(call.Lang)))
		}
		p.Answered++
		if n == q.Answer {
			p.Correct++
			text = append(text, call.T("learn.right", q.Explain.In(call.Lang)))
		} else {
			text = append(text, call.T("learn.wrong", q.OptionsIn(call.Lang)[q.Answer-1], q.Explain.In(call.Lang)))
		}
		p.Question++
		if p.Question >= len(c.lessons[p.Lesson].Quiz) {
			p.Lesson, p.Question = p.Lesson+1, -1
			if err := c.store.SaveLearnProgress(ctx, u, p, time.Now()); err != nil {
				return err
			}
			// The lesson's last question is answered (typed, clicked or a
			// plain number): nothing is asked, a later "ok" is small talk.
			call.Answered()
			if p.Lesson >= len(c.lessons) {
				text = append(text, call.T("learn.finished", p.Correct, p.Answered))
			} else {
				text = append(text, call.T("learn.lesson_done", p.Lesson, len(c.lessons)))
			}
			return call.Reply(ctx, bot.Reply{Text: strings.Join(text, "\n\n")})
		}
	} else if p.Question < 0 {
		l := c.lessons[p.Lesson]
		text = append(text, fmt.Sprintf("**%s**\n%s", call.T("learn.lesson", p.Lesson+1, len(c.lessons), l.Title.In(call.Lang)), l.Text.In(call.Lang)))
		p.Question = 0
	}
	if err := c.store.SaveLearnProgress(ctx, u, p, time.Now()); err != nil {
		return err
	}
	card := c.questionCard(call, p)
	// A plain "2" from the member answers like the second button, also
	// after they asked the bot something else in between (Keep), within
	// 10 minutes of the question being shown.
	answers := bot.Answers{Keep: true}
	for _, b := range card.Buttons {
		answers.Options = append(answers.Options, b.Command)
	}
	call.Expect(answers)
	return call.Reply(ctx, bot.Reply{Text: strings.Join(text, "\n\n"), Card: card})
}

// questionCard shows the current quiz question with one button per option.
func (c *course) questionCard(call *bot.Call, p storage.Progress) *bot.Card {
	l := c.lessons[p.Lesson]
	q := l.Quiz[p.Question]
	card := &bot.Card{
		Title:  call.T("learn.question", p.Lesson+1, p.Question+1, len(l.Quiz)),
		Body:   q.Question.In(call.Lang),
		Footer: call.T("learn.how"),
	}
	for i, o := range q.OptionsIn(call.Lang) {
		cmd := fmt.Sprintf("learn answer:%d", i+1)
		card.Buttons = append(card.Buttons, bot.Button{Label: fmt.Sprintf("%d. %s", i+1, o), Action: cmd, Command: cmd})
	}
	return card
}

// Messages are the feature's texts.
func (*learn) Messages() bot.Messages {
	return bot.Messages{
		"learn.lesson":      {SV: "Lektion %d av %d: %s", EN: "Lesson %d of %d: %s"},
		"learn.question":    {SV: "Lektion %d · fråga %d av %d", EN: "Lesson %d · question %d of %d"},
		"learn.how":         {SV: "Svara med en knapp, med numret (till exempel `2`) eller `kurs svar:<nummer>`.", EN: "Answer with a button, with the number (for example `2`) or `learn answer:<number>`."},
		"learn.right":       {SV: "Rätt! %s", EN: "Right! %s"},
		"learn.wrong":       {SV: "Inte riktigt: rätt svar är ”%s”. %s", EN: "Not quite: the right answer is “%s”. %s"},
		"learn.lesson_done": {SV: "Lektion %d av %d klar. Skriv `kurs` när du vill fortsätta.", EN: "Lesson %d of %d done. Type `learn` when you want to go on."},
		"learn.finished":    {SV: "Du har gått hela kursen, med %d rätt av %d svar. `kurs om` börjar om.", EN: "You have finished the course, with %d right out of %d answers. `learn restart` starts again."},
		"learn.no_question": {SV: "Ingen quizfråga är öppen just nu. Skriv `kurs` för att fortsätta kursen.", EN: "No quiz question is open right now. Type `learn` to continue the course."},
		"learn.bad_answer":  {SV: "Svara med ett nummer mellan 1 och %d.", EN: "Answer with a number between 1 and %d."},
	}
}
