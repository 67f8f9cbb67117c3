package commands_test

import (
	"path/filepath"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/knowledge"
)

func TestLearnCourseContinuesWhereLeftOff(t *testing.T) {
	lessons, err := knowledge.Course()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.db")
	h := bottest.New(t, bottest.WithDatabase(path))
	kim := h.Member("kim", bot.RoleMember)

	if got := h.Say(kim, "learn answer:1"); !strings.Contains(got, "Ingen quizfråga är öppen") {
		t.Fatalf("answer before start = %q", got)
	}
	got := h.Say(kim, "learn")
	if !strings.Contains(got, "Lektion 1 av 5: "+lessons[0].Title.SV) || !strings.Contains(got, lessons[0].Quiz[0].Question.SV) {
		t.Fatalf("first lesson = %q", got)
	}
	q := lessons[0].Quiz[0]
	got = h.Say(kim, "learn answer:"+itoa(q.Answer))
	if !strings.HasPrefix(got, "Rätt! "+q.Explain.SV) || !strings.Contains(got, lessons[0].Quiz[1].Question.SV) {
		t.Fatalf("right answer = %q", got)
	}
	wrong := lessons[0].Quiz[1].Answer%3 + 1
	got = h.Say(kim, "kurs "+itoa(wrong))
	if !strings.Contains(got, "Inte riktigt: rätt svar är ”"+lessons[0].Quiz[1].OptionsIn("sv")[lessons[0].Quiz[1].Answer-1]+"”") {
		t.Fatalf("wrong answer = %q", got)
	}

	// Restart the bot on the same database: the course goes on at question 3.
	h.DB.Close()
	h = bottest.New(t, bottest.WithDatabase(path))
	got = h.Say(kim, "learn")
	if !strings.Contains(got, "Lektion 1 · fråga 3 av 3") || !strings.Contains(got, lessons[0].Quiz[2].Question.SV) {
		t.Fatalf("after restart = %q", got)
	}
	got = h.Say(kim, "learn "+itoa(lessons[0].Quiz[2].Answer))
	if !strings.Contains(got, "Lektion 1 av 5 klar") {
		t.Fatalf("end of lesson = %q", got)
	}
	// Buttons carry the same command as the text form.
	ev := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Text: "learn", Addressed: true})
	card := ev.Replies[0].Card
	if card == nil || len(card.Buttons) != 3 || card.Buttons[0].Action != "learn answer:1" {
		t.Fatalf("question card = %+v", card)
	}
	click := h.Send(bot.Event{Kind: bot.EventAction, User: kim, Action: card.Buttons[lessons[1].Quiz[0].Answer-1].Action}).Text()
	if !strings.HasPrefix(click, "Rätt!") {
		t.Fatalf("button answer = %q", click)
	}
	if got := h.Say(kim, "learn answer:7"); got != "Svara med ett nummer mellan 1 och 3." {
		t.Fatalf("out-of-range answer = %q", got)
	}
	if got := h.SayIn(kim, "en", "learn restart"); !strings.Contains(got, "Lesson 1 of 5") {
		t.Fatalf("restart = %q", got)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
