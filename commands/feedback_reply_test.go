package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestYesOrNoToDidThisHelpVotes: the bot asks "Hjälpte svaret?" under an
// answer; a plain "nej" or "yes" from the member who asked, there, votes as
// the buttons do (a tester's "nej" got 👍 and no vote). "ok tack" is talk,
// another member's "ja" votes nothing, and a question asked in the middle
// of the course leaves the quiz question open (its number still answers:
// TestNumberAnswersTheQuizAfterAQuestionInBetween).
func TestYesOrNoToDidThisHelpVotes(t *testing.T) {
	obs := &votes{n: map[string]int{}}
	h := bottest.New(t, bottest.WithObserver(obs), bottest.At(wednesday))
	kim, bo, olle := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("olle", bot.RoleOrganiser)
	say := func(u bot.User, text string) string {
		return h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: "allmänt"}, Text: text, Addressed: true}).Text()
	}
	if _, card := askCard(t, h, kim, "vad står PUNKS för?"); card == nil {
		t.Fatal("no vote card")
	}
	if got := say(bo, "ja"); strings.Contains(got, "Kul att svaret hjälpte") {
		t.Fatalf("another member's ja voted: %q", got)
	}
	if got := say(kim, "ok tack"); strings.Contains(got, "svaret") || obs.count("up") != 0 {
		t.Fatalf("ok tack voted: %q", got)
	}
	if got := say(kim, "nej tack"); strings.Contains(got, "Arrangörerna ser") || obs.count("down") != 0 {
		t.Fatalf("nej tack (nothing more, thanks) voted: %q", got)
	}
	if got := say(kim, "nej"); !strings.Contains(got, "Arrangörerna ser att svaret inte hjälpte") || obs.count("down") != 1 {
		t.Fatalf("kim's nej: %q (down %d)", got, obs.count("down"))
	}
	if got := h.Say(olle, "faq misses"); !strings.Contains(got, "“vad står PUNKS för?”") {
		t.Fatalf("faq misses after a typed nej: %q", got)
	}
	// Answered: a second "nej" is no vote.
	if got := say(kim, "nej"); strings.Contains(got, "Arrangörerna ser") || obs.count("down") != 1 {
		t.Fatalf("a second nej: %q", got)
	}
	// English, yes.
	c := h.Send(bot.Event{Kind: bot.EventMessage, User: bo, Channel: bot.Channel{ID: "allmänt"}, Text: "what does PUNKS stand for?", Addressed: true, Locale: "en"})
	if len(c.Replies) != 1 || c.Replies[0].Card == nil {
		t.Fatalf("bo's answer: %q", c.Text())
	}
	if got := h.Send(bot.Event{Kind: bot.EventMessage, User: bo, Channel: bot.Channel{ID: "allmänt"}, Text: "yes", Addressed: true, Locale: "en"}).Text(); !strings.Contains(got, "Glad the answer helped") || obs.count("up") != 1 {
		t.Fatalf("bo's yes: %q", got)
	}
	// After a confirmation and a question in between, "ja" answers the
	// last thing the bot asked — whether the answer helped — and deletes
	// nothing.
	h.Say(kim, "interests add tags:keramik")
	h.Say(kim, "mydata delete")
	h.Say(kim, "vad står PUNKS för?")
	if got := h.Say(kim, "ja"); !strings.Contains(got, "Kul att svaret hjälpte") || strings.Contains(got, "raderat") {
		t.Fatalf("ja after a confirmation and a question: %q", got)
	}
	if got := h.Say(kim, "interests"); !strings.Contains(got, "keramik") {
		t.Fatalf("kim's data after the ja: %q", got)
	}
	// A question in the middle of the course leaves the quiz question
	// open: TestNumberAnswersTheQuizAfterAQuestionInBetween.
}

// TestNoVoteFromTalkToOthers: in a shared channel, where the platform
// delivers every message, a "nej" the member says without addressing the
// bot is said to someone else: no vote.
func TestNoVoteFromTalkToOthers(t *testing.T) {
	obs := &votes{n: map[string]int{}}
	h := bottest.New(t, bottest.WithObserver(obs), bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	askCard(t, h, kim, "vad står PUNKS för?")
	h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "allmänt"}, Text: "nej", Addressed: false})
	if obs.count("down") != 0 {
		t.Fatalf("an unaddressed nej voted")
	}
	if got := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "allmänt"}, Text: "nej", Addressed: true}).Text(); !strings.Contains(got, "Arrangörerna ser") {
		t.Fatalf("an addressed nej: %q", got)
	}
}
