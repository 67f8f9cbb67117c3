package commands

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// entryID is the shape of a knowledge entry id.
var entryID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// faq lets organisers answer questions and edit the knowledge base.
type faq struct {
	lib       *Library
	entries   EntryStore
	questions QuestionStore
	loc       *time.Location // the community's: the views' times are in it
	log       *slog.Logger
}

func newFaq(d Deps) *faq {
	return &faq{lib: d.Library, entries: d.Store, questions: d.Store, loc: d.Location, log: d.logFor("faq")}
}

// Name names the feature.
func (*faq) Name() string { return "faq" }

// Commands are the feature's commands.
func (f *faq) Commands() []*bot.Command {
	lib, es, qs := f.lib, f.entries, f.questions

	idArg := bot.Arg{Name: "id", Kind: bot.KindText, Required: true, MaxLen: 40,
		Help: txt("ämnets id, t.ex. `oppettider`", "the topic's id, e.g. `opening-hours`")}
	langArg := bot.Arg{Name: "lang", SV: "språk", Kind: bot.KindChoice, Choices: []string{"sv", "en"}, ChoicesSV: langWords(),
		Help: txt("språket (standard: ditt)", "the language (default: yours)")}
	titleArg := bot.Arg{Name: "title", SV: "titel", Kind: bot.KindText, MaxLen: 200, Help: txt("rubriken: frågan ämnet svarar på", "the title: the question the topic answers")}
	tagsArg := bot.Arg{Name: "tags", SV: "taggar", Kind: bot.KindText, MaxLen: 300, Help: txt("synonymer, kommaseparerade", "synonyms, comma-separated")}
	sourceArg := bot.Arg{Name: "source", SV: "källa", Kind: bot.KindText, MaxLen: 200, Help: txt("källan", "the source")}
	textArg := bot.Arg{Name: "text", Kind: bot.KindRest, MaxLen: 1500, Help: txt("svaret, 1–4 meningar", "the answer, 1–4 sentences")}
	required := func(a bot.Arg) bot.Arg { a.Required = true; return a }
	lang := func(c *bot.Call) string {
		if l := c.Args.String("lang"); l != "" {
			return l
		}
		return c.Lang
	}
	save := func(ctx context.Context, c *bot.Call, e storage.Entry) error {
		e.Author = c.Event.User.Key()
		if err := es.SaveEntry(ctx, e, time.Now()); err != nil {
			return err
		}
		_, err := lib.Reload(ctx)
		return err
	}
	return []*bot.Command{
		{
			Name: "faq unanswered", SV: []string{"obesvarade"}, Group: "knowledge", Role: bot.RoleOrganiser, Private: true,
			Help: txt("Frågor jag inte kunde svara på, mest ställda först", "Questions I could not answer, most asked first"),
			Run: func(ctx context.Context, c *bot.Call) error {
				qsOpen, err := qs.OpenQuestions(ctx, questionScan)
				if err != nil {
					return err
				}
				if len(qsOpen) == 0 {
					return c.Say(ctx, "faq.none_open")
				}
				var b strings.Builder
				b.WriteString(c.T("faq.open_title"))
				// The table: no asker, as the text names none (questions
				// are counted, not kept per member).
				table := &bot.Table{Columns: []string{c.T("faq.col_id"), c.T("faq.col_question"), c.T("faq.col_times"),
					c.T("faq.col_lang"), c.T("faq.col_last_asked"), c.T("faq.col_similar")}}
				groups := groupQuestions(qsOpen) // near-duplicates are one entry
				for _, q := range groups[:min(len(groups), 25)] {
					fmt.Fprintf(&b, "\n- `%d` %s “%s” (%s)", q.ID, c.T("faq.times", q.Total), bot.Quote(q.Text, 200), q.Lang)
					similar := ""
					if len(q.Others) > 0 {
						b.WriteString(" · " + c.T("feedback.similar", len(q.Others), idList(q.Others)))
						similar = strings.ReplaceAll(idList(q.Others), "`", "")
					}
					table.Rows = append(table.Rows, []string{fmt.Sprint(q.ID), bot.Quote(q.Text, 200), fmt.Sprint(q.Total), q.Lang, viewStamp(q.LastAsked, f.loc), similar})
				}
				b.WriteString("\n" + c.T("faq.open_hint") + " " + c.T("feedback.dismiss_hint"))
				return c.Reply(ctx, bot.Reply{Text: b.String(), Views: []bot.View{{Title: c.T("faq.open_view"), Table: table}}})
			},
		},
		{
			Name: "faq answer", SV: []string{"svara"}, Group: "knowledge", Role: bot.RoleOrganiser,
			Help: txt("Besvara en obesvarad fråga; svaret blir sökbart direkt", "Answer an unanswered question; the answer is searchable at once"),
			Args: []bot.Arg{
				{Name: "id", Kind: bot.KindInt, Required: true, Min: 1, Max: 1 << 30, Help: txt("frågans nummer från `faq obesvarade`", "the question's number from `faq unanswered`")},
				required(textArg),
			},
			Examples: []string{`faq answer id:12 text:"Ateljén är öppen tisdagar 10–16."`},
			Run: func(ctx context.Context, c *bot.Call) error {
				q, err := qs.Question(ctx, int64(c.Args.Int("id")))
				if err == storage.ErrNotFound {
					return c.Refuse("faq.no_question", c.Args.Int("id"))
				}
				if err != nil {
					return err
				}
				if q.AnsweredBy != "" {
					return c.Refuse("faq.already_answered", q.ID, q.AnsweredBy)
				}
				id := fmt.Sprintf("fraga-%d", q.ID)
				e := storage.Entry{ID: id, Lang: q.Lang, Title: q.Text, Body: c.Args.String("text"), Source: c.Bot().Catalog().T(q.Lang, "faq.source_organiser")}
				if err := save(ctx, c, e); err != nil {
					return err
				}
				// The near-duplicates listed with it are answered too.
				group, err := questionGroupOf(ctx, qs, q.ID)
				if err != nil {
					return err
				}
				for _, qid := range group {
					if err := qs.MarkAnswered(ctx, qid, id); err != nil {
						return err
					}
				}
				return c.Say(ctx, "faq.answered", id)
			},
		},
		{
			Name: "faq add", SV: []string{"lägg till", "lägg"}, Group: "knowledge", Role: bot.RoleOrganiser,
			Help:     txt("Lägg till ett ämne (eller ersätt ett inbyggt)", "Add a topic (or override a built-in one)"),
			Args:     []bot.Arg{idArg, required(titleArg), langArg, tagsArg, sourceArg, required(textArg)},
			Examples: []string{`faq add id:oppettider title:"När är ateljén öppen?" text:"Tisdagar 10–16."`},
			Run: func(ctx context.Context, c *bot.Call) error {
				id := strings.ToLower(c.Args.String("id"))
				if !entryID.MatchString(id) {
					return c.Refuse("faq.bad_id", bot.Quote(id, 40))
				}
				e := storage.Entry{ID: id, Lang: lang(c), Title: c.Args.String("title"), Body: c.Args.String("text"),
					Tags: storage.SplitList(c.Args.String("tags")), Source: c.Args.String("source")}
				if e.Source == "" {
					e.Source = c.Bot().Catalog().T(e.Lang, "faq.source_organiser")
				}
				if b := lib.Builtin(id, e.Lang); b != nil {
					e.Related = b.Related
				}
				if err := save(ctx, c, e); err != nil {
					return err
				}
				if lib.IsBuiltin(id) {
					return c.Say(ctx, "faq.overridden", id, e.Lang)
				}
				return c.Say(ctx, "faq.added", id, e.Lang)
			},
		},
		{
			Name: "faq edit", SV: []string{"ändra"}, Group: "knowledge", Role: bot.RoleOrganiser,
			Help:     txt("Ändra ett ämne; ett inbyggt ersätts med din version", "Change a topic; a built-in one is overridden by your version"),
			Args:     []bot.Arg{idArg, langArg, titleArg, tagsArg, sourceArg, textArg},
			Examples: []string{`faq edit id:viakub-contact text:"Kontakta Region Halland."`},
			Run: func(ctx context.Context, c *bot.Call) error {
				id, l := strings.ToLower(c.Args.String("id")), lang(c)
				cur := lib.Index().Topic(id, l)
				if cur == nil || cur.Lang != l {
					return c.Refuse("faq.no_topic", bot.Quote(id, 40), l)
				}
				e := storage.Entry{ID: id, Lang: l, Title: cur.Title, Body: cur.Body, Tags: cur.Tags, Related: cur.Related, Source: cur.Source}
				changed := false
				for name, dst := range map[string]*string{"title": &e.Title, "text": &e.Body, "source": &e.Source} {
					if c.Args.Has(name) {
						*dst, changed = c.Args.String(name), true
					}
				}
				if c.Args.Has("tags") {
					e.Tags, changed = storage.SplitList(c.Args.String("tags")), true
				}
				if !changed {
					return c.Refuse("faq.nothing_to_change")
				}
				if err := save(ctx, c, e); err != nil {
					return err
				}
				return c.Say(ctx, "faq.edited", id, l)
			},
		},
		{
			Name: "faq remove", SV: []string{"ta bort"}, Group: "knowledge", Role: bot.RoleOrganiser,
			Help: txt("Ta bort ett ämne du lagt till (inbyggda återställs)", "Remove a topic you added (built-in ones are restored)"),
			Args: []bot.Arg{idArg, langArg},
			Run: func(ctx context.Context, c *bot.Call) error {
				id := strings.ToLower(c.Args.String("id"))
				n, err := es.DeleteEntry(ctx, id, c.Args.String("lang"))
				if err != nil {
					return err
				}
				if n == 0 {
					if lib.IsBuiltin(id) {
						return c.Refuse("faq.builtin_remove", id)
					}
					return c.Refuse("faq.no_entry", bot.Quote(id, 40))
				}
				if _, err := lib.Reload(ctx); err != nil {
					return err
				}
				if lib.IsBuiltin(id) {
					return c.Say(ctx, "faq.restored", id)
				}
				return c.Say(ctx, "faq.removed", id)
			},
		},
		{
			Name: "faq show", SV: []string{"visa"}, Group: "knowledge", Role: bot.RoleOrganiser, Ephemeral: true,
			Help: txt("Visa ett ämne på båda språken och var det kommer ifrån", "Show a topic in both languages and where it comes from"),
			Args: []bot.Arg{idArg},
			Run: func(ctx context.Context, c *bot.Call) error {
				id := strings.ToLower(c.Args.String("id"))
				var b strings.Builder
				for _, l := range []string{"sv", "en"} {
					t := lib.Index().Topic(id, l)
					if t == nil || t.Lang != l {
						continue
					}
					fmt.Fprintf(&b, "**[%s] %s**\n%s\n", l, t.Title, t.Body)
					if t.Source != "" {
						b.WriteString("_" + c.T("ask.source", t.Source) + "_\n")
					}
					if len(t.Tags) > 0 {
						b.WriteString(c.T("faq.tags", strings.Join(t.Tags, ", ")) + "\n")
					}
				}
				if b.Len() == 0 {
					return c.Refuse("faq.no_entry", bot.Quote(id, 40))
				}
				b.WriteString(c.T("faq.origin." + lib.Origin(id)))
				return c.Reply(ctx, bot.Reply{Text: b.String()})
			},
		},
		{
			Name: "faq topics", Aliases: []string{"faq ämnen"}, Group: "knowledge", Role: bot.RoleOrganiser, Ephemeral: true,
			Help: txt("Alla ämnen: id, rubrik och ursprung", "Every topic: id, title and origin"),
			Run:  f.topics,
		},
		{
			Name: "faq reload", SV: []string{"ladda om"}, Group: "knowledge", Role: bot.RoleOrganiser, Ephemeral: true,
			Help: txt("Läs om ämnesmappen och databasens ämnen", "Reload the topic folder and the database's topics"),
			Run: func(ctx context.Context, c *bot.Call) error {
				problems, err := lib.Reload(ctx)
				if err != nil {
					return err
				}
				msg := c.TN("faq.reloaded", lib.Index().Len(), lib.Index().Len())
				for _, p := range problems {
					msg += "\n- " + skipped(c, f.log, p)
				}
				return c.Reply(ctx, bot.Reply{Text: msg})
			},
		},
	}
}

// maxTopicsListed bounds `faq topics` (a chat message; the dashboard's
// table shows the same rows).
const maxTopicsListed = 200

// topics lists the knowledge base's topics in the caller's language.
func (f *faq) topics(ctx context.Context, c *bot.Call) error {
	ix := f.lib.Index()
	ids := ix.IDs()
	var b strings.Builder
	b.WriteString(c.TN("faq.topics_title", len(ids), len(ids)))
	view := bot.View{Title: c.T("faq.topics_view"), Table: &bot.Table{Columns: []string{
		c.T("faq.col_topic"), c.T("faq.col_title"), c.T("faq.col_origin"), c.T("faq.col_tags")}}}
	for i, id := range ids {
		if i == maxTopicsListed {
			b.WriteString("\n" + c.T("faq.topics_more", len(ids)-maxTopicsListed))
			break
		}
		t := ix.Topic(id, c.Lang)
		origin := c.T("faq.origin_short." + f.lib.Origin(id))
		fmt.Fprintf(&b, "\n- `%s` %s (%s)", id, t.Title, origin)
		view.Table.Rows = append(view.Table.Rows, []string{id, t.Title, origin, strings.Join(t.Tags, ", ")})
	}
	b.WriteString("\n" + c.T("faq.topics_hint"))
	return c.Reply(ctx, bot.Reply{Text: b.String(), Views: []bot.View{view}})
}

// Messages are the feature's texts.
func (*faq) Messages() bot.Messages {
	return bot.Messages{
		"faq.topics_title.one":     {SV: "**%d ämne**", EN: "**%d topic**"},
		"faq.topics_title.other":   {SV: "**%d ämnen**", EN: "**%d topics**"},
		"faq.topics_view":          {SV: "Ämnen", EN: "Topics"},
		"faq.topics_more":          {SV: "… och %d till.", EN: "… and %d more."},
		"faq.topics_hint":          {SV: "Ett ämne i sin helhet: `faq visa id:<id>`.", EN: "A topic in full: `faq show id:<id>`."},
		"faq.col_topic":            {SV: "Ämne", EN: "Topic"},
		"faq.col_title":            {SV: "Rubrik", EN: "Title"},
		"faq.col_origin":           {SV: "Ursprung", EN: "Origin"},
		"faq.col_tags":             {SV: "Taggar", EN: "Tags"},
		"faq.origin_short.builtin": {SV: "inbyggt", EN: "built in"},
		"faq.origin_short.dir":     {SV: "ämnesmappen", EN: "topic folder"},
		"faq.origin_short.faq":     {SV: "arrangör", EN: "organiser"},
		"faq.origin_short.":        {SV: "okänt", EN: "unknown"},
		"faq.none_open":            {SV: "Inga obesvarade frågor just nu.", EN: "No unanswered questions right now."},
		"faq.open_title":           {SV: "**Obesvarade frågor**", EN: "**Unanswered questions**"},
		"faq.times":                {SV: "%d×", EN: "%d×"},
		"faq.open_view":            {SV: "Obesvarade frågor", EN: "Unanswered questions"},
		"faq.col_id":               {SV: "Nr", EN: "No."},
		"faq.col_question":         {SV: "Fråga", EN: "Question"},
		"faq.col_times":            {SV: "Antal gånger", EN: "Times asked"},
		"faq.col_lang":             {SV: "Språk", EN: "Language"},
		"faq.col_last_asked":       {SV: "Senast ställd", EN: "Last asked"},
		"faq.col_similar":          {SV: "Liknande", EN: "Similar"},
		"faq.open_hint":            {SV: "Svara med `faq svara id:<nummer> text:\"…\"`.", EN: "Answer with `faq answer id:<number> text:\"…\"`."},
		"faq.no_question":          {SV: "Det finns ingen fråga nummer %d. Se `faq obesvarade`.", EN: "There is no question number %d. See `faq unanswered`."},
		"faq.source_organiser":     {SV: "arrangörerna i gemenskapen", EN: "the community's organisers"},
		"faq.answered":             {SV: "Tack! Svaret är sparat som `%s` och används direkt.", EN: "Thanks! The answer is saved as `%s` and used at once."},
		"faq.already_answered":     {SV: "Fråga %d är redan besvarad som `%s`; ändra svaret med `faq ändra`.", EN: "Question %d is already answered as `%s`; change the answer with `faq edit`."},
		"faq.bad_id":               {SV: "`%s` duger inte som id: använd små bokstäver a–z, siffror och bindestreck (högst 40).", EN: "`%s` is not a valid id: use lowercase a–z, digits and hyphens (at most 40)."},
		"faq.added":                {SV: "Ämnet `%s` (%s) är sparat och sökbart.", EN: "The topic `%s` (%s) is saved and searchable."},
		"faq.overridden":           {SV: "Din version av det inbyggda ämnet `%s` (%s) gäller nu. `faq ta bort` återställer originalet.", EN: "Your version of the built-in topic `%s` (%s) now applies. `faq remove` restores the original."},
		"faq.no_topic":             {SV: "Det finns inget ämne `%s` på %s.", EN: "There is no topic `%s` in %s."},
		"faq.nothing_to_change":    {SV: "Ange vad som ska ändras: `title`, `text`, `tags` eller `source`.", EN: "Say what to change: `title`, `text`, `tags` or `source`."},
		"faq.edited":               {SV: "Ämnet `%s` (%s) är ändrat.", EN: "The topic `%s` (%s) is changed."},
		"faq.builtin_remove":       {SV: "`%s` är inbyggt och kan inte tas bort, men du kan ersätta det med `faq ändra`.", EN: "`%s` is built in and cannot be removed, but you can override it with `faq edit`."},
		"faq.no_entry":             {SV: "Det finns inget ämne `%s`.", EN: "There is no topic `%s`."},
		"faq.removed":              {SV: "Ämnet `%s` är borttaget.", EN: "The topic `%s` is removed."},
		"faq.restored":             {SV: "Din version är borttagen; det inbyggda ämnet `%s` gäller igen.", EN: "Your version is removed; the built-in topic `%s` applies again."},
		"faq.tags":                 {SV: "Synonymer: %s", EN: "Synonyms: %s"},
		"faq.origin.builtin":       {SV: "Ursprung: inbyggt.", EN: "Origin: built in."},
		"faq.origin.dir":           {SV: "Ursprung: ämnesmappen.", EN: "Origin: the topic folder."},
		"faq.origin.faq":           {SV: "Ursprung: skrivet av en arrangör.", EN: "Origin: written by an organiser."},
		"faq.origin.":              {SV: "Ursprung: okänt.", EN: "Origin: unknown."},
		"faq.reloaded.one":         {SV: "Kunskapsbasen är omläst: %d ämne.", EN: "The knowledge base is reloaded: %d topic."},
		"faq.reloaded.other":       {SV: "Kunskapsbasen är omläst: %d ämnen.", EN: "The knowledge base is reloaded: %d topics."},
		"faq.skipped_line":         {SV: "hoppade över %s:%d (vad som är fel står i loggen)", EN: "skipped %s:%d (the log says what is wrong)"},
		"faq.skipped_special":      {SV: "hoppade över %s: inte en vanlig fil (symlänkar, rör och enheter läses inte)", EN: "skipped %s: not a regular file (symlinks, pipes and devices are not read)"},
		"faq.skipped_large":        {SV: "hoppade över %s: större än %d KiB", EN: "skipped %s: larger than %d KiB"},
		"faq.skipped_dup":          {SV: "hoppade över %s: samma ämne och språk som en fil före den", EN: "skipped %s: the same topic and language as a file before it"},
		"faq.skipped_unread":       {SV: "hoppade över %s: kunde inte läsas (orsaken står i loggen)", EN: "skipped %s: could not be read (the log says why)"},
		"faq.dir_unreadable":       {SV: "Ämnesmappen kunde inte läsas (orsaken står i loggen).", EN: "The topic folder could not be read (the log says why)."},
	}
}
