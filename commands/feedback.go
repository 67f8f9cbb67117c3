package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// Learning from members (issue 15): every knowledge answer in chat offers
// 👍 / 👎 (buttons where the platform has them, `ask feedback` to type
// elsewhere), counted once per member and answer. Organisers see the
// answers voted down (`faq misses`) and link the member's question to the
// topic that answers it (`faq link`): it becomes one of the topic's
// example questions, searchable at once and after restarts (the Library
// adds the linked examples when it builds the index). Near-duplicate
// unanswered questions are one entry of `faq unanswered`, which `faq
// dismiss` removes.

// AnswerStore keeps the answers given in chat and the members' votes on
// them (storage.AnswerRetention), and the questions organisers linked.
type AnswerStore interface {
	RecordAnswer(ctx context.Context, u bot.User, question, topicID, lang string, at time.Time) (int64, error)
	Vote(ctx context.Context, u bot.User, id int64, vote string, at time.Time) (bool, error)
	GivenAnswer(ctx context.Context, id int64) (storage.GivenAnswer, error)
	Misses(ctx context.Context, limit int) ([]storage.GivenAnswer, error)
	LinkAnswer(ctx context.Context, id int64, topicID, lang, author string, at time.Time) (storage.Example, error)
	DismissQuestions(ctx context.Context, ids ...int64) (int64, error)
}

// ExampleStore lists the members' questions linked to topics.
type ExampleStore interface {
	Examples(ctx context.Context) ([]storage.Example, error)
}

// feedback is the votes on answers and what organisers do with them.
type feedback struct {
	lib       *Library
	answers   AnswerStore
	questions QuestionStore
	loc       *time.Location // the community's: the views' times are in it
	log       *slog.Logger
}

func newFeedback(d Deps) *feedback {
	return &feedback{lib: d.Library, answers: d.Store, questions: d.Store, loc: d.Location, log: d.logFor("feedback")}
}

// Name names the feature.
func (*feedback) Name() string { return "feedback" }

// voteCard keeps answer a as given to the caller and returns the card that
// asks whether it helped: 👍 and 👎 buttons, each the `ask feedback`
// command to type where there are no buttons. Nil when the answer could not
// be kept (logged): the member gets the answer anyway.
func voteCard(ctx context.Context, c *bot.Call, store AnswerStore, log *slog.Logger, a Answer) *bot.Card {
	if store == nil || a.Top == nil {
		return nil
	}
	id, err := store.RecordAnswer(ctx, c.Event.User, a.Question, a.Top.ID, a.Lang, c.Bot().Options().Now())
	if err != nil {
		log.ErrorContext(ctx, "answer not kept for feedback", "platform", c.Event.Platform, "err", err)
		return nil
	}
	cat := c.Bot().Catalog()
	card := &bot.Card{Footer: cat.T(a.Lang, "feedback.prompt"), Lang: a.Lang}
	for _, v := range []string{storage.VoteUp, storage.VoteDown} {
		cmd := fmt.Sprintf("ask feedback id:%d vote:%s", id, v)
		card.Buttons = append(card.Buttons, bot.Button{Label: cat.T(a.Lang, "feedback.button_"+v), Action: cmd, Command: cmd})
	}
	return card
}

// Commands are the feature's commands.
func (f *feedback) Commands() []*bot.Command {
	answerID := bot.Arg{Name: "id", Kind: bot.KindInt, Required: true, Min: 1, Max: 1 << 30,
		Help: txt("svarets nummer", "the answer's number")}
	return []*bot.Command{
		{
			Name: "ask feedback", GroupSV: []string{"fråga", "fraga"}, SV: []string{"omdöme", "omdome"}, Group: "knowledge", Ephemeral: true, NotNative: true,
			Help: txt("Säg om ett svar hjälpte (knapparna 👍 och 👎 under svaret)", "Say whether an answer helped (the 👍 and 👎 buttons under it)"),
			Args: []bot.Arg{answerID, {Name: "vote", SV: "röst", Kind: bot.KindChoice, Required: true, Choices: []string{storage.VoteUp, storage.VoteDown},
				ChoicesSV: map[string][]string{storage.VoteUp: {"upp", "bra"}, storage.VoteDown: {"ner", "dåligt"}},
				Help:      txt("upp om svaret hjälpte, ner om inte", "up when the answer helped, down when not")}},
			Examples: []string{"ask feedback id:12 vote:up"},
			Run:      f.vote,
		},
		{
			Name: "faq misses", SV: []string{"missar"}, Group: "knowledge", Role: bot.RoleOrganiser, Private: true,
			Help: txt("Svar som medlemmar tyckte inte hjälpte, med frågan och ämnet", "Answers members said did not help, with the question and the topic"),
			Run:  f.misses,
		},
		{
			Name: "faq link", SV: []string{"koppla"}, Group: "knowledge", Role: bot.RoleOrganiser,
			Help: txt("Lägg till en medlems fråga som exempelfråga till rätt ämne", "Add a member's question as an example question of the right topic"),
			Args: []bot.Arg{
				{Name: "question", SV: "fråga", Kind: bot.KindInt, Required: true, Min: 1, Max: 1 << 30, Help: txt("numret från `faq missar`", "the number from `faq misses`")},
				{Name: "topic", SV: "ämne", Kind: bot.KindText, Required: true, MaxLen: 40, Help: txt("id för ämnet som svarar på frågan", "the id of the topic that answers the question")},
			},
			Examples: []string{"faq link question:12 topic:punks"},
			Run:      f.link,
		},
		{
			Name: "faq dismiss", SV: []string{"avfärda"}, Group: "knowledge", Role: bot.RoleOrganiser, Ephemeral: true,
			Help:     txt("Ta bort en fråga (och dess dubbletter) ur `faq obesvarade`", "Remove a question (and its near-duplicates) from `faq unanswered`"),
			Args:     []bot.Arg{{Name: "id", Kind: bot.KindInt, Required: true, Min: 1, Max: 1 << 30, Help: txt("frågans nummer från `faq obesvarade`", "the question's number from `faq unanswered`")}},
			Examples: []string{"faq dismiss id:12"},
			Run:      f.dismiss,
		},
	}
}

// vote counts the caller's 👍 or 👎 on an answer, once.
func (f *feedback) vote(ctx context.Context, c *bot.Call) error {
	id, v := int64(c.Args.Int("id")), c.Args.String("vote")
	counted, err := f.answers.Vote(ctx, c.Event.User, id, v, c.Bot().Options().Now())
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return c.Refuse("feedback.no_answer", id)
	case err != nil:
		return err
	case !counted:
		return c.Say(ctx, "feedback.already")
	}
	c.Bot().Observer().Feedback(c.Event.Platform, v)
	return c.Say(ctx, "feedback.thanks_"+v)
}

// missesShown is how many answers voted down `faq misses` lists.
const missesShown = 25

// misses lists the answers voted down that no organiser has linked yet.
func (f *feedback) misses(ctx context.Context, c *bot.Call) error {
	ms, err := f.answers.Misses(ctx, missesShown)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return c.Say(ctx, "feedback.no_misses")
	}
	var b strings.Builder
	b.WriteString(c.T("feedback.misses_title"))
	// The table names no asker, as the text does not.
	table := &bot.Table{Columns: []string{c.T("feedback.col_id"), c.T("feedback.col_question"), c.T("feedback.col_down"), c.T("feedback.col_up"),
		c.T("feedback.col_lang"), c.T("feedback.col_topic"), c.T("feedback.col_asked")}}
	ix := f.lib.Index()
	for _, m := range ms {
		topic, topicCell := "`"+m.TopicID+"`", m.TopicID
		if t := ix.Topic(m.TopicID, m.Lang); t != nil {
			topic += " “" + bot.Quote(t.Title, 100) + "”"
			topicCell += " — " + bot.Quote(t.Title, 100)
		}
		fmt.Fprintf(&b, "\n- `%d` 👎 %d · 👍 %d “%s” (%s) → %s", m.ID, m.Down, m.Up, bot.Quote(m.Question, 200), m.Lang, topic)
		table.Rows = append(table.Rows, []string{fmt.Sprint(m.ID), bot.Quote(m.Question, 200), fmt.Sprint(m.Down), fmt.Sprint(m.Up), m.Lang, topicCell, viewStamp(m.At, f.loc)})
	}
	b.WriteString("\n" + c.T("feedback.misses_hint"))
	return c.Reply(ctx, bot.Reply{Text: b.String(), Views: []bot.View{{Title: c.T("feedback.misses_view"), Table: table}}})
}

// link adds an answered member's question as an example question of the
// topic that answers it, and rebuilds the index so that it counts at once.
func (f *feedback) link(ctx context.Context, c *bot.Call) error {
	id := int64(c.Args.Int("question"))
	a, err := f.answers.GivenAnswer(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return c.Refuse("feedback.no_answer", id)
	}
	if err != nil {
		return err
	}
	topicID := strings.ToLower(c.Args.String("topic"))
	t := f.lib.Index().Topic(topicID, a.Lang)
	if t == nil {
		return c.Refuse("faq.no_entry", bot.Quote(topicID, 40))
	}
	ex, err := f.answers.LinkAnswer(ctx, id, t.ID, t.Lang, c.Event.User.Key(), c.Bot().Options().Now())
	if errors.Is(err, storage.ErrNotFound) {
		return c.Refuse("feedback.no_answer", id)
	}
	if err != nil {
		return err
	}
	if _, err := f.lib.Reload(ctx); err != nil {
		return err
	}
	return c.Say(ctx, "feedback.linked", bot.Quote(ex.Question, 200), t.ID, t.Lang)
}

// dismiss removes an entry of `faq unanswered`: the question and its
// near-duplicates.
func (f *feedback) dismiss(ctx context.Context, c *bot.Call) error {
	id := int64(c.Args.Int("id"))
	ids, err := questionGroupOf(ctx, f.questions, id)
	if err != nil {
		return err
	}
	n, err := f.answers.DismissQuestions(ctx, ids...)
	if err != nil {
		return err
	}
	if n == 0 {
		return c.Refuse("feedback.no_open_question", id)
	}
	return c.Say(ctx, bot.Plural("feedback.dismissed", int(n)), id, n)
}

// Messages are the feature's texts.
func (*feedback) Messages() bot.Messages {
	return bot.Messages{
		"feedback.prompt":      {SV: "Hjälpte svaret?", EN: "Did this answer help?"},
		"feedback.button_up":   {SV: "👍 Ja", EN: "👍 Yes"},
		"feedback.button_down": {SV: "👎 Nej", EN: "👎 No"},
		"feedback.thanks_up":   {SV: "Tack! Kul att svaret hjälpte. 👍", EN: "Thanks! Glad the answer helped. 👍"},
		"feedback.thanks_down": {SV: "Tack för att du säger till! Arrangörerna ser att svaret inte hjälpte och kan koppla frågan till rätt ämne.",
			EN: "Thanks for telling me! The organisers see that the answer did not help and can link your question to the right topic."},
		"feedback.already":   {SV: "Du har redan röstat på det svaret; din första röst gäller.", EN: "You have already voted on that answer; your first vote counts."},
		"feedback.no_answer": {SV: "Det finns inget svar nummer %d (svar sparas i 180 dagar).", EN: "There is no answer number %d (answers are kept for 180 days)."},
		"feedback.no_misses": {SV: "Inga svar har fått 👎 som väntar på att kopplas.", EN: "No answers voted 👎 are waiting to be linked."},
		"feedback.misses_title": {SV: "**Svar som inte hjälpte** (nummer, röster, frågan, ämnet som gavs)",
			EN: "**Answers that did not help** (number, votes, the question, the topic given)"},
		"feedback.misses_view":  {SV: "Svar som inte hjälpte", EN: "Answers that did not help"},
		"feedback.col_id":       {SV: "Nr", EN: "No."},
		"feedback.col_question": {SV: "Fråga", EN: "Question"},
		"feedback.col_down":     {SV: "👎", EN: "👎"},
		"feedback.col_up":       {SV: "👍", EN: "👍"},
		"feedback.col_lang":     {SV: "Språk", EN: "Language"},
		"feedback.col_topic":    {SV: "Ämnet som gavs", EN: "Topic given"},
		"feedback.col_asked":    {SV: "Ställd", EN: "Asked"},
		"feedback.misses_hint": {SV: "Koppla frågan till rätt ämne med `faq koppla fråga:<nummer> ämne:<id>`.",
			EN: "Link the question to the right topic with `faq link question:<number> topic:<id>`."},
		"feedback.linked": {SV: "“%s” är nu en exempelfråga till `%s` (%s) och söks på direkt.",
			EN: "“%s” is now an example question of `%s` (%s) and searched at once."},
		"feedback.no_open_question": {SV: "Fråga %d finns inte bland de obesvarade. Se `faq obesvarade`.", EN: "Question %d is not among the unanswered ones. See `faq unanswered`."},
		"feedback.dismissed.one":    {SV: "Fråga %d är borttagen ur listan (%d fråga med dubbletterna).", EN: "Question %d is removed from the list (%d question with its near-duplicates)."},
		"feedback.dismissed.other":  {SV: "Fråga %d är borttagen ur listan (%d frågor med dubbletterna).", EN: "Question %d is removed from the list (%d questions with its near-duplicates)."},
		"feedback.dismiss_hint":     {SV: "Ta bort en fråga som inte ska besvaras med `faq avfärda id:<nummer>`.", EN: "Remove a question that needs no answer with `faq dismiss id:<number>`."},
		"feedback.similar":          {SV: "+%d liknande: %s", EN: "+%d similar: %s"},
	}
}
