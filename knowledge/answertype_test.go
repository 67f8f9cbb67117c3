package knowledge

import "testing"

func TestTextHas(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"The report was compiled by Mia Lindgren.", needName},
		{"Linda K Nordfors is an artist.", needName},
		{"activities at Impact House Halland in Varberg", needName | needPlace},
		{"events held at the centre (Halmstad)", needPlace},
		{"It reached 141 participants.", needNumber | needDigits},
		{"It started in 2020.", needDigits},
		{"inquiry SOU 2022:44", needDigits},
		{"phone 035-17 98 80", needNumber | needContact | needDigits},
		{"email `veronica.olofsson@regionhalland.se`.", needContact},
		{"It ended in Halland. Many companies took part.", needPlace},
		{"PUNKS is a national non-profit", 0},
	} {
		if got := textHas(c.text); got != c.want {
			t.Errorf("textHas(%q) = %b, want %b", c.text, got, c.want)
		}
	}
}

func TestQuestionNeedsTypes(t *testing.T) {
	for _, c := range []struct {
		q    string
		want int
	}{
		{"who wrote the report?", needName},
		{"vem skrev rapporten", needName},
		{"var ligger impact house", needPlace},
		{"var viakub ett eu-projekt", 0},
		{"var i Halmstad höll VIAkub till?", needPlace},
		{"ge mig ett svar på frågan", 0},
		{"i vilken stad finns centret", needPlace},
		{"when did viakub end", needTime},
		{"hur många deltog", needNumber},
		{"vad har hon för telefonnummer", needContact},
		{"did VIAkub have a mobile test lab bus?", 0},
		{"what is her mobile number", needContact | needDigits},
		{"vad har veronica för mobil?", needContact},
		{"vad tjänar linda", needMoney},
		{"how much does she earn", needMoney},
		{"what's mia lindgren's number", needDigits},
		{"how old is linda k nordfors", needAge},
		{"hur lång är rapporten", needDigits},
		{"how long did viakub run", needDigits},
		{"hur gammal är mia lindgren", needAge},
		{"what was viakub's total budget", needMoney},
		{"is revenue the goal of a passion-driven business", 0},
		{"does anyone know when the project ended?", needTime},
		{"vet någon vem som skrev den", needName},
	} {
		if got := questionNeeds(c.q); got != c.want {
			t.Errorf("questionNeeds(%q) = %b, want %b", c.q, got, c.want)
		}
	}
}

func TestIsYesNoWhere(t *testing.T) {
	for q, want := range map[string]bool{
		"var i Halmstad höll VIAkub till?": false,
		"var ligger impact house":          false,
		"var viakub ett eu-projekt?":       true,
		"var det över hundra deltagare":    true,
		"var kan passionsdrivna mötas":     false,
		"does anyone know when it ended":   false,
		"vet du vem som skrev den?":        false,
		"do you know the report":           true,
	} {
		if got := isYesNo(q); got != want {
			t.Errorf("isYesNo(%q) = %v", q, got)
		}
	}
	if !modalClash(modalMust, modalCan) || modalClash(modalMust, modalMust|modalCan) || modalClash(0, modalMust) {
		t.Error("modalClash")
	}
}

func TestCompares(t *testing.T) {
	var tk tokenizer
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"is the explainer video longer than half an hour?", true},
		{"was reflection company founded before 2000?", true},
		{"did VIAkub reach more then 100 participants?", true},
		{"var det över hundra deltagare?", true},
		{"är videon längre än en halvtimme?", true},
		{"är viakub igång än?", false},
		{"is the goal more of what matters?", false},
		{"var det efter mötet?", false},
	} {
		if got := compares(&tk, c.q); got != c.want {
			t.Errorf("compares(%q) = %v", c.q, got)
		}
	}
}

func TestComparedPair(t *testing.T) {
	var tk tokenizer
	for q, want := range map[string][2]string{
		"vad är skillnaden mellan planekonomi och marknadsekonomi": {"planekonomi", "marknadsekonomi"},
		"what's the difference between GDP and GNP?":               {"gdp", "gnp"},
		"difference between passion-driven and market-driven":      {"passion", "market"},
		"what is the passion-driven economy":                       {},
		"samarbete mellan regionen":                                {},
	} {
		if got := comparedPair(&tk, q, true); got != want {
			t.Errorf("comparedPair(%q) = %q, want %q", q, got, want)
		}
	}
	ix := builtinIndex(t)
	if r := ix.Search("vad är skillnaden mellan passionsdriven och marknadsdriven ekonomi", "sv"); !r.Answered || r.Top.ID != "passion-vs-market" {
		t.Errorf("passion vs market: %+v", r)
	}
	if r := ix.Search("vad är skillnaden mellan planekonomi och marknadsekonomi", "sv"); r.Answered {
		t.Errorf("planned vs market economy answered with %s", r.Top.ID)
	}
}
