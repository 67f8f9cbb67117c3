package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestSmallTalkAmongClauses: a line the knowledge base cannot answer, of
// clauses that are small talk or tell something, gets the small-talk reply
// of its greatest clause (tuning10, heldout42); a line with a clause that
// asks something no small talk reads still goes to the queue, and one the
// base answers is answered.
func TestSmallTalkAmongClauses(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	for _, c := range []struct{ lang, text, key string }{
		{"sv", "God morgon, vill bara säga hej innan jag öppnar butiken", "chat.morning"},
		{"en", "Hiya! How's it going? Just got back from the studio, knackered", "chat.how"},
		{"sv", "Jo, he va bra, tack. Nu ska int ja störa mer, ha he gott!", "chat.thanks"},
		{"en", "Parlez-vous français? Kidding, English is grand 😄", "chat.languages"},
		{"sv", "Morsning korsning, allt i sin ordning?", "chat.how"},
		{"en", "what, that was compeltely wrong", "chat.unclear"},
		// "guess who" tells; "just wanted to tell someone" asks nothing.
		{"en", "My daughter lost her first tooth tonight, so guess who's on tooth fairy duty", "chat.remark"},
		{"en", "What's the craic?", "chat.how"}, {"en", "Awright? Hoo's it gaun the day?", "chat.how"},
	} {
		if got, want := h.SayIn(kim, c.lang, c.text), h.Bot.Catalog().T(c.lang, c.key); got != want {
			t.Errorf("%q: %.80q, want %.80q", c.text, got, want)
		}
	}
	// A clause that asks what small talk does not read: the queue.
	queued(t, h, h.Member("ada", bot.RoleMember), "sv", "hej! vad kostar medlemskapet i föreningen?",
		"God morgon, jag vill veta vilka bidrag en keramiker kan söka")
	if got := h.SayIn(kim, "en", "train from varberg to copenhagen, how long does it take"); !strings.Contains(got, "saved the question") {
		t.Errorf("a route and how long it takes: %.80q", got)
	}
	// A question the base answers, after a greeting: the answer.
	if got := h.SayIn(kim, "sv", "God morgon! vad står PUNKS för?"); !strings.Contains(got, "PUNKS") {
		t.Errorf("a question after a greeting: %.120q", got)
	}
	// "nu är det fredag" tells; no meetup list for it, and "hej, blir det
	// fika på fredag?" still asks for the meetups.
	if got := h.SayIn(kim, "sv", "Nu är det fredag och jag har förtjänat en fika"); strings.Contains(got, "träffar") {
		t.Errorf("a remark about fika got the meetups: %.80q", got)
	}
	if got := h.SayIn(kim, "sv", "hej, blir det fika på fredag?"); !strings.Contains(got, "träffar") {
		t.Errorf("a question about Friday's fika: %.80q", got)
	}
}
