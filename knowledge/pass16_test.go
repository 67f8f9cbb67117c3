package knowledge

import "testing"

// TestPass16Mechanisms checks the sixteenth pass of issue 15 (a second
// tester's console lines) on the tester's lines and paraphrases written
// for this test. Each case fails with its mechanism off (the param, the
// words, or the rule switched off); checkReads asserts what a member
// reads.
func TestPass16Mechanisms(t *testing.T) {
	checkReads(t, []readCase{
		// personalW: a personal question (married, children, rich, age)
		// about someone named that the topic does not state is refused,
		// not answered with the biography and a made-up "Yes."/"Ja.".
		{"is Linda Nordfors married?", false, nil, nil},
		{"har Linda Nordfors barn?", false, nil, nil},
		{"är Linda Nordfors rik?", false, nil, nil},
		{"does Linda Nordfors have kids?", false, nil, nil},
		// … while a story that tells of one's own pay still gets the
		// self-test (only the last clause is read).
		{"jag tar ut lite lön men älskar det jag gör. är min ateljé passionsdriven?", true, []string{"grundprinciperna"}, []string{"Ja."}},
		// arithW: a sum is no question for the knowledge base.
		{"what is 17 times 3?", false, nil, nil},
		{"vad är 12 gånger 4?", false, nil, nil},
		// noCoverW: words the base does not know, matched only by the
		// example questions' letters, with no word of the topic.
		{"de e ett jävla blåsevär idag, bina håller sig inne", false, nil, nil},
		// "cringe" is chat (termKey made it the Swedish "kring").
		{"cringe", false, nil, nil},
		// detNeg: "no X" negates what is asked; a yes-lead ("can they
		// make a profit?") is turned …
		{"does passion driven mean no profit?", true, []string{"No.", "means"}, []string{"Yes."}},
		{"betyder passionsdriven ingen vinst?", true, []string{"Nej.", "medel"}, []string{"Ja."}},
		// … a no-lead is not ("growth is not the goal" does not say there
		// is none), and a negated question gets no default yes.
		{"does passion-driven mean no growth?", true, []string{"explore"}, []string{"Yes."}},
		{"betyder det att jag inte får växa?", true, []string{"utforska"}, []string{"Ja."}},
		// sentenceYes: the default yes needs one sentence with the
		// question's words, and none when the question also asks where.
		{"får man bidrag om man är passionsdriven?", true, []string{"marknadsdrivna"}, []string{"Ja."}},
		{"kan man få bidrag som passionsdriven?", true, []string{"marknadsdrivna"}, []string{"Ja."}},
		{"where is VIAkub? I can go there?", true, []string{"2022"}, []string{"Yes."}},
		// weakLead: a yes-lead hardly like the question ("is linda on the
		// board of punks") does not confirm what no sentence states. Since
		// pass 17 report-author says that whether Mia Lindgren is PUNKS's
		// CEO is not known, so the question is refused;
		// TestPass17MechanismsOff checks weakLead on the base without that
		// sentence.
		{"is Mia Lindgren the CEO of PUNKS?", false, nil, nil},
		// weakNo: a no-lead hardly like the question that lacks its word
		// ("is punks a company?") does not answer "a charity?".
		{"is PUNKS a charity?", true, []string{"non-profit"}, []string{"No."}},
		// "am" opens a yes/no question; colloquial "ja" (jag) is the first
		// person, not a subject word (Skåne: "e ja" = "är jag").
		{"am i passion-driven if i have a hobby?", true, []string{"It depends.", "three principles"}, nil},
		{"ja säljer honung på marknaden i Simrishamn, e ja passionsdriven då?", true, []string{"grundprinciperna"}, []string{"Ja."}},
		{"ja driver ett litet bageri, e ja passionsdriven?", true, []string{"grundprinciperna"}, []string{"Ja."}},
		// ifStory: after the question, "if I …" tells what one does.
		{"does that make me passion driven if I sell spoons at the christmas market?", true, []string{"It depends.", "three principles"}, nil},
		{"would I be passion-driven if I sold bread at the farmers market?", true, []string{"It depends."}, nil},
	})
}

// TestPass16Knowledge holds the knowledge-base cases of the sixteenth
// pass: the organisers' topic (from the README), PUNKS.
func TestPass16Knowledge(t *testing.T) {
	checkReads(t, []readCase{
		{"how do I contact the organisers?", true, []string{"channels", "organisers"}, []string{"Veronica"}},
		{"hur kontaktar jag arrangörerna?", true, []string{"kanalerna", "arrangör"}, []string{"Veronica"}},
		{"who are the moderators?", true, []string{"channels"}, nil},
		{"är PUNKS en myndighet?", true, []string{"Nej.", "ideell"}, nil},
		{"is PUNKS a government agency?", true, []string{"No.", "non-profit"}, nil},
		{"who founded PUNKS?", true, []string{"Linda K Nordfors", "2020"}, nil},
		{"vem grundade PUNKS?", true, []string{"Linda K Nordfors", "2020"}, nil},
		{"är jag passionsdriven om jag har en hobby?", true, []string{"Det beror på.", "grundprinciperna"}, []string{"intressen"}},
	})
}
