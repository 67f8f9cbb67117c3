package commands

import "testing"

// TestReadInterestQuestion: the questions for others with an interest
// that members write, and near ones that ask the knowledge base.
func TestReadInterestQuestion(t *testing.T) {
	for q, want := range map[string]string{
		"vem mer gillar keramik?":                                 "keramik",
		"finns det andra keramiker här?":                          "keramiker",
		"Vilka andra i gruppen håller på med hantverk?":           "hantverk",
		"hej! finns det fler som bakar surdeg":                    "surdeg",
		"vem här odlar tomater?":                                  "tomater",
		"is there anyone else who does woodwork?":                 "woodwork",
		"who else likes pottery?":                                 "pottery",
		"anyone here into weaving?":                               "weaving",
		"nån annan här som gör musik?":                            "musik",
		"finns det nån mer biodlare här?":                         "biodlare",
		"är det någon annan här som har bin?":                     "bin",
		"jag letar efter andra som jobbar med keramik":            "keramik",
		"ngn mer som spelar gitarr?":                              "gitarr",
		"is there anyone else who carves wood?":                   "wood",
		"are there other woodworkers around?":                     "woodworkers",
		"Finns det andra som smider här?":                         "smider",
		"Finns det någon annan som växtfärgar?":                   "växtfärgar",
		"Kan du hjälpa mig hitta andra som håller på med textil?": "textil",
		"Can you help me find others who do textiles?":            "textiles",
		"finns det någon som vet?":                                "",
		"is anyone else here into sourdough?":                     "sourdough",
		"hi! is anyone else here into sourdough baking?":          "sourdough baking",
		"I want to meet other potters":                            "potters",
		"jag vill träffa andra keramiker":                         "keramiker",
		"vem gör rapporten?":                                      "",
		"who works with VIAkub?":                                  "",
		"finns det fler kurser?":                                  "",
		"vilka andra organisationer jobbar med passion?":          "",
	} {
		got, ok := readInterestQuestion(q)
		if want == "" && ok {
			t.Errorf("%q read as a question for members with the interest %q", q, got)
		}
		if want != "" && got != want {
			t.Errorf("%q: interest %q, want %q", q, got, want)
		}
	}
}

// TestInterestQuestionGuard: of the knowledge questions of the tuning
// sets, none is read as a question for members with an interest.
func TestInterestQuestionGuard(t *testing.T) {
	n := 0
	for _, f := range []string{"eval", "holdout", "tuning", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6",
		"heldout8/questions", "heldout11/questions", "heldout12/questions", "heldout13/questions", "heldout14/questions",
		"heldout27/questions", "heldout29/questions"} {
		for _, q := range readLines(t, "../knowledge/testdata/"+f+".jsonl") {
			n++
			if topic, ok := readInterestQuestion(q.Q); ok {
				t.Errorf("%s: %q read as a question for members with the interest %q", f, q.Q, topic)
			}
		}
	}
	if n < 2000 {
		t.Fatalf("only %d questions read", n)
	}
}
