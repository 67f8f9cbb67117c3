package commands_test

import (
	"context"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/commands"
	"passionbot/internal/bottest"
)

// chatReplies are the small-talk replies in lang.
func chatReplies(h *bottest.Harness, lang string) map[string]bool {
	out := map[string]bool{}
	for _, k := range commands.ChatReplyKeys() {
		out[h.Bot.Catalog().T(lang, "chat."+k)] = true
	}
	return out
}

// anyChatReply is every small-talk reply, in both languages.
func anyChatReply(h *bottest.Harness) map[string]bool {
	r := chatReplies(h, "sv")
	for k := range chatReplies(h, "en") {
		r[k] = true
	}
	return r
}

// chatted says each text to the bot as u: each gets a small-talk reply,
// in either language.
func chatted(t *testing.T, h *bottest.Harness, u bot.User, texts ...string) {
	t.Helper()
	replies := anyChatReply(h)
	for _, text := range texts {
		if got := h.Say(u, text); !replies[got] {
			t.Errorf("%q: %q", text, got)
		}
	}
}

// queued says each text to the bot as u in lang, on an empty queue: each
// is told its question was saved, and enters the organisers' queue.
func queued(t *testing.T, h *bottest.Harness, u bot.User, lang string, texts ...string) {
	t.Helper()
	for i, text := range texts {
		if got := h.SayIn(u, lang, text); !strings.Contains(got, "sparat frågan") && !strings.Contains(got, "saved the question") {
			t.Errorf("%q is a question: %q", text, got)
		}
		if n, _ := h.DB.CountOpenQuestions(context.Background()); n != i+1 {
			t.Fatalf("%q: %d in the queue, want %d", text, n, i+1)
		}
	}
}

func TestSmallTalkGetsAFriendlyReplyNeverTheQueue(t *testing.T) {
	h := bottest.New(t)
	kim, olle := h.Member("kim", bot.RoleMember), h.Member("olle", bot.RoleOrganiser)
	// ada has written nothing yet: a short line's own language answers.
	// kim writes Swedish: from "hej! tack för hjälpen" on (a line of three
	// words or more), a one- or two-word line is answered in Swedish.
	ada := h.Member("ada", bot.RoleMember)
	for _, c := range []struct {
		who        bot.User
		text, want string
	}{
		{ada, "hello", "Hi! 👋"},
		{ada, "thx", "You're welcome!"},
		{ada, "who are you?", "I'm passionbot"},
		{kim, "hej", "Hej! 👋"},
		{kim, "hejjj!", "Hej! 👋"},
		{kim, "tjena", "Hej! 👋"},
		{kim, "god morgon", "God morgon!"},
		{kim, "tack så mycket!", "Varsågod!"},
		{kim, "hej! tack för hjälpen", "Varsågod!"},
		{kim, "👋", "Hej! 👋"},
		{kim, "thx", "Varsågod!"},
		{kim, "who are you?", "I'm passionbot"},
		{kim, "vad kan du göra?", "Jag svarar på frågor"},
		{kim, "hej då", "Hej då"},
		{kim, "ask tack", "Varsågod!"},
	} {
		if got := h.Say(c.who, c.text); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s %q: %q, want it to start %q", c.who.ID, c.text, got, c.want)
		}
	}
	// A question that starts with a greeting is a question.
	if got := h.Say(kim, "hej! vad står PUNKS för?"); !strings.Contains(got, "Passionsdriven Utveckling") {
		t.Errorf("greeting and question: %q", got)
	}
	// A mistyped command still is one.
	if got := h.Say(kim, "hlep"); !strings.Contains(got, "help") {
		t.Errorf("hlep: %q", got)
	}
	if got := h.Say(olle, "faq unanswered"); got != "Inga obesvarade frågor just nu." {
		t.Fatalf("small talk in the organisers' queue: %q", got)
	}
}

// TestSmallTalkHeldOut says the blind small-talk lines of heldout31,
// heldout33, heldout35 and heldout36 (each written by a helper who saw
// only the seed, committed unread, measured once: heldout31 after this
// session's passes, heldout33 after heldout32's, heldout35 and heldout36
// at the session's end; heldout31, 33 and 35 sv 50/50, en 50/50, 0 lines
// into the queue — issue 15's target; heldout36, written to be varied
// and idiomatic, sv 49/50, en 48/50, 1 queued, its misses unread),
// heldout39 (written hard, measured once at the session's end after
// heldout37–38's pass: sv 49/50, en 50/50, 1 queued, misses unread),
// heldout41 (written as a checker of the issue would: the everyday
// greetings, thanks, "who are you", goodbyes; measured once at the next
// session's start: sv 50/50, en 50/50, 0 queued), heldout43 (the same
// brief, ten new personas a language, measured once at that session's end:
// sv 50/50, en 50/50, 0 queued) and heldout3 (never tuned on) to the
// bot, 50 Swedish and 50 English lines each (knowledge/testdata/heldout*/
// smalltalk.jsonl): each must get a small-talk reply in its language and
// none may enter the unanswered queue (issue 15's target). Only totals
// are logged; the floors are the figures measured (docs/BENCHMARKS.md).
// The other held-out small-talk sets (heldout2, 6, 7, 9, 10, 16, 17, 19–26,
// 32) were each measured blind once and tuned on since:
// TestSmallTalkTuning has them, with their blind figures.
func TestSmallTalkHeldOut(t *testing.T) {
	for _, set := range []struct {
		dir           string
		floor, queued int
	}{{"heldout31", 50, 0}, {"heldout33", 50, 0}, {"heldout35", 50, 0}, {"heldout36", 49, 0}, {"heldout39", 49, 1}, {"heldout41", 50, 0}, {"heldout43", 50, 0}, {"heldout3", 49, 0}} {
		t.Run(set.dir, func(t *testing.T) {
			sv, en, queued := runSmallTalkSet(t, "../knowledge/testdata/"+set.dir+"/smalltalk.jsonl", false)
			if sv < 50 || en < 50 || queued > 0 {
				t.Logf("%s: below the target of issue 15 (every line a small-talk reply, none queued)", set.dir)
			}
			if sv < set.floor || en < set.floor {
				t.Errorf("%s: fewer than %d lines of a language got a small-talk reply", set.dir, set.floor)
			}
			if queued > set.queued {
				t.Errorf("%s: %d lines entered the organisers' queue (at most %d)", set.dir, queued, set.queued)
			}
		})
	}
}

// TestChatterIsNotQueued: a short line the bot cannot place and that is no
// question gets a friendly reply with something to try, not "I don't
// know" and the organisers' queue; anything that may be a question (a
// question mark, a number, an opening question word, more than a few
// words) still goes to the queue.
func TestChatterIsNotQueued(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	chatted(t, h, kim, "bra jobbat allihopa", "😂😂", "sitter och målar idag", "nice weather in here")
	noQueue(t, h)
	queued(t, h, kim, "sv", "vad kostar en brännugn", "how do I book the kiln", "öppettider för simhallen?", "priset för 2027 års kurs", "jag undrar över reglerna för försäljning av keramik på julmarknaden i stan")
}

// TestSmallTalkAroundOtherWords: small talk around a few words that ask
// the knowledge base nothing is small talk; around words it can answer,
// or a question word, it is a question.
func TestSmallTalkAroundOtherWords(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	chatted(t, h, kim, "hej! tack för tipset om boken", "ha det bra nu på lördag", "thanks a lot for yesterday's chat", "tjena gänget, solen skiner")
	replies := anyChatReply(h)
	for _, text := range []string{"hej! passionsdriven ekonomi", "tack, vad står PUNKS för", "hi, passion economy"} {
		if got := h.Say(kim, text); replies[got] {
			t.Errorf("%q is a question: %q", text, got)
		}
	}
}

// TestTalkAboutTheBot: questions and remarks about the bot itself, in
// shapes no phrase list holds, get a small-talk reply in the member's
// language and never enter the queue; a question that only addresses the
// bot to ask for something the base does not know still does, and one
// the base knows is answered.
func TestTalkAboutTheBot(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	for _, c := range []struct{ lang, text, key string }{
		{"sv", "vilket namn har du egentligen?", "chat.who"},
		{"en", "is someone typing this or is it automatic?", "chat.who"},
		{"sv", "Vilken är din favoirtmat?", "chat.personal"},
		{"en", "do you like Sweden?", "chat.personal"},
		{"en", "what are your skills?", "chat.what"},
		{"sv", "hur känns dagen för dig?", "chat.how"},
		{"en", "that answer made no sense", "chat.unclear"},
		{"sv", "det där var det sämsta svaret ever", "chat.unclear"},
		{"sv", "hej från Varberg 😊", "chat.greet"},
		{"en", "Sorry about my English", "chat.sorry"},
	} {
		if got, want := h.SayIn(kim, c.lang, c.text), h.Bot.Catalog().T(c.lang, c.key); got != want {
			t.Errorf("%q: %q, want %q", c.text, got, want)
		}
	}
	noQueue(t, h)
	queued(t, h, kim, "en", "can you tell me the opening hours of the pottery studio?", "vet du vem som har nycklarna till ateljén?", "how do you book the kiln?")
	// Found by a tester: small talk that was read as something else, and
	// questions that were read as small talk.
	for _, c := range []struct{ lang, text, key string }{
		{"sv", "kanske", "chat.ack"}, {"en", "maybe", "chat.ack"}, {"en", "yes please", "chat.ack"},
		{"sv", "nej tack", "chat.ack"}, {"en", "no thanks", "chat.ack"},
		{"sv", "hej jag heter Anna och har en liten gård med getost utanför Laholm", "chat.intro"},
		{"en", "i'm a photographer in varberg", "chat.intro"},
		{"sv", "kan du förklara enklare", "chat.unclear"}, {"sv", "jag förstod inte det där", "chat.unclear"},
		{"en", "i love this community", "chat.praise"}, {"sv", "Va?", "chat.unclear"},
		{"en", "can you speak swedish?", "chat.languages"}, {"sv", "kan du svenska?", "chat.languages"},
		{"sv", "2", "chat.unsure"}, {"en", "??", "chat.unsure"},
	} {
		if got, want := h.SayIn(kim, c.lang, c.text), h.Bot.Catalog().T(c.lang, c.key); got != want {
			t.Errorf("%q: %q, want %q", c.text, got, want)
		}
	}
	for _, text := range []string{"what's the title of linda's book", "vad har ni för öppettider", "what are your opening hours",
		"när öppnar ni", "whats the weather in halmstad tomorrow", "jag driver ett bageri och vill veta om det räknas som passionsdrivet"} {
		if got := h.SayIn(kim, "en", text); strings.Contains(got, "not quite following") || strings.Contains(got, "hänger inte riktigt med") ||
			strings.Contains(got, "I'm passionbot") || strings.Contains(got, "Jag är passionbot") || strings.Contains(got, "Nice to meet you") || strings.Contains(got, "Trevligt att träffas") {
			t.Errorf("%q is a question, not small talk: %q", text, got)
		}
	}
	if got := h.SayIn(kim, "sv", "vad vet du om PUNKS?"); !strings.Contains(got, "PUNKS") || strings.Contains(got, "bara en bot") {
		t.Errorf("a question about the base's subject: %q", got)
	}
}

// TestRemarksAreSmallTalk: a longer line about the member's day that asks
// nothing gets a friendly word (chat.remark), not the organisers' queue;
// a question without a question mark still goes there.
func TestRemarksAreSmallTalk(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	for _, c := range []struct{ lang, text string }{
		{"sv", "Har glaserat fyrtio skålar sedan lunch och nu gör handlederna ont"},
		{"sv", "Färjan var inställd så jag fick köra hela vägen runt i morse"},
		{"en", "The neighbour's goats got into the orchard again this afternoon"},
		{"en", "Finally finished the big commission after three long weeks of work"},
	} {
		if got, want := h.SayIn(kim, c.lang, c.text), h.Bot.Catalog().T(c.lang, "chat.remark"); got != want {
			t.Errorf("%q: %q, want %q", c.text, got, want)
		}
	}
	noQueue(t, h)
	queued(t, h, kim, "en", "is the pottery studio in Tvååker still open on sundays",
		"har ateljén i Tvååker fortfarande öppet på söndagar", "any tips for selling ceramics at christmas markets in Halland",
		"tell me about the ferry prices to Anholt this summer please")
}

// TestTesterSmallTalkFindings: lines a tester playing new members found
// misread. Questions are not small talk; a mood is not an introduction;
// "bra, och du?" asks how the bot is; a language the bot does not speak
// gets the languages it does.
func TestTesterSmallTalkFindings(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	replies := anyChatReply(h)
	for _, c := range []struct{ lang, text string }{
		{"en", "is this community free?"}, {"sv", "Vilken dag är det idag"}, {"en", "what day is it today?"},
		{"sv", "hälsa räknas väl också?"}, {"en", "you know any place to sell my food in halmstad?"},
		{"en", "do you know anyone who speaks german?"}, {"sv", "priset för 2027 års kurs"},
		{"en", "hey, i run guided kayak tours along the coast, zero desire to grow big. am i passion driven"},
		{"sv", "behöver hjälp med bokföringen, kan någon tipsa"},
		{"en", "since when has linda been an adviser to the cultural and creative industries, just curious"},
		{"sv", "hej vem ska jag kontakta om jag har frågor om viakub halland"},
		{"sv", "Vilka andra i gruppen håller på med hantverk?"}, {"sv", "vem mer gillar musik här"},
		{"sv", "kan man tjäna pengar på det"}, {"sv", "finns det en film om det här?"}, {"sv", "är det fel att tjäna pengar?"},
	} {
		if got := h.SayIn(kim, c.lang, c.text); replies[got] {
			t.Errorf("%q is a question, not small talk: %q", c.text, got)
		}
	}
	for _, c := range []struct{ lang, text, key string }{
		{"en", "do you speak arabic?", "chat.languages"}, {"sv", "pratar du tyska?", "chat.languages"},
		{"sv", "jag är trött nu", "chat.remark"}, {"en", "I'm tired today", "chat.remark"},
		{"sv", "Jag har mjölkat kor sen klockan fem i morse", "chat.remark"},
		{"sv", "bra, och du?", "chat.how"}, {"en", "good thanks, and you?", "chat.how"},
		{"sv", "jag heter Britt och har en gård utanför Laholm", "chat.intro"},
		// This session's tuning sets: "food" is no "född", an English
		// question may leave out its "have you", a language named after
		// "do you know" asks what the bot speaks, "who" after what a
		// member is opens no question, "låter" is no "later", and a
		// statement opening like a yes/no question is a remark.
		{"en", "what's your favourite food?", "chat.personal"}, {"en", "got any hobbies?", "chat.personal"},
		{"en", "know any good jokes?", "chat.personal"}, {"en", "do you know Spanish too?", "chat.languages"},
		{"en", "Hi! I'm Chloe, a potter from Bristol who now lives near Onsala.", "chat.intro"},
		{"sv", "Ok, låter rimligt", "chat.ack"}, {"en", "huh? that makes no sense", "chat.unclear"},
		{"sv", "va? hänger inte med", "chat.unclear"}, {"sv", "sitter å glaserar koppar i solen, livet e gött", "chat.remark"},
		{"sv", "har inte sovit på två dygn pga julmarknaden", "chat.remark"}, {"sv", "mamma fyller 80 idag 🎉", "chat.remark"},
		{"en", "Lovely sunny day here in Varberg", "chat.remark"},
		{"en", "Where do you live, are you also from Halland?", "chat.who"}, {"sv", "bor du i Halmstad?", "chat.who"},
		{"sv", "Tjena! Flyttade hit från Norrland i våras, trodde inte att det kunde blåsa så här mycket", "chat.remark"},
		{"en", "Hello? Is somebody there? I only test if it works", "chat.greet"},
		{"en", "Hmm, now I am confused. What did you say?", "chat.unclear"},
		{"sv", "har bränt i ugnen hela dagen", "chat.remark"}, {"sv", "har typ inte gjort nåt idag haha", "chat.remark"},
		{"sv", "ska ut och plocka svamp sen", "chat.remark"}, {"en", "did basically nothing today haha", "chat.remark"},
		{"sv", "hur mås det 😄", "chat.how"}, {"en", "new member here 👋", "chat.greet"},
		// The second tester's lines.
		{"sv", "vilken fin dag det är idag", "chat.remark"}, {"sv", "förlåt min svenska är inte bra", "chat.sorry"},
		{"sv", "jag gillar keramik", "chat.intro"}, {"sv", "jag gör smycken på fritiden", "chat.intro"},
		{"sv", "exakt", "chat.ack"}, {"sv", "tack, nu är allt klart!", "chat.thanks"}, {"en", "ok good", "chat.ack"},
		{"sv", "Jag tackar ödmjukast för hjälpen, du är en trevlig liten maskin.", "chat.thanks"},
		{"sv", "du är en trevlig liten maskin", "chat.praise"},
		{"sv", "jag har precis kommit hem från marknaden, sålde slut på all honung!", "chat.remark"},
		{"sv", "du förstår ju ingenting", "chat.unclear"}, {"sv", "funkar du ens", "chat.unclear"},
		{"sv", "jag har frågat tre gånger nu", "chat.unclear"}, {"sv", "Ja men det var ju inte dumt alls det.", "chat.praise"},
		{"sv", "kan jag prata med en människa istället?", "chat.human"}, {"en", "can I talk to a human?", "chat.human"},
		{"sv", "vem ska jag kontakta om boten inte funkar", "chat.human"},
		{"sv", "Go'morron! Korna är mjölkade och nu blir det fika", "chat.morning"}, {"sv", "Va? Fattar noll", "chat.unclear"},
		{"en", "Is this working? Just trying it out from my phone at the cafe between customers", "chat.greet"},
		{"sv", "du låter som en robot", "chat.who"}, {"en", "ur kinda mid ngl", "chat.unclear"},
		{"en", "Hej hej! My Swedish is pretty basic, is English ok with you?", "chat.languages"},
		{"sv", "Du är en klippa", "chat.praise"}, {"en", "This is doing my head in", "chat.unclear"},
		{"sv", "Nu fattar jag ingeting, vad hände där?", "chat.unclear"},
		{"en", "Is this an actual person or am I chatting with an algorithim?", "chat.who"},
		{"en", "Can you juggle?", "chat.personal"}, {"en", "why do you keep misunderstanding me", "chat.unclear"},
		{"en", "speak english?", "chat.languages"}, {"en", "svenska or english?", "chat.languages"},
		{"en", "happy friday everyone!", "chat.greet"},
		{"en", "hi hi, im Fredrik, just joined, i make knives and do a bit of blacksmithing in an old barn outside town, been at it like twenty years but never been part of anything like this before so no clue how it all works but wanted to say hi anyway 👋", "chat.remark"},
	} {
		if got, want := h.SayIn(kim, c.lang, c.text), h.Bot.Catalog().T(c.lang, c.key); got != want {
			t.Errorf("%q: %.80q, want %.80q", c.text, got, want)
		}
	}
	if got := h.SayIn(kim, "sv", "men jag måste ju ändå betala hyran..."); got == h.Bot.Catalog().T("sv", "chat.bye") {
		t.Errorf("a remark mid-conversation is told goodbye")
	}
}
