package knowledge

import "testing"

// TestPass11Mechanisms checks the general mechanisms of the eleventh pass
// of issue 15 on questions written for this test.
func TestPass11Mechanisms(t *testing.T) {
	checkSearches(t, []searchCase{
		// asksUnknown: another form of a word the base knows as it is
		// ("bidrar" → "bidrag") is not what a topic says it lacks.
		{"på vilket sätt bidrar de passionsdrivna aktörerna till regionen", true, "regional-importance", ""},
		// asksUnknown: a word that a topic lacks counts only in the
		// sentence that asks, not in the story around it.
		{"Vi tänker söka pengar till ett kulturprojekt och vill lära av hur VIAkub gjordes. Vem drev VIAkub?", true, "viakub", ""},
		// kb: how to apply to the university is not known.
		{"hur söker man till en kurs vid högskolan i halmstad", false, "", ""},
		// kb: whether the region gives grants is not known.
		{"delar regionen ut bidrag till passionsdrivna företag", false, "", ""},
		// kb: the sources list no VIAkub participants.
		{"finns det en lista på företagen som deltog i viakub", false, "", ""},
		{"is there a list of the companies in viakub halland", false, "", ""},
	})
}
