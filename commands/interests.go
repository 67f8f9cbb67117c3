package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball"

	"passionbot/bot"
	"passionbot/storage"
)

// InterestStore keeps profiles and interests.
type InterestStore interface {
	Profile(ctx context.Context, u bot.User) (storage.Profile, error)
	SaveProfile(ctx context.Context, p storage.Profile) error
	AddInterests(ctx context.Context, u bot.User, tags []storage.Interest) (int, error)
	RemoveInterests(ctx context.Context, u bot.User, keys []string) (int, error)
	Interests(ctx context.Context, u bot.User) ([]storage.Interest, error)
	MembersWithInterest(ctx context.Context, p bot.Platform, key string, viewer bot.Role, self bot.User, limit int) ([]bot.User, error)
	VisibleInterests(ctx context.Context, u bot.User, viewer bot.Role) ([]storage.Interest, error)
	TopInterests(ctx context.Context, p bot.Platform, viewer bot.Role, limit int) ([]storage.TagCount, error)
	TagsWithPrefix(ctx context.Context, p bot.Platform, viewer bot.Role, prefix string, limit int) ([]string, error)
}

// suggest offers existing tags as a member types a tag argument: the
// last comma-separated part is completed, the parts before it kept.
func (f *interests) suggest(ctx context.Context, p bot.Platform, viewer bot.Role, command, arg, typed string) []string {
	{
		if arg != "tags" && arg != "tag" {
			return nil
		}
		head, last := "", strings.TrimSpace(typed)
		if i := strings.LastIndex(typed, ","); i >= 0 && arg == "tags" {
			head, last = typed[:i+1]+" ", strings.TrimSpace(typed[i+1:])
		}
		tags, err := f.store.TagsWithPrefix(ctx, p, viewer, strings.ToLower(last), 25)
		if err != nil {
			return nil
		}
		out := make([]string, 0, len(tags))
		for _, t := range tags {
			out = append(out, strings.TrimSpace(head+t))
		}
		return out
	}
}

// Limits on interests.
const (
	maxTagsAtOnce  = 20
	maxInterests   = 50
	maxTagRunes    = 40
	maxWhoListed   = 50
	maxTopInterest = 15
)

// tagger normalizes tags: case and spacing folded, accents other than
// å/ä/ö folded, each word reduced by the Swedish and then the English
// Snowball stemmer (so "surdegar" and "surdeg", "ceramics" and "ceramic"
// meet), and a small curated table joins obvious Swedish/English pairs.
type tagger struct{ synonyms map[string]string }

func newTagger() *tagger {
	t := &tagger{synonyms: map[string]string{}}
	for _, pair := range [][2]string{
		{"keramik", "ceramics"}, {"keramik", "pottery"}, {"hantverk", "crafts"}, {"hantverk", "craft"}, {"mat", "food"},
		{"konst", "art"}, {"musik", "music"}, {"surdeg", "sourdough"}, {"bröd", "bread"}, {"besöksnäring", "tourism"},
		{"besöksnäring", "turism"}, {"hälsa", "health"}, {"textil", "textiles"}, {"trä", "wood"}, {"foto", "photography"},
		{"odling", "gardening"}, {"lantbruk", "farming"}, {"skog", "forestry"}, {"kultur", "culture"}, {"dans", "dance"},
		{"teater", "theatre"}, {"teater", "theater"}, {"litteratur", "literature"}, {"måleri", "painting"},
		{"smide", "blacksmithing"}, {"glas", "glass"}, {"vävning", "weaving"}, {"biodling", "beekeeping"},
		{"hållbarhet", "sustainability"}, {"design", "design"}, {"livsmedel", "food production"},
	} {
		_, sv, _ := t.raw(pair[0])
		_, en, _ := t.raw(pair[1])
		t.synonyms[en] = sv
	}
	return t
}

// raw cleans a tag and computes its key without the synonym table.
func (t *tagger) raw(s string) (tag, key string, ok bool) {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'å' || r == 'ä' || r == 'ö' || r == '&' || (r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))):
			// "B&B" stays "b&b", not "bb".
			b.WriteRune(r)
		case unicode.IsLetter(r):
			b.WriteRune(fold(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			b.WriteRune(' ')
		}
	}
	words := strings.Fields(b.String())
	tag = strings.Join(words, " ")
	if tag == "" || len([]rune(tag)) > maxTagRunes {
		return tag, "", false
	}
	stems := make([]string, len(words))
	for i, w := range words {
		if sv, err := snowball.Stem(w, "swedish", false); err == nil && sv != "" {
			w = sv
		}
		if en, err := snowball.Stem(w, "english", false); err == nil && en != "" {
			w = en
		}
		stems[i] = w
	}
	return tag, strings.Join(stems, " "), true
}

// normalize returns the tag to show and the key it is stored under.
func (t *tagger) normalize(s string) (tag, key string, ok bool) {
	tag, key, ok = t.raw(s)
	if canon, found := t.synonyms[key]; found {
		key = canon
	}
	return tag, key, ok
}

// fold removes an accent from a letter other than å, ä, ö.
func fold(r rune) rune {
	switch r {
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'á', 'à', 'â':
		return 'a'
	case 'ü', 'ú', 'ù', 'û':
		return 'u'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ó', 'ò', 'ô', 'ø':
		return 'o'
	case 'æ':
		return 'ä'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	}
	return r
}

// interests keeps members' interests and profiles and helps those who
// share one find each other.
type interests struct {
	store   InterestStore
	locales LocaleStore
	tags    *tagger
	groups  *groups
}

func newInterests(d Deps, tags *tagger, g *groups) *interests {
	return &interests{store: d.Store, locales: d.Store, tags: tags, groups: g}
}

// Name names the feature.
func (*interests) Name() string { return "interests" }

// Commands are the interest and profile commands.
func (f *interests) Commands() []*bot.Command {
	cmds := append(interestCommands(f.store, f.tags, f.groups), f.groups.commands()...)
	return append(cmds, profileCommands(f.store, f.locales)...)
}

func interestCommands(s InterestStore, tg *tagger, g *groups) []*bot.Command {
	tags := bot.Arg{Name: "tags", SV: "intressen", Kind: bot.KindRest, Required: true, MaxLen: 2000, Suggest: true, Help: txt("intressen, kommaseparerade", "interests, comma-separated")}
	parse := func(c *bot.Call) ([]storage.Interest, error) {
		parts := storage.SplitList(c.Args.String("tags"))
		if len(parts) > maxTagsAtOnce {
			return nil, c.Refuse("interests.too_many_at_once", len(parts), maxTagsAtOnce)
		}
		var out []storage.Interest
		seen := map[string]bool{}
		for _, p := range parts {
			tag, key, ok := tg.normalize(p)
			if !ok {
				if len([]rune(tag)) > maxTagRunes {
					return nil, c.Refuse("interests.too_long", bot.Quote(p, 40), maxTagRunes)
				}
				continue
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, storage.Interest{Key: key, Tag: tag})
			}
		}
		if len(out) == 0 {
			return nil, c.Refuse("interests.none_valid")
		}
		return out, nil
	}
	return []*bot.Command{
		{Name: "interests", GroupSV: []string{"intressen"}, Group: "members", Ephemeral: true,
			Help: txt("Dina intressen", "Your interests"),
			Run: func(ctx context.Context, c *bot.Call) error {
				mine, err := s.Interests(ctx, c.Event.User)
				if err != nil {
					return err
				}
				if len(mine) == 0 {
					return c.Say(ctx, "interests.none")
				}
				return c.Say(ctx, "interests.mine", joinTags(mine))
			}},
		{Name: "interests add", SV: []string{"lägg till", "lägg"}, Group: "members", Help: txt("Lägg till intressen", "Add interests"), Args: []bot.Arg{tags},
			Examples: []string{`interests add tags:"keramik, surdeg, besöksnäring"`},
			Run: func(ctx context.Context, c *bot.Call) error {
				add, err := parse(c)
				if err != nil {
					return err
				}
				have, err := s.Interests(ctx, c.Event.User)
				if err != nil {
					return err
				}
				if len(have)+len(add) > maxInterests {
					return c.Refuse("interests.too_many", maxInterests)
				}
				if _, err := s.AddInterests(ctx, c.Event.User, add); err != nil {
					return err
				}
				added := map[string]string{}
				for _, a := range add {
					added[a.Key] = a.Tag
				}
				g.check(ctx, c.Event.Platform, added)
				text := c.T("interests.added", joinTags(add))
				if raw := c.Args.String("tags"); len(add) == 1 && !strings.ContainsAny(raw, ",;\n") {
					// "keramik surdeg vävning": one interest of three words,
					// or three? Say how to write several ("trädgård och
					// odling": "trädgård, odling").
					words := slices.DeleteFunc(strings.Fields(add[0].Tag), func(w string) bool {
						return w == "och" || w == "and" || w == "&" || w == "eller" || w == "or"
					})
					if len(words) >= 2 && len(strings.Fields(add[0].Tag)) >= 3 {
						text += "\n" + c.T("interests.commas", strings.Join(words, ", "))
					}
				}
				return c.Reply(ctx, bot.Reply{Text: text})
			}},
		{Name: "interests remove", SV: []string{"ta bort"}, Group: "members", Help: txt("Ta bort intressen", "Remove interests"), Args: []bot.Arg{tags},
			Run: func(ctx context.Context, c *bot.Call) error {
				rm, err := parse(c)
				if err != nil {
					return err
				}
				keys := make([]string, len(rm))
				for i, t := range rm {
					keys[i] = t.Key
				}
				n, err := s.RemoveInterests(ctx, c.Event.User, keys)
				if err != nil {
					return err
				}
				if n == 0 {
					return c.Say(ctx, "interests.removed_none", joinTags(rm))
				}
				return c.Say(ctx, bot.Plural("interests.removed", n), n)
			}},
		{Name: "interests who", SV: []string{"vilka"}, Group: "members", Help: txt("Vilka har ett visst intresse?", "Who has a given interest?"),
			Args: []bot.Arg{{Name: "tag", SV: "intresse", Kind: bot.KindRest, Required: true, MaxLen: 200, Suggest: true, Help: txt("intresset", "the interest")}},
			Run: func(ctx context.Context, c *bot.Call) error {
				tag, key, ok := tg.normalize(c.Args.String("tag"))
				if !ok {
					return c.Refuse("interests.none_valid")
				}
				us, err := s.MembersWithInterest(ctx, c.Event.Platform, key, c.Role, c.Event.User, maxWhoListed)
				if err != nil {
					return err
				}
				if len(us) == 0 {
					return c.Say(ctx, "interests.who_none", tag)
				}
				return c.Reply(ctx, bot.Reply{Text: whoText(c, tag, us)})
			}},
		{Name: "interests top", SV: []string{"topp"}, Group: "members", Help: txt("Gemenskapens vanligaste intressen", "The community's most common interests"),
			Run: func(ctx context.Context, c *bot.Call) error {
				top, err := s.TopInterests(ctx, c.Event.Platform, c.Role, maxTopInterest)
				if err != nil {
					return err
				}
				if len(top) == 0 {
					return c.Say(ctx, "interests.top_none")
				}
				var b strings.Builder
				b.WriteString(c.T("interests.top_title"))
				for _, t := range top {
					fmt.Fprintf(&b, "\n- %s (%d)", t.Tag, t.Count)
				}
				return c.Reply(ctx, bot.Reply{Text: b.String()})
			}},
	}
}

func joinTags(ts []storage.Interest) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Tag
	}
	return strings.Join(out, ", ")
}

// whoText lists the members us with the interest tag, as `interests who`
// shows them: by name, or by id when they have none.
func whoText(c *bot.Call, tag string, us []bot.User) string {
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Name
		if names[i] == "" {
			names[i] = u.ID
		}
	}
	return c.T(bot.Plural("interests.who", len(us)), tag, len(us), strings.Join(names, ", "))
}
