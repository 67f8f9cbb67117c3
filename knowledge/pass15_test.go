package knowledge

import "testing"

// TestPass15Mechanisms checks the fifteenth pass of issue 15 (heldout29
// as tuning) on paraphrases written for this test, not the set's lines.
// Each case fails with its mechanism off.
func TestPass15Mechanisms(t *testing.T) {
	checkReads(t, []readCase{
		// needClock: opening and office hours need a time of day, which no
		// topic gives (VIAkub's dates and years do not say when a place is
		// open).
		{"what are the opening hours of impact house?", false, nil, nil},
		{"öppettider för digitalt laborativt centrum", false, nil, nil},
		{"när har impact house halland öppet?", false, nil, nil},
		{"when does digitalt laborativt centrum close?", false, nil, nil},
		// … while where they are is still answered.
		{"where is impact house halland?", true, []string{"Varberg"}, nil},
		// A number of one or two digits is no date by itself: "12
		// minutes" does not answer "when".
		{"when was the filmed interview about the 12 minutes published?", false, nil, nil},
		{"how long is the video?", true, []string{"12 minutes"}, nil},
		{"when did viakub start?", true, []string{"April 2020"}, nil},
		// genericSelf: in "is it wrong/ok/enough …", "does it mean …",
		// "räcker det att …" the first person stands for anyone: the rule
		// is asked, not the self-test of one's own business …
		{"is it ok to make money if I am passion-driven?", true, []string{"Yes.", "means"}, []string{"depends"}},
		{"does it mean I can't grow if I'm passion-driven?", true, []string{"No.", "explore"}, nil},
		{"räcker det att jag älskar det jag gör för att räknas som passionsdriven?", true, []string{"Nej.", "tre"}, []string{"beror"}},
		// … but "is it passion-driven if I …" and "does that make me …"
		// still are.
		{"is it passion-driven if I restore old boats because I love it?", true, []string{"It depends."}, nil},
		{"I restore old boats because I love it and earn little, does that make me passion-driven?", true, []string{"It depends."}, nil},
		// negLead: a negation in what is asked ("betyder det att … inte",
		// "does it mean … can't") is not answered by a lead question
		// without one; only such a lead near, its answer is turned.
		{"betyder det att jag inte får tjäna pengar om jag är passionsdriven?", true, []string{"Nej.", "medel"}, []string{"Ja."}},
		{"does it mean I can't make money?", true, []string{"No.", "means"}, []string{"Yes."}},
		{"is it true that passion-driven businesses don't make money?", true, []string{"No."}, []string{"Yes."}},
		// … a negation right after the verb asks for agreement: the same
		// question as without it.
		{"måste man inte vilja växa hela tiden?", true, []string{"Nej.", "utforska"}, nil},
		// tagQuestion: a statement put as a question ("…, right?", "…,
		// correct?", "så … alltså …?") asks yes or no.
		{"so punks is a band, right?", true, []string{"No."}, nil},
		{"linda nordfors defined the passion-driven economy, correct?", true, []string{"Yes."}, nil},
		{"så viakub pågår alltså fortfarande?", true, []string{"Nej.", "2022"}, nil},
		// Chat fillers before a question ("lol", "haha", "btw") are
		// neither subject words nor what opens the question.
		{"haha är punks ett band?", true, []string{"Nej."}, nil},
		// leadCover: of two lead questions about as near, the one that says
		// nothing the question does not leads ("… for market-driven
		// companies?" — yes — does not answer "… for passion-driven
		// companies?").
		{"is public support designed for passion-driven companies?", true, []string{"No.", "market"}, []string{"Yes."}},
	})
}
