package knowledge

import (
	"strings"
	"testing"
)

// readCase is a question and what a member reads in reply: Result.Text()
// must contain each of want and none of not; answered false expects no
// answer at all.
type readCase struct {
	q        string
	answered bool
	want     []string
	not      []string
}

func checkReads(t *testing.T, cases []readCase) {
	t.Helper()
	ix := builtinIndex(t)
	for _, c := range cases {
		r := ix.Search(c.q, "")
		text := r.Text()
		if r.Answered != c.answered {
			id := ""
			if r.Top != nil {
				id = r.Top.ID
			}
			t.Errorf("%q: answered=%v (%.2f, %s), want %v; text %q", c.q, r.Answered, r.Score, id, c.answered, text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%q: the answer lacks %q: %q", c.q, w, text)
			}
		}
		for _, w := range c.not {
			if strings.Contains(text, w) {
				t.Errorf("%q: the answer has %q: %q", c.q, w, text)
			}
		}
	}
}

// TestPass14Mechanisms checks the fourteenth pass of issue 15 (a tester
// playing members on the console) on the tester's lines and paraphrases
// written for this test. Each mechanism case fails with its mechanism off
// (the param, or the words, switched off).
func TestPass14Mechanisms(t *testing.T) {
	checkReads(t, []readCase{
		// hideUnknown: the "not known" sentences the question does not ask
		// about are left out of the answer …
		{"Vad är VIAkub Halland för något?", true, []string{"VIAkub Halland var", "rapporten *Passion som affärsmodell och samverkan för innovation*."}, []string{"framgår inte", "bussar", "utbildningar"}},
		{"What is VIAkub Halland?", true, []string{"VIAkub Halland was", "innovation*."}, []string{"do not say", "by bus", "nor do they give"}},
		{"Vem är Linda K Nordfors?", true, []string{"lindaknordfors.com."}, []string{"efterträdde", "framgår inte"}},
		{"who is linda nordfors", true, []string{"lindaknordfors.com."}, []string{"succeeded", "book"}},
		// … and kept when the question speaks of it (here in the story
		// around it, which asksUnknown does not decline).
		{"Jag letar efter en bok av henne. Vem är Linda K Nordfors?", true, []string{"lindaknordfors.com.", "någon bok av henne framgår inte"}, nil},
		{"I am looking for a book by her. Who is Linda K Nordfors?", true, []string{"title of any book by her"}, nil},
		// requestVerb: "can you recommend …" asks the bot's own advice,
		// not the report's recommendations.
		{"can you recommend a good accountant?", false, nil, nil},
		// actionVerbs: a request to the bot gets no default "Yes."
		// (asksFavour): the bot does not create a meetup for whoever asks.
		{"kan du skapa en träff?", true, []string{"`träff skapa titel:", "`träff lista`"}, []string{"Ja."}},
		{"can you create a meetup?", true, []string{"`meetup create title:", "`meetup list`"}, []string{"Yes."}},
		{"can you book me a place at the meetup?", true, []string{"`meetup rsvp`"}, []string{"Yes."}},
		// moreLead: "more …?" is not led by a yes-lead without "more".
		{"är passionsdrivna företag mer innovativa?", true, []string{"resurs för innovation"}, []string{"Ja.", "VIAkub"}},
		{"are passion-driven businesses more innovative?", true, []string{"innovation resource"}, []string{"Yes."}},
		// fuzzyFirst and allUnknown: an everyday word spelt like a word of
		// the base but for its first letter is not a typo of it.
		{"it's raining again", false, nil, nil},
		{"raining", false, nil, nil},
		// possessiveMan: "min man" is a husband, not the pronoun "one", so
		// the question is not all about meetups: no made-up "Ja.".
		{"kan jag komma på träffen med min man?", true, nil, []string{"Ja."}},
		// stop words: chat around a question ("I not understand the word
		// …", "Jaså, minsann").
		{`I not understand the word "skuggrapport", what is it?`, true, []string{"Passionsdrivna Sverige"}, nil},
		{"jag förstår inte ordet skuggrapport, vad är det?", true, []string{"Passionsdrivna Sverige"}, nil},
	})
}

// TestPass14Knowledge checks the knowledge-base content of the
// fourteenth pass on the tester's lines.
func TestPass14Knowledge(t *testing.T) {
	checkReads(t, []readCase{
		// How organisers create a meetup, and members see them.
		{"hur skapar man en träff?", true, []string{"`träff skapa titel:\"…\" när:\"…\"`", "`träff lista`"}, []string{"Skapa mötesplatser"}},
		{"how do I create a meetup?", true, []string{"`meetup create title:\"…\" when:\"…\"`", "`meetup list`"}, []string{"meeting places"}},
		{"hej! jag ska planera en träff", true, []string{"`träff skapa"}, nil},
		{"Förresten, hur gör man för att se vilka träffar som finns?", true, []string{"`träff lista`"}, nil},
		// Leads that agree with the body.
		{"men är det fel att vilja tjäna pengar om man är passionsdriven?", true, []string{"Nej.", "medel"}, nil},
		{"is it wrong to want to make money if you're passion-driven?", true, []string{"No.", "means"}, nil},
		{"does it mean I can't grow my business?", true, []string{"No.", "explore"}, nil},
		{"I want to sell more but I am not want to become big company, is ok?", true, []string{"explore"}, nil},
		{"do I need to be an artist to be passion-driven?", true, []string{"No.", "every industry"}, nil},
		// Who is behind the idea; the interests command.
		{"who is the person who make this idea?", true, []string{"Linda K Nordfors"}, nil},
		{"how I can find other peoples who make wood things?", true, []string{"`interests who"}, nil},
		{"vilka fler gillar keramik?", true, []string{"`intressen vilka"}, nil},
		{"kan du skapa en träff på fredag?", true, []string{"`träff skapa titel:", "`träff lista`"}, []string{"Ja."}},
		// Honest refusals stay, and no made-up yes.
		{"can I bring my husband to the meetup?", false, nil, nil},
		{"kan du rekommendera en bra revisor?", false, nil, nil},
		{"får jag ta med min man på träffen?", true, nil, []string{"Ja."}},
	})
}
