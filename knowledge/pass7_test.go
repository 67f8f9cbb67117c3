package knowledge

import "testing"

// TestPass7Mechanisms checks the general mechanisms of the seventh pass
// of issue 15 on questions written for this test.
func TestPass7Mechanisms(t *testing.T) {
	ix := builtinIndex(t)
	for _, c := range []struct {
		q      string
		answer bool
		id     string
	}{
		// modifies: an unknown word before the base's own word names
		// another thing.
		{"förklara marxistisk ekonomi", false, ""},
		{"förklara passionsdriven ekonomi", true, "passion-driven-economy"},
		// selfLast: the last clause points back at a story about oneself.
		{"jag driver ett litet antikvariat och älskar gamla böcker, pengarna räcker till hyran. räknas det?", true, "self-test"},
	} {
		r := ix.Search(c.q, "")
		if r.Answered != c.answer || c.answer && (r.Top == nil || r.Top.ID != c.id) {
			id := ""
			if r.Top != nil {
				id = r.Top.ID
			}
			t.Errorf("%q: answered=%v (%.2f) %s, want answered=%v %s", c.q, r.Answered, r.Score, id, c.answer, c.id)
		}
	}
	if n := questionNeeds("i explore what old wood can become"); n&needAge != 0 {
		t.Errorf("'what old wood' asks for an age")
	}
	if n := questionNeeds("what age was she"); n&needAge == 0 {
		t.Errorf("'what age' does not ask for an age")
	}
}
