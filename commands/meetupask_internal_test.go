package commands

import (
	"reflect"
	"testing"
)

// The tester's questions about the meetups coming up, and questions that
// stay with the knowledge base or small talk.
func TestReadMeetupQuestion(t *testing.T) {
	for _, q := range []string{
		"Finns det några träffar?", "vilka träffar finns det?", "Vilken tid börjar träffen på fredag?",
		"Hur många kommer på fredag?", "när är nästa träff?", "finns det någon träff snart?",
		"kör vi nån träff snart el", "Har ni några möten här i Falkenberg?", "when is the next meetup?",
		"how many are coming on Friday?", "is there meeting for food peoples?", "Are there any meetups coming up?",
		"are there några träffar coming up?", "hej! när är nästa fikaträff?", "any meet-ups this week?",
		"blir det fika i morgon?", "what meetups are planned?", "vilka event är på gång",
	} {
		if _, ok := readMeetupQuestion(q); !ok {
			t.Errorf("%q: not read as a question about the meetups", q)
		}
	}
	for _, q := range []string{
		"how do meetups work?", "hur skapar man en träff?", "hur osar man till en träff?", "how do I see upcoming meetps",
		"vad är passionsdriven ekonomi?", "what is the passion-driven economy?", "hej", "tack för påminnelsen om träffen",
		"hur bokar jag ett teams-möte med kollegorna", "how do I set up a Zoom meeting?", "vad menas med att skapa mötesplatser",
		"jag var på en träff igår, när tog projektet slut?", "får man påminnelse innan en meetup?", "vad är en träff?",
		"hur många passionsdrivna företag finns det?", "when did VIAkub end?", "can digital platforms work as meeting places?",
		"vilka event har VIAkub haft?", "when was the last meetup?", "were there any meetups in October?",
	} {
		if _, ok := readMeetupQuestion(q); ok {
			t.Errorf("%q: read as a question about the meetups", q)
		}
	}
	for q, want := range map[string]meetupQuestion{
		"Hur många kommer på fredag?":          {day: "fredag", weekday: 5, relative: -1, howMany: true},
		"how many are coming on Friday?":       {day: "friday", weekday: 5, relative: -1, howMany: true},
		"när är nästa träff?":                  {relative: -1},
		"blir det fika i morgon?":              {day: "imorgon", relative: 1},
		"Vilken tid börjar träffen på lördag?": {day: "lördag", weekday: 6, relative: -1},
	} {
		if got, _ := readMeetupQuestion(q); !reflect.DeepEqual(got, want) {
			t.Errorf("%q = %+v, want %+v", q, got, want)
		}
	}
}

// meetupGuardMatches are the questions of the knowledge base's test files
// that really ask about the meetups coming up: the only ones the detector
// may take from the base.
var meetupGuardMatches = map[string]bool{
	"när är nästa punks-träff i halmsatd": true,
}

// The knowledge base's questions (its own topics, small talk, questions it
// cannot answer) stay with it: the detector takes only those that ask about
// the meetups coming up.
func TestMeetupQuestionGuard(t *testing.T) {
	n := 0
	for _, f := range []string{"eval", "holdout", "tuning", "tuning2", "tuning3", "tuning4", "tuning5"} {
		for _, line := range readLines(t, "../knowledge/testdata/"+f+".jsonl") {
			if line.Q == "" {
				continue
			}
			n++
			_, ok := readMeetupQuestion(line.Q)
			if ok && !meetupGuardMatches[line.Q] {
				t.Errorf("%s: %q read as a question about the meetups", f, line.Q)
			}
			if !ok && meetupGuardMatches[line.Q] {
				t.Errorf("%s: %q asks about the next meetup, not read so", f, line.Q)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d questions read", n)
	}
}
