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
	// The click answered it: the conversation is over, a later "ja" to
	// the bot is any other message.
	if r := cs.reply(msg(kim, "general", false, "ja"), "ja", true, t0); r.handled || len(cs.asked) != 0 {
		t.Fatalf("kim's ja to the bot after the click = %+v", r)
	}
	// Chatting in the channel closes a question; the button still works.
	nonce = cs.add(kim.Key(), "purge count:5 confirm:yes", t0)
	cs.ask(question{user: kim.Key(), channel: "general", answers: Answers{Yes: "purge count:5 confirm:yes"}, nonce: nonce, expires: t0.Add(ConfirmTTL)}, t0)
	cs.reply(msg(kim, "general", false, "haha"), "haha", false, t0)
	if r := cs.reply(msg(kim, "general", false, "ok"), "ok", false, t0); r.handled {
		t.Fatalf("ok after chatting = %+v", r)
	}
	// The closed question is remembered StaleQuestion from closing: kim's
	// late "ja" or "nej" to the bot is told it answers nothing; an "ok", a
	// number (no option) or a "ja" after the window is any other message.
	t1 := t0.Add(time.Minute)
	for text, want := range map[string]string{"ja": "answer.none", "nej tack": "answer.none", "ok": "", "ok tack": "", "okej": "", "2": ""} {
		if r := cs.reply(msg(kim, "general", false, text), text, true, t1); r.say != want {
			t.Errorf("%q after chatting = %+v, want %q", text, r, want)
		}
	}
	if r := cs.reply(msg(kim, "general", false, "ja"), "ja", true, t0.Add(StaleQuestion)); r.handled {
		t.Fatalf("ja %v after the question closed = %+v", StaleQuestion, r)
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

// A quiz (Keep) is only interrupted by another message: its number still
// answers it until it expires, a yes/no it does not take is then any other
// message, and after it expires a number (not a yes/no) is told it answers
// nothing for StaleQuestion.
func TestKeptQuestionSurvivesOtherMessages(t *testing.T) {
	cs := newConfirmations()
	t0 := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	kim := User{Platform: PlatformConsole, ID: "kim"}
	msg := func(text string) Event {
		return Event{Kind: EventMessage, User: kim, Channel: Channel{ID: "dm-kim", DM: true}, Text: text}
	}
	quiz := func(at time.Time) {
		cs.ask(question{user: kim.Key(), channel: "dm-kim", dm: true, answers: Answers{Options: []string{"learn answer:1", "learn answer:2", "learn answer:3"}, Keep: true}, expires: at.Add(ConfirmTTL)}, at)
	}
	quiz(t0)
	if r := cs.reply(msg("ja"), "ja", true, t0); r.say != "answer.expected_number" {
		t.Fatalf("ja to the open quiz = %+v", r)
	}
	if r := cs.reply(msg("vad står punks för"), "vad står punks för", true, t0); r.handled {
		t.Fatalf("a question to the bot = %+v", r)
	}
	for _, text := range []string{"ok", "ja", "nej"} {
		if r := cs.reply(msg(text), text, true, t0.Add(time.Minute)); r.handled {
			t.Fatalf("%q after the interruption = %+v", text, r)
		}
	}
	if r := cs.reply(msg("5"), "5", true, t0.Add(time.Minute)); r.say != "answer.expected_number" {
		t.Fatalf("5 after the interruption = %+v", r)
	}
	if r := cs.reply(msg("2"), "2", true, t0.Add(ConfirmTTL-time.Second)); r.line != "learn answer:2" || len(cs.asked) != 0 {
		t.Fatalf("2 after the interruption = %+v", r)
	}
	// Expired: a number is told it answers nothing for StaleQuestion; a
	// yes/no (no quiz answer) and an ok are any other message.
	quiz(t0)
	late := t0.Add(ConfirmTTL + time.Minute)
	for text, want := range map[string]string{"2": "answer.none", "ja": "", "nej": "", "ok": "", "okej tack": ""} {
		if r := cs.reply(msg(text), text, true, late); r.say != want {
			t.Errorf("%q after the quiz expired = %+v, want %q", text, r, want)
		}
	}
	if r := cs.reply(msg("2"), "2", true, t0.Add(ConfirmTTL+StaleQuestion)); r.handled {
		t.Fatalf("2 %v after the quiz expired = %+v", StaleQuestion, r)
	}
}

func TestAcknowledges(t *testing.T) {
	for _, text := range []string{"ok", "OK.", "okej", "ok tack", "okay thanks", "Okej då 👍"} {
		if !acknowledges(text) {
			t.Errorf("acknowledges(%q) = false", text)
		}
	}
	for _, text := range []string{"ja", "nej", "2", "ja tack", "yes", "tack"} {
		if acknowledges(text) {
			t.Errorf("acknowledges(%q) = true", text)
		}
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

// TestStopEndsAQuiz: "avbryt" or "stopp" to a quiz, which takes no yes or
// no, ends it (a tester got "Answer with a number" to each); a late number
// is then told that nothing is asked.
func TestStopEndsAQuiz(t *testing.T) {
	kim := User{Platform: PlatformConsole, ID: "kim"}
	msg := func(text string) Event {
		return Event{Kind: EventMessage, User: kim, Channel: Channel{ID: "dm-kim", DM: true}, Text: text}
	}
	t0 := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, stop := range []string{"avbryt", "stopp", "sluta", "cancel"} {
		cs := newConfirmations()
		cs.ask(question{user: kim.Key(), channel: "dm-kim", dm: true, answers: Answers{Options: []string{"learn answer:1", "learn answer:2"}, Keep: true}, expires: t0.Add(ConfirmTTL)}, t0)
		if r := cs.reply(msg(stop), stop, true, t0); r.say != "answer.stopped" {
			t.Errorf("%q to a quiz = %+v", stop, r)
		}
		if r := cs.reply(msg("2"), "2", true, t0.Add(time.Minute)); r.say != "answer.none" {
			t.Errorf("2 after %q = %+v", stop, r)
		}
	}
}
