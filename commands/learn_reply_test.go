package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/knowledge"
	"passionbot/storage"
)

// The replies the bot gives to a plain reply, told apart.
const (
	notWaiting = "Jag väntar inte på något svar"
	ack        = "Säg till om du undrar något"
	expected   = "Svara med ett nummer mellan 1 och 3"
)

// answeredQuiz reports whether got is the course's verdict on an answer.
func answeredQuiz(got string) bool {
	return strings.Contains(got, "Rätt!") || strings.Contains(got, "Inte riktigt")
}

// progress is u's place in the course.
func progress(t *testing.T, h *bottest.Harness, u bot.User) storage.Progress {
	t.Helper()
	p, err := h.DB.LearnProgress(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// After a lesson finished normally, acknowledgements and yes/no are small
// talk, never "I'm not waiting" (the tester's `learn`, `2`, `3`, `1`, `ok`).
func TestRepliesAfterAFinishedLessonAreSmallTalk(t *testing.T) {
	lessons, err := knowledge.Course()
	if err != nil {
		t.Fatal(err)
	}
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "learn")
	for i, q := range lessons[0].Quiz {
		got := h.Say(kim, itoa(q.Answer))
		if !strings.HasPrefix(got, "Rätt!") {
			t.Fatalf("answer %d = %q", i+1, got)
		}
	}
	for _, word := range []string{"ok", "ja", "nej", "okej", "👍", "ok tack"} {
		if got := h.Say(kim, word); strings.Contains(got, notWaiting) || answeredQuiz(got) {
			t.Errorf("%q after the lesson = %q", word, got)
		}
	}
	for _, word := range []string{"ok", "ja", "nej"} {
		if got := h.Say(kim, word); !strings.Contains(got, ack) {
			t.Errorf("%q after the lesson = %q, want the small-talk ack", word, got)
		}
	}
	if p := progress(t, h, kim); p.Lesson != 1 || p.Question != -1 || p.Answered != 3 {
		t.Fatalf("progress = %+v", p)
	}

	// The same when the last answer was a click, or typed as a command.
	h.Say(kim, "learn")
	for i, q := range lessons[1].Quiz {
		var got string
		if i == len(lessons[1].Quiz)-1 {
			got = h.Send(bot.Event{Kind: bot.EventAction, User: kim, Channel: bot.Channel{ID: "dm-kim", DM: true}, Action: "learn answer:" + itoa(q.Answer)}).Text()
		} else {
			got = h.Say(kim, "learn svar:"+itoa(q.Answer))
		}
		if !strings.HasPrefix(got, "Rätt!") {
			t.Fatalf("lesson 2 answer %d = %q", i+1, got)
		}
	}
	for _, word := range []string{"ok", "ja", "2"} {
		if got := h.Say(kim, word); strings.Contains(got, notWaiting) || answeredQuiz(got) || strings.Contains(got, "Ingen quizfråga") {
			t.Errorf("%q after the clicked last answer = %q", word, got)
		}
	}
}

// The tester's `learn`, `hej`, `ok`: an acknowledgement is small talk
// while the quiz waits, now and 11 minutes later; a bare number answers
// the quiz while it is open, and is told it answers nothing only within 10
// minutes of the quiz expiring.
func TestAcknowledgementIsNeverNotWaiting(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "learn")
	if got := h.Say(kim, "hej"); strings.Contains(got, notWaiting) {
		t.Fatalf("hej = %q", got)
	}
	for _, word := range []string{"ok", "okej", "👍", "tack", "ok tack", "ja", "nej"} {
		if got := h.Say(kim, word); strings.Contains(got, notWaiting) || strings.Contains(got, expected) || answeredQuiz(got) {
			t.Errorf("%q after hej = %q", word, got)
		}
	}
	if got := h.Say(kim, "ok"); !strings.Contains(got, ack) {
		t.Fatalf("ok after hej = %q, want the small-talk ack", got)
	}
	h.Advance(11 * time.Minute) // the quiz question expired a minute ago
	for _, word := range []string{"ok", "okej", "ja", "nej"} {
		if got := h.Say(kim, word); strings.Contains(got, notWaiting) || !strings.Contains(got, ack) {
			t.Errorf("%q 11 minutes later = %q", word, got)
		}
	}
	if got := h.Say(kim, "2"); !strings.Contains(got, notWaiting) {
		t.Fatalf("2 a minute after the quiz expired = %q", got)
	}
	h.Advance(10 * time.Minute) // 20 minutes after it expired: forgotten
	if got := h.Say(kim, "ja"); strings.Contains(got, notWaiting) || !strings.Contains(got, ack) {
		t.Fatalf("ja 21 minutes later = %q", got)
	}
	if p := progress(t, h, kim); p.Answered != 0 || p.Question != 0 {
		t.Fatalf("progress = %+v", p)
	}
	// While the quiz is open and nothing came in between, "ok tack" and
	// "ja" are told what the quiz takes.
	h.Say(kim, "learn")
	for _, word := range []string{"ok tack", "ja"} {
		if got := h.Say(kim, word); !strings.Contains(got, expected) {
			t.Errorf("%q to the open quiz = %q", word, got)
		}
	}
	noQueue(t, h)
}

// The tester's `learn`, `vad står punks för`, `2`: the number answers the
// quiz the member interrupted with a question, within 10 minutes of it
// being shown; only the member asked, where they were asked.
func TestNumberAnswersTheQuizAfterAQuestionInBetween(t *testing.T) {
	lessons, err := knowledge.Course()
	if err != nil {
		t.Fatal(err)
	}
	h := bottest.New(t)
	kim, moa := h.Member("kim", bot.RoleMember), h.Member("moa", bot.RoleMember)
	h.Say(kim, "learn")
	if got := h.Say(kim, "vad står punks för"); !strings.Contains(got, "PUNKS") {
		t.Fatalf("the question in between = %q", got)
	}
	h.Advance(5 * time.Minute)
	got := h.Say(kim, itoa(lessons[0].Quiz[0].Answer))
	if !strings.HasPrefix(got, "Rätt!") || !strings.Contains(got, "fråga 2 av 3") {
		t.Fatalf("the number after the question = %q", got)
	}

	// In a shared channel (where the platform delivers every message):
	// moa's "1" there, and kim's "1" elsewhere, do nothing to kim's quiz;
	// kim's own plain number does, after a question in between.
	if got := talk(h, kim, "allmant", "learn", true); !strings.Contains(got, "fråga 2 av 3") {
		t.Fatalf("learn in the channel = %q", got)
	}
	talk(h, kim, "allmant", "vad står punks för", true)
	if got := talk(h, moa, "allmant", "1", false); answeredQuiz(got) {
		t.Fatalf("moa's 1 = %q", got)
	}
	if got := talk(h, kim, "projekt", "1", false); answeredQuiz(got) {
		t.Fatalf("kim's 1 in another channel = %q", got)
	}
	if p := progress(t, h, kim); p.Answered != 1 {
		t.Fatalf("progress after the others' numbers = %+v", p)
	}
	if got := talk(h, kim, "allmant", itoa(lessons[0].Quiz[1].Answer), false); !strings.HasPrefix(got, "Rätt!") {
		t.Fatalf("kim's number in the channel = %q", got)
	}

	// More than 10 minutes after the question was shown, the number is
	// told to run the command again; `learn` shows the question again.
	h.Say(kim, "learn")
	h.Say(kim, "vad står punks för")
	h.Advance(bot.ConfirmTTL + time.Second)
	if got := h.Say(kim, "1"); !strings.Contains(got, notWaiting) {
		t.Fatalf("1 after 10 minutes = %q", got)
	}
	if p := progress(t, h, kim); p.Answered != 2 || p.Question != 2 {
		t.Fatalf("progress = %+v", p)
	}
	if got := h.Say(kim, "learn"); !strings.Contains(got, "fråga 3 av 3") {
		t.Fatalf("learn = %q", got)
	}
	if got := h.Say(kim, itoa(lessons[0].Quiz[2].Answer)); !strings.Contains(got, "Lektion 1 av 5 klar") {
		t.Fatalf("the last answer = %q", got)
	}
	noQueue(t, h)
}

// A confirmation is still closed by anything else (a later "ok" must not
// delete data) and a late "ja" is told it answers nothing, but a late
// "ok" is small talk; after the confirmation was answered, "ja" is too.
func TestConfirmationAfterClosing(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:keramik")
	h.Say(kim, "mydata delete")
	// Something else in between (a greeting: a knowledge answer would ask
	// "Hjälpte svaret?", which a "ja" then answers —
	// TestYesOrNoToDidThisHelpVotes).
	h.Say(kim, "hej hej")
	if got := h.Say(kim, "ok"); strings.Contains(got, notWaiting) || strings.Contains(got, "raderat") {
		t.Fatalf("ok after the greeting in between = %q", got)
	}
	if got := h.Say(kim, "ja"); !strings.Contains(got, notWaiting) {
		t.Fatalf("ja after the greeting in between = %q", got)
	}
	if got := h.Say(kim, "2"); strings.Contains(got, notWaiting) {
		t.Fatalf("2 after a yes/no question = %q", got)
	}
	h.Advance(bot.StaleQuestion + time.Second)
	if got := h.Say(kim, "ja"); strings.Contains(got, notWaiting) || !strings.Contains(got, ack) {
		t.Fatalf("ja 10 minutes after the question closed = %q", got)
	}
	if interests(t, h, kim) != 1 {
		t.Fatal("kim's data deleted")
	}
	h.Say(kim, "mydata delete")
	if got := h.Say(kim, "ja"); !strings.Contains(got, "raderat") || interests(t, h, kim) != 0 {
		t.Fatalf("ja = %q", got)
	}
	for _, word := range []string{"ok", "ja", "nej"} {
		if got := h.Say(kim, word); strings.Contains(got, notWaiting) || !strings.Contains(got, ack) {
			t.Errorf("%q after the deletion = %q", word, got)
		}
	}
}
