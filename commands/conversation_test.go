package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

// talk sends text from u in channel (a shared channel unless it starts
// with "dm-"), addressed to the bot or not, where the platform can answer
// privately (as a slash command's channel on Discord or Slack does).
func talk(h *bottest.Harness, u bot.User, channel, text string, addressed bool) string {
	return h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: channel, DM: strings.HasPrefix(channel, "dm-")},
		Text: text, Addressed: addressed, PrivateReplies: true}).Text()
}

// interests counts u's interests.
func interests(t *testing.T, h *bottest.Harness, u bot.User) int {
	t.Helper()
	tags, err := h.DB.Interests(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	return len(tags)
}

// noQueue fails when anything entered the organisers' unanswered queue.
func noQueue(t *testing.T, h *bottest.Harness) {
	t.Helper()
	if n, err := h.DB.CountOpenQuestions(context.Background()); err != nil || n != 0 {
		t.Fatalf("unanswered queue holds %d (%v)", n, err)
	}
}

func TestPlainYesAndNoAnswerAConfirmation(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:keramik")

	ask := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "dm-kim", DM: true}, Text: "mydata delete", Addressed: true})
	if !strings.Contains(ask.Text(), "svara ja eller nej") {
		t.Fatalf("the confirmation does not say a reply works: %q", ask.Text())
	}
	if got := h.Say(kim, "nej tack"); got != "Ok, avbrutet. Ingenting ändrades." {
		t.Fatalf("nej tack = %q", got)
	}
	if interests(t, h, kim) != 1 {
		t.Fatal("nej deleted kim's data")
	}
	// The cancelled question is gone, and so is its button: the
	// conversation is over, a "ja" after it is small talk.
	if got := h.Say(kim, "ja"); strings.Contains(got, "väntar inte") || !strings.Contains(got, "Säg till om du undrar något") {
		t.Fatalf("ja after nej = %q", got)
	}
	click := bot.Event{Kind: bot.EventAction, User: kim, Channel: bot.Channel{ID: "dm-kim", DM: true}, Action: ask.Replies[0].Card.Buttons[0].Action}
	if got := h.Send(click).Text(); !strings.Contains(got, "gäller inte längre") {
		t.Fatalf("the button after nej = %q", got)
	}
	if interests(t, h, kim) != 1 {
		t.Fatal("kim's data deleted after nej")
	}

	// "2" does not answer a yes/no question: it says what does and stays open.
	h.Say(kim, "mydata delete")
	if got := h.Say(kim, "2"); got != "Svara ja eller nej." {
		t.Fatalf("2 to a yes/no question = %q", got)
	}
	if got := h.Say(kim, "ja!"); !strings.Contains(got, "allt jag hade sparat om dig är raderat") {
		t.Fatalf("ja! = %q", got)
	}
	if interests(t, h, kim) != 0 {
		t.Fatal("ja did not delete kim's data")
	}
	noQueue(t, h)
}

// Every yes and no word, with punctuation and emoji, in Swedish and English.
func TestYesAndNoWords(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	for _, word := range []string{"ja", "japp", "jo", "jepp", "absolut", "yes", "yep", "yeah", "ok", "okej", "sure", "Ja!", "ja tack 😊", "OK."} {
		h.Say(kim, "interests add tags:keramik")
		h.Say(kim, "mydata delete")
		got := h.Say(kim, word)
		if !strings.Contains(got, "raderat") && !strings.Contains(got, "deleted") || interests(t, h, kim) != 0 {
			t.Errorf("%q = %q", word, got)
		}
	}
	h.Say(kim, "interests add tags:keramik")
	for _, word := range []string{"nej", "nä", "nää", "nope", "no", "avbryt", "cancel", "stop", "nej tack", "Nej!", "no thanks 🙏"} {
		h.Say(kim, "mydata delete")
		got := h.Say(kim, word)
		if !strings.Contains(got, "avbrutet") && !strings.Contains(got, "cancelled") || interests(t, h, kim) != 1 {
			t.Errorf("%q = %q", word, got)
		}
	}
	noQueue(t, h)
}

// The question is the asked member's, in the channel where they asked: in
// a shared channel another member's "ja", addressed or not, does nothing
// to it, and the member's own plain "ja" (not addressed) answers it.
func TestConfirmationBoundToTheMemberAsked(t *testing.T) {
	h := bottest.New(t)
	kim, moa := h.Member("kim", bot.RoleMember), h.Member("moa", bot.RoleMember)
	h.Say(kim, "interests add tags:keramik")
	if got := talk(h, kim, "allmant", "mydata delete", true); !strings.Contains(got, "svara ja eller nej") {
		t.Fatalf("confirmation = %q", got)
	}
	if got := talk(h, moa, "allmant", "ja", false); got != "" {
		t.Fatalf("moa's plain ja = %q", got)
	}
	if got := talk(h, moa, "allmant", "ja", true); strings.Contains(got, "raderat") || interests(t, h, kim) != 1 {
		t.Fatalf("moa's ja to the bot = %q", got)
	}
	if got := talk(h, kim, "projekt", "ja", false); got != "" || interests(t, h, kim) != 1 {
		t.Fatalf("kim's plain ja in another channel = %q", got)
	}
	if got := talk(h, kim, "allmant", "ja", false); !strings.Contains(got, "raderat") || interests(t, h, kim) != 0 {
		t.Fatalf("kim's plain ja = %q", got)
	}
}

// Anything else the member says where they were asked closes the
// question; a plain "ok" later is then not a confirmation.
func TestAnythingElseClosesTheQuestion(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:keramik")
	talk(h, kim, "allmant", "mydata delete", true)
	talk(h, kim, "allmant", "haha vilken bra träff det var", false) // to the others
	if got := talk(h, kim, "allmant", "ok", false); got != "" || interests(t, h, kim) != 1 {
		t.Fatalf("ok after chatting = %q", got)
	}
	h.Say(kim, "mydata delete")
	h.Say(kim, "help")
	if got := h.Say(kim, "ja"); !strings.Contains(got, "Jag väntar inte") || interests(t, h, kim) != 1 {
		t.Fatalf("ja after help = %q", got)
	}
	noQueue(t, h)
}

// After ConfirmTTL a "ja" or "no" is an answer to nothing: a short reply,
// never a knowledge answer and never the unanswered queue.
func TestPlainYesExpires(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:keramik")
	h.Say(kim, "mydata delete")
	h.Advance(bot.ConfirmTTL + time.Second)
	for _, word := range []string{"ja", "no"} {
		if got := h.Say(kim, word); !strings.Contains(got, "Jag väntar inte på något svar från dig här") {
			t.Fatalf("%s after 10 minutes = %q", word, got)
		}
	}
	if interests(t, h, kim) != 1 {
		t.Fatal("an expired question deleted kim's data")
	}
	if got := h.SayIn(kim, "en", "yes"); !strings.Contains(got, "not waiting for an answer") {
		t.Fatalf("yes in English = %q", got)
	}
	noQueue(t, h)
}

func TestPlainNumberAnswersTheQuiz(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "learn"); !strings.Contains(got, "fråga 1 av") {
		t.Fatalf("learn = %q", got)
	}
	if got := h.Say(kim, "ja"); !strings.Contains(got, "Svara med ett nummer mellan 1 och") {
		t.Fatalf("ja to the quiz = %q", got)
	}
	if got := h.Say(kim, "9"); !strings.Contains(got, "Svara med ett nummer mellan 1 och") {
		t.Fatalf("9 to the quiz = %q", got)
	}
	got := h.Say(kim, "2")
	if !strings.Contains(got, "Rätt!") && !strings.Contains(got, "Inte riktigt") {
		t.Fatalf("2 = %q", got)
	}
	if !strings.Contains(got, "fråga 2 av") {
		t.Fatalf("no next question after 2: %q", got)
	}
	p, err := h.DB.LearnProgress(context.Background(), kim)
	if err != nil || p != (storage.Progress{Lesson: 0, Question: 1, Answered: 1, Correct: p.Correct}) {
		t.Fatalf("progress after 2 = %+v (%v)", p, err)
	}
	noQueue(t, h)
	// The next question is open too; another member's "1" answers nothing.
	moa := h.Member("moa", bot.RoleMember)
	if got := talk(h, moa, "dm-kim", "1", true); strings.Contains(got, "Rätt!") || strings.Contains(got, "Inte riktigt") {
		t.Fatalf("moa's 1 = %q", got)
	}
	if got := h.Say(kim, "svar 1"); !strings.Contains(got, "Rätt!") && !strings.Contains(got, "Inte riktigt") {
		t.Fatalf("svar 1 = %q", got)
	}
}
