package commands

import (
	"slices"
	"testing"

	"passionbot/knowledge"
)

// builtinIndex is the index of the built-in knowledge base.
func builtinIndex(t *testing.T) *knowledge.Index {
	t.Helper()
	topics, err := knowledge.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return knowledge.NewIndex(topics)
}

// TestAboutBot: lines about the bot itself, in shapes no phrase list
// holds, are small talk with the reply that answers them; questions that
// only address the bot to ask for something else ("kan du berätta …",
// "do you know …", "how do you book …") or that name what the base is
// about are not.
func TestAboutBot(t *testing.T) {
	ix := builtinIndex(t)
	for _, c := range []struct {
		text   string
		intent chatIntent
		lang   string
	}{
		{"vilket namn har du egentligen?", chatWho, "sv"},
		{"and who might you be?", chatWho, "en"},
		{"is someone typing this or is it automatic?", chatWho, "en"},
		{"var bor du någonstans?", chatWho, "sv"},
		{"do you ever get bored?", chatPersonal, "en"},
		{"gillar du pizza?", chatPersonal, "sv"},
		{"what's your favourite colour", chatPersonal, "en"},
		{"vad tycker du om vädret idag?", chatPersonal, "sv"},
		{"what are your skills?", chatWhat, "en"},
		{"vad är du bra på?", chatWhat, "sv"},
		{"how is your day going so far?", chatHowAreYou, "en"},
		{"hur känns dagen för dig?", chatHowAreYou, "sv"},
		{"vilken duktig bot", chatPraise, "sv"},
	} {
		intent, lang := smallTalkVocab().recognizeAboutBot(c.text, "", ix.Words, false)
		if intent != c.intent || lang != c.lang {
			t.Errorf("%q = %d (%q), want %d (%q)", c.text, intent, lang, c.intent, c.lang)
		}
	}
	for _, text := range []string{
		"kan du berätta när nästa träff är?", "can you tell me the opening hours?",
		"do you know who wrote the report?", "vet du vem som skrev rapporten?",
		"har du koll på öppettiderna för verkstaden?", "how do you book the kiln?",
		"where can you buy clay in Halmstad?", "what do you think about PUNKS?",
		"vad vet du om passionsdriven ekonomi?", "is there a course in the bot?",
		"can you help me find the report about VIAkub?", "do you know zoom?",
		"kan du förklara vad PUNKS gör", "could you explain the three principles please",
		"what do you know about Linda Nordfors", "hur gör man för att bli medlem?",
	} {
		if intent, _ := smallTalkVocab().recognizeAboutBot(text, "", ix.Words, false); intent != chatNone {
			t.Errorf("%q read as talk about the bot (%d)", text, intent)
		}
	}
}

// TestQuestionsAreNotAboutBot reads every question of the knowledge base's
// evaluation, tuning and held-out sets: none is read as talk about the
// bot, except the questions about the bot itself (topics bot-about and
// bot-how-to-ask), which the "who" and "what" replies answer. The
// held-out sets' questions are counted, not shown.
func TestQuestionsAreNotAboutBot(t *testing.T) {
	ix := builtinIndex(t)
	sets := append(slices.Clip(tuningQuestions), "heldout3/questions.jsonl", "heldout4/questions.jsonl", "heldout5/questions.jsonl")
	caught := 0
	n := eachQuestion(t, sets, func(name string, q question) {
		if q.Topic == "bot-about" || q.Topic == "bot-how-to-ask" {
			return
		}
		if intent, _ := smallTalkVocab().recognizeAboutBot(q.Q, q.Lang, ix.Words, false); intent != chatNone {
			caught++
			if !slices.Contains(tuningQuestions, name) {
				return // a held-out question: counted, not shown
			}
			t.Errorf("%s: question %q read as talk about the bot (%d)", name, q.Q, intent)
		}
	})
	if caught > 0 {
		t.Errorf("%d of %d questions read as talk about the bot", caught, n)
	}
	t.Logf("%d questions, none read as talk about the bot", n)
}

// TestReasonsAreNotRequests: thanks, an apology or a greeting with its
// reason or origin is small talk however long; with a request or a
// question in it, it is not.
func TestReasonsAreNotRequests(t *testing.T) {
	for _, text := range []string{
		"Tack för påminnelsen om träffen", "Big thanks from all of us at the bakery",
		"Förlåt att jag svarar så sent, har varit på marknad hela helgen", "Sorry, my English is not so good",
		"hej från tåget mellan Kungsbacka och Göteborg", "Hejsan från Varberg, hur är läget?",
	} {
		r := smallTalkVocab().recognizeLoose(text, "")
		if intent, _ := smallTalkVocab().recognizeClauses(text, ""); r.intent == chatNone && intent == chatNone {
			t.Errorf("%q is not read as small talk", text)
		}
	}
	for _, text := range []string{
		"hej från Varberg, jag har en fråga om PUNKS", "thanks for the answer, but when is the next meetup",
		"tack för svaret, jag undrar också vem som skrev rapporten", "Thanks for the info. Is the course in English?",
		"sorry for asking again, I need the phone number of VIAkub", "hej från Halmstad, vad är PUNKS?",
	} {
		r := smallTalkVocab().recognizeLoose(text, "")
		if intent, _ := smallTalkVocab().recognizeClauses(text, ""); r.intent != chatNone || intent != chatNone {
			t.Errorf("%q read as small talk (%d, %d)", text, r.intent, intent)
		}
	}
}
