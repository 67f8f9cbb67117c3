package knowledge

import "testing"

func TestCourse(t *testing.T) {
	lessons, err := Course()
	if err != nil {
		t.Fatal(err)
	}
	if len(lessons) != 5 {
		t.Fatalf("%d lessons, want 5", len(lessons))
	}
	ix := NewIndex(mustBuiltin(t))
	for _, l := range lessons {
		if len(l.Quiz) != 3 {
			t.Errorf("lesson %s has %d quiz questions, want 3", l.ID, len(l.Quiz))
		}
		for _, id := range l.Topics {
			if ix.Topic(id, "sv") == nil {
				t.Errorf("lesson %s draws on unknown topic %q", l.ID, id)
			}
		}
		for _, q := range l.Quiz {
			if len(q.OptionsIn("sv")) != 3 || len(q.OptionsIn("en")) != 3 || q.Explain.SV == "" || q.Explain.EN == "" {
				t.Errorf("lesson %s: quiz question %q lacks options or explanation", l.ID, q.Question.EN)
			}
		}
	}
}

func mustBuiltin(t *testing.T) []Topic {
	t.Helper()
	ts, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return ts
}
