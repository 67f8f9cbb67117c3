package knowledge

import "testing"

// TestPass10Mechanisms checks the general mechanisms of the tenth pass of
// issue 15 on questions written for this test.
func TestPass10Mechanisms(t *testing.T) {
	checkSearches(t, []searchCase{
		// fuzzyVariants: a typo matches the other forms of its correction.
		{"finns det en hemsdia om punks", true, "punks", ""},
		// longStopTypo: a misspelt long function word is that word, also
		// in a bare phrase.
		{"vad menas egentligen med mer av det som betydr något", true, "explore-not-grow", ""},
		// selfPlace: the story's place name of a yes/no question about
		// oneself costs nothing.
		{"vi har en liten ideell körförening i varberg och sjunger för att vi älskar det, vi vill inte växa. kan vi vara passionsdrivna fast vi är ideella?", true, "", ""},
		// … but a name the story gives to a wh-question still counts.
		{"I want to book Mia Lindgren for a talk at our library in Laholm. What is her phone number?", false, "", ""},
		// kb: profile visibility is the bot's privacy topic.
		{"can i make my profile hidden from other members", true, "bot-privacy", ""},
	})
}
