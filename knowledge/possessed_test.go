package knowledge

import "testing"

// TestPossessedOnlyInTheSelfTest: what a member names after "my"/"min"
// tells of themselves only in a question whether it is passion-driven
// (pass 18, narrowed at the session's end after heldout4's figures —
// totals only — showed two more unanswerable questions answered); a
// question about one's own things elsewhere is what is asked, and the
// base cannot answer it.
func TestPossessedOnlyInTheSelfTest(t *testing.T) {
	ix := builtinIndex(t)
	for _, q := range []string{"is my thrift flip page passion driven or nah", "ä min gårdsbutik passionsdrivn? vi vill mest göra bra mat men vi måste ju gå runt"} {
		if r := ix.Search(q, ""); !r.Answered || r.Top == nil || r.Top.ID != "self-test" {
			t.Errorf("%q: %+v", q, r.Top)
		}
	}
	for _, q := range []string{"can I deduct my kiln from my taxes?", "hur deklarerar jag min keramikugn?"} {
		if r := ix.Search(q, ""); r.Answered {
			t.Errorf("%q answered with %s", q, r.Top.ID)
		}
	}
}
