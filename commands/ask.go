package commands

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/knowledge"
	"passionbot/storage"
)

// QuestionStore records the questions the bot could not answer.
type QuestionStore interface {
	RecordUnanswered(ctx context.Context, u bot.User, question, lang string, at time.Time) (int64, error)
	OpenQuestions(ctx context.Context, limit int) ([]storage.Question, error)
	Question(ctx context.Context, id int64) (storage.Question, error)
	MarkAnswered(ctx context.Context, id int64, entryID string) error
}

// Answer is the knowledge base's answer to one question.
type Answer struct {
	Question string
	Lang     string // language of the answer
	knowledge.Result
}

// Ask answers question in its own language when that is clear, else in
// fallbackLang.
func (l *Library) Ask(question, fallbackLang string) Answer {
	lang := fallbackLang
	if dl, ok := knowledge.DetectLang(question); ok {
		lang = dl
	}
	res := l.Index().Search(question, lang)
	if res.Lang != "" {
		lang = res.Lang
	}
	return Answer{Question: question, Lang: lang, Result: res}
}

// AnswerText renders an answer for chat: title, body, source and related
// topics; or, when the bot does not know, an honest "not yet" with the
// nearest topics.
func AnswerText(cat *bot.Catalog, a Answer, recorded bool) string {
	var b strings.Builder
	if a.Answered && a.Top != nil {
		b.WriteString("**" + a.Top.Title + "**\n" + a.Text())
		if a.Top.Source != "" {
			b.WriteString("\n_" + cat.T(a.Lang, "ask.source", a.Top.Source) + "_")
		}
		if titles := topicTitles(a.Related); titles != "" {
			b.WriteString("\n" + cat.T(a.Lang, "ask.related", titles))
		}
		return b.String()
	}
	b.WriteString(cat.T(a.Lang, "ask.unknown"))
	if recorded {
		b.WriteString(" " + cat.T(a.Lang, "ask.recorded"))
	}
	if titles := topicTitles(a.Nearest); titles != "" {
		b.WriteString("\n" + cat.T(a.Lang, "ask.nearest", titles))
	}
	return b.String()
}

func topicTitles(ts []*knowledge.Topic) string {
	var out []string
	for _, t := range ts {
		if t != nil {
			out = append(out, "“"+t.Title+"”")
		}
	}
	return strings.Join(out, " · ")
}

// ask answers questions from the knowledge base.
type ask struct {
	lib     *Library
	store   QuestionStore
	answers AnswerStore  // answers given, for 👍 / 👎 (feedback.go)
	chat    *smallTalk   // greetings and thanks are not questions
	meetups *meetupAsk   // "när är nästa träff?": the meetups coming up (meetupask.go)
	members *interestAsk // "vem mer gillar keramik?": members with an interest (interestask.go)
	log     *slog.Logger
}

func newAsk(d Deps, tags *tagger) *ask {
	return &ask{lib: d.Library, store: d.Store, answers: d.Store, chat: newSmallTalk(d), meetups: newMeetupAsk(d),
		members: &interestAsk{store: d.Store, tags: tags}, log: d.logFor("ask")}
}

// Name names the feature.
func (*ask) Name() string { return "ask" }

// Commands are the feature's commands.
func (f *ask) Commands() []*bot.Command {

	return []*bot.Command{{
		Name:    "ask",
		Aliases: []string{"fråga", "fraga"},
		Group:   "knowledge",
		Help:    bot.Text{SV: "Fråga mig om den passionsdrivna ekonomin", EN: "Ask me about the passion-driven economy"},
		Args: []bot.Arg{{Name: "question", SV: "fråga", Kind: bot.KindRest, Required: true, MaxLen: 2000,
			Help: bot.Text{SV: "din fråga, på svenska eller engelska", EN: "your question, in Swedish or English"}}},
		Examples: []string{"ask vad menas med passionsdriven ekonomi?", "ask what does PUNKS stand for?"},
		Run: func(ctx context.Context, c *bot.Call) error {
			return f.answer(ctx, c, c.Args.String("question"))
		},
	}}
}

// fallback answers addressed text that is not a command as a question.
func (f *ask) fallback() bot.RunFunc {
	return func(ctx context.Context, c *bot.Call) error {
		if r := []rune(c.Line); len(r) > 2000 {
			return c.Refuse("ask.too_long", 2000)
		}
		return f.answer(ctx, c, c.Line)
	}
}

// answer replies to a question and records it when the bot does not know.
// Small talk gets a friendly reply instead; an answer offers 👍 / 👎.
func (f *ask) answer(ctx context.Context, c *bot.Call, q string) error {
	// A question about the meetups coming up ("finns det någon träff
	// snart?", "hej! när är nästa fika?"): the meetups, before small talk
	// takes it for a greeting or a question about what the bot can do.
	if asked, err := f.meetups.reply(ctx, c, q); asked {
		return err
	}
	if asked, err := f.members.reply(ctx, c, q); asked {
		return err
	}
	if chatted, err := f.chat.reply(ctx, c, q); chatted {
		return err
	}
	// Small talk around a few other words: small talk, unless those words
	// ask the knowledge base something.
	ix := f.lib.Index()
	words := onceWords(ix.Words, q)
	if chatted, err := f.chat.replyLoose(ctx, c, q, func(rest string) bool {
		subject, _ := ix.Words(rest)
		return len(subject) > 0 && f.lib.Ask(rest, c.Lang).Answered
	}); chatted {
		return err
	}
	// Talk about the bot itself ("vilket namn har du?", "do you ever
	// sleep?"): small talk, when it names nothing the base is about.
	if chatted, err := f.chat.replyAboutBot(ctx, c, q, words, false); chatted {
		return err
	}
	// A new phrasing of small talk: near the small-talk lines members
	// wrote, nearer than to any question ("har du några syskon?", "pouring
	// rain here in Halmstad"), before the base can mistake it for a
	// question that shares a word with it.
	if chatted, err := f.chat.replyByExample(ctx, c, q, words); chatted {
		return err
	}
	a := f.lib.Ask(q, c.Lang)
	if !a.Answered {
		// "Tjena! Hur är läget? vad är VIAkub?": the question once the
		// small talk around it is gone.
		if rest := smallTalkVocab().withoutSmallTalk(q, c.Lang); rest != "" {
			if b := f.lib.Ask(rest, c.Lang); b.Answered {
				b.Question = q
				a = b
			}
		}
	}
	if a.Answered && a.Top != nil && botTopics[a.Top.ID] {
		// The base's own topics about the bot answer what small talk
		// does ("how do I use you?"); a line the examples read as small
		// talk gets the small-talk reply ("det där var inte vad jag
		// frågade"), whatever words it names.
		if chatted, err := f.chat.replyByExample(ctx, c, q, nil); chatted {
			return err
		}
	}
	c.Bot().Observer().Asked(c.Event.Platform, a.Lang, a.Answered)
	if a.Answered {
		card := voteCard(ctx, c, f.answers, f.log, a)
		if err := c.Reply(ctx, bot.Reply{Text: AnswerText(c.Bot().Catalog(), a, false), Card: card}); err != nil {
			return err
		}
		if card != nil {
			// "Hjälpte svaret?" asked: a plain "ja" or "nej" votes, as
			// the buttons do; asked in passing, so an open quiz question
			// stays open and "ok tack" stays talk.
			c.Expect(bot.Answers{Yes: card.Buttons[0].Command, No: card.Buttons[1].Command, Keep: true, Passing: true})
		}
		return nil
	}
	if chatted, err := f.chat.replyAboutBot(ctx, c, q, words, true); chatted {
		// "do you like Sweden?": about the bot, though it names a place
		// the base knows, and the base has nothing to say to it.
		return err
	}
	if chatted, err := f.chat.replyByClauses(ctx, c, q, words); chatted {
		// "God morgon, vill bara säga hej innan jag öppnar butiken":
		// small talk among clauses that tell, and none that asks.
		return err
	}
	if smallTalkVocab().speaksToTheBot(q, words) {
		// "Kan du trolla med knäna också?": a question to the bot itself
		// that the base cannot answer and that names nothing it is about.
		return chatReply(ctx, c, q, chatPersonal, "")
	}
	if f.chat.remark(q) {
		// A line of a few words or more that asks nothing: a remark
		// about the member's day, not a question for the organisers.
		return c.Reply(ctx, bot.Reply{Text: c.T("chat.remark")})
	}
	if f.chat.chatter(q) {
		// A short line that is no question (or only emoji): a friendly
		// word, not "I don't know" and the organisers' queue.
		return c.Reply(ctx, bot.Reply{Text: c.T("chat.unsure")})
	}
	if storage.NormalizeQuestion(q) == "" {
		return c.Reply(ctx, bot.Reply{Text: AnswerText(c.Bot().Catalog(), a, false)})
	}
	note := record(ctx, c, f.log, f.store, q, a.Lang)
	text := AnswerText(c.Bot().Catalog(), a, note == "")
	if note != "" {
		text += "\n" + c.Bot().Catalog().T(a.Lang, note)
	}
	return c.Reply(ctx, bot.Reply{Text: text})
}

// onceWords is words that reads q's words once: the readers of one line
// (talk about the bot, small talk by example) ask about the same text.
// Other texts are read each time.
func onceWords(words func(string) (subject, other []string), q string) func(string) (subject, other []string) {
	var subject, other []string
	read := false
	return func(text string) ([]string, []string) {
		if text != q {
			return words(text)
		}
		if !read {
			subject, other = words(q)
			read = true
		}
		return subject, other
	}
}

// record saves an unanswered question for the organisers. It returns ""
// when it did, else the key of the sentence that says why not: the member
// has too many open questions, or the database cannot store it (a full
// disk). The member gets their answer either way.
func record(ctx context.Context, c *bot.Call, log *slog.Logger, qs QuestionStore, q, lang string) string {
	_, err := qs.RecordUnanswered(ctx, c.Event.User, q, lang, c.Bot().Options().Now())
	switch {
	case err == nil:
		return ""
	case errors.Is(err, storage.ErrTooManyQuestions):
		return "ask.too_many"
	}
	log.ErrorContext(ctx, "unanswered question not saved", "platform", c.Event.Platform, "err", err)
	return "ask.not_saved"
}

// Messages are the feature's texts.
func (*ask) Messages() bot.Messages {
	return bot.Messages{
		"group.knowledge": {SV: "Kunskap", EN: "Knowledge"},
		"ask.too_long":    {SV: "Meddelandet är för långt för mig (högst %d tecken). Korta ner det, eller dela upp det i flera frågor.", EN: "That message is too long for me (at most %d characters). Shorten it, or split it into several questions."},
		"ask.source":      {SV: "Källa: %s", EN: "Source: %s"},
		"ask.related":     {SV: "Läs också: %s", EN: "See also: %s"},
		"ask.unknown":     {SV: "Det vet jag inte än, och jag vill inte gissa.", EN: "I don't know that yet, and I'd rather not guess."},
		"ask.recorded":    {SV: "Jag har sparat frågan åt arrangörerna, så att de ser vad medlemmarna undrar.", EN: "I have saved the question for the organisers, so that they see what members wonder about."},
		"ask.too_many":    {SV: "Du har redan många frågor som väntar på svar, så den här sparade jag inte. När arrangörerna har svarat på några kan du fråga igen.", EN: "You already have many questions waiting for an answer, so I did not save this one. Once the organisers have answered some, you can ask again."},
		"ask.not_saved":   {SV: "Jag kunde inte spara frågan just nu (felet är loggat). Fråga gärna igen senare.", EN: "I could not save the question right now (the error has been logged). Please ask again later."},
		"ask.nearest":     {SV: "Det närmaste jag vet om: %s", EN: "The nearest things I know about: %s"},
	}
}
