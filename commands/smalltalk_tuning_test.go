package commands_test

import (
	"context"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestSmallTalkTuning runs the small-talk tuning set
// (testdata/smalltalk_tuning.jsonl: 150 Swedish and 150 English lines,
// written blind before the recognizer was tuned on them) and heldout2's
// small talk (tuned on before) through the whole bot, each line from a
// new member in its language. A line counts when it gets a small-talk
// reply in its language; none may enter the organisers' unanswered queue.
// The help command's list counts as a reply for a line that names it
// ("Hjälp!", "help me get started"). The misses are logged: these are the
// sets to tune on (the blind sets are TestSmallTalkHeldOut's).
//
// The tuning set, first measured before any tuning: sv 112/150, en
// 112/150, 61 lines into the queue. The second tuning set
// (testdata/smalltalk_tuning2.jsonl, 150 + 150 new lines in wider
// registers: dialect greetings, "are you a robot/AI", reactions,
// compliments, mild frustration, emoji), first measured before any tuning
// on it: sv 130/150, en 130/150, 17 lines into the queue; after tuning
// 150/150 each, 0 queued. heldout6 and heldout7 (measured blind once
// each, TestSmallTalkHeldOut then) are tuning sets since: their misses
// led to the rule for talk about the bot (aboutbot.go). The third tuning
// set (testdata/smalltalk_tuning3.jsonl, 200 + 200 lines), first measured
// with that rule and before any tuning on it: sv 179/200, en 173/200, 23
// lines into the queue; after: sv 200/200, en 198/200, 0 queued (left:
// "10/10 would chat again", a number; "Sorry for being grumpy, long day",
// four words around the apology). heldout9 (50 + 50 lines, written blind
// with tuning3), measured once after the tuning3 pass: sv 40/50, en 46/50,
// 8 lines into the queue; a tuning set since (now 50/50 each, 0 queued).
// The fourth tuning set (testdata/smalltalk_tuning4.jsonl, 299 + 298 lines
// in the widest registers, written blind; 3 lines equal to lines of the
// reserve held-out set heldout10 were dropped by script, unread), first
// measured after the heldout9 pass: sv 261/299, en 261/298, 42 lines into
// the queue; after: sv 298/299, en 298/298, 0 queued (four of them,
// "Hjälp!" and "help me get started", run the help command; the miss is
// "Lyssar du?", a typo too short to correct safely). heldout10 (50 + 50,
// the reserve set written blind with tuning3), measured once at the end
// of all the passes above and a tester's session: sv 40/50, en 45/50, 8
// lines into the queue — issue 15's target is not met on unseen lines; a
// tuning set since. heldout16 (50 + 50, written blind after that pass),
// measured once: sv 47/50, en 49/50, 2 queued; a tuning set since.
//
// tuning5 (300 + 300 lines in unusual phrasings), tuning6 (200 + 200,
// older members, formal and dialect) and tuning7 (200 + 200, young
// members, slang and code-switching) were written blind and first
// measured with small talk by example: sv 264/300, en 261/300, 54 queued;
// sv 176/200, en 177/200, 43 queued; sv 184/200, en 195/200, 14 queued.
// heldout17 and heldout19 (50 + 50 each, blind) were measured once after
// them: sv 49/50, en 50/50, 0 queued; sv 49/50, en 48/50, 3 queued.
// heldout20 (50 + 50, blind) was measured once after all of that and the
// tester's fixes: sv 47/50, en 48/50, 3 queued; a tuning set since.
// heldout21 (50 + 50, blind) was measured once after heldout20's fixes:
// sv 50/50, en 49/50, 1 queued ("whatcha up to …"); a tuning set since.
// heldout22 (50 + 50, blind) was measured once after that: sv 49/50, en
// 50/50, 1 queued ("Usch vilket regn det är i Halmstad idag …", an
// exclamation); a tuning set since. heldout23 (50 + 50, blind) was
// measured once after that: sv 50/50, en 49/50, 0 queued ("got any
// hobbys?", a question that leaves out its "have you"); a tuning set since.
// heldout24 (50 + 50, blind) was measured once after that: sv 49/50, en
// 48/50, 1 queued (confusion in words the rules did not have: "va?
// hänger inte med", "huh? that makes no sense"); a tuning set since.
// tuning8 (300 + 300, written blind in the widest registers) was first
// measured after heldout24's pass and the hand labels: sv 293/300, en
// 287/300, 13 queued; after: sv 300/300, en 298/300, 2 queued (left: "Can
// you give me a quick intro to usin you?", a request; "cats or dogs?
// choose wisely", a second clause the rules do not know). heldout25 (50 +
// 50, blind: dialect, older members, non-native English) was measured
// once after that: sv 47/50, en 47/50, 3 queued (how to talk to the bot in
// several clauses, testing "is somebody there?", a remark with "det kunde
// blåsa", "are you also from Halland?"); a tuning set since. tuning9 (300
// + 300 short, messy lines: slang, code-switching, some long rambles;
// written blind) was first measured after that: sv 289/300, en 288/300,
// 14 queued; after: sv 300/300, en 299/300, 1 queued (left: a long
// ramble that ends "just wanted to tell someone haha": "tell" asks).
// heldout26 (50 + 50, blind: short, messy, slang, code-switching) was
// measured once after that and a tester's lines: sv 50/50, en 48/50, 2
// queued ("speak english?", "svenska or english?": "do you" left out); a
// tuning set since. heldout31 and heldout32 (50 + 50 each, blind) were
// measured once after all of that, a second tester's fixes and knowledge
// passes 14–15: heldout31 sv 50/50, en 50/50, 0 queued (the target, kept
// in TestSmallTalkHeldOut); heldout32 (the most varied: a farmer, a
// teenager, a retired teacher, non-native speakers, dialect) sv 47/50, en
// 47/50, 4 queued; a tuning set since. heldout33 (blind, everyday
// members) was measured once after heldout32's pass: sv 50/50, en 50/50,
// 0 queued (TestSmallTalkHeldOut). heldout34 (blind, unusual phrasings:
// idioms, humour, indirect greetings and thanks) was measured once after
// a second tester's fixes: sv 47/50, en 44/50, 6 queued; a tuning set
// since. tuning10 (300 + 300 hard lines: idioms, humour, dialect,
// indirect; written blind) was first measured after heldout34's pass: sv
// 281/300, en 272/300, 38 queued; after (a question put to the bot that
// names nothing the base knows gets the bot's "no answer of my own", and
// 39 hand labels): sv 294/300, en 290/300, 10 queued. heldout37 and
// heldout38 (50 + 50 each, blind, hard) were measured once after that: sv
// 49/50, en 49/50, 1 and 2 queued; tuned on since by rules only (their
// lines as examples moved a line of the held-out heldout36 into the
// queue, so they are no examples): 50/49/0 and 50/50/0.
//
// Since every line of these sets is also an example of small talk by
// example (chatnn.go, chatexamples.tsv), each set gets every line right:
// these floors guard the rules and the examples against breaking, and say
// nothing of unseen lines (TestChatExamplesCrossValidated and
// TestSmallTalkHeldOut do).
func TestSmallTalkTuning(t *testing.T) {
	for _, set := range []struct {
		name, path string
		// floor is the fewest lines per language that must get a
		// small-talk reply, queued the most lines that may enter the
		// organisers' queue.
		floorSV, floorEN, queued int
	}{
		{"tuning", "testdata/smalltalk_tuning.jsonl", 150, 150, 0},
		{"heldout2", "../knowledge/testdata/heldout2/smalltalk.jsonl", 50, 50, 0},
		{"tuning2", "testdata/smalltalk_tuning2.jsonl", 150, 150, 0},
		{"heldout6", "../knowledge/testdata/heldout6/smalltalk.jsonl", 50, 50, 0},
		{"heldout7", "../knowledge/testdata/heldout7/smalltalk.jsonl", 50, 50, 0},
		{"tuning3", "testdata/smalltalk_tuning3.jsonl", 200, 200, 0},
		{"heldout9", "../knowledge/testdata/heldout9/smalltalk.jsonl", 50, 50, 0},
		{"tuning4", "testdata/smalltalk_tuning4.jsonl", 299, 298, 0},
		{"heldout10", "../knowledge/testdata/heldout10/smalltalk.jsonl", 50, 50, 0},
		{"heldout16", "../knowledge/testdata/heldout16/smalltalk.jsonl", 50, 50, 0},
		{"tuning5", "testdata/smalltalk_tuning5.jsonl", 297, 294, 3},
		{"tuning6", "testdata/smalltalk_tuning6.jsonl", 200, 199, 1},
		{"tuning7", "testdata/smalltalk_tuning7.jsonl", 199, 200, 1},
		{"heldout17", "../knowledge/testdata/heldout17/smalltalk.jsonl", 50, 50, 0},
		{"heldout19", "../knowledge/testdata/heldout19/smalltalk.jsonl", 50, 49, 0},
		{"heldout20", "../knowledge/testdata/heldout20/smalltalk.jsonl", 50, 49, 1},
		{"heldout21", "../knowledge/testdata/heldout21/smalltalk.jsonl", 50, 50, 0},
		{"heldout22", "../knowledge/testdata/heldout22/smalltalk.jsonl", 50, 50, 0},
		{"heldout23", "../knowledge/testdata/heldout23/smalltalk.jsonl", 50, 49, 0},
		{"heldout24", "../knowledge/testdata/heldout24/smalltalk.jsonl", 49, 48, 1},
		{"tuning8", "testdata/smalltalk_tuning8.jsonl", 300, 298, 2},
		{"heldout25", "../knowledge/testdata/heldout25/smalltalk.jsonl", 50, 50, 0},
		{"tuning9", "testdata/smalltalk_tuning9.jsonl", 300, 300, 0},
		{"heldout26", "../knowledge/testdata/heldout26/smalltalk.jsonl", 50, 50, 0},
		{"heldout32", "../knowledge/testdata/heldout32/smalltalk.jsonl", 50, 50, 0},
		{"heldout34", "../knowledge/testdata/heldout34/smalltalk.jsonl", 50, 50, 0},
		{"tuning10", "testdata/smalltalk_tuning10.jsonl", 298, 294, 3},
		{"heldout37", "../knowledge/testdata/heldout37/smalltalk.jsonl", 50, 49, 0},
		{"heldout38", "../knowledge/testdata/heldout38/smalltalk.jsonl", 50, 50, 0},
		// heldout42 (blind, hard) measured once: sv 49/50, en 46/50, 5
		// queued; 50/50/0 after small talk among clauses (chatclauses.go).
		{"heldout42", "../knowledge/testdata/heldout42/smalltalk.jsonl", 50, 50, 0},
		// heldout44 (blind, hard) measured once at the session's end: sv
		// 49/50, en 47/50, 3 queued; 50/49/0 after phrases ("just checkin'
		// in", "what just happened", "skriver jag bara rakt in i chatten").
		{"heldout44", "../knowledge/testdata/heldout44/smalltalk.jsonl", 50, 49, 0},
	} {
		t.Run(set.name, func(t *testing.T) {
			sv, en, queued := runSmallTalkSet(t, set.path, true)
			if sv < set.floorSV || en < set.floorEN {
				t.Errorf("below the floors: sv %d (at least %d), en %d (at least %d)", sv, set.floorSV, en, set.floorEN)
			}
			if queued > set.queued {
				t.Errorf("%d lines entered the organisers' queue (at most %d)", queued, set.queued)
			}
		})
	}
}

// runSmallTalkSet says each line of the JSON-lines file at path to a new
// member in the line's language and returns how many lines per language
// got a small-talk reply in it, and how many entered the queue. It logs
// the misses of tuning data (nameMisses); a held-out set's stay unread.
func runSmallTalkSet(t *testing.T, path string, nameMisses bool) (sv, en, queued int) {
	t.Helper()
	h := bottest.New(t)
	replies := map[string]map[string]bool{"sv": chatReplies(h, "sv"), "en": chatReplies(h, "en")}
	for lang, r := range replies {
		// "Hjälp!", "help me get started": the help command's list, which
		// the member asked for by its name, counts as a reply too.
		r[h.Bot.HelpList(lang, bot.RoleMember)] = true
	}
	total, ok := map[string]int{}, map[string]int{}
	eachLine(t, path, func(i int, q, lang, _ string) {
		if lang != bot.LangSV && lang != bot.LangEN {
			t.Fatalf("line %d: language %q", i+1, lang)
		}
		total[lang]++
		u := h.Member("t"+string(rune('a'+i%26))+strings.Repeat("x", i/26), bot.RoleMember)
		got := h.SayIn(u, lang, q)
		switch {
		case replies[lang][got]:
			ok[lang]++
		case nameMisses:
			t.Logf("miss %s %q: %.70q", lang, q, got)
		}
	})
	n, err := h.DB.CountOpenQuestions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: sv %d/%d, en %d/%d, %d entered the organisers' queue",
		path, ok["sv"], total["sv"], ok["en"], total["en"], n)
	return ok["sv"], ok["en"], n
}
