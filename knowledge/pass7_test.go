package knowledge

import "testing"

// TestPass7Mechanisms checks the general mechanisms of the seventh pass
// of issue 15 on questions written for this test.
func TestPass7Mechanisms(t *testing.T) {
	checkSearches(t, []searchCase{
		// modifies: an unknown word before the base's own word names
		// another thing.
		{"förklara marxistisk ekonomi", false, "", ""},
		{"förklara passionsdriven ekonomi", true, "passion-driven-economy", ""},
		// selfLast: the last clause points back at a story about oneself.
		{"jag driver ett litet antikvariat och älskar gamla böcker, pengarna räcker till hyran. räknas det?", true, "self-test", ""},
	})
	if n := questionNeeds("i explore what old wood can become"); n&needAge != 0 {
		t.Errorf("'what old wood' asks for an age")
	}
	if n := questionNeeds("what age was she"); n&needAge == 0 {
		t.Errorf("'what age' does not ask for an age")
	}
}

// searchCase is a question written for a pass's test and what the base
// must do with it: decline it, or answer it with topic id ("" for any)
// and lead (LeadYes …; "-" for none, "" when not checked).
type searchCase struct {
	q      string
	answer bool
	id     string
	lead   string
}

// checkSearches asks the built-in base each case's question.
func checkSearches(t *testing.T, cases []searchCase) {
	t.Helper()
	ix := builtinIndex(t)
	for _, c := range cases {
		r := ix.Search(c.q, "")
		id, lead := "", r.Lead
		if r.Top != nil {
			id = r.Top.ID
		}
		if lead == "" {
			lead = "-"
		}
		if r.Answered != c.answer || c.answer && (c.id != "" && id != c.id || c.lead != "" && lead != c.lead) {
			t.Errorf("%q: answered=%v (%.2f) %s lead %q, want answered=%v %s lead %q", c.q, r.Answered, r.Score, id, lead, c.answer, c.id, c.lead)
		}
	}
}
