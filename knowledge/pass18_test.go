package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// TestPass18Cases checks the eighteenth pass of issue 15 (a tester
// playing 19 members on the console, findings K1–K21) through
// Index.Search on the built-in base: each line, Swedish and English
// variants written for this pass, and guards that must keep their answer.
// checkReads asserts what a member reads.
func TestPass18Cases(t *testing.T) {
	checkReads(t, []readCase{
		// K1. The report's publication date is not known; "come out"/"kom
		// ut" means published (comeOut), which the report says it does not
		// know.
		{"när kom rapporten ut", false, nil, nil},
		{"When did the report come out?", false, nil, nil},
		{"vilket år kom rapporten ut?", false, nil, nil},
		{"what year did the report come out?", false, nil, nil},
		{"När publicerades rapporten?", false, nil, nil},
		{"what came out of the VIAkub project?", true, []string{"VIAkub"}, nil},
		// K2. "Less"/"mindre" asks a degree that no lead question states
		// (moreWords, degreeLead): the money topic, without "Ja."/"Yes."
		// (or "No.", which the sources do not say either).
		{"Är passionsdrivna företag mindre lönsamma?", true, []string{"lönsam"}, []string{"Ja.", "Nej."}},
		{"Are passion-driven businesses less profitable?", true, []string{"profitable"}, []string{"Yes.", "No."}},
		{"tjänar passionsdrivna företag mindre pengar?", true, []string{"medel"}, []string{"Ja.", "Nej."}},
		{"do passion-driven businesses make less money?", true, []string{"means"}, []string{"Yes.", "No."}},
		{"can passion-driven businesses be profitable?", true, []string{"Yes.", "profitable"}, nil},
		{"är passionsdrivna företag mer innovativa?", true, nil, []string{"Ja."}},
		// K3. Getting rich is asked of a word the base does not know, and
		// the nearest lead question ("the same as the market economy?")
		// shares only the frame words (unknownMiss): no made-up "Nej."/"No.".
		{"kan man bli rik på passionsdriven ekonomi", true, []string{"medel"}, []string{"Nej.", "Ja."}},
		{"Can you get rich in the passion-driven economy?", true, []string{"means"}, []string{"No.", "Yes."}},
		{"can passion-driven businesses make you rich?", true, []string{"means"}, []string{"No.", "Yes."}},
		{"är passionsdriven ekonomi samma sak som marknadsekonomi?", true, []string{"Nej."}, nil},
		// K4. Who is making the report: its author (kb: an example and a
		// tag of report-author).
		{"Who is making the report about passion?", true, []string{"Mia Lindgren"}, nil},
		{"who is making the report?", true, []string{"Mia Lindgren"}, nil},
		{"vem skrev rapporten om passion?", true, []string{"Mia Lindgren"}, nil},
		// K5. Why it matters for Halland: the regional topic (kb: examples;
		// "spelades in" no longer in the film's "not known" sentence, where
		// it declined "spelar … roll").
		{"Why does passion-driven economy matter for Halland?", true, []string{"more attractive"}, nil},
		{"why is the passion-driven economy important for Halland?", true, []string{"more attractive"}, nil},
		{"Varför spelar passionsdriven ekonomi roll för Halland?", true, []string{"mer attraktiv"}, nil},
		{"varför spelar passionsdrivna aktörer roll för regionen?", true, []string{"mer attraktiv"}, nil},
		{"när spelades filmen med linda in", false, nil, nil},
		// K6. Who gets money from Region Halland is not known (kb: an item
		// of VIAkub's "not known" sentence; itemExact).
		{"Vilka får ekonomiskt stöd från Region Halland för textilprojekt?", false, nil, nil},
		{"Vilka får ekonomiskt stöd från Region Halland?", false, nil, nil},
		{"vilka får bidrag från Region Halland?", false, nil, nil},
		{"Who gets financial support from Region Halland?", false, nil, nil},
		{"fick VIAkub Halland stöd från EU?", true, []string{"Ja.", "EU"}, nil},
		{"Vad är VIAkub Halland?", true, []string{"EU-stött"}, []string{"ekonomiskt stöd från Region Halland", "framgår inte"}},
		// K7. "Skillnad på A och B" compares A and B (diffOn): a hobby is in
		// no topic.
		{"Vad är det för skillnad på att vara passionsdriven och att bara ha en hobby?", false, nil, nil},
		{"Vad är skillnaden på att vara passionsdriven och att ha en hobby?", false, nil, nil},
		{"what is the difference between being passion-driven and having a hobby?", false, nil, nil},
		{"skillnad på passionsdriven och marknadsdriven?", true, []string{"marknaden"}, nil},
		// K8–K11. Details a description lacks: education, social media,
		// a street address (personalWords).
		{"Vilken utbildning har Linda K Nordfors?", false, nil, nil},
		{"What education does Linda K Nordfors have?", false, nil, nil},
		{"vad har Linda Nordfors studerat?", false, nil, nil},
		{"which university did Linda Nordfors study at?", false, nil, nil},
		{"hur många följare har linda nordfors på insta", false, nil, nil},
		{"how many instagram followers does Linda Nordfors have?", false, nil, nil},
		{"does punks have a discord", false, nil, nil},
		{"har PUNKS en discord?", false, nil, nil},
		{"is PUNKS on instagram?", false, nil, nil},
		{"What's the address of Impact House Halland?", false, nil, nil},
		{"Vilken adress har Impact House Halland?", false, nil, nil},
		{"what is the street address of Impact House Halland?", false, nil, nil},
		{"where is Impact House Halland?", true, []string{"Varberg"}, nil},
		{"var ligger Impact House Halland?", true, []string{"Varberg"}, nil},
		{"Vem är Linda K Nordfors?", true, []string{"konstnär"}, nil},
		{"where does linda nordfors live", false, nil, nil},
		// K12. Two yes/no questions: no "Yes." (multiLead); the answer
		// states the board.
		{"Are Mia Lindgren and Linda Nordfors connected through PUNKS? Isn't that a conflict of interest?", true, []string{"board of PUNKS"}, []string{"Yes.", "No."}},
		{"Do Mia Lindgren and Linda Nordfors both sit on the PUNKS board? Is that a problem?", true, []string{"board of PUNKS"}, []string{"Yes.", "No."}},
		{"Är Mia Lindgren och Linda Nordfors kopplade via PUNKS? Är det inte jäv?", true, []string{"styrelsen för PUNKS"}, []string{"Ja.", "Nej."}},
		{"Is Mia Lindgren on the board of PUNKS?", true, []string{"Yes.", "board of PUNKS"}, nil},
		// K13. A no-lead naming Linda does not answer a question naming
		// another thing of the base (noLeadNames).
		{"Is passion-driven economy a Swedish invention?", true, nil, []string{"No.", "Yes."}},
		{"är passionsdriven ekonomi en svensk uppfinning?", false, nil, nil},
		{"did she invent the passion-driven economy?", true, []string{"No."}, nil},
		{"did linda invent the passion-driven economy?", true, []string{"No."}, nil},
		{"was the report commissioned by region skåne", true, []string{"No."}, nil},
		// K14. "is my X passion-driven": what one has, named after "my",
		// tells of oneself (possessedW).
		{"ä min gårdsbutik passionsdrivn? vi vill mest göra bra mat men vi måste ju gå runt", true, []string{"grundprinciperna"}, nil},
		{"is my thrift flip page passion driven or nah", true, []string{"three principles"}, nil},
		{"Is my knife smithy passionsdriven om jag älskar smide but need to sell knives to survive?", true, []string{"three principles"}, nil},
		{"är mitt kafé passionsdrivet? vi vill mest baka gott men måste gå runt", true, []string{"grundprinciperna"}, nil},
		{"is my pottery studio passion-driven?", true, []string{"three principles"}, nil},
		{"är min syateljé passionsdriven?", true, []string{"grundprinciperna"}, nil},
		{"kan jag komma på träffen med min man?", true, nil, []string{"Ja."}},
		{"can I bring my dog to the meetup?", false, nil, nil},
		// K15. "grejen" is "the thing", a filler (stop words).
		{"va e grejen med passionsdrivet asså förklara enkelt", true, []string{"samlingsnamn"}, nil},
		{"vad är grejen med passionsdrivet?", true, []string{"samlingsnamn"}, nil},
		// K16. "Honestly," opens no question; the negation of "businesses
		// that don't make money" may be a relative clause, so no no-lead
		// is turned into "Yes." (relNeg).
		{"Honestly, isn't \"passion-driven economy\" just a buzzword for businesses that don't make money?", true, []string{"means"}, []string{"Yes.", "No."}},
		{"isn't passion-driven just a nice word for businesses that don't make money?", true, []string{"profitable"}, []string{"Yes."}},
		{"är inte passionsdrivet bara ett fint ord för företag som inte tjänar pengar?", true, []string{"lönsam"}, []string{"Ja."}},
		{"does it mean that I can't make money?", true, []string{"No."}, nil},
		// K19. Whether academic research is behind the concept is not known
		// (kb: rec-research's "not known" sentence, asksItem).
		{"Is there any academic research behind it?", false, nil, nil},
		{"is there research behind the passion-driven economy?", false, nil, nil},
		{"Finns det någon forskning bakom passionsdriven ekonomi?", false, nil, nil},
		{"does the report want more research?", true, []string{"Yes."}, []string{"academic"}},
		// K20. One word that a topic names only as not known (oneWordW).
		{"book?", false, nil, nil},
		{"bok?", false, nil, nil},
		{"how do I book a place at a meetup?", true, []string{"`meetup rsvp`"}, nil},
		// K21. Both wordings give the English name (kb: where-common).
		{"Vad betyder besöksnäring in English?", true, []string{"visitor industry"}, nil},
		{"Vad betyder besöksnäring på engelska?", true, []string{"visitor industry"}, nil},
		{"what is besöksnäring in English?", true, []string{"visitor industry"}, nil},
	})
}

// off18 is a case of TestPass18Cases that gets its old, wrong reply back
// with its mechanism off: off changes the params, edit changes the
// built-in topics (and reports whether it found what to change), and
// words are stop words taken off the lists for the case.
type off18 struct {
	q     string
	off   func(p *params)
	edit  func(t *Topic) bool
	words []string
	lead  string // the wrong lead, or "" for "answered at all"
	topic string // … or the wrong topic
	text  string // … or a text the answer lacks
	// refused: the wrong reply was a refusal (the case is answered now).
	refused bool
}

// TestPass18MechanismsOff checks that each case of TestPass18Cases that a
// mechanism of the pass fixes fails with that mechanism off.
func TestPass18MechanismsOff(t *testing.T) {
	builtin, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	strip := func(id, text string) func(t *Topic) bool {
		return func(t *Topic) bool {
			if t.ID != id || !strings.Contains(t.Body, text) {
				return false
			}
			t.Body = strings.Replace(t.Body, text, "", 1)
			return true
		}
	}
	dropExample := func(id, ex string) func(t *Topic) bool {
		return func(t *Topic) bool {
			i := slices.Index(t.Examples, ex)
			if t.ID != id || i < 0 {
				return false
			}
			t.Examples = slices.Delete(slices.Clone(t.Examples), i, i+1)
			return true
		}
	}
	for _, c := range []off18{
		{q: "när kom rapporten ut", off: func(p *params) { p.comeOut = false }},
		{q: "When did the report come out?", off: func(p *params) { p.comeOut = false }},
		{q: "Är passionsdrivna företag mindre lönsamma?", off: func(p *params) { p.moreLead, p.degreeLead = false, false }, lead: LeadYes},
		{q: "Are passion-driven businesses less profitable?", off: func(p *params) { p.moreLead, p.degreeLead = false, false }, lead: LeadYes},
		{q: "do passion-driven businesses make less money?", off: func(p *params) { p.degreeLead = false }, lead: LeadNo},
		{q: "kan man bli rik på passionsdriven ekonomi", off: func(p *params) { p.unknownMiss = false }, lead: LeadNo},
		{q: "Can you get rich in the passion-driven economy?", off: func(p *params) { p.unknownMiss = false }, lead: LeadNo},
		{q: "Who is making the report about passion?", edit: func(t *Topic) bool {
			if t.ID != "report-author" || t.Lang != "en" {
				return false
			}
			t.Tags = slices.DeleteFunc(slices.Clone(t.Tags), func(s string) bool { return s == "making" })
			t.Examples = slices.DeleteFunc(slices.Clone(t.Examples), func(s string) bool { return s == "who is making the report" })
			return true
		}, topic: "recommendations"},
		{q: "Why does passion-driven economy matter for Halland?", edit: dropExample("regional-importance", "why does the passion-driven economy matter for halland"), topic: "passion-vs-market"},
		{q: "Varför spelar passionsdriven ekonomi roll för Halland?", edit: dropExample("regional-importance", "varför är passionsdriven ekonomi viktig för halland"), topic: "report"},
		{q: "Vilka får ekonomiskt stöd från Region Halland?", off: func(p *params) { p.itemExact = false }},
		{q: "Vilka får ekonomiskt stöd från Region Halland för textilprojekt?", edit: strip("viakub", " eller vilka som får ekonomiskt stöd från Region Halland")},
		{q: "Vad är det för skillnad på att vara passionsdriven och att bara ha en hobby?", off: func(p *params) { p.diffOn = false }},
		{q: "Vilken utbildning har Linda K Nordfors?", off: func(p *params) { p.personalW = 1 }},
		{q: "What education does Linda K Nordfors have?", off: func(p *params) { p.personalW = 1 }},
		{q: "hur många följare har linda nordfors på insta", off: func(p *params) { p.personalW = 1 }},
		{q: "does punks have a discord", off: func(p *params) { p.personalW = 1 }},
		{q: "What's the address of Impact House Halland?", off: func(p *params) { p.personalW = 1 }},
		{q: "Vilken adress har Impact House Halland?", off: func(p *params) { p.personalW = 1 }},
		{q: "Are Mia Lindgren and Linda Nordfors connected through PUNKS? Isn't that a conflict of interest?", off: func(p *params) { p.multiLead = false }, lead: LeadYes},
		{q: "Is passion-driven economy a Swedish invention?", off: func(p *params) { p.noLeadNames = false }, lead: LeadNo},
		{q: "ä min gårdsbutik passionsdrivn? vi vill mest göra bra mat men vi måste ju gå runt", off: func(p *params) { p.possessedW = 1 }, topic: "bot-learn"},
		{q: "is my thrift flip page passion driven or nah", off: func(p *params) { p.possessedW = 1 }, refused: true},
		{q: "Is my knife smithy passionsdriven om jag älskar smide but need to sell knives to survive?", off: func(p *params) { p.possessedW = 1 }, refused: true},
		{q: "va e grejen med passionsdrivet asså förklara enkelt", words: []string{"grej", "grejen", "grejer", "grejerna", "grejor"}, refused: true},
		{q: "Honestly, isn't \"passion-driven economy\" just a buzzword for businesses that don't make money?", off: func(p *params) { p.relNeg = false }, lead: LeadYes},
		{q: "Is there any academic research behind it?", edit: strip("rec-research", " Whether there is already academic research behind the passion-driven economy the bot's sources do not say.")},
		{q: "Finns det någon forskning bakom passionsdriven ekonomi?", edit: strip("rec-research", " Om det redan finns akademisk forskning bakom passionsdriven ekonomi framgår inte av botens källor.")},
		{q: "book?", off: func(p *params) { p.oneWordW = 1 }},
		{q: "Vad betyder besöksnäring in English?", edit: func(t *Topic) bool {
			if t.ID != "where-common" || t.Lang != "en" {
				return false
			}
			t.Tags = slices.DeleteFunc(slices.Clone(t.Tags), func(s string) bool { return s == "besöksnäring in English" })
			return true
		}, refused: true},
		{q: "Vad betyder besöksnäring på engelska?", edit: strip("where-common", " (på engelska *visitor industry*, turism)"), text: "visitor industry"},
	} {
		p := defaultParams
		if c.off != nil {
			c.off(&p)
		}
		topics := builtin
		if c.edit != nil {
			topics = append([]Topic(nil), builtin...)
			found := false
			for i := range topics {
				found = c.edit(&topics[i]) || found
			}
			if !found {
				t.Errorf("%q: nothing to edit", c.q)
			}
		}
		var saved []uint8
		savedList := stopList
		for _, w := range c.words {
			saved = append(saved, wordClasses[w])
			wordClasses[w] &^= classSvStop | classEnStop
			stopList = slices.DeleteFunc(slices.Clone(stopList), func(s string) bool { return s == w })
		}
		r := newIndex(topics, p).Search(c.q, "")
		for i, w := range c.words {
			wordClasses[w] = saved[i]
		}
		stopList = savedList
		id := ""
		if r.Top != nil {
			id = r.Top.ID
		}
		switch {
		case c.lead != "":
			if r.Lead != c.lead {
				t.Errorf("%q: lead %q with its mechanism off, want %q", c.q, r.Lead, c.lead)
			}
		case c.topic != "":
			if id != c.topic {
				t.Errorf("%q: %s with its mechanism off, want %s", c.q, id, c.topic)
			}
		case c.text != "":
			if strings.Contains(r.Text(), c.text) {
				t.Errorf("%q: the answer has %q with its mechanism off", c.q, c.text)
			}
		case c.refused:
			if r.Answered {
				t.Errorf("%q: still answered with its mechanism off (%.2f, %s)", c.q, r.Score, id)
			}
		case !r.Answered:
			t.Errorf("%q: still refused with its mechanism off (%.2f, %s)", c.q, r.Score, id)
		}
	}
}
