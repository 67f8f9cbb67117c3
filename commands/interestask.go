package commands

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"passionbot/bot"
)

// A question in free text for other members who share an interest ("vem
// mer gillar keramik?", "finns det andra keramiker här?", "is there anyone
// else who does woodwork?") is answered as `interests who` answers it: the
// members (who show their profile) with that interest, or that nobody has
// it yet and how to add it — not by the knowledge base, which only knows
// how interests work in general.
//
// The reader wants a word that asks for others (andra, fler, mer, annan,
// här; else, other, others, anyone here) before a verb of doing or liking
// (gillar, håller på med, jobbar med, gör …; likes, does, is into, makes
// …) or, in "finns det andra X här", a noun for people: "vem gör
// rapporten?" or "who works with VIAkub?" ask the knowledge base.

// interestAsk answers questions for members with a shared interest.
type interestAsk struct {
	store InterestStore
	tags  *tagger
}

// interestPatterns read the interest asked about (the first group), in
// lowercase text without the question mark.
var interestPatterns = func() []*regexp.Regexp {
	const (
		svLead   = `(?:(?:vem|vilka|finns det|är det|e det|jag letar efter|letar efter|jag söker|söker|(?:kan du |kan ni )?hjälpa mig (?:att )?hitta|hjälp mig (?:att )?hitta|jag vill hitta|hur hittar jag)\s+)?`
		svOthers = `(?:andra|fler|flera|mer|annars|någon annan|nån annan|ngn annan|någon mer|nån mer|ngn mer|några andra|nåra andra|några fler|nåra fler)`
		svVerb   = `(?:gillar|älskar|håller på med|sysslar med|pysslar med|jobbar med|arbetar med|gör|är intresserade av|är intresserad av|intresserar sig för|odlar|bakar|tillverkar|målar|syr|snickrar|driver|har)`
		enLead   = `(?:who|is there|are there|is|are|anyone|anybody|any|i am looking for|looking for|(?:can you |could you )?help me find|i want to find|how do i find|find)\s+`
		enOthers = `(?:else|other people|other members|others|anyone else|anybody else|someone else|anyone here|anybody here|someone here|people here|members here|here)`
		enVerb   = `(?:likes|like|loves|love|does|do|is into|are into|makes|make|works with|work with|is interested in|are interested in|bakes|bake|grows|grow|paints|paint|runs|run|into)`
		svWhere  = `(?:\s+(?:här|också|med|i gruppen|i gemenskapen|runt omkring))?`
		enWhere  = `(?:\s+(?:here|too|as well|around|in the group))?`
	)
	return []*regexp.Regexp{
		// "vem mer gillar keramik", "vilka andra här håller på med
		// hantverk", "finns det fler som bakar surdeg", "nån annan här som
		// gör musik", "jag letar efter andra som jobbar med keramik".
		regexp.MustCompile(`^` + svLead + svOthers + `\s+(?:här\s+|i gruppen\s+|i gemenskapen\s+)?(?:som\s+)?` + svVerb + `\s+(.+?)` + svWhere + `$`),
		// "finns det andra som smider här", "finns det någon annan som
		// växtfärgar": the verb alone is the interest.
		regexp.MustCompile(`^` + svLead + svOthers + `\s+(?:här\s+)?som\s+(\S+)` + svWhere + `$`),
		// "ngn mer som spelar gitarr": any verb after "som".
		regexp.MustCompile(`^` + svLead + svOthers + `\s+(?:här\s+)?som\s+\S+\s+(.+?)` + svWhere + `$`),
		// "vem här gillar keramik".
		regexp.MustCompile(`^(?:vem|vilka)\s+här\s+(?:som\s+)?` + svVerb + `\s+(.+?)(?:\s+(?:också|med))?$`),
		// "finns det andra keramiker här", "finns det nån mer biodlare här".
		regexp.MustCompile(`^(?:finns det|är det|e det)\s+` + svOthers + `\s+(\S+(?:er|re))` + svWhere + `$`),
		// "who else likes pottery", "is there anyone else who does
		// woodwork", "any other members into weaving", "who here makes
		// cheese".
		regexp.MustCompile(`^` + enLead + `(?:` + enOthers + `\s+)?` + enOthers + `\s+(?:here\s+)?(?:who\s+|that\s+)?` + enVerb + `\s+(.+?)` + enWhere + `$`),
		// "is there anyone else who carves wood": any verb after "who".
		regexp.MustCompile(`^` + enLead + enOthers + `\s+(?:here\s+)?(?:who|that)\s+\S+\s+(.+?)` + enWhere + `$`),
		// "jag vill träffa andra keramiker", "I want to meet other potters".
		regexp.MustCompile(`^(?:jag\s+)?(?:vill|skulle vilja)\s+(?:träffa|hitta|lära känna)\s+(?:andra|fler)\s+(\S+)` + svWhere + `$`),
		regexp.MustCompile(`^(?:i\s+)?(?:want to|would like to|'d like to|wanna)\s+(?:meet|find|connect with)\s+(?:other|more)\s+(\S+s)` + enWhere + `$`),
		// "are there other woodworkers around", "any more beekeepers here".
		regexp.MustCompile(`^(?:are there|any)\s+(?:other|more)\s+(\S+s)` + enWhere + `$`),
	}
}()

// notInterests are the plural nouns "finns det andra …" asks about that
// are no interests members add ("finns det fler kurser?").
var notInterests = map[string]bool{"kurser": true, "böcker": true, "filmer": true, "källor": true, "rapporter": true,
	"grupper": true, "kanaler": true, "frågor": true, "svar": true, "regler": true, "bottar": true, "boter": true}

// readInterestQuestion returns the interest that text asks others about.
func readInterestQuestion(text string) (string, bool) {
	s := strings.ToLower(strings.TrimSpace(text))
	s = strings.TrimRight(s, "?!. ")
	if i := strings.LastIndexAny(s, ",!"); i >= 0 && i < len(s)-1 {
		s = strings.TrimSpace(s[i+1:]) // "hej! vem mer gillar keramik"
	}
	s = strings.Join(strings.Fields(s), " ")
	if !strings.Contains(s, "andra") && !strings.Contains(s, "fler") && !strings.Contains(s, "mer") &&
		!strings.Contains(s, "annan") && !strings.Contains(s, "else") && !strings.Contains(s, "other") &&
		!strings.Contains(s, "here") && !strings.Contains(s, "här") {
		return "", false // no word for others: no pattern can match, none is run
	}
	for _, p := range interestPatterns {
		if m := p.FindStringSubmatch(s); m != nil {
			topic := strings.TrimSpace(m[1])
			if topic != "" && len(strings.Fields(topic)) <= 4 && !notInterests[topic] {
				return topic, true
			}
		}
	}
	return "", false
}

// reply answers q when it asks for members with a shared interest; it
// reports whether it did.
func (f *interestAsk) reply(ctx context.Context, c *bot.Call, q string) (bool, error) {
	if f == nil || f.store == nil || f.tags == nil {
		return false, nil
	}
	topic, ok := readInterestQuestion(q)
	if !ok {
		return false, nil
	}
	tag, key, ok := f.tags.normalize(topic)
	if !ok {
		return false, nil
	}
	us, err := f.store.MembersWithInterest(ctx, c.Event.Platform, key, c.Role, c.Event.User, maxWhoListed)
	if err != nil {
		return true, err
	}
	if len(us) == 0 {
		return true, c.Say(ctx, "interests.ask_none", tag, tag)
	}
	// The others: not the member who asks.
	us = slices.DeleteFunc(us, func(u bot.User) bool { return u.Key() == c.Event.User.Key() })
	if len(us) == 0 {
		return true, c.Say(ctx, "interests.ask_only_you", tag)
	}
	return true, c.Reply(ctx, bot.Reply{Text: whoText(c, tag, us) + "\n" + c.T("interests.ask_hint", tag)})
}
