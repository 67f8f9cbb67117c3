package commands_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// votes counts the Observer's Feedback calls.
type votes struct {
	bot.NopObserver
	mu sync.Mutex
	n  map[string]int
}

func (v *votes) Feedback(_ bot.Platform, vote string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.n[vote]++
}

func (v *votes) count(vote string) int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.n[vote]
}

// ask sends a question from u and returns the answer's vote card.
func askCard(t *testing.T, h *bottest.Harness, u bot.User, q string) (string, *bot.Card) {
	t.Helper()
	c := h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: "allmänt"}, Text: q, Addressed: true})
	if len(c.Replies) != 1 {
		t.Fatalf("%q: %d replies", q, len(c.Replies))
	}
	return c.Text(), c.Replies[0].Card
}

func click(h *bottest.Harness, u bot.User, action string) string {
	return h.Send(bot.Event{Kind: bot.EventAction, User: u, Channel: bot.Channel{ID: "allmänt"}, Action: action}).Text()
}

func TestAnswersOfferVotesCountedOncePerMember(t *testing.T) {
	obs := &votes{n: map[string]int{}}
	h := bottest.New(t, bottest.WithObserver(obs), bottest.At(wednesday))
	kim, bo, olle := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("olle", bot.RoleOrganiser)

	text, card := askCard(t, h, kim, "vad står PUNKS för?")
	if card == nil || len(card.Buttons) != 2 || card.Footer != "Hjälpte svaret?" {
		t.Fatalf("answer %q has no vote card: %+v", text, card)
	}
	up, down := card.Buttons[0], card.Buttons[1]
	// Platforms without buttons show the command to type (the console), in
	// the answer's language; the action is the canonical command.
	if up.Command != "fråga omdöme id:1 röst:upp" || down.Command != "fråga omdöme id:1 röst:ner" || up.Action != "ask feedback id:1 vote:up" || !strings.HasPrefix(up.Label, "👍") {
		t.Fatalf("buttons = %+v", card.Buttons)
	}
	if got := click(h, kim, up.Action); !strings.Contains(got, "Tack! Kul att svaret hjälpte") {
		t.Fatalf("kim's 👍: %q", got)
	}
	if got := click(h, kim, down.Action); !strings.Contains(got, "Du har redan röstat") {
		t.Fatalf("kim's second vote: %q", got)
	}
	if got := h.Say(bo, down.Command); !strings.Contains(got, "Arrangörerna ser att svaret inte hjälpte") {
		t.Fatalf("bo's 👎 typed: %q", got)
	}
	if obs.count("up") != 1 || obs.count("down") != 1 {
		t.Fatalf("feedback metric: up %d, down %d", obs.count("up"), obs.count("down"))
	}
	if got := h.Say(kim, "ask feedback id:99 vote:up"); !strings.Contains(got, "Det finns inget svar nummer 99") {
		t.Fatalf("vote on no answer: %q", got)
	}
	// An unanswered question offers no vote.
	if _, card := askCard(t, h, kim, "vem vann melodifestivalen 1974?"); card != nil {
		t.Fatalf("a refusal offers votes: %+v", card)
	}

	// Organisers see the 👎 answers with the question and the topic given.
	if got := h.Say(kim, "faq misses"); !strings.Contains(got, "kräver rollen arrangör") {
		t.Fatalf("a member's faq misses: %q", got)
	}
	misses := h.Say(olle, "faq misses")
	a, err := h.DB.GivenAnswer(context.Background(), 1)
	if err != nil || !strings.Contains(misses, "`1` 👎 1 · 👍 1 “vad står PUNKS för?” (sv) → `"+a.TopicID+"`") {
		t.Fatalf("faq misses = %q (answer %+v, %v)", misses, a, err)
	}
	// Linked to a topic, the question is one of its examples at once and
	// after a restart, and no longer a miss.
	if got := h.Say(olle, "faq link question:1 topic:nope"); !strings.Contains(got, "Det finns inget ämne `nope`") {
		t.Fatalf("link to no topic: %q", got)
	}
	target := "viakub"
	if h.Library.Index().Topic(target, "sv") == nil {
		t.Fatalf("no topic %s to link to", target)
	}
	if got := h.Say(olle, "faq link question:1 topic:"+target); !strings.Contains(got, "“vad står PUNKS för?” är nu en exempelfråga till `"+target+"` (sv)") {
		t.Fatalf("faq link: %q", got)
	}
	if ex := h.Library.Index().Topic(target, "sv").Examples; !slices.Contains(ex, "vad står PUNKS för?") {
		t.Fatalf("examples after linking: %q", ex)
	}
	if got := h.Say(olle, "faq misses"); !strings.Contains(got, "Inga svar har fått 👎") {
		t.Fatalf("faq misses after linking: %q", got)
	}
	again := bottest.New(t, bottest.WithDatabase(h.DB.Path()), bottest.At(wednesday.Add(time.Hour)))
	if ex := again.Library.Index().Topic(target, "sv").Examples; !slices.Contains(ex, "vad står PUNKS för?") {
		t.Fatalf("examples after a restart: %q", ex)
	}
}

func TestAnswersGivenArePrunedAfter180Days(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	_, card := askCard(t, h, kim, "vad står PUNKS för?")
	if card == nil {
		t.Fatal("no vote card")
	}
	h.Advance(181 * 24 * time.Hour)
	if got := click(h, kim, card.Buttons[0].Action); !strings.Contains(got, "Det finns inget svar nummer 1") {
		t.Fatalf("vote on an answer given 181 days ago: %q", got)
	}
}

func TestNearDuplicateQuestionsAreOneEntryAndCanBeDismissed(t *testing.T) {
	h := bottest.New(t)
	kim, bo, eva, olle := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("eva", bot.RoleMember), h.Member("olle", bot.RoleOrganiser)
	h.Say(kim, "vad kostar en zqxv-ugn?")
	h.Say(bo, "Vad kostar zqxv ugnen??")
	h.Say(eva, "vad kostar zqxv ugnar")
	h.Say(eva, "var köper man zqxvlera?")
	list := h.Say(olle, "faq unanswered")
	if !strings.Contains(list, "`1` 3× “vad kostar en zqxv-ugn?” (sv) · +2 liknande: `2`, `3`") || !strings.Contains(list, "`4` 1× “var köper man zqxvlera?”") {
		t.Fatalf("faq unanswered = %q", list)
	}
	if got := h.Say(olle, "faq dismiss id:2"); !strings.Contains(got, "Fråga 2 är borttagen ur listan (3 ") {
		t.Fatalf("faq dismiss: %q", got)
	}
	if list := h.Say(olle, "faq unanswered"); strings.Contains(list, "ugn") || !strings.Contains(list, "zqxvlera") {
		t.Fatalf("faq unanswered after dismissing: %q", list)
	}
	if got := h.Say(olle, "faq dismiss id:2"); !strings.Contains(got, "Fråga 2 finns inte bland de obesvarade") {
		t.Fatalf("dismissed twice: %q", got)
	}
	// Answering an entry answers its near-duplicates too.
	h.Say(kim, "vem säljer zqxv-lera?")
	h.Say(bo, "vem säljer zqxv leran")
	if got := h.Say(olle, `faq answer id:5 text:"Föreningen säljer lera."`); !strings.Contains(got, "fraga-5") {
		t.Fatalf("faq answer: %q", got)
	}
	if list := h.Say(olle, "faq unanswered"); strings.Contains(list, "säljer") {
		t.Fatalf("faq unanswered after answering: %q", list)
	}
}
