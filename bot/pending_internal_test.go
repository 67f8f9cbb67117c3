package bot

import (
	"testing"
	"time"
)

func TestParseAnswer(t *testing.T) {
	for want, texts := range map[string][]string{
		"yes": {"ja", "Ja!", "japp", "jo", "jepp", "absolut", "yes", "yep", "yeah", "ok", "okej", "sure", "OK.", "ja tack", "JA 👍", "jaaa", "yes please", "ok då", "ja, gärna!", "Ja visst", "okay sure"},
		"no":  {"nej", "nä", "nää", "nope", "no", "avbryt", "cancel", "stop", "nej tack", "Nej!", "no thanks", "no thank you", "stopp", "nej, det är bra", "🙅 nej"},
		"2":   {"2", "2.", "(2)", "svar 2", "nr 2", " 2 "},
		"":    {"", "hej", "tack", "ja men vad raderas?", "ja?", "ok?", "nej vad roligt", "ja nej", "0", "100", "🙂", "2 3", "jag vill ha 2", "yes I want to know more about this long thing", "jamen", "nejdå kanske"},
	} {
		for _, text := range texts {
			if got := parseAnswer(text); got != want {
				t.Errorf("parseAnswer(%q) = %q, want %q", text, got, want)
			}
		}
	}
}

// One open question per member, bound to where it was asked; the
// member's button and reply use each other up.
func TestQuestionsBoundToMemberAndPlace(t *testing.T) {
	cs := newConfirmations()
	t0 := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	kim := User{Platform: PlatformDiscord, ID: "1"}
	moa := User{Platform: PlatformDiscord, ID: "2"}
	msg := func(u User, channel string, dm bool, text string) Event {
		return Event{Kind: EventMessage, User: u, Channel: Channel{ID: channel, DM: dm}, Text: text}
	}
	nonce := cs.add(kim.Key(), "mydata delete confirm:yes", t0)
	cs.ask(question{user: kim.Key(), channel: "general", dm: true, answers: Answers{Yes: "mydata delete confirm:yes"}, nonce: nonce, expires: t0.Add(ConfirmTTL)}, t0)

	if r := cs.reply(msg(moa, "general", false, "ja"), "ja", false, t0); r.handled {
		t.Fatalf("moa's unaddressed ja = %+v", r)
	}
	if r := cs.reply(msg(kim, "other", false, "hej"), "hej", false, t0); r.handled || len(cs.asked) != 1 {
		t.Fatalf("kim elsewhere touched the question: %+v", r)
	}
	if r := cs.reply(msg(kim, "dm-1", true, "ja"), "ja", true, t0); r.line != "mydata delete confirm:yes" {
		t.Fatalf("kim's ja in the DM = %+v", r)
	}
	if _, key := cs.take(nonce, kim.Key(), t0); key != "err.confirm_expired" {
		t.Fatalf("the button after the typed ja: %q", key)
	}
	// A click uses the typed answer up too.
	nonce = cs.add(kim.Key(), "purge count:5 confirm:yes", t0)
	cs.ask(question{user: kim.Key(), channel: "general", answers: Answers{Yes: "purge count:5 confirm:yes"}, nonce: nonce, expires: t0.Add(ConfirmTTL)}, t0)
	if _, key := cs.take(nonce, kim.Key(), t0); key != "" {
		t.Fatalf("click: %q", key)
	}
	if r := cs.reply(msg(kim, "general", false, "ja"), "ja", false, t0); r.handled {
		t.Fatalf("ja after the click = %+v", r)
	}
	// The closed question is remembered a while: kim's late "ja" to the
	// bot is told it answers nothing.
	if r := cs.reply(msg(kim, "general", false, "ja"), "ja", true, t0); r.say != "answer.none" {
		t.Fatalf("kim's late ja to the bot = %+v", r)
	}
	// Chatting in the channel closes a question; the button still works.
	nonce = cs.add(kim.Key(), "purge count:5 confirm:yes", t0)
	cs.ask(question{user: kim.Key(), channel: "general", answers: Answers{Yes: "purge count:5 confirm:yes"}, nonce: nonce, expires: t0.Add(ConfirmTTL)}, t0)
	cs.reply(msg(kim, "general", false, "haha"), "haha", false, t0)
	if r := cs.reply(msg(kim, "general", false, "ok"), "ok", false, t0); r.handled {
		t.Fatalf("ok after chatting = %+v", r)
	}
	if line, key := cs.take(nonce, kim.Key(), t0); key != "" || line == "" {
		t.Fatalf("the button after chatting: %q", key)
	}
	// Questions past remembering are forgotten when another is asked.
	cs.ask(question{user: moa.Key(), channel: "general", expires: t0.Add(2 * ConfirmTTL)}, t0.Add(ConfirmTTL+StaleQuestion))
	if len(cs.asked) != 1 {
		t.Fatalf("%d questions held, want 1", len(cs.asked))
	}
	if r := cs.reply(msg(moa, "general", false, "ja"), "ja", true, t0.Add(2*ConfirmTTL+StaleQuestion)); r.handled {
		t.Fatalf("ja long after the question = %+v", r)
	}
}

func BenchmarkReplyToPlainMessage(b *testing.B) {
	cs := newConfirmations()
	ev := Event{Kind: EventMessage, User: User{Platform: PlatformConsole, ID: "kim"}, Channel: Channel{ID: "dm", DM: true}}
	now := time.Now()
	for b.Loop() {
		cs.reply(ev, "vad är den passionsdrivna ekonomin", true, now)
	}
}
