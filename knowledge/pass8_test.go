package knowledge

import "testing"

// TestPass8Mechanisms checks the general mechanisms of the eighth pass of
// issue 15 on questions written for this test.
func TestPass8Mechanisms(t *testing.T) {
	checkSearches(t, []searchCase{
		// asksItem: exactly what a topic says it does not know.
		{"roughly how many passion-driven companies are there in halland", false, "", ""},
		{"vilka kommuner har punks jobbat ihop med", false, "", ""},
		// but not a question for what the topic does state.
		{"vilka samarbetar punks med", true, "punks", "-"},
		// asksWhich: "X or Y" is not a yes/no question.
		{"is it the company or the owner that counts as passion-driven", true, "purpose-not-person", "-"},
		// otherContact: the contact person of VIAkub is not PUNKS's.
		{"what's the phone number of punks", false, "", ""},
		{"kan du ge mig ert mejl", false, "", ""},
		{"what is veronica olofsson's email", true, "viakub-contact", "-"},
		// onlyEveryday: nothing but everyday words.
		{"what is the time right now", false, "", ""},
	})
	if g, ok := funcTypo("baraa"); !ok || g != onlyGram {
		t.Errorf("funcTypo(baraa) = %v %v", g, ok)
	}
	if _, ok := funcTypo("barack"); ok {
		t.Errorf("funcTypo(barack) found a function word")
	}
	items := unknownItems("The bot's sources do not say who chairs it, how many members it has, how to join or what membership costs.")
	if len(items) != 4 || items[1].needs&needNumber == 0 {
		t.Errorf("unknownItems: %+v", items)
	}
}
