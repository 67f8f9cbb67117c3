package knowledge

import "testing"

// TestPass9Mechanisms checks the general mechanisms of the ninth pass of
// issue 15 on questions written for this test.
func TestPass9Mechanisms(t *testing.T) {
	checkSearches(t, []searchCase{
		// stillGram: a yes-lead without "still" does not answer "still".
		{"does viakub halland still exist", true, "", "no"},
		// pågår starts a yes/no question.
		{"pågår projektet viakub halland fortfarande", true, "", "no"},
		// needPercent: no topic gives a percentage.
		{"what percentage of companies in halland are passion driven", false, "", ""},
		{"hur många procent av företagen i sverige är passionsdrivna", false, "", ""},
		// addBarePhrase: a question of stop words only is looked up as a
		// phrase.
		{"kan du förklara mer av det som betyder något", true, "", "-"},
		// blankCodeArgs: a sample value in a command is not the topic.
		{"jag är krukmakare och sysslar med keramik, är jag passionsdriven?", true, "self-test", "depends"},
		// "tell me" does not speak of oneself.
		{"tell me a bit about viakub halland", true, "viakub", "-"},
		// pointsBack: a last clause of one word after a story about oneself.
		{"vi driver ett litet bryggeri och brygger bara det vi själva tycker är gott, ingen av oss är med för pengarna. passionsdrivet?", true, "self-test", "-"},
		// kb: the sources do not say whether Linda or Mia wrote a book.
		{"has mia lindgren published a book", false, "", ""},
		// askPrice: "how much is a …" asks a price.
		{"how much is a train ticket to halmstad", false, "", ""},
	})
	for _, c := range []struct {
		q    string
		want int
	}{
		{"what percentage of the participants", needPercent},
		{"how much is the membership", needMoney},
		{"how much is known about it", 0},
	} {
		if got := questionNeeds(c.q) & (needPercent | needMoney); got != c.want {
			t.Errorf("questionNeeds(%q) = %b, want %b", c.q, got, c.want)
		}
	}
	for q, want := range map[string]bool{
		"hej, kan du berätta om punks":             false,
		"could you explain the three principles":   false,
		"can you be passion-driven and profitable": true,
	} {
		if got := isYesNo(q); got != want {
			t.Errorf("isYesNo(%q) = %v, want %v", q, got, want)
		}
	}
	for q, want := range map[string]string{
		"I sell phone cases online. Is that passion-driven?": " Is that passion-driven?",
		"när startade viakub":                                "när startade viakub",
		"jag vill ha bra lön. hur gör jag":                   " hur gör jag",
	} {
		if got := askingPart(q); got != want {
			t.Errorf("askingPart(%q) = %q, want %q", q, got, want)
		}
	}
	if textHas("about 40 % of them")&needPercent == 0 || textHas("12 procent")&needPercent == 0 || textHas("the percentage is not known")&needPercent != 0 {
		t.Error("textHas needPercent")
	}
}
